package validate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dvkreport/dvkreport/report/load"
)

// sums is what a table's records add up to.
type sums struct{ records, count, funds, households int64 }

func sumOf(t *testing.T, tabs []*load.Table) (sums, Problems) {
	t.Helper()
	ds, problems := Tables(tabs)
	var s sums
	for _, r := range ds.Records {
		s.records++
		s.count += r.Count
		s.funds += r.FundsVND
		s.households += r.Households
	}
	return s, problems
}

// Total and subtotal rows are never summed, whatever they carry: a
// province and a period (they were read as data, and each doubled the
// figures with exit 0), the total's words in the province's column, or a
// subtotal's in the commune's. Model names that start with the same
// words are data.
func TestTotalRowsWithProvinceAndPeriod(t *testing.T) {
	const head = "STT,Tỉnh,Xã,Đơn vị,Tên mô hình,Lĩnh vực,Tình trạng,Kỳ báo cáo,Số mô hình,Kinh phí huy động (đồng),Số hộ\n" +
		"1,Lạng Sơn,Xã Bắc Sơn,Hội Nông dân,Nuôi bò,Kinh tế,Xây dựng mới,Quý III/2025,1,100.000.000,10\n" +
		"2,Lạng Sơn,Xã Bắc Sơn,Hội Phụ nữ,Tổ vệ sinh,Văn hóa - Xã hội,Duy trì,Quý III/2025,1,50.000.000,20\n"
	for _, tc := range []struct {
		name, rows string
		want       sums
	}{
		{"subtotal with province and period", "Cộng,Lạng Sơn,,,,,,Quý III/2025,2,150.000.000,30\n", sums{2, 2, 150_000_000, 30}},
		{"total with province and period", "Tổng cộng,Lạng Sơn,,,,,,Quý III/2025,2,150.000.000,30\n", sums{2, 2, 150_000_000, 30}},
		{"total in the province's column", ",Tổng cộng,,,,,,Quý III/2025,2,150.000.000,30\n", sums{2, 2, 150_000_000, 30}},
		{"TOÀN TỈNH in the province's column", ",TOÀN TỈNH,,,,,,Quý III/2025,2,150.000.000,30\n", sums{2, 2, 150_000_000, 30}},
		{"subtotal in the commune's column", ",Lạng Sơn,Cộng xã Bắc Sơn,,,,,Quý III/2025,2,150.000.000,30\n", sums{2, 2, 150_000_000, 30}},
		{"total in the commune's column", ",Lạng Sơn,Tổng cộng,,,,,,2,150.000.000,30\n", sums{2, 2, 150_000_000, 30}},
		{"models named like totals are data",
			"3,Lạng Sơn,Xã Bắc Sơn,Đoàn Thanh niên,Tổng vệ sinh môi trường,Văn hóa - Xã hội,Duy trì,Quý III/2025,1,5.000.000,4\n" +
				"4,Lạng Sơn,Xã Bắc Sơn,Hội Cựu chiến binh,Cộng đồng chung tay,Kinh tế,Duy trì,Quý III/2025,1,7.000.000,6\n",
			sums{4, 4, 162_000_000, 40}},
		{"a commune named Cộng Hòa is data", "3,Lạng Sơn,Cộng Hòa,Hội Nông dân,Nuôi dê,Kinh tế,Duy trì,Quý III/2025,1,1.000.000,1\n",
			sums{3, 3, 151_000_000, 31}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, problems := sumOf(t, tables(t, "t.csv", head+tc.rows))
			if len(problems) > 0 {
				t.Fatalf("problems: %v", problems)
			}
			if got != tc.want {
				t.Errorf("sums %+v, want %+v", got, tc.want)
			}
		})
	}
}

