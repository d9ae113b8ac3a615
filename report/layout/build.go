package layout

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/format"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/names"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/templates"
)

// Options shape a document.
type Options struct {
	// MaxBars is how many localities a chart shows before the rest are
	// summed as "Còn lại" (others); 0 means 36, so that the 34 provinces all show. Charts of more than 12
	// localities lay their bars horizontally, one row per locality.
	MaxBars int
	// Boundaries2025 says the records were mapped to the units in force
	// from 1 July 2025; the report says so.
	Boundaries2025 bool
	// Unassigned are the rows that the roll-up could not place in a 2025
	// commune; the report lists them with their candidate communes.
	Unassigned []names.Unassigned
	// Excluded are the problems of rows left out of the figures; a last
	// page lists them, so that nothing disappears unseen.
	Excluded []*record.InputError
}

// MaxExcludedListed is how many problems of rows left out a report lists;
// the others are counted.
const MaxExcludedListed = 200

// Build lays out the report of a summary.
func Build(s *aggregate.Summary, t *templates.Texts, opts Options) *Document {
	if opts.MaxBars <= 0 {
		opts.MaxBars = 36
	}
	vi, en := format.VI, format.EN
	where := Bi(t.AllLocalities)
	if len(s.Scope) > 0 {
		var names []string
		for _, p := range s.Scope {
			names = append(names, strings.Join(slices.DeleteFunc(slices.Clone(p), func(s string) bool { return s == "" }), " – "))
		}
		where = Bi{VI: strings.Join(names, "; "), EN: strings.Join(names, "; ")}
	}
	level := t.Level[s.Level.String()]
	d := &Document{
		Title:      fmt.Sprintf("%s – %s – %s", t.Title.VI, where.VI, format.Period(s.Period, vi)),
		Subject:    t.Subject.VI + " / " + t.Subject.EN,
		Author:     t.Author.VI,
		Keywords:   "Dân vận khéo; " + format.Period(s.Period, vi),
		Language:   "vi",
		Date:       s.Period.Last,
		Heading:    Bi(t.Title),
		Scope:      Bi{VI: where.VI + " (số liệu theo cấp " + level.VI + ")", EN: where.EN + " (figures by " + level.EN + ")"},
		Boundaries: Bi{VI: "Địa bàn ghi theo số liệu gửi lên", EN: "Localities as the data names them"},
		Period:     Bi{VI: t.Period.VI + ": " + format.Period(s.Period, vi), EN: t.Period.EN + ": " + format.Period(s.Period, en)},
		PageWord:   Bi(t.Page),
	}
	add := func(b Block) { d.Blocks = append(d.Blocks, b) }
	if opts.Boundaries2025 {
		d.Boundaries = Bi{VI: "Địa giới hành chính từ ngày 01/7/2025 (34 tỉnh, thành phố; 3.321 xã, phường, đặc khu)", EN: "Administrative units in force from 1 July 2025"}
	}

	// I. Key figures.
	add(&Section{Title: Bi(t.KeyFigures)})
	tot := s.Total
	var byField []string
	for _, f := range record.Fields {
		byField = append(byField, fmt.Sprintf("%s: %s", t.Fields[f.Key()].VI, format.Int(tot.ByField[f], vi)))
	}
	if n := tot.ByField[record.Unclassified]; n > 0 {
		byField = append(byField, fmt.Sprintf("%s: %s", strings.ToLower(t.Unclassified.VI), format.Int(n, vi)))
	}
	add(&Facts{Items: []Fact{
		{Label: Bi(t.Models), Value: format.Int(tot.Models, vi),
			Note: fmt.Sprintf("%s: %s; %s: %s. %s.", t.New.VI, format.Int(tot.New, vi), strings.ToLower(t.Sustained.VI), format.Int(tot.Sustained, vi), strings.Join(byField, "; "))},
		{Label: Bi(t.Funds), Value: format.MoneyShort(tot.FundsVND, vi), Note: format.Money(tot.FundsVND, vi)},
		{Label: Bi(t.Households), Value: format.Int(tot.Households, vi)},
		{Label: Bi(t.Beneficiaries), Value: format.Int(tot.Beneficiaries, vi)},
	}})

	// Charts.
	if tot.Models > 0 {
		add(modelsChart(s, t, opts.MaxBars))
	}
	if tot.FundsVND > 0 {
		add(fundsChart(s, t, opts.MaxBars))
	}
	if len(s.Quarters) > 1 {
		add(quarterModelsChart(s, t))
		if tot.FundsVND > 0 {
			add(quarterFundsChart(s, t))
		}
	}

	// II. The table.
	add(&Section{Title: Bi(t.TableHeading)})
	add(table(s, t))

	// III. Extra indicators.
	if len(s.Extras) > 0 {
		add(&Section{Title: Bi(t.Extras)})
		et := &Table{Columns: []Column{
			{Header: Bi(t.Number), Width: 8, Right: true},
			{Header: Bi(t.Indicator), Width: 112},
			{Header: Bi(t.Value), Width: 45, Right: true},
		}}
		for i, name := range s.Extras {
			label := Bi{VI: name}
			if l, ok := t.Indicators[name]; ok {
				label = Bi(l)
			}
			v := int64(0)
			if i < len(tot.Extra) {
				v = tot.Extra[i]
			}
			cell := label.VI
			if label.EN != "" {
				cell += " / " + label.EN
			}
			et.Rows = append(et.Rows, TableRow{Cells: []string{fmt.Sprint(i + 1), cell, format.Int(v, vi)}})
		}
		add(et)
	}

	// Rows the roll-up could not place.
	if len(opts.Unassigned) > 0 {
		add(&Section{Title: Bi{VI: "Số liệu chưa gán được vào xã mới", EN: "Rows not assigned to a 2025 commune"}})
		l := &List{}
		for _, u := range opts.Unassigned {
			l.Items = append(l.Items, fmt.Sprintf("%s (%s): xã cũ %s đã chia cho %s; số liệu được tính cho %s.",
				u.Pos, u.Province, u.From, strings.Join(u.Candidates, ", "), u.Province))
		}
		add(l)
	}

	// IV. Sources.
	if len(s.Sources) > 0 {
		add(&Section{Title: Bi(t.Sources)})
		add(&List{Items: slices.Clone(s.Sources)})
	}

	// The rows left out, on a page of their own.
	if len(opts.Excluded) > 0 {
		add(&PageBreak{})
		add(&Section{Title: Bi{VI: "CÁC DÒNG SỐ LIỆU BỊ LOẠI KHỎI BÁO CÁO", EN: "Excluded rows"}})
		rows := map[record.Pos]bool{}
		tb := &Table{Columns: []Column{
			{Header: Bi{VI: "TT", EN: "No."}, Width: 8, Right: true},
			{Header: Bi{VI: "Vị trí (tệp:dòng:cột)", EN: "File:row:column"}, Width: 55},
			{Header: Bi{VI: "Cột", EN: "Column"}, Width: 25},
			{Header: Bi{VI: "Lý do", EN: "Reason"}, Width: 77},
		}}
		for i, p := range opts.Excluded {
			pos := p.Pos
			pos.Col = 0
			rows[pos] = true
			if i < MaxExcludedListed {
				tb.Rows = append(tb.Rows, TableRow{Cells: []string{fmt.Sprint(i + 1), p.Pos.String(), p.Column, p.Msg.In(msg.VI)}})
			}
		}
		note := "Các dòng dưới đây có lỗi và không được tính vào số liệu của báo cáo."
		if n := len(opts.Excluded) - MaxExcludedListed; n > 0 {
			note = fmt.Sprintf("Các dòng dưới đây có lỗi và không được tính vào số liệu của báo cáo; %s lỗi đầu tiên được liệt kê, %s lỗi khác không in ra (dvkreport --excluded-csv TỆP ghi tất cả).",
				format.Int(MaxExcludedListed, format.VI), format.Int(int64(n), format.VI))
		}
		add(&Facts{Items: []Fact{{
			Label: Bi{VI: "Số dòng bị loại", EN: "Rows left out"}, Value: format.Int(int64(len(rows)), format.VI),
			Note: note,
		}}})
		add(tb)
	}
	return d
}

