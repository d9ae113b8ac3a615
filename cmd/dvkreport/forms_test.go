package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// quarters is a register of two years of quarters in Lạng Sơn.
var quarters, _ = filepath.Abs("../../report/testdata/quarters.csv")

// pageText returns the text of one page of a PDF.
func pageText(t *testing.T, name string, page int) string {
	t.Helper()
	pdfText(t, name) // fails or skips without pdftotext
	n := strconv.Itoa(page)
	out, err := exec.Command("pdftotext", "-layout", "-f", n, "-l", n, name, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func pages(t *testing.T, name string) int {
	out, err := exec.Command("pdfinfo", name).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(l, "Pages:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
	}
	t.Fatal("no page count")
	return 0
}

// Issue 13, done when: the Party form's head on page 1 and its closing on
// the last page; the State form's national title and motto instead.
func TestOfficialForms(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		layout      string
		first, last []string
		not         []string
	}{
		{"party",
			[]string{"TỈNH ỦY LẠNG SƠN", "ĐẢNG CỘNG SẢN VIỆT NAM", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "*", "-BC/BTGDVTU",
				"Lạng Sơn, ngày 30 tháng 9 năm 2025", "BÁO CÁO", "kết quả thực hiện phong trào thi đua “Dân vận khéo” quý III năm 2025", "I- KẾT QUẢ CHUNG"},
			[]string{"Nơi nhận:", "- Lưu VP.", "TRƯỞNG BAN"},
			[]string{"CỘNG HÒA", "Trang"}},
		{"state",
			[]string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BAN TUYÊN GIÁO", "VÀ DÂN VẬN", "/BC-BTGDV",
				"Lạng Sơn, ngày 30 tháng 9 năm 2025", "BÁO CÁO", "Kết quả thực hiện phong trào thi đua", "I. KẾT QUẢ CHUNG"},
			[]string{"Nơi nhận:", "- Lưu: VT.", "TRƯỞNG BAN"},
			[]string{"ĐẢNG CỘNG SẢN", "Trang"}},
	} {
		out := filepath.Join(dir, tc.layout+".pdf")
		code, _, errOut := runCmd(t, "generate", "--layout", tc.layout, "--agency", "BAN TUYÊN GIÁO VÀ DÂN VẬN",
			"--parent-agency", "TỈNH ỦY LẠNG SƠN", "-p", "2025-Q3", "-i", quarters, "--boundaries", "2025", "-o", out)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", tc.layout, code, errOut)
		}
		first := pageText(t, out, 1)
		for _, want := range tc.first {
			if !strings.Contains(first, want) {
				t.Errorf("%s: page 1 lacks %q:\n%s", tc.layout, want, first)
			}
		}
		n := pages(t, out)
		last := pageText(t, out, n)
		for _, want := range tc.last {
			if !strings.Contains(last, want) {
				t.Errorf("%s: the last page lacks %q:\n%s", tc.layout, want, last)
			}
		}
		all := pdfText(t, out)
		for _, bad := range tc.not {
			if strings.Contains(all, bad) {
				t.Errorf("%s: the report has %q", tc.layout, bad)
			}
		}
		// The page number of page 2 is centred in its top margin; page 1
		// has none.
		if n > 1 {
			if top := strings.Fields(pageText(t, out, 2)); len(top) == 0 || top[0] != "2" {
				t.Errorf("%s: page 2 starts %q, not its number", tc.layout, top[:min(3, len(top))])
			}
		}
		if f := strings.Fields(first); len(f) > 0 && f[0] == "1" {
			t.Errorf("%s: page 1 is numbered", tc.layout)
		}
	}
	// An official form without an agency is a usage error saying how to
	// set one, before any data is read.
	code, _, errOut := runCmd(t, "generate", "--lang", "en", "--layout", "party", "-i", "no-such-file.csv", "-o", filepath.Join(dir, "x.pdf"))
	if code != 2 || !strings.Contains(errOut, "--agency") || !strings.Contains(errOut, "dvkreport init") {
		t.Errorf("party without agency: exit %d\n%s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("a file was written")
	}
}