// A row with figures is never taken for a line of the signature block,
// whatever its text ("Ngày Chủ nhật xanh", "Bí thư chi bộ gương mẫu"),
// and so never dropped with the rows after it: a row that lacks its
// province is an error that says so.
func TestSignatureWordsInData(t *testing.T) {
	csv := "Tỉnh,Xã,Đơn vị,Tên mô hình,Lĩnh vực,Kỳ báo cáo,Số mô hình,Kinh phí huy động (đồng)\n" +
		"Lạng Sơn,Xã Bắc Sơn,Hội ND,Nuôi bò,Kinh tế,Quý III/2025,1,1000000\n" +
		",Xã Bắc Sơn,Đoàn Thanh niên,Ngày Chủ nhật xanh,Văn hóa - Xã hội,Quý III/2025,1,2000000\n" +
		",Xã Bắc Sơn,Hội PN,Tổ phụ nữ tự quản,Văn hóa - Xã hội,Quý III/2025,1,4000000\n" +
		"Lạng Sơn,Xã Vũ Lễ,Hội ND,Nuôi dê,Kinh tế,Quý III/2025,1,8000000\n" +
		",,,,,,,\n" +
		",,,Người lập biểu,,,Thủ trưởng đơn vị,\n" +
		",,,Nguyễn Văn A,,,(Ký tên, đóng dấu),\n"
	_, problems := sumOf(t, tables(t, "sig.csv", csv))
	if len(problems) != 2 || problems[0].Pos.Row != 3 || problems[1].Pos.Row != 4 {
		t.Fatalf("problems %v, want the missing province of rows 3 and 4", problems)
	}
	// With its period in the title and no field, a row is still data.
	csv = "BÁO CÁO MÔ HÌNH DÂN VẬN KHÉO QUÝ III/2025\n" +
		"Tỉnh,Xã,Đơn vị,Tên mô hình,Lĩnh vực,Số mô hình,Kinh phí huy động (đồng)\n" +
		"Lạng Sơn,Xã Bắc Sơn,Hội ND,Nuôi bò,Kinh tế,1,1000000\n" +
		"Lạng Sơn,Xã Bắc Sơn,Đoàn Thanh niên,Ngày Chủ nhật xanh,,1,2000000\n" +
		"Lạng Sơn,Xã Bắc Sơn,Hội PN,Tổ phụ nữ tự quản,,1,4000000\n" +
		"Lạng Sơn,Xã Vũ Lễ,Hội ND,Nuôi dê,Kinh tế,1,8000000\n"
	got, problems := sumOf(t, tables(t, "sig1.csv", csv))
	if len(problems) > 0 || got != (sums{4, 4, 15_000_000, 0}) {
		t.Errorf("sums %+v, problems %v; want 4 records, 15,000,000", got, problems)
	}
}

