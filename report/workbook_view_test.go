package report_test

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/msg"
)

// viewBook is a workbook of four rows as a clerk keeps one (7 models,
// 67,000,000 đồng, 17 households in 2025-Q3), which edit changes before it
// is written.
func viewBook(t *testing.T, fundsHeader string, edit func(f *excelize.File, sheet string)) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Sheet1"
	rows := [][]any{
		{"Tỉnh", "Xã", "Đơn vị", "Tên mô hình", "Lĩnh vực", "Tình trạng", "Kỳ báo cáo", "Số mô hình", fundsHeader, "Số hộ"},
		{"Lạng Sơn", "Xã Ba Sơn", "Hội Nông dân", "Nuôi ong", "Kinh tế", "Mới", "2025-Q3", 1, 10_000_000, 5},
		{"Lạng Sơn", "Xã Ba Sơn", "Công an xã", "Camera an ninh", "Quốc phòng - An ninh", "Mới", "2025-Q3", 1, 20_000_000, 0},
		{"Lạng Sơn", "Xã Bắc Sơn", "Hội Phụ nữ", "Tổ liên kết trồng chè", "Kinh tế", "Mới", "2025-Q3", 4, 30_000_000, 12},
		{"Lạng Sơn", "Xã Bằng Mạc", "Đoàn Thanh niên", "Sân chơi thiếu nhi", "Văn hóa - Xã hội", "Mới", "2025-Q3", 1, 7_000_000, 0},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	edit(f, sheet)
	name := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(name); err != nil {
		t.Fatal(err)
	}
	return name
}

// column sets the cells of a column from row 2 down to values.
func column(f *excelize.File, sheet, col string, values ...any) {
	for i, v := range values {
		f.SetCellValue(sheet, col+strconv.Itoa(2+i), v)
	}
}

// numFmt gives cells a custom number format.
func numFmt(t *testing.T, f *excelize.File, sheet, from, to, code string) {
	t.Helper()
	st, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStyle(sheet, from, to, st); err != nil {
		t.Fatal(err)
	}
}