// Issue 13, done when: --lang en gives a report with no Vietnamese label,
// --lang vi one with no English label, read from the PDF's text.
func TestOneLanguagePDF(t *testing.T) {
	dir := t.TempDir()
	vi := []string{"Kinh tế", "Tổng cộng", "Nơi nhận", "Văn hóa", "Quốc phòng", "Xây dựng Đảng", "Chỉ tiêu", "Biểu đồ",
		"KẾT QUẢ CHUNG", "Trang", "tỷ đồng", "triệu đồng", "mô hình", "Tăng", "quý", "Quý", "năm", "ngày", "tháng", "Lưu", "Số", "BÁO CÁO"}
	en := []string{"Economy", "Total", "To:", "Culture", "Defence", "Party building", "Indicator", "Chart", "KEY FIGURES",
		"Page", "billion", "million", "models", "Change", "quarter", "Archive", "REPORT", "No."}
	for _, tc := range []struct {
		lang string
		bad  []string
	}{{"en", vi}, {"vi", en}} {
		for _, form := range []string{"plain", "party", "state"} {
			out := filepath.Join(dir, tc.lang+form+".pdf")
			args := []string{"generate", "--lang", tc.lang, "--layout", form, "-p", "2025-Q3", "-i", quarters, "--boundaries", "2025", "--models", "-o", out}
			if form != "plain" {
				args = append(args, "--agency", "BAN DÂN VẬN", "--place", "Lạng Sơn", "--signer", "Nguyễn Văn A")
			}
			if code, _, errOut := runCmd(t, args...); code != 0 {
				t.Fatalf("%s %s: exit %d: %s", tc.lang, form, code, errOut)
			}
			text := pdfText(t, out)
			// The data's own names stay as they are.
			for _, name := range []string{"Lạng Sơn", "BAN DÂN VẬN", "Nguyễn Văn A", "Tổ tự quản", "Hội Phụ nữ"} {
				text = strings.ReplaceAll(text, name, "")
			}
			for _, w := range tc.bad {
				if strings.Contains(text, w) {
					i := strings.Index(text, w)
					t.Errorf("%s %s report has %q: …%s…", tc.lang, form, w, text[max(0, i-60):min(len(text), i+60)])
				}
			}
		}
	}
}

