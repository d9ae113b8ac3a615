package gazetteer

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/dvkreport/dvkreport/report/gazetteer/internal/namekey"
)

func TestProvince(t *testing.T) {
	g := gz(t)
	tests := []struct {
		era      Era
		in       string
		wantCode string
		wantErr  error
	}{
		{Era2025, "Khánh Hoà", "56", nil},
		{Era2025, "Khánh Hòa", "56", nil},
		{Era2025, "khanh hoa", "56", nil},
		{Era2025, "Tỉnh Khánh Hòa", "56", nil},
		{Era2025, norm.NFD.String("Khánh Hòa"), "56", nil},
		{Era2025, norm.NFD.String("Tỉnh Khánh Hoà"), "56", nil},
		{Era2025, "KHANH HOA", "56", nil},
		{Era2025, "Ho Chi Minh", "79", nil},
		{Era2025, "TP. Hồ Chí Minh", "79", nil},
		{Era2025, "TP Hồ Chí Minh", "79", nil},
		{Era2025, "Thành phố Hồ Chí Minh", "79", nil},
		{Era2025, "thanh pho ho chi minh", "79", nil},
		{Era2025, "tp ho chi minh", "79", nil},
		{Era2025, "lang son", "20", nil},
		{Era2025, "Tinh Lang Son", "20", nil},
		{Era2025, "20", "20", nil},
		{Era2025, " 20 ", "20", nil},
		{Era2025, "1", "01", nil},
		{Era2025, "Đắk Lắk", "66", nil},
		{Era2025, "Huế", "46", nil},
		{EraPre2025, "Hoà Bình", "17", nil},
		{EraPre2025, "Hòa Bình", "17", nil},
		{EraPre2025, "hoa binh", "17", nil},
		{EraPre2025, "Bà Rịa - Vũng Tàu", "77", nil},
		{EraPre2025, "Bà Rịa-Vũng Tàu", "77", nil},
		{EraPre2025, "Bến Tre", "83", nil},
		{EraPre2025, "Huế", "46", nil}, // a centrally-run city since 1 January 2025
		{EraPre2025, "Thừa Thiên Huế", "", ErrNotFound},
		{EraPre2025, "20", "20", nil},
		{Era2025, "Bến Tre", "", ErrNotFound},        // merged into Vĩnh Long in 2025
		{Era2025, "Thừa Thiên Huế", "", ErrNotFound}, // Thành phố Huế since 2025
		{Era2025, "83", "", ErrNotFound},
		{Era2025, "Atlantis", "", ErrNotFound},
		{Era2025, "", "", ErrNotFound},
		{Era(0), "Lạng Sơn", "", ErrUnknownEra},
	}
	for _, tt := range tests {
		t.Run(tt.era.String()+"/"+tt.in, func(t *testing.T) {
			u, err := g.Province(tt.era, tt.in)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Province(%v, %q) error = %v, want %v", tt.era, tt.in, err, tt.wantErr)
			}
			if u.Code != tt.wantCode {
				t.Errorf("Province(%v, %q) = %s %q, want code %s", tt.era, tt.in, u.Code, u.FullName, tt.wantCode)
			}
			if err == nil && (u.Level != LevelProvince || u.Era != tt.era) {
				t.Errorf("Province(%v, %q) = %+v, want a province of %v", tt.era, tt.in, u, tt.era)
			}
		})
	}
}

func TestProvinceCodeNames(t *testing.T) {
	g := gz(t)
	u, err := g.Province(Era2025, "20")
	if err != nil {
		t.Fatal(err)
	}
	if u.Name != "Lạng Sơn" || u.FullName != "Tỉnh Lạng Sơn" || u.Type != "tỉnh" || u.ProvinceCode != "20" || u.Province != "Tỉnh Lạng Sơn" {
		t.Errorf("Province(2025, 20) = %+v", u)
	}
	if got := u.String(); got != "Tỉnh Lạng Sơn" {
		t.Errorf("String() = %q", got)
	}
}

