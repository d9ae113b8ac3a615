package report_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/record"
)

// A year 2025 report by district holds communes' rows of after the
// reform, which name no district, on the province's "(*)" line: its note
// says so, where it said they were the province's figures as a whole (a
// twenty-second review). A province's own rows alone keep that note.
func TestPartialLineNote(t *testing.T) {
	const (
		whole    = "(*) Số liệu chung toàn tỉnh hoặc toàn huyện, không ghi riêng cho xã."
		communes = "(*) Số liệu ghi cho tỉnh mà không ghi huyện: số liệu chung toàn tỉnh, hoặc của các xã, phường, đặc khu từ ngày 01/7/2025, khi không còn cấp huyện."
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
		res, err := report.Summarize(opts)
		if err != nil {
			t.Fatal(err)
		}
		d, err := report.Document(res, opts)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(d)
		if got := string(b); !strings.Contains(got, tc.want) || strings.Contains(got, tc.not) {
			t.Errorf("%s: the notes lack %q or have %q:\n%s", tc.name, tc.want, tc.not, got)
		}
	}
}
