package xls

import (
	"encoding/binary"
	"fmt"
	"slices"

	"github.com/dvkreport/dvkreport/report/load/internal/numfmt"
)

// BIFF record types.
const (
	recFormula    = 0x0006
	recEOF        = 0x000A
	recFilePass   = 0x002F
	recDateMode   = 0x0022
	recContinue   = 0x003C
	recWSBool     = 0x0081
	recBoundSheet = 0x0085
	recMulRK      = 0x00BD
	recMulBlank   = 0x00BE
	recRString    = 0x00D6
	recXF         = 0x00E0
	recMerged     = 0x00E5
	recSST        = 0x00FC
	recLabelSST   = 0x00FD
	recBlank      = 0x0201
	recNumber     = 0x0203
	recLabel      = 0x0204
	recBoolErr    = 0x0205
	recString     = 0x0207
	recRK         = 0x027E
	recFormat     = 0x041E
	recRow        = 0x0208
	recFilterMode = 0x009B
	recBOF        = 0x0809
	recBOF2       = 0x0009 // BIFF2
	recBOF3       = 0x0209 // BIFF3
	recBOF4       = 0x0409 // BIFF4
)

// BOF substream types and the BIFF8 version.
const (
	biff8         = 0x0600
	bofGlobals    = 0x0005
	bofWorksheet  = 0x0010
	maxBIFF8Col   = 255
	sheetTypeWork = 0
)

func le16(b []byte) int    { return int(binary.LittleEndian.Uint16(b)) }
func le32(b []byte) uint32 { return binary.LittleEndian.Uint32(b) }

// records walks a BIFF stream's records.
type records struct {
	b   []byte
	off int // offset of the next record's header
}

// next returns the next record's type and body, and the offset of its
// header.
func (r *records) next() (typ int, body []byte, at int, err error) {
	at = r.off
	if len(r.b)-at < 4 {
		return 0, nil, at, fmt.Errorf("%w: the stream ends at offset %d without an EOF record", ErrCorrupt, at)
	}
	typ = le16(r.b[at:])
	n := le16(r.b[at+2:])
	if len(r.b)-at-4 < n {
		return 0, nil, at, fmt.Errorf("%w: record 0x%04X at offset %d declares %d bytes, %d remain", ErrCorrupt, typ, at, n, len(r.b)-at-4)
	}
	r.off = at + 4 + n
	return typ, r.b[at+4 : r.off], at, nil
}

// continued returns body followed by the bodies of the CONTINUE records
// right after it, which it consumes.
func (r *records) continued(body []byte, segs [][]byte) [][]byte {
	segs = append(segs[:0], body)
	for len(r.b)-r.off >= 4 && le16(r.b[r.off:]) == recContinue {
		n := le16(r.b[r.off+2:])
		if len(r.b)-r.off-4 < n {
			break // next() reports it
		}
		segs = append(segs, r.b[r.off+4:r.off+4+n])
		r.off += 4 + n
	}
	return segs
}

// boundSheet is a BOUNDSHEET record: a sheet's name, type and the offset
// of its BOF record in the stream.
type boundSheet struct {
	name   string
	pos    int
	typ    int
	hidden bool // hidden, or very hidden
}

// book is what the workbook globals substream says.
type book struct {
	lim       *limits
	date1904  bool
	sst       []string
	xfFormat  []int                 // each XF's number format
	formats   map[int]numfmt.Format // custom number formats
	xfFormats []numfmt.Format       // each XF's number format
	sheets    []boundSheet
	dec       decoder
}

