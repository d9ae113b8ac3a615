package synth

import (
	"bytes"
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
