package gazetteer

import (
	"cmp"
	"slices"
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
// Level and Code are read. Errors wrap ErrNotFound or ErrUnknownEra.
func (g *Gazetteer) RollUp(u Unit) (Rollup, error) {
	ed, err := g.era(u.Era)
	if err != nil {
		return Rollup{}, eraError(u.Era, u.Level, u.Code, err)
	}
	id, ok := ed.id(u.Code)
	if !ok || ed.level(id) != u.Level {
		return Rollup{}, &LookupError{Era: u.Era, Level: u.Level, Query: u.Code, Err: ErrNotFound}
	}
	from := ed.unit(id)
	now := &era2025
	switch ed.era {
	case Era2022:
		return g.rollUp2022(from)
	case Era2025:
		r := Rollup{From: from, Province: now.unit(now.province(id))}
		if from.Level == LevelCommune {
			r.Targets = []Target{{Unit: from, Whole: true}}
		}
		return r, nil
	}
	r := Rollup{From: from, Province: now.unit(rollupProvince[ed.province(id)])}
	rows := rollupOf(id)
	if len(rows) > 0 {
		r.Targets = make([]Target, len(rows))
	}
	for i := range rows {
		x := &rows[i]
		r.Targets[i] = Target{Unit: now.unit(x.to), Whole: x.whole, Note: x.noteText()}
	}
	if len(r.Targets) > 1 {
		slices.SortFunc(r.Targets, func(a, b Target) int {
			ra, _ := now.id(a.Unit.Code)
			rb, _ := now.id(b.Unit.Code)
			return cmp.Compare(now.rank(ra), now.rank(rb))
		})
	}
	return r, nil
}

// rollUp2022 rolls up a unit of Era2022 through the unit of the same code
// and level in EraPre2025, which is the same unit (codes of surviving units
// did not change). A unit merged away before 2025 has none: its rows go to
// the 2025 province of its district (or province), with no commune.
func (g *Gazetteer) rollUp2022(from Unit) (Rollup, error) {
	pre := &eraPre2025
	for _, code := range []string{from.Code, from.DistrictCode, from.ProvinceCode} {
		id, ok := pre.id(code)
		if !ok || code == "" {
			continue
		}
		r, err := g.RollUp(pre.unit(id))
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
