package record

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/dvkreport/dvkreport/report/msg"
)

// Quarter is a calendar quarter counted from year 0: year*4 + (q-1).
type Quarter int

// QuarterOf returns the quarter q (1–4) of year.
func QuarterOf(year, q int) Quarter { return Quarter(year*4 + q - 1) }

// Year returns the quarter's year.
func (q Quarter) Year() int { return int(q) / 4 }

// Num returns the quarter's number in its year, 1–4.
func (q Quarter) Num() int { return int(q)%4 + 1 }

func (q Quarter) String() string { return fmt.Sprintf("%d-Q%d", q.Year(), q.Num()) }

// PeriodKind says how a period was written, which decides how it is printed.
type PeriodKind uint8

const (
	KindQuarter PeriodKind = iota + 1 // 2025-Q3
	KindHalf                          // 2025-H1
	KindYear                          // 2025
	KindYears                         // 2021-2025, a span of whole years
	KindRange                         // 2024-Q3..2025-Q2, any other run of quarters
)

// Period is a run of whole quarters, First to Last inclusive. The zero
// Period is invalid; use [ParsePeriod] or the constructors.
type Period struct {
	First, Last Quarter
	Kind        PeriodKind
}

// QuarterPeriod returns the period of one quarter.
func QuarterPeriod(year, q int) Period {
	return Period{QuarterOf(year, q), QuarterOf(year, q), KindQuarter}
}

// YearsPeriod returns the period from the first quarter of year from to the
// last quarter of year to.
func YearsPeriod(from, to int) Period {
	k := KindYears
	if from == to {
		k = KindYear
	}
	return Period{QuarterOf(from, 1), QuarterOf(to, 4), k}
}

// IsZero reports whether p is the zero Period.
func (p Period) IsZero() bool { return p.Kind == 0 }

// Contains reports whether o lies wholly inside p.
func (p Period) Contains(o Period) bool { return p.First <= o.First && o.Last <= p.Last }

// Overlaps reports whether p and o share a quarter.
func (p Period) Overlaps(o Period) bool { return p.First <= o.Last && o.First <= p.Last }

// Union returns the smallest period that contains both p and o.
// The union with a zero Period is the other period.
func (p Period) Union(o Period) Period {
	switch {
	case p.IsZero():
		return o
	case o.IsZero():
		return p
	}
	return normalize(min(p.First, o.First), max(p.Last, o.Last))
}

// normalize builds the period [first, last] with the most specific kind.
func normalize(first, last Quarter) Period {
	p := Period{First: first, Last: last, Kind: KindRange}
	switch {
	case first == last:
		p.Kind = KindQuarter
	case first.Num() == 1 && last.Num() == 4:
		p.Kind = KindYears
		if first.Year() == last.Year() {
			p.Kind = KindYear
		}
	case first.Year() == last.Year() && last-first == 1 && (first.Num() == 1 || first.Num() == 3):
		p.Kind = KindHalf
	}
	return p
}

// String returns the period in the contract's canonical form: 2025-Q3,
// 2025-H1, 2025, 2021-2025, or 2024-Q3..2025-Q2.
func (p Period) String() string {
	switch p.Kind {
	case KindQuarter:
		return p.First.String()
	case KindHalf:
		return fmt.Sprintf("%d-H%d", p.First.Year(), (p.First.Num()+1)/2)
	case KindYear:
		return strconv.Itoa(p.First.Year())
	case KindYears:
		return fmt.Sprintf("%d-%d", p.First.Year(), p.Last.Year())
	case KindRange:
		return p.First.String() + ".." + p.Last.String()
	}
	return ""
}

// Forms of ParsePeriod, on folded text, compiled when first needed: most
// runs read only periods written as 2025-Q3, and compiling every pattern
// of the package before main cost each run about 0.4 ms.
var (
	bareQuarterRe = lazyRegexp(`^(i|ii|iii|iv)\s*[/.\-]\s*(\d{4})$`)
	monthRe       = lazyRegexp(`^(?:t|thang)\s*\.?\s*(\d{1,2})\s*(?:[/.\-]|\s+nam\s+|\s+)\s*(\d{4})$`)
)

