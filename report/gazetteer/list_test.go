package gazetteer

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// compareVietnamese compares a and b in Vietnamese alphabetical order, as
// the package sorts lists.
func compareVietnamese(a, b string) int {
	return collate.New(language.Vietnamese, collate.Numeric).CompareString(a, b)
}

func TestProvinces(t *testing.T) {
	g := gz(t)
	for _, tt := range []struct {
		era            Era
		want           int
		tinh, thanhPho int
	}{
		{Era2025, 34, 28, 6},
		{EraPre2025, 63, 57, 6},
	} {
		ps := g.Provinces(tt.era)
		if len(ps) != tt.want {
			t.Fatalf("Provinces(%v): %d, want %d", tt.era, len(ps), tt.want)
		}
		types := map[string]int{}
		names := make([]string, len(ps))
		for i, p := range ps {
			types[p.Type]++
			names[i] = p.Name
		}
		if types["tỉnh"] != tt.tinh || types["thành phố"] != tt.thanhPho {
			t.Errorf("Provinces(%v) types %v", tt.era, types)
		}
		if !slices.IsSortedFunc(names, compareVietnamese) {
			t.Errorf("Provinces(%v) not in Vietnamese order: %q", tt.era, names)
		}
	}
	if g.Provinces(Era(0)) != nil {
		t.Error("Provinces(0) != nil")
	}
}

// TestOrderDBeforeĐ checks that in every list of communes the names starting
// with D come before those starting with Đ.
func TestOrderDBeforeĐ(t *testing.T) {
	g := gz(t)
	both := 0
	for _, p := range g.Provinces(Era2025) {
		lastD, firstĐ := -1, -1
		for i, c := range g.Communes(p) {
			switch []rune(c.Name)[0] {
			case 'D':
				lastD = i
			case 'Đ':
				if firstĐ < 0 {
					firstĐ = i
				}
			}
		}
		if lastD >= 0 && firstĐ >= 0 {
			both++
			if lastD > firstĐ {
				t.Errorf("Communes(%s): last D at %d, after first Đ at %d", p.FullName, lastD, firstĐ)
			}
		}
	}
	if both == 0 {
		t.Error("no province has communes starting with both D and Đ")
	}
}

func TestCommunesAndDistricts(t *testing.T) {
	g := gz(t)
	// Per-province counts from the 2025 resolutions (PROVENANCE.md).
	for _, tt := range []struct {
		province string
		want     int
	}{
		{"Hà Nội", 126}, {"Hồ Chí Minh", 168}, {"Gia Lai", 135}, {"Lai Châu", 38}, {"Lạng Sơn", 65},
	} {
		p, err := g.Province(Era2025, tt.province)
		if err != nil {
			t.Fatal(err)
		}
		cs := g.Communes(p)
		if len(cs) != tt.want {
			t.Errorf("Communes(%s): %d, want %d", p.FullName, len(cs), tt.want)
		}
		for _, c := range cs {
			if c.ProvinceCode != p.Code || c.Level != LevelCommune {
				t.Errorf("Communes(%s) has %v", p.FullName, c)
			}
		}
	}
	for _, tt := range []struct {
		era                 Era
		districts, communes int
		byType              map[string]int
	}{
		{Era2025, 0, 3321, map[string]int{"xã": 2621, "phường": 687, "đặc khu": 13}},
		{EraPre2025, 696, 10035, map[string]int{"xã": 7692, "phường": 1726, "thị trấn": 617}},
	} {
		nd, nc, seen := 0, 0, map[string]bool{}
		types := map[string]int{}
		for _, p := range g.Provinces(tt.era) {
			ds := g.Districts(p)
			nd += len(ds)
			cs := g.Communes(p)
			nc += len(cs)
			for _, c := range cs {
				seen[c.Code] = true
				types[c.Type]++
			}
			names := make([]string, len(cs))
			for i, c := range cs {
				names[i] = c.Name
			}
			if !slices.IsSortedFunc(names, compareVietnamese) {
				t.Errorf("Communes(%s) not in Vietnamese order", p.FullName)
			}
			inDistricts := 0
			for _, d := range ds {
				inDistricts += len(g.Communes(d))
			}
			if tt.era == EraPre2025 && inDistricts != len(cs) {
				t.Errorf("%s: %d communes in its districts, %d in the province", p.FullName, inDistricts, len(cs))
			}
		}
		if nd != tt.districts || nc != tt.communes || len(seen) != tt.communes {
			t.Errorf("%v: %d districts, %d communes (%d distinct), want %d, %d", tt.era, nd, nc, len(seen), tt.districts, tt.communes)
		}
		for typ, n := range tt.byType {
			if types[typ] != n {
				t.Errorf("%v: %d communes of type %s, want %d", tt.era, types[typ], typ, n)
			}
		}
	}
	// Numbered wards sort by number.
	q3, err := g.Resolve(EraPre2025, Place{Province: "79", District: "Quận 10"})
	if err != nil {
		t.Fatal(err)
	}
	var wards []string
	for _, c := range g.Communes(q3) {
		wards = append(wards, c.Name)
	}
	if i2, i10 := slices.Index(wards, "2"), slices.Index(wards, "10"); i2 < 0 || i10 < 0 || i2 > i10 {
		t.Errorf("Communes(Quận 10) = %q, want Phường 2 before Phường 10", wards)
	}
	// Communes of a commune, districts of a district or of a 2025 province.
	c, _ := g.ByCode(Era2025, "06970")
	p, _ := g.Province(Era2025, "20")
	if g.Communes(c) != nil || g.Districts(p) != nil || g.Communes(Unit{Era: Era2025, Level: LevelProvince, Code: "83"}) != nil {
		t.Error("want nil lists for units without such children")
	}
}

