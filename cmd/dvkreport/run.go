package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/report/validate"
)

// Exit statuses.
const (
	exitOK    = 0
	exitData  = 1 // the data is bad, or the report could not be written
	exitUsage = 2 // the command line is bad
)

// actionError marks an error returned by a command's action, as opposed
// to one from parsing the command line; lang is the language the user
// asked messages in.
type actionError struct {
	err  error
	lang string
}

func (e actionError) Error() string { return e.err.Error() }
func (e actionError) Unwrap() error { return e.err }

// run runs dvkreport with args (args[0] is the program name) and returns
// the exit status. Messages go to stderr, prefixed "dvkreport:".
func run(args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	err := app.RunContext(context.Background(), args)
	if err == nil {
		return exitOK
	}
	var ae actionError
	if !errors.As(err, &ae) {
		// An error from parsing the command line; urfave/cli has printed
		// the help for a bad flag, and says "No help topic for 'x'" for an
		// unknown command.
		if cmd, ok := strings.CutPrefix(err.Error(), "No help topic for "); ok {
			fmt.Fprintf(stderr, "dvkreport: unknown command %s; the commands are generate, summary, charts, validate and localities (dvkreport --help)\n", cmd)
			return exitUsage
		}
		fmt.Fprintf(stderr, "dvkreport: %v\n", err)
		return exitUsage
	}
	var problems validate.Problems
	var ue *report.UsageError
	switch {
	case errors.As(err, &problems):
		for _, p := range problems {
			fmt.Fprintln(stderr, validate.Message(p, ae.lang))
		}
		if ae.lang == "vi" {
			fmt.Fprintf(stderr, "dvkreport: số liệu có %d lỗi; không tệp nào được ghi\n", len(problems))
		} else {
			fmt.Fprintf(stderr, "dvkreport: %d %s in the data; nothing was written\n", len(problems), plural(len(problems), "problem", "problems"))
		}
		return exitData
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "dvkreport: %v\n", ue.Err)
		return exitUsage
	}
	fmt.Fprintf(stderr, "dvkreport: %v\n", ae.err)
	return exitData
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// filterFlags are the flags that select data, shared by generate and summary.
func filterFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "input", Aliases: []string{"i"}, Usage: "register `FILE` (CSV, XLSX or JSON), a folder of them, or a glob (\"so-lieu/*.xlsx\"); repeat for several; none: the embedded seed data"},
		&cli.StringSliceFlag{Name: "locality", Aliases: []string{"l"}, Usage: "report on `NAME` only: a province, district or commune, case and diacritics ignored (\"lang son\"), a path (\"Đắk Nông/Đắk Song\"), or an official code (20, 06970); repeat for several"},
		&cli.StringFlag{Name: "level", Usage: "one line per `LEVEL`: province, district or commune (default: one level below the narrowest --locality, province without one)"},
		&cli.StringFlag{Name: "period", Aliases: []string{"p"}, Usage: "report `PERIOD`: 2025-Q3, Q3/2025, Quý III/2025, 2025-H1, 2025, 2021-2025…; rows count when their period lies inside it (default: all rows)"},
		&cli.StringFlag{Name: "boundaries", Usage: "`YEAR` 2025: map every row to the units in force from 1 July 2025 (34 provinces, no districts) before summing; without it names stay as the data writes them"},
		strictFlag(),
		encodingFlag(),
		&cli.BoolFlag{Name: "skip-invalid", Usage: "leave rows with problems out instead of refusing the data; the report lists them on its last page"},
		langFlag(),
	}
}

func langFlag() cli.Flag {
	return &cli.StringFlag{Name: "lang", Value: "en", Usage: "`LANGUAGE` of messages about the data: en or vi (tiếng Việt)"}
}

func encodingFlag() cli.Flag {
	return &cli.StringFlag{Name: "encoding", Usage: "`CHARSET` of CSV files: utf-8, utf-16, windows-1258, tcvn3 (ABC, .VnTime) or vni (default: detected for each file)"}
}

func strictFlag() cli.Flag {
	return &cli.BoolFlag{Name: "strict-names", Usage: "treat locality names missing from the official gazetteer (or in the wrong province) as errors, not warnings"}
}

func options(c *cli.Context) report.Options {
	return report.Options{
		Inputs:      c.StringSlice("input"),
		Localities:  c.StringSlice("locality"),
		Level:       c.String("level"),
		Period:      c.String("period"),
		Boundaries:  c.String("boundaries"),
		StrictNames: c.Bool("strict-names"),
		Encoding:    c.String("encoding"),
		SkipInvalid: c.Bool("skip-invalid"),
	}
}

