package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	netmail "net/mail"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/batch"
	"github.com/dvkreport/dvkreport/report/mail"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/output"
	"github.com/dvkreport/dvkreport/report/settings"
)

// The flags of the mail command, after the report's.
func mailFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "to", Usage: "help_flag.to"},
		&cli.StringSliceFlag{Name: "cc", Usage: "help_flag.cc"},
		onceFlag("from", nil, "", "help_flag.from"),
		onceFlag("subject", nil, "", "help_flag.subject"),
		onceFlag("body-file", nil, "", "help_flag.body_file"),
		onceFlag("eml", nil, "", "help_flag.eml"),
		onceFlag("smtp", nil, "", "help_flag.smtp"),
		&cli.BoolFlag{Name: "insecure", Usage: "help_flag.insecure"},
		onceFlag("smtp-ca", nil, "", "help_flag.smtp_ca"),
		onceFlag("to-map", nil, "", "help_flag.to_map"),
		&cli.BoolFlag{Name: "dry-run", Usage: "help_flag.dry_run"},
		onceFlag("max-attachment", nil, "10MB", "help_flag.max_attachment"),
		onceFlag("split-by", nil, "", "help_flag.mail_split_by"),
		onceFlag("out-dir", nil, "", "help_flag.mail_out_dir"),
		onceFlag("jobs", nil, "", "help_flag.mail_jobs"),
		&cli.BoolFlag{Name: "force", Usage: "help_flag.mail_force"},
	}
}

// mailSetup is what the mail command checked before reading any data.
type mailSetup struct {
	from     string
	to, cc   []string
	subject  string
	body     string
	eml      string
	server   *mail.Server
	maxBytes int
	toMap    []mapEntry
	dryRun   bool
	manifest string // with --dry-run, the manifest's name in outDir
	outDir   string // with --dry-run, --out-dir or the settings file's output folder
}

// flagAddresses returns the addresses of a flag given once or more, each
// a list. urfave/cli splits a value at its commas, the one inside a
// display name in double quotes too ("UBND xã Cao Lộc, Lạng Sơn"
// <caoloc@x.vn>, a twenty-eighth review): the pieces are joined again and
// split as addresses are.
func flagAddresses(c *cli.Context, name string) []string {
	return splitAddresses(strings.Join(c.StringSlice(name), ", "))
}

// splitAddresses splits a list of addresses at its commas and semicolons,
// except those inside double quotes (a display name) or angle brackets,
// dropping empty items.
func splitAddresses(list string) []string {
	var out []string
	quoted, angled, start := false, false, 0
	add := func(end int) {
		if a := strings.TrimSpace(list[start:end]); a != "" {
			out = append(out, a)
		}
		start = end + 1
	}
	for i := 0; i < len(list); i++ {
		switch c := list[i]; {
		case c == '\\' && quoted:
			i++ // an escaped character of a display name
		case c == '"':
			quoted = !quoted
		case c == '<' && !quoted:
			angled = true
		case c == '>' && !quoted:
			angled = false
		case (c == ',' || c == ';') && !quoted && !angled:
			add(i)
		}
	}
	add(len(list))
	return out
}

// settingSource names where a value of setting(c, flag, …) came from, for
// a message: the flag, or the settings file and its key (a twenty-eighth
// review found a bad mail.from of the file blamed on --from).
func settingSource(c *cli.Context, flag, key string, s *settings.Settings) string {
	if c.IsSet(flag) || s.File == "" {
		return "--" + flag
	}
	return s.File + ": " + key
}

// addressHint says, in the user's language, how to write an address
// that mail.ParseAddressList refused.
func addressHint(a string) msg.Text {
	switch parsed, err := netmail.ParseAddress(a); {
	case strings.ContainsAny(a, "\r\n"):
		return msg.New("cli.address_line_break")
	case err == nil && strings.ContainsFunc(parsed.Address, func(r rune) bool { return r >= utf8.RuneSelf }):
		return msg.New("cli.address_not_ascii")
	case err != nil && strings.Contains(strings.SplitN(a, "<", 2)[0], ",") && !strings.Contains(a, `"`):
		return msg.New("cli.address_comma")
	}
	return msg.New("cli.address_form")
}

