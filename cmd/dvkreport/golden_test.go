package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden transcripts in testdata/golden")

// goldenCases are the command lines whose whole transcript — exit status,
// standard output and standard error — is pinned in
// testdata/golden/NAME.txt, so that every message, stream and exit status
// can be reviewed as a diff (after golang.org/x/perf's cmd/benchstat
// main_test.go). They run in a temporary folder where testdata is the
// package's, so that names in messages are stable. Rewrite them with
// go test ./cmd/dvkreport -run TestGolden -update.
var goldenCases = []struct {
	name string
	args string
}{
	// Success.
	{"summary-seed-csv", "summary --format csv"},
	{"summary-seed-table", "summary"},
	{"summary-seed-json-en", "summary --lang en --format json -l 20"},
	{"validate-good", "validate testdata/good.csv"},
	{"validate-good-en", "validate --lang en testdata/good.csv"},
	{"generate-file", "generate --lang en -o out.pdf -l Lạng Sơn"},
	{"localities-search", "localities --search bac son --format csv"},
	{"help-summary", "help summary"},
	{"help-summary-en", "summary --help --lang en"},
	{"help-generate", "generate --help"},
	// Bad data: exit 1, nothing written.
	{"validate-bad-vi", "validate testdata/bad.csv"},
	{"validate-bad-en", "validate --lang en testdata/bad.csv"},
	{"generate-bad-en", "generate --lang en -i testdata/bad.csv -o out.pdf"},
	{"issue10-extra-cells", "summary --lang en -i testdata/in/extra-cells.csv"},
	{"issue10-overflow", "summary --lang en -i testdata/in/overflow.csv --format csv"},
	{"issue10-stray-quote", "validate --lang en testdata/in/stray-quote.csv"},
	{"issue10-stray-quote-vi", "validate testdata/in/stray-quote.csv"},
	{"issue10-no-letters", "summary --lang en -i testdata/in/no-letters.csv"},
	{"issue10-unprintable", "generate --lang en -i testdata/in/unprintable.csv -o out.pdf"},
	{"issue10-trailing-json", "validate --lang en testdata/in/trailing.json"},
	{"issue10-duplicate-key", "validate --lang en testdata/in/duplicate-key.json"},
	{"issue10-header-only", "summary --lang en -i testdata/in/header-only.csv"},
	{"issue10-dates", "validate --lang en testdata/in/dates.csv"},
	{"issue10-zero-width", "validate --lang en testdata/in/zero-width.csv"},
	{"issue10-escapes", "validate --lang en testdata/in/escapes.csv"},
	{"issue10-skip-invalid-csv", "summary --lang en -i testdata/bad.csv -i testdata/good.csv --skip-invalid --excluded-csv excluded.csv --format csv"},
	// Careless but readable.
	{"issue10-bom-exponent", "summary --lang en -i testdata/in/bom-exponent.json --format csv"},
	{"issue10-mac", "summary --lang en -i testdata/in/mac.csv --format csv"},
	{"issue10-formula", "summary --lang en -i testdata/in/formula.csv --format csv"},
	{"issue10-same-file-twice", "summary --lang en -i testdata/good.csv -i ./testdata/good.csv -i testdata/dup --format csv"},
	{"issue10-folder-link", "validate --lang en testdata/dup"},
	{"issue10-typed-names", "summary --lang en -i testdata/in/typed-names.csv --level commune --format csv"},
	{"issue10-typed-names-select", "summary --lang en -i testdata/in/typed-names.csv -l Xã Hiệp Hòa --format csv"},
	{"issue10-typed-names-ambiguous", "summary --lang en -i testdata/in/typed-names.csv -l Hiệp Hòa"},
	// Issue 11: registers as clerks type them.
	{"issue11-inspect-clerk", "inspect --lang en testdata/registers/clerk.xlsx"},
	{"issue11-inspect-clerk-vi", "inspect testdata/registers/clerk.xlsx"},
	{"issue11-summary-clerk", "summary --lang en -i testdata/registers/clerk.xlsx --level commune --format csv"},
	{"issue11-field-suggestion", "validate --lang en testdata/in/fields.csv"},
	{"issue11-xls", "summary --lang en -i testdata/registers/register.xls --format csv"},
	{"issue11-province-by-name", "summary --lang en -i testdata/in/old-names.csv -l Lạng Sơn --format csv"},
	{"issue11-province-by-type", "summary --lang en -i testdata/in/old-names.csv -l Tỉnh Lạng Sơn --format csv"},
	{"issue11-province-by-code", "summary --lang en -i testdata/in/old-names.csv -l 20 --format csv"},
	{"issue11-city-by-type", "summary --lang en -i testdata/in/old-names.csv -l Thành phố Lạng Sơn --format csv"},
	{"issue11-old-names", "summary --lang en -i testdata/in/old-names.csv --level commune --format csv"},
	{"issue11-old-names-2025", "summary --lang en -i testdata/in/old-names.csv --level commune --boundaries 2025 --format csv"},
	{"issue11-old-names-vi", "summary -i testdata/in/old-names.csv --level commune --boundaries 2025 --format csv"},
	{"issue11-two-units", "validate --lang en testdata/in/units.csv"},
	// Units of money wherever clerks write them.
	{"units-summary-clerk", "summary --lang en -i testdata/in/units-clerk.csv --format csv --hide-empty"},
	{"units-inspect-clerk", "inspect --lang en testdata/in/units-clerk.csv"},
	{"units-inspect-clerk-vi", "inspect testdata/in/units-clerk.csv"},
	{"units-summary-two-rows", "summary --lang en -i testdata/in/units-two-rows.csv --format csv --hide-empty"},
	{"units-inspect-two-rows", "inspect --lang en testdata/in/units-two-rows.csv"},
	{"units-unknown", "summary --lang en -i testdata/in/units-unknown.csv --format csv"},
	{"units-unknown-vi", "validate testdata/in/units-unknown.csv"},
	// Issue 12: quarters compared.
	{"issue12-quarter-csv", "summary --lang en -i testdata/in/quarters.csv --boundaries 2025 -p 2025-Q3 --level commune --hide-empty --format csv"},
	{"issue12-quarter-json", "summary --lang en -i testdata/in/quarters.csv --boundaries 2025 -p 2025-Q3 -l Xã Bắc Sơn --format json"},
	{"issue12-year-csv", "summary --lang en -i testdata/in/quarters.csv --boundaries 2025 -p 2025 --format csv"},
	{"issue12-empty-commune", "summary --lang en -i testdata/in/quarters.csv -l Xã Ba Sơn -p 2025-Q3 --format csv"},
	{"issue12-province-zero-lines", "summary --lang en -i testdata/in/quarters.csv --boundaries 2025 -p 2025-Q3 -l Lạng Sơn --format csv"},
	// Bad usage: exit 2, before any data is read.
	{"usage-unknown-flag", "summary --lang en --nope"},
	{"usage-unknown-flag-vi", "summary --nope"},
	{"usage-unknown-command", "report --lang en"},
	{"usage-no-command", "--lang en"},
	{"usage-bad-period", "summary --lang en -p Q5/2025"},
	{"usage-repeated-period", "summary --lang en -p 2025 -p 2024"},
	{"usage-bad-lang", "summary --lang fr"},
	{"usage-format-before-data", "summary --lang en -i testdata/bad.csv --format xml"},
	{"usage-stray-argument", "generate --lang en extra"},
	{"usage-flag-after-files", "validate testdata/good.csv --lang en"},
	{"usage-missing-file", "summary --lang en -i missing.csv"},
	{"usage-unknown-locality", "summary --lang en -l Lang Sonn"},
	{"usage-unknown-locality-vi", "summary -l Lang Sonn"},
	{"issue12-no-records", "summary --lang en -p 2019 --hide-empty --format csv"},
	{"usage-output-folder", "generate --lang en -o testdata/no-such-folder/"},
	{"usage-output-is-input", "generate --lang en -i testdata/good.csv -o testdata/good.csv"},
}

