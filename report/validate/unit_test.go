package validate

import (
	"strconv"
	"strings"
	"testing"

	"github.com/dvkreport/dvkreport/report/load"
	"github.com/dvkreport/dvkreport/report/msg"
)

// The spellings of a unit of money in a header, each with the funds that
// a cell of 380 under it is: 380 triệu đồng is 380,000,000 đồng, 380
// nghìn đồng 380,000 đồng, 380 tỷ đồng 380,000,000,000 đồng.
var headerUnitCases = []struct {
	header string
	funds  int64
}{
	// No unit, or đồng: the cell as it is.
	{"Kinh phí huy động", 380},
	{"Kinh phí huy động (đồng)", 380},
	{"Kinh phí (VNĐ)", 380},
	{"Kinh phí huy động (ĐVT: đồng)", 380},
	// Round brackets, as before.
	{"Kinh phí huy động (triệu đồng)", 380_000_000},
	{"Kinh phí huy động được (tr.đ)", 380_000_000},
	{"Kinh phí (nghìn đồng)", 380_000},
	{"Kinh phí (1.000 đồng)", 380_000},
	{"Kinh phí (tỷ đồng)", 380_000_000_000},
	// After a label, in brackets.
	{"Kinh phí huy động (ĐVT: triệu đồng)", 380_000_000},
	{"Kinh phí (Đơn vị: triệu đồng)", 380_000_000},
	{"Kinh phí (Đơn vị tính: tr.đ)", 380_000_000},
	{"Kinh phí huy động (DVT: trđ)", 380_000_000},
	{"Kinh phí huy động (Đ.V.T: triệu đồng)", 380_000_000},
	{"Kinh phí huy động (ĐVT triệu đồng)", 380_000_000},
	// After a label, with no bracket.
	{"Kinh phí huy động ĐVT: triệu đồng", 380_000_000},
	{"Kinh phí huy động - ĐVT: nghìn đồng", 380_000},
	// After a comma or a dash that ends the header.
	{"Kinh phí huy động, triệu đồng", 380_000_000},
	{"Kinh phí huy động - triệu đồng", 380_000_000},
	{"Kinh phí huy động – tr.đ", 380_000_000},
	{"Kinh phí, nghìn đồng", 380_000},
	// Square and curly brackets.
	{"Kinh phí huy động [triệu đồng]", 380_000_000},
	{"Kinh phí huy động {triệu đồng}", 380_000_000},
	// A factor.
	{"Kinh phí (x1000 đ)", 380_000},
	{"Kinh phí (x 1.000 đồng)", 380_000},
	{"Kinh phí (× 1.000.000 đồng)", 380_000_000},
	{"Kinh phí huy động (x1000)", 380_000},
	// A word and the currency ending the header.
	{"Kinh phí huy động triệu đồng", 380_000_000},
	// English.
	{"Funds (million VND)", 380_000_000},
	{"funds_vnd", 380},
}

// funds reads a table of one row of 380 and returns its funds, or fails.
func funds(t *testing.T, name, csv string) int64 {
	t.Helper()
	r := Read(tables(t, name, csv), Options{})
	if len(r.Problems) > 0 || len(r.Warnings) > 0 {
		t.Fatalf("%s: problems %v, warnings %v", name, r.Problems, r.Warnings)
	}
	if len(r.Records) != 1 {
		t.Fatalf("%s: %d records", name, len(r.Records))
	}
	return r.Records[0].FundsVND
}

// The units of money in a header, in every way clerks write them, in a
// header of one row and under a group cell in a header of two.
func TestHeaderUnitsOneRow(t *testing.T) {
	for _, c := range headerUnitCases {
		csv := `province,field,period,"` + c.header + `"` + "\nLạng Sơn,Kinh tế,2025-Q3,380\n"
		if got := funds(t, "u.csv", csv); got != c.funds {
			t.Errorf("%q: funds %d, want %d", c.header, got, c.funds)
		}
		csv = "Tỉnh,Lĩnh vực,Kỳ báo cáo,Kết quả\n" + `,,,"` + c.header + `"` + "\nLạng Sơn,Kinh tế,2025-Q3,380\n"
		if got := funds(t, "u2.csv", csv); got != c.funds {
			t.Errorf("%q under a group cell: funds %d, want %d", c.header, got, c.funds)
		}
	}
}

