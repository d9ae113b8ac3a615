package fpdfrender

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/dvkreport/dvkreport/fonts"
	"github.com/go-pdf/fpdf"
	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// opBox maps a 1000 × 500 px grid onto 100 × 50 mm at (10, 20): 0.1 mm per
// pixel, so grid (x, y) is page (10 + x/10, 20 + y/10) mm.
var opBox = Box{X: 10, Y: 20, W: 100, H: 50}

func newOpRenderer(t *testing.T) (*fpdf.Fpdf, *Renderer, testFonts) {
	t.Helper()
	pdf := newDoc(t)
	tf := parseFonts(t)
	r, err := New(pdf, opBox, 1000, 500, tf.faces())
	if err != nil {
		t.Fatal(err)
	}
	return pdf, r, tf
}

// content saves r and returns the page's content stream.
func content(t *testing.T, pdf *fpdf.Fpdf, r *Renderer) string {
	t.Helper()
	c, _ := contentAndDoc(t, pdf, r)
	return c
}

// contentAndDoc saves r and returns the page's content stream and the
// whole PDF.
func contentAndDoc(t *testing.T, pdf *fpdf.Fpdf, r *Renderer) (string, string) {
	t.Helper()
	if err := r.Save(nil); err != nil {
		t.Fatal(err)
	}
	doc := output(t, pdf)
	return string(pageContent(t, doc)), string(doc)
}

// pt returns PDF user-space coordinates, formatted as fpdf writes them with
// two decimals, of grid point (x, y) in opBox on an A4 page.
func pt(x, y float64) string {
	return fmt.Sprintf("%.2f %.2f", (10+x*0.1)*ptPerMM, (a4Height-(20+y*0.1))*ptPerMM)
}

// ptPerMM and a4Height are fpdf's scale factor for mm and its A4 height in
// mm (841.89 pt).
const (
	ptPerMM  = 72 / 25.4
	a4Height = 841.89 / ptPerMM
)

// pt5 is pt with fpdf's five decimals for curve points.
func pt5(x, y float64) string {
	return fmt.Sprintf("%.5f %.5f", (10+x*0.1)*ptPerMM, (a4Height-(20+y*0.1))*ptPerMM)
}

