package batch

import (
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/dvkreport/dvkreport/report/output"
)

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Xã Tân Thạnh": "xa-tan-thanh", "Đắk Nông": "dak-nong", "../../x": "x", "a/b": "a-b", "CON": "con",
		"!!!": "", "": "", "Phường 1": "phuong-1", "Thừa Thiên Huế": "thua-thien-hue", "ĐỒNG THÁP": "dong-thap",
		"Xã\u00a0Ba\tChẽ": "xa-ba-che", "C:\\Windows": "c-windows",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// Issue 14: names whose slugs collide both survive, with their codes; no
// name can leave the folder, be a Windows device, be empty or be too long.
func TestNames(t *testing.T) {
	jobs := []Job{
		{Name: "Xã Tân Thành", Code: "29869", Parent: "Đồng Tháp"},
		{Name: "Xã Tân Thạnh", Code: "29870", Parent: "Đồng Tháp"},
		{Name: "../../x"},
		{Name: "CON"},
		{Name: "a/b"},
		{Name: strings.Repeat("Xã Rất Dài ", 30)},
		{Name: strings.Repeat("Xã Rất Dài ", 30) + "Khác"},
		{Name: "!!!", Code: "123"},
		{Name: "!!!"},
		{Name: "..."},
		{Name: "Xã Phú Mỹ", Parent: "Gia Lai"},
		{Name: "Xã Phú Mỹ", Parent: "An Giang"},
		{Name: "Xã Phú Mỹ", Parent: "An Giang"},
		{Name: "XA PHU MY"},
	}
	names := Names(jobs, "dvk-", "-2025-q3", ".pdf")
	seen := map[string]int{}
	for i, n := range names {
		if j, ok := seen[strings.ToLower(n)]; ok {
			t.Errorf("%q (%q) and %q share %q", jobs[i].Name, jobs[j].Name, jobs[j].Name, n)
		}
		seen[strings.ToLower(n)] = i
		if len(n) > MaxName || n != filepath.Base(n) || strings.ContainsAny(n, `/\:*?"<>|`) || strings.Contains(n, "..") ||
			!strings.HasPrefix(n, "dvk-") || !strings.HasSuffix(n, "-2025-q3.pdf") || reserved(n) {
			t.Errorf("unsafe name %q for %q", n, jobs[i].Name)
		}
		for _, r := range n {
			if r > 127 {
				t.Errorf("%q is not ASCII", n)
			}
		}
	}
	if names[0] != "dvk-xa-tan-thanh-29869-2025-q3.pdf" || names[1] != "dvk-xa-tan-thanh-29870-2025-q3.pdf" {
		t.Errorf("colliding slugs: %q %q", names[0], names[1])
	}
	if names[2] != "dvk-x-2025-q3.pdf" || names[7] != "dvk-123-2025-q3.pdf" {
		t.Errorf("hostile names: %q %q", names[2], names[7])
	}
	// A name alone that is a device name is kept from being one.
	if got := Names([]Job{{Name: "nul"}, {Name: "COM1"}}, "", "", ".pdf"); !strings.HasPrefix(got[0], "_") || !strings.HasPrefix(got[1], "_") {
		t.Errorf("device names: %q", got)
	}
}

func jobsOf(n int, fail map[int]error) []Job {
	var jobs []Job
	for i := range n {
		jobs = append(jobs, Job{Locality: fmt.Sprintf("Tỉnh/Xã %d", i), Name: fmt.Sprintf("Xã %d", i), Code: fmt.Sprint(1000 + i),
			Make: func() ([]byte, int, error) {
				if err, ok := fail[i]; ok {
					if err == nil {
						panic("boom")
					}
					return nil, 0, err
				}
				return []byte(fmt.Sprintf("%%PDF-1.4 report %d", i)), i%3 + 1, nil
			}})
	}
	return jobs
}

