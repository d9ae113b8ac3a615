package main

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/compare"
	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/load/charset"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/report/settings"
)

// once is the value of a flag that may be given once: a second
// occurrence is a usage error, never a silent replacement of the first.
type once struct {
	v   string
	set bool
}

var errRepeated = errors.New("repeated")

func (o *once) Set(s string) error {
	if o.set {
		return errRepeated
	}
	o.v, o.set = s, true
	return nil
}

func (o *once) String() string {
	if o == nil {
		return ""
	}
	return o.v
}

// onceFlag is a string flag that may be given once.
func onceFlag(name string, aliases []string, value, usage string) *cli.GenericFlag {
	return &cli.GenericFlag{Name: name, Aliases: aliases, Value: &once{v: value}, Usage: usage}
}

// str returns a once flag's value.
func str(c *cli.Context, name string) string {
	if o, ok := c.Generic(name).(*once); ok {
		return o.v
	}
	return c.String(name)
}

// usageOf turns an error of parsing the command line, which the flag
// package words in English, into a message; flags are the command's, to
// name a flag given by its alias by its name.
func usageOf(err error, flags []cli.Flag) error {
	s := err.Error()
	switch {
	case strings.Contains(s, errRepeated.Error()):
		if i := strings.Index(s, "flag -"); i >= 0 {
			name := strings.TrimSuffix(strings.Fields(s[i+6:])[0], ":")
			for _, f := range flags {
				for _, n := range f.Names() {
					if n == name {
						name = f.Names()[0]
					}
				}
			}
			return usagef("cli.repeated_flag", "--"+name)
		}
	case strings.HasPrefix(s, "flag provided but not defined: "):
		return usagef("cli.unknown_flag", "-"+strings.TrimLeft(strings.TrimPrefix(s, "flag provided but not defined: "), "-"))
	case strings.HasPrefix(s, "flag needs an argument: "):
		return usagef("cli.flag_needs_value", "-"+strings.TrimLeft(strings.TrimPrefix(s, "flag needs an argument: "), "-"))
	case errors.Is(err, flag.ErrHelp):
		return err
	}
	return usagef("error", err)
}

// The flags shared by generate, summary and charts.
func filterFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "input", Aliases: []string{"i"}, Usage: "help_flag.input"},
		&cli.StringSliceFlag{Name: "locality", Aliases: []string{"l"}, Usage: "help_flag.locality"},
		onceFlag("level", nil, "", "help_flag.level"),
		onceFlag("period", []string{"p"}, "", "help_flag.period"),
		onceFlag("boundaries", nil, "", "help_flag.boundaries"),
		strictFlag(),
		encodingFlag(),
		&cli.BoolFlag{Name: "skip-invalid", Usage: "help_flag.skip_invalid"},
		onceFlag("excluded-csv", nil, "", "help_flag.excluded_csv"),
		onceFlag("assume-period", nil, "", "help_flag.assume_period"),
		onceFlag("compare", nil, "both", "help_flag.compare"),
		&cli.BoolFlag{Name: "hide-empty", Usage: "help_flag.hide_empty"},
		&cli.BoolFlag{Name: "models", Usage: "help_flag.models"},
		onceFlag("sources", nil, "", "help_flag.sources"),
		warningsFlag(),
		langFlag(),
		configFlag(),
	}
}

func warningsFlag() cli.Flag {
	return onceFlag("warnings", nil, "", "help_flag.warnings")
}

func langFlag() cli.Flag {
	return onceFlag("lang", nil, "vi", "help_flag.lang")
}

func encodingFlag() cli.Flag {
	return onceFlag("encoding", nil, "", "help_flag.encoding")
}

func strictFlag() cli.Flag {
	return &cli.BoolFlag{Name: "strict-names", Usage: "help_flag.strict_names"}
}

// language checks --lang.
func language(c *cli.Context) (msg.Lang, error) {
	l, ok := msg.ParseLang(str(c, "lang"))
	if !ok {
		return l, usagef("cli.bad_lang", msg.Quote(str(c, "lang")))
	}
	return l, nil
}

