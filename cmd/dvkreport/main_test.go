package main

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dvkreport/dvkreport/templates"
)

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(append([]string{"dvkreport"}, args...), &out, &errOut, env{})
	return code, out.String(), errOut.String()
}

func TestSummaryCSVSeed(t *testing.T) {
	code, out, errOut := runCmd(t, "summary", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.HasPrefix(lines[0], "locality,economy,culture_society,defense_security,party_building,unclassified,new,sustained,models,funds_vnd,households,beneficiaries") {
		t.Errorf("header %q", lines[0])
	}
	want := map[string]string{
		"Lai Châu": "Lai Châu,0,0,0,0,430,233,197,430,0,0,0,",
		"Lạng Sơn": "Lạng Sơn,3,19,5,8,0,0,0,35,380000000,8500,36626,",
		"TOTAL":    "TOTAL,3,19,5,8,468,233,197,503,11103900000,8991,37702,",
	}
	for name, prefix := range want {
		found := false
		for _, l := range lines {
			if strings.HasPrefix(l, prefix) {
				found = true
			}
		}
		if !found {
			t.Errorf("no row for %s starting %q in\n%s", name, prefix, out)
		}
	}
	if !strings.HasPrefix(lines[len(lines)-1], "TOTAL,") {
		t.Errorf("the last row is not TOTAL: %q", lines[len(lines)-1])
	}
}

func TestGenerateWritesPDF(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.pdf")
	code, _, errOut := runCmd(t, "generate", "--locality", "lang son", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
	// -o - writes the same bytes to standard output.
	code, stdout, _ := runCmd(t, "generate", "--locality", "lang son", "-o", "-")
	if code != 0 || stdout != string(b) {
		t.Errorf("-o -: exit %d, %d bytes, want the %d bytes of the file", code, len(stdout), len(b))
	}
}

func TestGenerateDefaultName(t *testing.T) {
	dir := t.TempDir()
	wd, _ := os.Getwd()
	t.Chdir(dir)
	good := filepath.Join(wd, "testdata", "good.csv")
	code, _, errOut := runCmd(t, "generate", "--input", good, "--locality", "Lạng Sơn", "--period", "Quý III/2025")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "dvk-lang-son-2025-q3.pdf")); err != nil {
		t.Errorf("default file name: %v (stderr %s)", err, errOut)
	}
}

func TestBadDataWritesNothing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.pdf")
	code, _, errOut := runCmd(t, "generate", "--lang", "en", "--input", "testdata/bad.csv", "-o", out)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{
		"testdata/bad.csv:2:4: funds_vnd:", "ambiguous",
		"testdata/bad.csv:3:2: field:", "testdata/bad.csv:3:3: period:", "testdata/bad.csv:3:4: funds_vnd:",
		"nothing was written",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a PDF was written for bad data")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 0 {
		t.Errorf("files left behind: %v", entries)
	}
}

