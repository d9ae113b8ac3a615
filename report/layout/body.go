package layout

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/compare"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/templates"
)

// body lays out the report's sections.
func (b *builder) body() error {
	t := b.t
	s := b.s
	// I. The key figures: what the period had, in a paragraph, a table
	// beside the base periods, and charts.
	b.section(t.Sections.KeyFigures)
	summary, err := b.summary()
	if err != nil {
		return err
	}
	b.paragraph(summary)
	if s.Records > 0 {
		b.add(b.keyFigures())
		// Charts by locality, when there are localities to set side by
		// side: one bar would only repeat the table.
		if b.regularLines() > 1 {
			if s.Total.Models > 0 {
				b.add(b.modelsChart())
			}
			if s.Total.FundsVND > 0 {
				b.add(b.fundsChart())
			}
		}
	}
	// II. By locality.
	if len(s.Lines) > 0 {
		b.section(t.Sections.Localities)
		b.add(b.localityTable())
	}
	// III. Against the base periods, locality by locality, and the
	// quarters before.
	if c := b.opts.Comparison; c != nil && (c.Previous != nil || c.YearAgo != nil || len(c.History) > 1) {
		b.section(t.Sections.Compare)
		if c.Previous != nil || c.YearAgo != nil {
			b.add(b.compareTable())
		}
		if len(c.History) > 1 {
			b.add(b.quarterModelsChart(c.History))
			if hasFunds(c.History) {
				b.add(b.quarterFundsChart(c.History))
			}
		}
	} else if len(s.Quarters) > 1 {
		b.section(t.Sections.Compare)
		b.add(b.quarterModelsChart(s.Quarters))
		if hasFunds(s.Quarters) {
			b.add(b.quarterFundsChart(s.Quarters))
		}
	}
	// The models, when asked for (or the report is on one commune).
	if b.opts.Models {
		b.section(t.Sections.Models)
		if len(s.Models) == 0 {
			text, err := b.sentence("models_empty", nil)
			if err != nil {
				return err
			}
			b.paragraph(text)
		} else {
			b.add(b.modelsTable())
		}
	}
	if len(s.Extras) > 0 {
		b.section(t.Sections.Extras)
		b.add(b.extrasTable())
	}
	// The rows of split communes: those counted for their province, then
	// those counted where their model goes on.
	for _, placed := range []bool{false, true} {
		title, sentence := t.Sections.Unassigned, "unassigned_item"
		if placed {
			title, sentence = t.Sections.Placed, "placed_item"
		}
		var l *List
		for _, u := range b.opts.Unassigned {
			if (u.To != "") != placed {
				continue
			}
			item, err := b.sentence(sentence, map[string]any{
				"Where": u.Pos.String(), "Province": u.Province, "From": u.From, "Candidates": u.Candidates, "Ambiguous": u.Ambiguous,
				"Model": u.Model, "To": u.To,
			})
			if err != nil {
				return err
			}
			if l == nil {
				b.section(title)
				l = &List{Size: b.sizes().small}
			}
			l.Items = append(l.Items, item)
		}
		if l != nil {
			b.add(l)
		}
	}
	if err := b.notes(); err != nil {
		return err
	}
	return b.sources()
}

func hasFunds(qs []aggregate.QuarterFigures) bool {
	for _, q := range qs {
		if q.FundsVND > 0 {
			return true
		}
	}
	return false
}

// changeData is what the sentences "change" and "change_pct" are given.
type changeData struct {
	compare.Change
	Abs     string // the change's size, written out
	Unit    string
	Percent string // the change in per cent, written out, without sign
}

func (b *builder) change(c compare.Change, unit string) changeData {
	d := c.Delta
	if d < 0 {
		d = -d
	}
	return changeData{Change: c, Abs: b.f.Int(d), Unit: unit, Percent: b.f.Percent(c.Percent)}
}

// baseData is the summary sentence's view of a base period.
type baseData struct {
	Period string // in words: quý II năm 2025
	Year   int
	Models changeData
	Funds  changeData
	// HadFunds says the base period had funds: a fall to none is said
	// against it, not "the same" against one that had none either.
	HadFunds bool
}