// lineName is a line's label in tables and charts: its own name, and for
// a partial line the note that the figures are for the whole unit.
func lineName(l aggregate.Line, s *aggregate.Summary, t *templates.Texts) string {
	name := l.Name()
	if l.Unassigned {
		return name + " (chưa gán được vào xã mới)"
	}
	if l.Partial {
		unit := "tỉnh"
		if len(l.Path) == 2 {
			unit = "huyện"
		}
		name += " (" + t.Wide.VI + " " + unit + ")"
	}
	return name
}

// table is the one-row-per-locality table.
func table(s *aggregate.Summary, t *templates.Texts) *Table {
	vi := format.VI
	cols := []Column{
		{Header: Bi(t.Number), Width: 9, Right: true},
		{Header: Bi(t.Locality), Width: 34},
	}
	short := map[string]Bi{
		"economy":          {VI: "Kinh tế", EN: "Economy"},
		"culture_society":  {VI: "VH - XH", EN: "Cult.-Soc."},
		"defense_security": {VI: "QP - AN", EN: "Def.-Sec."},
		"party_building":   {VI: "XD Đảng", EN: "Party"},
	}
	for _, f := range record.Fields {
		cols = append(cols, Column{Header: short[f.Key()], Width: 12.5, Right: true})
	}
	cols = append(cols,
		Column{Header: Bi{VI: "Chưa PL", EN: "Uncl."}, Width: 12, Right: true},
		Column{Header: Bi{VI: "Mới", EN: "New"}, Width: 10, Right: true},
		Column{Header: Bi{VI: "Duy trì", EN: "Sust."}, Width: 11, Right: true},
		Column{Header: Bi{VI: "Tổng", EN: "Total"}, Width: 10, Right: true},
		Column{Header: Bi{VI: "Kinh phí", EN: "VND m"}, Width: 17, Right: true},
		Column{Header: Bi{VI: "Số hộ", EN: "Households"}, Width: 13, Right: true},
	)
	row := func(f aggregate.Figures) []string {
		var cells []string
		for _, fl := range record.Fields {
			cells = append(cells, format.Int(f.ByField[fl], vi))
		}
		return append(cells,
			format.Int(f.ByField[record.Unclassified], vi),
			format.Int(f.New, vi),
			format.Int(f.Sustained, vi),
			format.Int(f.Models, vi),
			format.Millions(f.FundsVND, vi),
			format.Int(f.Households, vi),
		)
	}
	tb := &Table{Columns: cols}
	// Below province level, a heading row names each province, since
	// commune names repeat from one province to another.
	groups := s.Level != aggregate.LevelProvince && spansProvinces(s)
	prev := ""
	for i, l := range s.Lines {
		if groups && l.Path[0] != prev && !(l.Partial && len(l.Path) == 1) {
			tb.Rows = append(tb.Rows, TableRow{Cells: []string{l.Path[0]}, Group: true})
		}
		prev = l.Path[0]
		cells := append([]string{fmt.Sprint(i + 1), lineName(l, s, t)}, row(l.Figures)...)
		tb.Rows = append(tb.Rows, TableRow{Cells: cells, Minor: l.Partial})
	}
	tb.Total = append([]string{"", t.Total.VI}, row(s.Total)...)
	return tb
}

