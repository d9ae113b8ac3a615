package gazetteer

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/dvkreport/dvkreport/report/gazetteer/internal/namekey"
)

func TestKey(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Lạng Sơn", "lạng sơn"},
		{"province prefix", "Tỉnh Lạng Sơn", "lạng sơn"},
		{"upper case prefix", "TỈNH LẠNG SƠN", "lạng sơn"},
		{"city prefix", "Thành phố Hồ Chí Minh", "hồ chí minh"},
		{"TP. prefix", "TP. Hồ Chí Minh", "hồ chí minh"},
		{"TP prefix", "TP Hồ Chí Minh", "hồ chí minh"},
		{"TP.glued", "TP.Hồ Chí Minh", "hồ chí minh"},
		{"TX. prefix", "TX. Sơn Tây", "sơn tây"},
		{"TX glued", "TX.Sơn Tây", "sơn tây"},
		{"TT. prefix", "TT. Bát Xát", "bát xát"},
		{"tt lower", "tt Phố Lu", "phố lu"},
		// One letter is no prefix: Thị trấn P Rao and Xã H Bông are names.
		{"P is a name", "P Rao", "p rao"},
		{"H is a name", "H Bông", "h bông"},
		// With a full stop, one letter is a unit type (review 40).
		{"X. prefix", "X. Đức Long", "đức long"},
		{"P. glued", "P.Đông Kinh", "đông kinh"},
		{"T. prefix", "T. Cao Bằng", "cao bằng"},
		{"H. prefix", " h. Bắc Sơn", "bắc sơn"},
		{"Q. numbered", "Q. 10", "10"},
		{"a letter and its stop alone", "X.", "x"},
		{"T.P", "T.P Lạng Sơn", "lạng sơn"},
		{"T.X.", "T.X. Quảng Yên", "quảng yên"},
		{"t.t", "t.t Na Sầm", "na sầm"},
		{"commune prefix", "Xã Bắc Sơn", "bắc sơn"},
		{"ward prefix", "phường Bến Nghé", "bến nghé"},
		{"town prefix", "Thị trấn Ba Chẽ", "ba chẽ"},
		{"special zone prefix", "Đặc khu Phú Quốc", "phú quốc"},
		{"district prefixes", "Huyện Bắc Sơn", "bắc sơn"},
		{"urban district", "Quận Ba Đình", "ba đình"},
		{"district-level town", "Thị xã Kỳ Anh", "kỳ anh"},
		{"numbered ward", "Phường 1", "1"},
		{"numbered ward bare", "1", "1"},
		{"numbered district", "Quận 10", "10"},
		{"numbered ward with a zero", "Phường 06", "6"},
		{"numbered district with a zero", "Quận 03", "3"},
		{"ward number 10", "Phường 10", "10"},
		{"longer number kept", "0009", "0009"},
		{"prefix is whole name", "Phường", "phường"},
		{"two-word prefix is whole name", "Thị trấn", "thị trấn"},
		{"only one prefix removed", "Phường Phường Đúc", "phường đúc"},
		{"prefix without diacritics kept", "Quan Sơn", "quan sơn"},
		{"prefix without diacritics kept 2", "Xa Dung", "xa dung"},
		{"tone oa old", "Khánh Hoà", "khánh hòa"},
		{"tone oa new", "Khánh Hòa", "khánh hòa"},
		{"tone uy", "Thuý", "thúy"},
		{"tone uy dot", "Thụy Hương", "thụy hương"},
		{"tone uy dot old", "Thuỵ Hương", "thụy hương"},
		{"tone oe", "Khoẻ", "khỏe"},
		{"tone oe new", "Khỏe", "khỏe"},
		{"tone not final", "Hoàng Mai", "hoàng mai"},
		{"tone with consonant", "Quỳnh Lưu", "quỳnh lưu"},
		{"apostrophe", "Ea H'leo", "ea hleo"},
		{"right quote", "Ea H’leo", "ea hleo"},
		{"modifier apostrophe", "Ea Hʼleo", "ea hleo"},
		{"apostrophe and space", "Ia H' Drai", "ia hdrai"},
		{"space before apostrophe", "Ia H 'Drai", "ia hdrai"},
		{"spaces", "  Bà   Rịa  -  Vũng Tàu ", "bà rịa vũng tàu"},
		{"hyphen", "Bà Rịa-Vũng Tàu", "bà rịa vũng tàu"},
		{"tab", "Lạng\tSơn", "lạng sơn"},
		{"mixed case", "KRông Búk", "krông búk"},
		{"NFD", norm.NFD.String("Tỉnh Khánh Hoà"), "khánh hòa"},
		{"empty", "", ""},
		{"punctuation only", " - ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Key(tt.in); got != tt.want {
				t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFoldKey(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Tỉnh Lạng Sơn", "lang son"},
		{"lang son", "lang son"},
		{"Đắk Lắk", "dak lak"},
		{"ĐẮK NÔNG", "dak nong"},
		{"Thừa Thiên Huế", "thua thien hue"},
		{"Khánh Hoà", "khanh hoa"},
		{norm.NFD.String("Khánh Hòa"), "khanh hoa"},
		{"Thành phố Hồ Chí Minh", "ho chi minh"},
		// A prefix written without diacritics is kept: it could be a name.
		{"Thanh pho Ho Chi Minh", "thanh pho ho chi minh"},
		{"Quan Sơn", "quan son"},
		{"Phường 1", "1"},
		{"Ưu Điềm", "uu diem"},
	}
	for _, tt := range tests {
		if got := FoldKey(tt.in); got != tt.want {
			t.Errorf("FoldKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSameName(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Khánh Hoà", "Khánh Hòa", true},
		{"khanh hoa", "Tỉnh Khánh Hòa", true},
		{norm.NFD.String("Khánh Hòa"), "Khánh Hoà", true},
		{"Ho Chi Minh", "Thành phố Hồ Chí Minh", true},
		{"TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh", true},
		{"Thanh pho Ho Chi Minh", "Hồ Chí Minh", true},
		{"Phường 1", "1", true},
		{"phuong 1", "1", true},
		{"Phường Đúc", "Phường Phường Đúc", true},
		{"Quận 1", "Phường 1", true},
		{"Ea H'leo", "Ea H’Leo", true},
		{"Văn Lang", "Văn Lăng", true}, // equal without diacritics
		{"Phường 1", "Phường 10", false},
		{"Lạng Sơn", "Bắc Sơn", false},
		{"Hòa", "Hóa", true},
		{"Tân Hòa", "Tân Hội", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got := SameName(tt.a, tt.b); got != tt.want {
			t.Errorf("SameName(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestKeyOfEveryName checks, over every name of every list, that Key does
// not depend on normalisation form, letter case or tone placement.
func TestKeyOfEveryName(t *testing.T) {
	moveTone := strings.NewReplacer("hòa", "hoà", "hóa", "hoá", "thủy", "thuỷ", "thụy", "thuỵ", "hỏa", "hoả")
	files := []string{"provinces-2025.csv", "communes-2025.csv", "provinces-2008.csv", "districts-2008.csv", "communes-2008.csv"}
	n := 0
	var startsWithPrefix []string
	for _, f := range files {
		for _, r := range readData(t, f) {
			name, full := r["name"], r["full_name"]
			// The index holds the short name normalised, prefix kept.
			k := namekey.Normalize(name)
			if k == "" {
				t.Errorf("%s %s: empty key for %q", f, r["code"], name)
			}
			if Key(name) != k {
				startsWithPrefix = append(startsWithPrefix, full)
			}
			if got := Key(full); got != k {
				t.Errorf("%s %s: Key(%q) = %q, want %q", f, r["code"], full, got, k)
			}
			for _, variant := range []string{norm.NFD.String(full), strings.ToUpper(full), moveTone.Replace(strings.ToLower(full))} {
				if got := Key(variant); got != k {
					t.Errorf("Key(%q) = %q, want %q", variant, got, k)
				}
			}
			n++
		}
	}
	if want := 34 + 3321 + 63 + 696 + 10035; n != want {
		t.Errorf("checked %d names, want %d", n, want)
	}
	// Only one short name starts with a unit-type prefix; lookups find it
	// through the key with the prefix kept.
	if want := []string{"Phường Phường Đúc"}; !slices.Equal(startsWithPrefix, want) {
		t.Errorf("names starting with a prefix: %q, want %q", startsWithPrefix, want)
	}
}
