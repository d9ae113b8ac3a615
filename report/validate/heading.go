package validate

import (
	"strings"

	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/load"
	"github.com/dvkreport/dvkreport/report/record"
)

// Headings. Clerks give a table's groups a row of their own where a
// model's name goes: a field's ("I. Lĩnh vực kinh tế"), a commune's ("Xã
// Bắc Sơn"), a unit's ("Hội Nông dân xã") or a status' ("Mô hình xây dựng
// mới"), with the sums of the models under it or no figure. Read as
// models, such rows doubled their models' figures with exit 0, and a
// heading without figures was one model more. modelNamed leaves them out
// of the models, so that groups weighs them as it weighs a row without a
// model's name.

// fieldLabel reports whether a model's cell names a field, as a group's
// row does: "Lĩnh vực kinh tế", "LĨNH VỰC VĂN HÓA - XÃ HỘI", "Linh vuc…",
// with or without a section's number before it ("I. Lĩnh vực kinh tế",
// "A- LĨNH VỰC KINH TẾ"); numbered, a field's name alone is one too
// ("I. Kinh tế", "II) Văn hóa - Xã hội"). Read as models, such rows of a
// clerk's table were counted beside the models they sum.
func fieldLabel(c string) bool {
	c = strings.TrimLeftFunc(c, isLabelMark)
	rest, numbered := afterSectionNumber(c)
	if numbered {
		c = rest
	}
	if c == "" || !numbered && c[0]|0x20 != 'l' {
		return false // most cells: a model's name
	}
	k := record.Compact(c)
	if len(k) > len("linhvuc") && strings.HasPrefix(k, "linhvuc") {
		return true
	}
	if !numbered {
		return false
	}
	f, err := record.ParseField(c)
	return err == nil && f != record.Unclassified
}

// placeHeading reports whether a model's cell names a commune or a
// district of the gazetteer with its unit's type, as the row of a
// commune's group does in a table without a column of communes: "Xã Bắc
// Sơn", "II. Phường Đông Kinh", "Huyện Văn Quan". Read as models, such
// rows doubled their communes' figures with exit 0. "Xã hội hóa…" names
// no commune.
func placeHeading(c string) bool {
	_, _, ok := headingPlace(c)
	return ok
}

// headingPlace returns the place a model's cell names as placeHeading
// reads it, without its section's number and marks ("I. Xã Bắc Sơn:" is
// "Xã Bắc Sơn"), and its level: 1 for a district's type (Huyện, Quận,
// Thị xã, Thành phố), 2 for a commune's.
func headingPlace(c string) (place string, level int, ok bool) {
	c = strings.TrimLeftFunc(c, isLabelMark)
	level = placeLevel(c) // "X. Bắc Sơn" is a commune, not section X
	if level == 0 {
		if rest, ok := afterSectionNumber(c); ok {
			c = rest
			level = placeLevel(c)
		}
		if level == 0 {
			return "", 0, false // most cells: a model's name
		}
	}
	c = strings.TrimRight(c, " :.\u00a0")
	if !placeNamed(c) {
		return "", 0, false
	}
	return c, level, true
}

// placeTypes are the unit types a commune's or a district's name starts
// with, as a clerk writes them, and their level (placeLevel).
var placeTypes = []struct {
	prefix string
	level  int
}{
	{"xã ", 2}, {"phường ", 2}, {"thị trấn ", 2}, {"đặc khu ", 2}, {"tt ", 2}, {"tt. ", 2}, {"x. ", 2}, {"p. ", 2}, {"t.t ", 2},
	{"huyện ", 1}, {"quận ", 1}, {"thị xã ", 1}, {"thành phố ", 1}, {"tp ", 1}, {"tp. ", 1}, {"tx ", 1}, {"tx. ", 1},
	{"h. ", 1}, {"q. ", 1}, {"t.p ", 1}, {"t.x ", 1},
}

