package validate

import (
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"runtime"
	"slices"
	"strings"

	"github.com/dvkreport/dvkreport/report/internal/parallel"
	"github.com/dvkreport/dvkreport/report/load"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
)

// rowConverter turns the data rows of one table into records. What it
// knows of the table (the header, each column's place and unit, the
// number style, the extra indicators, the sheet's period) it only reads,
// so pieces of a table convert at once, each with its own caches.
type rowConverter struct {
	file, sheet string
	header      []string        // the header's own copy (records and problems keep it, not the file)
	where       [numColumns]int // column → its index, or -1
	scale       []int64         // by index: the unit of money its header gives, or 0
	headless    []int           // indexes of columns without a header
	extras      []int           // indexes of the extra indicators
	extraSlot   []int           // their place in the dataset's Extras
	style       style           // the table's way of writing numbers
	period      record.Period   // the sheet's period, when it has no period column
	from        *record.Table   // shared by the records
	seed        maphash.Seed    // of the identity hashes
	workbook    bool            // cells are a workbook's (dates are serial numbers)
	fundsParts  []int           // the columns whose sum is the funds, or nil: the funds' column alone
	table       *load.Table     // the table read, for its numbers stored as numbers (load.Table.Number)
	// uncomputed are the columns, by row number, of a workbook's formulas
	// without a saved value (load.Table.Uncomputed); hidden its hidden rows
	// that no filter hides. Both nil when there are none.
	uncomputed map[int][]int
	hidden     map[int]bool
	read       []bool // by index: a column whose cells make a record (a formula's matters there only)
	// anyCase are the rows of a name alone left out as headings
	// (sheetLayout.nameHeadings) and the group rows left out as their
	// rows' sums, by row number: their place's name need not be
	// capitalised ("Xã Bắc sơn").
	anyCase map[int]bool
}

// placeAnyCase notes that the row numbered num may name its place in any
// case (anyCase).
func (rc *rowConverter) placeAnyCase(num int) {
	if rc.anyCase == nil {
		rc.anyCase = map[int]bool{}
	}
	rc.anyCase[num] = true
}

// partsSum returns the sum of a row's funds given in parts (fundsParts),
// or the problem of the part in column i.
func (rc *rowConverter) partsSum(r load.Row) (sum int64, i int, problem msg.Text) {
	for _, i := range rc.fundsParts {
		s := cell(r, i)
		if s == "" || isDash(s) {
			continue
		}
		v, m := rc.number(s, qtyMoney, i, rc.table.Number(r, i))
		if !m.IsZero() {
			return 0, i, m
		}
		if v > math.MaxInt64-sum {
			return 0, i, msg.New("number.too_large", msg.Quote(s))
		}
		sum += v
	}
	return sum, 0, msg.Text{}
}

func (rc *rowConverter) at(row, col int) record.Pos {
	return record.Pos{File: rc.file, Sheet: rc.sheet, Row: row, Col: col}
}

func cell(r load.Row, i int) string {
	if i < 0 || i >= r.Len() {
		return ""
	}
	return r.Cell(i)
}

