package fpdfrender

import (
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/go-pdf/fpdf"
	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/text/unicode/norm"
)

// Box is a rectangle of the page, in the pdf's unit (the unit given to
// fpdf.New, usually mm): its top-left corner (X, Y), width W and height H.
type Box struct {
	X, Y, W, H float64
}

// Face names the fpdf font that draws text set in a go-chart font: the
// family and style ("", "B", "I" or "BI") it was registered under with
// AddUTF8FontFromBytes.
type Face struct {
	Family string
	Style  string
}

// Renderer is a chart.Renderer that draws into an *fpdf.Fpdf. Make one with
// New or, for go-chart's Render methods, with Provider. It is not safe for
// concurrent use, and neither is the pdf.
type Renderer struct {
	pdf   *fpdf.Fpdf
	faces map[*truetype.Font]Face

	k      float64 // PDF points per document unit
	scale  float64 // document units per grid pixel
	ox, oy float64 // page position of grid pixel (0, 0), in document units
	dpi    float64

	// The style as go-chart set it.
	strokeColor drawing.Color
	fillColor   drawing.Color
	fontColor   drawing.Color
	strokeWidth float64
	dashArray   []float64
	font        *truetype.Font
	fontSize    float64
	rotated     bool
	rotation    float64 // radians, clockwise on the page

	path path

	cur   pdfState // the pdf's state as far as this renderer set it
	orig  pdfState // the pdf's state before the chart
	origX float64
	origY float64
}

// pdfState is the part of the pdf's graphics state the renderer changes.
type pdfState struct {
	draw, fill, text [3]int
	lineWidth        float64
	alpha            float64
	blend            string
	dash             []float64 // in document units; nil is solid
	dashKnown        bool
	face             Face
	fontPt           float64
	fontKnown        bool
}

var _ chart.Renderer = (*Renderer)(nil)

// New returns a Renderer that maps a chart of width × height grid pixels
// onto box of the pdf's current page, with one scale for both axes (the
// chart is centred in box if the aspect ratios differ). faces maps each font
// the chart's styles use to the fpdf font registered from the same file;
// every Face must already be registered with the pdf. The pdf must have a
// page and no error.
func New(pdf *fpdf.Fpdf, box Box, width, height int, faces map[*truetype.Font]Face) (*Renderer, error) {
	if pdf == nil {
		return nil, errors.New("fpdfrender: nil pdf")
	}
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("fpdfrender: pdf already failed: %w", err)
	}
	if pdf.PageNo() == 0 {
		return nil, errors.New("fpdfrender: pdf has no page to draw on")
	}
	if !(box.W > 0 && box.H > 0) || !finite(box.X, box.Y, box.W, box.H) {
		return nil, fmt.Errorf("fpdfrender: invalid box %+v", box)
	}
	if width <= 0 || height <= 0 {
		return nil, fmt.Errorf("fpdfrender: invalid chart size %d×%d px", width, height)
	}
	copied := make(map[*truetype.Font]Face, len(faces))
	for f, face := range faces {
		if f == nil {
			return nil, errors.New("fpdfrender: nil *truetype.Font in faces")
		}
		if face.Family == "" {
			return nil, errors.New("fpdfrender: Face with empty Family")
		}
		if pdf.GetFontDesc(face.Family, face.Style) == (fpdf.FontDescType{}) {
			return nil, fmt.Errorf("fpdfrender: font %q style %q is not registered in the pdf", face.Family, face.Style)
		}
		copied[f] = face
	}
	scale := math.Min(box.W/float64(width), box.H/float64(height))
	k := pdf.GetConversionRatio()
	r := &Renderer{
		pdf:   pdf,
		faces: copied,
		k:     k,
		scale: scale,
		ox:    box.X + (box.W-scale*float64(width))/2,
		oy:    box.Y + (box.H-scale*float64(height))/2,
		dpi:   72 / (scale * k),
	}
	r.orig = readState(pdf)
	r.cur = r.orig
	r.origX, r.origY = pdf.GetXY()
	return r, nil
}

