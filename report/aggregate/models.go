package aggregate

import (
	"cmp"
	"math"
	"runtime"
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/dvkreport/dvkreport/report/internal/parallel"
	"github.com/dvkreport/dvkreport/report/record"
)

// recordModels is what an Index finds of its records as summaries select
// them, once for all its summaries: what does not depend on the period.
// Its fields are guarded by Index.mu.
type recordModels struct {
	info []recordInfo // by record, once known
	// names numbers the units' and models' names as written, by their
	// keys (record.AppendNameKey, in folded): equal numbers, equal keys.
	// plain says which name with diacritics a name without them is, in
	// its place (see plainNames); nil when no name lacks diacritics.
	names  map[string]int32
	folded map[string]int32
	plain  map[plainKey][]accented
	// byPlace numbers the identities of the models and groups, by the
	// place of their keys (see identify); models is how many there are.
	byPlace [][]placeModel // by place, sorted by key
	models  int
	sources map[string]int32 // numbers the sources
	// quarterList and quarters number the quarters: the first 16 in
	// the list, the others in the map, numbered after them.
	quarterList []record.Quarter
	quarters    map[record.Quarter]int32
	buf         []byte
}

// recordInfo is what a summary needs of a record beside its figures, once
// known: its model's (or group's) identity, its source and its quarter as
// numbers of the Index, its field and status.
type recordInfo struct {
	model   int32 // its identity + 1; 0 until known
	source  int32 // -1 for none
	quarter int32 // -1 for a period longer than a quarter
	origin  int32 // Record.Origin
	field   record.Field
	status  record.Status
	flags   uint8
}

// Flags of a recordInfo.
const (
	known      = 1 << iota // the info is set
	namedModel             // the record is a row of one named model
	unassigned             // a roll-up could not place it in a commune
	extra                  // it has extra indicators
)

// recordFlows are a record's count and flows.
type recordFlows struct{ count, funds, households, beneficiaries int64 }

// A model's (or a group's) identity is what makes it one: its locality's
// keys (its place), and its modelKey: its unit and name compared as
// validate compares them (record.SameName), its field, and named for a
// named model. A group's status is no part of it: the same five models
// reported new in one quarter and sustained in the next are five (a
// ninth review found them counted ten). Every part is an exact number,
// not a hash: two models are never taken for one.
type modelKey struct {
	unit, name int32
	field      record.Field
	status     uint8
	unassigned bool // a split commune's row, not its province's own
}

// named is the status part of a named model's identity: a named model is
// one whatever its rows' statuses.
const named = 0xff

// view is what an Index knows of the records a summary selected, as
// prepare found it: none of it changes after.
type view struct {
	tuple []int32      // by record: its tuple
	info  []recordInfo // by record
	// models, sources and quarters are how many the index knows, for a
	// summary's tables by number.
	models, sources, quarters int
	// lineOf is, by tuple, the number of its line at the summary's level
	// + 1, and unassignedOf of its line for records a roll-up could not
	// place; lines are the lines by number.
	lineOf, unassignedOf []int32
	lines                []lineTemplate
}

// lineCache holds the lines of the records' tuples, by level: their keys
// and paths, found once for all summaries. Its fields are guarded by
// Index.mu.
type lineCache struct {
	of         [3][]int32     // by level - 1, by tuple: its line's number + 1
	unassigned []int32        // by tuple: its line for unassigned records + 1
	lines      []lineTemplate // by number
}

// lineTemplate is a line without figures.
type lineTemplate struct {
	keys                [3]string
	path                []string
	partial, unassigned bool
	communes            bool
	sortKey             []byte // once sortLines found it
}

// line returns a new line of the template.
func (t *lineTemplate) line() Line {
	return Line{Path: t.path, Partial: t.partial, Communes: t.communes, Unassigned: t.unassigned, keys: t.keys}
}

