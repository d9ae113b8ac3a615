package gazetteer

import (
	"cmp"
	"slices"
	"strings"
)

// units returns copies of the units ids of ed in list order, or nil.
func (g *Gazetteer) units(ed *eraData, ids []int32) []Unit {
	if len(ids) == 0 {
		return nil
	}
	sorted := slices.Clone(ids)
	if len(sorted) > 1 {
		slices.SortFunc(sorted, func(a, b int32) int { return cmp.Compare(ed.rank(a), ed.rank(b)) })
	}
	out := make([]Unit, len(sorted))
	for i, id := range sorted {
		out[i] = ed.unit(id)
	}
	return out
}

// Provinces returns the provinces of era in list order, or nil if era is not
// valid.
func (g *Gazetteer) Provinces(era Era) []Unit {
	ed, err := g.era(era)
	if err != nil {
		return nil
	}
	return g.units(ed, ed.ofLevel(LevelProvince))
}

// Districts returns the districts of an EraPre2025 province in list order.
// It returns nil for any other unit.
func (g *Gazetteer) Districts(province Unit) []Unit {
	ed, ok := g.own(province)
	if !ok || province.Level != LevelProvince {
		return nil
	}
	id, _ := ed.id(province.Code)
	return g.units(ed, ed.districts(id))
}

// Communes returns the communes of a province or (EraPre2025) district in
// list order. It returns nil for any other unit.
func (g *Gazetteer) Communes(within Unit) []Unit {
	ed, ok := g.own(within)
	if !ok || within.Level == LevelCommune {
		return nil
	}
	id, _ := ed.id(within.Code)
	return g.units(ed, ed.communes(id))
}

// own returns the era data of u, if u is a unit of the gazetteer.
func (g *Gazetteer) own(u Unit) (*eraData, bool) {
	ed, err := g.era(u.Era)
	if err != nil {
		return nil, false
	}
	id, ok := ed.id(u.Code)
	return ed, ok && ed.level(id) == u.Level
}

// Search returns the units of era, of every level, whose names contain text
// at the start of a word, compared without diacritics: "bac son" finds
// Bắc Sơn and Bắc Sơn Mới; "an" finds An Phú and Tân An but not Tân Phú.
// A unit-type prefix in text ("Xã Bắc Sơn") limits the result to units of
// that type when there are any.
//
// Results are ordered by relevance, then level (provinces first), then list
// order: first units whose name is exactly text (same diacritics), then
// units whose name is text without diacritics, then the others.
// It returns nil if nothing matches or era is not valid.
func (g *Gazetteer) Search(era Era, text string) []Unit {
	ed, err := g.era(era)
	if err != nil {
		return nil
	}
	q := parseQuery(text)
	exact := q.key
	for _, st := range q.all() {
		if !st.folded {
			continue
		}
		var ids []int32
		for id := range int32(len(ed.units)) {
			if containsWords(ed.fkey(id), st.key) {
				ids = append(ids, id)
			}
		}
		if st.typ != "" {
			ids = keepType(ed, ids, st.typ)
		}
		if len(ids) == 0 {
			continue
		}
		relevance := func(id int32) int {
			switch {
			case ed.key(id) == exact:
				return 0
			case ed.fkey(id) == st.key:
				return 1
			}
			return 2
		}
		slices.SortFunc(ids, func(a, b int32) int {
			return cmp.Or(
				cmp.Compare(relevance(a), relevance(b)),
				cmp.Compare(ed.level(a), ed.level(b)),
				cmp.Compare(ed.rank(a), ed.rank(b)),
			)
		})
		out := make([]Unit, len(ids))
		for i, id := range ids {
			out[i] = ed.unit(id)
		}
		return out
	}
	return nil
}

// containsWords reports whether words occurs in s starting at the start of a
// word of s.
func containsWords(s, words string) bool {
	for i := 0; i+len(words) <= len(s); {
		j := strings.Index(s[i:], words)
		if j < 0 {
			return false
		}
		if i+j == 0 || s[i+j-1] == ' ' {
			return true
		}
		i += j + 1
	}
	return false
}
