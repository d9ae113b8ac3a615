package gazetteer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Rollup is where a unit lies within the 2025 boundaries, according to the
// official conversion table (NSO, "Bảng chuyển đổi ĐVHC mới–cũ").
type Rollup struct {
	// From is the unit rolled up.
	From Unit
	// Province is the 2025 province containing From. Every pre-2025
	// province lies wholly in one 2025 province, so it is always known.
	Province Unit
	// Targets are the 2025 communes that received From's territory, in
	// list order. For a pre-2025 commune there is one target when the
	// commune went wholly to one new commune, and several when it was
	// split (see Split). Targets is empty for provinces and districts,
	// except the five island districts without communes that became
	// đặc khu (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo). For an
	// Era2025 commune it is the commune itself.
	Targets []Target
}

// Target is a 2025 commune that received all or part of a pre-2025 unit.
type Target struct {
	Unit Unit
	// Whole is true when the table's relation is "full": the old unit went
	// in whole (merged, unchanged, renamed or changed type). It is false
	// for "partial" ("một phần", "Phần còn lại").
	Whole bool
	// Note is the table's "Ghi chú", verbatim in Vietnamese: "Nhập toàn
	// bộ", "Nhập một phần", ...
	Note string
}

// Split reports whether From was divided between several 2025 communes.
// Targets then lists the candidates; the table does not say how to divide
// a count between them, and nothing here guesses.
func (r Rollup) Split() bool { return len(r.Targets) > 1 }

// Commune returns the single 2025 commune that wholly contains From, and
// false if From is split or is not a commune (or island district).
func (r Rollup) Commune() (Unit, bool) {
	if len(r.Targets) != 1 {
		return Unit{}, false
	}
	return r.Targets[0].Unit, true
}

// RollUp maps u to the 2025 boundaries:
//   - a pre-2025 province to its 2025 province;
//   - a pre-2025 district to the 2025 province of its old province (and an
//     island district to its đặc khu);
//   - a pre-2025 commune to its 2025 province and the 2025 commune(s) it went
//     to;
//   - an Era2025 unit to itself.
//
// u must be a unit of the gazetteer (as returned by a lookup); only its Era,
// Level and Code are read. The conversion table is parsed on the first call.
// Errors wrap ErrNotFound or ErrUnknownEra.
func (g *Gazetteer) RollUp(u Unit) (Rollup, error) {
	ed, err := g.era(u.Era)
	if err != nil {
		return Rollup{}, eraError(u.Era, u.Level, u.Code, err)
	}
	id, ok := ed.code[u.Code]
	if !ok || ed.units[id].Level != u.Level {
		return Rollup{}, &LookupError{Era: u.Era, Level: u.Level, Query: u.Code, Err: ErrNotFound}
	}
	from := ed.units[id]
	if from.Era == Era2022 {
		return g.rollUp2022(from)
	}
	now, err := g.era(Era2025)
	if err != nil {
		return Rollup{}, err
	}
	if from.Era == Era2025 {
		r := Rollup{From: from, Province: now.units[now.code[from.ProvinceCode]]}
		if from.Level == LevelCommune {
			r.Targets = []Target{{Unit: from, Whole: true}}
		}
		return r, nil
	}
	t, err := g.rollup()
	if err != nil {
		return Rollup{}, err
	}
	r := Rollup{From: from, Province: now.units[t.province[ed.code[from.ProvinceCode]]]}
	for _, x := range t.targets[id] {
		r.Targets = append(r.Targets, Target{Unit: now.units[x.id], Whole: x.whole, Note: x.note})
	}
	if len(r.Targets) > 1 {
		rank := g.rank(now)
		slices.SortFunc(r.Targets, func(a, b Target) int {
			return cmp.Compare(rank[now.code[a.Unit.Code]], rank[now.code[b.Unit.Code]])
		})
	}
	return r, nil
}

// rollUp2022 rolls up a unit of Era2022 through the unit of the same code
// and level in EraPre2025, which is the same unit (codes of surviving units
// did not change). A unit merged away before 2025 has none: its rows go to
// the 2025 province of its district (or province), with no commune.
func (g *Gazetteer) rollUp2022(from Unit) (Rollup, error) {
	pre, err := g.era(EraPre2025)
	if err != nil {
		return Rollup{}, err
	}
	for _, code := range []string{from.Code, from.DistrictCode, from.ProvinceCode} {
		id, ok := pre.code[code]
		if !ok || code == "" {
			continue
		}
		r, err := g.RollUp(pre.units[id])
		if err != nil {
			return Rollup{}, err
		}
		r.From = from
		if code != from.Code {
			r.Targets = nil // merged away: no commune of its own
		}
		return r, nil
	}
	return Rollup{}, &LookupError{Era: from.Era, Level: from.Level, Query: from.Code, Err: ErrNotFound}
}

