package validate

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strings"

	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/internal/parallel"
	"github.com/dvkreport/dvkreport/report/load"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
)

// headerSearchRows is how far down a sheet its header is looked for, past
// titles and agency lines above the table.
const headerSearchRows = 20

// maxHeaderRows is how many rows a header may take: a group cell merged
// over sub-headers, and a third row under those.
const maxHeaderRows = 3

// sheetLayout is how a table is laid out: which rows are its header and
// what each column means, which rows are data and which are not, and the
// period of the sheet when it has no period column.
type sheetLayout struct {
	headerFirst, headerLast int          // row numbers of the header (0 for JSON keys)
	header                  []string     // each column's header as written, group and sub-header joined by " / "
	bottom                  []string     // each column's lowest header text
	cols                    []column     // each column's meaning
	scale                   []int64      // each column's money unit, from its header (0: none)
	lineScale               []int64      // each column's money unit from a unit line among its header rows ("ĐVT: triệu đồng"), for money columns without their own
	cells                   []headerCell // each column's texts, from top to bottom
	unitBad                 []msg.Text   // each column's problem with its unit: a header text whose unit is not understood, or two units
	data                    []load.Row
	skipped                 []Skip        // rows left out, and why
	bareBreakdowns          map[int]bool  // the breakdowns' lines without figures ("Trong đó:"), by row number
	kept                    int           // the row number of the last data row sortRows kept
	totals                  []load.Row    // total rows: never summed, the last checked against the sum
	mergedFigures           []load.Range  // figure cells merged over data rows
	modelless               []int         // indexes in data of the rows with no model's name, in a table with a column of them
	sumsAbove               []sumsAbove   // the group rows left out as the sums of rows above them (groups)
	placeHeadings           bool          // a row without a model's name names a place where it goes (groups)
	headings                []headingMark // the headings without figures left out, of the kinds headingOf tells
	nameHeadings            []Skip        // the rows of a name alone over models left out as headings, each with a warning (nameHeading)
	fundsParts              []int         // the columns whose sum is the funds, under one group's header, or nil (fundsGroup)
	fundsSplit              []int         // columns of funds under one group's header that are not all sources, refused (fundsGroup)
	notMoney                []int         // columns under a group of funds that are no money (Ngày công), read as they are (fundsGroup)
	known, requiredFound    int           // distinct contract columns named, and of them the required
	hasModelOrCount         bool          // a column of model names or of counts
	countCol, fundsCol      int           // the columns of counts and of funds, or -1 (sortRows sets them)
}

// Skip is a run of rows left out of a table, and why.
type Skip struct {
	First, Last int    // row numbers
	Kind        string // a key of the messages in validate.skip: title, header, column_numbers, total, subtotal, breakdown, blank, heading, signature
	Text        string // the first cell's text, quoted in notes
}

// headerCell is a column's header, from the rows of the header.
type headerCell struct {
	parts []string // the distinct texts from top to bottom
}

// filledRows returns the first rows of t with merged cells filled: every
// cell of a merged range holds the text of its top-left cell, so that a
// group header merged over three columns names all three, and a header
// merged over two rows names the column in both.
func filledRows(t *load.Table, n int) [][]string {
	n = min(n, len(t.Rows))
	out := make([][]string, n)
	byNum := map[int]int{}
	for i := range n {
		out[i] = t.Rows[i].Cells()
		byNum[t.Rows[i].Num] = i
	}
	cellOf := func(row, col int) string {
		for i, r := range t.Rows {
			if r.Num == row {
				if col-1 < r.Len() {
					return r.Cell(col - 1)
				}
				return ""
			}
			if r.Num > row || i > n+maxHeaderRows {
				break
			}
		}
		return ""
	}
	for _, m := range t.Merged {
		if m.LastCol-m.FirstCol > 200 {
			continue // a merge across the whole sheet names nothing
		}
		v := cellOf(m.FirstRow, m.FirstCol)
		if v == "" {
			continue
		}
		for r := m.FirstRow; r <= m.LastRow; r++ {
			i, ok := byNum[r]
			if !ok {
				continue
			}
			for c := m.FirstCol; c <= m.LastCol; c++ {
				for len(out[i]) < c {
					out[i] = append(out[i], "")
				}
				if out[i][c-1] == "" {
					out[i][c-1] = v
				}
			}
		}
	}
	return out
}

