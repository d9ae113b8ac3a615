package gazetteer

import (
	"errors"
	"maps"
	"slices"
	"testing"
)

func TestRollUpProvinces(t *testing.T) {
	g := gz(t)
	tests := []struct {
		old, want string
	}{
		{"Bến Tre", "Tỉnh Vĩnh Long"},
		{"Đắk Nông", "Tỉnh Lâm Đồng"},
		{"Hà Giang", "Tỉnh Tuyên Quang"},
		{"Bình Dương", "Thành phố Hồ Chí Minh"},
		{"Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh"},
		{"Lạng Sơn", "Tỉnh Lạng Sơn"},
		{"Quảng Trị", "Tỉnh Quảng Trị"}, // code 45 before, 44 after
	}
	for _, tt := range tests {
		r, err := g.RollUpPlace(Place{Province: tt.old})
		if err != nil {
			t.Errorf("RollUpPlace(%q): %v", tt.old, err)
			continue
		}
		if r.Province.FullName != tt.want || r.Province.Era != Era2025 || r.From.Level != LevelProvince || len(r.Targets) != 0 {
			t.Errorf("RollUpPlace(%q) = %+v, want province %s", tt.old, r, tt.want)
		}
	}
	// Every old province maps to one new province, and every new province
	// receives at least one.
	covered := map[string]bool{}
	for _, p := range g.Provinces(EraPre2025) {
		r, err := g.RollUp(p)
		if err != nil {
			t.Fatalf("RollUp(%v): %v", p, err)
		}
		covered[r.Province.Code] = true
	}
	if len(covered) != 34 {
		t.Errorf("old provinces cover %d new provinces, want 34", len(covered))
	}
}

func TestRollUpCommunes(t *testing.T) {
	g := gz(t)
	tests := []struct {
		name      string
		place     Place
		wantProv  string
		wantSplit bool
		want      []string // target full names, in list order
		wantWhole []bool
	}{
		{"whole, renamed type", Place{Province: "Quảng Ninh", District: "Ba Chẽ", Commune: "Thị trấn Ba Chẽ"},
			"Tỉnh Quảng Ninh", false, []string{"Xã Ba Chẽ"}, []bool{true}},
		{"split", Place{Province: "Hà Nội", District: "Ba Đình", Commune: "Phường Cống Vị"},
			"Thành phố Hà Nội", true, []string{"Phường Giảng Võ", "Phường Ngọc Hà"}, []bool{false, false}},
		{"split, by code", Place{Commune: "00007"},
			"Thành phố Hà Nội", true, []string{"Phường Giảng Võ", "Phường Ngọc Hà"}, []bool{false, false}},
		{"split with a whole part", Place{Province: "Hà Tĩnh", District: "Thị xã Kỳ Anh", Commune: "Kỳ Lợi"},
			"Tỉnh Hà Tĩnh", true, []string{"Phường Hoành Sơn", "Phường Sông Trí", "Phường Vũng Áng"}, []bool{false, false, true}},
		{"island district", Place{Province: "Hải Phòng", District: "Bạch Long Vĩ"},
			"Thành phố Hải Phòng", false, []string{"Đặc khu Bạch Long Vĩ"}, []bool{true}},
		{"island district to another province", Place{Province: "Bà Rịa - Vũng Tàu", District: "Côn Đảo"},
			"Thành phố Hồ Chí Minh", false, []string{"Đặc khu Côn Đảo"}, []bool{true}},
		{"district alone", Place{Province: "Bến Tre", District: "Châu Thành"},
			"Tỉnh Vĩnh Long", false, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := g.RollUpPlace(tt.place)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			var whole []bool
			for _, x := range r.Targets {
				names = append(names, x.Unit.FullName)
				whole = append(whole, x.Whole)
				if x.Unit.Era != Era2025 || x.Unit.ProvinceCode != r.Province.Code || x.Note == "" {
					t.Errorf("target %+v", x)
				}
			}
			if r.Province.FullName != tt.wantProv || r.Split() != tt.wantSplit || !slices.Equal(names, tt.want) || !slices.Equal(whole, tt.wantWhole) {
				t.Errorf("RollUpPlace(%+v) = province %s, split %v, targets %q %v; want %s, %v, %q %v",
					tt.place, r.Province.FullName, r.Split(), names, whole, tt.wantProv, tt.wantSplit, tt.want, tt.wantWhole)
			}
			c, ok := r.Commune()
			if ok != (len(tt.want) == 1) || (ok && c.FullName != tt.want[0]) {
				t.Errorf("Commune() = %v, %v", c, ok)
			}
		})
	}
}

