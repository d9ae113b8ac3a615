package compare

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/record"
)

// registerData is a register of several quarters whose models come back
// from quarter to quarter, their names written in several ways.
func registerData(rng *rand.Rand, n int) *record.Dataset {
	communes := [][2]string{{"Lạng Sơn", "Xã Bắc Sơn"}, {"Lạng Sơn", "Xã Đình Lập"}, {"Lạng Sơn", ""}, {"Khánh Hòa", "Phường Nha Trang"}, {"khánh hoà", "phường nha trang"}}
	models := []string{"Tổ tự quản", "TỔ TỰ QUẢN", "Đường hoa", "Camera an ninh", ""}
	ds := &record.Dataset{}
	for range n {
		c := communes[rng.IntN(len(communes))]
		q := record.QuarterOf(2024, 1) + record.Quarter(rng.IntN(12))
		p := record.Period{First: q, Last: q, Kind: record.KindQuarter}
		if rng.IntN(10) == 0 {
			p = record.YearsPeriod(q.Year(), q.Year())
		}
		r := record.Record{Province: c[0], Commune: c[1], Unit: "Hội Phụ nữ", Model: models[rng.IntN(len(models))],
			Field: record.Field(rng.IntN(record.NumFields)), Status: record.Status(rng.IntN(3)), Period: p, Count: 1 + rng.Int64N(2),
			FundsVND: rng.Int64N(100), Source: []string{"", "bc"}[rng.IntN(2)]}
		ds.Records = append(ds.Records, r)
	}
	return ds
}

// summaryOf is what a comparison shows of a summary.
func summaryOf(s *aggregate.Summary) string {
	return fmt.Sprintf("%v %v %d %d %+v %+v %+v", s.Period, s.Level, s.Records, s.Straddling, s.Total, s.Lines, s.Quarters)
}

// Compare's summaries, made in one pass with the current summary's index,
// are those that Summarize makes of each base period on its own, as
// Compare made them before; with or without the current summary's index.
func TestCompareAsSummaries(t *testing.T) {
	for seed := range uint64(10) {
		rng := rand.New(rand.NewPCG(seed, 5))
		ds := registerData(rng, 300)
		for _, p := range []record.Period{record.QuarterPeriod(2025, 3), record.QuarterPeriod(2026, 1), record.QuarterPeriod(2024, 2),
			{First: record.QuarterOf(2025, 1), Last: record.QuarterOf(2025, 2), Kind: record.KindHalf}, record.YearsPeriod(2025, 2025)} {
			aopts := aggregate.Options{Period: p, Localities: [][]string{nil, {"Lạng Sơn"}}[rng.IntN(2)], Level: aggregate.Level(rng.IntN(4))}
			current, err := aggregate.Summarize(ds, aopts)
			if err != nil {
				t.Fatal(err)
			}
			// Another dataset of the same records: Compare makes its own index.
			copied := &record.Dataset{Records: append([]record.Record(nil), ds.Records...)}
			for _, data := range []*record.Dataset{ds, copied} {
				c, err := Compare(data, aopts, current, Both())
				if err != nil {
					t.Fatal(err)
				}
				o := aopts
				o.Level = current.Level
				base := func(name string, b *Base, period record.Period, ok bool) {
					if !ok || !hasRecords(ds, period) {
						if b != nil {
							t.Errorf("seed %d, %v: a %s base of %v", seed, p, name, b.Period)
						}
						return
					}
					o.Period = period
					want, err := aggregate.Summarize(ds, o)
					if err != nil {
						t.Fatal(err)
					}
					if b == nil || summaryOf(b.Summary) != summaryOf(want) {
						t.Errorf("seed %d, %v: %s base differs", seed, p, name)
						return
					}
					for _, l := range want.Lines {
						if !reflect.DeepEqual(b.Line(l.Key()), l.Figures) {
							t.Errorf("seed %d, %v: %s base's line %s", seed, p, name, l.Key())
						}
					}
				}
				prev, ok := Previous(p)
				base("previous", c.Previous, prev, ok)
				ago, ok := YearAgo(p)
				base("year-ago", c.YearAgo, ago, ok)
				ytd, ok := YearToDate(p)
				base("year-to-date", c.YearToDate, ytd, ok)
				o.Period = record.Period{First: p.Last - 7, Last: p.Last, Kind: record.KindRange}
				want, err := aggregate.Summarize(ds, o)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(c.History, want.Quarters) {
					t.Errorf("seed %d, %v: history %+v; want %+v", seed, p, c.History, want.Quarters)
				}
			}
		}
	}
}

// A base period whose figures overflow refuses the report, as it did.
func TestCompareOverflow(t *testing.T) {
	q := func(n int) record.Period { return record.QuarterPeriod(2025, n) }
	ds := &record.Dataset{Records: []record.Record{
		{Province: "Lạng Sơn", Period: q(2), Count: 2, FundsVND: math.MaxInt64 - 1},
		{Province: "Lạng Sơn", Unit: "x", Period: q(2), Count: 2, FundsVND: 5},
		{Province: "Lạng Sơn", Period: q(3), Count: 2, FundsVND: 1},
	}}
	aopts := aggregate.Options{Period: q(3)}
	current, err := aggregate.Summarize(ds, aopts)
	if err != nil {
		t.Fatal(err)
	}
	var oe *aggregate.OverflowError
	if _, err := Compare(ds, aopts, current, Both()); err == nil || !errors.As(err, &oe) || oe.Column != "funds_vnd" {
		t.Errorf("overflow in the previous quarter: %v", err)
	}
	if c, err := Compare(ds, aopts, current, Options{}); err != nil || c.Previous != nil || c.History != nil {
		t.Errorf("no comparison: %v, %+v", err, c)
	}
}
