package fpdfrender

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGoldenBarChart compares the page content stream of the test bar chart
// with testdata/barchart.golden. Run with -update to rewrite it after an
// intended change, and look at the chart (see TestPreview) before
// committing the new golden.
func TestGoldenBarChart(t *testing.T) {
	pdf := newDoc(t)
	renderTestChart(t, pdf, parseFonts(t))
	got := pageContent(t, output(t, pdf))
	checkGolden(t, "barchart.golden", got)
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	gotPath := filepath.Join(os.TempDir(), "fpdfrender-"+name+".got")
	if err := os.WriteFile(gotPath, got, 0o644); err != nil {
		t.Logf("could not write %s: %v", gotPath, err)
	}
	t.Fatalf("content stream differs from %s (%d bytes, want %d): %s\nwrote %s; compare with diff -a, and run go test -update if the change is intended",
		golden, len(got), len(want), firstDiff(got, want), gotPath)
}

// firstDiff describes the first line where got and want differ.
func firstDiff(got, want []byte) string {
	g := bytes.Split(got, []byte("\n"))
	w := bytes.Split(want, []byte("\n"))
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl []byte
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if !bytes.Equal(gl, wl) {
			return fmt.Sprintf("line %d: got %q, want %q", i+1, gl, wl)
		}
	}
	return "same lines, different bytes"
}
