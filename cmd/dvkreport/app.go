package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/compare"
	"github.com/dvkreport/dvkreport/report/layout"
	"github.com/dvkreport/dvkreport/report/load/charset"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/output"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/report/settings"
	"github.com/dvkreport/dvkreport/report/validate"
)

// commandNames lists the commands, for the message about an unknown one.
const commandNames = "generate, summary, charts, mail, validate, inspect, localities, init, templates"

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
	app := &cli.App{
		Name:           "dvkreport",
		Usage:          "help.app_usage",
		UsageText:      "help.app_usage_text",
		Version:        version(),
		Description:    "help.app_description",
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
				Name:        "generate",
				Usage:       "help_generate.usage",
				UsageText:   "help_generate.usage_text",
				Description: "help_generate.description",
				Flags: append(append(append(filterFlags(), documentFlags()...), batchFlags()...),
					onceFlag("output", []string{"o"}, "", "help_flag.generate_output"),
					&cli.BoolFlag{Name: "raster-charts", Usage: "help_flag.raster_charts"},
				),
				Action: func(c *cli.Context) error { return generate(c, u, e) },
			}),
			cmd(&cli.Command{
				Name:        "summary",
				Usage:       "help_summary.usage",
				UsageText:   "help_summary.usage_text",
				Description: "help_summary.description",
				Flags: append(filterFlags(),
					onceFlag("format", []string{"f"}, "table", "help_flag.summary_format"),
					onceFlag("output", []string{"o"}, "", "help_flag.summary_output"),
					&cli.BoolFlag{Name: "bom", Usage: "help_flag.bom"},
				),
				Action: func(c *cli.Context) error { return summary(c, u, e) },
			}),
			cmd(&cli.Command{
				Name:        "charts",
				Usage:       "help_charts.usage",
				UsageText:   "help_charts.usage_text",
				Description: "help_charts.description",
				Flags: append(filterFlags(),
					onceFlag("format", []string{"f"}, "png", "help_flag.charts_format"),
					onceFlag("out", nil, ".", "help_flag.charts_out"),
					onceFlag("template", nil, "", "help_flag.charts_template"),
				),
				Action: func(c *cli.Context) error { return charts(c, u, e) },
			}),
			cmd(&cli.Command{
				Name:        "mail",
				Usage:       "help_mail.usage",
				UsageText:   "help_mail.usage_text",
				Description: "help_mail.description",
				Flags:       append(append(filterFlags(), documentFlags()...), mailFlags()...),
				Action:      func(c *cli.Context) error { return sendMail(c, u, e) },
			}),
			cmd(&cli.Command{
				Name:        "init",
				Usage:       "help_init.usage",
				UsageText:   "help_init.usage_text",
				Description: "help_init.description",
				Flags: []cli.Flag{
					onceFlag("output", []string{"o"}, "", "help_flag.init_output"),
					&cli.BoolFlag{Name: "force", Usage: "help_flag.init_force"},
					langFlag(),
				},
				Action: func(c *cli.Context) error { return initSettings(c, u, e) },
			}),
			cmd(&cli.Command{
				Name:        "templates",
				Usage:       "help_templates.usage",
				UsageText:   "help_templates.usage_text",
				Description: "help_templates.description",
				Flags: []cli.Flag{
					onceFlag("out", nil, "", "help_flag.templates_out"),
					&cli.BoolFlag{Name: "force", Usage: "help_flag.templates_force"},
					langFlag(),
				},
				Action: func(c *cli.Context) error { return writeTemplates(c, u) },
			}),
			cmd(&cli.Command{
				Name:        "localities",
				Usage:       "help_localities.usage",
				UsageText:   "help_localities.usage_text",
				Description: "help_localities.description",
				Flags: []cli.Flag{
					onceFlag("search", []string{"s"}, "", "help_flag.search"),
					onceFlag("province", nil, "", "help_flag.province"),
					onceFlag("as-of", nil, "2025", "help_flag.as_of"),
					onceFlag("format", []string{"f"}, "table", "help_flag.localities_format"),
					langFlag(),
				},
				Action: func(c *cli.Context) error { return localities(c, u) },
			}),
			cmd(&cli.Command{
				Name:        "inspect",
				Usage:       "help_inspect.usage",
				UsageText:   "help_inspect.usage_text",
				Description: "help_inspect.description",
				Flags: []cli.Flag{encodingFlag(),
					onceFlag("assume-period", nil, "", "help_flag.assume_period"),
					langFlag()},
				Action: func(c *cli.Context) error { return inspect(c, u) },
			}),
			cmd(&cli.Command{
				Name:      "validate",
				Usage:     "help_validate.usage",
				UsageText: "help_validate.usage_text",
				Flags: []cli.Flag{strictFlag(), encodingFlag(), warningsFlag(),
					onceFlag("assume-period", nil, "", "help_flag.assume_period"),
					langFlag()},
				Description: "help_validate.description",
				Action:      func(c *cli.Context) error { return validateFiles(c, u) },
			}),
		},
	}
	return app
}

