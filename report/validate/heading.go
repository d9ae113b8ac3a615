package validate

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/load"
	"github.com/dvkreport/dvkreport/report/record"
)

// Headings. Clerks give a table's groups a row of their own where a
// model's name goes: a field's ("I. Lĩnh vực kinh tế"), a commune's ("Xã
// Bắc Sơn"), a unit's ("Hội Nông dân xã") or a status' ("Mô hình xây dựng
// mới"), with the sums of the models under it or no figure. Read as
// models, such rows doubled their models' figures with exit 0, and a
// heading without figures was one model more. modelNamed leaves them out
// of the models, so that groups weighs them as it weighs a row without a
// model's name.

// headingLabel reports whether a model's cell holds a heading's words, not
// a model's name: a field's (fieldLabel), a place's (placeHeading), a
// unit's (unitLabel), a status' (statusLabel) or a period's (periodLabel).
// Every row's model's cell meets it: its first word (and the one after a
// section's number) says which rule may apply, if any; province gives the
// row's province, for a place's rule alone; figured says the table has a
// column of counts or money.
func headingLabel(c string, province func() string, figured bool) bool {
	t := strings.TrimLeftFunc(c, isLabelMark)
	k := headingWord(t)
	if k == 0 || k == 'n' {
		rest, ok := afterSectionNumber(t)
		if !ok && !romanSpace(t) {
			return false // most cells: a model's name, its first word none of a heading's
		}
		k = headingWord(rest)
	}
	c = withoutCount(c)
	if fieldLabel(c) {
		return true
	}
	c = withoutCount(t)
	counted := len(c) < len(t) // "Kinh tế (02 mô hình)": a heading's words
	switch k {
	case 'f':
		// A field's name alone, unnumbered ("Kinh tế", "VĂN HÓA - XÃ
		// HỘI"), not its short forms (KT, ĐẢNG); in a table without a
		// column of counts or money, where every row is a model, only in
		// capitals or with its count of models ("Kinh tế (02 mô
		// hình)"): "An ninh trật tự" is a model's name too (review 56).
		if len(c) > 48 || !figured && strings.ToUpper(c) != c && !counted {
			return false
		}
		k := record.Compact(c)
		f, ok := record.FieldWord(k)
		return ok && f != record.Unclassified && len(k) >= 5
	case 'p':
		return placeHeading(c, province()) || provinceHeading(c)
	case 'u':
		return unitLabel(c)
	case 's':
		return statusLabel(c)
	case 't':
		return periodLabel(c)
	case 'v':
		return levelLabel(c)
	}
	return false
}

// levels are the levels of government a heading may group models by,
// folded: "Cấp tỉnh", "II. CẤP XÃ", "Cấp cơ sở:".
var levels = []string{"cap tinh", "cap thanh pho", "cap huyen", "cap quan", "cap thi xa", "cap xa", "cap phuong",
	"cap thi tran", "cap co so", "cap thon", "cap ban", "cap to dan pho"}

// levelLabel reports whether a model's cell names a level of government
// and nothing more, as the row over that level's models does.
func levelLabel(c string) bool {
	c = unnumbered(c)
	if len(c) > 32 {
		return false
	}
	return slices.Contains(levels, strings.Trim(record.Fold(c), " :."))
}

// romanSpace reports whether c starts with roman numerals and a space
// ("II Lĩnh vực…", read by fieldLabel).
func romanSpace(c string) bool {
	n := len(c) - len(strings.TrimLeft(c, "IVX"))
	return n > 0 && n < len(c) && c[n] == ' '
}

// withoutCount returns c without the count of models a heading may end
// with: "Kinh tế (02 mô hình)", "Lĩnh vực kinh tế: 02 mô hình".
func withoutCount(c string) string {
	t := strings.TrimRight(c, " ")
	switch {
	case strings.HasSuffix(t, ")"):
		if i := strings.LastIndexByte(t, '('); i > 0 {
			return strings.TrimRight(c[:i], " :-")
		}
		return c
	case !strings.HasSuffix(t, "hình") && !strings.HasSuffix(t, "HÌNH"):
		return c // most cells
	}
	if i := strings.LastIndexByte(c, ':'); i > 0 {
		if rest := strings.TrimLeft(c[i+1:], " "); rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			return strings.TrimRight(c[:i], " ")
		}
	}
	return c
}

// headingWords are the first words of the headings' rules, folded: 'p' a
// place's type, 'u' a unit's, 's' a status' heading (Mô hình, Các mô
// hình), 't' a period (Quý, Năm, Tháng), 'v' a level (Cấp), 'f' a field,
// 'l' a field's label (Lĩnh vực, read by fieldLabel); 'n' the word before
// a section's number (Phần, Mục).
var headingWords = map[string]byte{
	"xa": 'p', "phuong": 'p', "thi": 'p', "dac": 'p', "tt": 'p', "x": 'p', "p": 'p', "t": 'p', "huyen": 'p', "tinh": 'p',
	"quan": 'p', "thanh": 'p', "tp": 'p', "tx": 'p', "h": 'p', "q": 'p',
	"hoi": 'u', "doan": 'u', "uy": 'u', "ubmttq": 'u', "mat": 'u', "mttq": 'u', "lien": 'u', "cong": 'u', "ban": 'u',
	"bchqs": 'u', "dang": 'u', "chi": 'u', "ubnd": 'u', "khoi": 'u',
	"mo": 's', "cac": 's',
	"quy": 't', "qui": 't', "nam": 't', "thang": 't',
	"cap":  'v',
	"phan": 'n', "muc": 'n',
	"kinh": 'f', "van": 'f', "quoc": 'f', "an": 'f', "xay": 'f', "linh": 'l', "lv": 'l',
}

