// Package names settles the locality names of validated records against the
// official gazetteer (package gazetteer). It warns about a province,
// district or commune that is not in the gazetteer of the row's period,
// naming the nearest official names, and about a commune placed in the
// wrong province; it writes names that match a unit the way the gazetteer
// writes them; and, when asked, it maps every record to the 2025 units
// (the roll-up across the July 2025 reform). It never renames a unit into
// another unit unless the roll-up is asked for, and never divides a commune
// that was split between several new ones: such records stay with their
// province and are listed as not assigned.
//
// It comes after package validate and before package aggregate.
package names

import (
	"errors"
	"runtime"
	"sync"

	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
)

// reform is the first quarter of the two-tier system (1 July 2025).
var reform = record.QuarterOf(2025, 3)

// eras returns the gazetteers a record's period can be checked against,
// most likely first: before the reform, after it, or, for a period that
// spans it, both.
func eras(p record.Period) []gazetteer.Era {
	switch {
	case p.Last < reform:
		return []gazetteer.Era{gazetteer.EraPre2025}
	case p.First >= reform:
		return []gazetteer.Era{gazetteer.Era2025}
	}
	return []gazetteer.Era{gazetteer.EraPre2025, gazetteer.Era2025}
}

// Unassigned is a record of a pre-2025 commune that was split between
// several 2025 communes, so that the roll-up could not place it.
type Unassigned struct {
	Pos        record.Pos
	Province   string   // the 2025 province it counts for
	From       string   // the old commune, as the gazetteer writes it
	Candidates []string // the 2025 communes that share its territory
}

// Result is what Apply found.
type Result struct {
	// Warnings are the names that are not official, one per cell, in
	// record order.
	Warnings []*record.InputError
	// Unassigned lists the records the roll-up could not place in a 2025
	// commune.
	Unassigned []Unassigned
}

// Apply checks the names of ds's records and writes those that match a unit
// as the gazetteer writes them: provinces by their short name (Lạng Sơn),
// districts and communes by their full name (Huyện Đắk Song, Xã Bắc Sơn).
// With rollUp it also maps every record to the 2025 units.
func Apply(ds *record.Dataset, g *gazetteer.Gazetteer, rollUp bool) Result {
	// Each distinct combination of names and eras is settled once, the
	// combinations shared among the processors.
	index := map[key]int32{}
	which := make([]int32, len(ds.Records)) // by record: its combination
	var first []int                         // by combination: its first record
	for i := range ds.Records {
		r := &ds.Records[i]
		k := key{r.Province, r.District, r.Commune, r.Period.First < reform, r.Period.Last >= reform}
		j, ok := index[k]
		if !ok {
			j = int32(len(first))
			index[k] = j
			first = append(first, i)
		}
		which[i] = j
	}
	outcomes := make([]outcome, len(first))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(first)/parallelMin))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for j := w; j < len(first); j += workers {
				o := settle(g, &ds.Records[first[j]])
				if rollUp {
					o.rollUp(g)
				}
				outcomes[j] = o
			}
		})
	}
	wg.Wait()
	var res Result
	for i := range ds.Records {
		r := &ds.Records[i]
		o := &outcomes[which[i]]
		for _, w := range o.warnings {
			res.Warnings = append(res.Warnings, &record.InputError{Pos: r.NamePos(w.level), Column: r.Table.Header(w.level), Msg: msg.New("warning", w.msg)})
		}
		names := o.names
		if rollUp {
			names = o.rolled
			r.Unassigned = o.split != nil
			if o.split != nil {
				u := *o.split
				u.Pos = r.Pos()
				res.Unassigned = append(res.Unassigned, u)
			}
		}
		r.Province, r.District, r.Commune = names[0], names[1], names[2]
	}
	return res
}

// parallelMin is the number of combinations of names from which Apply
// settles them on several processors.
const parallelMin = 256

type key struct {
	province, district, commune string
	before, after               bool
}

type warning struct {
	level int // 0 province, 1 district, 2 commune
	msg   msg.Text
}

// outcome is what settle found for one combination of names and eras.
type outcome struct {
	warnings []warning
	names    [3]string // as the gazetteer writes them, where they match
	units    [3]*gazetteer.Unit
	era      gazetteer.Era // the era the names matched in
	rolled   [3]string     // the names after the roll-up
	split    *Unassigned
}