func readManifest(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// Issue 14: a failing locality among good ones: the others are written,
// the failure is listed, the manifest has the files with their hashes.
func TestRunFailures(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	bad := errors.New("no data")
	jobs := jobsOf(12, map[int]error{3: bad, 7: nil})
	var events int
	res, err := Run(context.Background(), jobs, Options{Dir: dir, Names: Names(jobs, "dvk-", "", ".pdf"), Jobs: 3,
		Progress: func(e Event) { events++ }})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 10 || len(res.Failures) != 2 || events != 12 {
		t.Fatalf("%d files, %d failures, %d events", len(res.Files), len(res.Failures), events)
	}
	if !errors.Is(res.Failures[0].Err, bad) || res.Failures[0].Job.Code != "1003" || !strings.Contains(res.Failures[1].Err.Error(), "boom") {
		t.Errorf("failures %v", res.Failures)
	}
	rows := readManifest(t, filepath.Join(dir, ManifestName))
	if strings.Join(rows[0], ",") != "locality,code,file,pages,bytes,sha256" || len(rows) != 11 {
		t.Fatalf("manifest %q", rows)
	}
	for _, r := range rows[1:] {
		data, err := os.ReadFile(filepath.Join(dir, r[2]))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if r[5] != hex.EncodeToString(sum[:]) || r[4] != fmt.Sprint(len(data)) {
			t.Errorf("manifest row %q does not match its file", r)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "dvk-xa-3.pdf")); err == nil {
		t.Error("the failed locality has a file")
	}
	// Nothing is replaced without Force, and nothing begins.
	before, _ := os.ReadFile(filepath.Join(dir, "dvk-xa-0.pdf"))
	var made atomic.Int32 // the jobs run on several goroutines
	jobs2 := jobsOf(12, nil)
	for i := range jobs2 {
		jobs2[i].Make = func() ([]byte, int, error) { made.Add(1); return []byte("new"), 1, nil }
	}
	_, err = Run(context.Background(), jobs2, Options{Dir: dir, Names: Names(jobs2, "dvk-", "", ".pdf")})
	var ee *ExistsError
	if !errors.As(err, &ee) || len(ee.Names) != 11 || made.Load() != 0 {
		t.Errorf("without Force: %v, %d made", err, made.Load())
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "dvk-xa-0.pdf")); string(after) != string(before) {
		t.Error("a file was replaced without Force")
	}
	// With Force they are.
	if _, err := Run(context.Background(), jobs2, Options{Dir: dir, Names: Names(jobs2, "dvk-", "", ".pdf"), Force: true}); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "dvk-xa-0.pdf")); string(after) != "new" {
		t.Error("Force did not replace the file")
	}
	// No temporary file is left.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".pdf") && e.Name() != ManifestName {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestRunRefusesBadNames(t *testing.T) {
	jobs := jobsOf(1, nil)
	for _, n := range []string{"../x.pdf", "a/b.pdf", "", "..", `c:\x.pdf`} {
		if _, err := Run(context.Background(), jobs, Options{Dir: t.TempDir(), Names: []string{n}}); err == nil {
			t.Errorf("%q accepted", n)
		}
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	jobs := jobsOf(50, nil)
	res, err := Run(ctx, jobs, Options{Dir: t.TempDir(), Names: Names(jobs, "", "", ".pdf"), Jobs: 1})
	if !errors.Is(err, context.Canceled) || len(res.Files) >= 50 {
		t.Errorf("%v, %d files", err, len(res.Files))
	}
}

// unwritable returns a folder that cannot be written into, whoever runs
// the test.
func unwritable(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		dir := t.TempDir()
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return dir
	}
	if fi, err := os.Stat("/proc/self"); err == nil && fi.IsDir() {
		return "/proc/self" // root may write anywhere but there
	}
	t.Skip("no folder root cannot write into")
	return ""
}

// A folder that cannot be written into is found once, before any job is
// made; a manifest that could not be written is not claimed.
func TestRunUnwritable(t *testing.T) {
	var made atomic.Int32 // the jobs run on several goroutines
	jobs := jobsOf(5, nil)
	for i := range jobs {
		jobs[i].Make = func() ([]byte, int, error) { made.Add(1); return []byte("x"), 1, nil }
	}
	dir := unwritable(t)
	res, err := Run(context.Background(), jobs, Options{Dir: dir, Names: Names(jobs, "zz-dvk-", "", ".pdf"), Force: true})
	var oe *output.Error
	if !errors.Is(err, ErrNotWritable) || !errors.As(err, &oe) || res != nil || made.Load() != 0 {
		t.Errorf("err %v, res %v, %d made", err, res, made.Load())
	}

	// The manifest's name is a folder: the files are written, the
	// manifest is not, and Result says so.
	dir = t.TempDir()
	os.Mkdir(filepath.Join(dir, "manifest-2025-q3.csv"), 0o755)
	res, err = Run(context.Background(), jobs, Options{Dir: dir, Names: Names(jobs, "dvk-", "", ".pdf"), Force: true,
		Manifest: ManifestFor("2025-q3")})
	if err == nil || res == nil || len(res.Files) != 5 || res.Manifest != "" {
		t.Errorf("err %v, res %+v", err, res)
	}
}

// The manifest of a batch of one period is named after it, so that the
// quarters' batches share a folder without replacing one another's.
func TestManifestFor(t *testing.T) {
	for in, want := range map[string]string{"2025-q3": "manifest-2025-q3.csv", "2025-Q3": "manifest-2025-q3.csv",
		"2021-2025": "manifest-2021-2025.csv", "../..": ManifestName, "": ManifestName} {
		if got := ManifestFor(in); got != want {
			t.Errorf("ManifestFor(%q) = %q, want %q", in, got, want)
		}
	}
	dir := t.TempDir()
	for _, p := range []string{"2025-q3", "2025-q4"} {
		jobs := jobsOf(2, nil)
		res, err := Run(context.Background(), jobs, Options{Dir: dir, Names: Names(jobs, "dvk-", "-"+p, ".pdf"), Manifest: ManifestFor(p)})
		if err != nil || res.Manifest != filepath.Join(dir, "manifest-"+p+".csv") {
			t.Fatalf("%s: %v, %+v", p, err, res)
		}
	}
	if rows := readManifest(t, filepath.Join(dir, "manifest-2025-q3.csv")); len(rows) != 3 || !strings.HasSuffix(rows[1][2], "-2025-q3.pdf") {
		t.Errorf("the Q3 manifest: %q", rows)
	}
}
