// Package load reads register files into tables of text cells, keeping the
// position of every cell so that later steps can say exactly where a problem
// is. It knows file formats and character sets, not the meaning of columns:
// which rows are titles, header, data, totals or signatures is package
// validate's job, so a table holds every non-blank row of its sheet.
//
// Supported formats are CSV (comma, semicolon or tab separated, in UTF-8
// with or without a byte-order mark, UTF-16 as Excel's "Unicode text"
// writes it, Windows-1258, or the legacy TCVN3 and VNI encodings, detected
// or named; see package charset; lines ended by "\n", "\r\n" or, from old
// Macs, "\r"), XLSX workbooks (every worksheet, with its merged cells), XLS
// workbooks of Excel 97–2003 (package xls) and JSON (an array of objects).
// Cells are normalised to Unicode NFC, cleared of invisible characters
// (zero-width spaces, bidi controls, soft hyphens, stray byte-order marks),
// and trimmed of surrounding white space.
//
// Reading is strict: a CSV field whose closing quote is followed by more
// text, or whose quote never closes, a JSON object with a key twice or
// anything after the array, a workbook row or cell that does not parse —
// each is an error naming the file and where, never a row dropped or a
// file cut short. Reading is bounded: see [Limits].
package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"

	"github.com/dvkreport/dvkreport/report/internal/parallel"
	"github.com/dvkreport/dvkreport/report/load/charset"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
)

// Table is the cells of one CSV file, one JSON array or one worksheet.
type Table struct {
	File  string // the name the file was opened by
	Sheet string // the sheet's name, for workbooks only
	// Rows are the non-blank rows, from the top of the sheet: titles,
	// header rows, data, totals and anything below.
	Rows []Row
	// Merged are a worksheet's merged cells.
	Merged []Range
	// Keys are a JSON array's keys in order of first appearance: its
	// header, which has no row. Rows then hold the objects, each numbered
	// by its place in the array, with cells aligned with Keys.
	Keys []string
	// Hidden is set for a workbook's sheet that is hidden; HiddenRows are
	// the numbers of a worksheet's hidden rows, but for FoldedRows, those of
	// a group of rows (an outline) shown collapsed; Filtered says that the
	// sheet has a filter on, which hides rows too. What is hidden is read
	// all the same: package validate decides.
	Hidden     bool
	HiddenRows []int
	FoldedRows []int
	Filtered   bool
	// Filter are the columns of a worksheet's filter, with what each lets
	// through, so that a row the filter would show, yet hidden, can be told
	// from one it hides.
	Filter []FilterColumn
	// SumCells are a workbook's cells whose formula sums a range of their
	// own column (SUM, SUBTOTAL, AGGREGATE over rows above or below): the
	// cells of totals and subtotals.
	SumCells []Cell
	// Uncomputed are a workbook's cells holding a formula whose value the
	// file does not hold, or holds out of date (the workbook asks to be
	// calculated again when opened): their text is what was saved, if
	// anything, not what Excel shows.
	Uncomputed []Cell
	// WideNumbers are the cells past the 64th column that are numbers
	// stored as one (Row.Numbers); nil when there are none.
	WideNumbers map[Cell]bool
}

// Row is one non-blank row. Num is its row number in the file (for CSV,
// the line on which the record starts; for JSON, the object's place in the
// array, counting from 1). Cell(i) is column i+1; trailing empty cells are
// dropped.
//
// A row keeps its cells as places in one text rather than as strings: a
// CSV row's text is the whole file, of which its cells are parts; another
// row's is its cells written one after the other. A cell then costs 8
// bytes instead of a string's 16, and holds no pointer for the garbage
// collector to follow: a register of 100,000 rows has 1.3 million cells.
type Row struct {
	Num int
	// Numbers has bit i set when Cell(i) is a number stored as one, a
	// workbook's number cell or a JSON number, written in digits with a
	// point before its decimals (1.234 is one and 234 thousandths, never
	// 1234): not text in the table's own way of writing numbers. The
	// first 64 columns have a bit; the others are in Table.WideNumbers.
	Numbers uint64
	text    string
	cells   []span
}

// span is a cell's place in its row's text.
type span struct{ off, n uint32 }