func TestValidate(t *testing.T) {
	code, out, _ := runCmd(t, "validate", "--lang", "en", "testdata/good.csv")
	if code != 0 || !strings.Contains(out, "3 rows, no problems") {
		t.Errorf("good: exit %d, %q", code, out)
	}
	code, out, errOut := runCmd(t, "validate", "testdata/good.csv", "testdata/bad.csv")
	if code != 1 || strings.Count(out, "testdata/bad.csv:") != 4 || !strings.Contains(errOut, "tìm thấy 4 lỗi") {
		t.Errorf("bad: exit %d, stdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"generate", "--locality", "Lang Sonn", "-o", "-"}, "did you mean Lạng Sơn"},
		{[]string{"summary", "--period", "Q5/2025"}, "no quarter 5"},
		{[]string{"summary", "--level", "village"}, "unknown level"},
		{[]string{"summary", "--format", "xml"}, `--format "xml": want one of table, csv, json`},
		{[]string{"summary", "--nope"}, "unknown flag -nope"},
		{[]string{"summary", "--input", "missing.csv"}, "missing.csv: no such file"},
		{[]string{"generate", "extra-arg"}, "takes no arguments"},
		{[]string{"report"}, `unknown command "report"`},
		{[]string{"generate", "-o", "/no/such/folder/r.pdf"}, "there is no folder /no/such/folder"},
		{[]string{"summary", "-p", "2025", "-p", "2024"}, "--period is given twice"},
		{[]string{"summary", "-i", "testdata/bad.csv", "--format", "xml"}, "--format"},
		{[]string{"localities", "extra"}, "takes no arguments"},
		{[]string{"charts", "--out", "x", "stray"}, "takes no arguments"},
		{[]string{"validate", "testdata/good.csv", "--strict-names"}, "flags go before"},
		{[]string{"summary", "--boundaries", "2024"}, "unknown boundaries"},
		{[]string{"summary", "--encoding", "latin9"}, "unknown encoding"},
		{[]string{"summary", "-l", "99999"}, "no administrative unit has the code 99999"},
	}
	for _, tt := range tests {
		// --lang en right after the command (or after the unknown one).
		args := append([]string{tt.args[0], "--lang", "en"}, tt.args[1:]...)
		code, out, errOut := runCmd(t, args...)
		if out != "" {
			t.Errorf("%v: a usage error wrote to stdout:\n%s", tt.args, out)
		}
		if code != 2 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
	// An unknown language: exit 2, in Vietnamese.
	if code, _, errOut := runCmd(t, "summary", "--lang", "fr"); code != 2 || !strings.Contains(errOut, "ngôn ngữ \"fr\" không hợp lệ") {
		t.Errorf("--lang fr: exit %d, %q", code, errOut)
	}
}

func TestHelp(t *testing.T) {
	for _, cmd := range []string{"generate", "summary", "validate"} {
		code, out, _ := runCmd(t, cmd, "--help")
		if code != 0 || !strings.Contains(out, "dvkreport "+cmd) {
			t.Errorf("%s --help: exit %d\n%s", cmd, code, out)
		}
	}
}

func csvRows(out string) map[string]string {
	rows := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		f := strings.Split(l, ",")
		rows[f[0]] = strings.Join(f[1:11], ",")
	}
	return rows
}

// TestIssue5RollUp: rows of 2024-Q3 under the old provinces and of
// 2025-Q3 under the new ones land in the 2025 provinces with
// --boundaries 2025, and stay as written without it.
func TestIssue5RollUp(t *testing.T) {
	code, out, errOut := runCmd(t, "summary", "-i", "testdata/reform.csv", "--boundaries", "2025", "--level", "province", "--hide-empty", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// count per row: Bến Tre 2 + Vĩnh Long 1; Đắk Nông 3 + Lâm Đồng 1;
	// Hà Giang 4 + Tuyên Quang 1; Bình Dương 5 + Hồ Chí Minh 1; Khánh Hòa
	// 1+1+1+1; Lạng Sơn 1. Funds: 100 + 10 million; 50 million.
	// Issue 12: models are a stock. These group rows (counts without a
	// name or status) of 2024-Q3 and 2025-Q3 count at their latest
	// quarter: Bến Tre's 2 models of 2024-Q3 and Vĩnh Long's 1 of 2025-Q3
	// are one group of the 2025 commune, which had 1 at the end of the
	// period; funds, a flow, add up. None says new or sustained.
	want := map[string]string{
		"Vĩnh Long":   "1,0,0,0,0,0,0,1,110000000,0",
		"Lâm Đồng":    "1,0,0,0,0,0,0,1,50000000,0",
		"Tuyên Quang": "1,0,0,0,0,0,0,1,0,0",
		"Hồ Chí Minh": "6,0,0,0,0,0,0,6,0,0",
		"Khánh Hòa":   "4,0,0,0,0,0,0,4,0,0",
		"Lạng Sơn":    "1,0,0,0,0,0,0,1,0,0",
		"TOTAL":       "14,0,0,0,0,0,0,14,160000000,0",
	}
	got := csvRows(out)
	if len(got) != len(want) {
		t.Errorf("rows %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	// Without the flag, the old provinces stay as written, in a period on
	// either side of the reform.
	got = map[string]string{}
	for _, p := range []string{"2024-Q3", "2025-Q3"} {
		_, out, _ = runCmd(t, "summary", "-i", "testdata/reform.csv", "-p", p, "--format", "csv")
		maps.Copy(got, csvRows(out))
	}
	// Over both, Bến Tre's group of 2024-Q3 and Vĩnh Long's of 2025-Q3 are
	// one group of models of the 2025 commune, counted as two without the
	// roll-up (review 27): refused, the flag named.
	if code, _, errOut := runCmd(t, "summary", "-i", "testdata/reform.csv", "--format", "csv"); code != 1 ||
		!strings.Contains(errOut, "reform.csv:6") || !strings.Contains(errOut, "--boundaries 2025") {
		t.Errorf("both sides of the reform without --boundaries: exit %d\n%s", code, errOut)
	}
	// An old province's name selects the province it became.
	if code, out, errOut := runCmd(t, "summary", "-i", "testdata/reform.csv", "--boundaries", "2025", "-l", "Bến Tre", "--level", "province", "--format", "csv"); code != 0 || !strings.Contains(out, "Vĩnh Long,1,") {
		t.Errorf("-l Bến Tre with --boundaries 2025: exit %d\n%s%s", code, out, errOut)
	}
	// And a name of 2024, before Huế became a city (a tenth review).
	tth := filepath.Join(t.TempDir(), "tth.csv")
	if err := os.WriteFile(tth, []byte("province,district,commune,model,field,period\nThừa Thiên Huế,Huyện Phong Điền,Thị trấn Phong Điền,M,Kinh tế,2024-Q3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCmd(t, "summary", "-i", tth, "--boundaries", "2025", "-l", "Thừa Thiên Huế", "--level", "province", "--format", "csv"); code != 0 || !strings.Contains(out, "Huế,1,") {
		t.Errorf("-l Thừa Thiên Huế with --boundaries 2025: exit %d\n%s%s", code, out, errOut)
	}
	for _, name := range []string{"Bến Tre", "Đắk Nông", "Hà Giang", "Bình Dương", "Vĩnh Long", "Hồ Chí Minh"} {
		if _, ok := got[name]; !ok {
			t.Errorf("without --boundaries, no row for %s: %v", name, got)
		}
	}
	if got["Khánh Hòa"] != "4,0,0,0,0,0,0,4,0,0" {
		t.Errorf("Khánh Hoà / khanh hoa / Tỉnh Khánh Hòa / NFD: %q, want one row of 4", got["Khánh Hòa"])
	}
}

func TestIssue5SplitCommune(t *testing.T) {
	code, out, errOut := runCmd(t, "summary", "-i", "testdata/reform.csv", "--boundaries", "2025", "--level", "commune", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got := csvRows(out)
	if got["Hồ Chí Minh (chưa gán xã)"] != "5,0,0,0,0,0,0,5,0,0" {
		t.Errorf("split commune line: %v", got)
	}
	if got["Hồ Chí Minh/Phường Thủ Dầu Một"] != "1,0,0,0,0,0,0,1,0,0" {
		t.Errorf("the 2025 ward must not receive the split commune's rows: %v", got)
	}
	if got["Vĩnh Long/Xã Tân Thành Bình"] != "1,0,0,0,0,0,0,1,110000000,0" {
		t.Errorf("wholly merged commune: %v", got)
	}
	// The PDF names the candidates.
	pdf := filepath.Join(t.TempDir(), "r.pdf")
	if code, _, errOut := runCmd(t, "generate", "-i", "testdata/reform.csv", "--boundaries", "2025", "-l", "Hồ Chí Minh", "-o", pdf); code != 0 {
		t.Fatalf("generate: %s", errOut)
	}
	text := pdfText(t, pdf)
	for _, want := range []string{"SỐ LIỆU CHƯA GÁN ĐƯỢC VÀO XÃ MỚI", "Phường Hiệp Thành", "Phường Phú Lợi", "Phường Thủ Dầu Một", "từ ngày 01/7/2025"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

func TestIssue5NameWarnings(t *testing.T) {
	code, _, errOut := runCmd(t, "validate", "--lang", "en", "testdata/reform.csv")
	if code != 0 {
		t.Errorf("warnings changed the exit code to %d", code)
	}
	if !strings.Contains(errOut, "testdata/reform.csv:14:3: commune: warning:") || !strings.Contains(errOut, "did you mean Xã Bắc Sơn") {
		t.Errorf("stderr:\n%s", errOut)
	}
	code, out, errOut := runCmd(t, "validate", "--strict-names", "testdata/reform.csv")
	if code != 1 || !strings.Contains(out, "Xã Bắc Sơn") {
		t.Errorf("--strict-names: exit %d\n%s%s", code, out, errOut)
	}
	pdf := filepath.Join(t.TempDir(), "r.pdf")
	if code, _, _ := runCmd(t, "generate", "-i", "testdata/reform.csv", "--strict-names", "-o", pdf); code != 1 {
		t.Errorf("generate --strict-names: exit %d, want 1", code)
	}
	if _, err := os.Stat(pdf); err == nil {
		t.Error("generate --strict-names wrote a PDF")
	}
}

func TestLocalities(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"localities", "--search", "bac son"}, []string{"06325,Xã Bắc Sơn,commune,xã,,Tỉnh Lạng Sơn,2025"}},
		{[]string{"localities", "--search", "Mo Cay Bac", "--as-of", "2024"}, []string{"838,Huyện Mỏ Cày Bắc,district,huyện,,Tỉnh Bến Tre,pre-2025"}},
		{[]string{"localities", "--province", "20"}, []string{"20,Tỉnh Lạng Sơn,province", "06325,Xã Bắc Sơn"}},
		{[]string{"localities"}, []string{"20,Tỉnh Lạng Sơn,province,tỉnh,,,2025", "12,Tỉnh Lai Châu"}},
	}
	for _, tt := range tests {
		code, out, errOut := runCmd(t, append(tt.args, "--format", "csv")...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", tt.args, code, errOut)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output lacks %q:\n%s", tt.args, w, out)
			}
		}
	}
	if code, _, errOut := runCmd(t, "localities", "--province", "Lang Sonn"); code != 2 || !strings.Contains(errOut, "Lạng Sơn") {
		t.Errorf("unknown province: exit %d, %s", code, errOut)
	}
	// A code filters too.
	if code, out, errOut := runCmd(t, "summary", "-l", "20", "--format", "csv"); code != 0 || !strings.Contains(out, "Lạng Sơn") {
		t.Errorf("--locality 20: exit %d %s %s", code, out, errOut)
	}
	// A code is read in the units of the report's period: 00025 was
	// Phường Ngọc Khánh, and is Phường Giảng Võ from July 2025 (an
	// eleventh review).
	data := filepath.Join(t.TempDir(), "hn.csv")
	csv := "province,district,commune,model,field,period,funds_vnd\n" +
		"Hà Nội,Quận Ba Đình,Phường Ngọc Khánh,A,Kinh tế,2024-Q3,100\nHà Nội,Quận Ba Đình,Phường Giảng Võ,B,Kinh tế,2024-Q3,200\n"
	if err := os.WriteFile(data, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCmd(t, "summary", "-i", data, "-p", "2024-Q3", "-l", "00025", "--format", "csv"); code != 0 || !strings.Contains(out, "Ngọc Khánh") {
		t.Errorf("-l 00025 in 2024: exit %d %s %s", code, out, errOut)
	}
	if code, out, errOut := runCmd(t, "summary", "--lang", "en", "-i", data, "-l", "00025", "--format", "csv"); code != 2 || !strings.Contains(errOut, "Ngọc Khánh") {
		t.Errorf("-l 00025 across the reform: exit %d %s %s; want exit 2 naming both", code, out, errOut)
	}
}

func pdfText(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is not installed; .ci/run installs it")
		}
		t.Skip("pdftotext is not installed")
	}
	out, err := exec.Command(path, "-layout", name, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestChartsCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "charts")
	code, _, errOut := runCmd(t, "charts", "--format", "svg", "--out", dir, "-l", "Lạng Sơn")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 2 {
		t.Fatalf("files: %v %v", entries, err)
	}
	// Apart from the report, each chart says what it is: its title, with
	// the unit of money, and the scope and period (a twenty-second
	// review found bars of "2,83" with nothing to say tỷ or triệu).
	for _, e := range entries {
		svg, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"Biểu đồ ", ">Lạng Sơn – Giai đoạn 20"}
		if strings.Contains(e.Name(), "funds") {
			want = append(want, "Kinh phí huy động theo địa bàn (")
		}
		for _, w := range want {
			if !strings.Contains(string(svg), w) {
				t.Errorf("%s lacks %q", e.Name(), w)
			}
		}
	}
	if code, _, _ := runCmd(t, "charts", "--format", "bmp", "--out", dir); code != 2 {
		t.Errorf("--format bmp: exit %d, want 2", code)
	}
}

func TestLangVietnamese(t *testing.T) {
	code, out, errOut := runCmd(t, "validate", "--lang", "vi", "testdata/bad.csv")
	for _, want := range []string{"testdata/bad.csv:3:3: period: \"Q5/2025\": không có quý 5", "\"-3\" là số âm", "tìm thấy 4 lỗi"} {
		if code != 1 || !strings.Contains(out+errOut, want) {
			t.Errorf("exit %d, output lacks %q:\n%s%s", code, want, out, errOut)
		}
	}
}

// --skip-invalid: the bad rows are left out, counted on stderr and listed
// on the report's last page.
func TestSkipInvalidNothingLeft(t *testing.T) {
	code, _, errOut := runCmd(t, "generate", "--lang", "en", "-i", "testdata/bad.csv", "--skip-invalid", "-o", filepath.Join(t.TempDir(), "r.pdf"))
	if code != 1 || !strings.Contains(errOut, "4 problems") {
		t.Errorf("every row bad: exit %d, want 1\n%s", code, errOut)
	}
}

func TestSkipInvalid(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.pdf")
	code, _, errOut := runCmd(t, "generate", "--lang", "en", "-i", "testdata/bad.csv", "-i", "testdata/good.csv", "--skip-invalid", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "2 rows with problems left out") {
		t.Errorf("stderr:\n%s", errOut)
	}
	text := pdfText(t, out)
	_, last, ok := strings.Cut(text, "ROWS LEFT OUT OF THE REPORT")
	if !ok {
		t.Fatalf("no excluded-rows page:\n%s", text)
	}
	for _, want := range []string{"testdata/bad.csv:2:4", "testdata/bad.csv:3:2", "Nông nghiệp", "2 rows with problems, listed below"} {
		if !strings.Contains(last, want) {
			t.Errorf("the excluded-rows page lacks %q", want)
		}
	}
}

func TestSummaryFormats(t *testing.T) {
	code, out, _ := runCmd(t, "summary", "--format", "json")
	var got struct {
		Period     string `json:"period"`
		Localities []struct {
			Locality string           `json:"locality"`
			ByField  map[string]int64 `json:"by_field"`
			Models   int64            `json:"models"`
		} `json:"localities"`
		Total struct {
			Models   int64            `json:"models"`
			FundsVND int64            `json:"funds_vnd"`
			Extra    map[string]int64 `json:"extra"`
		} `json:"total"`
	}
	if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	if got.Period != "2020-2025" || got.Total.Models != 503 || got.Total.FundsVND != 11103900000 || got.Total.Extra["houses_built"] != 258 || len(got.Localities) != 4 {
		t.Errorf("json summary: %+v", got)
	}
	code, out, _ = runCmd(t, "summary")
	if code != 0 || !strings.Contains(out, "11.103.900.000") || !strings.Contains(out, "Nhà được xây dựng                               258") {
		t.Errorf("table summary:\n%s", out)
	}
}

// Every column meaning and kind of row left out that inspect may print has
// its message.
func TestInspectMessages(t *testing.T) {
	en := templates.Messages("en")
	for _, k := range []string{"province", "district", "commune", "unit", "model", "field", "status", "period", "count",
		"funds_vnd", "households", "beneficiaries", "source", "row_number", "note", "extra", "text", "empty"} {
		if _, ok := en["inspect.col_"+k]; !ok {
			t.Errorf("no message inspect.col_%s", k)
		}
	}
	for _, k := range []string{"title", "header", "column_numbers", "total", "subtotal", "breakdown", "blank", "heading", "signature"} {
		if _, ok := en["inspect.skip_"+k]; !ok {
			t.Errorf("no message inspect.skip_%s", k)
		}
	}
}

// A register as clerks type it, its unit of money in a line above the
// table ("ĐVT: triệu đồng", right-aligned in the last column), or in a
// row of units under the header's names: the figures are read in that
// unit, end to end, and inspect says so. A unit that is not understood
// stops the run. The funds and indicators are computed by hand:
// units-clerk.csv: 380 + 1.250,5 triệu = 1,630,500,000 đồng; households
// 12 + 30 = 42, never scaled; Số tiền hỗ trợ 1,5 + 20 triệu = 21,500,000
// đồng; Số buổi tuyên truyền 4 + 2 = 6, never scaled. units-two-rows.csv:
// 380 + 1,5 triệu = 381,500,000 đồng; households 12 + 3 = 15; Giá trị
// hiện vật 2.500 + 500 nghìn = 3,000,000 đồng.
func TestHeaderUnitsClerk(t *testing.T) {
	for _, c := range []struct {
		file, total, inspect string
	}{
		{"testdata/in/units-clerk.csv", "TOTAL,1,1,0,0,0,0,0,2,1630500000,42,0,,,,,,,,,21500000,6",
			"funds (đồng), in triệu đồng (from the unit line in row 3)"},
		{"testdata/in/units-two-rows.csv", "TOTAL,1,1,0,0,0,0,0,2,381500000,15,0,,,,,,,,,3000000",
			"funds (đồng), in triệu đồng"},
	} {
		code, out, errOut := runCmd(t, "summary", "--lang", "en", "-i", c.file, "--format", "csv")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.file, code, errOut)
		}
		if !strings.Contains(out, "\n"+c.total+"\n") {
			t.Errorf("%s: no line %q in\n%s", c.file, c.total, out)
		}
		code, out, errOut = runCmd(t, "inspect", "--lang", "en", c.file)
		if code != 0 || !strings.Contains(out, c.inspect) {
			t.Errorf("%s: inspect exit %d, want %q in\n%s%s", c.file, code, c.inspect, out, errOut)
		}
	}
	code, out, errOut := runCmd(t, "summary", "--lang", "en", "-i", "testdata/in/units-unknown.csv", "--format", "csv")
	if code != 1 || out != "" || !strings.Contains(errOut, `testdata/in/units-unknown.csv:2:4: "ĐVT: USD": dvkreport does not read this unit of money; write đồng`) {
		t.Errorf("a unit not understood: exit %d, stdout %q, stderr:\n%s", code, out, errOut)
	}
}

