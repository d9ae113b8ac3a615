package validate

import (
	"errors"
	"math"
	"strings"

	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
)

// style is a table's way of writing numbers.
type style uint8

const (
	styleUnknown style = iota
	styleVN            // 3.410.000.000 and 3,41: dot for thousands, comma for decimals
	styleEN            // 3,410,000,000 and 3.41
)

// quantity says what a number column holds.
type quantity uint8

const (
	qtyCount quantity = iota // a whole number: models, households, people
	qtyMoney                 // đồng, which may carry a unit (380 triệu, 3,41 tỷ)
)

var errNegative = errors.New("negative")

// unitWords are the money units the contract allows, folded, longest first
// within each group so that "trieu dong" is read before "trieu".
var unitWords = []struct {
	word string
	mult int64
}{
	{"ty", 1e9}, {"ti", 1e9}, {"billion", 1e9}, {"bn", 1e9}, {"ty dong", 1e9},
	{"trieu", 1e6}, {"tr", 1e6}, {"million", 1e6}, {"mn", 1e6},
	{"nghin", 1e3}, {"ngan", 1e3}, {"thousand", 1e3}, {"ng", 1e3}, {"k", 1e3},
}

var currencyWords = []string{"vnd", "vnđ", "dong", "d", "₫"}

// parseNumber reads one number cell. A table's style resolves the numbers
// that are ambiguous on their own (1.234 could be 1234 or 1.234). scale is
// the unit of money the column's header gives (1,000,000 for "triệu
// đồng"), 0 for none: a money cell without a unit of its own is in it.
func parseNumber(s string, q quantity, st style, scale int64) (int64, error) {
	if v, ok := plainDigits(s); ok {
		if scale > 1 {
			if v > math.MaxInt64/scale {
				return 0, msg.New("number.too_large", msg.Quote(s))
			}
			return v * scale, nil
		}
		return v, nil
	}
	if isFormulaError(s) {
		return 0, msg.New("number.formula_error", msg.Quote(s))
	}
	f := strings.TrimSpace(record.Fold(s))
	if f == "" {
		return 0, nil
	}
	if strings.HasPrefix(f, "(") && strings.HasSuffix(f, ")") || strings.HasPrefix(f, "-") || strings.HasPrefix(f, "−") {
		return 0, errNegative
	}
	f = strings.TrimPrefix(f, "+")
	// Currency marks, before or after the number: a cell that says đồng
	// is in đồng, whatever the column's unit ("1.500.000 đ" in a column of
	// triệu đồng was read 1.5 × 10¹²).
	own := false
	for _, c := range currencyWords {
		if rest, ok := strings.CutPrefix(f, c+" "); ok {
			f, own = strings.TrimSpace(rest), true
		}
		if rest, ok := strings.CutSuffix(f, c); ok && (c != "d" || hasDigitOrSpaceBefore(rest) || endsUnitWord(strings.TrimRight(rest, "."))) {
			f, own = strings.TrimSpace(rest), true
		}
	}
	if t := strings.TrimRight(f, "."); own && t != f && endsUnitWord(t) {
		f = t // "tr.đ", "ng.đ": the unit's dot before the currency
	}
	mult := int64(1)
	if scale > 1 && !own {
		mult = scale
	}
	for _, u := range unitWords {
		if rest, ok := strings.CutSuffix(f, u.word); ok && (rest == "" || endsDigitOrSpace(rest)) {
			if q != qtyMoney {
				return 0, msg.New("number.unit_not_money", msg.Quote(s))
			}
			f, mult = strings.TrimSpace(rest), u.mult
			break
		}
	}
	if strings.ContainsAny(f, "eE") && strings.ContainsAny(f, "+") {
		return 0, msg.New("number.scientific", msg.Quote(s))
	}
	// Digits may be grouped with spaces: 3 410 000 000.
	f = strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\'':
			return -1
		case r >= '０' && r <= '９':
			return '0' + r - '０' // a full-width digit, as an input method types it
		}
		return r
	}, f)
	if f == "" {
		return 0, msg.New("number.nan", msg.Quote(s))
	}
	for _, r := range f {
		if (r < '0' || r > '9') && r != '.' && r != ',' {
			return 0, msg.New("number.nan", msg.Quote(s))
		}
	}
	mant, places, problem := splitDecimal(f, st)
	if problem != "" {
		return 0, msg.New(problem, msg.Quote(s))
	}
	// value = mant × mult ÷ 10^places, which must be whole. Past 18
	// places it never is (the fraction's digits are not all zeros: they
	// are trimmed), and 10^places would overflow: a fuzzing campaign found
	// 64 places a division by zero, and 23 places read as 1.
	if places > 18 {
		if q == qtyMoney {
			return 0, msg.New("number.not_whole_money", msg.Quote(s))
		}
		return 0, msg.New("number.not_whole", msg.Quote(s))
	}
	div := int64(1)
	for range places {
		div *= 10
	}
	if mant > math.MaxInt64/mult {
		return 0, msg.New("number.too_large", msg.Quote(s))
	}
	v := mant * mult
	if v%div != 0 {
		if q == qtyMoney {
			return 0, msg.New("number.not_whole_money", msg.Quote(s))
		}
		return 0, msg.New("number.not_whole", msg.Quote(s))
	}
	return v / div, nil
}

