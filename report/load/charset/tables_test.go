package charset

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// readVectors reads a testdata file of "field<TAB>field" lines, skipping
// '#' comments.
func readVectors(t *testing.T, name string) [][2]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][2]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		a, b, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s: malformed line %q", name, line)
		}
		out = append(out, [2]string{a, b})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLetterVectors checks Decode and Encode against iconv's encoding of
// every precomposed Vietnamese letter (testdata/*-vectors.txt).
func TestLetterVectors(t *testing.T) {
	for _, tt := range []struct {
		file string
		cs   Charset
	}{
		{"tcvn3-vectors.txt", TCVN3},
		{"cp1258-vectors.txt", Windows1258},
	} {
		t.Run(tt.file, func(t *testing.T) {
			vs := readVectors(t, tt.file)
			if len(vs) != 134 {
				t.Fatalf("%d vectors, want 134", len(vs))
			}
			for _, v := range vs {
				raw, err := hex.DecodeString(v[0])
				if err != nil {
					t.Fatal(err)
				}
				letter := v[1]
				got, err := Decode(raw, tt.cs)
				if err != nil || got != letter {
					t.Errorf("Decode(%s) = %q, %v; want %q", v[0], got, err, letter)
				}
				enc, err := Encode(letter, tt.cs)
				if err != nil || string(enc) != string(raw) {
					t.Errorf("Encode(%q) = % x, %v; want % x", letter, enc, err, raw)
				}
			}
		})
	}
}

// TestByteTables checks the decoding of every single byte against glibc
// (testdata/*-bytes.txt): the TCVN3 literal table, and x/text's
// Windows-1258 as this package uses it.
func TestByteTables(t *testing.T) {
	for _, tt := range []struct {
		file string
		cs   Charset
	}{
		{"tcvn3-bytes.txt", TCVN3},
		{"cp1258-bytes.txt", Windows1258},
	} {
		t.Run(tt.file, func(t *testing.T) {
			vs := readVectors(t, tt.file)
			if len(vs) != 256 {
				t.Fatalf("%d bytes, want 256", len(vs))
			}
			for i, v := range vs {
				if want := fmt.Sprintf("%02x", i); v[0] != want {
					t.Fatalf("line for byte %s, want %s", v[0], want)
				}
				_, err := Decode([]byte{byte(i)}, tt.cs)
				if v[1] == "illegal" {
					if err == nil {
						t.Errorf("byte %02x: iconv rejects it, Decode accepts it", i)
					}
					continue
				}
				var want []rune
				for _, f := range strings.Fields(v[1]) {
					var r rune
					if _, err := fmt.Sscanf(f, "U+%X", &r); err != nil {
						t.Fatalf("byte %02x: %v", i, err)
					}
					want = append(want, r)
				}
				tab, err := byteTableFor(tt.cs)
				if err != nil {
					t.Fatal(err)
				}
				e := tab[i]
				got := []rune{rune(uint32(e))}
				if e>>32 != 0 {
					got = append(got, rune(e>>32))
				}
				if string(got) != string(want) {
					t.Errorf("byte %02x decodes to %U, iconv gives %U", i, got, want)
				}
			}
		})
	}
}

// TestTCVN3Capitals documents what glibc does with capitals: every toned
// capital is one byte, several of them in the C0 control range.
func TestTCVN3Capitals(t *testing.T) {
	tests := []struct {
		raw  byte
		want string
	}{
		{0x01, "Ú"}, {0x02, "Ụ"}, {0x04, "Ừ"}, {0x11, "Ứ"}, {0x17, "Ỵ"},
		{0x80, "À"}, {0x9F, "Ũ"}, {0xA2, "Â"}, {0xA7, "Đ"}, {0xC0, "Ắ"}, {0xFF, "Ố"},
		{0x09, "\t"}, {0x0A, "\n"}, {0x0D, "\r"},
	}
	for _, tt := range tests {
		got, err := Decode([]byte{tt.raw}, TCVN3)
		if err != nil || got != tt.want {
			t.Errorf("Decode(%02x) = %q, %v; want %q", tt.raw, got, err, tt.want)
		}
	}
	// A base letter followed by a combining tone byte composes.
	got, err := Decode([]byte("a\xb3 A\xb4 \xa2\xb3 \xa5\xb0"), TCVN3)
	if want := "á Ạ Ấ Ờ"; err != nil || got != want {
		t.Errorf("combining bytes: %q, %v; want %q", got, err, want)
	}
}