// pathInArgs splits a command line at spaces, except inside the name of a
// locality (-l NAME takes every word up to the next flag).
func splitArgs(line string) []string {
	var args []string
	words := strings.Fields(line)
	for i := 0; i < len(words); i++ {
		w := words[i]
		if (w == "-l" || w == "--locality") && i+1 < len(words) {
			j := i + 1
			for j < len(words) && !strings.HasPrefix(words[j], "-") {
				j++
			}
			args = append(args, w, strings.Join(words[i+1:j], " "))
			i = j - 1
			continue
		}
		args = append(args, w)
	}
	return args
}

var pdfSize = regexp.MustCompile(`\(\d[\d.,]* (bytes|byte)([,;])`)

func TestGolden(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.Symlink(filepath.Join(wd, "testdata"), filepath.Join(dir, "testdata")); err != nil {
				t.Fatal(err)
			}
			t.Chdir(dir)
			args := splitArgs(tc.args)
			var out, errOut bytes.Buffer
			code := run(append([]string{"dvkreport"}, args...), &out, &errOut, env{})
			var b strings.Builder
			fmt.Fprintf(&b, "$ dvkreport %s\nexit %d\n--- stdout\n%s--- stderr\n%s", tc.args, code, out.String(),
				// The PDF's size changes with every change to the page.
				pdfSize.ReplaceAllString(errOut.String(), "(N $1$2"))
			// Files the command wrote, with their first lines.
			for _, f := range []string{"out.pdf", "excluded.csv"} {
				data, err := os.ReadFile(f)
				if err != nil {
					continue
				}
				if bytes.HasPrefix(data, []byte("%PDF-")) {
					fmt.Fprintf(&b, "--- %s\n(a PDF)\n", f)
				} else {
					fmt.Fprintf(&b, "--- %s\n%s", f, data)
				}
			}
			got := b.String()
			name := filepath.Join(wd, "testdata", "golden", tc.name+".txt")
			if *update {
				if err := os.WriteFile(name, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(name)
			if err != nil {
				t.Fatalf("%v (go test -run TestGolden -update writes it)", err)
			}
			if got != string(want) {
				t.Errorf("transcript differs from %s (go test -run TestGolden -update rewrites it):\n got:\n%s\nwant:\n%s", name, got, want)
			}
		})
	}
}