// headingWord returns the kind of heading c's first word (up to a space, a
// full stop or a colon), folded as record.Fold folds it, may start
// (headingWords), or 0: a look at a few bytes, without an allocation.
func headingWord(c string) byte {
	var buf [12]byte
	n := 0
	for _, r := range c {
		if r == ' ' || r == '.' || r == ':' {
			break
		}
		b := record.FoldLatin(r) // đ and Đ too
		switch {
		case r >= 'A' && r <= 'Z':
			b = byte(r) + 'a' - 'A'
		case r < 0x80:
			b = byte(r)
		case b == 0:
			return 0 // no Latin letter: no such word
		}
		if n == len(buf) {
			return 0
		}
		buf[n], n = b, n+1
	}
	return headingWords[string(buf[:n])]
}

// fieldLabel reports whether a model's cell names a field, as a group's
// row does: "Lĩnh vực kinh tế", "LĨNH VỰC VĂN HÓA - XÃ HỘI", "Linh vuc…",
// with or without a section's number before it ("I. Lĩnh vực kinh tế",
// "A- LĨNH VỰC KINH TẾ"); numbered, a field's name alone is one too
// ("I. Kinh tế", "II) Văn hóa - Xã hội"); a roman number and a space
// before "Lĩnh vực" too ("II Lĩnh vực văn hóa"). Read as models, such rows of a
// clerk's table were counted beside the models they sum.
func fieldLabel(c string) bool {
	c = strings.TrimLeftFunc(c, isLabelMark)
	rest, numbered := afterSectionNumber(c)
	if numbered {
		c = rest
	} else if romanSpace(c) {
		c = strings.TrimLeft(strings.TrimLeft(c, "IVX"), " ") // "II Lĩnh vực…": a number, as "Lĩnh vực" follows
	}
	if c == "" || !numbered && c[0]|0x20 != 'l' {
		return false // most cells: a model's name
	}
	k := record.Compact(c)
	if len(k) > len("linhvuc") && strings.HasPrefix(k, "linhvuc") {
		return true
	}
	if !numbered {
		return false
	}
	f, ok := record.FieldWord(c)
	return ok && f != record.Unclassified
}

// statusLabel reports whether a model's cell names a status as a
// group's row does: "Mô hình xây dựng mới", "Các mô hình duy trì", "II.
// Mô hình tiếp tục duy trì trong quý".
func statusLabel(c string) bool {
	var buf [64]byte
	_, k, ok := headingKey(c, 's', buf[:])
	switch {
	case !ok:
		return false // most cells: a model's name
	case bytes.HasPrefix(k, []byte("cacmohinh")):
		k = k[len("cacmohinh"):]
	case bytes.HasPrefix(k, []byte("mohinh")):
		k = k[len("mohinh"):]
	default:
		return false
	}
	for _, s := range []string{"trongquy", "trongnam", "trongky", "quynay", "namnay"} {
		k = bytes.TrimSuffix(k, []byte(s))
	}
	for _, s := range []string{"daco", "daxaydung", "dathanhlap"} {
		// "Mô hình đã có, tiếp tục duy trì": a sustained model's words
		if t, ok := bytes.CutPrefix(k, []byte(s)); ok && len(t) > 0 {
			if st, _ := record.StatusWord(string(t)); st == record.Sustained {
				return true
			}
		}
	}
	if len(k) < 2 || len(k) > len("duytrivanhanrong") {
		return false // "Mô hình nuôi bò…": a model's name; "cu": Mô hình cũ
	}
	st, ok := record.StatusWord(string(k))
	return ok && st != record.NotStated
}

// headingKey returns c without its marks and section's number, and its
// compacted key in buf (compactInto), when its first word may start a
// heading of kind (headingWords) and it fits buf: the prelude of the
// rules of units and statuses.
func headingKey(c string, kind byte, buf []byte) (string, []byte, bool) {
	c = unnumbered(c)
	if len(c) > len(buf) || headingWord(c) != kind {
		return "", nil, false
	}
	k, ok := compactInto(buf, c)
	return c, k, ok
}

// compactInto writes c's letters and digits into buf as record.Compact
// keys them (folded, lower case, nothing else), without an allocation:
// false when c has a letter beyond Latin or more than buf holds.
func compactInto(buf []byte, c string) ([]byte, bool) {
	n := 0
	for _, r := range c {
		var b byte
		switch {
		case r >= 'A' && r <= 'Z':
			b = byte(r) + 'a' - 'A'
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b = byte(r)
		case r < 0x80:
			continue // a space, a mark
		default:
			if b = record.FoldLatin(r); b == 0 {
				return nil, false
			}
		}
		if n == len(buf) {
			return nil, false
		}
		buf[n], n = b, n+1
	}
	return buf[:n], true
}

// periodLabel reports whether a model's cell is a period, as the row of
// a quarter's block of models is: "Quý III/2025", "II. QUÝ IV NĂM 2025",
// "Năm 2025".
func periodLabel(c string) bool {
	c = unnumbered(c)
	if len(c) > 64 || headingWord(c) != 't' {
		return false // most cells: a model's name
	}
	_, err := record.ParsePeriod(strings.TrimRight(c, " :."))
	return err == nil
}

