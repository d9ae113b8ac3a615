package validate

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/load"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
)

// Group rows without a label. Clerks number a table's rows in levels (A,
// I, 1, 1.1, a) and give each group a row of its own with the sum of its
// members: "1 | Xã Bắc Sơn | | 5 | 3.000.000" above "1.1 | Mô hình A" and
// "1.2 | Mô hình B"; or they write a commune's row of sums, with no number
// and no model's name, above or under the commune's models. No word says
// so. Counted with its members, such a row doubles them under a
// signature.
//
// Two signs are looked for, after the rows are read:
//   - a row numbered as the parent of the rows under it (1 over 1.1, A or
//     I over 1, 1 over a): a group's row; its members are the rows under
//     it up to the next number of its level or above;
//   - a row of figures with no model's name, in a table with a column of
//     them: a group's row if its figures are the sum of two rows or more
//     under it (up to the next such row) or above it (from the last one).
//
// A group's row is left out when every figure it gives is its members'
// sum. A numbered group's row without a model's name is left out even when
// they differ, with a warning: its members are the models. A numbered one
// that names a model and does not add up is counted, with a warning.

// numberText returns a row's number without spaces and the full stop or
// bracket after it ("1.", "a)", " II " are "1", "a", "II").
func numberText(n string) string { return strings.TrimRight(strings.TrimSpace(n), ".)") }

// rank returns the level of a row number: 0 for a part (A, B), 1 for a
// section in roman numerals (I, II), 2 for a number (1, 2), 3 for a
// number under one (1.1, a, b), 4 for 1.1.1 and so on; -1 for none.
func rank(n string) int {
	n = numberText(n)
	if n == "" || len(n) > 12 {
		return -1
	}
	digits, dots := true, 0
	for i := 0; i < len(n); i++ {
		switch c := n[i]; {
		case c == '.' && i > 0 && n[i-1] != '.':
			dots++
		case c < '0' || c > '9':
			digits = false
		}
	}
	switch {
	case digits && n[len(n)-1] != '.':
		return 2 + dots
	case len(n) == 1 && n[0] >= 'A' && n[0] <= 'H':
		return 0
	case len(n) == 1 && n[0] >= 'a' && n[0] <= 'h':
		return 3
	case strings.Trim(n, "IVXL") == "":
		return 1
	case strings.Trim(n, "ivxl") == "":
		return 3
	}
	return -1
}

// lettersOverNumbers ranks a table's lower-case letters above its
// numbers where every row lettered (a, b…) is followed by one numbered
// "1" and gives a count of models: the clerk's groups are lettered, their
// models numbered ("I | Xã Bắc Sơn", "a | Hội Nông dân | 2" over "1 |
// Nuôi bò" and "2 | Trồng na", "b | Đoàn Thanh niên | 1" over "1 | …").
// Ranked below the numbers as usual (1 over a), each group's run ended at
// its first model, and the groups were counted with their models (review
// 56: 8 models for 4). A model's parts lettered under it ("1 | Nuôi bò",
// "a | Hộ ông Minh", "b | Hộ bà Hoa", "2 | …") are followed by letters or
// numbers other than 1, and give no count (review 57: a rule that looked
// for one "a" over a "1" counted them as models, 7 for 4). The ranks are
// doubled, the letters put between the roman numerals' and the numbers'.
// counted tells whether row i gives a count.
func lettersOverNumbers(nums []string, ranks []int, counted func(i int) bool) {
	letters := 0
	for i, n := range nums {
		if !lowerLetter(n) {
			continue
		}
		if i+1 == len(nums) || numberText(nums[i+1]) != "1" || !counted(i) {
			return
		}
		letters++
	}
	if letters == 0 {
		return
	}
	for i, r := range ranks {
		switch {
		case r < 0:
		case lowerLetter(nums[i]):
			ranks[i] = 3
		default:
			ranks[i] = 2 * r
		}
	}
}

// childOf reports whether a row numbered n, of rank r, is under one
// numbered p, of rank rp: deeper, and for numbers with points, its number
// starts with its parent's (1.2 is under 1, not under 2).
func childOf(n string, r int, p string, rp int) bool {
	if rp < 0 || r <= rp {
		return false
	}
	if n, p := numberText(n), numberText(p); len(n) == 1 && len(p) == 1 && n[0] == p[0]+1 {
		return false // H then I: letters in a row, I no roman numeral
	}
	if r >= 3 && n[0] >= '0' && n[0] <= '9' && p[0] >= '0' && p[0] <= '9' {
		p = numberText(p)
		return strings.HasPrefix(strings.TrimSpace(n), p+".")
	}
	return true
}

// sumsAbove is a group's row left out as the sum of the rows above it,
// and the first of them, by row number.
type sumsAbove struct{ row, first int }

// candidate is a row that may be a group's, and its members: rows[lo:hi].
type candidate struct {
	row, lo, hi int
	numbered    bool // numbered as its members' parent
	named       bool // it names a model
	// above is another range of members, above it, tried when the first
	// does not add up (hi == lo when none).
	aboveLo, aboveHi int
	// first is where a bare row's run below would end at the first row
	// without a model's name of its level (hi when none): tried when the
	// whole run does not add up.
	first int
	// strict is a place's row in a table of communes in one row each:
	// a group only when every figure it gives is its members' sum.
	strict bool
}