// A province's (or commune's, unit's…) cell merged down its rows names
// every row; a figure merged over rows counts once.
func TestMergedCellsInData(t *testing.T) {
	tab := &load.Table{File: "w.xlsx", Sheet: "S", Rows: []load.Row{
		load.NewRow(1, []string{"Tỉnh", "Xã", "Đơn vị", "Tên mô hình", "Lĩnh vực", "Kỳ báo cáo", "Số mô hình", "Kinh phí huy động (đồng)"}...),
		load.NewRow(2, []string{"Lạng Sơn", "Xã Bắc Sơn", "Hội ND", "Nuôi bò", "Kinh tế", "Quý III/2025", "1", "1000000"}...),
		load.NewRow(3, []string{"", "", "Chi bộ thôn", "Bí thư chi bộ gương mẫu", "Xây dựng Đảng", "Quý III/2025", "1", "2000000"}...),
		load.NewRow(4, []string{"", "Xã Vũ Lễ", "Hội PN", "Tổ phụ nữ tự quản", "Văn hóa - Xã hội", "Quý III/2025", "1", "4000000"}...),
		load.NewRow(5, []string{"", "", "Hội ND", "Nuôi dê", "Kinh tế", "Quý III/2025", "1"}...),
	}, Merged: []load.Range{
		{FirstRow: 2, FirstCol: 1, LastRow: 5, LastCol: 1}, // Lạng Sơn
		{FirstRow: 2, FirstCol: 2, LastRow: 3, LastCol: 2}, // Xã Bắc Sơn
		{FirstRow: 4, FirstCol: 2, LastRow: 5, LastCol: 2}, // Xã Vũ Lễ
	}}
	ds, problems := Tables([]*load.Table{tab})
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	var funds int64
	communes := map[string]int{}
	for _, r := range ds.Records {
		if r.Province != "Lạng Sơn" {
			t.Errorf("row %d: province %q", r.Row, r.Province)
		}
		communes[r.Commune]++
		funds += r.FundsVND
	}
	if len(ds.Records) != 4 || funds != 7_000_000 || communes["Xã Bắc Sơn"] != 2 || communes["Xã Vũ Lễ"] != 2 {
		t.Errorf("%d records, funds %d, communes %v; want 4, 7,000,000, two each", len(ds.Records), funds, communes)
	}
	// A figure merged over rows is nobody's: a count of 3 over three
	// models' rows was 3 and then 1 for each of the two others. The table
	// is refused, naming the cell.
	tab.Merged = append(tab.Merged, load.Range{FirstRow: 4, FirstCol: 8, LastRow: 5, LastCol: 8})
	ds, problems = Tables([]*load.Table{tab})
	if len(problems) != 1 || problems[0].Pos.Row != 4 || problems[0].Pos.Col != 8 || len(ds.Records) != 0 {
		t.Errorf("merged figure: problems %v, %d records; want the cell H4 and no record", problems, len(ds.Records))
	}
}

// Columns of numbers that are no quantity (a commune's code, a year, a
// telephone number) are never summed as other indicators: summed, they
// printed "Mã xã 12.650" in a report. A count of houses still is one.
func TestIdentifierColumnsNotSummed(t *testing.T) {
	csv := "province,commune,Mã xã,unit,model,field,period,funds_vnd,Năm bắt đầu,Số điện thoại liên hệ,Số nhà xây mới\n" +
		"Lạng Sơn,Xã Bắc Sơn,06325,U,A,Kinh tế,2025-Q3,1000000,2019,0912345678,3\n" +
		"Lạng Sơn,Xã Bắc Sơn,06325,U,B,Kinh tế,2025-Q3,1000000,2021,0987654321,4\n"
	r := Read(tables(t, "ex.csv", csv), Options{})
	if len(r.Problems) > 0 {
		t.Fatal(r.Problems)
	}
	if len(r.Dataset.Extras) != 1 || r.Dataset.Extras[0] != "Số nhà xây mới" {
		t.Errorf("extras %q, want only Số nhà xây mới", r.Dataset.Extras)
	}
	var keys []string
	for _, c := range r.Sheets[0].Columns {
		keys = append(keys, c.Key)
	}
	if want := "province commune identifier unit model field period funds_vnd identifier identifier extra"; strings.Join(keys, " ") != want {
		t.Errorf("columns %q, want %q", strings.Join(keys, " "), want)
	}
}

