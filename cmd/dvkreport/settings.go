package main

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/layout"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/output"
	"github.com/dvkreport/dvkreport/report/settings"
	"github.com/dvkreport/dvkreport/templates"
)

func configFlag() cli.Flag {
	return onceFlag("config", nil, "", "help_flag.config")
}

// The flags of the document's form, agency and signature.
func documentFlags() []cli.Flag {
	return []cli.Flag{
		onceFlag("layout", nil, "", "help_flag.layout"),
		onceFlag("agency", nil, "", "help_flag.agency"),
		onceFlag("parent-agency", nil, "", "help_flag.parent_agency"),
		onceFlag("symbol", nil, "", "help_flag.symbol"),
		onceFlag("number", nil, "", "help_flag.number"),
		onceFlag("date", nil, "", "help_flag.date"),
		onceFlag("place", nil, "", "help_flag.place"),
		onceFlag("signer", nil, "", "help_flag.signer"),
		onceFlag("position", nil, "", "help_flag.position"),
		onceFlag("authority", nil, "", "help_flag.authority"),
		onceFlag("template", nil, "", "help_flag.template"),
	}
}

// readSettings reads the settings file of --config, or dvkreport.toml in
// the current folder; none gives empty settings.
func readSettings(c *cli.Context) (*settings.Settings, error) {
	name := str(c, "config")
	if name == "" {
		name = settings.Find()
	}
	if name == "" {
		return &settings.Settings{}, nil
	}
	s, err := settings.Read(name)
	if err != nil {
		return nil, settingsError(err)
	}
	return s, nil
}

// settingsError words a settings file's error as a usage error.
func settingsError(err error) error {
	var se *settings.Error
	if !errors.As(err, &se) {
		return usagef("error", err)
	}
	pos := se.File
	if se.Line > 0 {
		pos += ":" + strconv.Itoa(se.Line)
	}
	var ve *settings.ValueError
	var te *settings.TypeError
	var syn *settings.SyntaxError
	switch {
	case errors.Is(err, os.ErrNotExist):
		return usagef("settings.no_file", se.File)
	case errors.Is(err, settings.ErrUnknownKey):
		if near := nearestKey(se.Key); near != "" {
			return usagef("did_you_mean", msg.New("settings.unknown_key", pos, se.Key), near)
		}
		return usagef("settings.unknown_key", pos, se.Key)
	case errors.As(err, &ve):
		return usagef("settings.bad_value", pos, se.Key, msg.Quote(ve.Value), strings.Join(ve.Allowed, ", "))
	case errors.As(err, &te):
		return usagef("settings.wrong_type", pos, se.Key, msg.New("settings.kind_"+te.Want))
	case errors.As(err, &syn):
		return usagef("settings.syntax", pos, syn.Detail)
	case se.Key != "":
		return usagef("settings.invalid_key", pos, se.Key, se.Err)
	}
	return usagef("settings.invalid", pos, se.Err)
}

