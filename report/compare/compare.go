// Package compare puts a report's figures beside those of the periods a
// leader reads them against: the previous quarter (or half-year, or
// year), the same period a year earlier, and, for a quarter, the year to
// date (lũy kế từ đầu năm). It comes after package aggregate, whose
// summaries of the other periods it makes from the same records with the
// same selection, so that the comparisons use the same boundaries: with
// the roll-up to the 2025 units, last year's rows of old communes are
// already those of the 2025 communes, unit for unit.
//
// A base period the data has no record in gives no comparison (printed
// "—"); a locality with nothing in a base period the data does have
// compares with zero (printed "mới", new). Package compare knows nothing
// of labels or pages.
package compare

import (
	"math"

	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/record"
)

// Options choose the comparisons. The zero value makes none.
type Options struct {
	Previous bool // the period before
	YearAgo  bool // the same period a year earlier
	// History is how many quarters, up to the report's last, the figures
	// per quarter go back, for a chart; 0 means none.
	History int
	// Whole is the data the compared data is a part of (one locality's
	// records, for its own file of a split): its periods say which bases
	// there are, so that a locality's file compares as the report of that
	// locality does (nil: the compared data's own).
	Whole *record.Dataset
}

// Both returns the options of the default comparisons: the previous
// period, a year earlier, and eight quarters of history.
func Both() Options { return Options{Previous: true, YearAgo: true, History: 8} }

// Comparison is a report's summary and those of its base periods.
type Comparison struct {
	Current *aggregate.Summary
	// Previous, YearAgo and YearToDate are nil when there is nothing to
	// compare: the option is off, the period has no such base, or the
	// data has no record in it. YearToDate is set for a quarter after the
	// first of its year.
	Previous, YearAgo, YearToDate *Base
	// History are the figures of each quarter with records, up to the
	// report's last quarter and at most Options.History of them, oldest
	// first.
	History []aggregate.QuarterFigures
	// HistoryLonger counts the records of periods longer than a quarter
	// (a half-year, a year) within the history's quarters or across its
	// ends: in no quarter of History.
	HistoryLonger int
}

// Base is the summary of a base period.
type Base struct {
	Period  record.Period
	Summary *aggregate.Summary
	lines   map[string]*aggregate.Line
}

// Line returns the figures of the base period's line with key (see
// aggregate.Line.Key): zero when the locality has none in that period.
func (b *Base) Line(key string) aggregate.Figures {
	if l, ok := b.lines[key]; ok {
		return l.Figures
	}
	return aggregate.Figures{}
}

// Previous returns the period before p of the same length: the quarter,
// half-year, year or span before. ok is false for the zero period.
func Previous(p record.Period) (record.Period, bool) {
	if p.IsZero() {
		return p, false
	}
	n := p.Last - p.First + 1
	q := record.Period{First: p.First - n, Last: p.Last - n, Kind: p.Kind}
	return q, q.First.Year() >= 1990
}

// YearAgo returns the period a year before p, for a period shorter than a
// year; ok is false otherwise (a year's previous period is a year ago).
func YearAgo(p record.Period) (record.Period, bool) {
	if p.IsZero() || p.Last-p.First+1 >= 4 {
		return p, false
	}
	return record.Period{First: p.First - 4, Last: p.Last - 4, Kind: p.Kind}, p.First.Year() > 1990
}

// YearToDate returns the quarters from the first of p's year to p, for a
// quarter after the first; ok is false otherwise.
func YearToDate(p record.Period) (record.Period, bool) {
	if p.Kind != record.KindQuarter || p.First.Num() == 1 {
		return p, false
	}
	first := record.QuarterOf(p.Last.Year(), 1)
	return record.Period{First: first, Last: p.Last, Kind: record.KindRange}, true
}

