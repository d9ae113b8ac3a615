package load

import (
	"errors"
	"strings"
	"testing"

	"github.com/dvkreport/dvkreport/report/msg"
)

// A file that is not the workbook its name says is refused with what it is
// and the remedy that works (a twenty-fourth review: "zip: not a valid zip
// file" for a CSV or a password-protected workbook named .xlsx, "rename it
// .xlsx" for an HTML table named .xls); an empty one says it is empty.
func TestMisnamedWorkbooks(t *testing.T) {
	ole2 := string([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}) + strings.Repeat("\x00", 504)
	for _, tc := range []struct {
		name, data, key string
	}{
		{"a.xlsx", "Tỉnh,Xã,Tên mô hình\nLạng Sơn,Xã Bắc Sơn,A\n", "load.text_not_workbook"},
		{"a.xlsx", ole2, "load.xlsx_ole2"},
		{"a.xlsx", "<html><body><table><tr><td>1</td></tr></table></body></html>", "load.html_table"},
		{"a.xls", "\ufeff<!DOCTYPE html><html><table></table></html>", "load.html_table"},
		{"a.xls", "Tỉnh;Xã\nLạng Sơn;Xã Bắc Sơn\n", "load.text_not_workbook"},
		{"a.xlsx", "", "load.empty"},
		{"a.xls", "", "load.empty"},
	} {
		_, err := Bytes(tc.name, []byte(tc.data), FormatAuto, Options{})
		var le *Error
		if !errors.As(err, &le) || le.Text.Key != tc.key {
			t.Errorf("%s %.20q: %v; want %s", tc.name, tc.data, err, tc.key)
		}
	}
}

// What is wrong in a file's encoding is said in the user's language, not
// in Go's words ("invalid UTF-8 sequence starting with byte 0xF2" in a
// Vietnamese message, a twenty-fourth review).
func TestDecodeReasonInLanguage(t *testing.T) {
	for _, tc := range []struct {
		data, key string
	}{
		{"province\nLạng Sơn\nL\xf2ng\n", "load.bad_utf8_byte"},
		{"\xff\xfep\x00r\x00\n", "load.odd_utf16"},
	} {
		_, err := Bytes("x.csv", []byte(tc.data), FormatCSV, Options{})
		var le *Error
		if !errors.As(err, &le) || len(le.Text.Args) < 3 {
			t.Fatalf("%q: %v", tc.data, err)
		}
		reason, ok := le.Text.Args[2].(msg.Text)
		if !ok || reason.Key != tc.key || strings.Contains(le.In(msg.VI), "invalid") || strings.Contains(le.In(msg.VI), "odd number") {
			t.Errorf("%q: %s", tc.data, le.In(msg.VI))
		}
	}
}