// findLayout finds a table's header, among its first rows, and sorts the
// rows below it into data and the rest. The header is the run of one to
// three consecutive rows that names the most of the contract's required
// columns, then of all its columns; a group cell merged over sub-headers
// names none itself, the sub-headers do. ok is false when no run names two
// columns: the table is not a register.
func findLayout(t *load.Table) (sheetLayout, bool) {
	if t.Keys != nil {
		lay := sheetLayout{data: t.Rows}
		lay.setHeader(headerCells(t.Keys))
		lay.setUnits()
		return lay, lay.known > 0
	}
	rows := filledRows(t, headerSearchRows+maxHeaderRows)
	var best sheetLayout
	bestScore := [3]int{0, 1, 0} // requiredFound, known, -rows
	found := false
	for i := 0; i < len(rows) && t.Rows[i].Num <= headerSearchRows; i++ {
		for h := 1; h <= maxHeaderRows && i+h <= len(rows); h++ {
			// Rows of a header follow one another, and a row under the
			// first holds no number: that would be data.
			if h > 1 && (t.Rows[i+h-1].Num != t.Rows[i+h-2].Num+1 || hasNumber(t.Rows[i+h-1].Cells()) || isColumnNumbers(t.Rows[i+h-1].Cells())) {
				break
			}
			var lay sheetLayout
			lay.setHeader(combine(rows[i : i+h]))
			// On equal terms the shorter run wins, unless its rows above
			// the last hold group cells (cells merged over some of the
			// columns, not all: a title's merge spans them all), which
			// belong to the header.
			score := [3]int{lay.requiredFound, lay.known, -h}
			// So does a last row that gives the columns' units ("Triệu
			// đồng", "Hộ" under "Kinh phí", "Số hộ").
			if groupRows(t, t.Rows[i:i+h-1], len(lay.header)) || h > 1 && isUnitRow(rows[i+h-1]) {
				score[2] = h
			}
			if score[0] > bestScore[0] || score[0] == bestScore[0] && (score[1] > bestScore[1] || score[1] == bestScore[1] && score[2] > bestScore[2]) {
				lay.headerFirst, lay.headerLast = t.Rows[i].Num, t.Rows[i+h-1].Num
				best, bestScore, found = lay, score, true
				best.data = t.Rows[i+h:]
				best.skipped = nil
				if i > 0 {
					best.skipped = append(best.skipped, Skip{First: t.Rows[0].Num, Last: t.Rows[i-1].Num, Kind: "title", Text: firstText(t.Rows[0].Cells())})
				}
			}
		}
	}
	if !found {
		return sheetLayout{}, false
	}
	best.setUnits()
	best.fillMerged(t)
	best.sortRows()
	return best, true
}

// fillMerged gives every cell of a range merged down the rows under the
// header the text of its top cell, in the columns of names, field,
// status, period and source: a clerk merges a province's or a commune's
// cell over its rows to say that they all belong to it. Figures are never
// copied: a figure merged over rows counts once, as it is written. The
// rows filled get cells of their own.
func (lay *sheetLayout) fillMerged(t *load.Table) {
	rows := lay.data
	if len(t.Merged) == 0 || len(rows) == 0 {
		return
	}
	for _, m := range t.Merged {
		if m.LastRow <= m.FirstRow || m.FirstRow <= lay.headerLast {
			continue
		}
		top, ok := slices.BinarySearchFunc(rows, m.FirstRow, func(r load.Row, num int) int { return cmp.Compare(r.Num, num) })
		if !ok {
			continue
		}
		for c := m.FirstCol; c <= m.LastCol && c <= len(lay.cols); c++ {
			switch lay.cols[c-1] {
			case colProvince, colDistrict, colCommune, colUnit, colModel, colField, colStatus, colPeriod, colSource:
			case colCount, colFunds, colHouseholds, colBeneficiaries, colNone:
				// A figure merged over rows: whose is it? Never guessed. In
				// a column of figures, whatever is written ("3 triệu", "1,5
				// tỷ" read as figures); in another, what starts as one.
				v := cell(rows[top], c-1)
				figure := v != "" && !isDash(v) && (lay.cols[c-1] != colNone || looksNumeric(v) || startsNumeric(v))
				if figure && top+1 < len(rows) && rows[top+1].Num <= m.LastRow {
					lay.mergedFigures = append(lay.mergedFigures, load.Range{FirstRow: m.FirstRow, FirstCol: c, LastRow: m.LastRow, LastCol: c})
				}
				continue
			default:
				continue
			}
			v := cell(rows[top], c-1)
			if v == "" {
				continue
			}
			for i := top + 1; i < len(rows) && rows[i].Num <= m.LastRow; i++ {
				r := &rows[i]
				if cell(*r, c-1) != "" {
					continue
				}
				r.SetCell(c-1, v)
			}
		}
	}
}

