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
	"maps"
	"runtime"
	"slices"

	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/internal/parallel"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/report/validate"
)

// reform is the first quarter of the two-tier system (1 July 2025).
var reform = record.QuarterOf(2025, 3)

// eras returns the gazetteers a record's period can be checked against,
// most likely first: before the reform, after it, or, for a period that
// spans it, both.
//
// Before the reform, the units of 2022 (before the mergers of 2023–2025)
// are tried after those of 2025's first half, for rows of 2024 and before:
// Tỉnh Thừa Thiên Huế is Thành phố Huế from 1 January 2025.
func eras(p record.Period) []gazetteer.Era {
	switch {
	case p.Last < huế:
		return []gazetteer.Era{gazetteer.EraPre2025, gazetteer.Era2022}
	case p.Last < reform:
		return []gazetteer.Era{gazetteer.EraPre2025}
	case p.First >= reform:
		return []gazetteer.Era{gazetteer.Era2025}
	}
	return []gazetteer.Era{gazetteer.EraPre2025, gazetteer.Era2025}
}

// huế is the first quarter of 2025, when the last changes before the
// reform took effect (Huế a city under the central government, many
// communes merged).
var huế = record.QuarterOf(2025, 1)

// otherEras returns the eras a name not found in those of its period is
// looked for in, to say what the unit became: every other era.
func otherEras(tried []gazetteer.Era) []gazetteer.Era {
	// The nearest first: a row of before the reform is of the units of
	// 2022 rather than of those of 2025 (a thirty-second review found a
	// row of 2025-Q1 read as a 2025 commune of another former province).
	order := []gazetteer.Era{gazetteer.EraPre2025, gazetteer.Era2022, gazetteer.Era2025}
	if !slices.Contains(tried, gazetteer.Era2025) {
		order = []gazetteer.Era{gazetteer.Era2022, gazetteer.EraPre2025, gazetteer.Era2025}
	}
	var out []gazetteer.Era
	for _, e := range order {
		if !slices.Contains(tried, e) {
			out = append(out, e)
		}
	}
	return out
}

// Unassigned is a record of a pre-2025 commune that was split between
// several 2025 communes, which the gazetteer cannot place: it counts for
// its province, or, when To is set, for the 2025 commune where its named
// model goes on (see successors).
type Unassigned struct {
	Pos        record.Pos
	Record     int      // the record's index in the dataset
	Province   string   // the 2025 province it counts for
	From       string   // the old commune, as the gazetteer writes it
	Candidates []string // the 2025 communes that share its territory
	// Ambiguous says the row's commune is the name of several old
	// communes and the row does not say which (it names no district);
	// Candidates are then the 2025 communes they became.
	Ambiguous bool
	// To is the one of Candidates where rows after the reform report the
	// row's named model, and so where it counts (see successors); "" for
	// a row that counts for its province. Model is then the model's
	// name.
	To, Model string
}

// Result is what Apply found.
type Result struct {
	// Warnings are the names that are not official, one per cell, in
	// record order, then the models of split communes that go on in
	// several of their communes at once (see Result.several);
	// WarningRecords are their records' indexes in the dataset.
	Warnings       []*record.InputError
	WarningRecords []int
	// Unassigned lists the records of split communes under the roll-up:
	// those it could not place in a 2025 commune, and those placed where
	// their model goes on (To).
	Unassigned []Unassigned
	// Duplicates are the models reported twice that only the settled
	// names show (a commune named with its district in one row and
	// without it in another), one per record after the first, in record
	// order; DuplicateRecords are their records' indexes. They are errors,
	// as package validate's duplicates are.
	Duplicates       []*record.InputError
	DuplicateRecords []int
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
		k := key{r.Province, r.District, r.Commune, r.Period.First < reform, r.Period.Last >= reform, r.Period.Last < huế}
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
	var wg parallel.Group
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
	origins := originNumbers{}
	for i := range ds.Records {
		r := &ds.Records[i]
		o := &outcomes[which[i]]
		for _, w := range o.warnings {
			res.Warnings = append(res.Warnings, &record.InputError{Pos: r.NamePos(w.level), Column: r.Table.Header(w.level), Msg: msg.New("warning", w.msg)})
			res.WarningRecords = append(res.WarningRecords, i)
		}
		names := o.names
		if rollUp {
			names = o.rolled
			r.Unassigned = o.split != nil
			if r.Period.First < reform || !o.own() {
				// A row of before the reform, rolled up or not (a
				// province's own row keeps its name): its old unit. A
				// row after it is the new commune's own, even with an
				// old district typed in (a twelfth review found it one
				// more old commune), unless it names an old commune or
				// a split one (a thirteenth review found two such
				// communes' models taken for one).
				r.Origin = origins.of(o.names)
			}
			if o.split != nil {
				u := *o.split
				u.Pos, u.Record = r.Pos(), i
				res.Unassigned = append(res.Unassigned, u)
			}
		}
		r.Province, r.District, r.Commune = names[0], names[1], names[2]
	}
	if rollUp && len(res.Unassigned) > 0 {
		res.place(ds, which, outcomes)
	} else if !rollUp {
		res.warnSplit(ds, g, which, outcomes)
		res.warnTwoForms(ds, g, which, outcomes)
	}
	res.duplicates(ds, which, outcomes)
	return res
}