// placeLevel returns the level of the unit's type c starts with, in any
// case (placeTypes), or 0 for none.
func placeLevel(c string) int {
	if c == "" || strings.IndexByte("XxPpTtHhQq\xc4", c[0]) < 0 { // \xc4: đ's and Đ's first byte
		return 0
	}
	for _, t := range placeTypes {
		if len(c) > len(t.prefix) && strings.EqualFold(c[:len(t.prefix)], t.prefix) {
			return t.level
		}
	}
	return 0
}

// afterSectionNumber returns what follows a section's number at the start
// of c: roman numerals or one letter, then a full stop, a bracket, a
// dash, a colon, a slash or a space ("I. ", "IV) ", "A- ", "b/ "), and
// whether there was one.
func afterSectionNumber(c string) (string, bool) {
	n := 0
	for n < len(c) && n < 6 && strings.IndexByte("IVXLivxl", c[n]) >= 0 {
		n++
	}
	if n == 0 || !sectionMark(c[n:]) {
		if len(c) < 2 || c[0]|0x20 < 'a' || c[0]|0x20 > 'z' || !sectionMark(c[1:]) {
			return "", false
		}
		n = 1
	}
	return strings.TrimLeftFunc(c[n:], func(r rune) bool {
		return isLabelMark(r) || r == ':' || r == ')' || r == '/'
	}), true
}

// sectionMark reports whether s starts with what ends a section's number.
func sectionMark(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '.', ')', '-', ':', '/', ' ':
		return true
	}
	return strings.HasPrefix(s, "–") || strings.HasPrefix(s, "—")
}

// Headings that name a place. A district's table often has no column of
// communes: each commune has a row of its own in the column of names
// ("I | Xã Bắc Sơn", with its models' sums or none), and its models
// follow. Those models are the commune's: read without it, they counted
// for the province as a whole, so a report by commune had none of them,
// and two communes' models of one name ("Tổ tự quản") were refused as
// one model reported twice.

// placeScope is the run of rows under a heading that names a place.
type placeScope struct {
	first, last int    // row numbers of the rows under the heading
	place       string // "Xã Bắc Sơn", as headingPlace gives it
	level       int    // 1 a district, 2 a commune
	province    string // the heading row's province cell, if any
}

// headingPlace returns the place a row names as a heading names it
// (package headingPlace): in the model's column, with its unit's type; or,
// the model's cell empty, in the column of communes or of districts ("I |
// Lạng Sơn | Xã Bắc Sơn | | …"), with a section's number or not.
func (rc *rowConverter) headingPlace(r load.Row) (place string, level int, ok bool) {
	text := cell(r, rc.where[colModel])
	if text != "" {
		return headingPlace(text)
	}
	for level := 2; level >= 1; level-- {
		c := colCommune
		if level == 1 {
			c = colDistrict
		}
		text := strings.TrimRight(strings.TrimLeftFunc(cell(r, rc.where[c]), isLabelMark), " :.\u00a0")
		if text == "" {
			continue
		}
		if placeNamed(text) {
			return text, level, true
		}
		if rest, ok := afterSectionNumber(text); ok && placeNamed(rest) {
			return rest, level, true
		}
	}
	return "", 0, false
}

