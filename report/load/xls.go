package load

import (
	"errors"

	"github.com/dvkreport/dvkreport/report/load/xls"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
)

// readXLS reads every worksheet of an Excel 97–2003 workbook (BIFF8) that
// has a non-blank row, with its merged cells. Cells are as Excel stores
// them, as for XLSX: numbers in digits, dates as serial numbers (of the
// 1900 system, whatever the workbook's), formulas by their cached value.
// An encrypted workbook, one of Excel 95 or older, and a damaged one are
// refused, each with what to do.
func readXLS(name string, data []byte, lim Limits) ([]*Table, error) {
	sheets, err := xls.Read(data, xls.Limits{
		MaxCells:     int(lim.cellBudget(len(data))),
		MaxCellBytes: 4 * lim.MaxCellChars,
		MaxBytes:     lim.unpackBudget(len(data)),
	})
	if err != nil {
		kind, key := ErrFormat, "load.xls_corrupt"
		switch {
		case errors.Is(err, xls.ErrEncrypted):
			key = "load.xls_encrypted"
		case errors.Is(err, xls.ErrNotBIFF8):
			key = "load.xls_old"
		case errors.Is(err, xls.ErrNotXLS):
			key = "load.xls_not_xls"
			switch misnamed(data) {
			case kindHTML:
				return nil, fileError(name, ErrFormat, "load.html_table")
			case kindText:
				return nil, fileError(name, ErrFormat, "load.text_not_workbook")
			}
		case errors.Is(err, xls.ErrLimit):
			kind, key = ErrLimit, "load.xls_limit"
		}
		return nil, fileError(name, kind, key, err)
	}
	var tables []*Table
	for _, sh := range sheets {
		t := &Table{File: name, Sheet: sh.Name, Hidden: sh.Hidden, HiddenRows: sh.HiddenRows, FoldedRows: sh.FoldedRows, Filtered: sh.Filtered}
		var spans spanSlab
		for _, r := range sh.Rows {
			for i, c := range r.Cells {
				if runeCountOver(c, lim.MaxCellChars) {
					return nil, &Error{Pos: record.Pos{File: name, Sheet: sh.Name, Row: r.Num, Col: i + 1}, Err: ErrLimit,
						Text: msg.New("load.cell_too_long", msg.Number(lim.MaxCellChars))}
				}
			}
			if row, ok := cleanRow(r.Num, r.Cells, true, "", &spans); ok {
				row.Numbers = r.Numbers
				t.Rows = append(t.Rows, row)
				for _, c := range r.WideNumbers {
					if c < row.Len() {
						t.setNumber(nil, r.Num, c)
					}
				}
			}
		}
		for _, c := range sh.SumCells {
			t.SumCells = append(t.SumCells, Cell{Row: c.Row, Col: c.Col - 1})
		}
		for _, c := range sh.Uncomputed {
			t.Uncomputed = append(t.Uncomputed, Cell{Row: c.Row, Col: c.Col - 1})
		}
		for _, m := range sh.Merged {
			t.Merged = append(t.Merged, Range{FirstRow: m.FirstRow, FirstCol: m.FirstCol, LastRow: m.LastRow, LastCol: m.LastCol})
		}
		if len(t.Rows) > 0 {
			tables = append(tables, t)
		}
	}
	if len(tables) == 0 {
		return nil, fileError(name, ErrFormat, "load.no_rows")
	}
	return tables, nil
}
