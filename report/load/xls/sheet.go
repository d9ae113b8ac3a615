package xls

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// read reads a sheet substream's records up to its EOF, past any
// substreams nested in it (embedded charts). A substream that is not a
// worksheet is only walked through.
func (s *sheetReader) read(r *records, worksheet bool) error {
	depth := 1
	for {
		typ, body, at, err := r.next()
		if err != nil {
			return err
		}
		switch typ {
		case recBOF:
			depth++
			continue
		case recEOF:
			depth--
			if depth == 0 {
				return nil
			}
			continue
		}
		if depth > 1 || !worksheet {
			continue
		}
		if err := s.record(r, typ, body); err != nil {
			return fmt.Errorf("record 0x%04X at offset %d: %w", typ, at, err)
		}
	}
}

// errLength is a record too short for what it must hold.
func errLength(body []byte) error {
	return fmt.Errorf("%w: a record of %d bytes is too short", ErrCorrupt, len(body))
}

// record reads one record of a worksheet.
func (s *sheetReader) record(r *records, typ int, body []byte) error {
	switch typ {
	case recWSBool:
		if len(body) >= 1 {
			s.dialog = body[0]&0x10 != 0
		}
		return nil
	case recMerged:
		return s.mergedCells(body)
	case recRow:
		// rw, colMic, colMac, miyRw, 2 reserved, grbit: fDyZero (0x20) for
		// a hidden row, iOutLevel in its low 3 bits.
		if len(body) >= 14 && le16(body[12:])&0x20 != 0 {
			if le16(body[12:])&7 != 0 {
				s.foldedRows = append(s.foldedRows, le16(body)+1)
			} else {
				s.hiddenRows = append(s.hiddenRows, le16(body)+1)
			}
		}
		return nil
	case recFilterMode:
		s.filtered = true
		return nil
	case recShrFmla:
		s.sharedFormula(body)
		return nil
	case recString:
		s.segs = r.continued(body, s.segs)
		if !s.hasPending {
			return nil
		}
		s.hasPending = false
		c := cursor{segs: s.segs}
		text, err := s.dec.unicodeString(&c, 2, s.lim)
		if err != nil {
			return err
		}
		return s.add(int(s.pending.row), int(s.pending.col), text, false)
	case recNumber, recRK, recMulRK, recLabelSST, recLabel, recRString, recBoolErr, recFormula, recBlank, recMulBlank:
	default:
		return nil
	}

	// A cell record: row, column, XF index first.
	if len(body) < 6 {
		return errLength(body)
	}
	s.hasPending = false
	row, col, xf := le16(body), le16(body[2:]), le16(body[4:])
	if col > maxBIFF8Col {
		return fmt.Errorf("%w: column %d (BIFF8 has 256 columns)", ErrCorrupt, col+1)
	}
	switch typ {
	case recBlank, recMulBlank:
		return nil
	case recNumber:
		if len(body) < 14 {
			return errLength(body)
		}
		return s.addNumber(row, col, math.Float64frombits(le64(body[6:])), xf)
	case recRK:
		if len(body) < 10 {
			return errLength(body)
		}
		return s.addNumber(row, col, rk(le32(body[6:])), xf)
	case recMulRK:
		// Row, first column, then 6 bytes (XF, RK) a column, then the last
		// column.
		n := (len(body) - 6) / 6
		if len(body) < 12 || (len(body)-6)%6 != 0 {
			return errLength(body)
		}
		if last := le16(body[len(body)-2:]); last-col+1 != n {
			return fmt.Errorf("%w: MULRK from column %d to %d with %d values", ErrCorrupt, col+1, last+1, n)
		}
		for i := range n {
			v := body[4+6*i:]
			if err := s.addNumber(row, col+i, rk(le32(v[2:])), le16(v)); err != nil {
				return err
			}
		}
		return nil
	case recLabelSST:
		if len(body) < 10 {
			return errLength(body)
		}
		i := le32(body[6:])
		if int64(i) >= int64(len(s.sst)) {
			return fmt.Errorf("%w: shared string %d of %d", ErrCorrupt, i, len(s.sst))
		}
		return s.add(row, col, s.sst[i], true)
	case recLabel, recRString:
		s.segs = r.continued(body[6:], s.segs)
		c := cursor{segs: s.segs}
		text, err := s.dec.unicodeString(&c, 2, s.lim)
		if err != nil {
			return err
		}
		return s.add(row, col, text, false)
	case recBoolErr:
		if len(body) < 8 {
			return errLength(body)
		}
		text, err := boolErr(body[6], body[7] != 0)
		if err != nil {
			return err
		}
		return s.add(row, col, text, false)
	case recFormula:
		if len(body) < 20 {
			return errLength(body)
		}
		s.formula(row, col, body)
		v := body[6:14]
		if v[6] != 0xFF || v[7] != 0xFF {
			return s.addNumber(row, col, math.Float64frombits(le64(v)), xf)
		}
		if (v[0] == 0 || v[0] == 3) && s.numericTokens(body) {
			// A string for a formula that gives a number: no value
			// saved (xlwt), not an empty cell.
			s.uncomputed = append(s.uncomputed, Cell{Row: row + 1, Col: col + 1})
		}
		switch v[0] {
		case 0: // a string, in the STRING record that follows
			s.pending, s.hasPending = cell{row: int32(row), col: int32(col)}, true
			return nil
		case 1:
			text, err := boolErr(v[2], false)
			if err != nil {
				return err
			}
			return s.add(row, col, text, false)
		case 2:
			text, err := boolErr(v[2], true)
			if err != nil {
				return err
			}
			return s.add(row, col, text, false)
		case 3: // an empty string
			return nil
		}
		return fmt.Errorf("%w: a formula result of type %d", ErrCorrupt, v[0])
	}
	return nil
}

