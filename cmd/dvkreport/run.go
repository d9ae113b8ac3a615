package main

// How dvkreport speaks (after FiloSottile/age's cmd/age/tui.go):
//
//   - What a command is asked for goes to standard output: the PDF with
//     "-o -", the summary, the list of units, validate's list of problems,
//     and help when it is asked for. Everything else goes to standard
//     error, each line prefixed "dvkreport: " unless it starts with a
//     position (FILE:ROW:COLUMN).
//   - Messages have no capital initial and no final period; what to do
//     comes after a semicolon.
//   - Every message is in the language of --lang (Vietnamese by default),
//     from the catalogues in templates/; machine formats (CSV, JSON) are
//     not translated.
//   - Every line passes through msg.Safe, so that no text from the data can
//     drive the terminal.
//   - Exit status: 0 success, 1 bad data (nothing is written), 2 bad usage
//     (checked before any data is read), 3 an internal error, reported with
//     a file to send to the developers.

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/batch"
	"github.com/dvkreport/dvkreport/report/load"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/output"
	"github.com/dvkreport/dvkreport/report/settings"
	"github.com/dvkreport/dvkreport/report/validate"
	"github.com/dvkreport/dvkreport/templates"
)

// Exit statuses.
const (
	exitOK       = 0
	exitData     = 1 // the data is bad, or the report could not be written
	exitUsage    = 2 // the command line is bad
	exitInternal = 3 // a bug: a recovered panic
)

// env is what run takes from the process, so that tests can give their
// own.
type env struct {
	temps  *output.Temps       // temporary files to remove on a signal
	getenv func(string) string // the environment
	// memory sets how the process's garbage collector runs; nil when the
	// command runs inside another program (a test) that keeps its own.
	memory func(memoryPolicy)
}

// usageError is an error in the command line.
type usageError struct{ text msg.Text }

func (e *usageError) Error() string        { return e.text.String() }
func (e *usageError) In(l msg.Lang) string { return e.text.In(l) }
func usagef(key string, args ...any) error { return &usageError{text: msg.New(key, args...)} }
func (e *usageError) Unwrap() error        { return e.text }

// shown marks an error whose messages a command has already printed.
type shown struct{ err error }

func (e shown) Error() string { return e.err.Error() }
func (e shown) Unwrap() error { return e.err }

// ui prints what dvkreport says.
type ui struct {
	out, err io.Writer
	lang     msg.Lang
}

// say prints a message to standard error, prefixed "dvkreport: ".
func (u *ui) say(t msg.Text) { u.line(u.err, "dvkreport: "+t.In(u.lang)) }

// line prints one line of text from the program or the data, made safe.
func (u *ui) line(w io.Writer, s string) { fmt.Fprintln(w, msg.Safe(s)) }

// text writes a message or error in the ui's language.
func (u *ui) text(v any) string { return msg.Arg(v, u.lang) }

// run runs dvkreport with args (args[0] is the program name) and returns
// the exit status.
func run(args []string, stdout, stderr io.Writer, e env) (code int) {
	u := &ui{out: stdout, err: stderr, lang: scanLang(args)}
	defer func() {
		if r := recover(); r != nil {
			code = u.crash(r, debug.Stack(), args)
		}
	}()
	if e.getenv == nil {
		e.getenv = func(string) string { return "" }
	}
	app := newApp(u, e)
	args, err := helpTopic(app, args)
	if err != nil {
		return u.exit(err)
	}
	if wantsHelp(args) {
		// The help's texts are written out only for the help: looking
		// them all up took 3–4 ms of every run.
		localize(app, u.lang)
	}
	return u.exit(app.Run(args))
}

// helpTopic checks the topic of "dvkreport help TOPIC" before urfave/cli
// sees it, which says in English that there is no such topic, and exits 1:
// a topic that is no command is a usage error in the user's language
// (exit 2), and "help help" is the app's help.
func helpTopic(app *cli.App, args []string) ([]string, error) {
	i := 1
	for i < len(args) && strings.HasPrefix(args[i], "-") {
		if args[i] == "--lang" || args[i] == "-lang" {
			i++ // its value
		}
		i++
	}
	if i+1 >= len(args) || args[i] != "help" && args[i] != "h" {
		return args, nil
	}
	switch topic := args[i+1]; {
	case strings.HasPrefix(topic, "-"):
		return args, nil
	case topic == "help" || topic == "h":
		return append(slices.Clone(args[:i+1]), args[i+2:]...), nil
	case app.Command(topic) == nil:
		return nil, usagef("cli.unknown_command", msg.Quote(topic), commandNames)
	}
	return args, nil
}

