// Package output writes dvkreport's files safely: whole or not at all, to
// the file a name means, and never over something the user did not mean
// to replace.
//
// A file is written to a temporary file in the destination's folder,
// synced, given its mode and renamed into place, so that a failed or
// interrupted run never leaves half a file and a reader never sees one.
// The rules:
//
//   - a symbolic link is written through: the file it points to is
//     replaced, and the link stays;
//   - a name that is not a regular file (/dev/stdout, a named pipe, a
//     terminal) is written to directly, since renaming over it would
//     replace it;
//   - a folder is refused, as is a name in a folder that does not exist;
//   - an existing file keeps its mode; a new one gets 0666 less the umask,
//     as a file made by any other program would;
//   - a read-only file is never replaced; an existing file is replaced
//     only when Options.Overwrite allows it;
//   - a file that is one of Options.Inputs (whatever the name, link or
//     path that leads to it) is refused: the report must not replace the
//     register it was made from;
//   - the temporary file's name is given to Options.Temps while it
//     exists, so that a command interrupted by a signal can remove it.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/dvkreport/dvkreport/report/msg"
)

// Options say what a write may do.
type Options struct {
	// Overwrite allows replacing an existing regular file. Without it an
	// existing file is an error (ErrExists).
	Overwrite bool
	// Inputs are the files the output must not be: the registers read.
	Inputs []string
	// Temps, if not nil, holds the names of temporary files while they
	// exist.
	Temps *Temps
}

// Errors, wrapped by the *Error of a refused write.
var (
	ErrExists   = errors.New("file exists")
	ErrReadOnly = errors.New("read-only file")
	ErrIsInput  = errors.New("output is an input")
	ErrNoFolder = errors.New("no such folder")
	ErrIsFolder = errors.New("is a folder")
	// ErrNotWritable is a folder the process may not write in.
	ErrNotWritable = errors.New("folder not writable")
)

// Error is a refused or failed write.
type Error struct {
	Name string
	Text msg.Text
	Err  error
}

func (e *Error) Error() string        { return e.In(msg.EN) }
func (e *Error) In(l msg.Lang) string { return e.Name + ": " + e.Text.In(l) }
func (e *Error) Unwrap() error        { return e.Err }
func refuse(name string, kind error, key string, args ...any) *Error {
	return &Error{Name: name, Text: msg.New(key, args...), Err: kind}
}

// Write writes data to the named file as the package documentation
// describes.
func Write(name string, data []byte, opts Options) error {
	target, err := resolve(name)
	if err != nil {
		return err
	}
	fi, err := os.Stat(target)
	switch {
	case err == nil && fi.IsDir():
		return refuse(name, ErrIsFolder, "output.is_folder")
	case err == nil && !fi.Mode().IsRegular():
		return writeDirect(name, target, data)
	case err == nil:
		for _, in := range opts.Inputs {
			if ii, err := os.Stat(in); err == nil && os.SameFile(fi, ii) {
				return refuse(name, ErrIsInput, "output.is_input", in)
			}
		}
		if fi.Mode().Perm()&0o222 == 0 {
			return refuse(name, ErrReadOnly, "output.read_only")
		}
		if !opts.Overwrite {
			return refuse(name, ErrExists, "output.exists")
		}
		return writeAtomic(name, target, data, fi.Mode().Perm(), opts.Temps)
	case errors.Is(err, fs.ErrNotExist):
		dir := filepath.Dir(target)
		if di, err := os.Stat(dir); err != nil || !di.IsDir() {
			return refuse(name, ErrNoFolder, "output.no_folder", dir)
		}
		return writeAtomic(name, target, data, 0, opts.Temps)
	default:
		return failed(name, err)
	}
}

// resolve follows symbolic links from name to the file they lead to; a
// link to a file that does not exist yet leads to that name. A loop is an
// error.
func resolve(name string) (string, error) {
	target := name
	for hops := 0; ; hops++ {
		fi, err := os.Lstat(target)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return target, nil
		}
		if hops >= 40 {
			return "", refuse(name, fs.ErrInvalid, "output.link_loop")
		}
		dest, err := os.Readlink(target)
		if err != nil {
			return "", failed(name, err)
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(target), dest)
		}
		target = dest
	}
}

// writeDirect writes to a file that is not a regular file.
func writeDirect(name, target string, data []byte) error {
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return failed(name, err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return failed(name, err)
	}
	return nil
}

// writeAtomic writes data to a temporary file beside target and renames it
// over target; perm 0 means a new file's mode.
func writeAtomic(name, target string, data []byte, perm fs.FileMode, temps *Temps) (err error) {
	dir := filepath.Dir(target)
	f, err := os.CreateTemp(dir, "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return failed(name, err)
	}
	tmp := f.Name()
	temps.add(tmp)
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
			err = failed(name, err)
		}
		temps.remove(tmp)
	}()
	if perm == 0 {
		perm = 0o666 &^ umask()
	}
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Chmod(perm); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, target)
}

// umask returns the process's umask without changing it (syscall.Umask
// would, for a moment, for every thread): Linux states it in
// /proc/self/status; elsewhere the common 022 is assumed.
func umask() fs.FileMode {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0o022
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "Umask:"); ok {
			if m, err := strconv.ParseUint(strings.TrimSpace(v), 8, 32); err == nil {
				return fs.FileMode(m) & 0o777
			}
		}
	}
	return 0o022
}

// Temps is a set of temporary files that exist for the moment, safe for
// use by several goroutines; the zero value is ready to use and a nil
// *Temps holds nothing.
type Temps struct {
	mu    sync.Mutex
	names map[string]bool
}

func (t *Temps) add(name string) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.names == nil {
		t.names = map[string]bool{}
	}
	t.names[name] = true
}

func (t *Temps) remove(name string) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.names, name)
}

// RemoveAll removes every temporary file that still exists, as a command
// does when a signal interrupts it, and returns how many it removed.
func (t *Temps) RemoveAll() int {
	if t == nil {
		return 0
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	n := 0
	for name := range t.names {
		if os.Remove(name) == nil {
			n++
		}
		delete(t.names, name)
	}
	return n
}

// String lists the temporary files, for debugging.
func (t *Temps) String() string {
	if t == nil {
		return "[]"
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return fmt.Sprint(t.names)
}

// failed is the error of a write that failed: said in the user's terms
// where the cause is theirs to mend, a folder they may not write in or a
// full disk, not in the system's ("open rodir/.x.pdf.1762103169.tmp:
// permission denied", a twenty-fourth review).
func failed(name string, err error) *Error {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return &Error{Name: name, Text: msg.New("output.no_permission", filepath.Dir(name)), Err: ErrNotWritable}
	case errors.Is(err, syscall.ENOSPC):
		return &Error{Name: name, Text: msg.New("output.disk_full"), Err: err}
	}
	return &Error{Name: name, Text: msg.New("output.failed", err), Err: err}
}