// startsNumeric reports whether a text starts with a figure, after a
// sign or a tilde: "3 triệu", "~3.000.000", "1,5 tỷ".
func startsNumeric(s string) bool {
	s = strings.TrimLeft(s, "~≈+-. ")
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// groupRows reports whether each of rows holds a group cell: a cell
// merged over several columns, but fewer than width. There must be one row
// at least.
func groupRows(t *load.Table, rows []load.Row, width int) bool {
	if len(rows) == 0 {
		return false
	}
	for _, r := range rows {
		group := false
		for _, m := range t.Merged {
			if m.FirstRow == r.Num && m.LastCol > m.FirstCol && m.LastCol-m.FirstCol+1 < width {
				group = true
				break
			}
		}
		if !group {
			return false
		}
	}
	return true
}

// countUnits are the units of counts a row of units under a header gives
// the columns that are not money, folded.
var countUnits = map[string]bool{
	"ho": true, "nguoi": true, "luot": true, "luot nguoi": true, "mo hinh": true, "buoi": true, "cuoc": true,
	"lop": true, "cai": true, "can": true, "ngoi": true, "nha": true, "km": true, "m": true, "m2": true, "ha": true,
	"tan": true, "con": true, "ngay cong": true, "suat": true, "phan qua": true, "%": true, "so": true, "dem": true,
}

// isUnitRow reports whether a row under a header's names gives their
// units: one cell at least a unit of money written out ("Triệu đồng",
// "(nghìn đồng)", "Tr.đ", "ĐVT: triệu đồng"), every other a unit of counts
// ("Hộ", "Người") or empty. A row of data never is one.
func isUnitRow(cells []string) bool {
	money := false
	for _, c := range cells {
		if c == "" {
			continue
		}
		f := strings.Trim(record.Fold(c), " ()[]{}")
		if countUnits[f] {
			continue
		}
		name, units := splitUnit(c)
		if name != "" || len(units) == 0 || f != "" && f[0] >= '0' && f[0] <= '9' {
			return false
		}
		money = true
	}
	return money
}

// separators are the characters that group a number's digits.
var separators = strings.NewReplacer(".", "", ",", "", " ", "")

// hasNumber reports whether a row holds a cell that is a number.
func hasNumber(cells []string) bool {
	for _, c := range cells {
		if _, ok := plainDigits(separators.Replace(c)); ok && c != "" {
			return true
		}
	}
	return false
}

// combine makes the header cells of a run of header rows: each column's
// distinct texts from top to bottom.
func combine(rows [][]string) []headerCell {
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	cells := make([]headerCell, width)
	for c := range width {
		for _, r := range rows {
			if c < len(r) && r[c] != "" {
				if n := len(cells[c].parts); n == 0 || cells[c].parts[n-1] != r[c] {
					cells[c].parts = append(cells[c].parts, r[c])
				}
			}
		}
	}
	return cells
}

// headerCells makes the header cells of a one-row header.
func headerCells(texts []string) []headerCell {
	cells := make([]headerCell, len(texts))
	for i, s := range texts {
		if s != "" {
			cells[i].parts = []string{s}
		}
	}
	return cells
}

// setHeader gives the layout its header: each column's meaning, from its
// most specific text (the lowest), then all its texts together, then each
// text above; and its header as written. setUnits gives the units.
func (lay *sheetLayout) setHeader(cells []headerCell) {
	lay.header = make([]string, len(cells))
	lay.bottom = make([]string, len(cells))
	lay.cols = make([]column, len(cells))
	lay.cells = cells
	seen := map[column]bool{}
	var grouped []int // columns of funds by their group's header alone
	for i, hc := range cells {
		p := hc.parts
		if len(p) == 0 {
			continue
		}
		lay.header[i] = strings.Join(p, " / ")
		lay.bottom[i] = p[len(p)-1]
		c := matchHeader(p[len(p)-1])
		own := c
		if c == colNone && len(p) > 1 {
			c = matchHeader(strings.Join(p, " "))
		}
		for j := len(p) - 2; c == colNone && j >= 0; j-- {
			c = matchHeader(p[j])
		}
		if own == colNone && c == colFunds {
			grouped = append(grouped, i)
		}
		lay.cols[i] = c
		lay.hasModelOrCount = lay.hasModelOrCount || c == colModel || c == colCount
		if c != colNone && c != colRowNumber && c != colNote && !seen[c] {
			seen[c] = true
			lay.known++
			for _, r := range required {
				if r == c {
					lay.requiredFound++
				}
			}
		}
	}
	lay.totalsUnderGroups()
	lay.fundsGroup(grouped)
}

// totalsUnderGroups reads a known column's group header over its total
// and its parts ("Số hộ tham gia" over "Tổng số | Hộ nghèo"): the total's
// column is the known one, the parts that read as the same column extra
// indicators. They were refused as a second column of households.
func (lay *sheetLayout) totalsUnderGroups() {
	for i, c := range lay.cols {
		p := lay.cells[i].parts
		if c == colNone || len(p) < 2 || !fundsTotalRe.MatchString(record.Fold(p[len(p)-1])) {
			continue
		}
		group := strings.Join(p[:len(p)-1], " / ")
		for j, d := range lay.cols {
			q := lay.cells[j].parts
			if j != i && d == c && len(q) >= 2 && strings.Join(q[:len(q)-1], " / ") == group {
				lay.cols[j] = colNone
			}
		}
	}
}

// fundsTotalRe finds the sub-header of the total among a group of funds'
// columns: "Tổng số", "Tổng", "Cộng", "Tổng cộng", "Tổng kinh phí".
var fundsTotalRe = lazyRegexp(`^(tong so|tong cong|tong|cong|tong kinh phi|tong so tien|total)\b`)

// fundsGroup reads the columns of funds under one group's header,
// "Kinh phí huy động (triệu đồng)" over "Tổng số | Ngân sách | Nhân dân
// đóng góp": the total's column is the funds, and the others are extra
// indicators, named by their group and their own header; without a
// total's column, the funds are the sum of the columns (fundsParts).
// They were refused as a second column of funds.
func (lay *sheetLayout) fundsGroup(grouped []int) {
	if len(grouped) < 2 {
		return
	}
	group := func(i int) string {
		p := lay.cells[i].parts
		return strings.Join(p[:len(p)-1], " / ")
	}
	for _, i := range grouped[1:] {
		if group(i) != group(grouped[0]) {
			return // funds under two groups: a second column of funds
		}
	}
	for _, i := range grouped {
		if fundsTotalRe.MatchString(record.Fold(lay.bottom[i])) {
			for _, j := range grouped {
				if j == i {
					continue
				}
				lay.cols[j] = colNone
				if b := lay.bottom[j]; !fundsSourceRe.MatchString(record.Fold(b)) && !moneyHeader(b) && !isBreakdown(b) {
					// "Ngày công", "Số hộ" under the group of funds: no
					// money, whatever unit the group names.
					lay.notMoney = append(lay.notMoney, j)
				}
			}
			return
		}
	}
	// No total's column: the parts of a breakdown ("Trong đó: ngân sách")
	// are extra indicators, and the others are the funds' sources, summed;
	// unless one is no source (Kế hoạch, Lũy kế, Ngày công, Tỷ lệ, Năm
	// 2024): then the columns stay a second column of funds, refused.
	var parts []int
	for _, i := range grouped {
		switch {
		case isBreakdown(lay.bottom[i]):
			lay.cols[i] = colNone
		case !fundsSourceRe.MatchString(record.Fold(lay.bottom[i])):
			lay.fundsSplit = grouped
			return
		default:
			parts = append(parts, i)
		}
	}
	if len(parts) > 1 {
		lay.fundsParts = parts
	}
}

// fundsSourceRe finds, folded, the sub-header of a source of funds: Ngân
// sách (nhà nước), Nhân dân đóng góp, Xã hội hóa, Doanh nghiệp, Tiền
// mặt, Hiện vật, Nguồn khác…
var fundsSourceRe = lazyRegexp(`^(ngan sach|nsnn|ns|nha nuoc|nhan dan|dan|nguoi dan|xa hoi hoa|xhh|dong gop|doanh nghiep|dn|tai tro|ung ho|` +
	`huy dong|tien mat|hien vat|von|nguon|khac|to chuc|ca nhan|trung uong|dia phuong|tinh|huyen|xa|cong dong|mttq|mat tran|doan the|hoi|con em|` +
	`nha tai tro|cac nguon|tu co|tu cham lo|ngan hang|chinh sach)\b`)

// setUnits gives each column of the layout its unit of money: the lowest
// of its header's texts that names one. A text whose unit is not
// understood, or that names another unit than a text below it (Kinh phí
// (đồng) over Triệu đồng), is a problem for a column of money, never read
// as đồng. A unit line among the header's rows ("ĐVT: triệu đồng") is
// kept apart, for the columns of money that name no unit of their own.
func (lay *sheetLayout) setUnits() {
	n := len(lay.cells)
	lay.scale = make([]int64, n)
	lay.lineScale = make([]int64, n)
	lay.unitBad = make([]msg.Text, n)
	for i, hc := range lay.cells {
		p := hc.parts
		var ownFrom, lineFrom string
		for j := len(p) - 1; j >= 0 && lay.unitBad[i].IsZero(); j-- {
			s, line, problem := headerUnit(p[j])
			switch {
			case problem != "":
				lay.unitBad[i] = msg.New(problem, msg.Quote(p[j]))
			case s == 0:
			case line && lay.lineScale[i] == 0:
				lay.lineScale[i], lineFrom = s, p[j]
			case line && lay.lineScale[i] != s:
				lay.unitBad[i] = msg.New("validate.units_differ", msg.Quote(p[j]), msg.Quote(lineFrom))
			case !line && lay.scale[i] == 0:
				lay.scale[i], ownFrom = s, p[j]
			case !line && lay.scale[i] != s:
				lay.unitBad[i] = msg.New("validate.units_differ", msg.Quote(p[j]), msg.Quote(ownFrom))
			}
		}
	}
}

// Patterns of the rows that are not data, on folded text (record.Fold).
var (
	// A column-number row: (1) (2) … or 1 2 3, or A B C.
	columnNumberRe = lazyRegexp(`^[(\[]?([0-9]{1,2}|[a-z])[)\]]?$`)
	// A heading inside the table: I. Huyện Bắc Sơn, A- Lĩnh vực kinh tế.
	headingRe = lazyRegexp(`^([ivx]+|[a-d])\s*[.\-–:)]\s*\S`)
	// The first line of what follows a table: signatures, dates, notes.
	signatureRe = lazyRegexp(`nguoi lap|lap bieu|ky,? ghi ro|ghi ro ho|ky ten|thu truong|xac nhan|noi nhan|^ngay\b|, ngay \d|ngay \.+ thang|thang \.+ nam|^t/m\b|^tm\.|^kt\.|^tl\.|truong ban|chu tich|bi thu|^ghi chu|^luu:|^- luu`)
	// dateLineRe finds a place and a date however written: "Lạng Sơn
	// ngày 05 tháng 10 năm 2025", the blank form's "ngày    tháng    năm
	// 2025", "Bắc Sơn ngày 5/10/2025", "Lạng Sơn, 05/10/2025" (a
	// twenty-fourth review found each refused, three problems a line).
	// Such a line is left out alone: it does not start the signature
	// block, whose rows all go, since a row of a model's name alone
	// below it would go unseen (a twenty-fifth review).
	dateLineRe = lazyRegexp(`\bngay \d{1,2},? thang \d{1,2},? nam \d{4}|\bngay[\s.…_]+thang[\s.…_]+nam\b|\bngay \d{1,2}/\d{1,2}/\d{2,4}\b|^[^\d,]+, \d{1,2}/\d{1,2}/\d{4}$`)
)

// sortRows sorts the rows under the header: a column-number row right
// under it, total and subtotal rows, headings inside the table and the
// signature block under it are left out; the rest is data.
func (lay *sheetLayout) sortRows() {
	rows := lay.data
	if len(rows) > 0 && isColumnNumbers(rows[0].Cells()) {
		lay.skip(rows[0], "column_numbers")
		rows = rows[1:]
	}
	signed := false
	// lay.data is rows itself until a row is left out: then a copy of the
	// data rows so far, which the others join.
	copied := false
	hasModel := slices.Contains(lay.cols, colModel)
	keep := func(i int, r load.Row, model int) {
		lay.kept = r.Num
		if copied {
			i = len(lay.data)
			lay.data = append(lay.data, r)
		}
		if hasModel && (model < 0 || listLabel(r.Cell(model))) {
			// A row of figures without a model's name: a group's row
			// when its figures are the sum of its members' (groups).
			lay.modelless = append(lay.modelless, i)
		}
	}
	drop := func(i int) {
		if !copied {
			lay.data = append(make([]load.Row, 0, len(rows)), rows[:i]...)
			copied = true
		}
	}
	lay.countCol, lay.fundsCol = slices.Index(lay.cols, colCount), slices.Index(lay.cols, colFunds)
	fieldCol := slices.Index(lay.cols, colField)
	facts := lay.rowFacts(rows)
	for i, r := range rows {
		// Most rows are data: they are told apart with a look at a few
		// cells, and only the others are read more closely.
		data, model, total := facts[i].data, int(facts[i].model), facts[i].total
		if total == "group" {
			total = ""
			if lay.hasMembers(rows[i+1:]) {
				total = "subtotal"
			}
		}
		switch {
		case data && lay.repeatsHeader(r):
			drop(i)
			lay.skip(r, "header") // files put together, or a table printed over pages
		case total == "total":
			drop(i)
			lay.totals = append(lay.totals, r)
			lay.skip(r, "total")
		case total == "subtotal":
			drop(i)
			lay.skip(r, "subtotal")
		case total == "breakdown":
			drop(i)
			lay.skip(r, "breakdown")
			if !lay.hasNumbers(r) {
				if lay.bareBreakdowns == nil {
					lay.bareBreakdowns = map[int]bool{}
				}
				lay.bareBreakdowns[r.Num] = true
			}
		case lay.isNumberedHeading(r):
			// I, II, A, B… in the row-number column and no figure: a
			// heading, even with a province or a period merged over it.
			drop(i)
			lay.skip(r, "heading")
			lay.noteHeading(r)
		case lay.blank(r, model) && (model >= 0 || !signed && !isSignature(r.Cells())):
			// No model's name and no figure: a template's row not filled
			// in, or a commune's or a field's heading. Counted, each was
			// one model; so was a commune's "Không có" (none), a
			// fortieth review found.
			drop(i)
			if model >= 0 {
				lay.skip(r, "none")
			} else {
				lay.skip(r, "blank")
				lay.noteHeading(r)
			}
		case model >= 0 && fieldCol >= 0 && cell(r, fieldCol) == "" && lay.nameHeading(rows, i, model):
			// (Most rows name their field: no closer look.)
			drop(i)
			lay.skip(r, "heading")
			lay.noteHeading(r)
			lay.nameHeadings = append(lay.nameHeadings, Skip{First: r.Num, Last: r.Num, Kind: "heading", Text: cell(r, model)})
		case data:
			keep(i, r, model)
		case lay.hasFigures(r) || lay.namesProvince(r) && (!signed || len(nonEmpty(r.Cells())) > 1):
			// A row with figures is never part of a signature block:
			// kept, it is data, or an error that names what it lacks.
			// Nor is one that names a province, unless it is alone on
			// its line under a signature (the place of the stamp).
			keep(i, r, model)
		case signed:
			drop(i)
			lay.skip(r, "signature")
		case isSignature(r.Cells()):
			drop(i)
			signed = true
			lay.skip(r, "signature")
		case isDateLine(r.Cells()):
			drop(i)
			lay.skip(r, "signature")
		case lay.isHeading(r):
			drop(i)
			lay.skip(r, "heading")
			lay.noteHeading(r)
		default:
			keep(i, r, model)
		}
	}
	if !copied {
		lay.data = rows
	}
}

// rowFact is what sortRows learns of a row from the row alone.
type rowFact struct {
	data  bool   // looksLikeData
	model int32  // modelNamed
	total string // totalKind
}

// rowFacts returns the facts of rows, a big table's in pieces, one per
// processor: each row's are its own, and they are most of sortRows' work
// (a tenth of a 100,000-row register's validation).
func (lay *sheetLayout) rowFacts(rows []load.Row) []rowFact {
	facts := make([]rowFact, len(rows))
	of := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			r := rows[i]
			model := lay.modelNamed(r)
			facts[i] = rowFact{data: lay.looksLikeData(r), model: int32(model), total: lay.totalKind(r, model)}
		}
	}
	parts := runtime.GOMAXPROCS(0)
	if len(rows) < parallelRows || parts == 1 {
		of(0, len(rows))
		return facts
	}
	var wg parallel.Group
	for k := range parts {
		wg.Go(func() { of(len(rows)*k/parts, len(rows)*(k+1)/parts) })
	}
	wg.Wait()
	return facts
}

