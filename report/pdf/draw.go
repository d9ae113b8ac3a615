package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
	"github.com/golang/freetype/truetype"

	"github.com/dvkreport/dvkreport/charts"
	"github.com/dvkreport/dvkreport/charts/fpdfrender"
	"github.com/dvkreport/dvkreport/report/layout"
)

// drawer draws one document. It owns the *fpdf.Fpdf: drawing errors go into
// fpdf's accumulated error and come out of Output.
type drawer struct {
	pdf       *fpdf.Fpdf
	doc       *layout.Document
	chartFont *truetype.Font
	opts      Options
	cells     cellWriter
}

// Text sizes in points.
const (
	sizeBody    = 13
	sizeTitle   = 14
	sizeSection = 13
	sizeSmall   = 11
	sizeTable   = 9
	sizeHeadVI  = 8
	sizeTableEN = 6.5
)

func (d *drawer) font(style string, size float64) {
	d.pdf.SetFont(serif, style, size)
}

// grey sets the text colour of English secondary texts.
func (d *drawer) grey()  { d.pdf.SetTextColor(80, 80, 80) }
func (d *drawer) black() { d.pdf.SetTextColor(0, 0, 0) }

// lineHeight returns a comfortable line height in mm for a size in points.
func lineHeight(size float64) float64 { return size * 0.3528 * 1.3 }

// ensure starts a new page unless h millimetres fit on this one.
func (d *drawer) ensure(h float64) {
	_, y := d.pdf.GetXY()
	if y+h > pageHeight-marginBottom {
		d.pdf.AddPage()
	}
}

func (d *drawer) titleBlock() {
	p := d.pdf
	p.SetY(marginTop)
	d.font("B", sizeTitle)
	p.MultiCell(bodyWidth, lineHeight(sizeTitle), d.doc.Heading.VI, "", "C", false)
	if d.doc.Heading.EN != "" {
		d.font("I", sizeSmall)
		d.grey()
		p.MultiCell(bodyWidth, lineHeight(sizeSmall), d.doc.Heading.EN, "", "C", false)
		d.black()
	}
	p.Ln(2)
	d.font("", sizeBody)
	p.MultiCell(bodyWidth, lineHeight(sizeBody), d.doc.Scope.VI, "", "C", false)
	d.font("I", sizeBody)
	p.MultiCell(bodyWidth, lineHeight(sizeBody), d.doc.Period.VI, "", "C", false)
	if d.doc.Boundaries.VI != "" {
		d.font("I", sizeSmall)
		p.MultiCell(bodyWidth, lineHeight(sizeSmall), d.doc.Boundaries.VI, "", "C", false)
	}
	if d.doc.Scope.EN != "" || d.doc.Period.EN != "" {
		d.font("I", sizeSmall)
		d.grey()
		en := d.doc.Scope.EN + " · " + d.doc.Period.EN
		if d.doc.Boundaries.EN != "" {
			en += " · " + d.doc.Boundaries.EN
		}
		p.MultiCell(bodyWidth, lineHeight(sizeSmall), strings.TrimSpace(en), "", "C", false)
		d.black()
	}
	// A short rule under the title block, as Vietnamese documents have.
	y := p.GetY() + 2
	p.SetLineWidth(0.3)
	p.Line(marginLeft+bodyWidth/2-25, y, marginLeft+bodyWidth/2+25, y)
	p.SetY(y + 4)
}

func (d *drawer) section(s *layout.Section) {
	p := d.pdf
	d.ensure(lineHeight(sizeSection)*2 + 20) // keep a heading with what follows
	p.Ln(2)
	d.font("B", sizeSection)
	w := p.GetStringWidth(s.Title.VI)
	p.CellFormat(w+1, lineHeight(sizeSection), s.Title.VI, "", 0, "L", false, 0, "")
	if s.Title.EN != "" {
		d.font("I", sizeSmall)
		d.grey()
		p.CellFormat(bodyWidth-w-1, lineHeight(sizeSection), "  "+s.Title.EN, "", 0, "L", false, 0, "")
		d.black()
	}
	p.Ln(lineHeight(sizeSection) + 1)
}