// readMailSetup checks the mail flags over the settings.
func readMailSetup(c *cli.Context, s *settings.Settings, e env, split bool) (*mailSetup, error) {
	m := &mailSetup{
		from: setting(c, "from", s.Mail.From), to: flagAddresses(c, "to"), cc: flagAddresses(c, "cc"),
		subject: str(c, "subject"), eml: str(c, "eml"), dryRun: c.Bool("dry-run"),
	}
	if m.from == "" {
		return nil, usagef("cli.mail_needs_from")
	}
	if _, err := mail.ParseAddressList([]string{m.from}); err != nil {
		return nil, usagef("cli.bad_address", settingSource(c, "from", "mail.from", s), msg.Quote(m.from), addressHint(m.from))
	}
	for _, f := range []struct {
		flag string
		list []string
	}{{"--to", m.to}, {"--cc", m.cc}} {
		for k, a := range f.list {
			if _, err := mail.ParseAddressList([]string{a}); err != nil {
				if k+1 < len(f.list) && !strings.Contains(a, "@") && strings.Contains(f.list[k+1], "<") {
					a += ", " + f.list[k+1] // a display name cut at its comma
				}
				return nil, usagef("cli.bad_address", f.flag, msg.Quote(a), addressHint(a))
			}
		}
	}
	if split {
		if len(m.to) > 0 {
			return nil, usagef("cli.to_and_split")
		}
		if m.eml != "" {
			// One file holds one message: a split's others were dropped
			// (a twenty-eighth review).
			return nil, usagef("cli.eml_and_split")
		}
		name := setting(c, "to-map", s.Mail.ToMap)
		if name == "" {
			return nil, usagef("cli.needs_to_map")
		}
		var err error
		if m.toMap, err = readToMap(name); err != nil {
			return nil, err
		}
		m.outDir = setting(c, "out-dir", s.Output)
		if m.dryRun && m.outDir == "" {
			return nil, usagef("cli.needs_out_dir")
		}
	} else {
		if len(m.to) == 0 {
			return nil, usagef("cli.mail_needs_to")
		}
		for _, f := range []string{"to-map", "dry-run", "out-dir"} {
			if c.IsSet(f) {
				return nil, usagef("cli.needs_split", "--"+f)
			}
		}
	}
	// A subject or a body the message cannot carry is said before the
	// reports are made, naming the flag or the file (a twenty-eighth
	// review found them said after, in Go's English).
	if strings.ContainsAny(m.subject, "\r\n") {
		return nil, usagef("cli.subject_line_break")
	}
	if !utf8.ValidString(m.subject) {
		return nil, usagef("cli.subject_not_utf8")
	}
	if b := str(c, "body-file"); b != "" {
		data, err := os.ReadFile(b)
		if err != nil {
			return nil, usagef("cli.no_file", b)
		}
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // Notepad's byte-order mark
		if !utf8.Valid(data) {
			return nil, usagef("cli.body_not_utf8", b)
		}
		m.body = string(data)
	}
	size, err := parseSize(str(c, "max-attachment"))
	if err != nil {
		return nil, usagef("cli.bad_size", "--max-attachment", msg.Quote(str(c, "max-attachment")))
	}
	m.maxBytes = size
	addr := setting(c, "smtp", s.Mail.SMTP)
	switch {
	case m.eml != "" && c.IsSet("smtp"):
		return nil, usagef("cli.eml_and_smtp")
	case m.eml != "" || m.dryRun:
		if m.eml != "" {
			if err := outputPath(m.eml); err != nil {
				return nil, err
			}
		}
	case addr == "":
		return nil, usagef("cli.mail_needs_server")
	default:
		if _, _, err := splitHostPort(addr); err != nil {
			return nil, usagef("cli.bad_smtp", settingSource(c, "smtp", "mail.smtp", s), msg.Quote(addr))
		}
		user := e.getenv("DVK_SMTP_USER")
		if user == "" {
			user = s.Mail.User
		}
		m.server = &mail.Server{Addr: addr, User: user, Password: e.getenv("DVK_SMTP_PASSWORD"),
			Insecure: c.Bool("insecure") || s.Mail.Insecure}
		if ca := setting(c, "smtp-ca", s.Mail.CAFile); ca != "" {
			pem, err := os.ReadFile(ca)
			if err != nil {
				return nil, usagef("cli.no_file", ca)
			}
			pool, err := x509.SystemCertPool()
			if err != nil {
				pool = x509.NewCertPool()
			}
			if !pool.AppendCertsFromPEM(pem) {
				return nil, usagef("cli.bad_ca", ca)
			}
			m.server.TLSConfig = &tls.Config{RootCAs: pool}
		}
		if user != "" && m.server.Password == "" {
			return nil, usagef("cli.no_password")
		}
	}
	return m, nil
}

