package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// prefix is a unit-type prefix that may start a written name.
type prefix struct {
	text string // as it appears in a normalised (or folded) name, without the trailing space
	typ  string // the unit type it denotes, as in Unit.Type
}

// exactPrefixes are recognised in normalised names. They are written with
// their diacritics (or are the abbreviation "tp"), so they cannot be mistaken
// for the first word of a name: "Quận" is a prefix, "Quan" (as in Quan Sơn)
// is not.
var exactPrefixes = [...]prefix{
	{"thành phố", "thành phố"},
	{"tp", "thành phố"},
	{"tỉnh", "tỉnh"},
	{"thị trấn", "thị trấn"},
	{"thị xã", "thị xã"},
	{"đặc khu", "đặc khu"},
	{"phường", "phường"},
	{"huyện", "huyện"},
	{"quận", "quận"},
	{"xã", "xã"},
}

// loosePrefixes are the same prefixes without diacritics. Without diacritics
// a prefix is indistinguishable from the first word of some names ("quan" in
// Quan Sơn, "tinh" in Tịnh Biên, "xa" in Xa Dung), so matching tries them
// only after every other key has failed.
var loosePrefixes = [...]prefix{
	{"thanh pho", "thành phố"},
	{"tp", "thành phố"},
	{"tinh", "tỉnh"},
	{"thi tran", "thị trấn"},
	{"thi xa", "thị xã"},
	{"dac khu", "đặc khu"},
	{"phuong", "phường"},
	{"huyen", "huyện"},
	{"quan", "quận"},
	{"xa", "xã"},
}

// Key returns the exact matching key of a locality name: the name in NFC,
// lower-case, with the tone mark of a word-final oa, oe or uy on the first
// vowel ("Hoà" and "Hòa" both give "hòa"), apostrophes (' ’ ʼ) removed
// together with any space around them, other punctuation and runs of spaces
// folded to one space, and a leading unit-type prefix removed.
//
// The prefixes removed are Tỉnh, Thành phố, TP (also "TP."), Thị xã, Quận,
// Huyện, Xã, Phường, Thị trấn and Đặc khu, in any letter case but written
// with their diacritics. A prefix is never removed when nothing would remain,
// so Key("Phường 1") is "1" and Key("Xã") is "xã". Key removes at most one
// prefix: Key("Phường Phường Đúc") is "phường đúc", the name of that ward.
//
// Two names with equal keys are the same name; see SameName for the
// comparison the gazetteer itself uses, which also tolerates missing
// diacritics.
func Key(name string) string {
	_, k := stripPrefix(normalize(name), exactPrefixes[:])
	return k
}

// FoldKey returns Key(name) without diacritics: every letter reduced to its
// base letter and đ to d, so FoldKey("Tỉnh Lạng Sơn") and FoldKey("lang son")
// are both "lang son".
//
// FoldKey removes a unit-type prefix only when Key does, that is when it is
// written with its diacritics: FoldKey("Thanh pho Ho Chi Minh") is
// "thanh pho ho chi minh", because "quan son" may be Quận Sơn or Quan Sơn.
// SameName and the gazetteer's lookups try removing such a prefix as a last
// resort.
func FoldKey(name string) string {
	return fold(Key(name))
}

// SameName reports whether a and b can name the same locality: whether a key
// of a equals the same kind of key of b, the kinds being those a lookup
// tries (see the package documentation): exact keys with and without the
// prefix, the same without diacritics, and the key without diacritics and
// without a prefix written without diacritics. So "Thanh pho Ho Chi Minh"
// and "Hồ Chí Minh" are the same name. It compares names, not unit types:
// SameName("Quận 1", "Phường 1") is true. The last kind of key makes it
// permissive: SameName("Quan Sơn", "Sơn") is true. Use the gazetteer's
// lookups when a unique unit is needed.
func SameName(a, b string) bool {
	sa, sb := parseQuery(a).all(), parseQuery(b).all()
	for _, ka := range sa {
		for _, kb := range sb {
			if ka.folded == kb.folded && ka.key == kb.key {
				return true
			}
		}
	}
	return false
}

// stage is one key tried by a lookup.
type stage struct {
	key    string
	folded bool   // key is a folded key (look it up in the folded index)
	typ    string // unit type named by the removed prefix, or ""
}

// query is a name prepared for matching: its keys, most exact first. The
// folded keys are computed only when asked for, since most lookups succeed
// with an exact key.
type query struct {
	norm, key string  // normalised name, and without its prefix (Key)
	stages    []stage // the exact stages, then, once computed, the folded ones
	folded    bool    // stages holds the folded stages
}

// parseQuery prepares name for matching. The stages are, in order and without
// duplicates: the exact key with the prefix removed (Key), the exact key with
// the prefix kept, both folded, and the folded key with a prefix written
// without diacritics removed.
func parseQuery(name string) *query {
	q := &query{norm: normalize(name)}
	var typ string
	typ, q.key = stripPrefix(q.norm, exactPrefixes[:])
	q.stages = make([]stage, 0, 5)
	q.add(stage{key: q.key, typ: typ})
	q.add(stage{key: q.norm})
	return q
}

