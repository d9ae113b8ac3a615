package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/load/charset"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/output"
	"github.com/dvkreport/dvkreport/report/record"
)

// commandNames lists the commands, for the message about an unknown one.
const commandNames = "generate, summary, charts, validate, localities"

func newApp(u *ui, e env) *cli.App {
	onUsage := func(c *cli.Context, err error, _ bool) error {
		var flags []cli.Flag
		if c.Command != nil {
			flags = c.Command.Flags
		}
		return usageOf(err, flags)
	}
	cmd := func(c *cli.Command) *cli.Command {
		c.OnUsageError = onUsage
		return c
	}
	return &cli.App{
		Name:    "dvkreport",
		Usage:   "turn \"Dân vận khéo\" model registers into printable PDF reports",
		Version: version(),
		Description: "dvkreport reads registers of the \"Dân vận khéo\" (Skilled Mass Mobilization) movement,\n" +
			"checks them, sums models, funds and households per locality and period, and lays\n" +
			"the figures out as an A4 PDF report in Vietnamese or English.\n" +
			"Without --input it uses the embedded seed data from five press articles.\n\n" +
			"Exit status: 0 success, 1 bad data, 2 bad usage, 3 internal error.",
		Writer:         u.out,
		ErrWriter:      u.err,
		ExitErrHandler: func(*cli.Context, error) {}, // run maps errors to exit statuses
		OnUsageError:   onUsage,
		// --lang before the command only chooses the language of messages
		// about the command line itself.
		Flags: []cli.Flag{&cli.GenericFlag{Name: "lang", Value: &once{}, Hidden: true}},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("cli.unknown_command", msg.Quote(c.Args().First()), commandNames)
			}
			return usagef("cli.no_command", commandNames)
		},
		Commands: []*cli.Command{
			cmd(&cli.Command{
				Name:      "generate",
				Usage:     "make the PDF report",
				UsageText: "dvkreport generate [--input FILE]... [--locality NAME]... [--level LEVEL] [--period PERIOD] [-o OUT.pdf]",
				Description: "Writes the report to OUT.pdf, by default to a name made of the scope and period\n" +
					"(dvk-lang-son-2025-q3.pdf) in the current directory; \"-o -\" writes to standard output.\n" +
					"Bad data is refused with every problem listed, and no file is written.",
				Flags: append(filterFlags(),
					onceFlag("output", []string{"o"}, "", "write the PDF to `FILE` (\"-\" for standard output)"),
					&cli.BoolFlag{Name: "raster-charts", Usage: "embed the charts as 300-dpi PNG images instead of vector drawings"},
				),
				Action: func(c *cli.Context) error { return generate(c, u, e) },
			}),
			cmd(&cli.Command{
				Name:      "summary",
				Usage:     "print the aggregated figures",
				UsageText: "dvkreport summary [--input FILE]... [--locality NAME]... [--level LEVEL] [--period PERIOD] [--format table|csv|json]",
				Description: "Prints one row per locality at the chosen level, then a TOTAL row. The CSV's columns are\n" +
					"locality,economy,culture_society,defense_security,party_building,unclassified,new,sustained,\n" +
					"models,funds_vnd,households,beneficiaries and then the extra indicators, as plain integers.",
				Flags: append(filterFlags(),
					onceFlag("format", []string{"f"}, "table", "output `FORMAT`: table, csv or json"),
				),
				Action: func(c *cli.Context) error { return summary(c, u, e) },
			}),
			cmd(&cli.Command{
				Name:      "charts",
				Usage:     "write the report's charts as image files, for slides and web pages",
				UsageText: "dvkreport charts [--input FILE]... [--locality NAME]... [--level LEVEL] [--period PERIOD] [--format png|svg] --out DIR",
				Description: "Writes the charts of the report the same filters select into DIR, as PNG at 300 dpi or SVG\n" +
					"(bieu-do-1-models-by-field-and-locality.png, …). SVG text names the font rather than embedding it.",
				Flags: append(filterFlags(),
					onceFlag("format", []string{"f"}, "png", "image `FORMAT`: png or svg"),
					onceFlag("out", nil, ".", "write the files into folder `DIR`"),
				),
				Action: func(c *cli.Context) error { return charts(c, u, e) },
			}),
			cmd(&cli.Command{
				Name:      "localities",
				Usage:     "look up the official administrative units, to find a name or code to filter on",
				UsageText: "dvkreport localities [--search NAME] [--province NAME] [--as-of 2025|2024] [--format table|csv|json]",
				Description: "Lists units of the official gazetteer: with --search, the units whose names contain the words\n" +
					"(diacritics ignored; the nearest names when none does); with --province, that province's\n" +
					"communes (and districts, --as-of 2024); with neither, the provinces. --as-of 2025 (the default)\n" +
					"is the two-tier system from 1 July 2025; --as-of 2024 the units before it.",
				Flags: []cli.Flag{
					onceFlag("search", []string{"s"}, "", "units whose names contain `NAME`"),
					onceFlag("province", nil, "", "the communes of province `NAME` (or code)"),
					onceFlag("as-of", nil, "2025", "`YEAR`: 2025 for the units from 1 July 2025, 2024 for those before"),
					onceFlag("format", []string{"f"}, "table", "output `FORMAT`: table, csv or json"),
					langFlag(),
				},
				Action: func(c *cli.Context) error { return localities(c, u) },
			}),
			cmd(&cli.Command{
				Name:      "validate",
				Usage:     "check register files and list every problem",
				UsageText: "dvkreport validate [--strict-names] [--encoding CHARSET] [--lang vi|en] FILE...",
				Flags:     []cli.Flag{strictFlag(), encodingFlag(), langFlag()},
				Description: "Prints every problem as FILE:ROW:COLUMN: message (row 1 is the header) on standard output\n" +
					"and exits 1 if there is any. Without files it checks the embedded seed data.",
				Action: func(c *cli.Context) error { return validateFiles(c, u) },
			}),
		},
	}
}

