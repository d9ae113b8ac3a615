package validate

import (
	"strings"

	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/load"
	"github.com/dvkreport/dvkreport/report/record"
)

// Rows that sum others: a total row (Tổng cộng, Toàn tỉnh), a subtotal
// row (Cộng xã Bắc Sơn, Cộng I) and a row that breaks a figure of the row
// above down (Trong đó: ngân sách nhà nước). Each is left out of the sum:
// counted, it would print a figure twice under a signature.
//
// Their labels are written in many ways: "TỔNG CỘNG:", "- Tổng cộng",
// "Tổng cộng (34 mô hình)", "Cộng (I)", "Tổng cộng I+II", "TC",
// "Sub-total". A label is read folded (record.Fold), without the marks a
// clerk puts around it (label), and then matched whole: a model's name
// that starts with the same words (Tổng vệ sinh môi trường, Toàn xã chung
// sức, Cộng đồng tự quản) is data.
var (
	// A total's or subtotal's words at the start of the row's first text,
	// in the row-number column or the province's, where no name starts
	// so: "Tổng cộng", "Cộng", "Toàn tỉnh", whatever follows.
	totalRe    = lazyRegexp(`^(tong cong|tong so|tong hop|tong|toan tinh|toan huyen|toan xa|toan quoc|toan thanh pho|grand total|total|tc|tcong)\b`)
	subtotalRe = lazyRegexp(`^(cong|sub ?-? ?total)\b`)

	// A whole cell of names that is a total's label: its words alone, or
	// with what it sums (toàn tỉnh, cả nước, 2 xã, 34 mô hình, I+II).
	namedTotalRe = lazyRegexp(`^(tong cong|tong so|tong hop|tong|tc|total|grand total)` +
		`(\s+(toan|ca)\s+(tinh|thanh pho|tp|quoc|nuoc|huyen|xa|phuong))?` +
		`(\s+\d+\s+(xa|phuong|thi tran|dac khu|huyen|quan|thi xa|don vi|mo hinh|tinh))?` +
		`(\s+so\s+mo\s+hinh)?` +
		`(\s+[ivx]+(\s*\+\s*[ivx]+)+)?$` +
		`|^cong\s+(toan|ca)\s+(tinh|thanh pho|tp|quoc|nuoc)$` +
		`|^cong\s+[ivx]+(\s*\+\s*[ivx]+)+$` +
		`|^(toan tinh|toan quoc|ca nuoc|toan thanh pho)$`)
	// A whole cell of names that is a subtotal's label: its words alone,
	// with a part's number (Cộng I, Cộng 2 xã), or with the kind of unit
	// it sums (Cộng xã, Cộng toàn huyện, Cộng các xã, Tổng cộng huyện).
	namedSubtotalRe = lazyRegexp(`^(cong|sub ?-? ?total|toan huyen|toan xa|toan phuong|toan thi tran|toan dac khu|toan quan|toan thi xa)$` +
		`|^cong\s+([ivx]+|[a-d]|\d+)$` +
		`|^cong\s+\d+\s+(xa|phuong|thi tran|dac khu|huyen|quan|thi xa|don vi|mo hinh)$` +
		`|^cong\s+(linh vuc|khoi|nhom|cum)\b` +
		`|^(cong|tong cong|tong so|tong|toan)\s+(toan\s+|cac\s+)?(xa|phuong|thi tran|dac khu|huyen|quan|thi xa)$`)
	// A subtotal's label followed by the name of what it sums: "Cộng xã
	// Bắc Sơn", "Tổng cộng huyện Văn Quan". In a district's or commune's
	// cell "Tổng" and "Toàn" may start one too ("Toàn xã Vũ Lễ"); in a
	// model's or a unit's, where "Toàn xã chung sức…" and "Tổng xã hội
	// hóa" are names, only "Cộng", "Tổng cộng" and "Tổng số" do.
	namedSubtotalOfRe = lazyRegexp(`^(cong|tong cong|tong so)\s+(toan\s+|cac\s+)?(xa|phuong|thi tran|dac khu|huyen|quan|thi xa)\s+\S`)
	placeSubtotalOfRe = lazyRegexp(`^(cong|tong cong|tong so|tong|toan)\s+(toan\s+|cac\s+)?(xa|phuong|thi tran|dac khu|huyen|quan|thi xa)\s+\S`)
	// A total's label followed by a province's name: "Tổng cộng Lạng Sơn",
	// "Toàn tỉnh Lạng Sơn"; the name is looked up.
	provinceTotalRe = lazyRegexp(`^(tong cong toan tinh|tong cong|tong so|tong|cong toan tinh|toan tinh)\s+(.+)$`)
	// A row that breaks the figures of the row above down: "Trong đó: ngân
	// sách nhà nước", "Trong số này…", "Of which". Read in lower case with
	// its diacritics, and without them only with a colon: folded, "Trồng
	// đỗ tương" (growing soybeans) reads "trong do tuong".
	breakdownRe = lazyRegexp(`^(trong đó|trong số\s*(này|đó|[:,])|trong do\s*[:,]|trong so\s*[:,]|chia ra\s*[:,]|bao gồm\s*[:,]|gồm\s*[:,]|cụ thể\s*[:,]|of which|in which)` +
		// A line of its own that ends with a colon: "Gồm các hộ:",
		// "Bao gồm các nguồn:", "Danh sách các hộ được hỗ trợ:".
		`|^(bao gồm|bao gom|gồm|gom|cụ thể|cu the|chia ra|danh sách|danh sach)( [^:]{1,40})?\s*:\s*$`)
)

