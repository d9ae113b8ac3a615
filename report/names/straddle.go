package names

import (
	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/report/validate"
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
	type model struct {
		province, commune string // the 2025 units' keys
		unit, name        string
		field             record.Field
		group             bool // a row of a group of models, as aggregate tells them
	}
	recs := ds.Records
	before := map[model]int{} // the first record before the reform
	// Each distinct place of the rows before the reform is rolled up once.
	type place struct{ province, district, commune string }
	rolled := map[place][2]string{}
	for i := range recs {
		r := &recs[i]
		if r.Count <= 0 || r.Commune == "" || r.Period.Last >= reform || !in(i) {
			continue
		}
		p := place{r.Province, r.District, r.Commune}
		to, ok := rolled[p]
		if !ok {
			o := settle(g, r)
			if o.units[2] != nil {
				o.rollUp(g)
				if o.split == nil && o.rolled[2] != "" {
					to = [2]string{gazetteer.UnitKey(o.rolled[0]), gazetteer.UnitKey(o.rolled[2])}
				}
			}
			rolled[p] = to
		}
		if to[1] == "" {
			continue // a commune split, or one the gazetteer does not know
		}
		k := model{to[0], to[1], validate.ModelKey(r.Unit), validate.ModelKey(r.Model), r.Field, r.Model == "" || r.Count != 1}
		if _, seen := before[k]; !seen {
			before[k] = i
		}
	}
	if len(before) == 0 {
		return nil
	}
	var out []Straddle
	for i := range recs {
		r := &recs[i]
		if r.Count <= 0 || r.Commune == "" || r.Period.First < reform || !in(i) {
			continue
		}
		k := model{gazetteer.UnitKey(r.Province), gazetteer.UnitKey(r.Commune), validate.ModelKey(r.Unit), validate.ModelKey(r.Model), r.Field,
			r.Model == "" || r.Count != 1}
		j, ok := before[k]
		if !ok {
			continue
		}
		delete(before, k) // each model once
		b := &recs[j]
		old := b.Commune
		if b.District != "" {
			old += ", " + b.District
		}
		out = append(out, Straddle{Model: r.Model, Unit: r.Unit, Commune: r.Commune, Old: old, Before: b.Pos(), After: r.Pos()})
	}
	return out
}
