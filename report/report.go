// Package report is dvkreport's pipeline: it loads register files (or the
// embedded seed data), validates them, settles their locality names against
// the official gazetteer, aggregates the figures a user selected, lays the
// report out and writes it as a PDF, or writes the figures as a table, CSV
// or JSON. Each step lives in its own package:
//
//	load → validate → names → aggregate → layout → pdf
//
// report only wires them together and writes files safely: a PDF is written
// to a temporary file beside its destination and renamed into place, so a
// failed run never leaves half a file.
package report

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/golang/freetype/truetype"

	"github.com/dvkreport/dvkreport/charts"
	"github.com/dvkreport/dvkreport/fonts"
	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/batch"
	"github.com/dvkreport/dvkreport/report/compare"
	"github.com/dvkreport/dvkreport/report/format"
	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/layout"
	"github.com/dvkreport/dvkreport/report/load"
	"github.com/dvkreport/dvkreport/report/load/charset"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/names"
	"github.com/dvkreport/dvkreport/report/pdf"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/report/validate"
	"github.com/dvkreport/dvkreport/seeds"
	"github.com/dvkreport/dvkreport/templates"
)

// Options select the data and the figures of a report; the command line
// checks and parses every value before it makes them. The zero value is the
// whole embedded seed dataset at province level.
type Options struct {
	// Inputs are register files, folders (every register file in them)
	// or glob patterns; none means the embedded seed dataset.
	Inputs []string
	// Encoding is the character set of CSV inputs; charset.Auto detects
	// it for each file.
	Encoding charset.Charset
	// SkipInvalid leaves rows with problems out instead of refusing the
	// data; the report lists them.
	SkipInvalid bool
	// Localities restrict the report to these localities: names at any
	// level, paths such as "Đắk Nông/Đắk Song", or official codes.
	Localities []string
	Level      aggregate.Level
	Period     record.Period // the zero Period: every row
	// Boundaries2025 maps every row to the units in force from 1 July
	// 2025 before aggregating; otherwise names stay as the data writes
	// them.
	Boundaries2025 bool
	// StrictNames makes names missing from the gazetteer errors rather
	// than warnings.
	StrictNames bool
	// AssumePeriod is the period of a sheet that has no period column and
	// names none in its title or name.
	AssumePeriod record.Period
	// Compare chooses the comparisons with other periods.
	Compare compare.Options
	// HideEmpty leaves out the lines of the units that reported nothing.
	HideEmpty bool
	// Models lists the models of any scope; a report on one commune lists
	// them anyway.
	Models bool
	// AllSources lists every source, however many; by default a report
	// lists up to 30, and beyond that the sources per locality.
	AllSources bool
	// RasterCharts embeds the charts as 300-dpi PNG images instead of
	// drawing them as vectors.
	RasterCharts bool
	// Lang is the language of the report.
	Lang msg.Lang
	// Templates names an edited copy of the report's texts, a file or a
	// folder (see package templates); "" uses the embedded texts.
	Templates string
	// Form is the document's form: plain, or the Party's or the State's.
	Form layout.Form
	// Agency is who issues the report and signs it, for the official
	// forms.
	Agency layout.Agency
	// Date is the document's date; the zero time is the period's last
	// day.
	Date time.Time
	// BOM starts a CSV summary with a byte-order mark, for Excel on
	// Windows.
	BOM bool
}

// UsageError is an error in what the user asked for, rather than in the
// data: an unknown locality, a missing file.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// In writes the error in language l.
func (e *UsageError) In(l msg.Lang) string { return msg.Arg(e.Err, l) }

func usage(key string, args ...any) error { return &UsageError{Err: msg.New(key, args...)} }

// SeedName is how positions in the embedded seed dataset are named.
const SeedName = "seeds/register.csv"

// Data is a loaded, validated register.
type Data struct {
	*record.Dataset
	// Files are the files read, each once, in order.
	Files []string
	// Problems are the cells that break the input contract; their rows
	// are not in the dataset.
	Problems validate.Problems
	// Warnings are locality names not in the gazetteer of their period, or
	// in the wrong province.
	Warnings []*record.InputError
	// Unassigned are the rows of split communes that a roll-up to the 2025
	// units could not place.
	Unassigned []names.Unassigned
	// Sheets says how each table was read.
	Sheets []validate.Sheet
	// Rejected are the rows of Problems, with what could be read of them.
	Rejected []validate.Rejected
	// warningRecord is, for each warning, the index of its record, or -1
	// for a warning about a file (a total row that does not match).
	warningRecord []int
	// excluded are the problems of the rows Check left out.
	excluded validate.Problems
}