// TestEveryCommune2025 resolves each of the 3,321 communes of 2025 from its
// own name and province, in several spellings.
func TestEveryCommune2025(t *testing.T) {
	g := gz(t)
	provinces := byCode(readData(t, "provinces-2025.csv"))
	communes := readData(t, "communes-2025.csv")
	if len(communes) != 3321 {
		t.Fatalf("%d communes, want 3321", len(communes))
	}
	for _, c := range communes {
		p := provinces[c["province_code"]]
		places := []Place{
			{Province: p["full_name"], Commune: c["full_name"]},
			{Province: p["name"], Commune: c["name"]},
			{Province: p["code"], Commune: c["name"]},
			{Province: p["name"], Commune: c["code"]},
			{Province: p["name"], District: "ignored in 2025", Commune: c["full_name"]},
		}
		for _, pl := range places {
			u, err := g.Resolve(Era2025, pl)
			if err != nil {
				t.Errorf("Resolve(2025, %+v): %v", pl, err)
				continue
			}
			if u.Code != c["code"] || u.FullName != c["full_name"] || u.Name != c["name"] || u.ProvinceCode != p["code"] || u.Province != p["full_name"] {
				t.Errorf("Resolve(2025, %+v) = %+v, want %s", pl, u, c["code"])
			}
		}
	}
}

// TestEveryCommunePre2025 resolves each of the 10,035 communes of before 2025
// from its name, district and province.
func TestEveryCommunePre2025(t *testing.T) {
	g := gz(t)
	provinces := byCode(readData(t, "provinces-2008.csv"))
	districts := byCode(readData(t, "districts-2008.csv"))
	communes := readData(t, "communes-2008.csv")
	if len(communes) != 10035 {
		t.Fatalf("%d communes, want 10035", len(communes))
	}
	ambiguous := 0
	for _, c := range communes {
		d := districts[c["parent_code"]]
		p := provinces[d["parent_code"]]
		full := Place{Province: p["full_name"], District: d["full_name"], Commune: c["full_name"]}
		u, err := g.Resolve(EraPre2025, full)
		if err != nil {
			t.Errorf("Resolve(pre-2025, %+v): %v", full, err)
			continue
		}
		if u.Code != c["code"] || u.DistrictCode != d["code"] || u.District != d["full_name"] || u.ProvinceCode != p["code"] {
			t.Errorf("Resolve(pre-2025, %+v) = %+v, want %s", full, u, c["code"])
		}
		// Short names: unique except where a district has a xã and a
		// thị trấn of the same name.
		short := Place{Province: p["name"], District: d["name"], Commune: c["name"]}
		u, err = g.Resolve(EraPre2025, short)
		switch {
		case errors.Is(err, ErrAmbiguous):
			ambiguous++
			var le *LookupError
			if !errors.As(err, &le) || len(le.Candidates) != 2 || !slices.Contains(codes(le.Candidates), c["code"]) ||
				le.Candidates[0].DistrictCode != d["code"] || le.Candidates[1].DistrictCode != d["code"] ||
				le.Candidates[0].Type == le.Candidates[1].Type {
				t.Errorf("Resolve(pre-2025, %+v): %v: want two candidates of different types in district %s", short, err, d["code"])
			}
		case err != nil:
			t.Errorf("Resolve(pre-2025, %+v): %v", short, err)
		case u.Code != c["code"]:
			t.Errorf("Resolve(pre-2025, %+v) = %s, want %s", short, u, c["code"])
		}
	}
	if ambiguous != 36 {
		t.Errorf("%d communes ambiguous by short name within their district, want 36 (18 xã/thị trấn pairs)", ambiguous)
	}
}