func (d *drawer) facts(f *layout.Facts) {
	p := d.pdf
	labelW := 95.0
	for _, it := range f.Items {
		d.ensure(lineHeight(sizeBody) * 2)
		// "- Tổng số mô hình (Models):  5.124", the English in grey.
		d.font("", sizeBody)
		p.SetX(marginLeft + 5)
		label := "- " + it.Label.VI
		w := p.GetStringWidth(label)
		p.CellFormat(w, lineHeight(sizeBody), label, "", 0, "L", false, 0, "")
		rest := ":"
		if it.Label.EN != "" {
			d.font("I", sizeSmall)
			d.grey()
			en := " (" + it.Label.EN + ")"
			p.CellFormat(p.GetStringWidth(en), lineHeight(sizeBody), en, "", 0, "L", false, 0, "")
			d.black()
		}
		d.font("", sizeBody)
		p.CellFormat(1, lineHeight(sizeBody), rest, "", 0, "L", false, 0, "")
		p.SetX(marginLeft + labelW)
		d.font("B", sizeBody)
		p.CellFormat(bodyWidth-labelW, lineHeight(sizeBody), it.Value, "", 1, "L", false, 0, "")
		if it.Note != "" {
			d.font("I", sizeSmall)
			p.SetX(marginLeft + 8)
			p.MultiCell(bodyWidth-8, lineHeight(sizeSmall), it.Note, "", "L", false)
		}
		p.Ln(0.5)
	}
}

// Chart size on the page, in millimetres.
const (
	chartWidth  = bodyWidth
	chartHeight = 72.0
)

func (d *drawer) chart(c *layout.Chart, n int) {
	p := d.pdf
	height := ChartHeight(c)
	if c.Horizontal {
		n := float64(len(c.Categories))
		// Rather than leave most of a page empty, close the rows up to
		// what is left of it, down to 3.5 mm a row.
		titles := 2*lineHeight(sizeSmall) + 4
		if left := pageHeight - marginBottom - p.GetY() - titles; left < height && left >= n*3.5+14 {
			height = left
		}
	}
	d.ensure(height + 2*lineHeight(sizeSmall) + 4)
	p.Ln(2)
	d.font("B", sizeSmall)
	p.MultiCell(bodyWidth, lineHeight(sizeSmall), c.Title.VI, "", "C", false)
	if c.Title.EN != "" {
		d.font("I", sizeTableEN+1)
		d.grey()
		p.MultiCell(bodyWidth, lineHeight(sizeTableEN+1), c.Title.EN, "", "C", false)
		d.black()
	}
	if c.Note.VI != "" {
		d.font("I", sizeTable)
		p.MultiCell(bodyWidth, lineHeight(sizeTable), c.Note.VI+" "+c.Note.EN, "", "C", false)
	}
	box := fpdfrender.Box{X: marginLeft, Y: p.GetY() + 1, W: chartWidth, H: height}
	spec := ChartSpec(c, d.chartFont)
	if d.opts.RasterCharts {
		d.rasterChart(spec, box, n)
	} else {
		d.vectorChart(spec, box)
	}
	p.SetY(box.Y + box.H + 3)
}

// ChartSpec turns a chart block into what package charts draws, in font;
// the caller sets its size.
func ChartSpec(c *layout.Chart, font *truetype.Font) charts.Spec {
	spec := charts.Spec{
		Horizontal: c.Horizontal,
		Categories: c.Categories,
		Font:       font,
		Thousands:  c.Thousands,
		Decimal:    c.Decimal,
	}
	for _, s := range c.Series {
		spec.Series = append(spec.Series, charts.Series{Name: s.Name, Values: s.Values, Labels: s.Labels})
	}
	return spec
}

// ChartHeight is the height in millimetres a chart block takes on the page
// when it has room.
func ChartHeight(c *layout.Chart) float64 {
	if !c.Horizontal {
		return chartHeight
	}
	n := float64(len(c.Categories))
	return min(n*9+12, max(chartHeight, n*5+14), 210)
}

