package gazetteer

import (
	"cmp"
	"slices"

	"github.com/dvkreport/dvkreport/report/gazetteer/internal/namekey"
)

//go:generate go run gen.go

// The gazetteer's data are tables that internal/tablegen makes from the CSV
// files of data/ when go generate runs gen.go, committed as ztable_*.go
// (TestTables fails when they are out of date). They are a string constant
// and slices of structs without pointers, initialised statically: they are
// part of the binary, and using them costs no time at start-up and no heap.
//
// A unit's id is its position in its era's units: the provinces, then the
// districts, then the communes, each in the order of its list.
//
// The generator writes unitRec, parentRec and rollupRec as literals without
// field names (internal/tablegen/render.go): a change to their fields is a
// change to the generator.

// span is the range of positions from start to end, end excluded.
type span struct{ start, end int32 }

// eraData holds the units of one era and their indexes.
type eraData struct {
	era Era
	// levels holds, by Level-1, the range of the ids of the level.
	levels [3]span
	units  []unitRec
	// exact and folded list the ids of each level, at the positions of the
	// level's ids, in the order of their keys (folded keys) and, for a key,
	// from the last id to the first.
	exact, folded []int32
	// codeSlots, exactSlots and foldedSlots are hash tables of the codes,
	// keys and folded keys: see lookupSlots. A slot of codeSlots holds a
	// unit's id plus one; a slot of exactSlots (foldedSlots) the position in
	// exact (folded) of the first unit of a level with a key, plus one.
	codeSlots, exactSlots, foldedSlots []uint16
	// parents holds, for each province and district id, where its communes
	// and districts are in children, in id order.
	parents  []parentRec
	children []int32
}

// unitRec is one unit. Its strings are a line of tableText, at offset text:
// its code (codeLen bytes), FullName (fullLen bytes, of which Name is the
// last nameLen), its key (namekey.Normalize(Name), keyLen bytes) and its
// folded key (namekey.Fold of its key, fkeyLen bytes), separated by |.
type unitRec struct {
	text                              uint32
	fullLen, nameLen, keyLen, fkeyLen uint8
	typ                               uint8 // index in unitTypes
	level                             uint8 // a Level
	// province and district are the ids of the unit's province and district
	// (its own for a province or district); district is -1 if there is
	// none.
	province, district int32
	// rank is the position of the unit in the list order of its era (see
	// the package documentation).
	rank int32
}

// parentRec is where the communes and districts of a province or district
// are in eraData.children.
type parentRec struct{ communes, districts span }

// rollupRec is a row of the conversion table for an EraPre2025 commune or
// island district: from, a unit of EraPre2025, went to to, a commune of
// Era2025, wholly or in part. Its note is in tableText at offset note.
type rollupRec struct {
	from, to int32
	note     uint32
	noteLen  uint8
	whole    bool
}

// codeLen is the length of the codes of each level (index Level-1).
var codeLen = [3]int{2, 3, 5}

// eras are the tables of each era, in the order of Eras.
var eras = [len(Eras)]*eraData{&era2025, &eraPre2025, &era2022}

// era returns the data of era.
func (g *Gazetteer) era(era Era) (*eraData, error) {
	for i, e := range Eras {
		if e == era {
			return eras[i], nil
		}
	}
	return nil, ErrUnknownEra
}

// code returns the code of unit id.
func (ed *eraData) code(id int32) string {
	r := &ed.units[id]
	return tableText[r.text : r.text+uint32(codeLen[r.level-1])]
}

// fullName returns the FullName of unit id.
func (ed *eraData) fullName(id int32) string {
	r := &ed.units[id]
	start := r.text + uint32(codeLen[r.level-1]) + 1
	return tableText[start : start+uint32(r.fullLen)]
}

// name returns the Name of unit id.
func (ed *eraData) name(id int32) string {
	full := ed.fullName(id)
	return full[len(full)-int(ed.units[id].nameLen):]
}

// key returns the key of the Name of unit id (namekey.Normalize).
func (ed *eraData) key(id int32) string {
	r := &ed.units[id]
	start := r.text + uint32(codeLen[r.level-1]) + 1 + uint32(r.fullLen) + 1
	return tableText[start : start+uint32(r.keyLen)]
}