// TestAmbiguousWithoutDistrict checks that an old commune named without its
// district, where its province has several of that name, is ambiguous and
// that the error names all their districts.
func TestAmbiguousWithoutDistrict(t *testing.T) {
	g := gz(t)
	districts := byCode(readData(t, "districts-2008.csv"))
	type key struct{ province, name string }
	groups := map[key][]row{}
	rawGroups := map[key]int{}
	for _, c := range readData(t, "communes-2008.csv") {
		prov := districts[c["parent_code"]]["parent_code"]
		k := key{prov, namekey.Normalize(c["full_name"])}
		groups[k] = append(groups[k], c)
		rawGroups[key{prov, c["full_name"]}]++
	}
	raw := 0
	for _, n := range rawGroups {
		if n > 1 {
			raw++
		}
	}
	// PROVENANCE's figure: 155 full names shared by communes of different
	// districts of one province, compared as written.
	if raw != 155 {
		t.Errorf("%d full names shared within a province as written, want 155", raw)
	}
	n, pairs := 0, 0
	for k, cs := range groups {
		if len(cs) < 2 {
			continue
		}
		n++
		if len(cs) == 2 {
			pairs++
		}
		var want []string
		for _, c := range cs {
			want = append(want, c["code"])
		}
		slices.Sort(want)
		q := Place{Province: k.province, Commune: cs[0]["full_name"]}
		_, err := g.Resolve(EraPre2025, q)
		var le *LookupError
		if !errors.Is(err, ErrAmbiguous) || !errors.As(err, &le) {
			t.Errorf("Resolve(pre-2025, %+v) error = %v, want ErrAmbiguous", q, err)
			continue
		}
		got := codes(le.Candidates)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("Resolve(pre-2025, %+v) candidates %v, want %v", q, got, want)
		}
		for _, c := range cs {
			if d := districts[c["parent_code"]]["full_name"]; !strings.Contains(err.Error(), d) {
				t.Errorf("error %q does not name district %s", err, d)
			}
		}
	}
	// After normalisation one more group appears: Xã Ayun (Huyện Chư Sê)
	// and Xã AYun (Huyện Mang Yang), both in Gia Lai.
	if n != 156 || pairs != 126 {
		t.Errorf("%d groups (%d pairs) of communes sharing a name in a province, want 156 (126)", n, pairs)
	}
}

// TestFoldedAmbiguity checks that a name without diacritics that matches
// several communes of a province is ambiguous, while the exact name is not.
func TestFoldedAmbiguity(t *testing.T) {
	g := gz(t)
	type key struct{ province, folded string }
	groups := map[key][]row{}
	for _, c := range readData(t, "communes-2025.csv") {
		k := key{c["province_code"], FoldKey(c["name"])}
		groups[k] = append(groups[k], c)
	}
	n, exact := 0, 0
	for k, cs := range groups {
		if len(cs) < 2 {
			continue
		}
		n++
		u, err := g.Resolve(Era2025, Place{Province: k.province, Commune: k.folded})
		// Xã Thanh An is written without diacritics: "thanh an" is its
		// exact key, so it is found before Xã Thạnh An is considered.
		if i := slices.IndexFunc(cs, func(c row) bool { return Key(c["name"]) == k.folded }); i >= 0 {
			exact++
			if err != nil || u.Code != cs[i]["code"] {
				t.Errorf("Resolve(2025, %s, %q) = %v, %v; want %s", k.province, k.folded, u, err, cs[i]["code"])
			}
			continue
		}
		var le *LookupError
		if !errors.As(err, &le) || !errors.Is(err, ErrAmbiguous) || len(le.Candidates) != len(cs) {
			t.Errorf("Resolve(2025, %s, %q) = %v, want ErrAmbiguous with %d candidates", k.province, k.folded, err, len(cs))
		}
		for _, c := range cs {
			u, err := g.Resolve(Era2025, Place{Province: k.province, Commune: c["name"]})
			if err != nil || u.Code != c["code"] {
				t.Errorf("Resolve(2025, %s, %q) = %v, %v; want %s", k.province, c["name"], u, err, c["code"])
			}
		}
	}
	if n != 10 || exact != 1 {
		t.Errorf("%d groups of 2025 communes equal without diacritics within a province (%d with an exact match), want 10 (1)", n, exact)
	}
}