// A header of two rows whose second gives the unit under the column's
// name, alone (h3.csv of the review), and the same under a header of one
// row.
func TestHeaderUnitsRowOfUnits(t *testing.T) {
	for _, c := range []struct {
		unit  string
		funds int64
	}{
		{"Triệu đồng", 380_000_000},
		{"(triệu đồng)", 380_000_000},
		{"Tr.đ", 380_000_000},
		{"trđ", 380_000_000},
		{"Nghìn đồng", 380_000},
		{"[nghìn đồng]", 380_000},
		{"Đồng", 380},
		{"VNĐ", 380},
		{"ĐVT: triệu đồng", 380_000_000},
		{"Đơn vị tính: tr.đ", 380_000_000},
		{"x1000 đ", 380_000},
		{"Tỷ đồng", 380_000_000_000},
	} {
		// The names over the unit of the money column (h3.csv).
		csv := ",,,Kinh phí huy động\n" + `Tỉnh,Lĩnh vực,Kỳ báo cáo,"` + c.unit + `"` + "\nLạng Sơn,Kinh tế,2025-Q3,380\n"
		if got := funds(t, "h3.csv", csv); got != c.funds {
			t.Errorf("Kinh phí huy động over %q: funds %d, want %d", c.unit, got, c.funds)
		}
		// A row of units under a header of one row, with units of counts.
		csv = "Tỉnh,Lĩnh vực,Kỳ báo cáo,Kinh phí huy động,Số hộ\n" + `,,,"` + c.unit + `",Hộ` + "\nLạng Sơn,Kinh tế,2025-Q3,380,7\n"
		r := Read(tables(t, "u.csv", csv), Options{})
		if len(r.Problems) > 0 || len(r.Records) != 1 || r.Records[0].FundsVND != c.funds || r.Records[0].Households != 7 {
			t.Errorf("a row of units %q: problems %v, records %+v; want funds %d, households 7", c.unit, r.Problems, r.Records, c.funds)
		}
		if sh := r.Sheets[0]; sh.HeaderFirst != 1 || sh.HeaderLast != 2 {
			t.Errorf("a row of units %q: header on rows %d–%d, want 1–2", c.unit, sh.HeaderFirst, sh.HeaderLast)
		}
	}
}