// label returns a folded text without the marks a clerk writes around a
// label: a dash or a star before it ("- Tổng cộng", "* Cộng"), a colon, a
// full stop or a semicolon after it ("TỔNG CỘNG:"), and a part in
// brackets at its end ("Tổng cộng (34 mô hình)", "Cộng (I)").
func label(f string) string {
	f = strings.TrimLeftFunc(f, isLabelMark)
	for _, abbr := range []string{"t.cong", "t. cong", "tong.cong", "t/cong"} {
		if rest, ok := strings.CutPrefix(f, abbr); ok {
			f = "tong cong" + rest // T.Cộng, T. cộng, Tổng.cộng
			break
		}
	}
	for {
		before := f
		f = strings.TrimRight(f, ":;.,-–—*”’'\" ")
		if strings.HasSuffix(f, ")") {
			if i := strings.LastIndexByte(f, '('); i > 0 {
				f = f[:i]
			} else if i < 0 {
				f = f[:len(f)-1] // "(Tổng cộng)", its "(" gone with the marks
			}
		}
		if f == before {
			return f
		}
	}
}

// totalKind tells a total row ("total"), a subtotal row ("subtotal"), a
// group's row numbered in roman numerals with figures ("group": a subtotal
// when rows of its members follow it, see hasMembers) and a row that
// breaks the row above down ("breakdown") from the rest ("").
// Either its first text starts with a total's words in the row-number
// column or the province's, where no name starts so, whatever else the
// row holds ("Cộng, Lạng Sơn, …, Quý III/2025, 2, …"); or a cell of names
// (a district's, a commune's, a unit's, a model's, a note's, one of no
// meaning, or where a field, a status or a period goes) is nothing but a
// total's label, and the row names no model
// besides it: "Toàn xã" is a unit that carries out the model named beside
// it. model is the index of the row's model cell, from modelNamed.
func (lay *sheetLayout) totalKind(r load.Row, model int) string {
	for i, c := range r.All() {
		if c == "" {
			continue
		}
		col := colNone
		if i < len(lay.cols) {
			col = lay.cols[i]
		}
		if (col == colRowNumber || col == colProvince) && mayBeTotal(c) {
			if model >= 0 {
				// Beside a model's name, only a whole label: "Tổng cộng"
				// over "34 mô hình", never "Cộng đồng".
				if k := lay.labelKind(c, col); k != "" {
					return k
				}
				break
			}
			switch f := label(record.Fold(c)); {
			case totalRe.MatchString(f):
				return "total"
			case subtotalRe.MatchString(f):
				return "subtotal"
			case isBreakdown(c):
				return "breakdown"
			}
		}
		break // the first text, and no total's
	}
	if lay.romanGroup(r) {
		return "group"
	}
	for i, c := range r.All() {
		if c == "" || i == model || !mayBeTotal(c) {
			continue
		}
		col := colNone
		if i < len(lay.cols) {
			col = lay.cols[i]
		}
		switch col {
		case colNone, colDistrict, colCommune, colUnit, colModel, colNote, colRowNumber, colProvince,
			colField, colStatus, colPeriod: // "Cộng lĩnh vực kinh tế", "Tổng cộng" where a period goes
		default:
			continue
		}
		if model >= 0 {
			// A model is named beside it: "Toàn xã" or "Cộng" is the unit
			// that carries it out, "Toàn tỉnh" the commune where it runs, a
			// note on it, its row's number.
			continue
		}
		k := lay.labelKind(c, col)
		if (col == colField || col == colStatus || col == colPeriod) && k != "" && !codedLabel(label(record.Fold(c))) {
			// Where a field goes, "Tổng hợp nhiều lĩnh vực" is a field
			// not understood, not a total: refused, never dropped.
			k = ""
		}
		if k != "" {
			return k
		}
	}
	return ""
}