// TestVNI checks VNI against strings published with the independent
// converters the table was taken from, then every letter both ways.
func TestVNI(t *testing.T) {
	tests := []struct{ vni, want string }{
		// The README example of the npm package vietnamese-conversion.
		{"Xin chaøo caùc baïn", "Xin chào các bạn"},
		{"Ñaék Song", "Đắk Song"},
		{"Laïng Sôn", "Lạng Sơn"},
		{"Vaên hoùa - Xaõ hoäi", "Văn hóa - Xã hội"},
		{"Xaây döïng Ñaûng vaø heä thoáng chính trò", "Xây dựng Đảng và hệ thống chính trị"},
		{"THAØNH PHOÁ HOÀ CHÍ MINH", "THÀNH PHỐ HỒ CHÍ MINH"},
		{"Ñoàng Khôûi – “Ñoäi hình”", "Đồng Khởi – “Đội hình”"},
		{"khuyûu tay, ngoaøi, gìn giöõ, ÔÛ, ÖÙ, Î", "khuỷu tay, ngoài, gìn giữ, Ở, Ứ, Ỵ"},
	}
	for _, tt := range tests {
		// The VNI bytes as the test strings show them in Windows-1252.
		var raw []byte
		for _, r := range tt.vni {
			raw = append(raw, cp1252Byte(t, r))
		}
		got, err := Decode(raw, VNI)
		if err != nil || got != tt.want {
			t.Errorf("Decode(%q) = %q, %v; want %q", tt.vni, got, err, tt.want)
		}
		enc, err := Encode(tt.want, VNI)
		if err != nil || string(enc) != string(raw) {
			t.Errorf("Encode(%q) = %q, %v; want %q", tt.want, enc, err, raw)
		}
	}
	for _, l := range vietnameseLetters() {
		enc, err := Encode(l, VNI)
		if err != nil {
			t.Errorf("Encode(%q): %v", l, err)
			continue
		}
		if len(enc) > 2 {
			t.Errorf("Encode(%q) = % x: more than two bytes", l, enc)
		}
		if got, err := Decode(enc, VNI); err != nil || got != l {
			t.Errorf("round trip %q -> % x -> %q, %v", l, enc, got, err)
		}
	}
}

// cp1252Byte returns the Windows-1252 byte of r.
func cp1252Byte(t *testing.T, r rune) byte {
	t.Helper()
	if r < 0x80 || (0xA0 <= r && r <= 0xFF) {
		return byte(r)
	}
	switch r {
	case '–':
		return 0x96
	case '“':
		return 0x93
	case '”':
		return 0x94
	}
	t.Fatalf("no Windows-1252 byte for %q in this test", r)
	return 0
}

// vietnameseLetters returns the 134 precomposed letters from toneRows.
func vietnameseLetters() []string {
	var out []string
	for _, row := range toneRows {
		for _, r := range row {
			if r >= utf8.RuneSelf {
				out = append(out, string(r), strings.ToUpper(string(r)))
			}
		}
	}
	return append(out, "đ", "Đ")
}

func TestVietnameseLetterCount(t *testing.T) {
	if n := len(vietnameseLetters()); n != 134 {
		t.Fatalf("%d letters, want 134", n)
	}
}

// toneRows lists each Vietnamese vowel followed by its five toned forms in
// the order of the tone constants.
var toneRows = [...]string{
	"aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ",
	"eèéẻẽẹ", "êềếểễệ",
	"iìíỉĩị",
	"oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ",
	"uùúủũụ", "ưừứửữự",
	"yỳýỷỹỵ",
}

