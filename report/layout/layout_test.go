package layout_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/layout"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestSeedDocument compares the laid-out seed report, as data, with
// testdata/seed.golden.json: what the report says, block by block, without
// a PDF in the way. Run with -update to accept a change.
func TestSeedDocument(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts report.Options
	}{
		{"seed", report.Options{}},
		{"seed-dak-nong", report.Options{Localities: []string{"Đắk Nông"}}},
	} {
		r, err := report.Summarize(tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := report.Document(r)
		if err != nil {
			t.Fatal(err)
		}
		got, err := json.MarshalIndent(doc, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, '\n')
		golden := filepath.Join("testdata", tc.name+".golden.json")
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./report/layout -update)", err)
		}
		if !bytes.Equal(got, want) {
			gotName := filepath.Join(t.TempDir(), tc.name+".got.json")
			os.WriteFile(gotName, got, 0o644)
			t.Errorf("%s differs from %s; diff -u %s %s", tc.name, golden, golden, gotName)
		}
	}
}

// The table has one row per line, then the total; the key figures and the
// chart bars add up to the same totals.
func TestSeedDocumentConsistent(t *testing.T) {
	r, err := report.Summarize(report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := report.Document(r)
	if err != nil {
		t.Fatal(err)
	}
	var tables, charts int
	for _, b := range doc.Blocks {
		switch b := b.(type) {
		case *layout.Table:
			tables++
			if tables == 1 {
				if len(b.Rows) != len(r.Lines) || b.Total[1] != "Tổng cộng" || b.Total[9] != "503" {
					t.Errorf("locality table: %d rows, total %q", len(b.Rows), b.Total)
				}
			}
		case *layout.Chart:
			charts++
			if charts == 1 {
				sum := 0.0
				for _, s := range b.Series {
					for _, v := range s.Values {
						sum += v
					}
				}
				if sum != 503 {
					t.Errorf("the models chart sums to %v, want 503", sum)
				}
			}
		}
	}
	if tables != 2 || charts != 2 {
		t.Errorf("%d tables and %d charts, want 2 and 2", tables, charts)
	}
}
