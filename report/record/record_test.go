package record

import (
	"errors"
	"github.com/dvkreport/dvkreport/report/msg"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in   string
		want string
		kind PeriodKind
	}{
		{"2025-Q3", "2025-Q3", KindQuarter},
		{"Q3/2025", "2025-Q3", KindQuarter},
		{"Quý III/2025", "2025-Q3", KindQuarter},
		{"Quí III/2025", "2025-Q3", KindQuarter}, {"quí 4 năm 2025", "2025-Q4", KindQuarter},
		{"quý iii/2025", "2025-Q3", KindQuarter},
		{"quy 3/2025", "2025-Q3", KindQuarter},
		{"Quý 4 năm 2024", "2024-Q4", KindQuarter},
		{"2025Q1", "2025-Q1", KindQuarter},
		{"q2-2025", "2025-Q2", KindQuarter},
		{norm.NFD.String("Quý II/2025"), "2025-Q2", KindQuarter},
		{"2025", "2025", KindYear},
		{"Năm 2025", "2025", KindYear},
		{"2025-H1", "2025-H1", KindHalf},
		{"H2/2024", "2024-H2", KindHalf},
		{"6 tháng đầu năm 2025", "2025-H1", KindHalf},
		{"6 tháng cuối năm 2025", "2025-H2", KindHalf},
		{"2021-2025", "2021-2025", KindYears},
		{"Giai đoạn 2020–2025", "2020-2025", KindYears},
		{" 2021 - 2025 ", "2021-2025", KindYears},
		{"2024-Q3..2025-Q2", "2024-Q3..2025-Q2", KindRange},
		{"2025-Q1..2025-Q4", "2025", KindYear},
		{"2025-Q1..2025-Q2", "2025-H1", KindHalf},
		{"2025-07-15", "2025-Q3", KindQuarter},
		{"31/12/2024", "2024-Q4", KindQuarter},
	}
	for _, tt := range tests {
		p, err := ParsePeriod(tt.in)
		if err != nil {
			t.Errorf("ParsePeriod(%q): %v", tt.in, err)
			continue
		}
		if got := p.String(); got != tt.want || p.Kind != tt.kind {
			t.Errorf("ParsePeriod(%q) = %s (kind %d), want %s (kind %d)", tt.in, got, p.Kind, tt.want, tt.kind)
		}
		// The canonical form reads back as the same period.
		again, err := ParsePeriod(p.String())
		if err != nil || again != p {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v", p.String(), again, err, p)
		}
	}
}

func TestParsePeriodErrors(t *testing.T) {
	for _, in := range []string{
		"", "Q5/2025", "Quý V/2025", "2025-Q0", "H3/2025", "2025-2021", "25-Q3", "1850",
		"2025-Q3..2025-Q1", "Q3", "2025-Q3-Q4", "hôm qua", "3/2025", "2025-13-01", "32/01/2025",
	} {
		if p, err := ParsePeriod(in); err == nil {
			t.Errorf("ParsePeriod(%q) = %v, want an error", in, p)
		} else if !errors.Is(err, ErrPeriod) {
			t.Errorf("ParsePeriod(%q) error %v does not wrap ErrPeriod", in, err)
		}
	}
}

