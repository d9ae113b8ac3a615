package charts

import (
	"bytes"
	"strings"
	"testing"

	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"

	"github.com/dvkreport/dvkreport/fonts"
)

func testFont(t *testing.T) *truetype.Font {
	t.Helper()
	f, err := truetype.Parse(fonts.SansRegular)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestNiceTicks(t *testing.T) {
	tests := []struct{ max, step, top float64 }{
		{430, 100, 500},
		{35, 10, 40},
		{10723.9, 2500, 12500},
		{1, 1, 1},
		{0, 1, 1},
		{7, 2, 8},
	}
	for _, tt := range tests {
		step, top := niceTicks(tt.max)
		if step != tt.step || top != tt.top {
			t.Errorf("niceTicks(%v) = %v, %v; want %v, %v", tt.max, step, top, tt.step, tt.top)
		}
	}
}

func TestFormatTick(t *testing.T) {
	tests := []struct {
		v, step float64
		th, dec string
		want    string
	}{
		{12500, 2500, ".", ",", "12.500"},
		{1234567, 1, ",", ".", "1,234,567"},
		{0.5, 0.5, ".", ",", "0,5"},
		{7.5, 2.5, ".", ",", "7,5"},
		{10, 2.5, ".", ",", "10,0"},
		{0.25, 0.05, ".", ",", "0,25"},
		{0, 100, ".", ",", "0"},
	}
	for _, tt := range tests {
		if got := formatTick(tt.v, tt.step, tt.th, tt.dec); got != tt.want {
			t.Errorf("formatTick(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestSpecErrors(t *testing.T) {
	f := testFont(t)
	good := Spec{Categories: []string{"A"}, Series: []Series{{Name: "s", Values: []float64{1}}}, Width: 100, Height: 50, Font: f}
	bad := map[string]func(*Spec){
		"no font":      func(s *Spec) { s.Font = nil },
		"no bars":      func(s *Spec) { s.Categories = nil },
		"short series": func(s *Spec) { s.Series = []Series{{Values: nil}} },
		"negative":     func(s *Spec) { s.Series = []Series{{Values: []float64{-1}}} },
		"no size":      func(s *Spec) { s.Width = 0 },
	}
	for name, mutate := range bad {
		s := good
		mutate(&s)
		if _, err := PNG(s); err == nil {
			t.Errorf("%s: PNG succeeded", name)
		}
	}
	if png, err := PNG(good); err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Errorf("PNG: %v", err)
	}
}

// TestDrawLabels draws on go-chart's SVG renderer, whose output is text,
// and checks that the categories, legend, totals and ticks are there.
func TestDrawLabels(t *testing.T) {
	spec := Spec{
		Categories: []string{"Lạng Sơn", "Lai Châu"},
		Series: []Series{
			{Name: "Kinh tế", Values: []float64{3, 0}, Labels: []string{"3", "0"}},
			{Name: "Văn hóa - Xã hội", Values: []float64{19, 430}, Labels: []string{"19", "430"}},
		},
		Width: 1000, Height: 500, DPI: 96, Font: testFont(t),
	}
	r, err := chart.SVG(spec.Width, spec.Height)
	if err != nil {
		t.Fatal(err)
	}
	if err := Draw(r, spec); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Save(&buf); err != nil {
		t.Fatal(err)
	}
	svg := buf.String()
	for _, want := range []string{">Lạng Sơn<", ">Lai Châu<", ">Kinh tế<", ">Văn hóa - Xã hội<", ">22<", ">430<", ">500<"} {
		if !strings.Contains(svg, want) {
			t.Errorf("the chart lacks %s", want)
		}
	}
}

func TestLabelColor(t *testing.T) {
	for i, c := range palette {
		lc := labelColor(c)
		// WCAG: the label colour must contrast at least 4.5:1 with the bar.
		if ratio := contrast(c, lc); ratio < 4.5 {
			t.Errorf("series %d: label contrast %.2f < 4.5", i, ratio)
		}
	}
}