func TestResolve(t *testing.T) {
	g := gz(t)
	tests := []struct {
		name     string
		era      Era
		place    Place
		wantCode string
		wantErr  error
		wantCand []string // candidate codes, for errors
	}{
		{"commune code 2025", Era2025, Place{Commune: "06970"}, "06970", nil, nil},
		{"commune code pre-2025", EraPre2025, Place{Commune: "06970"}, "06970", nil, nil},
		{"commune code in province", Era2025, Place{Province: "Quảng Ninh", Commune: "06970"}, "06970", nil, nil},
		{"commune code in wrong province", Era2025, Place{Province: "Lạng Sơn", Commune: "06970"}, "", ErrMisplaced, []string{"06970"}},
		{"commune in wrong province", Era2025, Place{Province: "Lạng Sơn", Commune: "Xã Ba Chẽ"}, "", ErrMisplaced, []string{"06970"}},
		{"misplaced is not found", Era2025, Place{Province: "Lạng Sơn", Commune: "Ba Che"}, "", ErrNotFound, []string{"06970"}},
		{"commune unknown", Era2025, Place{Province: "Lạng Sơn", Commune: "Xã Không Có"}, "", ErrNotFound, nil},
		{"commune code unknown", Era2025, Place{Commune: "99999"}, "", ErrNotFound, nil},
		{"bad province", Era2025, Place{Province: "Atlantis", Commune: "Xã Bắc Sơn"}, "", ErrNotFound, nil},
		{"commune nationwide unique", Era2025, Place{Commune: "Xã Bắc Sơn"}, "06325", nil, nil},
		{"commune nationwide folded", Era2025, Place{Commune: "xa bac son"}, "06325", nil, nil},
		{"commune nationwide ambiguous", Era2025, Place{Commune: "Phường 1"}, "", ErrNotFound, nil},
		{"numbered ward written with a zero in the list", Era2022, Place{Province: "79", District: "Quận Bình Thạnh", Commune: "Phường 6"}, "26932", nil, nil},
		{"numbered ward written with a zero", EraPre2025, Place{Province: "79", District: "Quận Gò Vấp", Commune: "Phường 06"}, "26876", nil, nil},
		{"four digits are no ward's number", EraPre2025, Place{Province: "79", District: "773", Commune: "0009"}, "", ErrNotFound, nil},
		{"ward named like a prefix", EraPre2025, Place{Province: "46", Commune: "Phường Phường Đúc"}, "19780", nil, nil},
		{"ward named like a prefix, short", EraPre2025, Place{Province: "46", Commune: "Phường Đúc"}, "19780", nil, nil},
		{"ward named like a prefix, folded", EraPre2025, Place{Province: "46", Commune: "phuong duc"}, "19780", nil, nil},
		{"name like a loose prefix", EraPre2025, Place{Province: "Hà Nội", Commune: "Quan Hoa"}, "00169", nil, nil},
		{"name like a loose prefix, typed", EraPre2025, Place{Province: "Hà Nội", Commune: "Phường Quan Hoa"}, "00169", nil, nil},
		{"name like a loose prefix, folded", EraPre2025, Place{Province: "Hà Nội", Commune: "phuong quan hoa"}, "00169", nil, nil},
		{"xa prefix and xa name", Era2025, Place{Province: "Điện Biên", Commune: "Xa Xa Dung"}, "03208", nil, nil},
		{"xa name", Era2025, Place{Province: "Điện Biên", Commune: "Xa Dung"}, "03208", nil, nil},
		{"numbered ward", EraPre2025, Place{Province: "79", District: "Quận 3", Commune: "Phường 1"}, "27160", nil, nil},
		{"numbered ward bare", EraPre2025, Place{Province: "79", District: "3", Commune: "1"}, "27160", nil, nil},
		{"numbered ward folded", EraPre2025, Place{Province: "Ho Chi Minh", District: "Quan 10", Commune: "phuong 1"}, "27184", nil, nil},
		{"numbered ward without district", EraPre2025, Place{Province: "79", Commune: "Phường 1"}, "", ErrAmbiguous, nil},
		{"district type decides", EraPre2025, Place{Province: "Hà Tĩnh", District: "Thị xã Kỳ Anh"}, "449", nil, nil},
		{"district type decides, folded", EraPre2025, Place{Province: "Hà Tĩnh", District: "Thi xa Ky Anh"}, "449", nil, nil},
		{"district ambiguous", EraPre2025, Place{Province: "Hà Tĩnh", District: "Kỳ Anh"}, "", ErrAmbiguous, []string{"447", "449"}},
		{"ambiguous district narrows commune", EraPre2025, Place{Province: "Hà Tĩnh", District: "Kỳ Anh", Commune: "Kỳ Lợi"}, "18796", nil, nil},
		{"commune type decides", EraPre2025, Place{Province: "Hà Nội", District: "Gia Lâm", Commune: "Thị trấn Yên Viên"}, "00526", nil, nil},
		{"commune type decides 2", EraPre2025, Place{Province: "Hà Nội", District: "Gia Lâm", Commune: "Xã Yên Viên"}, "00532", nil, nil},
		{"commune type missing", EraPre2025, Place{Province: "Hà Nội", District: "Gia Lâm", Commune: "Yên Viên"}, "", ErrAmbiguous, []string{"00526", "00532"}},
		{"commune in other district", EraPre2025, Place{Province: "Hà Nội", District: "Ba Đình", Commune: "Xã Yên Viên"}, "", ErrMisplaced, []string{"00532"}},
		{"district code", EraPre2025, Place{District: "185"}, "185", nil, nil},
		{"district in 2025", Era2025, Place{Province: "Lạng Sơn", District: "Bắc Sơn"}, "", ErrNoDistricts, nil},
		{"empty place", Era2025, Place{}, "", ErrNotFound, nil},
		{"bad era", Era(7), Place{Province: "20"}, "", ErrUnknownEra, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := g.Resolve(tt.era, tt.place)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Resolve(%v, %+v) = %v, %v; want error %v", tt.era, tt.place, u, err, tt.wantErr)
			}
			if u.Code != tt.wantCode {
				t.Errorf("Resolve(%v, %+v) = %s (%v), want code %q", tt.era, tt.place, u.Code, u, tt.wantCode)
			}
			if tt.wantCand != nil {
				var le *LookupError
				if !errors.As(err, &le) {
					t.Fatalf("error %v is not a *LookupError", err)
				}
				if got := codes(le.Candidates); !slices.Equal(got, tt.wantCand) {
					t.Errorf("candidates %v, want %v", got, tt.wantCand)
				}
			}
		})
	}
}