// groups finds the group rows among rows, whose records are
// b.ds.Records[base:] in their order (rows with problems have none; rec
// gives each row's, recordOf), and
// takes their records out of the dataset. It notes them in skipped and
// returns how many it took out.
func (b *builder) groups(rc *rowConverter, lay *sheetLayout, rows []load.Row, base int, rec []int, skipped *[]Skip) int {
	if len(lay.modelless) == 0 && !slices.Contains(lay.cols, colRowNumber) {
		return 0 // no row without a model's name, no numbers: no group, no breakdown
	}
	var nums []string
	var ranks []int
	if slices.Contains(lay.cols, colRowNumber) {
		nums = make([]string, len(rows))
		ranks = make([]int, len(rows))
		for i, r := range rows {
			nums[i] = lay.rowNumber(r, 12)
			ranks[i] = rank(nums[i])
		}
		lettersOverNumbers(nums, ranks, func(i int) bool {
			c := cell(rows[i], rc.where[colCount])
			return c != "" && !isDash(c)
		})
	}
	modelless := make([]bool, len(rows))
	for _, i := range lay.modelless {
		modelless[i] = true
	}
	// A place's name where a model's goes: its level, or 0.
	placeLevel := make([]int, len(rows))
	for _, i := range lay.modelless {
		_, placeLevel[i], _ = headingPlace(cell(rows[i], rc.where[colModel]), cell(rows[i], rc.where[colProvince]))
		lay.placeHeadings = lay.placeHeadings || placeLevel[i] > 0
	}
	// A bare row (its place, period and figures, nothing else: a
	// commune's subtotal) may sum rows without a model's name that have
	// more (a unit's or a field's group of models): those are its
	// members, and only another bare row ends its run (a review found a
	// commune's subtotal over its group rows counted as more models).
	bare := make([]bool, len(rows))
	level := make([]int, len(rows)) // of a bare row: 2 a commune's, 1 a district's, 0 a province's
	for i := range rows {
		bare[i] = modelless[i] && subtotalShape(rc, rows[i])
		switch {
		case cell(rows[i], rc.where[colCommune]) != "":
			level[i] = 2
		case cell(rows[i], rc.where[colDistrict]) != "":
			level[i] = 1
		}
		if placeLevel[i] > 0 && !bare[i] && placeShape(rc, rows[i]) {
			// A commune's heading where a model's name goes ("Xã Bắc
			// Sơn | 7 | 5.000.000"), over its fields' rows of sums, is
			// a commune's subtotal (review 54 found it counted).
			bare[i], level[i] = true, placeLevel[i]
		}
	}
	// Two places' rows of figures in a row where a model's name goes:
	// the table reports communes in one row each, and its places' rows
	// are headings only where all their figures are the sums of the rows
	// under or above them (review 55: "Xã Chiến Thắng | 3", "Xã Vũ Lễ |
	// 2", then the province's two models, was 5 models for 7; review 56:
	// "Xã Vũ Lễ | 3", then "Xã Hưng Vũ | 2" with its sums over its two
	// models, 7 for 5, when none was).
	oneRow := false
	for _, i := range lay.modelless {
		oneRow = oneRow || i > 0 && placeLevel[i] > 0 && placeLevel[i-1] > 0
	}
	// A district's bare row runs on over its communes' (a twenty-first
	// review found a district's total after its communes' subtotals
	// counted as models): only a bare row of its level or above ends it.
	// So does a row without a model's name of a coarser place than the
	// table's own (a district's or a province's, in a table of communes),
	// bare or not: a district's total, its field filled in like its
	// communes' subtotals above it, was counted as more models, every
	// figure doubled.
	finest := 0
	switch {
	case rc.where[colCommune] >= 0:
		finest = 2
	case rc.where[colDistrict] >= 0:
		finest = 1
	}
	runs := make([]bool, len(rows)) // a row whose run only a row like it, of its level or above, ends
	for i := range rows {
		runs[i] = bare[i] || modelless[i] && level[i] < finest
	}
	ends := func(i, k int) bool { return modelless[k] && (!runs[i] || runs[k] && level[k] <= level[i]) }
	// A bare row's run below goes on over the other rows without a
	// model's name of its level (a list's label, a field's row, a
	// subtotal), up to a coarser place's, and is cut at the first of
	// them only when it does not add up so: a district's total over
	// "Các mô hình cấp huyện:", "Kinh tế" or a bare subtotal, its own
	// models and its communes' was counted as models, 8 for 4 (reviews
	// 51 and 52).
	endsBelow := func(i, k int) bool { return ends(i, k) && (!bare[i] || level[k] < level[i]) }
	// The headings without figures left out before the rows here, by the
	// row they come before: a group's row of their kind (a place's of
	// their level or a finer one) has no members beyond them.
	var cut map[int]headingMark
	for k, h := 0, 0; h < len(lay.headings) && k < len(rows); k++ {
		for ; h < len(lay.headings) && lay.headings[h].row < rows[k].Num; h++ {
			if cut == nil {
				cut = map[int]headingMark{}
			}
			cut[k] = lay.headings[h]
		}
	}
	var cands []candidate
	for i := range rows {
		numbered := ranks != nil && i+1 < len(rows) && ranks[i] >= 0 && childOf(nums[i+1], ranks[i+1], nums[i], ranks[i])
		if !numbered && !modelless[i] {
			continue
		}
		var own headingMark // the kind of heading the row is, for cut
		switch {
		case cut == nil:
		case placeLevel[i] > 0:
			own = headingMark{kind: 'p', level: placeLevel[i]}
		case bare[i] && level[i] > 0:
			own = headingMark{kind: 'p', level: level[i]}
		default:
			own.kind, own.level = lay.headingOf(rows[i])
		}
		cuts := func(k int) bool {
			h, ok := cut[k]
			return ok && own.kind != 0 && h.kind == own.kind && (h.kind != 'p' || h.level <= own.level)
		}
		c := candidate{row: i, lo: i + 1, hi: len(rows), numbered: numbered, named: !modelless[i], strict: !numbered && oneRow && placeLevel[i] > 0}
		if numbered && c.named && placeNamed(cell(rows[i], rc.where[colModel])) {
			c.named = false // "I | Xã Vũ Lễ" where a model's name goes: a commune's group
		}
		for k := i + 1; k < len(rows); k++ {
			// A heading of its kind left out ends a numbered row's run
			// too: "I | Xã Vũ Lễ | 3 | …", a commune in one row, then "II
			// | Xã Hưng Vũ" without figures over its models "1" and "2",
			// was read as their group's row and refused (review 56).
			if ranks != nil && ranks[k] >= 0 && ranks[i] >= 0 && ranks[k] <= ranks[i] || cuts(k) || !numbered && endsBelow(i, k) {
				c.hi = k
				break
			}
		}
		c.first = c.hi
		for k := i + 1; bare[i] && !numbered && k < c.hi; k++ {
			if ends(i, k) {
				c.first = k
				break
			}
		}
		if !numbered && (ranks == nil || ranks[i] < 0) {
			// Rows above: only for a row without a number (a numbered
			// row's peers above it are no members).
			c.aboveLo, c.aboveHi = 0, i
			for k := i - 1; k >= 0; k-- {
				if ends(i, k) || cuts(k+1) {
					c.aboveLo = k + 1
					break
				}
			}
		}
		cands = append(cands, c)
	}
	var broken map[int]bool // the rows left out before as breakdowns ("Trong đó: …"), by number
	for _, k := range lay.skipped {
		if k.Kind == "breakdown" {
			if broken == nil {
				broken = map[int]bool{}
			}
			for n := k.First; n <= k.Last; n++ {
				broken[n] = true
			}
		}
	}
	subs := b.subRows(rc, rows, nums, modelless, broken, lay.bareBreakdowns)
	if len(cands) == 0 && len(subs) == 0 && len(lay.bareBreakdowns) == 0 {
		return 0
	}
	recs := b.ds.Records[base:]
	out := make([]bool, len(rows))
	kind := map[int]string{}
	// A group's row's breakdowns are read as such only where they are not
	// its members (below).
	subOf, sourceOf := make([]int, len(rows)), make([]int, len(rows))
	for i := range subOf {
		subOf[i], sourceOf[i] = -1, -1
	}
	// The rows marked in the column of numbers under a model are its
	// parts all together or not at all: two at least, their money the
	// model's, their households and people no more than its (review 59:
	// dashed models under a model whose money they made by chance, one
	// of them with more households than it, half taken for its parts).
	//
	// Failing that, rows so marked that a bare line of a breakdown's
	// words announces ("Trong đó:", "Gồm các hộ:") are its parts all
	// together, whatever their names, where their figures together are
	// within the model's; and, without such a line, those that name a
	// household or a source of money (household, sourceRowRe) are, all
	// of them together, where theirs are (review 59: households listed
	// with their shares of the money, which did not make it up, counted
	// as models). The other rows are models then: review 60 found two
	// dashed models taken for parts because their money made the
	// model's once a household beside them was set apart.
	type block struct {
		n                                int
		funds, households, beneficiaries int64
		badRow                           bool
	}
	var marked map[int]*[2]block     // by parent: the rows not named, and those named
	announcedParts := map[int]bool{} // the parents whose marked rows a bare line announced
	for _, sr := range subs {
		if !sr.marked || sr.group {
			continue
		}
		if marked == nil {
			marked = map[int]*[2]block{}
		}
		k := marked[sr.parent]
		if k == nil {
			k = &[2]block{}
			marked[sr.parent] = k
		}
		kb := &k[0]
		if sr.named {
			kb = &k[1]
		}
		if sr.announced {
			announcedParts[sr.parent] = true
		}
		if rec[sr.row] < 0 {
			kb.badRow = true
			continue
		}
		r := &b.ds.Records[base+rec[sr.row]]
		kb.n, kb.funds, kb.households, kb.beneficiaries = kb.n+1, kb.funds+r.FundsVND, kb.households+r.Households, kb.beneficiaries+r.Beneficiaries
	}
	parts := func(p int, named bool) bool {
		k := marked[p]
		if k == nil || rec[p] < 0 {
			return false
		}
		m := &b.ds.Records[base+rec[p]]
		within := func(kb *block) bool {
			return !kb.badRow && kb.households <= m.Households && kb.beneficiaries <= m.Beneficiaries
		}
		makeUp := func(kb *block) bool { // two rows at least, whose money is the model's
			return within(kb) && kb.n >= 2 && m.FundsVND > 0 && kb.funds == m.FundsVND
		}
		all := &block{n: k[0].n + k[1].n, funds: k[0].funds + k[1].funds, households: k[0].households + k[1].households,
			beneficiaries: k[0].beneficiaries + k[1].beneficiaries, badRow: k[0].badRow || k[1].badRow}
		if makeUp(all) {
			return true
		}
		if announcedParts[p] { // all of them within the model's figures
			return within(all) && all.funds <= m.FundsVND && all.funds+all.households+all.beneficiaries > 0
		}
		return named && within(&k[1]) && k[1].n > 0 && k[1].funds <= m.FundsVND && k[1].funds+k[1].households+k[1].beneficiaries > 0
	}
	for _, sr := range subs {
		i, p := sr.row, sr.parent
		if sr.marked && !sr.group {
			switch {
			case parts(p, sr.named):
				out[i], kind[i] = true, "breakdown"
				b.warn(rc.at(rows[i].Num, 0), "", msg.New("validate.breakdown_guessed", rows[i].Num, rows[p].Num))
			case sr.household && rec[i] >= 0:
				// A household is no model, and the model's households
				// give more than it does (review 61's D08: one person
				// listed under two models, counted under the second):
				// a problem, never a model counted.
				out[i], kind[i] = true, "problem"
				b.res.Problems = append(b.res.Problems, &record.InputError{Pos: rc.at(rows[i].Num, 0),
					Msg: msg.New("validate.household_beyond", rows[i].Num, msg.Quote(cell(rows[i], rc.where[colModel])), rows[p].Num)})
				b.res.Rejected = append(b.res.Rejected, RejectedOf(&recs[rec[i]]))
			}
			continue
		}
		if sr.group {
			subOf[i] = p
			if sr.source {
				sourceOf[i] = p // never its member (addsUp): its money is the group's own
			}
			continue
		}
		if rec[i] < 0 || rec[p] < 0 || !rc.within(rows[i], &recs[rec[i]], &recs[rec[p]]) {
			continue
		}
		out[i], kind[i] = true, "breakdown"
		if !sr.worded {
			b.warn(rc.at(rows[i].Num, 0), "", msg.New("validate.breakdown_guessed", rows[i].Num, rows[p].Num))
		}
	}
	b.totalBreakdown(rc, lay, rows, nums, base, rec, out, kind)
	// The innermost groups first: a group's members are the rows that are
	// no group's.
	span := func(c candidate) int { return max(c.hi-c.lo, c.aboveHi-c.aboveLo) } // the rows it may sum, under or above it
	slices.SortStableFunc(cands, func(a, b candidate) int { return cmp.Compare(span(a), span(b)) })
	for _, c := range cands {
		if rec[c.row] < 0 || out[c.row] {
			continue // a row with problems: not in the sum anyway
		}
		if c.numbered && c.named && rc.components(rows, out, c) {
			// A model's row over its parts (2 | Mô hình B | 1 over 2.1
			// Hợp phần nuôi bò, 2.2 …, with no count): the model is
			// counted, its parts are not.
			if diff, members, _ := rc.addsUp(rows[c.row], &recs[rec[c.row]], recs, rec, out, nil, -1, c.lo, c.hi, false, 1); diff == nil && members >= 1 {
				for i := c.lo; i < c.hi; i++ {
					if !out[i] {
						out[i], kind[i] = true, "breakdown"
					}
				}
				continue
			}
		}
		// A number or a list's label is a sign in itself; a row that only
		// lacks a model's name needs more than a count that adds up (2 = 1
		// + 1 is too often a chance): a sum of money, another figure, or
		// a commune's rows. So does a heading's words where a model's name
		// goes ("Lĩnh vực kinh tế", "Hội Nông dân", "Xã Bắc Sơn"): a
		// commune reported in one row, "Xã Vũ Lễ | 2", over the
		// province's two models was their group (review 55).
		need := 2
		if c.numbered && !c.named || strings.HasSuffix(strings.TrimSpace(cell(rows[c.row], rc.where[colModel])), ":") {
			need = 1
		}
		lo, hi := c.lo, c.hi
		g := &recs[rec[c.row]]
		if !c.numbered {
			// A row of its place sums the rows of its place beside it: the
			// run of them next to it, not another commune's rows further on
			// (a nineteenth review: a commune's subtotal after another
			// commune's model, in a district's register where some communes
			// have a subtotal and some not, was counted as more models).
			hi = placeRun(g, recs, rec, out, lo, hi, true)
		}
		diff, members, agree := rc.addsUp(rows[c.row], g, recs, rec, out, sourceOf, -1, lo, hi, true, need)
		if diff != nil && !c.numbered && c.first < c.hi {
			// A bare row's run up to the first row without a model's name
			// of its level, as before it went on over them: a province's
			// total with its money mistyped over its rows and then a
			// field's row summing some of them is refused, not counted.
			fhi := placeRun(g, recs, rec, out, lo, c.first, true)
			if d, m, a := rc.addsUp(rows[c.row], g, recs, rec, out, sourceOf, -1, lo, fhi, true, need); d == nil || members >= 0 && m > 0 && a > agree {
				hi, diff, members, agree = fhi, d, m, a
			}
		}
		above := false // the rows above taken instead
		if diff != nil && !c.numbered && c.aboveHi > c.aboveLo && members >= 0 {
			// (Not when a row below had problems: that is the answer.)
			// The rows above, when they add up, or when the rows below are
			// none of its or agree less: a subtotal above its rows with a
			// figure mistyped was measured against the rows above, another
			// commune's, none, and counted as models (review 42).
			alo, ahi := placeRun(g, recs, rec, out, c.aboveLo, c.aboveHi, false), c.aboveHi
			d, m, a := rc.addsUp(rows[c.row], g, recs, rec, out, sourceOf, -1, alo, ahi, true, need)
			if d == nil || m < 0 || members == 0 || m > 0 && a > agree {
				lo, hi, diff, members, agree = alo, ahi, d, m, a
				above = true
			}
		}
		if diff != nil && !c.numbered && !above && level[c.row] < finest {
			// A coarser place's row over rows of its own place, then rows
			// of finer places that its run goes on over: its own rows,
			// when they add up, or agree more (a figure mistyped, which
			// subtotal_differs refuses) where no row had problems. A
			// district's "Các mô hình cấp huyện:" over its own two models,
			// then a commune's model, was 5 models and the label's money
			// twice, for 3. (After the rows above: a district's subtotal
			// with a figure mistyped, under its communes and over its own
			// models, is theirs, and refused; review 51.)
			cut := lo
			for cut < hi && (out[cut] || level[cut] <= level[c.row]) {
				cut++
			}
			if cut > lo && cut < hi {
				if d, m, a := rc.addsUp(rows[c.row], g, recs, rec, out, sourceOf, -1, lo, cut, true, need); m >= 2 && (d == nil || members >= 0 && a > agree) {
					hi, diff, members, agree = cut, d, m, a
				}
			}
		}
		withSources := false
		if diff != nil && members >= 0 && slices.Contains(sourceOf[lo:hi], c.row) {
			// Rows named as sources of money that are its members after
			// all, the group adding up with them ("Các mô hình kinh tế: |
			// 2" over "- Ngân hàng bò" and "- Nuôi dê": review 45), when
			// it is then left out as their group (below; review 46).
			switch d, m, a := rc.addsUp(rows[c.row], g, recs, rec, out, sourceOf, c.row, lo, hi, true, need); {
			case d == nil:
				diff, members, agree, withSources = d, m, a, true
			case a > agree:
				// Closer with them: a figure of a group mistyped, which
				// subtotal_differs refuses (review 48).
				diff, members, agree = d, m, a
			}
		}
		if c.strict {
			if diff != nil || members < 2 {
				continue // a commune in one row; its figures a chance
			}
			// Every figure its rows' sums: their group, with a warning
			// (review 55's "Xã Vũ Lễ | 2 | 3.000.000" over the
			// province's two models, 1 and 2 million, is as it reads).
			b.warn(rc.at(rows[c.row].Num, 0), "", msg.New("validate.place_group", rows[c.row].Num, msg.Quote(cell(rows[c.row], rc.where[colModel])),
				fmt.Sprintf("%d–%d", rows[lo].Num, rows[hi-1].Num)))
		}
		// A model's row over a single row numbered under it (2 over 2.1,
		// or a) may be a model inserted, and is no group.
		switch {
		case members < 0 && bare[c.row] && !c.numbered:
			// A place's subtotal, by its shape, over a row with problems:
			// as for a numbered group below (under --skip-invalid it was
			// counted as models beside its good members).
			bad := -members - 1
			out[c.row], kind[c.row] = true, "problem"
			b.res.Problems = append(b.res.Problems, &record.InputError{Pos: rc.at(rows[c.row].Num, 0),
				Msg: msg.New("validate.subtotal_unchecked", rows[c.row].Num, fmt.Sprintf("%d–%d", rows[lo].Num, rows[hi-1].Num), rows[bad].Num)})
			b.res.Rejected = append(b.res.Rejected, RejectedOf(g))
		case members < 0 && c.numbered && !c.named:
			// A group's row, by its number and its lack of a model's
			// name, over a row with problems: its figures cannot be
			// checked, and under --skip-invalid it was counted as a model
			// beside its good members (a ninth review). A problem too.
			bad := -members - 1
			out[c.row], kind[c.row] = true, "problem"
			b.res.Problems = append(b.res.Problems, &record.InputError{Pos: rc.at(rows[c.row].Num, 0),
				Msg: msg.New("validate.group_unchecked", msg.Quote(nums[c.row]), fmt.Sprintf("%d–%d", rows[c.lo].Num, rows[c.hi-1].Num), rows[bad].Num)})
			b.res.Rejected = append(b.res.Rejected, RejectedOf(g))
		case diff == nil && (members >= 2 || c.numbered && !c.named && members >= 1):
			out[c.row] = true
			if above {
				lay.sumsAbove = append(lay.sumsAbove, sumsAbove{row: rows[c.row].Num, first: rows[lo].Num})
			}
			for i := lo; withSources && i < hi; i++ {
				if sourceOf[i] == c.row {
					sourceOf[i], subOf[i] = -1, -1 // its members
				}
			}
			// Its members are of its field when they name none: "Các mô
			// hình kinh tế:" over "- Mô hình nuôi bò".
			if f := g.Field; f != record.Unclassified {
				for i := lo; i < hi; i++ {
					if !out[i] && rec[i] >= 0 && recs[rec[i]].Field == record.Unclassified {
						recs[rec[i]].Field = f
					}
				}
			}
		case c.numbered && !c.named && members >= 1 && len(diff) > 0:
			// A group's row, by its number and its lack of a model's name,
			// whose figures are not its members' sum: which is right? A
			// problem, the row out of the dataset, until they agree.
			out[c.row], kind[c.row] = true, "problem"
			for _, d := range diff {
				b.res.Problems = append(b.res.Problems, &record.InputError{Pos: rc.at(rows[c.row].Num, d.col+1), Column: rc.header[d.col],
					Msg: msg.New("validate.group_differs", msg.Quote(nums[c.row]), fmt.Sprintf("%d–%d", rows[c.lo].Num, rows[c.hi-1].Num),
						msg.Quote(d.text), msg.Number(d.sum))})
			}
			b.res.Rejected = append(b.res.Rejected, RejectedOf(g))
		case diff == nil && members == 1 && !c.numbered && (bare[c.row] && g.FundsVND|g.Households|g.Beneficiaries != 0 ||
			!withSources && modelless[c.row] && headingLabel(cell(rows[c.row], rc.where[colModel]), func() string { return cell(rows[c.row], rc.where[colProvince]) }, true)):
			// A place's row that sums one model (a commune's subtotal where
			// it has a single model): its place, its period and figures
			// equal to that row's, funds, households or people among them
			// (a count of 1 alike is no sign), and nothing else. A model's
			// row that lost its name would have a unit, a field or a
			// status. So is a heading's row that sums one model ("I. Kinh
			// tế | 1 | 600.000" over its one model, review 54), its figures
			// all alike, money or two among them (need): its words say
			// what it is. Left out, with a warning naming the row it
			// repeats.
			out[c.row], kind[c.row] = true, "subtotal"
			for i := lo; i < hi; i++ {
				if !out[i] && rec[i] >= 0 {
					b.warn(rc.at(rows[c.row].Num, 0), "", msg.New("validate.group_single", rows[c.row].Num, rows[i].Num))
					break
				}
			}
		case len(diff) > 0 && members >= 2 && !c.numbered && !c.named && (agree >= 2 || level[c.row] < finest && agree >= 1 && (len(diff) == 1 || g.Count >= 3 && g.Model == "" && !slices.ContainsFunc(diff, func(d difference) bool { return d.col == rc.where[colCount] }))) && cell(rows[c.row], rc.where[colUnit]) == "" &&
			cell(rows[c.row], rc.where[colStatus]) == "" && !breakdowns(subOf, out, c.row, lo, hi):
			// A row without a model's name, a unit or a status whose
			// figures are in part its rows' sums (two figures, or the
			// money; two rows at least: beside a single row one sum alike
			// is a chance, a forty-first review found) and in part not: a
			// subtotal or a total with a figure mistyped, counted
			// as more models (rebuilding review 20's cases: a
			// district's total 500,000 đồng off doubled the report). Or a
			// group whose figures are wrong: either way a problem, the
			// row out of the dataset, until they agree.
			out[c.row], kind[c.row] = true, "problem"
			for _, d := range diff {
				b.res.Problems = append(b.res.Problems, &record.InputError{Pos: rc.at(rows[c.row].Num, d.col+1), Column: rc.header[d.col],
					Msg: msg.New("validate.subtotal_differs", rows[c.row].Num, fmt.Sprintf("%d–%d", rows[lo].Num, rows[hi-1].Num),
						msg.Quote(d.text), msg.Number(d.sum))})
			}
			b.res.Rejected = append(b.res.Rejected, RejectedOf(g))
		case c.numbered && c.named && members >= 2:
			for _, d := range diff {
				b.warn(rc.at(rows[c.row].Num, d.col+1), rc.header[d.col], msg.New("validate.group_counted", msg.Quote(nums[c.row]),
					fmt.Sprintf("%d–%d", rows[c.lo].Num, rows[c.hi-1].Num), msg.Quote(d.text), msg.Number(d.sum)))
			}
		}
	}
	// Rows under a group's row, without a count, field or place of their
	// own, that are not its members (their figures do not add up to its):
	// its breakdown, as under a model's row ("Các mô hình kinh tế | 3 |
	// 1.000.000" over "Ngân sách | | 400.000" and "Nhân dân | | 600.000"
	// was 5 models and 2,000,000 đồng; a twentieth review's). Always with a
	// warning: the rows might be models.
	for _, sr := range subs {
		i, p := sr.row, sr.parent
		if !sr.group || subOf[i] != p || out[i] || out[p] && !sr.source || rec[i] < 0 || rec[p] < 0 && !sr.source || rec[p] >= 0 && !rc.within(rows[i], &recs[rec[i]], &recs[rec[p]]) {
			continue // (a source of a group's money is never a model, whatever the group's row is, a problem too: reviews 44, 47)
		}
		out[i], kind[i] = true, "breakdown"
		b.warn(rc.at(rows[i].Num, 0), "", msg.New("validate.breakdown_guessed", rows[i].Num, rows[p].Num))
	}
	// The group rows leave the records, their identities and the rows.
	n, j := 0, base
	for i := range rows {
		k := rec[i]
		if k < 0 {
			continue
		}
		if out[i] {
			n++
			if k := cmp.Or(kind[i], "group"); k != "problem" {
				text := cmp.Or(cell(rows[i], rc.where[colModel]), cell(rows[i], rc.where[colCommune]), firstText(rows[i].Cells()))
				*skipped = append(*skipped, Skip{First: rows[i].Num, Last: rows[i].Num, Kind: k, Text: text})
			}
			continue
		}
		b.ds.Records[j], b.ids[j] = b.ds.Records[base+k], b.ids[base+k]
		j++
	}
	if n > 0 {
		clear(b.ds.Records[j:])
		b.ds.Records, b.ids = b.ds.Records[:j], b.ids[:j]
		slices.SortStableFunc(*skipped, func(a, b Skip) int { return cmp.Compare(a.First, b.First) })
	}
	return n
}

