package charset

import (
	"fmt"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Encode converts s to charset cs, without a BOM (see Charset.BOM); UTF16
// is written little-endian. The text is first put in NFC. Windows-1258
// gets the precomposed letter where the code page has one and otherwise the
// base letter followed by a combining tone mark, as Windows and glibc's
// iconv do; TCVN3 gets the single byte of every Vietnamese letter (as
// iconv -t TCVN5712-1); VNI gets base letter plus diacritic byte. A rune the
// charset cannot represent is an error naming its offset in s.
func Encode(s string, cs Charset) ([]byte, error) {
	if !utf8.ValidString(s) {
		off := 0
		for off < len(s) {
			r, n := utf8.DecodeRuneInString(s[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return nil, fmt.Errorf("charset: cannot encode invalid UTF-8 at byte offset %d", off)
	}
	s = norm.NFC.String(s)
	switch cs {
	case UTF8:
		return []byte(s), nil
	case UTF16, UTF16LE, UTF16BE:
		out := make([]byte, 0, 2*len(s))
		for _, u := range utf16.Encode([]rune(s)) {
			if cs == UTF16BE {
				out = append(out, byte(u>>8), byte(u))
			} else {
				out = append(out, byte(u), byte(u>>8))
			}
		}
		return out, nil
	case Windows1258, TCVN3, VNI:
		return encodeBytes(s, cs)
	}
	return nil, fmt.Errorf("charset: cannot encode to %v: need a concrete charset", cs)
}

// encodeBytes encodes NFC text s to a single-byte charset.
func encodeBytes(s string, cs Charset) ([]byte, error) {
	t, err := byteTableFor(cs)
	if err != nil {
		return nil, err
	}
	// single maps runes written as one byte; for VNI, diacritics maps a
	// sequence of one or two marks, plus whether the base is a capital, to
	// its byte.
	single := make(map[rune]byte, 256)
	type diacritic struct {
		marks [2]rune
		upper bool
	}
	diacritics := make(map[diacritic]byte)
	for i := 255; i >= 0; i-- { // downwards: the lowest byte wins
		e := t[i]
		if e&undefinedByte != 0 {
			continue
		}
		r, r2 := rune(uint32(e)), rune(e>>32)
		if cs == VNI && isMark(r) {
			diacritics[diacritic{[2]rune{r, r2}, i < 0xE0}] = byte(i)
			continue
		}
		if _, vn := vietLetters[r]; cs == VNI && vn && vniTable[i][0] == 0 {
			// Ý and ý keep their Windows-1252 bytes for decoding, but VNI
			// writes them as Y and y with the acute byte.
			continue
		}
		single[r] = byte(i)
	}
	out := make([]byte, 0, len(s)+len(s)/4)
	for off, r := range s {
		if x, ok := single[r]; ok {
			out = append(out, x)
			continue
		}
		cannot := &encodeError{cs, r, off}
		first, mod, tone, ok := splitLetter(r)
		if !ok {
			return nil, cannot
		}
		base := first
		if mod != 0 && (cs != VNI || mod == 0x031B) {
			// The code page has the letter with its circumflex, breve or
			// horn (VNI only with its horn: ơ, ư) and adds the tone.
			if base = compose(first, mod); base == 0 {
				return nil, cannot
			}
			mod = 0
		}
		b, ok := single[base]
		if !ok {
			return nil, cannot
		}
		out = append(out, b)
		switch {
		case cs == VNI && mod != 0:
			d, ok := diacritics[diacritic{[2]rune{mod, tone}, unicode.IsUpper(first)}]
			if !ok {
				return nil, cannot
			}
			out = append(out, d)
		case cs == VNI && tone != 0:
			d, ok := diacritics[diacritic{[2]rune{tone}, unicode.IsUpper(first)}]
			if !ok {
				return nil, cannot
			}
			out = append(out, d)
		case tone != 0:
			d, ok := single[tone]
			if !ok {
				return nil, cannot
			}
			out = append(out, d)
		}
	}
	return out, nil
}

// splitLetter splits r by canonical decomposition into its first rune, at
// most one circumflex, breve or horn (mod) and at most one tone mark.
func splitLetter(r rune) (first, mod, tone rune, ok bool) {
	d := []rune(norm.NFD.String(string(r)))
	first = d[0]
	for _, m := range d[1:] {
		switch m {
		case 0x0300, 0x0301, 0x0303, 0x0309, 0x0323:
			if tone != 0 {
				return 0, 0, 0, false
			}
			tone = m
		case 0x0302, 0x0306, 0x031B:
			if mod != 0 {
				return 0, 0, 0, false
			}
			mod = m
		default:
			return 0, 0, 0, false
		}
	}
	return first, mod, tone, true
}

// compose returns the composition of base and mark from composeTable, or 0.
func compose(base, mark rune) rune {
	bi, mi := composeBase(base), markIndex(mark)
	if bi < 0 || mi < 0 {
		return 0
	}
	return composeTable[bi][mi]
}

// encodeError reports a rune that a charset cannot represent.
type encodeError struct {
	cs     Charset
	r      rune
	offset int
}

func (e *encodeError) Error() string {
	return fmt.Sprintf("charset: %v cannot encode %U %q at byte offset %d", e.cs, e.r, e.r, e.offset)
}
