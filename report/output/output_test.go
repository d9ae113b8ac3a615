package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func mustWrite(t *testing.T, name string, data []byte, opts Options) {
	t.Helper()
	if err := Write(name, data, opts); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "r.pdf")
	mustWrite(t, name, []byte("one"), Options{})
	if err := Write(name, []byte("two"), Options{}); !errors.Is(err, ErrExists) {
		t.Errorf("replacing without Overwrite: %v", err)
	}
	mustWrite(t, name, []byte("two"), Options{Overwrite: true})
	if got := read(t, name); got != "two" {
		t.Errorf("content %q", got)
	}
	if err := Write(filepath.Join(dir, "missing", "r.pdf"), []byte("x"), Options{}); !errors.Is(err, ErrNoFolder) {
		t.Errorf("a missing folder: %v", err)
	}
	if err := Write(dir, []byte("x"), Options{Overwrite: true}); !errors.Is(err, ErrIsFolder) {
		t.Errorf("a folder: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	// A device is written to, not replaced.
	mustWrite(t, os.DevNull, []byte("x"), Options{Overwrite: true})
	if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode().IsRegular() {
		t.Fatalf("%s was replaced by a regular file", os.DevNull)
	}
}

// Issue 10, item 11: a symbolic link is written through, not replaced.
func TestWriteThroughLink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.pdf")
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink("real.pdf", link); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, link, []byte("new"), Options{Overwrite: true}) // a link to a file not there yet
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	if got := read(t, target); got != "new" {
		t.Errorf("target holds %q", got)
	}
	mustWrite(t, link, []byte("again"), Options{Overwrite: true})
	if got := read(t, target); got != "again" {
		t.Errorf("target holds %q", got)
	}
	loop := filepath.Join(dir, "loop.pdf")
	os.Symlink("loop.pdf", loop)
	if err := Write(loop, []byte("x"), Options{Overwrite: true}); err == nil {
		t.Error("a link loop was written")
	}
}

// Issue 10, item 12: the output is never one of the inputs, whatever the
// name that leads to it.
func TestWriteRefusesInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "data.csv")
	os.WriteFile(in, []byte("register"), 0o644)
	os.Symlink(in, filepath.Join(dir, "alias.csv"))
	for _, out := range []string{in, filepath.Join(dir, ".", "data.csv"), filepath.Join(dir, "alias.csv")} {
		if err := Write(out, []byte("pdf"), Options{Overwrite: true, Inputs: []string{in}}); !errors.Is(err, ErrIsInput) {
			t.Errorf("%s: %v", out, err)
		}
	}
	if got := read(t, in); got != "register" {
		t.Errorf("the register now holds %q", got)
	}
}

// Issue 10, item 13: modes as any program makes them, kept when a file is
// replaced, and a read-only file never replaced.
func TestWriteModes(t *testing.T) {
	dir := t.TempDir()
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	name := filepath.Join(dir, "new.pdf")
	mustWrite(t, name, []byte("x"), Options{})
	if fi, _ := os.Stat(name); fi.Mode().Perm() != 0o600 {
		t.Errorf("umask 077: mode %v, want 0600", fi.Mode().Perm())
	}
	syscall.Umask(0o022)
	kept := filepath.Join(dir, "kept.pdf")
	os.WriteFile(kept, []byte("x"), 0o640)
	os.Chmod(kept, 0o640)
	mustWrite(t, kept, []byte("y"), Options{Overwrite: true})
	if fi, _ := os.Stat(kept); fi.Mode().Perm() != 0o640 {
		t.Errorf("replaced file: mode %v, want 0640", fi.Mode().Perm())
	}
	ro := filepath.Join(dir, "ro.pdf")
	os.WriteFile(ro, []byte("keep"), 0o444)
	if err := Write(ro, []byte("z"), Options{Overwrite: true}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("read-only: %v", err)
	}
	if got := read(t, ro); got != "keep" {
		t.Errorf("read-only file holds %q", got)
	}
}

func TestTemps(t *testing.T) {
	dir := t.TempDir()
	var temps Temps
	a := filepath.Join(dir, ".a.tmp")
	os.WriteFile(a, nil, 0o600)
	temps.add(a)
	temps.add(filepath.Join(dir, "gone"))
	if n := temps.RemoveAll(); n != 1 {
		t.Errorf("removed %d", n)
	}
	if _, err := os.Stat(a); !os.IsNotExist(err) {
		t.Error("the temporary file is still there")
	}
	var none *Temps
	none.add("x")
	if none.RemoveAll() != 0 {
		t.Error("a nil Temps removed something")
	}
}

// A write refused for its folder's permissions, or for a full disk, says
// so in the user's terms, not the system's (a twenty-fourth review: "open
// rodir/.x.pdf.1762103169.tmp: permission denied"), and a folder not
// writable is an ErrNotWritable.
func TestFailedSaysWhy(t *testing.T) {
	perm := failed("rodir/x.pdf", &fs.PathError{Op: "open", Path: "rodir/.x.pdf.1.tmp", Err: fs.ErrPermission})
	if perm.Text.Key != "output.no_permission" || !errors.Is(perm, ErrNotWritable) || strings.Contains(perm.Error(), ".tmp") {
		t.Errorf("permission: %v (%s)", perm, perm.Text.Key)
	}
	full := failed("x.pdf", &fs.PathError{Op: "write", Path: "x.pdf", Err: syscall.ENOSPC})
	if full.Text.Key != "output.disk_full" {
		t.Errorf("disk full: %v (%s)", full, full.Text.Key)
	}
	if other := failed("x.pdf", errors.New("boom")); other.Text.Key != "output.failed" {
		t.Errorf("other: %v", other)
	}
}
