// Package report is dvkreport's pipeline: it loads register files (or the
// embedded seed data), validates them, aggregates the figures a user
// selected, lays the report out and writes it as a PDF, or writes the
// figures as a table, CSV or JSON. Each step lives in its own package:
//
//	load → validate → aggregate → layout → pdf
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
	"github.com/dvkreport/dvkreport/report/layout"
	"github.com/dvkreport/dvkreport/report/load"
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
	// level, or paths such as "Đắk Nông/Đắk Song".
	Localities []string
	Level      string // province, district, commune, or "" for automatic
	Period     string // any period form of the input contract; "" for all
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

// Load reads and validates the inputs (the seed dataset when there are
// none). It returns the good rows and every problem found; err is set only
// when a file cannot be read at all.
func Load(inputs []string) (*record.Dataset, validate.Problems, error) {
	var tables []*load.Table
	if len(inputs) == 0 {
		t, err := load.FileFS(seeds.FS(), seeds.Register)
		if err != nil {
			return nil, nil, fmt.Errorf("the embedded seed data: %w", err)
		}
		for _, tb := range t {
			tb.File = SeedName
		}
		tables = t
	}
	for _, name := range inputs {
		t, err := load.File(name)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, usage(fmt.Errorf("%s: no such file", name))
		}
		if err != nil {
			return nil, nil, err
		}
		tables = append(tables, t...)
	}
	ds, problems := validate.Tables(tables)
	return &ds, problems, nil
}

// Summarize loads the inputs and aggregates them as opts select. Data with
// problems is refused: the error is the validate.Problems.
func Summarize(opts Options) (*aggregate.Summary, error) {
	ds, problems, err := Load(opts.Inputs)
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return summarize(ds, opts)
}

func summarize(ds *record.Dataset, opts Options) (*aggregate.Summary, error) {
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
	s, err := aggregate.Summarize(ds, aggregate.Options{Localities: opts.Localities, Period: period, Level: level})
	switch {
	case errors.Is(err, aggregate.ErrUnknownLocality), errors.Is(err, aggregate.ErrAmbiguousLocality), errors.Is(err, aggregate.ErrNoRecords):
		return nil, usage(err)
	case err != nil:
		return nil, err
	}
	return s, nil
}

// Document lays out the report of a summary.
func Document(s *aggregate.Summary) (*layout.Document, error) {
	t, err := templates.Load()
	if err != nil {
		return nil, err
	}
	return layout.Build(s, t, layout.Options{}), nil
}

// PDF makes the report's PDF; opts.RasterCharts chooses image charts.
func PDF(s *aggregate.Summary, opts Options) ([]byte, error) {
	doc, err := Document(s)
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
func WriteFile(name string, data []byte) (err error) {
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
		parts = append(parts, slug(p[len(p)-1]))
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
