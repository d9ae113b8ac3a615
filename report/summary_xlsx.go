package report

import (
	"io"
	"strconv"
	"strings"

	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/compare"
	"github.com/dvkreport/dvkreport/report/format"
	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/report/xlsx"
	"github.com/dvkreport/dvkreport/templates"
)

// xlsxHeader is the first columns of the workbook's header, in the
// language of t: the locality and the figures every summary has.
func xlsxHeader(t *templates.Texts) []string {
	return []string{t.Table.Locality, t.ShortFields.Economy, t.ShortFields.CultureSociety, t.ShortFields.DefenseSecurity,
		t.ShortFields.PartyBuilding, t.ShortFields.Unclassified, t.Table.New, t.Table.Sustained, t.Table.NotStated, t.Table.Models,
		t.Table.FundsDong, t.Table.Households, t.Table.Beneficiaries}
}

// writeXLSX writes the summary as a workbook with one sheet per level,
// from the provinces down to the summary's own: a header row, bold and
// frozen, a row per locality and a total, the numbers stored as numbers
// in a format that groups their digits as the reader's Excel does
// (1.234.567 on a Vietnamese system), the comparisons beside them (0 for a
// locality without figures in a base period the data has).
func writeXLSX(w io.Writer, r *Result, set *templates.Set, l msg.Lang) error {
	t := &set.Texts
	s := r.Summary
	fm := format.New(l, t)
	var bases []*compare.Base
	if c := r.Comparison; c != nil {
		for _, b := range []*compare.Base{c.Previous, c.YearAgo} {
			if b != nil {
				bases = append(bases, b)
			}
		}
	}
	header := xlsxHeader(t)
	for _, e := range s.Extras {
		label := e
		if x, ok := t.Indicators[e]; ok {
			label = x
		}
		header = append(header, label)
	}
	for _, b := range bases {
		n := fm.Period(b.Period)
		header = append(header, t.Table.Models+" – "+n, t.Table.FundsDong+" – "+n)
	}
	widths := []float64{36}
	for range header[1:] {
		widths = append(widths, 14)
	}
	values := func(label string, fig aggregate.Figures, cmp []int64) []any {
		cells := []any{label}
		for _, v := range []int64{fig.ByField[record.Economy], fig.ByField[record.CultureSociety], fig.ByField[record.DefenseSecurity],
			fig.ByField[record.PartyBuilding], fig.ByField[record.Unclassified], fig.New, fig.Sustained, fig.NotStated, fig.Models,
			fig.FundsVND, fig.Households, fig.Beneficiaries} {
			cells = append(cells, exact(v))
		}
		for i := range s.Extras {
			cells = append(cells, exact(fig.ExtraAt(i)))
		}
		for _, v := range cmp {
			cells = append(cells, exact(v))
		}
		return cells
	}
	levels := []struct {
		depth int
		name  string
	}{{1, t.Document.UnitsProvince}, {2, t.Document.UnitsDistrict}, {3, t.Document.UnitsCommune}}
	var sheets []xlsx.Sheet
	for _, lv := range levels {
		if lv.depth > int(s.Level) || lv.depth == 2 && s.Level == aggregate.LevelCommune && !hasDistricts(s) {
			continue
		}
		sh := xlsx.Sheet{Name: sheetName(lv.name), Widths: widths, Header: header}
		baseGroups := make([]map[string]aggregate.Figures, len(bases))
		for i, b := range bases {
			baseGroups[i] = map[string]aggregate.Figures{}
			for _, g := range groupLines(b.Summary.Lines, lv.depth, int(s.Level)) {
				baseGroups[i][g.key] = g.fig
			}
		}
		for _, g := range groupLines(lines(r), lv.depth, int(s.Level)) {
			var cmp []int64
			for i := range bases {
				bf := baseGroups[i][g.key]
				cmp = append(cmp, bf.Models, bf.FundsVND)
			}
			sh.Rows = append(sh.Rows, values(g.name, g.fig, cmp))
		}
		var cmp []int64
		for _, b := range bases {
			cmp = append(cmp, b.Summary.Total.Models, b.Summary.Total.FundsVND)
		}
		sh.Bold = map[int]bool{len(sh.Rows): true}
		sh.Rows = append(sh.Rows, values(t.Table.Total, s.Total, cmp))
		sheets = append(sheets, sh)
	}
	return xlsx.Write(w, sheets)
}

// exact is a figure as a workbook's cell: a number, or, from 10^15 on, its
// digits as text. A spreadsheet holds numbers as binary floating point and
// shows 15 digits: 10.007.199.254.740.995 đồng became 10.007.199.254.741.000
// (a twenty-second review), where the PDF, CSV and JSON print it exactly.
func exact(v int64) any {
	if v >= 1e15 || v <= -1e15 {
		return strconv.FormatInt(v, 10)
	}
	return v
}

// hasDistricts reports whether a summary's lines name districts.
func hasDistricts(s *aggregate.Summary) bool {
	for _, l := range s.Lines {
		if len(l.Path) == 3 {
			return true
		}
	}
	return false
}

// group is the figures of the lines under one locality.
type group struct {
	key, name string
	fig       aggregate.Figures
}

// groupLines sums lines up to depth, in their order: a province's
// communes into the province. At the summary's own level the lines stay
// as they are, each with its name, and so do the lines shorter than depth
// (a province's own rows, among districts).
func groupLines(lines []aggregate.Line, depth, level int) []group {
	var out []group
	at := map[string]int{}
	for _, l := range lines {
		d := min(depth, len(l.Path))
		var keys []string
		for _, n := range l.Path[:d] {
			keys = append(keys, gazetteer.UnitKey(n))
		}
		key := strings.Join(keys, "/")
		name := strings.Join(l.Path[:d], "/")
		if depth == level || len(l.Path) < depth {
			// A province's own rows are a line of their own among its
			// districts too, or the sheet's lines would not add up to its
			// total (an eleventh review).
			key, name = l.Key(), LineName(l)
		}
		i, ok := at[key]
		if !ok {
			i = len(out)
			at[key] = i
			out = append(out, group{key: key, name: name})
		}
		addFigures(&out[i].fig, &l.Figures)
	}
	return out
}

// addFigures adds b to a. The sums are below the summary's total, which
// was checked for overflow.
func addFigures(a, b *aggregate.Figures) {
	for i := range a.ByField {
		a.ByField[i] += b.ByField[i]
	}
	a.New += b.New
	a.Sustained += b.Sustained
	a.NotStated += b.NotStated
	a.Models += b.Models
	a.FundsVND += b.FundsVND
	a.Households += b.Households
	a.Beneficiaries += b.Beneficiaries
	if len(b.Extra) > len(a.Extra) {
		a.Extra = append(a.Extra, make([]int64, len(b.Extra)-len(a.Extra))...)
	}
	for i, v := range b.Extra {
		a.Extra[i] += v
	}
}

// sheetName makes a text a sheet's name: at most 31 characters, none of
// []:*?/\, the first letter a capital.
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, s)
	r := []rune(s)
	if len(r) > 31 {
		r = r[:31]
	}
	if len(r) > 0 {
		r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	}
	return string(r)
}
