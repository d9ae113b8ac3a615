package validate

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
)

// A workbook's summary sheet. Offices keep a sheet per commune and a sheet
// "Tổng hợp" with a row per commune that sums them (or a sheet per
// district); read with the others, it counts every model twice. A
// register sheet whose rows name no model, in a file where another
// sheet's rows do, is a summary when each of its rows is the sum of the
// other sheets' rows of its place, period and field (within), models'
// rows among them, and it sums more rows than it has (or only models'
// rows): it is left out, with a warning. One named as a summary (Tổng hợp, TH, Tổng, Summary) whose
// figures are not that sum is a problem: which of the two is right, no
// rule can tell.

// sheetRecords is a register sheet of a file and its records,
// b.ds.Records[lo:hi]; sheet is its place in b.res.Sheets.
type sheetRecords struct{ sheet, lo, hi int }

// summaries leaves out the summary sheets among a file's register sheets.
func (b *builder) summaries(sheets []sheetRecords) {
	if len(sheets) < 2 {
		return
	}
	recs := b.ds.Records
	named := make([]bool, len(sheets))
	anyNamed := false
	for k, s := range sheets {
		for i := s.lo; i < s.hi && !named[k]; i++ {
			named[k] = recs[i].Model != ""
		}
		anyNamed = anyNamed || named[k]
	}
	if !anyNamed {
		return
	}
	out := make([]bool, len(sheets))
	for k, s := range sheets {
		if named[k] || s.hi == s.lo {
			continue
		}
		// Each of its rows against the rows of the other sheets of its
		// place, period and field (within); the sheets found to be
		// summaries already are not counted again.
		var own, others totals
		fromNamed := false
		from := map[int]bool{}
		rowsMatch, completable := true, true
		sh := &b.res.Sheets[s.sheet]
		for i := s.lo; i < s.hi; i++ {
			g := &recs[i]
			own.add(g)
			var sum totals
			for j, o := range sheets {
				if j == k || out[j] {
					continue
				}
				for m := o.lo; m < o.hi; m++ {
					if within(g, &recs[m]) {
						sum.add(&recs[m])
						from[j] = true
						fromNamed = fromNamed || named[j]
					}
				}
			}
			row := totals{1, g.Count, g.FundsVND, g.Households, g.Beneficiaries}
			if !(sum.records > 0 && sum.equal(row)) {
				rowsMatch = false
				// Could the rows with problems make up the difference?
				// Only if the others' sum is under the row's in each
				// figure (figures are never negative) and such a row is
				// of its place and period (a tenth review found a sheet
				// of a province's own rows left out for one bad row).
				completable = completable && sum.under(row) && b.rejectedWithin(sh, recs[i:i+1]) != nil
			}
			others.count, others.funds, others.households, others.beneficiaries =
				others.count+sum.count, others.funds+sum.funds, others.households+sum.households, others.beneficiaries+sum.beneficiaries
			others.records += sum.records
		}
		allNamed := true
		var names []string
		for j := range sheets {
			if from[j] {
				allNamed = allNamed && named[j]
				names = append(names, b.res.Sheets[sheets[j].sheet].Sheet)
			}
		}
		pos := record.Pos{File: sh.File, Sheet: sh.Sheet}
		switch {
		case rowsMatch && fromNamed && (others.records > own.records || allNamed) && own.strong(summaryName(sh.Sheet)):
			out[k] = true
			sh.Summary = true
			sh.DataRows = 0
			b.warn(pos, "", msg.New("validate.summary_sheet", msg.Quote(sh.Sheet), quoteAll(names)))
		case fromNamed && !rowsMatch && completable:
			// Its rows may sum the others, but a row of those has
			// problems and is not among them: undecided, and under
			// --skip-invalid it was summed with them (a ninth review).
			b.res.Problems = append(b.res.Problems, &record.InputError{Pos: pos,
				Msg: msg.New("validate.summary_unchecked", msg.Quote(sh.Sheet), b.rejectedWithin(sh, recs[s.lo:s.hi]).Pos.String())})
		case summaryName(sh.Sheet):
			b.res.Problems = append(b.res.Problems, &record.InputError{Pos: pos,
				Msg: msg.New("validate.summary_differs", msg.Quote(sh.Sheet), own.text(), others.text())})
		}
	}
	b.dropSheets(sheets, out)
}

// rejectedWithin returns a row with problems of another sheet of sh's file
// that is of the place and period of one of recs (a sheet's records), or
// nil.
func (b *builder) rejectedWithin(sh *Sheet, recs []record.Record) *Rejected {
	for i := range b.res.Rejected {
		r := &b.res.Rejected[i]
		if r.Pos.File != sh.File || r.Pos.Sheet == sh.Sheet {
			continue
		}
		m := record.Record{Province: r.Province, District: r.District, Commune: r.Commune, Period: r.Period}
		for k := range recs {
			g := &recs[k]
			if m.Period.IsZero() {
				m.Period = g.Period // a period that could not be read may be any
			}
			if within(g, &m) {
				return r
			}
		}
	}
	return nil
}

