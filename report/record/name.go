package record

import (
	"unicode"
	"unicode/utf8"

	"github.com/dvkreport/dvkreport/report/tone"
)

// SameName reports whether two names of models (or of units) name one: the
// same but for case, quotes and spaces, or the same but for diacritics when
// one of them has none ("Mo hinh nuoi bo", a register retyped without
// them, was summed twice; see WithoutDiacritics), and but for where the
// tone marks sit (hoà, hòa). Two names that both have their diacritics and
// differ in them are two models: Trồng dứa and Trồng dừa. Package validate
// finds a model reported twice in a period by it, and package aggregate
// one model reported in several periods.
func SameName(a, b string) bool {
	var ka, kb [64]byte
	if string(AppendNameKey(ka[:0], a, true)) != string(AppendNameKey(kb[:0], b, true)) {
		return false
	}
	return WithoutDiacritics(a) || WithoutDiacritics(b) || string(AppendNameKey(ka[:0], a, false)) == string(AppendNameKey(kb[:0], b, false))
}

// AppendNameKey appends s lower-cased, without quotes, trimmed, with runs
// of white space and punctuation (but a point or a comma between digits)
// folded to one space, dashes as one hyphen without spaces
// around it, and without diacritics if fold (see
// FoldLatin), else with the tone marks placed one way (hoà as hòa, see
// package tone): the key under which SameName compares names.
func AppendNameKey(b []byte, s string, fold bool) []byte {
	from := len(b)
	b = appendNameKey(b, s, fold)
	if fold {
		return b
	}
	return placeTones(b, from)
}

// placeTones places the tone marks of the words of b[from:] one way.
func placeTones(b []byte, from int) []byte {
	key := b[from:]
	ascii := true
	for _, c := range key {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii || !misplacedTone(key) {
		return b
	}
	var arr [64]rune
	rs := arr[:0]
	for i := 0; i < len(key); {
		r, n := utf8.DecodeRune(key[i:])
		rs = append(rs, r)
		i += n
	}
	// Words are runs of letters: "(hoà)", "hoà," and "khoẻ." end in their
	// vowels (an eleventh review found them two names).
	start := 0
	for i := 0; i <= len(rs); i++ {
		if i == len(rs) || !unicode.IsLetter(rs[i]) && !unicode.Is(unicode.Mn, rs[i]) {
			tone.Place(rs[start:i])
			start = i + 1
		}
	}
	b = b[:from]
	for _, r := range rs {
		b = utf8.AppendRune(b, r)
	}
	return b
}

// misplacedTone reports whether a word of key ends in a tone placed the
// old way (see tone.Misplaced), looking at its letters without copying:
// most names have none, and are keyed as they are.
func misplacedTone(key []byte) bool {
	var p1, p2 rune // the word's last two letters so far
	for i := 0; i <= len(key); {
		r, n := rune(' '), 1
		if i < len(key) {
			r, n = utf8.DecodeRune(key[i:])
		}
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			p2, p1 = p1, r
		} else {
			if tone.Misplaced(p2, p1) {
				return true
			}
			p1, p2 = 0, 0
		}
		i += n
	}
	return false
}

// WithoutDiacritics reports whether a name is written without them: none
// of its letters is one FoldLatin folds (its quotes, dashes and spaces may
// be any), as a register retyped on a keyboard without Vietnamese is.
func WithoutDiacritics(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && (FoldLatin(r) != 0 || r == 'Ð' || r == 'ð') {
			return false
		}
	}
	return true
}

func appendNameKey(b []byte, s string, fold bool) []byte {
	space, started, dash, digit := false, false, false, false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsSpace(r) || punctuation(r) && !((r == '.' || r == ',') && digit && i < len(s) && '0' <= s[i] && s[i] <= '9') {
			// Punctuation is a space, but a point or a comma between
			// digits ("Tổ 1.2"): "Nuôi bò sinh sản." and "Nuôi bò (sinh
			// sản)" are "Nuôi bò sinh sản" retyped (a fortieth review
			// found them two models across quarters).
			space = started && !dash
			digit = false
			continue
		}
		digit = '0' <= r && r <= '9'
		switch r {
		case '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‟', '‚', '‛':
			continue
		case '-', '‐', '‑', '‒', '–', '—', '−':
			// A dash is one, and the spaces around it none: "Nuôi ong-tổ
			// 1", "Nuôi ong – tổ 1" (an eleventh review).
			if started {
				b = append(b, '-')
				space, dash = false, true
			}
			continue
		case 'Ð', 'ð':
			r = 'đ' // the eth some converters write for Đ
		}
		started, dash = true, false
		if space {
			b = append(b, ' ')
			space = false
		}
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		}
		if c := FoldLatin(r); fold && c != 0 {
			b = append(b, c)
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// punctuation reports whether r is a mark of punctuation that a name may
// be retyped with or without: full stops, commas, colons, brackets.
func punctuation(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '…':
		return true
	}
	return false
}
