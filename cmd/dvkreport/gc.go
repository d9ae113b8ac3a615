package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Memory policy. Reading a register keeps the file, its cells and its
// records alive together, about 3.6 times the file's size (70 MB for the
// national register of 100,000 rows, 18.7 MB), and Go's collector lets the
// heap grow to twice what was live at its last cycle. A soft memory limit
// makes the collector run before the heap doubles; but a limit under what
// the register needs alive makes it run all the time, and the runtime then
// gives it half the processors: with a limit of 64 MiB, a register of
// 300,000 rows (55 MB) took 1.58 times as long for 10% less memory. So
// the limit is 64 MiB, or 4.75 times the input where that is more: five
// times gave the national register 0.89 of the time at the same peak (100
// MiB), the 300,000 rows 0.71 of it for 241 MiB where 64 MiB gave 219;
// with huge pages (below) the national register's peak went from 97–99 to
// 99–102 MiB at five times, 96 at 4.75 (1.04 of the time), 93 at 4.5
// (1.17 of it) (development machine, farm-bench, paired runs). It is set
// only for inputs of up to 64 MiB; a bigger register gets no limit, and
// the user's own GOMEMLIMIT always wins.
//
// A run that makes one document from a small input (the seed data, a
// province's quarter) needs a heap of a few megabytes and is over in tens
// of milliseconds: its one or two collections freed nothing worth having
// and touched fresh memory for their own bookkeeping (the seed report:
// 1,511 → 1,332 page faults, 43 → 40 ms, peak 18.4 → 17.0 MiB on the
// development machine). Such a run does not collect at all below the soft
// limit, unless the user set GOGC. A batch of documents keeps collecting:
// it allocates for every document.
//
// Memory touched for the first time costs more than anything the command
// does with it: on the development VM a page fault took about 11 µs, and
// the national register's 22,000 faults (its 85 MiB of heap, page by 4 KiB
// page) were a quarter of its CPU time. Linux can back memory with huge
// pages of 2 MiB instead, one fault each, but by default (the
// transparent_hugepage setting "madvise" of Debian and Ubuntu) only where
// a program asks for them, which Go's runtime does not do for its heap.
// So a run over an input of 256 KiB or more first asks for them for as
// much heap as its soft limit allows (preferHugePages), or 4.75 times the
// input without one, never more than a quarter of the machine's memory:
// beyond the part asked for, a big register's heap was 4 KiB pages again
// (two files of 1,000,000 rows: 8.7 s with 512 MiB asked for, 6.3 with 4
// GiB; three: 15.7 and 7.9). The national register then took 0.64 of the time
// (22,000 → 2,000 faults) for 1–2 MiB more at its peak, a province's
// 3,000 rows 0.86 for 4 MiB more, 1,000,000 rows 0.6; below 256 KiB the
// asking costs more than it saves (the seed report: 39 → 43 ms). Where the kernel has no huge pages, or gives
// them to every program anyway ("always"), nothing changes; the user's
// GODEBUG=disablethp=1 is obeyed.
//
// A register over the soft limit's inputs gets no limit: what it needs
// alive cannot be known before it is read. Its collector runs when the
// heap has grown by a quarter (bigGCPercent) instead of doubled: the heap
// of 1,000,000 rows (177 MB) peaked at 833 MiB and now at 626, for 0.93
// of the time and 0.92 of the CPU, 400,000 rows (74 MB) at 347 and now
// 260 for 0.98 of the time (farm-bench, 3 pairs): fewer pages touched for
// the first time cost about what the collections added cost (10 gave no
// smaller peak, for 1.14 of the time); 10,000,000 rows in ten files,
// 14.5 GB → 10.3 GB at its peak (one run each). The user's GOGC wins.
const (
	softLimit     = 64 << 20
	softLimitUpTo = 64 << 20  // bytes of input
	limitPerInput = 4.75      // the limit's bytes a byte of input, at least
	collectorUpTo = 1 << 20   // bytes of input; above, a one-document run collects
	hugePagesFrom = 256 << 10 // bytes of input; from there, huge pages are asked for
	hugePagesUpTo = 16 << 30  // bytes of heap asked for, at most (and a quarter of the memory: preferHugePages)
	bigGCPercent  = 25        // the collector's GOGC over softLimitUpTo bytes of input
)

// memoryPolicy is how the garbage collector runs for a command.
type memoryPolicy struct {
	limit int64 // the soft memory limit, or 0 for none
	off   bool  // no collection below the limit
	// percent is the collector's GOGC, or 0 to leave it.
	percent int
	// hugePages is how much of the heap to ask huge pages for, or 0.
	hugePages int64
}

// setMemoryLimit sets the memory policy of a run over inputs, making one
// document or many, when the process lets the command set it (e.memory).
func setMemoryLimit(e env, inputs []string, oneDocument bool) {
	if e.memory == nil || e.getenv("GOMEMLIMIT") != "" {
		return
	}
	total := int64(0)
	for _, in := range inputs {
		total += inputSize(in)
	}
	p := memoryPolicy{}
	if total <= softLimitUpTo {
		p.limit = max(softLimit, limitFor(total))
		p.off = oneDocument && total <= collectorUpTo && e.getenv("GOGC") == ""
	} else if e.getenv("GOGC") == "" {
		p.percent = bigGCPercent
	}
	if total >= hugePagesFrom && !strings.Contains(e.getenv("GODEBUG"), "disablethp=1") {
		p.hugePages = min(max(softLimit, limitFor(total)), hugePagesUpTo)
	}
	if p != (memoryPolicy{}) {
		e.memory(p)
	}
}

// limitFor is the soft limit of limitPerInput times an input's bytes.
func limitFor(input int64) int64 { return int64(limitPerInput * float64(input)) }

// inputSize is the size of an input: a file's, or the files' of a folder
// and its subfolders, or of a pattern's matches (the seed data, for none,
// is small), symbolic links followed, as the command reads them. A size
// too small sets a limit under what the register needs alive, and the
// collector then runs all the time: a folder of three 1,000,000-row files
// reached through links counted 0 bytes and took 19 s, where its 531 MB
// read as such took 15.
func inputSize(in string) int64 {
	fi, err := os.Stat(in)
	switch {
	case err == nil && fi.Mode().IsRegular():
		return fi.Size()
	case err == nil && fi.IsDir():
		return folderSize(in)
	}
	matches, _ := filepath.Glob(in)
	n := int64(0)
	for _, m := range matches {
		n += inputSize(m)
	}
	return n
}

// folderSize is the size of the files in a folder and its subfolders,
// links to files followed.
func folderSize(dir string) int64 {
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return 0
	}
	n := int64(0)
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			n += fi.Size()
		}
		return nil
	})
	return n
}
