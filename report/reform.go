package report

import (
	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/compare"
	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/names"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/report/validate"
)

// straddling returns as problems the models that a summary of names kept
// as the data writes them would count twice: reported before 1 July 2025
// under an old commune and after it under the 2025 commune it became
// (names.Straddle), in the summary's period or one of its bases, and
// within its localities. A twenty-seventh review found such a model counted as
// two in the year 2025's report, exit 0, with a warning only on the
// terminal; the roll-up to the 2025 units (--boundaries 2025) counts it
// once.
func straddling(d *Data, s *aggregate.Summary, c *compare.Comparison) validate.Problems {
	// Each period is counted on its own: the report's and each base's
	// (a twenty-ninth review found a year 2026's previous year counting
	// a model twice).
	periods := []record.Period{s.Period}
	if c != nil {
		for _, b := range []*compare.Base{c.Previous, c.YearAgo, c.YearToDate} {
			if b != nil {
				periods = append(periods, b.Period)
			}
		}
	}
	recs := d.Dataset.Records
	var found []names.Straddle
	var where []int // by straddle found, its period's index in periods
	// One problem for each row after the reform, from the first period
	// that holds it, the report's own before its bases: a second, of a
	// base, would offer --compare none, which does not help.
	seen := map[record.Pos]bool{}
	for k, p := range periods {
		in := func(i int) bool {
			r := &recs[i]
			return (p.IsZero() || p.Contains(r.Period)) && s.Covers(r.Province, r.District, r.Commune)
		}
		for _, st := range names.Straddling(d.Dataset, gazetteer.Default(), in) {
			if !seen[st.After] {
				seen[st.After] = true
				found, where = append(found, st), append(where, k)
			}
		}
	}
	var out validate.Problems
	for n, st := range found {
		var what msg.Text
		switch {
		case st.Model != "" && st.Unit != "":
			what = msg.New("names.model_of", msg.Quote(st.Model), st.Unit)
		case st.Model != "":
			what = msg.New("names.model", msg.Quote(st.Model))
		case st.Unit != "":
			what = msg.New("names.group_of", st.Unit)
		default:
			what = msg.New("names.group")
		}
		m := msg.New("names.straddle", what, st.Commune, st.Old, st.Before)
		if k := where[n]; k > 0 {
			// Only a base holds both rows: the report's own period is on
			// one side of the date, and choosing another would not help
			// (a thirty-sixth review).
			m = msg.New("names.straddle_base", what, st.Commune, st.Old, st.Before, periods[k])
		}
		out = append(out, &record.InputError{Pos: st.After, Msg: m})
	}
	return out
}