func TestLookupErrorMessage(t *testing.T) {
	g := gz(t)
	tests := []struct {
		era   Era
		place Place
		want  string
	}{
		{Era2025, Place{Province: "Lạng Sơn", Commune: "Xã Ba Chẽ"},
			`gazetteer: commune "Xã Ba Chẽ" in Tỉnh Lạng Sơn (2025): not found there, but exists elsewhere: Xã Ba Chẽ, Tỉnh Quảng Ninh`},
		{EraPre2025, Place{Province: "Hà Nội", District: "Gia Lâm", Commune: "Yên Viên"},
			`gazetteer: commune "Yên Viên" in Huyện Gia Lâm, Thành phố Hà Nội (pre-2025): ambiguous: Thị trấn Yên Viên, Huyện Gia Lâm, Thành phố Hà Nội | Xã Yên Viên, Huyện Gia Lâm, Thành phố Hà Nội`},
		{Era2025, Place{Province: "Atlantis"}, `gazetteer: province "Atlantis" (2025): not found`},
		{Era2025, Place{Province: "Lạng Sơn", District: "Bắc Sơn"}, `gazetteer: district "Bắc Sơn" (2025): no districts after 1 July 2025`},
	}
	for _, tt := range tests {
		_, err := g.Resolve(tt.era, tt.place)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Resolve(%v, %+v) error\n got %v\nwant %s", tt.era, tt.place, err, tt.want)
		}
	}
}

