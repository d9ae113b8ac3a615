package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/aggregate"
)

var update = flag.Bool("update", false, "rewrite the generated fixtures in testdata/registers")

const registers = "../testdata/registers"

// TestWriteFixtures writes register.json and register.xlsx from
// register-utf8.csv when run with -update; otherwise it checks they exist.
// The workbook has what offices' workbooks have: a title row, a two-row
// header with a cell merged over both rows, numbers stored as numbers and
// as text, a date in the period column, the rows split over two sheets,
// a notes sheet without a table, and formatting on empty trailing rows.
func TestWriteFixtures(t *testing.T) {
	if !*update {
		for _, f := range []string{"register.json", "register.xlsx"} {
			if _, err := os.Stat(filepath.Join(registers, f)); err != nil {
				t.Fatalf("%v; run go test ./report -run TestWriteFixtures -update", err)
			}
		}
		return
	}
	d, err := report.Load(report.Options{Inputs: []string{filepath.Join(registers, "register-utf8.csv")}})
	if err != nil || len(d.Problems) > 0 {
		t.Fatal(err, d.Problems)
	}
	raw, err := os.ReadFile(filepath.Join(registers, "register-utf8.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	header := splitCSV(lines[0])
	var rows [][]string
	for _, l := range lines[1:] {
		rows = append(rows, splitCSV(l))
	}
	// JSON: an array of objects, numbers as numbers where they are plain.
	var objs []map[string]any
	for _, r := range rows {
		o := map[string]any{}
		for i, h := range header {
			if n, err := strconv.ParseInt(r[i], 10, 64); err == nil {
				o[h] = n
			} else {
				o[h] = r[i]
			}
		}
		objs = append(objs, o)
	}
	js, _ := json.MarshalIndent(objs, "", "  ")
	if err := os.WriteFile(filepath.Join(registers, "register.json"), append(js, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}

	f := excelize.NewFile()
	defer f.Close()
	vi := map[string]string{"province": "Tỉnh", "district": "Huyện", "commune": "Xã", "unit": "Đơn vị",
		"model": "Tên mô hình", "field": "Lĩnh vực", "status": "Tình trạng", "period": "Kỳ báo cáo",
		"count": "Số mô hình", "funds_vnd": "Kinh phí huy động", "households": "Số hộ", "source": "Nguồn"}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	moneyStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 3})
	write := func(sheet string, headerRow int, rs [][]string) {
		for i, h := range header {
			cell, _ := excelize.CoordinatesToCellName(i+1, headerRow)
			f.SetCellValue(sheet, cell, vi[h])
		}
		for j, r := range rs {
			for i, v := range r {
				cell, _ := excelize.CoordinatesToCellName(i+1, headerRow+1+j)
				switch {
				case header[i] == "period" && j == 0:
					// A date: the quarter it falls in.
					f.SetCellValue(sheet, cell, time.Date(2025, 7, 15, 0, 0, 0, 0, time.UTC))
					f.SetCellStyle(sheet, cell, cell, dateStyle)
				case header[i] == "funds_vnd" && j == 1:
					f.SetCellStr(sheet, cell, v) // a number stored as text
				case header[i] == "funds_vnd" || header[i] == "count" || header[i] == "households":
					n, err := strconv.ParseInt(strings.ReplaceAll(v, ".", ""), 10, 64)
					if err != nil {
						t.Fatal(err)
					}
					f.SetCellValue(sheet, cell, n)
					f.SetCellStyle(sheet, cell, cell, moneyStyle)
				default:
					f.SetCellValue(sheet, cell, v)
				}
			}
		}
	}
	s1 := "Quý III - miền Bắc"
	f.SetSheetName("Sheet1", s1)
	f.SetCellValue(s1, "A1", "BÁO CÁO KẾT QUẢ PHONG TRÀO DÂN VẬN KHÉO QUÝ III/2025")
	write(s1, 3, rows[:3])
	// "Tỉnh" merged over rows 2 and 3; a group heading over the next two.
	f.SetCellValue(s1, "A2", "Tỉnh")
	f.SetCellValue(s1, "A3", "")
	f.MergeCell(s1, "A2", "A3")
	f.SetCellValue(s1, "B2", "Địa bàn")
	f.MergeCell(s1, "B2", "C2")
	s2 := "Quý III - miền Nam"
	f.NewSheet(s2)
	write(s2, 1, rows[3:])
	f.SetCellStyle(s2, "A10", "L12", moneyStyle) // formatted empty rows
	f.NewSheet("Ghi chú")
	f.SetCellValue("Ghi chú", "A1", "Số liệu do các xã gửi về.")
	if err := f.SaveAs(filepath.Join(registers, "register.xlsx")); err != nil {
		t.Fatal(err)
	}
}

func splitCSV(line string) []string {
	var out []string
	var b strings.Builder
	quoted := false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case r == ',' && !quoted:
			out = append(out, b.String())
			b.Reset()
		default:
			b.WriteRune(r)
		}
	}
	return append(out, b.String())
}

// TestSameRegisterEveryFormat: the same register saved as XLSX, XLS (by
// LibreOffice 7.4 from the XLSX), JSON, CSV
// in UTF-8, UTF-8 with a BOM and semicolons, UTF-16 with tabs, Windows-1258,
// TCVN3 and VNI gives byte-identical summaries.
func TestSameRegisterEveryFormat(t *testing.T) {
	summary := func(file string) string {
		t.Helper()
		r, err := report.Summarize(report.Options{Inputs: []string{filepath.Join(registers, file)}, Level: aggregate.LevelCommune})
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		var buf bytes.Buffer
		if err := report.WriteSummary(&buf, r, "csv", report.Options{}); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	want := summary("register-utf8.csv")
	if !strings.Contains(want, "Lạng Sơn/Huyện Văn Quan/Xã Tân Đoàn,12,0,0,0,0,12,0,12,380000000,45,0") {
		t.Fatalf("the UTF-8 register's summary:\n%s", want)
	}
	for _, f := range []string{
		"register.xlsx", "register.xls", "register.json", "register-utf8-bom-semicolon.csv", "register-utf16le-tab.csv",
		"register-utf16be.csv", "register-cp1258.csv", "register-tcvn3.csv", "register-vni.csv",
	} {
		if got := summary(f); got != want {
			t.Errorf("%s gives another summary:\n%s\nwant\n%s", f, got, want)
		}
	}
}

// TestExamples reads every example file of the input contract, when the
// project's shared folder is beside the repository.
func TestExamples(t *testing.T) {
	dir := "../../shared/spec/examples"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no %s", dir)
	}
	if _, err := report.Summarize(report.Options{Inputs: []string{dir}}); err != nil {
		t.Errorf("the contract's examples do not load: %v", err)
	}
}