// summary writes the opening paragraph: the figures, their changes, the
// leading localities and who reported nothing.
func (b *builder) summary() (string, error) {
	s := b.s
	tot := s.Total
	data := map[string]any{
		"PeriodWords":   b.f.PeriodWords(s.Period),
		"ScopeWords":    b.scopeName(b.t.Document.ScopeWordsAll),
		"Empty":         tot.Models == 0,
		"Models":        b.f.Int(tot.Models),
		"HasStatus":     tot.New+tot.Sustained > 0,
		"New":           b.f.Int(tot.New),
		"Sustained":     b.f.Int(tot.Sustained),
		"NotStated":     "",
		"Funds":         "",
		"Households":    "",
		"Beneficiaries": "",
		"Previous":      nil,
		"YearAgo":       nil,
		"YearToDate":    nil,
		"TopModels":     []string(nil),
		"TopFunds":      []string(nil),
		"TopField":      "",
		"TopFieldNew":   "",
		"Missing":       []string(nil),
	}
	if tot.NotStated > 0 {
		data["NotStated"] = b.f.Int(tot.NotStated)
	}
	data["FundsFull"] = ""
	if tot.FundsVND > 0 {
		data["Funds"] = b.f.MoneyShort(tot.FundsVND)
		// The exact amount too, when the short one is rounded.
		if full := b.f.Money(tot.FundsVND); full != data["Funds"] {
			data["FundsFull"] = full
		}
	}
	if tot.Households > 0 {
		data["Households"] = b.f.Int(tot.Households)
	}
	if tot.Beneficiaries > 0 {
		data["Beneficiaries"] = b.f.Int(tot.Beneficiaries)
	}
	unit := b.t.Figures.ModelsUnit
	base := func(bs *compare.Base) any {
		if bs == nil {
			return nil
		}
		return baseData{
			Period:   b.f.PeriodWords(bs.Period),
			Year:     bs.Period.Last.Year(),
			Models:   b.change(compare.Of(tot.Models, bs, func(x *compare.Base) int64 { return x.Summary.Total.Models }), unit),
			Funds:    b.change(compare.Of(tot.FundsVND, bs, func(x *compare.Base) int64 { return x.Summary.Total.FundsVND }), ""),
			HadFunds: bs.Summary != nil && bs.Summary.Total.FundsVND > 0,
		}
	}
	// Funds fallen to nothing are said too (a twenty-second review: a
	// commune's 2,5 tỷ to 0 went unsaid, in the report and the mail).
	data["FundsFell"] = false
	if c := b.opts.Comparison; c != nil && tot.FundsVND == 0 {
		for _, bs := range []*compare.Base{c.Previous, c.YearAgo} {
			if bs != nil && bs.Summary != nil && bs.Summary.Total.FundsVND > 0 {
				data["FundsFell"] = true
			}
		}
	}
	if c := b.opts.Comparison; c != nil {
		data["Previous"] = base(c.Previous)
		data["YearAgo"] = base(c.YearAgo)
		if c.YearToDate != nil {
			data["YearToDate"] = map[string]string{
				"Period": b.f.PeriodWords(c.YearToDate.Period),
				"Models": b.f.Int(c.YearToDate.Summary.Total.Models),
				"Funds":  b.f.MoneyShort(c.YearToDate.Summary.Total.FundsVND),
			}
		}
	}
	// The leaders, among more than three localities.
	var regular []int
	for i, l := range s.Lines {
		if !l.Partial && !l.Unassigned && !l.Empty {
			regular = append(regular, i)
		}
	}
	if len(regular) > 3 {
		top := func(v func(aggregate.Figures) int64, money bool) []string {
			idx := slices.Clone(regular)
			slices.SortStableFunc(idx, func(x, y int) int { return cmp.Compare(v(s.Lines[y].Figures), v(s.Lines[x].Figures)) })
			var out []string
			for _, i := range idx[:leaders(len(idx), func(k int) int64 { return v(s.Lines[idx[k]].Figures) })] {
				n := v(s.Lines[i].Figures)
				w := b.f.Int(n)
				if money {
					w = b.f.MoneyShort(n)
				}
				out = append(out, s.Lines[i].Name()+" ("+w+")")
			}
			return out
		}
		data["TopModels"] = top(func(f aggregate.Figures) int64 { return f.Models }, false)
		if tot.FundsVND > 0 {
			data["TopFunds"] = top(func(f aggregate.Figures) int64 { return f.FundsVND }, true)
		}
	}
	// The field with the most new models: counted as the totals count
	// them, a group's new models among its sustained ones too (a
	// twenty-second review found them left out, and another field
	// named); none unless one field has more than any other could have
	// with all the new models of no field (a twenty-third review: 4 of
	// Kinh tế beside 9 of no field was called the most).
	if tot.New > 0 {
		best, n, second := record.Field(0), int64(0), int64(0)
		for _, f := range record.Fields {
			switch v := tot.NewByField[f]; {
			case v > n:
				best, n, second = f, v, n
			case v > second:
				second = v
			}
		}
		if n > 0 && n > second+tot.NewByField[record.Unclassified] {
			data["TopField"] = b.fieldName(best)
			data["TopFieldNew"] = b.f.Int(n)
		}
	}
	// Who reported nothing.
	var missing []string
	expected := 0
	for _, l := range s.Lines {
		if l.Partial || l.Unassigned {
			continue
		}
		expected++
		if l.Empty {
			missing = append(missing, l.Name())
		}
	}
	if len(missing) > 0 {
		const listed = 10
		data["Missing"] = missing[:min(len(missing), listed)]
		data["MissingMore"] = ""
		if len(missing) > listed {
			data["MissingMore"] = b.f.Int(int64(len(missing) - listed))
		}
		data["MissingCount"] = b.f.Int(int64(len(missing)))
		data["ExpectedCount"] = b.f.Int(int64(expected))
		data["MissingKind"] = b.unitsName()
	}
	return b.sentence("summary", data)
}