func settle(g *gazetteer.Gazetteer, r *record.Record) outcome {
	o := outcome{names: [3]string{r.Province, r.District, r.Commune}}
	o.rolled = o.names
	candidates := eras(r.Period)
	// The district level exists before the reform only.
	if r.District != "" {
		candidates = []gazetteer.Era{gazetteer.EraPre2025}
	}
	// Take the first era in which the province resolves.
	var prov gazetteer.Unit
	var provErr error
	for _, era := range candidates {
		prov, provErr = g.Province(era, r.Province)
		if provErr == nil {
			o.era = era
			break
		}
	}
	last := candidates[len(candidates)-1]
	if provErr != nil {
		o.era = last
		o.warnings = append(o.warnings, warning{0, notFound(g, 0, r.Province, gazetteer.Place{Province: r.Province}, last, provErr)})
		return o
	}
	o.units[0] = &prov
	o.names[0] = prov.Name
	place := gazetteer.Place{Province: prov.Code}
	if r.District != "" {
		place.District = r.District
		d, err := g.Resolve(gazetteer.EraPre2025, place)
		if err != nil {
			o.warnings = append(o.warnings, warning{1, notFound(g, 1, r.District, place, gazetteer.EraPre2025, err)})
			return o
		}
		o.units[1] = &d
		o.names[1] = d.FullName
		place.District = d.Code
	}
	if r.Commune != "" {
		place.Commune = r.Commune
		var c gazetteer.Unit
		var err error
		// Look for the commune in each era the province exists in, with
		// the province's code of that era.
		for _, era := range candidates {
			pu, perr := g.Province(era, r.Province)
			if perr != nil {
				continue
			}
			pl := place
			pl.Province = pu.Code
			if c, err = g.Resolve(era, pl); err == nil {
				o.era, o.units[0], o.names[0] = era, &pu, pu.Name
				break
			}
		}
		if err != nil {
			o.warnings = append(o.warnings, warning{2, notFound(g, 2, r.Commune, place, o.era, err)})
			return o
		}
		o.units[2] = &c
		o.names[2] = c.FullName
	}
	return o
}

// notFound words the warning for a name the gazetteer does not have.
func notFound(g *gazetteer.Gazetteer, level int, name string, p gazetteer.Place, era gazetteer.Era, err error) msg.Text {
	what := msg.New(levelKeys[level])
	var le *gazetteer.LookupError
	errors.As(err, &le)
	switch {
	case errors.Is(err, gazetteer.ErrMisplaced) && le != nil:
		var where msg.List
		for _, c := range unique(le.Candidates) {
			where = append(where, c)
		}
		return msg.New("names.misplaced", what, msg.Quote(name), le.Within, where)
	case errors.Is(err, gazetteer.ErrAmbiguous) && le != nil:
		var cands msg.List
		for _, c := range le.Candidates {
			cands = append(cands, c.String())
		}
		return msg.New("names.ambiguous", what, msg.Quote(name), cands)
	}
	key := "names.not_2025"
	if era == gazetteer.EraPre2025 {
		key = "names.not_pre2025"
	}
	m := msg.New(key, what, msg.Quote(name))
	if near := g.Nearest(era, p); len(near) > 0 {
		var names msg.List
		for _, u := range near {
			names = append(names, u.FullName)
		}
		m = msg.New("did_you_mean", m, names)
	}
	return m
}

// levelKeys are the message keys of the names of the levels.
var levelKeys = [3]string{"level.province", "level.district", "level.commune"}

// unique returns the distinct provinces of units, in order.
func unique(units []gazetteer.Unit) []string {
	seen := map[string]bool{}
	var out []string
	for _, u := range units {
		if !seen[u.Province] {
			seen[u.Province] = true
			out = append(out, u.Province)
		}
	}
	return out
}

// rollUp maps the outcome's units to the 2025 boundaries: provinces always,
// communes when they went wholly to one new commune. District rows go to
// their province; a split commune's rows stay with the province and are
// listed as unassigned.
func (o *outcome) rollUp(g *gazetteer.Gazetteer) {
	if o.units[0] == nil {
		return // an unknown province: kept as written, and warned about
	}
	if o.era == gazetteer.Era2025 {
		o.rolled = o.names
		return
	}
	from := *o.units[0]
	if o.units[2] != nil {
		from = *o.units[2]
	} else if o.units[1] != nil {
		from = *o.units[1]
	}
	ru, err := g.RollUp(from)
	if err != nil {
		return
	}
	o.rolled = [3]string{ru.Province.Name, "", ""}
	if o.units[2] == nil {
		return
	}
	if c, ok := ru.Commune(); ok {
		o.rolled[2] = c.FullName
		return
	}
	u := &Unassigned{Province: ru.Province.Name, From: from.FullName + ", " + from.District}
	for _, t := range ru.Targets {
		u.Candidates = append(u.Candidates, t.Unit.FullName)
	}
	o.split = u
}