func TestSearch(t *testing.T) {
	g := gz(t)
	tests := []struct {
		era       Era
		query     string
		wantFirst []string // leading results, full names
		wantAll   func(Unit) bool
		wantN     int // exact count, or -1
	}{
		{Era2025, "bac son", []string{"Xã Bắc Sơn"}, nil, -1},
		{Era2025, "Lạng Sơn", []string{"Tỉnh Lạng Sơn"}, nil, -1},
		{EraPre2025, "Bắc Sơn", []string{"Huyện Bắc Sơn"}, func(u Unit) bool { return u.Level != LevelProvince }, -1},
		{EraPre2025, "Phường Bắc Sơn", nil, func(u Unit) bool { return u.Type == "phường" }, 6},
		{EraPre2025, "xa bac son", nil, func(u Unit) bool { return u.Type == "xã" }, -1},
		{Era2025, "Văn Lang", []string{"Xã Văn Lang"}, nil, -1},
		{Era2025, "zzzz", nil, nil, 0},
		{Era2025, "", nil, nil, 0},
	}
	for _, tt := range tests {
		got := g.Search(tt.era, tt.query)
		names := fullNames(got)
		if tt.wantN >= 0 && len(got) != tt.wantN {
			t.Errorf("Search(%v, %q): %d results %q, want %d", tt.era, tt.query, len(got), names, tt.wantN)
		}
		if len(names) < len(tt.wantFirst) || !slices.Equal(names[:len(tt.wantFirst)], tt.wantFirst) {
			t.Errorf("Search(%v, %q) = %q, want to start with %q", tt.era, tt.query, names, tt.wantFirst)
		}
		for _, u := range got {
			if tt.wantAll != nil && !tt.wantAll(u) {
				t.Errorf("Search(%v, %q) returned %v", tt.era, tt.query, u)
			}
		}
	}
	// Whole words only: "an" finds names with a word starting with "an",
	// never one where "an" is inside a word.
	for _, u := range g.Search(Era2025, "an") {
		if !containsWords(FoldKey(u.Name), "an") {
			t.Errorf("Search(an) returned %v", u)
		}
	}
}

func TestContainsWords(t *testing.T) {
	tests := []struct {
		s, words string
		want     bool
	}{
		{"tan an", "an", true},
		{"an phu", "an", true},
		{"tan phu", "an", false},
		{"tan phu", "phu", true},
		{"bac son moi", "bac son", true},
		{"tay bac son", "bac son", true},
		{"bac sonmoi", "bac son", true},
		{"x", "xy", false},
	}
	for _, tt := range tests {
		if got := containsWords(tt.s, tt.words); got != tt.want {
			t.Errorf("containsWords(%q, %q) = %v", tt.s, tt.words, got)
		}
	}
}

// TestOrder2022 checks that the lists of Era2022, whose unit ids run past
// those of EraPre2025, are in the order of their own era.
func TestOrder2022(t *testing.T) {
	g := New()
	communes := 0
	for _, p := range g.Provinces(Era2022) {
		cs := g.Communes(p)
		communes += len(cs)
		names := make([]string, len(cs))
		for i, c := range cs {
			names[i] = c.Name
		}
		if !slices.IsSortedFunc(names, compareVietnamese) {
			t.Errorf("Communes(%s) of 2022 not in Vietnamese order", p.FullName)
		}
	}
	if communes != 10599 {
		t.Errorf("%d communes in 2022, want 10599", communes)
	}
	// Names shared with communes of Cà Mau, whose communes have the last ids.
	us := g.Named(Era2022, LevelCommune, "Phường 1")
	if len(us) < 2 || us[len(us)-1].ProvinceCode != "96" || !slices.IsSortedFunc(us, func(a, b Unit) int { return strings.Compare(a.Code, b.Code) }) {
		t.Errorf("Named(2022, Phường 1) = %q", codes(us))
	}
	_, err := g.Resolve(Era2022, Place{Province: "Thừa Thiên Huế", District: "Phú Vang", Commune: "Thuận An"})
	var le *LookupError
	if !errors.As(err, &le) || !errors.Is(err, ErrMisplaced) || len(le.Candidates) < 2 ||
		!slices.IsSortedFunc(le.Candidates, func(a, b Unit) int { return strings.Compare(a.Code, b.Code) }) {
		t.Errorf("Resolve(2022, Phú Vang, Thuận An): %v", err)
	}
}
