package compare

import (
	"math"
	"testing"

	"github.com/dvkreport/dvkreport/report/record"
)

func TestBasePeriods(t *testing.T) {
	q3 := record.QuarterPeriod(2025, 3)
	h1 := record.Period{First: record.QuarterOf(2025, 1), Last: record.QuarterOf(2025, 2), Kind: record.KindHalf}
	y := record.YearsPeriod(2025, 2025)
	for _, tc := range []struct {
		p              record.Period
		prev, ago, ytd string
		hasAgo, hasYTD bool
	}{
		{q3, "2025-Q2", "2024-Q3", "2025-Q1..2025-Q3", true, true},
		{record.QuarterPeriod(2025, 1), "2024-Q4", "2024-Q1", "", true, false},
		{h1, "2024-H2", "2024-H1", "", true, false},
		{y, "2024", "", "", false, false},
	} {
		prev, _ := Previous(tc.p)
		ago, okAgo := YearAgo(tc.p)
		ytd, okYTD := YearToDate(tc.p)
		if prev.String() != tc.prev || okAgo != tc.hasAgo || okAgo && ago.String() != tc.ago || okYTD != tc.hasYTD || okYTD && ytd.String() != tc.ytd {
			t.Errorf("%v: previous %v, a year earlier %v %v, year to date %v %v", tc.p, prev, ago, okAgo, ytd, okYTD)
		}
	}
	if _, ok := Previous(record.Period{}); ok {
		t.Error("the zero period has a previous one")
	}
}

func TestOf(t *testing.T) {
	base := func(v int64) func(*Base) int64 { return func(*Base) int64 { return v } }
	b := &Base{}
	if c := Of(150, b, base(100)); c.Delta != 50 || c.Percent != 50 || c.New || c.None {
		t.Errorf("150 against 100: %+v", c)
	}
	if c := Of(3, b, base(0)); !c.New || !math.IsNaN(c.Percent) {
		t.Errorf("3 against 0: %+v", c)
	}
	if c := Of(0, b, base(0)); c.New || c.Delta != 0 {
		t.Errorf("0 against 0: %+v", c)
	}
	if c := Of(3, nil, base(1)); !c.None {
		t.Errorf("no base: %+v", c)
	}
}