// NewRow returns the row numbered num with cells, as they are (not
// trimmed, trailing empty cells kept).
func NewRow(num int, cells ...string) Row {
	r := Row{Num: num}
	r.setCells(cells, make([]span, len(cells)))
	return r
}

// setCells makes cells the row's, in a text of their own, with their
// places in spans (of the same length).
func (r *Row) setCells(cells []string, spans []span) {
	n := 0
	for _, c := range cells {
		n += len(c)
	}
	buf := make([]byte, 0, n)
	for i, c := range cells {
		spans[i] = span{off: uint32(len(buf)), n: uint32(len(c))}
		buf = append(buf, c...)
	}
	r.text, r.cells = unsafe.String(unsafe.SliceData(buf), len(buf)), spans
}

// Len returns the number of cells of the row.
func (r Row) Len() int { return len(r.cells) }

// Cell returns cell i of the row (column i+1), which must exist.
func (r Row) Cell(i int) string {
	c := r.cells[i]
	return r.text[c.off : c.off+c.n]
}

// All returns the row's cells, with their indexes, for range.
func (r Row) All() iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i := range r.cells {
			if !yield(i, r.Cell(i)) {
				return
			}
		}
	}
}

// Cells returns the row's cells in a new slice.
func (r Row) Cells() []string {
	out := make([]string, len(r.cells))
	for i := range r.cells {
		out[i] = r.Cell(i)
	}
	return out
}

// SetCell makes cell i of the row v, adding empty cells before it if the
// row is shorter.
func (r *Row) SetCell(i int, v string) {
	cells := r.Cells()
	for len(cells) <= i {
		cells = append(cells, "")
	}
	cells[i] = v
	r.setCells(cells, make([]span, len(cells)))
}

// Number reports whether cell i of row r of t is a number stored as one
// (Row.Numbers, Table.WideNumbers).
func (t *Table) Number(r Row, i int) bool {
	if i < 64 {
		return i >= 0 && r.Numbers>>uint(i)&1 == 1
	}
	return t.WideNumbers[Cell{Row: r.Num, Col: i}]
}

// FilterColumn is a column of a worksheet's filter: the texts it lets
// through (compared as Excel does, without case), and blank cells if
// Blank. Other marks criteria of another kind (greater than, top ten, by
// colour…), which are not judged.
type FilterColumn struct {
	Col    int // from 0
	Values []string
	Blank  bool
	Other  bool
}

// Passes reports whether the filter lets row r through, and whether it
// can tell: false, false when a column's criteria are not judged.
func (t *Table) Passes(r Row) (pass, known bool) {
	for _, fc := range t.Filter {
		if fc.Other {
			return false, false
		}
		c := ""
		if fc.Col >= 0 && fc.Col < r.Len() {
			c = r.Cell(fc.Col)
		}
		ok := c == "" && fc.Blank
		for _, v := range fc.Values {
			ok = ok || strings.EqualFold(v, c)
		}
		if !ok {
			return false, true
		}
	}
	return true, len(t.Filter) > 0
}

// Cell names a cell: its row number and its column's index (from 0).
type Cell struct{ Row, Col int }

// setNumber marks cell col of the row numbered num as a number stored as
// one, in numbers (the row's Numbers) or in t.WideNumbers.
func (t *Table) setNumber(numbers *uint64, num, col int) {
	if col < 64 {
		*numbers |= 1 << uint(col)
		return
	}
	if t.WideNumbers == nil {
		t.WideNumbers = map[Cell]bool{}
	}
	t.WideNumbers[Cell{Row: num, Col: col}] = true
}

// Range is a block of merged cells, counted from 1, bounds included.
type Range struct{ FirstRow, FirstCol, LastRow, LastCol int }

// Format is a file format.
type Format int

const (
	FormatAuto Format = iota // decide by the file name's extension
	FormatCSV
	FormatJSON
	FormatXLSX
	FormatXLS
)

// Extensions maps the file name extensions this package reads to their
// formats.
var Extensions = map[string]Format{
	".csv": FormatCSV, ".tsv": FormatCSV, ".txt": FormatCSV,
	".json": FormatJSON, ".xlsx": FormatXLSX, ".xlsm": FormatXLSX, ".xls": FormatXLS,
}

// Options control reading.
type Options struct {
	// Encoding is a CSV file's character set; charset.Auto detects it.
	Encoding charset.Charset
	// Limits bound what a file may make the reader hold; zero fields
	// take the defaults.
	Limits Limits
}

