package pdf

import (
	"testing"

	"github.com/dvkreport/dvkreport/report/layout"
)

// Issue 10, item 7: text the fonts lack is replaced, never a failure.
func TestPrintable(t *testing.T) {
	doc := &layout.Document{
		Title: "Báo cáo 😀",
		Blocks: []layout.Block{
			&layout.Centered{Lines: []layout.Line{{Text: "Lạng Sơn", Size: 14}, {Text: "x\u202ey", Size: 11}}},
			&layout.List{Size: 11, Items: []string{"tệp 📄.csv:2", "ổn"}},
			&layout.Table{Size: 9, Columns: []layout.Column{{Header: "Địa bàn"}}, Rows: []layout.TableRow{{Cells: []string{"ب"}}}},
		},
	}
	printable(doc)
	head := doc.Blocks[0].(*layout.Centered).Lines
	if doc.Title != "Báo cáo ?" || head[0].Text != "Lạng Sơn" || head[1].Text != "x?y" {
		t.Errorf("%q %q %q", doc.Title, head[0].Text, head[1].Text)
	}
	if l := doc.Blocks[1].(*layout.List); l.Items[0] != "tệp ?.csv:2" || l.Items[1] != "ổn" {
		t.Errorf("list %q", l.Items)
	}
	if tb := doc.Blocks[2].(*layout.Table); tb.Rows[0].Cells[0] != "?" {
		t.Errorf("table %q", tb.Rows[0].Cells)
	}
	if _, err := Render(doc, Options{}); err != nil {
		t.Errorf("Render: %v", err)
	}
}
