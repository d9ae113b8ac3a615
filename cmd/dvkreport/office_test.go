package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// copyFile copies a test file into dir.
func copyFile(t *testing.T, from, dir string) string {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	to := filepath.Join(dir, filepath.Base(from))
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return to
}

// The reports, their manifest and the summaries an office saves inside
// its folder of registers are not registers: a later run on the folder
// skips them, saying so, instead of failing on them.
func TestOwnFilesInInputFolder(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "so-lieu")
	copyFile(t, "testdata/good.csv", data)
	out := filepath.Join(data, "bao-cao")
	if code, _, errOut := runCmd(t, "generate", "-i", data, "-p", "2025-Q3", "--split-by", "province", "--out-dir", out); code != 0 {
		t.Fatalf("batch: exit %d: %s", code, errOut)
	}
	for _, f := range []string{"csv", "xlsx", "json"} {
		args := []string{"summary", "-i", data, "-p", "2025-Q3", "--format", f, "-o", filepath.Join(data, "tonghop."+f)}
		if f == "xlsx" {
			args = append(args, "--lang", "en") // the workbook's header is in the report's language
		}
		if code, _, errOut := runCmd(t, args...); code != 0 {
			t.Fatalf("summary %s: exit %d: %s", f, code, errOut)
		}
	}
	if code, _, errOut := runCmd(t, "generate", "-i", data, "-i", "testdata/bad.csv", "-p", "2025-Q3", "--skip-invalid",
		"--excluded-csv", filepath.Join(data, "loai.csv"), "-o", filepath.Join(dir, "r.pdf")); code != 0 {
		t.Fatalf("generate: exit %d: %s", code, errOut)
	}
	manifests, _ := filepath.Glob(filepath.Join(out, "manifest*.csv"))
	if len(manifests) != 1 {
		t.Fatalf("manifests: %q", manifests)
	}

	// Every command that reads the folder still works, and says what it
	// left out, once per file.
	for _, args := range [][]string{
		{"generate", "-i", data, "-p", "2025-Q3", "-o", filepath.Join(dir, "r2.pdf")},
		{"summary", "-i", data, "--format", "csv"},
		{"generate", "-i", filepath.Join(data, "*"), "-p", "2025-Q3", "-o", filepath.Join(dir, "r3.pdf")},
		{"validate", data},
	} {
		code, _, errOut := runCmd(t, append([]string{args[0], "--lang", "en"}, args[1:]...)...)
		if code != 0 {
			t.Errorf("%s: exit %d: %s", args, code, errOut)
			continue
		}
		for _, f := range []string{manifests[0], "tonghop.csv", "tonghop.xlsx", "tonghop.json", "loai.csv"} {
			if n := strings.Count(errOut, f+": skipped:"); n != 1 {
				t.Errorf("%s: %d notes about %s, want 1:\n%s", args, n, f, errOut)
			}
		}
	}
	code, _, errOut := runCmd(t, "validate", data)
	if code != 0 || !strings.Contains(errOut, "bỏ qua: đây là danh sách báo cáo") {
		t.Errorf("Vietnamese note: exit %d: %s", code, errOut)
	}

	// Named, such a file is read, and refused for what it is.
	for file, what := range map[string]string{
		manifests[0]:                        "the list of a batch's reports (manifest) that dvkreport wrote, not a register",
		filepath.Join(data, "tonghop.csv"):  "a summary that dvkreport wrote",
		filepath.Join(data, "tonghop.xlsx"): "a summary that dvkreport wrote",
		filepath.Join(data, "tonghop.json"): "a summary that dvkreport wrote",
		filepath.Join(data, "loai.csv"):     "the list of the rows --skip-invalid left out",
	} {
		code, out, errOut := runCmd(t, "validate", "--lang", "en", file)
		if code != 1 || !strings.Contains(out, file+": this is "+what) || strings.Contains(out, "no row among") {
			t.Errorf("validate %s: exit %d\nstdout: %s\nstderr: %s", file, code, out, errOut)
		}
		code, _, errOut = runCmd(t, "generate", "--lang", "en", "-i", file, "-o", filepath.Join(dir, "x.pdf"))
		if code != 1 || !strings.Contains(errOut, "dvkreport wrote, not a register") {
			t.Errorf("generate -i %s: exit %d: %s", file, code, errOut)
		}
	}

	// A folder of nothing but dvkreport's own files has no register.
	code, _, errOut = runCmd(t, "summary", "--lang", "en", "-i", out)
	if code != 2 || !strings.Contains(errOut, "no register to read") {
		t.Errorf("the batch's folder: exit %d: %s", code, errOut)
	}
}

