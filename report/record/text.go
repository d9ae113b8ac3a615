package record

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/dvkreport/dvkreport/report/msg"
)

// Fold returns s lower-cased, without diacritics (đ becomes d) and with runs
// of white space folded to one space, for matching the contract's keys and
// words the way people type them: "Văn hóa - Xã hội", "VAN HOA - XA HOI" and
// "van hoa - xa hoi" fold alike. Locality names have their own, stricter
// matching.
func Fold(s string) string {
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

var fieldWords = map[string]Field{
	"economy": Economy, "economic": Economy, "kinhte": Economy,
	"culturesociety": CultureSociety, "culturalsocial": CultureSociety, "societyculture": CultureSociety,
	"cultureandsociety": CultureSociety, "vanhoaxahoi": CultureSociety, "vhxh": CultureSociety,
	"defensesecurity": DefenseSecurity, "defenceandsecurity": DefenseSecurity, "defensandsecurity": DefenseSecurity,
	"defenseandsecurity": DefenseSecurity, "defencesecurity": DefenseSecurity,
	"nationaldefenseandsecurity": DefenseSecurity, "quocphonganninh": DefenseSecurity, "qpan": DefenseSecurity,
	"partybuilding": PartyBuilding, "partybuildingandthepoliticalsystem": PartyBuilding,
	"partybuildingandpoliticalsystem": PartyBuilding, "xaydungdangvahethongchinhtri": PartyBuilding,
	"xaydunghethongchinhtri": PartyBuilding, "xaydungdang": PartyBuilding, "hethongchinhtri": PartyBuilding,
	"xdd": PartyBuilding, "xddvahtct": PartyBuilding,
	"": Unclassified, "unclassified": Unclassified, "chuaphanloai": Unclassified,
}

// ParseField reads a field as the contract allows: its key (economy), its
// Vietnamese label (Văn hóa - Xã hội) or English name, ignoring case,
// diacritics and punctuation. An empty cell is Unclassified.
func ParseField(s string) (Field, error) {
	if f, ok := fieldWords[compact(s)]; ok {
		return f, nil
	}
	return 0, msg.New("field.unknown", msg.Quote(strings.TrimSpace(s)))
}

var statusWords = map[string]Status{
	"": New, "new": New, "moi": New, "xaydungmoi": New, "xaymoi": New, "built": New,
	"sustained": Sustained, "maintained": Sustained, "duytri": Sustained, "duytrivanhanrong": Sustained,
	"duytrinhanrong": Sustained, "nhanrong": Sustained,
}

// ParseStatus reads a model's status: new (xây dựng mới) or sustained (duy
// trì), ignoring case and diacritics. An empty cell is New.
func ParseStatus(s string) (Status, error) {
	if st, ok := statusWords[compact(s)]; ok {
		return st, nil
	}
	return 0, msg.New("status.unknown", msg.Quote(strings.TrimSpace(s)))
}