// unitLabel reports whether a model's cell names a unit and nothing
// more, as a group's row of the unit's models does: "Hội Nông dân",
// "2. Hội LHPN xã", "Ủy ban MTTQ xã Bắc Sơn:", "Đoàn Thanh niên phường".
// A model named after its unit says more ("Hội Nông dân chung sức…").
func unitLabel(c string) bool {
	var buf [96]byte
	c, k, ok := headingKey(c, 'u', buf[:])
	if !ok || !slices.ContainsFunc(unitKeys, func(u string) bool { return bytes.HasPrefix(k, []byte(u)) }) {
		return false // most cells; "Chi hội phụ nữ tiết kiệm", "Hội quán nông dân": models
	}
	f := strings.Trim(record.Fold(c), " :.")
	for _, u := range unitNames {
		if !strings.HasPrefix(f, u) || len(f) > len(u) && f[len(u)] != ' ' {
			continue
		}
		rest := strings.TrimSpace(f[len(u):])
		rest = strings.TrimSpace(strings.TrimPrefix(rest, "viet nam")) // "Hội Nông dân Việt Nam xã …"
		if rest == "" {
			return true
		}
		for _, t := range []string{"cap xa", "cap huyen", "cap tinh", "thi tran", "thi xa", "thanh pho", "xa", "phuong", "huyen", "quan", "tinh"} {
			if rest == t {
				return true
			}
			if strings.HasPrefix(rest, t+" ") {
				return placeNamed(rest) || placeNamed(strings.TrimSpace(rest[len(t):]))
			}
		}
		return false
	}
	return false
}

// unitKeys are unitNames without their spaces, as compactInto keys them.
var unitKeys = func() []string {
	keys := make([]string, len(unitNames))
	for i, u := range unitNames {
		keys[i] = strings.ReplaceAll(u, " ", "")
	}
	return keys
}()

// unitNames are the units that report models, folded (record.Fold),
// longest first where one starts another.
var unitNames = []string{
	"hoi nong dan", "hoi lien hiep phu nu", "hoi lhpn", "hoi phu nu", "doan thanh nien cong san ho chi minh",
	"doan tncs ho chi minh", "doan thanh nien", "doan tn", "hoi cuu chien binh", "hoi ccb", "uy ban mat tran to quoc",
	"uy ban mttq", "ubmttq", "mat tran to quoc", "mat tran", "mttq", "lien doan lao dong", "cong doan", "cong an", "ban chi huy quan su",
	"ban chqs", "bchqs", "dang uy", "chi bo", "uy ban nhan dan", "ubnd", "hoi nguoi cao tuoi", "hoi chu thap do",
	"hoi khuyen hoc", "ban dan van", "khoi dan van", "hoi cuu giao chuc", "hoi lien hiep thanh nien", "hoi lhtn",
}

// placeHeading reports whether a model's cell names a commune or a
// district of the gazetteer with its unit's type, as the row of a
// commune's group does in a table without a column of communes: "Xã Bắc
// Sơn", "II. Phường Đông Kinh", "Huyện Văn Quan". Read as models, such
// rows doubled their communes' figures with exit 0. The name is a proper
// one, each word capitalised ("Xã an toàn", "Phường văn minh" are models,
// review 54), and of the row's province when it names one.
func placeHeading(c, province string) bool {
	_, _, ok := headingPlace(c, province)
	return ok
}

// provinceHeading reports whether a model's cell names a province with
// its type, as a province's heading does in a table of several ("I. Tỉnh
// Lạng Sơn", "TỈNH CAO BẰNG:"; review 56 found each counted as a model).
func provinceHeading(c string) bool {
	c = strings.TrimRight(unnumbered(withoutCount(c)), " :.\u00a0")
	for _, p := range []string{"tỉnh ", "tinh "} {
		if len(c) <= len(p) || !strings.EqualFold(c[:len(p)], p) {
			continue
		}
		for _, w := range strings.Fields(c[len(p):]) {
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
				return false // "Tỉnh táo…": a model's name
			}
		}
		g := gazetteer.Default()
		for _, era := range gazetteer.Eras {
			if _, err := g.Province(era, c); err == nil {
				return true
			}
		}
	}
	return false
}

// headingPlace returns the place a model's cell names as placeHeading
// reads it, without its section's number and marks ("I. Xã Bắc Sơn:" is
// "Xã Bắc Sơn"), and its level: 1 for a district's type (Huyện, Quận,
// Thị xã, Thành phố), 2 for a commune's.
func headingPlace(c, province string) (place string, level int, ok bool) {
	return headingPlaceOf(c, province, true)
}

// headingPlaceOf is headingPlace, the place's name capitalised (proper)
// or not.
func headingPlaceOf(c, province string, proper bool) (place string, level int, ok bool) {
	c = strings.TrimLeftFunc(c, isLabelMark)
	level, n := placeLevel(c) // "X. Bắc Sơn" is a commune, not section X
	if level == 0 {
		if rest, ok := afterSectionNumber(c); ok {
			c = rest
			level, n = placeLevel(c)
		}
		if level == 0 {
			return "", 0, false // most cells: a model's name
		}
	}
	c = strings.TrimRight(c, " :.\u00a0")
	if i := strings.LastIndexByte(c, '('); i > n && strings.HasSuffix(c, ")") {
		c = strings.TrimRight(c[:i], " :.\u00a0") // "Xã Bắc Sơn (02 mô hình)"
	}
	if len(c) <= n {
		return "", 0, false // "Phường .", "Xã :": a type and no name (review 55's fuzzing)
	}
	if level == 2 {
		if c = withoutDistrict(c, n); len(c) <= n {
			return "", 0, false // "Xã , huyện Bắc Sơn"
		}
	}
	if proper && !properAfter(c[n:], true) {
		return "", 0, false // "Xã an toàn": a model's name
	}
	if !placeOf(province, c, level) {
		return "", 0, false
	}
	return c, level, true
}