func TestPeriodContains(t *testing.T) {
	must := func(s string) Period {
		p, err := ParsePeriod(s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		outer, inner string
		want         bool
	}{
		{"2025", "2025-Q3", true},
		{"2025-Q3", "2025", false},
		{"2021-2025", "2025-H1", true},
		{"2025-H1", "2025-Q3", false},
		{"2021-2025", "2020-2025", false},
		{"2025-Q3", "2025-Q3", true},
	}
	for _, tt := range tests {
		if got := must(tt.outer).Contains(must(tt.inner)); got != tt.want {
			t.Errorf("%s contains %s = %v, want %v", tt.outer, tt.inner, got, tt.want)
		}
	}
	if u := must("2021-2025").Union(must("2020-2025")); u.String() != "2020-2025" {
		t.Errorf("union = %s, want 2020-2025", u)
	}
	if u := (Period{}).Union(must("2025-Q3")); u.String() != "2025-Q3" {
		t.Errorf("union with zero = %s", u)
	}
}

func TestParseField(t *testing.T) {
	tests := []struct {
		in   string
		want Field
	}{
		{"economy", Economy},
		{"Kinh tế", Economy},
		{"KINH TẾ", Economy},
		{"kinh te", Economy},
		{"Văn hóa - Xã hội", CultureSociety},
		{norm.NFD.String("Văn hoá – xã hội"), CultureSociety},
		{"culture_society", CultureSociety},
		{"Quốc phòng - An ninh", DefenseSecurity},
		{"defense_security", DefenseSecurity},
		{"Xây dựng Đảng và hệ thống chính trị", PartyBuilding},
		{"party_building", PartyBuilding},
		{"", Unclassified},
		{"  ", Unclassified},
		{"Chưa phân loại", Unclassified},
	}
	for _, tt := range tests {
		got, err := ParseField(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseField(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	if _, err := ParseField("Nông nghiệp"); err == nil {
		t.Error("ParseField(Nông nghiệp) succeeded, want an error")
	}
}

func TestParseStatus(t *testing.T) {
	tests := []struct {
		in   string
		want Status
	}{
		{"", NotStated}, {"new", New}, {"Xây dựng mới", New}, {"MỚI", New}, {"XD mới", New},
		{"sustained", Sustained}, {"Duy trì", Sustained}, {"duy tri", Sustained},
	}
	for _, tt := range tests {
		got, err := ParseStatus(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseStatus(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	if _, err := ParseStatus("đã dừng"); err == nil {
		t.Error("ParseStatus(đã dừng) succeeded, want an error")
	}
}

func TestFold(t *testing.T) {
	tests := map[string]string{
		"Văn hóa - Xã hội":     "van hoa - xa hoi",
		"  ĐẮK   Song ":        "dak song",
		norm.NFD.String("Hoà"): "hoa",
	}
	for in, want := range tests {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPosAndInputError(t *testing.T) {
	e := &InputError{Pos: Pos{File: "a.csv", Row: 7, Col: 10}, Column: "funds_vnd", Msg: msg.New("error", "negative")}
	if got, want := e.Error(), "a.csv:7:10: funds_vnd: negative"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	p := Pos{File: "b.xlsx", Sheet: "Quý 3", Row: 4}
	if got, want := p.String(), "b.xlsx[Quý 3]:4"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	p.Col = 3
	if got, want := p.String(), "b.xlsx[Quý 3]:4:3 (C4)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	for n, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 52: "AZ", 703: "AAA"} {
		if got := ColumnName(n); got != want {
			t.Errorf("ColumnName(%d) = %q, want %q", n, got, want)
		}
	}
}

// A name retyped with or without punctuation is one name (review 40: "Nuôi
// bò sinh sản." in a later quarter counted as a second model); a point or
// a comma between digits is part of the name.
func TestSameNamePunctuation(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"Nuôi bò sinh sản", "Nuôi bò sinh sản.", true},
		{"Nuôi bò sinh sản", "Nuôi bò sinh sản;", true},
		{"Nuôi bò sinh sản", `"Nuôi bò, sinh sản"`, true},
		{"Nuôi bò sinh sản", "Nuôi bò (sinh sản)", true},
		{"Nuôi bò sinh sản", "Nuoi bo sinh san...", true},
		{"Mô hình số 1", "Mô hình số 1.", true},
		{"Tổ 1.2", "Tổ 12", false},
		{"Tổ 1,5 ha", "Tổ 15 ha", false},
		{"Tổ 1.2", "Tổ 1 2", false},
	} {
		if got := SameName(tc.a, tc.b); got != tc.same {
			t.Errorf("SameName(%q, %q) = %v; want %v", tc.a, tc.b, got, tc.same)
		}
	}
}