// subset returns the data of some of d's records, by index in order: the
// warnings and unassigned rows of the others are left out, those of the
// records kept point at their new indexes.
func (d *Data) subset(keep []int) *Data {
	sub := *d
	sub.Dataset = &record.Dataset{Extras: d.Dataset.Extras, Records: make([]record.Record, len(keep))}
	at := make(map[int]int, len(keep))
	for j, i := range keep {
		sub.Dataset.Records[j] = d.Dataset.Records[i]
		at[i] = j
	}
	sub.Warnings, sub.warningRecord = nil, nil
	for i, w := range d.Warnings {
		r := d.warningRecord[i]
		if r < 0 {
			sub.Warnings, sub.warningRecord = append(sub.Warnings, w), append(sub.warningRecord, -1)
		} else if j, ok := at[r]; ok {
			sub.Warnings, sub.warningRecord = append(sub.Warnings, w), append(sub.warningRecord, j)
		}
	}
	sub.Unassigned = nil
	for _, u := range d.Unassigned {
		if j, ok := at[u.Record]; ok {
			u.Record = j
			sub.Unassigned = append(sub.Unassigned, u)
		}
	}
	return &sub
}

// Load reads and validates the inputs of opts (the seed data when there
// are none) and settles their locality names against the gazetteer,
// rolling them up to the 2025 units if opts.Boundaries2025. err is set
// when a file cannot be read (a *load.Error) or an input names no file (a
// *UsageError).
func Load(o Options) (*Data, error) {
	inputs := o.Inputs
	opts := load.Options{Encoding: o.Encoding}
	var tables []*load.Table
	if len(inputs) == 0 {
		t, err := load.FileFS(seeds.FS(), seeds.Register, opts)
		if err != nil {
			return nil, err
		}
		for _, tb := range t {
			tb.File = SeedName
		}
		tables = t
	}
	files, err := expandInputs(inputs)
	if err != nil {
		return nil, err
	}
	for _, name := range files {
		t, err := load.File(name, opts)
		if err != nil {
			return nil, err
		}
		tables = append(tables, t...)
	}
	v := validate.Read(tables, validate.Options{AssumePeriod: o.AssumePeriod})
	res := names.Apply(&v.Dataset, gazetteer.Default(), o.Boundaries2025)
	d := &Data{Dataset: &v.Dataset, Files: files, Problems: v.Problems, Rejected: v.Rejected,
		Warnings: append(v.Warnings, res.Warnings...), Unassigned: res.Unassigned, Sheets: v.Sheets}
	for range v.Warnings {
		d.warningRecord = append(d.warningRecord, -1)
	}
	d.warningRecord = append(d.warningRecord, res.WarningRecords...)
	return d, nil
}

// Result is a summary with what was found on the way to it, all of it
// within the summary's scope and period.
type Result struct {
	*aggregate.Summary
	// Comparison holds the figures of the base periods, when asked for.
	Comparison *compare.Comparison
	// Warnings are locality names not in the gazetteer, or in the wrong
	// province; they do not stop a report unless Options.StrictNames.
	Warnings []*record.InputError
	// Unassigned are the rows in the summary's provinces that a roll-up to
	// the 2025 units could not place in a commune.
	Unassigned []names.Unassigned
	// Boundaries2025 says the rows were mapped to the 2025 units.
	Boundaries2025 bool
	// Excluded are the problems of the rows left out under
	// Options.SkipInvalid.
	Excluded validate.Problems
	// Files are the register files read.
	Files []string
}

// withoutRows returns the indexes of the records not at the positions of
// problems.
func withoutRows(recs []record.Record, problems []*record.InputError) []int {
	bad := map[record.Pos]bool{}
	for _, p := range problems {
		pos := p.Pos
		pos.Col = 0
		bad[pos] = true
	}
	var keep []int
	for i, r := range recs {
		if !bad[r.Pos()] {
			keep = append(keep, i)
		}
	}
	return keep
}

// Summarize loads the inputs and aggregates them as opts select, with
// the comparisons opts.Compare asks for. Data with problems is refused:
// the error is the validate.Problems (with the name warnings too under
// StrictNames). A locality of the gazetteer that the data does not have is
// the scope of an empty report, not an error.
func Summarize(opts Options) (*Result, error) {
	d, err := Load(opts)
	if err != nil {
		return nil, err
	}
	if err := d.Check(opts); err != nil {
		return nil, err
	}
	return d.Summarize(opts)
}