// A line above the table gives the unit of all its money (h2.csv of the
// review): the funds and the extra indicators of money that name no unit
// of their own, never the counts; a column's own unit comes first, with a
// warning.
func TestHeaderUnitsTitleLine(t *testing.T) {
	for _, c := range []struct {
		line  string
		funds int64
	}{
		{",,,ĐVT: triệu đồng", 380_000_000},
		{",,,Đơn vị tính: triệu đồng", 380_000_000},
		{",,,(Đơn vị tính: triệu đồng)", 380_000_000},
		{"ĐVT: triệu đồng", 380_000_000},
		{",,,ĐVT: Tr.đ", 380_000_000},
		{",,,DVT: nghìn đồng", 380_000},
		{",,,Đơn vị: triệu đồng", 380_000_000},
		{",,,ĐVT: đồng", 380},
		{",,,Đơn vị tính: 1.000 đồng", 380_000},
		{"Biểu 01 - ĐVT: triệu đồng; số hộ: hộ", 380_000_000},
		{",,,ĐVT: triệu đồng, hộ, người", 380_000_000},
	} {
		csv := "BÁO CÁO KẾT QUẢ DÂN VẬN KHÉO QUÝ III/2025\n" + c.line + "\n" +
			"Tỉnh,Lĩnh vực,Kỳ báo cáo,Kinh phí huy động\nLạng Sơn,Kinh tế,2025-Q3,380\n"
		if got := funds(t, "h2.csv", csv); got != c.funds {
			t.Errorf("%q: funds %d, want %d", c.line, got, c.funds)
		}
	}
	// The counts keep their figures; an extra indicator of money takes
	// the unit, another does not; the agency line is no unit.
	csv := "Đơn vị: Ban Dân vận Tỉnh ủy Lạng Sơn\n,,,,,,,ĐVT: triệu đồng\n" +
		"Tỉnh,Lĩnh vực,Kỳ báo cáo,Kinh phí huy động,Số hộ,Số người hưởng lợi,Số tiền hỗ trợ,Số buổi tuyên truyền,Giá trị hiện vật (nghìn đồng)\n" +
		"Lạng Sơn,Kinh tế,2025-Q3,380,12,40,\"1,5\",3,250\n"
	r := Read(tables(t, "h2.csv", csv), Options{})
	if len(r.Problems) > 0 || len(r.Records) != 1 {
		t.Fatalf("problems %v, %d records", r.Problems, len(r.Records))
	}
	// The column in nghìn đồng keeps its own unit, with a warning.
	if len(r.Warnings) != 1 || r.Warnings[0].Pos.String() != "h2.csv:3:9" || r.Warnings[0].Msg.Key != "warning" {
		t.Errorf("warnings %v, want the line's unit overridden at h2.csv:3:9", r.Warnings)
	}
	rec := r.Records[0]
	if rec.FundsVND != 380_000_000 || rec.Households != 12 || rec.Beneficiaries != 40 {
		t.Errorf("funds %d, households %d, people %d; want 380000000, 12, 40", rec.FundsVND, rec.Households, rec.Beneficiaries)
	}
	if want := []int64{1_500_000, 3, 250_000}; len(rec.Extra) != 3 || rec.Extra[0] != want[0] || rec.Extra[1] != want[1] || rec.Extra[2] != want[2] {
		t.Errorf("extras %q = %v, want %v", r.Extras, rec.Extra, want)
	}
	// What inspect shows: each column's unit, and the line it comes from.
	var got []string
	for _, c := range r.Sheets[0].Columns {
		got = append(got, strings.Join([]string{c.Key, itoa(c.Scale), itoa(int64(c.UnitRow))}, ":"))
	}
	if want := "province:0:0 field:0:0 period:0:0 funds_vnd:1000000:2 households:0:0 beneficiaries:0:0 extra:1000000:2 extra:0:0 extra:1000:0"; strings.Join(got, " ") != want {
		t.Errorf("columns %s\nwant    %s", strings.Join(got, " "), want)
	}
	// A column's own unit comes before the line's, with a warning.
	csv = ",,,ĐVT: triệu đồng\nTỉnh,Lĩnh vực,Kỳ báo cáo,Kinh phí huy động (đồng),Số tiền (nghìn đồng)\nLạng Sơn,Kinh tế,2025-Q3,380,2\n"
	r = Read(tables(t, "own.csv", csv), Options{})
	if len(r.Problems) > 0 || len(r.Records) != 1 || r.Records[0].FundsVND != 380 || r.Records[0].Extra[0] != 2000 {
		t.Fatalf("own units: problems %v, records %+v", r.Problems, r.Records)
	}
	if len(r.Warnings) != 2 || r.Warnings[0].Pos.String() != "own.csv:2:4" || r.Warnings[1].Pos.String() != "own.csv:2:5" ||
		!strings.Contains(r.Warnings[0].Error(), "gives money in triệu đồng, this column's header in đồng; the header's unit is used") {
		t.Errorf("warnings %v", r.Warnings)
	}
	// A unit line that agrees says nothing.
	csv = ",,,ĐVT: triệu đồng\nTỉnh,Lĩnh vực,Kỳ báo cáo,Kinh phí huy động (triệu đồng)\nLạng Sơn,Kinh tế,2025-Q3,380\n"
	if got := funds(t, "same.csv", csv); got != 380_000_000 {
		t.Errorf("same unit: funds %d", got)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// A unit meant but not understood, or two units, is a problem at the
// header (or at the line above the table) that names the file, row and
// column, and no row of the table is read: never a silent đồng.
func TestHeaderUnitsProblems(t *testing.T) {
	row := "\nLạng Sơn,Kinh tế,2025-Q3,380\n"
	for _, c := range []struct {
		csv, pos, column, key string
	}{
		{`province,field,period,"Kinh phí huy động (ĐVT: USD)"` + row, "f.csv:1:4", "Kinh phí huy động (ĐVT: USD)", "validate.unit_unknown"},
		{`province,field,period,Kinh phí (USD)` + row, "f.csv:1:4", "Kinh phí (USD)", "validate.unit_unknown"},
		{`province,field,period,"Kinh phí, USD"` + row, "f.csv:1:4", "Kinh phí, USD", "validate.unit_unknown"},
		{`province,field,period,Kinh phí (Đơn vị tính: lượt)` + row, "f.csv:1:4", "Kinh phí (Đơn vị tính: lượt)", "validate.unit_unknown"},
		{`province,field,period,Kinh phí (x 10.000 đồng)` + row, "f.csv:1:4", "Kinh phí (x 10.000 đồng)", "validate.unit_unknown"},
		{`province,field,period,Kinh phí (triệu USD)` + row, "f.csv:1:4", "Kinh phí (triệu USD)", "validate.unit_unknown"},
		{`province,field,period,Kinh phí (đồng) [triệu đồng]` + row, "f.csv:1:4", "Kinh phí (đồng) [triệu đồng]", "validate.units_two"},
		{`province,field,period,Số tiền (USD)` + row, "f.csv:1:4", "Số tiền (USD)", "validate.unit_unknown"},
		{",,,Kinh phí huy động\nTỉnh,Lĩnh vực,Kỳ báo cáo,Triệu USD" + row, "f.csv:2:4", "Kinh phí huy động / Triệu USD", "validate.unit_unknown"},
		{",,,Kinh phí (đồng)\nTỉnh,Lĩnh vực,Kỳ báo cáo,Triệu đồng" + row, "f.csv:2:4", "Kinh phí (đồng) / Triệu đồng", "validate.units_differ"},
		{"BÁO CÁO\n,,,ĐVT: USD\nTỉnh,Lĩnh vực,Kỳ báo cáo,Kinh phí huy động" + row, "f.csv:2:4", "", "validate.unit_unknown"},
		{"ĐVT: triệu đồng\n,,,Đơn vị tính: nghìn đồng\nTỉnh,Lĩnh vực,Kỳ báo cáo,Kinh phí huy động" + row, "f.csv:2:4", "", "validate.units_differ"},
	} {
		r := Read(tables(t, "f.csv", c.csv), Options{})
		if len(r.Problems) != 1 || len(r.Records) != 0 {
			t.Errorf("%q: problems %v, %d records; want one problem, no record", c.csv, r.Problems, len(r.Records))
			continue
		}
		p := r.Problems[0]
		if p.Pos.String() != c.pos || p.Column != c.column || p.Msg.Key != c.key {
			t.Errorf("%q: problem %v (%s), want %s: %s: %s", c.csv, p, p.Msg.Key, c.pos, c.column, c.key)
		}
		if en := p.Error(); !strings.Contains(en, "write đồng, nghìn đồng, triệu đồng or tỷ đồng") && !strings.Contains(en, "; keep the unit the figures are in") {
			t.Errorf("%q: %s: no what to do", c.csv, en)
		}
		if vi := p.In(msg.VI); !strings.Contains(vi, "hãy ghi đồng, nghìn đồng") && !strings.Contains(vi, "; hãy giữ đơn vị đúng") {
			t.Errorf("%q: %s: not in Vietnamese", c.csv, vi)
		}
	}
	// What is no unit of money is no problem: the units of counts, a note
	// in brackets, a line above the table for an own unit, a line that is
	// no unit.
	for _, csv := range []string{
		"province,field,period,Số buổi (ĐVT: buổi),Số hộ (hộ),Tỷ lệ (%)\nLạng Sơn,Kinh tế,2025-Q3,3,4,5\n",
		"province,field,period,Kinh phí huy động (tiền mặt và hiện vật quy đổi)" + row,
		"BÁO CÁO\n,,,ĐVT: USD\nTỉnh,Lĩnh vực,Kỳ báo cáo,Kinh phí huy động (triệu đồng)" + row,
		"Đơn vị: Hội Nông dân xã Bắc Sơn\nTỉnh,Lĩnh vực,Kỳ báo cáo,Kinh phí huy động" + row,
		"ĐVT: người\nTỉnh,Lĩnh vực,Kỳ báo cáo,Số hộ\nLạng Sơn,Kinh tế,2025-Q3,4\n",
	} {
		if r := Read(tables(t, "ok.csv", csv), Options{}); len(r.Problems) > 0 || len(r.Records) != 1 {
			t.Errorf("%q: problems %v, %d records", csv, r.Problems, len(r.Records))
		}
	}
}

// Units as headerScale reads them, and the headers they leave.
func TestHeaderScale(t *testing.T) {
	for h, want := range map[string]int64{
		"Kinh phí huy động (triệu đồng)": 1e6, "Kinh phí (đồng)": 1, "Kinh phí (tỷ đồng)": 1e9, "Kinh phí (nghìn đồng)": 1e3,
		"Kinh phí": 0, "Kinh phí (tr.đ)": 1e6, "Kinh phí (ĐVT: USD)": 0, "Hoạt động": 0, "Cộng đồng": 0, "Tỷ lệ (%)": 0,
		"Đơn vị": 0, "Đơn vị tính": 0, "D": 0, "Tr": 0, "1.000": 0, "(3)": 0,
	} {
		if got := headerScale(h); got != want {
			t.Errorf("headerScale(%q) = %d, want %d", h, got, want)
		}
	}
	for h, want := range map[string]column{
		"Kinh phí, triệu đồng": colFunds, "Kinh phí [triệu đồng]": colFunds, "Kinh phí (Đơn vị tính: tr.đ)": colFunds,
		"Tỉnh, TP": colProvince, "Cơ quan, đơn vị": colUnit, "Đơn vị": colUnit, "Triệu đồng": colNone, "ĐVT: triệu đồng": colNone,
		"Số hộ (hộ)": colHouseholds,
	} {
		if got := matchHeader(h); got != want {
			t.Errorf("matchHeader(%q) = %s, want %s", h, columnKeys[got], columnKeys[want])
		}
	}
}

// A workbook's unit line merged over the last columns, right-aligned
// above the table, reads as part of the header: it gives the money its
// unit, and the counts under it keep theirs.
func TestHeaderUnitsMergedLine(t *testing.T) {
	tb := &load.Table{File: "clerk.xlsx", Sheet: "Quý III", Rows: []load.Row{
		load.NewRow(1, []string{"BÁO CÁO KẾT QUẢ DÂN VẬN KHÉO QUÝ III/2025"}...),
		load.NewRow(2, []string{"", "", "", "", "ĐVT: triệu đồng"}...),
		load.NewRow(3, []string{"Tỉnh", "Lĩnh vực", "Kỳ báo cáo", "Số hộ", "Kinh phí huy động", "Số buổi tuyên truyền"}...),
		load.NewRow(4, []string{"Lạng Sơn", "Kinh tế", "Quý III/2025", "12", "380", "3"}...),
	}, Merged: []load.Range{{FirstRow: 1, FirstCol: 1, LastRow: 1, LastCol: 6}, {FirstRow: 2, FirstCol: 4, LastRow: 2, LastCol: 6}}}
	r := Read([]*load.Table{tb}, Options{})
	if len(r.Problems) > 0 || len(r.Records) != 1 {
		t.Fatalf("problems %v, %d records", r.Problems, len(r.Records))
	}
	if rec := r.Records[0]; rec.FundsVND != 380_000_000 || rec.Households != 12 || len(rec.Extra) != 1 || rec.Extra[0] != 3 {
		t.Errorf("funds %d, households %d, extras %v; want 380000000, 12, [3]", rec.FundsVND, rec.Households, rec.Extra)
	}
}