func splitHostPort(addr string) (string, int, error) {
	i := strings.LastIndexByte(addr, ':')
	if i <= 0 {
		return "", 0, errors.New("no port")
	}
	p, err := strconv.Atoi(addr[i+1:])
	if err != nil || p < 1 || p > 65535 {
		return "", 0, errors.New("bad port")
	}
	return addr[:i], p, nil
}

// parseSize reads 10MB, 512KB, 2000000.
func parseSize(s string) (int, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	mult := 1
	for _, u := range []struct {
		suffix string
		n      int
	}{{"MIB", 1 << 20}, {"KIB", 1 << 10}, {"MB", 1e6}, {"KB", 1e3}, {"M", 1e6}, {"K", 1e3}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.n
			break
		}
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n <= 0 {
		return 0, errors.New("bad size")
	}
	return int(n * float64(mult)), nil
}

// sendMail is the mail command.
func sendMail(c *cli.Context, u *ui, e env) error {
	opts, set, err := documentReport(c)
	if err != nil {
		return err
	}
	warnExampleSigner(u, opts)
	level := aggregate.LevelAuto
	if v := str(c, "split-by"); v != "" {
		if level, err = aggregate.ParseLevel(v); err != nil || level == aggregate.LevelAuto {
			return usagef("cli.bad_choice", "--split-by", msg.Quote(v), "province, district, commune")
		}
	}
	jobs := 0
	if j := str(c, "jobs"); j != "" {
		if jobs, err = strconv.Atoi(j); err != nil || jobs < 1 || jobs > 1024 {
			return usagef("cli.bad_jobs", msg.Quote(j))
		}
	}
	m, err := readMailSetup(c, set, e, level != aggregate.LevelAuto)
	if err != nil {
		return err
	}
	d, whole, err := loadWhole(c, u, e, opts)
	if err != nil {
		return err
	}
	if level == aggregate.LevelAuto {
		msg1, err := m.message(u, whole, opts, m.to, report.FileName(whole.Summary))
		if err != nil {
			return err
		}
		return m.deliver(c, u, e, []*mail.Message{msg1}, []string{scopeName(whole)}, d.Files)
	}
	opts.Cache = report.NewCache() // the reports' texts and fonts, made once
	parts, apart, err := d.Split(opts, level)
	if err != nil {
		return err
	}
	warnApart(u, apart, len(parts), false)
	all, unused, again := recipients(m.toMap, parts)
	for _, a := range again {
		u.line(u.err, a.row.pos+": "+msg.New("warning", msg.New("cli.to_map_again", strings.Join(a.part.Path, "/"), a.first)).In(u.lang))
	}
	// A row that names no locality of the split is a typo, a name the
	// split does not have, or one outside the scope: each is said, and a
	// map none of whose rows is used is refused.
	for _, e := range unused {
		u.line(u.err, e.pos+": "+msg.New("warning", unusedRow(e, parts, level)).In(u.lang))
	}
	if len(unused) == len(m.toMap) {
		return usagef("cli.to_map_matches_nothing", setting(c, "to-map", set.Mail.ToMap), msg.New("level."+level.String()))
	}
	var chosen []*report.Part
	var addrs [][]string
	// The localities the map does not name: every one with figures, whose
	// report goes nowhere, and as many of the empty ones as fit (a
	// twenty-eighth review found a commune with 50 million đồng beyond
	// the first 20 names, and so named nowhere).
	var missing, missingEmpty []string
	for i, p := range parts {
		switch {
		case len(all[i]) > 0:
			chosen, addrs = append(chosen, p), append(addrs, all[i])
		case p.Empty:
			missingEmpty = append(missingEmpty, strings.Join(p.Path, "/"))
		default:
			missing = append(missing, strings.Join(p.Path, "/"))
		}
	}
	if len(missing) > 0 {
		u.say(msg.New("cli.to_map_missing", len(missing), strings.Join(missing, ", ")))
	}
	if n := len(missingEmpty); n > 0 {
		list := strings.Join(missingEmpty[:min(n, maxLines)], ", ")
		if n > maxLines {
			list += ", …"
		}
		u.say(msg.New("cli.to_map_missing_empty", n, list))
	}
	// The reports, in parallel; each a message.
	msgs := make([]*mail.Message, len(chosen))
	errs := make([]error, len(chosen))
	names := make([]string, len(chosen))
	var jobsList []batch.Job
	for _, p := range chosen {
		jobsList = append(jobsList, batch.Job{Name: p.Name(), Code: p.Code, Parent: parentOf(p.Path)})
	}
	fileNames := batch.Names(jobsList, "dvk-", "-"+report.PeriodSlug(whole.Period), ".pdf")
	parallel(len(chosen), jobs, func(i int) {
		p := chosen[i]
		names[i] = strings.Join(p.Path, "/")
		r, err := p.Result()
		if err == nil {
			msgs[i], err = m.message(u, r, p.Options(), addrs[i], fileNames[i])
		}
		errs[i] = err
	})
	var ok []*mail.Message
	var okNames []string
	failed := 0
	for i, err := range errs {
		if err != nil {
			failed++
			u.say(msg.New("cli.batch_failed", names[i], msg.Arg(err, u.lang)))
			continue
		}
		ok, okNames = append(ok, msgs[i]), append(okNames, names[i])
	}
	m.manifest = batch.ManifestFor(report.PeriodSlug(whole.Period))
	err = m.deliver(c, u, e, ok, okNames, d.Files)
	if err == nil && failed > 0 {
		return shown{errors.New("mail: some reports failed")}
	}
	return err
}