// lazyRegexp returns a function that compiles src, which must compile,
// the first time it is called.
func lazyRegexp(src string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(src) })
}

// Years the tool accepts in a period; anything outside is a typing error.
const (
	minYear = 1990
	maxYear = 2100
)

// ErrPeriod is wrapped by every error of [ParsePeriod].
var ErrPeriod = errors.New("invalid period")

// ParsePeriod reads a period in any form of the input contract:
//
//	2025-Q3, Q3/2025, Quý III/2025, quy 3/2025, 2025Q3,  a quarter
//	Q.III/2025, III/2025, Quý 3 năm 2025, Quí III/2025
//	T9/2025, tháng 9/2025, tháng 9 năm 2025              the quarter of a month
//	2025-H1, H1/2025, 6 tháng đầu năm 2025               a half-year
//	9 tháng đầu năm 2025                                 the first three quarters
//	2025, năm 2025                                       a year
//	2021-2025, giai đoạn 2021–2025                       a span of years
//	2024-Q3..2025-Q2                                     a run of quarters
//	2025-07-15, 15/07/2025                               the quarter of a day
//
// Case, diacritics and spacing are ignored.
func ParsePeriod(s string) (Period, error) {
	p, err := parsePeriod(Fold(s))
	if err != nil {
		return Period{}, msg.New("period.bad", msg.Quote(strings.TrimSpace(s)), err).Wrap(ErrPeriod)
	}
	return p, nil
}

// dashes turns the dashes people type between years into hyphens.
var dashes = strings.NewReplacer("–", "-", "—", "-", "‒", "-")

func parsePeriod(s string) (Period, error) {
	s = strings.Join(strings.Fields(s), " ")
	s = dashes.Replace(s)
	if strings.HasPrefix(s, "qui") && (len(s) == 3 || s[3] == ' ' || s[3] >= '0' && s[3] <= '9' || s[3] == '.' || s[3] == 'i' || s[3] == 'v') {
		s = "quy" + s[3:] // "Quí III/2025", the older spelling of quý
	}
	for _, prefix := range []string{"giai doan ", "nam ", "ky ", "period ", "year "} {
		s = strings.TrimPrefix(s, prefix)
	}
	if s == "" {
		return Period{}, msg.New("period.empty")
	}
	if p, ok, err := parseDate(s); ok {
		return p, err
	}
	if a, b, ok := strings.Cut(s, ".."); ok {
		pa, err := parsePeriod(strings.TrimSpace(a))
		if err != nil {
			return Period{}, err
		}
		pb, err := parsePeriod(strings.TrimSpace(b))
		if err != nil {
			return Period{}, err
		}
		if pb.Last < pa.First {
			return Period{}, msg.New("period.ends_before_start")
		}
		return normalize(pa.First, pb.Last), nil
	}
	// A quarter without its marker (III/2025), or a month (T9/2025,
	// tháng 9/2025): the quarter that holds it.
	if m := bareQuarterRe().FindStringSubmatch(s); m != nil {
		n, _ := parseSmallNumber(m[1])
		y, err := parseYear(m[2])
		if err != nil {
			return Period{}, err
		}
		return QuarterPeriod(y, n), nil
	}
	if m := monthRe().FindStringSubmatch(s); m != nil {
		month, _ := strconv.Atoi(m[1])
		if month < 1 || month > 12 {
			return Period{}, msg.New("period.no_month", month)
		}
		y, err := parseYear(m[2])
		if err != nil {
			return Period{}, err
		}
		return QuarterPeriod(y, (month-1)/3+1), nil
	}
	// Nine months: the first three quarters.
	if rest, ok := strings.CutPrefix(s, "9 thang dau nam "); ok {
		y, err := parseYear(rest)
		if err != nil {
			return Period{}, err
		}
		return Period{QuarterOf(y, 1), QuarterOf(y, 3), KindRange}, nil
	}
	// Half-years written in words: "6 thang dau nam 2025", "6 thang cuoi nam 2025".
	for _, h := range []struct {
		prefix string
		half   int
	}{{"6 thang dau nam ", 1}, {"6 thang dau ", 1}, {"6 thang cuoi nam ", 2}, {"6 thang cuoi ", 2}} {
		if rest, ok := strings.CutPrefix(s, h.prefix); ok {
			y, err := parseYear(rest)
			if err != nil {
				return Period{}, err
			}
			return halfPeriod(y, h.half), nil
		}
	}
	// Forms with a Q/H/quy marker: find the marker and the year on either side.
	if y, n, unit, ok, err := parseMarked(s); ok || err != nil {
		if err != nil {
			return Period{}, err
		}
		if unit == 'h' {
			return halfPeriod(y, n), nil
		}
		return QuarterPeriod(y, n), nil
	}
	// A year, or a span of years.
	if a, b, ok := strings.Cut(s, "-"); ok {
		ya, err := parseYear(strings.TrimSpace(a))
		if err != nil {
			return Period{}, err
		}
		yb, err := parseYear(strings.TrimSpace(b))
		if err != nil {
			return Period{}, err
		}
		if yb < ya {
			return Period{}, msg.New("period.ends_before_start")
		}
		return YearsPeriod(ya, yb), nil
	}
	y, err := parseYear(s)
	if err != nil {
		return Period{}, err
	}
	return YearsPeriod(y, y), nil
}

