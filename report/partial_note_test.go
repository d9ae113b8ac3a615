package report_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/compare"
	"github.com/dvkreport/dvkreport/report/record"
)

// A year 2025 report by district holds communes' rows of after the
// reform, which name no district, on the province's "(*)" line: its note
// says so, where it said they were the province's figures as a whole (a
// twenty-second review). A province's own rows alone keep that note.
func TestPartialLineNote(t *testing.T) {
	const (
		whole    = "(*) Số liệu chung toàn tỉnh hoặc toàn huyện, không ghi riêng cho xã."
		communes = "(*) Số liệu ghi cho tỉnh mà không ghi huyện: số liệu chung toàn tỉnh, hoặc của các xã, phường, thị trấn không ghi huyện (từ ngày 01/7/2025 không còn cấp huyện)."
	)
	for _, tc := range []struct {
		name, rows string
		want, not  string
	}{
		{"after the reform", "Lạng Sơn,Huyện Bắc Sơn,Xã Vũ Lễ,A,Kinh tế,2025-Q1,10\n" +
			"Lạng Sơn,,Xã Ba Sơn,B,Kinh tế,2025-Q3,20\n", communes, whole},
		{"the province's own", "Lạng Sơn,Huyện Bắc Sơn,Xã Vũ Lễ,A,Kinh tế,2025-Q1,10\n" +
			"Lạng Sơn,,,B,Kinh tế,2025-Q1,20\n", whole, communes},
	} {
		path := filepath.Join(t.TempDir(), "r.csv")
		if err := os.WriteFile(path, []byte("province,district,commune,model,field,period,funds_vnd\n"+tc.rows), 0o644); err != nil {
			t.Fatal(err)
		}
		opts := report.Options{Inputs: []string{path}, Period: record.YearsPeriod(2025, 2025), Localities: []string{"Lạng Sơn"}, HideEmpty: true}
		if got := documentJSON(t, opts); !strings.Contains(got, tc.want) || strings.Contains(got, tc.not) {
			t.Errorf("%s: the notes lack %q or have %q:\n%s", tc.name, tc.want, tc.not, got)
		}
	}
}

// A half-year's row over the quarter before is in none of that quarter's
// figures, nor in the charts by quarter: both are said (a twenty-second
// review found a commune called new against the quarter its 2026-H1 row
// held, and the quarters' chart 100 million short of the year to date,
// without a word).
func TestLongerRowsOverBasesSaid(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.csv")
	data := "province,commune,unit,model,field,status,period,count,funds_vnd\n" +
		"Lạng Sơn,Xã Bắc Sơn,Hội Nông dân,Mô hình A,Kinh tế,Mới,2026-H1,1,100000000\n" +
		"Lạng Sơn,Xã Bắc Sơn,Hội Nông dân,Mô hình A,Kinh tế,Duy trì,2026-Q3,1,40000000\n" +
		"Lạng Sơn,Xã Ba Sơn,Hội Nông dân,Mô hình B,Kinh tế,Mới,2026-Q2,1,20000000\n" +
		"Lạng Sơn,Xã Ba Sơn,Hội Nông dân,Mô hình B,Kinh tế,Duy trì,2026-Q3,1,30000000\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	doc := func(rows string) string {
		t.Helper()
		if err := os.WriteFile(path, []byte(rows), 0o644); err != nil {
			t.Fatal(err)
		}
		opts := report.Options{Inputs: []string{path}, Period: record.QuarterPeriod(2026, 3), Localities: []string{"Lạng Sơn"},
			HideEmpty: true, Compare: compare.Both()}
		return documentJSON(t, opts)
	}
	notes := []string{
		"1 dòng số liệu có kỳ báo cáo dài hơn, vắt qua quý II năm 2026 (ví dụ cả 6 tháng), không được tính vào số liệu của kỳ đó dùng để so sánh.",
		"Các biểu đồ theo quý chỉ tính các dòng số liệu của từng quý: 1 dòng có kỳ báo cáo dài hơn một quý (6 tháng, cả năm…) không được thể hiện.",
	}
	got := doc(data)
	for _, n := range notes {
		if !strings.Contains(got, n) {
			t.Errorf("the notes lack %q:\n%s", n, got)
		}
	}
	// A year's row beside them runs past the charts' last quarter: 2 rows
	// are not in the charts (a twenty-third review found it uncounted).
	got = doc(data + "Lạng Sơn,Xã Ba Sơn,Hội Phụ nữ,Mô hình C,Kinh tế,Mới,2026,1,50000000\n")
	if want := "Các biểu đồ theo quý chỉ tính các dòng số liệu của từng quý: 2 dòng"; !strings.Contains(got, want) {
		t.Errorf("with a year's row too, the notes lack %q:\n%s", want, got)
	}
	// The half-year written as its second quarter: nothing to say.
	got = doc(strings.Replace(data, "2026-H1", "2026-Q2", 1))
	for _, n := range notes {
		if strings.Contains(got, n[:40]) {
			t.Errorf("with quarters alone, the notes have %q", n)
		}
	}
}

// A report of a locality without rows, no period asked for, is of the
// data's period, not of none: "Kỳ báo cáo:" and "Trong , …" were printed
// with nothing (a twenty-fourth review).
func TestEmptyLocalityHasThePeriodOfTheData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.csv")
	data := "province,commune,model,field,period,funds_vnd\n" +
		"Lạng Sơn,Xã Bắc Sơn,A,Kinh tế,2025-Q3,1000000\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := report.Options{Inputs: []string{path}, Localities: []string{"Lạng Sơn/Xã Ba Sơn"}}
	res, err := report.Summarize(opts)
	if err != nil {
		t.Fatal(err)
	}
	if want := record.QuarterPeriod(2025, 3); res.Period != want {
		t.Errorf("period %v, want the data's %v", res.Period, want)
	}
	d, err := report.Document(res, opts)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(d)
	if !strings.Contains(string(b), "Trong quý III năm 2025, Xã Ba Sơn") {
		t.Errorf("the report does not say its period:\n%s", b)
	}
}
