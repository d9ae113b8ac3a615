package report_test

import (
	"math"
	"testing"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/compare"
	"github.com/dvkreport/dvkreport/report/record"
)

type figs struct{ models, newM, sustained, notStated, funds, households int64 }

func figsOf(f aggregate.Figures) figs {
	return figs{f.Models, f.New, f.Sustained, f.NotStated, f.FundsVND, f.Households}
}

// Issue 12: a register of 2024-Q3, 2025-Q2 and 2025-Q3 (testdata/
// quarters.csv): a model sustained across all three (Tổ tự quản of Bắc
// Sơn), a group row of 5 then 7 models, a group of 3 in 2024-Q3 only, a
// ward of before the reform (Phường Vĩnh Trại) rolled up into Phường Đông
// Kinh. The figures were computed by hand.
func TestIssue12Quarters(t *testing.T) {
	opts := report.Options{Inputs: []string{"testdata/quarters.csv"}, Boundaries2025: true,
		Period: record.QuarterPeriod(2025, 3), Compare: compare.Both(), Level: aggregate.LevelProvince}
	r, err := report.Summarize(opts)
	if err != nil {
		t.Fatal(err)
	}
	c := r.Comparison
	if c.Previous == nil || c.YearAgo == nil || c.YearToDate == nil {
		t.Fatalf("comparisons: %+v", c)
	}
	for _, tc := range []struct {
		name string
		got  aggregate.Figures
		want figs
	}{
		// 2025-Q3: Tổ tự quản (sustained), the group of 7 (new), Đường hoa
		// (sustained), Camera an ninh (new).
		{"2025-Q3", r.Total, figs{10, 8, 2, 0, 93_000_000, 21}},
		// 2025-Q2: Tổ tự quản (sustained), the group of 5 (new).
		{"2025-Q2", c.Previous.Summary.Total, figs{6, 5, 1, 0, 32_000_000, 15}},
		// 2024-Q3: Tổ tự quản and Đường hoa (new), a group of 3 (not stated).
		{"2024-Q3", c.YearAgo.Summary.Total, figs{5, 2, 0, 3, 15_000_000, 6}},
		// 2025-Q1..Q3: each model once; the group at its latest quarter (7).
		{"year to date", c.YearToDate.Summary.Total, figs{10, 8, 2, 0, 125_000_000, 36}},
	} {
		if g := figsOf(tc.got); g != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, g, tc.want)
		}
	}
	// The changes.
	prev := compare.Of(r.Total.Models, c.Previous, func(b *compare.Base) int64 { return b.Summary.Total.Models })
	if prev.Delta != 4 || math.Abs(prev.Percent-66.6667) > 0.001 {
		t.Errorf("models against the previous quarter: %+v", prev)
	}
	ago := compare.Of(r.Total.FundsVND, c.YearAgo, func(b *compare.Base) int64 { return b.Summary.Total.FundsVND })
	if ago.Delta != 78_000_000 || math.Abs(ago.Percent-520) > 0.001 {
		t.Errorf("funds against a year earlier: %+v", ago)
	}
	// A line against its own base: Xã Bắc Sơn had 6 models in 2025-Q2 (as
	// Thị trấn Bắc Sơn), 8 in 2025-Q3.
	opts.Level = aggregate.LevelCommune
	r, err = report.Summarize(opts)
	if err != nil {
		t.Fatal(err)
	}
	var bacSon aggregate.Line
	for _, l := range r.Lines {
		if l.Name() == "Xã Bắc Sơn" {
			bacSon = l
		}
	}
	if b := r.Comparison.Previous.Line(bacSon.Key()); bacSon.Models != 8 || b.Models != 6 {
		t.Errorf("Xã Bắc Sơn: %d models, %d before", bacSon.Models, b.Models)
	}
	if b := r.Comparison.YearAgo.Line(bacSon.Key()); b.Models != 1 || b.New != 1 {
		t.Errorf("Xã Bắc Sơn a year earlier: %+v", b)
	}
	// The year: the model sustained through it counts once.
	opts.Period, opts.Level = record.YearsPeriod(2025, 2025), aggregate.LevelProvince
	r, err = report.Summarize(opts)
	if err != nil {
		t.Fatal(err)
	}
	if g := figsOf(r.Total); g != (figs{10, 8, 2, 0, 125_000_000, 36}) {
		t.Errorf("2025: %+v", g)
	}
	// Five quarters: Tổ tự quản and Đường hoa are new in 2024-Q3.
	opts.Period, _ = record.ParsePeriod("2024-Q3..2025-Q3")
	r, err = report.Summarize(opts)
	if err != nil {
		t.Fatal(err)
	}
	if g := figsOf(r.Total); g != (figs{13, 10, 0, 3, 140_000_000, 42}) {
		t.Errorf("2024-Q3..2025-Q3: %+v", g)
	}
}