// unitsName names the units of the report's level, as counted.
func (b *builder) unitsName() string {
	switch b.s.Level {
	case aggregate.LevelDistrict:
		return b.t.Document.UnitsDistrict
	case aggregate.LevelCommune:
		return b.t.Document.UnitsCommune
	}
	return b.t.Document.UnitsProvince
}

// fieldName is a field's name; short for a table's column.
func (b *builder) fieldName(f record.Field) string { return pick(&b.t.Fields, f) }

func (b *builder) shortField(f record.Field) string { return pick(&b.t.ShortFields, f) }

func pick(fs *templates.Fields, f record.Field) string {
	switch f {
	case record.Economy:
		return fs.Economy
	case record.CultureSociety:
		return fs.CultureSociety
	case record.DefenseSecurity:
		return fs.DefenseSecurity
	case record.PartyBuilding:
		return fs.PartyBuilding
	}
	return fs.Unclassified
}

// fields are the fields a table or chart shows: the four, and the
// unclassified ones when there are some.
func (b *builder) fields() []record.Field {
	fs := slices.Clone(record.Fields[:])
	if b.s.Total.ByField[record.Unclassified] > 0 {
		fs = append(fs, record.Unclassified)
	}
	return fs
}

// changeCell writes a change for a table: +12, -3, 0; with the per cent
// when pct: +12 (+5,3%). "mới" when the base is zero, "—" when there is no
// base.
func (b *builder) changeCell(c compare.Change, pct, money bool) string {
	switch {
	case c.None:
		return b.t.Figures.None
	case c.New:
		return b.t.Figures.NewBase
	case c.Delta == 0:
		return "0"
	}
	sign := "+"
	d := c.Delta
	if d < 0 {
		sign, d = "-", -d
	}
	out := sign + b.f.Int(d)
	if money {
		out = sign + b.f.Millions(d)
	}
	if pct && c.Base != 0 {
		out += " (" + sign + b.f.Percent(c.Percent) + "%)"
	}
	return out
}

// baseCell writes a base period's figure: "—" when there is no base.
func (b *builder) baseCell(c compare.Change, money bool) string {
	if c.None {
		return b.t.Figures.None
	}
	if money {
		return b.f.Millions(c.Base)
	}
	return b.f.Int(c.Base)
}

