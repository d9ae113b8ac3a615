package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/compare"
	"github.com/dvkreport/dvkreport/report/format"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/templates"
)

// SummaryColumns are the first columns of the CSV summary, in order.
var SummaryColumns = []string{
	"locality", "economy", "culture_society", "defense_security", "party_building", "unclassified",
	"new", "sustained", "models", "funds_vnd", "households", "beneficiaries",
}

// TotalName is the locality of the CSV summary's last row.
const TotalName = "TOTAL"

// LineName is a summary line's locality as the summary outputs write it:
// its path joined by "/", and for the part of a province or district that
// is not assigned to a unit below it, the note "(chung)".
func LineName(l aggregate.Line) string {
	name := strings.Join(l.Path, "/")
	switch {
	case l.Unassigned:
		name += " (chưa gán xã)"
	case l.Partial:
		name += " (chung)"
	}
	return name
}

func figureValues(f aggregate.Figures, extras int) []int64 {
	v := []int64{
		f.ByField[record.Economy], f.ByField[record.CultureSociety], f.ByField[record.DefenseSecurity],
		f.ByField[record.PartyBuilding], f.ByField[record.Unclassified],
		f.New, f.Sustained, f.Models, f.FundsVND, f.Households, f.Beneficiaries,
	}
	for i := range extras {
		x := int64(0)
		if i < len(f.Extra) {
			x = f.Extra[i]
		}
		v = append(v, x)
	}
	return v
}

// ComparisonColumns are the CSV summary's columns of comparisons, after
// the contract's: the previous period's, the same period's a year earlier
// and the year to date's figures, empty where there is nothing to compare.
var ComparisonColumns = []string{
	"prev_models", "prev_funds_vnd", "prev_households",
	"yoy_models", "yoy_funds_vnd", "yoy_households",
	"ytd_models", "ytd_funds_vnd",
}

// WriteSummary writes a result's figures in a format: "table" (aligned
// text for a terminal, numbers grouped the Vietnamese way), "csv" (plain
// integers, one row per locality and a TOTAL row: the contract's columns,
// the comparisons, the extra indicators) or "json".
func WriteSummary(w io.Writer, r *Result, form string, opts Options) error {
	switch form {
	case "", "table":
		set, err := templates.Load(opts.Lang.String(), opts.Templates)
		if err != nil {
			return err
		}
		return writeTable(w, r.Summary, set, opts.Lang)
	case "csv":
		if opts.BOM {
			if _, err := io.WriteString(w, "\ufeff"); err != nil {
				return err
			}
		}
		return writeCSV(w, r)
	case "xlsx":
		set, err := templates.Load(opts.Lang.String(), opts.Templates)
		if err != nil {
			return err
		}
		return writeXLSX(w, r, set, opts.Lang)
	case "json":
		return writeJSON(w, r)
	}
	return usage("report.unknown_format", msg.Quote(form), "table, csv, json, xlsx")
}

// lines are the summary's lines, then those only the comparisons' base
// periods have (compare.BaseOnly), with no figures of the summary's
// period: the columns of comparison add up to their totals.
func lines(r *Result) []aggregate.Line {
	c := r.Comparison
	if c == nil {
		return r.Summary.Lines
	}
	more := compare.BaseOnly(r.Summary, c.Previous, c.YearAgo, c.YearToDate)
	if len(more) == 0 {
		return r.Summary.Lines
	}
	out := slices.Clip(r.Summary.Lines)
	for _, l := range more {
		out = append(out, l.Blank())
	}
	return out
}

// comparisons returns a line's (or, for key "", the total's) figures of
// comparison, in the order of ComparisonColumns, each nil where there is
// nothing to compare.
func comparisons(c *compare.Comparison, key string, total bool) []*int64 {
	out := make([]*int64, len(ComparisonColumns))
	if c == nil {
		return out
	}
	fig := func(b *compare.Base) *aggregate.Figures {
		if b == nil {
			return nil
		}
		if total {
			return &b.Summary.Total
		}
		f := b.Line(key)
		return &f
	}
	set := func(i int, f *aggregate.Figures, vals ...int64) {
		if f == nil {
			return
		}
		for k := range vals {
			v := vals[k]
			out[i+k] = &v
		}
	}
	if f := fig(c.Previous); f != nil {
		set(0, f, f.Models, f.FundsVND, f.Households)
	}
	if f := fig(c.YearAgo); f != nil {
		set(3, f, f.Models, f.FundsVND, f.Households)
	}
	if f := fig(c.YearToDate); f != nil {
		set(6, f, f.Models, f.FundsVND)
	}
	return out
}