// TestRollUpEveryCommune rolls up all 10,035 old communes and checks the
// counts of PROVENANCE.md against the table read independently.
func TestRollUpEveryCommune(t *testing.T) {
	g := gz(t)
	want := map[string][]string{} // old commune code -> new codes
	for _, r := range readData(t, "old_to_new.csv") {
		if r["level"] == "commune" {
			want[r["old_code"]] = append(want[r["old_code"]], r["new_code"])
		}
	}
	byTargets := map[int]int{}
	split := 0
	for _, p := range g.Provinces(EraPre2025) {
		for _, c := range g.Communes(p) {
			r, err := g.RollUp(c)
			if err != nil {
				t.Fatalf("RollUp(%v): %v", c, err)
			}
			got := codes(unitsOf(r.Targets))
			w := slices.Clone(want[c.Code])
			slices.Sort(got)
			slices.Sort(w)
			if !slices.Equal(got, w) {
				t.Errorf("RollUp(%v) targets %v, want %v", c, got, w)
			}
			byTargets[len(r.Targets)]++
			if r.Split() {
				split++
			} else if !r.Targets[0].Whole {
				t.Errorf("RollUp(%v): single target not whole", c)
			}
		}
	}
	if wantCounts := map[int]int{1: 9595, 2: 368, 3: 55, 4: 16, 5: 1}; !maps.Equal(byTargets, wantCounts) {
		t.Errorf("communes by number of targets %v, want %v", byTargets, wantCounts)
	}
	if split != 440 {
		t.Errorf("%d split communes, want 440", split)
	}
}

func TestRollUp2025AndErrors(t *testing.T) {
	g := gz(t)
	c, err := g.ByCode(Era2025, "06970")
	if err != nil {
		t.Fatal(err)
	}
	r, err := g.RollUp(c)
	if err != nil || r.Province.Code != "22" || len(r.Targets) != 1 || r.Targets[0].Unit.Code != "06970" {
		t.Errorf("RollUp(2025 commune) = %+v, %v", r, err)
	}
	p, _ := g.Province(Era2025, "20")
	if r, err := g.RollUp(p); err != nil || r.Province.Code != "20" || r.Targets != nil {
		t.Errorf("RollUp(2025 province) = %+v, %v", r, err)
	}
	if _, err := g.RollUp(Unit{Era: EraPre2025, Level: LevelCommune, Code: "99999"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("RollUp(unknown) error = %v, want ErrNotFound", err)
	}
	if _, err := g.RollUp(Unit{Era: EraPre2025, Level: LevelProvince, Code: "00001"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("RollUp(wrong level) error = %v, want ErrNotFound", err)
	}
	if _, err := g.RollUp(Unit{Code: "20"}); !errors.Is(err, ErrUnknownEra) {
		t.Errorf("RollUp(no era) error = %v, want ErrUnknownEra", err)
	}
	if _, err := g.RollUpPlace(Place{Province: "Hà Nội", Commune: "Phường 1"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("RollUpPlace(unknown) error = %v, want ErrNotFound", err)
	}
}

func unitsOf(ts []Target) []Unit {
	out := make([]Unit, len(ts))
	for i, x := range ts {
		out[i] = x.Unit
	}
	return out
}