func generate(c *cli.Context, u *ui, e env) error {
	if err := noArgs(c); err != nil {
		return err
	}
	opts, err := reportOptions(c)
	if err != nil {
		return err
	}
	out := str(c, "output")
	if err := outputPath(out); err != nil {
		return err
	}
	if err := outputPath(str(c, "excluded-csv")); err != nil {
		return err
	}
	opts.RasterCharts = c.Bool("raster-charts")
	s, err := report.Summarize(opts)
	if err != nil {
		return err
	}
	printWarnings(u, s.Warnings)
	if err := printExcluded(c, u, e, s); err != nil {
		return err
	}
	data, err := report.PDF(s, opts)
	if err != nil {
		return err
	}
	if out == "-" {
		_, err := u.out.Write(data)
		return err
	}
	if out == "" {
		out = report.FileName(s.Summary)
	}
	if err := output.Write(out, data, output.Options{Overwrite: true, Inputs: s.Files, Temps: e.temps}); err != nil {
		return err
	}
	u.say(msg.New("cli.wrote", out, msg.Number(len(data)), msg.Number(len(s.Lines)), msg.Number(s.Records)))
	return nil
}

func summary(c *cli.Context, u *ui, e env) error {
	if err := noArgs(c); err != nil {
		return err
	}
	opts, err := reportOptions(c)
	if err != nil {
		return err
	}
	form, err := oneOf(c, "format", "table", "csv", "json")
	if err != nil {
		return err
	}
	s, err := report.Summarize(opts)
	if err != nil {
		return err
	}
	printWarnings(u, s.Warnings)
	if err := printExcluded(c, u, e, s); err != nil {
		return err
	}
	return report.WriteSummary(u.out, s.Summary, form)
}

