package format

import (
	"testing"

	"github.com/dvkreport/dvkreport/report/record"
)

func TestInt(t *testing.T) {
	tests := []struct {
		n      int64
		vi, en string
	}{
		{0, "0", "0"},
		{999, "999", "999"},
		{1000, "1.000", "1,000"},
		{3410000000, "3.410.000.000", "3,410,000,000"},
		{-1234567, "-1.234.567", "-1,234,567"},
	}
	for _, tt := range tests {
		if got := Int(tt.n, VI); got != tt.vi {
			t.Errorf("Int(%d, VI) = %q, want %q", tt.n, got, tt.vi)
		}
		if got := Int(tt.n, EN); got != tt.en {
			t.Errorf("Int(%d, EN) = %q, want %q", tt.n, got, tt.en)
		}
	}
}

func TestMoneyShort(t *testing.T) {
	tests := []struct {
		vnd    int64
		vi, en string
	}{
		{3410000000, "3,41 tỷ đồng", "VND 3.41 billion"},
		{380000000, "380 triệu đồng", "VND 380 million"},
		{348900000, "348,9 triệu đồng", "VND 348.9 million"},
		{662400000000, "662,4 tỷ đồng", "VND 662.4 billion"},
		{1000000000, "1 tỷ đồng", "VND 1 billion"},
		// At the rounding boundary the larger unit wins.
		{999999999, "1 tỷ đồng", "VND 1 billion"},
		{994999999, "995 triệu đồng", "VND 995 million"},
		{995000000, "995 triệu đồng", "VND 995 million"},
		{999994999, "999,99 triệu đồng", "VND 999.99 million"},
		{999995000, "1 tỷ đồng", "VND 1 billion"},
		{999999, "999.999 đồng", "999,999 VND"},
		{1000000, "1 triệu đồng", "VND 1 million"},
		{0, "0 đồng", "0 VND"},
	}
	for _, tt := range tests {
		if got := MoneyShort(tt.vnd, VI); got != tt.vi {
			t.Errorf("MoneyShort(%d, VI) = %q, want %q", tt.vnd, got, tt.vi)
		}
		if got := MoneyShort(tt.vnd, EN); got != tt.en {
			t.Errorf("MoneyShort(%d, EN) = %q, want %q", tt.vnd, got, tt.en)
		}
	}
}

func TestMoneyAndMillions(t *testing.T) {
	if got := Money(3410000000, VI); got != "3.410.000.000 đồng" {
		t.Errorf("Money = %q", got)
	}
	if got := Money(705000000, EN); got != "705,000,000 VND" {
		t.Errorf("Money EN = %q", got)
	}
	tests := []struct {
		vnd int64
		vi  string
	}{
		{3410000000, "3.410"}, {348900000, "348,9"}, {500000, "0,5"}, {49999, "0"}, {50000, "0,1"}, {0, "0"},
	}
	for _, tt := range tests {
		if got := Millions(tt.vnd, VI); got != tt.vi {
			t.Errorf("Millions(%d) = %q, want %q", tt.vnd, got, tt.vi)
		}
	}
}

func TestPeriod(t *testing.T) {
	tests := []struct {
		in     string
		vi, en string
	}{
		{"2025-Q3", "Quý III/2025", "Q3 2025"},
		{"2025-H1", "6 tháng đầu năm 2025", "H1 2025"},
		{"2025-H2", "6 tháng cuối năm 2025", "H2 2025"},
		{"2025", "Năm 2025", "2025"},
		{"2021-2025", "Giai đoạn 2021 - 2025", "2021–2025"},
		{"2024-Q3..2025-Q2", "Quý III/2024 – Quý II/2025", "Q3 2024 – Q2 2025"},
	}
	for _, tt := range tests {
		p, err := record.ParsePeriod(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := Period(p, VI); got != tt.vi {
			t.Errorf("Period(%s, VI) = %q, want %q", tt.in, got, tt.vi)
		}
		if got := Period(p, EN); got != tt.en {
			t.Errorf("Period(%s, EN) = %q, want %q", tt.in, got, tt.en)
		}
	}
}