func writeCSV(w io.Writer, r *Result) error {
	s := r.Summary
	cw := csv.NewWriter(w)
	header := append(append([]string{}, SummaryColumns...), ComparisonColumns...)
	for _, e := range s.Extras {
		header = append(header, csvText(e))
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	row := func(name string, f aggregate.Figures, cmp []*int64) error {
		v := figureValues(f, len(s.Extras))
		rec := []string{csvText(name)}
		for _, x := range v[:len(SummaryColumns)-1] {
			rec = append(rec, strconv.FormatInt(x, 10))
		}
		for _, x := range cmp {
			if x == nil {
				rec = append(rec, "")
			} else {
				rec = append(rec, strconv.FormatInt(*x, 10))
			}
		}
		for _, x := range v[len(SummaryColumns)-1:] {
			rec = append(rec, strconv.FormatInt(x, 10))
		}
		return cw.Write(rec)
	}
	for _, l := range lines(r) {
		if err := row(LineName(l), l.Figures, comparisons(r.Comparison, l.Key(), false)); err != nil {
			return err
		}
	}
	if err := row(TotalName, s.Total, comparisons(r.Comparison, "", true)); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// csvText neutralises a text cell that a spreadsheet would run as a
// formula (=HYPERLINK(…), +, -, @, or a tab or carriage return before
// them) by putting an apostrophe before it, as spreadsheet-safe exporters
// do (OWASP's advice on CSV injection). Numbers are written by the caller
// as plain integers and never pass through here.
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// writeTable writes the figures as an aligned table in language l, with
// the headings of the report's texts, and the extra indicators' totals
// after it: a terminal is not wide enough for them all as columns (csv and
// json have them per locality).
func writeTable(w io.Writer, s *aggregate.Summary, set *templates.Set, l msg.Lang) error {
	t := &set.Texts
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := []string{t.Table.Locality, t.ShortFields.Economy, t.ShortFields.CultureSociety, t.ShortFields.DefenseSecurity,
		t.ShortFields.PartyBuilding, t.ShortFields.Unclassified, t.Table.New, t.Table.Sustained, t.Table.Models,
		t.Table.FundsDong, t.Table.Households, t.Table.Beneficiaries}
	fmt.Fprintf(tw, "%s\t\n", strings.Join(head, "\t"))
	row := func(name string, f aggregate.Figures) {
		cells := []string{name}
		for _, v := range figureValues(f, 0) {
			cells = append(cells, format.Int(v, l))
		}
		fmt.Fprintf(tw, "%s\t\n", strings.Join(cells, "\t"))
	}
	for _, ln := range s.Lines {
		row(LineName(ln), ln.Figures)
	}
	row(t.Table.Total, s.Total)
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(s.Extras) > 0 {
		fmt.Fprintln(w, "\n"+msg.New("summary.other_indicators").In(l))
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for i, name := range s.Extras {
			label := name
			if x, ok := t.Indicators[name]; ok {
				label = x
			}
			fmt.Fprintf(tw, "  %s\t%s\n", label, format.Int(s.Total.ExtraAt(i), l))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	f := format.New(l, t)
	_, err := fmt.Fprintln(w, "\n"+msg.New("summary.footer", f.PeriodWords(s.Period), msg.Number(s.Records)).In(l))
	return err
}

type jsonFigures struct {
	Locality      string           `json:"locality"`
	Path          []string         `json:"path,omitempty"`
	ByField       map[string]int64 `json:"by_field"`
	New           int64            `json:"new"`
	Sustained     int64            `json:"sustained"`
	NotStated     int64            `json:"not_stated"`
	Models        int64            `json:"models"`
	FundsVND      int64            `json:"funds_vnd"`
	Households    int64            `json:"households"`
	Beneficiaries int64            `json:"beneficiaries"`
	Extra         map[string]int64 `json:"extra,omitempty"`
	// Comparisons, by the CSV's column names; absent where there is
	// nothing to compare.
	Compare map[string]int64 `json:"compare,omitempty"`
	Empty   bool             `json:"reported_nothing,omitempty"`
}

func toJSON(name string, path []string, f aggregate.Figures, extras []string, cmp []*int64) jsonFigures {
	j := jsonFigures{Locality: name, Path: path, ByField: map[string]int64{},
		New: f.New, Sustained: f.Sustained, NotStated: f.NotStated, Models: f.Models, FundsVND: f.FundsVND,
		Households: f.Households, Beneficiaries: f.Beneficiaries}
	for fl := range record.NumFields {
		j.ByField[record.Field(fl).Key()] = f.ByField[fl]
	}
	if len(extras) > 0 {
		j.Extra = map[string]int64{}
		for i, e := range extras {
			j.Extra[e] = f.ExtraAt(i)
		}
	}
	for i, v := range cmp {
		if v != nil {
			if j.Compare == nil {
				j.Compare = map[string]int64{}
			}
			j.Compare[ComparisonColumns[i]] = *v
		}
	}
	return j
}

func writeJSON(w io.Writer, r *Result) error {
	s := r.Summary
	out := struct {
		Period     string        `json:"period"`
		Level      string        `json:"level"`
		Records    int           `json:"records"`
		Straddling int           `json:"left_out_straddling,omitempty"`
		Localities []jsonFigures `json:"localities"`
		Total      jsonFigures   `json:"total"`
		Sources    []string      `json:"sources"`
	}{Period: s.Period.String(), Level: s.Level.String(), Records: s.Records, Straddling: s.Straddling, Sources: s.Sources,
		// Lists, empty ones too: "null" broke a program reading an empty
		// commune-level summary (a twenty-seventh review).
		Localities: []jsonFigures{}}
	if out.Sources == nil {
		out.Sources = []string{}
	}
	for _, l := range lines(r) {
		j := toJSON(LineName(l), l.Path, l.Figures, s.Extras, comparisons(r.Comparison, l.Key(), false))
		j.Empty = l.Empty
		out.Localities = append(out.Localities, j)
	}
	out.Total = toJSON(TotalName, nil, s.Total, s.Extras, comparisons(r.Comparison, "", true))
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// WriteProblemsCSV writes problems as CSV, one per line: file, sheet, row,
// column (numbers, empty when unknown), the column's header and the
// problem in language l.
func WriteProblemsCSV(w io.Writer, problems []*record.InputError, l msg.Lang) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ProblemsColumns); err != nil {
		return err
	}
	num := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	for _, p := range problems {
		rec := []string{csvText(p.Pos.File), csvText(p.Pos.Sheet), num(p.Pos.Row), num(p.Pos.Col), csvText(p.Column), csvText(p.Msg.In(l))}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