// Issue 13, done when: a broken template is exit 2 naming its line, and
// no PDF is written.
func TestBrokenTemplate(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.tmpl")
	os.WriteFile(broken, []byte("{{define \"subject\"}}kết quả\n{{.PeriodWords | nosuchfunc}}{{end}}\n"), 0o644)
	out := filepath.Join(dir, "r.pdf")
	code, _, errOut := runCmd(t, "generate", "--lang", "en", "--template", broken, "-o", out)
	if code != 2 || !strings.Contains(errOut, broken+":2") {
		t.Errorf("exit %d, want 2 naming %s:2\n%s", code, broken, errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a PDF was written")
	}
	// A sentence that runs into a field the report does not have.
	os.WriteFile(broken, []byte("\n\n{{define \"summary\"}}{{.Modelz}}{{end}}\n"), 0o644)
	code, _, errOut = runCmd(t, "generate", "--template", broken, "-o", out)
	if code != 2 || !strings.Contains(errOut, broken+":3") {
		t.Errorf("exit %d, want 2 naming %s:3\n%s", code, broken, errOut)
	}
	// A label file with a key that does not exist.
	toml := filepath.Join(dir, "report.toml")
	os.WriteFile(toml, []byte("[sections]\nkey_figure = \"X\"\n"), 0o644)
	code, _, errOut = runCmd(t, "generate", "--template", toml, "-o", out)
	if code != 2 || !strings.Contains(errOut, toml+":2") || !strings.Contains(errOut, "key_figure") {
		t.Errorf("exit %d, want 2 naming %s:2\n%s", code, toml, errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a PDF was written")
	}
	// dvkreport templates writes copies that work as they are, and an
	// edited one changes the report.
	copies := filepath.Join(dir, "copies")
	if code, _, errOut := runCmd(t, "templates", "--out", copies); code != 0 {
		t.Fatalf("templates: exit %d: %s", code, errOut)
	}
	if code, _, _ := runCmd(t, "templates", "--out", copies); code != 2 {
		t.Errorf("templates over copies: exit %d, want 2 (--force)", code)
	}
	viToml := filepath.Join(copies, "vi", "report.toml")
	data, err := os.ReadFile(viToml)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(viToml, []byte(strings.Replace(string(data), `key_figures = "KẾT QUẢ CHUNG"`, `key_figures = "TÌNH HÌNH CHUNG"`, 1)), 0o644)
	if code, _, errOut := runCmd(t, "generate", "--template", copies, "-o", out); code != 0 {
		t.Fatalf("edited copies: exit %d: %s", code, errOut)
	}
	if text := pdfText(t, out); !strings.Contains(text, "I. TÌNH HÌNH CHUNG") {
		t.Error("the edited heading is not in the report")
	}
}

// Issue 13, done when: a settings file written by dvkreport init and
// filled in makes "dvkreport generate -p 2025-Q3" produce the report ready
// to sign, with no other flag.
func TestInitSettings(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if code, _, errOut := runCmd(t, "init"); code != 0 {
		t.Fatalf("init: exit %d: %s", code, errOut)
	}
	if code, _, _ := runCmd(t, "init"); code != 2 {
		t.Errorf("init over a settings file: exit %d, want 2", code)
	}
	data, err := os.ReadFile("dvkreport.toml")
	if err != nil {
		t.Fatal(err)
	}
	// Filled in: the registers, and the signer's name.
	s := strings.Replace(string(data), `# inputs = ["so-lieu"]`, `inputs = ["so-lieu"]`, 1)
	s = strings.Replace(s, `name = "Nguyễn Văn A"`, `name = "Hoàng Thị Hạnh"`, 1)
	os.WriteFile("dvkreport.toml", []byte(s), 0o644)
	os.Mkdir("so-lieu", 0o755)
	reg, err := os.ReadFile(quarters)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join("so-lieu", "quarters.csv"), reg, 0o644)

	code, _, errOut := runCmd(t, "generate", "-p", "2025-Q3")
	if code != 0 {
		t.Fatalf("generate: exit %d: %s", code, errOut)
	}
	name := "dvk-toan-quoc-2025-q3.pdf"
	first := pageText(t, name, 1)
	for _, want := range []string{"TỈNH ỦY LẠNG SƠN", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "ĐẢNG CỘNG SẢN VIỆT NAM", "-BC/BTGDVTU", "Lạng Sơn, ngày 30 tháng 9 năm 2025"} {
		if !strings.Contains(first, want) {
			t.Errorf("page 1 lacks %q:\n%s", want, first)
		}
	}
	last := pageText(t, name, pages(t, name))
	for _, want := range []string{"Nơi nhận:", "- Ban Dân vận Trung ương (để báo cáo);", "- Lưu VP.", "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Hoàng Thị Hạnh"} {
		if !strings.Contains(last, want) {
			t.Errorf("the last page lacks %q:\n%s", want, last)
		}
	}
	// Flags override the file.
	if code, _, errOut := runCmd(t, "generate", "-p", "2025-Q3", "--layout", "state", "--number", "3", "-o", "s.pdf"); code != 0 {
		t.Fatalf("generate --layout state: exit %d: %s", code, errOut)
	}
	if first := pageText(t, "s.pdf", 1); !strings.Contains(first, "Số: 03/BC-BTGDVTU") || !strings.Contains(first, "CỘNG HÒA") {
		t.Errorf("the flags did not override the settings:\n%s", first)
	}
	// A bad value is exit 2 naming the file, the line and the key.
	bad := strings.Replace(s, `authority = "deputy"`, `authority = "vice"`, 1)
	os.WriteFile("dvkreport.toml", []byte(bad), 0o644)
	line := 0
	for i, l := range strings.Split(bad, "\n") {
		if strings.HasPrefix(l, "authority") {
			line = i + 1
		}
	}
	code, _, errOut = runCmd(t, "generate", "-p", "2025-Q3", "-o", "b.pdf")
	if want := "dvkreport.toml:" + strconv.Itoa(line) + ": signer.authority"; code != 2 || !strings.Contains(errOut, want) {
		t.Errorf("bad authority: exit %d, want 2 and %q:\n%s", code, want, errOut)
	}
	os.WriteFile("dvkreport.toml", []byte(s+"\n[agency2]\nx = 1\n"), 0o644)
	code, _, errOut = runCmd(t, "summary", "-p", "2025-Q3")
	if code != 2 || !strings.Contains(errOut, "agency2") {
		t.Errorf("unknown key: exit %d:\n%s", code, errOut)
	}
	if code, _, errOut := runCmd(t, "generate", "--config", "nothing.toml"); code != 2 || !strings.Contains(errOut, "nothing.toml") {
		t.Errorf("--config of no file: exit %d:\n%s", code, errOut)
	}
}

// A settings file written by dvkreport init and not filled in would have
// the document signed by its example's name: the run says so, in the
// user's language, and says nothing once the name is written.
func TestInitExampleSigner(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if code, _, errOut := runCmd(t, "init"); code != 0 {
		t.Fatalf("init: exit %d: %s", code, errOut)
	}
	code, _, errOut := runCmd(t, "generate", "-o", "a.pdf")
	if code != 0 || !strings.Contains(errOut, `người ký là "Nguyễn Văn A", tên mẫu`) {
		t.Errorf("generate with the example's signer: exit %d, no warning:\n%s", code, errOut)
	}
	for _, args := range [][]string{{"generate", "-o", "b.pdf", "--signer", "Hoàng Thị Hạnh"}, {"generate", "-o", "c.pdf", "--layout", "plain"}} {
		if code, _, errOut := runCmd(t, args...); code != 0 || strings.Contains(errOut, "tên mẫu") {
			t.Errorf("%q: exit %d, a warning about the example's signer:\n%s", args, code, errOut)
		}
	}
}

// The settings file's output folder takes the reports of generate without
// -o, and a split's without --out-dir, and is made if need be (a
// twenty-eighth review found the key read and never used).
func TestSettingsOutput(t *testing.T) {
	t.Chdir(t.TempDir())
	os.WriteFile("dvkreport.toml", []byte("output = \"bao-cao\"\n"), 0o644)
	if code, _, errOut := runCmd(t, "generate"); code != 0 {
		t.Fatalf("generate: exit %d: %s", code, errOut)
	}
	if code, _, errOut := runCmd(t, "generate", "--split-by", "province", "-l", "Lạng Sơn"); code != 0 {
		t.Fatalf("--split-by: exit %d: %s", code, errOut)
	}
	if code, _, errOut := runCmd(t, "generate", "-o", "x.pdf"); code != 0 {
		t.Fatalf("-o: exit %d: %s", code, errOut)
	}
	files, _ := filepath.Glob("bao-cao/*")
	if _, err := os.Stat("x.pdf"); err != nil || len(files) != 3 {
		t.Errorf("files in bao-cao: %v; x.pdf: %v", files, err)
	}
	// Bad data makes no folder; a file in its place is said of the
	// settings file (a twenty-ninth review).
	os.WriteFile("bad.csv", []byte("province,commune,model,field,period,funds_vnd\nLạng Sơn,Xã Bắc Sơn,A,Kinh tế,2025-Q3,abc\n"), 0o644)
	os.WriteFile("dvkreport.toml", []byte("output = \"moi\"\n"), 0o644)
	if code, _, _ := runCmd(t, "generate", "-i", "bad.csv"); code != 1 {
		t.Errorf("bad data: exit %d", code)
	}
	if _, err := os.Stat("moi"); err == nil {
		t.Error("bad data made the output folder")
	}
	os.WriteFile("moi", []byte("x"), 0o644)
	if code, _, errOut := runCmd(t, "generate"); code != 2 || !strings.Contains(errOut, `dvkreport.toml: output = "moi" là một tệp`) {
		t.Errorf("a file as the output folder: exit %d, %q", code, errOut)
	}
	os.WriteFile("dvkreport.toml", []byte("output = \"moi/sub\"\n"), 0o644)
	if code, _, errOut := runCmd(t, "generate"); code != 2 || !strings.Contains(errOut, `dvkreport.toml: output = "moi/sub" là một tệp`) {
		t.Errorf("a file as the output folder's parent: exit %d, %q", code, errOut)
	}
}
