package report_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/record"
)

// clerkWorkbook writes a province's workbook the way a clerk types it in
// Excel: agency lines and a title, a header over two rows with a group
// cell merged over three sub-headers that give money in triệu đồng, a row
// numbering the columns, STT and Ghi chú columns, fields and money written
// in several ways, a total row, a signature block; and a second sheet
// without a period column, whose quarter is in its title.
func clerkWorkbook(t *testing.T) string {
	f := excelize.NewFile()
	defer f.Close()
	s1 := "Quý III-2025"
	f.SetSheetName("Sheet1", s1)
	set := func(sheet, cell string, v any) {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	merge := func(sheet, a, b string) {
		if err := f.MergeCell(sheet, a, b); err != nil {
			t.Fatal(err)
		}
	}
	set(s1, "A1", "TỈNH ỦY LẠNG SƠN")
	set(s1, "H1", "ĐẢNG CỘNG SẢN VIỆT NAM")
	set(s1, "A2", "BAN TUYÊN GIÁO VÀ DÂN VẬN")
	set(s1, "A4", "BIỂU TỔNG HỢP KẾT QUẢ XÂY DỰNG MÔ HÌNH “DÂN VẬN KHÉO” QUÝ III NĂM 2025")
	merge(s1, "A4", "L4")
	// The header: rows 6 and 7.
	for col, h := range map[string]string{"A": "STT", "B": "Tỉnh", "C": "Xã, phường", "D": "Tên mô hình", "E": "Đơn vị thực hiện",
		"F": "Lĩnh vực", "G": "Tình trạng", "H": "Kỳ báo cáo", "L": "Ghi chú"} {
		set(s1, col+"6", h)
		merge(s1, col+"6", col+"7")
	}
	set(s1, "I6", "Kết quả")
	merge(s1, "I6", "K6")
	set(s1, "I7", "Kinh phí huy động (triệu đồng)")
	set(s1, "J7", "Số hộ hưởng lợi")
	set(s1, "K7", "Số người được hưởng lợi")
	// Column numbers.
	for i, col := range strings.Split("ABCDEFGHIJKL", "") {
		set(s1, col+"8", "("+string(rune('1'+i%9))+")")
	}
	rows := [][]any{
		{1, "Lạng Sơn", "Xã Bắc Sơn", "Tổ tiết kiệm và vay vốn", "Hội Nông dân xã", "Kinh tế", "Mới", "Quý III/2025", 150, 20, 80, ""},
		// The same name, another unit: another model.
		{2, "Lạng Sơn", "Xã Bắc Sơn", "Tổ tiết kiệm và vay vốn", "Hội Phụ nữ xã", "KT", "Duy trì", "III/2025", "1,5", 10, 35, "chuyển tiếp"},
		{3, "Lạng Sơn", "Phường Đông Kinh", "Camera an ninh", "Công an phường", "QP-AN", "Xây dựng mới", "Q.III/2025", "2 tỷ", 300, 1200, ""},
		{4, "Lạng Sơn", "Phường Đông Kinh", "Chi bộ kiểu mẫu", "Đảng ủy phường", "XD Đảng", "Duy trì", "T9/2025", 0, 0, 0, ""},
		{5, "Lạng Sơn", "Xã Hữu Lũng", "Đường hoa", "Đoàn thanh niên", "VH - XH", "Mới", "tháng 9/2025", "12,25", 45, 180, ""},
		{6, "Lạng Sơn", "Xã Hữu Lũng", "Học bổng vượt khó", "Hội Khuyến học", "Xây dựng Đảng và HTCT", "Duy trì", "Quý 3 năm 2025", 8, 12, 12, ""},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, 9+i)
		if err := f.SetSheetRow(s1, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	// The total row, right, and the signature block.
	set(s1, "B15", "Tổng cộng")
	set(s1, "I15", 2171.75)
	set(s1, "J15", 387)
	set(s1, "K15", 1507)
	set(s1, "B17", "Người lập biểu")
	set(s1, "H17", "Thủ trưởng đơn vị")
	set(s1, "B18", "(Ký, ghi rõ họ tên)")
	set(s1, "H18", "(Ký tên, đóng dấu)")
	set(s1, "B21", "Nguyễn Văn An")
	set(s1, "H21", "Trần Thị Bình")

	// A second sheet: no period column; its quarter in its title.
	s2 := "Bổ sung"
	f.NewSheet(s2)
	set(s2, "A1", "BIỂU BỔ SUNG MÔ HÌNH QUÝ III NĂM 2025")
	for i, h := range []string{"TT", "Tỉnh/Thành phố", "Xã/Phường", "Tên mô hình", "Lĩnh vực", "Kinh phí (đồng)", "Số hộ"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 3)
		set(s2, cell, h)
	}
	more := [][]any{
		{1, "Lạng Sơn", "Xã Bắc Sơn", "Khu dân cư an toàn", "Quốc phòng - An ninh", "25.000.000", 7},
		{2, "Lạng Sơn", "Xã Hữu Lũng", "Nhà nhân ái", "Văn hóa, xã hội", 100000000, 1},
	}
	for i, r := range more {
		cell, _ := excelize.CoordinatesToCellName(1, 4+i)
		if err := f.SetSheetRow(s2, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	// A sheet of notes, which is no register.
	f.NewSheet("Hướng dẫn")
	set("Hướng dẫn", "A1", "Ghi số liệu theo quý; kinh phí ghi bằng triệu đồng.")
	name := filepath.Join(t.TempDir(), "Lạng Sơn - quý III.xlsx")
	if *update {
		// The copy the command line's tests read (dvkreport inspect).
		name = filepath.Join(registers, "clerk.xlsx")
	}
	if err := f.SaveAs(name); err != nil {
		t.Fatal(err)
	}
	return name
}

// Issue 11: a workbook typed the way a clerk types it gives exactly the
// totals computed by hand, every column understood.
func TestIssue11ClerkWorkbook(t *testing.T) {
	name := clerkWorkbook(t)
	d, err := report.Load(report.Options{Inputs: []string{name}})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Problems) > 0 {
		t.Fatalf("problems: %v", d.Problems)
	}
	for _, w := range d.Warnings {
		if !strings.Contains(w.Error(), "locality") && !strings.Contains(w.Error(), "not among") {
			t.Errorf("warning: %v", w)
		}
	}
	s, err := report.Summarize(report.Options{Inputs: []string{name}, Level: aggregate.LevelProvince})
	if err != nil {
		t.Fatal(err)
	}
	tot := s.Total
	// By hand: funds 150 + 1.5 + 2,000 + 0 + 12.25 + 8 triệu on the first
	// sheet (2,171.75 triệu, as its total row says), and 25 + 100 triệu on
	// the second.
	const funds = 150_000_000 + 1_500_000 + 2_000_000_000 + 12_250_000 + 8_000_000 + 25_000_000 + 100_000_000
	if tot.Models != 8 || tot.FundsVND != funds || tot.Households != 20+10+300+45+12+7+1 || tot.Beneficiaries != 80+35+1200+180+12 {
		t.Errorf("totals: models %d, funds %d, households %d, beneficiaries %d", tot.Models, tot.FundsVND, tot.Households, tot.Beneficiaries)
	}
	if tot.ByField[record.Economy] != 2 || tot.ByField[record.CultureSociety] != 2 || tot.ByField[record.DefenseSecurity] != 2 || tot.ByField[record.PartyBuilding] != 2 {
		t.Errorf("by field: %v", tot.ByField)
	}
	if len(s.Extras) != 0 {
		t.Errorf("extra indicators: %q (STT and Ghi chú are none)", s.Extras)
	}
	if !s.Period.Contains(record.QuarterPeriod(2025, 3)) || s.Period != record.QuarterPeriod(2025, 3) {
		t.Errorf("period %v", s.Period)
	}
	// How each sheet was read.
	var sheets []string
	for _, sh := range d.Sheets {
		var b bytes.Buffer
		b.WriteString(sh.Sheet + ":")
		for _, c := range sh.Columns {
			b.WriteString(" " + c.Key)
		}
		for _, k := range sh.Skipped {
			b.WriteString(" -" + k.Kind)
		}
		if sh.TotalRow > 0 {
			b.WriteString(" total-checked")
			if !sh.TotalMatches {
				b.WriteString("-differs")
			}
		}
		if !sh.PeriodFrom.IsZero() {
			b.WriteString(" period:" + sh.Period.String())
		}
		sheets = append(sheets, b.String())
	}
	want := []string{
		"Quý III-2025: row_number province commune model unit field status period funds_vnd households beneficiaries note -title -column_numbers -total -signature total-checked",
		"Bổ sung: row_number province commune model field funds_vnd households -title period:2025-Q3",
		"Hướng dẫn:",
	}
	if strings.Join(sheets, "\n") != strings.Join(want, "\n") {
		t.Errorf("sheets read as\n%s\nwant\n%s", strings.Join(sheets, "\n"), strings.Join(want, "\n"))
	}
}
