// Package layout decides what a report says and in what order: it turns a
// summary and the report texts into a Document of blocks (headings, key
// figures, charts, tables, lists) whose every string is final. It formats
// numbers and chooses labels, but draws nothing: package pdf does that, and
// a Document can be checked as data, without a PDF.
package layout

import (
	"github.com/dvkreport/dvkreport/report/record"
)

// Bi is a text in the report's two languages: Vietnamese first, English
// second. EN may be empty.
type Bi struct {
	VI string `json:"vi"`
	EN string `json:"en,omitempty"`
}

// Document is a whole report.
type Document struct {
	// Metadata of the PDF.
	Title    string `json:"title"`
	Subject  string `json:"subject"`
	Author   string `json:"author"`
	Keywords string `json:"keywords"`
	Language string `json:"language"` // BCP 47, "vi"
	// Date is the report's date for the PDF metadata: the end of its period,
	// so that the same data always gives the same file.
	Date record.Quarter `json:"date"`

	Heading Bi `json:"heading"` // the report's name
	Scope   Bi `json:"scope"`   // the localities covered
	Period  Bi `json:"period"`  // the period covered
	// Boundaries says which administrative units the figures are by.
	Boundaries Bi      `json:"boundaries"`
	PageWord   Bi      `json:"page_word"` // "Trang", for "Trang 2/5"
	Blocks     []Block `json:"blocks"`
}

// Block is one element of the document's flow: *Section, *Facts, *Chart,
// *Table, *List or *PageBreak.
type Block interface{ block() }

// Section is a numbered section heading.
type Section struct {
	Title Bi `json:"section"`
}

// Facts is a list of labelled key figures.
type Facts struct {
	Items []Fact `json:"facts"`
}

// Fact is one key figure: a label and its value written out.
type Fact struct {
	Label Bi     `json:"label"`
	Value string `json:"value"`
	Note  string `json:"note,omitempty"` // a breakdown, in the report's first language
}

// Chart is a bar chart.
type Chart struct {
	Title      Bi       `json:"chart"`
	Note       Bi       `json:"note,omitempty"` // under the title: what the chart leaves out
	Stacked    bool     `json:"stacked"`        // stacked vertical bars; otherwise one series
	Horizontal bool     `json:"horizontal"`     // bars laid along the x axis
	Categories []string `json:"categories"`     // one per bar
	Series     []Series `json:"series"`
	// Thousands and Decimal are the separators for axis ticks.
	Thousands string `json:"thousands"`
	Decimal   string `json:"decimal"`
}

// Series is one coloured part of each bar.
type Series struct {
	Name   string    `json:"name"`
	Values []float64 `json:"values"`
	Labels []string  `json:"labels"` // each value written out, for the bar's label
}

// Table is a table with a header row repeated on every page and a total row.
type Table struct {
	Columns []Column   `json:"columns"`
	Rows    []TableRow `json:"rows"`
	Total   []string   `json:"total,omitempty"`
}

// Column is a table column: its header and relative width.
type Column struct {
	Header Bi      `json:"header"`
	Width  float64 `json:"width"` // share of the table's width
	Right  bool    `json:"right"` // numbers: right-aligned
}

// TableRow is a row of cells, aligned with the table's columns.
type TableRow struct {
	Cells []string `json:"cells"`
	// Minor rows (the province-wide part of a province) are set in italics.
	Minor bool `json:"minor,omitempty"`
	// A group row is a heading across the table: its one cell names the
	// province whose lines follow.
	Group bool `json:"group,omitempty"`
}

// PageBreak starts a new page.
type PageBreak struct{}

// List is a numbered list, such as the sources.
type List struct {
	Items []string `json:"items"`
}

func (*Section) block()   {}
func (*Facts) block()     {}
func (*Chart) block()     {}
func (*Table) block()     {}
func (*List) block()      {}
func (*PageBreak) block() {}