func TestByCode(t *testing.T) {
	g := gz(t)
	tests := []struct {
		era      Era
		code     string
		wantName string
		wantErr  error
	}{
		{Era2025, "20", "Tỉnh Lạng Sơn", nil},
		{Era2025, "06970", "Xã Ba Chẽ", nil},
		{EraPre2025, "06970", "Thị trấn Ba Chẽ", nil},
		{EraPre2025, "185", "Huyện Bắc Sơn", nil},
		{Era2025, "23938", "Xã Ia Mơ", nil},
		{Era2025, "00745", "Xã Phố Bảng", nil},
		{Era2025, "185", "", ErrNotFound},
		{Era2025, "83", "", ErrNotFound},
		{Era2025, "6970", "", ErrNotFound},
		{Era(0), "20", "", ErrUnknownEra},
	}
	for _, tt := range tests {
		u, err := g.ByCode(tt.era, tt.code)
		if !errors.Is(err, tt.wantErr) || u.FullName != tt.wantName {
			t.Errorf("ByCode(%v, %q) = %q, %v; want %q, %v", tt.era, tt.code, u.FullName, err, tt.wantName, tt.wantErr)
		}
	}
}

func TestCommuneProvinces(t *testing.T) {
	g := gz(t)
	tests := []struct {
		era  Era
		name string
		want []string
	}{
		{Era2025, "Xã Ba Chẽ", []string{"Tỉnh Quảng Ninh"}},
		{Era2025, "ba che", []string{"Tỉnh Quảng Ninh"}},
		{Era2025, "Bắc Sơn", []string{"Tỉnh Lạng Sơn"}},
		{EraPre2025, "Yên Viên", []string{"Thành phố Hà Nội"}},
		{Era2025, "Không Có", nil},
	}
	for _, tt := range tests {
		if got := fullNames(g.CommuneProvinces(tt.era, tt.name)); !slices.Equal(got, tt.want) {
			t.Errorf("CommuneProvinces(%v, %q) = %q, want %q", tt.era, tt.name, got, tt.want)
		}
	}
	// Communes named "Tân Hòa" exist in several provinces, listed in
	// alphabetical order of the province.
	var got []string
	for _, p := range g.CommuneProvinces(Era2025, "Tân Hòa") {
		got = append(got, p.Name)
	}
	if len(got) < 2 || !slices.IsSortedFunc(got, compareVietnamese) {
		t.Errorf("CommuneProvinces(2025, Tân Hòa) = %q, want several, sorted", got)
	}
}

func TestNamed(t *testing.T) {
	g := gz(t)
	tests := []struct {
		era   Era
		level Level
		name  string
		want  int
	}{
		{EraPre2025, LevelDistrict, "Châu Thành", 10},
		{EraPre2025, LevelDistrict, "Kỳ Anh", 2},
		{EraPre2025, LevelDistrict, "Thị xã Kỳ Anh", 1},
		{EraPre2025, LevelCommune, "Bắc Sơn", 16},
		{EraPre2025, LevelCommune, "Phường Bắc Sơn", 6},
		{Era2025, LevelCommune, "Bắc Sơn", 1},
		{Era2025, LevelProvince, "lang son", 1},
		{Era2025, LevelDistrict, "Châu Thành", 0},
		{Era2025, Level(9), "Châu Thành", 0},
	}
	for _, tt := range tests {
		got := g.Named(tt.era, tt.level, tt.name)
		if len(got) != tt.want {
			t.Errorf("Named(%v, %v, %q) = %d units %q, want %d", tt.era, tt.level, tt.name, len(got), fullNames(got), tt.want)
		}
		for _, u := range got {
			if u.Level != tt.level || !SameName(u.Name, tt.name) {
				t.Errorf("Named(%v, %v, %q) returned %v", tt.era, tt.level, tt.name, u)
			}
		}
	}
}