func halfPeriod(year, half int) Period {
	q := QuarterOf(year, 2*half-1)
	return Period{q, q + 1, KindHalf}
}

// parseMarked reads a quarter or half written with a marker: 2025-Q3,
// Q3/2025, quy iii/2025, quy 3 nam 2025, 2025 h1. ok is false when s has
// no marker.
func parseMarked(s string) (year, n int, unit byte, ok bool, err error) {
	tokens := strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '-' || r == '/' || r == '.' || r == ','
	})
	// Split tokens such as "2025q3" and "q3" into their parts.
	var parts []string
	for _, t := range tokens {
		if t == "nam" {
			continue
		}
		for _, m := range []string{"quy", "q", "h"} {
			if i := strings.Index(t, m); i >= 0 {
				if before := t[:i]; before != "" {
					parts = append(parts, before)
				}
				parts = append(parts, m)
				t = t[i+len(m):]
				break
			}
		}
		if t != "" {
			parts = append(parts, t)
		}
	}
	mark := -1
	for i, p := range parts {
		if p == "quy" || p == "q" || p == "h" {
			if mark >= 0 {
				return 0, 0, 0, true, msg.New("period.two_markers")
			}
			mark = i
		}
	}
	if mark < 0 {
		return 0, 0, 0, false, nil
	}
	unit = 'q'
	if parts[mark] == "h" {
		unit = 'h'
	}
	rest := append(append([]string(nil), parts[:mark]...), parts[mark+1:]...)
	// The number follows the marker; the year is the other token.
	if mark+1 >= len(parts) || len(rest) != 2 {
		return 0, 0, 0, true, msg.New("period.want_year")
	}
	numTok := parts[mark+1]
	yearTok := rest[0]
	if yearTok == numTok {
		yearTok = rest[1]
	}
	n, err = parseSmallNumber(numTok)
	if err != nil {
		return 0, 0, 0, true, err
	}
	limit := 4
	if unit == 'h' {
		limit = 2
	}
	if n < 1 || n > limit {
		if unit == 'h' {
			return 0, 0, 0, true, msg.New("period.no_half", n)
		}
		return 0, 0, 0, true, msg.New("period.no_quarter", n)
	}
	year, err = parseYear(yearTok)
	if err != nil {
		return 0, 0, 0, true, err
	}
	return year, n, unit, true, nil
}

