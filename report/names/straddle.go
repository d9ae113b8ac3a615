package names

import (
	"slices"

	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/record"
)

// Straddle is a model, or a group of models, that rows on both sides of 1
// July 2025 report: before it under a commune of the old units, after it
// under the 2025 commune that commune went to whole. Kept as the data
// writes them, the two are two places, and the model counts twice: once
// at each (a twenty-seventh review found "2 mô hình" for one model of Xã
// Mù Cả, which the reform left as it was, in a report of the year 2025).
type Straddle struct {
	// Model and Unit are as the row after the reform writes them; Model
	// is "" for a group of models without a name.
	Model, Unit string
	Commune     string // the 2025 commune, as the gazetteer writes it
	// Old is the commune of the row before the reform, with its
	// district: "Xã Mù Cả, Huyện Mường Tè".
	Old string
	// Before and After are a row of each side, the first in the dataset.
	Before, After record.Pos
}

// Straddling finds the models that straddle the reform (see Straddle)
// among the records of ds, with names as Apply settled them without the
// roll-up, that in accepts (by their index). A record of a period that
// spans the reform is on neither side. The models are in the order of
// their first row after the reform, in the dataset.
func Straddling(ds *record.Dataset, g *gazetteer.Gazetteer, in func(i int) bool) []Straddle {
	// A model's rows are compared as aggregate compares them: its unit's
	// and its own name alike (record.SameName: a name written without
	// diacritics is the name with them, a twenty-ninth review found "Mo
	// hinh B" counted twice), its field, and a group's rows apart from a
	// named model's.
	type model struct {
		commune    string // the 2025 commune's code
		unit, name string // folded
		field      record.Field
		group      bool
	}
	key := func(r *record.Record, code string) model {
		return model{code, string(record.AppendNameKey(nil, r.Unit, true)), string(record.AppendNameKey(nil, r.Model, true)),
			r.Field, !namedModel(r)}
	}
	type place struct {
		province, district, commune string
		after                       bool // rows of one place's names are read in their period's units
	}
	codes := map[place]string{} // each place's 2025 commune, once
	code := func(r *record.Record, after bool) string {
		p := place{r.Province, r.District, r.Commune, after}
		c, ok := codes[p]
		if !ok {
			c = communeOf(g, r, after)
			codes[p] = c
		}
		return c
	}
	recs := ds.Records
	before := map[model][]int{}            // the records before the reform
	var split []splitRow                   // those of a split commune
	splits := map[place][]gazetteer.Unit{} // each place's, once
	for i := range recs {
		r := &recs[i]
		if r.Count <= 0 || r.Commune == "" || r.Period.Last >= reform || !in(i) {
			continue
		}
		if c := code(r, false); c != "" {
			k := key(r, c)
			before[k] = append(before[k], i)
		} else if namedModel(r) {
			p := place{r.Province, r.District, r.Commune, false}
			to, ok := splits[p]
			if !ok {
				to = splitOf(g, r)
				splits[p] = to
			}
			if len(to) > 1 {
				split = append(split, splitRow{rec: i, to: to})
			}
		}
	}
	// A split commune's model is of the 2025 commune where it goes on,
	// as the roll-up places it (see successors).
	one, _ := successors(recs, split, func(i int) string { return code(&recs[i], true) })
	for i, c := range one {
		k := key(&recs[i], c.Code)
		before[k] = append(before[k], i)
	}
	for _, b := range before {
		slices.Sort(b) // the first row in the dataset first
	}
	if len(before) == 0 {
		return nil
	}
	var out []Straddle
	said := map[model]bool{} // each model once, by its row after the reform
	for i := range recs {
		r := &recs[i]
		if r.Count <= 0 || r.Commune == "" || r.Period.First < reform || !in(i) {
			continue
		}
		c := code(r, true)
		if c == "" {
			continue
		}
		k := key(r, c)
		exact := k
		exact.unit, exact.name = string(record.AppendNameKey(nil, r.Unit, false)), string(record.AppendNameKey(nil, r.Model, false))
		if said[exact] {
			continue
		}
		for _, j := range before[k] {
			b := &recs[j]
			// Rows of one place are one model's already: a row after the
			// reform written as the old commune, or the commune the
			// reform left as it was named as before, is not a second
			// place (a twenty-ninth review found such rows refused).
			if samePlace(b, r) || !record.SameName(b.Unit, r.Unit) || !record.SameName(b.Model, r.Model) {
				continue
			}
			old := b.Commune
			if b.District != "" {
				old += ", " + b.District
			}
			out = append(out, Straddle{Model: r.Model, Unit: r.Unit, Commune: r.Commune, Old: old, Before: b.Pos(), After: r.Pos()})
			said[exact] = true
			break
		}
	}
	return out
}

// communeOf returns the code of the 2025 commune of a record's place: for
// a row before the reform, the commune its commune went to whole; after
// it, its own, if it names one of the 2025 units. It returns "" for a
// commune split between several, one the gazetteer does not know, and a
// row after the reform that names an old unit: that unit's own, a model
// of its own beside the new commune's even under the roll-up (a
// thirty-first review found such rows, of two old communes merged into
// one, refused as one model).
func communeOf(g *gazetteer.Gazetteer, r *record.Record, after bool) string {
	o := settle(g, r)
	c := o.units[2]
	switch {
	case c == nil:
		return ""
	case o.era == gazetteer.Era2025:
		return c.Code
	case after:
		return ""
	}
	ru, err := g.RollUp(*c)
	if err != nil {
		return ""
	}
	if to, ok := ru.Commune(); ok {
		return to.Code
	}
	return ""
}

// splitOf returns the 2025 communes a record's commune was split between
// (see splitTargets), or fewer than two for one that was not.
func splitOf(g *gazetteer.Gazetteer, r *record.Record) []gazetteer.Unit {
	o := settle(g, r)
	return outcomeSplit(g, &o)
}

// outcomeSplit returns the 2025 communes the commune of a settled row of
// the old units was split between (see splitTargets), or fewer than two
// for one that was not, and none for a row of the 2025 units.
func outcomeSplit(g *gazetteer.Gazetteer, o *outcome) []gazetteer.Unit {
	if o.era == gazetteer.Era2025 || o.units[0] == nil {
		return nil
	}
	return splitTargets(g, o)
}

// samePlace reports whether two records are of one place as aggregate
// tells places: by the keys of their names.
func samePlace(a, b *record.Record) bool {
	return gazetteer.UnitKey(a.Province) == gazetteer.UnitKey(b.Province) &&
		gazetteer.UnitKey(a.District) == gazetteer.UnitKey(b.District) &&
		gazetteer.UnitKey(a.Commune) == gazetteer.UnitKey(b.Commune)
}