// placeRun returns the end (down) or the start (up) of the run of rows in
// [lo, hi) next to a place's row g, from lo down or from hi up, whose
// records are of g's place and period (within): the first row of another
// place ends it. Rows left out already, and rows with problems (no
// record), do not end it.
func placeRun(g *record.Record, recs []record.Record, rec []int, out []bool, lo, hi int, down bool) int {
	if down {
		for k := lo; k < hi; k++ {
			if !out[k] && rec[k] >= 0 && !within(g, &recs[rec[k]]) {
				return k
			}
		}
		return hi
	}
	for k := hi - 1; k >= lo; k-- {
		if !out[k] && rec[k] >= 0 && !within(g, &recs[rec[k]]) {
			return k + 1
		}
	}
	return lo
}

// recordOf returns the index in recs of each row's record, or -1 for a
// row without one (a row with problems): recs are the rows' records, in
// their order.
func recordOf(rows []load.Row, recs []record.Record) []int {
	rec := make([]int, len(rows))
	for i, j := 0, 0; i < len(rows); i++ {
		rec[i] = -1
		if j < len(recs) && recs[j].Row == rows[i].Num {
			rec[i] = j
			j++
		}
	}
	return rec
}

// placeShape reports whether a row has no unit, field or status, and no
// place finer than a province: what a place's heading in the model's
// column has besides it.
func placeShape(rc *rowConverter, r load.Row) bool {
	for _, c := range []column{colUnit, colField, colStatus, colDistrict, colCommune} {
		if cell(r, rc.where[c]) != "" {
			return false
		}
	}
	return true
}

