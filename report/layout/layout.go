// Package layout decides what a report says and in what order, in one
// language: it turns a summary, its comparisons and the report texts into
// a Document of blocks (a letterhead, a title, paragraphs, sections,
// charts, tables, lists, the closing with its recipients and signature)
// whose every string is final and whose every size is set. It follows one
// of three forms: the Party form of Hướng dẫn 36-HD/VPTW, the State form of
// Decree 30/2020/NĐ-CP (Appendix I), or a plain report. It formats
// numbers and fills the sentences of the templates, but draws nothing:
// package pdf does that, and a Document can be checked as data, without a
// PDF.
package layout

import "time"

// Document is a whole report.
type Document struct {
	// Metadata of the PDF.
	Title    string `json:"title"`
	Subject  string `json:"subject"`
	Author   string `json:"author"`
	Keywords string `json:"keywords"`
	Language string `json:"language"` // BCP 47: "vi" or "en"
	// Date is the document's date, for the PDF's metadata too: the one
	// asked for, or the end of the period, never the clock's, so that the
	// same data always gives the same file.
	Date   time.Time `json:"date"`
	Page   Page      `json:"page"`
	Blocks []Block   `json:"blocks"`
}

// Page is the page's setup: A4, portrait.
type Page struct {
	// Margins in millimetres.
	Top, Right, Bottom, Left float64
	// Number is the text of a page number, with {page} and {pages} for
	// the numbers ("Trang {page}/{pages}", or "{page}" alone); "" for none.
	Number string `json:"number"`
	// NumberFirst numbers the first page too.
	NumberFirst bool    `json:"number_first"`
	NumberSize  float64 `json:"number_size"`
	// BodySize is the size of the body's text, in points.
	BodySize float64 `json:"body_size"`
}

// Block is one element of the document's flow: *Letterhead, *Centered,
// *Paragraph, *Section, *Chart, *Table, *List, *Closing or *PageBreak.
type Block interface{ block() }

// Line is one line of text with its style; a long one wraps.
type Line struct {
	Text      string  `json:"text"`
	Size      float64 `json:"size"` // points
	Bold      bool    `json:"bold,omitempty"`
	Italic    bool    `json:"italic,omitempty"`
	Underline bool    `json:"underline,omitempty"`
	// Rule draws a solid line under the text, as long as this share of
	// the text's width (1: as long as the text); 0 for none.
	Rule float64 `json:"rule,omitempty"`
}

// Letterhead is the head of an official document, in two columns: on the
// left the superior body, the issuing body and its mark (an asterisk or a
// rule); on the right the Party's heading or the national name and motto.
// Under both, on one row, the document's number (left) and its place and
// date (right). Every line is centred in its column.
type Letterhead struct {
	LeftWidth float64 `json:"left_width"` // millimetres; the right column takes the rest
	Left      []Line  `json:"left"`
	Right     []Line  `json:"right"`
	// Space is the room between the columns' lines and the number row.
	Space  float64 `json:"space"`
	Number Line    `json:"number"`
	Date   Line    `json:"date"`
}

// Centered is a run of lines centred on the page: a title, the document's
// type and its subject line. Space is the room above it, in millimetres.
type Centered struct {
	Lines []Line  `json:"lines"`
	Space float64 `json:"space"`
}

// Paragraph is body text, justified, its first line indented.
type Paragraph struct {
	Text   string  `json:"text"`
	Size   float64 `json:"size"`
	Indent float64 `json:"indent"` // of the first line, millimetres
	Italic bool    `json:"italic,omitempty"`
}

// Section is a numbered section heading.
type Section struct {
	Title string  `json:"section"`
	Size  float64 `json:"size"`
}

// Chart is a bar chart.
type Chart struct {
	Title      string   `json:"chart"`
	Note       string   `json:"note,omitempty"` // under the title: what the chart leaves out
	Stacked    bool     `json:"stacked"`        // stacked bars; otherwise one series
	Horizontal bool     `json:"horizontal"`     // bars laid along the x axis
	Categories []string `json:"categories"`     // one per bar
	Series     []Series `json:"series"`
	// Thousands and Decimal are the separators for axis ticks.
	Thousands string `json:"thousands"`
	Decimal   string `json:"decimal"`
	// ID names the chart for a file (models, funds, quarter-models…).
	ID string `json:"id"`
	// Context is the report's scope and period ("Lạng Sơn – Quý
	// III/2026"), for a chart shown apart from the report (dvkreport
	// charts), which then carries its title and context itself.
	Context string `json:"context"`
}

// Series is one coloured part of each bar.
type Series struct {
	Name   string    `json:"name"`
	Values []float64 `json:"values"`
	Labels []string  `json:"labels"` // each value written out, for the bar's label
}

// Table is a table with a header row repeated on every page and a total
// row, in Size points.
type Table struct {
	Columns []Column   `json:"columns"`
	Rows    []TableRow `json:"rows"`
	Total   []string   `json:"total,omitempty"`
	Size    float64    `json:"size"`
	// Note is set under the table, in italics: what its marks mean.
	Note string `json:"note,omitempty"`
}

// Column is a table column: its header and relative width.
type Column struct {
	Header string  `json:"header"`
	Width  float64 `json:"width"` // share of the table's width
	Right  bool    `json:"right"` // numbers: right-aligned
}

// TableRow is a row of cells, aligned with the table's columns.
type TableRow struct {
	Cells []string `json:"cells"`
	// Minor rows (the province-wide part of a province, a unit that
	// reported nothing) are set in italics.
	Minor bool `json:"minor,omitempty"`
	// A group row is a heading across the table: its one cell names the
	// province or field whose rows follow.
	Group bool `json:"group,omitempty"`
}

// List is a list of items, numbered or with a dash.
type List struct {
	Items    []string `json:"items"`
	Numbered bool     `json:"numbered"`
	Size     float64  `json:"size"`
}

// Closing ends an official document: on the left, where it goes (Nơi
// nhận) and the recipients; on the right, the signature block: the
// authority and the position, room to sign and seal, and the name.
type Closing struct {
	LeftWidth float64 `json:"left_width"` // millimetres; the signature takes the rest
	Left      []Line  `json:"left"`
	Authority []Line  `json:"authority"`
	// Gap is the room to sign, in millimetres, between the authority and
	// the name.
	Gap  float64 `json:"gap"`
	Name Line    `json:"name"`
}

// PageBreak starts a new page.
type PageBreak struct{}

func (*Letterhead) block() {}
func (*Centered) block()   {}
func (*Paragraph) block()  {}
func (*Section) block()    {}
func (*Chart) block()      {}
func (*Table) block()      {}
func (*List) block()       {}
func (*Closing) block()    {}
func (*PageBreak) block()  {}
