package gazetteer

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// buildOrder ranks the units of ed in Vietnamese alphabetical order of their
// short names (collate, language.Vietnamese, numbers by value), ties broken
// by code.
func buildOrder(ed *eraData) []int32 {
	col := collate.New(language.Vietnamese, collate.Numeric)
	var buf collate.Buffer
	keys := make([][]byte, len(ed.units))
	ids := make([]int32, len(ed.units))
	for i := range ed.units {
		keys[i] = col.KeyFromString(&buf, ed.units[i].Name)
		ids[i] = int32(i)
	}
	slices.SortFunc(ids, func(a, b int32) int {
		if c := bytes.Compare(keys[a], keys[b]); c != 0 {
			return c
		}
		return cmp.Compare(ed.units[a].Code, ed.units[b].Code)
	})
	rank := make([]int32, len(ids))
	for pos, id := range ids {
		rank[id] = int32(pos)
	}
	return rank
}

// rank returns the alphabetical rank of each unit of ed.
func (g *Gazetteer) rank(ed *eraData) []int32 {
	for i, e := range Eras {
		if e == ed.era {
			return g.order[i]()
		}
	}
	return nil
}

// units returns copies of the units ids of ed in list order, or nil.
func (g *Gazetteer) units(ed *eraData, ids []int32) []Unit {
	if len(ids) == 0 {
		return nil
	}
	sorted := slices.Clone(ids)
	if len(sorted) > 1 {
		rank := g.rank(ed)
		slices.SortFunc(sorted, func(a, b int32) int { return cmp.Compare(rank[a], rank[b]) })
	}
	out := make([]Unit, len(sorted))
	for i, id := range sorted {
		out[i] = ed.units[id]
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
	return g.units(ed, ed.level[LevelProvince-1])
}

// Districts returns the districts of an EraPre2025 province in list order.
// It returns nil for any other unit.
func (g *Gazetteer) Districts(province Unit) []Unit {
	ed, ok := g.own(province)
	if !ok || province.Level != LevelProvince {
		return nil
	}
	return g.units(ed, ed.districts[ed.code[province.Code]])
}

// Communes returns the communes of a province or (EraPre2025) district in
// list order. It returns nil for any other unit.
func (g *Gazetteer) Communes(within Unit) []Unit {
	ed, ok := g.own(within)
	if !ok || within.Level == LevelCommune {
		return nil
	}
	return g.units(ed, ed.communes[ed.code[within.Code]])
}

// own returns the era data of u, if u is a unit of the gazetteer.
func (g *Gazetteer) own(u Unit) (*eraData, bool) {
	ed, err := g.era(u.Era)
	if err != nil {
		return nil, false
	}
	id, ok := ed.code[u.Code]
	return ed, ok && ed.units[id].Level == u.Level
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
		for id, fk := range ed.fkeys {
			if containsWords(fk, st.key) {
				ids = append(ids, int32(id))
			}
		}
		if st.typ != "" {
			ids = keepType(ed, ids, st.typ)
		}
		if len(ids) == 0 {
			continue
		}
		rank := g.rank(ed)
		relevance := func(id int32) int {
			switch {
			case ed.keys[id] == exact:
				return 0
			case ed.fkeys[id] == st.key:
				return 1
			}
			return 2
		}
		slices.SortFunc(ids, func(a, b int32) int {
			return cmp.Or(
				cmp.Compare(relevance(a), relevance(b)),
				cmp.Compare(ed.units[a].Level, ed.units[b].Level),
				cmp.Compare(rank[a], rank[b]),
			)
		})
		out := make([]Unit, len(ids))
		for i, id := range ids {
			out[i] = ed.units[id]
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