// The first quarter after the reform compares with the one before it, and
// its year to date spans it: the rows before name the old units, and
// nothing said so (a ninth review). Its own period spanning the reform has
// its own warning; with --boundaries 2025, neither.
func TestWarnReformCompare(t *testing.T) {
	data := filepath.Join(t.TempDir(), "r.csv")
	csv := "province,district,commune,model,field,period,funds_vnd\n" +
		"Lạng Sơn,Huyện Bắc Sơn,Thị trấn Bắc Sơn,Mô hình A,Kinh tế,2025-Q2,50000000\n" +
		"Lạng Sơn,,Xã Bắc Sơn,Mô hình B,Kinh tế,2025-Q3,50000000\n"
	if err := os.WriteFile(data, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	// One model on both sides, under the old commune and the new one it
	// went to: counted twice without the roll-up, so refused, the flag
	// named (review 27), in the period and in the year to date.
	straddle := filepath.Join(t.TempDir(), "s.csv")
	os.WriteFile(straddle, []byte(strings.ReplaceAll(csv, "Mô hình A", "Mô hình B")), 0o644)
	for _, args := range [][]string{{"-p", "2025"}, {"-p", "2025-Q3"}} {
		code, _, errOut := runCmd(t, append([]string{"summary", "--lang", "en", "-i", straddle, "--format", "csv"}, args...)...)
		if code != 1 || !strings.Contains(errOut, `s.csv:3: the model "Mô hình B" of Xã Bắc Sơn is reported after 1 July 2025`) ||
			!strings.Contains(errOut, "as Thị trấn Bắc Sơn, Huyện Bắc Sơn under the old units") || !strings.Contains(errOut, "--boundaries 2025") {
			t.Errorf("%v, a model on both sides: exit %d, stderr %q", args, code, errOut)
		}
	}
	// And in a base period: the year 2026's previous year (a
	// twenty-ninth review).
	later := filepath.Join(t.TempDir(), "later.csv")
	os.WriteFile(later, []byte(strings.ReplaceAll(csv, "Mô hình A", "Mô hình B")+"Lạng Sơn,,Xã Bắc Sơn,Mô hình B,Kinh tế,2026-Q1,70000000\n"), 0o644)
	if code, _, errOut := runCmd(t, "summary", "--lang", "en", "-i", later, "-p", "2026", "--format", "csv"); code != 1 || !strings.Contains(errOut, "later.csv:3: the model") ||
		!strings.Contains(errOut, "counts twice in 2025, a period the report compares with") || !strings.Contains(errOut, "--compare none") {
		t.Errorf("-p 2026 over a previous year on both sides: exit %d, stderr %q", code, errOut)
	}
	for _, args := range [][]string{{"-p", "2025", "--boundaries", "2025"}, {"-p", "2025-Q2"}} {
		if code, _, errOut := runCmd(t, append([]string{"summary", "--lang", "en", "-i", straddle, "--format", "csv"}, args...)...); code != 0 {
			t.Errorf("%v, a model on both sides: exit %d, stderr %q", args, code, errOut)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-p", "2025-Q3"}, "the comparisons (the previous period"},
		{[]string{"-p", "2025"}, "the data has rows from before and after 1 July 2025"},
		{[]string{"-p", "2025-Q3", "--boundaries", "2025"}, ""},
		{[]string{"-p", "2025-Q2"}, ""},
	} {
		code, _, errOut := runCmd(t, append([]string{"summary", "--lang", "en", "-i", data, "--format", "csv"}, tc.args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", tc.args, code, errOut)
		}
		got := strings.Contains(errOut, "1 July 2025")
		if tc.want == "" && got || tc.want != "" && !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: stderr %q; want %q", tc.args, errOut, tc.want)
		}
	}
	// A split's files too (a tenth review found no warning there).
	code, _, errOut := runCmd(t, "generate", "--lang", "en", "-i", data, "-p", "2025-Q3", "-l", "Lạng Sơn", "--hide-empty",
		"--split-by", "commune", "--with-total", "--out-dir", t.TempDir())
	if code != 0 || !strings.Contains(errOut, "the comparisons (the previous period") {
		t.Errorf("--split-by: exit %d, stderr %q; want the warning", code, errOut)
	}
}

// A model of a commune split between several, reported after the reform
// in one of them: counted twice in the year 2025 (a twenty-ninth review),
// now refused without the roll-up and counted once, in the commune where
// it goes on, with it; the report says so.
func TestSplitCommuneModelGoesOn(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "r.csv")
	csv := "province,district,commune,model,field,period,funds_vnd\n" +
		"Hà Nội,Quận Ba Đình,Phường Cống Vị,Tủ sách,Kinh tế,2025-Q2,50000000\n" +
		"Hà Nội,,Phường Ngọc Hà,Tủ sách,Kinh tế,2025-Q3,70000000\n" +
		// The same name in the other commune a year later moves nothing
		// (a thirty-sixth review).
		"Hà Nội,,Phường Giảng Võ,Tủ sách,Kinh tế,2026-Q1,10000000\n"
	if err := os.WriteFile(data, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCmd(t, "summary", "--lang", "en", "-i", data, "-p", "2025", "--format", "csv")
	if code != 1 || !strings.Contains(errOut, `r.csv:3: the model "Tủ sách" of Phường Ngọc Hà is reported after 1 July 2025`) ||
		!strings.Contains(errOut, "Phường Cống Vị, Quận Ba Đình") || !strings.Contains(errOut, "--boundaries 2025") {
		t.Errorf("without the roll-up: exit %d, stderr %q", code, errOut)
	}
	code, out, errOut := runCmd(t, "summary", "--lang", "en", "-i", data, "-p", "2025", "--boundaries", "2025", "--level", "commune", "--format", "csv")
	if code != 0 || !strings.Contains(out, "TOTAL,1,") || !strings.Contains(out, "Phường Ngọc Hà,1,") || strings.Contains(out, "not assigned") {
		t.Errorf("with the roll-up: exit %d, stdout:\n%s%s; want one model, Phường Ngọc Hà's", code, out, errOut)
	}
	pdf := filepath.Join(dir, "r.pdf")
	if code, _, errOut := runCmd(t, "generate", "--lang", "en", "-i", data, "-p", "2025", "--boundaries", "2025", "-o", pdf); code != 0 {
		t.Fatalf("generate: exit %d: %s", code, errOut)
	}
	text := strings.Join(strings.Fields(pdfText(t, pdf)), " ") // lines joined
	for _, want := range []string{"ROWS OF SPLIT COMMUNES COUNTED WHERE THEIR MODEL GOES ON",
		"the former commune Phường Cống Vị, Quận Ba Đình was split between", "the model “Tủ sách” is reported in Phường Ngọc Hà"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
}

// A locality named with its unit type is of that type's level: under
// --boundaries 2025 there are no districts, and "Huyện Bắc Sơn" was
// reported as Xã Bắc Sơn without a word (a ninth review).
func TestLocalityTypeLevel(t *testing.T) {
	data := filepath.Join(t.TempDir(), "r.csv")
	csv := "province,district,commune,model,field,period,funds_vnd\n" +
		"Lạng Sơn,Huyện Bắc Sơn,Thị trấn Bắc Sơn,Mô hình A,Kinh tế,2024-Q3,100\n" +
		"Lạng Sơn,Huyện Bắc Sơn,Xã Bắc Quỳnh,Mô hình B,Kinh tế,2024-Q3,200\n" +
		"Lạng Sơn,Huyện Bắc Sơn,,Mô hình E,Kinh tế,2024-Q3,1600\n"
	if err := os.WriteFile(data, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"summary", "--lang", "en", "-i", data, "-p", "2024-Q3", "-l", "Huyện Bắc Sơn", "--format", "csv"}
	code, out, errOut := runCmd(t, args...)
	if code != 0 || !strings.Contains(out, "TOTAL,3,") {
		t.Errorf("the district: exit %d, %s%s; want its 3 models", code, out, errOut)
	}
	if code, out, errOut = runCmd(t, append(args, "--boundaries", "2025")...); code != 2 || !strings.Contains(errOut, "Huyện Bắc Sơn") {
		t.Errorf("the district under --boundaries 2025: exit %d, %s%s; want exit 2 naming it", code, out, errOut)
	}
	// A tenth review: the old provincial capital is no province.
	csv = "province,commune,model,field,period,funds_vnd\n" +
		"Lạng Sơn,Xã Bắc Sơn,Mô hình A,Kinh tế,2025-Q3,100\nHuế,Phường Thuận Hóa,Mô hình B,Kinh tế,2025-Q3,200\n"
	if err := os.WriteFile(data, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	for l, want := range map[string]int{"Thành phố Lạng Sơn": 2, "Xã Lạng Sơn": 2, "TP Lạng Sơn": 2, "Tỉnh Lạng Sơn": 0, "Thành phố Huế": 0, "Lạng Sơn": 0} {
		if code, out, errOut := runCmd(t, "summary", "--lang", "en", "-i", data, "-p", "2025-Q3", "-l", l, "--format", "csv"); code != want {
			t.Errorf("-l %q: exit %d, %s%s; want %d", l, code, out, errOut, want)
		}
	}
	// An eleventh review: under --boundaries 2025, a commune named like a
	// province merged away is that commune, not the province it became.
	csv = "province,commune,model,field,period,funds_vnd\n" +
		"Lạng Sơn,Xã Thái Bình,Mô hình A,Kinh tế,2025-Q3,100\nHưng Yên,Phường Thái Bình,Mô hình B,Kinh tế,2025-Q3,200\n" +
		"Hưng Yên,Xã Tân Hưng,Mô hình C,Kinh tế,2025-Q3,400\n"
	if err := os.WriteFile(data, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	for l, want := range map[string]string{"Xã Thái Bình": "TOTAL,1,", "Phường Thái Bình": "TOTAL,1,", "Thái Bình": "TOTAL,2,"} {
		code, out, errOut := runCmd(t, "summary", "--lang", "en", "-i", data, "-p", "2025-Q3", "--boundaries", "2025", "-l", l, "--format", "csv", "--hide-empty")
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("-l %q --boundaries 2025: exit %d, %s%s; want %s", l, code, out, errOut, want)
		}
	}
}

// A split's figures that no locality's report holds, the province's own
// rows, are said, with the flag that writes the report that holds them (a
// twenty-second review found a province's 700 million in no file and
// nothing said).
func TestSplitSaysFiguresApart(t *testing.T) {
	data := filepath.Join(t.TempDir(), "r.csv")
	csv := "province,commune,model,field,period,funds_vnd\n" +
		"Lạng Sơn,Xã Ba Sơn,Mô hình A,Kinh tế,2026-Q3,100000000\n" +
		"Lạng Sơn,Xã Bắc Sơn,Mô hình B,Kinh tế,2026-Q3,200000000\n" +
		"Lạng Sơn,,Mô hình P,Kinh tế,2026-Q3,700000000\n"
	if err := os.WriteFile(data, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	split := []string{"generate", "--lang", "en", "-i", data, "-p", "2026-Q3", "-l", "Lạng Sơn", "--hide-empty", "--split-by", "commune"}
	const apart = "warning: the figures of Lạng Sơn as a whole (models: 1; funds: 700,000,000 VND) are in none of the 2 reports"
	code, _, errOut := runCmd(t, append(split, "--out-dir", t.TempDir())...)
	if code != 0 || !strings.Contains(errOut, apart) || !strings.Contains(errOut, "add --with-total") {
		t.Errorf("exit %d, stderr %q; want %q and the hint", code, errOut, apart)
	}
	code, _, errOut = runCmd(t, append(split, "--with-total", "--out-dir", t.TempDir())...)
	if code != 0 || !strings.Contains(errOut, apart) || strings.Contains(errOut, "add --with-total") {
		t.Errorf("--with-total: exit %d, stderr %q; want %q without the hint", code, errOut, apart)
	}
	// Communes' rows that name no district, after the reform, in a split
	// by district: not said to be the province's as a whole (a
	// twenty-third review).
	post := filepath.Join(t.TempDir(), "post.csv")
	rows := "province,district,commune,model,field,period,funds_vnd\n" +
		"Lạng Sơn,Huyện Bắc Sơn,Xã Vũ Lăng,A,Kinh tế,2025-Q2,1000000\n" +
		"Lạng Sơn,,Xã Bắc Sơn,B,Kinh tế,2025-Q3,7000000\n"
	if err := os.WriteFile(post, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runCmd(t, "generate", "--lang", "en", "-i", post, "-p", "2025", "-l", "Lạng Sơn", "--hide-empty", "--split-by", "district", "--out-dir", t.TempDir())
	if want := "the figures of Lạng Sơn that name no district, the province's as a whole or communes' without a district (models: 1; funds: 7,000,000 VND)"; code != 0 || !strings.Contains(errOut, want) {
		t.Errorf("communes without a district: exit %d, stderr %q; want %q", code, errOut, want)
	}
	// Every row a commune's: nothing said.
	csv = strings.Join(strings.Split(csv, "\n")[:3], "\n") + "\n"
	if err := os.WriteFile(data, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut = runCmd(t, append(split, "--out-dir", t.TempDir())...); code != 0 || strings.Contains(errOut, "none of the") {
		t.Errorf("no province's rows: exit %d, stderr %q; want no warning", code, errOut)
	}
}

// A model's name of 10,000 letters is cut in its table, "…" at its end,
// and its row keeps its figures on the page: the name ran off the page's
// foot and the row's figures were on no page (a twenty-fourth review).
func TestLongNameCutInItsTable(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "r.csv")
	csv := "province,commune,unit,model,field,period,funds_vnd\n" +
		"Lạng Sơn,Xã Bắc Sơn,Hội Phụ nữ Bắc Sơn," + strings.Repeat("A", 10000) + ",Kinh tế,2025-Q3,7000000\n"
	if err := os.WriteFile(data, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "r.pdf")
	if code, _, errOut := runCmd(t, "generate", "-i", data, "--models", "-l", "Lạng Sơn", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	text := pdfText(t, out)
	_, models, ok := strings.Cut(text, "CÁC MÔ HÌNH")
	if !ok {
		t.Fatalf("no models table:\n%s", text)
	}
	for _, want := range []string{"A…", "Hội Phụ nữ Bắc", "7"} {
		if !strings.Contains(models, want) {
			t.Errorf("the models table lacks %q:\n%s", want, models)
		}
	}
}

// A split by district under --boundaries 2025, when districts are no
// more, is a usage error (a twenty-sixth review: no report, exit 0).
func TestSplitByDistrictAfterReformRefused(t *testing.T) {
	code, _, errOut := runCmd(t, "generate", "--lang", "en", "--boundaries", "2025", "--split-by", "district", "--out-dir", t.TempDir())
	if code != 2 || !strings.Contains(errOut, "there are no districts from 1 July 2025") {
		t.Errorf("exit %d, stderr %q; want 2 and the reason", code, errOut)
	}
}