// listLabel reports whether a model's cell heads a list of models rather
// than naming one: "Các mô hình kinh tế:", "Mô hình về an ninh:".
func listLabel(c string) bool {
	c = strings.TrimSpace(c)
	switch {
	case strings.HasSuffix(c, ":"):
		return true
	}
	for _, p := range []string{"các mô hình", "cac mo hinh"} {
		if len(c) >= len(p) && strings.EqualFold(c[:len(p)], p) {
			return true
		}
	}
	return false
}

// isNumberedHeading reports whether a row is a heading numbered in the
// row-number column (I, II, A, b.) with no amount and no field: "I | Xã
// Bắc Sơn" above the commune's models.
func (lay *sheetLayout) isNumberedHeading(r load.Row) bool {
	n := lay.rowNumber(r, 6)
	if n == "" || !sectionNumberRe.MatchString(strings.ToLower(n)) {
		return false // most rows: a number, or no row-number column
	}
	for i, c := range r.All() {
		if c == "" || i >= len(lay.cols) {
			continue
		}
		switch lay.cols[i] {
		case colCount, colFunds, colHouseholds, colBeneficiaries, colNone:
			// A number in any column of figures, another indicator's
			// among them: a row of data numbered a, b, c.
			if looksNumeric(c) {
				return false
			}
		case colField:
			if _, err := record.ParseField(c); err == nil {
				return false
			}
		}
	}
	return true
}

