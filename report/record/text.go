package record

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/dvkreport/dvkreport/report/msg"
)

// Fold returns s lower-cased, without diacritics (đ becomes d) and with runs
// of white space folded to one space, for matching the contract's keys and
// words the way people type them: "Văn hóa - Xã hội", "VAN HOA - XA HOI" and
// "van hoa - xa hoi" fold alike. Locality names have their own, stricter
// matching.
func Fold(s string) string {
	if f, ok := foldShort(s); ok {
		return f
	}
	return foldNFD(s)
}

// foldNFD is Fold the long way, for every text: through the canonical
// decomposition of the whole text.
func foldNFD(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// foldShort is Fold without the decomposition of the whole text, for a
// text of ASCII, Latin letters that FoldLatin folds, combining diacritical
// marks (U+0300 to U+036F) and white space, as the contract's words and
// nearly every header are; ok is false for any other text. Those letters
// decompose into their base letter and nonspacing marks alone, and Fold
// drops every mark, so the order the decomposition would put the marks in
// does not matter: the result is Fold's (TestFoldAsNFD).
func foldShort(s string) (_ string, ok bool) {
	b := make([]byte, 0, len(s))
	space := false
	for _, r := range s {
		c := byte(0)
		switch {
		case r < utf8.RuneSelf && !unicode.IsSpace(r):
			c = byte(unicode.ToLower(r))
		case unicode.IsSpace(r):
			space = len(b) > 0
			continue
		case r >= 0x300 && r < 0x370:
			continue
		default:
			if c = FoldLatin(r); c == 0 {
				return "", false
			}
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, c)
	}
	return string(b), true
}

// compact folds s and drops everything but letters and digits, so that
// "Văn hóa - Xã hội", "van_hoa_xa_hoi" and "VĂN HÓA–XÃ HỘI" all read
// "vanhoaxahoi".
func compact(s string) string {
	f := Fold(s)
	var b strings.Builder
	b.Grow(len(f))
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Compact is the key under which the contract's words are compared: folded
// by [Fold], with everything but letters and digits removed.
func Compact(s string) string { return compact(s) }

// fieldWords are the ways registers write the fields, compacted: the
// contract's keys, the Vietnamese labels and their short forms, as the
// report itself prints them (VH - XH, QP - AN, XD Đảng), and the wordings
// of real registers (testdata/fields.csv in package validate holds them
// with their meaning).
var fieldWords = map[string]Field{
	"economy": Economy, "economic": Economy, "kinhte": Economy, "kt": Economy, "linhvuckinhte": Economy,
	"phattrienkinhte": Economy, "kinhtexahoi": Economy, "lvkinhte": Economy, "linhvuckt": Economy,
	"culturesociety": CultureSociety, "culturalsocial": CultureSociety, "societyculture": CultureSociety,
	"cultureandsociety": CultureSociety, "vanhoaxahoi": CultureSociety, "vhxh": CultureSociety,
	"vanhoa": CultureSociety, "xahoi": CultureSociety, "vanhoavaxahoi": CultureSociety, "linhvucvanhoaxahoi": CultureSociety,
	"xahoivanhoa": CultureSociety, "lvvhxh": CultureSociety, "vanhoaxh": CultureSociety,
	"defensesecurity": DefenseSecurity, "defenceandsecurity": DefenseSecurity, "defensandsecurity": DefenseSecurity,
	"defenseandsecurity": DefenseSecurity, "defencesecurity": DefenseSecurity,
	"nationaldefenseandsecurity": DefenseSecurity, "quocphonganninh": DefenseSecurity, "qpan": DefenseSecurity,
	"anninhquocphong": DefenseSecurity, "quocphongvaanninh": DefenseSecurity, "anqp": DefenseSecurity,
	"linhvucquocphonganninh": DefenseSecurity, "quocphong": DefenseSecurity, "anninh": DefenseSecurity,
	"anninhtratu": DefenseSecurity, "anninhtrattu": DefenseSecurity,
	"partybuilding": PartyBuilding, "partybuildingandthepoliticalsystem": PartyBuilding,
	"partybuildingandpoliticalsystem": PartyBuilding, "xaydungdangvahethongchinhtri": PartyBuilding,
	"xaydunghethongchinhtri": PartyBuilding, "xaydungdang": PartyBuilding, "hethongchinhtri": PartyBuilding,
	"xdd": PartyBuilding, "xddvahtct": PartyBuilding, "xddang": PartyBuilding, "xaydungdangvahtct": PartyBuilding, "xddangvahtct": PartyBuilding,
	"xaydungdanghethongchinhtri": PartyBuilding, "xddhtct": PartyBuilding, "xdhtct": PartyBuilding,
	"xaydungdangchinhquyen": PartyBuilding, "xaydungdangvachinhquyen": PartyBuilding, "dang": PartyBuilding,
	"linhvucxaydungdang": PartyBuilding, "xdhethongchinhtri": PartyBuilding, "xddvhtct": PartyBuilding,
	"": Unclassified, "unclassified": Unclassified, "chuaphanloai": Unclassified, "chuapl": Unclassified,
}

// ParseField reads a field as the contract allows: its key (economy), its
// Vietnamese label (Văn hóa - Xã hội) or its short form (VH - XH), its
// English name, or a common wording (Xây dựng Đảng và HTCT), ignoring case,
// diacritics and punctuation. An empty cell is Unclassified. A field it
// does not know is an error that names the nearest field, when one is
// near (Kinh tết: did you mean Kinh tế?).
func ParseField(s string) (Field, error) {
	k := compact(s)
	if f, ok := fieldWords[k]; ok {
		return f, nil
	}
	m := msg.New("field.unknown", msg.Quote(strings.TrimSpace(s)))
	if f, ok := nearWord(k, fieldWords); ok && f != Unclassified {
		m = msg.New("did_you_mean", m, msg.New("field."+f.Key()))
	}
	return 0, m
}

// nearWord returns the value of the word of words within two edits of k
// (one for short words), if exactly one value is that near.
func nearWord[V comparable](k string, words map[string]V) (V, bool) {
	var found V
	n := 0
	for w, v := range words {
		limit := 2
		if len(w) < 6 {
			limit = 1
		}
		if len(w) < 3 || abs(len(w)-len(k)) > limit {
			continue
		}
		if distance(w, k, limit+1) <= limit {
			if n > 0 && v == found {
				continue
			}
			found, n = v, n+1
		}
	}
	return found, n == 1
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// distance is the Levenshtein distance between two ASCII strings, or
// limit if it is limit or more.
func distance(a, b string, limit int) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			low = min(low, cur[j])
		}
		if low >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit)
}