// keyFigures is the table of the totals, beside those of the base
// periods.
func (b *builder) keyFigures() *Table {
	t := b.t
	s := b.s
	tot := s.Total
	c := b.opts.Comparison
	var prev, ago, ytd *compare.Base
	if c != nil {
		prev, ago, ytd = c.Previous, c.YearAgo, c.YearToDate
	}
	cols := []Column{{Header: t.Figures.Indicator, Width: 52}, {Header: b.f.Period(s.Period), Width: 20, Right: true}}
	if prev != nil {
		cols = append(cols, Column{Header: b.f.Period(prev.Period), Width: 20, Right: true}, Column{Header: t.Figures.Change, Width: 24, Right: true})
	}
	if ago != nil {
		cols = append(cols, Column{Header: b.f.Period(ago.Period), Width: 20, Right: true}, Column{Header: t.Figures.Change, Width: 24, Right: true})
	}
	if ytd != nil {
		cols = append(cols, Column{Header: t.Figures.YearToDate, Width: 20, Right: true})
	}
	tb := &Table{Columns: cols, Size: b.sizes().table + 1}
	row := func(label string, cur int64, get func(aggregate.Figures) int64, money, minor bool) {
		cells := []string{label, b.f.Int(cur)}
		if money {
			cells[1] = b.f.Millions(cur)
		}
		for _, bs := range []*compare.Base{prev, ago} {
			if bs == nil {
				continue
			}
			ch := compare.Of(cur, bs, func(x *compare.Base) int64 { return get(x.Summary.Total) })
			cells = append(cells, b.baseCell(ch, money), b.changeCell(ch, true, money))
		}
		if ytd != nil {
			v := get(ytd.Summary.Total)
			if money {
				cells = append(cells, b.f.Millions(v))
			} else {
				cells = append(cells, b.f.Int(v))
			}
		}
		tb.Rows = append(tb.Rows, TableRow{Cells: cells, Minor: minor})
	}
	row(t.Figures.Models, tot.Models, func(f aggregate.Figures) int64 { return f.Models }, false, false)
	row("- "+t.Figures.New, tot.New, func(f aggregate.Figures) int64 { return f.New }, false, true)
	row("- "+t.Figures.Sustained, tot.Sustained, func(f aggregate.Figures) int64 { return f.Sustained }, false, true)
	if tot.NotStated > 0 {
		row("- "+t.Figures.NotStated, tot.NotStated, func(f aggregate.Figures) int64 { return f.NotStated }, false, true)
	}
	for _, fl := range b.fields() {
		row("- "+b.fieldName(fl), tot.ByField[fl], func(f aggregate.Figures) int64 { return f.ByField[fl] }, false, true)
	}
	row(t.Figures.FundsMillion, tot.FundsVND, func(f aggregate.Figures) int64 { return f.FundsVND }, true, false)
	row(t.Figures.Households, tot.Households, func(f aggregate.Figures) int64 { return f.Households }, false, false)
	if tot.Beneficiaries > 0 {
		row(t.Figures.Beneficiaries, tot.Beneficiaries, func(f aggregate.Figures) int64 { return f.Beneficiaries }, false, false)
	}
	return tb
}

// lineName is a line's label in tables: its own name, marked when its
// figures are of a whole province or district, or could not be placed.
func (b *builder) lineName(l aggregate.Line) string {
	name := l.Name()
	switch {
	case l.Unassigned:
		return name + " (" + b.t.Table.Unassigned + ")"
	case l.Partial:
		return name + " (*)"
	case l.Empty:
		return name + " (" + b.t.Table.ReportedNothing + ")"
	}
	return name
}

// groups says whether a table's lines need a heading row per province:
// below province level, across provinces, since commune names repeat from
// one province to another.
func (b *builder) groups() bool {
	s := b.s
	if s.Level == aggregate.LevelProvince {
		return false
	}
	for _, l := range s.Lines {
		if l.Path[0] != s.Lines[0].Path[0] {
			return true
		}
	}
	return false
}