// subtotalShape reports whether a row has nothing but its place, its
// period and figures: no unit, model, field or status.
func subtotalShape(rc *rowConverter, r load.Row) bool {
	for _, c := range []column{colUnit, colModel, colField, colStatus} {
		if cell(r, rc.where[c]) != "" {
			return false
		}
	}
	return true
}

// components reports whether the rows under a numbered group's row c are
// its parts, not models: the group's row gives a count of models, and
// none of them does.
func (rc *rowConverter) components(rows []load.Row, out []bool, c candidate) bool {
	i := rc.where[colCount]
	if s := cell(rows[c.row], i); i < 0 || s == "" || isDash(s) {
		return false
	}
	for k := c.lo; k < c.hi; k++ {
		if s := cell(rows[k], i); !out[k] && s != "" && !isDash(s) {
			return false
		}
	}
	return true
}

// figureSums are the sums of records' figures, the table's extra
// indicators among them.
type figureSums struct {
	count, funds, households, beneficiaries int64
	extras                                  []int64 // by rowConverter.extras
}

func (rc *rowConverter) newSums() figureSums {
	return figureSums{extras: make([]int64, len(rc.extras))}
}

// add adds a record's figures.
func (s *figureSums) add(rc *rowConverter, r *record.Record) {
	s.count += r.Count
	s.funds += r.FundsVND
	s.households += r.Households
	s.beneficiaries += r.Beneficiaries
	for k := range rc.extras {
		if slot := rc.extraSlot[k]; slot < len(r.Extra) {
			s.extras[k] += r.Extra[slot]
		}
	}
}

