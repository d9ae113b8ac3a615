package load

import (
	"slices"
	"testing"
	"unsafe"
)

func TestRowCells(t *testing.T) {
	r := NewRow(7, "a", "", "Lạng Sơn")
	if r.Num != 7 || r.Len() != 3 || r.Cell(0) != "a" || r.Cell(1) != "" || r.Cell(2) != "Lạng Sơn" {
		t.Fatalf("NewRow: %d %q", r.Num, r.Cells())
	}
	r.Numbers = 1
	r.SetCell(4, "x")
	if want := []string{"a", "", "Lạng Sơn", "", "x"}; !slices.Equal(r.Cells(), want) || r.Numbers != 1 {
		t.Errorf("SetCell past the end: %q (numbers %b), want %q", r.Cells(), r.Numbers, want)
	}
	c := r
	r.SetCell(0, "b")
	if c.Cell(0) != "a" || r.Cell(0) != "b" {
		t.Errorf("SetCell changed a copy of the row: %q and %q", c.Cells(), r.Cells())
	}
	var got []string
	for i, s := range r.All() {
		if i == 3 {
			break
		}
		got = append(got, s)
	}
	if want := []string{"b", "", "Lạng Sơn"}; !slices.Equal(got, want) {
		t.Errorf("All, stopped at 3: %q, want %q", got, want)
	}
}

// TestCSVRowText checks that a CSV row's cells are parts of the file's
// text, where they can be, and that a row with a cell made anew (a quoted
// field with a doubled quote or a line break) keeps all its cells right.
func TestCSVRowText(t *testing.T) {
	text := "a, b ,c\n\"x\"\"y\",\"p\nq\", z \n"
	rows, err := readRows(text, ',', 1, 0, 0)
	if err != nil || len(rows) != 2 {
		t.Fatalf("%v: %d rows", err, len(rows))
	}
	if want := []string{"a", "b", "c"}; !slices.Equal(rows[0].Cells(), want) {
		t.Errorf("row 1: %q, want %q", rows[0].Cells(), want)
	}
	if unsafe.StringData(rows[0].text) != unsafe.StringData(text) {
		t.Errorf("row 1 has a text of its own; its cells are parts of the file's")
	}
	if want := []string{"x\"y", "p\nq", "z"}; !slices.Equal(rows[1].Cells(), want) {
		t.Errorf("row 2: %q, want %q", rows[1].Cells(), want)
	}
}

func TestOffsetIn(t *testing.T) {
	text := "province,commune"
	for _, c := range []struct {
		s    string
		off  int
		part bool
	}{
		{text[9:], 9, true},
		{text[:8], 0, true},
		{text, 0, true},
		{"", 0, true},
		{string([]byte("commune")), 0, false}, // equal, elsewhere
		{text + "x", 0, false},
	} {
		off, ok := offsetIn(text, c.s)
		if ok != c.part || ok && off != c.off {
			t.Errorf("offsetIn(%q) = %d, %v; want %d, %v", c.s, off, ok, c.off, c.part)
		}
	}
}