// spansProvinces reports whether the summary's lines lie in more than one
// province.
func spansProvinces(s *aggregate.Summary) bool {
	for _, l := range s.Lines {
		if l.Path[0] != s.Lines[0].Path[0] {
			return true
		}
	}
	return false
}

// topLines returns the indexes of the n lines with the largest value, in
// the summary's order, and whether some lines were left out.
func topLines(s *aggregate.Summary, n int, value func(aggregate.Figures) int64) ([]int, bool) {
	idx := make([]int, len(s.Lines))
	for i := range idx {
		idx[i] = i
	}
	if len(idx) <= n {
		return idx, false
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		va, vb := value(s.Lines[a].Figures), value(s.Lines[b].Figures)
		switch {
		case va > vb:
			return -1
		case va < vb:
			return 1
		}
		return 0
	})
	top := idx[:n-1] // the last bar is "others"
	slices.Sort(top)
	return top, true
}

// chartLabel shortens a locality label for a chart axis.
func chartLabel(l aggregate.Line) string {
	name := l.Name()
	if l.Partial {
		name += " (*)"
	}
	return name
}

// verticalBars is how many bars a chart stands upright; more are laid
// horizontally, where their names have room.
const verticalBars = 12

func modelsChart(s *aggregate.Summary, t *templates.Texts, maxBars int) *Chart {
	vi := format.VI
	top, rest := topLines(s, maxBars, func(f aggregate.Figures) int64 { return f.Models })
	c := &Chart{Title: Bi(t.ChartModels), Stacked: true, Thousands: ".", Decimal: ",", Horizontal: len(s.Lines) > verticalBars}
	fields := append([]record.Field{}, record.Fields[:]...)
	if s.Total.ByField[record.Unclassified] > 0 {
		fields = append(fields, record.Unclassified)
	}
	var others aggregate.Figures
	if rest {
		others = s.Total
		biggest := int64(0)
		for _, i := range top {
			for f := range others.ByField {
				others.ByField[f] -= s.Lines[i].ByField[f]
			}
			biggest = max(biggest, s.Lines[i].Models)
		}
		others.Models = s.Total.Models
		for _, i := range top {
			others.Models -= s.Lines[i].Models
		}
		if others.Models > 2*biggest {
			// A bar of the others would flatten every other bar: say it.
			rest = false
			c.Note = othersNote(len(top), len(s.Lines)-len(top), format.Int(others.Models, vi)+" mô hình",
				format.Int(others.Models, format.EN)+" models")
		}
	}
	for _, i := range top {
		c.Categories = append(c.Categories, chartLabel(s.Lines[i]))
	}
	if rest {
		c.Categories = append(c.Categories, t.Others.VI)
	}
	for _, f := range fields {
		name := t.Unclassified.VI
		if f != record.Unclassified {
			name = t.Fields[f.Key()].VI
		}
		sr := Series{Name: name}
		put := func(v int64) {
			sr.Values = append(sr.Values, float64(v))
			sr.Labels = append(sr.Labels, format.Int(v, vi))
		}
		for _, i := range top {
			put(s.Lines[i].ByField[f])
		}
		if rest {
			put(others.ByField[f])
		}
		c.Series = append(c.Series, sr)
	}
	return c
}