// Provider returns a chart.RendererProvider for go-chart's Render methods:
// each call makes a Renderer (see New) that maps the chart's pixel size
// onto box of the pdf's current page. Give Render io.Discard as its writer.
func Provider(pdf *fpdf.Fpdf, box Box, faces map[*truetype.Font]Face) chart.RendererProvider {
	return func(width, height int) (chart.Renderer, error) {
		return New(pdf, box, width, height, faces)
	}
}

// Grid returns the pixel size of a chart that fills box at pxPerUnit grid
// pixels per document unit, and the DPI that makes the chart's font sizes
// true points on paper. Set all three on the chart (Width, Height, DPI).
// It returns zeros if box or pxPerUnit is not positive.
func Grid(pdf *fpdf.Fpdf, box Box, pxPerUnit float64) (width, height int, dpi float64) {
	if pdf == nil || !(box.W > 0 && box.H > 0 && pxPerUnit > 0) || !finite(box.W, box.H, pxPerUnit) {
		return 0, 0, 0
	}
	width = int(math.Round(box.W * pxPerUnit))
	height = int(math.Round(box.H * pxPerUnit))
	if width < 1 || height < 1 {
		return 0, 0, 0
	}
	return width, height, DPI(pdf, box, width, height)
}

// DPI returns the DPI that makes font sizes of a width × height pixel chart,
// drawn into box, true points on paper. It returns 0 if a size is not
// positive.
func DPI(pdf *fpdf.Fpdf, box Box, width, height int) float64 {
	if pdf == nil || width <= 0 || height <= 0 || !(box.W > 0 && box.H > 0) {
		return 0
	}
	scale := math.Min(box.W/float64(width), box.H/float64(height))
	return 72 / (scale * pdf.GetConversionRatio())
}

func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

func readState(pdf *fpdf.Fpdf) pdfState {
	var s pdfState
	s.draw[0], s.draw[1], s.draw[2] = pdf.GetDrawColor()
	s.fill[0], s.fill[1], s.fill[2] = pdf.GetFillColor()
	s.text[0], s.text[1], s.text[2] = pdf.GetTextColor()
	s.lineWidth = pdf.GetLineWidth()
	s.alpha, s.blend = pdf.GetAlpha()
	if s.blend == "" {
		s.blend = "Normal" // fpdf's SetAlpha reads "" as Normal
	}
	return s
}

// X returns the page x coordinate, in document units, of grid x.
func (r *Renderer) X(x float64) float64 { return r.ox + x*r.scale }

// Y returns the page y coordinate, in document units, of grid y.
func (r *Renderer) Y(y float64) float64 { return r.oy + y*r.scale }

// Scale returns the size of one grid pixel in document units.
func (r *Renderer) Scale() float64 { return r.scale }

// ResetStyle clears the style and the text rotation, keeping the font.
func (r *Renderer) ResetStyle() {
	r.strokeColor, r.fillColor, r.fontColor = drawing.Color{}, drawing.Color{}, drawing.Color{}
	r.strokeWidth = 0
	r.dashArray = nil
	r.fontSize = 0
	r.rotated, r.rotation = false, 0
}

// GetDPI returns the DPI go-chart converts font sizes with. Until SetDPI it
// is the grid's own DPI (see DPI).
func (r *Renderer) GetDPI() float64 { return r.dpi }

// SetDPI sets the DPI go-chart converts font sizes with; go-chart calls it
// with the chart's DPI. Non-positive values are ignored.
func (r *Renderer) SetDPI(dpi float64) {
	if dpi > 0 && finite(dpi) {
		r.dpi = dpi
	}
}

// SetClassName does nothing: PDF has no classes.
func (r *Renderer) SetClassName(string) {}

// SetStrokeColor sets the stroke colour.
func (r *Renderer) SetStrokeColor(c drawing.Color) { r.strokeColor = c }