func generate(c *cli.Context, u *ui, e env) error {
	opts, set, err := documentReport(c)
	if err != nil {
		return err
	}
	warnExampleSigner(u, opts)
	if err := checkOutputSetting(c, set); err != nil {
		return err
	}
	level, dir, jobs, err := splitOptions(c, set)
	if err != nil {
		return err
	}
	out := str(c, "output")
	outFolder := "" // a folder of the settings file to make before writing
	if level == 0 && !c.IsSet("output") && set.Output != "" {
		out, outFolder = set.Output+string(filepath.Separator), set.Output
	} else if err := reportPath(out); err != nil {
		return err
	}
	if err := outputPath(str(c, "excluded-csv")); err != nil {
		return err
	}
	opts.RasterCharts = c.Bool("raster-charts")
	setMemoryLimit(e, opts.Inputs, level == 0)
	if level != 0 {
		return generateBatch(c, u, e, opts, level, dir, jobs)
	}
	s, err := report.Summarize(opts)
	if err != nil {
		return err
	}
	printSkipped(u, s.Skipped)
	printWarnings(c, u, s.Warnings)
	warnEmpty(u, s)
	warnReform(u, s)
	if err := printExcluded(c, u, e, s); err != nil {
		return err
	}
	if opts.Form == layout.Party && !report.DocumentDate(s, opts).Before(report.PartyRules2026) {
		u.say(msg.New("cli.party_rules_2026"))
	}
	data, err := report.PDF(s, opts)
	if err != nil {
		return err
	}
	if out == "-" {
		_, err := u.out.Write(data)
		return err
	}
	out = singleOutput(out, report.FileName(s.Summary))
	if outFolder != "" {
		if err := os.MkdirAll(outFolder, 0o777); err != nil {
			return &output.Error{Name: outFolder, Text: msg.New("output.failed", err), Err: err}
		}
	}
	if err := output.Write(out, data, output.Options{Overwrite: true, Inputs: s.Files, Temps: e.temps}); err != nil {
		return err
	}
	u.say(msg.New("cli.wrote", out, msg.Number(len(data)), msg.Number(len(s.Lines)), msg.Number(s.Records)))
	return nil
}

// checkOutputSetting checks the settings file's folder for the reports,
// used when no flag names one (a twenty-eighth review found the key read
// and never used), made only when a report is written into it: the
// folder, or the nearest of its parents that exists, must be a folder,
// said of the settings file (a thirtieth review: "m.csv/sub" failed
// after the report was made).
func checkOutputSetting(c *cli.Context, set *settings.Settings) error {
	if set.Output == "" || c.IsSet("output") || c.IsSet("out-dir") {
		return nil
	}
	for p := filepath.Clean(set.Output); ; p = filepath.Dir(p) {
		if fi, err := os.Stat(p); err == nil {
			if !fi.IsDir() {
				return usagef("cli.output_setting_file", set.File, set.Output)
			}
			return nil
		}
		if filepath.Dir(p) == p {
			return nil
		}
	}
}

