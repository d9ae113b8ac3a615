package gazetteer

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// MaxNearest is the largest number of names Nearest returns.
const MaxNearest = 3

// Nearest returns up to MaxNearest units whose names are nearest to the most
// specific non-empty field of p, for messages such as "did you mean Xã Bắc
// Sơn?". The distance is the edit distance (insertions, deletions,
// substitutions and swaps of adjacent letters) between names without
// diacritics and without a unit-type prefix. Names further than about a
// third of the name's length are not returned: Nearest may return nil.
//
// The less specific fields of p restrict the candidates when they resolve
// (a commune is looked for in its province and, before 2025, its district);
// a field that does not resolve restricts nothing. Results are ordered by
// distance, then list order.
func (g *Gazetteer) Nearest(era Era, p Place) []Unit {
	ed, err := g.era(era)
	if err != nil {
		return nil
	}
	if era == Era2025 {
		p.District = ""
	}
	target := mostSpecific(p)
	if target == 0 {
		return nil
	}
	text := p.at(target)

	// Candidates: the units of the target level in the narrowest scope
	// that resolves.
	cands := ed.ofLevel(target)
	if target != LevelProvince && strings.TrimSpace(p.Province) != "" {
		if ids, err := g.lookup(ed, LevelProvince, p.Province, scope{}, false); err == nil {
			prov := ids[0]
			cands = ed.communes(prov)
			if target == LevelDistrict {
				cands = ed.districts(prov)
			}
			if target == LevelCommune && strings.TrimSpace(p.District) != "" {
				s := scope{province: ed.code(prov)}
				if ids, err := g.lookup(ed, LevelDistrict, p.District, s, true); err == nil {
					cands = nil
					for _, id := range ids {
						cands = append(cands, ed.communes(id)...)
					}
				}
			}
		}
	}

	var keys []string
	for _, st := range parseQuery(text).all() {
		if st.folded {
			keys = append(keys, st.key)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	limit := 1
	for _, k := range keys {
		limit = max(limit, min(4, utf8.RuneCountInString(k)/3))
	}

	type hit struct {
		id   int32
		dist int
	}
	var hits []hit
	var d distance
	for _, id := range cands {
		best := limit + 1
		for _, k := range keys {
			best = min(best, d.between(k, ed.fkey(id), limit))
		}
		if best <= limit {
			hits = append(hits, hit{id, best})
		}
	}
	if len(hits) == 0 {
		return nil
	}
	slices.SortFunc(hits, func(a, b hit) int {
		return cmp.Or(cmp.Compare(a.dist, b.dist), cmp.Compare(ed.rank(a.id), ed.rank(b.id)))
	})
	out := make([]Unit, 0, MaxNearest)
	for _, h := range hits[:min(len(hits), MaxNearest)] {
		out = append(out, ed.unit(h.id))
	}
	return out
}

// distance computes optimal-string-alignment edit distances, reusing its
// buffers between calls.
type distance struct {
	a, b             []rune
	prev2, prev, cur []int
}

// between returns the edit distance between a and b, or limit+1 if it is
// larger than limit.
func (d *distance) between(a, b string, limit int) int {
	d.a = append(d.a[:0], []rune(a)...)
	d.b = append(d.b[:0], []rune(b)...)
	ra, rb := d.a, d.b
	if abs(len(ra)-len(rb)) > limit {
		return limit + 1
	}
	n := len(rb) + 1
	d.prev2 = resize(d.prev2, n)
	d.prev = resize(d.prev, n)
	d.cur = resize(d.cur, n)
	for j := range d.prev {
		d.prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		d.cur[0] = i
		rowMin := i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(d.prev[j]+1, d.cur[j-1]+1, d.prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, d.prev2[j-2]+1)
			}
			d.cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		d.prev2, d.prev, d.cur = d.prev, d.cur, d.prev2
	}
	return min(d.prev[len(rb)], limit+1)
}

func resize(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// EditDistance returns the edit distance between two names, as Nearest
// measures it: insertions, deletions, substitutions and swaps of adjacent
// letters between their FoldKeys (no diacritics, no unit-type prefix).
func EditDistance(a, b string) int {
	a, b = FoldKey(a), FoldKey(b)
	var d distance
	return d.between(a, b, max(utf8.RuneCountInString(a), utf8.RuneCountInString(b)))
}
