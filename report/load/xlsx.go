package load

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dvkreport/dvkreport/report/load/internal/numfmt"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
)

// readXLSX reads every worksheet of a workbook that has a non-blank row.
// Cells are read as Excel stores them, so that numbers keep all their
// digits whatever their display format, a date is its serial number
// (package validate reads it as a date in the period column), a formula
// gives its cached value, a boolean is TRUE or FALSE and an error value its
// code (#N/A).
//
// The sheets are read by a scanner of their XML made for this one job,
// about ten times faster than a general XML decoder; the workbook's small
// parts (its sheet list) go through encoding/xml. What a workbook may
// unpack to and how many cells it may hold are bounded (see Limits).
func readXLSX(name string, data []byte, lim Limits) ([]*Table, error) {
	fail := func(err error) ([]*Table, error) {
		var le *Error
		if errors.As(err, &le) {
			return nil, le
		}
		return nil, fileError(name, ErrFormat, "load.xlsx", err)
	}
	wb, err := openWorkbook(name, data, lim)
	if err != nil {
		switch misnamed(data) {
		case kindOLE2:
			return nil, fileError(name, ErrFormat, "load.xlsx_ole2")
		case kindHTML:
			return nil, fileError(name, ErrFormat, "load.html_table")
		case kindText:
			return nil, fileError(name, ErrFormat, "load.text_not_workbook")
		}
		return fail(err)
	}
	var tables []*Table
	for _, sh := range wb.sheets {
		xmlData, err := wb.read(sh.path)
		if err != nil {
			return fail(msg.New("load.xlsx_sheet", msg.Quote(sh.name), err))
		}
		t, err := wb.readSheet(xmlData, sh.name)
		if err != nil {
			return nil, err
		}
		t.Hidden = sh.hidden
		if len(t.Rows) > 0 {
			tables = append(tables, t)
		}
	}
	if len(tables) == 0 {
		return nil, fileError(name, ErrFormat, "load.no_rows")
	}
	return tables, nil
}

// workbook is an opened XLSX file.
type workbook struct {
	name    string // the file's
	size    int    // the file's size in bytes
	files   map[string]*zip.File
	budget  int64 // bytes still allowed to unpack
	cells   int64 // cells (and shared strings) still allowed
	lim     Limits
	sheets  []sheetRef
	strings []string // the shared strings
	// formats are the number formats of the cell styles (styles.xml's
	// cellXfs), by style index.
	formats []numfmt.Format
	// date1904 is set when the workbook counts dates from 1904 (Excel for
	// Mac before 2011 did); recalc when it asks to be calculated again when
	// opened, its formulas' saved values being out of date (what files
	// written by programs say).
	date1904, recalc bool
}

type sheetRef struct {
	name, path string
	hidden     bool // hidden, or very hidden (not even listed to unhide)
}

