// Package batch writes many reports into one folder: one file per
// locality, made in parallel, each written atomically, with a manifest.
//
// Names gives every locality a file name that is ASCII, distinct from the
// others' (two names whose slugs collide, Xã Tân Thành and Xã Tân Thạnh,
// get their official codes), safe on every system (no path separator, no
// dot-dot, no Windows device name, never empty, at most MaxName bytes) and
// therefore inside the folder. Run makes and writes the files: it refuses
// to begin when one exists (unless Options.Force), goes on when one
// locality fails, and writes a manifest (DIR/manifest-2025-q3.csv for a
// batch of that quarter, see ManifestFor) listing the files with their
// pages, bytes and SHA-256. It prints nothing: Options.Progress hears of
// each file. The package knows nothing of reports: a Job's Make returns
// bytes.
package batch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/dvkreport/dvkreport/report/internal/parallel"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/output"
)

// Job is one file to make.
type Job struct {
	// Locality names the file's locality for the manifest and messages:
	// "Lạng Sơn/Xã Ba Sơn".
	Locality string
	// Name is the locality's own name, from which the file name is made.
	Name string
	// Code is its official code, "" if none; it tells two names apart
	// when their slugs collide.
	Code string
	// Parent is the name of the unit above, the next way to tell names
	// apart.
	Parent string
	// Make makes the file's bytes, and says how many pages it has.
	Make func() (data []byte, pages int, err error)
}

// MaxName is the longest file name Names makes, in bytes, with the
// extension: well under the 255 of common file systems.
const MaxName = 120

// Names returns the file name of each job: prefix, the slug of its name,
// suffix and ext ("dvk-", "-2025-q3", ".pdf"), distinct from one another
// however the names compare (case ignored, as Windows and macOS do).
func Names(jobs []Job, prefix, suffix, ext string) []string {
	room := MaxName - len(prefix) - len(suffix) - len(ext)
	base := make([]string, len(jobs))
	for i, j := range jobs {
		s := Slug(j.Name)
		if s == "" {
			s = Slug(j.Code)
		}
		if s == "" {
			s = "x"
		}
		base[i] = s
	}
	// Those whose slugs collide take their codes, then their parents'
	// names, then a number.
	steps := []func(i int) string{
		func(i int) string { return Slug(jobs[i].Code) },
		func(i int) string { return Slug(jobs[i].Parent) },
	}
	for _, step := range steps {
		for _, group := range collisions(base) {
			for _, i := range group {
				if extra := step(i); extra != "" {
					base[i] += "-" + extra
				}
			}
		}
	}
	for _, group := range collisions(base) {
		for n, i := range group[1:] {
			base[i] += "-" + strconv.Itoa(n+2)
		}
	}
	names := make([]string, len(jobs))
	for i, b := range base {
		names[i] = prefix + cut(b, room) + suffix + ext
	}
	// Cutting long names can make two equal again: number them.
	for _, group := range collisions(names) {
		for n, i := range group[1:] {
			tail := "-" + strconv.Itoa(n+2)
			names[i] = prefix + cut(base[i], room-len(tail)) + tail + suffix + ext
		}
	}
	for i, n := range names {
		if reserved(n) {
			names[i] = "_" + n
		}
	}
	return names
}

// collisions returns the groups of indexes of equal names, ignoring case,
// each in order, the groups in the order of their first member.
func collisions(names []string) [][]int {
	at := map[string][]int{}
	var order []string
	for i, n := range names {
		k := strings.ToLower(n)
		if len(at[k]) == 0 {
			order = append(order, k)
		}
		at[k] = append(at[k], i)
	}
	var out [][]int
	for _, k := range order {
		if len(at[k]) > 1 {
			out = append(out, at[k])
		}
	}
	return out
}

// cut shortens a slug to n bytes at most, at a hyphen when there is one.
func cut(s string, n int) string {
	if n < 1 {
		n = 1
	}
	if len(s) <= n {
		return s
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, '-'); i > n/2 {
		s = s[:i]
	}
	return strings.Trim(s, "-")
}