// RollUpPlace resolves p in EraPre2025 (see Resolve) and rolls the unit up
// to 2025 (see RollUp). A place naming only a province and district rolls up
// to the 2025 province of that district's old province.
func (g *Gazetteer) RollUpPlace(p Place) (Rollup, error) {
	u, err := g.Resolve(EraPre2025, p)
	if err != nil {
		return Rollup{}, err
	}
	return g.RollUp(u)
}

// rollupTable is the parsed conversion table, indexed by EraPre2025 unit id.
type rollupTable struct {
	// province holds, for an old province, the id of its 2025 province.
	province []int32
	// targets holds, for an old commune or island district, its targets.
	targets [][]rollupTarget
}

type rollupTarget struct {
	id    int32 // Era2025 unit id
	whole bool
	note  string
}

// rollupLevel returns the level named in the table's level column.
func rollupLevel(s string) (Level, bool) {
	switch s {
	case "province":
		return LevelProvince, true
	case "district":
		return LevelDistrict, true
	case "commune":
		return LevelCommune, true
	}
	return 0, false
}

var rollupHeader = []string{"level", "old_code", "old_name", "old_district_code", "old_province_code",
	"new_code", "new_name", "new_province_code", "relation", "note_vi", "dvhcvn_agrees"}

// buildRollup parses data/old_to_new.csv and checks it against the unit
// lists: every old province and commune is mapped, every code exists, and
// every target lies in the 2025 province of its old province. The one "area"
// row (a coastal alluvial area of Huyện Kim Sơn, which has no code) is
// skipped.
func (g *Gazetteer) buildRollup() (*rollupTable, error) {
	before, err := g.era(EraPre2025)
	if err != nil {
		return nil, err
	}
	now, err := g.era(Era2025)
	if err != nil {
		return nil, err
	}
	t := &rollupTable{
		province: make([]int32, len(before.units)),
		targets:  make([][]rollupTarget, len(before.units)),
	}
	for i := range t.province {
		t.province[i] = -1
	}
	type pending struct {
		from   int32 // pre-2025 unit id
		target rollupTarget
	}
	rows := make([]pending, 0, strings.Count(oldToNewCSV, "\n"))
	err = readCSV("data/old_to_new.csv", oldToNewCSV, rollupHeader, func(rec []string) error {
		level, oldCode, oldProv, newCode, relation := rec[0], rec[1], rec[4], rec[5], rec[8]
		if level == "area" {
			return nil
		}
		l, ok := rollupLevel(level)
		if !ok {
			return fmt.Errorf("unknown level %q", level)
		}
		if relation != "full" && relation != "partial" {
			return fmt.Errorf("unknown relation %q", relation)
		}
		oid, ok := before.code[oldCode]
		if !ok || before.units[oid].Level != l {
			return fmt.Errorf("unknown pre-2025 %v %q", l, oldCode)
		}
		if before.units[oid].ProvinceCode != oldProv {
			return fmt.Errorf("pre-2025 %v %s is in province %s, not %s", l, oldCode, before.units[oid].ProvinceCode, oldProv)
		}
		newLevel := LevelCommune
		if l == LevelProvince {
			newLevel = LevelProvince
		}
		nid, ok := now.code[newCode]
		if !ok || now.units[nid].Level != newLevel {
			return fmt.Errorf("unknown 2025 %v %q", newLevel, newCode)
		}
		if l == LevelProvince {
			if t.province[oid] >= 0 {
				return fmt.Errorf("province %s mapped twice", oldCode)
			}
			t.province[oid] = nid
			return nil
		}
		rows = append(rows, pending{oid, rollupTarget{id: nid, whole: relation == "full", note: rec[9]}})
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, id := range before.level[LevelProvince-1] {
		if t.province[id] < 0 {
			return nil, fmt.Errorf("gazetteer: old_to_new.csv: province %s not mapped", before.units[id].Code)
		}
	}
	// Group the targets by old unit in one backing array, in table order.
	count := make([]int, len(before.units))
	for _, r := range rows {
		from, to := &before.units[r.from], &now.units[r.target.id]
		if want := now.units[t.province[before.code[from.ProvinceCode]]].Code; to.ProvinceCode != want {
			return nil, fmt.Errorf("gazetteer: old_to_new.csv: %s goes to %s in province %s, not %s",
				from.Code, to.Code, to.ProvinceCode, want)
		}
		count[r.from]++
	}
	backing := make([]rollupTarget, len(rows))
	for id, n := range count {
		if n > 0 {
			t.targets[id], backing = backing[:0:n], backing[n:]
		}
	}
	for _, r := range rows {
		t.targets[r.from] = append(t.targets[r.from], r.target)
	}
	for _, id := range before.level[LevelCommune-1] {
		if len(t.targets[id]) == 0 {
			return nil, fmt.Errorf("gazetteer: old_to_new.csv: commune %s not mapped", before.units[id].Code)
		}
	}
	return t, nil
}