func fundsChart(s *aggregate.Summary, t *templates.Texts, maxBars int) *Chart {
	vi := format.VI
	top, rest := topLines(s, maxBars, func(f aggregate.Figures) int64 { return f.FundsVND })
	// The axis is in tỷ đồng when a bar reaches one tỷ, else in triệu.
	var biggest int64
	for _, l := range s.Lines {
		biggest = max(biggest, l.FundsVND)
	}
	unit, unitVI, unitEN := moneyUnit(biggest)
	c := &Chart{
		Title:      Bi{VI: t.ChartFunds.VI + " (" + unitVI + ")", EN: t.ChartFunds.EN + " (" + unitEN + ")"},
		Horizontal: true, Thousands: ".", Decimal: ",",
	}
	sr := Series{Name: t.Funds.VI}
	put := func(label string, vnd int64) {
		c.Categories = append(c.Categories, label)
		sr.Values = append(sr.Values, float64(vnd)/float64(unit))
		sr.Labels = append(sr.Labels, format.Decimal(roundDiv(vnd, unit/100), 2, vi))
	}
	sum, biggest := int64(0), int64(0)
	for _, i := range top {
		put(chartLabel(s.Lines[i]), s.Lines[i].FundsVND)
		sum += s.Lines[i].FundsVND
		biggest = max(biggest, s.Lines[i].FundsVND)
	}
	if others := s.Total.FundsVND - sum; rest && others > 2*biggest {
		c.Note = othersNote(len(top), len(s.Lines)-len(top), format.MoneyShort(others, vi), format.MoneyShort(others, format.EN))
	} else if rest {
		put(t.Others.VI, others)
	}
	c.Series = []Series{sr}
	return c
}

