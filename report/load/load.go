// Package load reads register files into tables of text cells, keeping the
// position of every cell so that later steps can say exactly where a problem
// is. It knows file formats and character sets, not the meaning of columns:
// that is package validate's job.
//
// Supported formats are CSV (comma, semicolon or tab separated, in UTF-8
// with or without a byte-order mark, UTF-16 as Excel's "Unicode text"
// writes it, Windows-1258, or the legacy TCVN3 and VNI encodings, detected
// or named; see package charset), XLSX workbooks (every sheet with a header
// row) and JSON (an array of objects). Cells are normalised to Unicode NFC
// and trimmed of surrounding white space.
package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"

	"github.com/dvkreport/dvkreport/report/load/charset"
)

// Table is one sheet of text cells: a CSV file, a JSON array, or one sheet of
// a workbook.
type Table struct {
	File  string // the name the file was opened by
	Sheet string // the sheet's name, for workbooks only
	// HeaderRow is the row number of Header: 1 for a CSV file whose first
	// line is the header, 0 for JSON, whose keys have no row.
	HeaderRow int
	Header    []string
	Rows      []Row
}

// Row is one data row. Num is its row number in the file (for CSV, the line
// on which the record starts; for JSON, the object's place in the array,
// counting from 1). Cells is aligned with the table's Header; a row may have
// fewer cells than the header when its trailing cells are empty.
type Row struct {
	Num   int
	Cells []string
}

// Format is a file format.
type Format int

const (
	FormatAuto Format = iota // decide by the file name's extension
	FormatCSV
	FormatJSON
	FormatXLSX
)

// Options control reading.
type Options struct {
	// Encoding is a CSV file's character set; charset.Auto detects it.
	Encoding charset.Charset
	// IsHeader tells a header row from the title rows above it: the header
	// is the first row, among the first 20, for which it is true. If it is
	// nil, or no row passes, the first non-empty row is the header.
	IsHeader func(cells []string) bool
}

// ErrFormat is wrapped by errors about a file's format (not its data).
var ErrFormat = errors.New("unreadable file")

// FormatOf returns the format that a file name's extension implies.
func FormatOf(name string) (Format, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".tsv", ".txt":
		return FormatCSV, nil
	case ".json":
		return FormatJSON, nil
	case ".xlsx", ".xlsm":
		return FormatXLSX, nil
	}
	return 0, fmt.Errorf("%w: %s: unknown file type %q (want .csv, .tsv, .txt, .xlsx or .json)", ErrFormat, name, filepath.Ext(name))
}

// File reads the named file from the operating system.
func File(name string, opts Options) ([]*Table, error) {
	return FileFS(osFS{}, name, opts)
}

