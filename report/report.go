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
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/layout"
	"github.com/dvkreport/dvkreport/report/load"
	"github.com/dvkreport/dvkreport/report/names"
	"github.com/dvkreport/dvkreport/report/pdf"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/report/validate"
	"github.com/dvkreport/dvkreport/seeds"
	"github.com/dvkreport/dvkreport/templates"
)

// Options select the data and the figures of a report. The zero value is
// the whole embedded seed dataset at province level.
type Options struct {
	// Inputs are register files; none means the embedded seed dataset.
	Inputs []string
	// Localities restrict the report to these localities: names at any
	// level, paths such as "Đắk Nông/Đắk Song", or official codes.
	Localities []string
	Level      string // province, district, commune, or "" for automatic
	Period     string // any period form of the input contract; "" for all
	// Boundaries is "2025" to map every row to the units in force from 1
	// July 2025 before aggregating, or "" to keep names as written.
	Boundaries string
	// StrictNames makes names missing from the gazetteer errors rather
	// than warnings.
	StrictNames bool
	// RasterCharts embeds the charts as 300-dpi PNG images instead of
	// drawing them as vectors.
	RasterCharts bool
}

// UsageError is an error in what the user asked for, rather than in the
// data: an unknown locality, a malformed period, a missing file.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

func usage(err error) error { return &UsageError{Err: err} }

// SeedName is how positions in the embedded seed dataset are named.
const SeedName = "seeds/register.csv"

// Data is a loaded, validated register.
type Data struct {
	*record.Dataset
	// Problems are the cells that break the input contract; their rows
	// are not in the dataset.
	Problems validate.Problems
	// Warnings are locality names not in the gazetteer of their period, or
	// in the wrong province.
	Warnings []*record.InputError
	// Unassigned are the rows of split communes that a roll-up to the 2025
	// units could not place.
	Unassigned []names.Unassigned
}

// Load reads and validates the inputs (the seed data when there are none)
// and settles their locality names against the gazetteer, rolling them up
// to the 2025 units if rollUp. err is set only when a file cannot be read.
func Load(inputs []string, rollUp bool) (*Data, error) {
	var tables []*load.Table
	if len(inputs) == 0 {
		t, err := load.FileFS(seeds.FS(), seeds.Register)
		if err != nil {
			return nil, fmt.Errorf("the embedded seed data: %w", err)
		}
		for _, tb := range t {
			tb.File = SeedName
		}
		tables = t
	}
	for _, name := range inputs {
		t, err := load.File(name)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, usage(fmt.Errorf("%s: no such file", name))
		}
		if err != nil {
			return nil, err
		}
		tables = append(tables, t...)
	}
	ds, problems := validate.Tables(tables)
	res := names.Apply(&ds, gazetteer.Default(), rollUp)
	return &Data{Dataset: &ds, Problems: problems, Warnings: res.Warnings, Unassigned: res.Unassigned}, nil
}

// Result is a summary with what was found on the way to it.
type Result struct {
	*aggregate.Summary
	// Warnings are locality names not in the gazetteer, or in the wrong
	// province; they do not stop a report unless Options.StrictNames.
	Warnings []*record.InputError
	// Unassigned are the rows in the summary's provinces that a roll-up to
	// the 2025 units could not place in a commune.
	Unassigned []names.Unassigned
	// Boundaries2025 says the rows were mapped to the 2025 units.
	Boundaries2025 bool
}

// Summarize loads the inputs and aggregates them as opts select. Data with
// problems is refused: the error is the validate.Problems (with the name
// warnings too under StrictNames).
func Summarize(opts Options) (*Result, error) {
	var rollUp bool
	switch opts.Boundaries {
	case "":
	case "2025":
		rollUp = true
	default:
		return nil, usage(fmt.Errorf("unknown boundaries %q: want 2025 (or no flag, to keep names as written)", opts.Boundaries))
	}
	level, err := aggregate.ParseLevel(opts.Level)
	if err != nil {
		return nil, usage(err)
	}
	var period record.Period
	if opts.Period != "" {
		if period, err = record.ParsePeriod(opts.Period); err != nil {
			return nil, usage(err)
		}
	}
	d, err := Load(opts.Inputs, rollUp)
	if err != nil {
		return nil, err
	}
	if len(d.Problems) > 0 || opts.StrictNames && len(d.Warnings) > 0 {
		problems := d.Problems
		if opts.StrictNames {
			problems = append(problems, d.Warnings...)
		}
		return nil, problems
	}
	localities, err := resolveCodes(gazetteer.Default(), opts.Localities)
	if err != nil {
		return nil, err
	}
	s, err := aggregate.Summarize(d.Dataset, aggregate.Options{Localities: localities, Period: period, Level: level})
	switch {
	case errors.Is(err, aggregate.ErrUnknownLocality), errors.Is(err, aggregate.ErrAmbiguousLocality), errors.Is(err, aggregate.ErrNoRecords):
		return nil, usage(err)
	case err != nil:
		return nil, err
	}
	res := &Result{Summary: s, Warnings: d.Warnings, Boundaries2025: rollUp}
	provinces := map[string]bool{}
	for _, l := range s.Lines {
		provinces[l.Path[0]] = true
	}
	for _, u := range d.Unassigned {
		if provinces[u.Province] {
			res.Unassigned = append(res.Unassigned, u)
		}
	}
	return res, nil
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
			return nil, usage(fmt.Errorf("no administrative unit has the code %s", code))
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

// Document lays out the report of a result.
func Document(r *Result) (*layout.Document, error) {
	t, err := templates.Load()
	if err != nil {
		return nil, err
	}
	return layout.Build(r.Summary, t, layout.Options{Boundaries2025: r.Boundaries2025, Unassigned: r.Unassigned}), nil
}

// PDF makes the report's PDF; opts.RasterCharts chooses image charts.
func PDF(r *Result, opts Options) ([]byte, error) {
	doc, err := Document(r)
	if err != nil {
		return nil, err
	}
	return pdf.Render(doc, pdf.Options{RasterCharts: opts.RasterCharts})
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

// WriteFile writes data to name atomically: to a temporary file in the same
// directory, synced, then renamed over name. On any error name is untouched
// and the temporary file removed.
//
// A name that is not a regular file (/dev/null, /dev/stdout, a named pipe)
// is written to directly: renaming over it would replace it.
func WriteFile(name string, data []byte) (err error) {
	if fi, err := os.Stat(name); err == nil && !fi.Mode().IsRegular() {
		if fi.IsDir() {
			return fmt.Errorf("%s is a directory", name)
		}
		f, err := os.OpenFile(name, os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	}
	dir := filepath.Dir(name)
	f, err := os.CreateTemp(dir, "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Chmod(0o644); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}

// FileName is the default name of a summary's report: ASCII only, from its
// scope and period, such as dvk-lang-son-2025-q3.pdf.
func FileName(s *aggregate.Summary) string {
	var parts []string
	for _, p := range s.Scope {
		parts = append(parts, slug(gazetteer.Key(p[len(p)-1])))
	}
	if len(parts) == 0 {
		parts = []string{"toan-quoc"}
	}
	if len(parts) > 3 {
		parts = append(parts[:3], "va-khac")
	}
	return "dvk-" + strings.Join(parts, "-") + "-" + strings.ToLower(strings.ReplaceAll(s.Period.String(), "..", "-")) + ".pdf"
}

// slug writes a name in lower-case ASCII words joined by hyphens:
// "Lạng Sơn" is "lang-son".
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range record.Fold(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}