// withoutDistrict returns a commune's heading c, whose type is n bytes
// long, without the district written after its name: "Xã Bắc Sơn, huyện
// Bắc Sơn" and "Xã Vũ Lễ - Huyện Bắc Sơn" are "Xã Bắc Sơn" and "Xã Vũ
// Lễ" (review 55: their models were the province's in a report by
// commune).
func withoutDistrict(c string, n int) string {
	for _, sep := range []string{",", " - ", " – "} {
		i := strings.Index(c[n:], sep)
		if i < 0 {
			continue
		}
		if level, _ := placeLevel(strings.TrimLeft(c[n+i+len(sep):], " ")); level == 1 {
			return strings.TrimRight(c[:n+i], " ")
		}
	}
	return c
}

// placeOf reports whether a commune (level 2) or a district (1) named
// name is in the province, of either era; in any province when province
// is empty or no province's name.
func placeOf(province, name string, level int) bool {
	g := gazetteer.Default()
	known := false
	for _, era := range gazetteer.Eras {
		if province == "" {
			break
		}
		if _, err := g.Province(era, province); err != nil {
			continue
		}
		known = true
		p := gazetteer.Place{Province: province, Commune: name}
		if level == 1 {
			p = gazetteer.Place{Province: province, District: name}
		}
		if _, err := g.Resolve(era, p); err == nil || errors.Is(err, gazetteer.ErrAmbiguous) {
			return true
		}
	}
	return !known && placeNamed(name)
}

// placeTypes are the unit types a commune's or a district's name starts
// with, as a clerk writes them, and their level (placeLevel).
var placeTypes = []struct {
	prefix string
	level  int
}{
	{"xã ", 2}, {"phường ", 2}, {"thị trấn ", 2}, {"đặc khu ", 2}, {"tt ", 2}, {"tt. ", 2}, {"x. ", 2}, {"p. ", 2}, {"t.t ", 2},
	{"huyện ", 1}, {"quận ", 1}, {"thị xã ", 1}, {"thành phố ", 1}, {"tp ", 1}, {"tp. ", 1}, {"tx ", 1}, {"tx. ", 1},
	{"h. ", 1}, {"q. ", 1}, {"t.p ", 1}, {"t.x ", 1},
	// Typed without diacritics ("Xa Bac Son"): the name after them must
	// still be a proper name of the gazetteer.
	{"xa ", 2}, {"phuong ", 2}, {"thi tran ", 2}, {"huyen ", 1}, {"thi xa ", 1}, {"thanh pho ", 1},
}

// placeLevel returns the level of the unit's type c starts with, in any
// case (placeTypes), and its length with the space after it; 0 for none.
func placeLevel(c string) (level, n int) {
	if headingWord(c) != 'p' {
		return 0, 0 // most cells: a model's name
	}
	for _, t := range placeTypes {
		if len(c) > len(t.prefix) && strings.EqualFold(c[:len(t.prefix)], t.prefix) {
			return t.level, len(t.prefix)
		}
	}
	return 0, 0
}

// unnumbered returns c without the marks and the section's number before
// its words ("- II. Hội Nông dân" is "Hội Nông dân").
func unnumbered(c string) string {
	c = strings.TrimLeftFunc(c, isLabelMark)
	if rest, ok := afterSectionNumber(c); ok {
		return rest
	}
	return c
}

// afterSectionNumber returns what follows a section's number at the start
// of c: roman numerals or one letter, then a full stop, a bracket, a
// dash, a colon or a slash, spaces before it or not ("I. ", "IV) ", "II –
// ", "A- ", "b/ "), and whether there was one. "Y Văn hóa", "X An ninh"
// are names.
func afterSectionNumber(c string) (string, bool) {
	if len(c) > 4 && strings.IndexByte("PpMm", c[0]) >= 0 && (c[1] == 'h' || c[1] == 'H' || c[1] == 0xe1 || c[1] == 'u' || c[1] == 'U') && headingWord(c) == 'n' {
		// "Phần I.", "Mục 1.", "PHẦN A:": a section's number after its
		// word, a space enough after it.
		rest := strings.TrimLeft(c[strings.IndexByte(c, ' ')+1:], " ")
		n := len(rest) - len(strings.TrimLeft(rest, "IVXLivxl0123456789"))
		if n == 0 && len(rest) > 1 && (rest[0]|0x20 >= 'a' && rest[0]|0x20 <= 'h') {
			n = 1
		}
		if n == 0 || n < len(rest) && rest[n] != ' ' && !sectionMark(rest[n:]) {
			return "", false
		}
		return strings.TrimLeftFunc(rest[n:], func(r rune) bool {
			return isLabelMark(r) || r == ':' || r == ')' || r == '/'
		}), true
	}
	n := 0
	for n < len(c) && n < 6 && strings.IndexByte("IVXLivxl", c[n]) >= 0 {
		n++
	}
	if n == 0 || !sectionMark(c[n:]) {
		if len(c) < 2 || c[0]|0x20 < 'a' || c[0]|0x20 > 'z' || !sectionMark(c[1:]) {
			return "", false
		}
		n = 1
	}
	return strings.TrimLeftFunc(c[n:], func(r rune) bool {
		return isLabelMark(r) || r == ':' || r == ')' || r == '/'
	}), true
}

// sectionMark reports whether s starts with what ends a section's number,
// after spaces.
func sectionMark(s string) bool {
	s = strings.TrimLeft(s, " ")
	if s == "" {
		return false
	}
	switch s[0] {
	case '.', ')', '-', ':', '/':
		return true
	}
	return strings.HasPrefix(s, "–") || strings.HasPrefix(s, "—")
}

// headingMark is a heading left out before the groups are weighed, of a
// kind headingOf tells.
type headingMark struct {
	row   int  // its row number
	kind  byte // as headingWords: 'p' a place, 'f' a field, 'u' a unit, 's' a status, 't' a period, 'v' a level
	level int  // a place's: 1 a district, 2 a commune
}