func summary(c *cli.Context, u *ui, e env) error {
	if err := noArgs(c); err != nil {
		return err
	}
	opts, set, err := reportOptions(c)
	if err != nil {
		return err
	}
	opts.Templates = set.Templates
	form, err := oneOf(c, "format", "table", "csv", "json", "xlsx")
	if err != nil {
		return err
	}
	out := str(c, "output")
	if err := outputPath(out); err != nil {
		return err
	}
	if form == "xlsx" && (out == "" || out == "-") && isTerminal(u.out) {
		return usagef("cli.xlsx_needs_output")
	}
	opts.BOM = c.Bool("bom")
	setMemoryLimit(e, opts.Inputs, true)
	s, err := report.Summarize(opts)
	if err != nil {
		return err
	}
	printSkipped(u, s.Skipped)
	printWarnings(c, u, s.Warnings)
	warnEmpty(u, s)
	warnReform(u, s)
	if err := printExcluded(c, u, e, s); err != nil {
		return err
	}
	if out == "" || out == "-" {
		return report.WriteSummary(u.out, s, form, opts)
	}
	var buf bytes.Buffer
	if err := report.WriteSummary(&buf, s, form, opts); err != nil {
		return err
	}
	if err := output.Write(out, buf.Bytes(), output.Options{Overwrite: true, Inputs: s.Files, Temps: e.temps}); err != nil {
		return err
	}
	u.say(msg.New("cli.wrote_chart", out, msg.Number(buf.Len())))
	return nil
}

