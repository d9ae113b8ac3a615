package numfmt

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		code string
		want Format
	}{
		{"General", Format{}},
		{"#,##0", Format{}},
		{"#,##0.00", Format{}},
		{`#,##0 "đ"`, Format{Unit: "đ"}},
		{`#,##0\ "₫"`, Format{Unit: "₫"}},
		{`#,##0 [$₫-42A]`, Format{Unit: "₫"}},
		{`#,##0 ₫`, Format{Unit: "₫"}},
		{`#,##0" triệu"`, Format{Unit: "triệu"}},
		{`#,##0,," tr"`, Format{Unit: "tr", Thousands: 2}},
		{`#,##0,`, Format{Thousands: 1}},
		{`0.0,,`, Format{Thousands: 2}},
		{"0" + strings.Repeat(",", 100000), Format{}}, // would show 0 for anything
		// Excel's accounting format in Vietnamese: _₫ is the width of ₫.
		{`_-* #,##0\ _₫_-;\-* #,##0\ _₫_-;_-* "-"\ _₫_-;_-@_-`, Format{}},
		{`#,##0;[Red]\-#,##0`, Format{}},
		{"dd/mm/yyyy", Format{Date: true}},
		{"m/d/yy h:mm", Format{Date: true}},
		{`[$-42A]d mmmm yyyy`, Format{Date: true}},
		{"mmm-yy", Format{Date: true, Parts: DateMonth}},
		{"yyyy", Format{Date: true, Parts: DateYear}},
		{`"Năm "yyyy`, Format{Date: true, Parts: DateYear, Unit: "Năm"}},
		{"mm/yyyy", Format{Date: true, Parts: DateMonth}},
		{"0%", Format{Percent: true}},
		{"0.0%", Format{Percent: true}},
		{"h:mm:ss", Format{}},
		{"[h]:mm", Format{}},
		{`0" ngày"`, Format{Unit: "ngày"}}, // a word, not a date
	} {
		if got := Parse(c.code); got != c.want {
			t.Errorf("Parse(%q) = %+v, want %+v", c.code, got, c.want)
		}
	}
	// The date formats of Excel 97–2003 files' tests, and what is no date.
	for code, date := range map[string]bool{
		"dd/mm/yyyy": true, "D/M/YYYY": true, "yyyy-mm-dd hh:mm": true, "mmm-yy": true, `[$-42A]dd/mm/yyyy`: true,
		`dd" tháng "mm`: true, "[Red]d/m/y": true, "h:mm": false, "[h]:mm:ss": false,
		"General": false, "@": false, "0.00": false, "#,##0": false, "0.00E+00": false, `#,##0 "đ"`: false,
		`0 "ngày"`: false, `#,##0\d`: false, "[Red]0.00": false, "General;[Red]-General": false, "": false,
		`0_);(0)`: false, `_-* #,##0_-`: false,
	} {
		if got := Parse(code).Date; got != date {
			t.Errorf("Parse(%q).Date = %v, want %v", code, got, date)
		}
	}
	if !Builtin(9).Percent || !Builtin(10).Percent || Builtin(11).Percent {
		t.Errorf("built-in percentages: 9 %+v, 10 %+v, 11 %+v", Builtin(9), Builtin(10), Builtin(11))
	}
	for id, date := range map[int]bool{0: false, 3: false, 14: true, 17: true, 20: false, 22: true, 49: false} {
		if got := Builtin(id).Date; got != date {
			t.Errorf("built-in format %d: date %v, want %v", id, got, date)
		}
	}
}

func TestShow(t *testing.T) {
	for _, c := range []struct {
		f        Format
		v        string
		date1904 bool
		want     string
		number   bool
	}{
		{Format{}, "12", false, "12", true},
		{Format{Date: true}, "45884", false, "15/08/2025", false},
		{Format{Date: true}, "45884.75", false, "15/08/2025", false},
		{Format{Date: true}, "44422", true, "15/08/2025", false},
		{Format{Date: true}, "-1", false, "-1", true},
		{Format{Date: true}, "1.5E+20", false, "1.5E+20", true},
		{Format{Unit: "đ"}, "10000000", false, "10000000 đ", true},
		{Format{Unit: "tr", Thousands: 2}, "12345678", false, "12.345678 tr", true},
		{Format{Thousands: 1}, "999", false, "0.999 nghìn", true},
		{Format{Thousands: 2}, "-2500000", false, "-2.5 triệu", true},
		{Format{Thousands: 1, Unit: "k"}, "10000", false, "10 k", true},
		{Format{Thousands: 2, Unit: "đ"}, "12500000", false, "12.5 triệu đ", true},
		{Format{Thousands: 2, Unit: "trđ"}, "12500000", false, "12.5 trđ", true},
		{Format{Date: true, Parts: DateYear}, "45884", false, "2025", false},
		{Format{Date: true, Parts: DateMonth}, "45884", false, "08/2025", false},
		{Format{Percent: true}, "1", false, "100%", false},
		{Format{Percent: true}, "0.255", false, "25.5%", false},
		{Format{Unit: "-"}, "7", false, "7", true}, // no letter, no currency sign
	} {
		got, number := c.f.Show(c.v, c.date1904)
		if got != c.want || number != c.number {
			t.Errorf("%+v.Show(%q, %v) = %q, %v; want %q, %v", c.f, c.v, c.date1904, got, number, c.want, c.number)
		}
	}
}

// A byte that is no UTF-8 after a backslash, an underscore or a star is one
// byte long: it panicked (a twenty-first review).
func TestParseInvalidUTF8(t *testing.T) {
	for _, code := range []string{"\\\xff", "0_\xff", "0*\xff", "\xff0"} {
		Parse(code)
	}
}