// headingOf returns the kind of heading a row's model's cell (or its one
// cell with text) holds, and a place's level; 0 for none.
func (lay *sheetLayout) headingOf(r load.Row) (kind byte, level int) {
	var model, lone string
	others := 0
	for i, c := range r.All() {
		switch {
		case c == "":
		case i < len(lay.cols) && lay.cols[i] == colModel:
			model = c
		default:
			lone, others = c, others+1
			if i < len(lay.cols) && (lay.cols[i] == colCommune || lay.cols[i] == colDistrict) {
				// "I | Lạng Sơn | Xã Bắc Sơn | |": the column's place
				if _, ok := columnPlace(c); ok {
					kind, level = 'p', 2
					if lay.cols[i] == colDistrict {
						level = 1
					}
				}
			}
		}
	}
	text := model
	switch {
	case text == "" && kind != 0:
		return kind, level
	case text == "" && others == 1:
		text = lone // a cell merged over the table's width
	case text == "":
		return 0, 0
	}
	t := strings.TrimLeftFunc(withoutCount(text), isLabelMark)
	if _, l, ok := headingPlace(t, lay.province(r)); ok {
		return 'p', l
	}
	switch {
	case fieldLabel(t):
		return 'f', 0
	case unitLabel(t):
		return 'u', 0
	case statusLabel(t):
		return 's', 0
	case periodLabel(t):
		return 't', 0
	case levelLabel(t):
		return 'v', 0
	}
	return 0, 0
}

// noteHeading notes a heading without figures that sortRows leaves out:
// a group's row of its kind above it has no members beyond it (review 55:
// "Xã Bắc Sơn | 3 | 2.300.000" over its models, then "Xã Vũ Lễ" and its
// model, did not add up, and was counted).
func (lay *sheetLayout) noteHeading(r load.Row) {
	if kind, level := lay.headingOf(r); kind != 0 {
		lay.headings = append(lay.headings, headingMark{row: r.Num, kind: kind, level: level})
	}
}

// Headings that name a place. A district's table often has no column of
// communes: each commune has a row of its own in the column of names
// ("I | Xã Bắc Sơn", with its models' sums or none), and its models
// follow. Those models are the commune's: read without it, they counted
// for the province as a whole, so a report by commune had none of them,
// and two communes' models of one name ("Tổ tự quản") were refused as
// one model reported twice.

// placeScope is the run of rows under a heading that names a place.
type placeScope struct {
	first, last int    // row numbers of the rows under the heading
	place       string // "Xã Bắc Sơn", as headingPlace gives it
	level       int    // 1 a district, 2 a commune
	province    string // the heading row's province cell, if any
}

// headingPlace returns the place a row names as a heading names it
// (package headingPlace): in the model's column, with its unit's type; or,
// the model's cell empty, in the column of communes or of districts ("I |
// Lạng Sơn | Xã Bắc Sơn | | …"), with a section's number or not; or alone
// on its row, with its unit's type.
func (rc *rowConverter) headingPlace(r load.Row) (place string, level int, ok bool) {
	text := cell(r, rc.where[colModel])
	if text != "" {
		return headingPlaceOf(text, cell(r, rc.where[colProvince]), !rc.anyCase[r.Num])
	}
	for level := 2; level >= 1; level-- {
		c := colCommune
		if level == 1 {
			c = colDistrict
		}
		text := cell(r, rc.where[c])
		if text == "" {
			continue
		}
		place, ok := columnPlace(text)
		return place, level, ok
	}
	// A heading alone on its row, in whatever column: a cell merged over
	// the table's width keeps its text in the first ("I. Xã Bắc Sơn | | |").
	text, n := "", 0
	for _, c := range r.All() {
		if c != "" {
			text, n = c, n+1
		}
	}
	if n == 1 {
		return headingPlace(text, "")
	}
	return "", 0, false
}

// columnPlace returns the place a cell of the column of communes or of
// districts names as a heading, without its marks and section's number
// ("II. Xã Vũ Lễ:" is "Xã Vũ Lễ"), and whether it names one.
func columnPlace(c string) (string, bool) {
	c = strings.TrimRight(strings.TrimLeftFunc(c, isLabelMark), " :.\u00a0")
	if placeNamed(c) {
		return c, true // "X. Bắc Sơn": the commune, not section X
	}
	if rest, ok := afterSectionNumber(c); ok && placeNamed(rest) {
		return rest, true
	}
	return "", false
}

