package main

import (
	"os"
	"path/filepath"
	"testing"
)

// The soft memory limit is set for inputs it holds several times over,
// never for a bigger register, and never over the user's GOMEMLIMIT.
func TestSetMemoryLimit(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.csv")
	os.WriteFile(small, []byte("province,field,period\n"), 0o644)
	big := filepath.Join(dir, "big.csv")
	f, _ := os.Create(big)
	f.Truncate(softLimitUpTo + 1) // sparse: no disk used
	f.Close()
	for _, tc := range []struct {
		inputs []string
		vars   map[string]string
		want   int64
	}{
		{nil, nil, softLimit},
		{[]string{small}, nil, softLimit},
		{[]string{dir}, nil, 0},
		{[]string{filepath.Join(dir, "*.csv")}, nil, 0},
		{[]string{big}, nil, 0},
		{[]string{small}, map[string]string{"GOMEMLIMIT": "1GiB"}, 0},
	} {
		got := int64(0)
		e := env{getenv: func(k string) string { return tc.vars[k] }, memoryLimit: func(n int64) { got = n }}
		setMemoryLimit(e, tc.inputs)
		if got != tc.want {
			t.Errorf("%v %v: limit %d, want %d", tc.inputs, tc.vars, got, tc.want)
		}
	}
}
