package main

import (
	"math"
	"runtime"
	"syscall"
	"unsafe"
)

// hugePageSize is the size of a transparent huge page on the machines Go
// runs Linux on (x86-64, arm64 with 4 KiB pages).
const hugePageSize = 2 << 20

// madvHugePage is MADV_HUGEPAGE, which package syscall does not name.
const madvHugePage = 14

// preferHugePages asks Linux to back the next n bytes of the heap with
// huge pages (see the memory policy in gc.go). Go's runtime maps its heap
// in big stretches and hands out their pages lowest first; a slice of n
// bytes is such a stretch, mapped but never touched (fresh memory is
// known to be zero). The advice stays with the mapping once the slice is
// collected, so the heap the command goes on to use, which reuses those
// pages first, gets huge pages. Advice the kernel refuses (no huge pages,
// or not this kind of memory) changes nothing, and is not an error. This
// relies on how the runtime maps and reuses its pages, which it does not
// promise: should that change, the advice is lost, and nothing else (the
// slice is the program's own memory while it is advised, and advice never
// changes what memory holds).
func preferHugePages(n int64) {
	// Under a limit on the address space (ulimit -v), a slice the size
	// of the heap to come, taken at once, could be more than the limit
	// lets the runtime map, and the runtime cannot recover from that: a
	// twenty-third review saw it end every run at 1 GB. Advice is not
	// worth that risk.
	if unsafe.Sizeof(uintptr(0)) < 8 {
		return // a 32-bit address space has no room to spare
	}
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &lim); err != nil || lim.Cur != math.MaxUint64 { // RLIM_INFINITY
		return
	}
	// Never more than a quarter of the machine's memory: the run's heap
	// is not likely to be more, and a mapping beyond what the kernel
	// lets a process have would be fatal.
	var si syscall.Sysinfo_t
	if err := syscall.Sysinfo(&si); err != nil {
		return
	}
	n = min(n, int64(uint64(si.Totalram)*uint64(si.Unit)/4))
	if n < hugePageSize {
		return
	}
	b := make([]byte, n)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	lo := (p+hugePageSize-1)&^(hugePageSize-1) - p // the first whole huge page
	hi := (p+uintptr(n))&^(hugePageSize-1) - p     // and the end of the last
	if lo < hi {
		_ = syscall.Madvise(b[lo:hi], madvHugePage)
	}
	runtime.GC() // b is not used again: its pages go back to the heap, advised
}