// cumulatives leaves out the cumulative sheets among all the tables read,
// of one workbook or of several files (a folder of the quarters' files and
// a nine-month file): see cumulative.
func (b *builder) cumulatives() {
	recs := b.ds.Records
	sheetOf := func(t *record.Table) int {
		for i, sh := range b.res.Sheets {
			if sh.Register && sh.File == t.File && sh.Sheet == t.Sheet {
				return i
			}
		}
		return -1
	}
	// The records of a table are consecutive.
	var sheets []sheetRecords
	for lo := 0; lo < len(recs); {
		hi := lo + 1
		for hi < len(recs) && recs[hi].Table == recs[lo].Table {
			hi++
		}
		if t := recs[lo].Table; t != nil {
			if i := sheetOf(t); i >= 0 {
				sheets = append(sheets, sheetRecords{sheet: i, lo: lo, hi: hi})
			}
		}
		lo = hi
	}
	if len(sheets) < 2 {
		return
	}
	out := make([]bool, len(sheets))
	b.cumulative(sheets, out)
	b.dropSheets(sheets, out)
}

// dropSheets takes the records of the sheets marked out, and their
// identities, out of the dataset; the others, of any table, close up.
// sheets are in the records' order.
func (b *builder) dropSheets(sheets []sheetRecords, out []bool) {
	if !slices.Contains(out, true) {
		return
	}
	recs := b.ds.Records
	j, k := 0, 0
	for i := range recs {
		for k < len(sheets) && sheets[k].hi <= i {
			k++
		}
		if k < len(sheets) && sheets[k].lo <= i && out[k] {
			continue
		}
		recs[j], b.ids[j] = recs[i], b.ids[i]
		j++
	}
	clear(recs[j:])
	b.ds.Records, b.ids = recs[:j], b.ids[:j]
}

// sheetName names a table in a message: its sheet's name, or its file's
// for a file of one table.
func (b *builder) sheetName(i int) string {
	if sh := b.res.Sheets[i]; sh.Sheet != "" {
		return sh.Sheet
	}
	return filepath.Base(b.res.Sheets[i].File)
}

// cumulative finds, among a file's sheets not yet out, a sheet of a span
// of quarters ("Lũy kế", "9 tháng đầu năm") that reports again the models
// of the other sheets' quarters within it: counted with them, it counted
// each model twice, and the year's figures with it. When the other sheets
// hold every quarter of its span, it is left out, with a warning; when
// they do not, it is a problem: its models are counted twice in some
// quarters and its own figures are the only ones of others.
// covers reports whether every key of some is in all.
func covers(all, some map[string]bool) bool {
	for k := range some {
		if !all[k] {
			return false
		}
	}
	return true
}