// headingScopes returns the runs of rows under the headings of rows that
// name a place (rowConverter.headingPlace) and are no record (a heading,
// or a group's row left out as the sum of rows below it). A commune's run ends at the next heading of a
// commune or a district, a district's at the next district's; both end at
// a total's row, at a group's row of the rows above it, and at a row numbered at the heading's level or above it
// (A, I over 1), when the heading has a number.
func headingScopes(rc *rowConverter, lay *sheetLayout, t *load.Table, recs []record.Record) []placeScope {
	model := rc.where[colModel]
	if model < 0 {
		return nil
	}
	// Most tables have no such heading: their rows that are no record
	// (few) are looked at first.
	found := false
	for j, k := 0, 0; k < len(t.Rows) && !found; k++ {
		r := t.Rows[k]
		for j < len(recs) && recs[j].Row < r.Num {
			j++
		}
		if r.Num > lay.headerLast && (j == len(recs) || recs[j].Row != r.Num) {
			_, _, found = rc.headingPlace(r)
		}
	}
	if !found {
		return nil
	}
	ends := map[int]bool{} // totals, and groups of the rows above them
	for _, r := range lay.totals {
		ends[r.Num] = true
	}
	for _, n := range lay.sumsAbove {
		ends[n] = true
	}
	var scopes []placeScope
	open := [3]int{-1, -1, -1} // by level: the index in scopes of the run going on, or -1
	ranks := [3]int{}          // by level: the rank of its heading's number, or -1
	end := func(level, last int) {
		for l := level; l <= 2; l++ {
			if open[l] >= 0 {
				scopes[open[l]].last = last // before first when nothing is under it
				open[l] = -1
			}
		}
	}
	j := 0
	last := 0
	for _, r := range t.Rows {
		if r.Num <= lay.headerLast {
			continue
		}
		for j < len(recs) && recs[j].Row < r.Num {
			j++
		}
		isRecord := j < len(recs) && recs[j].Row == r.Num
		if ends[r.Num] {
			end(1, last)
			continue
		}
		text := cell(r, model)
		n := lay.rowNumber(r, 12)
		if n == "" {
			if rest, ok := afterSectionNumber(text); ok {
				n = text[:len(text)-len(rest)]
			}
		}
		rk := rank(n)
		for l := 1; l <= 2; l++ {
			if open[l] >= 0 && rk >= 0 && ranks[l] >= 0 && rk <= ranks[l] {
				end(l, last)
			}
		}
		if !isRecord {
			if place, level, ok := rc.headingPlace(r); ok {
				end(level, last)
				open[level], ranks[level] = len(scopes), rk
				scopes = append(scopes, placeScope{first: r.Num + 1, place: place, level: level,
					province: cell(r, rc.where[colProvince])})
				continue
			}
		}
		if firstText(r.Cells()) != "" {
			last = r.Num
		}
	}
	end(1, last)
	return scopes
}

// headingPlaces gives the records of a table's rows under a heading that
// names a place (headingScopes) that place, where their own cell of that
// level is empty and their province is the heading's, and their identity
// hashes (ids) again. It does the same for the table's rows left out with
// problems (rejected), so that a report of the commune names them.
func (b *builder) headingPlaces(rc *rowConverter, lay *sheetLayout, t *load.Table, recs []record.Record, ids []uint64, rejected []Rejected) {
	scopes := headingScopes(rc, lay, t, recs)
	if len(scopes) == 0 {
		return
	}
	inScope := func(row int, province string, f func(s *placeScope)) {
		for k := range scopes {
			s := &scopes[k]
			if s.first <= row && row <= s.last && (s.province == "" || gazetteer.SameName(s.province, province)) {
				f(s)
			}
		}
	}
	texts := texts{names: map[string]*text{}}
	models := &modelHashes{seed: rc.seed}
	for i := range recs {
		r := &recs[i]
		changed := false
		inScope(r.Row, r.Province, func(s *placeScope) {
			switch {
			case s.level == 1 && r.District == "":
				r.District, changed = s.place, true
			case s.level == 2 && r.Commune == "":
				r.Commune, changed = s.place, true
			}
		})
		if changed && r.Model != "" {
			ids[i] = identity(rc.seed, texts.name(r.Province), texts.name(r.District), texts.name(r.Commune), texts.name(r.Unit),
				r.Model, r.Field, r.Period, models)
		}
	}
	for i := range rejected {
		r := &rejected[i]
		inScope(r.Pos.Row, r.Province, func(s *placeScope) {
			switch {
			case s.level == 1 && r.District == "":
				r.District = s.place
			case s.level == 2 && r.Commune == "":
				r.Commune = s.place
			}
		})
	}
}

