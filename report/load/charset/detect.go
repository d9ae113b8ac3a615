package charset

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sampleLimit bounds how many bytes of lines with non-ASCII bytes Detect
// decodes to score the legacy charsets.
const sampleLimit = 64 << 10

// legacyCandidates are the charsets Detect weighs when the input is neither
// UTF-16 nor UTF-8, in order of preference on a tie.
var legacyCandidates = [...]Charset{Windows1258, TCVN3, VNI}

// Detect guesses the charset of b:
//
//  1. a byte order mark: UTF8, UTF16LE or UTF16BE;
//  2. without one, UTF16LE or UTF16BE if the zero bytes fall on every other
//     byte, as in UTF-16 text made mostly of Latin letters;
//  3. UTF8 if b is valid UTF-8 (so also for pure ASCII), or mostly so: at
//     least two valid multi-byte sequences per run of invalid bytes, which
//     Decode will then report;
//  4. otherwise whichever of Windows1258, TCVN3 and VNI defines every byte of
//     b and decodes the lines with non-ASCII bytes (the first 64 KiB of
//     them) into the most Vietnamese-looking text: the share of words that
//     are well-formed Vietnamese syllables, less misshapen words, stray
//     symbols and control characters. A tie goes to the decoding with more
//     syllables common in registers ("xã", "huyện", "Sơn"...), then to
//     Windows1258, then to TCVN3.
//
// Detect never returns Auto or UTF16, and it does not fail: for input in
// none of these charsets it still names the likeliest, and Decode will then
// report the first undecodable byte (or, TCVN3 defining every byte, return
// text that reads badly).
func Detect(b []byte) Charset {
	if cs := sniffBOM(b); cs != Auto {
		return cs
	}
	if cs := sniffUTF16(b); cs != Auto {
		return cs
	}
	if utf8.Valid(b) || mostlyUTF8(b) || utf8Line(b) {
		return UTF8
	}
	return guessLegacy(b)
}

// utf8Line reports whether a line of b is valid UTF-8 with two Vietnamese
// letters or more written in it (U+00C0–U+01B0, U+1EA0–U+1EF9), which a
// line in a legacy charset almost never is: a UTF-8 file with lines of an
// old tool pasted in or added at its end, which Decode should reject at
// the first line that is not UTF-8, naming it, rather than have the whole
// file read as a legacy charset (the UTF-8 lines' names then garbled, and
// their rows summed under names of no locality).
func utf8Line(b []byte) bool {
	for len(b) > 0 {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		if !utf8.Valid(line) {
			continue
		}
		letters := 0
		for _, r := range string(line) {
			if r >= 0xC0 && r <= 0x1B0 || r >= 0x1EA0 && r <= 0x1EF9 {
				if letters++; letters >= 2 {
					return true
				}
			}
		}
	}
	return false
}

// mostlyUTF8 reports whether b, which is not valid UTF-8, still has at least
// twice as many valid multi-byte UTF-8 sequences as runs of invalid bytes: a
// UTF-8 file damaged in places (a truncated last character, one pasted
// legacy word), which Decode should reject at the first bad byte rather than
// have it read as a legacy charset. Legacy Vietnamese text almost never
// forms valid sequences (none in the register fixtures), so the scan gives
// up once 64 runs of invalid bytes outnumber the valid sequences.
func mostlyUTF8(b []byte) bool {
	valid, badRuns := 0, 0
	inBad := false
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			inBad = false
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			if !inBad {
				badRuns++
				if badRuns >= 64 && badRuns > valid {
					return false // legacy text: no need to read on
				}
			}
			inBad = true
		} else {
			valid++
			inBad = false
		}
		i += n
	}
	return valid > 0 && valid >= 2*badRuns
}

// sniffBOM returns the charset announced by a byte order mark, or Auto.
func sniffBOM(b []byte) Charset {
	switch {
	case bytes.HasPrefix(b, utf8BOM):
		return UTF8
	case len(b) >= 2 && b[0] == 0xFF && b[1] == 0xFE:
		return UTF16LE
	case len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF:
		return UTF16BE
	}
	return Auto
}