// An indicator of money is reported under its name without its unit, in
// đồng, as its figures are: "Giá trị hiện vật (nghìn đồng)" printed
// 5.000.000 beside 5,000 nghìn đồng.
func TestMoneyName(t *testing.T) {
	for h, want := range map[string]string{
		"Giá trị hiện vật (nghìn đồng)":               "Giá trị hiện vật (đồng)",
		"Giá trị hiện vật [tr.đ]":                     "Giá trị hiện vật (đồng)",
		"Số tiền ủng hộ, triệu đồng":                  "Số tiền ủng hộ (đồng)",
		"Số tiền ủng hộ - triệu đồng":                 "Số tiền ủng hộ (đồng)",
		"Giá trị hiện vật / Nghìn đồng":               "Giá trị hiện vật (đồng)",
		"Giá trị hiện vật (ĐVT: triệu đồng)":          "Giá trị hiện vật (đồng)",
		"Giá trị hiện vật ĐVT: triệu đồng":            "Giá trị hiện vật (đồng)",
		"Giá trị hiện vật":                            "Giá trị hiện vật (đồng)",
		"Giá trị (quy đổi) (triệu đồng)":              "Giá trị (quy đổi) (đồng)",
		"Vốn Ngân hàng Chính sách - Xã hội (tỷ đồng)": "Vốn Ngân hàng Chính sách - Xã hội (đồng)",
	} {
		if got := moneyName(h); got != want {
			t.Errorf("%q: %q, want %q", h, got, want)
		}
	}
	csv := "province,field,period,funds_vnd,Giá trị hiện vật (nghìn đồng),Số nhà xây mới\n" +
		"Lạng Sơn,Kinh tế,2025-Q3,1000000,5000,3\n"
	r := Read(tables(t, "ext.csv", csv), Options{})
	if len(r.Problems) > 0 {
		t.Fatal(r.Problems)
	}
	if got := strings.Join(r.Dataset.Extras, "|"); got != "Giá trị hiện vật (đồng)|Số nhà xây mới" ||
		r.Dataset.Records[0].Extra[0] != 5_000_000 {
		t.Errorf("extras %q, values %v; want Giá trị hiện vật (đồng) 5,000,000", got, r.Dataset.Records[0].Extra)
	}
}

// What a second review found in the fixes above, each a wrong figure with
// exit 0 (testdata/review holds its files): a model named "Tổng vệ sinh…"
// in a column of no meaning, or first in a row without a period column,
// dropped as a total (t10, t3); a total's label in the model's column
// counted as a model (t7); "Ngày công", "Nam" and "Nấm" taken for a date, a
// year, a year (t8); counts whose header holds "vốn" or "tiến" scaled by
// the unit line (u3); models named like signatures, with no figure,
// dropped with the rows after them (t6).
func TestReviewFiles(t *testing.T) {
	for _, tc := range []struct {
		file   string
		want   sums
		extras map[string]int64
	}{
		{"t10.csv", sums{3, 3, 7_000_000, 7}, nil},
		{"t3.csv", sums{4, 4, 15_000_000, 15}, nil},
		{"t7.csv", sums{2, 2, 3_000_000, 3}, nil},
		{"t6.csv", sums{5, 5, 0, 0}, nil},
		{"t8.csv", sums{2, 2, 0, 0}, map[string]int64{"Ngày công lao động": 200, "Nam": 40, "Nữ": 60, "Nấm thu hoạch (tấn)": 12}},
		{"u3.csv", sums{2, 2, 580_000_000, 7}, map[string]int64{"Số hộ được vay vốn": 30, "Số sáng kiến cải tiến": 5, "Số gia đình tiên tiến": 11}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "review", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			tabs := tables(t, tc.file, string(data))
			got, problems := sumOf(t, tabs)
			if len(problems) > 0 {
				t.Fatalf("problems: %v", problems)
			}
			if got != tc.want {
				t.Errorf("sums %+v, want %+v", got, tc.want)
			}
			if tc.extras == nil {
				return
			}
			r := Read(tables(t, tc.file, string(data)), Options{})
			for name, want := range tc.extras {
				k := slices.Index(r.Dataset.Extras, name)
				if k < 0 {
					t.Errorf("no indicator %q in %q", name, r.Dataset.Extras)
					continue
				}
				var sum int64
				for _, rec := range r.Dataset.Records {
					if k < len(rec.Extra) {
						sum += rec.Extra[k]
					}
				}
				if sum != want {
					t.Errorf("%s: %d, want %d", name, sum, want)
				}
			}
		})
	}
}

