// Package charts draws the bar charts of a report with go-chart: vertical
// or horizontal bars, one series or several stacked, with a value axis, gridlines, value
// labels and a legend. It draws on any go-chart Renderer, so the same chart
// can be a PNG image or, through another renderer, vector paths; it knows
// nothing of localities, Vietnam or PDF pages.
//
// go-chart's own StackedBarChart scales every bar to 100 %, and its
// BarChart has one series without a legend, so the charts are built here on
// go-chart's Renderer, Style and text-fitting pieces.
package charts

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Spec describes a bar chart.
type Spec struct {
	// Horizontal lays the bars along the x axis, one row per category.
	Horizontal bool
	Categories []string // one per bar, under the bar (beside it if Horizontal)
	Series     []Series // one series, or several stacked bottom to top
	// Width and Height are the chart's size in pixels at DPI; a 165 × 70 mm
	// chart at 200 dpi is 1299 × 551.
	Width, Height int
	DPI           float64
	Font          *truetype.Font // labels; required
	FontSize      float64        // points; 0 means 9
	// Thousands and Decimal separate the digits of axis ticks; "" means
	// "." and ",", the Vietnamese way.
	Thousands, Decimal string
	// Title, and Context under it, are drawn across the top, centred, for
	// a chart shown on its own; "" for none (a page gives the chart's
	// title itself). PNG and SVG make the image taller by their height;
	// Draw takes it from Height.
	Title, Context string
}

// Series is one coloured part of every bar.
type Series struct {
	Name   string
	Values []float64 // one per category, none negative
	Labels []string  // the values written out; "" for no label
}

// Palette is the colours of the series in order. Their lightness differs
// enough to tell them apart when printed in black and white.
var palette = []drawing.Color{
	{R: 0x0b, G: 0x2e, B: 0x5e, A: 255}, // dark blue, L* ≈ 20
	{R: 0xe8, G: 0xa2, B: 0x3a, A: 255}, // amber, L* ≈ 72
	{R: 0x2f, G: 0x7d, B: 0x5b, A: 255}, // green, L* ≈ 47
	{R: 0xb9, G: 0xd1, B: 0xea, A: 255}, // pale blue, L* ≈ 83
	{R: 0x8a, G: 0x8a, B: 0x8a, A: 255}, // grey, L* ≈ 58
}

// Color returns the colour of series i as 8-bit RGB.
func Color(i int) (r, g, b uint8) {
	c := palette[i%len(palette)]
	return c.R, c.G, c.B
}

// labelColor returns black or white, whichever contrasts more with c.
func labelColor(c drawing.Color) drawing.Color {
	if contrast(c, drawing.ColorBlack) >= contrast(c, drawing.ColorWhite) {
		return drawing.ColorBlack
	}
	return drawing.ColorWhite
}

var (
	ink  = drawing.Color{R: 0x22, G: 0x22, B: 0x22, A: 255}
	grid = drawing.Color{R: 0xcc, G: 0xcc, B: 0xcc, A: 255}
)

func (s Spec) validate() error {
	if s.Font == nil {
		return errors.New("charts: no font")
	}
	if len(s.Categories) == 0 || len(s.Series) == 0 {
		return errors.New("charts: no bars")
	}
	if s.Width <= 0 || s.Height <= 0 {
		return fmt.Errorf("charts: bad size %d × %d", s.Width, s.Height)
	}
	for _, sr := range s.Series {
		if len(sr.Values) != len(s.Categories) {
			return fmt.Errorf("charts: series %q has %d values for %d bars", sr.Name, len(sr.Values), len(s.Categories))
		}
		for _, v := range sr.Values {
			if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("charts: series %q has the value %v", sr.Name, v)
			}
		}
	}
	return nil
}

// PNG draws the chart as a PNG image.
func PNG(s Spec) ([]byte, error) { return render(s, chart.PNG) }

