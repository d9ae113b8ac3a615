package fpdfrender

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// renderable is what go-chart's chart types have in common.
type renderable interface {
	Render(chart.RendererProvider, io.Writer) error
}

// previewCharts returns more charts than the golden test covers: a pie with
// arcs and a line chart with dots and a rotated axis name, on the grid of
// box at 10 px/mm.
func previewCharts(tf testFonts, w, h int, dpi float64) map[string]renderable {
	values := []chart.Value{
		{Label: "Kinh tế", Value: 42},
		{Label: "Văn hóa - Xã hội", Value: 35},
		{Label: "Quốc phòng - An ninh", Value: 12},
		{Label: "Xây dựng hệ thống chính trị", Value: 11},
	}
	return map[string]renderable{
		"pie": chart.PieChart{
			Width: w, Height: h, DPI: dpi, Font: tf.sans,
			Values: values,
		},
		"donut": chart.DonutChart{
			Width: w, Height: h, DPI: dpi, Font: tf.sans,
			Values: values,
		},
		"line": chart.Chart{
			Width: w, Height: h, DPI: dpi, Font: tf.sans,
			Background: chart.Style{Padding: chart.Box{Top: 40, Left: 40, Right: 40, Bottom: 40}},
			XAxis:      chart.XAxis{Name: "Năm", Style: chart.Style{FontSize: 9}},
			YAxis:      chart.YAxis{Name: "Số mô hình", Style: chart.Style{FontSize: 9}},
			Series: []chart.Series{chart.ContinuousSeries{
				Name: "Mô hình",
				Style: chart.Style{
					StrokeColor: drawing.ColorFromHex("1f77b4"), StrokeWidth: 4,
					DotColor: drawing.ColorFromHex("d62728"), DotWidth: 10,
				},
				XValues: []float64{2019, 2020, 2021, 2022, 2023, 2024},
				YValues: []float64{120, 180, 150, 240, 310, 290},
			}},
		},
	}
}

// TestPreview writes the test charts as one PDF (vector) and as go-chart's
// own PNGs of the same charts to the directory named by FPDFRENDER_PREVIEW,
// for a person to compare. It is skipped when the variable is unset.
func TestPreview(t *testing.T) {
	dir := os.Getenv("FPDFRENDER_PREVIEW")
	if dir == "" {
		t.Skip("set FPDFRENDER_PREVIEW=dir to write preview files")
	}
	tf := parseFonts(t)
	pdf := newDoc(t)
	w, h, dpi := Grid(pdf, testBox, 10)
	charts := map[string]renderable{"bar": barChart(tf, w, h, dpi)}
	for name, c := range previewCharts(tf, w, h, dpi) {
		charts[name] = c
	}
	for i, name := range []string{"bar", "pie", "donut", "line"} {
		if i > 0 && i%2 == 0 {
			pdf.AddPage()
		}
		box := testBox
		box.Y += float64(i%2) * 120
		if err := charts[name].Render(Provider(pdf, box, tf.faces()), io.Discard); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var png bytes.Buffer
		if err := charts[name].Render(chart.PNG, &png); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+"-gochart.png"), png.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "charts.pdf"), output(t, pdf), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestGoChartTypes renders the other chart types through go-chart and
// checks the operators their features need: arcs for the pie and donut
// slices, a rotation for the line chart's y-axis name, circles for its dots.
func TestGoChartTypes(t *testing.T) {
	tf := parseFonts(t)
	for name, want := range map[string][]string{
		"pie":   {" c\n", "B*", ") Tj"},
		"donut": {" c\n", "B*"},
		"line":  {" cm\n", " c\nh\nB*\n"},
	} {
		t.Run(name, func(t *testing.T) {
			pdf := newDoc(t)
			w, h, dpi := Grid(pdf, testBox, 10)
			if err := previewCharts(tf, w, h, dpi)[name].Render(Provider(pdf, testBox, tf.faces()), io.Discard); err != nil {
				t.Fatal(err)
			}
			c := string(pageContent(t, output(t, pdf)))
			for _, op := range want {
				if !strings.Contains(c, op) {
					t.Errorf("content lacks %q", op)
				}
			}
		})
	}
}
