// Package pdf draws a laid-out report (a layout.Document) as an A4 PDF with
// fpdf: Liberation Serif for the text (Liberation Sans in charts), embedded as subsets with ToUnicode
// maps so that copied text is exact Vietnamese, charts drawn by package
// charts, tables whose header row repeats on every page, and page numbers
// "Trang X/Y" centred in the top margin from page 2 on, as Vietnamese
// administrative documents have them. It is the only package that imports
// fpdf (with charts/fpdfrender, through which package charts draws
// vector charts into the page), and it computes nothing: every string comes from the Document.
//
// The same Document always gives the same bytes: the PDF's dates are the
// Document's, and fpdf's catalogue is sorted.
//
// fpdf is the fork in third_party/fpdf (see its CHANGES.md): it names the
// font subsets (ABCDEF+LiberationSerif-Bold), embeds only the faces that
// SetFont selects, and compresses the streams itself.
package pdf

import (
	"bytes"
	"fmt"
	"io"
	"time"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
	"github.com/golang/freetype/truetype"

	"github.com/dvkreport/dvkreport/fonts"
	"github.com/dvkreport/dvkreport/report/layout"
)

// The page: A4, portrait, in millimetres; the margins are the Document's.
const (
	pageWidth  = 210.0
	pageHeight = 297.0
)

const (
	serif = "LiberationSerif"
	sans  = "LiberationSans"
)

// Font files by fpdf family and style. Registering a face costs nothing
// until SetFont selects it; a face never selected is not embedded.
var fontFiles = []struct {
	family, style string
	data          []byte
}{
	{serif, "", fonts.SerifRegular},
	{serif, "B", fonts.SerifBold},
	{serif, "I", fonts.SerifItalic},
	{serif, "BI", fonts.SerifBoldItalic},
	{sans, "", fonts.SansRegular},
}

// Options control drawing.
type Options struct {
	// RasterCharts embeds charts as PNG images instead of drawing them as
	// vectors, for comparison.
	RasterCharts bool
	// ChartDPI is the resolution of raster charts; 0 means 300.
	ChartDPI float64
	// Cache, if not nil, keeps the fonts' faces and subsets for the
	// PDFs made with it (see NewCache).
	Cache *Cache
	// fpdfText draws every table cell with fpdf's Text, for tests.
	fpdfText bool
}

// A Cache keeps what the PDFs one program makes have in common: the
// fonts' faces, parsed once, and their subsets, each made and compressed
// once for a face and the runes a PDF draws with it. A PDF is byte for
// byte what it is without one. A Cache is safe for PDFs made at once.
type Cache struct{ fonts *fpdf.FontCache }

// cachedSubsets is how many font subsets a Cache keeps, those used last.
// The reports of a national register split by commune have in all about
// 30 subsets of the charts' face, 60 of the italic, 160 of the bold and
// as many of the regular as communes; 128 kept, 94%, 78%, 78% and 4% of
// them were found in the cache. A subset of a report's runes takes about
// 50 KB: 6 MB for 128.
const cachedSubsets = 128

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{fonts: fpdf.NewFontCache(cachedSubsets)} }

// Write draws doc as a PDF on w.
func Write(w io.Writer, doc *layout.Document, opts Options) error {
	data, err := Render(doc, opts)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// Render draws doc and returns the PDF's bytes. Characters the embedded
// fonts cannot draw are replaced by "?", in doc itself.
func Render(doc *layout.Document, opts Options) ([]byte, error) {
	printable(doc)
	chartFont, err := truetype.Parse(fonts.SansRegular)
	if err != nil {
		return nil, fmt.Errorf("pdf: chart font: %w", err)
	}
	if opts.ChartDPI == 0 {
		opts.ChartDPI = 300
	}
	p := fpdf.New("P", "mm", "A4", "")
	if opts.Cache != nil {
		p.SetFontCache(opts.Cache.fonts)
	}
	for _, f := range fontFiles {
		p.AddUTF8FontFromBytes(f.family, f.style, f.data)
	}
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("pdf: fonts: %w", err)
	}
	date := doc.Date
	if date.IsZero() {
		date = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	p.SetCreationDate(date)
	p.SetModificationDate(date)
	p.SetCatalogSort(true)
	p.SetCompression(true)

	p.SetTitle(doc.Title, true)
	p.SetSubject(doc.Subject, true)
	p.SetAuthor(doc.Author, true)
	p.SetKeywords(doc.Keywords, true)
	p.SetCreator("dvkreport", true)
	p.SetProducer("dvkreport (go-pdf/fpdf)", true)
	p.SetLang(doc.Language)
	pg := doc.Page
	p.SetMargins(pg.Left, pg.Top, pg.Right)
	p.SetAutoPageBreak(true, pg.Bottom)
	p.SetTextColor(0, 0, 0)
	p.SetDrawColor(0, 0, 0)

	d := &drawer{pdf: p, doc: doc, chartFont: chartFont, opts: opts,
		cells: cellWriter{p: p, drawn: map[string]*[utf8.RuneSelf]bool{}, fpdfText: opts.fpdfText},
		left:  pg.Left, top: pg.Top, right: pg.Right, bottom: pg.Bottom, width: pageWidth - pg.Left - pg.Right}
	d.pdf.AddPage()
	for i, b := range doc.Blocks {
		switch b := b.(type) {
		case *layout.Letterhead:
			d.letterhead(b)
		case *layout.Centered:
			d.centered(b)
		case *layout.Paragraph:
			d.paragraph(b)
		case *layout.Section:
			d.section(b)
		case *layout.Closing:
			d.closing(b)
		case *layout.Chart:
			d.chart(b, i)
		case *layout.Table:
			d.table(b)
		case *layout.List:
			d.list(b)
		case *layout.PageBreak:
			p.AddPage()
		default:
			p.SetErrorf("pdf: unknown block %T", b)
		}
		if p.Err() {
			break
		}
	}
	d.pageNumbers()
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return buf.Bytes(), nil
}

// Pages counts the pages of a PDF that Render wrote: its dictionaries of
// type /Page (not /Pages).
func Pages(pdf []byte) int {
	const page = "/Type /Page"
	n := 0
	for {
		i := bytes.Index(pdf, []byte(page))
		if i < 0 || i+len(page) >= len(pdf) {
			return n
		}
		pdf = pdf[i+len(page):]
		if pdf[0] != 's' {
			n++
		}
	}
}