// SVG draws the chart as an SVG image. Its text names the font family
// ("Liberation Sans" or the like) rather than embedding it, as go-chart's
// SVG renderer does.
func SVG(s Spec) ([]byte, error) { return render(s, chart.SVG) }

// render draws the chart with a renderer of go-chart's and returns what it
// saves.
func render(s Spec, provider chart.RendererProvider) ([]byte, error) {
	if err := s.validate(); err != nil {
		return nil, err
	}
	if s.Title != "" || s.Context != "" {
		// The image is taller by its title's height, measured first.
		m, err := provider(1, 1)
		if err != nil {
			return nil, err
		}
		f := newFrame(m, s)
		s.Height += f.title(f.px(4), false) - f.px(4)
	}
	r, err := provider(s.Width, s.Height)
	if err != nil {
		return nil, err
	}
	if err := Draw(r, s); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := r.Save(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Draw draws the chart on r, whose canvas is s.Width × s.Height pixels.
func Draw(r chart.Renderer, s Spec) error {
	if err := s.validate(); err != nil {
		return err
	}
	f := newFrame(r, s)
	// Background.
	chart.Draw.Box(r, chart.Box{Top: 0, Left: 0, Right: s.Width, Bottom: s.Height},
		chart.Style{FillColor: drawing.ColorWhite, StrokeColor: drawing.ColorWhite, StrokeWidth: 0.1})
	// Title and context, then the legend, across the top.
	top := f.px(4)
	if s.Title != "" || s.Context != "" {
		top = f.title(top, true)
	}
	if len(s.Series) > 1 {
		top = drawLegend(r, s, f.text, f.px, top-f.px(2))
	}
	if s.Horizontal {
		f.horizontal(top)
	} else {
		f.vertical(top)
	}
	return nil
}

// frame holds what both orientations share: styles, scale and ticks.
type frame struct {
	r           chart.Renderer
	s           Spec
	text, small chart.Style
	size        float64
	dpi         float64
	totals      []float64
	step, top   float64  // tick step and top tick
	ticks       []string // tick labels from 0 to top
	lineH       int      // height of a line of text
}

func newFrame(r chart.Renderer, s Spec) *frame {
	f := &frame{r: r, s: s, dpi: s.DPI, size: s.FontSize}
	if f.dpi == 0 {
		f.dpi = 200
	}
	if f.size == 0 {
		f.size = 9
	}
	r.SetDPI(f.dpi)
	f.text = chart.Style{Font: s.Font, FontSize: f.size, FontColor: ink}
	f.small = chart.Style{Font: s.Font, FontSize: f.size * 0.9, FontColor: ink}
	f.totals = make([]float64, len(s.Categories))
	for _, sr := range s.Series {
		for i, v := range sr.Values {
			f.totals[i] += v
		}
	}
	maxV := 0.0
	for _, t := range f.totals {
		maxV = math.Max(maxV, t)
	}
	f.step, f.top = niceTicks(maxV)
	th, dec := s.Thousands, s.Decimal
	if th == "" {
		th = "."
	}
	if dec == "" {
		dec = ","
	}
	for i := 0; float64(i)*f.step <= f.top+f.step/2; i++ {
		f.ticks = append(f.ticks, formatTick(float64(i)*f.step, f.step, th, dec))
	}
	f.lineH = chart.Draw.MeasureText(r, "Ậg", f.text).Height() + f.px(1.5)
	return f
}

// title draws the spec's title, in a larger size, and its context under
// it, each centred and wrapped to the width, from top, and returns where
// they end; with draw false it only measures them.
func (f *frame) title(top int, draw bool) int {
	y := top
	for _, part := range []struct {
		text string
		st   chart.Style
	}{{f.s.Title, chart.Style{Font: f.s.Font, FontSize: f.size * 1.15, FontColor: ink}}, {f.s.Context, f.text}} {
		if part.text == "" {
			continue
		}
		lineH := chart.Draw.MeasureText(f.r, "Ậg", part.st).Height() + f.px(2)
		wrap := part.st
		wrap.TextWrap = chart.TextWrapWord
		for _, l := range chart.Text.WrapFit(f.r, part.text, f.s.Width-f.px(8), wrap) {
			if l = strings.TrimSpace(l); l == "" {
				continue
			}
			y += lineH
			if draw {
				w := chart.Draw.MeasureText(f.r, l, part.st).Width()
				chart.Draw.Text(f.r, l, (f.s.Width-w)/2, y-f.px(2), part.st)
			}
		}
	}
	return y + f.px(6)
}

// wrap breaks text into lines at spaces to fit width pixels; a word wider
// than width has a line of its own.
func (f *frame) wrap(text string, width, maxLines int) []string {
	st := f.text
	st.TextWrap = chart.TextWrapWord
	var lines []string
	for _, l := range chart.Text.WrapFit(f.r, text, width, st) {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		lines = []string{text}
	}
	if len(lines) > maxLines {
		lines = append(lines[:maxLines-1], strings.Join(lines[maxLines-1:], " "))
	}
	// A line may still be too wide: the last one, holding the rest, or a
	// single word longer than the width. It is cut, and "…" says so.
	for i, l := range lines {
		lines[i] = f.shorten(l, width)
	}
	return lines
}

// shorten cuts text to fit width, ending it with "…" when it is cut.
func (f *frame) shorten(text string, width int) string {
	if f.measure(text, f.text).Width() <= width {
		return text
	}
	runes := []rune(text)
	lo, hi := 0, len(runes) // the longest prefix that fits is in [lo, hi)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if f.measure(strings.TrimSpace(string(runes[:mid]))+"…", f.text).Width() <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimSpace(string(runes[:lo])) + "…"
}

// Line styles of the gridlines and the axis.
var (
	gridLine = chart.Style{StrokeColor: grid, StrokeWidth: 1}
	axisLine = chart.Style{StrokeColor: ink, StrokeWidth: 1.5}
)

// line draws a straight line.
func (f *frame) line(x0, y0, x1, y1 int, st chart.Style) {
	st.WriteToRenderer(f.r)
	f.r.MoveTo(x0, y0)
	f.r.LineTo(x1, y1)
	f.r.Stroke()
}

// px converts points to pixels.
func (f *frame) px(pt float64) int { return int(math.Round(pt * f.dpi / 72)) }

func (f *frame) measure(text string, st chart.Style) chart.Box {
	return chart.Draw.MeasureText(f.r, text, st)
}

// segments draws the coloured parts of bar i inside the box whose value
// axis runs from base (value 0) to at(v), and labels each part that fits.
func (f *frame) segments(i int, box func(from, to float64) chart.Box) float64 {
	cum := 0.0
	for k, sr := range f.s.Series {
		v := sr.Values[i]
		if v == 0 {
			continue
		}
		b := box(cum, cum+v)
		c := palette[k%len(palette)]
		chart.Draw.Box(f.r, b, chart.Style{FillColor: c, StrokeColor: drawing.ColorWhite, StrokeWidth: 1})
		if len(f.s.Series) > 1 && i < len(sr.Labels) && sr.Labels[i] != "" {
			st := chart.Style{Font: f.s.Font, FontSize: f.size * 0.85, FontColor: labelColor(c)}
			m := f.measure(sr.Labels[i], st)
			if m.Height()+f.px(1) < b.Height() && m.Width()+f.px(1) < b.Width() {
				chart.Draw.Text(f.r, sr.Labels[i], (b.Left+b.Right-m.Width())/2, (b.Top+b.Bottom+m.Height())/2, st)
			}
		}
		cum += v
	}
	return cum
}

// vertical draws bars standing on the x axis, categories under them.
func (f *frame) vertical(top int) {
	r, s, px := f.r, f.s, f.px
	widest := 0
	for _, l := range f.ticks {
		widest = max(widest, f.measure(l, f.small).Width())
	}
	// Category labels: wrapped to the bar's slot, at most three lines.
	left := widest + px(6)
	right := s.Width - px(2)
	slot := float64(right-left) / float64(len(s.Categories))
	var wrapped [][]string
	maxLines := 1
	for _, c := range s.Categories {
		lines := f.wrap(c, int(slot)-px(2), 3)
		wrapped = append(wrapped, lines)
		maxLines = max(maxLines, len(lines))
	}
	bottom := s.Height - maxLines*f.lineH - px(4)
	plotTop := top + f.lineH + px(2) // room above the tallest bar for its total
	plotH := float64(bottom - plotTop)
	y := func(v float64) int { return bottom - int(math.Round(v/f.top*plotH)) }

	// Gridlines and tick labels.
	for i, l := range f.ticks {
		yy := y(float64(i) * f.step)
		f.line(left, yy, right, yy, gridLine)
		b := f.measure(l, f.small)
		chart.Draw.Text(r, l, left-px(3)-b.Width(), yy+b.Height()/2, f.small)
	}
	barW := slot * 0.62
	for i := range s.Categories {
		x0 := left + int(math.Round(slot*float64(i)+(slot-barW)/2))
		x1 := x0 + int(math.Round(barW))
		cum := f.segments(i, func(from, to float64) chart.Box {
			return chart.Box{Left: x0, Right: x1, Top: y(to), Bottom: y(from)}
		})
		// The bar's total above it.
		if total := totalLabel(s, i); total != "" {
			b := f.measure(total, f.text)
			chart.Draw.Text(r, total, (x0+x1-b.Width())/2, y(cum)-px(2), f.text)
		}
		// The category under it.
		for j, line := range wrapped[i] {
			b := f.measure(line, f.text)
			cx := left + int(slot*float64(i)+slot/2)
			chart.Draw.Text(r, line, cx-b.Width()/2, bottom+px(3)+(j+1)*f.lineH-px(1.5), f.text)
		}
	}
	f.line(left, bottom, right, bottom, axisLine)
}

// horizontal draws bars along the x axis, one row per category with its
// name on the left and its value at the bar's end; go-chart has no
// horizontal bar chart (its issue 222), so it is built from the same pieces.
func (f *frame) horizontal(top int) {
	r, s, px := f.r, f.s, f.px
	// Names take at most 35 % of the width, wrapped to two lines.
	maxName := int(float64(s.Width) * 0.35)
	var wrapped [][]string
	nameW := 0
	for _, c := range s.Categories {
		lines := f.wrap(c, maxName, 2)
		wrapped = append(wrapped, lines)
		for _, l := range lines {
			nameW = max(nameW, f.measure(l, f.text).Width())
		}
	}
	left := min(nameW, maxName) + px(6)
	// Room on the right for the longest value label.
	valueW := 0
	for i := range s.Categories {
		valueW = max(valueW, f.measure(totalLabel(s, i), f.text).Width())
	}
	right := s.Width - valueW - px(6)
	tickH := f.measure("0", f.small).Height()
	bottom := s.Height - tickH - px(6)
	slot := float64(bottom-top) / float64(len(s.Categories))
	x := func(v float64) int { return left + int(math.Round(v/f.top*float64(right-left))) }

	for i, l := range f.ticks {
		xx := x(float64(i) * f.step)
		f.line(xx, top, xx, bottom, gridLine)
		b := f.measure(l, f.small)
		chart.Draw.Text(r, l, xx-b.Width()/2, bottom+px(3)+b.Height(), f.small)
	}
	barH := slot * 0.62
	for i := range s.Categories {
		y0 := top + int(math.Round(slot*float64(i)+(slot-barH)/2))
		y1 := y0 + int(math.Round(barH))
		cum := f.segments(i, func(from, to float64) chart.Box {
			return chart.Box{Left: x(from), Right: x(to), Top: y0, Bottom: y1}
		})
		if total := totalLabel(s, i); total != "" {
			b := f.measure(total, f.text)
			chart.Draw.Text(r, total, x(cum)+px(3), (y0+y1+b.Height())/2, f.text)
		}
		lines := wrapped[i]
		blockH := len(lines) * f.lineH
		for j, line := range lines {
			b := f.measure(line, f.text)
			yy := (y0+y1-blockH)/2 + (j+1)*f.lineH - px(1.5)
			chart.Draw.Text(r, line, left-px(4)-b.Width(), yy, f.text)
		}
	}
	f.line(left, top, left, bottom, axisLine)
}

// totalLabel is the label over bar i: the single series' label, or the sum
// of the stacked values written like the ticks.
func totalLabel(s Spec, i int) string {
	if len(s.Series) == 1 {
		if i < len(s.Series[0].Labels) {
			return s.Series[0].Labels[i]
		}
		return ""
	}
	sum := 0.0
	for _, sr := range s.Series {
		sum += sr.Values[i]
	}
	th := s.Thousands
	if th == "" {
		th = "."
	}
	return formatTick(sum, 1, th, s.Decimal)
}

// drawLegend draws a swatch and name per series across the top, wrapping
// to more rows when needed, and returns the y below it.
func drawLegend(r chart.Renderer, s Spec, text chart.Style, px func(float64) int, top int) int {
	sw := px(7)
	gap := px(10)
	x, yTop := px(2), top
	lineH := chart.Draw.MeasureText(r, "Ậg", text).Height() + px(3)
	for k, sr := range s.Series {
		w := sw + px(3) + chart.Draw.MeasureText(r, sr.Name, text).Width()
		if x > px(2) && x+w > s.Width {
			x, yTop = px(2), yTop+lineH
		}
		c := palette[k%len(palette)]
		chart.Draw.Box(r, chart.Box{Left: x, Top: yTop + (lineH-sw)/2 - px(1), Right: x + sw, Bottom: yTop + (lineH-sw)/2 - px(1) + sw},
			chart.Style{FillColor: c, StrokeColor: c, StrokeWidth: 1})
		b := chart.Draw.MeasureText(r, sr.Name, text)
		chart.Draw.Text(r, sr.Name, x+sw+px(3), yTop+(lineH+b.Height())/2-px(1), text)
		x += w + gap
	}
	return yTop + lineH + px(2)
}

// niceTicks returns a tick step of 1, 2 or 5 × 10^n giving about five
// ticks up to max, and the top tick.
func niceTicks(max float64) (step, top float64) {
	if max <= 0 {
		return 1, 1
	}
	raw := max / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		step = m * mag
		if step >= raw {
			break
		}
	}
	if step < 1 && max >= 1 {
		step = 1
	}
	top = math.Ceil(max/step) * step
	if top == 0 {
		top = step
	}
	return step, top
}

// formatTick writes v with thousands grouping and as many decimals as the
// step needs.
func formatTick(v, step float64, th, dec string) string {
	decimals := 0
	for s := step; math.Abs(s-math.Round(s)) > 1e-9 && decimals < 3; s *= 10 {
		decimals++
	}
	str := fmt.Sprintf("%.*f", decimals, v)
	intPart, frac, _ := strings.Cut(str, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(th)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		if dec == "" {
			dec = ","
		}
		b.WriteString(dec + frac)
	}
	return b.String()
}

// luminance is the WCAG relative luminance of c.
func luminance(c drawing.Color) float64 {
	lum := func(v uint8) float64 {
		f := float64(v) / 255
		if f <= 0.03928 {
			return f / 12.92
		}
		return math.Pow((f+0.055)/1.055, 2.4)
	}
	return 0.2126*lum(c.R) + 0.7152*lum(c.G) + 0.0722*lum(c.B)
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b drawing.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}