// rowNumber returns the row's first cell of at most maxLen bytes in a
// row-number column, or "".
func (lay *sheetLayout) rowNumber(r load.Row, maxLen int) string {
	for i, c := range r.All() {
		if i < len(lay.cols) && lay.cols[i] == colRowNumber && c != "" && len(c) <= maxLen {
			return c
		}
	}
	return ""
}

var sectionNumberRe = lazyRegexp(`^([ivxlc]+|[a-h])[.)]?$`)

// blank reports whether a row names no model, or says there is none
// (noModel), and has no figure, in a table that has a column of model
// names or of counts (model is its model cell's index, from modelNamed):
// in one that has neither, each row is a model by the input contract.
func (lay *sheetLayout) blank(r load.Row, model int) bool {
	if !lay.hasModelOrCount {
		return false
	}
	// A figure: for a named row, one with a digit other than 0 (a row
	// that says "Không có" with 0 đồng is none all the same, review 42).
	figure := func(c string) bool { return !isDash(c) && (model < 0 || strings.ContainsAny(c, "123456789")) }
	if model >= 0 {
		// A named row: most give a count or money, which is enough to
		// know (every row of a big register comes here).
		for _, i := range [...]int{lay.countCol, lay.fundsCol} {
			if i >= 0 && i < r.Len() {
				if v := r.Cell(i); v != "" && figure(v) {
					return false
				}
			}
		}
	}
	for i, c := range r.All() {
		if c == "" || i >= len(lay.cols) {
			continue
		}
		switch lay.cols[i] {
		case colCount, colFunds, colHouseholds, colBeneficiaries, colNone:
			if figure(c) {
				return false
			}
		}
	}
	return model < 0 || noModel(r.Cell(model)) // the name last: most rows have figures
}