// headingScopes returns the runs of rows under the headings of rows that
// name a place (rowConverter.headingPlace) and are no record (a heading,
// or a group's row left out as the sum of rows below it). A commune's run ends at the next heading of a
// commune or a district, a district's at the next district's; both end at
// a total's row, at a group's row of the rows above it, and at a row numbered at the heading's level or above it
// (A, I over 1), when the heading has a number.
func headingScopes(rc *rowConverter, lay *sheetLayout, t *load.Table, recs []record.Record, rejected []Rejected) []placeScope {
	model := rc.where[colModel]
	if model < 0 {
		return nil
	}
	// Most tables have no such heading: their rows without a model's
	// name and those that are no record (few) are looked at first.
	found := lay.placeHeadings // a place's name where a model's goes is none (groups)
	// ... and the rows left out before (headings) or with problems.
	at := func(num int) (load.Row, bool) {
		k, ok := slices.BinarySearchFunc(t.Rows, num, func(r load.Row, n int) int { return r.Num - n })
		if !ok {
			return load.Row{}, false
		}
		return t.Rows[k], true
	}
	for _, k := range lay.skipped {
		for num := max(k.First, lay.headerLast+1); num <= k.Last && !found; num++ {
			if r, ok := at(num); ok {
				_, _, found = rc.headingPlace(r)
			}
		}
	}
	for i := 0; i < len(rejected) && !found; i++ {
		if r, ok := at(rejected[i].Pos.Row); ok {
			_, _, found = rc.headingPlace(r)
		}
	}
	for num := range rc.anyCase {
		if found {
			break
		}
		if r, ok := at(num); ok {
			_, _, found = rc.headingPlace(r) // "Xã Chiến thắng | 2 | 2.300.000", a group's row
		}
	}
	if !found {
		return nil
	}
	ends := map[int]bool{} // totals, and groups of the rows above them
	for _, r := range lay.totals {
		ends[r.Num] = true
	}
	from := map[int]int{} // a group of the rows above it: the first of them
	for _, g := range lay.sumsAbove {
		ends[g.row], from[g.row] = true, g.first
	}
	subtotals := map[int]bool{} // a subtotal's row ends a run too, unless it is a place's heading with its sums
	for _, k := range lay.skipped {
		if k.Kind == "subtotal" {
			subtotals[k.First] = true
		}
	}
	var scopes []placeScope
	open := [3]int{-1, -1, -1} // by level: the index in scopes of the run going on, or -1
	ranks := [3]int{}          // by level: the rank of its heading's number, or -1
	end := func(level, last int) {
		for l := level; l <= 2; l++ {
			if open[l] >= 0 {
				scopes[open[l]].last = last // before first when nothing is under it
				open[l] = -1
			}
		}
	}
	j := 0
	last := 0
	for k, r := range t.Rows {
		if r.Num <= lay.headerLast {
			continue
		}
		for j < len(recs) && recs[j].Row < r.Num {
			j++
		}
		isRecord := j < len(recs) && recs[j].Row == r.Num
		if ends[r.Num] {
			end(1, last)
			if first, ok := from[r.Num]; ok && !isRecord {
				if place, level, ok := rc.headingPlace(r); ok {
					// A commune's row of the sums of its models above it
					// ("Xã Bắc Sơn | 2 | 2.300.000" under them): theirs
					// (review 57's P03, the province's in a report by
					// commune).
					scopes = append(scopes, placeScope{first: first, last: r.Num - 1, place: place, level: level,
						province: cell(r, rc.where[colProvince])})
				}
			}
			continue
		}
		text := cell(r, model)
		n := lay.rowNumber(r, 12)
		if n == "" {
			if rest, ok := afterSectionNumber(text); ok {
				n = text[:len(text)-len(rest)]
			}
		}
		rk := rank(n)
		for l := 1; l <= 2; l++ {
			if open[l] >= 0 && rk >= 0 && ranks[l] >= 0 && rk <= ranks[l] {
				end(l, last)
			}
		}
		if place, level, ok := rc.headingPlace(r); ok {
			end(level, last)
			if cell(r, model) == "" && rc.figured(r) && !(rk >= 0 && k+1 < len(t.Rows) && childOf(lay.rowNumber(t.Rows[k+1], 12), rank(lay.rowNumber(t.Rows[k+1], 12)), n, rk)) {
				// A commune's subtotal in the column of communes, its
				// members its rows that name it: not the rows under it
				// that name none, the province's (review 55). Unless
				// numbered as their parent ("I | | Xã Bắc Sơn | | 2 |
				// =SUM(…)" over "1" and "2", review 57's X10).
				last = r.Num
				continue
			}
			if isRecord {
				// A commune reported in one row ("Xã Chiến Thắng | 6 |
				// 4.500.000", no models under it): the commune's own,
				// and the end of the heading above (review 54).
				scopes = append(scopes, placeScope{first: r.Num, last: r.Num, place: place, level: level,
					province: cell(r, rc.where[colProvince])})
				last = r.Num
				continue
			}
			open[level], ranks[level] = len(scopes), rk
			scopes = append(scopes, placeScope{first: r.Num + 1, place: place, level: level,
				province: cell(r, rc.where[colProvince])})
			continue
		}
		if subtotals[r.Num] {
			end(1, last) // "Cộng" under a commune's models (review 55)
			continue
		}
		if firstText(r.Cells()) != "" {
			last = r.Num
		}
	}
	end(1, last)
	return scopes
}

// headingPlaces gives the records of a table's rows under a heading that
// names a place (headingScopes) that place, where their own cell of that
// level is empty and their province is the heading's, and their identity
// hashes (ids) again. It does the same for the table's rows left out with
// problems (rejected), so that a report of the commune names them.
func (b *builder) headingPlaces(rc *rowConverter, lay *sheetLayout, t *load.Table, recs []record.Record, ids []uint64, rejected []Rejected) {
	scopes := headingScopes(rc, lay, t, recs, rejected)
	if len(scopes) == 0 {
		return
	}
	inScope := func(row int, province string, f func(s *placeScope)) {
		for k := range scopes {
			s := &scopes[k]
			if s.first <= row && row <= s.last && (s.province == "" || gazetteer.SameName(s.province, province)) {
				f(s)
			}
		}
	}
	var h rehasher
	for i := range recs {
		r := &recs[i]
		changed := false
		inScope(r.Row, r.Province, func(s *placeScope) {
			switch {
			case s.level == 1 && r.District == "":
				r.District, changed = s.place, true
			case s.level == 2 && r.Commune == "":
				r.Commune, changed = s.place, true
			}
		})
		if changed {
			h.rehash(rc, r, &ids[i])
		}
	}
	for i := range rejected {
		r := &rejected[i]
		inScope(r.Pos.Row, r.Province, func(s *placeScope) {
			switch {
			case s.level == 1 && r.District == "":
				r.District = s.place
			case s.level == 2 && r.Commune == "":
				r.Commune = s.place
			}
		})
	}
}