func newApp(stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:  "dvkreport",
		Usage: "turn \"Dân vận khéo\" model registers into printable PDF reports",
		Description: "dvkreport reads registers of the \"Dân vận khéo\" (Skilled Mass Mobilization) movement,\n" +
			"checks them, sums models, funds and households per locality and period, and lays\n" +
			"the figures out as an A4 PDF report in Vietnamese, with English alongside.\n" +
			"Without --input it uses the embedded seed data from five press articles.\n\n" +
			"Exit status: 0 success, 1 bad data, 2 bad usage.",
		Writer:         stdout,
		ErrWriter:      stderr,
		ExitErrHandler: func(*cli.Context, error) {}, // run maps errors to exit statuses
		Commands: []*cli.Command{
			{
				Name:      "generate",
				Usage:     "make the PDF report",
				UsageText: "dvkreport generate [--input FILE]... [--locality NAME]... [--level LEVEL] [--period PERIOD] [-o OUT.pdf]",
				Description: "Writes the report to OUT.pdf, by default to a name made of the scope and period\n" +
					"(dvk-lang-son-2025-q3.pdf) in the current directory; \"-o -\" writes to standard output.\n" +
					"Bad data is refused with every problem listed, and no file is written.",
				Flags: append(filterFlags(),
					&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the PDF to `FILE` (\"-\" for standard output)"},
					&cli.BoolFlag{Name: "raster-charts", Usage: "embed the charts as 300-dpi PNG images instead of vector drawings"},
				),
				Action: func(c *cli.Context) error {
					if c.NArg() > 0 {
						return wrap(c, &report.UsageError{Err: fmt.Errorf("generate takes no arguments (got %q); give files with --input", c.Args().Slice())})
					}
					return wrap(c, generate(c, stdout, stderr))
				},
			},
			{
				Name:      "summary",
				Usage:     "print the aggregated figures",
				UsageText: "dvkreport summary [--input FILE]... [--locality NAME]... [--level LEVEL] [--period PERIOD] [--format table|csv|json]",
				Description: "Prints one row per locality at the chosen level, then a TOTAL row. The CSV's columns are\n" +
					"locality,economy,culture_society,defense_security,party_building,unclassified,new,sustained,\n" +
					"models,funds_vnd,households,beneficiaries and then the extra indicators, as plain integers.",
				Flags: append(filterFlags(),
					&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output `FORMAT`: table, csv or json"},
				),
				Action: func(c *cli.Context) error {
					if c.NArg() > 0 {
						return wrap(c, &report.UsageError{Err: fmt.Errorf("summary takes no arguments (got %q); give files with --input", c.Args().Slice())})
					}
					s, err := report.Summarize(options(c))
					if err != nil {
						return wrap(c, err)
					}
					printWarnings(stderr, s.Warnings, c.String("lang"))
					printExcluded(stderr, s, c.String("lang"))
					return wrap(c, report.WriteSummary(stdout, s.Summary, c.String("format")))
				},
			},
			{
				Name:      "charts",
				Usage:     "write the report's charts as image files, for slides and web pages",
				UsageText: "dvkreport charts [--input FILE]... [--locality NAME]... [--level LEVEL] [--period PERIOD] [--format png|svg] --out DIR",
				Description: "Writes the charts of the report the same filters select into DIR, as PNG at 300 dpi or SVG\n" +
					"(bieu-do-1-models-by-field-and-locality.png, …). SVG text names the font rather than embedding it.",
				Flags: append(filterFlags(),
					&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "png", Usage: "image `FORMAT`: png or svg"},
					&cli.StringFlag{Name: "out", Value: ".", Usage: "write the files into folder `DIR`"},
				),
				Action: func(c *cli.Context) error {
					s, err := report.Summarize(options(c))
					if err != nil {
						return wrap(c, err)
					}
					printWarnings(stderr, s.Warnings, c.String("lang"))
					files, err := report.Charts(s, c.String("format"))
					if err != nil {
						return wrap(c, err)
					}
					if err := os.MkdirAll(c.String("out"), 0o755); err != nil {
						return wrap(c, err)
					}
					for _, f := range files {
						name := filepath.Join(c.String("out"), f.Name)
						if err := report.WriteFile(name, f.Data); err != nil {
							return wrap(c, err)
						}
						fmt.Fprintf(stderr, "dvkreport: wrote %s (%d bytes)\n", name, len(f.Data))
					}
					return nil
				},
			},
			{
				Name:      "localities",
				Usage:     "look up the official administrative units, to find a name or code to filter on",
				UsageText: "dvkreport localities [--search NAME] [--province NAME] [--as-of 2025|2024] [--format table|csv|json]",
				Description: "Lists units of the official gazetteer: with --search, the units whose names contain the words\n" +
					"(diacritics ignored; the nearest names when none does); with --province, that province's\n" +
					"communes (and districts, --as-of 2024); with neither, the provinces. --as-of 2025 (the default)\n" +
					"is the two-tier system from 1 July 2025; --as-of 2024 the units before it.",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "search", Aliases: []string{"s"}, Usage: "units whose names contain `NAME`"},
					&cli.StringFlag{Name: "province", Usage: "the communes of province `NAME` (or code)"},
					&cli.StringFlag{Name: "as-of", Value: "2025", Usage: "`YEAR`: 2025 for the units from 1 July 2025, 2024 for those before"},
					&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output `FORMAT`: table, csv or json"},
				},
				Action: func(c *cli.Context) error {
					units, err := report.Localities(report.LocalityQuery{Search: c.String("search"), Province: c.String("province"), AsOf: c.String("as-of")})
					if err != nil {
						return wrap(c, err)
					}
					return wrap(c, report.WriteUnits(stdout, units, c.String("format")))
				},
			},
			{
				Name:      "validate",
				Usage:     "check register files and list every problem",
				UsageText: "dvkreport validate [--strict-names] FILE...",
				Flags:     []cli.Flag{strictFlag(), encodingFlag(), langFlag()},
				Description: "Prints every problem as FILE:ROW:COLUMN: message (row 1 is the header) and exits 1 if\n" +
					"there is any. Without files it checks the embedded seed data.",
				Action: func(c *cli.Context) error {
					return wrap(c, validateFiles(c.Args().Slice(), c.String("encoding"), c.String("lang"), stdout, stderr, c.Bool("strict-names")))
				},
			},
		},
	}
}

