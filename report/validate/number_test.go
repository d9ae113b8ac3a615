package validate

import (
	"errors"
	"strings"
	"testing"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		q    quantity
		st   style
		want int64
	}{
		{"", qtyCount, styleUnknown, 0},
		{"0", qtyCount, styleUnknown, 0},
		{"273", qtyCount, styleUnknown, 273},
		{"3.410.000.000", qtyMoney, styleUnknown, 3410000000},
		{"3,410,000,000", qtyMoney, styleUnknown, 3410000000},
		{"3 410 000 000", qtyMoney, styleUnknown, 3410000000},
		// Units as clerks abbreviate them, in a cell or its format.
		{"10 tr.đ", qtyMoney, styleEN, 10_000_000},
		{"10 trđ", qtyMoney, styleEN, 10_000_000},
		{"10 Tr.đồng", qtyMoney, styleEN, 10_000_000},
		{"10000 ng.đ", qtyMoney, styleEN, 10_000_000},
		{"1.5 triệu đ", qtyMoney, styleEN, 1_500_000},
		{"380 triệu", qtyMoney, styleUnknown, 380000000},
		{"380 TRIỆU ĐỒNG", qtyMoney, styleUnknown, 380000000},
		{"3,41 tỷ", qtyMoney, styleUnknown, 3410000000},
		{"3,41 tỷ đồng", qtyMoney, styleUnknown, 3410000000},
		{"1.5 billion", qtyMoney, styleUnknown, 1500000000},
		{"705.000.000 đ", qtyMoney, styleUnknown, 705000000},
		{"705.000.000đ", qtyMoney, styleUnknown, 705000000},
		{"VND 705,000,000", qtyMoney, styleUnknown, 705000000},
		{"705,000,000 VND", qtyMoney, styleUnknown, 705000000},
		{"348,9 triệu", qtyMoney, styleUnknown, 348900000},
		{"662,4 tỷ", qtyMoney, styleUnknown, 662400000000},
		{"1.234.567,5 nghìn", qtyMoney, styleUnknown, 1234567500},
		{"1,234,567.5 thousand", qtyMoney, styleUnknown, 1234567500},
		{"500k", qtyMoney, styleUnknown, 500000},
		// One separator before three digits: the table's style decides.
		{"1.234", qtyCount, styleVN, 1234},
		{"1,234", qtyCount, styleEN, 1234},
		{"8.500", qtyCount, styleVN, 8500},
		{"1.234 tỷ", qtyMoney, styleEN, 1234000000},
		{"1.234 tỷ", qtyMoney, styleVN, 1234000000000},
		// Other separators are unambiguous on their own.
		{"3,5 triệu", qtyMoney, styleUnknown, 3500000},
		{"2.5 million", qtyMoney, styleUnknown, 2500000},
		// Full-width digits, as an input method types them (a
		// twenty-fourth review found them refused).
		{"１２", qtyCount, styleUnknown, 12},
		{"１.５００.０００", qtyMoney, styleVN, 1500000},
	}
	for _, tt := range tests {
		got, err := parseNumber(tt.in, tt.q, tt.st, 0)
		if err != nil || got != tt.want {
			t.Errorf("parseNumber(%q, %d, %d) = %d, %v; want %d", tt.in, tt.q, tt.st, got, err, tt.want)
		}
	}
}

