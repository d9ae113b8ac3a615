// Package synth writes synthetic but realistic registers for benchmarks
// and load tests: the real 34 provinces and 3,321 communes of the 2025
// gazetteer, Vietnamese model names, eight quarters, and a share of group
// rows that report several models at once. The same arguments always give
// the same bytes.
package synth

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/dvkreport/dvkreport/report/gazetteer"
)

var models = []string{
	"Dân vận khéo trong xây dựng nông thôn mới", "Tổ tiết kiệm và vay vốn", "Khu dân cư an toàn về an ninh trật tự",
	"Chi hội phụ nữ 5 không 3 sạch", "Cựu chiến binh giúp nhau phát triển kinh tế", "Xóa nhà tạm, nhà dột nát",
	"Đường hoa, đường cờ Tổ quốc", "Camera an ninh khu dân cư", "Sinh hoạt chi bộ theo chuyên đề",
	"Học bổng cho học sinh nghèo vượt khó", "Chuyển đổi số trong cải cách hành chính", "Tổ hòa giải ở cơ sở",
}

var fields = []string{"Kinh tế", "Văn hóa - Xã hội", "Quốc phòng - An ninh", "Xây dựng Đảng và hệ thống chính trị"}

// Register writes a CSV register of n rows. Rows go round the communes of
// the 2025 gazetteer and are spread over the eight quarters from 2025-Q3
// to 2027-Q2; 6 % are group rows with a count of 2 to 20 models.
func Register(w io.Writer, n int, seed uint64) error {
	return Sample(w, n, 0, seed)
}

// Sample writes a register of n rows over the first communes of the 2025
// gazetteer (in its order: by province, then name); communes 0 means all.
func Sample(w io.Writer, n, communes int, seed uint64) error {
	return Part(w, 0, n, communes, seed)
}

// Part writes rows first to first+n of a register over the first communes
// of the 2025 gazetteer (0: all): a register too big for one file is
// written as parts with distinct seeds, whose models' numbers go on from
// one part to the next, so that no model is reported twice (two parts
// numbered alike held 115,659 duplicates in 10,000,000 rows).
func Part(w io.Writer, first, n, communes int, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	g := gazetteer.Default()
	var units []gazetteer.Unit
	for _, p := range g.Provinces(gazetteer.Era2025) {
		units = append(units, g.Communes(p)...)
	}
	if communes > 0 && communes < len(units) {
		units = units[:communes]
	}
	return write(w, first, n, units, rng)
}

func write(w io.Writer, first, n int, communes []gazetteer.Unit, rng *rand.Rand) error {
	if len(communes) == 0 {
		return errors.New("synth: the gazetteer has no communes")
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := csv.NewWriter(bw)
	if err := cw.Write(strings.Split("province,commune,unit,model,field,status,period,count,funds_vnd,households,beneficiaries,source", ",")); err != nil {
		return err
	}
	for i := first; i < first+n; i++ {
		c := communes[i%len(communes)]
		q := 2 + rng.IntN(8) // from 2025-Q3, the first quarter of the 2025 units
		period := fmt.Sprintf("%d-Q%d", 2025+q/4, q%4+1)
		count := 1
		if rng.IntN(100) < 6 {
			count = 2 + rng.IntN(19)
		}
		status := "Xây dựng mới"
		if rng.IntN(3) == 0 {
			status = "Duy trì"
		}
		funds := int64(rng.IntN(500)) * 1_000_000
		err := cw.Write([]string{
			strings.TrimPrefix(strings.TrimPrefix(c.Province, "Tỉnh "), "Thành phố "), c.FullName, "Ủy ban MTTQ " + c.Name,
			// Numbered, so that no model is reported twice.
			fmt.Sprintf("%s (số %d)", models[rng.IntN(len(models))], i/len(communes)+1), fields[rng.IntN(len(fields))], status, period,
			strconv.Itoa(count), strconv.FormatInt(funds, 10), strconv.Itoa(rng.IntN(40)), strconv.Itoa(rng.IntN(200)), "synthetic",
		})
		if err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// WriteFile writes the register of n rows to the named file: a workbook
// (see XLSX) if the name ends in .xlsx, else CSV.
func WriteFile(name string, n int, seed uint64) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	write := Register
	if strings.HasSuffix(name, ".xlsx") {
		write = XLSX
	}
	if err := write(f, n, seed); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// XLSX writes the same register as Register as a workbook of one sheet,
// numbers stored as numbers, with excelize's streaming writer.
func XLSX(w io.Writer, n int, seed uint64) error {
	var buf bytes.Buffer
	if err := Register(&buf, n, seed); err != nil {
		return err
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	for i, rec := range recs {
		row := make([]any, len(rec))
		for j, c := range rec {
			if v, err := strconv.ParseInt(c, 10, 64); err == nil && i > 0 {
				row[j] = v
			} else {
				row[j] = c
			}
		}
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}