// SetFillColor sets the fill colour.
func (r *Renderer) SetFillColor(c drawing.Color) { r.fillColor = c }

// SetStrokeWidth sets the stroke width in grid pixels.
func (r *Renderer) SetStrokeWidth(width float64) { r.strokeWidth = width }

// SetStrokeDashArray sets the dash lengths in grid pixels; empty is solid.
func (r *Renderer) SetStrokeDashArray(dashArray []float64) {
	r.dashArray = append([]float64(nil), dashArray...)
}

// MoveTo starts a new subpath at (x, y).
func (r *Renderer) MoveTo(x, y int) { r.path.moveTo(float64(x), float64(y)) }

// LineTo adds a line from the current point to (x, y).
func (r *Renderer) LineTo(x, y int) { r.path.lineTo(float64(x), float64(y)) }

// QuadCurveTo adds a quadratic Bézier curve with control point (cx, cy) to
// (x, y).
func (r *Renderer) QuadCurveTo(cx, cy, x, y int) {
	r.path.quadTo(float64(cx), float64(cy), float64(x), float64(y))
}

// ArcTo adds an elliptical arc about (cx, cy) with radii rx, ry, from
// startAngle through delta (radians, clockwise on the page from 3 o'clock,
// as in go-chart's raster renderer), joined by a line to the current point
// if there is one.
func (r *Renderer) ArcTo(cx, cy int, rx, ry, startAngle, delta float64) {
	if !r.ok() {
		return
	}
	if !finite(rx, ry, startAngle, delta) {
		r.pdf.SetError(errors.New("fpdfrender: ArcTo with a non-finite argument"))
		return
	}
	r.path.arcTo(float64(cx), float64(cy), rx, ry, startAngle, delta)
}

// Close closes the current subpath.
func (r *Renderer) Close() { r.path.close() }

// Stroke strokes the path and clears it.
func (r *Renderer) Stroke() { r.paint(false, true) }

// Fill fills the path and clears it.
func (r *Renderer) Fill() { r.paint(true, false) }

// FillStroke fills and strokes the path and clears it.
func (r *Renderer) FillStroke() { r.paint(true, true) }

// Circle paints a circle of radius (grid pixels) about (x, y) at once, with
// the current fill and stroke, leaving the path as it was.
func (r *Renderer) Circle(radius float64, x, y int) {
	if !finite(radius) || radius <= 0 {
		return
	}
	saved := r.path
	r.path = path{}
	r.path.arcTo(float64(x), float64(y), radius, radius, 0, 2*math.Pi)
	r.path.close()
	r.paint(true, true)
	r.path = saved
}

// SetFont sets the font of text.
func (r *Renderer) SetFont(f *truetype.Font) { r.font = f }

// SetFontColor sets the colour of text.
func (r *Renderer) SetFontColor(c drawing.Color) { r.fontColor = c }

// SetFontSize sets the font size in points at the renderer's DPI.
func (r *Renderer) SetFontSize(size float64) { r.fontSize = size }

// SetTextRotation sets the rotation of text, in radians clockwise on the
// page, about each text's origin.
func (r *Renderer) SetTextRotation(radians float64) {
	r.rotated, r.rotation = true, radians
}

// ClearTextRotation stops rotating text.
func (r *Renderer) ClearTextRotation() { r.rotated, r.rotation = false, 0 }

// Text draws body with its baseline starting at (x, y).
func (r *Renderer) Text(body string, x, y int) {
	if body == "" || !r.ok() || r.fontColor.A == 0 {
		return
	}
	body = norm.NFC.String(body)
	if !r.selectFont() {
		return
	}
	r.setTextColor(r.fontColor)
	r.setAlpha(r.fontColor.A)
	px, py := r.X(float64(x)), r.Y(float64(y))
	if r.rotated && r.rotation != 0 {
		r.pdf.TransformBegin()
		r.pdf.TransformRotate(-r.rotation*180/math.Pi, px, py)
		r.pdf.Text(px, py, body)
		r.pdf.TransformEnd()
		return
	}
	r.pdf.Text(px, py, body)
}