// table validates one table, appending its good rows to the dataset.
func (b *builder) table(t *load.Table, lay *sheetLayout) {
	res := b.res
	sheet := Sheet{File: t.File, Sheet: t.Sheet, Register: true, HeaderFirst: lay.headerFirst, HeaderLast: lay.headerLast,
		Skipped: lay.skipped, DataRows: len(lay.data)}
	defer func() { res.Sheets = append(res.Sheets, sheet) }()
	rc := &rowConverter{file: t.File, sheet: t.Sheet, seed: b.seed, workbook: t.Sheet != "", table: t,
		header: make([]string, len(lay.header)), scale: lay.scale}
	for i, h := range lay.header {
		rc.header[i] = strings.Clone(h)
	}
	headerRow := lay.headerLast
	for _, h := range lay.nameHeadings {
		b.warn(rc.at(h.First, 0), "", msg.New("validate.name_heading", h.First, msg.Quote(h.Text)))
		rc.placeAnyCase(h.First)
	}
	problem := func(col int, column string, m msg.Text) {
		res.Problems = append(res.Problems, &record.InputError{Pos: rc.at(headerRow, col), Column: column, Msg: m})
	}
	for i := range rc.where {
		rc.where[i] = -1
	}
	var unknown []int
	for i, h := range rc.header {
		c := lay.cols[i]
		switch {
		case c == colNone && h == "":
			rc.headless = append(rc.headless, i)
			continue
		case c == colNone:
			unknown = append(unknown, i)
			continue
		case c == colRowNumber || c == colNote:
			continue // may be there twice
		}
		if rc.where[c] >= 0 && c == colFunds && slices.Contains(lay.fundsSplit, i) {
			problem(i+1, h, msg.New("validate.funds_split", msg.Quote(lay.cells[i].parts[0]), msg.Quote(lay.bottom[rc.where[c]]), msg.Quote(lay.bottom[i])))
			continue
		}
		if rc.where[c] >= 0 && !(c == colFunds && slices.Contains(lay.fundsParts, i)) {
			problem(i+1, h, msg.New("validate.second_column", msg.New("column."+columnKeys[c]), rc.where[c]+1, msg.Quote(rc.header[rc.where[c]])))
			continue
		}
		if rc.where[c] < 0 {
			rc.where[c] = i
		}
	}
	rc.fundsParts = lay.fundsParts
	missing := false
	for _, c := range required {
		if rc.where[c] >= 0 {
			continue
		}
		if c == colPeriod {
			if p, from, err := sheetPeriod(t, lay); err != nil {
				res.Problems = append(res.Problems, err)
				missing = true
				continue
			} else if !p.IsZero() {
				rc.period, sheet.Period, sheet.PeriodFrom = p, p, from
				continue
			} else if !b.opts.AssumePeriod.IsZero() {
				rc.period, sheet.Period, sheet.PeriodFrom = b.opts.AssumePeriod, b.opts.AssumePeriod, msg.New("validate.period_assumed")
				continue
			}
		}
		missing = true
		m := msg.New("validate.no_column", msg.New("column."+columnKeys[c]), quoteAll(nonEmpty(rc.header)))
		for _, i := range unknown {
			if nearHeader(rc.header[i]) == c {
				m = msg.New("did_you_mean", m, msg.Quote(rc.header[i]))
				break
			}
		}
		problem(0, "", m)
	}
	if missing {
		return
	}
	if len(lay.data) == 0 {
		res.Problems = append(res.Problems, &record.InputError{Pos: rc.at(headerRow, 0), Msg: msg.New("validate.header_only")})
		return
	}
	if t.Hidden {
		// A sheet hidden in the workbook: an old version kept, or rows
		// that count? The clerk who printed the visible sheets did not
		// see them. Never guessed.
		res.Problems = append(res.Problems, &record.InputError{Pos: rc.at(headerRow, 0), Msg: msg.New("validate.hidden_sheet", msg.Quote(t.Sheet))})
		return
	}
	if b.sumRows(t, lay, rc) {
		sheet.Skipped, sheet.DataRows = lay.skipped, len(lay.data)
	}
	b.hiddenCells(t, lay, rc)
	if len(lay.mergedFigures) > 0 {
		// A count merged over three models' rows: three models, or three
		// each? The table is not read until each row has its own figure.
		for _, m := range lay.mergedFigures {
			res.Problems = append(res.Problems, &record.InputError{Pos: rc.at(m.FirstRow, m.FirstCol), Column: rc.header[m.FirstCol-1],
				Msg: msg.New("validate.merged_figure", m.FirstRow, m.LastRow)})
		}
		return
	}
	rows := lay.data
	// Numeric columns: the contract's, and the extra indicators: the
	// other columns with a header whose values are all numbers, one at
	// least. A column of text, or of row numbers, is never one, nor one
	// whose header names a code, a year, a date or a telephone number.
	numeric := []int{rc.where[colCount], rc.where[colFunds], rc.where[colHouseholds], rc.where[colBeneficiaries]}
	kinds := make([]string, len(rc.header))
	for _, i := range unknown {
		// A column of numbers is one of figures; in a column of money's
		// unit ("Giá trị (triệu đồng)", "Ngân sách" under "Kinh phí (triệu
		// đồng)"), an amount with its own unit ("1 tỷ", "500 triệu") is a
		// number too: one such cell made the whole column one of text,
		// left out unseen. A column mostly of numbers with some text ("4
		// buổi", "x") stays text, with a warning that names a cell.
		numbers, others, phones := 0, 0, 0
		firstOther := -1
		money := lay.scale[i] > 0
	cells:
		for k, r := range rows {
			if c := cell(r, i); c != "" && !isDash(c) {
				switch {
				case looksNumeric(c) || money && moneyAmount(c) || t.Number(r, i):
					numbers++
					if phoneLike(c) {
						phones++
					}
				default:
					if others++; firstOther < 0 {
						firstOther = k
					}
					if others > numbers && others >= 8 {
						break cells // text
					}
				}
			}
		}
		some, all := numbers+others > 0, others == 0
		switch {
		case !some:
			kinds[i] = "empty"
		case identifier(rc.header[i]) || identifier(lay.bottom[i]) || phones > 0 && phones == numbers:
			kinds[i] = "identifier" // numbers, but no quantity: never summed
		case !all:
			kinds[i] = "text"
			if numbers > 0 && numbers >= others {
				r := rows[firstOther]
				b.warn(rc.at(r.Num, i+1), rc.header[i], msg.New("validate.mixed_column", msg.Quote(rc.header[i]), numbers, msg.Quote(cell(r, i))))
			} else if c := nearHeader(rc.header[i]); c != colNone && rc.where[c] < 0 {
				b.warn(rc.at(headerRow, i+1), rc.header[i], msg.New("validate.unknown_column_near", msg.Quote(rc.header[i]), msg.New("column."+columnKeys[c])))
			}
		default:
			kinds[i] = "extra"
			rc.extras = append(rc.extras, i)
			numeric = append(numeric, i)
		}
	}
	// Units of money: a column's own, from its header; else, for a column
	// of money, the unit line among its header rows or above the table.
	unitRow, ok := b.units(t, lay, rc, kinds)
	if !ok {
		return
	}
	// A known column that is there but empty in every row reads as zero:
	// say so.
	for _, c := range []column{colField, colStatus, colCount, colFunds, colHouseholds, colBeneficiaries} {
		i := rc.where[c]
		if i < 0 {
			continue
		}
		empty := true
		for _, r := range rows {
			if cell(r, i) != "" {
				empty = false
				break
			}
		}
		if empty {
			b.warn(rc.at(headerRow, i+1), rc.header[i], msg.New("validate.empty_column", msg.Quote(rc.header[i])))
		}
	}
	// The table's number style, from the cells that show it.
	var sample []string
	for _, r := range rows {
		for _, i := range numeric {
			if c := cell(r, i); c != "" && !t.Number(r, i) { // a number stored as one shows no style
				if _, plain := plainDigits(c); !plain {
					sample = append(sample, c)
				}
			}
		}
	}
	rc.style = detectStyle(sample)
	// Extra columns in the dataset's order.
	rc.extraSlot = make([]int, len(rc.extras))
	for k, i := range rc.extras {
		name := rc.header[i]
		switch {
		case rc.scale[i] > 0:
			name = moneyName(name)
		case slices.Contains(lay.notMoney, i):
			name = lay.bottom[i] // "Ngày công", not "Kinh phí huy động (triệu đồng) / Ngày công"
		}
		slot, ok := b.extraIndex[name]
		if !ok {
			slot = len(b.ds.Extras)
			b.extraIndex[name] = slot
			b.ds.Extras = append(b.ds.Extras, name)
		}
		rc.extraSlot[k] = slot
	}
	rc.from = &record.Table{File: t.File, Sheet: t.Sheet}
	for l, c := range []column{colProvince, colDistrict, colCommune} {
		if i := rc.where[c]; i >= 0 {
			rc.from.Loc[l].Col, rc.from.Loc[l].Header = i+1, rc.header[i]
		}
	}
	for i, h := range rc.header {
		k := kinds[i]
		if lay.cols[i] != colNone {
			k = columnKeys[lay.cols[i]]
		}
		sheet.Columns = append(sheet.Columns, Column{Col: i + 1, Header: h, Key: k, Scale: rc.scale[i], UnitRow: unitRow[i]})
	}
	if rc.uncomputed != nil {
		rc.read = make([]bool, len(rc.header))
		for _, cols := range [][]int{rc.where[:], rc.extras, rc.fundsParts} {
			for _, i := range cols {
				if i >= 0 && i < len(rc.read) {
					rc.read[i] = true
				}
			}
		}
	}
	base, rejected := len(b.ds.Records), len(res.Rejected)
	b.convert(rc, rows)
	var rec []int // each row's record (recordOf), where a rule of groups needs it
	if len(lay.modelless) > 0 || slices.Contains(lay.cols, colRowNumber) {
		rec = recordOf(rows, b.ds.Records[base:])
	}
	b.mergedPlaces(rc, lay, rows, base, rec)
	groups := b.groups(rc, lay, rows, base, rec, &sheet.Skipped)
	sheet.DataRows -= groups
	if len(lay.totals) > 0 {
		sheet.TotalRow, sheet.TotalMatches = b.lastTotal(rc, lay.totals, b.ds.Records[base:], rows, groups)
	}
	for _, k := range sheet.Skipped {
		// A group's row left out as its rows' sums: its place's name
		// need not be capitalised ("I | Xã Chiến thắng | 2 | 2.300.000",
		// review 56's I19), its figures say what it is.
		if k.Kind == "group" {
			rc.placeAnyCase(k.First)
		}
	}
	b.headingPlaces(rc, lay, t, b.ds.Records[base:], b.ids[base:], res.Rejected[rejected:])
	b.communesLeftBlank(rc, b.ds.Records[base:])
}