// codedLabel reports whether a folded label is one of the fixed wordings
// of a total or a subtotal ("Tổng cộng", "Cộng lĩnh vực kinh tế", "Tổng
// số"), not one that only starts with a total's word.
func codedLabel(f string) bool {
	if strings.HasPrefix(f, "tong hop") {
		return false
	}
	return namedTotalRe.MatchString(f) || namedSubtotalRe.MatchString(f) || namedSubtotalOfRe.MatchString(f) ||
		strings.HasPrefix(f, "tong cong") || strings.HasPrefix(f, "tong so")
}

// labelKind tells a whole cell that is a total's label ("total"), a
// subtotal's ("subtotal") or a breakdown's ("breakdown") in a column col
// from one that is not ("").
func (lay *sheetLayout) labelKind(c string, col column) string {
	f := label(record.Fold(c))
	switch {
	case isBreakdown(c):
		return "breakdown"
	case (col == colDistrict || col == colCommune || col == colNone) && placeNamed(c):
		// Cộng Hiền, Cống Vị typed "Cong Vi": a place's name.
	case namedTotalRe.MatchString(f):
		return "total"
	case col == colUnit && strings.HasPrefix(f, "toan "):
		// "Toàn xã", "Toàn huyện": the unit that carries a model out.
	case namedSubtotalRe.MatchString(f), namedSubtotalOfRe.MatchString(f):
		return "subtotal"
	case (col == colDistrict || col == colCommune) && placeSubtotalOfRe.MatchString(f):
		return "subtotal"
	case provinceNamed(f):
		return "total"
	default:
		if k := looseLabel(f); k != "" {
			return k
		}
		// "Tổng Bắc Sơn", "Cộng Văn Quan": a total's word and a place.
		for _, w := range []string{"tong ", "cong "} {
			rest, ok := strings.CutPrefix(f, w)
			if ok && strings.Count(rest, " ") >= 1 && !nameAfterCong[strings.Fields(rest)[0]] && placeNamed(rest) {
				return "subtotal"
			}
		}
	}
	return ""
}