func charts(c *cli.Context, u *ui, e env) error {
	if err := noArgs(c); err != nil {
		return err
	}
	opts, err := reportOptions(c)
	if err != nil {
		return err
	}
	form, err := oneOf(c, "format", "png", "svg")
	if err != nil {
		return err
	}
	dir := str(c, "out")
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return usagef("cli.out_not_folder", dir)
	}
	s, err := report.Summarize(opts)
	if err != nil {
		return err
	}
	printWarnings(u, s.Warnings)
	files, err := report.Charts(s, form)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return &output.Error{Name: dir, Text: msg.New("output.failed", err), Err: err}
	}
	for _, f := range files {
		name := filepath.Join(dir, f.Name)
		if err := output.Write(name, f.Data, output.Options{Overwrite: true, Inputs: s.Files, Temps: e.temps}); err != nil {
			return err
		}
		u.say(msg.New("cli.wrote_chart", name, msg.Number(len(f.Data))))
	}
	return nil
}

func localities(c *cli.Context, u *ui) error {
	if err := noArgs(c); err != nil {
		return err
	}
	if _, err := language(c); err != nil {
		return err
	}
	era, err := era(c)
	if err != nil {
		return err
	}
	form, err := oneOf(c, "format", "table", "csv", "json")
	if err != nil {
		return err
	}
	units, err := report.Localities(report.LocalityQuery{Search: str(c, "search"), Province: str(c, "province"), Era: era})
	if err != nil {
		return err
	}
	return report.WriteUnits(u.out, units, form)
}

func validateFiles(c *cli.Context, u *ui) error {
	if _, err := language(c); err != nil {
		return err
	}
	files := c.Args().Slice()
	for _, f := range files {
		if strings.HasPrefix(f, "-") && len(f) > 1 {
			return usagef("cli.flag_after_files", msg.Quote(f))
		}
	}
	cs, err := charset.Parse(str(c, "encoding"))
	if err != nil {
		return usagef("cli.bad_encoding", msg.Quote(str(c, "encoding")))
	}
	d, err := report.Load(report.Options{Inputs: files, Encoding: cs})
	if err != nil {
		return err
	}
	problems := d.Problems
	if c.Bool("strict-names") {
		problems = append(problems, d.Warnings...)
	} else {
		printWarnings(u, d.Warnings)
	}
	what := strings.Join(files, ", ")
	if len(files) == 0 {
		what = report.SeedName
	}
	if len(problems) > 0 {
		for _, p := range problems {
			u.line(u.out, p.In(u.lang))
		}
		u.say(msg.New("cli.problems_found", len(problems)))
		return shown{problems}
	}
	fmt.Fprintln(u.out, msg.Safe(msg.New("cli.no_problems", what, len(d.Records)).In(u.lang)))
	return nil
}

// maxLines is how many problems or warnings a command prints before it
// counts the rest.
const maxLines = 20

// printExcluded says how many rows --skip-invalid left out, and why: the
// first problems, and all of them in the CSV file named by
// --excluded-csv.
func printExcluded(c *cli.Context, u *ui, e env, r *report.Result) error {
	if len(r.Excluded) == 0 {
		return nil
	}
	rows := map[record.Pos]bool{}
	for i, p := range r.Excluded {
		if i < maxLines {
			u.line(u.err, p.In(u.lang))
		}
		pos := p.Pos
		pos.Col = 0
		rows[pos] = true
	}
	if n := len(r.Excluded) - maxLines; n > 0 {
		u.say(msg.New("cli.more_problems", msg.Number(n)))
	}
	u.say(msg.New("cli.excluded", len(rows)))
	if name := str(c, "excluded-csv"); name != "" {
		var buf bytes.Buffer
		if err := report.WriteProblemsCSV(&buf, r.Excluded, u.lang); err != nil {
			return err
		}
		if err := output.Write(name, buf.Bytes(), output.Options{Overwrite: true, Inputs: r.Files, Temps: e.temps}); err != nil {
			return err
		}
		u.say(msg.New("cli.wrote_excluded", name, msg.Number(len(r.Excluded))))
	}
	return nil
}

// printWarnings writes the name warnings, which do not stop the command.
func printWarnings(u *ui, warnings []*record.InputError) {
	for _, w := range warnings {
		u.line(u.err, w.In(u.lang))
	}
	if n := len(warnings); n > 0 {
		u.say(msg.New("cli.warnings", n))
	}
}
