package validate

import (
	"strings"
	"unicode/utf8"

	"github.com/dvkreport/dvkreport/report/record"
)

// Units of money as clerks write them, in a header or in a line above the
// table. All the patterns work on folded text (record.Fold: lower case, no
// diacritics, đ as d).
var (
	// bracketRe finds a text in brackets of any kind: (triệu đồng),
	// [triệu đồng], {triệu đồng}.
	bracketRe = lazyRegexp(`[(\[{]([^()\[\]{}]*)[)\]}]`)
	// unitTextRe is a unit of money alone: a factor ("x 1.000", "1.000"), a
	// word (nghìn, triệu, tỷ) and the currency (đồng, đ, VNĐ), each of them
	// optional: "triệu đồng", "tr.đ", "trđ", "1.000 đồng", "x1000 đ",
	// "million VND".
	unitTextRe = lazyRegexp(`^(x|×|\*)?\s*([0-9][0-9., ]*[0-9]|[0-9])?\s*(nghin|ngan|thousand|trieu|tr|million|ty|ti|billion)?\.?\s*(dong viet nam|dong vn|dongvn|dong|vnd|d|₫)?$`)
	// unitLabelRe finds the label of a unit: "ĐVT", "Đ.V.T", "Đơn vị
	// tính", which need no colon, and "Đơn vị:", "Unit:", which do (an
	// "Đơn vị" alone is the column of the unit running a model).
	unitLabelRe = lazyRegexp(`(?:^|[^a-z0-9])(?:(dvt|d\.v\.t\.?|don vi tinh|dv tinh)\s*[:.]?|(don vi|unit|units|currency)\s*:)\s*`)
	// unitSuffixRe is a unit that ends a header with no bracket, comma or
	// dash before it: a word and the currency, both ("Kinh phí triệu
	// đồng"); a currency alone there may be a word ("hoạt động").
	unitSuffixRe = lazyRegexp(`\s((?:nghin|ngan|trieu|tr|ty|ti)\.?\s*(?:dong|d|vnd))$`)
	// foreignMoneyRe finds money that is not đồng: a unit meant, never
	// read as đồng.
	foreignMoneyRe = lazyRegexp(`(?:^|[^a-z])(usd|us\$|eur|euro|euros|ndt|cny|yen|jpy|dollar|dollars|do la|dola|bang anh|gbp|baht|kip|won|rub)(?:$|[^a-z])|[$€£¥]`)
)

// unitScales are the factors a unit may have.
var unitScales = map[int64]bool{1: true, 1e3: true, 1e6: true, 1e9: true}

// parseUnit reads a unit of money alone, folded ("trieu dong", "tr.d",
// "x 1.000 d"): its factor, or 0 with meant true when the text has the
// form of a unit whose factor is none of đồng, nghìn, triệu, tỷ ("x 10.000
// đồng").
func parseUnit(f string) (scale int64, meant bool) {
	f = strings.Trim(f, " .:;,-–—")
	m := unitTextRe.FindStringSubmatch(f)
	if m == nil || f == "" {
		return 0, false
	}
	x, num, word, cur := m[1], m[2], m[3], m[4]
	if word == "" && cur == "" && (x == "" || num == "") {
		return 0, false // a number alone is no unit: a column number
	}
	scale = 1
	if num != "" {
		n := int64(0)
		for _, r := range num {
			if r >= '0' && r <= '9' {
				n = n*10 + int64(r-'0')
				if n > 1e12 {
					return 0, true
				}
			}
		}
		scale = n
	}
	switch word {
	case "nghin", "ngan", "thousand":
		scale *= 1e3
	case "trieu", "tr", "million":
		scale *= 1e6
	case "ty", "ti", "billion":
		scale *= 1e9
	}
	if !unitScales[scale] {
		return 0, true
	}
	return scale, true
}

// unitPart is a unit of money found in a text.
type unitPart struct {
	scale int64 // 0: not understood
	label bool  // written after a label: ĐVT: triệu đồng
}