// Compare makes the comparisons of current, the summary of ds that aopts
// selected, as opts ask.
func Compare(ds *record.Dataset, aopts aggregate.Options, current *aggregate.Summary, opts Options) (*Comparison, error) {
	c := &Comparison{Current: current}
	p := current.Period
	if aopts.Period.IsZero() {
		return c, nil // all the data: there is nothing before it
	}
	aopts.Expected, aopts.Models = nil, false
	aopts.Level = current.Level
	// The records' keys and models, found once for all the summaries.
	idx := current.Index()
	if !idx.Of(ds) {
		idx = aggregate.NewIndex(ds, aopts.Key)
	}
	// The periods to summarise, in one pass: the bases that the data
	// has records in, then the quarters of the history.
	var periods []record.Period
	var bases []**Base
	whole := ds
	if opts.Whole != nil {
		whole = opts.Whole
	}
	base := func(b **Base, want bool, period record.Period, ok bool) {
		if want && ok && hasRecords(whole, period) {
			periods, bases = append(periods, period), append(bases, b)
		}
	}
	prev, ok := Previous(p)
	base(&c.Previous, opts.Previous, prev, ok)
	ago, ok := YearAgo(p)
	base(&c.YearAgo, opts.YearAgo, ago, ok)
	ytd, ok := YearToDate(p)
	base(&c.YearToDate, opts.Previous || opts.YearAgo, ytd, ok)
	if opts.History > 0 {
		periods = append(periods, record.Period{First: p.Last - record.Quarter(opts.History) + 1, Last: p.Last, Kind: record.KindRange})
	}
	if len(periods) == 0 {
		return c, nil
	}
	sums, err := idx.SummarizePeriods(aopts, periods)
	if err != nil {
		return nil, err
	}
	for k, b := range bases {
		s := sums[k]
		*b = &Base{Period: periods[k], Summary: s, lines: make(map[string]*aggregate.Line, len(s.Lines))}
		for i := range s.Lines {
			(*b).lines[s.Lines[i].Key()] = &s.Lines[i]
		}
	}
	if opts.History > 0 {
		// The rows of longer periods inside the history's quarters, and
		// those that run across its ends (a year of 2026 beside a
		// history to 2026-Q3; a twenty-third review found it uncounted).
		h := sums[len(sums)-1]
		c.History, c.HistoryLonger = h.Quarters, h.LongerRecords+h.Straddling
	}
	return c, nil
}

// hasRecords reports whether ds has a record of period p.
func hasRecords(ds *record.Dataset, p record.Period) bool {
	for i := range ds.Records {
		if p.Contains(ds.Records[i].Period) {
			return true
		}
	}
	return false
}

// Change is a figure against its base.
type Change struct {
	Base  int64
	Delta int64 // the figure less the base
	// Percent is Delta as a share of Base, in per cent; NaN when the base
	// is zero.
	Percent float64
	// None is true when there is no base to compare with; New when the
	// base is zero and the figure is not.
	None, New bool
}

// Of returns the change of cur against its base: none when b is nil.
func Of(cur int64, b *Base, base func(*Base) int64) Change {
	if b == nil {
		return Change{None: true, Percent: math.NaN()}
	}
	v := base(b)
	c := Change{Base: v, Delta: cur - v, Percent: math.NaN()}
	switch {
	case v != 0:
		c.Percent = float64(cur-v) / float64(v) * 100
	case cur != 0:
		c.New = true
	}
	return c
}

// BaseOnly returns the lines of the bases that current has no line for, in
// the bases' order, each once: a locality that reported in a base period
// and not in the current one, a province's own rows, the rows a roll-up
// could not place. A table of lines beside their bases' figures lists
// them too, or its columns do not add up to their totals (a ninth review
// found a comparison that a leader signs not reconciling, and nothing
// saying why).
func BaseOnly(current *aggregate.Summary, bases ...*Base) []aggregate.Line {
	seen := make(map[string]bool, len(current.Lines))
	for _, l := range current.Lines {
		seen[l.Key()] = true
	}
	var out []aggregate.Line
	for _, b := range bases {
		if b == nil {
			continue
		}
		for _, l := range b.Summary.Lines {
			if k := l.Key(); !seen[k] {
				seen[k] = true
				out = append(out, l)
			}
		}
	}
	return out
}