func TestParseNumberErrors(t *testing.T) {
	tests := []struct {
		in   string
		q    quantity
		st   style
		want string // part of the message
	}{
		{"1.234", qtyCount, styleUnknown, "ambiguous"},
		{"1,234", qtyMoney, styleUnknown, "ambiguous"},
		{"-5", qtyCount, styleUnknown, "negative"},
		{"(380.000.000)", qtyMoney, styleUnknown, "negative"},
		{"- 1 tỷ", qtyMoney, styleUnknown, "negative"},
		{"mười", qtyCount, styleUnknown, "not a number"},
		{"12a", qtyCount, styleUnknown, "not a number"},
		{"2,5", qtyCount, styleUnknown, "not a whole number"},
		{"0,5 đồng", qtyMoney, styleUnknown, "whole number of đồng"},
		{"5 triệu", qtyCount, styleUnknown, "only in money"},
		{"3.41E+09", qtyMoney, styleUnknown, "scientific"},
		{"1.23.4", qtyCount, styleUnknown, "misplaced"},
		{"1.234,5,6", qtyMoney, styleUnknown, "mixes"},
		{"99999999999999999999", qtyMoney, styleUnknown, "too large"},
		{"10000000000 tỷ", qtyMoney, styleUnknown, "too large"},
		{"tỷ", qtyMoney, styleUnknown, "not a number"},
		// A formula's error says so (a twenty-fourth review).
		{"#REF!", qtyMoney, styleUnknown, "formula error"},
		{" #div/0! ", qtyCount, styleUnknown, "formula error"},
		// A fuzzing campaign: 10^places overflowed past 18 places, 64 a
		// division by zero, 23 read as 1.
		{",0000000000000000000000000000000000000000000000000000000000000001", qtyCount, styleUnknown, "not a whole number"},
		{"0,00000200376420520689664", qtyCount, styleUnknown, "not a whole number"},
		{"0,00000200376420520689664", qtyMoney, styleUnknown, "whole number of đồng"},
		{"0,0000000000000000000008592494392508416 nghìn", qtyMoney, styleUnknown, "whole number of đồng"},
	}
	for _, tt := range tests {
		got, err := parseNumber(tt.in, tt.q, tt.st, 0)
		if err == nil {
			t.Errorf("parseNumber(%q) = %d, want an error with %q", tt.in, got, tt.want)
			continue
		}
		msg := err.Error()
		if errors.Is(err, errNegative) {
			msg = "negative"
		}
		if !strings.Contains(msg, tt.want) {
			t.Errorf("parseNumber(%q) error %q, want it to say %q", tt.in, msg, tt.want)
		}
	}
}

func TestDetectStyle(t *testing.T) {
	tests := []struct {
		cells []string
		want  style
	}{
		{[]string{"1.234", "3.410.000.000"}, styleVN},
		{[]string{"3,41 tỷ"}, styleVN},
		{[]string{"1,234", "3,410,000,000"}, styleEN},
		{[]string{"1.5 billion"}, styleEN},
		{[]string{"1.234", "1,234"}, styleUnknown},
		{[]string{"3.410.000.000", "1,234,567"}, styleUnknown},
		{[]string{"12", "380"}, styleUnknown},
		{[]string{"1.234.567,89"}, styleVN},
		{[]string{"1,234,567.89"}, styleEN},
	}
	for _, tt := range tests {
		if got := detectStyle(tt.cells); got != tt.want {
			t.Errorf("detectStyle(%q) = %d, want %d", tt.cells, got, tt.want)
		}
	}
}

// A cell that says đồng is in đồng, whatever the column's unit: "1.500.000
// đ" in a column of triệu đồng was read as 1.5 × 10¹² (a fourth review).
// One that says triệu is in triệu; one that says nothing is in the
// column's unit.
func TestOwnUnitInScaledColumn(t *testing.T) {
	for in, want := range map[string]int64{
		"1.500.000 đ": 1_500_000, "1.500.000đ": 1_500_000, "1.500.000 VNĐ": 1_500_000, "1.500.000 đồng": 1_500_000,
		"đ 1.500.000": 1_500_000, "2 triệu đồng": 2_000_000, "500 nghìn đồng": 500_000, "2": 2_000_000, "1,5": 1_500_000,
	} {
		got, err := parseNumber(in, qtyMoney, styleVN, 1_000_000)
		if err != nil || got != want {
			t.Errorf("parseNumber(%q) in a column of triệu đồng = %d, %v; want %d", in, got, err, want)
		}
	}
}
