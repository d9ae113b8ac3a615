package report

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/layout"
	"github.com/dvkreport/dvkreport/report/load"
	"github.com/dvkreport/dvkreport/report/names"
	"github.com/dvkreport/dvkreport/report/pdf"
	"github.com/dvkreport/dvkreport/report/validate"
	"github.com/dvkreport/dvkreport/templates"
)

// fuzzRow is one row FuzzPipeline writes, with the figures it means.
type fuzzRow struct {
	text                     string
	funds, households, count int64
	broken                   bool // the row was written to be refused
}

var (
	fuzzProvinces = []string{"Lạng Sơn", "Tỉnh Lai Châu", "lang son", "Bến Tre", "Đắk Nông", "Hà Nội"}
	fuzzFields    = []string{"Kinh tế", "VAN HOA - XA HOI", "defense_security", "Xây dựng Đảng và hệ thống chính trị", ""}
)

// fuzzFunds writes v đồng in one of the forms the contract allows, quoted
// for CSV when it holds a comma.
func fuzzFunds(v int64, style byte) string {
	group := func(sep string) string {
		s := fmt.Sprint(v)
		var b strings.Builder
		for i, c := range s {
			if i > 0 && (len(s)-i)%3 == 0 {
				b.WriteString(sep)
			}
			b.WriteRune(c)
		}
		return b.String()
	}
	switch style % 5 {
	case 1:
		if v >= 1000 && v%1000 == 0 && v < 1e6 {
			return group(".") + ",000" // 123.000,000: Vietnamese with decimals
		}
		return group(" ")
	case 2:
		if v%1_000_000 == 0 {
			return fmt.Sprintf("%d triệu", v/1_000_000)
		}
	case 3:
		return `"` + group(",") + `.0"` // English, quoted, with a decimal
	case 4:
		if v%100_000_000 == 0 {
			return fmt.Sprintf("\"%d,%d tỷ\"", v/1_000_000_000, v%1_000_000_000/100_000_000)
		}
	}
	return fmt.Sprint(v)
}

// fuzzNoise breaks a row in one of the ways careless registers do, or
// leaves it alone (kind 0). It returns the row and whether it must be
// refused.
func fuzzNoise(cells []string, kind byte, noise string) ([]string, bool) {
	noise = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '"' || r == ',' {
			return -1
		}
		return r
	}, noise)
	switch kind % 8 {
	case 1: // unquoted thousands separators: extra cells
		cells[3] = "1,000,000"
		return cells, true
	case 2: // a stray quote that opens a field
		cells[4] = `"Báo cáo" của UBND`
		return cells, true
	case 3: // a negative number
		cells[3] = "-" + cells[3]
		return cells, true
	case 4: // a field that is not one
		cells[1] = "Nông nghiệp"
		return cells, true
	case 5: // noise in the model name: harmless unless unprintable or empty
		cells[4] += noise
		return cells, false
	case 6: // a quote inside a field, which cannot end it
		cells[4] += ` "Dân vận khéo"`
		return cells, false
	}
	return cells, false
}

// FuzzPipeline writes a register from the fuzzer's bytes, breaks some of
// its rows on purpose, and runs it through every step to a PDF: nothing
// panics, and the figures of the report equal the figures of the rows the
// tool accepted, computed independently here. A broken row is always
// refused, never summed, and a good row never lost.
func FuzzPipeline(f *testing.F) {
	f.Add([]byte{0, 0, 1, 10, 0, 0, 1, 1, 2, 20, 1, 0, 2, 2, 3, 30, 2, 5}, "noise")
	f.Add([]byte{3, 4, 4, 255, 3, 1, 5, 3, 0, 7, 4, 2}, "😀")
	f.Add([]byte{2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2}, "\x1b[31m")
	tx, err := templates.Load("vi", "")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, spec []byte, noise string) {
		var rows []fuzzRow
		for i := 0; i+6 <= len(spec) && len(rows) < 40; i += 6 {
			b := spec[i : i+6]
			funds := int64(b[3]) * 1_000_000 * int64(1+b[5]%3)
			count := int64(1 + b[2]%3)
			cells := []string{
				fuzzProvinces[int(b[0])%len(fuzzProvinces)],
				fuzzFields[int(b[1])%len(fuzzFields)],
				fmt.Sprintf("Q%d/2025", 1+b[2]%4),
				fuzzFunds(funds, b[4]),
				fmt.Sprintf("Mô hình %d", len(rows)),
				fmt.Sprint(count),
				fmt.Sprint(b[5]),
			}
			cells, broken := fuzzNoise(cells, b[4]>>3, noise)
			rows = append(rows, fuzzRow{text: strings.Join(cells, ","), funds: funds, households: int64(b[5]), count: count, broken: broken})
		}
		var text strings.Builder
		text.WriteString("province,field,period,funds_vnd,model,count,households\n")
		for _, r := range rows {
			text.WriteString(r.text + "\n")
		}
		tables, err := load.Bytes("f.csv", []byte(text.String()), load.FormatCSV, load.Options{})
		if err != nil {
			if !errors.Is(err, load.ErrFormat) && !errors.Is(err, load.ErrLimit) {
				t.Fatalf("error of no kind: %v", err)
			}
			return // a whole file refused: nothing summed
		}
		ds, problems := validate.Tables(tables)
		bad := map[int]bool{}
		for _, p := range problems {
			bad[p.Pos.Row] = true
		}
		var want fuzzRow
		for i, r := range rows {
			row := i + 2
			if r.broken && !bad[row] {
				t.Fatalf("row %d %q is broken but was accepted", row, r.text)
			}
			if !bad[row] {
				want.funds += r.funds
				want.households += r.households
				want.count += r.count
			} else if !r.broken && !strings.ContainsAny(noise, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x1b\x7f") && noise == strings.ToValidUTF8(noise, "") {
				// A good row is refused only for its noise.
				t.Logf("row %d refused: %v", row, problems)
			}
		}
		res := names.Apply(&ds, gazetteer.Default(), false)
		_ = res
		if len(ds.Records) == 0 {
			return
		}
		s, err := aggregate.Summarize(&ds, aggregate.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if s.Total.FundsVND != want.funds || s.Total.Households != want.households || s.Total.Models != want.count {
			t.Fatalf("totals funds %d, households %d, models %d; the accepted rows hold %d, %d, %d\n%s\nproblems: %v",
				s.Total.FundsVND, s.Total.Households, s.Total.Models, want.funds, want.households, want.count, text.String(), problems)
		}
		// Laying out and drawing costs a hundred times the rest: one
		// input in eight goes that far.
		if len(spec) > 0 && spec[0]%8 == 0 {
			doc, err := layout.Build(s, tx, layout.Options{Excluded: problems})
			if err != nil {
				t.Fatalf("layout: %v", err)
			}
			if _, err := pdf.Render(doc, pdf.Options{}); err != nil {
				t.Fatalf("PDF: %v", err)
			}
		}
	})
}
