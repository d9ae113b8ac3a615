package pdf

import (
	"testing"

	"github.com/dvkreport/dvkreport/report/layout"
)

// Issue 10, item 7: text the fonts lack is replaced, never a failure.
func TestPrintable(t *testing.T) {
	doc := &layout.Document{
		Title:   "Báo cáo 😀",
		Heading: layout.Bi{VI: "Lạng Sơn", EN: "x\u202ey"},
		Blocks: []layout.Block{
			&layout.List{Items: []string{"tệp 📄.csv:2", "ổn"}},
			&layout.Table{Columns: []layout.Column{{Header: layout.Bi{VI: "Địa bàn"}}}, Rows: []layout.TableRow{{Cells: []string{"ب"}}}},
		},
	}
	printable(doc)
	if doc.Title != "Báo cáo ?" || doc.Heading.VI != "Lạng Sơn" || doc.Heading.EN != "x?y" {
		t.Errorf("%q %q %q", doc.Title, doc.Heading.VI, doc.Heading.EN)
	}
	if l := doc.Blocks[0].(*layout.List); l.Items[0] != "tệp ?.csv:2" || l.Items[1] != "ổn" {
		t.Errorf("list %q", l.Items)
	}
	if tb := doc.Blocks[1].(*layout.Table); tb.Rows[0].Cells[0] != "?" {
		t.Errorf("table %q", tb.Rows[0].Cells)
	}
	if _, err := Render(doc, Options{}); err != nil {
		t.Errorf("Render: %v", err)
	}
}
