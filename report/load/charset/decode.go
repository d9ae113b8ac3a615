package charset

import (
	"bytes"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// DecodeError reports bytes that are not valid in the charset being decoded.
type DecodeError struct {
	Charset Charset // the charset being decoded
	Offset  int     // byte offset of the offending bytes in the input, BOM included
	Line    int     // 1-based line number of Offset
	Reason  string  // what is wrong, e.g. "byte 0x81 is not defined"
	// Kind names what is wrong, for a message in the user's language,
	// and Value is the byte or code unit it is about.
	Kind  ErrorKind
	Value int
}

// ErrorKind is what is wrong in a DecodeError.
type ErrorKind int

// The kinds of DecodeError.
const (
	UndefinedByte ErrorKind = iota + 1 // a byte the charset does not define
	BadUTF8                            // a byte that begins no UTF-8 sequence
	OddBytes                           // UTF-16 of an odd number of bytes
	Surrogate                          // a UTF-16 surrogate without its pair
	WrongBOM                           // a byte order mark of the other UTF-16
)

func (e *DecodeError) Error() string {
	return fmt.Sprintf("charset: %s: %s at byte offset %d (line %d)", e.Charset, e.Reason, e.Offset, e.Line)
}

// newDecodeError makes a DecodeError, counting lines in the single-byte or
// UTF-8 input b up to off.
func newDecodeError(cs Charset, b []byte, off int, kind ErrorKind, reason string) *DecodeError {
	return &DecodeError{Charset: cs, Offset: off, Line: 1 + bytes.Count(b[:off], []byte{'\n'}), Reason: reason, Kind: kind, Value: int(b[off])}
}

// Decode converts b from charset cs to UTF-8 in NFC, without a BOM. With
// cs == Auto it uses Detect(b). Bytes that cs does not define are reported
// as a *DecodeError; they are never replaced.
func Decode(b []byte, cs Charset) (string, error) {
	if cs == Auto {
		cs = Detect(b)
	}
	switch cs {
	case UTF8:
		return decodeUTF8(b)
	case UTF16, UTF16LE, UTF16BE:
		return decodeUTF16(b, cs)
	case Windows1258, TCVN3, VNI:
		t, err := byteTableFor(cs)
		if err != nil {
			return "", err
		}
		return decodeBytes(b, t, cs)
	}
	return "", fmt.Errorf("charset: cannot decode unknown %v", cs)
}

// A byteTable maps each byte of a single-byte charset to one or two runes:
// the low 32 bits hold the first rune and the high 32 bits the second (0
// for none); undefinedByte marks bytes the charset does not define.
type byteTable [256]uint64

const undefinedByte = 1 << 63

// byteTableFor builds the decoding table of a single-byte charset. It is
// built per call, from literals and x/text's charmaps, in about a
// microsecond, so that the package keeps no state.
func byteTableFor(cs Charset) (*byteTable, error) {
	var t byteTable
	switch cs {
	case Windows1258:
		for i := range t {
			r := charmap.Windows1258.DecodeByte(byte(i))
			if r == utf8.RuneError {
				t[i] = undefinedByte
			} else {
				t[i] = uint64(r)
			}
		}
	case TCVN3:
		for i, r := range tcvn3Table {
			t[i] = uint64(r)
		}
	case VNI:
		for i := range t {
			switch v := vniTable[i]; {
			case v[0] != 0:
				t[i] = uint64(v[0]) | uint64(v[1])<<32
			default:
				r := charmap.Windows1252.DecodeByte(byte(i))
				if r == utf8.RuneError {
					t[i] = undefinedByte
				} else {
					t[i] = uint64(r)
				}
			}
		}
	default:
		return nil, fmt.Errorf("charset: %v is not a single-byte charset", cs)
	}
	return &t, nil
}

// decodeBytes decodes single-byte text with table t.
func decodeBytes(b []byte, t *byteTable, cs Charset) (string, error) {
	c := composer{out: make([]byte, 0, len(b)+len(b)/2)}
	for i, x := range b {
		e := t[x]
		if e < utf8.RuneSelf {
			c.ascii(byte(e))
			continue
		}
		if e&undefinedByte != 0 {
			return "", newDecodeError(cs, b, i, UndefinedByte, fmt.Sprintf("byte 0x%02X is not defined", x))
		}
		c.add(rune(uint32(e)))
		if r2 := rune(e >> 32); r2 != 0 {
			c.add(r2)
		}
	}
	return c.result(), nil
}

// A composer accumulates UTF-8 output and composes each combining mark with
// the rune before it where composeTable knows the result, so that text made
// of Vietnamese letters comes out in NFC without the cost of the norm
// package. It remembers whether anything was left that it cannot vouch for;
// then result runs the whole output through NFC, which is correct because
// every composition made here is canonically equivalent.
type composer struct {
	out       []byte
	lastStart int  // offset in out of the last rune
	last      rune // the last rune, a candidate base for the next mark
	unsure    bool // out may not be NFC
}

func (c *composer) ascii(x byte) {
	c.lastStart = len(c.out)
	c.last = rune(x)
	c.out = append(c.out, x)
}

func (c *composer) add(r rune) {
	if r < utf8.RuneSelf {
		c.ascii(byte(r))
		return
	}
	if isMark(r) {
		if comp := compose(c.last, r); comp != 0 {
			c.out = utf8.AppendRune(c.out[:c.lastStart], comp)
			c.last = comp
			return
		}
		c.unsure = true
	}
	if !isSafe(r) {
		c.unsure = true
	}
	c.lastStart = len(c.out)
	c.last = r
	c.out = utf8.AppendRune(c.out, r)
}

func (c *composer) result() string {
	if c.unsure {
		return norm.NFC.String(string(c.out))
	}
	return string(c.out)
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decodeUTF8 validates b, drops a BOM and normalises to NFC.
func decodeUTF8(b []byte) (string, error) {
	in := b
	bomLen := 0
	if bytes.HasPrefix(b, utf8BOM) {
		bomLen = len(utf8BOM)
		b = b[bomLen:]
	}
	if !utf8.Valid(b) {
		off := 0
		for off < len(b) {
			r, n := utf8.DecodeRune(b[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return "", newDecodeError(UTF8, in, bomLen+off, BadUTF8, fmt.Sprintf("invalid UTF-8 sequence starting with byte 0x%02X", b[off]))
	}
	// Fast path: text whose runes are all safe starters is already NFC.
	if allSafeUTF8(b) {
		return string(b), nil
	}
	c := composer{out: make([]byte, 0, len(b))}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			c.ascii(b[i])
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		c.add(r)
		i += n
	}
	return c.result(), nil
}

// allSafeUTF8 reports whether every rune of b, which must be valid UTF-8, is
// safe (see isSafe). It reads lead bytes instead of decoding every rune:
// leads below 0xCC start runes below U+0300, E1 B8-BB the Latin Extended
// Additional block of the Vietnamese letters.
func allSafeUTF8(b []byte) bool {
	for i := 0; i < len(b); {
		switch c := b[i]; {
		case c < utf8.RuneSelf:
			i++
		case c < 0xCC:
			i += 2
		case c == 0xE1 && 0xB8 <= b[i+1] && b[i+1] <= 0xBB:
			i += 3
		case c == 0xE2:
			if !isSafe(0x2000 | rune(b[i+1]&0x3F)<<6 | rune(b[i+2]&0x3F)) {
				return false
			}
			i += 3
		default:
			return false
		}
	}
	return true
}

// decodeUTF16 decodes UTF-16 in the byte order of cs; for UTF16 the BOM
// decides, little-endian without one. A BOM contradicting cs is an error.
func decodeUTF16(b []byte, cs Charset) (string, error) {
	bigEndian := cs == UTF16BE
	start := 0
	switch {
	case len(b) >= 2 && b[0] == 0xFF && b[1] == 0xFE:
		if cs == UTF16BE {
			return "", &DecodeError{Charset: cs, Offset: 0, Line: 1, Reason: "the data starts with a UTF-16LE byte order mark", Kind: WrongBOM}
		}
		bigEndian, start = false, 2
	case len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF:
		if cs == UTF16LE {
			return "", &DecodeError{Charset: cs, Offset: 0, Line: 1, Reason: "the data starts with a UTF-16BE byte order mark", Kind: WrongBOM}
		}
		bigEndian, start = true, 2
	}
	unit := func(i int) rune {
		if bigEndian {
			return rune(b[i])<<8 | rune(b[i+1])
		}
		return rune(b[i+1])<<8 | rune(b[i])
	}
	fail := func(off int, kind ErrorKind, value int, reason string) (string, error) {
		line := 1
		for i := start; i < off && i+1 < len(b); i += 2 {
			if unit(i) == '\n' {
				line++
			}
		}
		return "", &DecodeError{Charset: cs, Offset: off, Line: line, Reason: reason, Kind: kind, Value: value}
	}
	if (len(b)-start)%2 != 0 {
		return fail(len(b)-1, OddBytes, int(b[len(b)-1]), fmt.Sprintf("odd number of bytes: trailing byte 0x%02X", b[len(b)-1]))
	}
	c := composer{out: make([]byte, 0, (len(b)-start)*3/2)}
	for i := start; i < len(b); i += 2 {
		u := unit(i)
		switch {
		case u < utf8.RuneSelf:
			c.ascii(byte(u))
		case utf16.IsSurrogate(u):
			if u >= 0xDC00 || i+3 >= len(b) {
				return fail(i, Surrogate, int(u), fmt.Sprintf("unpaired surrogate U+%04X", u))
			}
			r := utf16.DecodeRune(u, unit(i+2))
			if r == utf8.RuneError {
				return fail(i, Surrogate, int(u), fmt.Sprintf("unpaired surrogate U+%04X", u))
			}
			c.add(r)
			i += 2
		default:
			c.add(u)
		}
	}
	return c.result(), nil
}
