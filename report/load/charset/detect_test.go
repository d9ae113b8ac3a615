package charset

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// shortRegisters are small realistic files: a header and a few rows.
var shortRegisters = []string{
	"province,district,field,status,count\r\nLạng Sơn,Văn Quan,Kinh tế,Xây dựng mới,12\r\n",
	"tinh,huyen,linh_vuc\r\nĐắk Nông,Đắk Song,Quốc phòng - An ninh\r\nBến Tre,Mỏ Cày Bắc,Văn hóa - Xã hội\r\n",
	"province,field,period,funds_vnd\r\nLai Châu,Xây dựng Đảng và hệ thống chính trị,Quý III/2025,380.000.000\r\n",
	"province;status;period\r\nLạng Sơn;Duy trì;2025-Q3\r\nLai Châu;Xây dựng mới;Quý III/2025\r\n",
	"Hà Nội,Hoàn Kiếm,Phường Hàng Bạc,Hội Người cao tuổi,Câu lạc bộ dưỡng sinh,Văn hóa - Xã hội,Duy trì\n",
	"ĐẮK LẮK,KRÔNG PẮC,XÃ EA KNUẾC,ỦY BAN NHÂN DÂN\r\n",
	"Thừa Thiên Huế,Phú Vang,Thuận An,“Tổ tự quản” – nước sạch,5\r\n",
	"Quảng Trị,Gio Linh,khuyến nông; giữ gìn an ninh; quyết tâm\r\n",
}

func TestDetectShortRegisters(t *testing.T) {
	for i, text := range shortRegisters {
		for _, cs := range legacyCandidates {
			t.Run(fmt.Sprintf("%d-%v", i, cs), func(t *testing.T) {
				raw, err := Encode(text, cs)
				if err != nil && cs == TCVN3 && strings.ContainsAny(text, "“”–") {
					t.Skip("TCVN3 has no typographic quotes or dashes")
				}
				if err != nil {
					t.Fatal(err)
				}
				if got := Detect(raw); got != cs {
					dec, _ := Decode(raw, got)
					t.Errorf("Detect = %v, want %v (would read %q)", got, cs, dec)
				}
			})
		}
	}
}

// TestDetectPhrases encodes single phrases, the hardest case. Detect must
// pick a charset that decodes them to the original text; when two charsets
// decode a phrase identically either is right.
func TestDetectPhrases(t *testing.T) {
	phrases := []string{
		"Lạng Sơn", "Đắk Song", "Văn hóa - Xã hội", "Xây dựng Đảng và hệ thống chính trị",
		"Quốc phòng - An ninh", "Lai Châu", "Bến Tre", "Mỏ Cày Bắc", "Kinh tế", "Duy trì",
		"Xây dựng mới", "Quý III/2025", "Hà Nội", "Sơn", "Văn", "Ủy ban", "Đắk Nông",
		"Hội Nông dân", "Đoàn Thanh niên", "Hòa Lộc", "Huyện ủy", "người", "giữ gìn", "quyết",
	}
	for _, p := range phrases {
		for _, cs := range legacyCandidates {
			raw, err := Encode(p, cs)
			if err != nil {
				t.Fatal(err)
			}
			got := Detect(raw)
			dec, err := Decode(raw, got)
			if err != nil || dec != p {
				t.Errorf("%v %q: Detect = %v, which reads %q (%v)", cs, p, got, dec, err)
			}
		}
	}
}

