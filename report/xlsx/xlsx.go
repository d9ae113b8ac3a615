// Package xlsx writes simple workbooks (Office Open XML, .xlsx): sheets of
// rows whose cells are texts or integers, with a bold header row frozen at
// the top and the first column frozen at the left, and numbers in the
// format #,##0, which each reader's Excel or LibreOffice shows with its own
// separators (1.234.567 on a Vietnamese system).
//
// It exists because github.com/xuri/excelize/v2, which writes far more,
// costs 20–40 ms and 1.3 MB of package initialisation in every run of a
// program that links it, for one command's use; the tests read what this
// package writes with excelize. Texts are written inline (no shared
// strings table), and the same sheets always give the same bytes.
package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Sheet is one sheet: its name, the widths of its columns (in characters;
// missing ones are Excel's default), a header row and the rows under it.
// A cell is a string or an int64 (or int); a nil cell is left empty.
type Sheet struct {
	Name   string
	Widths []float64
	Header []string
	Rows   [][]any
	// Bold marks rows (by index in Rows) set in bold: a total.
	Bold map[int]bool
}

// Styles, by their index in styles.xml's cellXfs.
const (
	styleText = iota
	styleHeader
	styleNumber
	styleBoldText
	styleBoldNumber
)

// Write writes a workbook of the sheets.
func Write(w io.Writer, sheets []Sheet) error {
	if len(sheets) == 0 {
		return fmt.Errorf("xlsx: no sheet")
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	add := func(name, content string) error {
		// A fixed time, so that the same sheets give the same bytes.
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return err
		}
		_, err = io.WriteString(f, content)
		return err
	}
	var types, rels, list strings.Builder
	for i, s := range sheets {
		n := strconv.Itoa(i + 1)
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%s.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, n)
		fmt.Fprintf(&rels, `<Relationship Id="rId%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%s.xml"/>`, n, n)
		fmt.Fprintf(&list, `<sheet name="%s" sheetId="%s" r:id="rId%s"/>`, escape(s.Name), n, n)
	}
	stylesID := strconv.Itoa(len(sheets) + 1)
	files := []struct{ name, content string }{
		{"[Content_Types].xml", xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
			types.String() + `</Types>`},
		{"_rels/.rels", xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", xml.Header + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets>` + list.String() + `</sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			rels.String() + `<Relationship Id="rId` + stylesID + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`},
		{"xl/styles.xml", xml.Header + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
			`<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
			`<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
			`<fill><patternFill patternType="solid"><fgColor rgb="FFE8E8E8"/><bgColor indexed="64"/></patternFill></fill></fills>` +
			`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
			`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
			`<cellXfs count="5">` +
			`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
			`<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"><alignment wrapText="1" vertical="center"/></xf>` +
			`<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
			`<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
			`<xf numFmtId="3" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>` +
			`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`},
	}
	for _, f := range files {
		if err := add(f.name, f.content); err != nil {
			return err
		}
	}
	for i, s := range sheets {
		content, err := sheetXML(&s)
		if err != nil {
			return err
		}
		if err := add("xl/worksheets/sheet"+strconv.Itoa(i+1)+".xml", content); err != nil {
			return err
		}
	}
	if err := z.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// sheetXML writes a sheet's part.
func sheetXML(s *Sheet) (string, error) {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"><pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/></sheetView></sheetViews>`)
	if len(s.Widths) > 0 {
		b.WriteString(`<cols>`)
		for i, w := range s.Widths {
			fmt.Fprintf(&b, `<col min="%d" max="%d" width="%s" customWidth="1"/>`, i+1, i+1, strconv.FormatFloat(w, 'f', -1, 64))
		}
		b.WriteString(`</cols>`)
	}
	b.WriteString(`<sheetData>`)
	header := make([]any, len(s.Header))
	for i, h := range s.Header {
		header[i] = h
	}
	if err := row(&b, 1, header, styleHeader, styleHeader); err != nil {
		return "", err
	}
	for i, r := range s.Rows {
		text, num := styleText, styleNumber
		if s.Bold[i] {
			text, num = styleBoldText, styleBoldNumber
		}
		if err := row(&b, i+2, r, text, num); err != nil {
			return "", err
		}
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.String(), nil
}

func row(b *strings.Builder, n int, cells []any, text, num int) error {
	fmt.Fprintf(b, `<row r="%d">`, n)
	for i, c := range cells {
		ref := column(i) + strconv.Itoa(n)
		switch v := c.(type) {
		case nil:
		case string:
			fmt.Fprintf(b, `<c r="%s" s="%d" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, ref, text, escape(v))
		case int64:
			fmt.Fprintf(b, `<c r="%s" s="%d"><v>%d</v></c>`, ref, num, v)
		case int:
			fmt.Fprintf(b, `<c r="%s" s="%d"><v>%d</v></c>`, ref, num, v)
		default:
			return fmt.Errorf("xlsx: cell %s: %T is neither text nor integer", ref, c)
		}
	}
	b.WriteString(`</row>`)
	return nil
}

// column names the i-th column (from 0): A … Z, AA …
func column(i int) string {
	name := ""
	for i++; i > 0; i = (i - 1) / 26 {
		name = string(rune('A'+(i-1)%26)) + name
	}
	return name
}

// escape writes a text for XML, leaving out the characters XML 1.0 cannot
// hold (control characters other than tab and line ends).
func escape(s string) string {
	var b bytes.Buffer
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r != 0xFFFE && r != 0xFFFF && r != utf8.RuneError {
			if err := xml.EscapeText(&b, []byte(string(r))); err != nil {
				return ""
			}
		}
	}
	return b.String()
}
