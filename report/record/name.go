package record

import (
	"unicode"
	"unicode/utf8"
)

// SameName reports whether two names of models (or of units) name one: the
// same but for case, quotes and spaces, or the same but for diacritics when
// one of them has none ("Mo hinh nuoi bo", a register retyped without
// them, was summed twice). Two names that both have their diacritics and
// differ in them are two models: Trồng dứa and Trồng dừa. Package validate
// finds a model reported twice in a period by it, and package aggregate
// one model reported in several periods.
func SameName(a, b string) bool {
	var ka, kb [64]byte
	if string(AppendNameKey(ka[:0], a, true)) != string(AppendNameKey(kb[:0], b, true)) {
		return false
	}
	return IsASCII(a) || IsASCII(b) || string(AppendNameKey(ka[:0], a, false)) == string(AppendNameKey(kb[:0], b, false))
}

// IsASCII reports whether s is all ASCII: a name written without
// diacritics.
func IsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// AppendNameKey appends s lower-cased, without quotes, trimmed, with runs
// of white space folded to one space, and without diacritics if fold (see
// FoldLatin): the key under which SameName compares names.
func AppendNameKey(b []byte, s string, fold bool) []byte {
	space, started := false, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = started
			continue
		}
		switch r {
		case '"', '\'', '“', '”', '‘', '’', '«', '»':
			continue
		}
		started = true
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