// Every row of --to-map that names no locality of the split is said, at
// its line, with the nearest names; a map none of whose rows is used is
// refused, and no message is made.
func TestMailToMapUnmatched(t *testing.T) {
	dir := t.TempDir()
	toMap := filepath.Join(dir, "to.csv")
	os.WriteFile(toMap, []byte("địa bàn,email\nPhường Lương Văn Tri,lvt@example.vn\n\nXã Ba Sonn,bs@example.vn\nHà Nội,hn@example.vn\n99999,x@example.vn\n"), 0o644)
	args := []string{"-i", quarters, "--boundaries", "2025", "-p", "2025-Q3", "-l", "Lạng Sơn", "--split-by", "commune",
		"--from", "btgdv@example.vn", "--dry-run"}
	out := filepath.Join(dir, "eml")
	code, _, errOut := runCmd(t, append([]string{"mail", "--lang", "en", "--to-map", toMap, "--out-dir", out}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		toMap + `:4: warning: "Xã Ba Sonn" is not a commune of this report, and its row is not used; did you mean Xã Ba Sơn?`,
		toMap + `:5: warning: "Hà Nội" is not a commune of this report, and its row is not used` + "\n",
		toMap + `:6: warning: "99999" is not a commune of this report`,
		"wrote 1 messages",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut, ":2: warning") {
		t.Errorf("a row that matches is reported:\n%s", errOut)
	}

	// In Vietnamese, and with no row that matches.
	os.WriteFile(toMap, []byte("Xã Ba Sonn,bs@example.vn\nHà Nội,hn@example.vn\n"), 0o644)
	out = filepath.Join(dir, "eml2")
	code, _, errOut = runCmd(t, append([]string{"mail", "--to-map", toMap, "--out-dir", out}, args...)...)
	if code != 2 || !strings.Contains(errOut, toMap+`:1: cảnh báo: "Xã Ba Sonn" không phải là xã nào trong báo cáo này, dòng này không được dùng; có phải là Xã Ba Sơn?`) ||
		!strings.Contains(errOut, "không dòng nào của bảng địa chỉ ghi một xã trong báo cáo này") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("messages were written for a map that matches nothing: %v", err)
	}
}