// sniffUTF16 recognises UTF-16 without a BOM by its zero bytes: in the
// first 4 KiB at least 30% of the high bytes (odd offsets for little-endian)
// and at most 5% of the low bytes are zero.
func sniffUTF16(b []byte) Charset {
	n := min(len(b), 4096) &^ 1
	if n < 4 {
		return Auto
	}
	var zeros [2]int
	for i := 0; i < n; i++ {
		if b[i] == 0 {
			zeros[i&1]++
		}
	}
	units := n / 2
	switch {
	case zeros[1]*10 >= units*3 && zeros[0]*20 <= units:
		return UTF16LE
	case zeros[0]*10 >= units*3 && zeros[1]*20 <= units:
		return UTF16BE
	}
	return Auto
}

// guessLegacy scores the single-byte candidates on a sample of b.
func guessLegacy(b []byte) Charset {
	var seen [256]bool
	for _, x := range b {
		seen[x] = true
	}
	sample := nonASCIILines(b, sampleLimit)
	best, bestScore, bestCommon := TCVN3, -2.0, -1
	for _, cs := range legacyCandidates {
		t, err := byteTableFor(cs)
		if err != nil {
			continue
		}
		usable := true
		for x, present := range seen {
			if present && t[x]&undefinedByte != 0 {
				usable = false
				break
			}
		}
		if !usable {
			continue
		}
		text, err := decodeBytes(sample, t, cs)
		if err != nil {
			continue
		}
		s, common := score(text)
		if s > bestScore || (s == bestScore && common > bestCommon) {
			best, bestScore, bestCommon = cs, s, common
		}
	}
	return best
}

// nonASCIILines returns the lines of b that contain a byte >= 0x80, each
// ending in '\n', up to limit bytes (plus one '\n' after a cut line).
func nonASCIILines(b []byte, limit int) []byte {
	var out []byte
	for len(b) > 0 && len(out) < limit {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i+1], b[i+1:]
		} else {
			b = nil
		}
		for _, x := range line {
			if x >= utf8.RuneSelf {
				out = append(out, line[:min(len(line), limit-len(out))]...)
				if out[len(out)-1] != '\n' {
					out = append(out, '\n')
				}
				break
			}
		}
	}
	return out
}

// score rates how much text reads like Vietnamese, from -1 (all misshapen
// words and stray symbols) to 1 (all words with non-ASCII letters are
// well-formed syllables and no odd characters), and counts the words with
// non-ASCII letters that are common syllables. Words of ASCII letters only
// read the same in every candidate and are not counted.
func score(text string) (ratio float64, common int) {
	valid, bad := 0, 0
	var word []rune
	nonASCII := false
	flush := func() {
		if len(word) > 0 && nonASCII {
			switch judge(word) {
			case wordValid:
				valid++
				if _, found := slices.BinarySearch(commonSyllables, strings.ToLower(string(word))); found {
					common++
				}
			case wordInvalid:
				bad++
			}
		}
		word, nonASCII = word[:0], false
	}
	for _, r := range text {
		if unicode.IsLetter(r) || isMark(r) {
			word = append(word, r)
			if r >= utf8.RuneSelf {
				nonASCII = true
			}
			continue
		}
		flush()
		if oddRune(r) {
			bad++
		}
	}
	flush()
	if valid+bad == 0 {
		return 0, common
	}
	return float64(valid-bad) / float64(valid+bad), common
}

// oddRune reports whether r, not a letter, is unlikely in a Vietnamese
// register: a control character other than tab and line ends, or a
// non-ASCII symbol other than common typographic punctuation.
func oddRune(r rune) bool {
	if r < utf8.RuneSelf {
		return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7F
	}
	switch r {
	case 0x00A0, // no-break space
		0x2013, 0x2014, // – —
		0x2018, 0x2019, 0x201C, 0x201D, // ‘ ’ “ ”
		0x2022, 0x2026, // • …
		0x00B0,         // °
		0x20AB, 0x20AC: // ₫ €
		return false
	}
	return true
}
