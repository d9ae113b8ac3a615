package fpdfrender

import (
	"bytes"
	"io"
	"testing"

	"github.com/dvkreport/dvkreport/fonts"
	"github.com/go-pdf/fpdf"
	"github.com/wcharczuk/go-chart/v2"
)

// benchDoc is a report-like document: compressed, the chart fonts
// registered, one page.
func benchDoc(b *testing.B) *fpdf.Fpdf {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("LiberationSans", "", fonts.SansRegular)
	pdf.AddUTF8FontFromBytes("LiberationSans", "B", fonts.SansBold)
	pdf.AddPage()
	if err := pdf.Error(); err != nil {
		b.Fatal(err)
	}
	return pdf
}

// BenchmarkRenderBarChart makes a one-page PDF holding the test bar chart,
// drawn as vectors by this package or embedded as a 300-dpi PNG from
// go-chart's raster renderer, and reports the PDF's size.
func BenchmarkRenderBarChart(b *testing.B) {
	tf := parseFonts(b)
	b.Run("empty", func(b *testing.B) { // the document alone, for reference
		var size int
		for b.Loop() {
			var out bytes.Buffer
			if err := benchDoc(b).Output(&out); err != nil {
				b.Fatal(err)
			}
			size = out.Len()
		}
		b.ReportMetric(float64(size), "pdf-bytes")
	})
	b.Run("vector", func(b *testing.B) {
		var size int
		for b.Loop() {
			pdf := benchDoc(b)
			w, h, dpi := Grid(pdf, testBox, 10)
			if err := barChart(tf, w, h, dpi).Render(Provider(pdf, testBox, tf.faces()), io.Discard); err != nil {
				b.Fatal(err)
			}
			var out bytes.Buffer
			if err := pdf.Output(&out); err != nil {
				b.Fatal(err)
			}
			size = out.Len()
		}
		b.ReportMetric(float64(size), "pdf-bytes")
	})
	b.Run("png300", func(b *testing.B) {
		var size int
		for b.Loop() {
			pdf := benchDoc(b)
			const pxPerMM = 300 / 25.4
			w, h, dpi := Grid(pdf, testBox, pxPerMM)
			var png bytes.Buffer
			if err := scaledBarChart(tf, w, h, dpi, pxPerMM/10).Render(chart.PNG, &png); err != nil {
				b.Fatal(err)
			}
			opt := fpdf.ImageOptions{ImageType: "PNG"}
			pdf.RegisterImageOptionsReader("chart", opt, &png)
			pdf.ImageOptions("chart", testBox.X, testBox.Y, testBox.W, testBox.H, false, opt, 0, "")
			var out bytes.Buffer
			if err := pdf.Output(&out); err != nil {
				b.Fatal(err)
			}
			size = out.Len()
		}
		b.ReportMetric(float64(size), "pdf-bytes")
	})
}
