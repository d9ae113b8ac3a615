package main

import (
	"io"
	"os"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/templates"
)

// helpLines are the lines of the help texts of a language's catalogue
// that the other language does not have, backquotes removed: what must
// not appear in the other language's help.
func helpLines(l, other msg.Lang) []string {
	mine, theirs := templates.Messages(l.String()), templates.Messages(other.String())
	var out []string
	for k, m := range mine {
		if !strings.HasPrefix(k, "help") {
			continue
		}
		for _, line := range strings.Split(strings.ReplaceAll(m.Other, "`", ""), "\n") {
			line = strings.TrimSpace(line)
			if strings.Count(line, " ") < 2 || strings.Contains(strings.ReplaceAll(theirs[k].Other, "`", ""), line) {
				continue // a word, or a line both languages share (CSV columns)
			}
			out = append(out, line)
		}
	}
	return out
}

// The help is in the language of the messages: Vietnamese by default,
// English with --lang en wherever it is on the command line; no sentence
// and none of urfave/cli's fixed words of the other language.
func TestHelpLanguage(t *testing.T) {
	english := []string{"NAME:", "USAGE:", "DESCRIPTION:", "OPTIONS:", "COMMANDS:", "show help", "print the version", "(default:", "Shows a list of commands"}
	vietnamese := []string{"TÊN:", "CÁCH DÙNG:", "MÔ TẢ:", "TÙY CHỌN:", "CÁC LỆNH:", "xem hướng dẫn", "in số phiên bản", "(mặc định:"}
	vi, en := helpLines(msg.VI, msg.EN), helpLines(msg.EN, msg.VI)
	if len(vi) < 100 || len(en) < 100 {
		t.Fatalf("%d Vietnamese and %d English help lines: are the help texts in the catalogues?", len(vi), len(en))
	}
	cases := [][]string{{"--help"}, {"help"}}
	for _, c := range strings.Split(commandNames, ", ") {
		cases = append(cases, []string{c, "--help"}, []string{"help", c})
	}
	for _, args := range cases {
		for _, lang := range []msg.Lang{msg.VI, msg.EN} {
			a := args
			if lang == msg.EN {
				a = append([]string{"--lang", "en"}, args...)
				if len(args) > 1 {
					a = append(append([]string{}, args...), "--lang", "en")
				}
			}
			code, out, errOut := runCmd(t, a...)
			if code != 0 || errOut != "" {
				t.Errorf("%q: exit %d\n%s", a, code, errOut)
				continue
			}
			words, lines, own := english, en, vietnamese
			if lang == msg.EN {
				words, lines, own = vietnamese, vi, english
			}
			for _, w := range append(words, lines...) {
				if strings.Contains(out, w) {
					t.Errorf("%q: the help has %q", a, w)
				}
			}
			if !strings.Contains(out, own[0]) || !strings.Contains(out, own[5]) {
				t.Errorf("%q: no %q or %q in\n%s", a, own[0], own[5], out)
			}
			if strings.Contains(out, "help_") || strings.Contains(out, "help.") {
				t.Errorf("%q: a catalogue key in the help\n%s", a, out)
			}
		}
	}
}

// Every command and every flag of every command has its help in both
// catalogues, and a flag that takes a value names it in backquotes in
// both.
func TestHelpFlags(t *testing.T) {
	apps := map[msg.Lang]*cli.App{}
	for _, l := range msg.Langs {
		apps[l] = newApp(&ui{out: io.Discard, err: io.Discard, lang: l}, env{})
		localize(apps[l], l)
	}
	vi, en := apps[msg.VI], apps[msg.EN]
	text := func(where, v, e string) {
		t.Helper()
		if v == "" || e == "" || helpKey(v) || helpKey(e) || v == e {
			t.Errorf("%s: Vietnamese %q, English %q", where, v, e)
		}
	}
	text("app usage", vi.Usage, en.Usage)
	text("app description", vi.Description, en.Description)
	if len(vi.Commands) != len(en.Commands) || len(vi.Commands) != len(strings.Split(commandNames, ", ")) {
		t.Fatalf("%d commands, %d, and %s", len(vi.Commands), len(en.Commands), commandNames)
	}
	flags := 0
	for i, cv := range vi.Commands {
		ce := en.Commands[i]
		text(cv.Name+" usage", cv.Usage, ce.Usage)
		text(cv.Name+" usage text", cv.UsageText, ce.UsageText)
		text(cv.Name+" description", cv.Description, ce.Description)
		for j, fv := range cv.Flags {
			fe := ce.Flags[j].(cli.DocGenerationFlag)
			uv, ue := fv.(cli.DocGenerationFlag).GetUsage(), fe.GetUsage()
			where := cv.Name + " --" + fv.Names()[0]
			text(where, uv, ue)
			if fe.TakesValue() {
				if pv, _ := unquoteUsage(uv); pv == "" {
					t.Errorf("%s: no `VALUE` in %q", where, uv)
				}
				if pe, _ := unquoteUsage(ue); pe == "" {
					t.Errorf("%s: no `VALUE` in %q", where, ue)
				}
			}
			flags++
		}
	}
	if flags < 100 {
		t.Errorf("only %d flags", flags)
	}
}

// The settings file's language is the help's too, unless --lang says
// otherwise.
func TestHelpSettingsLang(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("dvkreport.toml", []byte("lang = \"en\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, out, _ := runCmd(t, "generate", "--help"); !strings.Contains(out, "OPTIONS:") || !strings.Contains(out, "make the PDF report") {
		t.Errorf("lang = \"en\": the help is not in English\n%s", out)
	}
	if _, out, _ := runCmd(t, "generate", "--help", "--lang", "vi"); !strings.Contains(out, "TÙY CHỌN:") {
		t.Errorf("--lang vi over lang = \"en\": the help is not in Vietnamese\n%s", out)
	}
}

// "help TOPIC" for a topic that is no command is a usage error in the
// user's language (exit 2), as an unknown command is, and "help help" is
// the app's help: urfave/cli said "No help topic for 'nope'" in English
// and exited 1, and "help help" showed its own English help.
func TestHelpTopic(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"help", "nope"}, 2, `không có lệnh "nope"`},
		{[]string{"h", "nope"}, 2, `không có lệnh "nope"`},
		{[]string{"--lang", "en", "help", "nope"}, 2, `unknown command "nope"`},
		{[]string{"help", "help"}, 0, "CÁC LỆNH:"},
		{[]string{"--lang", "en", "help", "h"}, 0, "COMMANDS:"},
		{[]string{"help", "generate"}, 0, "dvkreport generate"},
	} {
		code, out, errOut := runCmd(t, tc.args...)
		if code != tc.code || !strings.Contains(out+errOut, tc.want) || strings.Contains(out+errOut, "No help topic") || strings.Contains(out, "Shows a list") {
			t.Errorf("%q: exit %d, want %d with %q\n%s%s", tc.args, code, tc.code, tc.want, out, errOut)
		}
	}
}
