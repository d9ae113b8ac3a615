// Package validate turns the text cells that package load read into
// records, checking every cell against the input contract. It finds each
// table's header, over one to three rows with merged group cells, and
// reads the wordings clerks give their columns, with units of money
// ("Kinh phí (triệu đồng)"); it leaves out the rows that are not data (a
// row numbering the columns, total and subtotal rows, headings inside the
// table, the signature block under it), noting each, and checks a total
// row against the rows above it; it reads a sheet's period from its title
// or name when it has no period column. Then it checks every cell: fields,
// statuses, periods, numbers written the Vietnamese or the English way,
// and the text the report will print. It reports every problem of every
// table in one pass, each naming its file, row and column, and never drops
// or invents a figure.
package validate

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dvkreport/dvkreport/fonts"
	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/load"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
)

// Problems is every problem found in a set of tables, in file order.
// It unwraps to the individual *record.InputError values.
type Problems []*record.InputError

func (p Problems) Error() string {
	var b strings.Builder
	for i, e := range p {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the problems as errors, for errors.Is and errors.As.
func (p Problems) Unwrap() []error {
	errs := make([]error, len(p))
	for i, e := range p {
		errs[i] = e
	}
	return errs
}

// Options shape validation.
type Options struct {
	// AssumePeriod is the period of a sheet that has no period column and
	// names none in its title or name; zero means none.
	AssumePeriod record.Period
}

// Result is what validation found.
type Result struct {
	// Dataset holds every good row of every table.
	record.Dataset
	// Problems are the cells that break the contract; their rows are not
	// in the dataset.
	Problems Problems
	// Warnings do not keep a row out: a total row that does not match the
	// rows above it, a known column left empty.
	Warnings []*record.InputError
	// Sheets says how each table was read, for "dvkreport inspect".
	Sheets []Sheet
	// Rejected are the rows with problems, with what could be read of
	// their locality and period, so that a report on part of the data
	// lists only its own.
	Rejected []Rejected
}

// Rejected is a row left out for its problems.
type Rejected struct {
	Pos                         record.Pos // the row
	Province, District, Commune string
	Period                      record.Period // zero when it could not be read
}

// RejectedOf is the Rejected of a record's row.
func RejectedOf(r *record.Record) Rejected {
	return Rejected{Pos: r.Pos(), Province: r.Province, District: r.District, Commune: r.Commune, Period: r.Period}
}

// Sheet says how one table was read.
type Sheet struct {
	File, Sheet string
	// Register is false for a sheet without a register's header (notes,
	// instructions), which is left out.
	Register bool
	// HeaderFirst and HeaderLast are the rows of the header (0 for JSON).
	HeaderFirst, HeaderLast int
	Columns                 []Column
	Skipped                 []Skip
	DataRows                int
	// Period is the sheet's period when it has no period column, and
	// PeriodFrom says where it was found.
	Period     record.Period
	PeriodFrom msg.Text
	// TotalRow is the row of the total checked against the rows above it,
	// or 0; TotalMatches says whether it matched.
	TotalRow     int
	TotalMatches bool
	// Summary marks a sheet that sums the file's other sheets (Tổng hợp),
	// left out.
	Summary bool
}

// Column says how one column was read.
type Column struct {
	Col    int    // from 1
	Header string // as written, group and sub-header joined by " / "
	// Key is the contract's key of the column (funds_vnd), "extra" for an
	// extra indicator, "row_number" or "note" for columns left out,
	// "empty" for a column without values, "text" for one of text that
	// is no indicator, or "" for a column without header.
	Key   string
	Scale int64 // the unit its money is in (1, 1e3, 1e6, 1e9), or 0: from its header, or from a unit line
	// UnitRow is the row of the line above the table ("ĐVT: triệu đồng")
	// that Scale comes from, or 0 when it comes from the header.
	UnitRow int
}

// Tables validates the tables and merges their rows into one dataset, as
// Read does with the zero Options.
func Tables(tables []*load.Table) (record.Dataset, Problems) {
	r := Read(tables, Options{})
	return r.Dataset, r.Problems
}

// Read validates the tables and merges their rows into one dataset. Rows
// with problems are left out of the dataset and described in
// Result.Problems; the dataset holds every good row, so a caller may go on
// without the bad ones if the user asks it to.
//
// A file must have at least one table with a register's header; a
// workbook's other sheets (notes, instructions) are left out.
func Read(tables []*load.Table, opts Options) *Result {
	r := NewReader(opts)
	for i := 0; i < len(tables); {
		j := i + 1
		for j < len(tables) && tables[j].File == tables[i].File {
			j++
		}
		r.File(tables[i:j])
		i = j
	}
	return r.Result()
}

// A Reader validates files one by one, as Read does their tables all
// together, keeping of each only its records and what it found: a
// file's cells can go once File returns, so that a register of many files
// needs the memory of its records and of its biggest file, not of all
// its files' cells at once.
type Reader struct{ b *builder }

// NewReader returns a Reader of files validated with opts.
func NewReader(opts Options) *Reader {
	return &Reader{b: &builder{extraIndex: map[string]int{}, seed: maphash.MakeSeed(), opts: opts, res: &Result{}}}
}

// Expect makes room for rows more records, an upper bound of what the
// files to come hold: a register of many big files, its records made room
// for file by file, was copied whole each time the room ran out, the old
// records and the new alive together (report.Load counts the lines of
// CSV files; rows beyond the room are made room for as without it).
func (r *Reader) Expect(rows int) {
	if rows > 0 {
		r.b.ds.Records = slices.Grow(r.b.ds.Records, rows)
		r.b.ids = slices.Grow(r.b.ids, rows)
	}
}

// File validates the tables of one file. The Reader keeps no part of
// them.
func (r *Reader) File(tables []*load.Table) {
	if len(tables) > 0 {
		r.b.file(tables)
	}
}

// Result ends the reading: it checks the files' records against each
// other (cumulative sheets, duplicates, overlapping periods) and returns
// what was read. The Reader is not to be used after it.
func (r *Reader) Result() *Result {
	b := r.b
	b.cumulatives()
	b.res.Problems = append(b.res.Problems, b.duplicates()...)
	b.res.Problems = append(b.res.Problems, b.overlaps()...)
	b.res.Dataset = b.ds
	return b.res
}

// file validates the tables of one file.
func (b *builder) file(tables []*load.Table) {
	lays := make([]sheetLayout, len(tables))
	found := make([]bool, len(tables))
	complete := false
	for k, t := range tables {
		lays[k], found[k] = findLayout(t)
		complete = complete || found[k] && b.hasRequired(t, &lays[k])
	}
	any := false
	var registers []sheetRecords
	problems := len(b.res.Problems)
	for k, t := range tables {
		sheet := Sheet{File: t.File, Sheet: t.Sheet}
		if !found[k] || complete && !b.hasRequired(t, &lays[k]) {
			// Not a register: left out, unless no table of the file is one.
			b.res.Sheets = append(b.res.Sheets, sheet)
			continue
		}
		any = true
		lo := len(b.ds.Records)
		b.table(t, &lays[k])
		registers = append(registers, sheetRecords{sheet: len(b.res.Sheets) - 1, lo: lo, hi: len(b.ds.Records)})
	}
	if len(registers) > 1 && slices.ContainsFunc(registers, func(s sheetRecords) bool { return s.hi > s.lo }) {
		// A workbook's sheet of a header alone, beside sheets of data: a
		// sheet ready for the next quarter, or a template. Said, not
		// refused (an eighteenth review found such workbooks refused).
		kept := b.res.Problems[:problems]
		for _, p := range b.res.Problems[problems:] {
			if p.Msg.Key == "validate.header_only" {
				b.res.Warnings = append(b.res.Warnings, p)
				continue
			}
			kept = append(kept, p)
		}
		b.res.Problems = kept
	}
	b.summaries(registers)
	if !any {
		b.res.Problems = append(b.res.Problems, &record.InputError{Pos: record.Pos{File: tables[0].File}, Msg: msg.New("validate.no_header", headerSearchRows)})
	}
}

// hasRequired reports whether a layout has the required columns, the
// period being the sheet's if it names one.
func (b *builder) hasRequired(t *load.Table, lay *sheetLayout) bool {
	have := map[column]bool{}
	for _, c := range lay.cols {
		have[c] = true
	}
	if !have[colPeriod] && !b.opts.AssumePeriod.IsZero() {
		have[colPeriod] = true
	}
	if !have[colPeriod] {
		if p, _, err := sheetPeriod(t, lay); err != nil || !p.IsZero() {
			have[colPeriod] = true
		}
	}
	for _, c := range required {
		if !have[c] {
			return false
		}
	}
	return true
}

// builder builds a dataset from tables.
type builder struct {
	opts Options
	res  *Result
	ds   record.Dataset
	// ids holds a hash of each record's identity, for duplicates: its
	// locality, model name, field and period, compared as duplicates
	// compares them. Rows without a model name have none.
	ids        []uint64
	extraIndex map[string]int // extra column → its place in ds.Extras
	seed       maphash.Seed
}

// duplicates finds a model reported twice: the same locality, model name,
// field and period, in one file or several. The later row is a problem and
// leaves the dataset, so that nothing is summed twice unseen. Rows without
// a model name (groups) are not compared.
func (b *builder) duplicates() Problems {
	ds := &b.ds
	first := make(map[uint64]int32, len(ds.Records)) // identity → index in kept
	var more map[uint64][]int32                      // later records of an identity hash
	var problems Problems
	copies := b.copiedGroups()
	kept := ds.Records[:0]
	for i := range ds.Records {
		r := &ds.Records[i]
		if of, ok := copies[i]; ok {
			problems = append(problems, &record.InputError{Pos: r.Pos(), Msg: msg.New("validate.duplicate_group", of)})
			b.res.Rejected = append(b.res.Rejected, RejectedOf(r))
			continue
		}
		if r.Model != "" {
			// Records are compared in full only when their hashes meet.
			id, dup := b.ids[i], -1
			if j, ok := first[id]; ok {
				for _, j := range append([]int32{j}, more[id]...) {
					if same(&kept[j], r) {
						dup = int(j)
						break
					}
				}
				if dup < 0 {
					if more == nil {
						more = map[uint64][]int32{}
					}
					more[id] = append(more[id], int32(len(kept)))
				}
			} else {
				first[id] = int32(len(kept))
			}
			if dup >= 0 {
				problems = append(problems, &record.InputError{Pos: r.Pos(),
					Msg: msg.New("validate.duplicate", msg.Quote(r.Model), r.Period, kept[dup].Pos())})
				b.res.Rejected = append(b.res.Rejected, RejectedOf(r))
				continue
			}
		}
		if len(kept) != i {
			kept = append(kept, *r)
		} else {
			kept = kept[:i+1] // in place: nothing dropped yet
		}
	}
	clear(ds.Records[len(kept):])
	ds.Records = kept
	b.ids = nil
	return problems
}

// overlaps finds the rows of one model, or of one unit's group of models
// of one status (a row without a model's name), whose periods overlap
// without being the same: a row of the year 2025 beside one of 2025-Q4,
// or of 2025-H2 beside 2025-Q3, in one sheet. The longer period's figures
// hold the shorter's, and a report of the longer one summed both (a
// seventeenth review: 50 million for the year's 40). Each such row after
// the first is a problem, out of the dataset. A register of quarters
// alone, the usual one, has no two periods that overlap, and costs one
// look at its periods.
func (b *builder) overlaps() Problems {
	ds := &b.ds
	periods := map[record.Period]bool{}
	var last record.Period
	for i := range ds.Records {
		if p := ds.Records[i].Period; p != last || i == 0 { // rows of one period come together
			periods[p], last = true, p
		}
	}
	overlap := false
	for p := range periods {
		for q := range periods {
			if p != q && p.Overlaps(q) {
				overlap = true
			}
		}
	}
	if !overlap {
		return nil
	}
	type key struct {
		province, district, commune, unit, model string
		field                                    record.Field
		status                                   record.Status // a group's: new and sustained groups are two
	}
	// Sheets refused whole already (a cumulative sheet beside its
	// quarters'): their rows are that problem's, not one each.
	refused := map[record.Pos]bool{}
	for _, p := range b.res.Problems {
		if p.Pos.Row == 0 {
			refused[record.Pos{File: p.Pos.File, Sheet: p.Pos.Sheet}] = true
		}
	}
	seen := map[key][]int{} // the rows kept of each key
	var problems Problems
	kept := ds.Records[:0]
	for i := range ds.Records {
		r := &ds.Records[i]
		if len(refused) > 0 && r.Table != nil && refused[record.Pos{File: r.Table.File, Sheet: r.Table.Sheet}] {
			kept = append(kept, *r)
			continue
		}
		// The district is compared apart: a row without one (a sheet of
		// after the 2025 reform) may be of a row's that has one.
		k := key{gazetteer.UnitKey(r.Province), "", gazetteer.UnitKey(r.Commune), modelKey(r.Unit), modelKey(r.Model), r.Field, 0}
		if r.Model == "" {
			k.status = r.Status
		}
		clash := -1
		for _, j := range seen[k] {
			o := &kept[j]
			od, rd := gazetteer.UnitKey(o.District), gazetteer.UnitKey(r.District)
			if o.Period != r.Period && o.Period.Overlaps(r.Period) && record.SameName(o.Model, r.Model) && record.SameName(o.Unit, r.Unit) &&
				(od == rd || od == "" || rd == "") {
				clash = j
				break
			}
		}
		if clash >= 0 {
			o := &kept[clash]
			m := msg.New("validate.overlapping_period", msg.Quote(r.Model), r.Period, o.Period, o.Pos())
			if r.Model == "" {
				m = msg.New("validate.overlapping_group", msg.Quote(r.Unit), r.Period, o.Period, o.Pos())
			}
			problems = append(problems, &record.InputError{Pos: r.Pos(), Msg: m})
			b.res.Rejected = append(b.res.Rejected, RejectedOf(r))
			continue
		}
		seen[k] = append(seen[k], len(kept))
		kept = append(kept, *r)
	}
	clear(ds.Records[len(kept):])
	ds.Records = kept
	return problems
}

// groupKey is what copiedGroups compares of group rows: their locality,
// unit, field, status, period and figures, the extra indicators' too.
type groupKey struct {
	province, district, commune, unit string
	field                             record.Field
	status                            record.Status
	period                            record.Period
	figures                           [4]int64
	extra                             string
}

// copiedGroups finds the group rows (a unit's count of models, no model's
// name) of a file that another file holds all of, figures and all, with a
// sum of money among them: a file and its copy, or a commune's file beside
// the province's that gathers it, were summed twice (a ninth review). It
// returns them by index in the dataset, with the position of the row they
// repeat. Rows of counts alone prove nothing: two organisations' files
// without a unit column may each report "Xã Ba Sơn, Kinh tế, 2 models"
// (a tenth and an eleventh review found them refused); such a file, and
// one whose group rows are another's with the same counts and other sums
// (a corrected copy beside the first, an eleventh review), get a warning
// that names the other file. Rows that differ in an extra indicator are
// two.
func (b *builder) copiedGroups() map[int]record.Pos {
	recs := b.ds.Records
	var files []string
	rows := map[string][]int{} // file → its group rows, by index
	for i := range recs {
		r := &recs[i]
		if r.Model != "" || r.Table == nil {
			continue
		}
		if _, ok := rows[r.Table.File]; !ok {
			files = append(files, r.Table.File)
		}
		rows[r.Table.File] = append(rows[r.Table.File], i)
	}
	if len(files) < 2 {
		return nil
	}
	// A row's key: its identity (0), with its count (1), with all its
	// figures (2), with its count, funds, households and beneficiaries
	// (3).
	key := func(r *record.Record, figures int) groupKey {
		k := groupKey{gazetteer.UnitKey(r.Province), gazetteer.UnitKey(r.District), gazetteer.UnitKey(r.Commune), ModelKey(r.Unit),
			r.Field, r.Status, r.Period, [4]int64{}, ""}
		switch figures {
		case 1:
			k.figures[0] = r.Count
		case 2, 3:
			k.figures = [4]int64{r.Count, r.FundsVND, r.Households, r.Beneficiaries}
			if len(r.Extra) > 0 && figures == 2 {
				k.extra = fmt.Sprint(r.Extra)
			}
		}
		return k
	}
	// where[figures] maps a row's key → the files that have it, with a
	// row of each; distinct counts each file's different rows.
	var where [4]map[groupKey]map[string]int
	var distinct [4]map[string]int
	for w := range where {
		where[w], distinct[w] = map[groupKey]map[string]int{}, map[string]int{}
		for _, f := range files {
			for _, i := range rows[f] {
				k := key(&recs[i], w)
				if where[w][k] == nil {
					where[w][k] = map[string]int{}
				}
				if _, ok := where[w][k][f]; !ok {
					where[w][k][f] = i
					distinct[w][f]++
				}
			}
		}
	}
	// holds reports whether g has every group row of f (with their
	// figures or not) and f is the copy: the smaller, or the later.
	holds := func(f, g string, n int, figures int) bool {
		for _, i := range rows[f] {
			if _, in := where[figures][key(&recs[i], figures)][g]; !in {
				return false
			}
		}
		return distinct[figures][f] < distinct[figures][g] || distinct[figures][f] == distinct[figures][g] && slices.Index(files, g) < n
	}
	// sameWithMoney reports whether one of f's group rows with a sum of
	// money is in g, figures and all.
	sameWithMoney := func(f, g string) bool {
		for _, i := range rows[f] {
			if _, in := where[2][key(&recs[i], 2)][g]; in && recs[i].FundsVND != 0 {
				return true
			}
		}
		return false
	}
	var out map[int]record.Pos
	for n, f := range files {
		money := false
		for _, i := range rows[f] {
			money = money || recs[i].FundsVND != 0
		}
		for _, g := range files {
			switch {
			case g == f:
				continue
			case holds(f, g, n, 2) && money:
				if out == nil {
					out = map[int]record.Pos{}
				}
				for _, i := range rows[f] {
					out[i] = recs[where[2][key(&recs[i], 2)][g]].Pos()
				}
			case holds(f, g, n, 2):
				b.warn(record.Pos{File: f}, "", msg.New("validate.same_groups", g))
			case holds(f, g, n, 1) && distinct[1][f] == distinct[1][g] && !holds(f, g, n, 3),
				holds(f, g, n, 0) && distinct[0][f] == distinct[0][g] && sameWithMoney(f, g):
				// The same rows and counts, other funds, households or
				// beneficiaries; or the same rows, one of them the same
				// with its money and another not: a corrected copy (a
				// twelfth review found two organisations' files of other
				// counts called one, a thirteenth and a fourteenth
				// corrected copies not warned of). Other extra
				// indicators alone are two activities' files.
				b.warn(record.Pos{File: f}, "", msg.New("validate.version_groups", g))
			default:
				continue
			}
			break
		}
	}
	return out
}

// same reports whether two records are the same model: the same locality,
// unit, model name (see modelKey), field and period. Two units (Hội Nông
// dân and Hội Phụ nữ) may each run a model of the same name.
// SameModel reports whether two records report the same model: the same
// locality, unit, model name, field and period, names compared as the
// duplicate check compares them. A later step that settles names (package
// names) uses it to find the duplicates that only its names reveal.
func SameModel(a, b *record.Record) bool { return a.Model != "" && same(a, b) }

// ModelKey is a key of a model's or a unit's name: lower case, without
// quotes, trimmed, runs of white space as one space. SameModel also calls
// one a name and the same name typed without any diacritics.
func ModelKey(s string) string { return string(record.AppendNameKey(nil, s, false)) }

func same(a, b *record.Record) bool {
	return a.Field == b.Field && a.Period == b.Period && record.SameName(a.Model, b.Model) && record.SameName(a.Unit, b.Unit) &&
		gazetteer.UnitKey(a.Province) == gazetteer.UnitKey(b.Province) &&
		gazetteer.UnitKey(a.District) == gazetteer.UnitKey(b.District) &&
		gazetteer.UnitKey(a.Commune) == gazetteer.UnitKey(b.Commune)
}

// identity hashes what same compares, from the texts of a record's
// locality names and its model name.
func identity(seed maphash.Seed, province, district, commune, unit *text, model string, field record.Field, period record.Period, models *modelHashes) uint64 {
	var b [49]byte
	binary.LittleEndian.PutUint64(b[0:], province.locHash(seed))
	binary.LittleEndian.PutUint64(b[8:], district.locHash(seed))
	binary.LittleEndian.PutUint64(b[16:], commune.locHash(seed))
	binary.LittleEndian.PutUint64(b[24:], models.of(model))
	binary.LittleEndian.PutUint64(b[32:], unit.unitHash(seed))
	binary.LittleEndian.PutUint32(b[40:], uint32(period.First))
	binary.LittleEndian.PutUint32(b[44:], uint32(period.Last))
	b[48] = byte(field)
	return maphash.Bytes(seed, b[:])
}

// modelHashes hashes model names by their key (see modelKey), for one
// goroutine. It remembers the last few thousand names: a sustained model
// is reported every quarter, and keying a name, lower-casing it rune by
// rune, costs several times what hashing it does. Its memory is the same
// however many distinct names a register has.
type modelHashes struct {
	seed  maphash.Seed
	slots [4096]struct {
		name string
		hash uint64
	}
	buf []byte
}

func (m *modelHashes) of(name string) uint64 {
	s := &m.slots[maphash.String(m.seed, name)%uint64(len(m.slots))]
	if s.name != name || name == "" {
		m.buf = appendModelKey(m.buf[:0], name)
		s.name, s.hash = name, maphash.Bytes(m.seed, m.buf)
	}
	return s.hash
}

// text is one distinct name of a table's cells, with the hash of its key
// as duplicates compares locality names, made when first needed, and what
// is wrong with it, found when first needed.
type text struct {
	s         string
	loc, unit uint64
	// What textProblem says of the text as a name of a place ([1]) and
	// as another name ([0]): the same text may be both, a unit named as a
	// commune is, and a locality's checks were skipped when its text was
	// first a unit's. The problems are kept apart, as they are rare: a
	// text of every distinct name of a register is kept, and one of 96
	// bytes more made the collector's work of the national register's
	// 100,000 rows 1.15 times the time.
	problem         *[2]msg.Text // nil while no check found one
	checked         [2]bool
	hasLoc, hasUnit bool
}

// textProblem says what is wrong with the text of a cell the report
// prints, if anything: a character the report's fonts cannot draw (an
// emoji, a script other than Latin, Greek or Cyrillic), or, for a locality
// name, no letter or digit at all ("—", "?", "..").
func textProblem(s string, locality bool) msg.Text {
	if s == "" {
		return msg.Text{}
	}
	if r, bad := fonts.Uncovered(s); bad {
		return msg.New("validate.unprintable", fmt.Sprintf("%U", r), msg.Quote(string(r)))
	}
	if locality && gazetteer.Key(s) == "" {
		return msg.New("validate.name_no_letters", msg.Quote(s))
	}
	// Text saved or read in the wrong charset (a twenty-fourth review:
	// a report of "Láº¡ng SÆ¡n" or "L?ng S?n", exit 0, with only the
	// gazetteer's warning).
	if right, ok := misread(s); ok {
		return msg.New("validate.misread", msg.Quote(s), msg.Quote(right))
	}
	if locality && lostLetters(s) {
		return msg.New("validate.lost_letters", msg.Quote(s))
	}
	return msg.Text{}
}

// misread reports whether s is UTF-8 text read as Windows-1252 (or
// Latin-1), "Láº¡ng SÆ¡n" for Lạng Sơn, and returns the text it was: each
// character a byte of that charset, the bytes UTF-8 with a letter of more
// than one byte among them. Vietnamese written right has letters of no
// such byte (ạ, ơ), so it is never taken for one.
func misread(s string) (string, bool) {
	// A first look, without building anything: the characters' bytes
	// must run as UTF-8's lead and continuation bytes do. Vietnamese
	// written right fails it at once ("Cà Mau": à is a lead byte, the
	// space after it no continuation), so that the text of every row
	// costs a few steps, not an allocation (a first version cost the
	// national register a third more time).
	need, multi := 0, false
	for _, r := range s {
		c, ok := cp1252Byte(r)
		switch {
		case !ok:
			return "", false
		case need > 0:
			if c < 0x80 || c > 0xBF {
				return "", false
			}
			need--
		case c < 0x80:
		case c >= 0xC2 && c <= 0xDF:
			need, multi = 1, true
		case c >= 0xE0 && c <= 0xEF:
			need, multi = 2, true
		case c >= 0xF0 && c <= 0xF4:
			need, multi = 3, true
		default:
			return "", false
		}
	}
	if need > 0 || !multi {
		return "", false
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		c, _ := cp1252Byte(r)
		b = append(b, c)
	}
	if !utf8.Valid(b) {
		return "", false
	}
	// What it was is Latin text, Vietnamese's letters and marks: "Ô…"
	// and "CÔ”", right as written, would be a Cyrillic letter (a
	// twenty-fifth review).
	for _, r := range string(b) {
		if r >= 0x80 && !(r >= 0xC0 && r <= 0x24F && unicode.IsLetter(r) || r >= 0x1E00 && r <= 0x1EFF || r >= 0x2000 && r <= 0x206F || r == '₫') {
			return "", false
		}
	}
	return string(b), true
}

// cp1252Byte returns the Windows-1252 byte of r, if it has one.
func cp1252Byte(r rune) (byte, bool) {
	if r < 0x100 {
		return byte(r), true // C1 controls too: Latin-1 read as itself
	}
	if r < 0x152 || r > 0x2122 {
		return 0, false // none of cp1252High: most of Vietnamese's letters
	}
	for i, c := range cp1252High {
		if c == r {
			return byte(0x80 + i), true
		}
	}
	return 0, false
}

// cp1252High is what Windows-1252 has at 0x80 to 0x9F (0 where it has
// nothing).
var cp1252High = [32]rune{'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ'}

// lostLetters reports whether a name has a "?" between letters, "L?ng
// S?n": the letters a charset without Vietnamese could not hold, lost
// when the file was saved.
func lostLetters(s string) bool {
	rs := []rune(s)
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] == '?' && unicode.IsLetter(rs[i-1]) && (unicode.IsLetter(rs[i+1]) || rs[i+1] == '?') {
			return true
		}
	}
	return false
}

