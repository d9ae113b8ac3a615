package main

// The help in the user's language. The app, its commands and flags are
// declared with catalogue keys (help_generate.usage, help_flag.input…) in
// place of their texts; localize writes them out in the language of the
// command's messages (scanLang: --lang anywhere on the command line, else
// the settings file's, else Vietnamese), and gives the app and each
// command a help template of its own in that language, so that nothing of
// urfave/cli's package state changes: its fixed words (NAME, OPTIONS, "show
// help", "(default: …)") are written by these templates, and the lists of
// commands and flags are written out here, from the texts in the
// catalogues.

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/dvkreport/dvkreport/report/msg"
)

// helpKey reports whether s is the catalogue key of a help text.
func helpKey(s string) bool {
	return strings.HasPrefix(s, "help") && strings.Contains(s, ".") && !strings.ContainsAny(s, " \n")
}

// localize writes the help texts of app, declared as keys, in language l,
// and sets the help templates of the app and of its commands.
func localize(app *cli.App, l msg.Lang) {
	say := func(s string) string {
		if helpKey(s) {
			return msg.New(s).In(l)
		}
		return s
	}
	app.Usage, app.UsageText, app.Description = say(app.Usage), say(app.UsageText), say(app.Description)
	for _, c := range app.Commands {
		c.Usage, c.UsageText, c.Description, c.ArgsUsage = say(c.Usage), say(c.UsageText), say(c.Description), say(c.ArgsUsage)
		for _, f := range c.Flags {
			setUsage(f, say)
		}
		c.CustomHelpTemplate = commandHelp(c, l)
	}
	for _, f := range app.Flags {
		setUsage(f, say)
	}
	app.CustomAppHelpTemplate = appHelp(app, l)
}

// setUsage rewrites a flag's usage with say.
func setUsage(f cli.Flag, say func(string) string) {
	switch f := f.(type) {
	case *cli.GenericFlag:
		f.Usage = say(f.Usage)
	case *cli.BoolFlag:
		f.Usage = say(f.Usage)
	case *cli.StringSliceFlag:
		f.Usage = say(f.Usage)
	default:
		panic(fmt.Sprintf("dvkreport: no help for a flag of type %T", f))
	}
}

// heading is a heading of the help, as a template's literal text.
func heading(key string, l msg.Lang) string { return literal(msg.New(key).In(l)) + ":" }

// literal escapes s for a template's text.
func literal(s string) string { return strings.ReplaceAll(s, "{{", `{{"{{"}}`) }

// appHelp is the template of the app's help in language l.
func appHelp(app *cli.App, l msg.Lang) string {
	var cmds strings.Builder
	for _, c := range app.Commands {
		if !c.Hidden {
			fmt.Fprintf(&cmds, "\n   %s\t%s", strings.Join(c.Names(), ", "), c.Usage)
		}
	}
	fmt.Fprintf(&cmds, "\n   help, h\t%s", msg.New("help.help_command").In(l))
	opts := flagLines(app.Flags, l) + fmt.Sprintf("\n   --version, -v\t%s", msg.New("help.show_version").In(l))
	return heading("help.name", l) + `
   {{template "helpNameTemplate" .}}

` + heading("help.usage", l) + `
   {{wrap .UsageText 3}}{{if .Version}}{{if not .HideVersion}}

` + heading("help.version", l) + `
   {{.Version}}{{end}}{{end}}{{if .Description}}

` + heading("help.description", l) + `
   {{template "descriptionTemplate" .}}{{end}}

` + heading("help.commands", l) + literal(cmds.String()) + `

` + heading("help.global_options", l) + literal(opts) + "\n"
}

// commandHelp is the template of a command's help in language l.
func commandHelp(c *cli.Command, l msg.Lang) string {
	return heading("help.name", l) + `
   {{template "helpNameTemplate" .}}

` + heading("help.usage", l) + `
   {{template "usageTemplate" .}}{{if .Description}}

` + heading("help.description", l) + `
   {{template "descriptionTemplate" .}}{{end}}

` + heading("help.options", l) + literal(flagLines(c.Flags, l)) + "\n"
}

// flagLines lists the visible flags, and --help, one a line: the names
// with the value's placeholder (the usage's first word in backquotes),
// then a tab, the usage and the default value. The help's tabwriter lines
// the usages up.
func flagLines(flags []cli.Flag, l msg.Lang) string {
	var b strings.Builder
	for _, f := range flags {
		if v, ok := f.(cli.VisibleFlag); ok && !v.IsVisible() {
			continue
		}
		d := f.(cli.DocGenerationFlag)
		placeholder, usage := unquoteUsage(d.GetUsage())
		var names []string
		for _, n := range f.Names() {
			n = "--" + n
			if len(n) == 3 {
				n = n[1:]
			}
			if d.TakesValue() {
				n += " " + placeholder
			}
			names = append(names, n)
		}
		if g, ok := f.(*cli.GenericFlag); ok && g.Value.String() != "" {
			usage += " " + msg.New("help.default", g.Value.String()).In(l)
		}
		fmt.Fprintf(&b, "\n   %s\t%s", strings.Join(names, ", "), usage)
	}
	fmt.Fprintf(&b, "\n   --help, -h\t%s", msg.New("help.show_help").In(l))
	return b.String()
}

// unquoteUsage splits a usage into its placeholder, the first word in
// backquotes, and the usage without the backquotes, as urfave/cli does.
func unquoteUsage(usage string) (placeholder, text string) {
	i := strings.IndexByte(usage, '`')
	if i < 0 {
		return "", usage
	}
	j := strings.IndexByte(usage[i+1:], '`')
	if j < 0 {
		return "", usage
	}
	placeholder = usage[i+1 : i+1+j]
	return placeholder, usage[:i] + placeholder + usage[i+1+j+1:]
}
