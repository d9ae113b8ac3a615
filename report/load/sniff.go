package load

import (
	"bytes"
	"unicode/utf8"
)

// What a file that is not the workbook its name says may be instead, from
// its first bytes: the kinds misnamed tells apart.
const (
	kindZip  = "zip"  // an .xlsx (a zip of XML parts)
	kindOLE2 = "ole2" // an .xls, or an .xlsx locked with a password
	kindHTML = "html" // a web page's table, as web systems export ".xls"
	kindText = "text" // a CSV or other text
)

// misnamed says what data is when it is no workbook of the kind its name
// says, so that the message names the cause and the right remedy (a
// twenty-fourth review: a CSV or a password-protected workbook named
// .xlsx got "zip: not a valid zip file", an HTML table named .xls "rename
// it .xlsx"). It returns "" when it cannot tell.
func misnamed(data []byte) string {
	head := data[:min(len(data), 4096)]
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return kindZip
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return kindOLE2
	}
	lower := bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n"))
	for _, p := range []string{"<!doctype html", "<html", "<table", "<?xml", "<meta"} {
		if bytes.HasPrefix(lower, []byte(p)) {
			return kindHTML
		}
	}
	if len(head) > 0 && bytes.IndexByte(head, 0) < 0 && utf8.Valid(trimPartialRune(head)) {
		return kindText
	}
	return ""
}

// trimPartialRune drops a rune cut at the end of b.
func trimPartialRune(b []byte) []byte {
	for i := 0; i < utf8.UTFMax && len(b) > 0; i++ {
		if r, _ := utf8.DecodeLastRune(b); r != utf8.RuneError {
			break
		}
		b = b[:len(b)-1]
	}
	return b
}