// unitHash is the hash of a unit's name as same compares it (modelKey).
func (t *text) unitHash(seed maphash.Seed) uint64 {
	if !t.hasUnit {
		t.unit, t.hasUnit = maphash.Bytes(seed, appendModelKey(nil, t.s)), true
	}
	return t.unit
}

func (t *text) locHash(seed maphash.Seed) uint64 {
	if !t.hasLoc {
		t.loc, t.hasLoc = maphash.String(seed, gazetteer.UnitKey(t.s)), true
	}
	return t.loc
}

// texts keeps the texts of records for one goroutine, so that records hold
// no part of the cells they were read from: those are substrings of a
// whole CSV file, which can then go once it is read. Names (of localities,
// units and sources) repeat from row to row and are kept once each; model
// names are mostly each a register's own, and are copied into shared
// blocks instead.
type texts struct {
	names  map[string]*text
	models strings.Builder // the current block of model names
}

// name returns the one copy of a name.
func (ts *texts) name(s string) *text {
	t, ok := ts.names[s]
	if !ok {
		c := strings.Clone(s)
		t = &text{s: c}
		ts.names[c] = t
	}
	return t
}

// model returns a copy of a model name.
func (ts *texts) model(s string) string {
	if s == "" {
		return ""
	}
	if ts.models.Cap()-ts.models.Len() < len(s) {
		ts.models = strings.Builder{} // earlier names keep the earlier block
		ts.models.Grow(max(len(s), 64<<10))
	}
	n := ts.models.Len()
	ts.models.WriteString(s)
	return ts.models.String()[n:]
}

