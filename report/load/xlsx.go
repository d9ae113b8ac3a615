package load

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Limits on what an XLSX file may unpack to, so that a hostile file (a zip
// bomb) cannot exhaust memory: at most 512 MiB in all, and worksheets over
// 16 MiB are streamed through temporary files rather than held in memory.
const (
	xlsxUnzipLimit    = 512 << 20
	xlsxUnzipXMLLimit = 16 << 20
)

// headerSearchRows is how far down a sheet its header row is looked for,
// past titles and agency lines above the table.
const headerSearchRows = 20

// readXLSX reads every sheet of a workbook whose header row carries the
// contract's required columns. Cells are read as Excel stores them, so that
// numbers keep all their digits whatever their display format; formulas
// give their cached values.
func readXLSX(name string, data []byte, isHeader func([]string) bool) ([]*Table, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    xlsxUnzipLimit,
		UnzipXMLSizeLimit: xlsxUnzipXMLLimit,
	})
	if err != nil {
		return nil, fmt.Errorf("%w: %s: not a readable XLSX workbook: %v", ErrFormat, name, err)
	}
	defer f.Close()
	var tables []*Table
	var skipped []string
	for _, sheet := range f.GetSheetList() {
		t, err := readSheet(f, name, sheet, isHeader)
		if err != nil {
			return nil, err
		}
		if t == nil {
			skipped = append(skipped, sheet)
			continue
		}
		tables = append(tables, t)
	}
	if len(tables) == 0 {
		return nil, fmt.Errorf("%w: %s: no sheet has the required columns (province, field, period) in its first %d rows (sheets: %s)",
			ErrFormat, name, headerSearchRows, strings.Join(skipped, ", "))
	}
	return tables, nil
}

// readSheet reads one sheet, or returns nil if it has no header row. Cells
// are read as stored: a date is its serial number, which package validate
// reads as a date in the period column.
func readSheet(f *excelize.File, name, sheet string, isHeader func([]string) bool) (*Table, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("%w: %s[%s]: %v", ErrFormat, name, sheet, err)
	}
	defer rows.Close()
	t := &Table{File: name, Sheet: sheet}
	var above []string // the row above the header, for vertically merged header cells
	for n := 1; rows.Next(); n++ {
		rc, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("%w: %s[%s]:%d: %v", ErrFormat, name, sheet, n, err)
		}
		cells := cleanCells(rc, true)
		if t.Header == nil {
			if n > headerSearchRows {
				return nil, nil
			}
			if len(cells) == 0 {
				continue
			}
			header := mergeDown(above, cells)
			if isHeader(header) {
				t.Header, t.HeaderRow = header, n
			}
			above = cells
			continue
		}
		if len(cells) == 0 {
			continue // blank rows, trailing ones included
		}
		t.Rows = append(t.Rows, Row{Num: n, Cells: cells})
	}
	if err := rows.Error(); err != nil {
		return nil, fmt.Errorf("%w: %s[%s]: %v", ErrFormat, name, sheet, err)
	}
	if t.Header == nil {
		return nil, nil
	}
	return t, nil
}

// mergeDown fills the empty cells of a header row from the row above: a
// header cell merged over two rows keeps its text in the upper one.
func mergeDown(above, row []string) []string {
	out := append([]string(nil), row...)
	for i := range max(len(above), len(row)) {
		if i >= len(out) {
			out = append(out, "")
		}
		if out[i] == "" && i < len(above) {
			out[i] = above[i]
		}
	}
	return out
}