// splitUnit finds the units of money a header or a line names, in
// brackets of any kind, after a label (ĐVT, Đơn vị tính), after a comma
// or a dash that ends it, or as the whole text ("Triệu đồng", a row of
// its own under the column's name). It returns the rest, folded, without
// the units nor anything in brackets, and the units, those not understood
// with scale 0: a text meant as a unit (after a label ĐVT or Đơn vị tính,
// in a foreign currency, or of a unit's form with another factor) is
// never taken for đồng.
func splitUnit(h string) (name string, units []unitPart) {
	f := record.Fold(h)
	if !strings.ContainsAny(f, "([{,-–—:") && !hasLabel(f) && !unitHint(f) {
		// The most common header, and most cells of data looked at for
		// a header: no bracket, label, comma, dash, nor word of money.
		return f, nil
	}
	for _, m := range bracketRe.FindAllStringSubmatch(f, -1) {
		if u, ok := readUnit(m[1], true); ok {
			units = append(units, u)
		}
	}
	rest := strings.TrimSpace(bracketRe.ReplaceAllString(f, " "))
	if loc := unitLabelRe.FindStringSubmatchIndex(rest); loc != nil {
		start := loc[2]
		if start < 0 {
			start = loc[4]
		}
		text := rest[loc[1]:]
		strong := loc[2] >= 0
		if s, meant := parseUnit(text); s > 0 || meant || strong && strings.Trim(text, " .:;,-") != "" || foreignMoneyRe.MatchString(text) {
			units = append(units, unitPart{scale: s, label: true})
			rest = strings.TrimSpace(rest[:start])
		}
		return rest, units
	}
	if i := strings.LastIndexAny(rest, ",-–—"); i >= 0 {
		_, size := utf8.DecodeRuneInString(rest[i:])
		tail := rest[i+size:]
		if u, ok := readUnit(tail, false); ok {
			return strings.TrimSpace(rest[:i]), append(units, u)
		}
	}
	if s, meant := parseUnit(rest); (s > 0 || meant) && bareUnit(rest) {
		return "", append(units, unitPart{scale: s})
	}
	if m := unitSuffixRe.FindStringSubmatchIndex(rest); m != nil {
		s, _ := parseUnit(rest[m[2]:m[3]])
		return strings.TrimSpace(rest[:m[0]]), append(units, unitPart{scale: s})
	}
	if foreignMoneyRe.MatchString(rest) && len(strings.Fields(rest)) <= 2 {
		return "", append(units, unitPart{}) // "USD", "Triệu USD": a row of its own under the column
	}
	return rest, units
}

// hasLabel reports whether a folded text may hold the label of a unit.
func hasLabel(f string) bool {
	return strings.Contains(f, "dvt") || strings.Contains(f, "d.v.t") || strings.Contains(f, "don vi tinh") || strings.Contains(f, "dv tinh")
}

// unitHints are the words, folded and without dots, that may belong to
// a unit of money.
var unitHints = wordSet("d dong vnd dongvn trieu tr trd trdong trieud trieudong nghin ngan nghind ngand nghindong ngandong " +
	"ty ti tyd tid tydong tidong thousand million billion usd us$ eur euro euros ndt cny yen jpy dollar dollars do dola gbp baht kip won rub")

// unitHint reports whether a folded text has a word that may belong to a
// unit of money, or a factor ("x1000", "1.000d"): the others need no
// closer look.
func unitHint(f string) bool {
	for _, w := range strings.Fields(f) {
		w = strings.ReplaceAll(w, ".", "")
		if w == "" {
			continue
		}
		if unitHints[w] || strings.ContainsAny(w, "$€£¥₫×*") {
			return true
		}
		if c := w[0]; c >= '0' && c <= '9' || c == 'x' && len(w) > 1 && w[1] >= '0' && w[1] <= '9' {
			if strings.Trim(w, "0123456789,x") != "" || c == 'x' {
				return true
			}
		}
	}
	return false
}

// readUnit reads a text that may be a unit, in brackets or after a comma
// or a dash: ok is false when it is none ("(mới, duy trì)", ", thành
// phố"). A label before the unit is dropped: "(ĐVT: triệu đồng)".
func readUnit(f string, inBrackets bool) (unitPart, bool) {
	f = strings.TrimSpace(f)
	label := false
	if loc := unitLabelRe.FindStringSubmatchIndex(f); loc != nil && strings.TrimSpace(f[:max(loc[2], loc[4])]) == "" {
		strong := loc[2] >= 0
		f = f[loc[1]:]
		label = strong
	}
	s, meant := parseUnit(f)
	switch {
	case s > 0:
		if !inBrackets && !label && !bareUnit(strings.Trim(f, " .")) {
			return unitPart{}, false // ", d" is no unit after a comma
		}
		return unitPart{scale: s, label: label}, true
	case meant, label && strings.Trim(f, " .:;,-") != "", foreignMoneyRe.MatchString(f):
		return unitPart{label: label}, true
	}
	return unitPart{}, false
}