// A heading numbered I, II… in the row-number column, with the province
// and the period merged down over it and its models, is no model; a total's
// label in the model's column, under merged names, is no model either.
func TestHeadingsAndTotalsUnderMerges(t *testing.T) {
	tab := &load.Table{File: "m.xlsx", Sheet: "S", Rows: []load.Row{
		load.NewRow(1, []string{"STT", "Tỉnh", "Xã", "Tên mô hình", "Lĩnh vực", "Kỳ báo cáo", "Kinh phí huy động", "Số hộ"}...),
		load.NewRow(2, []string{"I", "Lạng Sơn", "", "Xã Bắc Sơn", "", "2025-Q3"}...),
		load.NewRow(3, []string{"1", "", "Xã Bắc Sơn", "Mô hình A", "Kinh tế", "", "1000000", "1"}...),
		load.NewRow(4, []string{"2", "", "Xã Bắc Sơn", "Mô hình B", "Kinh tế", "", "2000000", "2"}...),
		load.NewRow(5, []string{"", "", "", "Cộng", "", "", "3000000", "3"}...),
		load.NewRow(6, []string{"", "", "", "Tổng cộng", "", "", "3000000", "3"}...),
	}, Merged: []load.Range{
		{FirstRow: 2, FirstCol: 2, LastRow: 6, LastCol: 2},
		{FirstRow: 2, FirstCol: 6, LastRow: 6, LastCol: 6},
	}}
	got, problems := sumOf(t, []*load.Table{tab})
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	if got != (sums{2, 2, 3_000_000, 3}) {
		t.Errorf("sums %+v, want 2 models, 3,000,000, 3 households", got)
	}
}

// A place and date line under the table is the signature block's, however
// it is written: each of these was refused, three problems a line (a
// twenty-fourth review). The rows above are summed.
func TestPlaceDateLines(t *testing.T) {
	const head = "Tỉnh,Huyện,Xã,Tên mô hình,Lĩnh vực,Tình trạng,Kỳ báo cáo,Số mô hình,Kinh phí huy động,Số hộ\n" +
		"Lạng Sơn,Huyện Bắc Sơn,Thị trấn Bắc Sơn,Tổ tự quản,Kinh tế,Mới,2025-Q3,1,10000000,4\n" +
		",,,,,,,,,\n"
	for _, line := range []string{
		"Lạng Sơn ngày 05 tháng 10 năm 2025", "Lạng Sơn, ngày    tháng    năm 2025", "Lạng Sơn, ngày … tháng … năm 2025",
		"Lạng Sơn - ngày 05 tháng 10 năm 2025", "Bắc Sơn ngày 5/10/2025", `"Lạng Sơn, 05/10/2025"`,
	} {
		got, problems := sumOf(t, tables(t, "t.csv", head+",,,,,,,"+line+",,\nNGƯỜI LẬP BIỂU,,,,,,,TRƯỞNG BAN,,\n"))
		if len(problems) > 0 || got != (sums{1, 1, 10_000_000, 4}) {
			t.Errorf("%s: sums %+v, problems %v", line, got, problems)
		}
	}
}

// A place and date line is left out alone: a row of a model's name below
// it is no signature, and is refused for what it lacks rather than
// dropped unseen (a twenty-fifth review: 2 models for 3, exit 0).
func TestRowBelowDateLineNotDropped(t *testing.T) {
	const data = "Tỉnh,Huyện,Xã,Tên mô hình,Lĩnh vực,Tình trạng,Kỳ báo cáo,Số mô hình,Kinh phí huy động,Số hộ\n" +
		"Lạng Sơn,Huyện Bắc Sơn,Thị trấn Bắc Sơn,Tổ tự quản,Kinh tế,Mới,2025-Q3,1,10000000,4\n" +
		",,,,,,,\"Lạng Sơn, 05/10/2025\",,\n" +
		",,,Đường hoa,,,,,,\n"
	_, problems := sumOf(t, tables(t, "t.csv", data))
	if len(problems) == 0 {
		t.Error("the model's row below the date line was dropped unseen")
	}
}