// difference is a figure of a group's row, as written, that is not its
// members' sum.
type difference struct {
	col  int
	text string
	sum  int64
}

// within reports whether a member's row m may be summed by a group's row
// g: of its period, of its province, district and commune when g names
// them, and of its field when both name one. A commune's row of sums is never its neighbours'.
func within(g, m *record.Record) bool {
	same := func(a, b string) bool { return a == "" || a == b || gazetteer.UnitKey(a) == gazetteer.UnitKey(b) }
	return g.Period == m.Period && same(g.Province, m.Province) && same(g.District, m.District) && same(g.Commune, m.Commune) &&
		(g.Field == record.Unclassified || m.Field == record.Unclassified || g.Field == m.Field)
}

// addsUp compares the figures a group's row r (record g) gives with the
// sums of its members: the rows in [lo, hi) that are no group's (out),
// whose records are recs[rec[i]]. It returns the differences, nil when
// every figure is the sum and the sign is strong enough (need), and the
// number of members; when a member has no record (a row with
// problems), members is -(i+1) for the first such row i. counts says whether the count of models is
// compared. Rows that give the sources of a group's money (sourceOf) are
// no members, but those of row own. agree is how strong a sign the figures that are their sums
// give, as need counts them: one a figure that is not zero, one more for
// money.
func (rc *rowConverter) addsUp(r load.Row, g *record.Record, recs []record.Record, rec []int, out []bool, sourceOf []int, own, lo, hi int, counts bool, need int) (_ []difference, members, agree int) {
	sum := rc.newSums()
	for i := lo; i < hi; i++ {
		if out[i] || sourceOf != nil && sourceOf[i] >= 0 && sourceOf[i] != own {
			continue // a source of a group's money is no member, of its group's row or another (review 46)
		}
		if rec[i] < 0 {
			return []difference{}, -(i + 1), 0 // a member with problems: undecided
		}
		m := &recs[rec[i]]
		if !within(g, m) {
			return []difference{}, 0, 0 // another commune's, period's or field's row: no member
		}
		members++
		sum.add(rc, m)
	}
	var diff []difference
	// How strong a sign the sums are: a figure that adds up counts one, a
	// sum of money (whose digits rarely meet by chance) one more, and a
	// commune's or a district's row summing rows of its own one more.
	compared, figures := 0, 0
	if g.Model == "" && (g.Commune != "" || g.District != "") {
		compared++
	}
	check := func(i int, v, sum int64) {
		if s := cell(r, i); i >= 0 && s != "" && !isDash(s) {
			sign := 0
			if v != 0 {
				sign = 1
				if i == rc.where[colFunds] || rc.scale[i] > 0 {
					sign = 2
				}
				compared += sign
				figures++
			}
			if v != sum {
				diff = append(diff, difference{col: i, text: s, sum: sum})
			} else {
				agree += sign
			}
		}
	}
	if counts {
		check(rc.where[colCount], g.Count, sum.count)
	}
	check(rc.where[colFunds], g.FundsVND, sum.funds)
	check(rc.where[colHouseholds], g.Households, sum.households)
	check(rc.where[colBeneficiaries], g.Beneficiaries, sum.beneficiaries)
	for k, i := range rc.extras {
		v := int64(0)
		if s := rc.extraSlot[k]; s < len(g.Extra) {
			v = g.Extra[s]
		}
		check(i, v, sum.extras[k])
	}
	if diff == nil && (figures == 0 || compared < need) {
		diff = []difference{} // too little to compare: no sign
	}
	return diff, members, agree
}

