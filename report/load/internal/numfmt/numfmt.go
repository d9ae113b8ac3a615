// Package numfmt reads a spreadsheet's number formats (ECMA-376 §18.8.30
// and §18.8.31; the same codes in Excel 97–2003 files) for what a register
// reader needs of them: whether a format shows a date, the unit it shows
// beside a number, and the thousands it divides a number by. Show turns a
// number cell's stored value into the text Excel shows, so far as a
// figure's meaning goes. It is shared by packages load and load/xls.
package numfmt

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Format is what a workbook's number format does to a number cell, in
// what matters for reading it as Excel shows it: whether it shows a date,
// the text it shows beside the number (a unit: "đ", "triệu", "₫"), and how
// many thousands it divides the number by (a comma after the last digit
// placeholder: #,##0,, shows 12,500,000 as 13, in millions).
type Format struct {
	Date bool
	// Parts says what a date shows: DateDay (a day), DateMonth (a month
	// and its year), DateYear (a year alone).
	Parts     DateParts
	Percent   bool // the number shown times 100, with a %
	Unit      string
	Thousands int
}

// DateParts is what a date format shows of a date.
type DateParts uint8

const (
	DateDay DateParts = iota
	DateMonth
	DateYear
)

// Builtin returns the built-in number format id: the dates among
// them (14–17 and 22; 27–36 and 50–58, which the Chinese, Japanese and
// Korean versions of Excel show as dates) and the percentages (9, 10).
// The others show a number as it is, or a time of day, which no register
// reads.
func Builtin(id int) Format {
	switch {
	case id >= 14 && id <= 17, id == 22, id >= 27 && id <= 36, id >= 50 && id <= 58:
		return Format{Date: true}
	case id == 9 || id == 10: // 0% and 0.00%
		return Format{Percent: true}
	}
	return Format{}
}

// Parse reads a format code (ECMA-376 §18.8.31) for what Format
// holds, from its first section, the one of positive numbers: quoted text,
// a character after a backslash and the symbol of [$₫-42A] are shown as
// they are, and so are characters outside ASCII; _x (the width of x), *x (x repeated) and other bracketed parts
// (colours, conditions, elapsed time) are not. A d or y outside those makes
// a date, and so does an m in a code without h or s (an m beside an h or an
// s is minutes).
func Parse(code string) Format {
	var f Format
	var unit strings.Builder
	var m, hs, d, y bool
	placeholderSeen := false
	commas := 0 // commas since the last digit placeholder
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == ';':
			i = len(code) // the first section only
			continue
		case c == '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				j = len(code) - i - 1
			}
			unit.WriteString(code[i+1 : i+1+j])
			i += j + 1
		case c == '\\' && i+1 < len(code):
			_, n := firstRune(code[i+1:])
			unit.WriteString(code[i+1 : i+1+n])
			i += n
		case c == '_' || c == '*':
			_, n := firstRune(code[min(i+1, len(code)):])
			i += n
		case c == '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				i = len(code)
				continue
			}
			switch in := code[i+1 : i+j]; {
			case strings.HasPrefix(in, "$"):
				sym, _, _ := strings.Cut(in[1:], "-")
				unit.WriteString(" " + sym)
			case in != "" && strings.Trim(strings.ToLower(in), "hms") == "":
				hs = true // elapsed time: [h]:mm
			}
			i += j
		case c == '0' || c == '#' || c == '?':
			placeholderSeen, commas = true, 0
		case c == ',' && placeholderSeen:
			commas++
		case c == '.':
			f.Thousands += commas
			commas = 0
			placeholderSeen = false // the decimals' placeholders
		case c == 'd' || c == 'D':
			d = true
		case c == 'y' || c == 'Y':
			y = true
		case c == '%':
			f.Percent = true
		case c == 'm' || c == 'M':
			m = true
		case c == 'h' || c == 'H' || c == 's' || c == 'S':
			hs = true
		case c >= 0x80: // ₫ and other signs outside ASCII, shown as they are
			r, n := firstRune(code[i:])
			unit.WriteRune(r)
			i += n - 1
		}
	}
	if placeholderSeen {
		f.Thousands += commas
	}
	if f.Thousands > maxThousands {
		f.Thousands = 0 // shows every figure as 0: read as stored
	}
	month := m && (!hs || d || y)
	f.Date = d || y || month
	switch {
	case d || !month && !y:
		f.Parts = DateDay
	case month:
		f.Parts = DateMonth
	default:
		f.Parts = DateYear
	}
	f.Unit = strings.Join(strings.FieldsFunc(unit.String(), func(r rune) bool { return unicode.IsSpace(r) }), " ")
	return f
}