// place puts each row of a split commune whose named model goes on after
// the reform in the one 2025 commune where it does (see successors): a
// commune's row from then on, no longer its province's.
func (res *Result) place(ds *record.Dataset, which []int32, outcomes []outcome) {
	split := make([]splitRow, len(res.Unassigned))
	for k, u := range res.Unassigned {
		split[k] = splitRow{rec: u.Record, to: outcomes[which[u.Record]].to}
	}
	to, several := successors(ds.Records, split, func(i int) string { return outcomes[which[i]].code2025() })
	from := make(map[int]string, len(several))
	for _, u := range res.Unassigned {
		if _, ok := several[u.Record]; ok {
			from[u.Record] = u.From
		}
	}
	res.several(ds, several, func(i int) string { return from[i] })
	for k := range res.Unassigned {
		u := &res.Unassigned[k]
		if c, ok := to[u.Record]; ok {
			r := &ds.Records[u.Record]
			r.District, r.Commune, r.Unassigned = "", c.FullName, false
			u.To, u.Model = c.FullName, r.Model
		}
	}
}

// warnSplit warns, without the roll-up, of the rows of split communes
// whose named model goes on in several of their communes at once (see
// Result.several), as the roll-up does.
func (res *Result) warnSplit(ds *record.Dataset, g *gazetteer.Gazetteer, which []int32, outcomes []outcome) {
	var split []splitRow
	targets := map[int32][]gazetteer.Unit{} // by outcome, its commune's, once
	for i := range ds.Records {
		r := &ds.Records[i]
		if !namedModel(r) || r.Period.Last >= reform {
			continue
		}
		j := which[i]
		to, ok := targets[j]
		if !ok {
			to = outcomeSplit(g, &outcomes[j])
			targets[j] = to
		}
		if len(to) > 1 {
			split = append(split, splitRow{rec: i, to: to})
		}
	}
	if len(split) == 0 {
		return
	}
	_, several := successors(ds.Records, split, func(i int) string { return outcomes[which[i]].code2025() })
	res.several(ds, several, func(i int) string {
		r := &ds.Records[i]
		if r.District == "" {
			return r.Commune
		}
		return r.Commune + ", " + r.District
	})
}

