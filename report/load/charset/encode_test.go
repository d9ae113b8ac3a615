package charset

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestEncodeRoundTrip(t *testing.T) {
	texts := []string{
		registerText(",", "\r\n"),
		strings.Join(vietnameseLetters(), " "),
		norm.NFD.String("Xây dựng Đảng và hệ thống chính trị"), // Encode normalises first
		"",
	}
	for _, cs := range []Charset{UTF8, UTF16, UTF16LE, UTF16BE, Windows1258, TCVN3, VNI} {
		for _, s := range texts {
			enc, err := Encode(s, cs)
			if err != nil {
				t.Fatalf("Encode(%v): %v", cs, err)
			}
			got, err := Decode(enc, cs)
			if err != nil {
				t.Fatalf("Decode(%v): %v", cs, err)
			}
			if want := norm.NFC.String(s); got != want {
				t.Errorf("%v round trip: %q, want %q", cs, firstDiff(got, want), firstDiff(want, got))
			}
		}
	}
}

func TestEncodeBytes(t *testing.T) {
	tests := []struct {
		s    string
		cs   Charset
		want string
	}{
		{"Lạng Sơn", Windows1258, "La\xF2ng S\xF5n"},
		{"Đắk", Windows1258, "\xD0\xE3\xECk"},
		{"Lạng Sơn", TCVN3, "L\xB9ng S\xACn"},
		{"Ủy ban", TCVN3, "\x9Ey ban"},
		{"ñ", TCVN3, "n\xB2"}, // as iconv -t TCVN5712-1
		{"Lạng Sơn", VNI, "La\xEFng S\xF4n"},
		{"Ủy ban", VNI, "U\xDBy ban"},
		{"Ý ý", VNI, "Y\xD9 y\xF9"},
		{"Aé", UTF16LE, "A\x00\xE9\x00"},
		{"Aé", UTF16, "A\x00\xE9\x00"},
		{"Aé", UTF16BE, "\x00A\x00\xE9"},
		{"😀", UTF16BE, "\xD8\x3D\xDE\x00"},
		{"€ “x” – ₫", Windows1258, "\x80 \x93x\x94 \x96 \xFE"},
	}
	for _, tt := range tests {
		got, err := Encode(tt.s, tt.cs)
		if err != nil || string(got) != tt.want {
			t.Errorf("Encode(%q, %v) = % x, %v; want % x", tt.s, tt.cs, got, err, []byte(tt.want))
		}
	}
}

func TestEncodeErrors(t *testing.T) {
	tests := []struct {
		s    string
		cs   Charset
		want string
	}{
		{"Hà Nội 中", Windows1258, "U+4E2D"},
		{"Hà Nội 中", TCVN3, "offset 10"},
		{"Ā", VNI, "U+0100"},
		{"Ā", TCVN3, "U+0100"},
		{"ǘ", Windows1258, "cannot encode"},
		{"a\xFFb", UTF8, "invalid UTF-8 at byte offset 1"},
		{"x", Auto, "concrete charset"},
		{"x", Charset(77), "concrete charset"},
	}
	for _, tt := range tests {
		_, err := Encode(tt.s, tt.cs)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Encode(%q, %v) error %v, want one containing %q", tt.s, tt.cs, err, tt.want)
		}
	}
}
