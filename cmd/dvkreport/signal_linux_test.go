package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dvkreport/dvkreport/report/synth"
)

// Ctrl-C in the middle of a report ends the command with 130, says so in
// the command's language, and leaves no file, whole or half-written (a
// twenty-fourth review found "dvkreport: interrupt", in English, under
// Vietnamese messages).
func TestInterruptLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "dvkreport")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	register := filepath.Join(dir, "r.csv")
	if err := synth.WriteFile(register, 300_000, 1); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{
		"vi": "dvkreport: đã dừng (Ctrl-C); không để lại tệp ghi dở",
		"en": "dvkreport: stopped (Ctrl-C); no half-written file is left",
	} {
		outDir := filepath.Join(dir, lang)
		if err := os.Mkdir(outDir, 0o755); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin, "generate", "--lang", lang, "-i", register, "-o", filepath.Join(outDir, "r.pdf"))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(150 * time.Millisecond) // reading 300,000 rows takes longer
		if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
			t.Fatal(err)
		}
		err := cmd.Wait()
		if code := cmd.ProcessState.ExitCode(); code != 130 {
			t.Fatalf("%s: exit %d (%v), want 130; stderr:\n%s", lang, code, err, stderr.String())
		}
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("%s: stderr %q, want %q", lang, stderr.String(), want)
		}
		if left, _ := os.ReadDir(outDir); len(left) > 0 {
			t.Errorf("%s: %d files left in the output's folder: %v", lang, len(left), left)
		}
	}
}
