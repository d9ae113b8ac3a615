package format

import (
	"testing"
	"time"

	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/templates"
)

func formatters(t *testing.T) (vi, en *Formatter) {
	t.Helper()
	v, err := templates.Load("vi", "")
	if err != nil {
		t.Fatal(err)
	}
	e, err := templates.Load("en", "")
	if err != nil {
		t.Fatal(err)
	}
	return New(VI, &v.Texts), New(EN, &e.Texts)
}

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
	vi, en := formatters(t)
	tests := []struct {
		vnd    int64
		vi, en string
	}{
		{3410000000, "3,41 tỷ đồng", "3.41 billion VND"},
		{13570000000, "13,57 tỷ đồng", "13.57 billion VND"},
		{380000000, "380 triệu đồng", "380 million VND"},
		{348900000, "348,9 triệu đồng", "348.9 million VND"},
		{662400000000, "662,4 tỷ đồng", "662.4 billion VND"},
		{1000000000, "1 tỷ đồng", "1 billion VND"},
		// At the rounding boundary the larger unit wins.
		{999999999, "1 tỷ đồng", "1 billion VND"},
		{995000000, "995 triệu đồng", "995 million VND"},
		{999994999, "999,99 triệu đồng", "999.99 million VND"},
		{999995000, "1 tỷ đồng", "1 billion VND"},
		{500000, "500.000 đồng", "500,000 VND"},
		{0, "0 đồng", "0 VND"},
	}
	for _, tt := range tests {
		if got := vi.MoneyShort(tt.vnd); got != tt.vi {
			t.Errorf("MoneyShort(%d) vi = %q, want %q", tt.vnd, got, tt.vi)
		}
		if got := en.MoneyShort(tt.vnd); got != tt.en {
			t.Errorf("MoneyShort(%d) en = %q, want %q", tt.vnd, got, tt.en)
		}
	}
	if got := vi.Money(3410000000); got != "3.410.000.000 đồng" {
		t.Error(got)
	}
}

func TestPeriodsAndDates(t *testing.T) {
	vi, en := formatters(t)
	for _, tt := range []struct {
		p                                  string
		viTitle, viWords, enTitle, enWords string
	}{
		{"2025-Q3", "Quý III/2025", "quý III năm 2025", "Q3 2025", "the third quarter of 2025"},
		{"2025-H1", "6 tháng đầu năm 2025", "6 tháng đầu năm 2025", "H1 2025", "H1 2025"},
		{"2025-H2", "6 tháng cuối năm 2025", "6 tháng cuối năm 2025", "H2 2025", "H2 2025"},
		{"2025", "Năm 2025", "năm 2025", "2025", "2025"},
		{"2021-2025", "Giai đoạn 2021 - 2025", "giai đoạn 2021 - 2025", "2021–2025", "2021–2025"},
		{"9 tháng đầu năm 2025", "9 tháng đầu năm 2025", "9 tháng đầu năm 2025", "the first nine months of 2025", "the first nine months of 2025"},
		// "Trong giai đoạn từ …", "In the period from …": not "Trong từ …".
		{"2024-Q3..2025-Q2", "Quý III/2024 – Quý II/2025", "giai đoạn từ quý III năm 2024 đến quý II năm 2025", "Q3 2024 – Q2 2025", "the period from the third quarter of 2024 to the second quarter of 2025"},
	} {
		p, err := record.ParsePeriod(tt.p)
		if err != nil {
			t.Fatal(err)
		}
		if got := []string{vi.Period(p), vi.PeriodWords(p), en.Period(p), en.PeriodWords(p)}; got[0] != tt.viTitle || got[1] != tt.viWords || got[2] != tt.enTitle || got[3] != tt.enWords {
			t.Errorf("%s: %q", tt.p, got)
		}
	}
	for _, tt := range []struct {
		d      time.Time
		vi, en string
	}{
		{time.Date(2025, 10, 5, 0, 0, 0, 0, time.UTC), "ngày 05 tháng 10 năm 2025", "5 October 2025"},
		{time.Date(2025, 2, 20, 0, 0, 0, 0, time.UTC), "ngày 20 tháng 02 năm 2025", "20 February 2025"},
		{time.Date(2018, 4, 3, 0, 0, 0, 0, time.UTC), "ngày 03 tháng 4 năm 2018", "3 April 2018"},
	} {
		if got := vi.Date(tt.d); got != tt.vi {
			t.Errorf("vi %v = %q", tt.d, got)
		}
		if got := en.Date(tt.d); got != tt.en {
			t.Errorf("en %v = %q", tt.d, got)
		}
	}
	if got := EndOf(record.QuarterPeriod(2025, 3)); got.Format("2006-01-02") != "2025-09-30" {
		t.Error(got)
	}
	if vi.Percent(66.6667) != "66,7" || en.Percent(-12.34) != "12.3" {
		t.Error("percent")
	}
}