// warnTwoForms warns, without the roll-up, of a commune that rows after
// the reform write two ways: with its old district (the old unit, as the
// rows before the reform are) and without it (the 2025 commune of its
// name and type that it went into whole). They are two places, and a model
// reported both ways counts twice over several quarters (a fortieth
// review: Xã Đức Long in 2025-Q3 and "Huyện Thạch An, Xã Đức Long" in
// 2025-Q4, 2 models for 1). Which way is right the data does not say (a
// forty-first review found reading the old form as the new commune wrong
// for registers that keep the district in every quarter): one warning a
// commune, on its first row of the old form.
func (res *Result) warnTwoForms(ds *record.Dataset, g *gazetteer.Gazetteer, which []int32, outcomes []outcome) {
	oldForm := map[string]int{}         // by the 2025 commune's code, its first row written the old way
	newForm := map[string]int{}         // and the first written the new way
	seen := make([]bool, len(outcomes)) // an outcome's first row after the reform is the one that counts
	for i := range ds.Records {
		j := which[i]
		if ds.Records[i].Period.First < reform || seen[j] {
			continue
		}
		seen[j] = true
		o := &outcomes[j]
		if c := o.code2025(); c != "" {
			if _, ok := newForm[c]; !ok {
				newForm[c] = i
			}
			continue
		}
		if u := o.units[2]; u != nil && o.names[1] != "" && o.era != gazetteer.Era2025 {
			// The 2025 commune it went into whole, of its name and type,
			// whatever its code (Xã Khánh Bình of Huyện An Phú, 30343, is
			// Xã Khánh Bình, 30341: review 42).
			ru, err := g.RollUp(*u)
			if err != nil || len(ru.Targets) != 1 || !ru.Targets[0].Whole {
				continue
			}
			n := ru.Targets[0].Unit
			if _, ok := oldForm[n.Code]; !ok && n.Type == u.Type && gazetteer.UnitKey(n.Name) == gazetteer.UnitKey(u.Name) {
				oldForm[n.Code] = i
			}
		}
	}
	for _, c := range slices.Sorted(maps.Keys(oldForm)) {
		n, ok := newForm[c]
		if !ok {
			continue
		}
		i := oldForm[c]
		r, other := &ds.Records[i], &ds.Records[n]
		res.Warnings = append(res.Warnings, &record.InputError{Pos: r.NamePos(1), Column: r.Table.Header(1),
			Msg: msg.New("warning", msg.New("names.two_forms", msg.Quote(r.Commune+", "+r.District), other.Pos().String(), msg.Quote(other.Commune)))})
		res.WarningRecords = append(res.WarningRecords, i)
	}
}

// code2025 returns the code of the 2025 commune an outcome's names are, or
// "" for names of another era or without a commune.
func (o *outcome) code2025() string {
	if o.era == gazetteer.Era2025 && o.units[2] != nil {
		return o.units[2].Code
	}
	return ""
}

// own reports whether a row's names, rolled up, are its own unit's of the
// 2025 units: the roll-up kept its province and commune (an old district
// typed beside them aside) and split nothing; a row of a province or a
// district without a commune is its own when it names no district.
func (o *outcome) own() bool {
	if o.split != nil || gazetteer.UnitKey(o.rolled[0]) != gazetteer.UnitKey(o.names[0]) {
		return false
	}
	if o.names[2] == "" {
		return o.names[1] == ""
	}
	// Of one name and one type: Thị trấn Bắc Sơn is not Xã Bắc Sơn (a
	// fourteenth review).
	a, b := gazetteer.TypeOf(o.rolled[2]), gazetteer.TypeOf(o.names[2])
	return gazetteer.UnitKey(o.rolled[2]) == gazetteer.UnitKey(o.names[2]) && (a == "" || b == "" || a == b)
}

// originNumbers numbers the localities rows were rolled up from, by the
// keys of their settled names, from 1.
type originNumbers map[[3]string]int32

func (o originNumbers) of(names [3]string) int32 {
	var k [3]string
	for i, n := range names {
		k[i] = gazetteer.UnitKey(n)
	}
	n, ok := o[k]
	if !ok {
		n = int32(len(o)) + 1
		o[k] = n
	}
	return n
}

// duplicates finds the models reported twice that the names settled
// reveal: among the records of the places where a district was named for
// a row that gave none, two that SameModel calls one model (compared by
// the names of the rows' own period, not the roll-up's: two old communes
// merged into one are two places).
func (res *Result) duplicates(ds *record.Dataset, which []int32, outcomes []outcome) {
	places := map[[3]string]bool{}
	for j := range outcomes {
		if o := &outcomes[j]; o.filled {
			places[o.names] = true
		}
	}
	if len(places) == 0 {
		return
	}
	type id struct {
		place       [3]string
		unit, model string
		field       record.Field
		period      record.Period
	}
	first := map[id]int{}
	for i := range ds.Records {
		o := &outcomes[which[i]]
		r := &ds.Records[i]
		if !places[o.names] || r.Model == "" {
			continue
		}
		k := id{o.names, validate.ModelKey(r.Unit), validate.ModelKey(r.Model), r.Field, r.Period}
		j, seen := first[k]
		if !seen {
			first[k] = i
			continue
		}
		res.Duplicates = append(res.Duplicates, &record.InputError{Pos: r.Pos(),
			Msg: msg.New("validate.duplicate", msg.Quote(r.Model), r.Period, ds.Records[j].Pos())})
		res.DuplicateRecords = append(res.DuplicateRecords, i)
	}
}

