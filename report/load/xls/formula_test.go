package xls

import (
	"slices"
	"testing"
)

// TestSumCellsLibreOffice reads the sums of subtotal.xls, which
// LibreOffice wrote: SUBTOTAL(109;…) under a filter, SUM of one range
// (tAttrSum), SUBTOTAL(9;…), and SUM copied down a column (a shared
// formula); not a row's sum, SUM of two arguments, a range holding its own
// cell, another column's range, nor B1+B2.
func TestSumCellsLibreOffice(t *testing.T) {
	sheets := readTestFile(t, "subtotal.xls")
	if len(sheets) != 2 {
		t.Fatalf("%d sheets; want 2", len(sheets))
	}
	for i, want := range [][]Cell{
		{{6, 8}, {6, 9}, {6, 10}},
		{{2, 2}, {3, 2}, {4, 3}, {6, 2}, {7, 2}, {8, 2}},
	} {
		if got := sheets[i].SumCells; !slices.Equal(got, want) {
			t.Errorf("sheet %q: sums %v; want %v", sheets[i].Name, got, want)
		}
	}
	// The formulas' values are read all the same.
	if got := cellAt(sheets[0], 6, 9); got != "37000000" {
		t.Errorf("I6 = %q; want the SUBTOTAL's saved 37000000", got)
	}
}

// sumFormula is a FORMULA record of cell (row, col), from 0, with the
// number 0 as its saved value and the tokens rgce.
func sumFormula(row, col int, rgce ...byte) []byte {
	return rec(recFormula, u16s(row, col, 15), f64(0), u16s(0), u32(0), u16s(len(rgce)), rgce)
}

// area is a tArea token of rows and columns from 0, both relative as
// Excel writes them.
func area(r1, r2, c1, c2 int) []byte {
	return append([]byte{0x25}, u16s(r1, r2, c1|0xC000, c2|0xC000)...)
}

var (
	attrSum  = []byte{0x19, 0x10, 0, 0}
	subtotal = []byte{0x42, 2, 0x58, 0x01} // tFuncVar: 2 arguments, function 344
	sum2     = []byte{0x22, 1, 4, 0}       // tFuncVar: 1 argument, function 4 (SUM)
)

func tInt(v int) []byte { return append([]byte{0x1E}, u16s(v)...) }

func tokens(parts ...[]byte) []byte { return cat(parts...) }

// TestSumCellsTokens reads sums written as Excel writes them, and formulas
// that are none.
func TestSumCellsTokens(t *testing.T) {
	for _, tc := range []struct {
		what string
		rgce []byte
		sum  bool
	}{
		{"SUM(D1:D4) with tAttrSum", tokens(area(0, 3, 3, 3), attrSum), true},
		{"SUM(D1:D4) with tFuncVar", tokens(area(0, 3, 3, 3), sum2), true},
		{"SUBTOTAL(109,D1:D4)", tokens(tInt(109), area(0, 3, 3, 3), subtotal), true},
		{"SUBTOTAL(9,D1:D4) with spaces", tokens([]byte{0x19, 0x40, 0, 1}, tInt(9), area(0, 3, 3, 3), subtotal), true},
		{"(SUM(D1:D4))", tokens(area(0, 3, 3, 3), attrSum, []byte{0x15}), false},
		{"SUM(D7:D9), below", tokens(area(6, 8, 3, 3), attrSum), true},
		{"SUM(D4:D1), reversed", tokens(area(3, 0, 3, 3), attrSum), true},
		{"SUM(D1:D6), its own cell", tokens(area(0, 5, 3, 3), attrSum), false},
		{"SUM(C1:D4), two columns", tokens(area(0, 3, 2, 3), attrSum), false},
		{"SUM(E1:E4), another column", tokens(area(0, 3, 4, 4), attrSum), false},
		{"SUM(D1:D4)*2", tokens(area(0, 3, 3, 3), attrSum, tInt(2), []byte{0x05}), false},
		{"SUM(D1:D2,D3:D4)", tokens(area(0, 1, 3, 3), area(2, 3, 3, 3), []byte{0x22, 2, 4, 0}), false},
		{"SUBTOTAL(D1:D4)", tokens(area(0, 3, 3, 3), []byte{0x42, 1, 0x58, 0x01}), false},
		{"SUM(9,D1:D4)", tokens(tInt(9), area(0, 3, 3, 3), []byte{0x22, 2, 4, 0}), false},
		{"AVERAGE(D1:D4)", tokens(area(0, 3, 3, 3), []byte{0x22, 1, 5, 0}), false},
		{"tAreaN outside a shared formula", tokens([]byte{0x2D}, u16s(0, 3, 3, 3), attrSum), false},
		{"tAttrIf", tokens(area(0, 3, 3, 3), []byte{0x19, 0x02, 0, 0}), false},
		{"a cut area", tokens(area(0, 3, 3, 3)[:5]), false},
		{"a cut function", tokens(area(0, 3, 3, 3), subtotal[:2]), false},
		{"a cut tInt", []byte{0x1E, 9}, false},
		{"a cut tAttr", []byte{0x19, 0x10}, false},
		{"nothing", nil, false},
	} {
		sh, err := readStream(t, oneSheet(nil, sumFormula(5, 3, tc.rgce...)), Limits{})
		if err != nil {
			t.Fatalf("%s: %v", tc.what, err)
		}
		if got := len(sh[0].SumCells) == 1 && sh[0].SumCells[0] == (Cell{6, 4}); got != tc.sum || len(sh[0].SumCells) > 1 {
			t.Errorf("%s: sums %v; want a sum: %v", tc.what, sh[0].SumCells, tc.sum)
		}
	}
}

