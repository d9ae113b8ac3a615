package pdf

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/dvkreport/dvkreport/report/layout"
)

func smallDoc() *layout.Document {
	return &layout.Document{
		Title: "Báo cáo", Subject: "Dân vận khéo", Author: "dvkreport", Language: "vi",
		Date: time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC),
		Page: layout.Page{Top: 20, Bottom: 20, Left: 30, Right: 15, Number: "{page}", NumberSize: 14, BodySize: 14},
		Blocks: []layout.Block{
			&layout.Letterhead{LeftWidth: 80, Space: 1,
				Left:   []layout.Line{{Text: "TỈNH ỦY LẠNG SƠN", Size: 14}, {Text: "BAN TUYÊN GIÁO VÀ DÂN VẬN", Size: 14, Bold: true}, {Text: "*", Size: 14}},
				Right:  []layout.Line{{Text: "ĐẢNG CỘNG SẢN VIỆT NAM", Size: 15, Bold: true, Rule: 1}},
				Number: layout.Line{Text: "Số 12-BC/BTGDVTU", Size: 14},
				Date:   layout.Line{Text: "Lạng Sơn, ngày 30 tháng 9 năm 2025", Size: 14, Italic: true}},
			&layout.Centered{Space: 8, Lines: []layout.Line{{Text: "BÁO CÁO", Size: 16, Bold: true}, {Text: "kết quả quý III năm 2025", Size: 14, Bold: true, Rule: 0.2}}},
			&layout.Section{Title: "I- KẾT QUẢ", Size: 14},
			&layout.Paragraph{Text: "Trong quý III năm 2025, Lạng Sơn có 35 mô hình “Dân vận khéo”, tăng 3 mô hình so với quý II năm 2025; một câu dài để dòng được căn đều hai bên.", Size: 14, Indent: 10},
			&layout.Chart{Title: "Biểu đồ 1. Số mô hình", Categories: []string{"Lạng Sơn", "Lai Châu"}, ID: "models",
				Series: []layout.Series{{Name: "Kinh tế", Values: []float64{3, 0}, Labels: []string{"3", "0"}}}},
			&layout.Table{Size: 10, Columns: []layout.Column{{Header: "Địa bàn", Width: 1}, {Header: "Tổng số", Width: 1, Right: true}},
				Rows: []layout.TableRow{{Cells: []string{"Lạng Sơn", "35"}}}, Total: []string{"Tổng cộng", "35"}},
			&layout.PageBreak{},
			&layout.List{Size: 12, Items: []string{"https://baolangson.vn/"}},
			&layout.Closing{LeftWidth: 80, Gap: 28,
				Left:      []layout.Line{{Text: "Nơi nhận:", Size: 14, Underline: true}, {Text: "- Lưu VP.", Size: 12}},
				Authority: []layout.Line{{Text: "K/T TRƯỞNG BAN", Size: 14, Bold: true}, {Text: "PHÓ TRƯỞNG BAN", Size: 14}},
				Name:      layout.Line{Text: "Nguyễn Văn A", Size: 14, Bold: true}},
		},
	}
}