// Limits bound what one file may make the reader hold, so that a small
// hostile or broken file (a zip bomb, a 200 MB line, a million-character
// cell) is refused quickly, naming the file and the limit, instead of
// exhausting memory. Zero fields take the defaults.
type Limits struct {
	// MaxFileBytes is the size of the largest file read: 1 GiB.
	MaxFileBytes int64
	// MaxCellChars is the most characters of a cell: Excel's own 32,767.
	MaxCellChars int
	// MaxRecordBytes is the most bytes one CSV record may span: 1 MiB.
	MaxRecordBytes int
	// MaxUnpackedBytes is the most a workbook may unpack to: 512 MiB,
	// and no more than UnpackRatio times the file's own size (with 16 MiB
	// allowed to any file), since no real workbook compresses that well.
	MaxUnpackedBytes int64
	UnpackRatio      int64 // 40
	// MaxCells is the most cells a workbook may hold: 20 million, and no
	// more than CellsPerByte per byte of the file (with a million allowed
	// to any file).
	MaxCells     int64
	CellsPerByte int64 // 2
}

func (l Limits) withDefaults() Limits {
	set := func(v *int64, d int64) {
		if *v <= 0 {
			*v = d
		}
	}
	set(&l.MaxFileBytes, 1<<30)
	set(&l.MaxUnpackedBytes, 512<<20)
	set(&l.UnpackRatio, 40)
	set(&l.MaxCells, 20_000_000)
	set(&l.CellsPerByte, 2)
	if l.MaxCellChars <= 0 {
		l.MaxCellChars = 32767
	}
	if l.MaxRecordBytes <= 0 {
		l.MaxRecordBytes = 1 << 20
	}
	return l
}

// unpackBudget is what a workbook of size n bytes may unpack to.
func (l Limits) unpackBudget(n int) int64 {
	return min(l.MaxUnpackedBytes, max(16<<20, l.UnpackRatio*int64(n)))
}

// cellBudget is how many cells a workbook of size n bytes may hold.
func (l Limits) cellBudget(n int) int64 {
	return min(l.MaxCells, max(1_000_000, l.CellsPerByte*int64(n)))
}

// Errors of reading, wrapped by an *Error: ErrFormat for a file that is not
// what its name says or breaks its format, ErrLimit for one that passes a
// limit, ErrNotRegular for a name that is not a regular file (a folder, a
// device, a named pipe).
var (
	ErrFormat     = errors.New("unreadable file")
	ErrLimit      = errors.New("file beyond a limit")
	ErrNotRegular = errors.New("not a regular file")
)

// Error is a problem reading a file: where (the file, and the row and
// column when they are known) and what.
type Error struct {
	Pos  record.Pos
	Text msg.Text
	Err  error // ErrFormat, ErrLimit, ErrNotRegular, or what the system said
}

// Error returns the problem in English.
func (e *Error) Error() string { return e.In(msg.EN) }

// In writes the problem in language l, after its position.
func (e *Error) In(l msg.Lang) string { return e.Pos.String() + ": " + e.Text.In(l) }

// Unwrap returns the kind of problem.
func (e *Error) Unwrap() error { return e.Err }

func fileError(name string, kind error, key string, args ...any) *Error {
	return &Error{Pos: record.Pos{File: name}, Text: msg.New(key, args...), Err: kind}
}

// FormatOf returns the format that a file name's extension implies.
func FormatOf(name string) (Format, error) {
	if f, ok := Extensions[strings.ToLower(filepath.Ext(name))]; ok {
		return f, nil
	}
	return 0, fileError(name, ErrFormat, "load.unknown_type", msg.Quote(filepath.Ext(name)))
}