// fkey returns the folded key of the Name of unit id.
func (ed *eraData) fkey(id int32) string {
	r := &ed.units[id]
	start := r.text + uint32(codeLen[r.level-1]) + 1 + uint32(r.fullLen) + 1 + uint32(r.keyLen) + 1
	return tableText[start : start+uint32(r.fkeyLen)]
}

// level returns the level of unit id.
func (ed *eraData) level(id int32) Level { return Level(ed.units[id].level) }

// unitType returns the Type of unit id.
func (ed *eraData) unitType(id int32) string { return unitTypes[ed.units[id].typ] }

// rank returns the position of unit id in the list order of its era.
func (ed *eraData) rank(id int32) int32 { return ed.units[id].rank }

// province returns the id of the province of unit id.
func (ed *eraData) province(id int32) int32 { return ed.units[id].province }

// unit returns unit id.
func (ed *eraData) unit(id int32) Unit {
	r := &ed.units[id]
	u := Unit{
		Era:          ed.era,
		Level:        Level(r.level),
		Code:         ed.code(id),
		Name:         ed.name(id),
		FullName:     ed.fullName(id),
		Type:         unitTypes[r.typ],
		ProvinceCode: ed.code(r.province),
		Province:     ed.fullName(r.province),
	}
	if r.district >= 0 {
		u.DistrictCode, u.District = ed.code(r.district), ed.fullName(r.district)
	}
	return u
}

// lookupSlots looks a hash up in slots, a hash table made by
// internal/tablegen: a power of two of slots, at least half of them empty
// (0), where a value is in the first empty slot from the one its hash
// selects. It calls match with the values from there to the next empty
// slot, until match returns true, and returns that value; 0 if none.
func lookupSlots(slots []uint16, hash uint32, match func(v uint16) bool) uint16 {
	mask := uint32(len(slots) - 1)
	i := hash & mask
	for range slots {
		v := slots[i]
		if v == 0 || match(v) {
			return v
		}
		i = (i + 1) & mask
	}
	return 0
}

// id returns the id of the unit of the given code.
func (ed *eraData) id(code string) (int32, bool) {
	v := lookupSlots(ed.codeSlots, namekey.Hash(0, code), func(v uint16) bool {
		return ed.code(int32(v)-1) == code
	})
	return int32(v) - 1, v != 0
}

// named returns the ids of the units of level l whose key (or folded key)
// is key, from the last to the first.
func (ed *eraData) named(l Level, folded bool, key string) []int32 {
	index, slots, keyOf := ed.exact, ed.exactSlots, ed.key
	if folded {
		index, slots, keyOf = ed.folded, ed.foldedSlots, ed.fkey
	}
	s := ed.levels[l-1]
	v := lookupSlots(slots, namekey.Hash(uint8(l), key), func(v uint16) bool {
		pos := int32(v) - 1
		return s.start <= pos && pos < s.end && keyOf(index[pos]) == key
	})
	if v == 0 {
		return nil
	}
	i := int32(v) - 1
	j := i + 1
	for j < s.end && keyOf(index[j]) == key {
		j++
	}
	return index[i:j:j]
}

// ofLevel returns the ids of the units of level l, in no particular order.
func (ed *eraData) ofLevel(l Level) []int32 {
	s := ed.levels[l-1]
	return ed.exact[s.start:s.end:s.end]
}

// communes returns the ids of the communes of province or district id, in
// id order; nil for a commune.
func (ed *eraData) communes(id int32) []int32 {
	if int(id) >= len(ed.parents) {
		return nil
	}
	s := ed.parents[id].communes
	return ed.children[s.start:s.end:s.end]
}

// districts returns the ids of the districts of province id, in id order;
// nil for another unit.
func (ed *eraData) districts(id int32) []int32 {
	if int(id) >= len(ed.parents) {
		return nil
	}
	s := ed.parents[id].districts
	return ed.children[s.start:s.end:s.end]
}

// rollupOf returns the rows of the conversion table for the EraPre2025
// unit id, in table order.
func rollupOf(id int32) []rollupRec {
	i, _ := slices.BinarySearchFunc(rollupTargets[:], id, func(r rollupRec, id int32) int { return cmp.Compare(r.from, id) })
	j := i
	for j < len(rollupTargets) && rollupTargets[j].from == id {
		j++
	}
	return rollupTargets[i:j:j]
}

// noteText returns the note of r.
func (r *rollupRec) noteText() string {
	return tableText[r.note : r.note+uint32(r.noteLen)]
}
