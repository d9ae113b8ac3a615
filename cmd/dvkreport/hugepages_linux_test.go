package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"unsafe"
)

// After preferHugePages, the heap the command goes on to use is advised
// for huge pages: the mapping that holds a big allocation made next has
// the flag "hg" in /proc/self/smaps.
// It runs in a process of its own, whose heap nothing has advised yet.
func TestPreferHugePages(t *testing.T) {
	if _, err := os.Stat("/sys/kernel/mm/transparent_hugepage/enabled"); err != nil {
		t.Skip("this kernel has no transparent huge pages")
	}
	if os.Getenv("DVK_HUGE_PAGES_CHILD") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestPreferHugePages$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), "DVK_HUGE_PAGES_CHILD=1")
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS: TestPreferHugePages") {
			t.Fatalf("%v\n%s", err, out)
		}
		return
	}
	const n = 64 << 20
	before := make([]byte, 16<<20)
	if flags := vmFlags(t, addr(before)); strings.Contains(flags, " hg") {
		t.Fatalf("the heap is advised already (flags %q): the test proves nothing", flags)
	}
	preferHugePages(n)
	// Too big for any gap below the advised stretch; its start may be in
	// the part of a huge page before the stretch, its middle is not.
	after := make([]byte, 16<<20)
	if flags := vmFlags(t, addr(after)+8<<20); !strings.Contains(flags, " hg") {
		t.Errorf("the mapping of a slice made after preferHugePages has flags %q, want hg", flags)
	}
	runtime.KeepAlive(before) // else its pages, lower, would take after
}

func addr(b []byte) uintptr { return uintptr(unsafe.Pointer(unsafe.SliceData(b))) }

// vmFlags returns the VmFlags line of the mapping that holds address a.
func vmFlags(t *testing.T, a uintptr) string {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in := false
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := s.Text()
		var lo, hi uintptr
		if n, _ := fmt.Sscanf(line, "%x-%x", &lo, &hi); n == 2 && strings.Contains(line, " ") {
			in = lo <= a && a < hi
			continue
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			return strings.TrimPrefix(line, "VmFlags:") + " "
		}
	}
	t.Fatalf("no mapping holds %#x", a)
	return ""
}