func (b *builder) cumulative(sheets []sheetRecords, out []bool) {
	recs := b.ds.Records
	// A model is its name in its place; a place is its province and
	// commune, and its district where both rows name one (two communes of
	// one name in two districts are two: a twentieth review found one's
	// year file taken for the other's quarters; a sheet without a district
	// column, as after the 2025 reform, is of the districts its communes
	// were in).
	place := func(r *record.Record) string {
		return gazetteer.UnitKey(r.Province) + "|" + gazetteer.UnitKey(r.Commune)
	}
	key := func(r *record.Record) string { return modelKey(r.Model) + "|" + place(r) }
	for k, s := range sheets {
		if out[k] {
			continue
		}
		spans := map[record.Period]bool{}
		models := map[string]bool{}
		var own, within, flows totals          // flows: all the span's rows, groups too
		places := map[string]map[string]bool{} // its places' districts
		for i := s.lo; i < s.hi; i++ {
			if p := recs[i].Period; p.First != p.Last {
				flows.add(&recs[i])
				pl := place(&recs[i])
				if places[pl] == nil {
					places[pl] = map[string]bool{}
				}
				places[pl][gazetteer.UnitKey(recs[i].District)] = true
			}
			if p := recs[i].Period; p.First != p.Last && recs[i].Model != "" {
				spans[p] = true
				models[key(&recs[i])] = true
				own.add(&recs[i])
			}
		}
		if len(spans) == 0 {
			continue
		}
		covered := map[record.Quarter]bool{}
		quarterModels := map[string]bool{} // the models of the quarters it spans
		again := false
		var names []string
		for j, o := range sheets {
			if j == k || out[j] {
				continue
			}
			from := false
			for i := o.lo; i < o.hi; i++ {
				m := &recs[i]
				ds, d := places[place(m)], gazetteer.UnitKey(m.District)
				if ds == nil || !ds[d] && !ds[""] && d != "" || m.Period.First != m.Period.Last {
					// Another place's quarters; or a span within the span (a
					// half-year's sheet beside the year's, which the quarters
					// already count: a twentieth review).
					continue
				}
				for p := range spans {
					if p != m.Period && p.Contains(m.Period) {
						for q := m.Period.First; q <= m.Period.Last; q++ {
							covered[q] = true
						}
						from = true
						again = again || models[key(m)]
						quarterModels[key(m)] = true
						within.add(m)
					}
				}
			}
			if from {
				names = append(names, b.sheetName(o.sheet))
			}
		}
		// The same models, or the same sums under other names ("Nuôi
		// ong" for "Mô hình nuôi ong lấy mật"), or a name that says so.
		if !again && !(own.equal(within) && own.funds != 0) && !cumulativeName(b.sheetName(s.sheet)) || len(names) == 0 {
			continue
		}
		whole := true
		for p := range spans {
			for q := p.First; q <= p.Last; q++ {
				whole = whole && covered[q]
			}
		}
		sh := &b.res.Sheets[s.sheet]
		pos := record.Pos{File: sh.File, Sheet: sh.Sheet}
		if whole && (flows.funds != within.funds || flows.households != within.households || flows.beneficiaries != within.beneficiaries ||
			again && !covers(quarterModels, models)) {
			// The span's sheet is not the sum of its quarters' (its funds,
			// households or people differ, or, its models being theirs, it
			// has one they lack, even without money): which is right? It was left out as their sum (a
			// nineteenth review: 30 million for the quarters' 26 said to be
			// theirs; a model of the year's sheet alone lost).
			b.res.Problems = append(b.res.Problems, &record.InputError{Pos: pos, Msg: msg.New("validate.cumulative_differs",
				msg.Quote(b.sheetName(s.sheet)), quoteAll(names), msg.Number(flows.funds), msg.Number(within.funds))})
			continue
		}
		if whole {
			out[k] = true
			sh.Summary = true
			sh.DataRows = 0
			b.warn(pos, "", msg.New("validate.cumulative_sheet", msg.Quote(b.sheetName(s.sheet)), quoteAll(names)))
			continue
		}
		b.res.Problems = append(b.res.Problems, &record.InputError{Pos: pos, Msg: msg.New("validate.cumulative_overlap", msg.Quote(b.sheetName(s.sheet)), quoteAll(names))})
	}
}

// cumulativeName reports whether a sheet's name says it sums the quarters
// so far: Lũy kế, Cộng dồn, Tích lũy.
func cumulativeName(name string) bool {
	f := record.Fold(name)
	return strings.Contains(f, "luy ke") || strings.Contains(f, "cong don") || strings.Contains(f, "tich luy")
}

// totals are the sums a summary sheet is compared by.
type totals struct{ records, count, funds, households, beneficiaries int64 }

func (t *totals) add(r *record.Record) {
	t.records++
	t.count += r.Count
	t.funds += r.FundsVND
	t.households += r.Households
	t.beneficiaries += r.Beneficiaries
}

// under reports whether each of t's figures is at most o's.
func (t totals) under(o totals) bool {
	return t.count <= o.count && t.funds <= o.funds && t.households <= o.households && t.beneficiaries <= o.beneficiaries
}

func (t totals) equal(o totals) bool {
	return t.count == o.count && t.funds == o.funds && t.households == o.households && t.beneficiaries == o.beneficiaries &&
		t.count+t.funds+t.households+t.beneficiaries > 0
}

// strong reports whether sums that agree are a sign, not a chance: a sum
// of money, or two figures, or one figure on a sheet named as a summary.
// A count alone (2 = 1 + 1) is too often a chance.
func (t totals) strong(named bool) bool {
	n := 0
	for _, v := range []int64{t.count, t.households, t.beneficiaries} {
		if v != 0 {
			n++
		}
	}
	if t.funds != 0 {
		n += 2
	}
	if named {
		n++
	}
	return n >= 2
}

// text writes the sums for a message: models, đồng, households.
func (t totals) text() msg.Text {
	return msg.New("validate.summary_sums", msg.Number(t.count), msg.Number(t.funds), msg.Number(t.households))
}

// summaryName reports whether a sheet's name says it sums the others.
func summaryName(name string) bool {
	f := record.Fold(name)
	return f == "th" || strings.HasPrefix(f, "th ") || strings.HasPrefix(f, "tong") || strings.Contains(f, "tong hop") || strings.HasPrefix(f, "summary") ||
		strings.HasPrefix(f, "total") || strings.HasPrefix(f, "bieu tong")
}