// isDash reports whether a cell is only a dash, which Vietnamese tables
// write for nothing.
// noModelRe matches, folded (record.Fold), what a clerk writes where a
// model's name goes to say there is none: "Không có", "Chưa có mô hình",
// "Chưa gửi báo cáo", "Ghi chú: …". Whole, so that "Không có ma túy" is a
// model.
var noModelRe = lazyRegexp(`^(khong|khong co|chua co|khong co mo hinh( nao)?|chua co mo hinh( nao)?|chua xay dung( mo hinh)?|` +
	`chua (gui |nop |co )?bao cao|khong phat sinh|chua phat sinh|none|nil|n/a|ghi chu\b.*|(xa|phuong|thi tran|dac khu|don vi) chua (gui|nop|co) bao cao.*)$`)

// noModel reports whether a model's cell says there is no model.
func noModel(c string) bool {
	c = strings.Trim(c, " \u00a0\t.…()[]*")
	return c != "" && len(c) <= 80 && noModelRe.MatchString(record.Fold(c))
}

func isDash(c string) bool {
	c = strings.Trim(c, " \u00a0\t")
	return c == "-" || c == "–" || c == "—" || c == "--"
}

// figured reports whether the table has a column of counts or of money:
// without one, every row is a model (the input contract).
func (lay *sheetLayout) figured() bool {
	return slices.Contains(lay.cols, colCount) || slices.Contains(lay.cols, colFunds)
}

