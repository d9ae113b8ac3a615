package charset

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name   string
		cs     Charset
		in     string
		offset int
		line   int
		reason string
	}{
		{"utf-8 bad lead", UTF8, "tỉnh,huyện\nLạng Sơn,\xC3(", 27, 2, "invalid UTF-8 sequence starting with byte 0xC3"},
		{"utf-8 after BOM", UTF8, "\xEF\xBB\xBFab\xFF", 5, 1, "byte 0xFF"},
		{"utf-8 truncated", UTF8, "a\nb\nc\xE1\xBA", 5, 3, "byte 0xE1"},
		{"utf-8 surrogate", UTF8, "\xED\xA0\x80", 0, 1, "0xED"},
		{"cp1258 undefined", Windows1258, "a,b\r\nc,\x81", 7, 2, "byte 0x81 is not defined"},
		{"cp1258 undefined 0x9E", Windows1258, "\x9E", 0, 1, "byte 0x9E"},
		{"vni undefined", VNI, "x\n\n\x8D", 3, 3, "byte 0x8D is not defined"},
		{"utf-16le odd", UTF16LE, "\xFF\xFEa\x00b", 4, 1, "odd number of bytes: trailing byte 0x62"},
		{"utf-16le lone high surrogate", UTF16LE, "a\x00\n\x00\x00\xD8b\x00", 4, 2, "unpaired surrogate U+D800"},
		{"utf-16be lone low surrogate", UTF16BE, "\xFE\xFF\xDC\x00", 2, 1, "unpaired surrogate U+DC00"},
		{"utf-16le high at end", UTF16LE, "\x3D\xD8", 0, 1, "unpaired surrogate U+D83D"},
		{"utf-16le BOM contradicts", UTF16LE, "\xFE\xFF\x00a", 0, 1, "UTF-16BE byte order mark"},
		{"utf-16be BOM contradicts", UTF16BE, "\xFF\xFEa\x00", 0, 1, "UTF-16LE byte order mark"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode([]byte(tt.in), tt.cs)
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("Decode = %q, %v; want a *DecodeError", got, err)
			}
			if de.Offset != tt.offset || de.Line != tt.line || de.Charset != tt.cs || !strings.Contains(de.Reason, tt.reason) {
				t.Errorf("error %+v, want offset %d line %d reason ~%q", de, tt.offset, tt.line, tt.reason)
			}
			if msg := err.Error(); !strings.Contains(msg, tt.cs.String()) || !strings.Contains(msg, "offset") {
				t.Errorf("message %q should name the charset and offset", msg)
			}
		})
	}
}

func TestDecodeUnknownCharset(t *testing.T) {
	if _, err := Decode([]byte("x"), Charset(99)); err == nil {
		t.Fatal("no error for unknown charset")
	}
}

func TestDecodeNormalises(t *testing.T) {
	nfd := norm.NFD.String("Xây dựng Đảng, Quốc phòng - An ninh, Lạng Sơn")
	tests := []struct {
		name string
		cs   Charset
		in   string
		want string
	}{
		{"utf-8 NFC stays", UTF8, "Lạng Sơn", "Lạng Sơn"},
		{"utf-8 BOM removed", UTF8, "\xEF\xBB\xBFĐắk Song", "Đắk Song"},
		{"utf-8 NFD composed", UTF8, nfd, norm.NFC.String(nfd)},
		{"utf-8 Unikey 'Unicode to hop' composed", UTF8, "Ha\u0300 Nô\u0323i, Đă\u0301k", "Hà Nội, Đắk"},
		{"utf-8 marks in non-canonical order", UTF8, "a\u0302\u0323 o\u031B\u0300", "ậ ờ"},
		{"utf-8 non-Vietnamese combination", UTF8, "n\u0303 c\u0327 x\u0301", "ñ ç x\u0301"},
		{"utf-8 two tones, canonical reordering", UTF8, "a\u0301\u0323", "ạ\u0301"},
		{"utf-8 other scripts", UTF8, "中文 한국어 e\u0301", "中文 한국어 é"},
		{"utf-8 singleton decomposition", UTF8, "\u2000\u212B", "\u2002Å"},
		{"utf-16 NFD composed", UTF16LE, "a\x00\x01\x03", "á"},
		{"utf-16 surrogate pair", UTF16LE, "\x3D\xD8\x00\xDE", "😀"},
		{"utf-16 no BOM is LE", UTF16, "\x41\x00", "A"},
		{"utf-16 BE BOM", UTF16, "\xFE\xFF\x00\x41", "A"},
		{"cp1258 tone marks", Windows1258, "L\x61\xF2ng S\xF5n", "Lạng Sơn"},
		{"cp1258 precomposed and combining", Windows1258, "\xE0 a\xCC \xC3\xEC", "à à Ắ"},
		{"cp1258 stray mark", Windows1258, "\xEC", "\u0301"},
		{"tcvn3 stray mark after digit", TCVN3, "1\xb3", "1\u0301"},
		{"empty", Windows1258, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode([]byte(tt.in), tt.cs)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Decode = %q (%U), want %q (%U)", got, []rune(got), tt.want, []rune(tt.want))
			}
			if !norm.NFC.IsNormalString(got) {
				t.Errorf("result %q is not NFC", got)
			}
		})
	}
}

// TestDecodeAuto checks that Auto detects.
func TestDecodeAuto(t *testing.T) {
	raw, err := Encode("Tổ an ninh tự quản, Đội hình thanh niên", TCVN3)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(raw, Auto)
	if err != nil || got != "Tổ an ninh tự quản, Đội hình thanh niên" {
		t.Fatalf("Decode(Auto) = %q, %v", got, err)
	}
}