// MeasureText returns the size of body in grid pixels: its advance width in
// the fpdf font, rounded up, and the font size as its height; with a
// rotation set, the bounds of that box rotated, as go-chart expects.
func (r *Renderer) MeasureText(body string) chart.Box {
	if !r.ok() || !r.selectFont() {
		return chart.Box{}
	}
	w := r.pdf.GetStringWidth(norm.NFC.String(body)) / r.scale
	h := drawing.PointsToPixels(r.dpi, r.fontSize)
	box := chart.Box{Right: ceilPx(w), Bottom: ceilPx(h)}
	if r.rotated && r.rotation != 0 {
		box = box.Corners().Rotate(chart.RadiansToDegrees(r.rotation)).Box()
	}
	return box
}

// ceilPx rounds a pixel length up, forgiving floating-point noise.
func ceilPx(v float64) int {
	return int(math.Ceil(v - 1e-6))
}

// Save finishes the chart: it writes nothing to w (the chart is already in
// the pdf), restores the pdf's colours, line width, alpha, solid dash and
// current position to what they were before the chart, and returns the
// pdf's accumulated error.
func (r *Renderer) Save(w io.Writer) error {
	if r.pdf == nil {
		return errNotNew
	}
	if r.pdf.Err() {
		return r.pdf.Error()
	}
	o := r.orig
	if r.cur.draw != o.draw {
		r.pdf.SetDrawColor(o.draw[0], o.draw[1], o.draw[2])
	}
	if r.cur.fill != o.fill {
		r.pdf.SetFillColor(o.fill[0], o.fill[1], o.fill[2])
	}
	if r.cur.text != o.text {
		r.pdf.SetTextColor(o.text[0], o.text[1], o.text[2])
	}
	if r.cur.lineWidth != o.lineWidth {
		r.pdf.SetLineWidth(o.lineWidth)
	}
	if r.cur.alpha != o.alpha || r.cur.blend != o.blend {
		r.pdf.SetAlpha(o.alpha, o.blend)
	}
	if r.cur.dashKnown && len(r.cur.dash) > 0 {
		r.pdf.SetDashPattern(nil, 0)
	}
	r.cur = o
	r.pdf.SetXY(r.origX, r.origY)
	return r.pdf.Error()
}

var errNotNew = errors.New("fpdfrender: Renderer not made by New")

// ok tells whether the renderer can draw: it has a pdf (a zero Renderer
// has none and draws nothing) and the pdf has no error.
func (r *Renderer) ok() bool {
	return r.pdf != nil && !r.pdf.Err()
}

// selectFont makes the current go-chart font and size the pdf's font,
// setting the pdf's error if the font has no Face.
func (r *Renderer) selectFont() bool {
	if r.font == nil {
		r.pdf.SetError(errors.New("fpdfrender: text without a font (set the chart's Font)"))
		return false
	}
	face, ok := r.faces[r.font]
	if !ok {
		r.pdf.SetError(fmt.Errorf("fpdfrender: no Face for font %q", r.font.Name(truetype.NameIDFontFullName)))
		return false
	}
	pt := r.fontSize * r.dpi / 72 * r.scale * r.k
	if !finite(pt) || pt < 0 {
		r.pdf.SetError(fmt.Errorf("fpdfrender: invalid font size %v", r.fontSize))
		return false
	}
	if !r.cur.fontKnown || r.cur.face != face || r.cur.fontPt != pt {
		r.pdf.SetFont(face.Family, face.Style, pt)
		r.cur.face, r.cur.fontPt, r.cur.fontKnown = face, pt, true
	}
	return !r.pdf.Err()
}

func rgb(c drawing.Color) [3]int { return [3]int{int(c.R), int(c.G), int(c.B)} }

func (r *Renderer) setDrawColor(c drawing.Color) {
	if v := rgb(c); v != r.cur.draw {
		r.pdf.SetDrawColor(v[0], v[1], v[2])
		r.cur.draw = v
	}
}

