// Package format writes numbers, money, periods and dates the way a report
// in one language prints them: 3.410.000.000 đồng, 3,41 tỷ đồng, Quý
// III/2025, ngày 05 tháng 10 năm 2025 in Vietnamese (dot for thousands,
// comma for decimals); 3,410,000,000 VND, 3.41 billion VND, Q3 2025,
// 5 October 2025 in English. The separators follow the language (as CLDR
// has them for vi and en); every word (units, period and month names)
// comes from the language's templates, so that an office can change them
// without rebuilding the program.
package format

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/templates"
)

// Lang is a report language (the same as package msg's).
type Lang = msg.Lang

// The languages.
const (
	VI = msg.VI
	EN = msg.EN
)

func separators(l Lang) (thousands, decimal byte) {
	if l == EN {
		return ',', '.'
	}
	return '.', ','
}

// Int writes n with thousands separators: 3.410.000.000 (vi), 3,410,000,000 (en).
func Int(n int64, l Lang) string {
	th, _ := separators(l)
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range []byte(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(th)
		}
		b.WriteByte(c)
	}
	return b.String()
}

// Decimal writes n/10^scale without trailing zeros in the fraction:
// Decimal(341, 2, VI) is "3,41", Decimal(3400, 3, EN) is "3.4".
func Decimal(n int64, scale int, l Lang) string {
	_, dec := separators(l)
	p := pow10(scale)
	s := Int(n/p, l)
	if n < 0 && n/p == 0 {
		s = "-" + s
	}
	frac := abs(n % p)
	if frac == 0 {
		return s
	}
	fs := strings.TrimRight(fmt.Sprintf("%0*d", scale, frac), "0")
	return s + string(dec) + fs
}

func pow10(n int) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// roundDiv returns n/d rounded half away from zero.
func roundDiv(n, d int64) int64 {
	q, r := n/d, n%d
	if 2*abs(r) >= d {
		if n < 0 {
			q--
		} else {
			q++
		}
	}
	return q
}

// Millions writes an amount in millions of đồng to one decimal, for table
// columns headed "triệu đồng": 3.410, 348,9, 0,5.
func Millions(vnd int64, l Lang) string {
	return Decimal(roundDiv(vnd, 1e5), 1, l)
}

// Formatter writes money, periods and dates in one language, with the
// words of its templates.
type Formatter struct {
	Lang Lang
	t    *templates.Texts
}

// New returns the formatter of language l, whose words are t's.
func New(l Lang, t *templates.Texts) *Formatter { return &Formatter{Lang: l, t: t} }

// Int writes n with the language's thousands separator.
func (f *Formatter) Int(n int64) string { return Int(n, f.Lang) }

// Decimal writes n/10^scale with the language's separators.
func (f *Formatter) Decimal(n int64, scale int) string { return Decimal(n, scale, f.Lang) }

// Millions writes an amount in millions of đồng to one decimal.
func (f *Formatter) Millions(vnd int64) string { return Millions(vnd, f.Lang) }

// Money writes an amount in đồng in full: 3.410.000.000 đồng.
func (f *Formatter) Money(vnd int64) string { return f.Int(vnd) + " " + f.t.Units.Dong }

// MoneyShort writes an amount in the unit reports use for it, to at most
// two decimals: 3,41 tỷ đồng, 380 triệu đồng. Amounts under a million are
// written in full. An amount that rounds to 1.000 triệu is written in tỷ:
// 999.999.999 đồng is 1 tỷ đồng, while 995.000.000 stays 995 triệu đồng.
func (f *Formatter) MoneyShort(vnd int64) string {
	millionths := roundDiv(vnd, 1e4) // hundredths of a million
	switch {
	case abs(millionths) >= 1000*100:
		return f.Decimal(roundDiv(vnd, 1e7), 2) + " " + f.t.Units.Billion
	case abs(vnd) >= 1e6:
		return f.Decimal(millionths, 2) + " " + f.t.Units.Million
	}
	return f.Money(vnd)
}