// TestSharedSums reads formulas shared over a range (FORMULA records
// pointing to a SHRFMLA with tExp), with relative references as offsets
// from each cell.
func TestSharedSums(t *testing.T) {
	tExp := func(row, col int) []byte { return append([]byte{0x01}, u16s(row, col)...) }
	shared := func(r1, r2, c1, c2 int, rgce ...byte) []byte {
		return rec(recShrFmla, u16s(r1, r2), []byte{byte(c1), byte(c2), 0, 3}, u16s(len(rgce)), rgce)
	}
	// SUM(D$1:D$4) over D6:F6: a relative column, offset 0; absolute rows.
	ownColumn := tokens([]byte{0x2D}, u16s(0, 3, 0x4000, 0x4000), attrSum)
	// SUM(A6:C6)-like: the row's own cells, relative rows offset 0.
	row := tokens([]byte{0x2D}, u16s(0, 0, 0xC000|0xFD, 0xC000|0xFF), attrSum)
	// SUM of the two rows above, in a column: offsets -2 and -1.
	above := tokens([]byte{0x2D}, u16s(0xFFFE, 0xFFFF, 0xC000, 0xC000), attrSum)
	sh, err := readStream(t, oneSheet(nil,
		sumFormula(5, 3, tExp(5, 3)...), shared(5, 5, 3, 5, ownColumn...),
		rec(recString, xlString("stray")), // no formula's: ignored
		sumFormula(5, 4, tExp(5, 3)...), sumFormula(5, 5, tExp(5, 3)...),
		sumFormula(5, 6, tExp(5, 3)...), // past the shared range
		sumFormula(6, 3, tExp(6, 3)...), shared(6, 6, 3, 3, row...),
		sumFormula(9, 1, tExp(9, 1)...), shared(9, 11, 1, 1, above...),
		sumFormula(10, 1, tExp(9, 1)...), sumFormula(11, 1, tExp(9, 1)...),
		sumFormula(12, 1, tExp(0, 0)...), // no such shared formula
		shared(20, 20, 1, 1, 0x2D),       // cut
		sumFormula(20, 1, tExp(20, 1)...),
	), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Cell{{6, 4}, {6, 5}, {6, 6}, {10, 2}, {11, 2}, {12, 2}}
	if got := sh[0].SumCells; !slices.Equal(got, want) {
		t.Errorf("sums %v; want %v", got, want)
	}
}

// TestNumericFormula tells the formulas that can only give a number, whose
// cached string is no value (xlwt's), from those that may give a string.
func TestNumericFormula(t *testing.T) {
	ref := func(r, c int) []byte { return append([]byte{0x24}, u16s(r, c|0xC000)...) }
	for _, tc := range []struct {
		what string
		rgce []byte
		want bool
	}{
		{"H2+I2", tokens(ref(1, 7), ref(1, 8), []byte{0x03}), true},
		{"(H2*2)", tokens(ref(1, 7), tInt(2), []byte{0x05, 0x15}), true},
		{"-H2", tokens(ref(1, 7), []byte{0x13}), true},
		{"SUM(H2:I2)", tokens(area(1, 1, 7, 8), attrSum), true},
		{"ROUND(H2,0)", tokens(ref(1, 7), tInt(0), []byte{0x41, 27, 0}), true},
		{"SUBTOTAL(9,H2:H5)", tokens(tInt(9), area(1, 4, 7, 7), subtotal), true},
		{"H2", ref(1, 7), false},
		{"H2&I2", tokens(ref(1, 7), ref(1, 8), []byte{0x08}), false},
		{"IF(H2,\"\",H2)", tokens(ref(1, 7), []byte{0x19, 0x02, 4, 0}, []byte{0x17, 0, 0}, []byte{0x19, 0x08, 3, 0}, ref(1, 7), []byte{0x19, 0x08, 3, 0}, []byte{0x42, 3, 1, 0}), false},
		{"a cut tRef", []byte{0x24, 1}, false},
		{"nothing", nil, false},
	} {
		if got := numericFormula(tc.rgce); got != tc.want {
			t.Errorf("%s: numeric %v, want %v", tc.what, got, tc.want)
		}
	}
}