// File reads the named file from the operating system. It reads only
// regular files: a device, a named pipe or a folder is ErrNotRegular.
func File(name string, opts Options) ([]*Table, error) {
	format, err := FormatOf(name)
	if err != nil {
		return nil, err
	}
	lim := opts.Limits.withDefaults()
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrPermission) {
		return nil, &Error{Pos: record.Pos{File: name}, Text: msg.New("load.no_permission"), Err: err}
	}
	if err != nil {
		return nil, &Error{Pos: record.Pos{File: name}, Text: msg.New("load.open", err), Err: err}
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, &Error{Pos: record.Pos{File: name}, Text: msg.New("load.open", err), Err: err}
	}
	if !fi.Mode().IsRegular() {
		return nil, fileError(name, ErrNotRegular, "load.not_regular")
	}
	if fi.Size() > lim.MaxFileBytes {
		return nil, fileError(name, ErrLimit, "load.file_too_big", msg.Number(fi.Size()), msg.Number(lim.MaxFileBytes))
	}
	// Read into a buffer of the size the file says it has, one byte more
	// to see it did not grow, and no more than the limit.
	data := make([]byte, 0, min(fi.Size(), lim.MaxFileBytes)+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, &Error{Pos: record.Pos{File: name}, Text: msg.New("load.read", err), Err: err}
		}
		if len(data) == cap(data) {
			if int64(len(data)) > lim.MaxFileBytes {
				return nil, fileError(name, ErrLimit, "load.file_too_big", msg.Number(len(data)), msg.Number(lim.MaxFileBytes))
			}
			data = append(data, 0)[:len(data)] // the file grew while read
		}
	}
	return Bytes(name, data, format, opts)
}

// FileFS reads the named file from fsys.
func FileFS(fsys fs.FS, name string, opts Options) ([]*Table, error) {
	format, err := FormatOf(name)
	if err != nil {
		return nil, err
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, &Error{Pos: record.Pos{File: name}, Text: msg.New("load.read", err), Err: err}
	}
	return Bytes(name, data, format, opts)
}

// Bytes reads a file's contents. name is used in positions and messages.
// The tables may share data's memory: data must not change afterwards.
func Bytes(name string, data []byte, format Format, opts Options) ([]*Table, error) {
	if format == FormatAuto {
		var err error
		if format, err = FormatOf(name); err != nil {
			return nil, err
		}
	}
	lim := opts.Limits.withDefaults()
	if int64(len(data)) > lim.MaxFileBytes {
		return nil, fileError(name, ErrLimit, "load.file_too_big", msg.Number(len(data)), msg.Number(lim.MaxFileBytes))
	}
	if len(data) == 0 {
		return nil, fileError(name, ErrFormat, "load.empty")
	}
	switch format {
	case FormatXLSX:
		return readXLSX(name, data, lim)
	case FormatXLS:
		return readXLS(name, data, lim)
	case FormatJSON:
		t, err := readJSON(name, data, lim)
		if err != nil {
			return nil, err
		}
		return []*Table{t}, nil
	default:
		t, err := readCSV(name, data, opts.Encoding, lim)
		if err != nil {
			return nil, err
		}
		return []*Table{t}, nil
	}
}