// stage returns stage i of q, computing the folded stages when i reaches
// them, and false if there is no stage i.
func (q *query) stage(i int) (stage, bool) {
	if i >= len(q.stages) && !q.folded {
		q.folded = true
		fk, fn := fold(q.key), fold(q.norm)
		typ := ""
		if len(q.stages) > 0 {
			typ = q.stages[0].typ
		}
		q.add(stage{key: fk, folded: true, typ: typ})
		q.add(stage{key: fn, folded: true})
		if ltyp, lk := stripPrefix(fn, loosePrefixes[:]); ltyp != "" {
			q.add(stage{key: lk, folded: true, typ: ltyp})
		}
	}
	if i >= len(q.stages) {
		return stage{}, false
	}
	return q.stages[i], true
}

// all returns every stage of q.
func (q *query) all() []stage {
	q.stage(len(q.stages))
	return q.stages
}

// add appends s unless it is empty or already present.
func (q *query) add(s stage) {
	if s.key == "" {
		return
	}
	for _, t := range q.stages {
		if t.key == s.key && t.folded == s.folded {
			return
		}
	}
	q.stages = append(q.stages, s)
}

// stripPrefix removes the first of prefixes that starts s and is followed by
// a space and at least one more character. It returns the prefix's unit type
// ("" if none was removed) and the rest of s.
func stripPrefix(s string, prefixes []prefix) (typ, rest string) {
	for _, p := range prefixes {
		if len(s) > len(p.text)+1 && s[len(p.text)] == ' ' && strings.HasPrefix(s, p.text) {
			return p.typ, s[len(p.text)+1:]
		}
	}
	return "", s
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

// normalize returns name in NFC, lower-case, with apostrophes and the spaces
// around them removed, other non-letters folded to single spaces, and the
// tone marks of word-final oa, oe and uy placed on the first vowel. It does
// not remove a prefix.
func normalize(name string) string {
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
			placeTone(buf[start:i])
			start = i + 1
		}
	}
	return string(buf)
}

// isWordRune reports whether r belongs in a word: a letter, a digit or a
// combining mark.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// splitTone returns the base vowel and tone (0..4: huyền, sắc, hỏi, ngã,
// nặng) of one of the plain vowels a, e, o, u, y, with tone -1 if r carries
// no tone. ok is false for any other rune.
func splitTone(r rune) (base rune, tone int, ok bool) {
	switch r {
	case 'a', 'e', 'o', 'u', 'y':
		return r, -1, true
	case 'à', 'è', 'ò', 'ù', 'ỳ':
		tone = 0
	case 'á', 'é', 'ó', 'ú', 'ý':
		tone = 1
	case 'ả', 'ẻ', 'ỏ', 'ủ', 'ỷ':
		tone = 2
	case 'ã', 'ẽ', 'õ', 'ũ', 'ỹ':
		tone = 3
	case 'ạ', 'ẹ', 'ọ', 'ụ', 'ỵ':
		tone = 4
	default:
		return 0, 0, false
	}
	switch r {
	case 'à', 'á', 'ả', 'ã', 'ạ':
		base = 'a'
	case 'è', 'é', 'ẻ', 'ẽ', 'ẹ':
		base = 'e'
	case 'ò', 'ó', 'ỏ', 'õ', 'ọ':
		base = 'o'
	case 'ù', 'ú', 'ủ', 'ũ', 'ụ':
		base = 'u'
	default:
		base = 'y'
	}
	return base, tone, true
}

// withTone returns vowel base (o or u) carrying tone (0..4).
func withTone(base rune, tone int) rune {
	if base == 'u' {
		return [...]rune{'ù', 'ú', 'ủ', 'ũ', 'ụ'}[tone]
	}
	return [...]rune{'ò', 'ó', 'ỏ', 'õ', 'ọ'}[tone]
}

// placeTone moves the tone of a word-final oa, oe or uy to its first vowel,
// in place: "hoà" becomes "hòa", "thuý" becomes "thúy", "khoẻ" becomes "khỏe".
func placeTone(word []rune) {
	n := len(word)
	if n < 2 {
		return
	}
	b1, t1, ok1 := splitTone(word[n-2])
	b2, t2, ok2 := splitTone(word[n-1])
	if !ok1 || !ok2 || t1 >= 0 || t2 < 0 {
		return
	}
	if (b1 == 'o' && (b2 == 'a' || b2 == 'e')) || (b1 == 'u' && b2 == 'y') {
		word[n-2], word[n-1] = withTone(b1, t2), b2
	}
}

// fold removes the diacritics from a normalised string: each precomposed
// letter becomes its base letter, đ becomes d, combining marks are dropped.
func fold(s string) string {
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