// othersNote says that a chart shows only its first n localities, and what
// the other m amount to.
func othersNote(n, m int, vi, en string) Bi {
	return Bi{
		VI: fmt.Sprintf("Biểu đồ thể hiện %d địa bàn có số liệu lớn nhất; %d địa bàn còn lại: %s.", n, m, vi),
		EN: fmt.Sprintf("The %d localities with the largest figures; the other %d: %s.", n, m, en),
	}
}

// roundDiv returns n/d rounded half up, for positive n.
func roundDiv(n, d int64) int64 { return (n + d/2) / d }

// quarterModelsChart is the models per quarter, by field, for the records
// reported by quarter.
func quarterModelsChart(s *aggregate.Summary, t *templates.Texts) *Chart {
	vi := format.VI
	c := &Chart{Title: Bi(t.ChartQuarterModels), Stacked: true, Thousands: ".", Decimal: ","}
	for _, q := range s.Quarters {
		c.Categories = append(c.Categories, format.Period(record.QuarterPeriod(q.Quarter.Year(), q.Quarter.Num()), vi))
	}
	fields := append([]record.Field{}, record.Fields[:]...)
	if s.Total.ByField[record.Unclassified] > 0 {
		fields = append(fields, record.Unclassified)
	}
	for _, f := range fields {
		name := t.Unclassified.VI
		if f != record.Unclassified {
			name = t.Fields[f.Key()].VI
		}
		sr := Series{Name: name}
		for _, q := range s.Quarters {
			sr.Values = append(sr.Values, float64(q.ByField[f]))
			sr.Labels = append(sr.Labels, format.Int(q.ByField[f], vi))
		}
		c.Series = append(c.Series, sr)
	}
	return c
}

// quarterFundsChart is the funds mobilised per quarter.
func quarterFundsChart(s *aggregate.Summary, t *templates.Texts) *Chart {
	vi := format.VI
	unit, unitVI, unitEN := moneyUnit(s.Total.FundsVND / int64(len(s.Quarters)))
	c := &Chart{Title: Bi{VI: t.ChartQuarterFunds.VI + " (" + unitVI + ")", EN: t.ChartQuarterFunds.EN + " (" + unitEN + ")"}, Thousands: ".", Decimal: ","}
	sr := Series{Name: t.Funds.VI}
	for _, q := range s.Quarters {
		c.Categories = append(c.Categories, format.Period(record.QuarterPeriod(q.Quarter.Year(), q.Quarter.Num()), vi))
		sr.Values = append(sr.Values, float64(q.FundsVND)/float64(unit))
		sr.Labels = append(sr.Labels, format.Decimal(roundDiv(q.FundsVND, unit/100), 2, vi))
	}
	c.Series = []Series{sr}
	return c
}

// moneyUnit is the unit for amounts around v: tỷ from one tỷ, else triệu.
func moneyUnit(v int64) (unit int64, vi, en string) {
	if v >= 1e9 {
		return 1e9, "tỷ đồng", "billion đồng"
	}
	return 1e6, "triệu đồng", "million đồng"
}
