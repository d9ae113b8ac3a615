package report

import (
	"bytes"
	"io"
	"os"
	"slices"

	"golang.org/x/text/unicode/norm"

	"github.com/dvkreport/dvkreport/report/batch"
	"github.com/dvkreport/dvkreport/report/load"
	"github.com/dvkreport/dvkreport/templates"
)

// Files dvkreport itself writes beside the reports: a batch's manifest,
// a summary (CSV, JSON or workbook) and the list of the rows
// --skip-invalid left out. A folder of registers often holds them too
// (the reports were saved beside the data), and none is a register: read
// as one, it would break every later run. They are told by their exact
// header, which no register has.

// Kinds of files dvkreport writes, as OwnFile.Kind.
const (
	OwnManifest = "manifest"
	OwnSummary  = "summary"
	OwnProblems = "problems"
)

// OwnFile is a file found in a folder of registers that dvkreport wrote
// itself, and that was therefore not read.
type OwnFile struct {
	File string
	Kind string // OwnManifest, OwnSummary or OwnProblems
}

// ProblemsColumns are the columns of WriteProblemsCSV.
var ProblemsColumns = []string{"file", "sheet", "row", "column", "header", "problem"}

// ownTables says which kind of file dvkreport wrote the tables are, from
// the first row of the first one, or "" when they are not its.
func ownTables(tables []*load.Table) string {
	if len(tables) == 0 || len(tables[0].Rows) == 0 || tables[0].Keys != nil {
		return ""
	}
	cells := tables[0].Rows[0].Cells()
	switch {
	case slices.Equal(cells, batch.ManifestColumns):
		return OwnManifest
	case slices.Equal(cells, ProblemsColumns):
		return OwnProblems
	case len(cells) >= len(SummaryColumns) && slices.Equal(cells[:len(SummaryColumns)], SummaryColumns):
		return OwnSummary
	}
	if tables[0].Sheet == "" {
		return "" // not a workbook
	}
	for _, lang := range []string{"vi", "en"} {
		set, err := templates.Load(lang, "")
		if err != nil {
			continue
		}
		h := xlsxHeader(&set.Texts)
		if len(cells) < len(h) {
			continue
		}
		same := true
		for i, c := range h {
			if cells[i] != norm.NFC.String(c) {
				same = false
				break
			}
		}
		if same {
			return OwnSummary
		}
	}
	return ""
}

// ownJSON reports whether the file is a summary dvkreport wrote as JSON:
// an object that begins with the period, then the level.
func ownJSON(name string) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 256)
	n, _ := io.ReadFull(f, head)
	head = bytes.TrimPrefix(head[:n], []byte("\ufeff"))
	head = bytes.TrimLeft(head, " \t\r\n")
	if !bytes.HasPrefix(head, []byte("{")) {
		return false
	}
	head = bytes.TrimLeft(head[1:], " \t\r\n")
	return bytes.HasPrefix(head, []byte(`"period"`)) && bytes.Contains(head, []byte(`"level"`))
}
