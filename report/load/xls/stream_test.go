package xls

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

// readStream reads a hand-built workbook stream.
func readStream(t *testing.T, w workbook, lim Limits) ([]Sheet, error) {
	t.Helper()
	sheets, err := readWorkbookStream(w.stream(), lim)
	if err != nil && sheets != nil {
		t.Fatalf("sheets with an error: %v", err)
	}
	return sheets, err
}

// oneSheet is a workbook of one worksheet.
func oneSheet(after []byte, body ...[]byte) workbook {
	return workbook{after: after, sheets: []sheetSpec{{name: "S", body: cat(body...)}}}
}

// TestSSTSplits reads shared strings split across CONTINUE records at
// every kind of place: in their characters (the next record compressed or
// not), in their rich-text runs and phonetic data, between strings.
func TestSSTSplits(t *testing.T) {
	letters := vietnameseLetters()
	strs := []sstString{
		{s: "Ngày"},
		{s: letters},
		{s: "Tổng số " + strings.Repeat("abc", 30)}, // UTF-16 first, Latin-1 after a split
		{s: strings.Repeat("é", 50) + "ơ"},          // UTF-16: one character needs it
		{s: ""},
		{s: "rich Dân vận", runs: 7},
		{s: "phonetic", ext: 37},
		{s: "both Khéo", runs: 3, ext: 11},
		{s: "😀 " + strings.Repeat("😀", 20)}, // surrogate pairs, split between them or not
		{s: strings.Repeat("x", 400)},
	}
	var cells [][]byte
	for i := range strs {
		cells = append(cells, labelSST(i, 0, i))
	}
	for max := 9; max <= 300; max++ {
		sheets, err := readStream(t, oneSheet(sst(max, strs...), cells...), Limits{})
		if err != nil {
			t.Fatalf("records of %d bytes: %v", max, err)
		}
		got := map[int]string{}
		for _, r := range sheets[0].Rows {
			got[r.Num] = r.Cells[0]
		}
		for i, s := range strs {
			if got[i+1] != s.s {
				t.Fatalf("records of %d bytes: string %d: %q, want %q", max, i, got[i+1], s.s)
			}
		}
	}
}

// TestHostileSST: an SST that declares 100 million strings in a few bytes
// fails at once, without allocating for them, whether its records are
// read directly or through a compound file.
func TestHostileSST(t *testing.T) {
	hostile := rec(recSST, u32(100_000_000), u32(100_000_000), []byte{1, 0, 0, 'a'})
	stream := oneSheet(hostile, labelSST(0, 0, 5)).stream()
	file := compoundFile("Workbook", stream)
	for name, read := range map[string]func() error{
		"stream": func() error { _, err := readWorkbookStream(stream, Limits{}); return err },
		"file":   func() error { _, err := Read(file, Limits{}); return err },
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		start := time.Now()
		err := read()
		elapsed := time.Since(start)
		runtime.ReadMemStats(&after)
		if !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrLimit) {
			t.Errorf("%s: %v", name, err)
		}
		if n := after.TotalAlloc - before.TotalAlloc; n > 10<<20 {
			t.Errorf("%s: %d bytes allocated", name, n)
		}
		if elapsed > time.Second {
			t.Errorf("%s: %v", name, elapsed)
		}
	}
	// And a count within the bytes but past the limit is ErrLimit.
	var strs []sstString
	for i := range 11 {
		strs = append(strs, sstString{s: fmt.Sprint(i)})
	}
	_, err := readStream(t, oneSheet(sst(8224, strs...)), Limits{MaxStrings: 10})
	if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "more than 10 shared strings") {
		t.Errorf("11 strings, limit 10: %v", err)
	}
}