// mergedPlaces gives the rows right under a place's bare row (a commune's
// or a district's place, period and figures, nothing else) that name no
// place of that level the bare row's place, when their figures add up to
// the bare row's, in part at least: a CSV saved from a table whose
// commune's cell was merged over its subtotal's row and its models' names
// the commune on the subtotal's row only. Read without it, the models
// were no members of their subtotal, which was counted as more models (14
// for 7, exit 0). A figure mistyped is then the subtotal's problem, as for
// any subtotal (groups); figures that do not agree at all leave the rows
// as they are, the province's (communesLeftBlank warns of them).
func (b *builder) mergedPlaces(rc *rowConverter, lay *sheetLayout, rows []load.Row, base int) {
	if len(lay.modelless) == 0 || rc.where[colCommune] < 0 && rc.where[colDistrict] < 0 {
		return
	}
	recs, ids := b.ds.Records[base:], b.ids[base:]
	rec := make([]int, len(rows))
	for i, j := 0, 0; i < len(rows); i++ {
		rec[i] = -1
		if j < len(recs) && recs[j].Row == rows[i].Num {
			rec[i] = j
			j++
		}
	}
	modelless := make([]bool, len(rows))
	for _, i := range lay.modelless {
		modelless[i] = true
	}
	var names *texts
	var models *modelHashes
	for _, i := range lay.modelless {
		if rec[i] < 0 || !subtotalShape(rc, rows[i]) {
			continue
		}
		g := &recs[rec[i]]
		place := func(r *record.Record) *string { return &r.Commune }
		if g.Commune == "" {
			place = func(r *record.Record) *string { return &r.District }
		}
		if *place(g) == "" {
			continue
		}
		// The run of rows under it that name no place of its level.
		hi := i + 1
		for hi < len(rows) && rec[hi] >= 0 && !modelless[hi] {
			m := &recs[rec[hi]]
			if *place(m) != "" || m.Period != g.Period || !gazetteer.SameName(m.Province, g.Province) ||
				m.District != "" && m.District != g.District {
				break
			}
			hi++
		}
		if hi-i-1 < 1 || !figuresAgree(rc, rows[i], g, recs, rec[i+1:hi], hi-i-1 >= 2) {
			continue
		}
		if names == nil {
			names, models = &texts{names: map[string]*text{}}, &modelHashes{seed: rc.seed}
		}
		for _, k := range rec[i+1 : hi] {
			m := &recs[k]
			*place(m) = *place(g)
			if m.Model != "" {
				ids[k] = identity(rc.seed, names.name(m.Province), names.name(m.District), names.name(m.Commune), names.name(m.Unit),
					m.Model, m.Field, m.Period, models)
			}
		}
	}
}

// figuresAgree reports whether some figure a bare row r (record g) gives
// is the sum of the records members': the money, or, with two members or
// more (one count alike is a chance), another figure that is not zero.
func figuresAgree(rc *rowConverter, r load.Row, g *record.Record, recs []record.Record, members []int, several bool) bool {
	var count, funds, households, beneficiaries int64
	for _, k := range members {
		m := &recs[k]
		count, funds, households, beneficiaries = count+m.Count, funds+m.FundsVND, households+m.Households, beneficiaries+m.Beneficiaries
	}
	given := func(c column) bool { s := cell(r, rc.where[c]); return s != "" && !isDash(s) }
	switch {
	case given(colFunds) && g.FundsVND != 0 && g.FundsVND == funds:
		return true
	case !several:
		return false
	}
	return given(colCount) && g.Count != 0 && g.Count == count ||
		given(colHouseholds) && g.Households != 0 && g.Households == households ||
		given(colBeneficiaries) && g.Beneficiaries != 0 && g.Beneficiaries == beneficiaries
}
