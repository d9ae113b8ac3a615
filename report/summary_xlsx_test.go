package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/compare"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/report/synth"
)

// Issue 14: the summary as a workbook: a sheet per level, the header bold
// and frozen, numbers stored as numbers, the provinces' rows the sums of
// their communes', the totals those of the summary.
func TestSummaryXLSX(t *testing.T) {
	var reg bytes.Buffer
	if err := synth.Sample(&reg, 3000, 60, 3); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), "register.csv")
	if err := os.WriteFile(name, reg.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := report.Options{Inputs: []string{name}, Level: aggregate.LevelCommune, Period: record.QuarterPeriod(2026, 3), Compare: compare.Both()}
	r, err := report.Summarize(opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.WriteSummary(&buf, r, "xlsx", opts); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	sheets := f.GetSheetList()
	if len(sheets) != 2 || sheets[0] != "Tỉnh, thành phố" || sheets[1] != "Xã, phường, đặc khu" {
		t.Fatalf("sheets %q", sheets)
	}
	cols := map[string]int{}
	rows := map[string][][]string{}
	for _, sh := range sheets {
		all, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		rows[sh] = all
		for i, h := range all[0] {
			cols[h] = i
		}
		if p, err := f.GetPanes(sh); err != nil || !p.Freeze || p.YSplit != 1 {
			t.Errorf("%s: panes %+v %v", sh, p, err)
		}
		st, _ := f.GetCellStyle(sh, "A1")
		if s, err := f.GetStyle(st); err != nil || s.Font == nil || !s.Font.Bold {
			t.Errorf("%s: the header is not bold", sh)
		}
		if typ, _ := f.GetCellType(sh, "J2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("%s: J2 is of type %v, not a number", sh, typ)
		}
	}
	num := func(s string) int64 {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("%q is not a number", s)
		}
		return n
	}
	models, funds := cols["Tổng số"], cols["Kinh phí (đồng)"]
	communes := rows[sheets[1]]
	byProvince := map[string]int64{}
	for _, row := range communes[1 : len(communes)-1] {
		p := row[0]
		if i := bytes.IndexByte([]byte(p), '/'); i >= 0 {
			p = p[:i]
		}
		byProvince[p] += num(row[models])
	}
	provinces := rows[sheets[0]]
	for _, row := range provinces[1 : len(provinces)-1] {
		if num(row[models]) != byProvince[row[0]] {
			t.Errorf("%s: %s models, its communes %d", row[0], row[models], byProvince[row[0]])
		}
	}
	for _, sh := range sheets {
		last := rows[sh][len(rows[sh])-1]
		if last[0] != "Tổng cộng" || num(last[models]) != r.Total.Models || num(last[funds]) != r.Total.FundsVND {
			t.Errorf("%s: total row %q, want %d models, %d đồng", sh, last, r.Total.Models, r.Total.FundsVND)
		}
		prev := cols["Tổng số – Quý II/2026"]
		if prev == 0 || num(last[prev]) != r.Comparison.Previous.Summary.Total.Models {
			t.Errorf("%s: the previous quarter's total %q", sh, last)
		}
	}
}

// A figure of 10^15 or more is written as its digits, as text: a number
// cell would show it rounded to 15 digits (a twenty-second review:
// 10.007.199.254.740.995 đồng shown as 10.007.199.254.741.000). Smaller
// figures stay numbers.
func TestSummaryXLSXExactBigFigures(t *testing.T) {
	name := filepath.Join(t.TempDir(), "r.csv")
	data := "province,commune,model,field,period,funds_vnd,households\n" +
		"Lạng Sơn,Xã Ba Sơn,A,Kinh tế,2025-Q3,9007199254740993,1\n" +
		"Lạng Sơn,Xã Ba Sơn,B,Kinh tế,2025-Q3,1,1\n" +
		"Lạng Sơn,Xã Ba Sơn,C,Kinh tế,2025-Q3,1000000000000001,1\n"
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := report.Options{Inputs: []string{name}, Period: record.QuarterPeriod(2025, 3)}
	r, err := report.Summarize(opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.WriteSummary(&buf, r, "xlsx", opts); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	sh := f.GetSheetList()[0]
	rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	funds, households := -1, -1
	for i, h := range rows[0] {
		switch h {
		case "Kinh phí (đồng)":
			funds = i
		case "Số hộ":
			households = i
		}
	}
	if funds < 0 || households < 0 {
		t.Fatalf("no funds or households column in %q", rows[0])
	}
	seen := 0
	for i, row := range rows[1:] {
		if row[households] == "0" {
			continue // a province without rows
		}
		seen++
		for _, c := range []struct {
			col  int
			want string
			typ  excelize.CellType
		}{{funds, "10007199254740995", excelize.CellTypeSharedString}, {households, "3", excelize.CellTypeNumber}} {
			cell, _ := excelize.CoordinatesToCellName(c.col+1, i+2)
			typ, err := f.GetCellType(sh, cell)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case typ == excelize.CellTypeInlineString:
				typ = excelize.CellTypeSharedString
			case typ == excelize.CellTypeUnset: // a number, without a type
				typ = excelize.CellTypeNumber
			}
			if row[c.col] != c.want || typ != c.typ {
				t.Errorf("%s %s: %q of type %v; want %q of type %v", sh, cell, row[c.col], typ, c.want, c.typ)
			}
		}
	}
	if seen != 2 {
		t.Errorf("%d rows with figures, want Lạng Sơn's and the total's", seen)
	}
}
