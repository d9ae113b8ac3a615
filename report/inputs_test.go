package report

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Issue 10, items 5 and 9: one file counts once however it is named; only
// regular files are read, named or found in a folder.
func TestExpandInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("province,field,period\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("data/a.csv")
	write("data/b.xlsx")
	write("data/notes.txt")
	write("data/.hidden.csv")
	write("data/~$lock.xlsx")
	os.Symlink(a, filepath.Join(dir, "link.csv"))
	files, found, err := expandInputs([]string{a, filepath.Join(dir, "data", ".", "a.csv"), filepath.Join(dir, "link.csv"), filepath.Join(dir, "data")})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[0] != a || filepath.Base(files[1]) != "b.xlsx" {
		t.Errorf("files = %q", files)
	}
	if len(found) != 2 || found[0] || !found[1] {
		t.Errorf("found = %v, want a named, b.xlsx found in the folder", found)
	}
	if _, found, err := expandInputs([]string{filepath.Join(dir, "data", "a.c*")}); err != nil || len(found) != 1 || !found[0] {
		t.Errorf("a pattern's match: found = %v, %v", found, err)
	}

	// A link to /dev/zero, named or in a folder.
	zero := filepath.Join(dir, "zero", "zero.csv")
	os.MkdirAll(filepath.Dir(zero), 0o755)
	os.Symlink("/dev/zero", zero)
	for _, in := range []string{zero, filepath.Dir(zero)} {
		var ue *UsageError
		if _, _, err := expandInputs([]string{in}); !errors.As(err, &ue) {
			t.Errorf("%s: err = %v, want a usage error", in, err)
		}
	}
	// A named pipe in a folder: refused, never opened (which would hang).
	fifo := filepath.Join(dir, "pipe", "p.csv")
	os.MkdirAll(filepath.Dir(fifo), 0o755)
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	if _, _, err := expandInputs([]string{filepath.Dir(fifo)}); err == nil {
		t.Error("a named pipe was accepted")
	}
	// A link loop.
	loop := filepath.Join(dir, "loop.csv")
	os.Symlink("loop.csv", loop)
	if _, _, err := expandInputs([]string{loop}); err == nil || !strings.Contains(err.Error(), "loop") {
		t.Errorf("loop: %v", err)
	}
}

// A register of several files of 64 MiB or more is counted by the lines
// of its CSV files, a last line without its break included, up to one for
// every 100 bytes; a workbook counts nothing, and a smaller register is
// not counted.
func TestExpectedRows(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "a.csv")
	if err := os.WriteFile(small, []byte("province,field,period\nLạng Sơn,Kinh tế,2025-Q3\nLai Châu,,2025-Q3"), 0o644); err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(dir, "b.xlsx")
	if err := os.WriteFile(book, []byte("\n\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "c.csv")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt([]byte("x\ny\n"), manyRowsFrom-4) // sparse before it: no disk used
	f.Close()
	// A file of line breaks alone: room for a record every 100 bytes,
	// not for each line.
	breaks := filepath.Join(dir, "d.csv")
	if err := os.WriteFile(breaks, bytes.Repeat([]byte{'\n'}, manyRowsFrom), 0o644); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(small)
	if err != nil {
		t.Fatal(err)
	}
	small64 := fi.Size()
	for _, tc := range []struct {
		files []string
		want  int
	}{
		{[]string{small, book}, 0},
		{[]string{big}, 0},
		{[]string{small, book, big}, 3 + 2},
		{[]string{small, breaks}, int((small64 + manyRowsFrom) / bytesPerRoom)},
	} {
		if got := expectedRows(tc.files); got != tc.want {
			t.Errorf("%v: %d rows, want %d", tc.files, got, tc.want)
		}
	}
}
