package main

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/batch"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/settings"
)

// The flags of a batch of reports.
func batchFlags() []cli.Flag {
	return []cli.Flag{
		onceFlag("split-by", nil, "", "help_flag.split_by"),
		onceFlag("out-dir", nil, "", "help_flag.out_dir"),
		&cli.BoolFlag{Name: "with-total", Usage: "help_flag.with_total"},
		onceFlag("jobs", nil, "", "help_flag.jobs"),
		&cli.BoolFlag{Name: "force", Usage: "help_flag.force"},
	}
}

// splitOptions reads the batch flags: the level to split by, 0 when the
// command makes one report, and the batch's folder: --out-dir, or the
// settings file's output folder.
func splitOptions(c *cli.Context, set *settings.Settings) (level aggregate.Level, dir string, jobs int, err error) {
	v := str(c, "split-by")
	dir = setting(c, "out-dir", set.Output)
	if v == "" {
		for _, f := range []string{"out-dir", "with-total", "jobs"} {
			if c.IsSet(f) {
				return 0, "", 0, usagef("cli.needs_split", "--"+f)
			}
		}
		return 0, "", 0, nil
	}
	if level, err = aggregate.ParseLevel(v); err != nil || level == aggregate.LevelAuto {
		return 0, "", 0, usagef("cli.bad_choice", "--split-by", msg.Quote(v), "province, district, commune")
	}
	if dir == "" {
		return 0, "", 0, usagef("cli.needs_out_dir")
	}
	if c.IsSet("output") {
		return 0, "", 0, usagef("cli.output_and_split")
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return 0, "", 0, usagef("cli.out_not_folder", dir)
	}
	if j := str(c, "jobs"); j != "" {
		if jobs, err = strconv.Atoi(j); err != nil || jobs < 1 || jobs > 1024 {
			return 0, "", 0, usagef("cli.bad_jobs", msg.Quote(j))
		}
	}
	return level, dir, jobs, nil
}

// generateBatch writes one report per locality of the scope at level into
// dir: the data is loaded and checked once, the reports made in parallel.
func generateBatch(c *cli.Context, u *ui, e env, opts report.Options, level aggregate.Level, dir string, jobs int) error {
	start := time.Now()
	d, whole, err := loadWhole(c, u, e, opts)
	if err != nil {
		return err
	}
	opts.Cache = report.NewCache() // the reports' texts and fonts, made once
	parts, apart, err := d.Split(opts, level)
	if err != nil {
		return err
	}
	warnApart(u, apart, len(parts), !c.Bool("with-total"))
	var list []batch.Job
	for _, p := range parts {
		parent := ""
		if len(p.Path) > 1 {
			parent = p.Path[len(p.Path)-2]
		}
		list = append(list, batch.Job{
			Locality: strings.Join(p.Path, "/"), Name: p.Name(), Code: p.Code, Parent: parent,
			Make: func() ([]byte, int, error) {
				r, err := p.Result()
				if err != nil {
					return nil, 0, err
				}
				data, err := report.PDF(r, p.Options())
				return data, report.Pages(data), err
			},
		})
	}
	names := batch.Names(list, "dvk-", "-"+report.PeriodSlug(whole.Period), ".pdf")
	if c.Bool("with-total") {
		total := batch.Job{Locality: scopeName(whole), Name: "total",
			Make: func() ([]byte, int, error) {
				data, err := report.PDF(whole, opts)
				return data, report.Pages(data), err
			}}
		list = append([]batch.Job{total}, list...)
		names = append([]string{report.FileName(whole.Summary)}, names...)
		// The total's name is the single report's, distinct from the
		// localities' as long as theirs are; number it if not.
		for _, n := range names[1:] {
			if strings.EqualFold(n, names[0]) {
				names[0] = strings.TrimSuffix(names[0], ".pdf") + "-total.pdf"
			}
		}
	}
	prog := newProgress(u, len(list))
	res, err := batch.Run(context.Background(), list, batch.Options{
		Dir: dir, Names: names, Force: c.Bool("force"), Jobs: jobs, Inputs: d.Files, Temps: e.temps,
		Progress: prog.event, Manifest: batch.ManifestFor(report.PeriodSlug(whole.Period)),
	})
	prog.wait()
	var ee *batch.ExistsError
	if errors.As(err, &ee) {
		return usagef("cli.batch_exists", len(ee.Names), dir, ee.Names[0])
	}
	if res == nil {
		return err
	}
	printFailures(u, res.Failures)
	secs := strconv.FormatFloat(time.Since(start).Seconds(), 'f', 1, 64)
	if u.lang == msg.VI {
		secs = strings.Replace(secs, ".", ",", 1) // 0,5 giây
	}
	if res.Manifest == "" {
		u.say(msg.New("cli.batch_done_no_list", msg.Number(len(res.Files)), dir, len(res.Failures), secs))
	} else {
		u.say(msg.New("cli.batch_done", msg.Number(len(res.Files)), dir, len(res.Failures), secs, res.Manifest))
	}
	if err != nil {
		return err
	}
	if len(res.Failures) > 0 {
		return shown{errors.New("batch: some reports failed")}
	}
	return nil
}