// mergedPlaces gives the rows right under a place's bare row (a commune's
// or a district's place, period and figures, nothing else) that name no
// place of that level the bare row's place, when their figures add up to
// the bare row's, in part at least: a CSV saved from a table whose
// commune's cell was merged over its subtotal's row and its models' names
// the commune on the subtotal's row only. Read without it, the models
// were no members of their subtotal, which was counted as more models (14
// for 7, exit 0). A figure mistyped is then the subtotal's problem, as for
// any subtotal (groups); figures that do not agree at all leave the rows
// as they are, the province's (communesLeftBlank warns of them).
func (b *builder) mergedPlaces(rc *rowConverter, lay *sheetLayout, rows []load.Row, base int, rec []int) {
	if len(lay.modelless) == 0 || rc.where[colCommune] < 0 && rc.where[colDistrict] < 0 {
		return
	}
	recs, ids := b.ds.Records[base:], b.ids[base:]
	modelless := make([]bool, len(rows))
	for _, i := range lay.modelless {
		modelless[i] = true
	}
	var h rehasher
	for _, i := range lay.modelless {
		if rec[i] < 0 || !subtotalShape(rc, rows[i]) {
			continue
		}
		g := &recs[rec[i]]
		place := func(r *record.Record) *string { return &r.Commune }
		if g.Commune == "" {
			place = func(r *record.Record) *string { return &r.District }
		}
		if *place(g) == "" {
			continue
		}
		// The run of rows under it that name no place of its level, and
		// are not numbered as its peers ("1 | Xã Chiến Thắng", "2 | Xã
		// Vũ Lễ", "3 | | Sân chơi thiếu nhi": review 55).
		hi := i + 1
		rk := rank(lay.rowNumber(rows[i], 12))
		for hi < len(rows) && rec[hi] >= 0 && !modelless[hi] {
			if r := rank(lay.rowNumber(rows[hi], 12)); rk >= 0 && r >= 0 && r <= rk {
				break
			}
			m := &recs[rec[hi]]
			if *place(m) != "" || m.Period != g.Period || !gazetteer.SameName(m.Province, g.Province) ||
				m.District != "" && m.District != g.District {
				break
			}
			hi++
		}
		if hi-i-1 < 1 || !figuresAgree(rc, rows[i], g, recs, rec[i+1:hi], hi-i-1 >= 2) {
			continue
		}
		for _, k := range rec[i+1 : hi] {
			m := &recs[k]
			*place(m) = *place(g)
			h.rehash(rc, m, &ids[k])
		}
	}
}

// figuresAgree reports whether figures a bare row r (record g) gives are
// the sums of the records members': the money, or two other figures that
// are not zero (one count alike is a chance: a commune reported in one
// row over the province's models, review 55); over a single row, all
// it gives.
func figuresAgree(rc *rowConverter, r load.Row, g *record.Record, recs []record.Record, members []int, several bool) bool {
	var count, funds, households, beneficiaries int64
	for _, k := range members {
		m := &recs[k]
		count, funds, households, beneficiaries = count+m.Count, funds+m.FundsVND, households+m.Households, beneficiaries+m.Beneficiaries
	}
	given := func(c column) bool { s := cell(r, rc.where[c]); return s != "" && !isDash(s) }
	alike, differ := 0, 0
	for _, f := range []struct {
		c        column
		own, sum int64
	}{{colFunds, g.FundsVND, funds}, {colCount, g.Count, count}, {colHouseholds, g.Households, households}, {colBeneficiaries, g.Beneficiaries, beneficiaries}} {
		switch {
		case !given(f.c):
		case f.own != 0 && f.own == f.sum:
			alike++
			if f.c == colFunds {
				alike++ // money's digits rarely meet by chance
			}
		case f.own != f.sum:
			differ++
		}
	}
	if !several {
		return alike >= 2 && differ == 0 // one row: all of it, money among it
	}
	return alike >= 2
}

// rehasher hashes again the identity of records whose place a heading or
// a merged subtotal gave (convert hashed them without it), with its own
// names and models, made when first needed.
type rehasher struct {
	names  *texts
	models *modelHashes
}

// rehash sets *id to r's identity hash, for a record with a model's name.
func (h *rehasher) rehash(rc *rowConverter, r *record.Record, id *uint64) {
	if r.Model == "" {
		return // no identity: never compared as a duplicate
	}
	if h.names == nil {
		h.names, h.models = &texts{names: map[string]*text{}}, &modelHashes{seed: rc.seed}
	}
	t := h.names
	*id = identity(rc.seed, t.name(r.Province), t.name(r.District), t.name(r.Commune), t.name(r.Unit), r.Model, r.Field, r.Period, h.models)
}

// figured reports whether a row gives a count, money, households or
// people as a number.
func (rc *rowConverter) figured(r load.Row) bool {
	for _, c := range []column{colCount, colFunds, colHouseholds, colBeneficiaries} {
		if looksNumeric(cell(r, rc.where[c])) {
			return true
		}
	}
	return false
}

