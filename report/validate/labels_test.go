package validate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dvkreport/dvkreport/report/load"
)

// twoModels is a table of two models, 5 in all, 3,000,000 đồng and 30
// households, with a note column; a row of rest follows it.
const twoModels = "STT,Tỉnh,Xã,Tên mô hình,Lĩnh vực,Kỳ báo cáo,Số mô hình,Kinh phí huy động,Số hộ,Ghi chú\n" +
	"1,Lạng Sơn,Xã Bắc Sơn,Mô hình A,Kinh tế,Quý III/2025,2,1.000.000,10,\n" +
	"2,Lạng Sơn,Xã Bắc Sơn,Mô hình B,Kinh tế,Quý III/2025,3,2.000.000,20,\n"

var twoModelsSums = sums{2, 5, 3_000_000, 30}

// csvCell quotes a CSV cell.
func csvCell(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// A total row's label is written in many ways, in any column of names:
// each below, in the row-number, province, commune, model and note
// columns, was summed as a model by a third review (200 cases, 77 with the
// figures doubled, exit 0).
func TestTotalLabels(t *testing.T) {
	labels := []string{"TỔNG CỘNG:", "Tổng cộng:", "Tổng cộng (34 mô hình)", "Cộng I", "Cộng (I)", "Tổng hợp", "TC",
		"Tổng", "Cộng:", "Tổng cộng toàn tỉnh", "TỔNG SỐ", "Tổng cộng 2 xã", "Cộng xã Bắc Sơn", "Toàn tỉnh",
		"Tổng cộng toàn huyện", "Cộng toàn huyện", "Cộng các xã", "Cộng huyện Văn Quan", "Tổng cộng.", "- Tổng cộng",
		"* Tổng cộng", "Tổng cộng Lạng Sơn", "Tổng Cộng", "Tổng  cộng", "Total:", "Grand total", "Sub-total",
		"Sub total", "Subtotal:", "Cộng 2 xã", "Tổng toàn tỉnh", "Toàn tỉnh Lạng Sơn", "Tổng cộng I+II", "Cộng I+II",
		"Tổng số mô hình", "Cộng xã", "Tổng cộng xã Bắc Sơn:", "Cộng phường", "Tổng số (I+II)", "Cộng lĩnh vực kinh tế",
		// A fourth review's: loose wordings, and marks before the label.
		"Tổng cộng chung", "Tổng chung", "Cộng chung", "Tổng cộng các xã, phường", "Tổng cộng 2 xã, phường",
		"Cộng thành phố Lạng Sơn", "Cộng TP Lạng Sơn", "Cộng TT Na Sầm", "Tổng cộng lĩnh vực kinh tế", "Cộng kinh tế",
		"Cộng 2 lĩnh vực", "Cộng: 2 mô hình", "Tổng cộng: 2 mô hình", "Cộng Bắc Sơn", "Tổng Bắc Sơn", "Cộng mục I",
		"Cộng phần I", "Cộng I, II", "Lũy kế", "Cộng dồn", "Tổng số mô hình toàn xã", "Tổng cộng Quý III/2025",
		"Cộng quý III", "Cộng cả năm", "T.Cộng", "T. cộng", "Tổng.cộng", "TỔNG CỘNG*", "Cộng toàn khối",
		"Cộng các đơn vị", "Tổng các đơn vị", "Tổng cộng toàn ngành", "Cộng các hội đoàn thể", "Tổng cộng các mô hình",
		"Cộng các mô hình", "Cộng X. Bắc Sơn", "– Tổng cộng", "—Tổng cộng", "• Tổng cộng", "(Tổng cộng)", "“Tổng cộng”"}
	for _, l := range labels {
		for col, at := range map[string]int{"row number": 0, "province": 1, "commune": 2, "model": 3, "note": 9} {
			cells := []string{"", "Lạng Sơn", "", "", "", "Quý III/2025", "5", "3.000.000", "30", ""}
			cells[at] = l
			for i, c := range cells {
				cells[i] = csvCell(c)
			}
			got, problems := sumOf(t, tables(t, "t.csv", twoModels+strings.Join(cells, ",")+"\n"))
			if len(problems) > 0 || got != twoModelsSums {
				t.Errorf("%q in the %s column: sums %+v, problems %v; want %+v", l, col, got, problems, twoModelsSums)
			}
		}
	}
}

// Names that start like a total's label are data: a model "Toàn xã chung
// sức…" or "Tổng xã hội hóa", a unit "Toàn xã" or "Cộng" beside a model,
// "Trồng đỗ tương" (which folds to "trong do…", like "Trong đó"), a
// row-number cell "Cộng đồng". A third review found each dropped.
func TestNamesLikeLabelsAreData(t *testing.T) {
	head := "STT,Tỉnh,Xã,Đơn vị,Tên mô hình,Lĩnh vực,Kỳ báo cáo,Số mô hình,Kinh phí huy động,Số hộ\n" +
		"1,Lạng Sơn,Xã Bắc Sơn,Hội Phụ nữ,Mô hình A,Kinh tế,Quý III/2025,2,1.000.000,10\n"
	for _, row := range []string{
		"2,Lạng Sơn,Xã Bắc Sơn,Hội Nông dân,Toàn xã chung sức xây dựng nông thôn mới,Kinh tế,Quý III/2025,3,2.000.000,20",
		"2,Lạng Sơn,Xã Bắc Sơn,Hội Nông dân,Toàn phường chung tay,Kinh tế,Quý III/2025,3,2.000.000,20",
		"2,Lạng Sơn,Xã Bắc Sơn,Hội Nông dân,Tổng xã hội hóa,Kinh tế,Quý III/2025,3,2.000.000,20",
		"2,Lạng Sơn,Xã Bắc Sơn,Toàn xã,Mô hình C,Kinh tế,Quý III/2025,3,2.000.000,20",
		"2,Lạng Sơn,Xã Bắc Sơn,Cộng,Mô hình C,Kinh tế,Quý III/2025,3,2.000.000,20",
		"2,Lạng Sơn,Xã Bắc Sơn,Hội Nông dân,Trồng đỗ tương,Kinh tế,Quý III/2025,3,2.000.000,20",
		"2,Lạng Sơn,Xã Bắc Sơn,Hội Nông dân,Cộng đồng tự quản,Kinh tế,Quý III/2025,3,2.000.000,20",
		"Cộng đồng,Lạng Sơn,Xã Bắc Sơn,Hội Nông dân,Mô hình C,Kinh tế,Quý III/2025,3,2.000.000,20",
		"2,Lạng Sơn,Xã Cộng Hòa,Hội Nông dân,Mô hình C,Kinh tế,Quý III/2025,3,2.000.000,20",
		// A fourth review's: "Toàn …" where a model runs, beside its name;
		// a commune's name that reads like a label, without a model.
		"2,Lạng Sơn,Toàn tỉnh,Ban Dân vận,Mô hình C,Kinh tế,Quý III/2025,3,2.000.000,20",
		"2,Lạng Sơn,Toàn xã,Hội Nông dân,Mô hình C,Kinh tế,Quý III/2025,3,2.000.000,20",
		"2,Lạng Sơn,Toàn tỉnh (13 xã),Hội Nông dân,Mô hình C,Kinh tế,Quý III/2025,3,2.000.000,20",
		"2,Hà Nội,Cong Vi,Hội Nông dân,Mô hình C,Kinh tế,Quý III/2025,3,2.000.000,20",
		"2,Hà Nội,Cong Vi,Hội Nông dân,,Kinh tế,Quý III/2025,3,2.000.000,20",
		"2,Hải Phòng,Cộng Hiền,,,Kinh tế,Quý III/2025,3,2.000.000,20",
		"2,Lạng Sơn,Xã Bắc Sơn,Tổng đội TNXP,Mô hình C,Kinh tế,Quý III/2025,3,2.000.000,20",
		"2,Lạng Sơn,Xã Bắc Sơn,Hội Nông dân,Cộng đoàn giáo xứ chung tay,Kinh tế,Quý III/2025,3,2.000.000,20",
	} {
		got, problems := sumOf(t, tables(t, "fp.csv", head+row+"\n"))
		if len(problems) > 0 || got != twoModelsSums {
			t.Errorf("%s: sums %+v, problems %v; want %+v", row, got, problems, twoModelsSums)
		}
	}
}

// A group's row numbered in roman numerals with the sums of its models
// (I | Lạng Sơn | Xã Bắc Sơn | | | 5 | 3.000.000) is a subtotal; without
// figures, a heading; a row numbered ii or c with a model and only another
// indicator's figure is data (a third review found it dropped).
func TestRomanNumberedRows(t *testing.T) {
	csv := "STT,Tỉnh,Xã,Tên mô hình,Lĩnh vực,Kỳ báo cáo,Số mô hình,Kinh phí huy động,Số hộ\n" +
		"I,Lạng Sơn,Xã Bắc Sơn,,,Quý III/2025,5,3.000.000,30\n" +
		"1,Lạng Sơn,Xã Bắc Sơn,Mô hình A,Kinh tế,Quý III/2025,2,1.000.000,10\n" +
		"2,Lạng Sơn,Xã Bắc Sơn,Mô hình B,Kinh tế,Quý III/2025,3,2.000.000,20\n" +
		"II.,Lạng Sơn,Xã Vũ Lễ,,,Quý III/2025,,,\n"
	wantSums(t, "roman group rows", csv, twoModelsSums)
	// A group's row with no member under it is a unit reported in one
	// row: counted.
	csv = "STT,Tỉnh,Xã,Tên mô hình,Lĩnh vực,Kỳ báo cáo,Số mô hình,Kinh phí huy động,Số hộ\n" +
		"I,Lạng Sơn,Xã Bắc Sơn,,,Quý III/2025,2,1.000.000,10\n" +
		"1,Lạng Sơn,Xã Bắc Sơn,Mô hình A,Kinh tế,Quý III/2025,2,1.000.000,10\n" +
		"II,Lạng Sơn,Xã Vũ Lễ,,,Quý III/2025,3,2.000.000,20\n" +
		"III,Lạng Sơn,Xã Chiến Thắng,,,Quý III/2025,4,4.000.000,40\n" +
		"Tổng cộng,,,,,,9,7.000.000,70\n"
	wantSums(t, "groups without members", csv, sums{3, 9, 7_000_000, 70})
	for _, number := range []string{"ii", "c"} {
		csv := "STT,Tỉnh,Xã,Tên mô hình,Lĩnh vực,Kỳ báo cáo,Số mô hình,Kinh phí huy động,Số hộ,Ngày công\n" +
			"1,Lạng Sơn,Xã Bắc Sơn,Mô hình A,Kinh tế,Quý III/2025,2,1.000.000,10,5\n" +
			number + ",Lạng Sơn,Xã Bắc Sơn,Mô hình C,,Quý III/2025,,,,7\n"
		r := Read(tables(t, "h.csv", csv), Options{})
		if len(r.Problems) > 0 || len(r.Dataset.Records) != 2 || r.Dataset.Records[1].Extra[0] != 7 {
			t.Errorf("row %s with another indicator: %d records, problems %v; want 2, the second with 7", number, len(r.Dataset.Records), r.Problems)
		}
	}
}

// A row that breaks the figures of the row above down ("Trong đó: ngân
// sách nhà nước"), under a province and a period merged down, is never a
// model: a third review found it counted, its funds summed twice.
func TestBreakdownRows(t *testing.T) {
	tab := &load.Table{File: "s.xlsx", Sheet: "S", Rows: []load.Row{
		load.NewRow(1, []string{"STT", "Tỉnh", "Xã", "Tên mô hình", "Lĩnh vực", "Kỳ báo cáo", "Số mô hình", "Kinh phí huy động", "Số hộ"}...),
		load.NewRow(2, []string{"1", "Lạng Sơn", "Xã Bắc Sơn", "Mô hình A", "Kinh tế", "Quý III/2025", "2", "1000000", "10"}...),
		load.NewRow(3, []string{"", "", "", "Trong đó: ngân sách nhà nước", "", "", "", "400000"}...),
		load.NewRow(4, []string{"", "", "", "- Trong số này, hộ nghèo", "", "", "", "", "4"}...),
		load.NewRow(5, []string{"2", "", "Xã Bắc Sơn", "Mô hình B", "Kinh tế", "", "3", "2000000", "20"}...),
	}, Merged: []load.Range{
		{FirstRow: 2, FirstCol: 2, LastRow: 5, LastCol: 2},
		{FirstRow: 2, FirstCol: 6, LastRow: 5, LastCol: 6},
	}}
	r := Read([]*load.Table{tab}, Options{})
	got, problems := sumOf(t, []*load.Table{tab})
	if len(problems) > 0 || got != twoModelsSums {
		t.Errorf("sums %+v, problems %v; want %+v", got, problems, twoModelsSums)
	}
	var kinds []string
	for _, s := range r.Sheets[0].Skipped {
		kinds = append(kinds, s.Kind)
	}
	if strings.Join(kinds, " ") != "breakdown" {
		t.Errorf("skipped %q, want one run of breakdown rows", kinds)
	}
}

// A figure merged over rows is refused whatever it is written as: "3
// triệu", "3.000.000 đ" and "1,5 tỷ" read as money, and counted once for
// rows that each had their own (a third review).
func TestMergedFigureWithUnit(t *testing.T) {
	for _, v := range []string{"3 triệu", "3.000.000 đ", "1,5 tỷ", "~3.000.000"} {
		tab := &load.Table{File: "f.xlsx", Sheet: "S", Rows: []load.Row{
			load.NewRow(1, []string{"STT", "Tỉnh", "Xã", "Tên mô hình", "Lĩnh vực", "Kỳ báo cáo", "Số mô hình", "Kinh phí huy động", "Số hộ"}...),
			load.NewRow(2, []string{"1", "Lạng Sơn", "Xã Bắc Sơn", "Mô hình A", "Kinh tế", "Quý III/2025", "2", v, "10"}...),
			load.NewRow(3, []string{"2", "Lạng Sơn", "Xã Bắc Sơn", "Mô hình B", "Kinh tế", "Quý III/2025", "3", "", "20"}...),
		}, Merged: []load.Range{{FirstRow: 2, FirstCol: 8, LastRow: 3, LastCol: 8}}}
		_, problems := Tables([]*load.Table{tab})
		if len(problems) != 1 || problems[0].Pos.Row != 2 || problems[0].Pos.Col != 8 || problems[0].Msg.Key != "validate.merged_figure" {
			t.Errorf("%q merged over two rows: problems %v; want the cell H2 refused", v, problems)
		}
	}
}

// Columns of numbers that are no quantity, as a third review wrote them:
// none is summed. Ngày công, a year's and a month's figures still are.
func TestIdentifierHeaders(t *testing.T) {
	for h, want := range map[string]bool{
		"Năm thực hiện": true, "Số CCCD": true, "Năm được công nhận": true, "Năm áp dụng": true, "Năm hình thành": true,
		"Năm TL/XD": true, "Năm, tháng thành lập": true, "Số tài khoản": true, "Quyết định số": true, "Số QĐ": true,
		"Số fax": true, "Zalo": true, "Số Zalo": true, "Ngày ký": true, "Tháng triển khai": true, "Mã xã": true,
		"Ngày công": false, "Ngày công lao động": false, "Nam": false, "Năm 2025": false, "Tháng 7": false,
		"Số nhà xây mới": false, "Số tiền hỗ trợ": false, "Kinh phí theo quyết định": false,
		// A fourth review's.
		"Nam thuc hien": true, "So QD": true, "So dien thoai": true, "Dien thoai": true, "Nam sinh": true,
		"Số CMT": true, "Số định danh": true, "Kế hoạch số": true, "Số KH": true, "Nghị quyết số": true, "Số NQ": true,
		"Số GCN": true, "Số hợp đồng": true, "Thôn số": true, "Tổ dân phố số": true, "Từ năm": true,
		"Thực hiện từ năm": true, "Khởi công năm": true, "Số đăng ký": true, "Số giấy phép": true, "Số hồ sơ": true,
		"Số công văn": true, "Nhiệm kỳ": true, "STT mô hình": true, "TT xã": true,
		"Số tài khoản định danh điện tử được kích hoạt": false, "Số hộ mở tài khoản thanh toán": false,
		"Số thành viên nhóm Zalo": false, "Số người được cấp CCCD": false, "Số hộ có điện thoại thông minh": false,
		"Ngày hội (lượt người)": false, "Năm trước": false,
		// Places in a list, ranks and scores.
		"Số thứ tự mô hình": true, "Xếp loại": true, "Thứ hạng": true, "Mức độ": true, "Điểm": true, "Điểm đánh giá": true,
		"Xep loai": true, "So thu tu mo hinh": true, "Diem": true, "Tỷ lệ (%)": true, "Tỷ lệ hộ tham gia": true, "Ty le": true,
		"Kết quả (%)": true, "Hạng mục công trình": false, "Hạng": true, "Hang": true,
		"Số hộ thoát nghèo trong năm": false, "Số cuộc họp dân trong năm": false, "Tổng số": false, "Số người tham gia / Tổng số": false,
		"Hộ nghèo cuối năm": false, "So ho trong nam": false,
		"Điểm sinh hoạt": false, "Số điểm trường": false, "Hàng rào (m)": false, "Hàng cây (cây)": false,
		// A twenty-fourth review's: an age, a house's number, a place on
		// the map, an hour; the houses built and the hours worked are
		// quantities.
		"Tuổi": true, "Tuổi (năm)": true, "Độ tuổi": true, "Số nhà": true, "Kinh độ": true, "Vĩ độ": true,
		"Tọa độ (X)": true, "Giờ": true, "Tuoi": true, "So nha": true, "Kinh do": true, "Vi do": true,
		"Số nhà được sửa": false, "Giờ công": false, "Số giờ tình nguyện": false, "Tuổi trẻ tham gia": false,
		// A twenty-fifth review's: quantities still.
		"Số nhà (căn)": false, "Số nhà, công trình": false, "Số nhà/hộ được hỗ trợ": false, "Số nhà - xây mới": false,
		"Giờ (công)": false, "So nha (can)": false,
	} {
		if got := identifier(h); got != want {
			t.Errorf("identifier(%q) = %v, want %v", h, got, want)
		}
	}
}

// A unit line above the table ("ĐVT: triệu đồng") applies to the columns
// of money, as a third review wrote them, and to no count that speaks of
// money: it scaled "Hộ vay vốn" and "Lượt người được hỗ trợ tiền mặt" a
// millionfold, and left "So tien doi ung" and "Số  tiền hỗ trợ" in đồng.
func TestMoneyHeaders(t *testing.T) {
	for h, want := range map[string]bool{
		"Số tiền hỗ trợ": true, "Số  tiền hỗ trợ": true, "So tien doi ung": true, "Kinh phi dan gop": true,
		"Số kinh phí đối ứng": true, "Số giá trị hiện vật": true, "Trị giá quà tặng": true, "Ngân sách xã": true,
		"Số vốn vay": true, "Giá trị hiện vật": true, "Ho tro kinh phi": true, "Kinh phí hỗ trợ/hộ": true,
		"Hộ vay vốn": false, "Vốn vay, hộ": false, "Vốn vay (hộ)": false, "Lượt người được hỗ trợ tiền mặt": false,
		"Hộ được hỗ trợ vốn": false, "Tỷ lệ tăng giá trị (%)": false, "Số hộ được hỗ trợ tiền": false,
		"Số gia đình tiên tiến": false, "Số sáng kiến": false, "Ho vay von": false, "So ho vay von": false,
		// A fourth review's.
		"Xã hội hóa": true, "Nhân dân đóng góp": true, "Ủng hộ": true, "Tài trợ": true, "Quỹ vì người nghèo": true,
		"Hiện vật quy đổi": true, "Tổ vay vốn": false, "Tổ tiết kiệm vay vốn": false, "Thành viên vay vốn": false,
		"Hội viên vay vốn": false, "Lao động được vay vốn": false, "Mô hình có vốn": false,
		"Gia đình được hỗ trợ vốn": false, "Nguồn lực (ngày công)": false, "Vốn vay (lượt hộ)": false,
		"Đóng góp ngày công": false, "Tien do thuc hien": false,
	} {
		if got := moneyHeader(h); got != want {
			t.Errorf("moneyHeader(%q) = %v, want %v", h, got, want)
		}
	}
	csv := "ĐVT: triệu đồng\n" +
		"STT,Tỉnh,Tên mô hình,Lĩnh vực,Kỳ báo cáo,Số mô hình,Kinh phí huy động,Hộ vay vốn,\"Vốn vay, hộ\",So tien doi ung,Số  tiền hỗ trợ\n" +
		"1,Lạng Sơn,Mô hình A,Kinh tế,Quý III/2025,2,1,3,4,2,2\n"
	r := Read(tables(t, "m.csv", csv), Options{})
	if len(r.Problems) > 0 {
		t.Fatal(r.Problems)
	}
	got := map[string]int64{}
	for k, name := range r.Dataset.Extras {
		got[name] = r.Dataset.Records[0].Extra[k]
	}
	if r.Dataset.Records[0].FundsVND != 1_000_000 || got["Hộ vay vốn"] != 3 || got["Vốn vay, hộ"] != 4 ||
		got["So tien doi ung (đồng)"] != 2_000_000 || got["Số tiền hỗ trợ (đồng)"] != 2_000_000 {
		t.Errorf("funds %d, indicators %v; want 1,000,000 đồng, 3 and 4 households, 2,000,000 đồng twice", r.Dataset.Records[0].FundsVND, got)
	}
}

// Under a signature block, a line with nothing but a province's name (the
// place of the stamp) is part of it, not a row that lacks its period; a
// model's row that names a province after a note line is still data.
func TestProvinceLineUnderSignature(t *testing.T) {
	csv := twoModels +
		",\"Lạng Sơn, ngày 15 tháng 10 năm 2025\",,,,,,,,\n" +
		",NGƯỜI LẬP BIỂU,,,,,,TRƯỞNG BAN,,\n" +
		",Lạng Sơn,,,,,,,,\n"
	wantSums(t, "province line under a signature", csv, twoModelsSums)
	csv = "BÁO CÁO MÔ HÌNH QUÝ III/2025\n" +
		"Tỉnh,Xã,Tên mô hình,Lĩnh vực,Số mô hình,Kinh phí huy động\n" +
		"Lạng Sơn,Xã Bắc Sơn,Mô hình A,Kinh tế,2,1000000\n" +
		"Ghi chú: số liệu tạm tính,,,,,\n" +
		"Lạng Sơn,Xã Bắc Sơn,Mô hình B,,,\n"
	wantSums(t, "a model after a note line", csv, sums{2, 3, 1_000_000, 0})
}

// A total row whose model cell holds a placeholder ("x", "-") or a count
// ("2 mô hình") names no model: its label in the unit's or the note's
// column makes it a total (a fourth review found it summed).
func TestTotalBesidePlaceholders(t *testing.T) {
	head := "STT,Tỉnh,Xã,Đơn vị,Tên mô hình,Lĩnh vực,Kỳ báo cáo,Số mô hình,Kinh phí huy động,Số hộ,Ghi chú\n" +
		"1,Lạng Sơn,Xã Bắc Sơn,Hội Phụ nữ,Mô hình A,Kinh tế,Quý III/2025,2,1.000.000,10,\n" +
		"2,Lạng Sơn,Xã Bắc Sơn,Hội Nông dân,Mô hình B,Kinh tế,Quý III/2025,3,2.000.000,20,\n"
	for _, row := range []string{
		",Lạng Sơn,,Tổng cộng,x,,Quý III/2025,5,3.000.000,30,",
		",Lạng Sơn,,Cộng,-,,Quý III/2025,5,3.000.000,30,",
		",Lạng Sơn,,Tổng cộng,2 mô hình,,Quý III/2025,5,3.000.000,30,",
		",Lạng Sơn,,,x,,Quý III/2025,5,3.000.000,30,Tổng cộng",
		",Lạng Sơn,,Cộng các hội,x,,Quý III/2025,5,3.000.000,30,",
	} {
		if got, problems := sumOf(t, tables(t, "x.csv", head+row+"\n")); len(problems) > 0 || got != twoModelsSums {
			t.Errorf("%s: sums %+v, problems %v; want %+v", row, got, problems, twoModelsSums)
		}
	}
}

// A row with no model's name and no figure is no model, in a table with a
// column of models or of counts: a template's rows numbered in advance, a
// commune's or a field's heading over its models (each counted one model
// before); a dash is nothing, as Vietnamese tables write it, not a
// negative number.
func TestBlankRows(t *testing.T) {
	for _, rows := range []string{
		"3,Lạng Sơn,,,,Quý III/2025,,,,\n4,Lạng Sơn,,,,Quý III/2025,,,,\n",
		"3,Lạng Sơn,Xã Vũ Lễ,,,Quý III/2025,-,-,-,\n",
		",Lạng Sơn,Xã Vũ Lễ,,Kinh tế,Quý III/2025,,,,\n",
	} {
		if got, problems := sumOf(t, tables(t, "b.csv", twoModels+rows)); len(problems) > 0 || got != twoModelsSums {
			t.Errorf("%q: sums %+v, problems %v; want %+v", rows, got, problems, twoModelsSums)
		}
	}
	// Dashes in a model's row read as nothing.
	got, problems := sumOf(t, tables(t, "d.csv", twoModels+"3,Lạng Sơn,Xã Vũ Lễ,Mô hình C,Kinh tế,Quý III/2025,-,-,–,\n"))
	if len(problems) > 0 || got != (sums{3, 6, 3_000_000, 30}) {
		t.Errorf("dashes: sums %+v, problems %v; want 3 rows, 6 models", got, problems)
	}
	// With neither a model's nor a count's column, each row is a model.
	csv := "Tỉnh,Xã,Lĩnh vực,Kỳ báo cáo\nLạng Sơn,Xã Bắc Sơn,Kinh tế,Quý III/2025\nLạng Sơn,Xã Vũ Lễ,Kinh tế,Quý III/2025\n"
	if got, problems := sumOf(t, tables(t, "m.csv", csv)); len(problems) > 0 || got.count != 2 {
		t.Errorf("rows without models' or counts' columns: sums %+v, problems %v; want 2 models", got, problems)
	}
}

// wantSums checks what a CSV table's records add up to.
func wantSums(t *testing.T, what, csv string, want sums) {
	t.Helper()
	if got, problems := sumOf(t, tables(t, "t.csv", csv)); len(problems) > 0 || got != want {
		t.Errorf("%s: sums %+v, problems %v; want %+v", what, got, problems, want)
	}
}

// Text read in the wrong charset is a problem that gives the text it was;
// letters a charset without Vietnamese lost ("L?ng S?n") are one in a
// name. Vietnamese written right, a Latin-1 name and a question are none
// (a twenty-fourth review found such registers reported, exit 0).
func TestMisreadText(t *testing.T) {
	for s, want := range map[string]string{
		"Láº¡ng SÆ¡n": "Lạng Sơn", "Há»™i Phá»¥ ná»¯": "Hội Phụ nữ", "Thá»‹ tráº¥n Báº¯c SÆ¡n": "Thị trấn Bắc Sơn",
		"Lạng Sơn": "", "Xã Bắc Sơn": "", "Café Hà Nội": "", "Mô hình “Dân vận khéo”": "", "Tổ tự quản – số 3": "",
		"Vì sao?": "", "Ã": "", "ASCII only": "",
		// Right as written, though their bytes would be UTF-8 (a
		// twenty-fifth review).
		"Ô…": "", "CÔ”": "", "Ý–": "", "MÃ—": "",
	} {
		got, ok := misread(s)
		if ok != (want != "") || got != want {
			t.Errorf("misread(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
	// A locality's text is checked as one though the same text came
	// first as another name's (a unit's), which is not checked for lost
	// letters: the problem depended on the order of the rows.
	head := "province,commune,unit,model,field,status,period,count\n"
	unitFirst := head + "Lạng Sơn,Xã Bắc Sơn,Xã H?a An,Tổ tự quản,Kinh tế,Mới,2025-Q3,1\n" +
		"Lạng Sơn,Xã H?a An,Hội Phụ nữ,Vườn mẫu,Kinh tế,Mới,2025-Q3,1\n"
	if _, problems := Tables(tables(t, "u.csv", unitFirst)); len(problems) != 1 ||
		problems[0].Pos.Row != 3 || !strings.Contains(problems[0].Error(), "H?a") {
		t.Errorf("a commune's lost letters after a unit of the same text: problems %v, want one at row 3", problems)
	}
	for s, want := range map[string]bool{
		"L?ng S?n": true, "Th? tr?n B?c S?n": true, "Huy??n": true,
		"Lạng Sơn": false, "Vì sao?": false, "? Bắc Sơn": false, "A ? B": false,
	} {
		if got := lostLetters(s); got != want {
			t.Errorf("lostLetters(%q) = %v, want %v", s, got, want)
		}
	}
}

// A field's, a unit's, a status' or a period's row in the model's
// column, numbered as a section or not ("I. Lĩnh vực kinh tế", "A- KINH
// TẾ", "Hội Nông dân xã", "Mô hình xây dựng mới", "Quý III/2025"), with
// its models' sums or no figure, is a group's row, not a model: read as
// one, each doubled its models under a signature (7 models for 4 with exit
// 0, and one model more for each heading without figures). Mistyped, it is
// refused. A model whose name only starts so is data.
func TestHeadingLabels(t *testing.T) {
	head := "STT,Tỉnh,Xã,Tên mô hình,Lĩnh vực,Kỳ báo cáo,Số mô hình,Kinh phí huy động,Số hộ\n"
	sections := func(first, firstFigures, second, secondFigures string) string {
		return head + ",Lạng Sơn,Xã Bắc Sơn," + first + ",,Quý III/2025," + firstFigures + "\n" +
			"1,Lạng Sơn,Xã Bắc Sơn,Mô hình A,Kinh tế,Quý III/2025,2,1.000.000,10\n" +
			"2,Lạng Sơn,Xã Bắc Sơn,Mô hình B,Kinh tế,Quý III/2025,3,2.000.000,20\n" +
			",Lạng Sơn,Xã Bắc Sơn," + second + ",,Quý III/2025," + secondFigures + "\n" +
			"1,Lạng Sơn,Xã Bắc Sơn,Mô hình C,Văn hóa - xã hội,Quý III/2025,1,500.000,5\n" +
			"2,Lạng Sơn,Xã Bắc Sơn,Mô hình D,Văn hóa - xã hội,Quý III/2025,1,500.000,5\n"
	}
	want := sums{4, 7, 4_000_000, 40}
	for _, labels := range [][2]string{
		{"I. Lĩnh vực kinh tế", "II. Lĩnh vực văn hóa - xã hội"},
		{"I. LĨNH VỰC KINH TẾ", "II. LĨNH VỰC VĂN HÓA - XÃ HỘI"},
		{"I. Kinh tế", "II. Văn hóa - Xã hội"},
		{"I) Kinh tế", "II) Văn hóa"},
		{"A- Lĩnh vực kinh tế", "B- Lĩnh vực văn hóa - xã hội"},
		{"A. KINH TẾ", "B. VĂN HÓA - XÃ HỘI"},
		{"a/ Kinh tế", "b/ Văn hóa - xã hội"},
		{"I – Kinh tế", "II – Văn hóa - xã hội"},
		{"I Lĩnh vực kinh tế", "II Lĩnh vực văn hóa - xã hội"},
		{"Lĩnh Vực Kinh Tế", "Lĩnh Vực Văn Hóa"},
		{"Lĩnh vực: Kinh tế", "Lĩnh vực: Văn hóa - xã hội"},
		{"- I. Lĩnh vực kinh tế:", "- II. Lĩnh vực văn hóa - xã hội:"},
		{"Hội Nông dân", "Hội Liên hiệp Phụ nữ"},
		{"1. Hội Nông dân xã", "2. Hội LHPN xã"},
		{"Ủy ban MTTQ xã Bắc Sơn:", "Đoàn Thanh niên xã Bắc Sơn:"},
		{"I. HỘI CỰU CHIẾN BINH", "II. CÔNG AN XÃ"},
		{"Mô hình xây dựng mới", "Mô hình duy trì"},
		{"I. Các mô hình mới trong quý", "II. Các mô hình tiếp tục duy trì"},
		{"Mô hình xây dựng mới", `"Mô hình đã có, tiếp tục duy trì"`},
		{"Quý III/2025", "Quý III năm 2025"},
		{"Tháng 8/2025", "Tháng 9 năm 2025"},
		{"I. Cấp tỉnh", "II. Cấp xã"},
		{"CẤP HUYỆN:", "CẤP CƠ SỞ:"},
		{"Phần I. Lĩnh vực kinh tế", "Phần II. Lĩnh vực văn hóa - xã hội"},
		{"Mục 1. Kinh tế", "Mục 2: Văn hóa - xã hội"},
		{"KINH TẾ", "VĂN HÓA - XÃ HỘI"},
	} {
		wantSums(t, labels[0]+" with sums", sections(labels[0], "5,3.000.000,30", labels[1], "2,1.000.000,10"), want)
		wantSums(t, labels[0]+" without figures", sections(labels[0], ",,", labels[1], ",,"), want)
		for _, mistyped := range []string{"6,3.000.000,30", "5,3.100.000,30"} {
			r := Read(tables(t, "t.csv", sections(labels[0], mistyped, labels[1], "2,1.000.000,10")), Options{})
			if len(r.Problems) != 1 || !strings.Contains(r.Problems[0].Error(), "t.csv:2:") {
				t.Errorf("%s mistyped (%s): problems %v; want one, at row 2", labels[0], mistyped, r.Problems)
			}
		}
	}
	for _, model := range []string{"I. Nuôi bò sinh sản", "A. Kinh tế tập thể", "Kinh tế hộ gia đình", "Lợn sạch",
		"Lĩnh vực", "Xây dựng Đảng", "V. Đảng viên giúp nhau", "Hội Nông dân chung sức xây dựng nông thôn mới",
		"Chi bộ 4 tốt", "Công an xã chính quy", "Mô hình mới về nuôi bò", "Mô hình", "Quý hóa tình làng nghĩa xóm",
		"Hội phụ nữ với an toàn giao thông", "Cộng đồng tự quản", "Mặt trận với người nghèo", "Phần mềm quản lý hộ nghèo",
		"Mục tiêu giảm nghèo", "Phần việc thanh niên", "An toàn giao thông", "Văn hóa đọc", "Quốc phòng toàn dân",
		"Cấp nước sạch", "Cấp xã kiểu mẫu", "Mô hình đã có nhà vệ sinh", "Mô hình đã xây dựng xong", "Tháng thanh niên", "Tháng hành động vì người nghèo"} {
		wantSums(t, model, head+"1,Lạng Sơn,Xã Bắc Sơn,"+model+",Kinh tế,Quý III/2025,2,1.000.000,10\n", sums{1, 2, 1_000_000, 10})
	}
}

// A commune's or a district's name with its unit's type in the model's
// column ("Xã Bắc Sơn", "II. Phường Đông Kinh", "Huyện Văn Quan"), over
// its models, is its group's row: with their sums, or without figures
// (a heading), it was counted as a model beside them (7 models for 4 with
// exit 0; a heading as one model). Mistyped, it is refused. Communes
// reported in one row each, with no models under them, are counted, and
// "Xã hội hóa…" is a model's name.
func TestPlaceHeadings(t *testing.T) {
	const commune = "Tỉnh,Xã,Tên mô hình,Lĩnh vực,Kỳ báo cáo,Số mô hình,Kinh phí huy động,Số hộ\n"
	const noCommune = "Tỉnh,Tên mô hình,Lĩnh vực,Kỳ báo cáo,Số mô hình,Kinh phí huy động,Số hộ\n"
	two := func(withCommune bool, first, firstFigures, second, secondFigures string) string {
		row := func(commune, rest string) string {
			if withCommune {
				return "Lạng Sơn," + commune + "," + rest + "\n"
			}
			return "Lạng Sơn," + rest + "\n"
		}
		head := noCommune
		if withCommune {
			head = commune
		}
		return head + row("", first+",,Quý III/2025,"+firstFigures) +
			row("Xã Bắc Sơn", "Mô hình A,Kinh tế,Quý III/2025,2,1.000.000,10") +
			row("Xã Bắc Sơn", "Mô hình B,Kinh tế,Quý III/2025,3,2.000.000,20") +
			row("", second+",,Quý III/2025,"+secondFigures) +
			row("Xã Vũ Lễ", "Mô hình C,Văn hóa - xã hội,Quý III/2025,1,500.000,5") +
			row("Xã Vũ Lễ", "Mô hình D,Văn hóa - xã hội,Quý III/2025,1,500.000,5")
	}
	want := sums{4, 7, 4_000_000, 40}
	for _, headings := range [][2]string{
		{"Xã Bắc Sơn", "Xã Vũ Lễ"},
		{"I. Xã Bắc Sơn", "II. Xã Vũ Lễ"},
		{"XÃ BẮC SƠN", "XÃ VŨ LỄ"},
		{"X. Bắc Sơn", "X. Vũ Lễ"},
		{"- Xã Bắc Sơn:", "- Xã Vũ Lễ:"},
		{"Huyện Bắc Sơn", "Huyện Văn Quan"},
		{"Xa Bac Son", "Xa Vu Le"},
		{"Xã Bắc Sơn (02 mô hình)", "Xã Vũ Lễ (02 mô hình)"},
		{"Phần I. Xã Bắc Sơn:", "Phần II. Xã Vũ Lễ:"},
	} {
		for _, withCommune := range []bool{false, true} {
			what := fmt.Sprintf("%s (commune column %v)", headings[0], withCommune)
			wantSums(t, what+" with sums", two(withCommune, headings[0], "5,3.000.000,30", headings[1], "2,1.000.000,10"), want)
			wantSums(t, what+" without figures", two(withCommune, headings[0], ",,", headings[1], ",,"), want)
			r := Read(tables(t, "t.csv", two(withCommune, headings[0], "5,3.100.000,30", headings[1], "2,1.000.000,10")), Options{})
			if len(r.Problems) != 1 || !strings.Contains(r.Problems[0].Error(), "t.csv:2:") {
				t.Errorf("%s mistyped: problems %v; want one, at row 2", what, r.Problems)
			}
		}
	}
	// Communes in one row each, a field's models, and names that start
	// with a unit's type: models.
	wantSums(t, "communes in one row each", noCommune+
		"Lạng Sơn,Xã Bắc Sơn,Kinh tế,Quý III/2025,5,3.000.000,30\n"+
		"Lạng Sơn,Xã Vũ Lễ,Kinh tế,Quý III/2025,2,1.000.000,10\n"+
		"Lạng Sơn,Xã Chiến Thắng,Kinh tế,Quý III/2025,4,4.000.000,40\n", sums{3, 11, 8_000_000, 80})
	wantSums(t, "a commune's row that is the sum of the two above", noCommune+
		"Lạng Sơn,Xã Bắc Sơn,Kinh tế,Quý III/2025,2,1.000.000,10\n"+
		"Lạng Sơn,Xã Vũ Lễ,Kinh tế,Quý III/2025,3,2.000.000,20\n"+
		"Lạng Sơn,Xã Chiến Thắng,Kinh tế,Quý III/2025,5,3.000.000,30\n", sums{3, 10, 6_000_000, 60})
	for _, model := range []string{"Xã hội hóa giáo dục", "Xã Vũ Lễ văn minh", "Phường an toàn giao thông", "Thị trấn sạch đẹp", "Huyện đoàn xung kích"} {
		wantSums(t, model, noCommune+"Lạng Sơn,"+model+",Kinh tế,Quý III/2025,2,1.000.000,10\n"+
			"Lạng Sơn,Mô hình B,Kinh tế,Quý III/2025,3,2.000.000,20\n"+
			"Lạng Sơn,Mô hình C,Kinh tế,Quý III/2025,4,3.000.000,30\n", sums{3, 9, 6_000_000, 60})
	}
}