// loadWhole loads and checks the data once, for several reports, and
// summarises the whole scope, saying what loading found (the name
// warnings, the rows left out).
func loadWhole(c *cli.Context, u *ui, e env, opts report.Options) (*report.Data, *report.Result, error) {
	d, err := report.Load(opts)
	if err != nil {
		return nil, nil, err
	}
	if err := d.Check(opts); err != nil {
		return nil, nil, err
	}
	whole, err := d.Summarize(opts)
	if err != nil {
		return nil, nil, err
	}
	printSkipped(u, whole.Skipped)
	printWarnings(c, u, whole.Warnings)
	warnEmpty(u, whole)
	warnReform(u, whole)
	if err := printExcluded(c, u, e, whole); err != nil {
		return nil, nil, err
	}
	return d, whole, nil
}

// scopeName names a summary's scope for the manifest.
func scopeName(r *report.Result) string {
	if len(r.Scope) == 0 {
		return "*"
	}
	var out []string
	for _, p := range r.Scope {
		var names []string // a 2025 commune's path has no district
		for _, n := range p {
			if n != "" {
				names = append(names, n)
			}
		}
		out = append(out, strings.Join(names, "/"))
	}
	return strings.Join(out, "; ")
}

// progress shows a batch's progress: a bar on a terminal, a line per file
// otherwise.
type progress struct {
	u   *ui
	p   *mpb.Progress
	bar *mpb.Bar
}

func newProgress(u *ui, total int) *progress {
	pr := &progress{u: u}
	if isTerminal(u.err) {
		pr.p = mpb.New(mpb.WithOutput(u.err), mpb.WithWidth(40))
		pr.bar = pr.p.AddBar(int64(total),
			mpb.PrependDecorators(decor.Name("dvkreport "), decor.CountersNoUnit("%d/%d")),
			mpb.AppendDecorators(decor.Percentage(decor.WCSyncSpace), decor.Name(" "), decor.EwmaETA(decor.ET_STYLE_GO, 30)),
		)
	}
	return pr
}

func (pr *progress) event(ev batch.Event) {
	if pr.bar != nil {
		pr.bar.Increment()
		return
	}
	if ev.Err == nil {
		pr.u.say(msg.New("cli.batch_file", msg.Number(ev.Done), msg.Number(ev.Total), ev.File))
	}
}

func (pr *progress) wait() {
	if pr.p == nil {
		return
	}
	if !pr.bar.Completed() {
		pr.bar.Abort(false)
	}
	pr.p.Wait()
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// singleOutput is the file of a single report: -o as given, the default
// name inside a folder -o names (an existing one, or one written with a
// final slash), and ".pdf" added to a name without an extension.
func singleOutput(out, defaultName string) string {
	switch {
	case out == "":
		return defaultName
	case out == "-":
		return out
	case strings.HasSuffix(out, "/") || strings.HasSuffix(out, string(filepath.Separator)):
		return filepath.Join(out, defaultName)
	}
	if fi, err := os.Stat(out); err == nil && fi.IsDir() {
		return filepath.Join(out, defaultName)
	}
	if filepath.Ext(out) == "" {
		return out + ".pdf"
	}
	return out
}

// printFailures says which reports of a batch failed and why: the first
// maxLines, then how many more.
// warnApart says which figures of a split's scope are in none of its n
// reports (report.Apart), and, with hint, how to write the report that
// holds them.
func warnApart(u *ui, apart []report.Apart, n int, hint bool) {
	for _, a := range apart {
		key := "cli.split_apart"
		switch {
		case a.Unassigned:
			key = "cli.split_apart_unassigned"
		case a.Communes:
			key = "cli.split_apart_communes"
		}
		u.line(u.err, msg.New("warning", msg.New(key, a.Name, msg.Number(a.Models), msg.Number(a.FundsVND), msg.Number(n))).In(u.lang))
	}
	if hint && len(apart) > 0 {
		u.line(u.err, msg.New("warning", msg.New("cli.split_apart_hint")).In(u.lang))
	}
}

func printFailures(u *ui, failures []batch.Failure) {
	for i, f := range failures {
		if i == maxLines {
			u.say(msg.New("cli.more_problems", len(failures)-maxLines))
			break
		}
		u.say(msg.New("cli.batch_failed", f.Job.Locality, msg.Arg(f.Err, u.lang)))
	}
}