// wantsHelp reports whether a command line may ask for help: -h, --help
// or the word help (or h) anywhere before "--". A word help that is a
// flag's value only costs the lookup of the help's texts.
func wantsHelp(args []string) bool {
	for _, a := range args[min(1, len(args)):] {
		switch a {
		case "--":
			return false
		case "-h", "--help", "-help", "help", "h":
			return true
		}
	}
	return false
}

// scanLang finds the language of messages in the arguments before they
// are parsed, so that even a message about them is in that language: that
// of --lang, else the settings file's (--config, or dvkreport.toml in the
// current folder). An unknown language is left for the flag's own check,
// a broken settings file for the command's.
func scanLang(args []string) msg.Lang {
	value := func(name string) (string, bool) {
		for i, a := range args {
			a = strings.TrimLeft(a, "-")
			if v, ok := strings.CutPrefix(a, name+"="); ok {
				return v, true
			}
			if a == name && i+1 < len(args) {
				return args[i+1], true
			}
		}
		return "", false
	}
	if v, ok := value("lang"); ok {
		l, _ := msg.ParseLang(v)
		return l
	}
	name, ok := value("config")
	if !ok {
		name = settings.Find()
	}
	if name != "" {
		if s, err := settings.Read(name); err == nil {
			if l, ok := msg.ParseLang(s.Lang); ok {
				return l
			}
		}
	}
	return msg.VI
}

// exit prints err as its kind wants and returns the exit status.
func (u *ui) exit(err error) int {
	if err == nil {
		return exitOK
	}
	var (
		ue       *usageError
		rue      *report.UsageError
		problems validate.Problems
		le       *load.Error
		oe       *output.Error
		over     *aggregate.OverflowError
		te       *templates.Error
		sh       shown
	)
	switch {
	case errors.As(err, &sh):
		if errors.As(err, &ue) || errors.As(err, &rue) {
			return exitUsage
		}
		return exitData
	case errors.As(err, &ue), errors.As(err, &rue):
		u.line(u.err, "dvkreport: "+u.text(err))
		return exitUsage
	case errors.As(err, &problems):
		printProblems(u, problems, u.err, maxLines)
		u.say(msg.New("cli.problems", len(problems)))
		return exitData
	case errors.As(err, &le):
		u.line(u.err, "dvkreport: "+le.In(u.lang))
		if errors.Is(err, load.ErrNotRegular) || errors.Is(err, fs.ErrPermission) {
			return exitUsage // as a missing file is: the command line names it
		}
		return exitData
	case errors.As(err, &oe):
		u.line(u.err, "dvkreport: "+oe.In(u.lang))
		for _, k := range []error{output.ErrExists, output.ErrIsFolder, output.ErrIsInput, output.ErrNoFolder, output.ErrReadOnly, output.ErrNotWritable, batch.ErrNotWritable} {
			if errors.Is(err, k) {
				return exitUsage
			}
		}
		return exitData
	case errors.As(err, &over):
		u.line(u.err, "dvkreport: "+over.In(u.lang))
		return exitData
	case errors.As(err, &te):
		pos := te.File
		if te.Line > 0 {
			pos += ":" + strconv.Itoa(te.Line)
		}
		u.say(msg.New("cli.template_error", pos, te.Err))
		return exitUsage
	}
	u.line(u.err, "dvkreport: "+u.text(err))
	return exitData
}

// crash reports a recovered panic: one line for the user, and the details
// in a file for the developers.
func (u *ui) crash(r any, stack []byte, args []string) int {
	if p, ok := r.(interface{ GoroutineStack() []byte }); ok {
		// A panic of another goroutine, raised again where it was waited
		// for (report/internal/parallel): its own stack says where.
		stack = append(p.GoroutineStack(), append([]byte("\nraised again by:\n"), stack...)...)
	}
	report := fmt.Sprintf("dvkreport %s\n%s\nargs: %q\npanic: %v\n\n%s", version(), time.Now().UTC().Format(time.RFC3339), args, r, stack)
	name := filepath.Join(os.TempDir(), fmt.Sprintf("dvkreport-crash-%d.txt", time.Now().UnixNano()))
	if err := os.WriteFile(name, []byte(report), 0o600); err != nil {
		name = "(" + err.Error() + ")"
	}
	u.say(msg.New("cli.internal_error", fmt.Sprint(r), name))
	return exitInternal
}

// version is dvkreport's version, commit and build date, from the build
// information Go records in the binary.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	var rev, at, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	out := v
	if rev != "" {
		out += " (" + rev + dirty
		if at != "" {
			out += ", " + at
		}
		out += ")"
	}
	return out + " " + info.GoVersion
}
