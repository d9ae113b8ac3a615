package xlsx

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestColumn(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA"} {
		if got := column(i); got != want {
			t.Errorf("column(%d) = %s, want %s", i, got, want)
		}
	}
}

// What Write writes, excelize reads back: names, texts (hostile ones
// too), numbers as numbers, the frozen header, the bold total; the same
// sheets give the same bytes.
func TestWrite(t *testing.T) {
	sheets := []Sheet{
		{Name: "Tỉnh, thành phố", Widths: []float64{30, 12}, Header: []string{"Địa bàn", "Tổng số"},
			Rows: [][]any{{"Lạng Sơn", int64(1234567)}, {"=HYPERLINK(\"x\") <b>&\x00\x1b", 3}, {"Tổng cộng", int64(1234570)}},
			Bold: map[int]bool{2: true}},
		{Name: "Xã, phường, đặc khu", Header: []string{"Địa bàn"}, Rows: [][]any{{"Lạng Sơn/Xã Ba Sơn"}, {nil}}},
	}
	var a, b bytes.Buffer
	if err := Write(&a, sheets); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, sheets); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same sheets gave different bytes")
	}
	f, err := excelize.OpenReader(&a)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "Tỉnh, thành phố" {
		t.Fatalf("sheets %q", got)
	}
	rows, err := f.GetRows("Tỉnh, thành phố", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if rows[0][0] != "Địa bàn" || rows[1][1] != "1234567" || rows[2][0] != "=HYPERLINK(\"x\") <b>&" || rows[3][0] != "Tổng cộng" {
		t.Errorf("rows %q", rows)
	}
	if typ, _ := f.GetCellType("Tỉnh, thành phố", "B2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("B2 is %v", typ)
	}
	if formula, _ := f.GetCellFormula("Tỉnh, thành phố", "A3"); formula != "" {
		t.Errorf("a text became the formula %q", formula)
	}
	if p, err := f.GetPanes("Tỉnh, thành phố"); err != nil || !p.Freeze || p.XSplit != 1 || p.YSplit != 1 {
		t.Errorf("panes %+v %v", p, err)
	}
	for cell, bold := range map[string]bool{"A1": true, "A2": false, "B4": true} {
		id, _ := f.GetCellStyle("Tỉnh, thành phố", cell)
		st, err := f.GetStyle(id)
		if err != nil || (st.Font != nil && st.Font.Bold) != bold {
			t.Errorf("%s bold: %v, want %v", cell, st.Font != nil && st.Font.Bold, bold)
		}
		if cell == "B4" && st.NumFmt != 3 {
			t.Errorf("B4's number format %d, want 3 (#,##0)", st.NumFmt)
		}
	}
	if err := Write(&b, []Sheet{{Name: "x", Rows: [][]any{{1.5}}}}); err == nil {
		t.Error("a float was written")
	}
	if err := Write(&b, nil); err == nil {
		t.Error("a workbook without a sheet was written")
	}
}
