// Package fpdfrender draws go-chart charts into an fpdf document as vector
// graphics: every bar, axis, grid line and label becomes a PDF path or PDF
// text in the document's embedded Unicode (UTF-8 TrueType) fonts, so charts
// print sharply at any resolution and their labels can be searched, copied
// and extracted like the rest of the report.
//
// # Virtual pixel grid
//
// go-chart lays a chart out on an integer pixel grid. The renderer maps that
// grid onto a box of the current page (in the document's unit, usually mm)
// with one uniform scale, centring the chart if the aspect ratios differ.
// Coordinates reach the PDF as float64 without further rounding, so a fine
// grid (Grid's pxPerUnit, e.g. 10 px per mm) hides go-chart's integer
// rounding entirely.
//
// go-chart converts font sizes to pixels with the chart's DPI (px = pt × dpi
// / 72). For a 9 pt label to be 9 pt on paper, the chart's DPI must be the
// grid's: use Grid to get both the chart's pixel size and its DPI, and set
// them on the chart (Width, Height, DPI). Every other go-chart length
// (stroke widths, dash lengths, paddings, bar widths) is in grid pixels.
//
// # Fonts
//
// go-chart styles carry a *truetype.Font; PDF text needs an fpdf font. The
// caller registers each TrueType file with fpdf (AddUTF8FontFromBytes) and
// parses the same bytes with truetype.Parse for go-chart, then tells the
// renderer which fpdf family and style draw which parsed font (Face). Text is
// measured with fpdf's metrics of that font, so the layout go-chart computes
// is the layout the PDF shows. Text is normalised to Unicode NFC before it is
// measured or drawn, so Vietnamese letters use precomposed glyphs.
//
// # Use
//
//	w, h, dpi := fpdfrender.Grid(pdf, box, 10)
//	bc := chart.BarChart{Width: w, Height: h, DPI: dpi, Font: sans, ...}
//	err := bc.Render(fpdfrender.Provider(pdf, box, faces), io.Discard)
//
// Render's writer receives nothing: drawing goes straight into the pdf's
// current page, and Save (called by go-chart at the end of Render) only
// restores the pdf's colours, line width, alpha, dash pattern and position
// and reports the pdf's accumulated error. The pdf's current font is left at
// the last font the chart used (fpdf cannot report the family in use), so set
// the font again before writing more text.
//
// # Semantics
//
// Paths are buffered and emitted only when painted, so no PDF state operator
// ever falls inside a path. A stroke is skipped when its width is not
// positive or its colour fully transparent (PDF would draw a zero-width
// stroke as a hairline); a fill is skipped when its colour is fully
// transparent; other alpha values become PDF transparency (ExtGState). Fills
// use the even-odd rule, as go-chart's raster renderer does. Arcs and
// quadratic curves become exact cubic Béziers. Circle paints at once with the
// current fill and stroke, as go-chart's SVG renderer does, which keeps
// go-chart's single-slice pie and donut charts right. Text rotation is in
// radians, clockwise on the page, about the text's baseline origin.
package fpdfrender