func TestDetect(t *testing.T) {
	utf16le, _ := Encode("tỉnh\thuyện\r\nLạng Sơn\tVăn Quan\r\n", UTF16LE)
	utf16be, _ := Encode("tỉnh,huyện\r\nLạng Sơn,Văn Quan\r\n", UTF16BE)
	tests := []struct {
		name string
		in   string
		want Charset
	}{
		{"empty", "", UTF8},
		{"ascii", "province,count\n", UTF8},
		{"utf-8", "Lạng Sơn", UTF8},
		{"utf-8 BOM", "\xEF\xBB\xBFa;b", UTF8},
		{"utf-16le BOM", "\xFF\xFEa\x00", UTF16LE},
		{"utf-16be BOM", "\xFE\xFF\x00a", UTF16BE},
		{"utf-16le without BOM", string(utf16le), UTF16LE},
		{"utf-16be without BOM", string(utf16be), UTF16BE},
		{"NUL bytes are not UTF-16 when scattered", "ab\x00\x00cd\x00\x00ef", UTF8},
		{"cp1258 undefined byte rules out cp1258", "L\x81ng", TCVN3},
		{"utf-8 truncated at the end", "Lạng Sơn,Văn Quan\r\nĐắk Song,Nâm N'Jang\xE1\xBA", UTF8},
		{"utf-8 with one cp1258 word", "Lạng Sơn,Văn Quan,Hội Nông dân,Kinh tế\r\nS\xF5n", UTF8},
		{"TCVN3 capitals in control range", "\x01y ban, \x11ng H\xb5 N\xe9i", TCVN3},
	}
	for _, tt := range tests {
		if got := Detect([]byte(tt.in)); got != tt.want {
			t.Errorf("%s: Detect = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestDetectLargeFile checks that evidence past the sample limit is not
// needed and that a long ASCII prefix does not hide the legacy lines.
func TestDetectLargeFile(t *testing.T) {
	text := strings.Repeat("ascii,only,row,123\r\n", 20000) + registerText(",", "\r\n")
	for _, cs := range legacyCandidates {
		raw, err := Encode(text, cs)
		if err != nil {
			t.Fatal(err)
		}
		if got := Detect(raw); got != cs {
			t.Errorf("Detect = %v, want %v", got, cs)
		}
	}
}

func TestJudge(t *testing.T) {
	tests := []struct {
		word string
		want wordVerdict
	}{
		{"Lạng", wordValid}, {"Sơn", wordValid}, {"Đắk", wordValid}, {"KRÔNG", wordValid},
		{"nghiêng", wordValid}, {"người", wordValid}, {"khuỷu", wordValid}, {"giữ", wordValid},
		{"già", wordValid}, {"quyết", wordValid}, {"Quý", wordValid}, {"hòa", wordValid},
		{"hoà", wordValid}, {"thủy", wordValid}, {"thuỷ", wordValid}, {"chuyện", wordValid},
		{"xoong", wordValid}, {"Huế", wordValid}, {"huỳnh", wordValid}, {"quỳnh", wordValid},
		{"NĐ", wordNeutral}, {"đ", wordNeutral},
		{"lẠng", wordInvalid},     // case in the middle of a word
		{"Laũng", wordInvalid},    // cp1258 read as TCVN3
		{"hụũi", wordInvalid},     // two tones
		{"chớnh", wordInvalid},    // "nh" after ơ
		{"tran", wordValid},       // plain ASCII shapes are valid too
		{"Xõy", wordInvalid},      // "oy" is no rhyme
		{"bàt", wordInvalid},      // stop final with a grave tone
		{"Quư", wordInvalid},      // "qu" then ư
		{"hoaø", wordInvalid},     // letter outside the alphabet
		{"a\u0301b", wordInvalid}, // uncomposed mark
		{"muaứ", wordInvalid},     // vowel cluster too long
		{"toánh", wordValid},
		{"tóanh", wordInvalid},                // tone on o before "anh"
		{"ăn", wordValid}, {"ă", wordInvalid}, // ă needs a final
	}
	for _, tt := range tests {
		if got := judge([]rune(tt.word)); got != tt.want {
			t.Errorf("judge(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
	// Every common syllable must itself be judged valid, and the list must
	// be sorted for binary search.
	for _, w := range commonSyllables {
		if got := judge([]rune(w)); got != wordValid {
			t.Errorf("common syllable %q judged %v", w, got)
		}
	}
	if !slices.IsSorted(commonSyllables) {
		t.Error("commonSyllables is not sorted")
	}
}

func TestNonASCIILines(t *testing.T) {
	tests := []struct {
		in    string
		limit int
		want  string
	}{
		{"abc\nd\xe9f\nghi\n\xff", 100, "d\xe9f\n\xff\n"},
		{"\xe9" + strings.Repeat("x", 50), 10, "\xe9xxxxxxxxx\n"},
		{"ascii\nonly\n", 10, ""},
		{"\xe9\n\xe9\n\xe9\n", 4, "\xe9\n\xe9\n"},
	}
	for _, tt := range tests {
		if got := string(nonASCIILines([]byte(tt.in), tt.limit)); got != tt.want {
			t.Errorf("nonASCIILines(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
		}
	}
}

// A UTF-8 register with a line of an old tool added at its end was read
// whole as Windows-1258 (a seventeenth review): its UTF-8 rows' province
// became "Láº¡ng SÆ¡n", and -l "Lạng Sơn" printed one model of three. It
// is UTF-8, and decoding names the line that is not.
func TestDetectLegacyLineInUTF8(t *testing.T) {
	utf := "province,commune,model\nLạng Sơn,Xã Ba Sơn,Nuôi ong\nLạng Sơn,Xã Bắc Sơn,Nuôi gà\n"
	for _, cs := range []Charset{Windows1258, TCVN3, VNI} {
		old, err := Encode("Lạng Sơn,Xã Bằng Mạc,Sân chơi thiếu nhi\n", cs)
		if err != nil {
			t.Fatal(err)
		}
		b := append([]byte(utf), old...)
		if got := Detect(b); got != UTF8 {
			t.Errorf("UTF-8 and a line of %s: detected %s, want UTF-8", cs, got)
		}
		var de *DecodeError
		if _, err := Decode(b, UTF8); !errors.As(err, &de) || de.Line != 4 {
			t.Errorf("UTF-8 and a line of %s: %v, want an error at line 4", cs, err)
		}
		// The legacy file itself, several lines long, is still its charset.
		whole, _ := Encode(strings.Repeat("Lạng Sơn,Xã Bằng Mạc,Sân chơi thiếu nhi\n", 5), cs)
		if got := Detect(whole); got != cs {
			t.Errorf("a file of %s: detected %s", cs, got)
		}
	}
}
