package layout

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/format"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/templates"
)

// verticalBars is how many bars a chart stands upright; more are laid
// horizontally, where their names have room.
const verticalBars = 12

// newChart starts a numbered chart: Biểu đồ 1. …
func (b *builder) newChart(id, title string) *Chart {
	b.charts++
	th, dec := ".", ","
	if b.f.Lang == format.EN {
		th, dec = ",", "."
	}
	n := templates.Expand(b.t.Charts.Number, map[string]string{"n": strconv.Itoa(b.charts)})
	return &Chart{ID: id, Title: n + ". " + title, Thousands: th, Decimal: dec,
		Context: b.scopeName(b.t.Document.AllLocalities) + " – " + b.f.Period(b.s.Period)}
}

// chartLines returns the indexes of the lines a chart of value shows, the
// largest first, at most max of them with the last bar for the others;
// rest is true when some are left out. Lines of units that reported
// nothing are not shown.
func (b *builder) chartLines(value func(aggregate.Figures) int64, max int) (shown []int, rest bool) {
	s := b.s
	for i, l := range s.Lines {
		if !l.Empty && value(l.Figures) > 0 {
			shown = append(shown, i)
		}
	}
	slices.SortStableFunc(shown, func(x, y int) int { return cmp.Compare(value(s.Lines[y].Figures), value(s.Lines[x].Figures)) })
	if len(shown) <= max {
		return shown, false
	}
	return shown[:max-1], true
}

// chartLabel is a line's name on a chart's axis.
func chartLabel(l aggregate.Line) string {
	if l.Partial {
		return l.Name() + " (*)"
	}
	return l.Name()
}

// others is the note of a chart that leaves out the localities whose sum
// would flatten every bar.
func (b *builder) others(shown, all int, value string) (string, error) {
	return b.sentence("note_chart_others", map[string]string{
		"Shown": b.f.Int(int64(shown)), "Rest": b.f.Int(int64(all - shown)), "Value": value,
	})
}

// modelsChart is the models of each locality, by field.
func (b *builder) modelsChart() *Chart {
	s := b.s
	models := func(f aggregate.Figures) int64 { return f.Models }
	top, rest := b.chartLines(models, b.opts.MaxBars)
	c := b.newChart("models", b.t.Charts.Models)
	c.Stacked = true
	c.Horizontal = len(top) > verticalBars
	var others aggregate.Figures
	if rest {
		others = s.Total
		biggest := int64(0)
		for _, i := range top {
			l := &s.Lines[i]
			for f := range others.ByField {
				others.ByField[f] -= l.ByField[f]
			}
			others.Models -= l.Models
			biggest = max(biggest, l.Models)
		}
		if others.Models > 2*biggest {
			// A bar of the others would flatten every other bar: say it.
			rest = false
			c.Note = b.keep(b.others(len(top), b.regularLines(), b.f.Int(others.Models)+" "+b.t.Figures.ModelsUnit))
		}
	}
	for _, i := range top {
		c.Categories = append(c.Categories, chartLabel(s.Lines[i]))
	}
	if rest {
		c.Categories = append(c.Categories, b.t.Charts.Others)
	}
	for _, f := range b.fields() {
		sr := Series{Name: b.fieldName(f)}
		put := func(v int64) {
			sr.Values = append(sr.Values, float64(v))
			sr.Labels = append(sr.Labels, b.f.Int(v))
		}
		for _, i := range top {
			put(s.Lines[i].ByField[f])
		}
		if rest {
			put(others.ByField[f])
		}
		c.Series = append(c.Series, sr)
	}
	return c
}

// regularLines counts the lines with figures.
func (b *builder) regularLines() int {
	n := 0
	for _, l := range b.s.Lines {
		if !l.Empty {
			n++
		}
	}
	return n
}

// fundsChart is the funds each locality mobilised.
func (b *builder) fundsChart() *Chart {
	s := b.s
	funds := func(f aggregate.Figures) int64 { return f.FundsVND }
	top, rest := b.chartLines(funds, b.opts.MaxBars)
	var biggest int64
	for _, i := range top {
		biggest = max(biggest, s.Lines[i].FundsVND)
	}
	unit, unitName := b.moneyUnit(biggest)
	c := b.newChart("funds", b.t.Charts.Funds+" ("+unitName+")")
	c.Horizontal = len(top) > verticalBars
	sr := Series{Name: b.t.Figures.Funds}
	put := func(label string, vnd int64) {
		c.Categories = append(c.Categories, label)
		sr.Values = append(sr.Values, float64(vnd)/float64(unit))
		sr.Labels = append(sr.Labels, b.f.Decimal(roundDiv(vnd, unit/100), 2))
	}
	sum := int64(0)
	for _, i := range top {
		put(chartLabel(s.Lines[i]), s.Lines[i].FundsVND)
		sum += s.Lines[i].FundsVND
	}
	if others := s.Total.FundsVND - sum; rest && others > 2*biggest {
		c.Note = b.keep(b.others(len(top), b.regularLines(), b.f.MoneyShort(others)))
	} else if rest {
		put(b.t.Charts.Others, others)
	}
	c.Series = []Series{sr}
	return c
}

// roundDiv returns n/d rounded half up, for positive n.
func roundDiv(n, d int64) int64 { return (n + d/2) / d }

// moneyUnit is the unit for amounts up to v: tỷ from one tỷ, else triệu.
func (b *builder) moneyUnit(v int64) (int64, string) {
	if v >= 1e9 {
		return 1e9, b.t.Units.Billion
	}
	return 1e6, b.t.Units.Million
}

// quarterModelsChart is the models of each quarter, by field, oldest
// first.
func (b *builder) quarterModelsChart(qs []aggregate.QuarterFigures) *Chart {
	c := b.newChart("quarter-models", b.t.Charts.QuarterModels)
	c.Stacked = true
	for _, q := range qs {
		c.Categories = append(c.Categories, b.f.Quarter(q.Quarter))
	}
	fields := slices.Clone(record.Fields[:])
	for _, q := range qs {
		if q.ByField[record.Unclassified] > 0 {
			fields = append(fields, record.Unclassified)
			break
		}
	}
	for _, f := range fields {
		sr := Series{Name: b.fieldName(f)}
		for _, q := range qs {
			sr.Values = append(sr.Values, float64(q.ByField[f]))
			sr.Labels = append(sr.Labels, b.f.Int(q.ByField[f]))
		}
		c.Series = append(c.Series, sr)
	}
	return c
}

// quarterFundsChart is the funds mobilised in each quarter.
func (b *builder) quarterFundsChart(qs []aggregate.QuarterFigures) *Chart {
	var biggest int64
	for _, q := range qs {
		biggest = max(biggest, q.FundsVND)
	}
	unit, unitName := b.moneyUnit(biggest)
	c := b.newChart("quarter-funds", b.t.Charts.QuarterFunds+" ("+unitName+")")
	sr := Series{Name: b.t.Figures.Funds}
	for _, q := range qs {
		c.Categories = append(c.Categories, b.f.Quarter(q.Quarter))
		sr.Values = append(sr.Values, float64(q.FundsVND)/float64(unit))
		sr.Labels = append(sr.Labels, b.f.Decimal(roundDiv(q.FundsVND, unit/100), 2))
	}
	c.Series = []Series{sr}
	return c
}