// parallelMin is the number of combinations of names from which Apply
// settles them on several processors.
const parallelMin = 256

// key is what settles a record's names: the names, and the eras its
// period is checked in (eras); a key without early made the rows of 2024
// and of 2025's first half, settled in different eras, depend on which
// came first (a thirty-first review).
type key struct {
	province, district, commune string
	before, after, early        bool
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
	to       []gazetteer.Unit // with split, the 2025 communes it may be in
	filled   bool             // a district named for a commune the row gave without one
	// ambiguous are the communes of the row's period that its commune's
	// name may be, when the row does not say which.
	ambiguous []gazetteer.Unit
}

func settle(g *gazetteer.Gazetteer, r *record.Record) outcome {
	o := outcome{names: [3]string{r.Province, r.District, r.Commune}}
	o.rolled = o.names
	candidates := eras(r.Period)
	// The district level exists before the reform only.
	if r.District != "" {
		candidates = slices.DeleteFunc(slices.Clone(candidates), func(e gazetteer.Era) bool { return e == gazetteer.Era2025 })
		if len(candidates) == 0 {
			candidates = []gazetteer.Era{gazetteer.EraPre2025}
		}
	}
	m, ok := match(g, r, candidates)
	if ok {
		o.filled = m.fillDistrict(g)
		o.take(m)
		return o
	}
	// Not among the units of its period: a unit of another era (an old
	// ward named in a row of 2025-Q3) is said so, with what it became, and
	// is rolled up like the rows of its era. A name that several units of
	// its period have is not: it is one of them, and which the row does
	// not say (two Xã Chi Lăng in Lạng Sơn before 2025, one in 2025).
	// Nor in the other eras, tried one by one, the nearest first: a name
	// that several units of one have is one of them, and which the row
	// does not say, never the one unit of that name of an era further
	// off (a thirty-first review: two Xã Thái Hòa in Hà Nội just before
	// the reform, one in 2022, which a row of 2025-Q3 was taken for).
	var other found
	ok = false
	for _, e := range otherEras(candidates) {
		if errors.Is(m.err, gazetteer.ErrAmbiguous) {
			break
		}
		f, hit := match(g, r, []gazetteer.Era{e})
		if hit {
			other, ok = f, true
			break
		}
		if errors.Is(f.err, gazetteer.ErrAmbiguous) {
			m = f // said as several units', and no era further off tried
		}
	}
	if ok {
		// Its district too, as for a row of its own period: "Xã Long
		// Đống" of 2025-Q2 and of 2025-Q3 are one place (a thirtieth
		// review found them two, a model of both counted twice).
		o.filled = other.fillDistrict(g)
		o.take(other)
		o.warnings = append(o.warnings, warning{m.level, otherEra(g, m.level, o.names[m.level], other)})
		return o
	}
	o.era = m.era
	o.units = m.units
	var le *gazetteer.LookupError
	if m.level == 2 && errors.Is(m.err, gazetteer.ErrAmbiguous) && errors.As(m.err, &le) {
		o.ambiguous = le.Candidates
	}
	for l := 0; l < m.level; l++ {
		if m.units[l] != nil {
			o.names[l] = m.names[l]
		}
	}
	o.warnings = append(o.warnings, warning{m.level, notFound(g, m.level, o.names[m.level], m.place, m.era, m.err)})
	return o
}

// found is what match found of a record's names in some eras: the units of
// the levels it matched (all of them when ok), the era, and for a failure
// the level and lookup that failed.
type found struct {
	units [3]*gazetteer.Unit
	names [3]string
	era   gazetteer.Era
	level int // the level that failed
	place gazetteer.Place
	err   error
}

// fillDistrict names the district of a pre-2025 commune that a row of its
// own period names without one: the commune is in one district, and its
// rows and those that name the district are one place (a model reported
// in both is reported twice).
func (m *found) fillDistrict(g *gazetteer.Gazetteer) bool {
	c := m.units[2]
	if c == nil || m.units[1] != nil || c.DistrictCode == "" {
		return false
	}
	d, err := g.ByCode(m.era, c.DistrictCode)
	if err != nil {
		return false
	}
	m.units[1], m.names[1] = &d, d.FullName
	return true
}

