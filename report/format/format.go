// Package format writes numbers, money and periods the way Vietnamese and
// English reports print them: 3.410.000.000 đồng and 3,41 tỷ đồng in
// Vietnamese (dot for thousands, comma for decimals), 3,410,000,000 VND and
// VND 3.41 billion in English; Quý III/2025 and Q3 2025.
package format

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dvkreport/dvkreport/report/record"
)

// Lang is a report language.
type Lang uint8

const (
	VI Lang = iota // Vietnamese
	EN             // English
)

// ParseLang reads vi or en.
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "vi", "vn", "vie":
		return VI, nil
	case "en", "eng":
		return EN, nil
	}
	return 0, fmt.Errorf("unknown language %q: want vi or en", s)
}

func (l Lang) String() string {
	if l == EN {
		return "en"
	}
	return "vi"
}

func (l Lang) separators() (thousands, decimal byte) {
	if l == EN {
		return ',', '.'
	}
	return '.', ','
}

// Int writes n with thousands separators: 3.410.000.000 (vi), 3,410,000,000 (en).
func Int(n int64, l Lang) string {
	th, _ := l.separators()
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
	_, dec := l.separators()
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

// Money writes an amount in đồng in full: 3.410.000.000 đồng, or
// 3,410,000,000 VND.
func Money(vnd int64, l Lang) string {
	if l == EN {
		return Int(vnd, l) + " VND"
	}
	return Int(vnd, l) + " đồng"
}

// MoneyShort writes an amount in the unit reports use for it, to at most
// two decimals: 3,41 tỷ đồng, 380 triệu đồng; in English VND 3.41 billion,
// VND 380 million. Amounts under a million are written in full. An amount
// that rounds to 1.000 triệu is written in tỷ: 999.999.999 đồng is 1 tỷ
// đồng, while 995.000.000 stays 995 triệu đồng.
func MoneyShort(vnd int64, l Lang) string {
	millionths := roundDiv(vnd, 1e4) // hundredths of a million
	switch {
	case abs(millionths) >= 1000*100:
		h := roundDiv(vnd, 1e7) // hundredths of a billion
		if l == EN {
			return "VND " + Decimal(h, 2, l) + " billion"
		}
		return Decimal(h, 2, l) + " tỷ đồng"
	case abs(vnd) >= 1e6:
		if l == EN {
			return "VND " + Decimal(millionths, 2, l) + " million"
		}
		return Decimal(millionths, 2, l) + " triệu đồng"
	}
	return Money(vnd, l)
}

// Millions writes an amount in millions of đồng to one decimal, for table
// columns headed "triệu đồng": 3.410, 348,9, 0,5.
func Millions(vnd int64, l Lang) string {
	return Decimal(roundDiv(vnd, 1e5), 1, l)
}

var roman = [...]string{"", "I", "II", "III", "IV"}

// Period writes a period for a report's title: Quý III/2025, 6 tháng đầu
// năm 2025, Năm 2025, Giai đoạn 2021 - 2025; in English Q3 2025, H1 2025,
// 2025, 2021–2025.
func Period(p record.Period, l Lang) string {
	y := p.First.Year()
	switch p.Kind {
	case record.KindQuarter:
		if l == EN {
			return fmt.Sprintf("Q%d %d", p.First.Num(), y)
		}
		return fmt.Sprintf("Quý %s/%d", roman[p.First.Num()], y)
	case record.KindHalf:
		h := (p.First.Num() + 1) / 2
		if l == EN {
			return fmt.Sprintf("H%d %d", h, y)
		}
		if h == 1 {
			return fmt.Sprintf("6 tháng đầu năm %d", y)
		}
		return fmt.Sprintf("6 tháng cuối năm %d", y)
	case record.KindYear:
		if l == EN {
			return strconv.Itoa(y)
		}
		return fmt.Sprintf("Năm %d", y)
	case record.KindYears:
		if l == EN {
			return fmt.Sprintf("%d–%d", y, p.Last.Year())
		}
		return fmt.Sprintf("Giai đoạn %d - %d", y, p.Last.Year())
	case record.KindRange:
		return Period(record.QuarterPeriod(y, p.First.Num()), l) + " – " + Period(record.QuarterPeriod(p.Last.Year(), p.Last.Num()), l)
	}
	return ""
}