// vectorChart draws the chart as PDF paths and text in the embedded sans
// font, on a grid of 10 pixels a millimetre.
func (d *drawer) vectorChart(spec charts.Spec, box fpdfrender.Box) {
	p := d.pdf
	spec.Width, spec.Height, spec.DPI = fpdfrender.Grid(p, box, 10)
	r, err := fpdfrender.New(p, box, spec.Width, spec.Height, map[*truetype.Font]fpdfrender.Face{d.chartFont: {Family: sans}})
	if err != nil {
		p.SetError(err)
		return
	}
	if err := charts.Draw(r, spec); err != nil {
		p.SetError(err)
		return
	}
	if err := r.Save(io.Discard); err != nil {
		p.SetError(err)
	}
}

// rasterChart embeds the chart as a PNG image at opts.ChartDPI.
func (d *drawer) rasterChart(spec charts.Spec, box fpdfrender.Box, n int) {
	p := d.pdf
	spec.DPI = d.opts.ChartDPI
	// fpdf sorts images by pixel width only, so two images of one width
	// come out in map order; a pixel more per chart keeps the file the
	// same from run to run.
	spec.Width = int(box.W/25.4*spec.DPI) + n
	spec.Height = int(box.H / 25.4 * spec.DPI)
	img, err := charts.PNG(spec)
	if err != nil {
		p.SetError(err)
		return
	}
	name := fmt.Sprintf("chart%d", n)
	opt := fpdf.ImageOptions{ImageType: "PNG"}
	p.RegisterImageOptionsReader(name, opt, bytes.NewReader(img))
	p.ImageOptions(name, box.X, box.Y, box.W, box.H, false, opt, 0, "")
}

// fitNumbers adjusts the widths of t's columns so that its numbers fit: a
// right-aligned column whose widest cell (the totals row's, in bold,
// included) does not fit takes room from the number columns that have some
// to spare beyond their widest cell and their header, then from the widest
// left-aligned column (the names, which wrap), which keeps at least 85% of
// its width. A national total such as 24.883.241 would otherwise run into
// its neighbour. What still does not fit, cellWriter prints smaller.
func (d *drawer) fitNumbers(t *layout.Table, widths []float64) {
	p := d.pdf
	margin := p.GetCellMargin()
	need := make([]float64, len(widths)) // of a number column
	measure := func(cells []string, style string) {
		d.font(style, sizeTable)
		for i, c := range cells {
			if i < len(widths) && t.Columns[i].Right && c != "" {
				need[i] = max(need[i], p.GetStringWidth(c)+2*margin)
			}
		}
	}
	for _, r := range t.Rows {
		if !r.Group {
			style := ""
			if r.Minor {
				style = "I"
			}
			measure(r.Cells, style)
		}
	}
	if t.Total != nil {
		measure(t.Total, "B")
	}
	// Room to spare, by column.
	spare := make([]float64, len(widths))
	d.font("B", sizeHeadVI)
	names := -1
	for i, c := range t.Columns {
		if !c.Right {
			if names < 0 || widths[i] > widths[names] {
				names = i
			}
			continue
		}
		spare[i] = max(0, widths[i]-max(need[i], p.GetStringWidth(c.Header.VI)+2*margin))
	}
	if names >= 0 {
		spare[names] = 0.15 * widths[names]
	}
	for i, n := range need {
		short := n - widths[i]
		for j := range spare {
			if short <= 0 {
				break
			}
			if j == names {
				continue // the names last
			}
			take := min(short, spare[j])
			widths[i], widths[j], spare[j], short = widths[i]+take, widths[j]-take, spare[j]-take, short-take
		}
		if short > 0 && names >= 0 {
			take := min(short, spare[names])
			widths[i], widths[names], spare[names] = widths[i]+take, widths[names]-take, spare[names]-take
		}
	}
}

