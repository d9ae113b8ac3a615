package gazetteer

import "strings"

// scope restricts a lookup to a province and, before 2025, to one or more
// districts.
type scope struct {
	province  string   // province code, or "" for the whole country
	districts []string // district codes, or nil for any district
	within    string   // description for errors, "" for the whole country
}

// contains reports whether s contains unit id of ed.
func (s scope) contains(ed *eraData, id int32) bool {
	r := &ed.units[id]
	if s.province != "" && ed.code(r.province) != s.province {
		return false
	}
	if s.districts == nil {
		return true
	}
	if r.district < 0 {
		return false
	}
	dc := ed.code(r.district)
	for _, d := range s.districts {
		if dc == d {
			return true
		}
	}
	return false
}

// match returns the ids of level-l units whose names match q and that lie in
// s. It tries the stages of q in order and stops at the first that matches
// any unit in s. If that stage named a unit type (the query had a prefix) and
// several units match, it keeps those of that type, unless none is.
func (ed *eraData) match(l Level, q *query, s scope) []int32 {
	for i := 0; ; i++ {
		st, ok := q.stage(i)
		if !ok {
			return nil
		}
		var ids []int32
		for _, id := range ed.named(l, st.folded, st.key) {
			if s.contains(ed, id) {
				ids = append(ids, id)
			}
		}
		if len(ids) == 0 {
			continue
		}
		if len(ids) > 1 && st.typ != "" {
			ids = keepType(ed, ids, st.typ)
		}
		return ids
	}
}

// lookup returns the level-l units named or coded by text within s: one
// unit, or a *LookupError. With all set, several matches are not an error:
// lookup returns them all.
func (g *Gazetteer) lookup(ed *eraData, l Level, text string, s scope, all bool) ([]int32, error) {
	text = strings.TrimSpace(text)
	fail := func(err error, cands []int32) error {
		return &LookupError{Era: ed.era, Level: l, Query: text, Within: s.within, Candidates: g.units(ed, cands), Err: err}
	}
	if code, ok := asCode(l, text); ok {
		id, ok := ed.id(code)
		if !ok || ed.level(id) != l {
			return nil, fail(ErrNotFound, nil)
		}
		if !s.contains(ed, id) {
			return nil, fail(ErrMisplaced, []int32{id})
		}
		return []int32{id}, nil
	}
	q := parseQuery(text)
	ids := ed.match(l, q, s)
	switch {
	case len(ids) == 1 || (len(ids) > 1 && all):
		return ids, nil
	case len(ids) > 1:
		return nil, fail(ErrAmbiguous, ids)
	}
	if s.province != "" || s.districts != nil {
		if elsewhere := ed.match(l, q, scope{}); len(elsewhere) > 0 {
			return nil, fail(ErrMisplaced, elsewhere)
		}
	}
	return nil, fail(ErrNotFound, nil)
}

// asCode reports whether text is a code of level l and returns it with its
// leading zeros. A province code may be written without its leading zero
// ("1" for "01"); district and commune codes must have all their digits,
// since ward names may be numbers ("Phường 1" is named "1").
func asCode(l Level, text string) (string, bool) {
	switch {
	case !isDigits(text):
		return "", false
	case l == LevelProvince && len(text) == 1:
		return "0" + text, true
	}
	return text, len(text) == codeLen[l-1]
}

// Province returns the province of era named or coded by nameOrCode: a name
// in any of the forms described in the package documentation ("Lạng Sơn",
// "Tỉnh Lạng Sơn", "lang son") or a code ("20"; "1" is read as "01").
// Errors wrap ErrNotFound, ErrAmbiguous or ErrUnknownEra.
func (g *Gazetteer) Province(era Era, nameOrCode string) (Unit, error) {
	return g.Resolve(era, Place{Province: nameOrCode})
}

