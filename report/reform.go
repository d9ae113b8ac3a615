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
// (names.Straddle), in the summary's period or its year to date and within
// its localities. A twenty-seventh review found such a model counted as
// two in the year 2025's report, exit 0, with a warning only on the
// terminal; the roll-up to the 2025 units (--boundaries 2025) counts it
// once.
func straddling(d *Data, s *aggregate.Summary, c *compare.Comparison) validate.Problems {
	periods := []record.Period{s.Period}
	if c != nil && c.YearToDate != nil {
		periods = append(periods, c.YearToDate.Period)
	}
	recs := d.Dataset.Records
	in := func(i int) bool {
		r := &recs[i]
		if !s.Covers(r.Province, r.District, r.Commune) {
			return false
		}
		for _, p := range periods {
			if p.IsZero() || p.Contains(r.Period) {
				return true
			}
		}
		return false
	}
	var out validate.Problems
	for _, st := range names.Straddling(d.Dataset, gazetteer.Default(), in) {
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
		out = append(out, &record.InputError{Pos: st.After, Msg: msg.New("names.straddle", what, st.Commune, st.Old, st.Before)})
	}
	return out
}