func openWorkbook(name string, data []byte, lim Limits) (*workbook, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	wb := &workbook{name: name, size: len(data), files: map[string]*zip.File{}, budget: lim.unpackBudget(len(data)),
		cells: lim.cellBudget(len(data)), lim: lim}
	for _, f := range zr.File {
		wb.files[f.Name] = f
	}
	var book struct {
		Sheets []struct {
			Name  string `xml:"name,attr"`
			ID    string `xml:"id,attr"`
			State string `xml:"state,attr"`
		} `xml:"sheets>sheet"`
		Props struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Calc struct {
			FullCalcOnLoad string `xml:"fullCalcOnLoad,attr"`
		} `xml:"calcPr"`
	}
	if err := wb.unmarshal("xl/workbook.xml", &book); err != nil {
		return nil, err
	}
	wb.date1904 = xmlTrue(book.Props.Date1904)
	wb.recalc = xmlTrue(book.Calc.FullCalcOnLoad)
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := wb.unmarshal("xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	targets := map[string]string{}
	styles := "xl/styles.xml"
	for _, r := range rels.Rel {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
		if strings.HasSuffix(r.Type, "/styles") {
			styles = t
		}
	}
	for _, s := range book.Sheets {
		p, ok := targets[s.ID]
		if !ok {
			return nil, msg.New("load.xlsx_no_part", msg.Quote(s.Name))
		}
		wb.sheets = append(wb.sheets, sheetRef{name: s.Name, path: p, hidden: s.State == "hidden" || s.State == "veryHidden"})
	}
	if _, ok := wb.files[styles]; ok {
		var st struct {
			NumFmts []struct {
				ID   int    `xml:"numFmtId,attr"`
				Code string `xml:"formatCode,attr"`
			} `xml:"numFmts>numFmt"`
			Xfs []struct {
				NumFmt int `xml:"numFmtId,attr"`
			} `xml:"cellXfs>xf"`
		}
		if err := wb.unmarshal(styles, &st); err != nil {
			return nil, err
		}
		custom := map[int]numfmt.Format{}
		for _, f := range st.NumFmts {
			custom[f.ID] = numfmt.Parse(f.Code)
		}
		wb.formats = make([]numfmt.Format, len(st.Xfs))
		for i, x := range st.Xfs {
			f, ok := custom[x.NumFmt]
			if !ok {
				f = numfmt.Builtin(x.NumFmt)
			}
			wb.formats[i] = f
		}
	}
	if _, ok := wb.files["xl/sharedStrings.xml"]; ok {
		sst, err := wb.read("xl/sharedStrings.xml")
		if err != nil {
			return nil, err
		}
		if wb.strings, err = wb.sharedStrings(sst); err != nil {
			return nil, err
		}
	}
	return wb, nil
}

// sumRe reads a formula that sums a range: SUM(I2:I5), SUBTOTAL(9,I2:I5)
// or SUBTOTAL(109,…) (which leaves out the rows a filter hides),
// AGGREGATE(9,5,…).
var sumRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^\s*=?\s*(?:SUM\s*\(|SUBTOTAL\s*\(\s*\d+\s*,|AGGREGATE\s*\(\s*\d+\s*,\s*\d+\s*,)\s*\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)\s*\)\s*$`)
})

// sumsColumn reports whether formula f, of the cell of row and column col
// (from 0), sums a range of its own column of other rows: the cell of a
// total or a subtotal, never of a model (a model's funds may sum its
// sources across its row: SUM(J5:L5) is no such formula).
func sumsColumn(f string, row, col int) bool {
	m := sumRe().FindStringSubmatch(f)
	if m == nil {
		return false
	}
	c1, ok1 := columnOf([]byte(m[1]))
	c2, ok2 := columnOf([]byte(m[3]))
	r1, err1 := strconv.Atoi(m[2])
	r2, err2 := strconv.Atoi(m[4])
	if !ok1 || !ok2 || err1 != nil || err2 != nil || c1 != col || c2 != col {
		return false
	}
	return row < min(r1, r2) || row > max(r1, r2) // other rows than its own
}

// zeroHeight reports whether a row's attributes give it a custom height of
// 0, which hides it as well as hidden="1" does.
func zeroHeight(attrs []byte) bool {
	if custom, ok := attr(attrs, "customHeight"); !ok || !xmlTrue(string(custom)) {
		return false // most rows: no look for a height
	}
	ht, _ := attr(attrs, "ht")
	h, err := strconv.ParseFloat(string(ht), 64)
	return err == nil && h == 0
}

// xmlTrue reports whether an XML boolean attribute is true.
func xmlTrue(v string) bool { return v == "1" || v == "true" }

// read unpacks one part of the workbook, within the budget.
func (wb *workbook) read(name string) ([]byte, error) {
	f, ok := wb.files[name]
	if !ok {
		return nil, msg.New("load.xlsx_no_part", msg.Quote(name))
	}
	if f.UncompressedSize64 > uint64(wb.budget) {
		return nil, wb.tooLarge()
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	// Read into a buffer of the size the header gives; the header may lie,
	// so read at most one byte past the budget.
	buf := bytes.NewBuffer(make([]byte, 0, f.UncompressedSize64+1))
	if _, err := buf.ReadFrom(io.LimitReader(rc, wb.budget+1)); err != nil {
		return nil, err
	}
	b := buf.Bytes()
	if int64(len(b)) > wb.budget {
		return nil, wb.tooLarge()
	}
	wb.budget -= int64(len(b))
	return b, nil
}

// tooLarge is the error of a workbook that unpacks to more than its budget.
func (wb *workbook) tooLarge() error {
	return fileError(wb.name, ErrLimit, "load.xlsx_too_large", msg.Number(wb.lim.unpackBudget(wb.size)>>20),
		wb.lim.UnpackRatio, msg.Number(wb.lim.MaxUnpackedBytes>>20))
}

// tooManyCells is the error of a workbook of more cells than its budget.
func (wb *workbook) tooManyCells(sheet string) error {
	return &Error{Pos: record.Pos{File: wb.name, Sheet: sheet}, Err: ErrLimit,
		Text: msg.New("load.xlsx_too_many_cells", msg.Number(wb.lim.cellBudget(wb.size)), wb.lim.CellsPerByte, msg.Number(wb.lim.MaxCells))}
}

func (wb *workbook) unmarshal(name string, v any) error {
	b, err := wb.read(name)
	if err != nil {
		return err
	}
	return xml.Unmarshal(b, v)
}

// xmlScanner walks the tags of an XML document and the text between them.
type xmlScanner struct {
	data []byte
	pos  int
}

// tag is one start, end or empty element tag.
type tag struct {
	name  []byte // local name, without a namespace prefix
	end   bool   // </name>
	empty bool   // <name/>
	attrs []byte // the raw attributes of a start tag
	text  []byte // the text before the tag
}

// next returns the next tag, or false at the end. Comments, processing
// instructions and declarations are skipped.
func (s *xmlScanner) next() (tag, bool) {
	start := s.pos
	for {
		i := bytes.IndexByte(s.data[s.pos:], '<')
		if i < 0 {
			return tag{}, false
		}
		lt := s.pos + i
		gt := bytes.IndexByte(s.data[lt:], '>')
		if gt < 0 {
			return tag{}, false
		}
		gt += lt
		body := s.data[lt+1 : gt]
		s.pos = gt + 1
		if len(body) > 0 && (body[0] == '?' || body[0] == '!') {
			if bytes.HasPrefix(body, []byte("!--")) && !bytes.HasSuffix(body, []byte("--")) {
				// A comment with '>' inside: skip to its end.
				if j := bytes.Index(s.data[lt:], []byte("-->")); j >= 0 {
					s.pos = lt + j + 3
				}
			}
			continue
		}
		t := tag{text: s.data[start:lt]}
		if len(body) > 0 && body[0] == '/' {
			t.end = true
			body = body[1:]
		}
		if len(body) > 0 && body[len(body)-1] == '/' {
			t.empty = true
			body = body[:len(body)-1]
		}
		n := bytes.IndexAny(body, " \t\r\n")
		if n < 0 {
			n = len(body)
		}
		name := body[:n]
		if c := bytes.IndexByte(name, ':'); c >= 0 {
			name = name[c+1:]
		}
		t.name = name
		t.attrs = body[n:]
		return t, true
	}
}

// attr returns the value of an attribute of a start tag, still escaped.
func attr(attrs []byte, name string) ([]byte, bool) {
	for len(attrs) > 0 {
		attrs = bytes.TrimLeft(attrs, " \t\r\n")
		eq := bytes.IndexByte(attrs, '=')
		if eq < 0 || eq+1 >= len(attrs) {
			return nil, false
		}
		key := bytes.TrimSpace(attrs[:eq])
		if c := bytes.IndexByte(key, ':'); c >= 0 {
			key = key[c+1:]
		}
		q := attrs[eq+1]
		end := bytes.IndexByte(attrs[eq+2:], q)
		if end < 0 {
			return nil, false
		}
		val := attrs[eq+2 : eq+2+end]
		if string(key) == name {
			return val, true
		}
		attrs = attrs[eq+2+end+1:]
	}
	return nil, false
}

// unescape resolves XML character references and entities, and OOXML's
// _xHHHH_ escapes of control characters.
func unescape(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 && !bytes.Contains(b, []byte("_x")) {
		return string(b)
	}
	var out strings.Builder
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '&':
			semi := bytes.IndexByte(b[i:], ';')
			if semi < 0 {
				out.WriteByte(c)
				continue
			}
			ent := string(b[i+1 : i+semi])
			switch {
			case ent == "amp":
				out.WriteByte('&')
			case ent == "lt":
				out.WriteByte('<')
			case ent == "gt":
				out.WriteByte('>')
			case ent == "quot":
				out.WriteByte('"')
			case ent == "apos":
				out.WriteByte('\'')
			case strings.HasPrefix(ent, "#x") || strings.HasPrefix(ent, "#X"):
				n, err := strconv.ParseUint(ent[2:], 16, 32)
				if err != nil {
					out.WriteString("&" + ent + ";")
					break
				}
				out.WriteRune(rune(n))
			case strings.HasPrefix(ent, "#"):
				n, err := strconv.ParseUint(ent[1:], 10, 32)
				if err != nil {
					out.WriteString("&" + ent + ";")
					break
				}
				out.WriteRune(rune(n))
			default:
				out.WriteString("&" + ent + ";")
			}
			i += semi
		case c == '_' && i+6 < len(b) && b[i+1] == 'x' && b[i+6] == '_':
			n, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 32)
			if err != nil {
				out.WriteByte(c)
				continue
			}
			out.WriteRune(rune(n))
			i += 6
		default:
			out.WriteByte(c)
		}
	}
	return out.String()
}

// sharedStrings reads the shared-strings part: each <si>'s text runs
// joined, phonetic runs (<rPh>) left out.
func (wb *workbook) sharedStrings(data []byte) ([]string, error) {
	s := &xmlScanner{data: data}
	var out []string
	var cur strings.Builder
	inSI, inT, inPh := false, false, false
	add := func(v string) error {
		if wb.cells--; wb.cells < 0 {
			return wb.tooManyCells("")
		}
		if runeCountOver(v, wb.lim.MaxCellChars) {
			return fileError(wb.name, ErrLimit, "load.xlsx_string_too_long", len(out)+1, msg.Number(wb.lim.MaxCellChars))
		}
		out = append(out, v)
		return nil
	}
	for {
		t, ok := s.next()
		if !ok {
			break
		}
		if inT && !inPh {
			cur.WriteString(unescape(t.text))
			if cur.Len() > 4*wb.lim.MaxCellChars+4 {
				return nil, fileError(wb.name, ErrLimit, "load.xlsx_string_too_long", len(out)+1, msg.Number(wb.lim.MaxCellChars))
			}
		}
		switch string(t.name) {
		case "si":
			switch {
			case t.end:
				if err := add(cur.String()); err != nil {
					return nil, err
				}
				inSI = false
			case t.empty:
				if err := add(""); err != nil {
					return nil, err
				}
			default:
				inSI = true
				cur.Reset()
			}
		case "t":
			inT = inSI && !t.end && !t.empty
		case "rPh":
			inPh = !t.end && !t.empty
		}
	}
	if inSI {
		return nil, fileError(wb.name, ErrFormat, "load.xlsx_broken_strings")
	}
	return out, nil
}

// readSheet reads one sheet's XML: its non-blank rows and merged cells.
// A row or cell that is not closed, a row number that does not increase, a
// cell reference or shared-string index that does not parse: each is an
// error naming the row, never a row dropped.
func (wb *workbook) readSheet(data []byte, sheet string) (*Table, error) {
	fail := func(row int, m msg.Text) (*Table, error) {
		return nil, &Error{Pos: record.Pos{File: wb.name, Sheet: sheet, Row: row}, Text: m, Err: ErrFormat}
	}
	s := &xmlScanner{data: data}
	t := &Table{File: wb.name, Sheet: sheet}
	var cells []string
	var spans spanSlab
	var numbers uint64 // Row.Numbers
	rowNum, col := 0, 0
	var cellType string // "s", "inlineStr", "b", "e" or "" for the others
	style := 0          // the cell's style, an index in wb.formats
	formula := false    // the cell has a formula
	inF := false        // in its text
	var fbuf bytes.Buffer
	filterFrom := 0 // the first column of the sheet's filter
	var value, inline strings.Builder
	inRow, inCell, inV, inIS, inT := false, false, false, false, false
	values := 0 // the <v> elements of the current cell
	endRow := func() {
		if r, ok := cleanRow(rowNum, cells, true, "", &spans); ok { // blank rows are skipped
			r.Numbers = numbers
			t.Rows = append(t.Rows, r)
		}
		inRow = false
	}
	for {
		tg, ok := s.next()
		if !ok {
			break
		}
		switch {
		case inV:
			value.Write(tg.text)
		case inF && fbuf.Len() < 256:
			fbuf.Write(tg.text)
		case inT && inIS:
			inline.Write(tg.text)
		}
		if value.Len()+inline.Len() > 4*wb.lim.MaxCellChars+4 {
			return nil, &Error{Pos: record.Pos{File: wb.name, Sheet: sheet, Row: rowNum}, Err: ErrLimit,
				Text: msg.New("load.cell_too_long", msg.Number(wb.lim.MaxCellChars))}
		}
		switch string(tg.name) {
		case "row":
			switch {
			case tg.end:
				if !inRow || inCell {
					return fail(rowNum, msg.New("load.xlsx_broken_row"))
				}
				endRow()
			default:
				if inRow {
					return fail(rowNum, msg.New("load.xlsx_row_not_closed"))
				}
				n := rowNum + 1
				if r, ok := attr(tg.attrs, "r"); ok {
					v, err := strconv.Atoi(string(r))
					if err != nil || v <= rowNum || v > 1<<20 {
						return fail(rowNum+1, msg.New("load.xlsx_row_number", msg.Quote(string(r))))
					}
					n = v
				}
				rowNum, col, cells, numbers = n, 0, cells[:0], 0
				inRow = !tg.empty
				if h, ok := attr(tg.attrs, "hidden"); ok && xmlTrue(string(h)) || zeroHeight(tg.attrs) {
					if l, ok := attr(tg.attrs, "outlineLevel"); ok && string(l) != "0" {
						t.FoldedRows = append(t.FoldedRows, n) // in a group of rows shown collapsed
					} else {
						t.HiddenRows = append(t.HiddenRows, n)
					}
				}
			}
		case "c":
			if !inRow {
				return fail(rowNum, msg.New("load.xlsx_cell_outside_row"))
			}
			if tg.end {
				if !inCell {
					return fail(rowNum, msg.New("load.xlsx_broken_row"))
				}
				v, m := cellText(cellType, value.String(), inline.String(), wb.strings)
				if !m.IsZero() {
					return fail(rowNum, m)
				}
				number := cellType == "n"
				if number && v != "" && style < len(wb.formats) {
					v, number = wb.formats[style].Show(v, wb.date1904)
				}
				if formula && (values == 0 || cellType == "n" && value.Len() == 0 || wb.recalc) {
					// A formula whose value was never saved, or may be out
					// of date: Excel shows another figure than the file
					// holds.
					t.Uncomputed = append(t.Uncomputed, Cell{Row: rowNum, Col: col})
				}
				if runeCountOver(v, wb.lim.MaxCellChars) {
					return nil, &Error{Pos: record.Pos{File: wb.name, Sheet: sheet, Row: rowNum, Col: col + 1}, Err: ErrLimit,
						Text: msg.New("load.cell_too_long", msg.Number(wb.lim.MaxCellChars))}
				}
				if v != "" {
					if wb.cells -= int64(col + 1 - len(cells)); wb.cells < 0 {
						return nil, wb.tooManyCells(sheet)
					}
					for len(cells) <= col {
						cells = append(cells, "")
					}
					cells[col] = v
					if number {
						t.setNumber(&numbers, rowNum, col)
					}
				}
				col++
				inCell = false
				continue
			}
			if inCell {
				return fail(rowNum, msg.New("load.xlsx_broken_row"))
			}
			if ref, ok := attr(tg.attrs, "r"); ok {
				c, ok := columnOf(ref)
				if !ok || c < col && col > 0 && c < len(cells) && cells[c] != "" {
					return fail(rowNum, msg.New("load.xlsx_cell_ref", msg.Quote(string(ref))))
				}
				col = c
			}
			typ, _ := attr(tg.attrs, "t")
			cellType = cellTypeOf(typ)
			style = 0
			if sa, ok := attr(tg.attrs, "s"); ok {
				n, err := strconv.Atoi(string(sa))
				if err != nil || n < 0 {
					return fail(rowNum, msg.New("load.xlsx_style", msg.Quote(string(sa))))
				}
				style = n
			}
			value.Reset()
			inline.Reset()
			values, formula = 0, false
			if tg.empty {
				col++
			} else {
				inCell = true
			}
		case "v":
			if !tg.end {
				// A cell holds one value: two would be read as one
				// number made of both ("1" and "2" as 12).
				if values++; values > 1 {
					return fail(rowNum, msg.New("load.xlsx_two_values"))
				}
			}
			inV = !tg.end && !tg.empty
		case "f":
			formula = formula || inCell && !tg.end
			switch {
			case inCell && !tg.end && !tg.empty:
				inF = true
				fbuf.Reset()
			case inF && tg.end:
				inF = false
				if sumsColumn(unescape(fbuf.Bytes()), rowNum, col) {
					t.SumCells = append(t.SumCells, Cell{Row: rowNum, Col: col})
				}
			}
		case "autoFilter":
			if ref, ok := attr(tg.attrs, "ref"); ok && !tg.end {
				if r, ok := rangeOf(ref); ok {
					filterFrom = r.FirstCol - 1
				}
			}
		case "filterColumn": // a column of the sheet's filter that hides rows
			t.Filtered = true
			if !tg.end {
				id, _ := attr(tg.attrs, "colId")
				n, err := strconv.Atoi(string(id))
				if err != nil || n < 0 || n > 16384 {
					n, filterFrom = -1, 0 // no column: not judged
				}
				t.Filter = append(t.Filter, FilterColumn{Col: filterFrom + n, Other: n < 0})
			}
		case "filters":
			if b, ok := attr(tg.attrs, "blank"); ok && xmlTrue(string(b)) && len(t.Filter) > 0 {
				t.Filter[len(t.Filter)-1].Blank = true
			}
		case "filter":
			if v, ok := attr(tg.attrs, "val"); ok && !tg.end && len(t.Filter) > 0 {
				fc := &t.Filter[len(t.Filter)-1]
				fc.Values = append(fc.Values, Clean(unescape(v)))
			}
		case "customFilters", "dynamicFilter", "top10", "colorFilter", "iconFilter", "dateGroupItem":
			if len(t.Filter) > 0 {
				t.Filter[len(t.Filter)-1].Other = true // criteria not judged here
			}
		case "sheetPr":
			if v, ok := attr(tg.attrs, "filterMode"); ok && xmlTrue(string(v)) {
				t.Filtered = true
			}
		case "is":
			inIS = !tg.end && !tg.empty
		case "t":
			inT = !tg.end && !tg.empty
		case "mergeCell":
			if ref, ok := attr(tg.attrs, "ref"); ok && !tg.end {
				r, ok := rangeOf(ref)
				if !ok {
					return fail(0, msg.New("load.xlsx_merge_ref", msg.Quote(string(ref))))
				}
				t.Merged = append(t.Merged, r)
			}
		case "sheetData":
			if tg.end && inRow {
				return fail(rowNum, msg.New("load.xlsx_row_not_closed"))
			}
		}
	}
	if inRow || inCell {
		return fail(rowNum, msg.New("load.xlsx_row_not_closed"))
	}
	return t, nil
}

// cellText is the stored value of a cell of type typ, or the message of
// what is wrong with it.
func cellText(typ, v, inline string, shared []string) (string, msg.Text) {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(shared) {
			return "", msg.New("load.xlsx_shared_index", msg.Quote(v))
		}
		return shared[i], msg.Text{}
	case "inlineStr":
		return unescape([]byte(inline)), msg.Text{}
	case "b":
		switch strings.TrimSpace(v) {
		case "1":
			return "TRUE", msg.Text{}
		case "0":
			return "FALSE", msg.Text{}
		}
		return "", msg.New("load.xlsx_boolean", msg.Quote(v))
	case "n":
		return excelNumber(unescape([]byte(v))), msg.Text{}
	case "d":
		// An ISO 8601 date (strict OOXML), shown as a date like a number
		// in a date's format; the time of day is left out.
		d := strings.TrimSpace(unescape([]byte(v)))
		if day, _, _ := strings.Cut(d, "T"); len(day) == 10 {
			if t, err := time.Parse("2006-01-02", day); err == nil {
				return t.Format("02/01/2006"), msg.Text{}
			}
		}
		return d, msg.Text{}
	}
	return unescape([]byte(v)), msg.Text{}
}

// excelNumber is a number cell's value as Excel shows it: to 15
// significant digits, the precision Excel keeps, so that the binary noise
// of a formula (0.1 + 0.2 stored as 0.30000000000000004, or 1,5 million as
// 1499999.9999999998) is not read as a figure of its own; a value stored
// with an exponent (5E+6) is written out. Values of 10^15 and more, below
// 10^-5 with an exponent, and whatever is no number, are left as they are
// written.
func excelNumber(s string) string {
	digits := 0
	for i := 0; i < len(s) && s[i] != 'e' && s[i] != 'E'; i++ {
		if '0' <= s[i] && s[i] <= '9' {
			digits++
		}
	}
	exp := strings.ContainsAny(s, "eE") // 5E+6, as some programs store a number
	if digits <= 15 && !exp {
		return s
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || math.Abs(v) >= 1e15 || exp && v != 0 && math.Abs(v) < 1e-5 {
		return s
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		return s
	}
	if r == math.Trunc(r) {
		return strconv.FormatInt(int64(r), 10)
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// cellTypeOf names the cell types whose value needs more than unescaping,
// without allocating for the others. Strings of formulas ("str") and
// errors ("e") are their text.
func cellTypeOf(t []byte) string {
	switch string(t) {
	case "s":
		return "s"
	case "inlineStr":
		return "inlineStr"
	case "b":
		return "b"
	case "n", "":
		return "n"
	case "d":
		return "d"
	}
	return ""
}

// columnOf returns the column index (from 0) of a cell reference like C7;
// ok is false for anything else, or beyond Excel's last column XFD.
func columnOf(ref []byte) (int, bool) {
	col := 0
	i := 0
	for ; i < len(ref); i++ {
		c := ref[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			break
		}
		col = col*26 + int(c-'A'+1)
		if col > 16384 {
			return 0, false
		}
	}
	if i == 0 || i > 3 {
		return 0, false
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	return col - 1, true
}

// cellRef reads a reference like C7 into its row and column (from 1).
func cellRef(ref []byte) (row, col int, ok bool) {
	c, ok := columnOf(ref)
	if !ok {
		return 0, 0, false
	}
	i := bytes.IndexAny(ref, "0123456789")
	if i < 0 {
		return 0, 0, false
	}
	r, err := strconv.Atoi(string(ref[i:]))
	if err != nil || r < 1 || r > 1<<20 {
		return 0, 0, false
	}
	return r, c + 1, true
}

// rangeOf reads a range like A1:C2 (or a single cell).
func rangeOf(ref []byte) (Range, bool) {
	a, b, found := bytes.Cut(ref, []byte(":"))
	if !found {
		b = a
	}
	r1, c1, ok1 := cellRef(a)
	r2, c2, ok2 := cellRef(b)
	if !ok1 || !ok2 || r2 < r1 || c2 < c1 {
		return Range{}, false
	}
	return Range{FirstRow: r1, FirstCol: c1, LastRow: r2, LastCol: c2}, true
}
