package seeds_test

import (
	"testing"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/record"
)

// TestSeedTotals checks the seed dataset, read by the real loader, against
// the figures of the articles (see SOURCES.md).
func TestSeedTotals(t *testing.T) {
	d, err := report.Load(report.Options{})
	if err != nil || len(d.Problems) > 0 || len(d.Warnings) > 0 {
		t.Fatalf("the seed data does not load cleanly: %v %v %v", err, d.Problems, d.Warnings)
	}
	ds := d.Dataset
	s, err := aggregate.Summarize(ds, aggregate.Options{Level: aggregate.LevelProvince})
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]aggregate.Line{}
	for _, l := range s.Lines {
		by[l.Name()] = l
	}
	type want struct {
		fields                  [record.NumFields]int64
		models, newM, sustained int64
		funds, households       int64
	}
	wants := map[string]want{
		// The articles on Lạng Sơn and Đắk Nông do not say whether their
		// models are new: not stated, never guessed.
		"Lạng Sơn": {fields: [record.NumFields]int64{0, 3, 19, 5, 8}, models: 35, funds: 380_000_000, households: 8_500},
		"Lai Châu": {fields: [record.NumFields]int64{430, 0, 0, 0, 0}, models: 430, newM: 233, sustained: 197},
		"Đắk Nông": {fields: [record.NumFields]int64{38, 0, 0, 0, 0}, models: 38, funds: 10_723_900_000, households: 387},
		"Bến Tre":  {households: 104},
	}
	if len(by) != len(wants) {
		t.Errorf("seed provinces: %d, want %d", len(by), len(wants))
	}
	for name, w := range wants {
		l, ok := by[name]
		if !ok {
			t.Errorf("no line for %s", name)
			continue
		}
		got := want{fields: l.ByField, models: l.Models, newM: l.New, sustained: l.Sustained, funds: l.FundsVND, households: l.Households}
		if got != w {
			t.Errorf("%s = %+v\nwant %+v", name, got, w)
		}
	}
	// Named figures from the articles.
	extra := func(name string) int64 {
		for i, e := range s.Extras {
			if e == name {
				return s.Total.Extra[i]
			}
		}
		t.Errorf("no indicator %s", name)
		return 0
	}
	for name, v := range map[string]int64{
		"houses_built": 258, "propaganda_sessions": 10_360, "participants": 990_000,
		"collectives_commended": 13, "individuals_commended": 37, "savings_groups": 2_043,
	} {
		if got := extra(name); got != v {
			t.Errorf("%s = %d, want %d", name, got, v)
		}
	}
	// Every row carries its source.
	for _, r := range ds.Records {
		if r.Source == "" {
			t.Errorf("%v: no source", r.Pos())
		}
	}
}