// A breakdown of the row above it, not worded as one ("Trong đó: …" is
// found with the totals): "- Ngân sách nhà nước | | 400.000" or "Nhân
// dân đóng góp | | 600.000" under a model's row. Such a row has no number
// in a table whose rows have one, no field, no count of models, no place
// of its own, and no figure above its parent's: it is left out, with a
// warning when nothing but its shape says what it is.

// subRow is a row that may break its parent's figures down.
type subRow struct {
	row, parent int
	worded      bool // it starts with a bullet or a breakdown's word
	group       bool // its parent names no model: a group's row, that may sum it instead
	source      bool // under a group's row, it names a source of money only
	marked      bool // a list's mark where its number goes, nothing else says so
	// named: marked, it names a household ("Hộ ông Hoàng Văn Minh") or a
	// source of money ("Ngân sách nhà nước") and gives no households,
	// as no model is named.
	named     bool
	household bool // named: a household's
	// announced: marked, it is one of rows that a bare line of a
	// breakdown's words ("Trong đó:", "Gồm các hộ:") announced.
	announced bool
}

// breakdowns reports whether the rows in [lo, hi) that are not out are
// all rows that may break row p's figures down (subOf).
func breakdowns(subOf []int, out []bool, p, lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if !out[i] && subOf[i] != p {
			return false
		}
	}
	return true
}

// breakdownWordRe finds a breakdown's first words, in lower case: those
// that start no model's name alone, or others followed by a colon ("Gồm:",
// "Cụ thể:"), as "Gom rác thải nhựa" and "Cụ thể hóa Nghị quyết" are
// models.
var breakdownWordRe = lazyRegexp(`^(trong đó|trong do|trong số|trong so|chia ra|bao gồm|riêng|of which|in which)([\s:,.;-]|$)` +
	`|^(gồm|gom|bao gom|cụ thể|cu the|rieng)\s*[:,]`)

// sourceRowRe matches, folded, the whole name of a row that gives a
// source of a group's money: "Ngân sách nhà nước", "Nhân dân đóng góp",
// "Xã hội hóa", "Nguồn khác". Whole: "Vốn vay xoay vòng", "Hội quán nông
// dân" and "Nguồn nước sạch" are models (review 43).
var sourceRowRe = lazyRegexp(`^(nguon )?(von )?(ngan sach( nha nuoc| trung uong| tinh| huyen| xa| dia phuong| cap (tinh|huyen|xa))?|nsnn|nha nuoc|` +
	`nhan dan|nguoi dan|dan|xa hoi hoa|xhh|doanh nghiep|tai tro|ung ho|huy dong( khac| xa hoi)?|(cac )?nguon khac|khac|doi ung|tu co|` +
	`tien mat|hien vat|ngay cong|(cac )?to chuc,? ca nhan|mttq|nha hao tam|manh thuong quan|dong gop( cua (nhan )?dan)?)` +
	`( (ho tro|dong gop|ung ho|tai tro|dong gop ngay cong))?$` +
	// What the state or the people gave, said ("Ngân sách nhà nước hỗ
	// trợ xi măng", "Nhân dân đóng góp 200 ngày công"), and the
	// programmes' money merged in ("Vốn lồng ghép Chương trình 135";
	// review 60).
	`|^(ngan sach( nha nuoc)?|nsnn|nhan dan|nguoi dan) (ho tro|dong gop|ung ho)( [a-z0-9]+){1,3}$|^von long ghep( [a-z0-9]+){0,6}$`)