// eachLine calls f for each line with its number, adding a group row
// before each province's lines when the table needs them.
func (b *builder) eachLine(tb *Table, f func(n int, l aggregate.Line) TableRow) {
	groups := b.groups()
	prev := ""
	for i, l := range b.s.Lines {
		if groups && l.Path[0] != prev && !(l.Partial && len(l.Path) == 1) {
			tb.Rows = append(tb.Rows, TableRow{Cells: []string{l.Path[0]}, Group: true})
		}
		prev = l.Path[0]
		r := f(i+1, l)
		r.Minor = l.Partial || l.Empty || l.Unassigned
		tb.Rows = append(tb.Rows, r)
	}
}

// localityTable is the figures of each locality, and their total.
func (b *builder) localityTable() *Table {
	t := b.t
	s := b.s
	tot := s.Total
	cols := []Column{{Header: t.Table.Number, Width: 8, Right: true}, {Header: t.Table.Locality, Width: 32}}
	fields := b.fields()
	for _, f := range fields {
		cols = append(cols, Column{Header: b.shortField(f), Width: 13, Right: true})
	}
	cols = append(cols, Column{Header: t.Table.New, Width: 11, Right: true}, Column{Header: t.Table.Sustained, Width: 11, Right: true})
	notStated := tot.NotStated > 0
	if notStated {
		cols = append(cols, Column{Header: t.Table.NotStated, Width: 11, Right: true})
	}
	cols = append(cols, Column{Header: t.Table.Models, Width: 12, Right: true},
		Column{Header: t.Table.FundsMillion, Width: 18, Right: true},
		Column{Header: t.Table.Households, Width: 13, Right: true})
	beneficiaries := tot.Beneficiaries > 0
	if beneficiaries {
		cols = append(cols, Column{Header: t.Table.Beneficiaries, Width: 13, Right: true})
	}
	cells := func(f aggregate.Figures) []string {
		var out []string
		for _, fl := range fields {
			out = append(out, b.f.Int(f.ByField[fl]))
		}
		out = append(out, b.f.Int(f.New), b.f.Int(f.Sustained))
		if notStated {
			out = append(out, b.f.Int(f.NotStated))
		}
		out = append(out, b.f.Int(f.Models), b.f.Millions(f.FundsVND), b.f.Int(f.Households))
		if beneficiaries {
			out = append(out, b.f.Int(f.Beneficiaries))
		}
		return out
	}
	tb := &Table{Columns: cols, Size: b.sizes().table - 1}
	b.eachLine(tb, func(n int, l aggregate.Line) TableRow {
		return TableRow{Cells: append([]string{strconv.Itoa(n), b.lineName(l)}, cells(l.Figures)...)}
	})
	tb.Total = append([]string{"", t.Table.Total}, cells(tot)...)
	return tb
}

// compareTable is each locality's models and funds beside the base
// periods'.
func (b *builder) compareTable() *Table {
	t := b.t
	s := b.s
	c := b.opts.Comparison
	bases := []*compare.Base{}
	for _, bs := range []*compare.Base{c.Previous, c.YearAgo} {
		if bs != nil {
			bases = append(bases, bs)
		}
	}
	period := func(p record.Period) map[string]string { return map[string]string{"period": b.f.Period(p)} }
	cols := []Column{{Header: t.Table.Number, Width: 8, Right: true}, {Header: t.Table.Locality, Width: 38},
		{Header: templates.Expand(t.Compare.Models, period(s.Period)), Width: 16, Right: true}}
	for _, bs := range bases {
		cols = append(cols, Column{Header: templates.Expand(t.Compare.Models, period(bs.Period)), Width: 16, Right: true},
			Column{Header: t.Compare.Change, Width: 14, Right: true})
	}
	cols = append(cols, Column{Header: templates.Expand(t.Compare.Funds, period(s.Period)), Width: 20, Right: true})
	for _, bs := range bases {
		cols = append(cols, Column{Header: templates.Expand(t.Compare.ChangePct, period(bs.Period)), Width: 16, Right: true})
	}
	row := func(cur aggregate.Figures, line func(*compare.Base) aggregate.Figures) []string {
		cells := []string{b.f.Int(cur.Models)}
		for _, bs := range bases {
			ch := compare.Of(cur.Models, bs, func(x *compare.Base) int64 { return line(x).Models })
			cells = append(cells, b.baseCell(ch, false), b.changeCell(ch, false, false))
		}
		cells = append(cells, b.f.Millions(cur.FundsVND))
		for _, bs := range bases {
			ch := compare.Of(cur.FundsVND, bs, func(x *compare.Base) int64 { return line(x).FundsVND })
			cells = append(cells, b.pctCell(ch))
		}
		return cells
	}
	tb := &Table{Columns: cols, Size: b.sizes().table - 1}
	b.eachLine(tb, func(n int, l aggregate.Line) TableRow {
		key := l.Key()
		return TableRow{Cells: append([]string{strconv.Itoa(n), b.lineName(l)},
			row(l.Figures, func(x *compare.Base) aggregate.Figures { return x.Line(key) })...)}
	})
	// The localities of the bases alone, or the columns would not add up
	// to the total row.
	if more := compare.BaseOnly(s, bases...); len(more) > 0 {
		tb.Rows = append(tb.Rows, TableRow{Cells: []string{t.Compare.BaseOnly}, Group: true})
		for i, l := range more {
			key := l.Key()
			r := TableRow{Cells: append([]string{strconv.Itoa(len(s.Lines) + i + 1), b.lineName(l)},
				row(aggregate.Figures{}, func(x *compare.Base) aggregate.Figures { return x.Line(key) })...)}
			r.Minor = true
			tb.Rows = append(tb.Rows, r)
		}
	}
	tb.Total = append([]string{"", t.Table.Total}, row(s.Total, func(x *compare.Base) aggregate.Figures { return x.Summary.Total })...)
	return tb
}