func TestLimits(t *testing.T) {
	five := oneSheet(nil, label(0, 0, "a"), label(0, 1, "b"), label(1, 0, "c"), label(2, 0, "d"), label(3, 0, "e"))
	two := workbook{sheets: []sheetSpec{{name: "1", body: cat(label(0, 0, "a"), label(0, 1, "b"))}, {name: "2", body: cat(label(0, 0, "c"), label(0, 1, "d"))}}}
	wide := oneSheet(nil, label(0, 99, "far"))
	long := oneSheet(nil, label(0, 0, "Ngày tháng năm"))
	for _, c := range []struct {
		name string
		w    workbook
		lim  Limits
		want string // "" for no error
	}{
		{"5 cells, limit 5", five, Limits{MaxCells: 5}, ""},
		{"5 cells, limit 4", five, Limits{MaxCells: 4}, "more than 4 cells"},
		{"4 cells in two sheets, limit 3", two, Limits{MaxCells: 3}, "more than 3 cells"},
		{"4 cells in two sheets, limit 4", two, Limits{MaxCells: 4}, ""},
		{"a cell in column 100, limit 99", wide, Limits{MaxCells: 99}, "more than 99 cells"},
		{"a cell in column 100, limit 100", wide, Limits{MaxCells: 100}, ""},
		{"17 bytes, limit 16", long, Limits{MaxCellBytes: 16}, "a cell of more than 16 bytes"},
		{"17 bytes, limit 17", long, Limits{MaxCellBytes: 17}, ""},
		{"5 bytes of text, limit 4", five, Limits{MaxBytes: 4}, "more than 4 bytes of text"},
		{"5 bytes of text and a name, limit 6", five, Limits{MaxBytes: 6}, ""},
	} {
		_, err := readStream(t, c.w, c.lim)
		if c.want == "" && err != nil || c.want != "" && (!errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	// A shared string counts once however many cells show it.
	var cells [][]byte
	for i := range 100 {
		cells = append(cells, labelSST(i, 0, 0))
	}
	if _, err := readStream(t, oneSheet(sst(8224, sstString{s: "0123456789"}), cells...), Limits{MaxBytes: 20}); err != nil {
		t.Errorf("a shared string in 100 cells: %v", err)
	}
}

// TestCells reads every kind of cell record.
func TestCells(t *testing.T) {
	rkFloat := func(v float64) uint32 { return uint32(math.Float64bits(v) >> 32) }
	rkInt := func(v int32) uint32 { return uint32(v<<2 | 2) }
	for _, c := range []struct {
		name string
		recs [][]byte
		want []string // row 1's cells
	}{
		{"NUMBER", [][]byte{number(0, 0, 15, 3410000000), number(0, 1, 15, -0.25), number(0, 2, 15, 1e15), number(0, 3, 15, 999999999999999)},
			[]string{"3410000000", "-0.25", "1E+15", "999999999999999"}},
		{"NUMBER NaN and infinity", [][]byte{number(0, 0, 15, math.NaN()), number(0, 1, 15, math.Inf(-1))}, []string{"#NUM!", "#NUM!"}},
		{"negative zero", [][]byte{number(0, 0, 15, math.Copysign(0, -1))}, []string{"0"}},
		{"RK", [][]byte{
			rkRec(0, 0, 15, rkInt(-3)),      // integer
			rkRec(0, 1, 15, rkInt(12345)|1), // integer / 100
			rkRec(0, 2, 15, rkFloat(1.5)),   // float
			rkRec(0, 3, 15, rkFloat(1.5)|1), // float / 100
			rkRec(0, 4, 15, rkInt(-536870912)),
		}, []string{"-3", "123.45", "1.5", "0.015", "-536870912"}},
		{"MULRK", [][]byte{mulRK(0, 1, 10, -20, 30)}, []string{"", "10", "-20", "30"}},
		{"LABEL", [][]byte{label(0, 0, "Ngày"), label(0, 1, "Đoàn"), label(0, 2, "")}, []string{"Ngày", "Đoàn"}},
		{"RSTRING", [][]byte{rec(recRString, u16s(0, 0, 15), xlString("Dân vận"), u16s(1), u16s(0, 1))}, []string{"Dân vận"}},
		{"BOOLERR", [][]byte{
			rec(recBoolErr, u16s(0, 0, 15), []byte{1, 0}), rec(recBoolErr, u16s(0, 1, 15), []byte{0, 0}),
			rec(recBoolErr, u16s(0, 2, 15), []byte{0x00, 1}), rec(recBoolErr, u16s(0, 3, 15), []byte{0x07, 1}),
			rec(recBoolErr, u16s(0, 4, 15), []byte{0x0F, 1}), rec(recBoolErr, u16s(0, 5, 15), []byte{0x17, 1}),
			rec(recBoolErr, u16s(0, 6, 15), []byte{0x1D, 1}), rec(recBoolErr, u16s(0, 7, 15), []byte{0x24, 1}),
			rec(recBoolErr, u16s(0, 8, 15), []byte{0x2A, 1}),
		}, []string{"TRUE", "FALSE", "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"}},
		{"FORMULA", [][]byte{
			formula(0, 0, 15, f64(6)),
			formula(0, 1, 15, formulaSpecial(1, 1)),
			formula(0, 2, 15, formulaSpecial(2, 0x07)),
			formula(0, 3, 15, formulaSpecial(3, 0)),
			formula(0, 4, 15, formulaSpecial(0, 0)), rec(recString, xlString("Ngày tháng")),
			// A shared formula's SHRFMLA record comes before the STRING.
			formula(0, 5, 15, formulaSpecial(0, 0)), rec(0x04BC, make([]byte, 10)), rec(recString, xlString("kết quả")),
			// A STRING record of no formula is ignored.
			rec(recString, xlString("stray")),
			// A string result whose STRING record is missing is empty.
			formula(0, 6, 15, formulaSpecial(0, 0)), number(0, 7, 15, 8),
		}, []string{"6", "TRUE", "#DIV/0!", "", "Ngày tháng", "kết quả", "", "8"}},
		{"a long STRING in CONTINUE records, the rest compressed", [][]byte{
			formula(0, 0, 15, formulaSpecial(0, 0)),
			rec(recString, u16s(6), []byte{1}, []byte("N\x00g\x00")),
			rec(recContinue, []byte{1}, []byte("\xe0\x00")),
			rec(recContinue, []byte{0}, []byte("y!!")),
		}, []string{"Ngày!!"}},
		{"BLANK and MULBLANK", [][]byte{rec(recBlank, u16s(0, 0, 15)), rec(recMulBlank, u16s(0, 1, 15, 15, 2)), number(0, 3, 15, 1)},
			[]string{"", "", "", "1"}},
		{"unsorted and repeated cells", [][]byte{number(0, 2, 15, 3), number(0, 0, 15, 1), number(0, 2, 15, 4)}, []string{"1", "", "4"}},
	} {
		sheets, err := readStream(t, oneSheet(nil, c.recs...), Limits{})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		var got []string
		if len(sheets[0].Rows) > 0 {
			got = sheets[0].Rows[0].Cells
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestRowOrder(t *testing.T) {
	sheets, err := readStream(t, oneSheet(nil, number(9, 0, 15, 10), number(2, 1, 15, 3), number(65535, 255, 15, 1), number(2, 0, 15, 3)), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	rows := sheets[0].Rows
	if len(rows) != 3 || rows[0].Num != 3 || rows[1].Num != 10 || rows[2].Num != 65536 || len(rows[2].Cells) != 256 {
		t.Fatalf("%v", rows)
	}
	// Appending to a row does not write over the next.
	_ = append(rows[0].Cells, "x")
	if rows[1].Cells[0] != "10" {
		t.Fatal("rows share their cells' backing array past their ends")
	}
}

// TestDates: a number in a date's format is shown as its date, from the
// 1904 date system if the workbook counts from 1904; a number in a format
// with a word shows it after the number; a time of day, a number in
// another format, and one whose format is not in the table, are numbers.
func TestDates(t *testing.T) {
	xf := func(format int) []byte { return rec(recXF, u16s(0, format), make([]byte, 16)) }
	format := func(id int, s string) []byte { return rec(recFormat, u16s(id), xlString(s)) }
	globals := cat(
		rec(recDateMode, u16s(1)),
		format(164, "dd/mm/yyyy"),
		format(165, `#,##0 "ngày"`),
		format(166, "[$-42A]h:mm:ss AM/PM"),
		format(14, "General"), // a FORMAT record overrides the built-in format
		xf(0), xf(14), xf(164), xf(165), xf(166), xf(22), xf(14),
	)
	recs := [][]byte{
		number(0, 0, 0, 44391), number(0, 1, 1, 44391), number(0, 2, 2, 44391), number(0, 3, 3, 44391),
		number(0, 4, 4, 0.25), number(0, 5, 5, 44391.5), rkRec(0, 6, 2, uint32(44391<<2|2)),
		formula(0, 7, 2, f64(100)), number(0, 8, 99, 7), // an XF past the table: not a date
	}
	w := workbook{globals: globals, sheets: []sheetSpec{{name: "S", body: cat(recs...)}}}
	sheets, err := readStream(t, w, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"44391", "44391", "15/07/2025", "44391 ngày", "0.25", "15/07/2025", "15/07/2025", "10/04/1904", "7"}
	if got := sheets[0].Rows[0].Cells; !reflect.DeepEqual(got, want) {
		t.Errorf("%q, want %q", got, want)
	}
	// In the 1900 system, the same serials are other dates.
	w.globals = globals[6:]
	sheets, err = readStream(t, w, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want = []string{"44391", "44391", "14/07/2021", "44391 ngày", "0.25", "14/07/2021", "14/07/2021", "09/04/1900", "7"}
	if got := sheets[0].Rows[0].Cells; !reflect.DeepEqual(got, want) {
		t.Errorf("1900: %q, want %q", got, want)
	}
}

func TestFormatNumber(t *testing.T) {
	for v, want := range map[float64]string{
		0: "0", 1: "1", -1: "-1", 45853: "45853", 3410000000: "3410000000", 0.1: "0.1", 1.5: "1.5",
		-0.5: "-0.5", 1e21: "1E+21", 1.5e21: "1.5E+21", 1e15: "1E+15", 999999999999999: "999999999999999",
		-999999999999999: "-999999999999999", 0.00001: "0.00001", 0.000001: "1E-06", 1.0 / 3: "0.333333333333333",
		0.1 + 0.2: "0.3", 1499999.9999999998: "1500000",
		123456.789: "123456.789", 1e15 + 0.5: "1.0000000000000005E+15", 5e-324: "5E-324",
	} {
		if got := formatNumber(v); got != want {
			t.Errorf("%v: %q, want %q", v, got, want)
		}
	}
}

// TestSubstreams: only worksheets are read; charts, in their own sheets or
// embedded in a worksheet, and dialog sheets are not.
func TestSubstreams(t *testing.T) {
	embedded := cat(bof(0x0020), number(0, 0, 15, 99), bof(0x0020), eof(), eof())
	w := workbook{sheets: []sheetSpec{
		{name: "Chart", typ: 2, body: number(0, 0, 15, 1)},
		{name: "Data", body: cat(number(0, 0, 15, 2), embedded, number(1, 0, 15, 3))},
		{name: "Dialog", body: cat(rec(recWSBool, u16s(0x0010)), number(0, 0, 15, 4))},
		{name: "Macro", typ: 1, body: number(0, 0, 15, 5)},
	}}
	sheets, err := readStream(t, w, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Sheet{{Name: "Data", Rows: []Row{{Num: 1, Cells: []string{"2"}, Numbers: 1}, {Num: 2, Cells: []string{"3"}, Numbers: 1}}}}
	if !reflect.DeepEqual(sheets, want) {
		t.Errorf("%v, want %v", sheets, want)
	}
}

// TestCorrupt: malformed streams fail with ErrCorrupt.
func TestCorrupt(t *testing.T) {
	good := oneSheet(nil, number(0, 0, 15, 1)).stream()
	twoSheets := workbook{sheets: []sheetSpec{{name: "A", body: number(0, 0, 15, 1)}, {name: "B", body: number(0, 0, 15, 2)}}}.stream()
	// Point the second BOUNDSHEET at the first sheet.
	overlap := append([]byte(nil), twoSheets...)
	first := le32(overlap[len(bof(bofGlobals))+4:])
	bs2 := len(bof(bofGlobals)) + len(boundSheetRec(0, 0, "A"))
	copy(overlap[bs2+4:], u32(first))
	biff5Sheet := append([]byte(nil), good...)
	copy(biff5Sheet[le32(good[len(bof(bofGlobals))+4:])+4:], u16s(0x0500))
	past := append([]byte(nil), good...)
	copy(past[len(bof(bofGlobals))+4:], u32(1<<30))
	for _, c := range []struct {
		name   string
		stream []byte
	}{
		{"empty", nil},
		{"no BOF", cat(eof())},
		{"a truncated record", good[:len(good)-3]},
		{"no EOF in the sheet", good[:len(good)-4]},
		{"no EOF in the globals", cat(bof(bofGlobals))},
		{"a worksheet first", cat(bof(bofWorksheet), eof())},
		{"BOUNDSHEETs to the same sheet", overlap},
		{"a BOUNDSHEET past the end", past},
		{"a short BOF", cat(rec(recBOF, u16s(biff8)), eof())},
		{"a second SST", workbook{after: cat(sst(100), sst(100))}.stream()},
		{"an SST string past its record", workbook{after: rec(recSST, u32(1), u32(1), u16s(5), []byte{0}, []byte("ab"))}.stream()},
		{"an SST string into an empty CONTINUE", workbook{after: cat(rec(recSST, u32(1), u32(1), u16s(5), []byte{0}, []byte("ab")), rec(recContinue))}.stream()},
		{"phonetic data past the SST", workbook{after: rec(recSST, u32(1), u32(1), u16s(1), []byte{4}, u32(1000), []byte("a"))}.stream()},
		{"a short SST", workbook{after: rec(recSST, u32(1))}.stream()},
		{"a short BOUNDSHEET", cat(bof(bofGlobals), rec(recBoundSheet, u32(0)), eof())},
		{"a short DATEMODE", cat(bof(bofGlobals), rec(recDateMode), eof())},
		{"a short XF", cat(bof(bofGlobals), rec(recXF, u16s(0)), eof())},
		{"a short FORMAT", cat(bof(bofGlobals), rec(recFormat, []byte{1}), eof())},
		{"a BOF in the globals", cat(bof(bofGlobals), bof(bofGlobals), eof())},
		{"LABELSST past the SST", oneSheet(sst(100, sstString{s: "a"}), labelSST(0, 0, 1)).stream()},
		{"LABELSST without an SST", oneSheet(nil, labelSST(0, 0, 0)).stream()},
		{"column 257", oneSheet(nil, number(0, 256, 15, 1)).stream()},
		{"a short NUMBER", oneSheet(nil, rec(recNumber, u16s(0, 0, 15), []byte{0})).stream()},
		{"a short cell", oneSheet(nil, rec(recNumber, u16s(0, 0))).stream()},
		{"a short RK", oneSheet(nil, rec(recRK, u16s(0, 0, 15))).stream()},
		{"a short LABELSST", oneSheet(nil, rec(recLabelSST, u16s(0, 0, 15))).stream()},
		{"a short BOOLERR", oneSheet(nil, rec(recBoolErr, u16s(0, 0, 15))).stream()},
		{"a short FORMULA", oneSheet(nil, rec(recFormula, u16s(0, 0, 15), f64(1))).stream()},
		{"a LABEL past its record", oneSheet(nil, rec(recLabel, u16s(0, 0, 15), u16s(9), []byte{0}, []byte("ab"))).stream()},
		{"MULRK with too few values", oneSheet(nil, rec(recMulRK, u16s(0, 0, 15), u32(2), u16s(1))).stream()},
		{"MULRK with a ragged body", oneSheet(nil, rec(recMulRK, u16s(0, 0, 15), u32(2), u16s(0), []byte{0})).stream()},
		{"MULRK ending before it starts", oneSheet(nil, rec(recMulRK, u16s(0, 5, 15), u32(2), u16s(4))).stream()},
		{"a boolean of 2", oneSheet(nil, rec(recBoolErr, u16s(0, 0, 15), []byte{2, 0})).stream()},
		{"an unknown error code", oneSheet(nil, rec(recBoolErr, u16s(0, 0, 15), []byte{0x99, 1})).stream()},
		{"a formula result of type 9", oneSheet(nil, formula(0, 0, 15, formulaSpecial(9, 0))).stream()},
		{"a formula boolean of 5", oneSheet(nil, formula(0, 0, 15, formulaSpecial(1, 5))).stream()},
		{"a formula error 0x99", oneSheet(nil, formula(0, 0, 15, formulaSpecial(2, 0x99))).stream()},
		{"MERGEDCELLS past its record", oneSheet(nil, rec(recMerged, u16s(2, 0, 0, 0, 1))).stream()},
		{"MERGEDCELLS backwards", oneSheet(nil, rec(recMerged, u16s(1, 5, 4, 0, 1))).stream()},
		{"a short MERGEDCELLS", oneSheet(nil, rec(recMerged, []byte{1})).stream()},
		{"a sheet BOF of BIFF5", biff5Sheet},
	} {
		sheets, err := readWorkbookStream(c.stream, Limits{})
		if !errors.Is(err, ErrCorrupt) || sheets != nil {
			t.Errorf("%s: %v, %v", c.name, sheets, err)
		}
	}
}

// Number cells, formulas' numbers among them, have their bit in
// Row.Numbers; text cells do not, and a later cell at the same place
// wins.
func TestNumberBits(t *testing.T) {
	sheets, err := readStream(t, oneSheet(nil,
		number(0, 0, 15, 1.234), label(0, 1, "1.234"), rkRec(0, 2, 15, uint32(7<<2|2)), mulRK(0, 3, 1, 2),
		formula(0, 5, 15, f64(6)), formula(0, 6, 15, formulaSpecial(0, 0)), rec(recString, xlString("6")),
		number(0, 7, 15, 1), label(0, 7, "x"), number(0, 70, 15, 1.5), label(0, 71, "2")), Limits{})
	if err != nil || len(sheets[0].Rows) != 1 {
		t.Fatalf("%v %+v", err, sheets)
	}
	if got, want := sheets[0].Rows[0].Numbers, uint64(0b111101); got != want {
		t.Errorf("Numbers %b, want %b", got, want)
	}
	if got := sheets[0].Rows[0].WideNumbers; len(got) != 1 || got[0] != 70 {
		t.Errorf("WideNumbers %v, want [70]", got)
	}
}
