package load

import "testing"

func TestParseNumFormat(t *testing.T) {
	for _, c := range []struct {
		code string
		want numFormat
	}{
		{"General", numFormat{}},
		{"#,##0", numFormat{}},
		{"#,##0.00", numFormat{}},
		{`#,##0 "đ"`, numFormat{unit: "đ"}},
		{`#,##0\ "₫"`, numFormat{unit: "₫"}},
		{`#,##0 [$₫-42A]`, numFormat{unit: "₫"}},
		{`#,##0 ₫`, numFormat{unit: "₫"}},
		{`#,##0" triệu"`, numFormat{unit: "triệu"}},
		{`#,##0,," tr"`, numFormat{unit: "tr", thousands: 2}},
		{`#,##0,`, numFormat{thousands: 1}},
		{`0.0,,`, numFormat{thousands: 2}},
		// Excel's accounting format in Vietnamese: _₫ is the width of ₫.
		{`_-* #,##0\ _₫_-;\-* #,##0\ _₫_-;_-* "-"\ _₫_-;_-@_-`, numFormat{}},
		{`#,##0;[Red]\-#,##0`, numFormat{}},
		{"dd/mm/yyyy", numFormat{date: true}},
		{"m/d/yy h:mm", numFormat{date: true}},
		{`[$-42A]d mmmm yyyy`, numFormat{date: true}},
		{"mmm-yy", numFormat{date: true}},
		{"h:mm:ss", numFormat{}},
		{"[h]:mm", numFormat{}},
		{`0" ngày"`, numFormat{unit: "ngày"}}, // a word, not a date
	} {
		if got := parseNumFormat(c.code); got != c.want {
			t.Errorf("parseNumFormat(%q) = %+v, want %+v", c.code, got, c.want)
		}
	}
	for id, date := range map[int]bool{0: false, 3: false, 14: true, 17: true, 20: false, 22: true, 49: false} {
		if got := builtinFormat(id).date; got != date {
			t.Errorf("built-in format %d: date %v, want %v", id, got, date)
		}
	}
}

func TestShow(t *testing.T) {
	for _, c := range []struct {
		f        numFormat
		v        string
		date1904 bool
		want     string
		number   bool
	}{
		{numFormat{}, "12", false, "12", true},
		{numFormat{date: true}, "45884", false, "15/08/2025", false},
		{numFormat{date: true}, "45884.75", false, "15/08/2025", false},
		{numFormat{date: true}, "44422", true, "15/08/2025", false},
		{numFormat{date: true}, "-1", false, "-1", true},
		{numFormat{date: true}, "1.5E+20", false, "1.5E+20", true},
		{numFormat{unit: "đ"}, "10000000", false, "10000000 đ", true},
		{numFormat{unit: "tr", thousands: 2}, "12345678", false, "12.345678 tr", true},
		{numFormat{thousands: 1}, "999", false, "0.999", true},
		{numFormat{thousands: 2}, "-2500000", false, "-2.5", true},
		{numFormat{unit: "-"}, "7", false, "7", true}, // no letter, no currency sign
	} {
		got, number := c.f.show(c.v, c.date1904)
		if got != c.want || number != c.number {
			t.Errorf("%+v.show(%q, %v) = %q, %v; want %q, %v", c.f, c.v, c.date1904, got, number, c.want, c.number)
		}
	}
}