// nameHeading reports whether row i of rows, which names a model (its
// model's cell is column model), is a heading by its shape and words: a
// name alone, with no field, unit, status nor figure, that starts as a
// village's, a block's or a place's name does (headingName), right above
// a model with a field and a figure, in a table with a column of counts
// or money ("Thôn Nà Pàn", "Tổ dân phố 5", "Khối Đảng", "Xã Bắc sơn",
// "Mô hình lĩnh vực kinh tế" over their models). Each was counted as a
// model without a field (review 55: 6 models for 4). The reading is a
// guess that a model named so whose field and figures were forgotten
// would fool, so it comes with a warning (builder.table); a row numbered
// as the models are, or marked as a list's item (-), is a model.
func (lay *sheetLayout) nameHeading(rows []load.Row, i, model int) bool {
	if lay.countCol < 0 && lay.fundsCol < 0 || !lay.nameOnly(rows[i], model) {
		return false // most rows: a field or a figure
	}
	if !headingName(cell(rows[i], model), lay.province(rows[i])) || listMark(lay.rowNumber(rows[i], 12)) {
		// "Tổ tự quản an ninh trật tự", "- | Camera an ninh": a model
		// whose field and figures were forgotten (reviews 57 and 58).
		return false
	}
	if i+1 == len(rows) {
		return false
	}
	arabic := func(r load.Row) bool {
		n := strings.TrimSpace(lay.rowNumber(r, 12))
		return n != "" && n[0] >= '0' && n[0] <= '9'
	}
	// "2 | Thôn Nà Pàn" between models 1 and 3 is a model, numbered as
	// the models are (review 57); "1 | Thôn Nà Pàn" over "- | Nuôi bò" is
	// a heading.
	next := rows[i+1]
	m := lay.modelNamed(next)
	return m >= 0 && !lay.nameOnly(next, m) && lay.fieldAndFigure(next) && !(arabic(rows[i]) && arabic(next))
}

// headingNames are the first words, folded, of the names a heading
// without figures gives where a model's goes, but a place's: a village's,
// a street group's, a block's (Thôn, Bản, Tổ dân phố, Khối), whose name
// after them must be proper (properAfter: "Thôn Nà Pàn", "Tổ dân phố 5",
// "Khối Đảng"); a field's models' (Mô hình lĩnh vực kinh tế, Các mô hình
// kinh tế), which are no model's.
var headingNames = []struct {
	prefix string
	proper bool
}{
	{"thon ", true}, {"ban ", true}, {"xom ", true}, {"ap ", true}, {"lang ", true}, {"buon ", true}, {"soc ", true},
	{"khom ", true}, {"khu pho ", true}, {"to dan pho ", true}, {"tdp ", true}, {"khoi ", true}, {"to ", true},
	{"mo hinh linh vuc ", false}, {"cac mo hinh ", false}, {"linh vuc ", false},
}

// headingName reports whether a name alone, after a section's number or
// not, may be a heading's: a place's of the province (a commune's, a
// district's, in any case: "Xã Bắc sơn") or a place's proper name, or one
// of headingNames. Models are named so too ("Thôn văn hóa kiểu mẫu", "Xã
// nông thôn mới kiểu mẫu", "Xã hội hóa thu gom rác", "Tổ 3 an toàn",
// review 59), which no place of the gazetteer, nor a proper name, is.
func headingName(c, province string) bool {
	c = unnumbered(c) // "PHẦN A. CÁC MÔ HÌNH KINH TẾ"
	if level, n := placeLevel(c); level > 0 {
		if _, _, ok := headingPlaceOf(c, province, false); ok {
			return true
		}
		return properAfter(c[n:], true) // "Xã Tân An", another province's; not "Xã Bằng Mạc nói không với rác thải nhựa"
	}
	if provinceHeading(c) {
		return true
	}
	f := record.Fold(c)
	for _, h := range headingNames {
		if !strings.HasPrefix(f, h.prefix) {
			continue
		}
		if !h.proper {
			return true
		}
		// The name after the type, as written: as many words as the
		// folded type has.
		words := strings.Fields(c)
		rest := words[min(len(strings.Fields(h.prefix)), len(words)):]
		if len(rest) == 0 || h.prefix == "to " && !unicode.IsDigit([]rune(rest[0])[0]) {
			return false // "Tổ tự quản…", "Tổ 3 an toàn": models'; "Tổ 5" is a heading's
		}
		// A block's name is an organisation's ("Khối Mặt trận và các
		// đoàn thể"): its first word proper is enough.
		return properAfter(strings.Join(rest, " "), h.prefix != "khoi ")
	}
	return false
}

// properAfter reports whether the name after a place's type is a proper
// name, every word capitalised or a number ("Nà Pàn", "5", "Tân An"), or
// with all false starts as one does ("Mặt trận và các đoàn thể"); not
// "văn hóa kiểu mẫu", "3 an toàn về an ninh trật tự", "đại đoàn kết"
// (models' names).
func properAfter(rest string, all bool) bool {
	words := strings.Fields(rest)
	if len(words) == 0 {
		return false
	}
	if !all {
		words = words[:1]
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// nameOnly reports whether a row gives a name in its model's cell (column
// model) and nothing else but its row's number, place and period.
func (lay *sheetLayout) nameOnly(r load.Row, model int) bool {
	if len(cell(r, model)) > 80 {
		return false
	}
	for i, c := range r.All() {
		if c == "" || i == model || i >= len(lay.cols) {
			continue
		}
		switch lay.cols[i] {
		case colRowNumber, colProvince, colDistrict, colCommune, colPeriod:
		default:
			if !isDash(c) {
				return false
			}
		}
	}
	return true
}

// fieldAndFigure reports whether a row gives a field and a figure other
// than 0, as a model's row does.
func (lay *sheetLayout) fieldAndFigure(r load.Row) bool {
	field, figure := false, false
	for i, c := range r.All() {
		if c == "" || i >= len(lay.cols) {
			continue
		}
		switch lay.cols[i] {
		case colField:
			f, err := record.ParseField(c)
			field = err == nil && f != record.Unclassified
		case colCount, colFunds, colHouseholds, colBeneficiaries:
			figure = figure || strings.ContainsAny(c, "123456789")
		}
	}
	return field && figure
}
