package report_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/report/synth"
)

// tool returns the path of an external checker, skipping the test when it
// is missing on a developer's machine, and failing it in CI (CI=true),
// where .ci/run installs it.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed; .ci/run installs it", name)
		}
		t.Skipf("%s is not installed (apt-get install poppler-utils qpdf)", name)
	}
	return p
}

func seedPDF(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.Generate(report.Options{}, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeTemp(t *testing.T, data []byte) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "seed.pdf")
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

func TestSeedReportDeterministic(t *testing.T) {
	a, b := seedPDF(t), seedPDF(t)
	if !bytes.HasPrefix(a, []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	if !bytes.Equal(a, b) {
		t.Error("two runs on the same data gave different PDFs")
	}
	if len(a) > 150_000 {
		t.Errorf("seed report is %d bytes, want under 150 KB", len(a))
	}
}

// A register big enough to be read, validated and named in pieces gives
// the same PDF on one processor as on several.
func TestProcessorsDoNotChangeTheReport(t *testing.T) {
	name := filepath.Join(t.TempDir(), "register.csv")
	if err := synth.WriteFile(name, 12_000, 1); err != nil { // about 2 MB
		t.Fatal(err)
	}
	opts := report.Options{Inputs: []string{name}, Level: aggregate.LevelCommune}
	var pdfs [][]byte
	for _, procs := range []int{1, 3} {
		old := runtime.GOMAXPROCS(procs)
		var buf bytes.Buffer
		err := report.Generate(opts, &buf)
		runtime.GOMAXPROCS(old)
		if err != nil {
			t.Fatal(err)
		}
		pdfs = append(pdfs, buf.Bytes())
	}
	if !bytes.Equal(pdfs[0], pdfs[1]) {
		t.Errorf("the PDFs differ: %d bytes on 1 processor, %d on 3", len(pdfs[0]), len(pdfs[1]))
	}
}

func TestSeedReportText(t *testing.T) {
	name := writeTemp(t, seedPDF(t))
	out, err := exec.Command(tool(t, "pdftotext"), "-layout", name, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{
		"Lạng Sơn", "Lai Châu", "Đắk Nông", "Bến Tre", "Văn hóa - Xã hội", "Quốc phòng - An ninh",
		"BÁO CÁO KẾT QUẢ PHONG TRÀO THI ĐUA “DÂN VẬN KHÉO”", "Giai đoạn 2020 - 2025",
		"503", "11,1 tỷ đồng", "11.103,9", "8.991", "Tổng cộng", "Trang 1/", "Trang 2/",
		"https://laichau.gov.vn/",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
}

func TestSeedReportDistrictText(t *testing.T) {
	var buf bytes.Buffer
	if err := report.Generate(report.Options{Localities: []string{"dak nong"}}, &buf); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool(t, "pdftotext"), "-layout", writeTemp(t, buf.Bytes()), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Đắk Song", "10.723,9", "10,72 tỷ đồng", "387"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the Đắk Nông report lacks %q", want)
		}
	}
}

func TestSeedReportFonts(t *testing.T) {
	out, err := exec.Command(tool(t, "pdffonts"), writeTemp(t, seedPDF(t))).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type... encoding emb sub uni object ID
		n := len(f)
		if n < 6 || f[n-5] != "yes" || f[n-4] != "yes" || f[n-3] != "yes" {
			t.Errorf("font not embedded, subset and with ToUnicode: %s", l)
		}
		if !strings.Contains(f[0], "+Liberation") {
			t.Errorf("font name %q lacks a subset tag", f[0])
		}
	}
}

func TestSeedReportQPDF(t *testing.T) {
	out, err := exec.Command(tool(t, "qpdf"), "--check", writeTemp(t, seedPDF(t))).CombinedOutput()
	if err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

func TestFileName(t *testing.T) {
	tests := []struct {
		opts report.Options
		want string
	}{
		{report.Options{}, "dvk-toan-quoc-2020-2025.pdf"},
		{report.Options{Localities: []string{"lang son"}}, "dvk-lang-son-2021-2025.pdf"},
		{report.Options{Localities: []string{"Đắk Nông/Đắk Song"}, Period: record.YearsPeriod(2020, 2025)}, "dvk-dak-song-2020-2025.pdf"},
		{report.Options{Period: record.YearsPeriod(2025, 2025)}, "dvk-toan-quoc-2025.pdf"},
	}
	for _, tt := range tests {
		s, err := report.Summarize(tt.opts)
		if err != nil {
			t.Fatal(err)
		}
		if got := report.FileName(s.Summary); got != tt.want {
			t.Errorf("FileName(%+v) = %q, want %q", tt.opts, got, tt.want)
		}
	}
}

// The charts are vectors: no images in the PDF, and their labels (the
// legend's field names, the localities under the bars) are text.
func TestSeedReportVectorCharts(t *testing.T) {
	name := writeTemp(t, seedPDF(t))
	out, err := exec.Command(tool(t, "pdfimages"), "-list", name).Output()
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(strings.TrimSpace(string(out)), "\n"); len(lines) > 2 {
		t.Errorf("the seed report has images:\n%s", out)
	}
	// What pdftotext gives after the first chart's title is the chart's own
	// text: the legend's field names and the localities under the bars.
	out, err = exec.Command(tool(t, "pdftotext"), "-layout", "-f", "1", "-l", "1", name, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	_, chart, ok := strings.Cut(string(out), "Biểu đồ 1. Số mô hình theo lĩnh vực và địa bàn")
	if !ok {
		t.Fatalf("no chart title in:\n%s", out)
	}
	for _, want := range []string{"Kinh tế", "Văn hóa - Xã hội", "Xây dựng Đảng và hệ thống chính trị", "Chưa phân loại", "Lai Châu", "Lạng Sơn", "Đắk Nông", "430"} {
		if !strings.Contains(chart, want) {
			t.Errorf("the chart lacks %q:\n%s", want, chart)
		}
	}
}

func TestChartFiles(t *testing.T) {
	r, err := report.Summarize(report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, form := range []string{"png", "svg"} {
		files, err := report.Charts(r, form, report.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(files) != 2 {
			t.Fatalf("%s: %d charts, want 2", form, len(files))
		}
		for _, f := range files {
			if !strings.HasSuffix(f.Name, "."+form) {
				t.Errorf("file name %q", f.Name)
			}
		}
		if form == "png" && !bytes.HasPrefix(files[0].Data, []byte("\x89PNG")) {
			t.Error("not a PNG")
		}
		if form == "svg" && !bytes.Contains(files[0].Data, []byte(">Lạng Sơn<")) {
			t.Error("the SVG lacks its labels")
		}
	}
	if _, err := report.Charts(r, "gif", report.Options{}); err == nil {
		t.Error("gif accepted")
	}
}
