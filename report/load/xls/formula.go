package xls

// A workbook's totals and subtotals are formulas that sum a range of their
// own column: SUM(E2:E9), SUBTOTAL(9,E2:E9), SUBTOTAL(109,E2:E9) under a
// filter. Package load reads them in an .xlsx file from the formula's text;
// an .xls file holds a formula as tokens in reverse Polish order (the
// "parsed expression" of [MS-XLS] 2.5.198), which this file reads as far
// as it needs: whether the formula is one of those, and its range.

// Cell is one cell of a sheet: Row and Col count from 1, as Excel shows
// them.
type Cell struct{ Row, Col int }

// recShrFmla is a shared formula: the tokens of a formula copied over a
// range of cells, whose FORMULA records point to it (tExp).
const recShrFmla = 0x04BC

// Functions of the FUNCVAR token ([MS-XLS] 2.5.198.17, Ftab).
const (
	ftabSum      = 4
	ftabSubtotal = 344
)

// sharedRef is a FORMULA record that points to a shared formula: the cell
// and the shared formula's first cell.
type sharedRef struct{ cell, anchor Cell }

// sharedFormula is a SHRFMLA record's tokens, by the first cell of its
// range.
type sharedFormula struct {
	first, last Cell
	rgce        []byte
}

// formula notes a FORMULA record's cell (row and col from 0) among the
// sheet's sums when its tokens sum a range of its column; a formula shared
// with other cells is resolved at the end of the sheet (resolveShared).
func (s *sheetReader) formula(row, col int, body []byte) {
	rgce, ok := tokensOf(body)
	if !ok {
		return
	}
	c := Cell{Row: row + 1, Col: col + 1}
	if len(rgce) == 5 && rgce[0] == 0x01 { // tExp: the tokens are a SHRFMLA's
		s.sharedRefs = append(s.sharedRefs, sharedRef{cell: c, anchor: Cell{Row: le16(rgce[1:]) + 1, Col: le16(rgce[3:]) + 1}})
		return
	}
	if sumsColumn(rgce, c, false) {
		s.sumCells = append(s.sumCells, c)
	}
}

// numericTokens reports whether a FORMULA record's own tokens can only
// give a number (numericFormula); a shared formula's are not looked at.
func (s *sheetReader) numericTokens(body []byte) bool {
	rgce, ok := tokensOf(body)
	return ok && numericFormula(rgce)
}

// tokensOf returns a FORMULA record's parsed expression: cce, its size,
// after the cell, its value and flags, then rgce; false when the record
// is too short for it.
func tokensOf(body []byte) ([]byte, bool) {
	if len(body) < 22 {
		return nil, false
	}
	n := le16(body[20:])
	if 22+n > len(body) {
		return nil, false
	}
	return body[22 : 22+n], true
}

// sharedFormula keeps a SHRFMLA record's tokens: RefU (rows from 0 as two
// 16-bit numbers, columns as two bytes), a reserved byte, cUse, cce.
func (s *sheetReader) sharedFormula(body []byte) {
	if len(body) < 10 {
		return
	}
	n := le16(body[8:])
	if 10+n > len(body) {
		return
	}
	s.shared = append(s.shared, sharedFormula{
		first: Cell{Row: le16(body) + 1, Col: int(body[4]) + 1},
		last:  Cell{Row: le16(body[2:]) + 1, Col: int(body[5]) + 1},
		rgce:  body[10 : 10+n],
	})
}

// resolveShared notes the cells of shared formulas that sum a range of
// their column, each with the shared tokens read from its own place.
func (s *sheetReader) resolveShared() {
	if len(s.sharedRefs) == 0 || len(s.shared) == 0 {
		return
	}
	byFirst := make(map[Cell]int, len(s.shared)) // a hostile file's many of each: no look through all
	for i, f := range s.shared {
		if _, ok := byFirst[f.first]; !ok {
			byFirst[f.first] = i
		}
	}
	for _, ref := range s.sharedRefs {
		i, ok := byFirst[ref.anchor]
		if !ok {
			continue
		}
		f := s.shared[i]
		in := ref.cell.Row >= f.first.Row && ref.cell.Row <= f.last.Row && ref.cell.Col >= f.first.Col && ref.cell.Col <= f.last.Col
		if in && sumsColumn(f.rgce, ref.cell, true) {
			s.sumCells = append(s.sumCells, ref.cell)
		}
	}
}