// line returns record i's line at level, a number of the lineCache.
func (idx *Index) line(i int, level Level, unassigned bool) int32 {
	lc := &idx.lineCache
	of := &lc.of[level-1]
	if unassigned {
		of = &lc.unassigned
	}
	if *of == nil {
		*of = make([]int32, len(idx.tuples))
	}
	t := idx.tuple[i]
	if n := (*of)[t]; n > 0 {
		return n - 1
	}
	l := idx.newLine(t, level, unassigned)
	lc.lines = append(lc.lines, lineTemplate{keys: l.keys, path: l.Path, partial: l.Partial, communes: l.Communes, unassigned: l.Unassigned})
	n := int32(len(lc.lines))
	(*of)[t] = n
	return n - 1
}

// prepare finds what the records selected are, for those not yet known,
// and their lines at level (none for LevelAuto).
func (idx *Index) prepare(selected []int32, level Level) view {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	m := &idx.recordModels
	if m.info == nil {
		m.info = make([]recordInfo, len(idx.tuple))
		m.names, m.folded = map[string]int32{}, map[string]int32{}
		m.plain = plainNames(idx)
		m.byPlace = make([][]placeModel, idx.places)
		m.sources, m.quarters = map[string]int32{}, map[record.Quarter]int32{}
	}
	recs := idx.ds.Records
	var lastSource string // the source of the last record with one
	var lastSourceAt int32
	var todo []int32    // the records whose identity is not known
	var keys []modelKey // and their keys
	ahead := keysAhead(recs, selected, m.info)
	for j, i := range selected {
		in := &m.info[i]
		if in.flags&known == 0 {
			r := &recs[i]
			*in = recordInfo{source: -1, quarter: -1, origin: r.Origin, field: r.Field, status: r.Status, flags: known}
			var k modelKey
			if ahead != nil {
				unit, model := ahead.numbers(m, j)
				k = modelKey{unit: unit, name: model, field: r.Field}
			} else {
				k = modelKey{unit: m.name(r.Unit), name: m.name(r.Model), field: r.Field}
			}
			if m.plain != nil {
				k.unit, k.name = m.aliases(idx, int(i), k.unit, k.name)
			}
			// A row of one named model; anything else is a group row: a
			// count of models, with a name or not (or a count of none: a
			// row of figures).
			if r.Model != "" && r.Count == 1 {
				k.status = named
				in.flags |= namedModel
			}
			if r.Unassigned {
				in.flags |= unassigned
				k.unassigned = true // another line than the province's own rows (a twelfth review)
			}
			if len(r.Extra) > 0 {
				in.flags |= extra
			}
			if todo == nil {
				todo, keys = make([]int32, 0, len(selected)), make([]modelKey, 0, len(selected))
			}
			todo, keys = append(todo, i), append(keys, k)
			// A register's rows mostly cite one source, or a few.
			if r.Source != "" && r.Source == lastSource {
				in.source = lastSourceAt
			} else if r.Source != "" {
				si, ok := m.sources[r.Source]
				if !ok {
					si = int32(len(m.sources))
					m.sources[r.Source] = si
				}
				in.source, lastSource, lastSourceAt = si, r.Source, si
			}
			if r.Period.Kind == record.KindQuarter {
				in.quarter = m.quarter(r.Period.First)
			}
		}
		if level != LevelAuto {
			idx.line(int(i), level, in.flags&unassigned != 0 && level == LevelCommune)
		}
	}
	idx.identify(todo, keys)
	lc := &idx.lineCache
	v := view{tuple: idx.tuple, info: m.info, models: m.models, sources: len(m.sources), quarters: len(m.quarterList) + len(m.quarters),
		unassignedOf: lc.unassigned, lines: lc.lines}
	if level != LevelAuto {
		v.lineOf = lc.of[level-1]
	}
	return v
}