// nearestKey is the settings key nearest to an unknown one (a typing
// error: signer.authoriti), "" when none is near.
func nearestKey(key string) string {
	best, bestD := "", 3
	for _, k := range settings.Keys() {
		if d := gazetteer.EditDistance(k, key); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// setting returns a flag's value, or the settings file's when the flag is
// not given.
func setting(c *cli.Context, name, fromFile string) string {
	if v := str(c, name); c.IsSet(name) || fromFile == "" {
		return v
	}
	return fromFile
}

// documentReport reads the command line of a command that makes a
// document (generate, mail): no argument, the filters and the document's
// flags over the settings file.
func documentReport(c *cli.Context) (report.Options, *settings.Settings, error) {
	if err := noArgs(c); err != nil {
		return report.Options{}, nil, err
	}
	opts, set, err := reportOptions(c)
	if err != nil {
		return opts, nil, err
	}
	if err := documentOptions(c, set, &opts); err != nil {
		return opts, nil, err
	}
	return opts, set, nil
}

// documentOptions reads the flags of the document, over the settings.
func documentOptions(c *cli.Context, s *settings.Settings, opts *report.Options) error {
	lf := setting(c, "layout", s.Layout)
	if lf != "" {
		f, ok := layout.ParseForm(lf)
		if !ok {
			return usagef("cli.bad_choice", "--layout", msg.Quote(lf), strings.Join(layout.Forms, ", "))
		}
		opts.Form = f
	}
	a := &opts.Agency
	a.Name = setting(c, "agency", s.Agency.Name)
	a.Parent = setting(c, "parent-agency", s.Agency.Parent)
	a.Symbol = setting(c, "symbol", s.Agency.Symbol)
	a.Number = strings.TrimSpace(str(c, "number"))
	a.Place = setting(c, "place", s.Agency.Place)
	a.Recipients = s.Recipients
	a.Signer.Name = setting(c, "signer", s.Signer.Name)
	a.Signer.Position = setting(c, "position", s.Signer.Position)
	a.Signer.HeadTitle = s.Signer.HeadTitle
	a.Signer.Collective = s.Signer.Collective
	if v := setting(c, "authority", s.Signer.Authority); v != "" {
		au, ok := layout.ParseAuthority(v)
		if !ok {
			return usagef("cli.bad_choice", "--authority", msg.Quote(v), strings.Join(layout.Authorities, ", "))
		}
		a.Signer.Authority = au
	}
	if d := str(c, "date"); d != "" {
		t, err := settings.Date(d)
		if err != nil {
			return badDate(d)
		}
		opts.Date = t
	}
	opts.Templates = setting(c, "template", s.Templates)
	if opts.Templates != "" {
		if _, err := os.Stat(opts.Templates); err != nil {
			return usagef("cli.no_template", opts.Templates)
		}
	}
	if opts.Form != layout.Plain && strings.TrimSpace(a.Name) == "" {
		return usagef("report.no_agency", opts.Form.String())
	}
	if opts.Form != layout.Plain && strings.TrimSpace(a.Place) == "" {
		if a.Place = report.PlaceOf(a.Parent, a.Name); a.Place == "" {
			return usagef("cli.no_place", opts.Form.String())
		}
	}
	return nil
}

// warnExampleSigner warns when the document would be signed by the
// example's signer of the file dvkreport init writes (Nguyễn Văn A): a
// settings file written and not filled in.
func warnExampleSigner(u *ui, opts report.Options) {
	name := strings.TrimSpace(opts.Agency.Signer.Name)
	if opts.Form == layout.Plain || name == "" {
		return
	}
	for _, l := range []string{"vi", "en"} {
		data, err := templates.Settings(l)
		if err != nil {
			continue
		}
		if ex, err := settings.Parse(settings.Name, data); err == nil && ex.Signer.Name == name {
			u.say(msg.New("warning", msg.New("cli.example_signer", msg.Quote(name))))
			return
		}
	}
}

// initSettings writes the commented settings file for an office to fill
// in.
func initSettings(c *cli.Context, u *ui, e env) error {
	if err := noArgs(c); err != nil {
		return err
	}
	lang, err := language(c)
	if err != nil {
		return err
	}
	name := str(c, "output")
	if name == "" {
		name = settings.Name
	}
	if err := outputPath(name); err != nil {
		return err
	}
	data, err := templates.Settings(lang.String())
	if err != nil {
		return err
	}
	if err := output.Write(name, data, output.Options{Overwrite: c.Bool("force"), Temps: e.temps}); err != nil {
		return err
	}
	u.say(msg.New("cli.wrote_settings", name))
	return nil
}

// writeTemplates writes copies of the report texts for an office to edit.
func writeTemplates(c *cli.Context, u *ui) error {
	if err := noArgs(c); err != nil {
		return err
	}
	if _, err := language(c); err != nil {
		return err
	}
	dir := str(c, "out")
	if dir == "" {
		return usagef("cli.flag_needs_value", "--out")
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return usagef("cli.out_not_folder", dir)
	}
	if !c.Bool("force") {
		for _, l := range templates.Langs {
			for _, f := range templates.Files {
				p := dir + string(os.PathSeparator) + l + string(os.PathSeparator) + f
				if _, err := os.Stat(p); err == nil {
					return usagef("cli.templates_exist", p)
				}
			}
		}
	}
	written, err := templates.Write(dir)
	if err != nil {
		return &output.Error{Name: dir, Text: msg.New("output.failed", err), Err: err}
	}
	for _, w := range written {
		u.say(msg.New("cli.wrote_template", w))
	}
	return nil
}

// badDate words the error of a --date that does not parse: a month or a
// day the calendar does not have (2025-09-31) is said as such, not as a
// bad format.
func badDate(d string) error {
	parts := strings.Split(strings.TrimSpace(d), "-")
	if len(parts) == 3 && len(parts[0]) == 4 && len(parts[1]) == 2 && len(parts[2]) == 2 {
		y, err1 := strconv.Atoi(parts[0])
		m, err2 := strconv.Atoi(parts[1])
		day, err3 := strconv.Atoi(parts[2])
		if err1 == nil && err2 == nil && err3 == nil {
			if m < 1 || m > 12 {
				return usagef("cli.date_no_month", msg.Quote(d), m)
			}
			if last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day(); day < 1 || day > last {
				return usagef("cli.date_no_day", msg.Quote(d), m, y, last)
			}
		}
	}
	return usagef("cli.bad_date", msg.Quote(d))
}
