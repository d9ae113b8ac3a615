package names_test

import (
	"slices"
	"testing"

	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/names"
)

// A district is found by its name though a commune of the same name (its
// thị trấn) is found first: "Lạng Sơn/Huyện Bình Gia" was no locality,
// and a split by district of Lạng Sơn failed on five of its eleven
// districts (a twenty-third review). The thị trấn is found by its own.
func TestLocateDistrictBesideItsTown(t *testing.T) {
	g := gazetteer.Default()
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"Lạng Sơn/Huyện Bình Gia", []string{"Lạng Sơn", "Huyện Bình Gia"}},
		{"Lạng Sơn/Huyện Cao Lộc", []string{"Lạng Sơn", "Huyện Cao Lộc"}},
		{"Lạng Sơn/Huyện Chi Lăng", []string{"Lạng Sơn", "Huyện Chi Lăng"}},
		{"Lạng Sơn/Thị trấn Bình Gia", []string{"Lạng Sơn", "Huyện Bình Gia", "Thị trấn Bình Gia"}},
	} {
		got, ok := names.Locate(g, gazetteer.EraPre2025, tc.name)
		if !ok || !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, %v; want %q", tc.name, got, ok, tc.want)
		}
	}
}
