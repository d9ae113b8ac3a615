package report

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/dvkreport/dvkreport/report/load"
)

// expandInputs turns files, folders and glob patterns into register files,
// each once however it is named (./x.csv and x.csv, a symbolic link and its
// target, a folder and a file in it), in the order given, a folder's files
// in name order. Every file must be a regular file: a device, a named pipe
// or a symbolic link loop is an error naming it, whether it is named or
// found in a folder, never read and never skipped unseen. found[i] says
// whether files[i] was found in a folder or by a pattern rather than named.
func expandInputs(inputs []string) (files []string, found []bool, err error) {
	var seen []os.FileInfo
	add := func(name string, byFolder bool) error {
		fi, err := os.Stat(name)
		if err != nil {
			return missing(name, err)
		}
		if !fi.Mode().IsRegular() {
			return usage("report.not_regular", name)
		}
		for _, s := range seen {
			if os.SameFile(s, fi) {
				return nil
			}
		}
		seen = append(seen, fi)
		files = append(files, name)
		found = append(found, byFolder)
		return nil
	}
	for _, in := range inputs {
		matches := []string{in}
		if strings.ContainsAny(in, "*?[") {
			if _, err := os.Lstat(in); err != nil { // a name with such characters is not a pattern
				m, err := filepath.Glob(in)
				if err != nil {
					return nil, nil, usage("report.bad_glob", in, err)
				}
				if len(m) == 0 {
					return nil, nil, usage("report.glob_matches_nothing", in)
				}
				matches = m
			}
		}
		for _, m := range matches {
			fi, err := os.Stat(m)
			if err != nil {
				return nil, nil, missing(m, err)
			}
			if !fi.IsDir() {
				if _, err := load.FormatOf(m); err != nil && len(matches) == 1 {
					return nil, nil, &UsageError{Err: err}
				} else if err != nil {
					continue // a pattern's match of another type
				}
				if err := add(m, len(matches) > 1 || m != in); err != nil {
					return nil, nil, err
				}
				continue
			}
			n := len(files)
			var inFolder []string
			// The folder may be a symbolic link, which WalkDir would not
			// enter: walk where it leads, and name what it finds from m.
			root, err := filepath.EvalSymlinks(m)
			if err != nil {
				return nil, nil, missing(m, err)
			}
			err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				name := d.Name()
				if d.IsDir() {
					if p != root && strings.HasPrefix(name, ".") {
						return filepath.SkipDir
					}
					return nil
				}
				if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
					return nil // hidden files and Office's lock files
				}
				// Every register type but .txt, which a folder may hold
				// for other reasons (a README).
				ext := strings.ToLower(filepath.Ext(name))
				if _, ok := load.Extensions[ext]; ok && ext != ".txt" {
					if rel, err := filepath.Rel(root, p); err == nil {
						p = filepath.Join(m, rel)
					}
					inFolder = append(inFolder, p)
				}
				return nil
			})
			if err != nil {
				return nil, nil, missing(m, err)
			}
			slices.Sort(inFolder)
			for _, f := range inFolder {
				if err := add(f, true); err != nil {
					return nil, nil, err
				}
			}
			if len(files) == n && len(inFolder) == 0 {
				return nil, nil, usage("report.empty_folder", m)
			}
		}
	}
	return files, found, nil
}

// missing words the error of a name that cannot be read.
func missing(name string, err error) error {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return usage("report.link_loop", name)
	case errors.Is(err, fs.ErrNotExist):
		return usage("report.no_such_file", name)
	case errors.Is(err, fs.ErrPermission):
		return usage("report.permission", name)
	}
	return usage("report.cannot_read", name, err)
}

// manyRowsFrom is the size of a register of several files from which
// expectedRows counts their lines.
const manyRowsFrom = 64 << 20

// bytesPerRoom is the bytes of input for each record expectedRows makes
// room for, at most: a record is about 200 bytes, so the room is never
// more than about twice the input, whatever the files hold (a gigabyte of line
// breaks alone asked for room for a billion records, more than a machine
// has). The rows of a register of report/synth are 177 bytes; rows
// shorter than 100 bytes on average get room for part of them, the rest
// made as without it.
const bytesPerRoom = 100

// maxFileBytes is the biggest file package load reads (load.Limits).
const maxFileBytes = 1 << 30

// expectedRows returns, for a register of several files that together
// hold manyRowsFrom bytes or more, the number of lines of its CSV files:
// an upper bound of their rows, so that their records are made room for
// once (validate.Reader.Expect), but no more than a record for every
// bytesPerRoom bytes of them. A file over the size load reads is not
// counted (reading it says why).
// Ten files of 1,000,000 rows copied their records at the third, fifth
// and ninth file, up to 1.6 GB at a time beside the room made for 16
// million. It returns 0 for a smaller register, and when a file cannot
// be read (reading it says why).
func expectedRows(files []string) int {
	if len(files) < 2 {
		return 0
	}
	size, sizes := int64(0), make([]int64, len(files))
	for i, f := range files {
		if fi, err := os.Stat(f); err == nil {
			sizes[i] = fi.Size()
			size += sizes[i]
		}
	}
	if size < manyRowsFrom {
		return 0
	}
	buf := make([]byte, 1<<20)
	lines, csv := 0, int64(0)
	for i, name := range files {
		if f, _ := load.FormatOf(name); f != load.FormatCSV || sizes[i] > maxFileBytes {
			continue
		}
		n, err := countLines(name, buf)
		if err != nil {
			return 0
		}
		lines, csv = lines+n, csv+sizes[i]
	}
	return int(min(int64(lines), csv/bytesPerRoom))
}

// countLines counts the line breaks of a file, and a last line without one.
func countLines(name string, buf []byte) (int, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n, last := 0, byte('\n')
	for {
		k, err := f.Read(buf)
		if k > 0 {
			n += bytes.Count(buf[:k], []byte{'\n'})
			last = buf[k-1]
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, err
		}
	}
	if last != '\n' {
		n++
	}
	return n, nil
}