var statusWords = map[string]Status{
	"": NotStated, "notstated": NotStated, "chuaro": NotStated, "khongro": NotStated,
	"new": New, "moi": New, "xaydungmoi": New, "xaymoi": New, "built": New, "xdmoi": New,
	"dangkymoi": New, "moixaydung": New, "motaomoi": New, "lammoi": New, "m": New,
	"sustained": Sustained, "maintained": Sustained, "duytri": Sustained, "duytrivanhanrong": Sustained,
	"duytrinhanrong": Sustained, "nhanrong": Sustained, "tieptucduytri": Sustained, "dangduytri": Sustained,
	"duytriphattrien": Sustained, "cu": Sustained, "dt": Sustained, "tieptuc": Sustained,
}

// FieldWord returns the field s names as ParseField reads it, and whether
// it names one, without the cost of an error: for rules that try cells
// that are mostly not fields.
func FieldWord(s string) (Field, bool) {
	f, ok := fieldWords[compact(s)]
	return f, ok
}

// StatusWord returns the status s names as ParseStatus reads it, and
// whether it names one, without the cost of an error.
func StatusWord(s string) (Status, bool) {
	st, ok := statusWords[compact(s)]
	return st, ok
}

// ParseStatus reads a model's status: new (xây dựng mới) or sustained (duy
// trì), ignoring case and diacritics. An empty cell is NotStated.
func ParseStatus(s string) (Status, error) {
	k := compact(s)
	if st, ok := statusWords[k]; ok {
		return st, nil
	}
	m := msg.New("status.unknown", msg.Quote(strings.TrimSpace(s)))
	if st, ok := nearWord(k, statusWords); ok && k != "" {
		m = msg.New("did_you_mean", m, msg.New("status."+st.String()))
	}
	return 0, m
}
