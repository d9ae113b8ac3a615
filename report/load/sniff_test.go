package load

import (
	"errors"
	"strings"
	"testing"
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