// communesLeftBlank warns of the rows that name no commune under a row of
// their province (and district) that names one, in a table with a column
// of communes: a CSV saved from a table whose commune's cell was merged
// over its rows names the commune on its first row only, and the others
// were counted for the province as a whole, without a word. Province-wide
// rows are data all the same; one warning a run of them.
func (b *builder) communesLeftBlank(rc *rowConverter, recs []record.Record) {
	col := rc.where[colCommune]
	if col < 0 {
		return
	}
	under := func(r, above *record.Record) bool {
		return r.Commune == "" && r.Province == above.Province && r.District == above.District && !provinceUnit(r)
	}
	for i := 1; i < len(recs); i++ {
		above, r := &recs[i-1], &recs[i]
		if above.Commune == "" || !under(r, above) {
			continue
		}
		last := i
		for last+1 < len(recs) && under(&recs[last+1], above) {
			last++
		}
		m := msg.New("validate.commune_left_blank", r.Row, above.Row, msg.Quote(above.Commune))
		if last > i {
			m = msg.New("validate.communes_left_blank", fmt.Sprintf("%d–%d", r.Row, recs[last].Row), above.Row, msg.Quote(above.Commune))
		}
		b.warn(rc.at(r.Row, col+1), rc.header[col], m)
		i = last
	}
}

// sumRows leaves out of the table's data the rows without a model's name
// whose figures are formulas that sum their column's other rows
// (load.Table.SumCells): a total's or a subtotal's, whatever its shape. Such a
// row that did not add up was counted as models: a SUBTOTAL(109,…) leaves
// out the rows a filter hides, which are counted (a nineteenth review).
// It reports whether it left any out, each with a warning.
func (b *builder) sumRows(t *load.Table, lay *sheetLayout, rc *rowConverter) bool {
	if len(t.SumCells) == 0 {
		return false
	}
	sums, countSums := map[int]bool{}, map[int]bool{}
	for _, c := range t.SumCells {
		if c.Col < len(lay.cols) {
			switch lay.cols[c.Col] {
			case colCount:
				countSums[c.Row] = true
				fallthrough
			case colFunds, colHouseholds, colBeneficiaries, colNone:
				sums[c.Row] = true
			}
		}
	}
	model, count := slices.Index(lay.cols, colModel), slices.Index(lay.cols, colCount)
	kept := lay.data[:0:0]
	at := make([]int, len(lay.data)) // each row's index in kept, or -1
	for i, r := range lay.data {
		// A model's row may sum its parts below it (the breakdown rules
		// leave those out): a row that names a model is not judged here.
		// So may a group's row (a count of models typed, its funds the
		// sum of its sources below, a twentieth review): a count of
		// models that is no sum formula is not judged here either.
		if !sums[r.Num] || model >= 0 && cell(r, model) != "" || count >= 0 && cell(r, count) != "" && !countSums[r.Num] {
			at[i] = len(kept)
			kept = append(kept, r)
			continue
		}
		at[i] = -1
		lay.skip(r, "subtotal")
		b.warn(rc.at(r.Num, 0), "", msg.New("validate.sum_row", r.Num))
	}
	if len(kept) == len(lay.data) {
		return false
	}
	// The rows without a model's name, by index in the data.
	modelless := lay.modelless[:0]
	for _, i := range lay.modelless {
		if at[i] >= 0 {
			modelless = append(modelless, at[i])
		}
	}
	lay.data, lay.modelless = kept, modelless
	return true
}