// FileFS reads the named file from fsys.
func FileFS(fsys fs.FS, name string, opts Options) ([]*Table, error) {
	format, err := FormatOf(name)
	if err != nil {
		return nil, err
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	return Bytes(name, data, format, opts)
}

// osFS opens names as the operating system does, relative paths included
// (os.DirFS would refuse "../x.csv").
type osFS struct{}

func (osFS) Open(name string) (fs.File, error) { return os.Open(name) }

func (osFS) ReadFile(name string) ([]byte, error) { return os.ReadFile(name) }

// Bytes reads a file's contents. name is used in positions and messages.
// The tables may share data's memory: data must not change afterwards.
func Bytes(name string, data []byte, format Format, opts Options) ([]*Table, error) {
	if format == FormatAuto {
		var err error
		if format, err = FormatOf(name); err != nil {
			return nil, err
		}
	}
	isHeader := opts.IsHeader
	if isHeader == nil {
		isHeader = func([]string) bool { return true }
	}
	switch format {
	case FormatXLSX:
		return readXLSX(name, data, isHeader)
	case FormatJSON:
		t, err := readJSON(name, data)
		if err != nil {
			return nil, err
		}
		return []*Table{t}, nil
	default:
		t, err := readCSV(name, data, opts.Encoding, isHeader)
		if err != nil {
			return nil, err
		}
		return []*Table{t}, nil
	}
}

// readCSV reads a delimited text file in any of the charsets package
// charset knows, detected unless cs names one.
func readCSV(name string, data []byte, cs charset.Charset, isHeader func([]string) bool) (*Table, error) {
	text, err := decodeText(data, cs)
	if err != nil {
		var de *charset.DecodeError
		if errors.As(err, &de) {
			return nil, fmt.Errorf("%w: %s:%d: not %s text (byte offset %d: %s); name its encoding with --encoding", ErrFormat, name, de.Line, de.Charset, de.Offset, de.Reason)
		}
		return nil, fmt.Errorf("%w: %s: %v", ErrFormat, name, err)
	}
	rows := readRows(text, byte(sniffDelimiter(text)), 0)
	if len(rows) == 0 {
		return nil, fmt.Errorf("%w: %s: the file is empty", ErrFormat, name)
	}
	// The header is the first row that passes isHeader, below any title
	// rows; else the first row.
	h, header := 0, rows[0].Cells
	var above []string
	for i := 0; i < len(rows) && i < headerSearchRows; i++ {
		if merged := mergeDown(above, rows[i].Cells); isHeader(merged) {
			h, header = i, merged
			break
		}
		above = rows[i].Cells
	}
	return &Table{File: name, HeaderRow: rows[h].Num, Header: header, Rows: rows[h+1:]}, nil
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decodeText returns the text of a CSV file as NFC UTF-8: the file's own
// bytes when they already are (the common case), else what charset.Decode
// makes of them. In the common case the string shares data's memory, which
// is why Bytes takes data over: the cells of a 100,000-row file are then
// substrings of it, not 1.2 million strings of their own.
func decodeText(data []byte, cs charset.Charset) (string, error) {
	if cs == charset.Auto || cs == charset.UTF8 {
		b := bytes.TrimPrefix(data, utf8BOM)
		// A NUL byte may be UTF-16 without a byte-order mark: let Detect
		// decide.
		if bytes.IndexByte(b, 0) < 0 && isNFC(b) {
			return unsafe.String(unsafe.SliceData(b), len(b)), nil
		}
	}
	if cs == charset.Auto {
		cs = charset.Detect(data)
	}
	return charset.Decode(data, cs)
}

// isNFC reports whether b is valid UTF-8 in NFC, checking the pieces of a
// big b at once.
func isNFC(b []byte) bool {
	nfc := func(b []byte) bool { return surelyNFC(b) || utf8.Valid(b) && norm.NFC.IsNormal(b) }
	parts := runtime.GOMAXPROCS(0)
	if len(b) < parallelMin || parts == 1 {
		return nfc(b)
	}
	// Pieces start after a line break, which nothing composes with: the
	// text is NFC exactly when every piece is.
	ok := make([]bool, parts)
	var wg sync.WaitGroup
	start := 0
	for k := range parts {
		end := len(b)
		if k+1 < parts {
			end = max(len(b)*(k+1)/parts, start)
			if i := bytes.IndexByte(b[end:], '\n'); i >= 0 {
				end += i + 1
			} else {
				end = len(b)
			}
		}
		piece := b[start:end]
		wg.Go(func() { ok[k] = nfc(piece) })
		start = end
	}
	wg.Wait()
	return !slices.Contains(ok, false)
}

// cleanCells returns a new slice of the record's cells, trimmed and, if
// nfc, NFC-normalised (text from charset.Decode already is), without
// trailing empty cells, taken from slab if it is not nil. It returns nil for
// a blank row.
func cleanCells(rec []string, nfc bool, slab *cellSlab) []string {
	n := len(rec)
	for n > 0 && strings.TrimSpace(rec[n-1]) == "" {
		n--
	}
	if n == 0 {
		return nil
	}
	var cells []string
	if slab != nil {
		cells = slab.take(n)
	} else {
		cells = make([]string, n)
	}
	for i, c := range rec[:n] {
		if nfc {
			cells[i] = Clean(c)
		} else {
			cells[i] = strings.TrimSpace(c)
		}
	}
	return cells
}

// Clean trims white space (including no-break spaces) from s and normalises
// it to NFC.
func Clean(s string) string {
	s = strings.TrimSpace(s)
	if !surelyNFC(s) && !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return s
}

// surelyNFC reports whether s is valid UTF-8 holding only code points that
// are NFC on their own and compose with nothing before them: everything
// below U+0300 and the Latin Extended Additional block U+1E00–U+1EFF, which
// together hold every precomposed Vietnamese letter. It is a fast path;
// false means "check".
func surelyNFC[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x80:
		case c >= 0xC2 && c <= 0xCB && i+1 < len(s) && s[i+1]&0xC0 == 0x80: // U+0080–U+02FF
			i++
		case c == 0xE1 && i+2 < len(s) && s[i+1] >= 0xB8 && s[i+1] <= 0xBB && s[i+2]&0xC0 == 0x80: // U+1E00–U+1EFF
			i += 2
		default:
			return false
		}
	}
	return true
}

// sniffDelimiter picks the most frequent of comma, semicolon and tab in the
// first line, outside quotes. Comma wins ties, and a line with none.
func sniffDelimiter(data string) rune {
	counts := map[rune]int{}
	quoted := false
	for i := 0; i < len(data); i++ {
		b := data[i]
		switch {
		case b == '"':
			quoted = !quoted
		case quoted:
		case b == '\n':
			goto done
		case b == ',' || b == ';' || b == '\t':
			counts[rune(b)]++
		}
	}
done:
	best := ','
	for _, d := range []rune{';', '\t'} {
		if counts[d] > counts[best] {
			best = d
		}
	}
	return best
}

// readJSON reads an array of objects. The header is the union of the
// objects' keys in order of first appearance; values may be strings,
// numbers (kept as written), booleans or null (an empty cell).
func readJSON(name string, data []byte) (*Table, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	fail := func(err error) (*Table, error) {
		return nil, fmt.Errorf("%w: %s: offset %d: %v", ErrFormat, name, dec.InputOffset(), err)
	}
	if tok, err := dec.Token(); err != nil {
		return fail(err)
	} else if tok != json.Delim('[') {
		return fail(errors.New("want an array of objects"))
	}
	t := &Table{File: name}
	col := map[string]int{}
	for n := 1; dec.More(); n++ {
		if tok, err := dec.Token(); err != nil {
			return fail(err)
		} else if tok != json.Delim('{') {
			return fail(fmt.Errorf("element %d is not an object", n))
		}
		var cells []string
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				return fail(err)
			}
			key := Clean(tok.(string))
			var v any
			if err := dec.Decode(&v); err != nil {
				return fail(err)
			}
			var cell string
			switch v := v.(type) {
			case nil:
			case string:
				cell = Clean(v)
			case json.Number:
				cell = v.String()
			case bool:
				cell = fmt.Sprint(v)
			default:
				return fail(fmt.Errorf("element %d: %q holds a nested value", n, key))
			}
			i, ok := col[key]
			if !ok {
				i = len(t.Header)
				col[key] = i
				t.Header = append(t.Header, key)
			}
			for len(cells) <= i {
				cells = append(cells, "")
			}
			cells[i] = cell
		}
		if _, err := dec.Token(); err != nil { // '}'
			return fail(err)
		}
		t.Rows = append(t.Rows, Row{Num: n, Cells: cells})
	}
	if _, err := dec.Token(); err != nil { // ']'
		return fail(err)
	}
	return t, nil
}