// parallelRows is the number of rows from which a table is converted in
// pieces, one per processor.
const parallelRows = 10_000

// excelDate reads a workbook's date cell, stored as a serial number of
// days (45853 is 2025-07-15), as the quarter it falls in. Only serials of
// the years 1990 to 2100 count; anything else is no date.
func excelDate(s string, workbook bool) (record.Period, bool) {
	if !workbook || len(s) < 5 {
		return record.Period{}, false
	}
	days, err := strconv.ParseFloat(s, 64)
	if err != nil || days < 32874 || days > 73415 { // 1990-01-01 … 2100-12-31
		return record.Period{}, false
	}
	d := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days))
	return record.QuarterPeriod(d.Year(), (int(d.Month())-1)/3+1), true
}

// modelKey is the key that model names are hashed by: without case,
// diacritics, quotes or runs of spaces. Names of one key are the same
// model's when record.SameName says so.
func modelKey(s string) string { return string(record.AppendNameKey(nil, s, true)) }

// appendModelKey appends modelKey(s).
func appendModelKey(b []byte, s string) []byte { return record.AppendNameKey(b, s, true) }

// looksNumeric reports whether a cell of an unknown column reads as a
// number, so that the column counts as an extra indicator.
func looksNumeric(s string) bool {
	digit := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r == '.' || r == ',' || r == ' ' || r == '-' || r == '+' || r == '\u00a0':
		default:
			return false
		}
	}
	return digit
}

// asText returns the message of an error from a parser that speaks in
// msg.Texts; any other error is wrapped as it is.
func asText(err error) msg.Text {
	var t msg.Text
	if errors.As(err, &t) {
		return t
	}
	return msg.New("error", err)
}

// quoteAll quotes each of the texts, for a list in a message.
func quoteAll(texts []string) msg.List {
	l := make(msg.List, len(texts))
	for i, s := range texts {
		l[i] = msg.Quote(s)
	}
	return l
}
