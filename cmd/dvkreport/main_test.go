package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(append([]string{"dvkreport"}, args...), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestSummaryCSVSeed(t *testing.T) {
	code, out, errOut := runCmd(t, "summary", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.HasPrefix(lines[0], "locality,economy,culture_society,defense_security,party_building,unclassified,new,sustained,models,funds_vnd,households,beneficiaries") {
		t.Errorf("header %q", lines[0])
	}
	want := map[string]string{
		"Lai Châu": "Lai Châu,0,0,0,0,430,233,197,430,0,0,0,",
		"Lạng Sơn": "Lạng Sơn,3,19,5,8,0,35,0,35,380000000,8500,36626,",
		"TOTAL":    "TOTAL,3,19,5,8,468,306,197,503,11103900000,8991,37702,",
	}
	for name, prefix := range want {
		found := false
		for _, l := range lines {
			if strings.HasPrefix(l, prefix) {
				found = true
			}
		}
		if !found {
			t.Errorf("no row for %s starting %q in\n%s", name, prefix, out)
		}
	}
	if !strings.HasPrefix(lines[len(lines)-1], "TOTAL,") {
		t.Errorf("the last row is not TOTAL: %q", lines[len(lines)-1])
	}
}

func TestGenerateWritesPDF(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.pdf")
	code, _, errOut := runCmd(t, "generate", "--locality", "lang son", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
	// -o - writes the same bytes to standard output.
	code, stdout, _ := runCmd(t, "generate", "--locality", "lang son", "-o", "-")
	if code != 0 || stdout != string(b) {
		t.Errorf("-o -: exit %d, %d bytes, want the %d bytes of the file", code, len(stdout), len(b))
	}
}

func TestGenerateDefaultName(t *testing.T) {
	dir := t.TempDir()
	wd, _ := os.Getwd()
	t.Chdir(dir)
	good := filepath.Join(wd, "testdata", "good.csv")
	code, _, errOut := runCmd(t, "generate", "--input", good, "--locality", "Lạng Sơn", "--period", "Quý III/2025")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "dvk-lang-son-2025-q3.pdf")); err != nil {
		t.Errorf("default file name: %v (stderr %s)", err, errOut)
	}
}

func TestBadDataWritesNothing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.pdf")
	code, _, errOut := runCmd(t, "generate", "--input", "testdata/bad.csv", "-o", out)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{
		"testdata/bad.csv:2:4: funds_vnd:", "ambiguous",
		"testdata/bad.csv:3:2: field:", "testdata/bad.csv:3:3: period:", "testdata/bad.csv:3:4: funds_vnd:",
		"nothing was written",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a PDF was written for bad data")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 0 {
		t.Errorf("files left behind: %v", entries)
	}
}

func TestValidate(t *testing.T) {
	code, out, _ := runCmd(t, "validate", "testdata/good.csv")
	if code != 0 || !strings.Contains(out, "3 rows, no problems") {
		t.Errorf("good: exit %d, %q", code, out)
	}
	code, _, errOut := runCmd(t, "validate", "testdata/good.csv", "testdata/bad.csv")
	if code != 1 || strings.Count(errOut, "testdata/bad.csv:") != 4 {
		t.Errorf("bad: exit %d, stderr:\n%s", code, errOut)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"generate", "--locality", "Lang Sonn", "-o", "-"}, "did you mean Lạng Sơn"},
		{[]string{"summary", "--period", "Q5/2025"}, "no quarter 5"},
		{[]string{"summary", "--level", "village"}, "unknown level"},
		{[]string{"summary", "--format", "xml"}, "unknown format"},
		{[]string{"summary", "--nope"}, "flag provided but not defined"},
		{[]string{"summary", "--input", "missing.csv"}, "missing.csv: no such file"},
		{[]string{"summary", "--period", "2019"}, "no records"},
		{[]string{"generate", "extra-arg"}, "takes no arguments"},
	}
	for _, tt := range tests {
		code, _, errOut := runCmd(t, tt.args...)
		if code != 2 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
}

func TestHelp(t *testing.T) {
	for _, cmd := range []string{"generate", "summary", "validate"} {
		code, out, _ := runCmd(t, cmd, "--help")
		if code != 0 || !strings.Contains(out, "dvkreport "+cmd) {
			t.Errorf("%s --help: exit %d\n%s", cmd, code, out)
		}
	}
}