// looseLabel tells the labels of totals that are no fixed phrase, folded
// and without their marks: "Tổng cộng" or "Tổng số" followed by anything
// ("Tổng cộng chung", "Tổng cộng các xã, phường", "Tổng cộng Quý
// III/2025"), "Cộng" followed by anything but the word of a name ("Cộng TT
// Na Sầm", "Cộng: 2 mô hình", "Cộng các đơn vị", but not "Cộng đồng…",
// "Cộng hòa…"), "Tổng" followed by a word that only a total's label has
// ("Tổng chung", "Tổng các đơn vị", "Tổng 3 mô hình"), "Lũy kế" and "Cộng
// dồn" (a cumulative row is never the period's). It is called only for a
// row that names no model besides the label.
func looseLabel(f string) string {
	words := strings.FieldsFunc(f, func(r rune) bool { return r == ' ' || r == ':' || r == ',' || r == ';' })
	if len(words) < 2 {
		return ""
	}
	switch w, next := words[0], words[1]; {
	case w == "tong" && next == "cong" && len(words) == 3 && words[2] == "chung",
		(w == "tong" || w == "cong") && next == "chung" && len(words) == 2:
		return "total"
	case w == "tong" && (next == "cong" || next == "so"),
		w == "luy" && next == "ke",
		w == "cong" && next == "don":
		return "subtotal"
	case w == "cong":
		if !nameAfterCong[next] {
			return "subtotal"
		}
	case w == "tong":
		if labelAfterTong[next] || next[0] >= '0' && next[0] <= '9' {
			return "subtotal"
		}
	}
	return ""
}

// The words after "cộng" that start a name (Cộng đồng, Cộng hòa, Cộng tác
// viên, Cộng sản, Cộng hưởng, Cộng sinh, Cộng cư, Cộng đoàn, Cộng sức),
// and those after "tổng" that only a total's label has.
var (
	nameAfterCong  = map[string]bool{"dong": true, "hoa": true, "tac": true, "san": true, "huong": true, "sinh": true, "cu": true, "luc": true, "doan": true, "suc": true}
	labelAfterTong = map[string]bool{"chung": true, "cac": true, "toan": true, "ca": true, "hop": true}
)

// placeNamed reports whether a text is the name of a district or a
// commune of the gazetteer, of either era, written in full or without its
// diacritics.
func placeNamed(c string) bool {
	g := gazetteer.Default()
	for _, era := range gazetteer.Eras {
		for _, l := range []gazetteer.Level{gazetteer.LevelDistrict, gazetteer.LevelCommune} {
			if len(g.Named(era, l, c)) > 0 {
				return true
			}
		}
	}
	return false
}

// isBreakdown reports whether a cell starts a breakdown of the row above.
func isBreakdown(c string) bool {
	c = strings.TrimLeftFunc(c, isLabelMark)
	if c == "" {
		return false
	}
	return breakdownRe.MatchString(lowerWords(c))
}

// labelMarks are what a clerk writes before a label: dashes (Word turns
// "-" into "–"), stars, bullets, brackets and quotes (isLabelMark).

// isLabelMark reports whether r is one of labelMarks.
func isLabelMark(r rune) bool {
	switch r {
	case '-', '–', '—', '*', '+', '•', '·', '.', '(', '"', '“', '‘', '\'', '[', ' ', '\u00a0', '\t':
		return true
	}
	return false
}

// modelNamed returns the index of the row's model cell when it names a
// model: not empty, no placeholder ("x", "-", "…"), no count ("2 mô hình",
// "34") and no total's label; else -1.
func (lay *sheetLayout) modelNamed(r load.Row) int {
	for i, c := range r.All() {
		if i >= len(lay.cols) || lay.cols[i] != colModel {
			continue
		}
		t := strings.Trim(c, " \u00a0\t.…-–—xX/")
		switch {
		case t == "", t[0] >= '0' && t[0] <= '9':
			return -1
		case headingLabel(c, func() string { return lay.province(r) }, lay.figured()):
			return -1 // "Lĩnh vực kinh tế", "Xã Bắc Sơn", "Hội Nông dân": a group's, no model
		case mayBeTotal(c) && lay.labelKind(c, colModel) != "":
			return -1
		}
		return i
	}
	return -1
}

// provinceNamed reports whether a folded label is a total's words followed
// by a province's name: "tong cong lang son".
func provinceNamed(f string) bool {
	m := provinceTotalRe.FindStringSubmatch(f)
	if m == nil {
		return false
	}
	g := gazetteer.Default()
	for _, era := range gazetteer.Eras {
		if _, err := g.Province(era, m[2]); err == nil {
			return true
		}
	}
	return false
}

