package aggregate

import (
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/dvkreport/dvkreport/report/record"
)

// recordModels is what an Index finds of its records as summaries select
// them, once for all its summaries: what does not depend on the period.
// Its fields are guarded by Index.mu.
type recordModels struct {
	info []recordInfo // by record, once known
	// names numbers the units' and models' names as written, by their
	// folded form (see appendFold): equal numbers, equal folded names.
	names  map[string]int32
	folded map[string]int32
	// models numbers the identities of the models and groups.
	models   map[identity]int32
	sources  map[string]int32 // numbers the sources
	quarters map[record.Quarter]int32
	buf      []byte
}

// recordInfo is what a record is, once known: its model's (or group's)
// identity, its source and its quarter, as numbers of the Index.
type recordInfo struct {
	model   int32 // its identity + 1; 0 until known
	source  int32 // -1 for none
	quarter int32 // -1 for a period longer than a quarter
}

// identity is what makes a model (or a group) one: its locality's keys,
// its unit and name compared as validate compares them (folded), its
// field and, for a group, its status (named for a named model). Every part
// is an exact number, not a hash: two models are never taken for one.
type identity struct {
	place, unit, name int32
	field             record.Field
	status            uint8
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
	lines                []Line
}

// lineCache holds the lines of the records' tuples, by level: their keys
// and paths, found once for all summaries. Its fields are guarded by
// Index.mu.
type lineCache struct {
	of         [3][]int32 // by level - 1, by tuple: its line's number + 1
	unassigned []int32    // by tuple: its line for unassigned records + 1
	lines      []Line     // by number: the line, without figures
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
	lc.lines = append(lc.lines, idx.newLine(&idx.tuples[t], level, unassigned))
	n := int32(len(lc.lines))
	(*of)[t] = n
	return n - 1
}

// prepare finds what the records selected are, for those not yet known,
// and their lines at level.
func (idx *Index) prepare(selected []int32, level Level) view {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	m := &idx.recordModels
	if m.info == nil {
		m.info = make([]recordInfo, len(idx.tuple))
		m.names, m.folded = map[string]int32{}, map[string]int32{}
		m.models = make(map[identity]int32, len(selected))
		m.sources, m.quarters = map[string]int32{}, map[record.Quarter]int32{}
	}
	recs := idx.ds.Records
	for _, i := range selected {
		r := &recs[i]
		if r.Unassigned && level == LevelCommune {
			idx.line(int(i), level, true)
		} else {
			idx.line(int(i), level, false)
		}
		in := &m.info[i]
		if in.model != 0 {
			continue
		}
		id := identity{place: idx.place[idx.tuple[i]], unit: m.name(r.Unit), name: m.name(r.Model), field: r.Field, status: byte(r.Status)}
		// A row of one named model; anything else is a group row: a
		// count of models, with a name or not (or a count of none: a row
		// of figures).
		if r.Model != "" && r.Count == 1 {
			id.status = named
		}
		n, ok := m.models[id]
		if !ok {
			n = int32(len(m.models))
			m.models[id] = n
		}
		in.model = n + 1
		in.source = -1
		if r.Source != "" {
			si, ok := m.sources[r.Source]
			if !ok {
				si = int32(len(m.sources))
				m.sources[r.Source] = si
			}
			in.source = si
		}
		in.quarter = -1
		if r.Period.Kind == record.KindQuarter {
			qi, ok := m.quarters[r.Period.First]
			if !ok {
				qi = int32(len(m.quarters))
				m.quarters[r.Period.First] = qi
			}
			in.quarter = qi
		}
	}
	lc := &idx.lineCache
	return view{tuple: idx.tuple, info: m.info, models: len(m.models), sources: len(m.sources), quarters: len(m.quarters),
		lineOf: lc.of[level-1], unassignedOf: lc.unassigned, lines: lc.lines}
}

// name returns the number of a unit's or model's name: the number of its
// folded form.
func (m *recordModels) name(s string) int32 {
	if n, ok := m.names[s]; ok {
		return n
	}
	m.buf = appendFold(m.buf[:0], s)
	f := s
	if string(m.buf) != f {
		f = string(m.buf)
	}
	n, ok := m.folded[f]
	if !ok {
		n = int32(len(m.folded))
		m.folded[f] = n
	}
	m.names[s] = n
	return n
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