// Check refuses data with problems (with the name warnings too under
// opts.StrictNames): the error is the validate.Problems. Under
// opts.SkipInvalid it keeps them to list in the report instead, and leaves
// the rows out; the error is then that no row is left.
func (d *Data) Check(opts Options) error {
	problems := d.Problems
	if opts.StrictNames {
		problems = append(problems, d.Warnings...)
	}
	if len(problems) == 0 {
		return nil
	}
	if !opts.SkipInvalid {
		return problems
	}
	d.excluded = problems
	if opts.StrictNames {
		keep := withoutRows(d.Dataset.Records, d.Warnings)
		*d = *d.subset(keep)
		d.excluded = problems
	}
	if len(d.Dataset.Records) == 0 {
		return problems // every row is bad: nothing to report on
	}
	return nil
}

// Summarize aggregates checked data as opts select, with the comparisons
// opts.Compare asks for.
func (d *Data) Summarize(opts Options) (*Result, error) {
	g := gazetteer.Default()
	aopts, err := aggregateOptions(g, opts)
	if err != nil {
		return nil, err
	}
	s, err := aggregate.Summarize(d.Dataset, aopts)
	switch {
	case errors.Is(err, aggregate.ErrUnknownLocality), errors.Is(err, aggregate.ErrAmbiguousLocality), errors.Is(err, aggregate.ErrNoRecords):
		return nil, &UsageError{Err: err}
	case err != nil:
		return nil, err
	}
	res := &Result{Summary: s, Boundaries2025: opts.Boundaries2025, Files: d.Files}
	if res.Comparison, err = compare.Compare(d.Dataset, aopts, s, opts.Compare); err != nil {
		return nil, err
	}
	res.Warnings, res.Excluded, res.Unassigned = inScope(d, s, d.excluded)
	return res, nil
}

// aggregateOptions are the options of package aggregate for a report:
// its localities' codes replaced by their names, and the provinces the
// 2025 reform merged away by the province they became when rows are
// rolled up.
func aggregateOptions(g *gazetteer.Gazetteer, opts Options) (aggregate.Options, error) {
	localities, err := resolveCodes(g, opts.Localities)
	if err != nil {
		return aggregate.Options{}, err
	}
	if opts.Boundaries2025 {
		localities = rollUpNames(g, localities)
	}
	aopts := aggregate.Options{Localities: localities, Period: opts.Period, Level: opts.Level,
		Models:   opts.Models || len(localities) == 1,
		Fallback: func(name string) ([]string, bool) { return locate(g, opts, name) },
	}
	if !opts.HideEmpty {
		aopts.Expected = func(scope [][]string, level aggregate.Level, p record.Period) [][]string {
			era, ok := boundaries(opts.Boundaries2025, p)
			if !ok {
				return nil
			}
			return names.Expected(g, era, scope, int(level))
		}
	}
	return aopts, nil
}

// rollUpNames replaces, among the --locality values, the provinces that
// the 2025 reform merged away by the province they became, so that
// "--boundaries 2025 -l Bến Tre" reports on Vĩnh Long, which holds Bến Tre's
// rows after the roll-up.
func rollUpNames(g *gazetteer.Gazetteer, localities []string) []string {
	out := make([]string, len(localities))
	for i, l := range localities {
		out[i] = l
		if strings.Contains(l, "/") {
			continue
		}
		if _, err := g.Province(gazetteer.Era2025, l); err == nil {
			continue
		}
		old, err := g.Province(gazetteer.EraPre2025, l)
		if err != nil {
			continue
		}
		if ru, err := g.RollUp(old); err == nil {
			out[i] = ru.Province.Name
		}
	}
	return out
}

// resolveCodes replaces official codes among the --locality values (20 for
// Lạng Sơn, 06970 for Xã Ba Chẽ) by the units' names.
func resolveCodes(g *gazetteer.Gazetteer, localities []string) ([]string, error) {
	out := make([]string, len(localities))
	for i, l := range localities {
		out[i] = l
		code := strings.TrimSpace(l)
		if code == "" || strings.Trim(code, "0123456789") != "" {
			continue
		}
		var u gazetteer.Unit
		var err error
		for _, era := range []gazetteer.Era{gazetteer.Era2025, gazetteer.EraPre2025} {
			if u, err = g.ByCode(era, code); err == nil {
				break
			}
		}
		if err != nil {
			return nil, usage("report.no_code", code)
		}
		parts := []string{u.FullName}
		switch u.Level {
		case gazetteer.LevelProvince:
			parts = []string{u.Name}
		case gazetteer.LevelDistrict:
			parts = []string{u.Province, u.FullName}
		case gazetteer.LevelCommune:
			parts = []string{u.Province, u.FullName}
			if u.District != "" {
				parts = []string{u.Province, u.District, u.FullName}
			}
		}
		out[i] = strings.Join(parts, "/")
	}
	return out, nil
}