// province returns a row's province cell, or "" when the table has none.
func (lay *sheetLayout) province(r load.Row) string {
	for i, c := range r.All() {
		if i < len(lay.cols) && lay.cols[i] == colProvince {
			return c
		}
	}
	return ""
}

// namesProvince reports whether a row's province cell names a province of
// the gazetteer, as no line of a signature block does.
func (lay *sheetLayout) namesProvince(r load.Row) bool {
	for i, c := range r.All() {
		if c == "" || i >= len(lay.cols) || lay.cols[i] != colProvince {
			continue
		}
		g := gazetteer.Default()
		for _, era := range gazetteer.Eras {
			if _, err := g.Province(era, c); err == nil {
				return true
			}
		}
	}
	return false
}

// hasNumbers reports whether a row has a number in a column of figures.
func (lay *sheetLayout) hasNumbers(r load.Row) bool {
	for i, c := range r.All() {
		if c == "" || i >= len(lay.cols) {
			continue
		}
		switch lay.cols[i] {
		case colCount, colFunds, colHouseholds, colBeneficiaries:
			if looksNumeric(c) {
				return true
			}
		}
	}
	return false
}

// hasFigures reports whether a row has a number in a column of figures,
// or a field, status or period that reads as one: what a row of a
// signature block never has (its names and titles may stand in any
// column).
func (lay *sheetLayout) hasFigures(r load.Row) bool {
	if lay.hasNumbers(r) {
		return true
	}
	for i, c := range r.All() {
		if c == "" || i >= len(lay.cols) {
			continue
		}
		var err error
		switch lay.cols[i] {
		case colField:
			_, err = record.ParseField(c)
		case colStatus:
			_, err = record.ParseStatus(c)
		case colPeriod:
			_, err = record.ParsePeriod(c)
		default:
			continue
		}
		if err == nil {
			return true
		}
	}
	return false
}

// repeatsHeader reports whether a row is the header again: every cell
// names the same column as the header's cell above it, two at least.
func (lay *sheetLayout) repeatsHeader(r load.Row) bool {
	// A quick look first: the province's cell is the header's text again.
	for i, c := range r.All() {
		if i < len(lay.cols) && lay.cols[i] == colProvince && c != lay.bottom[i] {
			return false
		}
	}
	n := 0
	for i, c := range r.All() {
		if c == "" {
			continue
		}
		if i >= len(lay.cols) || lay.cols[i] == colNone || matchHeader(c) != lay.cols[i] {
			return false
		}
		n++
	}
	return n >= 2
}

// skip notes that row r is left out, joining runs of one kind.
func (lay *sheetLayout) skip(r load.Row, kind string) {
	if n := len(lay.skipped); n > 0 && lay.skipped[n-1].Kind == kind && kind != "total" && kind != "subtotal" && lay.skipped[n-1].Last > lay.kept {
		// (Not over a data row between: "rows 2–5 left out, headings"
		// for two headings, rows 2 and 5, and their models.)
		lay.skipped[n-1].Last = r.Num
		return
	}
	lay.skipped = append(lay.skipped, Skip{First: r.Num, Last: r.Num, Kind: kind, Text: firstText(r.Cells())})
}

// isColumnNumbers reports whether a row numbers the columns above it:
// (1), (2)… or A, B…, in at least two cells and nothing else.
func isColumnNumbers(cells []string) bool {
	n := 0
	for _, c := range cells {
		if c == "" {
			continue
		}
		if !columnNumberRe.MatchString(record.Fold(c)) {
			return false
		}
		n++
	}
	return n >= 2
}

