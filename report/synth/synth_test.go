package synth

import (
	"bytes"
	"github.com/dvkreport/dvkreport/report/load"
	"github.com/dvkreport/dvkreport/report/validate"
	"strings"
	"testing"
)

func TestRegisterDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := Register(&a, 1000, 7); err != nil {
		t.Fatal(err)
	}
	if err := Register(&b, 1000, 7); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("same seed, different registers")
	}
	lines := strings.Split(strings.TrimSpace(a.String()), "\n")
	if len(lines) != 1001 {
		t.Errorf("%d lines, want 1001", len(lines))
	}
}

// The register is valid: no problems, no model reported twice.
func TestRegisterValid(t *testing.T) {
	var buf bytes.Buffer
	if err := Register(&buf, 20000, 1); err != nil {
		t.Fatal(err)
	}
	tables, err := load.Bytes("synth.csv", buf.Bytes(), load.FormatCSV, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ds, problems := validate.Tables(tables)
	if len(problems) > 0 {
		t.Fatalf("%d problems, the first: %v", len(problems), problems[0])
	}
	if len(ds.Records) != 20000 {
		t.Errorf("%d records", len(ds.Records))
	}
}