func (r *Renderer) setFillColor(c drawing.Color) {
	if v := rgb(c); v != r.cur.fill {
		r.pdf.SetFillColor(v[0], v[1], v[2])
		r.cur.fill = v
	}
}

func (r *Renderer) setTextColor(c drawing.Color) {
	if v := rgb(c); v != r.cur.text {
		r.pdf.SetTextColor(v[0], v[1], v[2])
		r.cur.text = v
	}
}

// setAlpha makes a (0–255) the pdf's constant alpha, in blend mode Normal.
func (r *Renderer) setAlpha(a uint8) {
	alpha := float64(a) / 255
	// fpdf names alpha states by 3 decimals; compare at that precision.
	if math.Round(alpha*1000) != math.Round(r.cur.alpha*1000) || r.cur.blend != "Normal" {
		r.pdf.SetAlpha(alpha, "Normal")
		r.cur.alpha, r.cur.blend = alpha, "Normal"
	}
}

func (r *Renderer) setLineWidth(px float64) {
	if w := px * r.scale; w != r.cur.lineWidth {
		r.pdf.SetLineWidth(w)
		r.cur.lineWidth = w
	}
}

func (r *Renderer) setDash(px []float64) {
	var dash []float64
	for _, v := range px {
		if !finite(v) || v < 0 {
			r.pdf.SetError(fmt.Errorf("fpdfrender: invalid dash array %v", px))
			return
		}
		dash = append(dash, v*r.scale)
	}
	if allZero(dash) {
		dash = nil // PDF forbids an all-zero dash array; draw solid
	}
	if r.cur.dashKnown && equalFloats(dash, r.cur.dash) {
		return
	}
	r.pdf.SetDashPattern(dash, 0)
	r.cur.dash, r.cur.dashKnown = dash, true
}

func allZero(vs []float64) bool {
	for _, v := range vs {
		if v != 0 {
			return false
		}
	}
	return true
}

func equalFloats(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// paint emits the path with the requested fill and stroke and clears it.
// Invisible parts are skipped; if fill and stroke need different alpha
// values the path is emitted twice.
func (r *Renderer) paint(fill, stroke bool) {
	p := r.path
	r.path = path{}
	if !r.ok() || !p.drawable() {
		return
	}
	fill = fill && r.fillColor.A > 0
	stroke = stroke && r.strokeColor.A > 0 && r.strokeWidth > 0 && finite(r.strokeWidth)
	if fill && stroke && r.fillColor.A != r.strokeColor.A {
		r.paintOne(p, true, false)
		r.paintOne(p, false, true)
		return
	}
	if fill || stroke {
		r.paintOne(p, fill, stroke)
	}
}

func (r *Renderer) paintOne(p path, fill, stroke bool) {
	op := "S"
	switch {
	case fill && stroke:
		op = "B*"
	case fill:
		op = "f*"
	}
	if fill {
		r.setFillColor(r.fillColor)
		r.setAlpha(r.fillColor.A)
	}
	if stroke {
		r.setDrawColor(r.strokeColor)
		r.setAlpha(r.strokeColor.A)
		r.setLineWidth(r.strokeWidth)
		r.setDash(r.dashArray)
	}
	if r.pdf.Err() {
		return
	}
	for _, s := range p.segs {
		switch s.op {
		case opMove:
			r.pdf.MoveTo(r.X(s.p[0].x), r.Y(s.p[0].y))
		case opLine:
			r.pdf.LineTo(r.X(s.p[0].x), r.Y(s.p[0].y))
		case opCubic:
			r.pdf.CurveBezierCubicTo(r.X(s.p[0].x), r.Y(s.p[0].y),
				r.X(s.p[1].x), r.Y(s.p[1].y), r.X(s.p[2].x), r.Y(s.p[2].y))
		case opClose:
			r.pdf.ClosePath()
		}
	}
	r.pdf.DrawPath(op)
}
