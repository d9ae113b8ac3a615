// Package validate turns the text cells that package load read into
// records, checking every cell against the input contract: required
// columns, fields, statuses, periods and numbers written the Vietnamese or
// the English way. It reports every problem of every table in one pass, each
// naming its file, row and column, and never drops or invents a figure.
package validate

import (
	"encoding/binary"
	"errors"
	"fmt"

	"hash/maphash"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dvkreport/dvkreport/fonts"
	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/load"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
)

// column is a column of the input contract.
type column uint8

const (
	colNone column = iota
	colProvince
	colDistrict
	colCommune
	colUnit
	colModel
	colField
	colStatus
	colPeriod
	colCount
	colFunds
	colHouseholds
	colBeneficiaries
	colSource
	numColumns
)

var columnKeys = [numColumns]string{
	"", "province", "district", "commune", "unit", "model", "field", "status", "period",
	"count", "funds_vnd", "households", "beneficiaries", "source",
}

// headerAliases maps a header, compacted by record.Compact, to its column.
var headerAliases = func() map[string]column {
	m := map[string]column{}
	add := func(c column, names ...string) {
		for _, n := range names {
			m[record.Compact(n)] = c
		}
	}
	add(colProvince, "province", "tinh", "tỉnh", "tỉnh/thành phố", "tinh_thanh", "tỉnh, thành phố", "thành phố")
	add(colDistrict, "district", "huyen", "huyện", "quận/huyện", "huyện/quận")
	add(colCommune, "commune", "xa", "xã", "xã/phường", "phuong", "ward", "xã/phường/thị trấn", "xã, phường, đặc khu")
	add(colUnit, "unit", "đơn vị", "don_vi", "organisation", "organization")
	add(colModel, "model", "name", "tên mô hình", "ten_mo_hinh", "mô hình")
	add(colField, "field", "lĩnh vực", "linh_vuc")
	add(colStatus, "status", "tình trạng", "tinh_trang")
	add(colPeriod, "period", "kỳ", "kỳ báo cáo", "ky_bao_cao", "thời gian")
	add(colCount, "count", "số mô hình", "so_mo_hinh", "models")
	add(colFunds, "funds_vnd", "kinh phí huy động", "kinh_phi", "funds", "kinh phí", "kinh phí (đồng)", "funds (vnd)")
	add(colHouseholds, "households", "số hộ", "so_ho", "số hộ được hỗ trợ")
	add(colBeneficiaries, "beneficiaries", "số người hưởng lợi", "nguoi_huong_loi")
	add(colSource, "source", "nguồn", "nguon")
	return m
}()

var required = []column{colProvince, colField, colPeriod}

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

// Tables validates the tables and merges their rows into one dataset. Rows
// with problems are left out of the dataset and described in problems; the
// dataset holds every good row, so a caller may go on without the bad ones
// if the user asks it to.
//
// A file must have at least one table with a header. A workbook's other
// sheets (notes, instructions) are left out.
func Tables(tables []*load.Table) (record.Dataset, Problems) {
	b := &builder{extraIndex: map[string]int{}, seed: maphash.MakeSeed()}
	var problems Problems
	for i := 0; i < len(tables); {
		j := i + 1
		for j < len(tables) && tables[j].File == tables[i].File {
			j++
		}
		file := tables[i:j]
		lays := make([]layout, len(file))
		found := false
		for k, t := range file {
			lays[k] = findLayout(t)
			found = found || lays[k].header != nil
		}
		for k, t := range file {
			lay := lays[k]
			if lay.header == nil && !found {
				// No table of the file has a header: the nearest one
				// says which columns are missing.
				if lay.candidate == nil {
					if k == 0 {
						problems = append(problems, &record.InputError{Pos: record.Pos{File: t.File}, Msg: msg.New("validate.no_header", headerSearchRows)})
					}
					continue
				}
				lay = *lay.candidate
			}
			if lay.header == nil {
				continue
			}
			problems = append(problems, b.table(t, lay)...)
		}
		i = j
	}
	return b.ds, append(problems, b.duplicates()...)
}