// parseDate reads a day, 2025-07-15 or 15/07/2025 (as spreadsheets hold
// dates), as the quarter that contains it. ok is false when s is no date.
func parseDate(s string) (p Period, ok bool, err error) {
	var y, m, d int
	switch {
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		y, _ = strconv.Atoi(s[:4])
		m, _ = strconv.Atoi(s[5:7])
		d, _ = strconv.Atoi(s[8:])
	case len(s) == 10 && s[2] == '/' && s[5] == '/':
		d, _ = strconv.Atoi(s[:2])
		m, _ = strconv.Atoi(s[3:5])
		y, _ = strconv.Atoi(s[6:])
	default:
		return Period{}, false, nil
	}
	if y < minYear || y > maxYear || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return Period{}, true, msg.New("period.no_such_day")
	}
	return QuarterPeriod(y, (m-1)/3+1), true, nil
}

// daysIn returns the number of days of month m of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// parseSmallNumber reads 1–9 in Arabic or Roman numerals.
func parseSmallNumber(s string) (int, error) {
	switch s {
	case "i":
		return 1, nil
	case "ii":
		return 2, nil
	case "iii":
		return 3, nil
	case "iv":
		return 4, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || len(s) > 2 {
		return 0, msg.New("period.not_quarter_number", msg.Quote(s))
	}
	return n, nil
}

func parseYear(s string) (int, error) {
	y, err := strconv.Atoi(s)
	if err != nil || len(s) != 4 {
		return 0, msg.New("period.not_year", msg.Quote(s))
	}
	if y < minYear || y > maxYear {
		return 0, msg.New("period.year_range", y, minYear, maxYear)
	}
	return y, nil
}

// findRes find a period in free text (a sheet's title or name), most
// precise first; each gives the text ParsePeriod reads.
var findRes = sync.OnceValue(func() []*regexp.Regexp {
	return []*regexp.Regexp{
		regexp.MustCompile(`\bquy\s*([ivx]+|[1-4])\s*(?:[/.\-]|nam)?\s*(\d{4})\b`),
		regexp.MustCompile(`\bq\.?\s*([ivx]+|[1-4])\s*[/.\-\s]\s*(\d{4})\b`),
		regexp.MustCompile(`\b(\d{4})\s*-?\s*q([1-4])\b`),
		regexp.MustCompile(`\b[369] thang (?:dau|cuoi) nam \d{4}\b`),
		regexp.MustCompile(`\bthang\s*\d{1,2}\s*(?:/|nam)\s*\d{4}\b`),
		regexp.MustCompile(`(?:^|[^0-9a-z])(i|ii|iii|iv)\s*[/.\-]\s*(\d{4})\b`),
		regexp.MustCompile(`\bnam\s+(\d{4})\b`),
	}
})

// FindPeriod finds a period in free text, such as the title of a sheet
// ("BIỂU TỔNG HỢP KẾT QUẢ … QUÝ III NĂM 2025") or its name ("Quý III-2025"),
// and reports whether it found one. A quarter is looked for first, then a
// half-year or nine months, a month, and last a year.
func FindPeriod(text string) (Period, bool) {
	f := strings.Join(strings.Fields(Fold(text)), " ")
	f = dashes.Replace(f)
	for k, re := range findRes() {
		m := re.FindStringSubmatch(f)
		if m == nil {
			continue
		}
		var form string
		switch k {
		case 0, 1:
			form = "quy " + m[1] + "/" + m[2]
		case 2:
			form = m[1] + "-q" + m[2]
		case 5:
			form = m[1] + "/" + m[2]
		case 6:
			form = m[1]
		default:
			form = m[0]
		}
		if p, err := parsePeriod(form); err == nil {
			return p, true
		}
	}
	return Period{}, false
}