// oneLine returns a name written on several lines of its cell (Alt+Enter
// in Excel, a quoted CSV field over two lines) on one, its line breaks
// and tabs spaces: they were refused as characters no font prints.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// hiddenCells notes in rc the cells of the table's rows of data that a
// workbook does not show as it holds them: formulas without a saved value,
// and hidden rows (each row with one is a problem of its own). Rows that a
// filter hides, or a group of rows collapsed, are read, with a warning:
// those are ways of looking at a sheet, not of taking rows out of it.
func (b *builder) hiddenCells(t *load.Table, lay *sheetLayout, rc *rowConverter) {
	if len(t.Uncomputed) == 0 && len(t.HiddenRows) == 0 && len(t.FoldedRows) == 0 {
		return
	}
	data := make(map[int]bool, len(lay.data))
	for _, r := range lay.data {
		data[r.Num] = true
	}
	for _, c := range t.Uncomputed {
		if data[c.Row] {
			if rc.uncomputed == nil {
				rc.uncomputed = map[int][]int{}
			}
			rc.uncomputed[c.Row] = append(rc.uncomputed[c.Row], c.Col)
		}
	}
	filtered := 0
	for _, n := range t.FoldedRows {
		if data[n] {
			filtered++
		}
	}
	var byNum map[int]load.Row
	if len(t.Filter) > 0 && len(t.HiddenRows) > 0 {
		byNum = make(map[int]load.Row, len(lay.data))
		for _, r := range lay.data {
			byNum[r.Num] = r
		}
	}
	for _, n := range t.HiddenRows {
		pass, known := false, false
		if byNum != nil && data[n] {
			pass, known = t.Passes(byNum[n])
		}
		switch {
		case !data[n]:
		case t.Filtered && !(known && pass):
			// Hidden by the filter, or by criteria not judged here.
			filtered++
		default:
			// Hidden by hand: no filter hides it.
			if rc.hidden == nil {
				rc.hidden = map[int]bool{}
			}
			rc.hidden[n] = true
		}
	}
	if filtered > 0 {
		b.warn(rc.at(0, 0), "", msg.New("validate.filtered_rows", msg.Quote(t.Sheet), filtered))
	}
}

// units gives each column of money its unit, in rc.scale: the funds, and
// the extra indicators whose header says they are money (Số tiền, Giá trị
// hiện vật) or names a unit of money. A column's own unit, in its header,
// comes first; a column without one takes the unit of a line among its
// header rows, else of a line above the table ("ĐVT: triệu đồng"), whose
// row unitRow holds. A unit that is not understood is a problem at the
// header, and the table's rows are not read: no figure is read in a unit
// it may not be in. Columns of counts (households, people) never take a
// unit of money.
func (b *builder) units(t *load.Table, lay *sheetLayout, rc *rowConverter, kinds []string) (unitRow []int, ok bool) {
	rc.scale = slices.Clone(lay.scale)
	unitRow = make([]int, len(rc.header))
	title, titleRow, titleProblem := titleUnit(t, lay)
	ok = true
	at := func(i int) record.Pos { return rc.at(lay.headerLast, i+1) }
	for i, h := range rc.header {
		switch {
		case lay.cols[i] == colFunds:
		case slices.Contains(lay.notMoney, i):
			rc.scale[i] = 0
			continue
		case kinds[i] == "extra" && (lay.scale[i] > 0 || moneyHeader(h) || foreignMoneyRe.MatchString(record.Fold(h))):
		default:
			continue
		}
		if !lay.unitBad[i].IsZero() {
			b.res.Problems = append(b.res.Problems, &record.InputError{Pos: at(i), Column: h, Msg: lay.unitBad[i]})
			ok = false
			continue
		}
		line, row := lay.lineScale[i], 0
		if line == 0 {
			line, row = title, titleRow
		}
		switch own := lay.scale[i]; {
		case own != 0 && line != 0 && line != own:
			b.warn(at(i), h, msg.New("validate.unit_line_overridden", unitName(line), unitName(own)))
		case own != 0:
		case line != 0:
			rc.scale[i], unitRow[i] = line, row
		case titleProblem != nil:
			b.res.Problems = append(b.res.Problems, titleProblem)
			titleProblem = nil // once
			ok = false
		}
	}
	return unitRow, ok
}

// unitName is the name of a unit of money, for a message.
func unitName(scale int64) msg.Text {
	return msg.New(fmt.Sprintf("inspect.unit_%d", scale))
}

// warn notes a warning at pos.
func (b *builder) warn(pos record.Pos, column string, m msg.Text) {
	b.res.Warnings = append(b.res.Warnings, &record.InputError{Pos: pos, Column: column, Msg: msg.New("warning", m)})
}