// bareUnit reports whether a unit understood from a whole text is one
// written out, not a letter that may mean something else ("D", "Tr").
func bareUnit(f string) bool {
	switch f {
	case "d", "tr", "ti", "ty", "x":
		return false
	}
	return true
}

// headerScale returns the factor a header's unit multiplies its money by:
// 1 for đồng, 1,000 for nghìn đồng, 1,000,000 for triệu đồng, 1e9 for tỷ
// đồng; 0 when the header names none, or one not understood (see
// headerUnit).
func headerScale(h string) int64 {
	s, _, _ := headerUnit(h)
	return s
}

// headerUnit returns the unit of money a header (or one row of it) names:
// its factor, and whether the unit is written as a line of its own after
// a label ("ĐVT: triệu đồng", a line above the table's columns). problem
// is the key of the message when a unit is meant but not understood
// (validate.unit_unknown), or the header names two different units
// (validate.units_two); then the factor is 0.
func headerUnit(h string) (scale int64, line bool, problem string) {
	name, units := splitUnit(h)
	for _, u := range units {
		switch {
		case u.scale == 0:
			return 0, false, "validate.unit_unknown"
		case scale != 0 && u.scale != scale:
			return 0, false, "validate.units_two"
		}
		scale = u.scale
	}
	line = len(units) > 0 && name == "" && units[len(units)-1].label
	return scale, line, ""
}

// lineUnit reads a line above a table that gives the unit of its money:
// "ĐVT: triệu đồng", "Đơn vị tính: đồng", "(Đơn vị: triệu đồng)", perhaps
// after a title ("Biểu 01 - ĐVT: triệu đồng"). found is false for a line
// that gives none; bad is true for one whose label says a unit follows
// (ĐVT, Đơn vị tính) and whose unit is not understood.
func lineUnit(cell string) (scale int64, found, bad bool) {
	f := record.Fold(cell)
	if !strings.Contains(f, "dvt") && !strings.Contains(f, "d.v.t") && !strings.Contains(f, "don vi") &&
		!strings.Contains(f, "dv tinh") && !strings.Contains(f, "unit") && !strings.Contains(f, "currency") {
		return 0, false, false
	}
	loc := unitLabelRe.FindStringSubmatchIndex(f)
	if loc == nil {
		return 0, false, false
	}
	strong := loc[2] >= 0
	text := f[loc[1]:]
	// The unit ends the line, or a bracket, or a clause: "(ĐVT: triệu
	// đồng; số hộ: hộ)".
	if i := strings.IndexAny(text, ";)]}"); i >= 0 {
		text = text[:i]
	}
	if i := strings.Index(text, ", "); i >= 0 {
		text = text[:i]
	}
	s, meant := parseUnit(text)
	switch {
	case s > 0:
		return s, true, false
	case strong && strings.Trim(text, " .:;,-") != "", meant, foreignMoneyRe.MatchString(text):
		return 0, true, true
	}
	return 0, false, false
}

// moneyHeader reports whether an extra indicator's header is one of money
// ("Số tiền hỗ trợ", "Giá trị hiện vật", "Trị giá", "So tien doi ung"),
// which a unit line above the table applies to. A header of a count that
// speaks of money is not: it starts with what it counts ("Hộ vay vốn",
// "Lượt người được hỗ trợ tiền mặt", "Số hộ được hỗ trợ vốn", "Tỷ lệ tăng
// giá trị") or names a unit of counts ("Vốn vay (hộ)", "Vốn vay, hộ").
func moneyHeader(h string) bool {
	l := lowerWords(h)
	if countHeaderRe.MatchString(l) {
		return false
	}
	if a := strings.TrimPrefix(l, "so "); strings.HasPrefix(a, "ho ") && !strings.HasPrefix(a, "ho tro") {
		return false // "ho vay von", "so ho vay von"; "ho tro" is hỗ trợ (support)
	}
	words := moneyWordsLower
	if isASCII(l) {
		// Typed without diacritics: "tien" is then tiền, unless it is
		// tiến độ (progress).
		if strings.Contains(l+" ", "tien do ") {
			return false
		}
		words = moneyWordsFolded
	}
	if rest, ok := strings.CutPrefix(l, "số "); ok {
		// Số tiền, Số vốn, Số kinh phí: money; Số hộ, Số sáng kiến: counts.
		loc := words.FindStringIndex(rest)
		return loc != nil && loc[0] == 0
	}
	return words.MatchString(l)
}