// A period the data has no row in makes a report (a quarter with nothing
// reported is one to sign), with a warning naming the periods the data
// has; the report itself says that no model was reported.
func TestEmptyPeriodWarns(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.pdf")
	code, _, errOut := runCmd(t, "generate", "-p", "2025-Q3", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := "dvkreport: cảnh báo: số liệu không có dòng nào trong kỳ 2025-Q3, nên không có mô hình nào và mọi số liệu bằng 0; số liệu có các kỳ 2020-2021, 2020-2025, 2021-2025, 2025\n"
	if !strings.Contains(errOut, want) {
		t.Errorf("stderr lacks %q:\n%s", want, errOut)
	}
	code, _, errOut = runCmd(t, "summary", "--lang", "en", "-p", "2025-Q3", "-l", "Hà Nội")
	if code != 0 || !strings.Contains(errOut, "warning: the data has no row of this scope in 2025-Q3, nor in any other period") {
		t.Errorf("a locality without data: exit %d: %s", code, errOut)
	}
	code, _, errOut = runCmd(t, "generate", "-p", "2025-Q3", "--split-by", "province", "--out-dir", filepath.Join(t.TempDir(), "b"))
	if code != 0 || strings.Count(errOut, "cảnh báo: số liệu không có dòng nào trong kỳ 2025-Q3,") != 1 {
		t.Errorf("a batch: exit %d: %s", code, errOut)
	}
	// A period with rows: no warning.
	for _, p := range []string{"2025", ""} {
		args := []string{"summary", "--format", "csv"}
		if p != "" {
			args = append(args, "-p", p)
		}
		if code, _, errOut := runCmd(t, args...); code != 0 || strings.Contains(errOut, "cảnh báo: số liệu không có dòng") {
			t.Errorf("-p %q: exit %d: %s", p, code, errOut)
		}
	}
	text, err := exec.Command(tool(t, "pdftotext"), out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(strings.Fields(string(text)), " "), "không có mô hình “Dân vận khéo” nào được báo cáo") {
		t.Errorf("the report does not say that no model was reported:\n%s", text)
	}
}

// Each quarter's batch has its own manifest, so that the quarters share a
// folder; a folder that cannot be written into is one message, before
// any report is made, and no list is claimed.
func TestBatchQuartersAndUnwritable(t *testing.T) {
	out := filepath.Join(t.TempDir(), "bao-cao")
	for _, p := range []string{"2025-Q2", "2025-Q3"} {
		code, _, errOut := runCmd(t, "generate", "-i", quarters, "-p", p, "-l", "Lạng Sơn", "--boundaries", "2025",
			"--split-by", "commune", "--hide-empty", "--out-dir", out)
		manifest := filepath.Join(out, "manifest-"+strings.ToLower(p)+".csv")
		if code != 0 || !strings.Contains(errOut, "danh sách: "+manifest+"\n") {
			t.Fatalf("%s: exit %d: %s", p, code, errOut)
		}
		if _, err := os.Stat(manifest); err != nil {
			t.Error(err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "manifest.csv")); !os.IsNotExist(err) {
		t.Errorf("manifest.csv: %v", err)
	}

	dir := "/proc/self"
	if os.Geteuid() != 0 {
		dir = t.TempDir()
		os.Chmod(dir, 0o555)
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
	} else if _, err := os.Stat(dir); err != nil {
		t.Skip("no folder root cannot write into")
	}
	for lang, want := range map[string]string{
		"vi": dir + ": không ghi được vào thư mục này (không có quyền ghi, hoặc ổ đĩa chỉ đọc), nên chưa tạo tệp nào; hãy chọn --out-dir khác",
		"en": dir + ": cannot write into this folder (permission denied, or a read-only disk), so nothing was made; choose another --out-dir",
	} {
		code, _, errOut := runCmd(t, "generate", "--lang", lang, "-p", "2025", "--split-by", "province", "--out-dir", dir)
		if code != 2 || !strings.Contains(errOut, want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%s: exit %d: %s", lang, code, errOut)
		}
	}
	code, _, errOut := runCmd(t, "mail", "--lang", "en", "-i", quarters, "--boundaries", "2025", "-p", "2025-Q3", "-l", "Lạng Sơn",
		"--split-by", "commune", "--to-map", writeMap(t, "Xã Ba Sơn,bs@example.vn\n"), "--from", "a@example.vn", "--dry-run", "--out-dir", dir)
	if code != 2 || !strings.Contains(errOut, "cannot write into this folder") || strings.Contains(errOut, "wrote") {
		t.Errorf("mail --dry-run: exit %d: %s", code, errOut)
	}
}

func writeMap(t *testing.T, text string) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "to.csv")
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// A date the calendar does not have is said as such; the time of a batch
// is written with the language's decimal mark.
func TestDateAndDecimalMark(t *testing.T) {
	for d, want := range map[string]string{
		"2025-09-31": `--date "2025-09-31": tháng 9 năm 2025 chỉ có 30 ngày`,
		"2025-02-29": `--date "2025-02-29": tháng 2 năm 2025 chỉ có 28 ngày`,
		"2025-13-01": `--date "2025-13-01": không có tháng 13`,
		"05/10/2025": `--date "05/10/2025": cần ngày dạng NĂM-THÁNG-NGÀY`,
	} {
		code, _, errOut := runCmd(t, "generate", "--date", d, "-o", filepath.Join(t.TempDir(), "r.pdf"))
		if code != 2 || !strings.Contains(errOut, want) {
			t.Errorf("--date %s: exit %d: %s", d, code, errOut)
		}
	}
	code, _, errOut := runCmd(t, "generate", "--date", "2024-02-29", "-o", filepath.Join(t.TempDir(), "r.pdf"))
	if code != 0 {
		t.Errorf("--date 2024-02-29: exit %d: %s", code, errOut)
	}
	for lang, re := range map[string]string{"vi": "trong [0-9]+,[0-9] giây", "en": "in [0-9]+\\.[0-9] s"} {
		code, _, errOut := runCmd(t, "generate", "--lang", lang, "-p", "2025", "--split-by", "province", "--out-dir", t.TempDir())
		if code != 0 || !regexp.MustCompile(re).MatchString(errOut) {
			t.Errorf("%s: exit %d: %s", lang, code, errOut)
		}
	}
}