// isSignature reports whether a row starts what follows a table.
// isDateLine reports whether a row holds a place and date line
// (dateLineRe).
func isDateLine(cells []string) bool {
	for _, c := range cells {
		if c != "" && dateLineRe.MatchString(record.Fold(c)) {
			return true
		}
	}
	return false
}

func isSignature(cells []string) bool {
	for _, c := range cells {
		if c != "" && signatureRe.MatchString(record.Fold(c)) {
			return true
		}
	}
	return false
}

// looksLikeData reports whether a row has a province, and a field or a
// period that reads as one, as a row of data has (a row of an unclassified
// model has no field); such a row is never left out as a signature.
func (lay *sheetLayout) looksLikeData(r load.Row) bool {
	var province, field bool
	period := ""
	for i, c := range r.All() {
		if c == "" || i >= len(lay.cols) {
			continue
		}
		switch lay.cols[i] {
		case colProvince:
			province = true
		case colField:
			field = true
		case colPeriod:
			period = c
		}
	}
	if province && !field && period != "" {
		_, err := record.ParsePeriod(period)
		field = err == nil
	}
	return province && field
}

// isHeading reports whether a row is a heading inside the table: one cell
// of text, enumerated (I. Huyện Bắc Sơn, A- Kinh tế) or in the row-number
// column, and nothing in the columns of figures.
func (lay *sheetLayout) isHeading(r load.Row) bool {
	at, n := -1, 0
	for i, c := range r.All() {
		if c != "" {
			at, n = i, n+1
		}
	}
	if n != 1 {
		return false
	}
	col := colNone
	if at < len(lay.cols) {
		col = lay.cols[at]
	}
	return col == colRowNumber || col == colNone && at == 0 || headingRe.MatchString(record.Fold(r.Cell(at)))
}

// firstText returns the first non-empty cell of a row.
func firstText(cells []string) string {
	for _, c := range cells {
		if c != "" {
			return c
		}
	}
	return ""
}

// sheetPeriod finds the period of a sheet without a period column: in its
// title rows (above the header), else in its name. The message says where
// it was found. A title and a name that name different periods are a
// problem.
func sheetPeriod(t *load.Table, lay *sheetLayout) (record.Period, msg.Text, *record.InputError) {
	var title record.Period
	var titleRow int
	for _, r := range t.Rows {
		if r.Num >= lay.headerFirst {
			break
		}
		for _, c := range r.All() {
			if p, ok := record.FindPeriod(c); ok {
				title, titleRow = p, r.Num
				break
			}
		}
		if titleRow != 0 {
			break
		}
	}
	name, inName := record.FindPeriod(t.Sheet)
	if !inName && titleRow != 0 && title.Kind == record.KindYear {
		// "Quý II" under a title of the year 2025: the quarter of that
		// year. Read as the year, each sheet was all of it.
		if p, ok := record.FindPeriod(fmt.Sprintf("%s/%d", t.Sheet, int(title.First)/4)); ok && title.Contains(p) && p != title {
			return p, msg.New("validate.period_from_sheet"), nil
		}
	}
	switch {
	case titleRow != 0 && inName && name != title:
		return record.Period{}, msg.Text{}, &record.InputError{Pos: record.Pos{File: t.File, Sheet: t.Sheet, Row: titleRow},
			Msg: msg.New("validate.periods_differ", title, name)}
	case titleRow != 0:
		return title, msg.New("validate.period_from_title", titleRow), nil
	case inName:
		return name, msg.New("validate.period_from_sheet"), nil
	}
	return record.Period{}, msg.Text{}, nil
}

// titleUnit finds a line among the title rows above a table's header that
// gives the unit of all its money ("ĐVT: triệu đồng", often in the last
// column): its factor and row. problem is set for a line whose unit is not
// understood, or for lines that name two units.
func titleUnit(t *load.Table, lay *sheetLayout) (scale int64, row int, problem *record.InputError) {
	var first string
	for _, r := range t.Rows {
		if r.Num >= lay.headerFirst {
			break
		}
		for i, c := range r.All() {
			s, found, bad := lineUnit(c)
			pos := record.Pos{File: t.File, Sheet: t.Sheet, Row: r.Num, Col: i + 1}
			switch {
			case !found:
			case bad:
				if problem == nil {
					problem = &record.InputError{Pos: pos, Msg: msg.New("validate.unit_unknown", msg.Quote(c))}
				}
			case scale == 0:
				scale, row, first = s, r.Num, c
			case s != scale:
				if problem == nil {
					problem = &record.InputError{Pos: pos, Msg: msg.New("validate.units_differ", msg.Quote(c), msg.Quote(first))}
				}
			}
		}
	}
	if problem != nil {
		scale, row = 0, 0
	}
	return scale, row, problem
}
