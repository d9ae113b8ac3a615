package fpdfrender

import (
	"bytes"
	"math"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/dvkreport/dvkreport/fonts"
	"github.com/go-pdf/fpdf"
	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// testFonts are the chart fonts of the tests, parsed from the same bytes the
// pdf embeds.
type testFonts struct {
	sans, bold *truetype.Font
}

func (tf testFonts) faces() map[*truetype.Font]Face {
	return map[*truetype.Font]Face{
		tf.sans: {Family: "LiberationSans"},
		tf.bold: {Family: "LiberationSans", Style: "B"},
	}
}

func parseFonts(tb testing.TB) testFonts {
	tb.Helper()
	sans, err := truetype.Parse(fonts.SansRegular)
	if err != nil {
		tb.Fatal(err)
	}
	bold, err := truetype.Parse(fonts.SansBold)
	if err != nil {
		tb.Fatal(err)
	}
	return testFonts{sans: sans, bold: bold}
}

// newDoc returns a deterministic A4 document in mm, with Liberation Sans
// regular and bold registered and one page added.
func newDoc(tb testing.TB) *fpdf.Fpdf {
	tb.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	pdf.SetCatalogSort(true)
	stamp := time.Date(2025, 5, 1, 8, 0, 0, 0, time.UTC)
	pdf.SetCreationDate(stamp)
	pdf.SetModificationDate(stamp)
	pdf.AddUTF8FontFromBytes("LiberationSans", "", fonts.SansRegular)
	pdf.AddUTF8FontFromBytes("LiberationSans", "B", fonts.SansBold)
	pdf.AddPage()
	if err := pdf.Error(); err != nil {
		tb.Fatal(err)
	}
	return pdf
}

// testBox is where the test chart goes on the page, in mm.
var testBox = Box{X: 20, Y: 30, W: 170, H: 90}

// testLabels are the bar labels of the test chart.
var testLabels = []string{"Kinh tế", "Văn hóa - Xã hội", "Lạng Sơn"}

const testTitle = "Mô hình “Dân vận khéo” theo lĩnh vực"

// barChart is the small test chart: three bars with Vietnamese labels, a
// bold title, y-axis tick labels and dashed grid lines, at the given grid.
// Its pixel lengths are for a grid of 10 px/mm.
func barChart(tf testFonts, width, height int, dpi float64) chart.BarChart {
	return scaledBarChart(tf, width, height, dpi, 1)
}

// scaledBarChart is barChart with its pixel lengths multiplied by f, for a
// grid of 10·f px/mm.
func scaledBarChart(tf testFonts, width, height int, dpi, f float64) chart.BarChart {
	px := func(v float64) int { return int(math.Round(v * f)) }
	axis := chart.Style{
		StrokeColor: drawing.ColorFromHex("404040"),
		StrokeWidth: 2 * f,
		FontSize:    9,
	}
	return chart.BarChart{
		Title:      testTitle,
		TitleStyle: chart.Style{Font: tf.bold, FontSize: 11},
		Width:      width,
		Height:     height,
		DPI:        dpi,
		Font:       tf.sans,
		Background: chart.Style{Padding: chart.Box{Top: px(100), Left: px(20), Right: px(20), Bottom: px(80)}},
		BarWidth:   px(280),
		BarSpacing: px(200),
		XAxis:      axis,
		YAxis: chart.YAxis{
			Style: axis,
			Range: &chart.ContinuousRange{Min: 0, Max: 50},
			GridMajorStyle: chart.Style{
				StrokeColor:     drawing.ColorFromHex("999999"),
				StrokeWidth:     1.5 * f,
				StrokeDashArray: []float64{12 * f, 8 * f},
			},
		},
		Bars: []chart.Value{
			{Label: testLabels[0], Value: 42},
			{Label: testLabels[1], Value: 35},
			{Label: testLabels[2], Value: 18},
		},
	}
}

// renderTestChart draws the test chart into pdf at testBox on a 10 px/mm
// grid.
func renderTestChart(tb testing.TB, pdf *fpdf.Fpdf, tf testFonts) {
	tb.Helper()
	w, h, dpi := Grid(pdf, testBox, 10)
	bc := barChart(tf, w, h, dpi)
	if err := bc.Render(Provider(pdf, testBox, tf.faces()), &bytes.Buffer{}); err != nil {
		tb.Fatal(err)
	}
}

func output(tb testing.TB, pdf *fpdf.Fpdf) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

var pageRef = regexp.MustCompile(`/Type /Page\b[^s][\s\S]*?/Contents (\d+) 0 R`)

// pageContent returns the content stream of the first page of an
// uncompressed PDF.
func pageContent(tb testing.TB, doc []byte) []byte {
	tb.Helper()
	m := pageRef.FindSubmatch(doc)
	if m == nil {
		tb.Fatal("no page with /Contents in the PDF")
	}
	obj := []byte("\n" + string(m[1]) + " 0 obj\n")
	i := bytes.Index(doc, obj)
	if i < 0 {
		tb.Fatalf("object %s not found", m[1])
	}
	rest := doc[i+len(obj):]
	lm := regexp.MustCompile(`^<<[^>]*/Length (\d+)[^>]*>>\nstream\n`).FindSubmatch(rest)
	if lm == nil {
		tb.Fatalf("object %s is not a plain stream: %.60q", m[1], rest)
	}
	n, err := strconv.Atoi(string(lm[1]))
	if err != nil || len(lm[0])+n > len(rest) {
		tb.Fatalf("bad stream length %s", lm[1])
	}
	return rest[len(lm[0]) : len(lm[0])+n]
}

// tool returns the path of a command-line tool, skipping the test if it is
// missing, unless CI=true, where a missing tool fails it.
func tool(tb testing.TB, name string) string {
	tb.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("%s is not installed (needed in CI: apt-get install poppler-utils)", name)
		}
		tb.Skipf("%s is not installed", name)
	}
	return p
}

// writeTemp writes data to a file in the test's temporary directory.
func writeTemp(tb testing.TB, name string, data []byte) string {
	tb.Helper()
	p := tb.TempDir() + "/" + name
	if err := os.WriteFile(p, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}