// builder builds a dataset from tables.
type builder struct {
	ds record.Dataset
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
	kept := ds.Records[:0]
	for i := range ds.Records {
		r := &ds.Records[i]
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

// same reports whether two records are the same model: the same locality,
// model name (see modelKey), field and period.
func same(a, b *record.Record) bool {
	return a.Field == b.Field && a.Period == b.Period && modelKey(a.Model) == modelKey(b.Model) &&
		gazetteer.UnitKey(a.Province) == gazetteer.UnitKey(b.Province) &&
		gazetteer.UnitKey(a.District) == gazetteer.UnitKey(b.District) &&
		gazetteer.UnitKey(a.Commune) == gazetteer.UnitKey(b.Commune)
}

// identity hashes what same compares, from the texts of a record's
// locality names and its model name.
func identity(seed maphash.Seed, province, district, commune *text, model string, field record.Field, period record.Period, models *modelHashes) uint64 {
	var b [41]byte
	binary.LittleEndian.PutUint64(b[0:], province.locHash(seed))
	binary.LittleEndian.PutUint64(b[8:], district.locHash(seed))
	binary.LittleEndian.PutUint64(b[16:], commune.locHash(seed))
	binary.LittleEndian.PutUint64(b[24:], models.of(model))
	binary.LittleEndian.PutUint32(b[32:], uint32(period.First))
	binary.LittleEndian.PutUint32(b[36:], uint32(period.Last))
	b[40] = byte(field)
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
	s       string
	loc     uint64
	hasLoc  bool
	checked bool
	problem msg.Text
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
	return msg.Text{}
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

// table validates one table, appending its good rows to ds.
func (b *builder) table(t *load.Table, lay layout) Problems {
	ds, extraIndex := &b.ds, b.extraIndex
	var problems Problems
	at := func(row, col int) record.Pos {
		return record.Pos{File: t.File, Sheet: t.Sheet, Row: row, Col: col}
	}
	if len(lay.rows) == 0 {
		return Problems{{Pos: at(lay.headerRow, 0), Msg: msg.New("validate.header_only")}}
	}
	// The header's own copy: what records and problems keep of it must not
	// keep the file it was read from.
	header := make([]string, len(lay.header))
	for i, h := range lay.header {
		header[i] = strings.Clone(h)
	}
	t = &load.Table{File: t.File, Sheet: t.Sheet, Rows: lay.rows}
	headerRow := lay.headerRow
	// Map the header.
	cols := make([]column, len(header))
	where := [numColumns]int{}
	for i := range where {
		where[i] = -1
	}
	var unknown, headless []int
	for i, h := range header {
		c := headerAliases[record.Compact(h)]
		if c == colNone {
			if h != "" {
				unknown = append(unknown, i)
			} else {
				headless = append(headless, i)
			}
			continue
		}
		if where[c] >= 0 {
			problems = append(problems, &record.InputError{Pos: at(headerRow, i+1), Column: h,
				Msg: msg.New("validate.second_column", msg.New("column."+columnKeys[c]), where[c]+1, msg.Quote(header[where[c]]))})
			continue
		}
		cols[i], where[c] = c, i
	}
	for _, c := range required {
		if where[c] < 0 {
			problems = append(problems, &record.InputError{Pos: at(headerRow, 0),
				Msg: msg.New("validate.no_column", msg.New("column."+columnKeys[c]), quoteAll(header))})
		}
	}
	if len(problems) > 0 {
		return problems
	}
	cell := func(r load.Row, i int) string {
		if i < 0 || i >= len(r.Cells) {
			return ""
		}
		return r.Cells[i]
	}
	// Numeric columns: the contract's and the extra indicators, which are
	// the other columns whose every value is a number.
	numeric := []int{where[colCount], where[colFunds], where[colHouseholds], where[colBeneficiaries]}
	var extras []int
	for _, i := range unknown {
		all := true
		for _, r := range t.Rows {
			if c := cell(r, i); c != "" && !looksNumeric(c) {
				all = false
				break
			}
		}
		if all {
			extras = append(extras, i)
			numeric = append(numeric, i)
		}
	}
	// The table's number style, from the cells that show it.
	var sample []string
	for _, r := range t.Rows {
		for _, i := range numeric {
			if c := cell(r, i); c != "" {
				if _, plain := plainDigits(c); !plain {
					sample = append(sample, c)
				}
			}
		}
	}
	st := detectStyle(sample)
	// Extra columns in the dataset's order.
	extraSlot := make([]int, len(extras))
	for k, i := range extras {
		name := header[i]
		slot, ok := extraIndex[name]
		if !ok {
			slot = len(ds.Extras)
			extraIndex[name] = slot
			ds.Extras = append(ds.Extras, name)
		}
		extraSlot[k] = slot
	}
	from := &record.Table{File: t.File, Sheet: t.Sheet}
	for l, c := range []column{colProvince, colDistrict, colCommune} {
		if i := where[c]; i >= 0 {
			from.Loc[l].Col, from.Loc[l].Header = i+1, header[i]
		}
	}
	// convert turns rows into records, appended to out, with caches of the
	// fields, statuses and periods it has read. It shares nothing it
	// writes, so pieces of a table are converted at once.
	convert := func(rs []load.Row, out []record.Record, ids []uint64) (_ []record.Record, _ []uint64, probs Problems) {
		texts := texts{names: map[string]*text{}}
		models := &modelHashes{seed: b.seed}
		fields := map[string]record.Field{}
		statuses := map[string]record.Status{}
		periods := map[string]record.Period{}
		for _, r := range rs {
			var rowProblems Problems
			bad := func(c column, m msg.Text) {
				i := where[c]
				rowProblems = append(rowProblems, &record.InputError{Pos: at(r.Num, i+1), Column: header[i], Msg: m})
			}
			name := func(c column) *text {
				t := texts.name(cell(r, where[c]))
				if !t.checked {
					t.problem, t.checked = textProblem(t.s, c <= colCommune), true
				}
				if !t.problem.IsZero() {
					bad(c, t.problem)
				}
				return t
			}
			province, district, commune := name(colProvince), name(colDistrict), name(colCommune)
			model := cell(r, where[colModel])
			if p := textProblem(model, false); !p.IsZero() {
				bad(colModel, p)
			}
			rec := record.Record{
				Province: province.s,
				District: district.s,
				Commune:  commune.s,
				Unit:     name(colUnit).s,
				Model:    texts.model(model),
				Source:   name(colSource).s,
				Count:    1,
				Row:      r.Num,
				Table:    from,
			}
			if rec.Province == "" {
				bad(colProvince, msg.New("validate.no_province"))
			}
			// A value beyond the header, or under a column without a
			// header, would be dropped unseen: a number with commas in a
			// comma-separated file (1,000,000) splits into cells.
			for i := len(header); i < len(r.Cells); i++ {
				if r.Cells[i] != "" {
					key := "validate.extra_cells"
					if t.Sheet != "" {
						key = "validate.cell_outside_table"
					}
					rowProblems = append(rowProblems, &record.InputError{Pos: at(r.Num, i+1), Msg: msg.New(key, len(r.Cells), len(header), msg.Quote(r.Cells[i]))})
					break
				}
			}
			for _, i := range headless {
				if c := cell(r, i); c != "" {
					rowProblems = append(rowProblems, &record.InputError{Pos: at(r.Num, i+1), Msg: msg.New("validate.no_header_cell", msg.Quote(c))})
					break
				}
			}
			{
				s := cell(r, where[colField])
				f, ok := fields[s]
				if !ok {
					var err error
					if f, err = record.ParseField(s); err != nil {
						bad(colField, asText(err))
					} else {
						fields[s] = f
					}
				}
				rec.Field = f
			}
			if where[colStatus] >= 0 {
				s := cell(r, where[colStatus])
				st, ok := statuses[s]
				if !ok {
					var err error
					if st, err = record.ParseStatus(s); err != nil {
						bad(colStatus, asText(err))
					} else {
						statuses[s] = st
					}
				}
				rec.Status = st
			}
			if s := cell(r, where[colPeriod]); s == "" {
				bad(colPeriod, msg.New("validate.no_period"))
			} else if p, ok := periods[s]; ok {
				rec.Period = p
			} else if p, ok := excelDate(s, t.Sheet != ""); ok {
				periods[s], rec.Period = p, p
			} else if p, err := record.ParsePeriod(s); err != nil {
				bad(colPeriod, asText(err))
			} else {
				periods[s], rec.Period = p, p
			}
			num := func(c column, q quantity, dst *int64) {
				i := where[c]
				if i < 0 {
					return
				}
				s := cell(r, i)
				if s == "" {
					return
				}
				v, err := parseNumber(s, q, st)
				switch {
				case errors.Is(err, errNegative):
					bad(c, msg.New("number.negative", msg.Quote(s)))
				case err != nil:
					bad(c, asText(err))
				default:
					*dst = v
				}
			}
			num(colCount, qtyCount, &rec.Count)
			num(colFunds, qtyMoney, &rec.FundsVND)
			num(colHouseholds, qtyCount, &rec.Households)
			num(colBeneficiaries, qtyCount, &rec.Beneficiaries)
			for k, i := range extras {
				s := cell(r, i)
				if s == "" {
					continue
				}
				v, err := parseNumber(s, qtyCount, st)
				if err != nil {
					m := asText(err)
					if errors.Is(err, errNegative) {
						m = msg.New("number.negative", msg.Quote(s))
					}
					rowProblems = append(rowProblems, &record.InputError{Pos: at(r.Num, i+1), Column: header[i], Msg: m})
					continue
				}
				slot := extraSlot[k]
				for len(rec.Extra) <= slot {
					rec.Extra = append(rec.Extra, 0)
				}
				rec.Extra[slot] = v
			}
			if len(rowProblems) > 0 {
				probs = append(probs, rowProblems...)
				continue
			}
			var id uint64
			if rec.Model != "" {
				id = identity(b.seed, province, district, commune, rec.Model, rec.Field, rec.Period, models)
			}
			out, ids = append(out, rec), append(ids, id)
		}
		return out, ids, probs
	}
	// Each piece writes its records into its own stretch of ds.Records,
	// in place; the stretches close up afterwards over the bad rows.
	base := len(ds.Records)
	ds.Records = slices.Grow(ds.Records, len(t.Rows))[:base+len(t.Rows)]
	b.ids = slices.Grow(b.ids, len(t.Rows))[:base+len(t.Rows)]
	parts := 1
	if len(t.Rows) >= parallelRows {
		parts = runtime.GOMAXPROCS(0)
	}
	type piece struct {
		recs  []record.Record
		ids   []uint64
		probs Problems
	}
	pieces := make([]piece, parts)
	var wg sync.WaitGroup
	for k := range pieces {
		lo, hi := len(t.Rows)*k/parts, len(t.Rows)*(k+1)/parts
		wg.Go(func() {
			p := &pieces[k]
			p.recs, p.ids, p.probs = convert(t.Rows[lo:hi], ds.Records[base+lo:base+lo:base+hi], b.ids[base+lo:base+lo:base+hi])
		})
	}
	wg.Wait()
	end := base
	for _, p := range pieces {
		copy(b.ids[end:], p.ids)
		end += copy(ds.Records[end:], p.recs)
		problems = append(problems, p.probs...)
	}
	clear(ds.Records[end:])
	ds.Records, b.ids = ds.Records[:end], b.ids[:end]
	return problems
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

// modelKey compares model names ignoring case and runs of spaces.
func modelKey(s string) string { return string(appendModelKey(nil, s)) }

// appendModelKey appends s lower-cased, trimmed, with runs of white space
// folded to one space.
func appendModelKey(b []byte, s string) []byte {
	space, started := false, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = started
			continue
		}
		started = true
		if space {
			b = append(b, ' ')
			space = false
		}
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// headerSearchRows is how far down a sheet its header row is looked for,
// past titles and agency lines above the table.
const headerSearchRows = 20

// layout is where a table's header and data are.
type layout struct {
	header    []string // the header's cells, or nil when none was found
	headerRow int      // its row number (0 for JSON keys)
	rows      []load.Row
	// candidate is, when no header was found, the row among the first
	// that names most of the contract's columns (two at least), as a
	// header: the table is then read with it, to say what is missing.
	candidate *layout
}

// findLayout finds a table's header: the first row, among the first
// headerSearchRows, that names the contract's required columns, its empty
// cells filled from the row above (a header cell merged over two rows
// keeps its text in the upper one). The rows below it are the data.
func findLayout(t *load.Table) layout {
	if t.Keys != nil {
		return layout{header: t.Keys, rows: t.Rows}
	}
	var above []string
	var best *layout
	bestKnown := 1
	for i := 0; i < len(t.Rows) && i < headerSearchRows; i++ {
		r := t.Rows[i]
		if r.Num > headerSearchRows {
			break
		}
		merged := mergeDown(above, r.Cells)
		if IsHeader(merged) {
			return layout{header: merged, headerRow: r.Num, rows: t.Rows[i+1:]}
		}
		if n := knownColumns(merged); n > bestKnown {
			best, bestKnown = &layout{header: merged, headerRow: r.Num, rows: t.Rows[i+1:]}, n
		}
		above = r.Cells
	}
	return layout{candidate: best}
}

// knownColumns counts the distinct contract columns a row of cells names.
func knownColumns(cells []string) int {
	found := map[column]bool{}
	for _, c := range cells {
		if col := headerAliases[record.Compact(c)]; col != colNone {
			found[col] = true
		}
	}
	return len(found)
}

// mergeDown fills the empty cells of a header row from the row above: a
// header cell merged over two rows keeps its text in the upper one.
func mergeDown(above, row []string) []string {
	out := append([]string(nil), row...)
	for i := range max(len(above), len(row)) {
		if i >= len(out) {
			out = append(out, "")
		}
		if out[i] == "" && i < len(above) {
			out[i] = above[i]
		}
	}
	return out
}

// IsHeader reports whether a row of cells is a register's header: it names
// the contract's required columns (province, field and period) under any of
// their accepted headers.
func IsHeader(cells []string) bool {
	found := map[column]bool{}
	for _, c := range cells {
		found[headerAliases[record.Compact(c)]] = true
	}
	for _, c := range required {
		if !found[c] {
			return false
		}
	}
	return true
}

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
