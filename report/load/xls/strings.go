package xls

import (
	"fmt"
	"unicode/utf8"
)

// errShort is a string that runs past the end of its record and its
// CONTINUE records.
var errShort = fmt.Errorf("%w: a string runs past the end of its record", ErrCorrupt)

// cursor reads a record's body and the bodies of its CONTINUE records as
// one sequence of bytes, except in a string's characters: when those go on
// in the next record, that record begins with a byte of flags that says
// anew whether they are compressed (Latin-1) or UTF-16.
type cursor struct {
	segs [][]byte // the record's body, then its CONTINUE records' bodies
	i    int      // the current one
	pos  int      // the position in it
}

// u8 reads a byte.
func (c *cursor) u8() (int, error) {
	for c.pos >= len(c.segs[c.i]) {
		if c.i+1 >= len(c.segs) {
			return 0, errShort
		}
		c.i++
		c.pos = 0
	}
	v := c.segs[c.i][c.pos]
	c.pos++
	return int(v), nil
}

// u16 reads a little-endian 16-bit number.
func (c *cursor) u16() (int, error) {
	lo, err := c.u8()
	if err != nil {
		return 0, err
	}
	hi, err := c.u8()
	return lo | hi<<8, err
}

// u32 reads a little-endian 32-bit number.
func (c *cursor) u32() (int64, error) {
	lo, err := c.u16()
	if err != nil {
		return 0, err
	}
	hi, err := c.u16()
	return int64(lo) | int64(hi)<<16, err
}

// skip skips n bytes.
func (c *cursor) skip(n int64) error {
	for {
		rem := int64(len(c.segs[c.i]) - c.pos)
		if n <= rem {
			c.pos += int(n)
			return nil
		}
		n -= rem
		if c.i+1 >= len(c.segs) {
			return errShort
		}
		c.i++
		c.pos = 0
	}
}

// String flags.
const (
	flagHighByte = 0x01 // the characters are UTF-16, not compressed
	flagPhonetic = 0x04 // phonetic (extended) data follows the runs
	flagRich     = 0x08 // rich-text formatting runs follow the characters
)

// decoder decodes BIFF8 strings, reusing its buffer.
type decoder struct {
	buf []byte
	hi  rune // a high surrogate waiting for its low half, or 0
}

// richString reads an XLUnicodeRichExtendedString, as the SST holds them,
// and leaves c after its formatting runs and phonetic data.
func (d *decoder) richString(c *cursor, l *limits) (string, error) {
	n, err := c.u16()
	if err != nil {
		return "", err
	}
	flags, err := c.u8()
	if err != nil {
		return "", err
	}
	var runs int
	var ext int64
	if flags&flagRich != 0 {
		if runs, err = c.u16(); err != nil {
			return "", err
		}
	}
	if flags&flagPhonetic != 0 {
		if ext, err = c.u32(); err != nil {
			return "", err
		}
	}
	s, err := d.chars(c, n, flags&flagHighByte != 0, l)
	if err != nil {
		return "", err
	}
	if err := c.skip(4*int64(runs) + ext); err != nil {
		return "", err
	}
	return s, nil
}

// unicodeString reads an XLUnicodeString whose character count takes
// lenBytes bytes (2, or 1 for a ShortXLUnicodeString): the strings of
// LABEL, RSTRING, STRING, FORMAT and BOUNDSHEET records. Like other
// readers, it honours the flags of rich-text runs and phonetic data, which
// such strings should not have, but skips neither: nothing it reads
// follows them.
func (d *decoder) unicodeString(c *cursor, lenBytes int, l *limits) (string, error) {
	var n int
	var err error
	if lenBytes == 1 {
		n, err = c.u8()
	} else {
		n, err = c.u16()
	}
	if err != nil || n == 0 {
		return "", err
	}
	flags, err := c.u8()
	if err != nil {
		return "", err
	}
	if flags&flagRich != 0 {
		if _, err := c.u16(); err != nil {
			return "", err
		}
	}
	if flags&flagPhonetic != 0 {
		if _, err := c.u32(); err != nil {
			return "", err
		}
	}
	return d.chars(c, n, flags&flagHighByte != 0, l)
}

// chars reads n characters, compressed (one Latin-1 byte each) or UTF-16LE
// as high says. When they go on in the next CONTINUE record, that record's
// first byte says anew which.
func (d *decoder) chars(c *cursor, n int, high bool, l *limits) (string, error) {
	// The fast path: ASCII in one record.
	if seg := c.segs[c.i][c.pos:]; !high && n <= len(seg) && ascii(seg[:n]) {
		c.pos += n
		if n > l.MaxCellBytes {
			return "", fmt.Errorf("%w: a cell of more than %d bytes", ErrLimit, l.MaxCellBytes)
		}
		return string(seg[:n]), nil
	}
	d.buf = d.buf[:0]
	d.hi = 0
	for got := 0; ; {
		seg := c.segs[c.i][c.pos:]
		need := n - got
		if high {
			k := min(len(seg)/2, need)
			for j := 0; j < k; j++ {
				d.unit(rune(seg[2*j]) | rune(seg[2*j+1])<<8)
			}
			c.pos += 2 * k
			got += k
		} else {
			k := min(len(seg), need)
			for _, b := range seg[:k] {
				d.unit(rune(b))
			}
			c.pos += k
			got += k
		}
		if got == n {
			break
		}
		if c.i+1 >= len(c.segs) {
			return "", errShort
		}
		c.i++
		c.pos = 0
		if len(c.segs[c.i]) == 0 {
			return "", fmt.Errorf("%w: an empty CONTINUE record inside a string", ErrCorrupt)
		}
		high = c.segs[c.i][0]&flagHighByte != 0
		c.pos = 1
	}
	if d.hi != 0 {
		d.buf = utf8.AppendRune(d.buf, utf8.RuneError)
		d.hi = 0
	}
	if len(d.buf) > l.MaxCellBytes {
		return "", fmt.Errorf("%w: a cell of more than %d bytes", ErrLimit, l.MaxCellBytes)
	}
	return string(d.buf), nil
}

// unit appends a UTF-16 code unit, joining surrogate pairs; an unpaired
// surrogate becomes U+FFFD.
func (d *decoder) unit(u rune) {
	if d.hi != 0 {
		if 0xDC00 <= u && u < 0xE000 {
			d.buf = utf8.AppendRune(d.buf, 0x10000+(d.hi-0xD800)<<10+(u-0xDC00))
			d.hi = 0
			return
		}
		d.buf = utf8.AppendRune(d.buf, utf8.RuneError)
		d.hi = 0
	}
	switch {
	case u < utf8.RuneSelf:
		d.buf = append(d.buf, byte(u))
	case 0xD800 <= u && u < 0xDC00:
		d.hi = u
	case 0xDC00 <= u && u < 0xE000:
		d.buf = utf8.AppendRune(d.buf, utf8.RuneError)
	default:
		d.buf = utf8.AppendRune(d.buf, u)
	}
}

// ascii tells whether b is all ASCII.
func ascii(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
