package report

import (
	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/compare"
	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/record"
)

// Part is the report of one locality of a split: what Split found of it,
// and how to make it.
type Part struct {
	// Path names the locality from its province down, as the data writes
	// the names (in the gazetteer's spelling when they match).
	Path []string
	// Code is its official code, "" when the gazetteer has none.
	Code string
	// Level is the locality's level: the level of the split.
	Level aggregate.Level
	// Type is its unit type as the gazetteer gives it ("tỉnh", "thành
	// phố", "xã"…), "" when the gazetteer has none.
	Type string
	// Empty says it reported nothing in the period.
	Empty bool
	// Period is the period of the split's reports.
	Period record.Period
	data   *Data
	opts   Options
}

// Name is the locality's own name.
func (p *Part) Name() string { return p.Path[len(p.Path)-1] }

// Result summarises the part's report.
func (p *Part) Result() (*Result, error) { return p.data.Summarize(p.opts) }

// Options are the options of the part's report.
func (p *Part) Options() Options { return p.opts }

// Split divides the report opts select into one report per locality at
// level, for the command that writes them all: one part per line of the
// scope's summary at that level, the units that reported nothing included
// (unless opts.HideEmpty). d must be checked (Data.Check). Each part holds
// the records of its locality, of every period, so that its comparisons
// are those of its own report; the records of a province as a whole (a
// row with no commune in a split by commune) and those a roll-up could not
// place are in the whole scope's report only. Its comparisons have the
// bases the whole data has, as that locality's own report does.
//
// apart are the lines of the whole scope's report that no part holds, with
// records: a user who sends each locality its report is told that these
// figures reach none of them (a twenty-second review found a province's
// own 700 million in no file, and nothing said).
func (d *Data) Split(opts Options, level aggregate.Level) (parts []*Part, apart []Apart, err error) {
	if opts.Boundaries2025 && level == aggregate.LevelDistrict {
		// No districts after the reform: every figure would be apart (a
		// twenty-sixth review found no report written, exit 0).
		return nil, nil, usage("report.split_district_2025")
	}
	lopts := opts
	lopts.Level = level
	lopts.Compare = compare.Options{}
	lopts.Models = false
	g := gazetteer.Default()
	if era, ok := boundaries(opts.Boundaries2025, opts.Period); ok && len(opts.Localities) == 0 && !opts.HideEmpty && level != aggregate.LevelProvince {
		// A national split is one of every province's units, those
		// that reported nothing included, as a split of one province is.
		for _, p := range g.Provinces(era) {
			lopts.Localities = append(lopts.Localities, p.Name)
		}
	}
	whole, err := d.Summarize(lopts)
	if err != nil {
		return nil, nil, err
	}
	aopts, err := aggregateOptions(g, opts)
	if err != nil {
		return nil, nil, err
	}
	aopts.Level = level
	records, err := aggregate.Partition(d.Dataset, aopts)
	if err != nil {
		return nil, nil, err
	}
	era, _ := boundaries(opts.Boundaries2025, whole.Period)
	for _, l := range whole.Lines {
		if l.Partial || l.Unassigned {
			if l.Records > 0 {
				apart = append(apart, Apart{Name: l.Name(), Unassigned: l.Unassigned, Communes: l.Communes, Models: l.Models, FundsVND: l.FundsVND})
			}
			continue
		}
		popts := opts
		popts.Localities = []string{aggregate.ExactPath(l.Path)} // its names never read again
		popts.Compare.Whole = d.Dataset                          // the bases of the locality's report, not of its rows alone
		if popts.Period.IsZero() {
			// One period for the batch, the whole's, which names its
			// files: a part's own rows gave it theirs, and one batch's
			// reports stated different periods (a twenty-sixth review);
			// an empty part's, none.
			popts.Period = whole.Period
		}
		if opts.Level <= level {
			popts.Level = aggregate.LevelAuto
		}
		code, typ := unitOf(g, era, level, l.Path)
		parts = append(parts, &Part{
			Path: l.Path, Code: code, Type: typ, Level: level, Empty: l.Empty, Period: whole.Period,
			data: d.subset(records[l.Key()]), opts: popts,
		})
	}
	return parts, apart, nil
}

// Apart is a line of a split's whole scope that no part holds: the rows of
// a province or a district as a whole (no commune named, in a split by
// commune), or, under a roll-up, those that could not be placed in a 2025
// commune. They are in the whole scope's report only.
type Apart struct {
	Name       string // the province's or district's
	Unassigned bool   // rows a roll-up could not place, not the unit's own
	// Communes says that some of its rows name a commune but no district
	// (aggregate.Line.Communes): not all its figures are the unit's own.
	Communes bool
	Models   int64
	FundsVND int64
}

// unitOf returns the official code and unit type ("tỉnh", "thành phố",
// "xã"…) of a locality named by its path, "" when the gazetteer does not
// know it.
func unitOf(g *gazetteer.Gazetteer, era gazetteer.Era, level aggregate.Level, path []string) (code, typ string) {
	pl := gazetteer.Place{Province: path[0]}
	switch len(path) {
	case 2:
		if level == aggregate.LevelDistrict {
			pl.District = path[1]
		} else {
			pl.Commune = path[1] // a 2025 commune, without a district
		}
	case 3:
		pl.District, pl.Commune = path[1], path[2]
	}
	for _, e := range []gazetteer.Era{era, gazetteer.Era2025, gazetteer.EraPre2025} {
		if e == gazetteer.Era2025 && pl.District != "" {
			// No districts after the reform: a commune of a district is
			// found there by its name alone, another's code (a
			// twenty-sixth review: Huyện Bắc Sơn's Xã Hoa Thám given
			// Bình Gia's Hoa Thám's).
			continue
		}
		if u, err := g.Resolve(e, pl); err == nil {
			return u.Code, u.Type
		}
	}
	return "", ""
}
