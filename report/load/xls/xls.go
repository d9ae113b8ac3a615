// Package xls reads legacy Excel 97–2003 workbooks (.xls files in the BIFF8
// format) into sheets of text cells, the way package load's XLSX reader
// presents them: as Excel stores them.
//
// It reads the "Workbook" stream of the OLE2 compound file (through
// github.com/richardlehane/mscfb) and parses its BIFF8 records itself. A
// cell's text is:
//
//   - a string cell (LABELSST through the shared string table, LABEL,
//     RSTRING): its text exactly as stored, decoded from Latin-1
//     ("compressed") or UTF-16LE, rich-text runs and phonetic data skipped,
//     strings split across CONTINUE records joined;
//   - a number (NUMBER, RK, MULRK, or a FORMULA's cached numeric result):
//     plain integer digits when it is integral and its magnitude is below
//     1e15 ("3410000000", "-3"); otherwise the shortest text that parses
//     back to the same float64, in decimal notation ("0.1", "1234.5") for
//     magnitudes from 1e-5 up to 1e15 and in E notation beyond ("1.5E+21",
//     "1E-07");
//   - a date: its serial number, not a formatted date, as for XLSX. A
//     workbook in the 1904 date system (DATEMODE 1) has 1462 added to every
//     number whose cell format is a date or time format, so that callers
//     only ever see serials of the 1900 system;
//   - a FORMULA's cached result: the number as above, the text of the
//     STRING record that follows it, "TRUE"/"FALSE", or an error value
//     ("#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!",
//     "#GETTING_DATA"); BOOLERR cells likewise;
//   - "" for BLANK and MULBLANK cells, and for empty strings.
//
// Only worksheets are read (BOUNDSHEET type 0, hidden ones included);
// chart sheets, macro sheets, VBA modules and dialog sheets are skipped, as
// are charts and other objects embedded in a worksheet. Merged ranges come
// from MERGEDCELLS records.
//
// Read refuses, without ever panicking:
//   - an encrypted (password-protected) workbook, with ErrEncrypted;
//   - Excel 5.0/95 (BIFF5) and older workbooks, and compound files without a
//     Workbook stream, with ErrNotBIFF8;
//   - data that is not a compound file at all (an XLSX, HTML or CSV file
//     named .xls), with ErrNotXLS;
//   - a workbook whose content passes one of its Limits, with ErrLimit;
//   - anything malformed, with ErrCorrupt. A count or length that a record
//     declares is checked against the bytes that remain before anything is
//     allocated for it, so memory stays proportional to the file's content.
package xls

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/richardlehane/mscfb"
)

// Sheet is one worksheet of a workbook.
type Sheet struct {
	Name   string
	Rows   []Row   // the rows that have at least one non-empty cell, in order
	Merged []Range // merged cell ranges (MERGEDCELLS records)
	// Hidden is set for a hidden sheet; HiddenRows are the numbers of its
	// hidden rows but for FoldedRows, those of a collapsed outline;
	// Filtered says a filter is on (FILTERMODE).
	Hidden     bool
	HiddenRows []int
	FoldedRows []int
	Filtered   bool
	// SumCells are the cells whose formula sums a range of its own
	// column of other rows, SUM(E2:E9) or SUBTOTAL(109,E2:E9): the cells
	// of totals and subtotals.
	SumCells []Cell
	// Uncomputed are the cells of formulas whose value the file does not
	// hold: they give a number, and hold a string (xlwt writes formulas
	// so), read as empty cells.
	Uncomputed []Cell
}

// Row is one row: Num counts from 1 as Excel shows it; Cells[i] is column
// i+1 ("" when empty); trailing empty cells are dropped.
type Row struct {
	Num   int
	Cells []string
	// Numbers has bit i set when Cells[i] is a number cell (a number, or a
	// formula's number), written in digits with a point before its
	// decimals; the first 64 columns have a bit, and WideNumbers lists
	// the others' that are numbers.
	Numbers     uint64
	WideNumbers []int
}

// Range is a block of cells, 1-based, inclusive.
type Range struct{ FirstRow, FirstCol, LastRow, LastCol int }

// Limits bound what a file may make the reader hold; zero (or negative)
// fields mean the defaults below.
type Limits struct {
	// MaxCells bounds the cells of the result in the whole workbook,
	// counting each row's Cells in full, the empty cells before its last
	// non-empty one included. Default 5,000,000.
	MaxCells int
	// MaxCellBytes bounds the UTF-8 length of one cell's text. Default
	// 32,767×3 bytes (Excel's own limit is 32,767 characters).
	MaxCellBytes int
	// MaxStrings bounds the count of shared strings (the SST's unique
	// strings). Default 2,000,000.
	MaxStrings int
	// MaxBytes bounds the total of all text the reader keeps: the shared
	// strings (each once, however many cells show it), the sheet names and
	// the text of every other cell. Default 512 MiB.
	MaxBytes int64
}

// The default limits.
const (
	DefaultMaxCells     = 5_000_000
	DefaultMaxCellBytes = 32_767 * 3
	DefaultMaxStrings   = 2_000_000
	DefaultMaxBytes     = 512 << 20
)