// romanGroup reports whether a row is a group's row numbered in roman
// numerals in the row-number column (I, II.), with figures but no model's
// name and no field: "I | Lạng Sơn | Xã Bắc Sơn | | | 5 | 3.000.000" above
// the commune's models sums them.
func (lay *sheetLayout) romanGroup(r load.Row) bool {
	if n := lay.rowNumber(r, 8); n == "" || !romanRe.MatchString(strings.ToLower(n)) {
		return false // most rows: a number, or no row-number column
	}
	figures := false
	for i, c := range r.All() {
		if c == "" || i >= len(lay.cols) {
			continue
		}
		switch lay.cols[i] {
		case colModel:
			// A place's, a unit's, a status' or a period's name is
			// none, but its row is weighed as a group in groups, with
			// the rows around it: left out here as a roman group's, a
			// commune's heading with its sums over its models ("II |
			// Xã Hưng Vũ | 2") made the one-row commune above it ("I |
			// Xã Vũ Lễ | 3") their group's row, refused, and with
			// --skip-invalid left out (review 56).
			if lay.modelNamed(r) >= 0 || !fieldLabel(c) && headingLabel(c, func() string { return lay.province(r) }, lay.figured()) {
				return false
			}
		case colField:
			if _, err := record.ParseField(c); err == nil {
				return false
			}
		case colCount, colFunds, colHouseholds, colBeneficiaries:
			figures = figures || looksNumeric(c)
		}
	}
	return figures
}

// hasMembers reports whether a group's row is followed by rows of its
// members: the next row with text is neither another group's nor a
// total's. "II | Xã Vũ Lễ | 4 | …" right before "III | …" is a commune
// reported in one row, and counted.
func (lay *sheetLayout) hasMembers(rest []load.Row) bool {
	for _, r := range rest {
		if firstText(r.Cells()) == "" {
			continue
		}
		return lay.totalKind(r, lay.modelNamed(r)) == ""
	}
	return false
}

var romanRe = lazyRegexp(`^[ivxl]+[.)]?$`)

// mayBeTotal reports whether a text may be a total's, subtotal's or
// breakdown's label: whether it starts, after marks (labelMarks), with
// Tổng, Toàn, Cộng, TC, Total, Subtotal, Sub-total, Grand or Trong, in any
// case, with or without their diacritics; other cells, names of places
// among them, skip the closer look.
func mayBeTotal(s string) bool {
	s = strings.TrimLeftFunc(s, isLabelMark)
	if s == "" {
		return false
	}
	var words []string
	switch s[0] | 0x20 {
	case 't':
		words = totalStartsT
	case 'c':
		words = totalStartsC
	case 'l':
		// Lũy kế, Luỹ kế, Luy ke; never Lạng Sơn, Lào Cai, Lai Châu, the
		// provinces of a column read on every row.
		if len(s) < 2 || s[1]|0x20 != 'u' && s[1] != 0xC5 {
			return false
		}
		words = totalStartsOther
	case 's', 'g', 'o', 'i', 'b', 'd':
		words = totalStartsOther
	default:
		return false // most names: Xã…, Phường…, Hội…, Mô hình…
	}
	for _, w := range words {
		if len(s) >= len(w) && strings.EqualFold(s[:len(w)], w) {
			return true
		}
	}
	return false
}

// The words a label starts with, by their first letter.
var (
	totalStartsT     = []string{"tổng", "toàn", "tong", "toan", "tc", "t.", "t/", "total", "trong"}
	totalStartsC     = []string{"cộng", "cong", "cả nước", "ca nuoc", "cụ thể", "cu the", "chia ra"}
	totalStartsOther = []string{"sub", "grand", "of which", "in which", "lũy kế", "luỹ kế", "luy ke",
		"gồm", "gom", "bao gồm", "bao gom", "danh sách", "danh sach"}
)