// pctCell writes a change in per cent: +5,3%, -2,0%.
func (b *builder) pctCell(c compare.Change) string {
	switch {
	case c.None:
		return b.t.Figures.None
	case c.New:
		return b.t.Figures.NewBase
	case c.Delta == 0:
		return "0%"
	case c.Delta < 0:
		return "-" + b.f.Percent(c.Percent) + "%"
	}
	return "+" + b.f.Percent(c.Percent) + "%"
}

// modelsTable lists the models, field by field.
func (b *builder) modelsTable() *Table {
	t := b.t
	s := b.s
	tb := &Table{Size: b.sizes().table - 1, Columns: []Column{
		{Header: t.Table.Number, Width: 8, Right: true},
		{Header: t.Table.Model, Width: 50},
		{Header: t.Table.Unit, Width: 30},
		{Header: t.Table.Locality, Width: 28},
		{Header: t.Table.Status, Width: 14},
		{Header: t.Table.FundsMillion, Width: 18, Right: true},
		{Header: t.Table.Households, Width: 12, Right: true},
	}}
	field := record.Field(255)
	for i, m := range s.Models {
		if m.Field != field {
			field = m.Field
			tb.Rows = append(tb.Rows, TableRow{Cells: []string{b.fieldName(field)}, Group: true})
		}
		name := m.Name
		if name == "" || m.Count != 1 {
			group := templates.Expand(t.Table.Group, map[string]string{"count": b.f.Int(m.Count)})
			if name == "" {
				name = group
			} else {
				name += " " + group
			}
		}
		tb.Rows = append(tb.Rows, TableRow{Cells: []string{
			strconv.Itoa(i + 1), name, m.Unit, strings.Join(nonEmpty(m.Path), ", "), b.statusOf(m),
			b.f.Millions(m.FundsVND), b.f.Int(m.Households),
		}})
	}
	return tb
}

func nonEmpty(ss []string) []string {
	var out []string
	for i := len(ss) - 1; i >= 0; i-- {
		if ss[i] != "" {
			out = append(out, ss[i])
		}
	}
	return out
}

// statusOf is an entry's status; for a group of new and sustained models,
// how many are each ("Mới 5, Duy trì 3"), never "not stated" (a
// twenty-second review).
func (b *builder) statusOf(m aggregate.Model) string {
	var parts []string
	for _, st := range []record.Status{record.New, record.Sustained, record.NotStated} {
		if m.ByStatus[st] > 0 {
			parts = append(parts, b.statusName(st)+" "+b.f.Int(m.ByStatus[st]))
		}
	}
	if len(parts) < 2 {
		return b.statusName(m.Status)
	}
	return strings.Join(parts, ", ")
}