// windows are the device names Windows reserves, whatever the extension.
var windows = map[string]bool{"con": true, "prn": true, "aux": true, "nul": true, "conin$": true, "conout$": true}

func reserved(name string) bool {
	stem := strings.ToLower(name)
	if i := strings.IndexByte(stem, '.'); i >= 0 {
		stem = stem[:i]
	}
	if windows[stem] {
		return true
	}
	if len(stem) == 4 && (strings.HasPrefix(stem, "com") || strings.HasPrefix(stem, "lpt")) && stem[3] >= '0' && stem[3] <= '9' {
		return true
	}
	return false
}

// Slug writes a name in lower-case ASCII words joined by hyphens: "Xã Tân
// Thạnh" is "xa-tan-thanh", "Đắk Nông" is "dak-nong". Anything but
// letters and digits separates words, so "../../x" is "x" and "a/b" is
// "a-b"; a name of punctuation only is "".
func Slug(name string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(t, name)
	if err != nil {
		folded = name
	}
	var b strings.Builder
	dash := false
	for _, r := range folded {
		switch {
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// Options control Run.
type Options struct {
	// Dir is the folder of the files; it is made if it does not exist.
	Dir string
	// Names are the files' names in Dir, one per job (see Names).
	Names []string
	// Force allows replacing files that exist.
	Force bool
	// Jobs is how many files are made at once; 0 means one per processor.
	Jobs int
	// Inputs are the files the outputs must never replace: the registers.
	Inputs []string
	// Temps holds the temporary files while they exist, for a signal to
	// remove them.
	Temps *output.Temps
	// Progress, if not nil, is called after each file, from one goroutine
	// at a time.
	Progress func(Event)
	// Manifest is the manifest's name in Dir; "" means ManifestName.
	// A batch per period names it after the period
	// (ManifestFor), so that the quarters' batches may share a folder.
	Manifest string
}

// Event is the end of one job.
type Event struct {
	Done, Total int
	Job         *Job
	File        string // its path, when written
	Err         error
}

// File is a file written.
type File struct {
	Job    *Job
	Name   string // in Dir
	Pages  int
	Bytes  int
	SHA256 string
}

// Failure is a job that failed.
type Failure struct {
	Job *Job
	Err error
}

// Result is what Run did.
type Result struct {
	Files    []File // in the jobs' order
	Failures []Failure
	Manifest string // the manifest's path, "" when it was not written
	Elapsed  time.Duration
}

// ManifestName is the manifest's name in Dir when Options.Manifest is "".
const ManifestName = "manifest.csv"

// ManifestFor is the name of the manifest of a batch of one period,
// given as the slug its files' names end with: "manifest-2025-q3.csv".
func ManifestFor(periodSlug string) string {
	if s := Slug(periodSlug); s != "" {
		return "manifest-" + s + ".csv"
	}
	return ManifestName
}

// ErrNotWritable is wrapped by the error of a Run whose folder cannot be
// written into.
var ErrNotWritable = errors.New("batch: folder not writable")

// ErrExists is wrapped by the error of a Run that would replace files
// without Options.Force.
var ErrExists = errors.New("batch: files exist")

// ExistsError lists the files a Run would replace.
type ExistsError struct {
	Names []string // paths
}

func (e *ExistsError) Error() string {
	return fmt.Sprintf("batch: %d files exist, the first %s", len(e.Names), e.Names[0])
}

func (e *ExistsError) Unwrap() error { return ErrExists }

// Run makes and writes the jobs' files into opts.Dir, in parallel, and then
// the manifest. Before it begins it refuses, with an *ExistsError, to
// replace a file unless opts.Force. A job that fails does not stop the
// others: it is in Result.Failures. The error is for the folder, the
// manifest or a cancelled context; Result is set whenever files were
// written.
func Run(ctx context.Context, jobs []Job, opts Options) (*Result, error) {
	start := time.Now()
	if len(opts.Names) != len(jobs) {
		return nil, errors.New("batch: a name per job is needed")
	}
	paths := make([]string, len(jobs))
	for i, n := range opts.Names {
		if n == "" || n != filepath.Base(n) || n == "." || n == ".." || strings.ContainsAny(n, `/\`) {
			return nil, fmt.Errorf("batch: %q is not a file name", n)
		}
		paths[i] = filepath.Join(opts.Dir, n)
	}
	mname := opts.Manifest
	if mname == "" {
		mname = ManifestName
	}
	if mname != filepath.Base(mname) || strings.ContainsAny(mname, `/\`) || mname == "." || mname == ".." {
		return nil, fmt.Errorf("batch: %q is not a file name", mname)
	}
	manifest := filepath.Join(opts.Dir, mname)
	if !opts.Force {
		var exist []string
		for _, p := range append(paths, manifest) {
			if _, err := os.Lstat(p); err == nil {
				exist = append(exist, p)
			}
		}
		if len(exist) > 0 {
			return nil, &ExistsError{Names: exist}
		}
	}
	if err := os.MkdirAll(opts.Dir, 0o777); err != nil {
		return nil, &output.Error{Name: opts.Dir, Text: msg.New("output.failed", err), Err: err}
	}
	// Once, before making anything: a folder that cannot be written into
	// would fail every file, one message each.
	f, err := os.CreateTemp(opts.Dir, ".dvkreport-check-*")
	if err != nil {
		return nil, &output.Error{Name: opts.Dir, Text: msg.New("output.not_writable"), Err: fmt.Errorf("%w: %w", ErrNotWritable, err)}
	}
	f.Close()
	os.Remove(f.Name())
	n := opts.Jobs
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	type done struct {
		file *File
		err  error
	}
	results := make([]done, len(jobs))
	next := make(chan int)
	var mu sync.Mutex
	finished := 0
	var wg parallel.Group
	for range min(n, max(len(jobs), 1)) {
		wg.Go(func() {
			for i := range next {
				wg.Catch(func() {
					f, err := make1(&jobs[i], paths[i], opts)
					results[i] = done{f, err}
					mu.Lock()
					defer mu.Unlock()
					finished++
					if opts.Progress != nil {
						ev := Event{Done: finished, Total: len(jobs), Job: &jobs[i], Err: err}
						if err == nil {
							ev.File = paths[i]
						}
						opts.Progress(ev)
					}
				})
			}
		})
	}
	var ctxErr error
feed:
	for i := range jobs {
		select {
		case next <- i:
		case <-ctx.Done():
			ctxErr = ctx.Err()
			break feed
		}
	}
	close(next)
	wg.Wait()
	res := &Result{}
	for i, d := range results {
		switch {
		case d.file != nil:
			res.Files = append(res.Files, *d.file)
		case d.err != nil:
			res.Failures = append(res.Failures, Failure{Job: &jobs[i], Err: d.err})
		}
	}
	if err := writeManifest(manifest, res.Files, opts); err != nil {
		return res, err
	}
	res.Manifest = manifest
	res.Elapsed = time.Since(start)
	return res, ctxErr
}

// make1 makes and writes one job's file; a panic of its Make is its
// failure, not the others'.
func make1(j *Job, path string, opts Options) (f *File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("batch: %s: internal error: %v", j.Locality, r)
		}
	}()
	data, pages, err := j.Make()
	if err != nil {
		return nil, err
	}
	if err := output.Write(path, data, output.Options{Overwrite: opts.Force, Inputs: opts.Inputs, Temps: opts.Temps}); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	return &File{Job: j, Name: filepath.Base(path), Pages: pages, Bytes: len(data), SHA256: hex.EncodeToString(sum[:])}, nil
}

// ManifestColumns are the manifest's columns.
var ManifestColumns = []string{"locality", "code", "file", "pages", "bytes", "sha256"}

func writeManifest(name string, files []File, opts Options) error {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(ManifestColumns)
	for _, f := range files {
		w.Write([]string{csvText(f.Job.Locality), f.Job.Code, f.Name, strconv.Itoa(f.Pages), strconv.Itoa(f.Bytes), f.SHA256})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return output.Write(name, buf.Bytes(), output.Options{Overwrite: true, Inputs: opts.Inputs, Temps: opts.Temps})
}

// csvText keeps a spreadsheet from running a text as a formula.
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
