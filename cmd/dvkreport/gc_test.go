package main

import (
	"os"
	"path/filepath"
	"testing"
)

// The soft memory limit is set for inputs of up to 64 MiB, at least five
// times their size, never for a bigger register, and never over the
// user's GOMEMLIMIT; a
// one-document run over a small input does not collect below it, unless
// the user set GOGC.
func TestSetMemoryLimit(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.csv")
	os.WriteFile(small, []byte("province,field,period\n"), 0o644)
	medium := filepath.Join(dir, "medium.csv")
	f, _ := os.Create(medium)
	f.Truncate(collectorUpTo + 1) // sparse: no disk used
	f.Close()
	large := filepath.Join(dir, "large.csv")
	f, _ = os.Create(large)
	f.Truncate(20 << 20)
	f.Close()
	big := filepath.Join(dir, "big.csv")
	f, _ = os.Create(big)
	f.Truncate(softLimitUpTo + 1)
	f.Close()
	none := memoryPolicy{}
	for _, tc := range []struct {
		inputs []string
		one    bool
		vars   map[string]string
		want   memoryPolicy
	}{
		{nil, true, nil, memoryPolicy{limit: softLimit, off: true}},
		{nil, false, nil, memoryPolicy{limit: softLimit}},
		{[]string{small}, true, nil, memoryPolicy{limit: softLimit, off: true}},
		{[]string{small}, true, map[string]string{"GOGC": "100"}, memoryPolicy{limit: softLimit}},
		{[]string{medium}, true, nil, memoryPolicy{limit: softLimit}},
		// A register that needs more than 64 MiB alive: five times its size.
		{[]string{large}, true, nil, memoryPolicy{limit: 100 << 20}},
		{[]string{dir}, true, nil, none},
		{[]string{filepath.Join(dir, "*.csv")}, true, nil, none},
		{[]string{big}, true, nil, none},
		{[]string{small}, true, map[string]string{"GOMEMLIMIT": "1GiB"}, none},
	} {
		var got memoryPolicy
		e := env{getenv: func(k string) string { return tc.vars[k] }, memory: func(p memoryPolicy) { got = p }}
		setMemoryLimit(e, tc.inputs, tc.one)
		if got != tc.want {
			t.Errorf("%v one document %v, %v: %+v, want %+v", tc.inputs, tc.one, tc.vars, got, tc.want)
		}
	}
}