// identify numbers the identities of records todo, whose keys are keys.
// It takes them place by place: a place's new records sorted by key, each
// run of one key a model, found in the place's sorted list of models or
// merged into it.
func (idx *Index) identify(todo []int32, keys []modelKey) {
	if len(todo) == 0 {
		return
	}
	m := &idx.recordModels
	start := make([]int32, idx.places+1) // by place: where its records start in order
	for _, i := range todo {
		start[idx.place[idx.tuple[i]]+1]++
	}
	for p := 1; p < len(start); p++ {
		start[p] += start[p-1]
	}
	order := make([]int32, len(todo)) // indexes in todo, by place
	for j, i := range todo {
		p := idx.place[idx.tuple[i]]
		order[start[p]] = int32(j)
		start[p]++
	}
	// Now start[p] is where place p's records end, and p+1's start.
	var batch, added []placeModel
	lo := int32(0)
	for p, hi := range start[:idx.places] {
		if hi == lo {
			continue
		}
		// The place's records by key (and then in order, for numbers
		// that do not depend on the sort), each run of one key a model.
		batch = batch[:0]
		for _, j := range order[lo:hi] {
			batch = append(batch, placeModel{key: keys[j], id: j})
		}
		slices.SortFunc(batch, func(a, b placeModel) int {
			if c := compareModelKeys(a.key, b.key); c != 0 {
				return c
			}
			return cmp.Compare(a.id, b.id)
		})
		known := m.byPlace[p]
		added = added[:0]
		for r := 0; r < len(batch); {
			k := batch[r].key
			e := r + 1
			for e < len(batch) && batch[e].key == k {
				e++
			}
			n := int32(-1)
			if at, ok := slices.BinarySearchFunc(known, k, func(x placeModel, k modelKey) int { return compareModelKeys(x.key, k) }); ok {
				n = known[at].id
			} else {
				n = int32(m.models)
				m.models++
				added = append(added, placeModel{key: k, id: n})
			}
			for _, b := range batch[r:e] {
				m.info[todo[b.id]].model = n + 1
			}
			r = e
		}
		if len(added) > 0 {
			m.byPlace[p] = mergeModels(known, added)
		}
		lo = hi
	}
}

// placeModel is a model of a place: its key and number (in identify's
// batch, the index of a record in todo).
type placeModel struct {
	key modelKey
	id  int32
}

func compareModelKeys(a, b modelKey) int {
	switch {
	case a.unit != b.unit:
		return cmp.Compare(a.unit, b.unit)
	case a.name != b.name:
		return cmp.Compare(a.name, b.name)
	case a.field != b.field:
		return cmp.Compare(a.field, b.field)
	case a.status != b.status:
		return cmp.Compare(a.status, b.status)
	case a.unassigned != b.unassigned:
		if a.unassigned {
			return 1
		}
		return -1
	}
	return 0
}