func charts(c *cli.Context, u *ui, e env) error {
	if err := noArgs(c); err != nil {
		return err
	}
	opts, set, err := reportOptions(c)
	if err != nil {
		return err
	}
	if opts.Templates = setting(c, "template", set.Templates); opts.Templates != "" {
		if _, err := os.Stat(opts.Templates); err != nil {
			return usagef("cli.no_template", opts.Templates)
		}
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
	printSkipped(u, s.Skipped)
	printWarnings(c, u, s.Warnings)
	warnEmpty(u, s)
	warnReform(u, s)
	files, err := report.Charts(s, form, opts)
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
	var assume record.Period
	if p := str(c, "assume-period"); p != "" {
		if assume, err = record.ParsePeriod(p); err != nil {
			return usagef("cli.bad_flag", "--assume-period", err)
		}
	}
	d, err := report.Load(report.Options{Inputs: files, Encoding: cs, AssumePeriod: assume})
	if err != nil {
		return err
	}
	printSkipped(u, d.Skipped)
	problems := d.Problems
	if c.Bool("strict-names") {
		problems = append(problems, d.Warnings...)
	} else {
		printWarnings(c, u, d.Warnings)
	}
	what := strings.Join(files, ", ")
	if len(files) == 0 {
		what = report.SeedName
	}
	if len(problems) > 0 {
		printProblems(u, problems, u.out, 0)
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
	if len(r.ExcludedElsewhere) > 0 {
		// Rows of other periods or localities, left out too: not in this
		// report, but said, with the first of them.
		rows := map[record.Pos]bool{}
		for _, p := range r.ExcludedElsewhere {
			pos := p.Pos
			pos.Col = 0
			rows[pos] = true
		}
		u.say(msg.New("cli.excluded_elsewhere", len(rows), r.ExcludedElsewhere[0].In(u.lang)))
	}
	if len(r.Excluded) == 0 {
		return nil
	}
	for i, p := range r.Excluded {
		if i < maxLines {
			u.line(u.err, p.In(u.lang))
		}
	}
	if n := len(r.Excluded) - maxLines; n > 0 {
		u.say(msg.New("cli.more_problems", msg.Number(n)))
	}
	u.say(msg.New("cli.excluded", r.ExcludedRows()))
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

// printSkipped says which files of the folders read were left out
// because dvkreport wrote them itself (a batch's manifest, a summary).
func printSkipped(u *ui, files []report.OwnFile) {
	for _, f := range files {
		u.say(msg.New("report.own_skipped", f.File, msg.New("report.own_"+f.Kind)))
	}
}

// warnReform warns when a report without --boundaries 2025 sums rows
// from both sides of the reform of 1 July 2025: the rows before it name
// the old units (districts, old communes), those after it the new ones,
// so one model reported on both sides may be two places, and two models.
func warnReform(u *ui, r *report.Result) {
	if r.Boundaries2025 || r.Records == 0 {
		return
	}
	reform := record.QuarterOf(2025, 3)
	// The report's own period, and the periods it is compared with: the
	// first report after the reform compares with the quarter before it,
	// and its year to date spans it (a ninth review found a model counted
	// twice there, without a word).
	var bases []record.Period
	if c := r.Comparison; c != nil {
		for _, b := range []*compare.Base{c.Previous, c.YearAgo, c.YearToDate} {
			if b != nil {
				bases = append(bases, b.Period)
			}
		}
	}
	own, all := [2]bool{}, [2]bool{} // rows before and after the reform: in the period, in it or its bases
	for _, p := range r.Summary.Periods() {
		side := 0
		switch {
		case p.Last < reform:
		case p.First >= reform:
			side = 1
		default:
			continue
		}
		if r.Summary.Period.IsZero() || r.Summary.Period.Contains(p) {
			own[side], all[side] = true, true
		}
		for _, b := range bases {
			if b.Contains(p) {
				all[side] = true
			}
		}
	}
	switch {
	case own[0] && own[1]:
		u.say(msg.New("warning", msg.New("cli.reform_span")))
	case all[0] && all[1]:
		u.say(msg.New("warning", msg.New("cli.reform_compare")))
	}
}

// warnEmpty warns when a report of a period has no row at all: a quarter
// with nothing reported is a report to sign, but more often the period
// or the data is not the one meant, so the periods the data has are
// named.
func warnEmpty(u *ui, r *report.Result) {
	if r.Records > 0 || r.Summary.Period.IsZero() {
		return
	}
	periods := r.Summary.Periods()
	if len(periods) == 0 {
		u.say(msg.New("warning", msg.New("cli.empty_scope", r.Summary.Period)))
		return
	}
	var list msg.List
	for i, p := range periods {
		if i == 12 {
			list = append(list, "…")
			break
		}
		list = append(list, p)
	}
	u.say(msg.New("warning", msg.New("cli.empty_period", r.Summary.Period, list)))
}

// printWarnings writes the warnings, which do not stop the command,
// grouped by cause: one line for each file, column and message, with the
// rows it holds for ("…: 14 rows (5, 9, 12, …)"), at most maxLines of them
// unless --warnings all.
func printWarnings(c *cli.Context, u *ui, warnings []*record.InputError) {
	if len(warnings) == 0 {
		return
	}
	type group struct {
		first *record.InputError
		rows  []int
	}
	var groups []*group
	index := map[string]*group{}
	for _, w := range warnings {
		k := w.Pos.File + "\x00" + w.Pos.Sheet + "\x00" + w.Column + "\x00" + w.Msg.In(u.lang)
		g, ok := index[k]
		if !ok {
			g = &group{first: w}
			index[k] = g
			groups = append(groups, g)
		}
		g.rows = append(g.rows, w.Pos.Row)
	}
	all := str(c, "warnings") == "all"
	for i, g := range groups {
		if i == maxLines && !all {
			u.say(msg.New("cli.more_warnings", msg.Number(len(groups)-maxLines)))
			break
		}
		if len(g.rows) == 1 {
			u.line(u.err, g.first.In(u.lang))
			continue
		}
		var rows []string
		for k, r := range g.rows {
			if k == 3 {
				rows = append(rows, "…")
				break
			}
			rows = append(rows, fmt.Sprint(r))
		}
		where := record.Pos{File: g.first.Pos.File, Sheet: g.first.Pos.Sheet}
		text := g.first.Msg.In(u.lang)
		if g.first.Column != "" {
			text = msg.Shorten(g.first.Column, 40) + ": " + text
		}
		u.line(u.err, where.String()+": "+text+": "+msg.New("cli.rows", msg.Number(len(g.rows)), strings.Join(rows, ", ")).In(u.lang))
	}
	u.say(msg.New("cli.warnings", len(warnings)))
}

// printProblems writes the problems of the data, at most maxLines of them,
// and once the list of fields if a field is unknown.
func printProblems(u *ui, problems validate.Problems, w io.Writer, limit int) {
	field := false
	for i, p := range problems {
		if limit > 0 && i == limit {
			u.say(msg.New("cli.more_problems_validate", msg.Number(len(problems)-limit)))
			break
		}
		u.line(w, p.In(u.lang))
	}
	for _, p := range problems {
		if p.Msg.Has("field.unknown") {
			field = true
			break
		}
	}
	if field {
		u.say(msg.New("field.hint"))
	}
}

// inspect shows how the files are read.
func inspect(c *cli.Context, u *ui) error {
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
	var assume record.Period
	if p := str(c, "assume-period"); p != "" {
		if assume, err = record.ParsePeriod(p); err != nil {
			return usagef("cli.bad_flag", "--assume-period", err)
		}
	}
	d, err := report.Load(report.Options{Inputs: files, Encoding: cs, AssumePeriod: assume})
	if err != nil {
		return err
	}
	say := func(indent string, t msg.Text) { u.line(u.out, indent+t.In(u.lang)) }
	printSkipped(u, d.Skipped)
	for _, sh := range d.Sheets {
		where := record.Pos{File: sh.File, Sheet: sh.Sheet}.String()
		if !sh.Register {
			say("", msg.New("inspect.not_register", where))
			continue
		}
		header := msg.New("inspect.header_row", sh.HeaderFirst)
		if sh.HeaderLast > sh.HeaderFirst {
			header = msg.New("inspect.header_rows", sh.HeaderFirst, sh.HeaderLast)
		} else if sh.HeaderFirst == 0 {
			header = msg.New("inspect.header_keys")
		}
		say("", msg.New("inspect.sheet", where, header, msg.Number(sh.DataRows)))
		for _, col := range sh.Columns {
			meaning := msg.New("inspect.col_" + col.Key)
			if col.Key == "" {
				meaning = msg.New("inspect.col_none")
			} else if strings.HasPrefix(col.Key, "funds") || col.Key == "extra" {
				switch unit := msg.New(fmt.Sprintf("inspect.unit_%d", col.Scale)); {
				case col.Scale > 0 && col.UnitRow > 0:
					meaning = msg.New("inspect.in_unit_line", meaning, unit, col.UnitRow)
				case col.Scale > 1:
					meaning = msg.New("inspect.in_unit", meaning, unit)
				}
			}
			u.line(u.out, fmt.Sprintf("  %-3s %-44s %s", record.ColumnName(col.Col), msg.Shorten(col.Header, 44), meaning.In(u.lang)))
		}
		if !sh.PeriodFrom.IsZero() {
			say("  ", msg.New("inspect.period", sh.Period, sh.PeriodFrom))
		}
		for _, k := range sh.Skipped {
			m := msg.New("inspect.skipped_row", k.First, msg.New("inspect.skip_"+k.Kind), msg.Quote(k.Text))
			if k.Last > k.First {
				m = msg.New("inspect.skipped_rows", fmt.Sprintf("%d–%d", k.First, k.Last), msg.New("inspect.skip_"+k.Kind), msg.Quote(k.Text))
			}
			say("  ", m)
		}
		switch {
		case sh.Summary:
			say("  ", msg.New("inspect.summary"))
		case sh.TotalRow > 0 && sh.TotalMatches:
			say("  ", msg.New("inspect.total_matches", sh.TotalRow))
		case sh.TotalRow > 0:
			say("  ", msg.New("inspect.total_differs", sh.TotalRow))
		}
	}
	printWarnings(c, u, d.Warnings)
	if len(d.Problems) > 0 {
		u.say(msg.New("inspect.problems", len(d.Problems)))
	}
	return nil
}