// Document lays out the report of a result in the language, form and
// texts of opts. A broken edited template is a *templates.Error.
func Document(r *Result, opts Options) (*layout.Document, error) {
	set, err := templates.Load(opts.Lang.String(), opts.Templates)
	if err != nil {
		return nil, err
	}
	doc, err := layout.Build(r.Summary, set, layout.Options{
		Form: opts.Form, Agency: opts.Agency, Date: opts.Date,
		Comparison: r.Comparison, Boundaries2025: r.Boundaries2025,
		Unassigned: r.Unassigned, Excluded: r.Excluded,
		Models: opts.Models || communeScope(r.Summary), AllSources: opts.AllSources,
	})
	if errors.Is(err, layout.ErrNoAgency) {
		return nil, usage("report.no_agency", opts.Form.String())
	}
	return doc, err
}

// PartyRules2026 is the date of Quy định 399-QĐ/TW (9 January 2026), which
// replaced the rules that Hướng dẫn 36-HD/VPTW, the Party form's source,
// applies; the guide said to follow it (05-HD/VPTW) could not be sourced.
var PartyRules2026 = time.Date(2026, 1, 9, 0, 0, 0, 0, time.UTC)

// DocumentDate is the date a report of r bears: opts.Date, or the last
// day of its period.
func DocumentDate(r *Result, opts Options) time.Time {
	if !opts.Date.IsZero() {
		return opts.Date
	}
	return format.EndOf(r.Period)
}

// communeScope reports whether a summary is of one commune, whose report
// lists its models.
func communeScope(s *aggregate.Summary) bool {
	return len(s.ScopeLevels) == 1 && s.ScopeLevels[0] == aggregate.LevelCommune
}

// PDF makes the report's PDF; opts.RasterCharts chooses image charts.
func PDF(r *Result, opts Options) ([]byte, error) {
	doc, err := Document(r, opts)
	if err != nil {
		return nil, err
	}
	return pdf.Render(doc, pdf.Options{RasterCharts: opts.RasterCharts})
}

// ChartFile is one chart of a report as an image file.
type ChartFile struct {
	Name string // bieu-do-1.png
	Data []byte
}

// Charts draws the report's charts as image files: "png" at 300 dpi, or
// "svg". Each is as wide as on the page (165 mm).
func Charts(r *Result, form string, opts Options) ([]ChartFile, error) {
	if form != "png" && form != "svg" {
		return nil, usage("report.unknown_format", msg.Quote(form), "png, svg")
	}
	doc, err := Document(r, opts)
	if err != nil {
		return nil, err
	}
	font, err := truetype.Parse(fonts.SansRegular)
	if err != nil {
		return nil, err
	}
	var files []ChartFile
	for _, b := range doc.Blocks {
		c, ok := b.(*layout.Chart)
		if !ok {
			continue
		}
		spec := pdf.ChartSpec(c, font)
		dpi := 300.0
		if form == "svg" {
			dpi = 96
		}
		spec.DPI = dpi
		widthMM := 210 - doc.Page.Left - doc.Page.Right
		spec.Width = int(widthMM / 25.4 * dpi)
		spec.Height = int(pdf.ChartHeight(c) / 25.4 * dpi)
		var data []byte
		if form == "png" {
			data, err = charts.PNG(spec)
		} else {
			data, err = charts.SVG(spec)
		}
		if err != nil {
			return nil, msg.New("report.chart", msg.Quote(c.Title), err)
		}
		files = append(files, ChartFile{Name: fmt.Sprintf("bieu-do-%d-%s.%s", len(files)+1, c.ID, form), Data: data})
	}
	return files, nil
}

// Generate makes the report opts select and writes it to w.
func Generate(opts Options, w io.Writer) error {
	s, err := Summarize(opts)
	if err != nil {
		return err
	}
	data, err := PDF(s, opts)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// FileName is the default name of a summary's report: ASCII only, from its
// scope and period, such as dvk-lang-son-2025-q3.pdf.
func FileName(s *aggregate.Summary) string {
	var parts []string
	for _, p := range s.Scope {
		parts = append(parts, batch.Slug(gazetteer.Key(p[len(p)-1])))
	}
	if len(parts) == 0 {
		parts = []string{"toan-quoc"}
	}
	if len(parts) > 3 {
		parts = append(parts[:3], "va-khac")
	}
	return "dvk-" + strings.Join(parts, "-") + "-" + PeriodSlug(s.Period) + ".pdf"
}

// PeriodSlug writes a period for a file name: 2025-q3, 2021-2025.
func PeriodSlug(p record.Period) string {
	return strings.ToLower(strings.ReplaceAll(p.String(), "..", "-"))
}

// Pages counts the pages of a report's PDF.
func Pages(pdfData []byte) int { return pdf.Pages(pdfData) }