// Errors that Read's errors wrap, with context, for errors.Is.
var (
	// ErrEncrypted: the workbook is encrypted (it has a FILEPASS record).
	ErrEncrypted = errors.New("xls: the workbook is encrypted (password-protected)")
	// ErrNotBIFF8: the workbook is in an older format than Excel 97 (BIFF5
	// or older), or the compound file has no Workbook stream.
	ErrNotBIFF8 = errors.New("xls: not an Excel 97-2003 (BIFF8) workbook")
	// ErrNotXLS: the data is not an OLE2 compound file (nor a bare BIFF
	// stream), so not an .xls workbook at all.
	ErrNotXLS = errors.New("xls: not an .xls file")
	// ErrLimit: the workbook passes one of the Limits; the message names
	// the limit and its value.
	ErrLimit = errors.New("xls: too large")
	// ErrCorrupt: the file is malformed.
	ErrCorrupt = errors.New("xls: corrupt file")
)

// readChunk is how much of a stream is read at a time.
const readChunk = 64 << 10

// oleSignature begins every OLE2 compound file.
var oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Read reads every worksheet of an .xls workbook, in the workbook's order.
// On error it returns no sheets.
func Read(data []byte, lim Limits) ([]Sheet, error) {
	if !bytes.HasPrefix(data, oleSignature) {
		if isBareBIFF(data) {
			// Excel 2–4 wrote bare BIFF streams; such a file, or a bare
			// BIFF8 stream, is read (or refused) by the BIFF parser.
			return readWorkbookStream(data, lim)
		}
		return nil, fmt.Errorf("%w: %s", ErrNotXLS, sniff(data))
	}
	stream, err := workbookStream(data)
	if err != nil {
		return nil, err
	}
	return readWorkbookStream(stream, lim)
}

// workbookStream returns the content of the compound file's Workbook stream
// (or, failing that, its Book stream, which BIFF5 wrote).
func workbookStream(data []byte) ([]byte, error) {
	doc, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: compound file: %v", ErrCorrupt, err)
	}
	var book *mscfb.File
	for _, f := range doc.File {
		if len(f.Path) != 0 || f.FileInfo().IsDir() {
			continue
		}
		if strings.EqualFold(f.Name, "Workbook") {
			book = f
			break
		}
		if book == nil && strings.EqualFold(f.Name, "Book") {
			book = f
		}
	}
	if book == nil {
		return nil, fmt.Errorf("%w: the compound file has no Workbook stream", ErrNotBIFF8)
	}
	// A stream cannot hold more than the file; its declared size is not
	// trusted further than that.
	if book.Size > int64(len(data)) {
		return nil, fmt.Errorf("%w: the %s stream declares %d bytes in a file of %d", ErrCorrupt, book.Name, book.Size, len(data))
	}
	// Read in chunks: mscfb's time to read one chunk grows with the square
	// of its sectors.
	buf := make([]byte, book.Size)
	for off := 0; off < len(buf); {
		n, err := book.Read(buf[off:min(off+readChunk, len(buf))])
		off += n
		if err != nil && !(err == io.EOF && off == len(buf)) || n == 0 && off < len(buf) {
			return nil, fmt.Errorf("%w: reading the %s stream at offset %d: %v", ErrCorrupt, book.Name, off, err)
		}
	}
	return buf, nil
}

// isBareBIFF tells whether data begins with a BIFF BOF record of any
// version.
func isBareBIFF(data []byte) bool {
	if len(data) < 4 {
		return false
	}
	switch le16(data) {
	case recBOF, recBOF2, recBOF3, recBOF4:
		return true
	}
	return false
}

// sniff says what data seems to be, for ErrNotXLS's message.
func sniff(data []byte) string {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case len(data) == 0:
		return "the file is empty"
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return "it is a ZIP archive (an .xlsx workbook?)"
	case bytes.HasPrefix(trimmed, []byte("<")):
		return "it is an HTML or XML document"
	}
	return "it is not an OLE2 compound file"
}

// limits is Limits with the defaults filled in, and what has been used of
// them.
type limits struct {
	Limits
	cells int   // cells held
	bytes int64 // bytes of text held
}

func newLimits(l Limits) *limits {
	if l.MaxCells <= 0 {
		l.MaxCells = DefaultMaxCells
	}
	if l.MaxCellBytes <= 0 {
		l.MaxCellBytes = DefaultMaxCellBytes
	}
	if l.MaxStrings <= 0 {
		l.MaxStrings = DefaultMaxStrings
	}
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	return &limits{Limits: l}
}

// text accounts for n bytes of text kept.
func (l *limits) text(n int) error {
	if n > l.MaxCellBytes {
		return fmt.Errorf("%w: a cell of more than %d bytes", ErrLimit, l.MaxCellBytes)
	}
	l.bytes += int64(n)
	if l.bytes > l.MaxBytes {
		return fmt.Errorf("%w: more than %d bytes of text", ErrLimit, l.MaxBytes)
	}
	return nil
}

// addCells accounts for n more cells.
func (l *limits) addCells(n int) error {
	l.cells += n
	if l.cells > l.MaxCells {
		return fmt.Errorf("%w: more than %d cells", ErrLimit, l.MaxCells)
	}
	return nil
}