// readCSV reads a delimited text file in any of the charsets package
// charset knows, detected unless cs names one.
func readCSV(name string, data []byte, cs charset.Charset, lim Limits) (*Table, error) {
	text, err := decodeText(data, cs)
	if err != nil {
		var de *charset.DecodeError
		if errors.As(err, &de) {
			key := "load.bad_encoding"
			if cs == charset.Auto && de.Charset == charset.UTF8 && de.Line > 1 {
				// Lines of UTF-8 before it: a file of two encodings, which
				// --encoding cannot read either.
				key = "load.mixed_encoding"
			}
			return nil, &Error{Pos: record.Pos{File: name, Row: de.Line}, Err: ErrFormat,
				Text: msg.New(key, de.Charset, de.Offset, decodeReason(de))}
		}
		return nil, &Error{Pos: record.Pos{File: name}, Text: msg.New("load.decode", err), Err: ErrFormat}
	}
	if strings.IndexByte(text, '\n') < 0 && strings.IndexByte(text, '\r') >= 0 {
		// "CSV (Macintosh)": lines end with a carriage return alone.
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	rows, cerr := readRows(text, sniffDelimiter(text), 0, lim.MaxCellChars, lim.MaxRecordBytes)
	if cerr != nil {
		kind := ErrFormat
		var args []any
		switch cerr.key {
		case errCellLength:
			kind, args = ErrLimit, []any{msg.Number(lim.MaxCellChars)}
		case errRecordBytes:
			kind, args = ErrLimit, []any{msg.Number(lim.MaxRecordBytes)}
		}
		return nil, &Error{Pos: record.Pos{File: name, Row: cerr.line, Col: cerr.field}, Text: msg.New(cerr.key, args...), Err: kind}
	}
	if len(rows) == 0 {
		return nil, fileError(name, ErrFormat, "load.empty")
	}
	return &Table{File: name, Rows: rows}, nil
}

// decodeReason says what is wrong in a decode error in the user's
// language, where Go's words were printed ("invalid UTF-8 sequence
// starting with byte 0xF2" in a Vietnamese message, a twenty-fourth
// review).
func decodeReason(de *charset.DecodeError) any {
	b := fmt.Sprintf("0x%02X", de.Value)
	switch de.Kind {
	case charset.UndefinedByte:
		return msg.New("load.undefined_byte", b)
	case charset.BadUTF8:
		return msg.New("load.bad_utf8_byte", b)
	case charset.OddBytes:
		return msg.New("load.odd_utf16", b)
	case charset.Surrogate:
		return msg.New("load.utf16_surrogate", fmt.Sprintf("U+%04X", de.Value))
	case charset.WrongBOM:
		return msg.New("load.utf16_wrong_bom")
	}
	return de.Reason
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decodeText returns the text of a CSV file as NFC UTF-8 without invisible
// characters: the file's own bytes when they already are (the common
// case), else what charset.Decode makes of them. In the common case the
// string shares data's memory, which is why Bytes takes data over: the
// cells of a 100,000-row file are then substrings of it, not 1.2 million
// strings of their own.
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
	text, err := charset.Decode(data, cs)
	if err != nil {
		return "", err
	}
	return cleanText(text), nil
}

// cleanText removes invisible characters from text and normalises it to
// NFC, if it needs either.
func cleanText(text string) string {
	if hasInvisible(text) {
		text = strings.Map(func(r rune) rune {
			if isInvisible(r) {
				return -1
			}
			return r
		}, text)
	}
	if !surelyNFC(text) && !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	return text
}

// isInvisible reports whether r is a character that shows nothing and
// means nothing in a register, yet makes two equal-looking texts differ:
// zero-width spaces and joiners, the word joiner, bidi controls, the soft
// hyphen and a byte-order mark inside the text.
func isInvisible(r rune) bool {
	switch {
	case r == 0x00AD, r == 0xFEFF, r == 0x2060, r == 0x180E:
		return true
	case 0x200B <= r && r <= 0x200F: // zero-width space, ZWNJ, ZWJ, LRM, RLM
		return true
	case 0x202A <= r && r <= 0x202E: // bidi embeddings and overrides
		return true
	case 0x2066 <= r && r <= 0x2069: // bidi isolates
		return true
	}
	return false
}

// hasInvisible reports whether b holds an invisible character (see
// isInvisible), looking at their UTF-8 encodings: C2 AD, E1 A0 8E,
// E2 80 8B–8F, E2 80 AA–AE, E2 81 A0, E2 81 A6–A9 and EF BB BF.
func hasInvisible[T string | []byte](b T) bool {
	for i := 0; i+1 < len(b); i++ {
		switch b[i] {
		case 0xC2:
			if b[i+1] == 0xAD {
				return true
			}
		case 0xE1:
			if i+2 < len(b) && b[i+1] == 0xA0 && b[i+2] == 0x8E {
				return true
			}
		case 0xE2:
			if i+2 >= len(b) {
				continue
			}
			c1, c2 := b[i+1], b[i+2]
			if c1 == 0x80 && (0x8B <= c2 && c2 <= 0x8F || 0xAA <= c2 && c2 <= 0xAE) ||
				c1 == 0x81 && (c2 == 0xA0 || 0xA6 <= c2 && c2 <= 0xA9) {
				return true
			}
		case 0xEF:
			if i+2 < len(b) && b[i+1] == 0xBB && b[i+2] == 0xBF {
				return true
			}
		}
	}
	return false
}

// isNFC reports whether b is valid UTF-8 in NFC without invisible
// characters, checking the pieces of a big b at once.
func isNFC(b []byte) bool {
	nfc := func(b []byte) bool { return surelyNFC(b) || utf8.Valid(b) && norm.NFC.IsNormal(b) && !hasInvisible(b) }
	parts := runtime.GOMAXPROCS(0)
	if len(b) < parallelMin || parts == 1 {
		return nfc(b)
	}
	// Pieces start after a line break, which nothing composes with: the
	// text is NFC exactly when every piece is.
	ok := make([]bool, parts)
	var wg parallel.Group
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

// cleanRow returns the row numbered num of a record's cells, trimmed and,
// if clean, normalised to NFC without invisible characters (text from
// decodeText already is), without trailing empty cells; false for a blank
// row. A cell that is part of text is kept as its place there, with the
// row's other cells if all are (a CSV row's cells are parts of the file's
// text); otherwise the row gets a text of its own. Spans come from slab
// if it is not nil.
func cleanRow(num int, rec []string, clean bool, text string, slab *spanSlab) (Row, bool) {
	n := len(rec)
	for n > 0 && strings.TrimSpace(rec[n-1]) == "" && (!clean || Clean(rec[n-1]) == "") {
		n--
	}
	if n == 0 {
		return Row{}, false
	}
	var spans []span
	if slab != nil {
		spans = slab.take(n)
	} else {
		spans = make([]span, n)
	}
	r := Row{Num: num}
	if !clean {
		inText := true
		for i, c := range rec[:n] {
			c = strings.TrimSpace(c)
			off, ok := offsetIn(text, c)
			if !ok {
				inText = false
				break
			}
			spans[i] = span{off: uint32(off), n: uint32(len(c))}
		}
		if inText {
			r.text, r.cells = text, spans
			return r, true
		}
	}
	cells := make([]string, n)
	for i, c := range rec[:n] {
		if clean {
			cells[i] = Clean(c)
		} else {
			cells[i] = strings.TrimSpace(c)
		}
	}
	r.setCells(cells, spans)
	return r, true
}

// offsetIn returns where s starts in text, if s is a part of text whose
// place fits a span (it does in any text within the default limits); an
// empty s is anywhere.
func offsetIn(text, s string) (int, bool) {
	if s == "" {
		return 0, true
	}
	if len(s) > len(text) {
		return 0, false
	}
	p, t := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(text)))
	if p < t || p-t > uintptr(len(text)-len(s)) || uint64(p-t)+uint64(len(s)) > math.MaxUint32 {
		return 0, false
	}
	return int(p - t), true
}

