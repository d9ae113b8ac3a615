package xls

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"
)

// testFiles are the .xls files of testdata.
func testFiles(t testing.TB) map[string][]byte {
	names, err := filepath.Glob(filepath.Join("testdata", "*.xls"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	files := map[string][]byte{}
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(n)] = data
	}
	return files
}

// check checks what Read returned: an error that wraps one of the
// package's errors and no sheets, or sheets whose rows are in order, each
// with a last cell that is not empty, and valid UTF-8 everywhere.
func check(t testing.TB, sheets []Sheet, err error) {
	t.Helper()
	if err != nil {
		if sheets != nil {
			t.Fatalf("sheets with an error: %v", err)
		}
		for _, e := range []error{ErrEncrypted, ErrNotBIFF8, ErrNotXLS, ErrLimit, ErrCorrupt} {
			if errors.Is(err, e) {
				return
			}
		}
		t.Fatalf("an error of no kind: %v", err)
	}
	for _, sh := range sheets {
		if !utf8.ValidString(sh.Name) {
			t.Fatalf("sheet name %q", sh.Name)
		}
		last := 0
		for _, r := range sh.Rows {
			if r.Num <= last || r.Num > 65536 || len(r.Cells) == 0 || len(r.Cells) > 256 || r.Cells[len(r.Cells)-1] == "" {
				t.Fatalf("sheet %q: row %d after %d: %q", sh.Name, r.Num, last, r.Cells)
			}
			last = r.Num
			for _, c := range r.Cells {
				if !utf8.ValidString(c) {
					t.Fatalf("cell %q", c)
				}
			}
		}
		for _, m := range sh.Merged {
			if m.FirstRow < 1 || m.FirstCol < 1 || m.FirstRow > m.LastRow || m.FirstCol > m.LastCol {
				t.Fatalf("merged %v", m)
			}
		}
	}
}

// TestMangled reads every test file cut short at many lengths and with
// bytes changed at many offsets, whole and as bare Workbook streams: each
// read fails with one of the package's errors or gives sound sheets, never
// panics, and is quick.
func TestMangled(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	variants := 0
	slowest := time.Duration(0)
	try := func(read func([]byte) ([]Sheet, error), data []byte) {
		start := time.Now()
		sheets, err := read(data)
		if d := time.Since(start); d > slowest {
			slowest = d
		}
		check(t, sheets, err)
		variants++
	}
	readFile := func(b []byte) ([]Sheet, error) { return Read(b, Limits{}) }
	readStream := func(b []byte) ([]Sheet, error) { return readWorkbookStream(b, Limits{}) }
	for _, data := range testFiles(t) {
		stream, err := workbookStream(data)
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range []struct {
			data []byte
			read func([]byte) ([]Sheet, error)
		}{{data, readFile}, {stream, readStream}} {
			d := in.data
			// Cut short at lengths spread over the whole, and at random.
			for i := 0; i < 60; i++ {
				try(in.read, d[:len(d)*i/60])
				try(in.read, d[:rng.IntN(len(d))])
			}
			// Bytes changed: one at a time, and several at once.
			for i := 0; i < 150; i++ {
				m := append([]byte(nil), d...)
				m[rng.IntN(len(m))] ^= byte(1 + rng.IntN(255))
				try(in.read, m)
				m = append([]byte(nil), d...)
				for j := 0; j < 8; j++ {
					m[rng.IntN(len(m))] = byte(rng.IntN(256))
				}
				try(in.read, m)
			}
			// Bytes changed in the first 4 KiB, where the compound file's
			// header and the workbook globals are.
			for i := 0; i < 100; i++ {
				m := append([]byte(nil), d...)
				m[rng.IntN(min(len(m), 4096))] ^= byte(1 + rng.IntN(255))
				try(in.read, m)
			}
		}
	}
	t.Logf("%d variants, the slowest read in %v", variants, slowest)
	if slowest > 2*time.Second {
		t.Errorf("a read took %v", slowest)
	}
}

// FuzzRead: any bytes read as sound sheets or fail with one of the
// package's errors, without panicking. It is seeded with the test files
// but sst.xls, whose 280 KB would slow the fuzzer down tenfold (TestMangled
// mangles it).
func FuzzRead(f *testing.F) {
	for _, data := range testFiles(f) {
		if len(data) < 64<<10 {
			f.Add(data)
		}
	}
	f.Add(compoundFile("Workbook", oneSheet(sst(40, sstString{s: "Ngày tháng"}, sstString{s: "rich", runs: 2, ext: 3}),
		labelSST(0, 0, 0), labelSST(1, 1, 1), mulRK(2, 0, 1, 2, 3), formula(3, 0, 15, formulaSpecial(0, 0)),
		rec(recString, xlString("kết quả")), rec(recMerged, u16s(1, 0, 1, 0, 1))).stream()))
	f.Fuzz(func(t *testing.T, data []byte) {
		sheets, err := Read(data, Limits{})
		check(t, sheets, err)
	})
}

// FuzzStream fuzzes the BIFF parser alone, past the compound file.
func FuzzStream(f *testing.F) {
	for _, data := range testFiles(f) {
		if stream, err := workbookStream(data); err == nil && len(stream) < 64<<10 {
			f.Add(stream)
		}
	}
	f.Add(oneSheet(sst(40, sstString{s: "Ngày tháng"}, sstString{s: "rich", runs: 2, ext: 3}),
		labelSST(0, 0, 0), labelSST(1, 1, 1), mulRK(2, 0, 1, 2, 3), formula(3, 0, 15, formulaSpecial(0, 0)),
		rec(recString, xlString("kết quả")), rec(recMerged, u16s(1, 0, 1, 0, 1))).stream())
	f.Fuzz(func(t *testing.T, data []byte) {
		sheets, err := readWorkbookStream(data, Limits{})
		check(t, sheets, err)
	})
}