// Every golden file belongs to a case, so that none goes stale unseen.
func TestGoldenFilesHaveCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/golden/*.txt")
	names := map[string]bool{}
	for _, tc := range goldenCases {
		names[tc.name] = true
	}
	for _, f := range files {
		if !names[strings.TrimSuffix(filepath.Base(f), ".txt")] {
			t.Errorf("%s has no case in goldenCases", f)
		}
	}
}

// TestREADME runs the "$ dvkreport …" examples of the README, from the
// repository's root, and compares what they print (standard output, then
// standard error) with what the README shows under them, so that the
// README cannot drift from the program (after golang.org/x/perf's
// cmd/benchstat doc_test.go). With -update it rewrites them.
func TestREADME(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir("../..")
	lines := strings.Split(string(data), "\n")
	examples := 0
	for i := 0; i < len(lines); i++ {
		cmd, ok := strings.CutPrefix(lines[i], "$ dvkreport ")
		if !ok {
			continue
		}
		var want []string
		j := i + 1
		for ; j < len(lines) && !strings.HasPrefix(lines[j], "```") && !strings.HasPrefix(lines[j], "$ "); j++ {
			want = append(want, lines[j])
		}
		examples++
		var out, errOut bytes.Buffer
		run(append([]string{"dvkreport"}, splitArgs(cmd)...), &out, &errOut, env{})
		got := strings.TrimRight(out.String()+errOut.String(), "\n")
		if w := strings.TrimRight(strings.Join(want, "\n"), "\n"); got != w {
			if *update {
				// The output replaces the lines under the command, a blank
				// line kept before the next one.
				blank := j > i+1 && lines[j-1] == ""
				repl := append([]string{lines[i]}, strings.Split(got, "\n")...)
				if blank {
					repl = append(repl, "")
				}
				lines = append(lines[:i], append(repl, lines[j:]...)...)
				j = i + len(repl)
			} else {
				t.Errorf("README line %d: $ dvkreport %s\n got:\n%s\nwant:\n%s", i+1, cmd, got, w)
			}
		}
		i = j - 1
	}
	if examples < 2 {
		t.Errorf("the README has %d examples; want at least 2", examples)
	}
	if *update {
		if err := os.WriteFile("README.md", []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