// TestToneRows checks that each row of toneRows is one vowel with the five
// tones in the order of the tone constants.
func TestToneRows(t *testing.T) {
	marks := []rune{0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323}
	for _, row := range toneRows {
		rs := []rune(row)
		if len(rs) != 6 {
			t.Fatalf("row %q has %d runes", row, len(rs))
		}
		for i := 1; i < 6; i++ {
			want := norm.NFC.String(string(rs[0]) + string(marks[i]))
			if string(rs[i]) != want {
				t.Errorf("row %q position %d = %q, want %q", row, i, rs[i], want)
			}
		}
	}
}

// TestVietLetters checks the letter table of the syllable judge against
// toneRows, and the ASCII letters.
func TestVietLetters(t *testing.T) {
	if len(vietLetters) != 134 {
		t.Errorf("vietLetters has %d entries, want 134", len(vietLetters))
	}
	check := func(r rune, want letter) {
		t.Helper()
		if got, ok := lookupLetter(r); !ok || got != want {
			t.Errorf("lookupLetter(%q) = %+v, %v; want %+v", r, got, ok, want)
		}
	}
	for _, row := range toneRows {
		rs := []rune(row)
		for tone, r := range rs {
			check(r, letter{base: rs[0], tone: uint8(tone)})
			check(unicode.ToUpper(r), letter{base: rs[0], tone: uint8(tone), upper: true})
		}
	}
	check('đ', letter{base: 'đ'})
	check('Đ', letter{base: 'đ', upper: true})
	check('K', letter{base: 'k', upper: true})
	for _, r := range "ñçß1 \u0301" {
		if _, ok := lookupLetter(r); ok {
			t.Errorf("lookupLetter(%q) accepted", r)
		}
	}
}

// TestComposeTable checks every entry of composeTable against NFC.
func TestComposeTable(t *testing.T) {
	marks := []rune{0x0300, 0x0301, 0x0303, 0x0309, 0x0323, 0x0302, 0x0306, 0x031B}
	bases := []rune("AaEeIiOoUuYyÂâĂăÊêÔôƠơƯưẠạẸẹỌọỤụ")
	if len(bases) != len(composeTable) || len(marks) != numMarks {
		t.Fatal("table shape changed")
	}
	for bi, b := range bases {
		if composeBase(b) != bi {
			t.Errorf("composeBase(%q) = %d, want %d", b, composeBase(b), bi)
		}
		for mi, m := range marks {
			if markIndex(m) != mi {
				t.Errorf("markIndex(%U) = %d, want %d", m, markIndex(m), mi)
			}
			var want rune
			if c := []rune(norm.NFC.String(string([]rune{b, m}))); len(c) == 1 {
				want = c[0]
			}
			if got := composeTable[bi][mi]; got != want {
				t.Errorf("compose(%q, %U) = %q, want %q", b, m, got, want)
			}
			if want != 0 && !isSafe(want) {
				t.Errorf("composition %q is not a safe rune", want)
			}
		}
	}
	if composeBase('b') != -1 || markIndex(0x0304) != -1 {
		t.Error("lookups of non-members should be -1")
	}
}

// TestSafeRunes checks the claim behind isSafe for every rune it accepts:
// NFC leaves it alone and it never composes with what precedes it.
func TestSafeRunes(t *testing.T) {
	n := 0
	for r := rune(0); r <= 0x2FFF; r++ {
		if !isSafe(r) {
			continue
		}
		n++
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if norm.NFC.String(s) != s || p.CCC() != 0 || !p.BoundaryBefore() {
			t.Errorf("isSafe(%U) but NFC=%q ccc=%d boundaryBefore=%v", r, norm.NFC.String(s), p.CCC(), p.BoundaryBefore())
		}
	}
	if n < 1000 {
		t.Errorf("only %d safe runes", n)
	}
	// Every rune the single-byte tables produce is safe or a combining mark.
	for _, cs := range legacyCandidates {
		tab, err := byteTableFor(cs)
		if err != nil {
			t.Fatal(err)
		}
		for i, e := range tab {
			if e&undefinedByte != 0 {
				continue
			}
			for _, r := range []rune{rune(uint32(e)), rune(e >> 32)} {
				if !isSafe(r) && !isMark(r) {
					t.Errorf("%v byte %02x gives %U, neither safe nor a mark", cs, i, r)
				}
			}
		}
	}
}