// sumsColumn reports whether the tokens rgce of the formula of cell c are
// SUM or SUBTOTAL of one range of c's column, of other rows than c's: the
// cell of a total or a subtotal (a model's funds may sum its sources across
// its row: SUM(J5:L5) is no such formula). Shared tokens hold their
// relative references as offsets from the cell.
func sumsColumn(rgce []byte, c Cell, shared bool) bool {
	var (
		area       Range
		areas      int
		number     = -1 // SUBTOTAL's function, a tInt before the range
		fn, params int  // the function that ends the formula
		ended      bool
	)
	for i := 0; i < len(rgce); {
		if ended {
			return false // tokens after the function
		}
		t := rgce[i]
		i++
		switch t {
		case 0x15: // tParen
		case 0x19: // tAttr: grbit, then two bytes
			if i+3 > len(rgce) {
				return false
			}
			switch grbit := rgce[i]; {
			case grbit == 0x10: // tAttrSum: SUM of one argument
				fn, params, ended = ftabSum, 1, true
			case grbit&^0x41 != 0: // only space (0x40) and volatile (0x01) besides
				return false
			}
			i += 3
		case 0x1E: // tInt
			if i+2 > len(rgce) || areas > 0 || number >= 0 {
				return false
			}
			number = le16(rgce[i:])
			i += 2
		case 0x25, 0x45, 0x65, 0x2D, 0x4D, 0x6D: // tArea, tAreaN
			if i+8 > len(rgce) {
				return false
			}
			relative := t&0x0F == 0x0D // tAreaN: only in a shared formula's tokens
			if relative && !shared {
				return false
			}
			r1, r2 := areaRow(rgce[i:], rgce[i+4:], c.Row, relative), areaRow(rgce[i+2:], rgce[i+6:], c.Row, relative)
			c1, c2 := areaCol(rgce[i+4:], c.Col, relative), areaCol(rgce[i+6:], c.Col, relative)
			area = Range{FirstRow: r1, FirstCol: c1, LastRow: r2, LastCol: c2}
			areas++
			i += 8
		case 0x22, 0x42, 0x62: // tFuncVar: number of arguments, function
			if i+3 > len(rgce) {
				return false
			}
			params, fn, ended = int(rgce[i]&0x7F), le16(rgce[i+1:])&0x7FFF, true
			i += 3
		default:
			return false
		}
	}
	switch {
	case !ended || areas != 1:
		return false
	case fn == ftabSum && params == 1 && number < 0:
	case fn == ftabSubtotal && params == 2 && number >= 0:
	default:
		return false
	}
	if area.FirstCol != c.Col || area.LastCol != c.Col {
		return false
	}
	return c.Row < min(area.FirstRow, area.LastRow) || c.Row > max(area.FirstRow, area.LastRow)
}

// areaRow reads the row (from 1) of an area's 16-bit row field rw, whose
// column field col holds the flag of a relative row (0x8000); in a
// tAreaN token (relative) a relative row is a signed offset from the
// cell's row.
func areaRow(rw, col []byte, cellRow int, relative bool) int {
	v := le16(rw)
	if relative && le16(col)&0x8000 != 0 {
		return cellRow + int(int16(v))
	}
	return v + 1
}

// areaCol reads the column (from 1) of an area's 16-bit column field: the
// column in its low byte, a relative column flagged 0x4000, a signed
// offset from the cell's column in a tAreaN token (relative).
func areaCol(col []byte, cellCol int, relative bool) int {
	v := le16(col)
	if relative && v&0x4000 != 0 {
		return cellCol + int(int8(v&0xFF))
	}
	return v&0xFF + 1
}

// Numeric functions of tFunc and tFuncVar ([MS-XLS] 2.5.198.17): COUNT,
// SUM, AVERAGE, MIN, MAX, ABS, INT, ROUND, COUNTA, PRODUCT, ROUNDUP,
// ROUNDDOWN, SUMPRODUCT, SUBTOTAL. Their value is never a string.
var numericFuncs = map[int]bool{0: true, 4: true, 5: true, 6: true, 7: true, 24: true, 25: true, 27: true, 169: true,
	183: true, 212: true, 213: true, 228: true, 344: true}

// tokenSize is the size of the data after each token of a parsed
// expression that numericFormula walks over, by token (its class bits
// 0x20, 0x40, 0x60 folded to 0x20); -1 for one it does not know.
func tokenSize(t byte) int {
	switch {
	case t >= 0x03 && t <= 0x16:
		return 0 // operators, tParen, tMissArg
	case t == 0x1C || t == 0x1D:
		return 1 // tErr, tBool
	case t == 0x1E:
		return 2 // tInt
	case t == 0x1F:
		return 8 // tNum
	case t >= 0x20:
		switch t&0x1F | 0x20 {
		case 0x21: // tFunc
			return 2
		case 0x22: // tFuncVar
			return 3
		case 0x23, 0x24, 0x2A, 0x2C: // tName, tRef, tRefErr, tRefN
			return 4
		case 0x25, 0x2B, 0x2D: // tArea, tAreaErr, tAreaN
			return 8
		case 0x39, 0x3A, 0x3C: // tNameX, tRef3d, tRefErr3d
			return 6
		case 0x3B, 0x3D: // tArea3d, tAreaErr3d
			return 10
		}
	}
	return -1
}

// numericFormula reports whether a formula's tokens can only give a
// number (or an error): their last operation is arithmetic (+ - * / ^,
// a sign, a percent) or a numeric function (numericFuncs, SUM as
// tAttrSum). A cached string result of such a formula is no result: what
// a program that does not compute formulas writes (xlwt writes an empty
// string), read as an empty cell, the model's money missing with no word
// said.
func numericFormula(rgce []byte) bool {
	last, fn := byte(0), -1
	for i := 0; i < len(rgce); {
		t := rgce[i]
		i++
		switch {
		case t == 0x15: // tParen: the value inside
			continue
		case t == 0x19: // tAttr
			if i+3 > len(rgce) {
				return false
			}
			switch rgce[i] {
			case 0x10: // tAttrSum
				last, fn = t, 4
			case 0x00, 0x01, 0x40, 0x41: // spaces, volatile
			default:
				return false // tAttrIf, tAttrChoose, tAttrGoto…: IF and CHOOSE may give a string
			}
			i += 3
			continue
		}
		n := tokenSize(t)
		if n < 0 || i+n > len(rgce) {
			return false
		}
		last, fn = t, -1
		switch t&0x1F | 0x20 {
		case 0x21:
			if t >= 0x20 {
				fn = le16(rgce[i:])
			}
		case 0x22:
			if t >= 0x20 {
				fn = le16(rgce[i+1:]) & 0x7FFF
			}
		}
		i += n
	}
	switch {
	case last >= 0x03 && last <= 0x07, last >= 0x12 && last <= 0x14:
		return true
	case last == 0x19 || last >= 0x20 && (last&0x1F|0x20 == 0x21 || last&0x1F|0x20 == 0x22):
		return numericFuncs[fn]
	}
	return false
}