// maxThousands is the most thousands a format may divide by and be read
// so: three (billions); a format of more commas divides beyond any figure
// a register holds, and dividing by it would only cost time.
const maxThousands = 3

// firstRune returns the first character of s and its length in bytes (0
// for an empty s).
func firstRune(s string) (rune, int) {
	if s == "" {
		return 0, 0
	}
	return utf8.DecodeRuneInString(s) // an invalid byte is one byte long
}

// Date1904Offset moves a serial of the 1904 date system to the 1900
// system: 1904-01-01 is serial 0 in the one and 1462 in the other.
const Date1904Offset = 1462

// Show returns a number cell's text (v, as excelNumber wrote it) as its
// format shows it, and whether it is still a number stored as one: a date
// as dd/mm/yyyy (a text), moved from the 1904 date system if date1904; a
// number divided by the thousands the format divides it by, exactly (as
// decimals, not rounded as Excel shows it); with the format's unit after
// it, if it has one with a letter or a currency sign.
func (f Format) Show(v string, date1904 bool) (string, bool) {
	if f.Date {
		if d, ok := SerialDate(v, date1904); ok {
			switch f.Parts {
			case DateMonth:
				return d[3:], false // mm/yyyy
			case DateYear:
				return d[6:], false // yyyy
			}
			return d, false
		}
		return v, true
	}
	if f.Percent {
		// A rate, which no one sums: shown as Excel shows it, as text.
		return shiftDecimal(v, -2) + "%", false
	}
	unit := f.Unit
	if strings.IndexFunc(unit, func(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Sc, r) }) < 0 {
		unit = ""
	}
	if f.Thousands > 0 {
		v = shiftDecimal(v, 3*f.Thousands)
		if !scaleWord(unit) {
			// #,##0,, shows millions: say so, as "10 tr" does.
			unit = strings.TrimSpace(thousandsWords[f.Thousands] + " " + unit)
		}
	}
	if unit != "" {
		v += " " + unit
	}
	return v, true
}

// thousandsWords name the thousands a format divides by, as a register
// writes them.
var thousandsWords = [maxThousands + 1]string{1: "nghìn", 2: "triệu", 3: "tỷ"}

// scaleWord reports whether a format's unit starts with a word for
// thousands, millions or billions (nghìn, ngàn, k, tr, triệu, tỷ), which
// then says what the format divides by.
func scaleWord(unit string) bool {
	w := strings.ToLower(strings.TrimLeft(unit, " ("))
	for _, p := range []string{"nghìn", "ngàn", "ng", "k", "tr", "triệu", "tỷ", "tỉ", "ty"} {
		if rest, ok := strings.CutPrefix(w, p); ok && (rest == "" || !unicode.IsLetter([]rune(rest)[0]) || p == "tr" && strings.HasPrefix(rest, "đ")) {
			return true
		}
	}
	return false
}

// SerialDate returns the date of a day serial (its fraction, the time of
// day, left out) as dd/mm/yyyy; false for a text that is not one, or a
// serial before 1 March 1900 (Excel's day 60 is a 29 February 1900 that
// never was).
func SerialDate(v string, date1904 bool) (string, bool) {
	days := 0
	digits := v
	if i := strings.IndexByte(v, '.'); i >= 0 {
		digits = v[:i]
		for _, c := range v[i+1:] {
			if c < '0' || c > '9' {
				return "", false
			}
		}
	}
	if digits == "" || len(digits) > 7 {
		return "", false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return "", false
		}
		days = days*10 + int(c-'0')
	}
	if date1904 {
		days += Date1904Offset
	}
	if days <= 60 {
		return "", false
	}
	return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days).Format("02/01/2006"), true
}

// shiftDecimal divides a number written in digits, with or without a
// decimal point, by 10^places, exactly: "12500000" by 10^6 is "12.5"; a
// negative places multiplies ("0.25" by 10^-2 is "25"). A text that is
// not such a number is returned as it is.
func shiftDecimal(v string, places int) string {
	neg := strings.HasPrefix(v, "-")
	s := strings.TrimPrefix(v, "-")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || strings.ContainsFunc(whole+frac, func(r rune) bool { return r < '0' || r > '9' }) {
		return v
	}
	if places < 0 { // multiply: the point moves right
		frac += strings.Repeat("0", max(0, -places-len(frac)))
		whole, frac = whole+frac[:-places], frac[-places:]
		places = 0
	}
	if len(whole) <= places {
		whole = strings.Repeat("0", places-len(whole)+1) + whole
	}
	whole, frac = whole[:len(whole)-places], whole[len(whole)-places:]+frac
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		whole = "0"
	}
	frac = strings.TrimRight(frac, "0")
	out := whole
	if frac != "" {
		out += "." + frac
	}
	if neg && out != "0" {
		out = "-" + out
	}
	return out
}