// wrap marks err as the action's, with the language of its messages.
func wrap(c *cli.Context, err error) error {
	if err == nil {
		return nil
	}
	return actionError{err: err, lang: c.String("lang")}
}

func generate(c *cli.Context, stdout, stderr io.Writer) error {
	s, err := report.Summarize(options(c))
	if err != nil {
		return err
	}
	printWarnings(stderr, s.Warnings, c.String("lang"))
	printExcluded(stderr, s, c.String("lang"))
	opts := options(c)
	opts.RasterCharts = c.Bool("raster-charts")
	data, err := report.PDF(s, opts)
	if err != nil {
		return err
	}
	out := c.String("output")
	if out == "-" {
		_, err := stdout.Write(data)
		return err
	}
	if out == "" {
		out = report.FileName(s.Summary)
	}
	if err := report.WriteFile(out, data); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "dvkreport: wrote %s (%d bytes, %d localities, %d records)\n", out, len(data), len(s.Lines), s.Records)
	return nil
}

func validateFiles(files []string, encoding, lang string, stdout, stderr io.Writer, strict bool) error {
	d, err := report.Load(files, encoding, false)
	if err != nil {
		return err
	}
	problems := d.Problems
	if strict {
		problems = append(problems, d.Warnings...)
	} else {
		printWarnings(stderr, d.Warnings, lang)
	}
	if len(problems) > 0 {
		return problems
	}
	what := strings.Join(files, ", ")
	if len(files) == 0 {
		what = report.SeedName
	}
	fmt.Fprintf(stdout, "%s: %d rows, no problems\n", what, len(d.Records))
	return nil
}

// printExcluded says how many rows --skip-invalid left out, and why.
func printExcluded(stderr io.Writer, r *report.Result, lang string) {
	if len(r.Excluded) == 0 {
		return
	}
	rows := map[record.Pos]bool{}
	for _, p := range r.Excluded {
		fmt.Fprintln(stderr, validate.Message(p, lang))
		pos := p.Pos
		pos.Col = 0
		rows[pos] = true
	}
	fmt.Fprintf(stderr, "dvkreport: %d %s with problems left out (--skip-invalid); the report lists them on its last page\n", len(rows), plural(len(rows), "row", "rows"))
}

// printWarnings writes the name warnings, which do not stop the command.
func printWarnings(stderr io.Writer, warnings []*record.InputError, lang string) {
	for _, w := range warnings {
		fmt.Fprintln(stderr, validate.Message(w, lang))
	}
	switch n := len(warnings); {
	case n > 0 && lang == "vi":
		fmt.Fprintf(stderr, "dvkreport: %d cảnh báo về tên địa bàn (--strict-names coi là lỗi)\n", n)
	case n > 0:
		fmt.Fprintf(stderr, "dvkreport: %d %s about locality names (--strict-names makes them errors)\n", n, plural(n, "warning", "warnings"))
	}
}