// table draws a table whose header row repeats at the top of every page.
func (d *drawer) table(t *layout.Table) {
	p := d.pdf
	total := 0.0
	for _, c := range t.Columns {
		total += c.Width
	}
	widths := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		widths[i] = c.Width / total * bodyWidth
	}
	d.fitNumbers(t, widths)
	rowH := lineHeight(sizeTable)
	header := func() {
		x, y := marginLeft, p.GetY()
		h := lineHeight(sizeHeadVI) + lineHeight(sizeTableEN) + 1.5
		p.SetFillColor(235, 235, 235)
		p.SetLineWidth(0.2)
		for i, c := range t.Columns {
			p.Rect(x, y, widths[i], h, "FD")
			d.font("B", sizeHeadVI)
			p.SetXY(x, y+0.5)
			p.CellFormat(widths[i], lineHeight(sizeHeadVI), fit(p, c.Header.VI, widths[i]-0.6), "", 0, "C", false, 0, "")
			if c.Header.EN != "" {
				d.font("I", sizeTableEN)
				d.grey()
				p.SetXY(x, y+0.5+lineHeight(sizeHeadVI))
				p.CellFormat(widths[i], lineHeight(sizeTableEN), fit(p, c.Header.EN, widths[i]-0.6), "", 0, "C", false, 0, "")
				d.black()
			}
			x += widths[i]
		}
		p.SetXY(marginLeft, y+h)
	}
	// The body's borders are a rule under each row and the column lines,
	// drawn once for each stretch of rows between page breaks and group
	// headings: a few hundred strokes for a national table instead of a
	// rectangle per cell.
	top := 0.0 // where the current stretch of rows starts
	columnLines := func() {
		y := p.GetY()
		if y <= top {
			return
		}
		p.SetLineWidth(0.2)
		x := marginLeft
		p.Line(x, top, x, y)
		for _, w := range widths {
			x += w
			p.Line(x, top, x, y)
		}
	}
	newPage := func() {
		columnLines()
		p.AddPage()
		header()
		top = p.GetY()
	}
	// wrapped returns the lines of a cell's text, which are more than one
	// only for a long name.
	wrapped := func(c string, i int) []string {
		if p.GetStringWidth(c) <= widths[i]-2 {
			return nil
		}
		return p.SplitText(c, widths[i]-2)
	}
	row := func(cells []string, style string, fill bool) {
		// A long name wraps; the row grows to fit it.
		lines := 1
		d.font(style, sizeTable)
		for i, c := range cells {
			if i < len(widths) && !t.Columns[i].Right {
				lines = max(lines, len(wrapped(c, i)))
			}
		}
		h := float64(lines) * rowH
		if p.GetY()+h > pageHeight-marginBottom {
			newPage()
			d.font(style, sizeTable)
		}
		x, y := marginLeft, p.GetY()
		if fill {
			p.SetFillColor(245, 245, 245)
			p.Rect(x, y, bodyWidth, h, "F")
		}
		// Text is filled with the fill colour: with both black, fpdf
		// writes no colour around each text, and neither does cells.
		p.SetFillColor(0, 0, 0)
		for i, c := range cells {
			if i >= len(widths) {
				break
			}
			right := t.Columns[i].Right
			if ls := wrapped(c, i); lines > 1 && !right && ls != nil {
				for j, l := range ls {
					d.cells.text(style, x, y+float64(j)*rowH, widths[i], rowH, l, false)
				}
			} else {
				d.cells.text(style, x, y, widths[i], h, c, right)
			}
			x += widths[i]
		}
		p.SetLineWidth(0.2)
		p.Line(marginLeft, y+h, marginLeft+bodyWidth, y+h)
		p.SetXY(marginLeft, y+h)
	}
	d.ensure(3 * rowH * 2)
	header()
	top = p.GetY()
	for _, r := range t.Rows {
		if r.Group {
			// Keep a group heading with its first row.
			if p.GetY()+2*rowH > pageHeight-marginBottom {
				newPage()
			}
			columnLines()
			d.font("B", sizeTable)
			p.SetFillColor(250, 250, 250)
			p.CellFormat(bodyWidth, rowH, r.Cells[0], "1", 1, "L", true, 0, "")
			top = p.GetY()
			continue
		}
		style := ""
		if r.Minor {
			style = "I"
		}
		row(r.Cells, style, false)
	}
	if t.Total != nil {
		row(t.Total, "B", true)
	}
	columnLines()
	p.Ln(3)
}

