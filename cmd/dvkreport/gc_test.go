package main

import (
	"os"
	"path/filepath"
	"testing"
)

// The soft memory limit is set for inputs of up to 64 MiB, at least 4.75
// times their size, never for a bigger register (which collects when its
// heap has grown by a quarter, unless the user set GOGC), and never over
// the user's GOMEMLIMIT; a
// one-document run over a small input does not collect below it, unless
// the user set GOGC. Huge pages are asked for from 256 KiB of input, for
// the heap the limit allows (4.75 times the input without one), unless the user's GODEBUG
// says disablethp=1.
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
	all := int64(len("province,field,period\n") + collectorUpTo + 1 + 20<<20 + softLimitUpTo + 1)
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
		{[]string{medium}, true, nil, memoryPolicy{limit: softLimit, hugePages: softLimit}},
		{[]string{medium}, true, map[string]string{"GODEBUG": "gctrace=1,disablethp=1"}, memoryPolicy{limit: softLimit}},
		// A register that needs more than 64 MiB alive: 4.75 times its size.
		{[]string{large}, true, nil, memoryPolicy{limit: 95 << 20, hugePages: 95 << 20}},
		// Bigger: no limit, a collection when the heap has grown by a
		// quarter, huge pages for 4.75 times the input.
		{[]string{dir}, true, nil, memoryPolicy{percent: bigGCPercent, hugePages: limitFor(all)}},
		{[]string{filepath.Join(dir, "*.csv")}, true, nil, memoryPolicy{percent: bigGCPercent, hugePages: limitFor(all)}},
		{[]string{big}, true, nil, memoryPolicy{percent: bigGCPercent, hugePages: limitFor(softLimitUpTo + 1)}},
		{[]string{big, big}, true, nil, memoryPolicy{percent: bigGCPercent, hugePages: limitFor(2 * (softLimitUpTo + 1))}},
		{[]string{big}, true, map[string]string{"GOGC": "100"}, memoryPolicy{hugePages: limitFor(softLimitUpTo + 1)}},
		{[]string{big}, true, map[string]string{"GODEBUG": "disablethp=1"}, memoryPolicy{percent: bigGCPercent}},
		{[]string{small}, true, map[string]string{"GOMEMLIMIT": "1GiB"}, none},
	} {
		got := memoryPolicy{limit: -1} // unset: no call
		e := env{getenv: func(k string) string { return tc.vars[k] }, memory: func(p memoryPolicy) { got = p }}
		setMemoryLimit(e, tc.inputs, tc.one)
		if tc.want == none {
			tc.want.limit = -1
		}
		if got != tc.want {
			t.Errorf("%v one document %v, %v: %+v, want %+v", tc.inputs, tc.one, tc.vars, got, tc.want)
		}
	}
}

// A folder's size counts its subfolders' files and the files its links
// lead to, as the command reads them: a folder of links counted 0 bytes,
// and its run collected all the time under a limit of 64 MiB.
func TestInputSizeFollowsLinksAndFolders(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	sub := filepath.Join(data, "sub")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string, n int) {
		if err := os.WriteFile(name, make([]byte, n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(data, "a.csv"), 100)
	write(filepath.Join(sub, "b.csv"), 20)
	links := filepath.Join(dir, "links")
	if err := os.Mkdir(links, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(data, "a.csv"), filepath.Join(links, "a.csv")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(data, filepath.Join(dir, "folder-link")); err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]int64{
		data:                                120,
		links:                               100,
		filepath.Join(dir, "folder-link"):   120,
		filepath.Join(data, "*.csv"):        100,
		filepath.Join(data, "a.csv"):        100,
		filepath.Join(dir, "no such thing"): 0,
	} {
		if got := inputSize(in); got != want {
			t.Errorf("inputSize(%s) = %d, want %d", in, got, want)
		}
	}
}