// mergeModels merges two lists of models sorted by key, none in both.
func mergeModels(a, b []placeModel) []placeModel {
	out := make([]placeModel, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if compareModelKeys(a[0].key, b[0].key) < 0 {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// quarter returns the number of quarter q.
func (m *recordModels) quarter(q record.Quarter) int32 {
	// A register has few quarters: a look along them beats a map.
	for i, x := range m.quarterList {
		if x == q {
			return int32(i)
		}
	}
	if len(m.quarterList) < 16 {
		m.quarterList = append(m.quarterList, q)
		return int32(len(m.quarterList) - 1)
	}
	qi, ok := m.quarters[q]
	if !ok {
		qi = int32(len(m.quarterList) + len(m.quarters))
		m.quarters[q] = qi
	}
	return qi
}

// name returns the number of a unit's or model's name: the number of its
// key (record.AppendNameKey).
func (m *recordModels) name(s string) int32 {
	if n, ok := m.names[s]; ok {
		return n
	}
	m.buf = record.AppendNameKey(m.buf[:0], s, false)
	n := m.number(m.buf)
	m.names[s] = n
	return n
}

// aheadKeys are the keys (record.AppendNameKey) of the units' and models'
// names of the records a summary selected, found on all processors before
// prepare numbers them in order: numbering them one by one, key and all,
// was a third of a national register's summary. Each processor numbers
// the distinct keys of its stretch of the records, so that prepare looks
// up each of those once, not every record's two keys (a national
// register: 200,000 look-ups of 100,000 records, about 50,000 keys).
type aheadKeys struct {
	parts []aheadPart
	// spans are, by place in selected, its processor's number and the
	// numbers there of its unit's key and its model's.
	spans [][3]int32
}

// aheadPart is what one processor found of its stretch of the records:
// its distinct keys, one after another in buf, each ending where ends
// says, and, once prepare has numbered them in the Index, their numbers
// there (-1 while not).
type aheadPart struct {
	buf     []byte
	ends    []int32
	numbers []int32
}

// aheadFrom is the number of records not yet known from which keysAhead
// finds their keys on all processors.
const aheadFrom = 4096

// keysAhead finds the keys of the names of the records selected whose
// info is not known, or returns nil where there are too few for it to
// pay.
func keysAhead(recs []record.Record, selected []int32, info []recordInfo) *aheadKeys {
	parts := runtime.GOMAXPROCS(0)
	if parts < 2 || len(selected) < aheadFrom {
		return nil
	}
	unknown := 0
	for _, i := range selected {
		if info[i].flags&known == 0 {
			unknown++
		}
	}
	if unknown < aheadFrom {
		return nil
	}
	a := &aheadKeys{parts: make([]aheadPart, parts), spans: make([][3]int32, len(selected))}
	var wg parallel.Group
	for w := range parts {
		lo, hi := len(selected)*w/parts, len(selected)*(w+1)/parts
		wg.Go(func() {
			p := &a.parts[w]
			seen := map[string]int32{} // a name's number in the part
			// Keys of different names may be equal ("Hoà" and "Hòa"): they
			// are numbered apart here, and as one by prepare.
			key := func(s string) int32 {
				if n, ok := seen[s]; ok {
					return n
				}
				p.buf = record.AppendNameKey(p.buf, s, false)
				n := int32(len(p.ends))
				p.ends = append(p.ends, int32(len(p.buf)))
				seen[s] = n
				return n
			}
			for j := lo; j < hi; j++ {
				if i := selected[j]; info[i].flags&known == 0 {
					a.spans[j] = [3]int32{int32(w), key(recs[i].Unit), key(recs[i].Model)}
				}
			}
			p.numbers = make([]int32, len(p.ends))
			for n := range p.numbers {
				p.numbers[n] = -1
			}
		})
	}
	wg.Wait()
	for _, p := range a.parts {
		if len(p.buf) > math.MaxInt32 {
			return nil // offsets past int32: the keys are found one by one
		}
	}
	return a
}

// numbers returns the numbers in m of the keys of the unit's and the
// model's names of the record at place j of selected, numbering them
// there when first seen: in the order of selected, as one by one.
func (a *aheadKeys) numbers(m *recordModels, j int) (unit, model int32) {
	s := &a.spans[j]
	p := &a.parts[s[0]]
	of := func(n int32) int32 {
		if v := p.numbers[n]; v >= 0 {
			return v
		}
		from := int32(0)
		if n > 0 {
			from = p.ends[n-1]
		}
		v := m.number(p.buf[from:p.ends[n]])
		p.numbers[n] = v
		return v
	}
	unit = of(s[1])
	return unit, of(s[2])
}

// number returns the number of a name's key.
func (m *recordModels) number(key []byte) int32 {
	n, ok := m.folded[string(key)]
	if !ok {
		n = int32(len(m.folded))
		m.folded[string(key)] = n
	}
	return n
}

// plainKey is what a name written without diacritics ("Trong che", a
// register retyped) is looked up under among the names with them: its
// record's place and the keys without diacritics of its unit's name, and
// for a model's name its field and its own.
type plainKey struct {
	place       int32
	unit, model string // model is "" for a unit's name
	field       record.Field
}

// plainNames finds, for each name written without diacritics by its
// plainKey, the names with diacritics of the same place (unit and field,
// for a model's name) that it may be, each with the first quarter it is
// reported in: validate's duplicates take the two for one model
// (record.SameName), and so a model reported under both in two quarters
// is one model (see alias). Names of other places do not count. nil when
// no name lacks diacritics: the usual case, found in one look at the
// names.
func plainNames(idx *Index) map[plainKey][]accented {
	recs := idx.ds.Records
	var plain map[plainKey][]accented
	var places map[int32]bool // the places of plain names
	var ub, mb []byte
	key := func(i int, unit bool) plainKey {
		r := &recs[i]
		ub = record.AppendNameKey(ub[:0], r.Unit, true)
		k := plainKey{place: idx.place[idx.tuple[i]], unit: string(ub)}
		if !unit {
			mb = record.AppendNameKey(mb[:0], r.Model, true)
			k.model, k.field = string(mb), r.Field
		}
		return k
	}
	for i := range recs {
		r := &recs[i]
		for k, s := range [2]string{r.Unit, r.Model} {
			if s != "" && record.WithoutDiacritics(s) {
				if plain == nil {
					plain, places = map[plainKey][]accented{}, map[int32]bool{}
				}
				pk := key(i, k == 0)
				if _, ok := plain[pk]; !ok {
					plain[pk] = nil
				}
				places[idx.place[idx.tuple[i]]] = true
			}
		}
	}
	if plain == nil {
		return nil
	}
	for i := range recs {
		r := &recs[i]
		if !places[idx.place[idx.tuple[i]]] {
			continue
		}
		for k, s := range [2]string{r.Unit, r.Model} {
			if s == "" || record.WithoutDiacritics(s) {
				continue
			}
			pk := key(i, k == 0)
			found, ok := plain[pk]
			if !ok {
				continue
			}
			with := string(record.AppendNameKey(nil, s, false))
			at := slices.IndexFunc(found, func(a accented) bool { return a.key == with })
			switch {
			case at < 0:
				plain[pk] = append(found, accented{with, r.Period.Last})
			case r.Period.Last < found[at].first:
				found[at].first = r.Period.Last
			}
		}
	}
	return plain
}

// accented is a name with diacritics that a name without them may be: its
// key, and the first quarter it is reported in.
type accented struct {
	key   string
	first record.Quarter
}

// alias returns the key of the name with diacritics a name without them,
// reported in quarter q, is: the one of names reported in q or before, or
// without such a name, the one of all. A name reported later does not
// change what a period's rows were (an eleventh review found a half-year's
// figures changed by the next quarter's file); a name that two names may
// be stays its own.
func alias(names []accented, q record.Quarter) (string, bool) {
	var before []accented
	for _, a := range names {
		if a.first <= q {
			before = append(before, a)
		}
	}
	if len(before) == 0 {
		before = names
	}
	if len(before) != 1 {
		return "", false
	}
	return before[0].key, true
}

// aliases returns the numbers of record i's unit and model names, those
// written without diacritics taken for the name with them of plain they
// are (see alias).
func (m *recordModels) aliases(idx *Index, i int, unit, model int32) (int32, int32) {
	r := &idx.ds.Records[i]
	plainUnit := r.Unit != "" && record.WithoutDiacritics(r.Unit)
	plainModel := r.Model != "" && record.WithoutDiacritics(r.Model)
	if !plainUnit && !plainModel {
		return unit, model
	}
	m.buf = record.AppendNameKey(m.buf[:0], r.Unit, true)
	k := plainKey{place: idx.place[idx.tuple[i]], unit: string(m.buf)}
	if plainUnit {
		if with, ok := alias(m.plain[k], r.Period.Last); ok {
			unit = m.number([]byte(with))
		}
	}
	if plainModel {
		m.buf = record.AppendNameKey(m.buf[:0], r.Model, true)
		k.model, k.field = string(m.buf), r.Field
		if with, ok := alias(m.plain[k], r.Period.Last); ok {
			model = m.number([]byte(with))
		}
	}
	return unit, model
}

// sortKeys are the collation keys of the lines' sort keys (see sortLines),
// by line key. Its fields are guarded by Index.mu.
type sortKeys struct {
	collator *collate.Collator
	cbuf     collate.Buffer
	keys     map[[3]string][]byte
}

// sortKey returns the collation key of a line's sort key k.
func (sk *sortKeys) sortKey(k [3]string, join func([3]string) string) []byte {
	if key, ok := sk.keys[k]; ok {
		return key
	}
	if sk.collator == nil {
		sk.collator = collate.New(language.Vietnamese, collate.IgnoreCase, collate.Numeric)
		sk.keys = map[[3]string][]byte{}
	}
	// The key is in the buffer, which the next one would overwrite.
	key := slices.Clone(sk.collator.KeyFromString(&sk.cbuf, join(k)))
	sk.cbuf.Reset()
	sk.keys[k] = key
	return key
}