// The fonts are named as subsets (ABCDEF+PostScriptName) and every
// cross-reference offset still points at its object.
func TestSubsetNamesAndXref(t *testing.T) {
	data, err := Render(smallDoc(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("/utf8")) {
		t.Error("an fpdf font name is left")
	}
	if bytes.Contains(data, []byte("BoldItalic")) {
		t.Error("Bold Italic, never used, is embedded")
	}
	if n, m := bytes.Count(data, []byte(">>\nstream\n")), bytes.Count(data, []byte("/FlateDecode")); n == 0 || n != m {
		t.Errorf("%d streams, %d compressed", n, m)
	}
	names := regexp.MustCompile(`/BaseFont /([A-Z]{6})\+(LiberationS[a-zA-Z-]+)`).FindAllSubmatch(data, -1)
	if len(names) < 4 {
		t.Fatalf("subset-tagged fonts: %q", names)
	}
	tags := map[string]string{}
	for _, n := range names {
		if ps, ok := tags[string(n[1])]; ok && ps != string(n[2]) {
			t.Errorf("tag %s names both %s and %s", n[1], ps, n[2])
		}
		tags[string(n[1])] = string(n[2])
	}
	// startxref points at the table, and each entry at "N 0 obj".
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF`).FindSubmatch(data)
	if m == nil {
		t.Fatal("no startxref")
	}
	x, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(data[x:], []byte("xref\n0 ")) {
		t.Fatalf("startxref %d does not point at the table", x)
	}
	entries := regexp.MustCompile(`(\d{10}) 00000 n `).FindAllSubmatch(data[x:], -1)
	for i, e := range entries {
		off, _ := strconv.Atoi(string(e[1]))
		if want := fmt.Sprintf("%d 0 obj", i+1); !bytes.HasPrefix(data[off:], []byte(want)) {
			t.Errorf("entry %d points at %q", i+1, data[off:min(off+12, len(data))])
		}
	}
	if len(entries) < 10 {
		t.Errorf("%d xref entries", len(entries))
	}
}

func TestRenderDeterministic(t *testing.T) {
	a, err := Render(smallDoc(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		b, err := Render(smallDoc(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Fatal("the same document gave different bytes")
		}
	}
	if !bytes.Contains(a, []byte("/CreationDate (D:20250930")) {
		t.Error("the creation date is not the end of the period")
	}
}

// Table cells written straight into the page are byte for byte what
// fpdf's Text writes, in a table long enough for pages of numbers.
func TestCellWriter(t *testing.T) {
	doc := smallDoc()
	tb := &layout.Table{Size: 9, Columns: []layout.Column{{Header: "Địa bàn", Width: 3}, {Header: "Số", Width: 1, Right: true}, {Header: "Ghi chú", Width: 2}}}
	for i := range 300 {
		tb.Rows = append(tb.Rows, layout.TableRow{Cells: []string{fmt.Sprintf("Xã %d (mới)", i), strconv.Itoa(i * 1000), `a\b(c)` + "\r"}, Minor: i%7 == 0})
	}
	tb.Total = []string{"Tổng cộng", "44.850.000.000.000.000.000.000.000.000"} // too long even after fitNumbers: printed smaller
	doc.Blocks = append(doc.Blocks, tb)
	fast, err := Render(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	slow, err := Render(doc, Options{fpdfText: true})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fast, slow) {
		t.Errorf("the PDFs differ: %d and %d bytes", len(fast), len(slow))
	}
}

// Numbers fit their columns: a column short of room takes it from number
// columns with room to spare, then from the names; the widths still add
// up to the body's.
func TestFitNumbers(t *testing.T) {
	p := fpdf.New("P", "mm", "A4", "")
	for _, f := range fontFiles {
		p.AddUTF8FontFromBytes(f.family, f.style, f.data)
	}
	p.AddPage()
	const bodyWidth = 165.0
	d := &drawer{pdf: p, width: bodyWidth}
	tb := &layout.Table{
		Size: 9,
		Columns: []layout.Column{
			{Header: "TT", Width: 9, Right: true},
			{Header: "Địa bàn", Width: 104},
			{Header: "Chưa PL", Width: 25, Right: true},
			{Header: "Mới", Width: 10, Right: true},
			{Header: "Kinh phí", Width: 17, Right: true},
		},
		Rows:  []layout.TableRow{{Cells: []string{"1", "Phường Trường Long Hòa", "0", "35", "7.880"}}},
		Total: []string{"", "Tổng cộng", "0", "106.971", "24.883.241"},
	}
	total := 0.0
	for _, c := range tb.Columns {
		total += c.Width
	}
	widths := make([]float64, len(tb.Columns))
	for i, c := range tb.Columns {
		widths[i] = c.Width / total * bodyWidth
	}
	fits := func() bool {
		d.font("B", tb.Size)
		for i, c := range tb.Total {
			if tb.Columns[i].Right && p.GetStringWidth(c)+2*p.GetCellMargin() > widths[i]+1e-9 {
				return false
			}
		}
		return true
	}
	if fits() {
		t.Fatal("the totals fit before fitNumbers: the test tests nothing")
	}
	names := widths[1]
	d.fitNumbers(tb, widths)
	sum := 0.0
	for _, w := range widths {
		sum += w
	}
	if math.Abs(sum-bodyWidth) > 1e-9 {
		t.Errorf("widths add up to %.3f mm, want %.3f", sum, bodyWidth)
	}
	if !fits() {
		t.Errorf("the totals still do not fit: widths %.2f", widths)
	}
	if widths[1] != names {
		t.Errorf("the names column went from %.2f to %.2f mm, though Chưa PL had room to spare", names, widths[1])
	}
}

func TestPages(t *testing.T) {
	data, err := Render(smallDoc(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := Pages(data); n != 2 {
		t.Errorf("%d pages, want 2", n)
	}
}

// TestPagesText counts page dictionaries in texts made for the edges: the
// pages' root (/Pages) is not one, nor a /Type /Page at the very end.
func TestPagesText(t *testing.T) {
	for _, c := range []struct {
		pdf  string
		want int
	}{
		{"", 0},
		{"<< /Type /Pages /Kids [] >>", 0},
		{"<< /Type /Page /Parent 1 0 R >> << /Type /Pages >> <</Type /Page>>", 2},
		{"<< /Type /Page\n>><< /Type /Page>>", 2},
		{"<< /Type /Page", 0},
	} {
		if n := Pages([]byte(c.pdf)); n != c.want {
			t.Errorf("Pages(%q) = %d, want %d", c.pdf, n, c.want)
		}
	}
}