// endsUnitWord reports whether s ends with a unit of money after a digit
// or a space ("10 tr", "10tr").
func endsUnitWord(s string) bool {
	for _, u := range unitWords {
		if rest, ok := strings.CutSuffix(s, u.word); ok && rest != "" && endsDigitOrSpace(rest) {
			return true
		}
	}
	return false
}

func endsDigitOrSpace(s string) bool {
	c := s[len(s)-1]
	return c == ' ' || c >= '0' && c <= '9'
}

func hasDigitOrSpaceBefore(s string) bool { return s != "" && endsDigitOrSpace(s) }

// splitDecimal reads digits with thousands and decimal separators into a
// mantissa and the number of decimal places. problem is the key of the
// message for a number it cannot read, whose one argument is the cell.
func splitDecimal(f string, st style) (mant int64, scale int, problem string) {
	dots, commas := strings.Count(f, "."), strings.Count(f, ",")
	var thousands, decimal byte
	switch {
	case dots == 0 && commas == 0:
	case dots > 0 && commas > 0:
		// Both: the last one is the decimal mark.
		if strings.LastIndexByte(f, '.') > strings.LastIndexByte(f, ',') {
			thousands, decimal = ',', '.'
		} else {
			thousands, decimal = '.', ','
		}
		if strings.Count(f, string(decimal)) > 1 {
			return 0, 0, "number.mixed_separators"
		}
	case dots > 1:
		thousands = '.'
	case commas > 1:
		thousands = ','
	default:
		sep := byte('.')
		if commas == 1 {
			sep = ','
		}
		after := len(f) - strings.IndexByte(f, sep) - 1
		switch {
		case after != 3:
			decimal = sep
		case st == styleVN:
			thousands, decimal = '.', ','
		case st == styleEN:
			thousands, decimal = ',', '.'
		default:
			return 0, 0, "number.ambiguous"
		}
		if thousands != 0 && sep == decimal {
			thousands = 0
		} else if thousands != 0 {
			decimal = 0
		}
	}
	intPart, frac := f, ""
	if decimal != 0 {
		if i := strings.IndexByte(f, decimal); i >= 0 {
			intPart, frac = f[:i], f[i+1:]
		}
	}
	if thousands != 0 {
		groups := strings.Split(intPart, string(thousands))
		for i, g := range groups {
			if (i == 0 && (len(g) < 1 || len(g) > 3)) || (i > 0 && len(g) != 3) {
				return 0, 0, "number.misplaced_separators"
			}
		}
		intPart = strings.Join(groups, "")
	}
	if strings.ContainsAny(intPart, ".,") || strings.ContainsAny(frac, ".,") || (intPart == "" && frac == "") {
		return 0, 0, "number.nan"
	}
	if intPart == "" {
		intPart = "0"
	}
	digits := strings.TrimRight(frac, "0")
	all := intPart + digits
	if len(strings.TrimLeft(all, "0")) > 18 {
		return 0, 0, "number.too_large"
	}
	for _, c := range []byte(all) {
		mant = mant*10 + int64(c-'0')
	}
	return mant, len(digits), ""
}

// detectStyle looks at a column's cells for numbers that show the writer's
// convention unambiguously. It returns styleUnknown when none does, or when
// both conventions appear.
func detectStyle(cells []string) style {
	var vn, en bool
	for _, c := range cells {
		if _, plain := plainDigits(c); plain {
			continue
		}
		switch cellStyle(c) {
		case styleVN:
			vn = true
		case styleEN:
			en = true
		}
	}
	switch {
	case vn && !en:
		return styleVN
	case en && !vn:
		return styleEN
	}
	return styleUnknown
}

// cellStyle returns the convention one number shows on its own.
func cellStyle(s string) style {
	var digits strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' || r == '.' || r == ',' {
			digits.WriteRune(r)
		}
	}
	f := strings.Trim(digits.String(), ".,")
	dots, commas := strings.Count(f, "."), strings.Count(f, ",")
	switch {
	case dots > 0 && commas > 0:
		if strings.LastIndexByte(f, ',') > strings.LastIndexByte(f, '.') {
			return styleVN
		}
		return styleEN
	case dots > 1:
		return styleVN
	case commas > 1:
		return styleEN
	case dots == 1 && len(f)-strings.IndexByte(f, '.')-1 != 3:
		return styleEN
	case commas == 1 && len(f)-strings.IndexByte(f, ',')-1 != 3:
		return styleVN
	}
	return styleUnknown
}

// plainDigits reads a cell of 1 to 18 ASCII digits, the common case, without
// the work of units and separators.
func plainDigits(s string) (int64, bool) {
	if len(s) == 0 || len(s) > 18 {
		return 0, false
	}
	var v int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	return v, true
}

// isFormulaError reports whether a cell holds one of Excel's formula
// errors (#REF!, #VALUE!…): a formula to mend, not a number mistyped.
func isFormulaError(s string) bool {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA":
		return true
	}
	return false
}