// Resolve returns the unit named by the most specific non-empty field of p:
// the commune if p.Commune is set, else (EraPre2025 only) the district, else
// the province. The less specific fields restrict the search: the commune
// must lie in the province and, before 2025, in the district. A district name
// that matches several districts of the province (Huyện and Thị xã Kỳ Anh)
// restricts the commune to any of them.
//
// Each field may be a name or a code (province 2 digits, district 3, commune
// 5). Errors are *LookupError values wrapping:
//   - ErrNotFound: no such name or code (in p.Province if given);
//   - ErrMisplaced: the commune (or district) exists, but not in the given
//     province (or district); Candidates lists where it does exist;
//   - ErrAmbiguous: several units match, for example an old commune named
//     without its district where its province has two of that name;
//     Candidates lists them all;
//   - ErrNoDistricts: p names only a district in Era2025;
//   - ErrUnknownEra.
//
// An error in a less specific field is reported for that field (its
// LookupError.Level is LevelProvince or LevelDistrict).
func (g *Gazetteer) Resolve(era Era, p Place) (Unit, error) {
	ed, err := g.era(era)
	if err != nil {
		return Unit{}, eraError(era, mostSpecific(p), p.String(), err)
	}
	if era == Era2025 && strings.TrimSpace(p.District) != "" {
		if strings.TrimSpace(p.Commune) == "" {
			return Unit{}, &LookupError{Era: era, Level: LevelDistrict, Query: strings.TrimSpace(p.District), Err: ErrNoDistricts}
		}
		p.District = ""
	}
	target := mostSpecific(p)
	if target == 0 {
		return Unit{}, &LookupError{Era: era, Level: LevelProvince, Err: ErrNotFound}
	}
	var s scope
	if target != LevelProvince && strings.TrimSpace(p.Province) != "" {
		ids, err := g.lookup(ed, LevelProvince, p.Province, scope{}, false)
		if err != nil {
			return Unit{}, err
		}
		s = scope{province: ed.code(ids[0]), within: ed.fullName(ids[0])}
	}
	if target == LevelCommune && strings.TrimSpace(p.District) != "" {
		ids, err := g.lookup(ed, LevelDistrict, p.District, s, true)
		if err != nil {
			return Unit{}, err
		}
		s = districtScope(ed, s, ids)
	}
	text := p.at(target)
	ids, err := g.lookup(ed, target, text, s, false)
	if err != nil {
		return Unit{}, err
	}
	return ed.unit(ids[0]), nil
}

// districtScope narrows s to the districts ids.
func districtScope(ed *eraData, s scope, ids []int32) scope {
	names := make([]string, 0, len(ids))
	s.districts = make([]string, 0, len(ids))
	for _, id := range ids {
		s.districts = append(s.districts, ed.code(id))
		names = append(names, ed.fullName(id))
	}
	s.within = strings.Join(names, " or ") + ", " + ed.fullName(ed.province(ids[0]))
	return s
}

// mostSpecific returns the level of the most specific non-empty field of p,
// or 0 if all are empty.
func mostSpecific(p Place) Level {
	switch {
	case strings.TrimSpace(p.Commune) != "":
		return LevelCommune
	case strings.TrimSpace(p.District) != "":
		return LevelDistrict
	case strings.TrimSpace(p.Province) != "":
		return LevelProvince
	}
	return 0
}

// ByCode returns the unit of era with the given code: 2 digits for a
// province, 3 for a district (EraPre2025), 5 for a commune. Errors wrap
// ErrNotFound or ErrUnknownEra.
func (g *Gazetteer) ByCode(era Era, code string) (Unit, error) {
	code = strings.TrimSpace(code)
	level := LevelCommune
	switch len(code) {
	case 2:
		level = LevelProvince
	case 3:
		level = LevelDistrict
	}
	ed, err := g.era(era)
	if err != nil {
		return Unit{}, eraError(era, level, code, err)
	}
	id, ok := ed.id(code)
	if !ok {
		return Unit{}, &LookupError{Era: era, Level: level, Query: code, Err: ErrNotFound}
	}
	return ed.unit(id), nil
}

// Named returns every unit of the given era and level, in the whole country,
// whose name matches name (exactly if any does, else without diacritics; a
// prefix narrows the result to its type when some unit has it), in list
// order. It returns nil if none matches or era is not valid.
func (g *Gazetteer) Named(era Era, level Level, name string) []Unit {
	ed, err := g.era(era)
	if err != nil || level < LevelProvince || level > LevelCommune {
		return nil
	}
	return g.units(ed, ed.match(level, parseQuery(name), scope{}))
}

// CommuneProvinces returns the provinces of era that have a commune named
// name, in list order. Use it to tell a register which province a
// misplaced commune belongs to.
func (g *Gazetteer) CommuneProvinces(era Era, name string) []Unit {
	ed, err := g.era(era)
	if err != nil {
		return nil
	}
	var ids []int32
	for _, id := range ed.match(LevelCommune, parseQuery(name), scope{}) {
		pid := ed.province(id)
		if !containsID(ids, pid) {
			ids = append(ids, pid)
		}
	}
	return g.units(ed, ids)
}

func containsID(ids []int32, id int32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// eraError returns err, the error of g.era (ErrUnknownEra), as a
// *LookupError for query.
func eraError(era Era, l Level, query string, err error) error {
	return &LookupError{Era: era, Level: l, Query: query, Err: err}
}

// keepType keeps the units of ids of type typ, if there are any; else all.
func keepType(ed *eraData, ids []int32, typ string) []int32 {
	var typed []int32
	for _, id := range ids {
		if ed.unitType(id) == typ {
			typed = append(typed, id)
		}
	}
	if len(typed) == 0 {
		return ids
	}
	return typed
}

// at returns the name or code p gives for a level.
func (p Place) at(level Level) string {
	switch level {
	case LevelProvince:
		return p.Province
	case LevelDistrict:
		return p.District
	}
	return p.Commune
}
