package load

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// zipParts writes a workbook of the given parts, each with its name, and
// the usual workbook.xml and relationships pointing at sheet1.
func zipParts(t testing.TB, sheet func(w *bytes.Buffer), shared func(w *bytes.Buffer)) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, fill func(w *bytes.Buffer)) {
		f, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		fill(&b)
		if _, err := f.Write(b.Bytes()); err != nil {
			t.Fatal(err)
		}
	}
	add("xl/workbook.xml", func(w *bytes.Buffer) {
		w.WriteString(`<workbook><sheets><sheet name="Sheet1" r:id="rId1"/></sheets></workbook>`)
	})
	add("xl/_rels/workbook.xml.rels", func(w *bytes.Buffer) {
		w.WriteString(`<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`)
	})
	add("xl/worksheets/sheet1.xml", sheet)
	if shared != nil {
		add("xl/sharedStrings.xml", shared)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// allocated returns the bytes fn allocates.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Issue 10, item 9: small files that unpacked, or read cell by cell, used
// gigabytes of memory are refused with ErrLimit, naming the file and the
// limit, having allocated a small multiple of their size.
func TestHostileWorkbooks(t *testing.T) {
	header := `<sheetData><row r="1"><c t="inlineStr"><is><t>province</t></is></c><c t="inlineStr"><is><t>field</t></is></c><c t="inlineStr"><is><t>period</t></is></c><c t="inlineStr"><is><t>model</t></is></c></row>`
	cases := []struct {
		name string
		data []byte
		want string // in the error's message
	}{
		{
			// A 1 MB shared string, the model name of 2,000 rows.
			name: "long-shared-string",
			data: zipParts(t, func(w *bytes.Buffer) {
				w.WriteString(`<worksheet>` + header)
				for i := 2; i <= 2001; i++ {
					fmt.Fprintf(w, `<row r="%d"><c t="inlineStr"><is><t>Lạng Sơn</t></is></c><c t="inlineStr"><is><t>Kinh tế</t></is></c><c t="inlineStr"><is><t>2025-Q3</t></is></c><c t="s"><v>0</v></c></row>`, i)
				}
				w.WriteString(`</sheetData></worksheet>`)
			}, func(w *bytes.Buffer) {
				w.WriteString(`<sst><si><t>` + strings.Repeat("mô hình ", 1<<17) + `</t></si></sst>`)
			}),
			want: "32,767 characters",
		},
		{
			// Five million empty shared strings (the review's file had 100
			// million: the same refusal, but slow to make in a test).
			name: "many-shared-strings",
			data: zipParts(t, func(w *bytes.Buffer) {
				w.WriteString(`<worksheet>` + header + `</sheetData></worksheet>`)
			}, func(w *bytes.Buffer) {
				w.WriteString(`<sst>`)
				w.WriteString(strings.Repeat(`<si><t/></si>`, 5_000_000))
				w.WriteString(`</sst>`)
			}),
			want: "unpacks to more than",
		},
		{
			// Cells at the far right of many rows: millions of empty cells
			// in between.
			name: "wide-rows",
			data: zipParts(t, func(w *bytes.Buffer) {
				w.WriteString(`<worksheet>` + header)
				for i := 2; i <= 200_000; i++ {
					fmt.Fprintf(w, `<row r="%d"><c r="XFD%d"><v>1</v></c></row>`, i, i)
				}
				w.WriteString(`</sheetData></worksheet>`)
			}, nil),
			want: "cells",
		},
		{
			// A 10 MB cell.
			name: "long-cell",
			data: zipParts(t, func(w *bytes.Buffer) {
				w.WriteString(`<worksheet>` + header + `<row r="2"><c t="inlineStr"><is><t>` + strings.Repeat("Xã ", 3<<20) + `</t></is></c></row></sheetData></worksheet>`)
			}, nil),
			want: "32,767 characters",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var err error
			alloc := allocated(func() { _, err = Bytes(c.name+".xlsx", c.data, FormatXLSX, Options{}) })
			if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), c.name+".xlsx") || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("%d-byte file: err = %v, want ErrLimit naming the file and %q", len(c.data), err, c.want)
			}
			// 100 times the file's size, with 100 MB allowed to any file:
			// the limits let a file unpack to 40 times its size, or 16 MiB.
			if limit := max(100*uint64(len(c.data)), 100<<20); alloc > limit {
				t.Errorf("%d-byte file: %d MB allocated, more than %d MB", len(c.data), alloc>>20, limit>>20)
			}
			t.Logf("%d-byte file refused after %d MB allocated: %v", len(c.data), alloc>>20, err)
		})
	}
}

// A zip entry that declares a size of 2^63 or more is refused, not
// allocated (issue 10, item 8).
func TestHugeDeclaredSize(t *testing.T) {
	data := zipParts(t, func(w *bytes.Buffer) { w.WriteString(`<worksheet><sheetData/></worksheet>`) }, nil)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	wb := &workbook{name: "z.xlsx", files: map[string]*zip.File{}, budget: 1 << 20, lim: Limits{}.withDefaults()}
	for _, f := range zr.File {
		f.UncompressedSize64 = 1 << 63
		wb.files[f.Name] = f
	}
	if _, err := wb.read("xl/worksheets/sheet1.xml"); !errors.Is(err, ErrLimit) {
		t.Errorf("err = %v, want ErrLimit", err)
	}
}

// Issue 10, item 9: a 200 MB line, or a 10 MB cell, in a CSV file.
func TestHostileCSV(t *testing.T) {
	for _, c := range []struct {
		name, text, want string
	}{
		{"long-line.csv", "province,field,period\n" + strings.Repeat("x,", 20<<20) + "\n", "bytes"},
		{"long-cell.csv", "province,field,period\nLạng Sơn,Kinh tế,\"" + strings.Repeat("Xã ", 3<<20) + "\"\n", "32,767 characters"},
		{"long-unquoted-cell.csv", "province,field,period\nLạng Sơn,Kinh tế," + strings.Repeat("Xã", 1<<20) + "\n", "32,767 characters"},
	} {
		var err error
		alloc := allocated(func() { _, err = Bytes(c.name, []byte(c.text), FormatCSV, Options{}) })
		if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), c.name) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v", c.name, err)
		}
		if limit := 4 * uint64(len(c.text)); alloc > limit {
			t.Errorf("%s: %d MB allocated for a %d MB file", c.name, alloc>>20, len(c.text)>>20)
		}
	}
}

// A cell of 40,000 characters, under the byte bound of the scanner but over
// Excel's limit in characters.
func TestWorkbookCellChars(t *testing.T) {
	data := zipParts(t, func(w *bytes.Buffer) {
		w.WriteString(`<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>` + strings.Repeat("x", 40000) + `</t></is></c></row></sheetData></worksheet>`)
	}, nil)
	if _, err := Bytes("c.xlsx", data, FormatXLSX, Options{}); !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "c.xlsx[Sheet1]:1:1") {
		t.Errorf("err = %v", err)
	}
}
