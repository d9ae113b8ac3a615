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
	// The page's geometry, in millimetres, from doc.Page.
	left, top, right, bottom, width float64
}

func (d *drawer) font(style string, size float64) {
	d.pdf.SetFont(serif, style, size)
}

// style is fpdf's style string of a line.
func style(l layout.Line) string {
	s := ""
	if l.Bold {
		s += "B"
	}
	if l.Italic {
		s += "I"
	}
	if l.Underline {
		s += "U"
	}
	return s
}

// lineHeight returns the height of a line in mm for a size in points: 1.3
// times the size (18 points for the 14 of a body, within the 18–22 of the
// forms' exact spacing).
func lineHeight(size float64) float64 { return size * 0.3528 * 1.3 }

// pt is a length in points, in millimetres.
func pt(n float64) float64 { return n * 0.3528 }

// ensure starts a new page unless h millimetres fit on this one.
func (d *drawer) ensure(h float64) {
	if d.pdf.GetY()+h > pageHeight-d.bottom {
		d.pdf.AddPage()
	}
}

// room is what is left of the page under the current position.
func (d *drawer) room() float64 { return pageHeight - d.bottom - d.pdf.GetY() }

// textLine draws one line of text centred in the column [x, x+w] from y,
// wrapped if it is too long, with its rule; it returns the y under it.
func (d *drawer) textLine(l layout.Line, x, y, w float64, align string) float64 {
	p := d.pdf
	if l.Text == "" {
		return y
	}
	d.font(style(l), l.Size)
	h := lineHeight(l.Size)
	lines := balanced(p, l.Text, w)
	widest := 0.0
	for _, s := range lines {
		p.SetXY(x, y)
		p.CellFormat(w, h, s, "", 0, align, false, 0, "")
		widest = max(widest, p.GetStringWidth(s))
		y += h
	}
	if l.Rule > 0 {
		rw := widest * l.Rule
		p.SetLineWidth(0.2)
		p.Line(x+(w-rw)/2, y+0.2, x+(w+rw)/2, y+0.2)
		y += 1.2
	}
	return y
}

