package validate

import (
	"strings"

	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/load"
	"github.com/dvkreport/dvkreport/report/record"
)

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
