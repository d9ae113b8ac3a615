package load

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// Limits on what an XLSX file may unpack to, so that a hostile file (a zip
// bomb) cannot exhaust memory: 512 MiB in all.
const xlsxUnzipLimit = 512 << 20

// headerSearchRows is how far down a sheet its header row is looked for,
// past titles and agency lines above the table.
const headerSearchRows = 20

var errTooLarge = errors.New("it unpacks to more than 512 MiB")

// readXLSX reads every sheet of a workbook whose header row carries the
// contract's required columns. Cells are read as Excel stores them, so that
// numbers keep all their digits whatever their display format, a date is
// its serial number (package validate reads it as a date in the period
// column), and a formula gives its cached value.
//
// The sheets are read by a scanner of their XML made for this one job,
// about ten times faster than a general XML decoder; the workbook's small
// parts (its sheet list) go through encoding/xml.
func readXLSX(name string, data []byte, isHeader func([]string) bool) ([]*Table, error) {
	fail := func(err error) ([]*Table, error) {
		return nil, fmt.Errorf("%w: %s: not a readable XLSX workbook: %v", ErrFormat, name, err)
	}
	wb, err := openWorkbook(data)
	if err != nil {
		return fail(err)
	}
	var tables []*Table
	var skipped []string
	for _, sh := range wb.sheets {
		xmlData, err := wb.read(sh.path)
		if err != nil {
			return fail(fmt.Errorf("sheet %q: %v", sh.name, err))
		}
		t, err := readSheet(xmlData, wb.strings, name, sh.name, isHeader)
		if err != nil {
			return nil, err
		}
		if t == nil {
			skipped = append(skipped, sh.name)
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

// workbook is an opened XLSX file.
type workbook struct {
	files   map[string]*zip.File
	budget  int64 // bytes still allowed to unpack
	sheets  []sheetRef
	strings []string // the shared strings
}

type sheetRef struct{ name, path string }

func openWorkbook(data []byte) (*workbook, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	wb := &workbook{files: map[string]*zip.File{}, budget: xlsxUnzipLimit}
	for _, f := range zr.File {
		wb.files[f.Name] = f
	}
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := wb.unmarshal("xl/workbook.xml", &book); err != nil {
		return nil, err
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := wb.unmarshal("xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, r := range rels.Rel {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	for _, s := range book.Sheets {
		p, ok := targets[s.ID]
		if !ok {
			return nil, fmt.Errorf("sheet %q has no part", s.Name)
		}
		wb.sheets = append(wb.sheets, sheetRef{name: s.Name, path: p})
	}
	if _, ok := wb.files["xl/sharedStrings.xml"]; ok {
		sst, err := wb.read("xl/sharedStrings.xml")
		if err != nil {
			return nil, err
		}
		wb.strings, err = sharedStrings(sst)
		if err != nil {
			return nil, fmt.Errorf("shared strings: %v", err)
		}
	}
	return wb, nil
}

// read unpacks one part of the workbook, within the budget.
func (wb *workbook) read(name string) ([]byte, error) {
	f, ok := wb.files[name]
	if !ok {
		return nil, fmt.Errorf("no part %s", name)
	}
	if int64(f.UncompressedSize64) > wb.budget {
		return nil, errTooLarge
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
		return nil, errTooLarge
	}
	wb.budget -= int64(len(b))
	return b, nil
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
func sharedStrings(data []byte) ([]string, error) {
	s := &xmlScanner{data: data}
	var out []string
	var cur strings.Builder
	inSI, inT, inPh := false, false, false
	for {
		t, ok := s.next()
		if !ok {
			break
		}
		if inT && !inPh {
			cur.WriteString(unescape(t.text))
		}
		switch string(t.name) {
		case "si":
			if t.end {
				out = append(out, cur.String())
				inSI = false
			} else if t.empty {
				out = append(out, "")
			} else {
				inSI = true
				cur.Reset()
			}
		case "t":
			inT = inSI && !t.end && !t.empty
		case "rPh":
			inPh = !t.end && !t.empty
		}
	}
	return out, nil
}

// readSheet reads one sheet's XML, or returns nil if it has no header row.
func readSheet(data []byte, shared []string, name, sheet string, isHeader func([]string) bool) (*Table, error) {
	fail := func(row int, err error) (*Table, error) {
		return nil, fmt.Errorf("%w: %s[%s]:%d: %v", ErrFormat, name, sheet, row, err)
	}
	s := &xmlScanner{data: data}
	t := &Table{File: name, Sheet: sheet}
	var above []string // the row above the header, for vertically merged header cells
	var cells []string
	rowNum, col := 0, 0
	var cellType string // "s", "inlineStr" or "" for the others
	var value, inline strings.Builder
	inV, inIS, inT := false, false, false
	emit := func() error {
		cells := cleanCells(cells, true, nil)
		if t.Header == nil {
			if rowNum > headerSearchRows {
				return errNoHeader
			}
			if len(cells) == 0 {
				return nil
			}
			header := mergeDown(above, cells)
			if isHeader(header) {
				t.Header, t.HeaderRow = header, rowNum
			}
			above = cells
			return nil
		}
		if len(cells) > 0 { // blank rows, trailing ones included, are skipped
			t.Rows = append(t.Rows, Row{Num: rowNum, Cells: cells})
		}
		return nil
	}
	for {
		tg, ok := s.next()
		if !ok {
			break
		}
		switch {
		case inV:
			value.Write(tg.text)
		case inT && inIS:
			inline.Write(tg.text)
		}
		switch string(tg.name) {
		case "row":
			switch {
			case tg.end:
				if err := emit(); err == errNoHeader {
					return nil, nil
				} else if err != nil {
					return fail(rowNum, err)
				}
			default:
				n := rowNum + 1
				if r, ok := attr(tg.attrs, "r"); ok {
					v, err := strconv.Atoi(string(r))
					if err != nil || v <= rowNum {
						return fail(rowNum, fmt.Errorf("bad row number %q", r))
					}
					n = v
				}
				rowNum, col, cells = n, 0, cells[:0]
				if tg.empty {
					if err := emit(); err == errNoHeader {
						return nil, nil
					}
				}
			}
		case "c":
			if tg.end {
				v, err := cellText(cellType, value.String(), inline.String(), shared)
				if err != nil {
					return fail(rowNum, err)
				}
				for len(cells) <= col {
					cells = append(cells, "")
				}
				cells[col] = v
				col++
				continue
			}
			if ref, ok := attr(tg.attrs, "r"); ok {
				c, err := columnOf(ref)
				if err != nil {
					return fail(rowNum, err)
				}
				col = c
			}
			typ, _ := attr(tg.attrs, "t")
			cellType = cellTypeOf(typ)
			value.Reset()
			inline.Reset()
			if tg.empty {
				col++
			}
		case "v":
			inV = !tg.end && !tg.empty
		case "is":
			inIS = !tg.end && !tg.empty
		case "t":
			inT = !tg.end && !tg.empty
		}
	}
	if t.Header == nil {
		return nil, nil
	}
	return t, nil
}

var errNoHeader = errors.New("no header")

// cellText is the stored value of a cell of type typ.
func cellText(typ, v, inline string, shared []string) (string, error) {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(shared) {
			return "", fmt.Errorf("bad shared-string index %q", v)
		}
		return shared[i], nil
	case "inlineStr":
		return unescape([]byte(inline)), nil
	}
	return unescape([]byte(v)), nil
}

// cellTypeOf names the cell types whose value needs more than unescaping,
// without allocating for the others.
func cellTypeOf(t []byte) string {
	switch string(t) {
	case "s":
		return "s"
	case "inlineStr":
		return "inlineStr"
	}
	return ""
}

// columnOf returns the column index (from 0) of a cell reference like C7.
func columnOf(ref []byte) (int, error) {
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
	}
	if i == 0 || col > 16384 {
		return 0, fmt.Errorf("bad cell reference %q", ref)
	}
	return col - 1, nil
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
