package report

import (
	"github.com/dvkreport/dvkreport/report/names"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/report/validate"
)

// Data is a loaded, validated register.
type Data struct {
	*record.Dataset
	// Files are the files read, each once, in order.
	Files []string
	// Skipped are the files of the folders read that dvkreport wrote
	// itself (a manifest, a summary): they are not registers, and were
	// not read.
	Skipped []OwnFile
	// Problems are the cells that break the input contract; their rows
	// are not in the dataset.
	Problems validate.Problems
	// Warnings are locality names not in the gazetteer of their period, or
	// in the wrong province.
	Warnings []*record.InputError
	// Unassigned are the rows of split communes under a roll-up to the
	// 2025 units: those it could not place, and those placed where their
	// model goes on (names.Unassigned.To).
	Unassigned []names.Unassigned
	// Sheets says how each table was read.
	Sheets []validate.Sheet
	// Rejected are the rows of Problems, with what could be read of them.
	Rejected []validate.Rejected
	// warningRecord is, for each warning, the index of its record, or -1
	// for a warning about a file (a total row that does not match).
	warningRecord []int
	// excluded are the problems of the rows Check left out; sheetRows,
	// by the position of a problem of a whole sheet (its column 0), how
	// many rows it left out.
	excluded  validate.Problems
	sheetRows map[record.Pos]int
}

// subset returns the data of some of d's records, by index in order: the
// warnings and unassigned rows of the others are left out, those of the
// records kept point at their new indexes.
func (d *Data) subset(keep []int) *Data {
	sub := *d
	sub.Dataset = &record.Dataset{Extras: d.Dataset.Extras, Records: make([]record.Record, len(keep))}
	at := make(map[int]int, len(keep))
	for j, i := range keep {
		sub.Dataset.Records[j] = d.Dataset.Records[i]
		at[i] = j
	}
	sub.Warnings, sub.warningRecord = nil, nil
	for i, w := range d.Warnings {
		r := d.warningRecord[i]
		if r < 0 {
			sub.Warnings, sub.warningRecord = append(sub.Warnings, w), append(sub.warningRecord, -1)
		} else if j, ok := at[r]; ok {
			sub.Warnings, sub.warningRecord = append(sub.Warnings, w), append(sub.warningRecord, j)
		}
	}
	sub.Unassigned = nil
	for _, u := range d.Unassigned {
		if j, ok := at[u.Record]; ok {
			u.Record = j
			sub.Unassigned = append(sub.Unassigned, u)
		}
	}
	return &sub
}

// withoutRows returns the indexes of the records neither at the positions
// of problems nor in the sheets (or files, for a position without a sheet)
// of the problems of whole sheets.
func withoutRows(recs []record.Record, problems, sheets []*record.InputError) []int {
	bad := map[record.Pos]bool{}
	for _, p := range problems {
		pos := p.Pos
		pos.Col = 0
		bad[pos] = true
	}
	badSheet := map[record.Pos]bool{}
	for _, p := range sheets {
		badSheet[record.Pos{File: p.Pos.File, Sheet: p.Pos.Sheet}] = true
	}
	var keep []int
	for i, r := range recs {
		pos := r.Pos()
		if bad[pos] || badSheet[record.Pos{File: pos.File, Sheet: pos.Sheet}] || badSheet[record.Pos{File: pos.File}] {
			continue
		}
		keep = append(keep, i)
	}
	return keep
}

// sheetRowCounts counts, for each problem of a whole sheet (by its
// position, column 0), the rows of its sheet (or file) left out: its data
// rows, or its records where more (none may have been made of a sheet
// refused whole, an eleventh review found it counted as one row).
func (d *Data) sheetRowCounts(sheets []*record.InputError) map[record.Pos]int {
	if len(sheets) == 0 {
		return nil
	}
	out := map[record.Pos]int{}
	for _, p := range sheets {
		pos := p.Pos
		pos.Col = 0
		of := func(file, sheet string) bool { return file == pos.File && (pos.Sheet == "" || sheet == pos.Sheet) }
		recs, rows := 0, 0
		for i := range d.Dataset.Records {
			if rp := d.Dataset.Records[i].Pos(); of(rp.File, rp.Sheet) {
				recs++
			}
		}
		for _, sh := range d.Sheets {
			if sh.Register && of(sh.File, sh.Sheet) {
				rows += sh.DataRows
			}
		}
		out[pos] = max(recs, rows, 1)
	}
	return out
}

// wholeSheet reports whether a problem's position is a whole sheet's or
// file's, or one of a sheet's title or header rows, rather than a row of
// its data.
func (d *Data) wholeSheet(pos record.Pos) bool {
	if pos.File == "" {
		return false
	}
	if pos.Row == 0 {
		return true
	}
	for _, sh := range d.Sheets {
		if sh.File == pos.File && sh.Sheet == pos.Sheet && sh.Register {
			return pos.Row <= sh.HeaderLast
		}
	}
	return false
}

// Check refuses data with problems (with the name warnings too under
// opts.StrictNames): the error is the validate.Problems. Under
// opts.SkipInvalid it keeps them to list in the report instead, and leaves
// the rows out; the error is then that no row is left.
func (d *Data) Check(opts Options) error {
	problems := d.Problems
	if opts.StrictNames {
		problems = append(problems, d.Warnings...)
	}
	if len(problems) == 0 {
		return nil
	}
	if !opts.SkipInvalid {
		return problems
	}
	d.excluded = problems
	// A problem of a whole sheet or file (a summary sheet that does not
	// match the others, a cumulative sheet summed with its quarters, a
	// cell of the header) has no row of its own: its sheet's rows leave
	// too, or the report would count what it lists as left out (a ninth
	// review: a "Tổng hợp" sheet listed as left out and summed).
	var drop []*record.InputError
	for _, p := range d.Problems {
		if d.wholeSheet(p.Pos) {
			drop = append(drop, p)
		}
	}
	if opts.StrictNames || len(drop) > 0 {
		var rowProblems []*record.InputError
		if opts.StrictNames {
			rowProblems = d.Warnings
		}
		keep := withoutRows(d.Dataset.Records, rowProblems, drop)
		sheetRows := d.sheetRowCounts(drop)
		*d = *d.subset(keep)
		d.excluded, d.sheetRows = problems, sheetRows
	}
	if len(d.Dataset.Records) == 0 {
		return problems // every row is bad: nothing to report on
	}
	return nil
}