// Percent writes a share in per cent to one decimal, always written, and
// without its sign: 66,7 and 8,0 (vi), 66.7 (en).
func (f *Formatter) Percent(p float64) string {
	if math.IsNaN(p) || math.IsInf(p, 0) {
		return ""
	}
	n := int64(math.Round(math.Abs(p) * 10))
	_, dec := separators(f.Lang)
	return f.Int(n/10) + string(dec) + strconv.FormatInt(n%10, 10)
}

// Quarter writes a quarter for a title: Quý III/2025, Q3 2025.
func (f *Formatter) Quarter(q record.Quarter) string {
	return templates.Expand(f.t.Periods.Quarter, f.quarterValues(q))
}

func (f *Formatter) quarterValues(q record.Quarter) map[string]string {
	name := strconv.Itoa(q.Num())
	if n := f.t.Periods.QuarterNames; len(n) == 4 {
		name = n[q.Num()-1]
	}
	return map[string]string{"q": name, "n": strconv.Itoa(q.Num()), "year": strconv.Itoa(q.Year())}
}

// Period writes a period for a report's title: Quý III/2025, 6 tháng đầu
// năm 2025, Năm 2025, Giai đoạn 2021 - 2025; in English Q3 2025, H1 2025,
// 2025, 2021–2025.
func (f *Formatter) Period(p record.Period) string {
	return f.period(p, false)
}

// PeriodWords writes a period in a sentence: quý III năm 2025, năm 2025;
// in English the third quarter of 2025, 2025.
func (f *Formatter) PeriodWords(p record.Period) string {
	return f.period(p, true)
}

func (f *Formatter) period(p record.Period, words bool) string {
	t := &f.t.Periods
	y := strconv.Itoa(p.First.Year())
	switch p.Kind {
	case record.KindQuarter:
		if words {
			return templates.Expand(t.QuarterWords, f.quarterValues(p.First))
		}
		return f.Quarter(p.First)
	case record.KindHalf:
		if p.First.Num() <= 2 {
			return templates.Expand(t.Half1, map[string]string{"year": y})
		}
		return templates.Expand(t.Half2, map[string]string{"year": y})
	case record.KindYear:
		if words {
			return templates.Expand(t.YearWords, map[string]string{"year": y})
		}
		return templates.Expand(t.Year, map[string]string{"year": y})
	case record.KindYears:
		form := t.Years
		if words {
			form = t.YearsWords
		}
		return templates.Expand(form, map[string]string{"from": y, "to": strconv.Itoa(p.Last.Year())})
	case record.KindRange:
		if p.First.Num() == 1 && p.Last.Num() == 3 && p.First.Year() == p.Last.Year() {
			return templates.Expand(t.NineMonths, map[string]string{"year": y})
		}
		if words {
			return templates.Expand(t.RangeWords, map[string]string{
				"from": templates.Expand(t.QuarterWords, f.quarterValues(p.First)),
				"to":   templates.Expand(t.QuarterWords, f.quarterValues(p.Last)),
			})
		}
		return templates.Expand(t.Range, map[string]string{"from": f.Quarter(p.First), "to": f.Quarter(p.Last)})
	}
	return ""
}

// Date writes a day: ngày 05 tháng 10 năm 2025 (the day below 10 and the
// months 1 and 2 written with two digits, as Decree 30/2020/NĐ-CP and
// Hướng dẫn 36-HD/VPTW want), 5 October 2025.
func (f *Formatter) Date(d time.Time) string {
	month := strconv.Itoa(int(d.Month()))
	if m := f.t.Periods.Months; len(m) == 12 {
		month = m[d.Month()-1]
	}
	return templates.Expand(f.t.Periods.Date, map[string]string{
		"day": strconv.Itoa(d.Day()), "day2": fmt.Sprintf("%02d", d.Day()),
		"month": month, "year": strconv.Itoa(d.Year()),
	})
}

// EndOf returns the last day of a period, a report's date when none is
// given: never the clock's, so that the same data always gives the same
// document.
func EndOf(p record.Period) time.Time {
	return time.Date(p.Last.Year(), time.Month(p.Last.Num()*3), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, -1)
}
