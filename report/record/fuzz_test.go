package record

import "testing"

// FuzzParsePeriod: any text parses or fails without panicking; a parsed
// period is well-formed and reads back from its canonical form.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2025-Q3", "Q3/2025", "Quý III/2025", "quy 3/2025", "2025", "2025-H1", "6 tháng đầu năm 2025", "2021-2025", "2024-Q3..2025-Q2", "2025-07-15", "Q5/2025"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			return
		}
		if p.IsZero() || p.First > p.Last || p.First.Year() < minYear || p.Last.Year() > maxYear {
			t.Fatalf("ParsePeriod(%q) = %+v", s, p)
		}
		again, err := ParsePeriod(p.String())
		if err != nil || again != p {
			t.Fatalf("ParsePeriod(%q) = %v; its form %q reads back as %v, %v", s, p, p.String(), again, err)
		}
	})
}

// FuzzNames: Fold's short way is the decomposition's, and SameName is
// reflexive and symmetric, for any text.
func FuzzNames(f *testing.F) {
	for _, s := range [][2]string{{"Trồng chè", "“Trong che”"}, {"Tổ hoà giải", "Tổ hòa giải"}, {"Trồng dứa", "Trồng dừa"}, {"Duong\u00a0hoa", "Đường hoa"}, {"quý", "qúy"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := Fold(a), foldNFD(a); got != want {
			t.Fatalf("Fold(%+q) = %+q, want %+q", a, got, want)
		}
		if !SameName(a, a) {
			t.Fatalf("SameName(%+q, itself) is false", a)
		}
		if SameName(a, b) != SameName(b, a) {
			t.Fatalf("SameName(%+q, %+q) = %v, the other way %v", a, b, SameName(a, b), SameName(b, a))
		}
	})
}