// reportOptions checks and parses the filter flags over the settings
// file's values, before any data is read; it returns the settings too,
// for the flags of the document.
func reportOptions(c *cli.Context) (report.Options, *settings.Settings, error) {
	var opts report.Options
	s, err := readSettings(c)
	if err != nil {
		return opts, nil, err
	}
	if opts.Lang, err = settingLang(c, s); err != nil {
		return opts, nil, err
	}
	opts.Inputs = c.StringSlice("input")
	if !c.IsSet("input") {
		opts.Inputs = s.Inputs
	}
	opts.Localities = c.StringSlice("locality")
	if !c.IsSet("locality") {
		opts.Localities = s.Localities
	}
	for _, l := range opts.Localities {
		if strings.TrimSpace(l) == "" {
			return opts, nil, usagef("cli.empty_locality")
		}
	}
	if opts.Level, err = aggregate.ParseLevel(setting(c, "level", s.Level)); err != nil {
		return opts, nil, usagef("cli.bad_flag", "--level", err)
	}
	if p := str(c, "period"); p != "" {
		if opts.Period, err = record.ParsePeriod(p); err != nil {
			return opts, nil, usagef("cli.bad_flag", "--period", err)
		}
	}
	switch b := setting(c, "boundaries", s.Boundaries); b {
	case "":
	case "2025":
		opts.Boundaries2025 = true
	default:
		return opts, nil, usagef("cli.bad_boundaries", msg.Quote(b))
	}
	if opts.Encoding, err = charset.Parse(str(c, "encoding")); err != nil {
		return opts, nil, usagef("cli.bad_encoding", msg.Quote(str(c, "encoding")))
	}
	if p := str(c, "assume-period"); p != "" {
		if opts.AssumePeriod, err = record.ParsePeriod(p); err != nil {
			return opts, nil, usagef("cli.bad_flag", "--assume-period", err)
		}
	}
	if w := str(c, "warnings"); w != "" && w != "all" {
		return opts, nil, usagef("cli.bad_choice", "--warnings", msg.Quote(w), "all")
	}
	switch v := str(c, "compare"); v {
	case "both", "":
		opts.Compare = compare.Both()
	case "previous":
		opts.Compare = compare.Options{Previous: true, History: 8}
	case "year":
		opts.Compare = compare.Options{YearAgo: true, History: 8}
	case "none":
	default:
		return opts, nil, usagef("cli.bad_choice", "--compare", msg.Quote(v), "both, previous, year, none")
	}
	switch v := str(c, "sources"); v {
	case "":
	case "full":
		opts.AllSources = true
	default:
		return opts, nil, usagef("cli.bad_choice", "--sources", msg.Quote(v), "full")
	}
	opts.HideEmpty = c.Bool("hide-empty")
	opts.Models = c.Bool("models")
	opts.StrictNames = c.Bool("strict-names")
	opts.SkipInvalid = c.Bool("skip-invalid")
	return opts, s, nil
}

// settingLang is the language of --lang, or of the settings file.
func settingLang(c *cli.Context, s *settings.Settings) (msg.Lang, error) {
	if c.IsSet("lang") || s.Lang == "" {
		return language(c)
	}
	l, _ := msg.ParseLang(s.Lang) // checked by package settings
	return l, nil
}

// noArgs refuses arguments to a command that takes none, with a hint when
// one looks like a flag given after them.
func noArgs(c *cli.Context) error {
	if c.NArg() == 0 {
		return nil
	}
	for _, a := range c.Args().Slice() {
		if strings.HasPrefix(a, "-") && len(a) > 1 {
			return usagef("cli.flag_after_args", msg.Quote(a), c.Command.Name)
		}
	}
	return usagef("cli.no_args", c.Command.Name, msg.Quote(strings.Join(c.Args().Slice(), " ")))
}

// oneOf checks a flag's value against the ones allowed.
func oneOf(c *cli.Context, name string, allowed ...string) (string, error) {
	v := str(c, name)
	for _, a := range allowed {
		if v == a {
			return v, nil
		}
	}
	return "", usagef("cli.bad_choice", "--"+name, msg.Quote(v), strings.Join(allowed, ", "))
}

// outputPath checks -o before the data is read: its folder must exist, and
// it must not be a folder.
func outputPath(name string) error {
	if name == "" || name == "-" {
		return nil
	}
	if fi, err := os.Stat(name); err == nil && fi.IsDir() {
		return usagef("output.is_folder_flag", name)
	}
	dir := filepath.Dir(name)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return usagef("output.no_folder_flag", name, dir)
	}
	return nil
}

// reportPath checks generate's -o before the data is read: a file whose
// folder exists, or a folder that exists (with or without a final slash),
// into which the report goes under its default name.
func reportPath(name string) error {
	if name == "" || name == "-" {
		return nil
	}
	if strings.HasSuffix(name, "/") || strings.HasSuffix(name, string(filepath.Separator)) {
		if fi, err := os.Stat(name); err != nil || !fi.IsDir() {
			return usagef("output.no_folder_flag", name, name)
		}
		return nil
	}
	if fi, err := os.Stat(name); err == nil && fi.IsDir() {
		return nil
	}
	return outputPath(name)
}

// era reads --as-of.
func era(c *cli.Context) (gazetteer.Era, error) {
	switch v := strings.TrimSpace(str(c, "as-of")); v {
	case "", "2025", "2026":
		return gazetteer.Era2025, nil
	case "2024", "2023", "2022", "2021", "2020", "pre-2025":
		return gazetteer.EraPre2025, nil
	default:
		return 0, usagef("cli.bad_as_of", msg.Quote(v))
	}
}