// take sets the outcome's units and names from what match found.
func (o *outcome) take(m found) {
	o.era, o.units = m.era, m.units
	for l, u := range m.units {
		if u != nil {
			o.names[l] = m.names[l]
		}
	}
}

// match looks a record's names up in the first of eras where they all
// resolve. It reports whether they did; when they did not, found says
// which level failed, in the era that went furthest.
func match(g *gazetteer.Gazetteer, r *record.Record, eras []gazetteer.Era) (found, bool) {
	var best found
	best.level = -1
	for _, era := range eras {
		var f found
		f.era = era
		prov, err := g.Province(era, r.Province)
		if err != nil {
			f.place, f.err = gazetteer.Place{Province: r.Province}, err
			if best.level < 0 {
				best = f
			}
			continue
		}
		f.units[0], f.names[0] = &prov, prov.Name
		place := gazetteer.Place{Province: prov.Code}
		if r.District != "" {
			if era == gazetteer.Era2025 {
				continue
			}
			place.District = r.District
			d, err := g.Resolve(era, place)
			if err != nil {
				f.level, f.place, f.err = 1, place, err
				if best.level < 1 {
					best = f
				}
				continue
			}
			f.units[1], f.names[1] = &d, d.FullName
			place.District = d.Code
		}
		if r.Commune != "" {
			place.Commune = r.Commune
			c, err := g.Resolve(era, place)
			if err != nil {
				f.level, f.place, f.err = 2, place, err
				if best.level < 2 {
					best = f
				}
				continue
			}
			f.units[2], f.names[2] = &c, c.FullName
		}
		return f, true
	}
	return best, false
}

// otherEra words the warning for a name found among the units of another
// era than its row's: what it was, and what it became.
func otherEra(g *gazetteer.Gazetteer, level int, name string, f found) msg.Text {
	u := f.units[level]
	if u == nil {
		u = f.units[0]
	}
	key := "names.unit_of_2025"
	switch f.era {
	case gazetteer.EraPre2025:
		key = "names.unit_of_pre2025"
	case gazetteer.Era2022:
		key = "names.unit_of_2022"
	}
	m := msg.New(key, msg.New(levelKeys[level]), msg.Quote(name), u.String())
	if f.era == gazetteer.Era2025 {
		return m
	}
	ru, err := g.RollUp(*u)
	if err != nil {
		return m
	}
	if c, ok := ru.Commune(); ok {
		return msg.New("names.now", m, c.FullName+", "+ru.Province.FullName)
	}
	if level == 0 || u.Level == gazetteer.LevelProvince {
		return msg.New("names.now", m, ru.Province.FullName)
	}
	if len(ru.Targets) > 1 {
		var names msg.List
		for _, t := range ru.Targets {
			names = append(names, t.Unit.FullName)
		}
		return msg.New("names.now_split", m, names)
	}
	return msg.New("names.now_in", m, ru.Province.FullName)
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
		if era == gazetteer.Era2025 {
			// No districts since July 2025: the code tells them apart.
			return msg.New("names.ambiguous_2025", what, msg.Quote(name), cands)
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
	if o.units[2] == nil && len(o.ambiguous) > 0 {
		// One of several communes, and the row does not say which: its
		// province's, and listed with the 2025 communes it may be in,
		// never the 2025 commune that happens to bear its name.
		o.split, o.to = &Unassigned{Province: ru.Province.Name, From: o.names[2], Ambiguous: true}, splitTargets(g, o)
		o.split.Candidates = fullNames(o.to)
		return
	}
	if o.units[2] == nil {
		// A commune the gazetteer does not know keeps its name, under its
		// 2025 province: never a province-wide line in disguise.
		o.rolled[2] = o.names[2]
		return
	}
	if c, ok := ru.Commune(); ok {
		o.rolled[2] = c.FullName
		return
	}
	o.split, o.to = &Unassigned{Province: ru.Province.Name, From: from.FullName + ", " + from.District}, splitTargets(g, o)
	o.split.Candidates = fullNames(o.to)
}

// fullNames returns the units' full names.
func fullNames(units []gazetteer.Unit) []string {
	names := make([]string, len(units))
	for i, u := range units {
		names[i] = u.FullName
	}
	return names
}