// A seventeenth review's workbooks, whose figures Excel shows otherwise
// than the file holds them: each was read wrong with exit 0. What Excel
// shows is read, or the row or sheet is a problem that says what to do.
func TestWorkbookAsExcelShowsIt(t *testing.T) {
	const want = "7 models, 67000000 đồng, 17 households in 2025-Q3"
	for _, tc := range []struct {
		what, header string
		edit         func(*testing.T, *excelize.File, string)
		want         string // the totals, or the key of the problem
	}{
		{"as written", "Kinh phí huy động", func(*testing.T, *excelize.File, string) {}, want},
		// A cell whose format shows another unit than its column's: which
		// is it? (10,000,000 shown "10.000.000 đ" under triệu đồng was read
		// as 10^13; 10 shown "10 ₫" by Excel's currency button, as 10.)
		{"đồng shown in a column of triệu", "Kinh phí huy động (triệu đồng)", func(t *testing.T, f *excelize.File, s string) {
			numFmt(t, f, s, "I2", "I5", `#,##0 "đ"`)
		}, "number.format_unit number.format_unit number.format_unit number.format_unit"},
		{"the dong sign shown in a column of triệu", "Kinh phí huy động (triệu đồng)", func(t *testing.T, f *excelize.File, s string) {
			column(f, s, "I", 10, 20, 30, 7) // the funds in triệu
			numFmt(t, f, s, "I2", "I5", `#,##0\ [$₫-42A]`)
		}, "number.format_unit number.format_unit number.format_unit number.format_unit"},
		{"đồng shown in a column without a unit", "Kinh phí huy động", func(t *testing.T, f *excelize.File, s string) {
			numFmt(t, f, s, "I2", "I5", `#,##0\ [$₫-42A]`)
		}, want},
		{"tr.đ shown after numbers of triệu", "Kinh phí huy động", func(t *testing.T, f *excelize.File, s string) {
			column(f, s, "I", 10, 20, 30, 7) // the funds in triệu
			numFmt(t, f, s, "I2", "I5", `#,##0" tr.đ"`)
		}, want},
		{"millions shown without a unit", "Kinh phí huy động", func(t *testing.T, f *excelize.File, s string) {
			numFmt(t, f, s, "I2", "I5", `#,##0,,`)
		}, want},
		{"dollars", "Kinh phí huy động", func(t *testing.T, f *excelize.File, s string) {
			numFmt(t, f, s, "I2", "I5", `[$$-409]#,##0`)
		}, "number.nan number.nan number.nan number.nan"},
		{"a column of rates", "Kinh phí huy động", func(t *testing.T, f *excelize.File, s string) {
			f.SetCellValue(s, "K1", "Tiến độ thực hiện")
			column(f, s, "K", 1, 1, 1, 1)
			numFmt(t, f, s, "K2", "K5", "0%")
		}, want},
		{"millions shown with a unit", "Kinh phí huy động (triệu đồng)", func(t *testing.T, f *excelize.File, s string) {
			numFmt(t, f, s, "I2", "I5", `#,##0,," tr"`)
		}, want},
		{"triệu shown after numbers of triệu", "Kinh phí huy động", func(t *testing.T, f *excelize.File, s string) {
			column(f, s, "I", 10, 20, 30, 7) // the funds in triệu
			numFmt(t, f, s, "I2", "I5", `#,##0" triệu"`)
		}, want},
		{"households shown with a word", "Kinh phí huy động", func(t *testing.T, f *excelize.File, s string) {
			numFmt(t, f, s, "J2", "J5", `0" hộ"`)
		}, want},
		{"households shown in thousands", "Kinh phí huy động", func(t *testing.T, f *excelize.File, s string) {
			numFmt(t, f, s, "J2", "J5", `#,##0.000, "hộ"`) // 5 shown "0.005 hộ": read as 5 (a twenty-first review read 5,000 as 5)
		}, want},
		{"a column of dates", "Kinh phí huy động", func(t *testing.T, f *excelize.File, s string) {
			f.SetCellValue(s, "K1", "Hoàn thành")
			column(f, s, "K", 45801, 45802, 45803, 45804)
			numFmt(t, f, s, "K2", "K5", "dd/mm/yyyy")
		}, want},
		{"dates of 1904 in the period column", "Kinh phí huy động", func(t *testing.T, f *excelize.File, s string) {
			yes := true
			if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
				t.Fatal(err)
			}
			column(f, s, "G", 44422, 44422, 44422, 44422) // 15/08/2025 counted from 1904
			numFmt(t, f, s, "G2", "G5", "dd/mm/yyyy")
		}, want},
		{"years in the period column", "Kinh phí huy động", func(t *testing.T, f *excelize.File, s string) {
			column(f, s, "G", 45884, 45884, 45884, 45884) // 15/08/2025, shown 2025
			numFmt(t, f, s, "G2", "G5", "yyyy")
		}, "7 models, 67000000 đồng, 17 households in 2025"},
		{"a formula without its value", "Kinh phí huy động", func(t *testing.T, f *excelize.File, s string) {
			f.SetCellValue(s, "H4", nil)
			f.SetCellFormula(s, "H4", "2+2")
		}, "validate.formula_value"},
		{"a hidden row", "Kinh phí huy động", func(t *testing.T, f *excelize.File, s string) {
			f.SetRowVisible(s, 3, false)
		}, "validate.hidden_row"},
		{"a group of rows collapsed", "Kinh phí huy động", func(t *testing.T, f *excelize.File, s string) {
			f.SetRowOutlineLevel(s, 2, 1)
			f.SetRowOutlineLevel(s, 3, 1)
			f.SetRowVisible(s, 2, false)
			f.SetRowVisible(s, 3, false)
		}, want},
		// A filter on the count column letting 1 through hides row 4 (4
		// models): counted, with a warning; row 3 it lets through, hidden
		// all the same, was hidden by hand.
		{"a row a filter hides", "Kinh phí huy động", func(t *testing.T, f *excelize.File, s string) {
			if err := f.AutoFilter(s, "A1:J5", []excelize.AutoFilterOptions{{Column: "H", Expression: "x == 1"}}); err != nil {
				t.Fatal(err)
			}
			f.SetRowVisible(s, 4, false)
		}, want},
		{"a row hidden by hand that the filter lets through", "Kinh phí huy động", func(t *testing.T, f *excelize.File, s string) {
			if err := f.AutoFilter(s, "A1:J5", []excelize.AutoFilterOptions{{Column: "H", Expression: "x == 1"}}); err != nil {
				t.Fatal(err)
			}
			f.SetRowVisible(s, 3, false)
			f.SetRowVisible(s, 4, false)
		}, "validate.hidden_row"},
		{"a row of no height", "Kinh phí huy động", func(t *testing.T, f *excelize.File, s string) {
			f.SetRowHeight(s, 3, 0)
		}, "validate.hidden_row"},
		{"a sheet of a header alone beside the data", "Kinh phí huy động", func(t *testing.T, f *excelize.File, s string) {
			f.NewSheet("Quý IV")
			f.SetSheetRow("Quý IV", "A1", &[]any{"Tỉnh", "Xã", "Tên mô hình", "Lĩnh vực", "Kỳ báo cáo", "Số mô hình", "Kinh phí huy động"})
		}, want},
		// A bare row of SUBTOTAL(109,…) under a filter: it leaves out the
		// row the filter hides, so it never adds up; counted as models
		// (a nineteenth review). A row of formulas that sum its column is
		// a subtotal, whatever its figures.
		{"a subtotal of the rows a filter shows", "Kinh phí huy động", func(t *testing.T, f *excelize.File, s string) {
			if err := f.AutoFilter(s, "A1:J6", []excelize.AutoFilterOptions{{Column: "H", Expression: "x == 1"}}); err != nil {
				t.Fatal(err)
			}
			f.SetCellValue(s, "A6", "Lạng Sơn")
			f.SetCellValue(s, "G6", "2025-Q3")
			for _, c := range []string{"H", "I", "J"} {
				f.SetCellFormula(s, c+"6", "SUBTOTAL(109,"+c+"2:"+c+"5)")
			}
			f.SetCellValue(s, "H6", 3) // the values Excel saved: rows 2, 3 and 5
			f.SetCellValue(s, "I6", 37_000_000)
			f.SetCellValue(s, "J6", 5)
			for _, c := range []string{"H", "I", "J"} {
				f.SetCellFormula(s, c+"6", "SUBTOTAL(109,"+c+"2:"+c+"5)")
			}
			f.SetRowVisible(s, 4, false)
		}, want},
		{"a hidden sheet of an old version", "Kinh phí huy động", func(t *testing.T, f *excelize.File, s string) {
			f.NewSheet("Bản cũ")
			f.SetSheetRow("Bản cũ", "A1", &[]any{"Tỉnh", "Xã", "Tên mô hình", "Lĩnh vực", "Kỳ báo cáo", "Số mô hình", "Kinh phí huy động"})
			f.SetSheetRow("Bản cũ", "A2", &[]any{"Lạng Sơn", "Xã Bắc Sơn", "Tổ liên kết trồng chè", "Kinh tế", "2025-Q3", 3, 25_000_000})
			f.SetSheetVisible("Bản cũ", false)
		}, "validate.hidden_sheet"},
	} {
		name := viewBook(t, tc.header, func(f *excelize.File, s string) { tc.edit(t, f, s) })
		d, err := report.Load(report.Options{Inputs: []string{name}})
		if err != nil {
			t.Fatalf("%s: %v", tc.what, err)
		}
		got := ""
		if len(d.Problems) > 0 {
			var keys []string
			for _, p := range d.Problems {
				keys = append(keys, p.Msg.Key)
			}
			got = strings.Join(keys, " ")
		} else {
			s, err := d.Summarize(report.Options{Level: aggregate.LevelProvince})
			if err != nil {
				t.Fatalf("%s: %v", tc.what, err)
			}
			tot := s.Total
			got = fmt.Sprintf("%d models, %d đồng, %d households in %s", tot.Models, tot.FundsVND, tot.Households, s.Period)
			if len(s.Extras) > 0 {
				got += " and " + strings.Join(s.Extras, ", ")
			}
		}
		if got != tc.want {
			t.Errorf("%s: %s; want %s", tc.what, got, tc.want)
		}
	}
}