func (b *builder) statusName(st record.Status) string {
	switch st {
	case record.New:
		return b.t.Status.New
	case record.Sustained:
		return b.t.Status.Sustained
	}
	return b.t.Status.NotStated
}

// extrasTable is the other indicators the registers have.
func (b *builder) extrasTable() *Table {
	t := b.t
	s := b.s
	var prev *compare.Base
	if c := b.opts.Comparison; c != nil {
		prev = c.Previous
	}
	cols := []Column{{Header: t.Table.Number, Width: 8, Right: true}, {Header: t.Figures.Indicator, Width: 90},
		{Header: b.f.Period(s.Period), Width: 25, Right: true}}
	if prev != nil {
		cols = append(cols, Column{Header: b.f.Period(prev.Period), Width: 25, Right: true}, Column{Header: t.Figures.Change, Width: 25, Right: true})
	}
	tb := &Table{Columns: cols, Size: b.sizes().table + 1}
	for i, name := range s.Extras {
		label := name
		if l, ok := t.Indicators[name]; ok {
			label = l
		}
		v := s.Total.ExtraAt(i)
		cells := []string{strconv.Itoa(i + 1), label, b.f.Int(v)}
		if prev != nil {
			ch := compare.Of(v, prev, func(x *compare.Base) int64 { return extraOf(x.Summary, name) })
			cells = append(cells, b.baseCell(ch, false), b.changeCell(ch, true, false))
		}
		tb.Rows = append(tb.Rows, TableRow{Cells: cells})
	}
	return tb
}

// extraOf is the total of a summary's extra indicator of that name.
func extraOf(s *aggregate.Summary, name string) int64 {
	for i, n := range s.Extras {
		if n == name {
			return s.Total.ExtraAt(i)
		}
	}
	return 0
}

// notes says what the figures mean and what the report leaves out.
func (b *builder) notes() error {
	t := b.t
	s := b.s
	var items []string
	add := func(name string, data any) error {
		text, err := b.sentence(name, data)
		if err == nil && text != "" {
			items = append(items, text)
		}
		return err
	}
	if b.opts.Form != Plain {
		items = append(items, b.scopeLine()+". "+b.boundaries()+".")
	}
	if err := add("note_meaning", nil); err != nil {
		return err
	}
	if s.Straddling > 0 {
		if err := add("note_straddling", b.f.Int(int64(s.Straddling))); err != nil {
			return err
		}
	}
	// The note of the lines of a province or district as a whole; where
	// such a line holds rows of communes that name no district (after the
	// 2025 reform), it says so, not that they are the province's as a
	// whole (a twenty-second review).
	partial, communes := false, false
	for _, l := range s.Lines {
		partial, communes = partial || l.Partial, communes || l.Partial && l.Communes
	}
	if partial {
		note := "note_partial"
		if communes {
			note = "note_partial_communes"
		}
		if err := add(note, nil); err != nil {
			return err
		}
	}
	if c := b.opts.Comparison; c != nil && (c.Previous != nil || c.YearAgo != nil) {
		if err := add("note_compare", map[string]string{"Change": t.Figures.Change, "None": t.Figures.None, "NewBase": t.Figures.NewBase}); err != nil {
			return err
		}
		// Rows of a longer period over a base period (2026-H1 over
		// 2026-Q2) are in none of its figures: said, or a commune whose
		// half-year row holds the quarter reads as new against it (a
		// twenty-second review).
		for _, bs := range []*compare.Base{c.Previous, c.YearAgo} {
			if bs != nil && bs.Summary != nil && bs.Summary.Straddling > 0 {
				data := map[string]string{"Count": b.f.Int(int64(bs.Summary.Straddling)), "Period": b.f.PeriodWords(bs.Period)}
				if err := add("note_straddling_base", data); err != nil {
					return err
				}
			}
		}
	}
	if c := b.opts.Comparison; c != nil && len(c.History) > 1 && c.HistoryLonger > 0 {
		if err := add("note_history_longer", b.f.Int(int64(c.HistoryLonger))); err != nil {
			return err
		}
	}
	b.section(t.Sections.Notes)
	b.add(&List{Items: items, Size: b.sizes().small})
	return nil
}

