package load

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/dvkreport/dvkreport/report/load/internal/numfmt"
)

// excelizeRows reads every sheet the general way, for comparison: the
// values as stored, but a number in a date's format as the date, which
// excelize finds by its own reading of the styles.
func excelizeRows(t *testing.T, data []byte) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			for j, v := range r {
				name, _ := excelize.CoordinatesToCellName(j+1, i+1)
				typ, _ := f.GetCellType(sheet, name)
				id, _ := f.GetCellStyle(sheet, name)
				style, err := f.GetStyle(id)
				if err != nil || typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
					continue
				}
				fm := numfmt.Builtin(style.NumFmt)
				if style.CustomNumFmt != nil {
					fm = numfmt.Parse(*style.CustomNumFmt)
				}
				if d, ok := numfmt.SerialDate(v, false); ok && fm.Date {
					r[j] = d
				}
			}
		}
		out[sheet] = rows
	}
	return out
}

// The sheet scanner reads what excelize reads, cell for cell.
func TestXLSXLikeExcelize(t *testing.T) {
	var book bytes.Buffer
	f := excelize.NewFile()
	sheet := "Số liệu & <ghi chú>"
	f.SetSheetName("Sheet1", sheet)
	rows := [][]any{
		{"province", "field", "period", "model", "funds_vnd"},
		{"Lạng Sơn", "Kinh tế", "2025-Q3", `Tổ "tiết kiệm" & vay vốn <1>`, 3410000000},
		{"Lai Châu", nil, 45853, "a\tb\nc", 1.5},
		{},
		{"Đắk Nông", "Văn hóa - Xã hội", "Q3/2025", "  có khoảng trắng  ", "380.000.000"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	f.SetCellFormula(sheet, "F2", "E2*2")
	f.SetCellRichText(sheet, "G2", []excelize.RichTextRun{{Text: "Giàu "}, {Text: "định dạng", Font: &excelize.Font{Bold: true}}})
	if err := f.Write(&book); err != nil {
		t.Fatal(err)
	}
	for _, data := range [][]byte{book.Bytes(), mustRead(t, "../../testdata/registers/register.xlsx")} {
		want := excelizeRows(t, data)
		wb, err := openWorkbook("f.xlsx", data, Limits{}.withDefaults())
		if err != nil {
			t.Fatal(err)
		}
		for _, sh := range wb.sheets {
			x, err := wb.read(sh.path)
			if err != nil {
				t.Fatal(err)
			}
			got, err := wb.readSheet(x, sh.name)
			if err != nil {
				t.Fatal(err)
			}
			var gotRows [][]string
			for _, r := range got.Rows {
				gotRows = append(gotRows, r.Cells())
			}
			var wantRows [][]string
			for _, r := range want[sh.name] {
				if row, ok := cleanRow(0, r, true, "", nil); ok {
					wantRows = append(wantRows, row.Cells())
				}
			}
			if fmt.Sprintf("%q", gotRows) != fmt.Sprintf("%q", wantRows) {
				t.Errorf("sheet %q:\n got %q\nwant %q", sh.name, gotRows, wantRows)
			}
		}
	}
}

func TestXLSXErrors(t *testing.T) {
	if _, err := Bytes("x.xlsx", []byte("not a zip"), FormatXLSX, Options{}); !errors.Is(err, ErrFormat) {
		t.Errorf("not a zip: %v", err)
	}
	// A workbook without data says so.
	var book bytes.Buffer
	f := excelize.NewFile()
	f.Write(&book)
	_, err := Bytes("x.xlsx", book.Bytes(), FormatXLSX, Options{})
	if !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "x.xlsx") {
		t.Errorf("no rows: %v", err)
	}
}

func TestColumnOf(t *testing.T) {
	for ref, want := range map[string]int{"A1": 0, "Z9": 25, "AA10": 26, "c7": 2, "XFD1": 16383, "B": 1} {
		if got, ok := columnOf([]byte(ref)); !ok || got != want {
			t.Errorf("columnOf(%q) = %d, %v", ref, got, ok)
		}
	}
	// Issue 10, item 8: 14 letters overflowed the column number before the
	// check against Excel's last column.
	for _, ref := range []string{"", "12", "XFE1", "AAAAAAAAAAAAAA1", "ZZZZZZZZZZZZZZZZZZZZ1", "A1B"} {
		if _, ok := columnOf([]byte(ref)); ok {
			t.Errorf("columnOf(%q) succeeded", ref)
		}
	}
}

func TestUnescape(t *testing.T) {
	for in, want := range map[string]string{
		"a &amp; b": "a & b", "&lt;x&gt;": "<x>", "&#7841;": "ạ", "&#x1EA1;": "ạ", "line_x000D_end": "line\rend", "plain": "plain",
	} {
		if got := unescape([]byte(in)); got != want {
			t.Errorf("unescape(%q) = %q, want %q", in, got, want)
		}
	}
}

// A cell with two values is a damaged file, never the number made of both
// (found by reading the code after a fuzzing campaign).
func TestXLSXTwoValues(t *testing.T) {
	data := zipParts(t, func(w *bytes.Buffer) {
		w.WriteString(`<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>funds_vnd</t></is></c></row>` +
			`<row r="2"><c r="A2"><v>1</v><v>2</v></c></row></sheetData></worksheet>`)
	}, nil)
	_, err := Bytes("x.xlsx", data, FormatXLSX, Options{})
	if err == nil || !strings.Contains(err.Error(), "two values") {
		t.Errorf("two values in a cell: %v", err)
	}
	// One value is read as it is.
	data = zipParts(t, func(w *bytes.Buffer) {
		w.WriteString(`<worksheet><sheetData><row r="1"><c r="A1"><v>12</v></c></row></sheetData></worksheet>`)
	}, nil)
	tables, err := Bytes("x.xlsx", data, FormatXLSX, Options{})
	if err != nil || tables[0].Rows[0].Cell(0) != "12" {
		t.Errorf("one value: %v", err)
	}
}

// The fuzzer's stored workbook is a workbook: its mutations start from one
// that reads.
func TestStoredWorkbook(t *testing.T) {
	tables, err := Bytes("x.xlsx", storedWorkbook(t), FormatXLSX, Options{})
	if err != nil || len(tables) != 1 || len(tables[0].Rows) != 2 || tables[0].Rows[1].Cell(1) != "Kinh tế" || tables[0].Rows[1].Cell(3) != "380000000" {
		t.Fatalf("%v %+v", err, tables)
	}
	// D2 is a number cell; the others are text.
	if tb, r := tables[0], tables[0].Rows[1]; r.Numbers != 1<<3 || !tb.Number(r, 3) || tb.Number(r, 0) || tb.Number(r, 64) || tb.Number(r, -1) {
		t.Errorf("Numbers %b, want D2's bit alone", r.Numbers)
	}
}

// A number past the 64th column is a number stored as one too: a fifth
// review found 1.234 in column BQ read as 1234 beside a text "0,5".
func TestWideNumbers(t *testing.T) {
	var row strings.Builder
	for c := range 70 {
		fmt.Fprintf(&row, `<c t="inlineStr"><is><t>x%d</t></is></c>`, c)
	}
	sheet := `<sheetData><row r="1">` + row.String() + `</row><row r="2"><c r="BQ2"><v>1.234</v></c><c r="BR2" t="inlineStr"><is><t>7</t></is></c></row></sheetData>`
	tables, err := Bytes("w.xlsx", workbookOf(t, sheet), FormatXLSX, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tb := tables[0]
	if r := tb.Rows[1]; !tb.Number(r, 68) || tb.Number(r, 69) || r.Numbers != 0 {
		t.Errorf("BQ2 number %v, BR2 number %v, Numbers %b; want true, false, 0", tb.Number(r, 68), tb.Number(r, 69), r.Numbers)
	}
	tables, err = Bytes("w.json", []byte(`[{`+wideJSON()+`}]`), FormatJSON, Options{})
	if err != nil || !tables[0].Number(tables[0].Rows[0], 69) || tables[0].Number(tables[0].Rows[0], 68) {
		t.Errorf("JSON: %v; want the 70th key's number stored as one", err)
	}
}

// wideJSON is an object's members: 69 strings, then a number.
func wideJSON() string {
	var b strings.Builder
	for c := range 69 {
		fmt.Fprintf(&b, `"k%d":"x",`, c)
	}
	b.WriteString(`"k69":1.234`)
	return b.String()
}

// A JSON number is a number stored as one; a JSON string of digits is not.
func TestJSONNumbers(t *testing.T) {
	tables, err := Bytes("x.json", []byte(`[{"province":"Lạng Sơn","funds_vnd":1.234,"count":"2"}]`), FormatJSON, Options{})
	if err != nil || len(tables[0].Rows) != 1 || tables[0].Rows[0].Numbers != 1<<1 {
		t.Fatalf("%v %+v; want only the second cell a number", err, tables)
	}
}

// A number cell is read as Excel shows it, to 15 significant digits: the
// binary noise of a formula was refused as a figure of its own
// ("0.30000000000000004" in a column of millions: "too large"), and so was
// a number stored with an exponent below 10^15.
func TestExcelNumber(t *testing.T) {
	for in, want := range map[string]string{
		"0.30000000000000004": "0.3", "1499999.9999999998": "1500000", "380": "380", "0.1": "0.1",
		"3410000000": "3410000000", "123456789012345678": "123456789012345678", "1.5E+21": "1.5E+21",
		"0.333333333333333333": "0.333333333333333", "abc": "abc", "": "",
		// Stored with an exponent, as some programs write numbers (a
		// seventeenth review found 5E+6 refused as scientific notation).
		"5E+6": "5000000", "1.25e3": "1250", "1E+15": "1E+15", "1E-07": "1E-07", "2.5E-1": "0.25",
	} {
		if got := excelNumber(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// A cell of an ISO date (strict OOXML's t="d") is shown as a date, its
// time of day left out: "2025-08-15T00:00:00Z" was refused as a period (a
// seventeenth review).
func TestISODateCell(t *testing.T) {
	for in, want := range map[string]string{
		"2025-08-15T00:00:00Z": "15/08/2025", "2025-08-15": "15/08/2025", "2025-08-15T13:45:00": "15/08/2025",
		"15/08/2025": "15/08/2025", "2025-13-01": "2025-13-01",
	} {
		if got, m := cellText("d", in, "", nil); got != want || !m.IsZero() {
			t.Errorf("%q: %q (%v), want %q", in, got, m, want)
		}
	}
}

// A formula that sums its own column's other rows is a total's or a
// subtotal's; one that sums across its row, or its own cell, is not.
func TestSumsColumn(t *testing.T) {
	for _, c := range []struct {
		f        string
		row, col int
		want     bool
	}{
		{"SUM(I2:I5)", 6, 8, true},
		{"SUBTOTAL(109,I2:I5)", 6, 8, true},
		{"subtotal(9, $I$2 : $I$5)", 6, 8, true},
		{"AGGREGATE(9,5,I7:I9)", 6, 8, true},
		{"SUM(I2:I5)", 6, 7, false},   // another column
		{"SUM(J6:L6)", 6, 8, false},   // across the row: a model's sources
		{"SUM(I2:I7)", 6, 8, false},   // its own cell in the range
		{"SUM(I2:I5)*2", 6, 8, false}, // more than a sum
		{"I2+I3", 6, 8, false},
	} {
		if got := sumsColumn(c.f, c.row, c.col); got != c.want {
			t.Errorf("sumsColumn(%q, %d, %d) = %v, want %v", c.f, c.row, c.col, got, c.want)
		}
	}
}
