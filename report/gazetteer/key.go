package gazetteer

import (
	"strings"

	"github.com/dvkreport/dvkreport/report/gazetteer/internal/namekey"
)

// prefix is a unit-type prefix that may start a written name.
type prefix struct {
	text string // as it appears in a normalised (or folded) name, without the trailing space
	typ  string // the unit type it denotes, as in Unit.Type
}

// exactPrefixes are recognised in normalised names. They are written with
// their diacritics (or are the abbreviations "tp", "tt" and "tx", which no
// name begins with), so they cannot be mistaken for the first word of a name: "Quận" is a prefix, "Quan" (as in Quan Sơn)
// is not.
var exactPrefixes = [...]prefix{
	{"thành phố", "thành phố"},
	{"tp", "thành phố"},
	{"tỉnh", "tỉnh"},
	{"thị trấn", "thị trấn"},
	{"tt", "thị trấn"},
	{"thị xã", "thị xã"},
	{"tx", "thị xã"},
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
	{"tt", "thị trấn"},
	{"thi xa", "thị xã"},
	{"tx", "thị xã"},
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
// The prefixes removed are Tỉnh, Thành phố, TP (also "TP."), Thị xã, TX,
// Quận, Huyện, Xã, Phường, Thị trấn, TT and Đặc khu, in any letter case but written
// with their diacritics, and the one-letter X., P., H., Q. and T. with
// their full stop. A prefix is never removed when nothing would remain,
// so Key("Phường 1") is "1" and Key("Xã") is "xã". Key removes at most one
// prefix: Key("Phường Phường Đúc") is "phường đúc", the name of that ward.
//
// Two names with equal keys are the same name; see SameName for the
// comparison the gazetteer itself uses, which also tolerates missing
// diacritics.
func Key(name string) string {
	_, k := stripPrefix(namekey.Normalize(expandAbbreviation(name)), exactPrefixes[:])
	return k
}

// abbreviations are the one-letter unit types a clerk writes with a full
// stop ("X. Đức Long", "P. Đông Kinh", "T. Cao Bằng"): with the stop, never
// a name's first word (Thị trấn P Rao, Xã H Bông are written without).
var abbreviations = map[byte]string{'X': "Xã", 'x': "Xã", 'P': "Phường", 'p': "Phường", 'H': "Huyện", 'h': "Huyện",
	'Q': "Quận", 'q': "Quận", 'T': "Tỉnh", 't': "Tỉnh"}

// tAbbreviations are the second letters of T.P, T.X and T.T, the units
// they write.
var tAbbreviations = map[byte]string{'P': "Thành phố", 'p': "Thành phố", 'X': "Thị xã", 'x': "Thị xã", 'T': "Thị trấn", 't': "Thị trấn"}

// expandAbbreviation writes out a one-letter unit type with a full stop
// that starts name (a fortieth review found "X. Đức Long" a place of its
// own, its models counted again across quarters).
func expandAbbreviation(name string) string {
	s := strings.TrimLeft(name, " \t\u00a0")
	if len(s) > 3 && (s[0] == 'T' || s[0] == 't') && s[1] == '.' {
		// "T.P Lạng Sơn", "T.X. Quảng Yên", "T.T Na Sầm" (review 49)
		if full, ok := tAbbreviations[s[2]]; ok && (s[3] == '.' || s[3] == ' ') {
			return full + " " + strings.TrimLeft(s[3:], ". ")
		}
	}
	if len(s) > 2 && s[1] == '.' {
		if full, ok := abbreviations[s[0]]; ok {
			return full + " " + strings.TrimLeft(s[2:], " ")
		}
	}
	return name
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
	return namekey.Fold(Key(name))
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
	q := &query{norm: namekey.Normalize(expandAbbreviation(name))}
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
		fk, fn := namekey.Fold(q.key), namekey.Fold(q.norm)
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