func parentOf(path []string) string {
	if len(path) > 1 {
		return path[len(path)-2]
	}
	return ""
}

// parallel calls f(0) … f(n-1) on up to jobs goroutines (0: one per
// processor). A panic of f is raised again once all are done, on the
// calling goroutine, where run's handler makes it an internal error (exit
// 3) rather than the runtime's exit 2, as report/internal/parallel does
// for the pipeline's own goroutines.
func parallel(n, jobs int, f func(int)) {
	if jobs <= 0 {
		jobs = max(1, runtime.GOMAXPROCS(0))
	}
	next := make(chan int)
	var wg sync.WaitGroup
	var once sync.Once
	var crashed *workerPanic
	for range min(jobs, max(n, 1)) {
		wg.Go(func() {
			for i := range next {
				func() {
					defer func() {
						if r := recover(); r != nil {
							once.Do(func() { crashed = &workerPanic{r, debug.Stack()} })
						}
					}()
					f(i)
				}()
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	if crashed != nil {
		panic(crashed)
	}
}

// workerPanic is a panic of one of parallel's goroutines, with its stack.
type workerPanic struct {
	value any
	stack []byte
}

func (p *workerPanic) Error() string          { return fmt.Sprint(p.value) }
func (p *workerPanic) GoroutineStack() []byte { return p.stack }

// message makes the email of one report.
func (m *mailSetup) message(u *ui, r *report.Result, opts report.Options, to []string, file string) (*mail.Message, error) {
	data, err := report.PDF(r, opts)
	if err != nil {
		return nil, err
	}
	subject, body, err := report.Email(r, opts, file, report.Pages(data))
	if err != nil {
		return nil, err
	}
	if m.subject != "" {
		subject = m.subject
	}
	if m.body != "" {
		body = m.body
	}
	if m.maxBytes > 0 && len(data) > m.maxBytes {
		u.say(msg.New("cli.attachment_large", file, msg.Number(len(data)), msg.Number(m.maxBytes)))
	}
	return &mail.Message{
		From: m.from, To: to, Cc: m.cc, Subject: subject, Body: body,
		Attachments: []mail.Attachment{{Name: file, ContentType: "application/pdf", Data: data}},
	}, nil
}

// deliver writes the messages as .eml files, or sends them.
func (m *mailSetup) deliver(c *cli.Context, u *ui, e env, msgs []*mail.Message, names []string, inputs []string) error {
	switch {
	case m.eml != "":
		data, err := mail.Build(msgs[0])
		if err != nil {
			return err
		}
		if err := output.Write(m.eml, data, output.Options{Overwrite: true, Inputs: inputs, Temps: e.temps}); err != nil {
			return err
		}
		u.say(msg.New("cli.wrote_eml", m.eml, msg.Number(len(data))))
		return nil
	case m.dryRun:
		var list []batch.Job
		for i, mm := range msgs {
			mm := mm
			list = append(list, batch.Job{Locality: names[i], Name: strings.TrimSuffix(mm.Attachments[0].Name, ".pdf"),
				Make: func() ([]byte, int, error) {
					data, err := mail.Build(mm)
					return data, 1, err
				}})
		}
		fileNames := make([]string, len(list))
		for i, mm := range msgs {
			fileNames[i] = strings.TrimSuffix(mm.Attachments[0].Name, ".pdf") + ".eml"
		}
		dir := m.outDir
		res, err := batch.Run(context.Background(), list, batch.Options{Dir: dir, Names: fileNames, Force: c.Bool("force"), Inputs: inputs, Temps: e.temps,
			Manifest: m.manifest})
		var ee *batch.ExistsError
		if errors.As(err, &ee) {
			return usagef("cli.batch_exists", len(ee.Names), dir, ee.Names[0])
		}
		if res == nil {
			return err
		}
		printFailures(u, res.Failures)
		u.say(msg.New("cli.wrote_emls", msg.Number(len(res.Files)), filepath.Clean(dir)))
		if len(res.Failures) > 0 {
			return shown{errors.New("mail: some messages failed")}
		}
		return err
	}
	// Each message is said as soon as it is sent or has failed: what went
	// out is on the terminal even if the batch is interrupted.
	failed := 0
	m.server.SendEach(context.Background(), msgs, func(i int, err error) {
		if names[i] == "*" && len(msgs[i].Attachments) > 0 {
			names[i] = msgs[i].Attachments[0].Name // the whole country's report
		}
		if err != nil {
			failed++
			u.say(msg.New("cli.send_failed", names[i], sendError(err)))
			return
		}
		u.say(msg.New("cli.sent", names[i], strings.Join(append(append([]string{}, msgs[i].To...), msgs[i].Cc...), ", ")))
	})
	u.say(msg.New("cli.sent_count", msg.Number(len(msgs)-failed), failed))
	if failed > 0 {
		return shown{errors.New("mail: some messages were not sent")}
	}
	return nil
}

// sendError says why a message was not sent, and what to do, in the
// user's language; the server's and the system's own words follow.
func sendError(err error) msg.Text {
	var me *mail.Error
	if !errors.As(err, &me) {
		return msg.New("error", err)
	}
	detail := me.Err
	if detail == nil {
		detail = err
	}
	var ca x509.UnknownAuthorityError
	switch {
	case errors.Is(err, mail.ErrNoTLS):
		return msg.New("mail_error.no_tls", me.Server)
	case me.Stage == "connect":
		return msg.New("mail_error.connect", me.Server, max(me.Attempts, 1), detail)
	case me.Stage == "TLS" && errors.As(err, &ca):
		return msg.New("mail_error.unknown_ca", me.Server)
	case me.Stage == "TLS":
		return msg.New("mail_error.tls", me.Server, detail)
	case me.Stage == "AUTH":
		return msg.New("mail_error.auth", me.Server, detail)
	case me.Stage == "RCPT TO" && len(me.Recipients) > 0:
		return msg.New("mail_error.recipients", me.Server, strings.Join(me.Recipients, ", "), err)
	case me.Stage == "SIZE":
		return msg.New("mail_error.size", me.Server, err)
	}
	return msg.New("mail_error.other", err)
}
