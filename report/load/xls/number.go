package xls

import (
	"encoding/binary"
	"math"
	"strconv"
	"strings"
)

// date1904Offset moves a serial of the 1904 date system to the 1900 system:
// 1904-01-01 is serial 0 in the one and 1462 in the other.
const date1904Offset = 1462

func le64(b []byte) uint64 { return binary.LittleEndian.Uint64(b) }

// rk decodes an RK number: a 30-bit integer or the high 30 bits of a
// float64, optionally to be divided by 100.
func rk(v uint32) float64 {
	var f float64
	if v&0x02 != 0 {
		f = float64(int32(v) >> 2)
	} else {
		f = math.Float64frombits(uint64(v&^3) << 32)
	}
	if v&0x01 != 0 {
		f /= 100
	}
	return f
}

// formatNumber writes a number as package load's XLSX reader presents it:
// integral values below 1e15 in magnitude as integer digits, others as the
// shortest text that parses back to the same float64. A NaN or infinity,
// which Excel never stores, is shown as Excel shows an invalid number.
func formatNumber(v float64) string {
	a := math.Abs(v)
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "#NUM!"
	case a < 1e15 && v == math.Trunc(v):
		return strconv.FormatInt(int64(v), 10)
	case a >= 1e-5 && a < 1e15:
		// To 15 significant digits, the precision Excel keeps (as the
		// XLSX reader does): a formula's 0.30000000000000004 is 0.3.
		r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
		if r == math.Trunc(r) {
			return strconv.FormatInt(int64(r), 10)
		}
		return strconv.FormatFloat(r, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'E', -1, 64)
}

// builtinDateFormat tells whether a built-in number format (one that no
// FORMAT record defines) is a date or time format: 14–22 and 45–47, and
// the locale-dependent date formats of East Asian and Thai versions.
func builtinDateFormat(id int) bool {
	switch {
	case 14 <= id && id <= 22, 27 <= id && id <= 36, 45 <= id && id <= 47,
		50 <= id && id <= 58, 71 <= id && id <= 81:
		return true
	}
	return false
}

// isDateFormat tells whether a number format string formats dates or
// times: leaving out quoted text, escaped characters and [bracketed] parts
// (colours, locales, conditions, elapsed-time units), it has more of the
// date and time letters (y m d h s, and e for years in some locales) than of
// the digit placeholders (0 # ?). This is the rule of xlrd and other
// readers.
func isDateFormat(f string) bool {
	switch strings.ToLower(f) {
	case "general", "@", "":
		return false
	}
	var dates, digits int
	quoted, escaped, bracket := false, false, false
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case escaped:
			escaped = false
		case quoted:
			quoted = c != '"'
		case bracket:
			bracket = c != ']'
		case c == '"':
			quoted = true
		case c == '\\' || c == '_' || c == '*':
			escaped = true
		case c == '[':
			bracket = true
		case c == 'G' || c == 'g':
			// "General" in a format with other sections or text.
			if len(f)-i >= 7 && strings.EqualFold(f[i:i+7], "general") {
				i += 6
			}
		case strings.IndexByte("ymdhseYMDHS", c) >= 0:
			dates++
		case c == '0' || c == '#' || c == '?':
			digits++
		}
	}
	return dates > digits
}
