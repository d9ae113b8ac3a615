package xls

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func readTestFile(t *testing.T, name string) []Sheet {
	t.Helper()
	sheets, err := Read(readFile(t, name), Limits{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return sheets
}

// cellAt is the text of a cell, by its 1-based row and column.
func cellAt(sh Sheet, row, col int) string {
	for _, r := range sh.Rows {
		if r.Num == row {
			if col <= len(r.Cells) {
				return r.Cells[col-1]
			}
			return ""
		}
	}
	return ""
}

// vietnameseLetters is every Vietnamese letter with a diacritic or tone, as
// testdata/make.py writes them.
func vietnameseLetters() string {
	tones := []string{"", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"}
	var b strings.Builder
	for _, upper := range []bool{false, true} {
		for _, v := range "aăâeêioôơuưy" {
			if upper {
				v = unicode.ToUpper(v)
			}
			for _, t := range tones {
				b.WriteString(norm.NFC.String(string(v) + t))
			}
		}
		if upper {
			b.WriteString("Đ")
		} else {
			b.WriteString("đ")
		}
	}
	return b.String()
}

func TestVietnameseLetters(t *testing.T) {
	l := vietnameseLetters()
	if n := utf8.RuneCountInString(l); n != 2*(12*6+1) {
		t.Fatalf("%d letters", n)
	}
	for _, want := range []string{"ắ", "Ẵ", "ầ", "Ẩ", "ễ", "Ệ", "ỏ", "Ờ", "ợ", "Ữ", "ự", "đ", "Đ", "ỹ"} {
		if !strings.Contains(l, want) {
			t.Errorf("no %s", want)
		}
	}
}

func TestBasic(t *testing.T) {
	sheets := readTestFile(t, "basic.xls")
	var names []string
	for _, s := range sheets {
		names = append(names, s.Name)
	}
	// The hidden sheet is a worksheet too; the empty one has no rows.
	if want := []string{"Dữ liệu", "Ẩn", "Sheet2", "Trống"}; !reflect.DeepEqual(names, want) {
		t.Fatalf("sheets %q, want %q", names, want)
	}
	sh := sheets[0]
	// xlwt writes "B2+B3" with an empty string for its value: none saved.
	if want := []Cell{{5, 4}}; !reflect.DeepEqual(sh.Uncomputed, want) {
		t.Errorf("uncomputed %v, want %v", sh.Uncomputed, want)
	}
	for _, c := range []struct {
		row, col int
		want     string
	}{
		{1, 1, "Tỉnh/thành phố"},
		{2, 1, "Dân vận khéo"},
		{3, 1, "Ngày"},
		{4, 1, "Café crème"},
		{5, 1, vietnameseLetters()},
		{6, 1, "Mô hình 😀 emoji"},
		{7, 1, strings.Repeat("x", 300)},
		// Numbers.
		{1, 2, "0"}, {2, 2, "1"}, {3, 2, "-1"}, {4, 2, "-3"}, {5, 2, "3410000000"},
		{6, 2, "0.1"}, {7, 2, "1.5"}, {8, 2, "1E+21"}, {9, 2, "1.5E+21"},
		{10, 2, "123456.789"}, {11, 2, "-0.5"}, {12, 2, "9.007199254740992E+15"},
		{13, 2, "1E-07"}, {14, 2, "1234567.25"},
		// Dates in a date's format are shown as dates; a serial in the
		// general format is a number.
		{1, 3, "15/07/2025"}, {2, 3, "15/07/2025"}, {3, 3, "45853"},
		// Booleans, errors, a formula without a cached value, an empty
		// string.
		{1, 4, "TRUE"}, {2, 4, "FALSE"}, {3, 4, "#DIV/0!"}, {4, 4, "#N/A"}, {5, 4, ""}, {6, 4, ""},
		{16, 1, "Gộp ô"}, {18, 4, "Hàng"},
		{22, 256, "IV"},
	} {
		if got := cellAt(sh, c.row, c.col); got != c.want {
			t.Errorf("row %d column %d: %q, want %q", c.row, c.col, got, c.want)
		}
	}
	// A row with gaps, and no row for a blank cell alone (row 21).
	for _, r := range sh.Rows {
		if r.Num == 20 {
			if want := []string{"đầu", "", "", "", "5", "", "", "", "cuối"}; !reflect.DeepEqual(r.Cells, want) {
				t.Errorf("row 20: %q, want %q", r.Cells, want)
			}
		}
		if r.Num == 21 || r.Num == 15 || r.Num == 17 {
			t.Errorf("row %d: %q", r.Num, r.Cells)
		}
		if len(r.Cells) == 0 || r.Cells[len(r.Cells)-1] == "" {
			t.Errorf("row %d: trailing empty cells: %q", r.Num, r.Cells)
		}
	}
	if n := len(sh.Rows); n != 18 {
		t.Errorf("%d rows, want 18", n)
	}
	wantMerged := []Range{{16, 1, 17, 3}, {18, 4, 18, 6}}
	got := append([]Range(nil), sh.Merged...)
	if len(got) == 2 && got[0].FirstRow > got[1].FirstRow {
		got[0], got[1] = got[1], got[0]
	}
	if !reflect.DeepEqual(got, wantMerged) {
		t.Errorf("merged %v, want %v", sh.Merged, wantMerged)
	}
	if want := []Row{{Num: 1, Cells: []string{"hidden"}}}; !reflect.DeepEqual(sheets[1].Rows, want) {
		t.Errorf("hidden sheet: %v", sheets[1].Rows)
	}
	if want := []Row{{Num: 3, Cells: []string{"", "B3"}}, {Num: 4, Cells: []string{"42"}, Numbers: 1}}; !reflect.DeepEqual(sheets[2].Rows, want) {
		t.Errorf("Sheet2: %v", sheets[2].Rows)
	}
	if len(sheets[3].Rows) != 0 || len(sheets[3].Merged) != 0 {
		t.Errorf("empty sheet: %v", sheets[3])
	}
}

// TestSST reads 3000 distinct strings from an SST that goes on in CONTINUE
// records, strings split across them.
func TestSST(t *testing.T) {
	data := readFile(t, "sst.xls")
	var want []string
	if err := json.Unmarshal(readFile(t, "sst.json"), &want); err != nil {
		t.Fatal(err)
	}
	// The file does exercise CONTINUE records, and strings split by them.
	stream, err := workbookStream(data)
	if err != nil {
		t.Fatal(err)
	}
	if n := countRecords(t, stream, recContinue); n < 10 {
		t.Fatalf("%d CONTINUE records", n)
	}
	sheets, err := Read(data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	rows := sheets[0].Rows
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(rows), len(want))
	}
	for i, r := range rows {
		if r.Num != i+1 || len(r.Cells) != 1 || r.Cells[0] != want[i] {
			t.Fatalf("row %d: %d %q, want %q", i+1, r.Num, r.Cells, want[i])
		}
	}
}

// countRecords counts the records of a type in a stream, up to its
// padding.
func countRecords(t *testing.T, stream []byte, typ int) int {
	r := &records{b: stream}
	n := 0
	for {
		ty, body, _, err := r.next()
		if err != nil || ty == 0 && len(body) == 0 {
			return n
		}
		if ty == typ {
			n++
		}
	}
}

func TestDate1904(t *testing.T) {
	sh := readTestFile(t, "date1904.xls")[0]
	// A date and a date-time are shown as dates of the 1904 system; a
	// plain number is a number, one in a currency format with a quoted
	// "đ" is shown with it.
	if want := []string{"15/07/2025", "44391", "15/07/2025", "0.5 đ"}; !reflect.DeepEqual(sh.Rows[0].Cells, want) {
		t.Errorf("%q, want %q", sh.Rows[0].Cells, want)
	}
}

// TestFormulas reads LibreOffice's cached formula results, rich text, a
// long string result in a STRING and CONTINUE record, and a MULRK row.
func TestFormulas(t *testing.T) {
	for _, name := range []string{"formulas.xls", "formulas1904.xls"} {
		sheets := readTestFile(t, name)
		if len(sheets) != 2 || sheets[0].Name != "Công thức" || sheets[1].Name != "Sheet2" {
			t.Fatalf("%s: sheets %v", name, sheets)
		}
		rows := sheets[0].Rows
		want := []Row{
			{Num: 1, Cells: []string{"2", "3", "6", "0.5", "Ngày tháng năm", "TRUE", "#DIV/0!", "#N/A", "", "3410000000"}, Numbers: 0b1000001111},
			{Num: 2, Cells: []string{"Dân vận khéo 2025", strings.Repeat("Ễ", 5000), "15/07/2025", "FALSE"}},
			{Num: 3, Cells: []string{"10", "20", "30", "40", "50", "60", "70", "80", "90", "100"}, Numbers: 0b1111111111},
		}
		if !reflect.DeepEqual(rows, want) {
			t.Errorf("%s: %.300v, want %.300v", name, rows, want)
		}
		if want := []Row{{Num: 1, Cells: []string{"Hai"}}}; !reflect.DeepEqual(sheets[1].Rows, want) {
			t.Errorf("%s: Sheet2 %v", name, sheets[1].Rows)
		}
	}
}

func TestRefused(t *testing.T) {
	basic := readFile(t, "basic.xls")
	noWorkbook := append([]byte(nil), basic...)
	i := strings.Index(string(noWorkbook), "W\x00o\x00r\x00k\x00b\x00o\x00o\x00k\x00")
	if i < 0 {
		t.Fatal("no Workbook entry in basic.xls")
	}
	copy(noWorkbook[i:], "X\x00")
	for _, c := range []struct {
		name string
		data []byte
		want error
	}{
		{"encrypted", readFile(t, "encrypted.xls"), ErrEncrypted},
		{"biff5", readFile(t, "biff5.xls"), ErrNotBIFF8},
		{"no Workbook stream", noWorkbook, ErrNotBIFF8},
		{"empty", nil, ErrNotXLS},
		{"xlsx", []byte("PK\x03\x04\x14\x00\x06\x00"), ErrNotXLS},
		{"html", []byte("\xef\xbb\xbf<html><table><tr><td>1</td></tr></table></html>"), ErrNotXLS},
		{"csv", []byte("a,b\n1,2\n"), ErrNotXLS},
		{"signature only", oleSignature, ErrCorrupt},
		{"bare BIFF2", rec(recBOF2, u16s(2, 0x10)), ErrNotBIFF8},
		{"bare BIFF5", rec(recBOF, u16s(0x0500, 5)), ErrNotBIFF8},
	} {
		sheets, err := Read(c.data, Limits{})
		if !errors.Is(err, c.want) || sheets != nil {
			t.Errorf("%s: %v, %v; want %v", c.name, sheets, err, c.want)
		}
	}
}

// TestCompoundFile reads a stream through the test's own compound file
// writer, small (padded to 4096 bytes) and large (with DIFAT sectors).
func TestCompoundFile(t *testing.T) {
	small := workbook{sheets: []sheetSpec{{name: "A", body: label(0, 0, "một")}}}.stream()
	sheets, err := Read(compoundFile("Workbook", small), Limits{})
	if err != nil || len(sheets) != 1 || cellAt(sheets[0], 1, 1) != "một" {
		t.Fatalf("%v %v", sheets, err)
	}
	var body []byte
	for i := range 60000 {
		for j := range 8 {
			body = append(body, number(i, j, 15, float64(i))...)
		}
	}
	large := workbook{sheets: []sheetSpec{{name: "B", body: body}}}.stream()
	f := compoundFile("Workbook", large)
	if len(f) < 110*128*512 {
		t.Fatalf("%d bytes: too small to need DIFAT sectors", len(f))
	}
	sheets, err = Read(f, Limits{})
	if err != nil || len(sheets[0].Rows) != 60000 || cellAt(sheets[0], 60000, 8) != "59999" {
		t.Fatalf("%d rows, %v", len(sheets[0].Rows), err)
	}
	// A bare BIFF8 stream, as no program writes, is read too.
	if sheets, err := Read(small, Limits{}); err != nil || cellAt(sheets[0], 1, 1) != "một" {
		t.Fatalf("bare stream: %v %v", sheets, err)
	}
}