// cellWriter writes the texts of table cells, vertically centred and left-
// or right-aligned, where fpdf's CellFormat would put them.
//
// fpdf's Text formats every call with fmt and records each character for
// the font subset; for the 36,000 cells of a national table that was a
// third of the drawing. A text whose characters are all ASCII and all drawn
// before in the same style (numbers, mostly) is written straight into the
// page, byte for byte as Text writes it; any other goes through Text,
// which records its characters. Text colour and fill colour must be the
// same (black): fpdf then writes no colour change around a text.
type cellWriter struct {
	p     *fpdf.Fpdf
	drawn map[string]*[utf8.RuneSelf]bool // by font style: ASCII characters Text has drawn
	buf   []byte
	// fpdfText sends every text through Text, for tests.
	fpdfText bool
}

func (w *cellWriter) text(style string, x, y, width, h float64, s string, right bool) {
	if s == "" {
		return
	}
	p := w.p
	margin := p.GetCellMargin()
	_, size := p.GetFontSize()
	tx, ty := x+margin, y+h/2+0.3*size
	if right {
		sw := p.GetStringWidth(s)
		if room := width - 2*margin; sw > room {
			// Too long a number for its column, even after fitNumbers:
			// smaller, down to two thirds of the size.
			pt, _ := p.GetFontSize()
			p.SetFontSize(max(pt*room/sw, pt*2/3))
			defer p.SetFontSize(pt)
			sw = p.GetStringWidth(s)
		}
		tx = x + width - margin - sw
	}
	drawn := w.drawn[style]
	if drawn == nil {
		drawn = new([utf8.RuneSelf]bool)
		w.drawn[style] = drawn
	}
	fast := !w.fpdfText
	for i := 0; i < len(s) && fast; i++ {
		fast = s[i] < utf8.RuneSelf && drawn[s[i]]
	}
	if !fast {
		p.Text(tx, ty, s)
		for i := 0; i < len(s); i++ {
			if s[i] < utf8.RuneSelf {
				drawn[s[i]] = true
			}
		}
		return
	}
	// What Text writes: BT x y Td (text) Tj ET, in points from the
	// bottom, the text in UTF-16BE with \, ( and ) escaped.
	k := p.GetConversionRatio()
	_, pageH := p.GetPageSize()
	b := append(w.buf[:0], "BT "...)
	b = strconv.AppendFloat(b, tx*k, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (pageH-ty)*k, 'f', 2, 64)
	b = append(b, " Td ("...)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '(', ')':
			b = append(b, 0, '\\', c)
		case '\r':
			b = append(b, 0, '\\', 'r')
		default:
			b = append(b, 0, c)
		}
	}
	b = append(b, ") Tj ET"...)
	p.RawWriteStr(string(b))
	w.buf = b
}

// fit shortens s with an ellipsis until it fits w millimetres in the
// current font.
func fit(p *fpdf.Fpdf, s string, w float64) string {
	if p.GetStringWidth(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && p.GetStringWidth(string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

func (d *drawer) list(l *layout.List) {
	p := d.pdf
	d.font("", sizeSmall)
	for i, it := range l.Items {
		d.ensure(lineHeight(sizeSmall) * 2)
		num := fmt.Sprintf("%d. ", i+1)
		p.SetX(marginLeft)
		p.CellFormat(8, lineHeight(sizeSmall), num, "", 0, "R", false, 0, "")
		p.MultiCell(bodyWidth-8, lineHeight(sizeSmall), it, "", "L", false)
	}
}

// pageNumbers writes "Trang X/Y" centred in the top margin of every page
// but the first, as Decree 30/2020/NĐ-CP sets page numbers.
func (d *drawer) pageNumbers() {
	p := d.pdf
	n := p.PageCount()
	if n < 2 {
		return
	}
	// Writing in the top margin must not start a new page.
	p.SetAutoPageBreak(false, 0)
	for i := 2; i <= n; i++ {
		p.SetPage(i)
		d.font("", sizeBody)
		p.SetXY(marginLeft, 8)
		p.CellFormat(bodyWidth, lineHeight(sizeBody), fmt.Sprintf("%s %d/%d", d.doc.PageWord.VI, i, n), "", 0, "C", false, 0, "")
	}
	p.SetAutoPageBreak(true, marginBottom)
}