// readWorkbookStream reads the sheets of a BIFF8 Workbook stream.
func readWorkbookStream(stream []byte, l Limits) ([]Sheet, error) {
	b := &book{lim: newLimits(l), formats: map[int]numfmt.Format{}}
	r := &records{b: stream}
	if err := b.readGlobals(r); err != nil {
		return nil, err
	}
	// Each worksheet's substream is read once: in the order of their
	// offsets, each must begin after the end of the one before, so that
	// BOUNDSHEET records pointing into the same bytes cannot make the
	// reader go over them again and again.
	order := make([]int, 0, len(b.sheets))
	for i, s := range b.sheets {
		if s.typ == sheetTypeWork {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(i, j int) int { return b.sheets[i].pos - b.sheets[j].pos })
	sheets := make([]*Sheet, len(b.sheets))
	end := r.off // the end of the globals
	for _, i := range order {
		bs := b.sheets[i]
		if bs.pos < end {
			return nil, fmt.Errorf("%w: sheet %q begins at offset %d, inside the substream before it (which ends at %d)", ErrCorrupt, bs.name, bs.pos, end)
		}
		sh, next, err := b.readSheet(stream, bs)
		if err != nil {
			return nil, fmt.Errorf("sheet %q: %w", bs.name, err)
		}
		sheets[i] = sh
		end = next
	}
	out := make([]Sheet, 0, len(order))
	for _, sh := range sheets {
		if sh != nil {
			out = append(out, *sh)
		}
	}
	return out, nil
}

// readGlobals reads the workbook globals substream, from its BOF to its
// EOF.
func (b *book) readGlobals(r *records) error {
	typ, body, _, err := r.next()
	if err != nil {
		return err
	}
	switch typ {
	case recBOF:
	case recBOF2, recBOF3, recBOF4:
		return fmt.Errorf("%w: an Excel 2-4 (BIFF%d) workbook", ErrNotBIFF8, 2+typ>>9)
	default:
		return fmt.Errorf("%w: the Workbook stream does not begin with a BOF record (0x%04X)", ErrCorrupt, typ)
	}
	if len(body) < 4 {
		return fmt.Errorf("%w: a BOF record of %d bytes", ErrCorrupt, len(body))
	}
	if v := le16(body); v != biff8 {
		return fmt.Errorf("%w: BOF version 0x%04X (Excel 5.0/95 is 0x0500, Excel 97-2003 0x0600)", ErrNotBIFF8, v)
	}
	if dt := le16(body[2:]); dt != bofGlobals {
		return fmt.Errorf("%w: the Workbook stream begins with a substream of type 0x%04X, not the workbook globals", ErrCorrupt, dt)
	}
	var segs [][]byte
	for {
		typ, body, at, err := r.next()
		if err != nil {
			return err
		}
		switch typ {
		case recEOF:
			b.resolveFormats()
			return nil
		case recBOF:
			return fmt.Errorf("%w: a BOF record at offset %d inside the workbook globals", ErrCorrupt, at)
		case recFilePass:
			return ErrEncrypted
		case recDateMode:
			if len(body) < 2 {
				return fmt.Errorf("%w: a DATEMODE record of %d bytes", ErrCorrupt, len(body))
			}
			b.date1904 = le16(body) == 1
		case recBoundSheet:
			if err := b.boundSheet(body); err != nil {
				return fmt.Errorf("BOUNDSHEET at offset %d: %w", at, err)
			}
		case recXF:
			if len(body) < 4 {
				return fmt.Errorf("%w: an XF record of %d bytes at offset %d", ErrCorrupt, len(body), at)
			}
			b.xfFormat = append(b.xfFormat, le16(body[2:]))
		case recFormat:
			if len(body) < 2 {
				return fmt.Errorf("%w: a FORMAT record of %d bytes at offset %d", ErrCorrupt, len(body), at)
			}
			segs = r.continued(body[2:], segs)
			c := cursor{segs: segs}
			s, err := b.dec.unicodeString(&c, 2, b.lim)
			if err != nil {
				return fmt.Errorf("FORMAT at offset %d: %w", at, err)
			}
			b.formats[le16(body)] = numfmt.Parse(s)
		case recSST:
			if b.sst != nil {
				return fmt.Errorf("%w: a second SST record at offset %d", ErrCorrupt, at)
			}
			segs = r.continued(body, segs)
			if err := b.readSST(segs); err != nil {
				return fmt.Errorf("SST at offset %d: %w", at, err)
			}
		}
	}
}

// boundSheet reads a BOUNDSHEET record.
func (b *book) boundSheet(body []byte) error {
	if len(body) < 8 {
		return fmt.Errorf("%w: %d bytes", ErrCorrupt, len(body))
	}
	c := cursor{segs: [][]byte{body[6:]}}
	name, err := b.dec.unicodeString(&c, 1, b.lim)
	if err != nil {
		return err
	}
	if err := b.lim.text(len(name)); err != nil {
		return err
	}
	b.sheets = append(b.sheets, boundSheet{name: name, pos: int(le32(body)), typ: int(body[5]), hidden: body[4]&3 != 0})
	return nil
}

// resolveFormats finds each XF's number format.
func (b *book) resolveFormats() {
	b.xfFormats = make([]numfmt.Format, len(b.xfFormat))
	for i, f := range b.xfFormat {
		if d, ok := b.formats[f]; ok {
			b.xfFormats[i] = d
		} else {
			b.xfFormats[i] = numfmt.Builtin(f)
		}
	}
}

// readSST reads the shared string table from the SST record's body and its
// CONTINUE records.
func (b *book) readSST(segs [][]byte) error {
	if len(segs[0]) < 8 {
		return fmt.Errorf("%w: %d bytes", ErrCorrupt, len(segs[0]))
	}
	n := int64(le32(segs[0][4:]))
	total := int64(0)
	for _, s := range segs {
		total += int64(len(s))
	}
	// Each string takes at least 3 bytes (its length and flags).
	if n > (total-8)/3 {
		return fmt.Errorf("%w: it declares %d strings in %d bytes", ErrCorrupt, n, total)
	}
	if n > int64(b.lim.MaxStrings) {
		return fmt.Errorf("%w: more than %d shared strings", ErrLimit, b.lim.MaxStrings)
	}
	b.sst = make([]string, 0, n)
	c := cursor{segs: segs, pos: 8}
	for i := int64(0); i < n; i++ {
		s, err := b.dec.richString(&c, b.lim)
		if err != nil {
			return fmt.Errorf("string %d of %d: %w", i, n, err)
		}
		if err := b.lim.text(len(s)); err != nil {
			return err
		}
		b.sst = append(b.sst, s)
	}
	return nil
}

// cell is one non-empty cell read from a worksheet.
type cell struct {
	row, col int32
	text     string
	number   bool // a number cell (Row.Numbers)
}

// sheetReader reads one worksheet substream.
type sheetReader struct {
	*book
	cells  []cell
	merged []Range
	dialog bool // a dialog sheet (WSBOOL's fDialog)
	// hiddenRows and foldedRows are the numbers of the hidden rows, those
	// of a collapsed outline in foldedRows; filtered says a filter is on.
	hiddenRows, foldedRows []int
	filtered               bool
	segs                   [][]byte
	// pending is the cell of a FORMULA whose string result is in the
	// STRING record that follows it.
	pending    cell
	hasPending bool
	// sumCells are the cells whose formula sums a range of their column;
	// sharedRefs the cells whose formula is a shared one of shared, read
	// at the end of the sheet.
	sumCells   []Cell
	sharedRefs []sharedRef
	shared     []sharedFormula
	// uncomputed are the cells of formulas that give a number but hold
	// a string (numericFormula): no value saved.
	uncomputed []Cell
}

// readSheet reads the worksheet whose BOF is at bs.pos, and returns it (nil
// for a substream that is not a worksheet) and the offset past its EOF.
func (b *book) readSheet(stream []byte, bs boundSheet) (*Sheet, int, error) {
	if bs.pos > len(stream) {
		return nil, 0, fmt.Errorf("%w: its offset %d is past the end of the stream (%d bytes)", ErrCorrupt, bs.pos, len(stream))
	}
	r := &records{b: stream, off: bs.pos}
	typ, body, _, err := r.next()
	if err != nil {
		return nil, 0, err
	}
	if typ != recBOF || len(body) < 4 {
		return nil, 0, fmt.Errorf("%w: no BOF record at its offset %d", ErrCorrupt, bs.pos)
	}
	if v := le16(body); v != biff8 {
		return nil, 0, fmt.Errorf("%w: BOF version 0x%04X in a BIFF8 workbook", ErrCorrupt, v)
	}
	worksheet := le16(body[2:]) == bofWorksheet
	sr := &sheetReader{book: b}
	if worksheet {
		// Room for the cells that the sheet's records hold, as far as the
		// limit allows.
		n := min(countCells(stream[r.off:]), b.lim.MaxCells-b.lim.cells+1)
		sr.cells = make([]cell, 0, max(n, 0))
	}
	if err := sr.read(r, worksheet); err != nil {
		return nil, 0, err
	}
	if !worksheet || sr.dialog {
		return nil, r.off, nil
	}
	sr.resolveShared()
	sh := &Sheet{Name: bs.name, Merged: sr.merged, Hidden: bs.hidden, HiddenRows: sr.hiddenRows, FoldedRows: sr.foldedRows, Filtered: sr.filtered, SumCells: sr.sumCells, Uncomputed: sr.uncomputed}
	if sh.Rows, err = buildRows(sr.cells, b.lim); err != nil {
		return nil, 0, err
	}
	return sh, r.off, nil
}

// countCells counts the values in the cell records of a sheet substream,
// up to its EOF, skipping nested substreams: room for them is made at
// once rather than by growing. Records too short to be read are not
// counted, so that the room made (24 bytes a cell) stays within four times
// the records' bytes (a MULRK record holds a number in 6 bytes).
func countCells(b []byte) int {
	n, depth := 0, 1
	for len(b) >= 4 {
		typ, size := le16(b), le16(b[2:])
		if len(b)-4 < size {
			break
		}
		switch {
		case typ == recBOF:
			depth++
		case typ == recEOF:
			depth--
			if depth == 0 {
				return n
			}
		case depth > 1:
		case typ == recMulRK && size >= 6:
			n += (size - 6) / 6
		case size >= 8 && (typ == recNumber || typ == recRK || typ == recLabelSST || typ == recLabel ||
			typ == recRString || typ == recBoolErr || typ == recFormula):
			n++
		}
		b = b[4+size:]
	}
	return n
}