// spanSlab hands out the spans of many rows from one allocation.
type spanSlab []span

// take returns n spans.
func (s *spanSlab) take(n int) []span {
	if cap(*s)-len(*s) < n {
		*s = make([]span, 0, max(n, 1<<14))
	}
	i := len(*s)
	*s = (*s)[:i+n]
	return (*s)[i : i+n : i+n]
}

// Clean removes invisible characters from s, normalises it to NFC and
// trims white space (including no-break spaces) from its ends.
func Clean(s string) string {
	if !surelyNFC(s) {
		s = cleanText(s)
	}
	return strings.TrimSpace(s)
}

// surelyNFC reports whether s is valid UTF-8 without invisible characters
// (see isInvisible), holding only code points that are NFC on their own
// and compose with nothing before them: everything
// below U+0300 and the Latin Extended Additional block U+1E00–U+1EFF, which
// together hold every precomposed Vietnamese letter, and the punctuation
// characters U+2002–U+207F (spaces, dashes, curly quotes, superscripts),
// which nothing composes with either (U+2000 and U+2001 are not NFC). It
// is a fast path; false means "check".
func surelyNFC[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x80:
		case c >= 0xC2 && c <= 0xCB && i+1 < len(s) && s[i+1]&0xC0 == 0x80: // U+0080–U+02FF
			if c == 0xC2 && s[i+1] == 0xAD { // the soft hyphen, invisible
				return false
			}
			i++
		case c == 0xE1 && i+2 < len(s) && s[i+1] >= 0xB8 && s[i+1] <= 0xBB && s[i+2]&0xC0 == 0x80: // U+1E00–U+1EFF
			i += 2
		case c == 0xE2 && i+2 < len(s) && (s[i+1] == 0x80 && s[i+2] >= 0x82 && s[i+2] <= 0xBF ||
			s[i+1] == 0x81 && s[i+2]&0xC0 == 0x80): // U+2002–U+207F
			if isInvisible(rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F) | 0x2000) {
				return false
			}
			i += 2
		default:
			return false
		}
	}
	return true
}
