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
	"io"
	"time"

	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/compare"
	"github.com/dvkreport/dvkreport/report/format"
	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/layout"
	"github.com/dvkreport/dvkreport/report/load"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/names"
	"github.com/dvkreport/dvkreport/report/pdf"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/report/validate"
	"github.com/dvkreport/dvkreport/seeds"
)

// SeedName is how positions in the embedded seed dataset are named.
const SeedName = "seeds/register.csv"

// Load reads and validates the inputs of opts (the seed data when there
// are none) and settles their locality names against the gazetteer,
// rolling them up to the 2025 units if opts.Boundaries2025. err is set
// when a file cannot be read (a *load.Error) or an input names no file (a
// *UsageError).
func Load(o Options) (*Data, error) {
	inputs := o.Inputs
	opts := load.Options{Encoding: o.Encoding}
	// Each file is validated as soon as it is read, and its cells go: a
	// register of many files needs the memory of its records and of its
	// biggest file (10 files of 1,000,000 rows: 12.4 GB when all their
	// cells were kept until the last was read).
	vr := validate.NewReader(validate.Options{AssumePeriod: o.AssumePeriod})
	if len(inputs) == 0 {
		t, err := load.FileFS(seeds.FS(), seeds.Register, opts)
		if err != nil {
			return nil, err
		}
		for _, tb := range t {
			tb.File = SeedName
		}
		vr.File(t)
	}
	files, found, err := expandInputs(inputs)
	if err != nil {
		return nil, err
	}
	vr.Expect(expectedRows(files))
	// A file dvkreport wrote itself (a batch's manifest, a summary) is
	// not a register: found in a folder it is skipped, and said so;
	// named, it is a problem that says what it is.
	var read []string
	var own []OwnFile
	var ownProblems validate.Problems
	for i, name := range files {
		kind := ""
		var t []*load.Table
		if f, _ := load.FormatOf(name); f == load.FormatJSON && ownJSON(name) {
			kind = OwnSummary
		} else if t, err = load.File(name, opts); err != nil {
			return nil, err
		} else {
			kind = ownTables(t)
		}
		switch {
		case kind != "" && found[i]:
			own = append(own, OwnFile{File: name, Kind: kind})
			continue
		case kind != "":
			ownProblems = append(ownProblems, &record.InputError{Pos: record.Pos{File: name},
				Msg: msg.New("report.own_file", msg.New("report.own_"+kind))})
			read = append(read, name)
			continue
		}
		read = append(read, name)
		vr.File(t)
	}
	if len(read) == 0 && len(own) > 0 {
		return nil, usage("report.only_own", len(own), own[0].File)
	}
	v := vr.Result()
	res := names.Apply(&v.Dataset, gazetteer.Default(), o.Boundaries2025)
	d := &Data{Dataset: &v.Dataset, Files: read, Skipped: own, Problems: append(ownProblems, v.Problems...), Rejected: v.Rejected,
		Warnings: append(v.Warnings, res.Warnings...), Unassigned: res.Unassigned, Sheets: v.Sheets}
	for range v.Warnings {
		d.warningRecord = append(d.warningRecord, -1)
	}
	d.warningRecord = append(d.warningRecord, res.WarningRecords...)
	if len(res.DuplicateRecords) > 0 {
		// Models reported twice that only the settled names show: errors,
		// their rows out of the data like validate's.
		dup := make(map[int]bool, len(res.DuplicateRecords))
		for _, i := range res.DuplicateRecords {
			dup[i] = true
			r := &d.Dataset.Records[i]
			d.Rejected = append(d.Rejected, validate.RejectedOf(r))
		}
		keep := make([]int, 0, len(d.Dataset.Records)-len(dup))
		for i := range d.Dataset.Records {
			if !dup[i] {
				keep = append(keep, i)
			}
		}
		problems := append(d.Problems, res.Duplicates...)
		d = d.subset(keep)
		d.Problems = problems
	}
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
	// Unassigned are the rows of split communes in the summary's scope
	// under a roll-up to the 2025 units: those it could not place in a
	// commune, and those placed where their model goes on (To).
	Unassigned []names.Unassigned
	// Boundaries2025 says the rows were mapped to the 2025 units.
	Boundaries2025 bool
	// Excluded are the problems of the rows left out under
	// Options.SkipInvalid; SheetRows, by the position of a problem of a
	// whole sheet (its column 0), how many rows it left out.
	Excluded  validate.Problems
	SheetRows map[record.Pos]int
	// ExcludedElsewhere are the problems of rows left out under
	// Options.SkipInvalid that are of another period or locality than the
	// summary's: not in this report, but not to pass unseen (with no
	// period asked for, a later quarter's rows all left out made the
	// report one of the quarter before).
	ExcludedElsewhere validate.Problems
	// Files are the register files read.
	Files []string
	// Skipped are the files of the folders read that dvkreport wrote
	// itself, and that were not read.
	Skipped []OwnFile
}

// ExcludedRows is how many rows the problems of Excluded left out: one a
// row, a whole sheet's for a problem of a sheet.
func (r *Result) ExcludedRows() int {
	rows := map[record.Pos]bool{}
	for _, p := range r.Excluded {
		pos := p.Pos
		pos.Col = 0
		rows[pos] = true
	}
	whole := map[record.Pos]bool{} // the sheets (and files) left out whole
	for pos := range r.SheetRows {
		whole[record.Pos{File: pos.File, Sheet: pos.Sheet}] = true
	}
	n := 0
	for pos := range rows {
		switch k, ok := r.SheetRows[pos]; {
		case ok:
			n += k
		case whole[record.Pos{File: pos.File, Sheet: pos.Sheet}] || whole[record.Pos{File: pos.File}]:
			// a row of a sheet left out whole: counted with it
		default:
			n++
		}
	}
	return n
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
	res := &Result{Summary: s, Boundaries2025: opts.Boundaries2025, Files: d.Files, Skipped: d.Skipped}
	if res.Comparison, err = compare.Compare(d.Dataset, aopts, s, opts.Compare); err != nil {
		return nil, err
	}
	if !opts.Boundaries2025 {
		if p := straddling(d, s, res.Comparison); len(p) > 0 {
			return nil, p
		}
	}
	res.Warnings, res.Excluded, res.ExcludedElsewhere, res.Unassigned = inScope(d, s, d.excluded)
	res.SheetRows = d.sheetRows
	return res, nil
}

// Document lays out the report of a result in the language, form and
// texts of opts. A broken edited template is a *templates.Error.
func Document(r *Result, opts Options) (*layout.Document, error) {
	set, err := opts.Cache.templates(opts.Lang.String(), opts.Templates)
	if err != nil {
		return nil, err
	}
	doc, err := layout.Build(r.Summary, set, layout.Options{
		Form: opts.Form, Agency: opts.Agency, Date: opts.Date,
		Comparison: r.Comparison, Boundaries2025: r.Boundaries2025,
		Unassigned: r.Unassigned, Excluded: r.Excluded, ExcludedRows: r.ExcludedRows(),
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
	return pdf.Render(doc, pdf.Options{RasterCharts: opts.RasterCharts, Cache: opts.Cache.pdfCache()})
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

// Pages counts the pages of a report's PDF.
func Pages(pdfData []byte) int { return pdf.Pages(pdfData) }
