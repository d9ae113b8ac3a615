package charset

import (
	"errors"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FuzzDetectDecode feeds arbitrary bytes to Detect and Decode: neither may
// panic, a failure must be a *DecodeError inside the input, and a success
// must be valid UTF-8 in NFC. Seeds are in testdata/fuzz/FuzzDetectDecode.
func FuzzDetectDecode(f *testing.F) {
	for _, fx := range fixtures {
		b := fx.bytes(f)
		f.Add(b[:min(len(b), 256)]) // small seeds keep minimisation quick
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		detected := Detect(b)
		if detected == Auto || detected == UTF16 || !detected.valid() {
			t.Fatalf("Detect returned %v", detected)
		}
		for _, cs := range []Charset{detected, UTF8, UTF16, UTF16LE, UTF16BE, Windows1258, TCVN3, VNI} {
			s, err := Decode(b, cs)
			if err != nil {
				var de *DecodeError
				if !errors.As(err, &de) || de.Offset < 0 || de.Offset > len(b) || de.Line < 1 {
					t.Fatalf("Decode(%v): bad error %#v", cs, err)
				}
				if cs == TCVN3 {
					t.Fatalf("TCVN3 defines every byte, got %v", err)
				}
				continue
			}
			if !utf8.ValidString(s) {
				t.Fatalf("Decode(%v) = %q: invalid UTF-8", cs, s)
			}
			if !norm.NFC.IsNormalString(s) {
				t.Fatalf("Decode(%v) = %q: not NFC", cs, s)
			}
		}
	})
}

// FuzzEncodeDecode checks that whatever Encode accepts, Decode gives back
// in NFC.
func FuzzEncodeDecode(f *testing.F) {
	f.Add("Xây dựng Đảng và hệ thống chính trị", uint8(Windows1258))
	f.Add("Ủy ban MTTQ, Quý III/2025", uint8(TCVN3))
	f.Add("khuỷu tay ngoài", uint8(VNI))
	f.Add("a\u0301\u0323 😀", uint8(UTF16BE))
	f.Fuzz(func(t *testing.T, s string, c uint8) {
		cs := Charset(c % uint8(len(names)))
		enc, err := Encode(s, cs)
		if err != nil {
			return
		}
		got, err := Decode(enc, cs)
		if err != nil {
			t.Fatalf("Decode(Encode(%q, %v)) failed: %v", s, cs, err)
		}
		if want := norm.NFC.String(s); got != want {
			t.Fatalf("%v: Decode(Encode(%q)) = %q, want %q", cs, s, got, want)
		}
	})
}
