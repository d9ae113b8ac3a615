package validate

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dvkreport/dvkreport/report/load"
)

// realNames are models' names that start like a heading's words.
var realNames = []string{"Nuôi bò sinh sản", "Hội quán nông dân", "Mô hình mới về nuôi dê", "Xã hội hóa giáo dục",
	"Chi hội phụ nữ tiết kiệm", "Kinh tế hộ gia đình", "Quỹ hỗ trợ nông dân", "Phường văn minh", "Xã an toàn"}

// dotted writes v with Vietnamese thousands separators: 1500000 is
// 1.500.000.
func dotted(v uint64) string {
	s := fmt.Sprint(v)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// FuzzHeadingRow reads a row of any text where a model's name goes, with
// any figures, over two models (3 models, 2,300,000 đồng, 17 households):
// it never panics (review 55's fuzzing found "Phường ." did), and the
// table gives 3 models (the row a heading), 3 and its own (a model), or a
// problem; a real model's name with figures that are not those sums is
// always counted.
func FuzzHeadingRow(f *testing.F) {
	for _, n := range realNames {
		f.Add(n, uint16(1), uint32(500_000), uint16(4))
		f.Add(n, uint16(3), uint32(2_300_000), uint16(17))
		f.Add(n, uint16(3), uint32(900_000), uint16(9))
	}
	for _, n := range []string{"", "Xã Bắc Sơn", "Xa Bac Son", "KINH TẾ", "Phần I. Lĩnh vực kinh tế", "Mục 1. Kinh tế", "Tổng cộng",
		"Xã Bắc Sơn (02 mô hình)", "I. Kinh tế", "Cộng", "Quý III/2025", "Lạng Sơn", "Huyện Văn Quan", "Hội Nông dân", "Duy trì",
		"Phường .", "Xã :", "Huyện .", "X. .", "Xã  (02 mô hình)", "Thị trấn :", "Xã Bắc Sơn, huyện Bắc Sơn", "Xã , huyện Bắc Sơn",
		"Xã ,huyện", "Phường - Quận Ba", "Cấp tỉnh", "Tháng 8/2025", "Mô hình đã có, tiếp tục duy trì"} {
		f.Add(n, uint16(3), uint32(2_300_000), uint16(17))
		f.Add(n, uint16(2), uint32(700_000), uint16(5))
	}
	f.Fuzz(func(t *testing.T, name string, count uint16, funds uint32, households uint16) {
		csv := "STT,Tỉnh,Tên mô hình,Lĩnh vực,Kỳ báo cáo,Số mô hình,Kinh phí huy động,Số hộ\n" +
			",Lạng Sơn," + csvCell(name) + ",,Quý III/2025," + fmt.Sprint(count) + "," + csvCell(dotted(uint64(funds))) + "," + fmt.Sprint(households) + "\n" +
			"1,Lạng Sơn,Nuôi bò,Kinh tế,Quý III/2025,2,1.500.000,12\n" +
			"2,Lạng Sơn,Trồng na,Kinh tế,Quý III/2025,1,800.000,5\n"
		tabs, err := load.Bytes("z.csv", []byte(csv), load.FormatCSV, load.Options{})
		if err != nil {
			return // refused by the loader: not this target's concern
		}
		r := Read(tabs, Options{})
		var models int64
		for _, rec := range r.Dataset.Records {
			models += rec.Count
		}
		if models != 3 && models != 3+int64(count) && len(r.Problems) == 0 {
			t.Fatalf("%q %d/%d/%d: %d models, no problem; want 3 or %d", name, count, funds, households, models, 3+int64(count))
		}
		if slices.Contains(realNames, name) && !(count == 3 && funds == 2_300_000 && households == 17) &&
			(len(r.Problems) > 0 || models != 3+int64(count)) {
			t.Fatalf("the model %q (%d/%d/%d) not counted: %d models, problems %v", name, count, funds, households, models, r.Problems)
		}
	})
}

// FuzzMarkedRows reads three rows marked in the column of numbers (a
// list's mark), with
// any names and figures, under a numbered model of 3,000,000 đồng and 6
// households, above another model: it never panics, every row is counted
// with its own figures or left out as the model's part, and the parts
// left out never add up to more money or households than the model has
// (a part beyond its model would take figures out of the report).
func FuzzMarkedRows(f *testing.F) {
	f.Add("Hộ ông Hoàng Văn Minh", "Hộ bà Lý Thị Hoa", "Hộ Vi Văn Tú", uint32(1_000_000), uint32(1_000_000), uint32(1_000_000), uint8(2), uint8(2), uint8(2), uint8(0))
	f.Add("Ngân sách", "Nhân dân đóng góp", "Xã hội hóa", uint32(500_000), uint32(900_000), uint32(0), uint8(0), uint8(0), uint8(0), uint8(1))
	f.Add("Hộ ông A", "Câu lạc bộ hát then", "Hộ kinh doanh an toàn", uint32(700_000), uint32(2_000_000), uint32(300_000), uint8(6), uint8(30), uint8(1), uint8(3))
	f.Add("Chuồng trại", "Con giống", "", uint32(2_000_000), uint32(1_000_000), uint32(0), uint8(0), uint8(0), uint8(0), uint8(4))
	f.Fuzz(func(t *testing.T, n1, n2, n3 string, f1, f2, f3 uint32, h1, h2, h3 uint8, markN uint8) {
		mark := []string{"-", "+", "*", "•", "–", "·"}[markN%6]
		names, funds, households := []string{n1, n2, n3}, []uint32{f1, f2, f3}, []uint8{h1, h2, h3}
		csv := "STT,Tỉnh,Tên mô hình,Lĩnh vực,Kỳ báo cáo,Số mô hình,Kinh phí huy động,Số hộ\n" +
			"1,Lạng Sơn,Nuôi bò nhốt chuồng,Kinh tế,Quý III/2025,1,3.000.000,6\n"
		for i := range names {
			fv, hv := "", ""
			if funds[i] > 0 {
				fv = dotted(uint64(funds[i]))
			}
			if households[i] > 0 {
				hv = fmt.Sprint(households[i])
			}
			csv += csvCell(mark) + ",Lạng Sơn," + csvCell(names[i]) + ",,Quý III/2025,," + csvCell(fv) + "," + hv + "\n"
		}
		csv += "2,Lạng Sơn,Trồng na,Kinh tế,Quý III/2025,1,800.000,5\n"
		tabs, err := load.Bytes("m.csv", []byte(csv), load.FormatCSV, load.Options{})
		if err != nil {
			return
		}
		r := Read(tabs, Options{})
		if len(r.Problems) > 0 {
			return
		}
		var outFunds, outHouseholds int64
		counted := map[int]bool{}
		for _, rec := range r.Dataset.Records {
			k := rec.Row - 3 // the marked rows are rows 3 to 5
			if k < 0 || k > 2 {
				continue
			}
			counted[k] = true
			if rec.FundsVND != int64(funds[k]) || rec.Households != int64(households[k]) {
				t.Fatalf("row %d read as %d đồng, %d households; written %d, %d", rec.Row, rec.FundsVND, rec.Households, funds[k], households[k])
			}
		}
		for k := range names {
			if !counted[k] && (funds[k] > 0 || households[k] > 0) && strings.TrimSpace(names[k]) != "" {
				outFunds += int64(funds[k])
				outHouseholds += int64(households[k])
			}
		}
		if len(counted) < 3 && (outFunds > 3_000_000 || outHouseholds > 6) {
			t.Fatalf("%q: parts of %d đồng and %d households left out under a model of 3.000.000 and 6", csv, outFunds, outHouseholds)
		}
	})
}
