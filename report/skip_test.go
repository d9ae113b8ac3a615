package report_test

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/record"
)

// sheetsWorkbook writes a workbook of sheets, each a header and rows.
func sheetsWorkbook(t *testing.T, sheets []string, rows map[string][][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range sheets {
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		all := append([][]any{{"Tỉnh", "Xã", "Tên mô hình", "Lĩnh vực", "Kỳ báo cáo", "Số mô hình", "Kinh phí huy động", "Số hộ"}}, rows[name]...)
		for k, r := range all {
			cell, _ := excelize.CoordinatesToCellName(1, k+1)
			if err := f.SetSheetRow(name, cell, &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// Under --skip-invalid, a problem of a whole sheet leaves the sheet's rows
// out: a ninth review found a "Tổng hợp" sheet that did not add up (a row
// of the commune's sheet had a problem), a sheet of communes' rows that
// could not be checked, and a cumulative sheet summed with its quarter,
// each listed as left out and counted (5 models and 500 million, or 670
// million, where 2 and 150 million were right).
func TestSkipInvalidWholeSheet(t *testing.T) {
	communes := map[string][][]any{
		"Xã Ba Sơn": {
			{"Lạng Sơn", "Xã Ba Sơn", "A", "Kinh tế", "Quý III/2025", 1, 100_000_000, 10},
			{"Lạng Sơn", "Xã Ba Sơn", "B", "Nông nghiệp", "Quý III/2025", 1, 200_000_000, 20},
		},
		"Xã Bắc Sơn": {{"Lạng Sơn", "Xã Bắc Sơn", "C", "Kinh tế", "Quý III/2025", 1, 50_000_000, 5}},
	}
	summary := [][]any{
		{"Lạng Sơn", "Xã Ba Sơn", "", "", "Quý III/2025", 2, 300_000_000, 30},
		{"Lạng Sơn", "Xã Bắc Sơn", "", "", "Quý III/2025", 1, 50_000_000, 5},
	}
	cases := []struct {
		what   string
		sheets []string
		rows   map[string][][]any
		period string // the report's, if not every row's
	}{
		{"a Tổng hợp sheet", []string{"Xã Ba Sơn", "Xã Bắc Sơn", "Tổng hợp"}, map[string][][]any{"Tổng hợp": summary}, ""},
		{"a sheet of communes' rows", []string{"Xã Ba Sơn", "Xã Bắc Sơn", "Sheet3"}, map[string][][]any{"Sheet3": summary}, ""},
		{"a cumulative sheet", []string{"Quý I", "Lũy kế 6 tháng"}, map[string][][]any{
			"Quý I": {
				{"Lạng Sơn", "Xã Ba Sơn", "A", "Kinh tế", "Quý I/2025", 1, 100_000_000, 10},
				{"Lạng Sơn", "Xã Bắc Sơn", "C", "Kinh tế", "Quý I/2025", 1, 50_000_000, 5},
			},
			"Lũy kế 6 tháng": {
				{"Lạng Sơn", "Xã Ba Sơn", "A", "Kinh tế", "6 tháng đầu năm 2025", 1, 300_000_000, 30},
				{"Lạng Sơn", "Xã Bắc Sơn", "C", "Kinh tế", "6 tháng đầu năm 2025", 1, 150_000_000, 15},
				{"Lạng Sơn", "Xã Bắc Sơn", "D", "Kinh tế", "6 tháng đầu năm 2025", 1, 70_000_000, 7},
			},
		}, "2025-H1"},
	}
	for _, tc := range cases {
		rows := map[string][][]any{}
		for k, v := range communes {
			rows[k] = v
		}
		for k, v := range tc.rows {
			rows[k] = v
		}
		path := sheetsWorkbook(t, tc.sheets, rows)
		opts := report.Options{Inputs: []string{path}}
		if tc.period != "" {
			p, err := record.ParsePeriod(tc.period)
			if err != nil {
				t.Fatal(err)
			}
			opts.Period = p
		}
		if _, err := report.Summarize(opts); err == nil {
			t.Errorf("%s: no error without --skip-invalid", tc.what)
		}
		opts.SkipInvalid = true
		res, err := report.Summarize(opts)
		if err != nil {
			t.Errorf("%s: %v", tc.what, err)
			continue
		}
		if got := res.Total; got.Models != 2 || got.FundsVND != 150_000_000 || got.Households != 15 {
			t.Errorf("%s: %d models, %d đồng, %d households; want 2, 150,000,000 and 15", tc.what, got.Models, got.FundsVND, got.Households)
		}
		// The rows left out, a whole sheet's counted (an eleventh review
		// found it counted as one row): B and the two summary rows, or the
		// cumulative sheet's three.
		if n := res.ExcludedRows(); n != 3 {
			t.Errorf("%s: %d rows left out, want 3", tc.what, n)
		}
	}
}

// A sheet of a province's own group rows beside the communes' models is no
// summary of them, one of those rows having a problem or not: its rows are
// under the others' sums, or of a field they do not have (a tenth review
// found it left out under --skip-invalid, 2 models for 7).
func TestSkipInvalidKeepsOtherSheets(t *testing.T) {
	path := sheetsWorkbook(t, []string{"Mô hình", "Khối tỉnh"}, map[string][][]any{
		"Mô hình": {
			{"Lạng Sơn", "Xã Ba Sơn", "A", "Kinh tế", "Quý III/2025", 1, 100_000_000, 10},
			{"Lạng Sơn", "Xã Ba Sơn", "B", "Nông nghiệp", "Quý III/2025", 1, 200_000_000, 20},
			{"Lạng Sơn", "Xã Bắc Sơn", "C", "Kinh tế", "Quý III/2025", 1, 50_000_000, 5},
		},
		"Khối tỉnh": {
			{"Lạng Sơn", "", "", "Kinh tế", "Quý III/2025", 3, 30_000_000, 3},
			{"Lạng Sơn", "", "", "Quốc phòng - An ninh", "Quý III/2025", 2, 20_000_000, 2},
		},
	})
	res, err := report.Summarize(report.Options{Inputs: []string{path}, SkipInvalid: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Total; got.Models != 7 || got.FundsVND != 200_000_000 || got.Households != 20 {
		t.Errorf("%d models, %d đồng, %d households; want 7, 200,000,000 and 20", got.Models, got.FundsVND, got.Households)
	}
}

// Under --skip-invalid with no period asked for, a later quarter's rows all
// left out made the report one of the quarter before without a word (a
// nineteenth review): they are the result's ExcludedElsewhere, which the
// command says.
func TestSkipInvalidElsewhere(t *testing.T) {
	name := sheetsWorkbook(t, []string{"Sổ"}, map[string][][]any{"Sổ": {
		{"Lạng Sơn", "Xã Ba Sơn", "A", "Kinh tế", "Quý III/2025", 1, 100_000_000, 10},
		{"Lạng Sơn", "Xã Ba Sơn", "B", "Kinh tế", "Quý IV/2025", 1, -5, 20},
	}})
	r, err := report.Summarize(report.Options{Inputs: []string{name}, SkipInvalid: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Period != record.QuarterPeriod(2025, 3) || len(r.Excluded) != 0 || len(r.ExcludedElsewhere) != 1 || r.ExcludedElsewhere[0].Pos.Row != 3 {
		t.Errorf("period %v, excluded %v, elsewhere %v; want 2025-Q3, none, and row 3", r.Period, r.Excluded, r.ExcludedElsewhere)
	}
}
