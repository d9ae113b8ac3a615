package load

import (
	"archive/zip"
	"bytes"
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
			for _, c := range r.Cells() {
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
	// A small workbook stored without compression and without checksums,
	// so that mutations reach the sheet's reader rather than stopping at
	// zip's checks (a campaign seeded only with a deflated workbook never
	// got past them).
	f.Add(storedWorkbook(f))
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

// storedWorkbook is a register of two rows, one of them with shared
// strings, in a zip of stored parts whose checksums are 0 (which zip
// readers then do not check).
func storedWorkbook(tb testing.TB) []byte {
	return workbookOf(tb, `<sheetData><row r="1"><c t="inlineStr"><is><t>province</t></is></c><c t="inlineStr"><is><t>field</t></is></c>`+
		`<c t="inlineStr"><is><t>period</t></is></c><c t="inlineStr"><is><t>funds_vnd</t></is></c></row>`+
		`<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="inlineStr"><is><t>2025-Q3</t></is></c><c r="D2"><v>380000000</v></c></row>`+
		`</sheetData><mergeCells><mergeCell ref="A1:A2"/></mergeCells>`)
}

// workbookOf returns a workbook, its parts stored, of one sheet whose
// worksheet element holds body.
func workbookOf(tb testing.TB, body string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range []struct{ name, text string }{
		{"xl/workbook.xml", `<workbook><sheets><sheet name="Số liệu" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/sharedStrings.xml", `<sst><si><t>Lạng Sơn</t></si><si><r><t>Kinh </t></r><r><t>tế</t></r></si></sst>`},
		{"xl/worksheets/sheet1.xml", `<worksheet>` + body + `</worksheet>`},
	} {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Store, CompressedSize64: uint64(len(p.text)), UncompressedSize64: uint64(len(p.text))})
		if err != nil {
			tb.Fatal(err)
		}
		w.Write([]byte(p.text))
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
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
			if r.Len() > len(tb.Keys) {
				t.Fatalf("%d cells, %d keys", r.Len(), len(tb.Keys))
			}
		}
	})
}