// sources lists where the figures come from: every source, up to
// MaxSourcesListed of them or with Options.AllSources; else the ones each
// locality uses most.
func (b *builder) sources() error {
	s := b.s
	if len(s.Sources) == 0 {
		return nil
	}
	b.section(b.t.Sections.Sources)
	item := func(i int) (string, error) {
		n := 0
		if i < len(s.SourceRecords) {
			n = s.SourceRecords[i]
		}
		return b.sentence("source_item", map[string]any{"Source": s.Sources[i], "Rows": b.f.Int(int64(n)), "N": n})
	}
	l := &List{Size: b.sizes().small}
	if len(s.Sources) <= MaxSourcesListed || b.opts.AllSources {
		for i := range s.Sources {
			it, err := item(i)
			if err != nil {
				return err
			}
			l.Items = append(l.Items, it)
		}
		b.add(l)
		return nil
	}
	intro, err := b.sentence("sources_many", map[string]string{"Count": b.f.Int(int64(len(s.Sources)))})
	if err != nil {
		return err
	}
	b.paragraph(intro)
	const perLine = 2
	for _, ln := range s.Lines {
		if len(ln.Sources) == 0 {
			continue
		}
		var parts []string
		for _, sc := range ln.Sources[:min(perLine, len(ln.Sources))] {
			it, err := b.sentence("source_item", map[string]any{"Source": s.Sources[sc.Source], "Rows": b.f.Int(int64(sc.Records)), "N": sc.Records})
			if err != nil {
				return err
			}
			parts = append(parts, it)
		}
		l.Items = append(l.Items, b.lineName(ln)+": "+strings.Join(parts, "; "))
	}
	b.add(l)
	return nil
}

// excluded lists the rows left out of the figures, on a page of their own.
func (b *builder) excluded() error {
	ex := b.opts.Excluded
	if len(ex) == 0 {
		return nil
	}
	t := b.t
	lang, _ := msg.ParseLang(b.set.Lang)
	b.add(&PageBreak{})
	b.add(&Section{Title: t.Sections.Excluded, Size: b.sizes().body})
	rows := map[record.Pos]bool{}
	tb := &Table{Size: b.sizes().table - 1, Columns: []Column{
		{Header: t.Table.Number, Width: 8, Right: true},
		{Header: t.Table.Position, Width: 55},
		{Header: t.Table.Column, Width: 25},
		{Header: t.Table.Reason, Width: 77},
	}}
	for i, p := range ex {
		pos := p.Pos
		pos.Col = 0
		rows[pos] = true
		if i < MaxExcludedListed {
			tb.Rows = append(tb.Rows, TableRow{Cells: []string{strconv.Itoa(i + 1), p.Pos.String(), p.Column, p.Msg.In(lang)}})
		}
	}
	n := len(rows)
	if b.opts.ExcludedRows > 0 {
		n = b.opts.ExcludedRows
	}
	note, err := b.sentence("excluded_note", map[string]any{
		"Rows":   b.f.Int(int64(n)),
		"Listed": b.f.Int(int64(min(len(ex), MaxExcludedListed))),
		"More":   moreOf(len(ex)-MaxExcludedListed, b),
	})
	if err != nil {
		return err
	}
	b.paragraph(note)
	b.add(tb)
	return nil
}

func moreOf(n int, b *builder) string {
	if n <= 0 {
		return ""
	}
	return b.f.Int(int64(n))
}

// maxLeaders is how many localities a list of leaders names at most when
// some are tied with the third.
const maxLeaders = 5

// leaders returns how many of n localities, sorted by value(k) from the
// highest, the report names as leading: the first three with a value
// above zero, and those tied with the third, which lead as much as it
// does (a review found "A (9), B (8), C (7)" where D had 7 too). When the
// ties would make the list longer than maxLeaders, it names only those
// above the tied value, and none when all are tied.
func leaders(n int, value func(k int) int64) int {
	cut := 0
	for cut < min(n, 3) && value(cut) > 0 {
		cut++
	}
	if cut < 3 {
		return cut
	}
	tied := value(cut - 1)
	for cut < n && value(cut) == tied {
		cut++
	}
	if cut > maxLeaders {
		for cut > 0 && value(cut-1) == tied {
			cut--
		}
	}
	return cut
}
