package report

import (
	"time"

	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/compare"
	"github.com/dvkreport/dvkreport/report/layout"
	"github.com/dvkreport/dvkreport/report/load/charset"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
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
	// Cache, if not nil, keeps what the reports made with it have in
	// common, made once: a batch's reports share one (see NewCache).
	Cache *Cache
}

// UsageError is an error in what the user asked for, rather than in the
// data: an unknown locality, a missing file.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// In writes the error in language l.
func (e *UsageError) In(l msg.Lang) string { return msg.Arg(e.Err, l) }

func usage(key string, args ...any) error { return &UsageError{Err: msg.New(key, args...)} }