// TestXLSSubtotalUnderFilter reads the .xls file LibreOffice wrote of the
// subtotal above (report/load/xls/testdata/make.py): a bare row of
// SUBTOTAL(109;…) that leaves out the row a filter hides, so it adds up to
// 3 models, not 7. An .xls file's formulas were not read: the row was
// counted as 3 models more (10 models, 104 million đồng, with exit 0).
func TestXLSSubtotalUnderFilter(t *testing.T) {
	d, err := report.Load(report.Options{Inputs: []string{filepath.Join("load", "xls", "testdata", "subtotal.xls")}})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Problems) > 0 {
		t.Fatalf("problems: %v", d.Problems)
	}
	var warned []string
	for _, w := range d.Warnings {
		warned = append(warned, w.Msg.In(msg.EN))
	}
	if got, want := strings.Join(warned, "\n"), "warning: row 6 computes its figures with formulas that add the column's other rows (SUM, SUBTOTAL): a subtotal, not summed\n"+
		"warning: the sheet \"Quý III\" has rows of data hidden under a filter or a collapsed group of rows (1); they are counted all the same"; got != want {
		t.Errorf("warnings:\n%s\nwant:\n%s", got, want)
	}
	s, err := d.Summarize(report.Options{Level: aggregate.LevelProvince})
	if err != nil {
		t.Fatal(err)
	}
	tot := s.Total
	if got, want := fmt.Sprintf("%d models, %d đồng, %d households", tot.Models, tot.FundsVND, tot.Households), "7 models, 67000000 đồng, 17 households"; got != want {
		t.Errorf("%s; want %s", got, want)
	}
}

// TestXLSFormulasWithoutValues reads the .xls file xlwt wrote of a register
// whose funds are formulas adding up each row's sources
// (report/load/xls/testdata/make.py). xlwt saves no value for them, an
// empty string: read as empty cells, the register was 2 models and no
// money, exit 0. Each is a problem now, as in an .xlsx file.
func TestXLSFormulasWithoutValues(t *testing.T) {
	d, err := report.Load(report.Options{Inputs: []string{filepath.Join("load", "xls", "testdata", "uncomputed.xls")}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range d.Problems {
		got = append(got, p.Error())
	}
	const msg = ": Kinh phí huy động: the cell holds a formula whose value the file does not hold (or the file asks to be calculated again when opened, so the value saved may be out of date): open the file in Excel and save it"
	if want := []string{"G2", "G3"}; len(got) != len(want) || !strings.Contains(got[0], "(G2)"+msg) || !strings.Contains(got[1], "(G3)"+msg) {
		t.Errorf("problems:\n%s\nwant one at each of %v", strings.Join(got, "\n"), want)
	}
}