func TestGridAndDPI(t *testing.T) {
	pdf := newDoc(t)
	w, h, dpi := Grid(pdf, Box{W: 170, H: 90}, 10)
	if w != 1700 || h != 900 {
		t.Errorf("Grid size = %d×%d, want 1700×900", w, h)
	}
	if math.Abs(dpi-254) > 1e-9 { // 10 px/mm = 254 px/inch
		t.Errorf("Grid dpi = %v, want 254", dpi)
	}
	if w, h, dpi := Grid(pdf, Box{W: 0, H: 90}, 10); w != 0 || h != 0 || dpi != 0 {
		t.Errorf("Grid of an empty box = %d, %d, %v; want zeros", w, h, dpi)
	}
	// A chart wider than the box's aspect is scaled to the width and
	// centred vertically.
	r, err := New(pdf, Box{X: 10, Y: 10, W: 100, H: 100}, 1000, 500, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Scale() != 0.1 || r.X(0) != 10 || r.Y(0) != 35 || r.Y(500) != 85 {
		t.Errorf("scale %v, X(0) %v, Y(0) %v, Y(500) %v; want 0.1, 10, 35, 85", r.Scale(), r.X(0), r.Y(0), r.Y(500))
	}
	if r.GetDPI() != 254 {
		t.Errorf("initial GetDPI = %v, want 254", r.GetDPI())
	}
}

func TestNewRejectsBadInput(t *testing.T) {
	tf := parseFonts(t)
	pdf := newDoc(t)
	cases := map[string]func() (*Renderer, error){
		"nil pdf": func() (*Renderer, error) { return New(nil, opBox, 10, 10, nil) },
		"no page": func() (*Renderer, error) { return New(fpdf.New("P", "mm", "A4", ""), opBox, 10, 10, nil) },
		"empty":   func() (*Renderer, error) { return New(pdf, Box{W: 0, H: 5}, 10, 10, nil) },
		"NaN box": func() (*Renderer, error) { return New(pdf, Box{X: math.NaN(), W: 5, H: 5}, 10, 10, nil) },
		"zero px": func() (*Renderer, error) { return New(pdf, opBox, 0, 10, nil) },
		"no face": func() (*Renderer, error) { return New(pdf, opBox, 10, 10, map[*truetype.Font]Face{tf.sans: {}}) },
		"unknown": func() (*Renderer, error) {
			return New(pdf, opBox, 10, 10, map[*truetype.Font]Face{tf.sans: {Family: "DejaVu"}})
		},
		"no style": func() (*Renderer, error) {
			return New(pdf, opBox, 10, 10, map[*truetype.Font]Face{tf.sans: {Family: "LiberationSans", Style: "I"}})
		},
	}
	for name, f := range cases {
		if r, err := f(); err == nil || r != nil {
			t.Errorf("%s: got %v, %v; want an error", name, r, err)
		}
	}
	if err := pdf.Error(); err != nil {
		t.Errorf("a rejected New set the pdf's error: %v", err)
	}
}

func TestTextSizeAndMeasure(t *testing.T) {
	pdf, r, tf := newOpRenderer(t)
	r.SetDPI(254) // 0.1 mm per px: true points
	r.SetFont(tf.sans)
	r.SetFontSize(9)
	r.SetFontColor(drawing.ColorBlack)
	box := r.MeasureText("Văn hóa - Xã hội")
	pdf.SetFont("LiberationSans", "", 9)
	wantPx := pdf.GetStringWidth("Văn hóa - Xã hội") * 10
	if d := float64(box.Width()) - wantPx; d < 0 || d >= 1 {
		t.Errorf("MeasureText width %d px, want %v rounded up", box.Width(), wantPx)
	}
	if want := int(math.Ceil(9 * 254 / 72.0)); box.Height() != want || box.Top != 0 || box.Left != 0 {
		t.Errorf("MeasureText box %+v, want height %d from 0,0", box, want)
	}
	r.Text("Lạng Sơn", 100, 200)
	c := content(t, pdf, r)
	if !strings.Contains(c, "9.00 Tf") {
		t.Errorf("a 9 pt label at the grid's DPI is not set in 9 pt:\n%s", c)
	}
	if !strings.Contains(c, "BT "+pt(100, 200)+" Td") {
		t.Errorf("text not at its baseline origin %s:\n%s", pt(100, 200), c)
	}
}

func TestTextIsNFC(t *testing.T) {
	pdf, r, tf := newOpRenderer(t)
	r.SetFont(tf.sans)
	r.SetFontSize(9)
	r.SetFontColor(drawing.ColorBlack)
	decomposed := "Le\u0302\u0301" // "Lế" as e + circumflex + acute
	if a, b := r.MeasureText(decomposed), r.MeasureText("Lế"); a != b {
		t.Errorf("NFD text measures %+v, NFC %+v", a, b)
	}
	r.Text(decomposed, 0, 100)
	c := content(t, pdf, r)
	if !strings.Contains(c, "(\x00L\x1e\xbf)") { // U+1EBF in UTF-16BE
		t.Errorf("text not drawn as precomposed U+1EBF:\n%q", c)
	}
}

var cmRE = regexp.MustCompile(`q\n(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) cm\n(?:q [^\n]* )?BT ([\d.]+) ([\d.]+) Td`)

func TestRotatedText(t *testing.T) {
	pdf, r, tf := newOpRenderer(t)
	r.SetFont(tf.sans)
	r.SetFontSize(9)
	r.SetFontColor(drawing.ColorBlack)
	r.SetTextRotation(chart.DegreesToRadians(270)) // go-chart's y-axis name: reads upwards
	b := r.MeasureText("Số mô hình")
	r.ClearTextRotation()
	flat := r.MeasureText("Số mô hình")
	if d := b.Height() - flat.Width(); d < -1 || d > 1 {
		t.Errorf("rotated box %+v is not the flat box %+v turned", b, flat)
	}
	r.SetTextRotation(chart.DegreesToRadians(270))
	r.Text("Số mô hình", 300, 400)
	r.ClearTextRotation()
	r.Text("flat", 0, 100)
	c := content(t, pdf, r)
	m := cmRE.FindStringSubmatch(c)
	if m == nil {
		t.Fatalf("no rotation matrix before the text:\n%s", c)
	}
	var v [8]float64
	for i := range v {
		v[i], _ = strconv.ParseFloat(m[i+1], 64)
	}
	// 270° clockwise on the page is 90° counter-clockwise in PDF space.
	if v[0] != 0 || v[1] != 1 || v[2] != -1 || v[3] != 0 {
		t.Errorf("rotation matrix %v %v %v %v, want 0 1 -1 0", v[0], v[1], v[2], v[3])
	}
	// The matrix keeps the text origin fixed.
	ox, oy := v[6], v[7]
	x := v[0]*ox + v[2]*oy + v[4]
	y := v[1]*ox + v[3]*oy + v[5]
	if math.Abs(x-ox) > 0.01 || math.Abs(y-oy) > 0.01 || fmt.Sprintf("%.2f %.2f", ox, oy) != pt(300, 400) {
		t.Errorf("origin %v,%v maps to %v,%v; want it fixed at %s", ox, oy, x, y, pt(300, 400))
	}
	if i, j := strings.Index(c, "cm"), strings.Index(c, "flat"); !strings.Contains(c[i:], "Q\n") || strings.Count(c, " cm") != 1 {
		t.Errorf("rotation not confined to its text (cm at %d, flat text at %d):\n%s", i, j, c)
	}
}

func TestDashes(t *testing.T) {
	pdf, r, _ := newOpRenderer(t)
	r.SetStrokeColor(drawing.ColorBlack)
	r.SetStrokeWidth(2)
	r.SetStrokeDashArray([]float64{10, 5})
	r.MoveTo(0, 0)
	r.LineTo(100, 0)
	r.Stroke()
	r.MoveTo(0, 10) // same dash: not set again
	r.LineTo(100, 10)
	r.Stroke()
	r.SetStrokeDashArray(nil)
	r.MoveTo(0, 20)
	r.LineTo(100, 20)
	r.Stroke()
	c := content(t, pdf, r)
	// 10 px = 1 mm = 2.83 pt; 5 px = 1.42 pt.
	want := "[2.83 1.42] 0.00 d\n" + pt(0, 0) + " m\n" + pt(100, 0) + " l\nS\n" +
		pt(0, 10) + " m\n" + pt(100, 10) + " l\nS\n[] 0.00 d\n" + pt(0, 20) + " m\n"
	if !strings.Contains(c, want) {
		t.Errorf("want\n%s\nin\n%s", want, c)
	}
	if !strings.Contains(c, "0.57 w\n[2.83") { // 2 px = 0.2 mm = 0.57 pt
		t.Errorf("stroke width not 0.57 pt:\n%s", c)
	}
}

func TestAlphaAndInvisiblePaint(t *testing.T) {
	pdf, r, _ := newOpRenderer(t)
	square := func(x int) {
		r.MoveTo(x, 0)
		r.LineTo(x+10, 0)
		r.LineTo(x+10, 10)
		r.Close()
	}
	r.SetFillColor(drawing.ColorRed.WithAlpha(128))
	square(0)
	r.Fill()
	r.SetFillColor(drawing.ColorBlue)
	square(20)
	r.Fill()
	// Invisible: transparent fill, zero-width stroke, transparent stroke.
	r.SetFillColor(drawing.ColorTransparent)
	r.SetStrokeColor(drawing.ColorBlack)
	r.SetStrokeWidth(0)
	square(40)
	r.FillStroke()
	r.SetStrokeColor(drawing.ColorTransparent)
	r.SetStrokeWidth(3)
	square(60)
	r.Stroke()
	// Fill and stroke with different alpha: painted separately.
	r.SetFillColor(drawing.ColorBlue.WithAlpha(64))
	r.SetStrokeColor(drawing.ColorBlack)
	r.SetStrokeWidth(1)
	square(80)
	r.FillStroke()
	c, doc := contentAndDoc(t, pdf, r)
	for _, want := range []string{
		"/GS1 gs\n" + pt(0, 0) + " m\n",
		"/GS2 gs\n" + pt(20, 0) + " m\n",
		"f*\n/GS3 gs\n" + pt(80, 0) + " m\n",
		"h\nf*\n/GS2 gs\n0.28 w\n[] 0.00 d\n" + pt(80, 0) + " m\n",
	} {
		if !strings.Contains(c, want) {
			t.Errorf("want %q in\n%s", want, c)
		}
	}
	for _, hidden := range []string{pt(40, 0), pt(60, 0)} {
		if strings.Contains(c, hidden) {
			t.Errorf("invisible square at %s was painted:\n%s", hidden, c)
		}
	}
	if !strings.Contains(doc, "/ca 0.502") || !strings.Contains(doc, "/ca 0.251") {
		t.Errorf("ExtGState with fill alpha 0.502 and 0.251 missing")
	}
}

// curves returns the "c" operator lines of c.
func curves(c string) []string {
	var out []string
	for _, l := range strings.Split(c, "\n") {
		if strings.HasSuffix(l, " c") {
			out = append(out, l)
		}
	}
	return out
}

func TestArcs(t *testing.T) {
	pdf, r, _ := newOpRenderer(t)
	r.SetFillColor(drawing.ColorRed)
	// A pie slice as go-chart draws it: a quarter, clockwise on the page
	// from 3 o'clock to 6 o'clock.
	r.MoveTo(500, 250)
	r.ArcTo(500, 250, 100, 100, 0, math.Pi/2)
	r.LineTo(500, 250)
	r.Close()
	r.Fill()
	c := content(t, pdf, r)
	want := pt(500, 250) + " m\n" + pt(600, 250) + " l\n"
	if !strings.Contains(c, want) {
		t.Fatalf("arc does not start with a line from the centre to 3 o'clock; want %q in\n%s", want, c)
	}
	cs := curves(c)
	if len(cs) != 1 || !strings.HasSuffix(cs[0], pt5(500, 350)+" c") {
		t.Fatalf("want one curve ending at 6 o'clock %s, got %q", pt5(500, 350), cs)
	}
	// The control points sit at 4/3·tan(22.5°) of the radius along the
	// tangents.
	k := 4.0 / 3 * math.Tan(math.Pi/8) * 100
	if !strings.HasPrefix(cs[0], pt5(600, 250+k)+" "+pt5(500+k, 350)) {
		t.Errorf("control points %q, want %s %s", cs[0], pt5(600, 250+k), pt5(500+k, 350))
	}
}

func TestArcSegmentsAndDirection(t *testing.T) {
	pdf, r, _ := newOpRenderer(t)
	r.SetStrokeColor(drawing.ColorBlack)
	r.SetStrokeWidth(1)
	// Counter-clockwise 270°, starting a path: three 90° curves ending at
	// 6 o'clock (0 − 270° = 90°).
	r.ArcTo(500, 250, 100, 50, 0, -3*math.Pi/2)
	r.Stroke()
	c := content(t, pdf, r)
	if !strings.Contains(c, pt(600, 250)+" m\n") {
		t.Errorf("arc without a current point does not start with a move to its start:\n%s", c)
	}
	cs := curves(c)
	if len(cs) != 3 {
		t.Fatalf("want 3 curves, got %q", cs)
	}
	for i, end := range []string{pt5(500, 200), pt5(400, 250), pt5(500, 300)} {
		if !strings.HasSuffix(cs[i], end+" c") {
			t.Errorf("curve %d %q does not end at %s", i, cs[i], end)
		}
	}
}

func TestCircleAndQuad(t *testing.T) {
	pdf, r, _ := newOpRenderer(t)
	r.SetFillColor(drawing.ColorBlue)
	r.SetStrokeColor(drawing.ColorBlack)
	r.SetStrokeWidth(1)
	r.MoveTo(0, 0) // left pending, as go-chart's pie does
	r.Circle(50, 200, 200)
	r.FillStroke() // nothing left to paint
	r.MoveTo(0, 0)
	r.QuadCurveTo(30, 90, 60, 0)
	r.Stroke()
	c := content(t, pdf, r)
	cs := curves(c)
	if len(cs) != 5 {
		t.Fatalf("want 4 circle curves and 1 quad curve, got %q", cs)
	}
	if !strings.Contains(c, pt(250, 200)+" m\n") || !strings.Contains(c, cs[3]+"\nh\nB*\n") ||
		!strings.HasSuffix(cs[3], pt5(250, 200)+" c") {
		t.Errorf("circle is not a closed, filled and stroked path from 3 o'clock:\n%s", c)
	}
	if strings.Count(c, "B*") != 1 {
		t.Errorf("want the circle painted once:\n%s", c)
	}
	// The quad's cubic: controls at 2/3 of the way to (30, 90).
	if want := pt5(20, 60) + " " + pt5(40, 60) + " " + pt5(60, 0) + " c"; cs[4] != want {
		t.Errorf("quad curve %q, want %q", cs[4], want)
	}
}

func TestSaveRestoresPDFState(t *testing.T) {
	pdf, _, tf := newOpRenderer(t)
	pdf.SetXY(33, 44)
	pdf.SetDrawColor(1, 2, 3)
	pdf.SetFillColor(4, 5, 6)
	pdf.SetTextColor(7, 8, 9)
	pdf.SetLineWidth(0.3)
	r, err := New(pdf, opBox, 1000, 500, tf.faces())
	if err != nil {
		t.Fatal(err)
	}
	r.SetFont(tf.bold)
	r.SetFontSize(12)
	r.SetFontColor(drawing.ColorBlue)
	r.Text("Tổng", 10, 10)
	r.SetStrokeColor(drawing.ColorRed.WithAlpha(100))
	r.SetFillColor(drawing.ColorGreen)
	r.SetStrokeWidth(7)
	r.SetStrokeDashArray([]float64{4, 4})
	r.MoveTo(0, 0)
	r.LineTo(500, 500)
	r.FillStroke()
	var w bytes.Buffer
	if err := r.Save(&w); err != nil {
		t.Fatal(err)
	}
	if w.Len() != 0 {
		t.Errorf("Save wrote %d bytes", w.Len())
	}
	dr, dg, db := pdf.GetDrawColor()
	fr, fg, fb := pdf.GetFillColor()
	tr, tg, tb := pdf.GetTextColor()
	alpha, blend := pdf.GetAlpha()
	x, y := pdf.GetXY()
	if [9]int{dr, dg, db, fr, fg, fb, tr, tg, tb} != [9]int{1, 2, 3, 4, 5, 6, 7, 8, 9} ||
		pdf.GetLineWidth() != 0.3 || alpha != 1 || blend != "Normal" || x != 33 || y != 44 {
		t.Errorf("state after Save: colours %v %v %v / %v %v %v / %v %v %v, width %v, alpha %v %s, xy %v,%v",
			dr, dg, db, fr, fg, fb, tr, tg, tb, pdf.GetLineWidth(), alpha, blend, x, y)
	}
	c := content(t, pdf, r)
	if !strings.HasSuffix(c, "/GS2 gs\n[] 0.00 d\n") {
		t.Errorf("alpha and dash not reset at the end:\n%s", c[max(0, len(c)-200):])
	}
}

func TestFontErrors(t *testing.T) {
	pdf, r, tf := newOpRenderer(t)
	other, err := truetype.Parse(fonts.SerifRegular)
	if err != nil {
		t.Fatal(err)
	}
	r.SetFont(other)
	r.SetFontSize(9)
	r.SetFontColor(drawing.ColorBlack)
	if b := r.MeasureText("x"); b != (chart.Box{}) {
		t.Errorf("MeasureText with an unmapped font = %+v, want zero", b)
	}
	err = r.Save(nil)
	if err == nil || !strings.Contains(err.Error(), "no Face for font") {
		t.Errorf("Save after an unmapped font = %v, want a no-Face error", err)
	}
	if !pdf.Err() {
		t.Error("the pdf's error is not set")
	}
	// go-chart's Render reports the failure.
	pdf2 := newDoc(t)
	w, h, dpi := Grid(pdf2, testBox, 10)
	bc := barChart(tf, w, h, dpi)
	bc.Font = other
	err = bc.Render(Provider(pdf2, testBox, tf.faces()), nil)
	if err == nil || !strings.Contains(err.Error(), "no Face for font") {
		t.Errorf("Render with an unmapped chart font = %v, want a no-Face error", err)
	}
}

func TestZeroRendererDoesNotPanic(t *testing.T) {
	var r Renderer
	r.SetFontColor(drawing.ColorBlack)
	r.SetFillColor(drawing.ColorBlack)
	r.SetStrokeColor(drawing.ColorBlack)
	r.SetStrokeWidth(1)
	r.MoveTo(0, 0)
	r.LineTo(1, 1)
	r.ArcTo(0, 0, 1, 1, 0, 1)
	r.FillStroke()
	r.Circle(2, 0, 0)
	r.Text("x", 0, 0)
	if b := r.MeasureText("x"); b != (chart.Box{}) {
		t.Errorf("MeasureText = %+v, want zero", b)
	}
	if err := r.Save(nil); err == nil {
		t.Error("Save of a zero Renderer returned no error")
	}
}