// add keeps a cell's text; shared tells a shared string, whose bytes are
// already accounted for.
func (s *sheetReader) add(row, col int, text string, shared bool) error {
	if text == "" {
		return nil
	}
	if s.lim.cells+len(s.cells) >= s.lim.MaxCells {
		return fmt.Errorf("%w: more than %d cells", ErrLimit, s.lim.MaxCells)
	}
	if !shared {
		if err := s.lim.text(len(text)); err != nil {
			return err
		}
	}
	s.cells = append(s.cells, cell{row: int32(row), col: int32(col), text: text})
	return nil
}

// addNumber adds a number cell as its format shows it (numfmt.Format.Show):
// a date as its text, a number with its bit set in its row's Numbers.
func (s *sheetReader) addNumber(row, col int, v float64, xf int) error {
	n := len(s.cells)
	text, number := formatNumber(v), true
	if xf < len(s.xfFormats) {
		text, number = s.xfFormats[xf].Show(text, s.date1904)
	}
	if err := s.add(row, col, text, false); err != nil || len(s.cells) == n {
		return err
	}
	s.cells[n].number = number
	return nil
}

// mergedCells reads a MERGEDCELLS record.
func (s *sheetReader) mergedCells(body []byte) error {
	if len(body) < 2 {
		return errLength(body)
	}
	n := le16(body)
	if len(body)-2 < 8*n {
		return fmt.Errorf("%w: MERGEDCELLS declares %d ranges in %d bytes", ErrCorrupt, n, len(body))
	}
	for i := range n {
		v := body[2+8*i:]
		rg := Range{FirstRow: le16(v) + 1, LastRow: le16(v[2:]) + 1, FirstCol: le16(v[4:]) + 1, LastCol: le16(v[6:]) + 1}
		if rg.FirstRow > rg.LastRow || rg.FirstCol > rg.LastCol {
			return fmt.Errorf("%w: merged range rows %d-%d, columns %d-%d", ErrCorrupt, rg.FirstRow, rg.LastRow, rg.FirstCol, rg.LastCol)
		}
		s.merged = append(s.merged, rg)
	}
	return nil
}

// boolErr is the text of a boolean or error value.
func boolErr(v byte, isErr bool) (string, error) {
	if !isErr {
		switch v {
		case 0:
			return "FALSE", nil
		case 1:
			return "TRUE", nil
		}
		return "", fmt.Errorf("%w: a boolean of value %d", ErrCorrupt, v)
	}
	switch v {
	case 0x00:
		return "#NULL!", nil
	case 0x07:
		return "#DIV/0!", nil
	case 0x0F:
		return "#VALUE!", nil
	case 0x17:
		return "#REF!", nil
	case 0x1D:
		return "#NAME?", nil
	case 0x24:
		return "#NUM!", nil
	case 0x2A:
		return "#N/A", nil
	case 0x2B:
		return "#GETTING_DATA", nil
	}
	return "", fmt.Errorf("%w: an error value of code 0x%02X", ErrCorrupt, v)
}

// buildRows makes a sheet's rows from its cells: sorted by row and
// column (a later cell at the same place wins), every row's cells in one
// shared backing array.
func buildRows(cells []cell, l *limits) ([]Row, error) {
	byPlace := func(a, b cell) int {
		if c := cmp.Compare(a.row, b.row); c != 0 {
			return c
		}
		return cmp.Compare(a.col, b.col)
	}
	if !slices.IsSortedFunc(cells, byPlace) {
		slices.SortStableFunc(cells, byPlace)
	}
	nrows, width := 0, 0
	for i, c := range cells {
		if i+1 == len(cells) || cells[i+1].row != c.row {
			nrows++
			width += int(c.col) + 1
		}
	}
	if err := l.addCells(width); err != nil {
		return nil, err
	}
	if nrows == 0 {
		return nil, nil
	}
	slab := make([]string, width)
	rows := make([]Row, 0, nrows)
	for i := 0; i < len(cells); {
		j := i
		for j < len(cells) && cells[j].row == cells[i].row {
			j++
		}
		w := int(cells[j-1].col) + 1
		row := slab[:w:w]
		slab = slab[w:]
		r := Row{Num: int(cells[i].row) + 1, Cells: row}
		for k, c := range cells[i:j] {
			row[c.col] = c.text
			if !c.number || i+k+1 < j && cells[i+k+1].col == c.col {
				continue // a later cell at the same place wins
			}
			if c.col < 64 {
				r.Numbers |= 1 << uint(c.col)
			} else {
				r.WideNumbers = append(r.WideNumbers, int(c.col))
			}
		}
		rows = append(rows, r)
		i = j
	}
	return rows, nil
}
