package report

import (
	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/names"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/report/validate"
)

// reform is the first quarter of the units of 1 July 2025.
var reform = record.QuarterOf(2025, 3)

// boundaries returns the era whose units a report of period p is in: the
// 2025 units with the roll-up or after the reform, those before it for a
// period before it. ok is false for a period across the reform without the
// roll-up: its units are of both eras.
func boundaries(rollUp bool, p record.Period) (gazetteer.Era, bool) {
	switch {
	case rollUp || !p.IsZero() && p.First >= reform:
		return gazetteer.Era2025, true
	case !p.IsZero() && p.Last < reform:
		return gazetteer.EraPre2025, true
	}
	return 0, false
}

// locate finds a locality the data does not have among the units of the
// report's boundaries (of both eras when they are not known).
func locate(g *gazetteer.Gazetteer, opts Options, name string) ([]string, bool) {
	eras := []gazetteer.Era{gazetteer.Era2025, gazetteer.EraPre2025}
	if era, ok := boundaries(opts.Boundaries2025, opts.Period); ok {
		eras = []gazetteer.Era{era}
	}
	for _, era := range eras {
		if p, ok := names.Locate(g, era, name); ok {
			return p, true
		}
	}
	return nil, false
}

// inScope keeps, of what loading the data found, what concerns the
// summary: the warnings about its own records (and the files'), the
// problems of rows of its scope and period (and apart, elsewhere, those of
// others), and the rows of split communes of its records: those not
// assigned to a 2025 commune when it covers whole provinces, and those
// placed in one always.
func inScope(d *Data, s *aggregate.Summary, excluded validate.Problems) (warnings []*record.InputError, problems, elsewhere validate.Problems, unassigned []names.Unassigned) {
	for i, w := range d.Warnings {
		if r := d.warningRecord[i]; r < 0 || s.Selected(r) {
			warnings = append(warnings, w)
		}
	}
	rows := map[record.Pos]validate.Rejected{}
	for _, r := range d.Rejected {
		rows[r.Pos] = r
	}
	for _, p := range excluded {
		pos := p.Pos
		pos.Col = 0
		r, ok := rows[pos]
		if !ok {
			// A problem of a file, or a name under --strict-names: its
			// record tells.
			problems = append(problems, p)
			continue
		}
		if !s.Covers(r.Province, r.District, r.Commune) || !r.Period.IsZero() && !s.Period.IsZero() && !s.Period.Contains(r.Period) {
			elsewhere = append(elsewhere, p)
			continue
		}
		problems = append(problems, p)
	}
	whole := true
	for _, l := range s.ScopeLevels {
		whole = whole && l == aggregate.LevelProvince
	}
	for _, u := range d.Unassigned {
		// A row placed in a commune is that commune's report's too.
		if (whole || u.To != "") && s.Selected(u.Record) {
			unassigned = append(unassigned, u)
		}
	}
	return warnings, problems, elsewhere, unassigned
}
