package xls

import (
	"encoding/binary"
	"math"
	"strconv"
)

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
