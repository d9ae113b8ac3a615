// Package namekey is the normaliser of locality names that package
// gazetteer matches names with, and the hash its tables index the keys by.
// It is its own package so that the generator of the gazetteer's tables
// (package tablegen) computes and hashes the keys of the official names
// with the very code that computes and hashes the keys of the names looked
// up, and the tables cannot drift from the lookups.
package namekey

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/dvkreport/dvkreport/report/tone"
)

// Normalize returns name in NFC, lower-case, with apostrophes and the spaces
// around them removed, other non-letters folded to single spaces, the
// tone marks of word-final oa, oe and uy placed on the first vowel, and
// the leading zero of a two-digit number removed (see unpadNumbers). It
// does not remove a prefix.
func Normalize(name string) string {
	name = norm.NFC.String(name)
	var arr [64]rune
	buf := arr[:0]
	space, joined := false, false
	for _, r := range name {
		switch {
		case isApostrophe(r):
			space, joined = false, true
		case isWordRune(r):
			if space && len(buf) > 0 {
				buf = append(buf, ' ')
			}
			space, joined = false, false
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			} else if r >= utf8.RuneSelf {
				r = unicode.ToLower(r)
			}
			buf = append(buf, r)
		default:
			if !joined {
				space = true
			}
		}
	}
	start := 0
	for i := 0; i <= len(buf); i++ {
		if i == len(buf) || buf[i] == ' ' {
			tone.Place(buf[start:i])
			start = i + 1
		}
	}
	return string(unpadNumbers(buf))
}

// unpadNumbers removes the leading zero of the words of buf that are
// numbers of two digits: the lists write a ward "Phường 06" in one
// district and "Phường 6" in the next (the 2022 list of Hồ Chí Minh), and
// clerks write either. Read as two names, a row of "Phường 6" without its
// district was taken for the one ward spelled so in 2022 (a thirty-third
// review). A longer number is no ward's: "0009" is more likely a code
// that lost a digit than Phường 9 (a thirty-sixth review).
func unpadNumbers(buf []rune) []rune {
	if !slices.Contains(buf, '0') {
		return buf
	}
	out := buf[:0]
	for i := 0; i < len(buf); {
		j := i
		for j < len(buf) && buf[j] != ' ' {
			j++
		}
		word := buf[i:j]
		if len(word) == 2 && word[0] == '0' && '0' <= word[1] && word[1] <= '9' {
			word = word[1:]
		}
		out = append(out, word...)
		if j < len(buf) {
			out = append(out, ' ')
		}
		i = j + 1
	}
	return out
}

// Fold removes the diacritics from a normalised string: each precomposed
// letter becomes its base letter, đ becomes d, combining marks are dropped.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r < utf8.RuneSelf:
			b.WriteByte(byte(r))
		case r == 'đ' || r == 'Đ':
			b.WriteByte('d')
		case unicode.Is(unicode.Mn, r):
		default:
			if d := norm.NFD.PropertiesString(s[i:]).Decomposition(); len(d) > 0 && d[0] < utf8.RuneSelf {
				b.WriteByte(d[0])
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// isApostrophe reports whether r is one of the apostrophes found in
// Vietnamese names of ethnic-minority origin (Ea H'leo, Đắk R’Lấp).
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '‘', '`', '´', 'ʹ', '′':
		return true
	}
	return false
}

// isWordRune reports whether r belongs in a word: a letter, a digit or a
// combining mark.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Hash returns the hash under which the gazetteer's tables index a key of a
// unit of the given level (1 to 3), or a code with level 0: FNV-1a of the
// level and the bytes of key, mixed as by MurmurHash3's finaliser so that
// its low bits, which index the tables, depend on every byte.
func Hash(level uint8, key string) uint32 {
	h := uint32(2166136261)
	h = (h ^ uint32(level)) * 16777619
	for i := 0; i < len(key); i++ {
		h = (h ^ uint32(key[i])) * 16777619
	}
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 13
	h *= 0xc2b2ae35
	h ^= h >> 16
	return h
}