// lowerWords returns s in lower case, its words one space apart: "Số  tiền
// hỗ trợ" reads "số tiền hỗ trợ".
func lowerWords(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// isASCII reports whether s has no byte outside ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// countHeaderRe finds the header of a count, in lower case with its
// diacritics or without: one that starts with what it counts, or that
// names a unit of counts.
var countHeaderRe = lazyRegexp(`^(số |so )?(hộ|người|nguoi|lượt|luot|tỷ lệ|tỉ lệ|ty le|ti le|%|số lượng|so luong|tổ|nhóm|thành viên|hội viên|đoàn viên|lao động|mô hình|gia đình)(\s|$|[,.:(])` +
	`|[(\[,]\s*(hộ|ho|người|nguoi|lượt|luot|lượt người|lượt hộ|%|mô hình|cái|con|cây|ngày công|thành viên)\s*[)\]]?$|\(%\)|ngày công`)

// moneyWordsLower finds the words of a header of money, in lower case with
// their diacritics: "tiền", never "tiến" (progress).
var moneyWordsLower = lazyRegexp(`(?:^|[^\p{L}])(kinh phí|tiền|giá trị|trị giá|vốn|nguồn lực|ngân sách|xã hội hóa|xã hội hoá|đóng góp|ủng hộ|tài trợ|quỹ|quy đổi|funds?|money|value)(?:$|[^\p{L}])`)

// moneyWordsFolded finds them in a header typed without diacritics.
var moneyWordsFolded = lazyRegexp(`(?:^|[^a-z])(kinh phi|tien|gia tri|tri gia|von|nguon luc|ngan sach|xa hoi hoa|dong gop|ung ho|tai tro|funds?|money|value)(?:$|[^a-z])`)

// moneyName is the name under which an indicator of money is reported: its
// header without the unit it was written in, then "(đồng)", for its
// figures are summed in đồng. Kept as written, "Giá trị hiện vật (nghìn
// đồng)" printed 5.000.000 beside 5,000 nghìn đồng, as if it were five
// billion. Indicators of one name in different units are then one.
func moneyName(h string) string {
	name := origBracketRe.ReplaceAllStringFunc(h, func(b string) string {
		if _, ok := readUnit(record.Fold(b[1:len(b)-1]), true); ok {
			return " "
		}
		return b
	})
	name = strings.Join(strings.Fields(name), " ")
	// A unit after its label (ĐVT: triệu đồng), then a tail after a
	// separator that reads as one (, triệu đồng; / Nghìn đồng).
	if j := origLabelRe.FindStringIndex(name); j != nil {
		if _, ok := readUnit(record.Fold(name[j[0]:]), false); ok {
			name = strings.TrimRight(strings.TrimSpace(name[:j[0]]), " ,-–—:/")
		}
	}
	for {
		i := strings.LastIndexAny(name, ",-–—:/")
		if i < 0 {
			break
		}
		_, size := utf8.DecodeRuneInString(name[i:])
		if _, ok := readUnit(record.Fold(name[i+size:]), false); !ok {
			break
		}
		name = strings.TrimRight(strings.TrimSpace(name[:i]), " ,-–—:/")
	}
	if name == "" {
		name = h
	}
	return name + " (đồng)"
}

var (
	// origBracketRe finds a text in brackets, as written.
	origBracketRe = lazyRegexp(`[(\[{][^()\[\]{}]*[)\]}]`)
	// origLabelRe finds the label of a unit, as written.
	origLabelRe = lazyRegexp(`(?i)\s(ĐVT|Đ\.V\.T\.?|DVT|Đơn vị tính|Đơn vị:|Unit:)`)
)
