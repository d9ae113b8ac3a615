package report

import (
	"fmt"

	"github.com/dvkreport/dvkreport/charts"
	"github.com/dvkreport/dvkreport/fonts"
	"github.com/dvkreport/dvkreport/report/layout"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/pdf"
	"github.com/golang/freetype/truetype"
)

// ChartFile is one chart of a report as an image file.
type ChartFile struct {
	Name string // bieu-do-1.png
	Data []byte
}

// Charts draws the report's charts as image files: "png" at 300 dpi, or
// "svg". Each is as wide as on the page (165 mm).
func Charts(r *Result, form string, opts Options) ([]ChartFile, error) {
	if form != "png" && form != "svg" {
		return nil, usage("report.unknown_format", msg.Quote(form), "png, svg")
	}
	doc, err := Document(r, opts)
	if err != nil {
		return nil, err
	}
	font, err := truetype.Parse(fonts.SansRegular)
	if err != nil {
		return nil, err
	}
	var files []ChartFile
	for _, b := range doc.Blocks {
		c, ok := b.(*layout.Chart)
		if !ok {
			continue
		}
		spec := pdf.ChartSpec(c, font)
		dpi := 300.0
		if form == "svg" {
			dpi = 96
		}
		spec.DPI = dpi
		widthMM := 210 - doc.Page.Left - doc.Page.Right
		spec.Width = int(widthMM / 25.4 * dpi)
		spec.Height = int(pdf.ChartHeight(c) / 25.4 * dpi)
		// Apart from the report, a chart says what it is: its title,
		// with the unit of its figures, and the report's scope and
		// period (a twenty-second review found "2,83" bars of tỷ or
		// triệu, nothing said).
		spec.Title, spec.Context = c.Title, c.Context
		var data []byte
		if form == "png" {
			data, err = charts.PNG(spec)
		} else {
			data, err = charts.SVG(spec)
		}
		if err != nil {
			return nil, msg.New("report.chart", msg.Quote(c.Title), err)
		}
		files = append(files, ChartFile{Name: fmt.Sprintf("bieu-do-%d-%s.%s", len(files)+1, c.ID, form), Data: data})
	}
	return files, nil
}