// subRows returns the rows of rows that may break their parent's figures
// down: with no number (nums) under a numbered row, without a field or a
// count, and naming no place but their parent's, whose parent names a
// model or, a group's row, gives a count of models (see groups). A row
// that names every place its parent names must start with a bullet or a
// breakdown's word, or name a source of money under a group's row. In a
// table without numbers, only sources of money under a group's row are.
func (b *builder) subRows(rc *rowConverter, rows []load.Row, nums []string, modelless []bool, broken, bare map[int]bool) []subRow {
	var out []subRow
	parent := -1
	lettered := -2  // the last row lettered as a breakdown's
	markedRun := -2 // the last row marked as a part (marked)
	// next reports whether row b follows row a, or only lines of a
	// breakdown's words without figures are between them ("Trong đó:"
	// over the sources: bare); announced, whether there is one.
	next := func(a, b int) (follows, announced bool) {
		for n := a + 1; n < b; n++ {
			if !bare[n] {
				return false, false
			}
		}
		return b > a, b > a+1
	}
	announced := false // the marked rows of the run follow a bare line of a breakdown's words
	for i, r := range rows {
		noCount := isDash(cell(r, rc.where[colCount])) || cell(r, rc.where[colCount]) == ""
		// A list's mark where the row's number goes ("- | Chuồng trại |
		// | | 1.000.000" under "1 | Nuôi bò | Kinh tế | 1 | 1.500.000"),
		// with no count and no field, marks a part as the mark before its
		// name does (counted, the model's parts were more models, its
		// money twice, with no word said), but only right under a model
		// numbered otherwise, or under its parts so marked, row after row,
		// and where their money together is the model's (groups): review
		// 58 found models listed with dashes, some without a field or a
		// count, after a commune's heading or another dashed model, taken
		// for the parts of the model above them.
		// (A household's row may have its model's field, filled down.)
		field := cell(r, rc.where[colField])
		markedNum := nums != nil && listMark(nums[i]) && noCount && parent >= 0 &&
			(field == "" || field == cell(rows[parent], rc.where[colField]) && household(cell(r, rc.where[colModel]), false)) &&
			!listMark(nums[parent]) && (parent == i-1 || markedRun == i-1) && i > 0
		if markedNum {
			follows, after := next(rows[i-1].Num, rows[i].Num)
			markedNum = follows
			if parent == i-1 {
				announced = after
			} else {
				announced = announced || after
			}
		}
		if markedNum {
			markedRun = i
		}
		listed := markedNum
		if nums != nil && !listed && noCount && cell(r, rc.where[colField]) == "" && lowerLetter(nums[i]) {
			// "a | Trong đó: ngân sách | | | 500.000" under a model's
			// number: a breakdown's words, lettered as a part is, and
			// the lettered rows after it ("b | Nhân dân đóng góp"; review
			// 57: counted as models when lettered, not when unnumbered).
			listed = lettered == i-1 && i > 0 || broken[r.Num-1] ||
				breakdownWordRe.MatchString(lowerWords(strings.TrimLeftFunc(cell(r, rc.where[colModel]), isLabelMark)))
			if listed {
				lettered = i
			}
		}
		switch {
		case nums != nil && nums[i] != "" && !listed:
			parent = i
			if listMark(nums[i]) && noCount && cell(r, rc.where[colField]) == "" {
				parent = -1 // an item of a list, no model to break down
			}
			continue
		case nums == nil && (!noCount || cell(r, rc.where[colField]) != ""):
			// Without numbers, only a group's row is a parent, and only
			// of sources of money (below) that follow it.
			parent = -1
			if modelless[i] && !noCount {
				parent = i
			}
			continue
		}
		if parent < 0 || cell(r, rc.where[colField]) != "" && !markedNum || !noCount {
			continue
		}
		counted := true
		if i := rc.where[colCount]; i < 0 || cell(rows[parent], i) == "" || isDash(cell(rows[parent], i)) {
			counted = false // no count anywhere: an empty count says nothing
		}
		if modelless[parent] && !counted {
			continue // a group's row without a count: the rows under it are its members
		}
		p := rows[parent]
		own, fewer := false, false
		for _, c := range []column{colProvince, colDistrict, colCommune} {
			mine, theirs := cell(r, rc.where[c]), cell(p, rc.where[c])
			switch {
			case mine == "" && theirs != "":
				fewer = true
			case mine != "" && mine != theirs:
				own = true
			}
		}
		if own {
			continue
		}
		text := cell(r, rc.where[colModel])
		if text == "" {
			text = firstText(r.Cells())
		}
		marked := strings.TrimLeftFunc(text, func(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\t' })
		bullet := listed || marked != "" && strings.ContainsRune("-+•–—*·", []rune(marked)[0])
		worded := breakdownWordRe.MatchString(lowerWords(strings.TrimLeftFunc(text, isLabelMark)))
		// Under a group's row, a row that only names a source of money
		// ("Ngân sách", "Nhân dân"), without a unit or a status, is a
		// breakdown even with the place written again, as a CSV writes
		// it on every row (review 42).
		folded := strings.Trim(record.Fold(text), nameMarks)
		source := modelless[parent] && cell(r, rc.where[colUnit]) == "" && cell(r, rc.where[colStatus]) == "" &&
			sourceRowRe.MatchString(folded)
		if !fewer && !bullet && !worded && !source || !bullet && !worded && !source && (!counted || strings.HasPrefix(record.Fold(text), "mo hinh")) ||
			nums == nil && !source {
			continue // a model's row typed without its number, field and place ("Mô hình B")
		}
		// Sources give money, not households.
		moneyOnly := noFigure(cell(r, rc.where[colHouseholds])) && noFigure(cell(r, rc.where[colBeneficiaries]))
		hh := markedNum && household(strings.Trim(text, nameMarks), field == "")
		named := hh || markedNum && moneyOnly && sourceRowRe.MatchString(folded)
		out = append(out, subRow{row: i, parent: parent, worded: worded || bullet && !markedNum, group: modelless[parent], source: source,
			marked: markedNum, named: named, household: hh, announced: markedNum && announced})
	}
	return out
}

// nameMarks are what a row's name is trimmed of before it is read as a
// household's or a source of money's: spaces, colons, points and a
// list's marks ("- Ngân sách:").
const nameMarks = " :.-+•*–"

// totalBreakdown leaves out the rows of a table that break a total's
// money down by source: marked in the column of numbers (listMark),
// without a field, a count or households, naming a source of money
// (sourceRowRe), under a bare line of a breakdown's words ("Trong đó:")
// right after a total's row, or at the table's end after its last model,
// where their money together is no more than the total's, or the
// table's: review 60's B17 and B18, "Ngân sách nhà nước" and "Nhân dân
// đóng góp" under the total, counted as models, the money doubled; each
// commune's block so ended, review 61's D01.
func (b *builder) totalBreakdown(rc *rowConverter, lay *sheetLayout, rows []load.Row, nums []string, base int, rec []int, out []bool, kind map[int]string) {
	if nums == nil || len(lay.bareBreakdowns) == 0 || rc.where[colFunds] < 0 || rc.fundsParts != nil {
		return
	}
	source := func(i int) bool {
		r := rows[i]
		return listMark(nums[i]) && !out[i] && rec[i] >= 0 && cell(r, rc.where[colField]) == "" &&
			(cell(r, rc.where[colCount]) == "" || isDash(cell(r, rc.where[colCount]))) &&
			noFigure(cell(r, rc.where[colHouseholds])) && noFigure(cell(r, rc.where[colBeneficiaries])) &&
			sourceRowRe.MatchString(strings.Trim(record.Fold(cell(r, rc.where[colModel])), nameMarks))
	}
	for lo := 1; lo < len(rows); lo++ {
		if !source(lo) || source(lo-1) {
			continue
		}
		hi := lo + 1
		for hi < len(rows) && source(hi) {
			hi++
		}
		b.sourcesOfTotal(rc, lay, rows, base, rec, out, kind, lo, hi)
		lo = hi - 1
	}
}

// sourcesOfTotal leaves out rows[lo:hi], sources of money, when they break
// down the total above them (see totalBreakdown).
func (b *builder) sourcesOfTotal(rc *rowConverter, lay *sheetLayout, rows []load.Row, base int, rec []int, out []bool, kind map[int]string, lo, hi int) {
	// Between the row above and the sources: the total's row and the bare
	// line, or the bare line alone at the table's end.
	var total *load.Row
	bare := false
	for n := rows[lo-1].Num + 1; n < rows[lo].Num; n++ {
		switch {
		case lay.bareBreakdowns[n]:
			bare = true
		default:
			k := slices.IndexFunc(lay.totals, func(t load.Row) bool { return t.Num == n })
			if k < 0 || bare {
				return // something else between, or the total under the line
			}
			total = &lay.totals[k]
		}
	}
	if !bare || total == nil && hi < len(rows) {
		return
	}
	var whole int64 // the total's money, or the table's
	if total != nil {
		i := rc.where[colFunds]
		v, m := rc.number(cell(*total, i), qtyMoney, i, rc.table.Number(*total, i))
		if !m.IsZero() {
			return
		}
		whole = v
	} else {
		for i := range lo {
			if k := rec[i]; k >= 0 && !out[i] {
				whole += b.ds.Records[base+k].FundsVND
			}
		}
	}
	var sum int64
	for i := lo; i < hi; i++ {
		sum += b.ds.Records[base+rec[i]].FundsVND
	}
	if sum <= 0 || sum > whole {
		return
	}
	span := fmt.Sprintf("%d–%d", rows[lo].Num, rows[hi-1].Num)
	for i := lo; i < hi; i++ {
		out[i], kind[i] = true, "breakdown"
		b.warn(rc.at(rows[i].Num, 0), "", msg.New("validate.total_breakdown", rows[i].Num, msg.Quote(cell(rows[i], rc.where[colModel])),
			span, msg.Number(sum), msg.Number(whole)))
	}
}

// noFigure reports whether a cell of figures gives none: empty, a dash
// or a zero ("-", "0", "0,0").
func noFigure(c string) bool {
	return c == "" || isDash(c) || strings.Trim(c, "0.,") == "" && strings.Contains(c, "0")
}

// household reports whether a row's name is a household's: "Hộ ông
// Hoàng Văn Minh", "Hộ bà Lý Thị Hoa", "Hộ gia đình anh Tú", "Gia đình
// chị Nông Thị Mai", "Nhà ông Vi Văn Tú", "Ông Hoàng Văn Minh", "Hộ: Lý
// Thị Hoa", "Hộ Vi Văn Tú", "HỘ ÔNG HOÀNG VĂN MINH", the village after it
// or not ("…, thôn Nà Pàn", "… - thôn Nà Pàn", "… thôn Nà Pàn"), with a
// remark in brackets at its end if remark. A model's is not, even of
// households or after a person: "Hộ kinh doanh an toàn", "Hộ gia đình văn
// hóa", "Ông Hoàng Văn Minh, thôn Nà Pàn hiến đất làm đường", "Hộ ông Tư,
// nuôi bò sinh sản", "Chi Đoàn Thanh Niên thôn Nà Pàn" (review 61); nor,
// in a name all in capitals or every word so ("Hộ Nông Dân Giỏi", "HỘ
// TRỒNG NA"; review 60), anything but a person's name by its family name
// and middle name.
func household(name string, remark bool) bool {
	name = strings.TrimSpace(name)
	if i := strings.IndexAny(name, "(["); i > 0 {
		if !remark || !strings.ContainsAny(name[len(name)-1:], ")]") || strings.Count(name, "(")+strings.Count(name, "[") > 1 {
			return false // a remark in brackets at the end only: "Hộ ông Vi Văn Tú (góp ngày công)"
		}
		name = strings.TrimSpace(name[:i])
	}
	// What follows a comma, a semicolon or a dash is where the household
	// lives, or it is a model's name.
	if i := strings.IndexAny(name, ",;"); i > 0 {
		if !placePhrase(name[i+1:]) {
			return false
		}
		name = name[:i]
	}
	for _, dash := range []string{" - ", " – ", " — "} {
		if head, tail, ok := strings.Cut(name, dash); ok {
			if !placePhrase(tail) {
				return false
			}
			name = head
		}
	}
	if first, rest, ok := strings.Cut(name, ":"); ok && !strings.Contains(first, " ") {
		name = first + " " + rest // "Hộ: Hoàng Văn Minh"
	}
	words := strings.Fields(name)
	lower := strings.Fields(strings.ToLower(name)) // the keywords and titles, with their diacritics: "Chi Đoàn" is no "chị"
	folded := strings.Fields(record.Fold(name))
	if len(words) != len(folded) || len(words) != len(lower) {
		return false
	}
	// "Hộ Hoàng Văn Minh thôn Nà Pàn": the name ends at a place's type in
	// lower case, and the place's name is all that follows.
	for k := 2; k < len(words); k++ {
		if r, _ := utf8.DecodeRuneInString(words[k]); unicode.IsLower(r) && placeWords[folded[k]] {
			if !placePhrase(strings.Join(words[k:], " ")) {
				return false
			}
			words, lower, folded = words[:k], lower[:k], folded[:k]
			break
		}
	}
	if len(words) < 3 {
		return false
	}
	// cased: some word after the first is in lower case, so that the
	// capitals of the others say which words are a name.
	cased := slices.ContainsFunc(words[1:], func(w string) bool {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsLower(r)
	})
	person := func(k int) bool { // words[k:] are a person's name
		rest := folded[k:]
		if len(rest) == 0 || len(rest) > 4 || personTitles[lower[k]] || !properAfter(strings.Join(words[k:], " "), true) {
			return false
		}
		if cased {
			return true
		}
		return len(rest) >= 3 && familyNames[rest[0]] && middleNames[rest[1]]
	}
	title := func(k int) bool { return k < len(lower) && personTitles[lower[k]] && person(k+1) }
	switch {
	case lower[0] == "hộ" && lower[1] == "gia" && lower[2] == "đình":
		return title(3)
	case lower[0] == "hộ":
		return title(1) || person(1)
	case lower[0] == "gia" && lower[1] == "đình":
		return title(2)
	case lower[0] == "nhà": // "Nhà ông Hoàng Văn Minh"
		return title(1)
	case personTitles[lower[0]]: // "Ông Hoàng Văn Minh", "Bà Lý Thị Hoa"
		return title(0)
	}
	return false
}

// placePhrase reports whether a text is only a place where a household
// lives: its type in lower case and a proper name or a number, "thôn Nà
// Pàn", "xã Bắc Sơn", "tổ 5".
func placePhrase(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(words[0])
	return unicode.IsLower(r) && placeWords[record.Fold(words[0])] && properAfter(strings.Join(words[1:], " "), true)
}

// placeWords are the types of the places a household is of, folded.
var placeWords = wordSet("thon ban xom to khu ap lang buon xa phuong khoi doi cum so")

// personTitles are the words before a person's name, in lower case:
// ông, bà, anh, chị…
var personTitles = wordSet("ông bà anh chị cô chú bác cụ em o dì thím mợ")

// familyNames are Vietnamese family names, folded, the Kinh's and the
// mountain peoples' most common.
var familyNames = wordSet("nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly vi nong luong ha dinh mai " +
	"trieu lo hua hau sung giang mua thao vang sam loc chu to trinh doan lam cao quach ta thai tang luc la lieu khong tong " +
	"ma dieu quan be hac dao kieu lai lu mac ninh phung thach tieu ung vuong khuc nghiem dam nhu tao than lang tu")

// middleNames are the most common middle names, folded.
var middleNames = wordSet("van thi duc huu dinh cong ba quang xuan ngoc thanh minh trong quoc hong kim thu the tien " +
	"manh hai viet anh tuan phuong thuy nhu bao a seo mi")

// wordSet returns the set of the words of s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// lowerLetter reports whether a row's number is a lower-case letter, a
// to h, with its mark or not ("a", "b.", "c)").
func lowerLetter(n string) bool {
	n = numberText(n)
	return len(n) == 1 && n[0] >= 'a' && n[0] <= 'h'
}

// listMark reports whether a row's number is a list's mark: a dash, a
// plus, a star or a bullet.
func listMark(n string) bool {
	n = strings.TrimSpace(n)
	return isDash(n) || n == "+" || n == "*" || n == "•" || n == "·"
}

// within reports whether every figure row r (record s) gives is at most
// its parent's (record p), and one at least is not zero.
func (rc *rowConverter) within(r load.Row, s, p *record.Record) bool {
	some := false
	ok := func(i int, v, pv int64) bool {
		if c := cell(r, i); i < 0 || c == "" || isDash(c) {
			return true
		}
		some = some || v != 0
		return v <= pv
	}
	if !ok(rc.where[colFunds], s.FundsVND, p.FundsVND) || !ok(rc.where[colHouseholds], s.Households, p.Households) ||
		!ok(rc.where[colBeneficiaries], s.Beneficiaries, p.Beneficiaries) {
		return false
	}
	for k, i := range rc.extras {
		var v, pv int64
		if sl := rc.extraSlot[k]; sl < len(s.Extra) {
			v = s.Extra[sl]
		}
		if sl := rc.extraSlot[k]; sl < len(p.Extra) {
			pv = p.Extra[sl]
		}
		if !ok(i, v, pv) {
			return false
		}
	}
	return some
}