// nonEmpty returns the texts that are not empty.
func nonEmpty(texts []string) []string {
	var out []string
	for _, s := range texts {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// convert turns rows into records, each piece of a big table on its own
// processor, writing its records into its own stretch of the dataset, in
// place; the stretches close up afterwards over the bad rows.
func (b *builder) convert(rc *rowConverter, rows []load.Row) {
	ds := &b.ds
	base := len(ds.Records)
	// Room for this table's records, and at least as many again as the
	// dataset holds when it must grow: a register of many big files,
	// appended file by file, was copied whole at every file, each copy
	// one long move that the collector waits on. Room not yet used is
	// not yet memory.
	// Room made already (Reader.Expect) is used as it is.
	if cap(ds.Records)-base < len(rows) {
		ds.Records = slices.Grow(ds.Records, max(len(rows), base))
	}
	if cap(b.ids)-base < len(rows) {
		b.ids = slices.Grow(b.ids, max(len(rows), base))
	}
	ds.Records, b.ids = ds.Records[:base+len(rows)], b.ids[:base+len(rows)]
	parts := 1
	if len(rows) >= parallelRows {
		parts = runtime.GOMAXPROCS(0)
	}
	type piece struct {
		recs     []record.Record
		ids      []uint64
		probs    Problems
		rejected []Rejected
	}
	pieces := make([]piece, parts)
	var wg parallel.Group
	for k := range pieces {
		lo, hi := len(rows)*k/parts, len(rows)*(k+1)/parts
		wg.Go(func() {
			p := &pieces[k]
			p.recs, p.ids, p.probs, p.rejected = rc.convert(rows[lo:hi], ds.Records[base+lo:base+lo:base+hi], b.ids[base+lo:base+lo:base+hi])
		})
	}
	wg.Wait()
	end := base
	for _, p := range pieces {
		copy(b.ids[end:], p.ids)
		end += copy(ds.Records[end:], p.recs)
		b.res.Problems = append(b.res.Problems, p.probs...)
		b.res.Rejected = append(b.res.Rejected, p.rejected...)
	}
	clear(ds.Records[end:])
	ds.Records, b.ids = ds.Records[:end], b.ids[:end]
}

// convert turns rows into records appended to out, with their identity
// hashes appended to ids, and returns the problems of the rows it leaves
// out.
func (rc *rowConverter) convert(rs []load.Row, out []record.Record, ids []uint64) (_ []record.Record, _ []uint64, probs Problems, rejected []Rejected) {
	texts := texts{names: map[string]*text{}}
	models := &modelHashes{seed: rc.seed}
	fields := map[string]record.Field{}
	statuses := map[string]record.Status{}
	periods := map[string]record.Period{}
	where, header := &rc.where, rc.header
	for _, r := range rs {
		var rowProblems Problems
		bad := func(c column, m msg.Text) {
			i := where[c]
			rowProblems = append(rowProblems, &record.InputError{Pos: rc.at(r.Num, i+1), Column: header[i], Msg: m})
		}
		name := func(c column) *text {
			t := texts.name(oneLine(cell(r, where[c])))
			k := 0
			if c <= colCommune {
				k = 1
			}
			if !t.checked[k] {
				t.checked[k] = true
				if p := textProblem(t.s, k == 1); !p.IsZero() {
					if t.problem == nil {
						t.problem = new([2]msg.Text)
					}
					t.problem[k] = p
				}
			}
			if t.problem != nil && !t.problem[k].IsZero() {
				bad(c, t.problem[k])
			}
			return t
		}
		if rc.uncomputed != nil || rc.hidden != nil {
			for _, i := range rc.uncomputed[r.Num] {
				if i >= len(rc.read) || !rc.read[i] {
					continue // a note's formula, or one beyond the table
				}
				h := ""
				if i < len(header) {
					h = header[i]
				}
				rowProblems = append(rowProblems, &record.InputError{Pos: rc.at(r.Num, i+1), Column: h, Msg: msg.New("validate.formula_value")})
			}
			if rc.hidden[r.Num] {
				rowProblems = append(rowProblems, &record.InputError{Pos: rc.at(r.Num, 0), Msg: msg.New("validate.hidden_row")})
			}
		}
		province, district, commune := name(colProvince), name(colDistrict), name(colCommune)
		unit := name(colUnit)
		model := oneLine(cell(r, where[colModel]))
		if p := textProblem(model, false); !p.IsZero() {
			bad(colModel, p)
		}
		if planRow(model) {
			bad(colModel, msg.New("validate.plan_row", msg.Quote(model)))
		}
		if fieldLabel(model) {
			model = "" // "Lĩnh vực kinh tế": a field's row, no model's name
		}
		rec := record.Record{
			Province: province.s,
			District: district.s,
			Commune:  commune.s,
			Unit:     unit.s,
			Model:    texts.model(model),
			Source:   name(colSource).s,
			Count:    1,
			Row:      r.Num,
			Table:    rc.from,
			Period:   rc.period,
		}
		if rec.Province == "" {
			bad(colProvince, msg.New("validate.no_province"))
		}
		// A value beyond the header, or under a column without a header,
		// would be dropped unseen: a number with commas in a
		// comma-separated file (1,000,000) splits into cells.
		for i := len(header); i < r.Len(); i++ {
			if r.Cell(i) != "" {
				key := "validate.extra_cells"
				if rc.workbook {
					key = "validate.cell_outside_table"
				}
				rowProblems = append(rowProblems, &record.InputError{Pos: rc.at(r.Num, i+1), Msg: msg.New(key, r.Len(), len(header), msg.Quote(r.Cell(i)))})
				break
			}
		}
		for _, i := range rc.headless {
			if c := cell(r, i); c != "" {
				rowProblems = append(rowProblems, &record.InputError{Pos: rc.at(r.Num, i+1), Msg: msg.New("validate.no_header_cell", msg.Quote(c))})
				break
			}
		}
		if where[colField] >= 0 {
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
		if where[colPeriod] >= 0 {
			if s := cell(r, where[colPeriod]); s == "" {
				bad(colPeriod, msg.New("validate.no_period"))
			} else if p, ok := periods[s]; ok {
				rec.Period = p
			} else if p, ok := excelDate(s, rc.workbook); ok {
				periods[s], rec.Period = p, p
			} else if p, err := record.ParsePeriod(s); err != nil {
				bad(colPeriod, asText(err))
			} else {
				periods[s], rec.Period = p, p
			}
		}
		num := func(c column, q quantity, dst *int64) {
			i := where[c]
			if i < 0 {
				return
			}
			if s := cell(r, i); s != "" && !isDash(s) { // "-": nothing, as in Vietnamese tables
				v, m := rc.number(s, q, i, rc.table.Number(r, i))
				if !m.IsZero() {
					bad(c, m)
					return
				}
				*dst = v
			}
		}
		num(colCount, qtyCount, &rec.Count)
		if rc.fundsParts == nil {
			num(colFunds, qtyMoney, &rec.FundsVND)
		} else if v, i, m := rc.partsSum(r); !m.IsZero() {
			rowProblems = append(rowProblems, &record.InputError{Pos: rc.at(r.Num, i+1), Column: header[i], Msg: m})
		} else {
			rec.FundsVND = v
		}
		num(colHouseholds, qtyCount, &rec.Households)
		num(colBeneficiaries, qtyCount, &rec.Beneficiaries)
		for k, i := range rc.extras {
			s := cell(r, i)
			if s == "" || isDash(s) {
				continue
			}
			q := qtyCount
			if rc.scale[i] > 0 {
				q = qtyMoney
			}
			v, m := rc.number(s, q, i, rc.table.Number(r, i))
			if !m.IsZero() {
				rowProblems = append(rowProblems, &record.InputError{Pos: rc.at(r.Num, i+1), Column: header[i], Msg: m})
				continue
			}
			slot := rc.extraSlot[k]
			for len(rec.Extra) <= slot {
				rec.Extra = append(rec.Extra, 0)
			}
			rec.Extra[slot] = v
		}
		if len(rowProblems) > 0 {
			probs = append(probs, rowProblems...)
			rejected = append(rejected, Rejected{Pos: rc.at(r.Num, 0), Province: rec.Province, District: rec.District, Commune: rec.Commune, Period: rec.Period})
			continue
		}
		var id uint64
		if rec.Model != "" {
			id = identity(rc.seed, province, district, commune, unit, rec.Model, rec.Field, rec.Period, models)
		}
		out, ids = append(out, rec), append(ids, id)
	}
	return out, ids, probs, rejected
}

// number reads the number in column i, in the column's unit of money.
func (rc *rowConverter) number(s string, q quantity, i int, stored bool) (int64, msg.Text) {
	scale := int64(0)
	if q == qtyMoney {
		scale = rc.scale[i]
	}
	st := rc.style
	if stored {
		st = styleEN // a number stored as one: 1.234 is one and 234 thousandths
	}
	v, err := parseNumber(s, q, st, scale)
	if n, shown, cut := strings.Cut(s, " "); stored && cut {
		// A number stored as one, shown with the words its format adds:
		// a unit of money that parseNumber reads, which must be the
		// column's if it has one (a "₫" from Excel's currency button in a
		// column of triệu đồng: which is it?); in a column of counts, a
		// word that is no unit ("5 hộ"), left aside. In a column of money,
		// a word that is no unit read may be one ("10 (1000đ)", "USD"):
		// never guessed.
		switch {
		case err == nil && q == qtyMoney && scale > 0:
			if unit, uerr := parseNumber("1 "+shown, qtyMoney, styleEN, 0); uerr == nil && unit != scale {
				return 0, msg.New("number.format_unit", msg.Quote(s), msg.Number(scale))
			}
		case err != nil && q != qtyMoney && asText(err).Key == "number.nan":
			// A format that shows thousands says so first ("5 nghìn hộ"
			// for 5,000): the number is that many.
			words := strings.Fields(shown)
			if t, terr := parseNumber(n+" "+words[0], qtyMoney, st, 0); terr == nil {
				v, err = t, nil
			} else {
				v, err = parseNumber(n, q, st, scale)
			}
		}
	}
	switch {
	case errors.Is(err, errNegative):
		return 0, msg.New("number.negative", msg.Quote(s))
	case err != nil:
		return 0, asText(err)
	}
	return v, msg.Text{}
}

// lastTotal checks the table's last total row against the rows above it;
// when another total row is above it, against the rows between the two
// first (a total after each quarter's block: a review found the second,
// right, said to differ from both blocks' sum).
func (b *builder) lastTotal(rc *rowConverter, totals []load.Row, recs []record.Record, rows []load.Row, groups int) (int, bool) {
	last := totals[len(totals)-1]
	above := func(recs []record.Record, from int) []record.Record {
		lo, hi := len(recs), len(recs)
		for i := range recs {
			if recs[i].Row > from && lo == len(recs) {
				lo = i
			}
			if recs[i].Row > last.Num {
				hi = i
				break
			}
		}
		return recs[min(lo, hi):hi]
	}
	n := len(rows) - groups
	for _, r := range rows {
		if r.Num > last.Num {
			n-- // a data row below the total is none of its
		}
	}
	all, key := above(recs, 0), "validate.total_differs"
	if len(all) == 0 {
		// A total at the top, under the header, as tables often put it:
		// the rows below are its (a forty-first review found it said to
		// differ from 0).
		all, n, key = recs, len(rows)-groups, "validate.total_differs_below"
	}
	if len(totals) > 1 {
		if block := above(recs, totals[len(totals)-2].Num); len(block) > 0 {
			// Its block's total, or a grand total; else, said against
			// its block.
			if b.checkTotal(rc, last, block, len(block), "") || b.checkTotal(rc, last, all, n, "") {
				return last.Num, true
			}
			return last.Num, b.checkTotal(rc, last, block, len(block), key)
		}
	}
	return last.Num, b.checkTotal(rc, last, all, n, key)
}

// checkTotal compares a total row's figures with the sums of recs, which
// should be the records of rows rows: with fewer (rows with problems), it
// says nothing and reports no match. With a message's key (warn), each
// figure that differs is a warning.
func (b *builder) checkTotal(rc *rowConverter, total load.Row, recs []record.Record, rows int, warn string) bool {
	matches := true
	check := func(i int, q quantity, sum int64) {
		if i < 0 {
			return
		}
		s := cell(total, i)
		if s == "" {
			return
		}
		v, m := rc.number(s, q, i, rc.table.Number(total, i))
		if !m.IsZero() || v == sum {
			return
		}
		if matches = false; warn != "" {
			b.warn(rc.at(total.Num, i+1), rc.header[i], msg.New(warn, msg.Quote(s), msg.Number(v), msg.Number(sum)))
		}
	}
	sum := rc.newSums()
	for i := range recs {
		sum.add(rc, &recs[i])
	}
	if len(recs) < rows {
		// Rows with problems are not in the sum: no check would be fair.
		return false
	}
	check(rc.where[colCount], qtyCount, sum.count)
	if rc.fundsParts == nil {
		check(rc.where[colFunds], qtyMoney, sum.funds)
	} else if v, _, m := rc.partsSum(total); m.IsZero() && v != sum.funds && slices.ContainsFunc(rc.fundsParts, func(i int) bool { return cell(total, i) != "" }) {
		i := rc.where[colFunds]
		if matches = false; warn != "" {
			b.warn(rc.at(total.Num, i+1), rc.header[i], msg.New(warn, msg.Number(v), msg.Number(v), msg.Number(sum.funds)))
		}
	}
	check(rc.where[colHouseholds], qtyCount, sum.households)
	check(rc.where[colBeneficiaries], qtyCount, sum.beneficiaries)
	for k, i := range rc.extras {
		q := qtyCount
		if rc.scale[i] > 0 {
			q = qtyMoney
		}
		check(i, q, sum.extras[k])
	}
	return matches
}

// moneyAmount reports whether a cell is a number followed by a unit of
// money: "1,5 tỷ", "500 triệu", "200.000 đ". An address ("12 Trần Phú") is
// not, nor a count ("12 hộ").
func moneyAmount(c string) bool {
	i := 0
	for i < len(c) && (c[i] >= '0' && c[i] <= '9' || c[i] == '.' || c[i] == ',' || c[i] == ' ') {
		i++
	}
	if i == 0 || c[0] < '0' || c[0] > '9' || i == len(c) {
		return false
	}
	u := strings.Trim(record.Fold(c[i:]), " .")
	if slices.Contains(currencyWords, u) {
		return true // 200.000 đ
	}
	for _, cw := range currencyWords {
		if rest, ok := strings.CutSuffix(u, " "+cw); ok {
			u = strings.TrimRight(rest, " .") // 1,5 triệu đồng
			break
		}
	}
	for _, w := range unitWords {
		if u == w.word {
			return true
		}
	}
	return false
}

// phoneLike reports whether a cell of digits reads as a telephone number:
// a 0 and nine or ten digits more, spaced or not ("0912 345 678").
func phoneLike(c string) bool {
	digits := 0
	for i := 0; i < len(c); i++ {
		if c[i] >= '0' && c[i] <= '9' {
			digits++
		}
	}
	return c[0] == '0' && digits >= 10 && digits <= 11
}

// identifier reports whether a header, as written, names a column of
// numbers that are no quantity: codes (Mã xã, Mã số), years and dates
// (Năm thực hiện, Năm TL/XD, Ngày thành lập, "Năm, tháng thành lập"),
// telephone, identity card, account and document numbers (Số CCCD, Số tài
// khoản, Quyết định số, Số QĐ), a model's place in a list, its rank or its
// score (Số thứ tự mô hình, Xếp loại, Thứ hạng, Mức độ, Điểm), and rates
// (Tỷ lệ, %). Summed as another indicator, such a column
// printed "Mã xã 12.650" in a report. Quantities that start alike stay
// indicators: Ngày công (days of work), Nam (men), Nấm (mushrooms), and a
// year's or a month's figures (Năm 2025, Tháng 7).
func identifier(h string) bool {
	l := lowerWords(h)
	switch {
	case l == "tổng số" || strings.HasSuffix(l, " tổng số") || yearSpanRe.MatchString(l):
		return false // a total, the year's figures: Số hộ thoát nghèo trong năm
	case strings.HasSuffix(l, " số") || strings.HasSuffix(l, " năm"):
		return true // Tổ dân phố số, Kế hoạch số, Từ năm
	case rateRe.MatchString(l):
		return true // a rate: summed, 40 % and 60 % made 100 %
	case strings.HasPrefix(l, "ngày công"), countHeaderRe.MatchString(l), yearFiguresRe.MatchString(l):
		return false // Ngày công, Số người được cấp CCCD, Ngày hội (lượt người), Năm trước
	case isASCII(l):
		return identifierFoldedRe.MatchString(l) // typed without diacritics
	}
	return identifierRe.MatchString(l)
}

// yearSpanRe finds a header that ends with a span of the year: figures
// of the year, not a year.
var yearSpanRe = lazyRegexp(`\s(trong|cả|hằng|hàng|mỗi|đầu|cuối|trong cả) năm$|\s(trong|ca|hang|moi|dau|cuoi) nam$`)

// rateRe finds the header of a rate or a share: Tỷ lệ, Tỉ lệ hộ nghèo
// (%), "%".
var rateRe = lazyRegexp(`^(tỷ lệ|tỉ lệ|ty le|ti le)(\s|$|[.:(/,])|\(%\)|^%$`)

var identifierRe = lazyRegexp(`^(mã|ma|code|id|sđt|sdt|số đt|số điện thoại|điện thoại|đt|phone|tel|telephone|fax|số fax|số hiệu|ký hiệu|số văn bản|số quyết định|số qđ|quyết định|qđ|số báo cáo|cmnd|cccd|mst|mã số thuế|zip|postal code|email|số tk|stk|stt|tt|nhiệm kỳ)(\s|$|[.:(/,])` +
	`|^(năm|year|ngày|date|tháng|month|thời gian|thời điểm)(\s*$|\s*[(/:.,-]|\s+[^\s\d])` +
	`|^số (cccd|cmnd|cmt|kh|nq|gcn|hđ|cv|đk|qđ)\b|^số (định danh|hợp đồng|đăng ký|giấy phép|hồ sơ|công văn|kế hoạch|nghị quyết|giấy chứng nhận)$` +
	`|^(số )?tài khoản( ngân hàng)?$|^(số )?zalo$` +
	`|mã số|điện thoại|số đt|sđt|quyết định số|số quyết định|fax` +
	`|^(số thứ tự|thứ tự|thứ hạng|xếp hạng|xếp loại|mức độ|mức xếp loại|kết quả xếp loại)(\s|$|[.:(/,])|^(điểm( số| đánh giá| chấm| thi đua| bình xét)?|hạng)$` +
	`|^(thôn|tổ|xóm|ấp|bản|khu|khu dân cư|tổ dân phố|thôn, tổ|thôn, bản|thôn, xóm|thôn/tổ|liên hệ|người liên hệ)$` +
	// An age, a house's number, a place on the map, an hour: numbers,
	// never summed ("Tuổi 107", a twenty-fourth review).
	// "Số nhà" and "Giờ" alone only: "Số nhà (căn)", "Số nhà/hộ được hỗ
	// trợ" and "Giờ (công)" are quantities (a twenty-fifth review).
	`|^(tuổi|độ tuổi|số tuổi|kinh độ|vĩ độ|tọa độ|toạ độ)(\s*$|\s*[(/:.,-])|^(số nhà|nhà số|giờ)$`)

// identifierFoldedRe is identifierRe's for a header typed without
// diacritics, where "nam" may be năm (a year) or nam (men): a year only
// with a word after it.
var identifierFoldedRe = lazyRegexp(`^(ma|code|id|sdt|so dt|so dien thoai|dien thoai|dt|phone|tel|fax|so hieu|ky hieu|so qd|so quyet dinh|quyet dinh|cmnd|cccd|so cccd|so cmnd|so cmt|mst|stt|tt|so tk|stk|zalo|so thu tu|thu tu|thu hang|xep hang|xep loai|muc do)(\s|$|[.:(/,])` +
	`|^(diem( so| danh gia| cham| thi dua)?|hang|thon|to|xom|ap|ban|khu|thon, to|lien he)$` +
	`|^(tuoi|do tuoi|so tuoi|kinh do|vi do|toa do)(\s*$|\s*[(/:.,-])|^(so nha|nha so|gio)$` +
	`|^(nam|ngay|thang) [a-z]|\s(so|nam)$`)

// yearFiguresRe finds the header of a year's figures, not a year: Năm
// trước, Năm nay, Cùng kỳ năm trước.
var yearFiguresRe = lazyRegexp(`^(năm|nam) (trước|truoc|nay|ngoái|ngoai|qua)\b|^cùng kỳ`)

// planRe matches, folded, a row of a plan or a target where a model's name
// goes: "Kế hoạch năm 2026", "Chỉ tiêu 2026", "KH quý III/2025".
var planRe = lazyRegexp(`^(ke hoach|kh|chi tieu|muc tieu)( (nam|quy|thang|giai doan|ky))?( [0-9ivx]+)?([ /.-]+[0-9]{4})*$`)

// planRow reports whether a model's cell names a plan or a target, not a
// model: summed, "Kế hoạch năm 2026 | 50 | 5 tỷ" made 51 models of one (a
// fortieth review).
func planRow(s string) bool {
	if len(s) > 60 || len(s) < 2 || !strings.ContainsRune("KkCcMm", rune(s[0])) {
		return false
	}
	for _, p := range []string{"Kế hoạch", "kế hoạch", "KẾ HOẠCH", "Chỉ tiêu", "chỉ tiêu", "CHỈ TIÊU", "Mục tiêu", "mục tiêu", "MỤC TIÊU",
		"Ke hoach", "ke hoach", "KE HOACH", "Chi tieu", "chi tieu", "CHI TIEU", "KH "} {
		if strings.HasPrefix(s, p) {
			return planRe.MatchString(record.Fold(s))
		}
	}
	return false
}

// provinceUnit reports whether a row's unit says it is of the province,
// not of a commune: "Tỉnh đoàn Cao Bằng", "Hội Nông dân tỉnh", the
// province's name (a forty-first review found such a row warned of as a
// commune's left blank).
func provinceUnit(r *record.Record) bool {
	if r.Unit == "" {
		return false
	}
	u := " " + record.Fold(r.Unit) + " "
	return strings.Contains(u, " tinh ") || strings.Contains(u, " thanh pho ") || strings.Contains(u, " cap tinh ") ||
		r.Province != "" && strings.Contains(u, " "+record.Fold(r.Province)+" ")
}
