package xls

import (
	"fmt"
	"sync"
	"testing"
)

// register builds a register of rows rows × 13 columns as Excel would
// write it: a BIFF8 sheet holds at most 65,536 rows, so the rows are split
// into sheets of 50,000. Each row has a serial number, 4 shared strings
// that repeat (province, field, period, unit) and one that does not (the
// model's name), a date, 4 integers in a MULRK record, 2 decimals and an
// RK number. The shared string table is split into CONTINUE records of
// 8,224 bytes, as Excel splits it.
func register(rows int) []byte {
	provinces := []string{"Hà Nội", "Lạng Sơn", "Lai Châu", "Thừa Thiên Huế", "Đắk Lắk", "Cà Mau", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh"}
	fields := []string{"Kinh tế", "Văn hóa - Xã hội", "Quốc phòng - An ninh", "Xây dựng hệ thống chính trị"}
	periods := []string{"Quý I/2025", "Quý II/2025", "Quý III/2025", "Quý IV/2025"}
	units := []string{"Hội Nông dân", "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên", "Mặt trận Tổ quốc"}
	var strs []sstString
	index := map[string]int{}
	intern := func(s string) int {
		if i, ok := index[s]; ok {
			return i
		}
		index[s] = len(strs)
		strs = append(strs, sstString{s: s})
		return len(strs) - 1
	}
	// The 1900 date system; XF 16 is a date.
	xfs := cat(rec(recFormat, u16s(164), xlString("dd/mm/yyyy")))
	for i := range 17 {
		f := 0
		if i == 16 {
			f = 164
		}
		xfs = append(xfs, rec(recXF, u16s(0, f), make([]byte, 16))...)
	}
	var sheets []sheetSpec
	var body []byte
	for r := range rows {
		row := r%50000 + 1 // a header row first
		body = append(body, number(row, 0, 15, float64(r+1))...)
		body = append(body, labelSST(row, 1, intern(provinces[r%len(provinces)]))...)
		body = append(body, labelSST(row, 2, intern(fields[r%len(fields)]))...)
		body = append(body, labelSST(row, 3, intern(periods[r/7%len(periods)]))...)
		body = append(body, labelSST(row, 4, intern(units[r/3%len(units)]))...)
		body = append(body, labelSST(row, 5, intern(fmt.Sprintf("Mô hình dân vận khéo số %d của %s", r+1, provinces[r/5%len(provinces)])))...)
		body = append(body, number(row, 6, 16, float64(45658+r%365))...)
		body = append(body, mulRK(row, 7, r%1000, r%50, 3*r%7, 12)...)
		body = append(body, number(row, 11, 15, float64(r%10000)/4+0.1)...)
		body = append(body, rkRec(row, 12, 15, uint32(int32(r%100000)<<2|3))...)
		if r%50000 == 49999 || r == rows-1 {
			header := []byte{}
			for c := range 13 {
				header = append(header, labelSST(0, c, intern(fmt.Sprintf("Cột %d", c+1)))...)
			}
			sheets = append(sheets, sheetSpec{name: fmt.Sprintf("Trang %d", len(sheets)+1), body: append(header, body...)})
			body = nil
		}
	}
	w := workbook{globals: xfs, after: sst(8224, strs...), sheets: sheets}
	return compoundFile("Workbook", w.stream())
}

var (
	benchOnce sync.Once
	benchFile []byte
)

// BenchmarkRead reads a register of 100,000 rows × 13 columns (in two
// sheets), about 20 MB.
func BenchmarkRead(b *testing.B) {
	benchOnce.Do(func() { benchFile = register(100_000) })
	b.SetBytes(int64(len(benchFile)))
	b.ReportAllocs()
	for b.Loop() {
		sheets, err := Read(benchFile, Limits{})
		if err != nil {
			b.Fatal(err)
		}
		if n := len(sheets[0].Rows) + len(sheets[1].Rows); n != 100_002 {
			b.Fatalf("%d rows", n)
		}
	}
}

// TestRegister checks the benchmark's file.
func TestRegister(t *testing.T) {
	sheets, err := Read(register(1000), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	rows := sheets[0].Rows
	if len(sheets) != 1 || len(rows) != 1001 {
		t.Fatalf("%d sheets, %d rows", len(sheets), len(rows))
	}
	want := []string{"1000", "Hồ Chí Minh", "Xây dựng hệ thống chính trị", "Quý III/2025", "Hội Liên hiệp Phụ nữ",
		"Mô hình dân vận khéo số 1000 của Hồ Chí Minh", "27/09/2025", "999", "49", "1", "12", "249.85", "9.99"}
	if got := rows[1000].Cells; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%q, want %q", got, want)
	}
}
