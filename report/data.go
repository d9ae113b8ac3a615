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
	// Unassigned are the rows of split communes that a roll-up to the 2025
	// units could not place.
	Unassigned []names.Unassigned
	// Sheets says how each table was read.
	Sheets []validate.Sheet
	// Rejected are the rows of Problems, with what could be read of them.
	Rejected []validate.Rejected
	// warningRecord is, for each warning, the index of its record, or -1
	// for a warning about a file (a total row that does not match).
	warningRecord []int
	// excluded are the problems of the rows Check left out.
	excluded validate.Problems
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

// withoutRows returns the indexes of the records not at the positions of
// problems.
func withoutRows(recs []record.Record, problems []*record.InputError) []int {
	bad := map[record.Pos]bool{}
	for _, p := range problems {
		pos := p.Pos
		pos.Col = 0
		bad[pos] = true
	}
	var keep []int
	for i, r := range recs {
		if !bad[r.Pos()] {
			keep = append(keep, i)
		}
	}
	return keep
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
	if opts.StrictNames {
		keep := withoutRows(d.Dataset.Records, d.Warnings)
		*d = *d.subset(keep)
		d.excluded = problems
	}
	if len(d.Dataset.Records) == 0 {
		return problems // every row is bad: nothing to report on
	}
	return nil
}