// balanced splits a text into as few lines as fit w (less the cell
// margins), as even as they can be: a body's name over two lines reads
// "BAN TUYÊN GIÁO / VÀ DÂN VẬN", not "BAN TUYÊN GIÁO VÀ DÂN / VẬN".
func balanced(p *fpdf.Fpdf, text string, w float64) []string {
	lines := p.SplitText(text, w)
	if len(lines) < 2 {
		return lines
	}
	lo, hi := 0.0, w
	for range 20 {
		mid := (lo + hi) / 2
		if len(p.SplitText(text, mid)) == len(lines) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return p.SplitText(text, hi)
}

func (d *drawer) letterhead(lh *layout.Letterhead) {
	p := d.pdf
	x, y := d.left, p.GetY()
	rw := d.width - lh.LeftWidth
	yl, yr := y, y
	for _, l := range lh.Left {
		yl = d.textLine(l, x, yl, lh.LeftWidth, "C")
	}
	for _, l := range lh.Right {
		yr = d.textLine(l, x+lh.LeftWidth, yr, rw, "C")
	}
	y = max(yl, yr) + lh.Space
	yl = d.textLine(lh.Number, x, y, lh.LeftWidth, "C")
	yr = d.textLine(lh.Date, x+lh.LeftWidth, y, rw, "C")
	p.SetXY(d.left, max(yl, yr))
}

func (d *drawer) centered(c *layout.Centered) {
	p := d.pdf
	y := p.GetY() + c.Space
	for _, l := range c.Lines {
		y = d.textLine(l, d.left, y, d.width, "C")
	}
	p.SetXY(d.left, y+pt(6))
}

// words splits a text into the lines of a justified paragraph, the first
// narrower by indent; a word wider than a line is cut.
func (d *drawer) words(text string, w, indent float64) [][]string {
	p := d.pdf
	space := p.GetStringWidth(" ")
	var lines [][]string
	var cur []string
	used := 0.0
	avail := w - indent
	for _, word := range strings.Fields(text) {
		ww := p.GetStringWidth(word)
		for ww > w && len(word) > 1 {
			// A word longer than a line (an address): cut it.
			r := []rune(word)
			n := len(r)
			for n > 1 && p.GetStringWidth(string(r[:n])) > avail-used-space {
				n--
			}
			if len(cur) > 0 && n <= 1 {
				lines, cur, used, avail = append(lines, cur), nil, 0, w
				continue
			}
			cur = append(cur, string(r[:n]))
			lines, cur, used, avail = append(lines, cur), nil, 0, w
			word = string(r[n:])
			ww = p.GetStringWidth(word)
		}
		need := ww
		if len(cur) > 0 {
			need += space
		}
		if len(cur) > 0 && used+need > avail {
			lines, cur, used, avail = append(lines, cur), nil, 0, w
			need = ww
		}
		cur = append(cur, word)
		used += need
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// paragraph draws justified text, its first line indented; the last line
// is left as it is.
func (d *drawer) paragraph(para *layout.Paragraph) {
	p := d.pdf
	st := ""
	if para.Italic {
		st = "I"
	}
	d.font(st, para.Size)
	h := lineHeight(para.Size)
	lines := d.words(para.Text, d.width, para.Indent)
	space := p.GetStringWidth(" ")
	for i, ws := range lines {
		if d.room() < h {
			p.AddPage()
			d.font(st, para.Size)
		}
		x, y := d.left, p.GetY()
		avail := d.width
		if i == 0 {
			x += para.Indent
			avail -= para.Indent
		}
		total := 0.0
		for _, w := range ws {
			total += p.GetStringWidth(w)
		}
		gap := space
		if i < len(lines)-1 && len(ws) > 1 {
			if g := (avail - total) / float64(len(ws)-1); g < 4*space {
				gap = g
			}
		}
		base := y + h/2 + 0.3*pt(para.Size)
		for _, w := range ws {
			p.Text(x, base, w)
			x += p.GetStringWidth(w) + gap
		}
		p.SetXY(d.left, y+h)
	}
	p.Ln(pt(6))
}

func (d *drawer) section(s *layout.Section) {
	p := d.pdf
	h := lineHeight(s.Size)
	d.ensure(h*2 + 25) // keep a heading with what follows
	p.Ln(pt(6))
	d.font("B", s.Size)
	p.SetX(d.left)
	p.MultiCell(d.width, h, s.Title, "", "L", false)
	p.Ln(pt(3))
}

func (d *drawer) list(l *layout.List) {
	p := d.pdf
	h := lineHeight(l.Size)
	indent := 7.0
	for i, it := range l.Items {
		d.font("", l.Size)
		d.ensure(h)
		mark := "-"
		if l.Numbered {
			mark = fmt.Sprintf("%d.", i+1)
			indent = 9
		}
		y := p.GetY()
		p.SetXY(d.left, y)
		p.CellFormat(indent-1.5, h, mark, "", 0, "R", false, 0, "")
		p.SetXY(d.left+indent, y)
		p.MultiCell(d.width-indent, h, it, "", "L", false)
	}
	p.Ln(pt(6))
}

// closing draws the recipients (left) and the signature (right), kept
// together on one page.
func (d *drawer) closing(c *layout.Closing) {
	p := d.pdf
	height := func(ls []layout.Line) float64 {
		h := 0.0
		for _, l := range ls {
			h += lineHeight(l.Size)
		}
		return h
	}
	right := height(c.Authority) + c.Gap + lineHeight(c.Name.Size)
	d.ensure(max(height(c.Left), right) + pt(12))
	p.Ln(pt(12))
	x, y := d.left, p.GetY()
	yl := y
	for _, l := range c.Left {
		yl = d.textLine(l, x, yl, c.LeftWidth, "L")
	}
	rx, rw := x+c.LeftWidth, d.width-c.LeftWidth
	yr := y
	for _, l := range c.Authority {
		yr = d.textLine(l, rx, yr, rw, "C")
	}
	yr = d.textLine(c.Name, rx, yr+c.Gap, rw, "C")
	p.SetXY(d.left, max(yl, yr))
}

// Chart size on the page, in millimetres, and the sizes of its title and
// note, in points.
const (
	chartHeight = 72.0
	chartTitle  = 11
	chartNote   = 9
)

func (d *drawer) chart(c *layout.Chart, n int) {
	p := d.pdf
	height := ChartHeight(c)
	if c.Horizontal {
		n := float64(len(c.Categories))
		// Rather than leave most of a page empty, close the rows up to
		// what is left of it, down to 3.5 mm a row.
		titles := 2*lineHeight(chartTitle) + 4
		if left := d.room() - titles; left < height && left >= n*3.5+14 {
			height = left
		}
	}
	d.ensure(height + 2*lineHeight(chartTitle) + 4)
	p.Ln(2)
	d.font("B", chartTitle)
	p.SetX(d.left)
	p.MultiCell(d.width, lineHeight(chartTitle), c.Title, "", "C", false)
	if c.Note != "" {
		d.font("I", chartNote)
		p.SetX(d.left)
		p.MultiCell(d.width, lineHeight(chartNote), c.Note, "", "C", false)
	}
	box := fpdfrender.Box{X: d.left, Y: p.GetY() + 1, W: d.width, H: height}
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
		d.font(style, t.Size)
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
	d.font("B", t.Size)
	names := -1
	for i, c := range t.Columns {
		if !c.Right {
			if names < 0 || widths[i] > widths[names] {
				names = i
			}
			continue
		}
		// A header on one line stays on one line.
		head := longestWord(p, c.Header)
		if whole := p.GetStringWidth(c.Header); whole+2*margin <= widths[i] {
			head = whole
		}
		spare[i] = max(0, widths[i]-max(need[i], head+2*margin))
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
// maxCellLines is how many lines a table's cell shows at most.
const maxCellLines = 10

func (d *drawer) table(t *layout.Table) {
	p := d.pdf
	total := 0.0
	for _, c := range t.Columns {
		total += c.Width
	}
	widths := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		widths[i] = c.Width / total * d.width
	}
	d.fitNumbers(t, widths)
	rowH := lineHeight(t.Size)
	// The header's texts wrap in their column; the row is as high as the
	// longest.
	// The header is set smaller, down to 6 points, until each column
	// holds its longest word: "Quý III/2026" is not to be cut; then, down
	// to 2 points below the table's size, at the size that keeps the most
	// headers on one line: "Kinh tế" is better whole.
	headSize := t.Size
	for ; headSize > 6; headSize -= 0.5 {
		d.font("B", headSize)
		fits := true
		for i, c := range t.Columns {
			fits = fits && longestWord(p, c.Header)+2*p.GetCellMargin() <= widths[i]
		}
		if fits {
			break
		}
	}
	// Down to 2 points smaller, the size with the most headers whole.
	whole := func(size float64) int {
		d.font("B", size)
		n := 0
		for i, c := range t.Columns {
			if p.GetStringWidth(c.Header)+2*p.GetCellMargin() <= widths[i] {
				n++
			}
		}
		return n
	}
	best := whole(headSize)
	for s := t.Size; s > headSize && s >= t.Size-2; s -= 0.5 {
		if n := whole(s); n > best {
			headSize, best = s, n
		}
	}
	headH := lineHeight(headSize)
	heads := make([][]string, len(t.Columns))
	headLines := 1
	for i, c := range t.Columns {
		heads[i] = p.SplitText(c.Header, widths[i])
		headLines = max(headLines, len(heads[i]))
	}
	header := func() {
		x, y := d.left, p.GetY()
		h := float64(headLines)*headH + 1.5
		p.SetFillColor(235, 235, 235)
		p.SetLineWidth(0.2)
		d.font("B", headSize)
		for i := range t.Columns {
			p.Rect(x, y, widths[i], h, "FD")
			top := y + (h-float64(len(heads[i]))*headH)/2
			for j, l := range heads[i] {
				p.SetXY(x, top+float64(j)*headH)
				p.CellFormat(widths[i], headH, fit(p, l, widths[i]-0.6), "", 0, "C", false, 0, "")
			}
			x += widths[i]
		}
		p.SetXY(d.left, y+h)
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
		x := d.left
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
	// A name of more lines than maxCellLines is cut, "…" at its end, so
	// that its row fits on a page: a name of 10,000 letters ran off the
	// page's foot, its row's figures on no page (a twenty-fourth review).
	wrapped := func(c string, i int) []string {
		if p.GetStringWidth(c) <= widths[i]-2 {
			return nil
		}
		ls := p.SplitText(c, widths[i])
		if len(ls) > maxCellLines {
			ls = ls[:maxCellLines]
			last := []rune(strings.TrimSpace(ls[maxCellLines-1]))
			for len(last) > 0 && p.GetStringWidth(string(last)+"…") > widths[i]-2 {
				last = last[:len(last)-1]
			}
			ls[maxCellLines-1] = string(last) + "…"
		}
		return ls
	}
	row := func(cells []string, style string, fill bool) {
		// A long name wraps; the row grows to fit it.
		lines := 1
		d.font(style, t.Size)
		for i, c := range cells {
			if i < len(widths) && !t.Columns[i].Right {
				lines = max(lines, len(wrapped(c, i)))
			}
		}
		h := float64(lines) * rowH
		if p.GetY()+h > pageHeight-d.bottom {
			newPage()
			d.font(style, t.Size)
		}
		x, y := d.left, p.GetY()
		if fill {
			p.SetFillColor(245, 245, 245)
			p.Rect(x, y, d.width, h, "F")
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
		p.Line(d.left, y+h, d.left+d.width, y+h)
		p.SetXY(d.left, y+h)
	}
	d.ensure(3 * rowH * 2)
	header()
	top = p.GetY()
	for _, r := range t.Rows {
		if r.Group {
			// Keep a group heading with its first row.
			if p.GetY()+2*rowH > pageHeight-d.bottom {
				newPage()
			}
			columnLines()
			d.font("B", t.Size)
			p.SetFillColor(250, 250, 250)
			p.SetX(d.left)
			p.CellFormat(d.width, rowH, r.Cells[0], "1", 1, "L", true, 0, "")
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
	if t.Note != "" {
		d.font("I", t.Size)
		p.SetX(d.left)
		p.MultiCell(d.width, rowH, t.Note, "", "L", false)
	}
	p.Ln(pt(6))
}

// longestWord is the width of the widest word of s, which a column must
// hold whatever else wraps.
func longestWord(p *fpdf.Fpdf, s string) float64 {
	w := 0.0
	for _, f := range strings.Fields(s) {
		w = max(w, p.GetStringWidth(f))
	}
	return w
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

// pageNumbers writes the page numbers centred in the top margin, 10 mm
// from the edge: from page 2 on in the official forms, as Decree
// 30/2020/NĐ-CP and Hướng dẫn 36-HD/VPTW set them, on every page with
// doc.Page.NumberFirst.
func (d *drawer) pageNumbers() {
	p := d.pdf
	pg := d.doc.Page
	n := p.PageCount()
	if pg.Number == "" {
		return
	}
	first := 2
	if pg.NumberFirst {
		first = 1
	}
	// Writing in the top margin must not start a new page.
	p.SetAutoPageBreak(false, 0)
	total := strconv.Itoa(n)
	for i := first; i <= n; i++ {
		p.SetPage(i)
		d.font("", pg.NumberSize)
		h := lineHeight(pg.NumberSize)
		p.SetXY(d.left, 10-h/2)
		text := strings.NewReplacer("{page}", strconv.Itoa(i), "{pages}", total).Replace(pg.Number)
		p.CellFormat(d.width, h, text, "", 0, "C", false, 0, "")
	}
	p.SetAutoPageBreak(true, d.bottom)
}
