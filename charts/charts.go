// Package charts draws the bar charts of a report with go-chart: vertical
// bars, one series or several stacked, with a value axis, gridlines, value
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
	Categories []string // one per bar, under the bar
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
	{R: 0xa8, G: 0xc8, B: 0xe8, A: 255}, // pale blue, L* ≈ 80
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
func PNG(s Spec) ([]byte, error) {
	if err := s.validate(); err != nil {
		return nil, err
	}
	r, err := chart.PNG(s.Width, s.Height)
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
	dpi := s.DPI
	if dpi == 0 {
		dpi = 200
	}
	r.SetDPI(dpi)
	size := s.FontSize
	if size == 0 {
		size = 9
	}
	px := func(pt float64) int { return int(math.Round(pt * dpi / 72)) } // points to pixels
	text := chart.Style{Font: s.Font, FontSize: size, FontColor: ink}
	small := chart.Style{Font: s.Font, FontSize: size * 0.9, FontColor: ink}

	// Background.
	chart.Draw.Box(r, chart.Box{Top: 0, Left: 0, Right: s.Width, Bottom: s.Height},
		chart.Style{FillColor: drawing.ColorWhite, StrokeColor: drawing.ColorWhite, StrokeWidth: 0.1})

	// Legend, across the top, for more than one series.
	top := px(4)
	if len(s.Series) > 1 {
		top = drawLegend(r, s, text, px)
	}

	// The value axis.
	totals := make([]float64, len(s.Categories))
	for _, sr := range s.Series {
		for i, v := range sr.Values {
			totals[i] += v
		}
	}
	maxV := 0.0
	for _, t := range totals {
		maxV = math.Max(maxV, t)
	}
	step, maxTick := niceTicks(maxV)
	th, dec := s.Thousands, s.Decimal
	if th == "" {
		th = "."
	}
	if dec == "" {
		dec = ","
	}
	var tickLabels []string
	widest := 0
	for v := 0.0; v <= maxTick+step/2; v += step {
		l := formatTick(v, step, th, dec)
		tickLabels = append(tickLabels, l)
		widest = max(widest, chart.Draw.MeasureText(r, l, small).Width())
	}

	// Category labels: wrapped to the bar's slot, at most three lines.
	left := widest + px(6)
	right := s.Width - px(2)
	slot := float64(right-left) / float64(len(s.Categories))
	var wrapped [][]string
	lineH := chart.Draw.MeasureText(r, "Ậg", text).Height() + px(1.5)
	maxLines := 1
	for _, c := range s.Categories {
		lines := chart.Text.WrapFit(r, c, int(slot)-px(2), text)
		if len(lines) > 3 {
			lines = append(lines[:2], strings.Join(lines[2:], " "))
		}
		wrapped = append(wrapped, lines)
		maxLines = max(maxLines, len(lines))
	}
	bottom := s.Height - maxLines*lineH - px(4)
	// Room above the tallest bar for its total.
	plotTop := top + lineH + px(2)
	plotH := float64(bottom - plotTop)
	y := func(v float64) int { return bottom - int(math.Round(v/maxTick*plotH)) }

	// Gridlines and tick labels.
	for i, l := range tickLabels {
		v := float64(i) * step
		yy := y(v)
		chart.Style{StrokeColor: grid, StrokeWidth: 1}.WriteToRenderer(r)
		r.MoveTo(left, yy)
		r.LineTo(right, yy)
		r.Stroke()
		b := chart.Draw.MeasureText(r, l, small)
		chart.Draw.Text(r, l, left-px(3)-b.Width(), yy+b.Height()/2, small)
	}

	// Bars.
	barW := slot * 0.62
	for i := range s.Categories {
		x0 := left + int(math.Round(slot*float64(i)+(slot-barW)/2))
		x1 := x0 + int(math.Round(barW))
		cum := 0.0
		for k, sr := range s.Series {
			v := sr.Values[i]
			if v == 0 {
				continue
			}
			y0, y1 := y(cum), y(cum+v)
			c := palette[k%len(palette)]
			chart.Draw.Box(r, chart.Box{Left: x0, Right: x1, Top: y1, Bottom: y0},
				chart.Style{FillColor: c, StrokeColor: drawing.ColorWhite, StrokeWidth: 1})
			// The segment's own label, if there are several series and it fits.
			if len(s.Series) > 1 && i < len(sr.Labels) && sr.Labels[i] != "" {
				l := sr.Labels[i]
				st := chart.Style{Font: s.Font, FontSize: size * 0.85, FontColor: labelColor(c)}
				b := chart.Draw.MeasureText(r, l, st)
				if b.Height()+px(1) < y0-y1 && b.Width()+px(1) < x1-x0 {
					chart.Draw.Text(r, l, (x0+x1-b.Width())/2, (y0+y1+b.Height())/2, st)
				}
			}
			cum += v
		}
		// The bar's total above it.
		total := totalLabel(s, i)
		if total != "" {
			b := chart.Draw.MeasureText(r, total, text)
			chart.Draw.Text(r, total, (x0+x1-b.Width())/2, y(cum)-px(2), text)
		}
		// The category under it.
		for j, line := range wrapped[i] {
			b := chart.Draw.MeasureText(r, line, text)
			cx := left + int(slot*float64(i)+slot/2)
			chart.Draw.Text(r, line, cx-b.Width()/2, bottom+px(3)+(j+1)*lineH-px(1.5), text)
		}
	}
	// The axis line.
	chart.Style{StrokeColor: ink, StrokeWidth: 1.5}.WriteToRenderer(r)
	r.MoveTo(left, bottom)
	r.LineTo(right, bottom)
	r.Stroke()
	return nil
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
func drawLegend(r chart.Renderer, s Spec, text chart.Style, px func(float64) int) int {
	sw := px(7)
	gap := px(10)
	x, yTop := px(2), px(2)
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
	for s := step; s < 1 && decimals < 3; s *= 10 {
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
