package load

import (
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FuzzReadCSV: any bytes read as a table or fail with ErrFormat or
// ErrLimit, without panicking; a table's cells are valid, trimmed NFC
// UTF-8 without invisible characters, and its rows are in order.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("province,field,period\nLạng Sơn,Kinh tế,2025-Q3\n"))
	f.Add([]byte("\xef\xbb\xbftỉnh;lĩnh vực;kỳ\r\nLai Châu;;\"Quý III/2025\"\r\n"))
	f.Add([]byte("\xff\xfep\x00r\x00\t\x00\n\x00"))
	f.Add([]byte("a,\"b\nc\",d\n\"x\"\"y\",z\n"))
	f.Add([]byte("L\xe1ng S\xf5n,\xaa\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tables, err := Bytes("f.csv", data, FormatCSV, Options{})
		if err != nil {
			if tables != nil {
				t.Fatal("an error with tables")
			}
			if !errors.Is(err, ErrFormat) && !errors.Is(err, ErrLimit) {
				t.Fatalf("error of no kind: %v", err)
			}
			return
		}
		tb := tables[0]
		last := 0
		for _, r := range tb.Rows {
			if r.Num <= last {
				t.Fatalf("row %d after row %d", r.Num, last)
			}
			last = r.Num
			for _, c := range r.Cells {
				if !utf8.ValidString(c) || !norm.NFC.IsNormalString(c) || c != strings.TrimSpace(c) || hasInvisible(c) {
					t.Fatalf("cell %q is not trimmed NFC UTF-8", c)
				}
			}
		}
	})
}

// FuzzReadXLSX: any bytes read as a workbook or fail with ErrFormat or
// ErrLimit, without panicking.
func FuzzReadXLSX(f *testing.F) {
	if data, err := os.ReadFile("../../testdata/registers/register.xlsx"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tables, err := Bytes("f.xlsx", data, FormatXLSX, Options{})
		if err != nil {
			if tables != nil || !errors.Is(err, ErrFormat) && !errors.Is(err, ErrLimit) {
				t.Fatalf("tables %v, error of no kind: %v", tables != nil, err)
			}
			return
		}
		for _, tb := range tables {
			last := 0
			for _, r := range tb.Rows {
				if r.Num <= last {
					t.Fatalf("row %d after row %d", r.Num, last)
				}
				last = r.Num
			}
		}
	})
}

// FuzzReadJSON: any bytes read as a table or fail with ErrFormat or
// ErrLimit; a table's rows have no more cells than it has keys.
func FuzzReadJSON(f *testing.F) {
	f.Add([]byte(`[{"province":"Lạng Sơn","count":3,"funds_vnd":"380 triệu"},{"province":"Lai Châu","field":null,"extra":1.5E9}]`))
	f.Add([]byte("\xef\xbb\xbf[{\"a\":1,\"a\":2}]"))
	f.Add([]byte(`[][]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		tables, err := Bytes("f.json", data, FormatJSON, Options{})
		if err != nil {
			if tables != nil || !errors.Is(err, ErrFormat) && !errors.Is(err, ErrLimit) {
				t.Fatalf("error of no kind: %v", err)
			}
			return
		}
		tb := tables[0]
		for _, r := range tb.Rows {
			if len(r.Cells) > len(tb.Keys) {
				t.Fatalf("%d cells, %d keys", len(r.Cells), len(tb.Keys))
			}
		}
	})
}
