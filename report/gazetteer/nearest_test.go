package gazetteer

import (
	"slices"
	"testing"
)

func TestNearest(t *testing.T) {
	g := gz(t)
	tests := []struct {
		name      string
		era       Era
		place     Place
		wantFirst string   // full name of the nearest unit, "" for none
		wantIn    string   // province code all results must lie in, or ""
		wantAll   []string // all results' full names, if not nil
	}{
		{"misspelt commune", Era2025, Place{Province: "Lạng Sơn", Commune: "Bac Sonn"}, "Xã Bắc Sơn", "20", nil},
		{"misspelt commune with prefix", Era2025, Place{Province: "Lạng Sơn", Commune: "Xã Bắc Sơnn"}, "Xã Bắc Sơn", "20", nil},
		{"swapped letters", Era2025, Place{Province: "Quảng Ninh", Commune: "Ba Hcẽ"}, "Xã Ba Chẽ", "22", nil},
		{"misspelt province", Era2025, Place{Province: "Lang Sonn"}, "Tỉnh Lạng Sơn", "", nil},
		{"misspelt district", EraPre2025, Place{Province: "Lạng Sơn", District: "Bac Sn"}, "Huyện Bắc Sơn", "20", nil},
		{"in district", EraPre2025, Place{Province: "Lạng Sơn", District: "Bắc Sơn", Commune: "Bac Sonn"}, "Thị trấn Bắc Sơn", "20", nil},
		{"unknown province searches country", Era2025, Place{Province: "Atlantis", Commune: "Ba Chee"}, "Xã Ba Chẽ", "", nil},
		{"nothing near", Era2025, Place{Province: "Lạng Sơn", Commune: "Zzzzzzzzzz"}, "", "", []string{}},
		{"empty", Era2025, Place{}, "", "", []string{}},
		{"at most three", Era2025, Place{Province: "Thành phố Hồ Chí Minh", Commune: "Phuong Tan Hoa"}, "Phường Tân Hòa", "79", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := g.Nearest(tt.era, tt.place)
			if len(got) > MaxNearest {
				t.Errorf("Nearest(%+v): %d results", tt.place, len(got))
			}
			names := fullNames(got)
			if tt.wantAll != nil && !slices.Equal(names, tt.wantAll) {
				t.Errorf("Nearest(%+v) = %q, want %q", tt.place, names, tt.wantAll)
			}
			if tt.wantFirst != "" && (len(names) == 0 || names[0] != tt.wantFirst) {
				t.Errorf("Nearest(%+v) = %q, want %q first", tt.place, names, tt.wantFirst)
			}
			for _, u := range got {
				if tt.wantIn != "" && u.ProvinceCode != tt.wantIn {
					t.Errorf("Nearest(%+v) returned %v, outside province %s", tt.place, u, tt.wantIn)
				}
			}
		})
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"bac son", "bac son", 2, 0},
		{"bac sonn", "bac son", 2, 1},
		{"bca son", "bac son", 2, 1}, // adjacent swap
		{"ba son", "bac son", 2, 1},
		{"lang son", "bac son", 2, 3}, // beyond the limit: limit+1
		{"", "abc", 5, 3},
		{"abc", "", 1, 2},
		{"hòa", "hoa", 2, 1},
	}
	var d distance
	for _, tt := range tests {
		if got := d.between(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("between(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

func TestEditDistanceOfNames(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"Xã An Bienn", "Xã An Biên", 1},
		{"an bien", "Xã An Biên", 0},
		{"Lạng Sơn", "Tỉnh Lạng Sơn", 0},
		{"An Bình", "An Biên", 2},
	} {
		if got := EditDistance(c.a, c.b); got != c.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
