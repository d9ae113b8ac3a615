package layout

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/compare"
	"github.com/dvkreport/dvkreport/report/format"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/names"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/templates"
)

// Form is the form a document follows.
type Form uint8

const (
	// Plain is a report without the elements of an official document: a
	// title, the figures, page numbers "Trang X/Y" on every page.
	Plain Form = iota
	// Party is the form of documents of Party bodies (Hướng dẫn
	// 36-HD/VPTW of 3 April 2018).
	Party
	// State is the form of administrative documents (Decree
	// 30/2020/NĐ-CP, Appendix I).
	State
)

// Forms are the forms by name, as --layout takes them.
var Forms = []string{"plain", "party", "state"}

// ParseForm reads a form's name: plain, party or state.
func ParseForm(s string) (Form, bool) {
	i, ok := parseName(Forms, s)
	return Form(i), ok
}

func (f Form) String() string { return nameOf(Forms, int(f), "form") }

// parseName finds a name among names, case and spaces around it ignored:
// its index, or 0 and false.
func parseName(names []string, s string) (int, bool) {
	for i, n := range names {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return i, true
		}
	}
	return 0, false
}

// nameOf is the name of value i, or kind(i) when it has none.
func nameOf(names []string, i int, kind string) string {
	if i >= 0 && i < len(names) {
		return names[i]
	}
	return kind + "(" + strconv.Itoa(i) + ")"
}

// Agency is the body that issues a report, and who signs it.
type Agency struct {
	// Parent is the superior body, as the letterhead prints it: TỈNH ỦY
	// LẠNG SƠN; it may be empty.
	Parent string
	// Name is the issuing body: BAN TUYÊN GIÁO VÀ DÂN VẬN.
	Name string
	// Symbol is the body's mark in document numbers (BTGDVTU in "Số
	// 12-BC/BTGDVTU"); empty, it is made of the initials of Name's words
	// and of Parent's first two (Symbol).
	Symbol string
	// Number is the document's number; empty leaves room to write it by
	// hand, as an office's clerk numbers documents when they go out.
	Number string
	// Place is the place of the date line: Lạng Sơn.
	Place      string
	Signer     Signer
	Recipients []string
}

// Authority is how a signer signs.
type Authority uint8

const (
	// Head signs in their own name: TRƯỞNG BAN.
	Head Authority = iota
	// Deputy signs for the head: K/T TRƯỞNG BAN over PHÓ TRƯỞNG BAN.
	Deputy
	// Collective signs on behalf of a collective body: T/M BAN THƯỜNG VỤ
	// over the position (a report of a Party committee itself).
	Collective
	// ByOrder signs by order of the head: T/L TRƯỞNG BAN over the
	// position.
	ByOrder
)

// Authorities are the authorities by name, as settings write them.
var Authorities = []string{"head", "deputy", "collective", "by_order"}

// ParseAuthority reads an authority's name.
func ParseAuthority(s string) (Authority, bool) {
	i, ok := parseName(Authorities, s)
	return Authority(i), ok
}

func (a Authority) String() string { return nameOf(Authorities, int(a), "authority") }

// Signer is who signs a report.
type Signer struct {
	Authority Authority
	// HeadTitle is the head's title, for Head, Deputy and ByOrder
	// (TRƯỞNG BAN); empty, the templates' default.
	HeadTitle string
	// Collective is the collective body for Collective (BAN THƯỜNG VỤ);
	// empty, the templates' default.
	Collective string
	// Position is the signer's own position (PHÓ TRƯỞNG BAN); empty for
	// a head, whose position is HeadTitle.
	Position string
	Name     string
}

// Options shape a document.
type Options struct {
	Form   Form
	Agency Agency
	// Date is the document's date; the zero time means the last day of
	// the period, never the clock's, so that the same data always gives
	// the same document.
	Date time.Time
	// Comparison holds the base periods' summaries; nil compares with
	// nothing.
	Comparison *compare.Comparison
	// Boundaries2025 says the records were mapped to the units in force
	// from 1 July 2025.
	Boundaries2025 bool
	// Unassigned are the rows of split communes: those that the roll-up
	// could not place in a 2025 commune, and those placed where their
	// model goes on (To); the report lists each kind in its own section,
	// with the candidate communes.
	Unassigned []names.Unassigned
	// Excluded are the problems of rows left out of the figures; a last
	// page lists them, so that nothing disappears unseen.
	Excluded []*record.InputError
	// ExcludedRows is how many rows they left out (a whole sheet's for a
	// problem of a sheet); 0 counts one a problem's row.
	ExcludedRows int
	// Models lists the summary's models; when it has none, the report
	// says so.
	Models bool
	// AllSources lists every source, however many.
	AllSources bool
	// MaxBars is how many localities a chart shows before the rest are
	// summed as one bar; 0 means 36, so that the 34 provinces all show.
	MaxBars int
}

// MaxExcludedListed is how many problems of rows left out a report lists;
// the others are counted.
const MaxExcludedListed = 200

// MaxSourcesListed is how many sources a report lists one by one; beyond
// that it lists those each locality uses most, unless Options.AllSources.
const MaxSourcesListed = 30

// ErrNoAgency is the error of an official form without an issuing body.
var ErrNoAgency = errors.New("layout: an official form needs the issuing body's name")

// builder holds what the parts of a document share.
type builder struct {
	s    *aggregate.Summary
	set  *templates.Set
	t    *templates.Texts
	f    *format.Formatter
	opts Options
	doc  *Document
	// sections and charts count the numbered headings and charts.
	sections, charts int
	// err is the first error of a sentence that keep was given.
	err error
}

// keep returns a sentence's text, keeping its error for Build to return.
func (b *builder) keep(text string, err error) string {
	if err != nil && b.err == nil {
		b.err = err
	}
	return text
}

// Build lays out the report of a summary in the language of set. An error
// is a sentence of set that does not run (a *templates.Error, naming the
// file and line), or ErrNoAgency.
func Build(s *aggregate.Summary, set *templates.Set, opts Options) (*Document, error) {
	if opts.Form != Plain && strings.TrimSpace(opts.Agency.Name) == "" {
		return nil, ErrNoAgency
	}
	if opts.MaxBars <= 0 {
		opts.MaxBars = 36
	}
	if opts.Date.IsZero() {
		opts.Date = format.EndOf(s.Period)
	}
	lang, _ := msg.ParseLang(set.Lang)
	b := &builder{s: s, set: set, t: &set.Texts, f: format.New(lang, &set.Texts), opts: opts}
	t := b.t
	period := b.f.Period(s.Period)
	b.doc = &Document{
		Title:    t.Document.Title + " – " + b.scopeName(t.Document.AllLocalities) + " – " + period,
		Subject:  t.Document.Subject,
		Author:   t.Document.Author,
		Keywords: t.Document.Keywords + "; " + period,
		Language: set.Lang,
		Date:     opts.Date,
	}
	if opts.Agency.Name != "" {
		b.doc.Author = opts.Agency.Name
	}
	if err := b.head(); err != nil {
		return nil, err
	}
	if err := b.body(); err != nil {
		return nil, err
	}
	if err := b.closing(); err != nil {
		return nil, err
	}
	if err := b.excluded(); err != nil {
		return nil, err
	}
	if b.err != nil {
		return nil, b.err
	}
	return b.doc, nil
}

func (b *builder) add(bl ...Block) { b.doc.Blocks = append(b.doc.Blocks, bl...) }

// Sizes of the forms' elements, in points, and their page setup.
type formSizes struct {
	body, table, small float64
	page               Page
}

func (b *builder) sizes() formSizes {
	switch b.opts.Form {
	case Party:
		return formSizes{body: 14, table: 10, small: 12,
			page: Page{Top: 20, Bottom: 20, Left: 30, Right: 15, Number: "{page}", NumberSize: 14, BodySize: 14}}
	case State:
		return formSizes{body: 13, table: 10, small: 11,
			page: Page{Top: 20, Bottom: 20, Left: 30, Right: 15, Number: "{page}", NumberSize: 13, BodySize: 13}}
	}
	return formSizes{body: 13, table: 10, small: 11,
		page: Page{Top: 20, Bottom: 20, Left: 30, Right: 15, Number: b.t.Document.PageOf, NumberFirst: true, NumberSize: 11, BodySize: 13}}
}

// head lays out page 1's head: the letterhead, the document's type and
// subject line of an official form, or a plain report's title.
func (b *builder) head() error {
	t := b.t
	sz := b.sizes()
	b.doc.Page = sz.page
	subject, err := b.sentence("subject", map[string]any{
		"PeriodWords": b.f.PeriodWords(b.s.Period),
		"Scope":       b.scopeName(""),
	})
	if err != nil {
		return err
	}
	a := b.opts.Agency
	date := b.f.Date(b.opts.Date)
	switch b.opts.Form {
	case Party:
		lh := &Letterhead{LeftWidth: 80, Space: 1}
		if a.Parent != "" {
			lh.Left = append(lh.Left, Line{Text: upper(a.Parent), Size: 14})
		}
		lh.Left = append(lh.Left, Line{Text: upper(a.Name), Size: 14, Bold: true}, Line{Text: t.Party.Star, Size: 14})
		lh.Right = []Line{{Text: t.Party.Heading, Size: 15, Bold: true, Rule: 1}}
		number, err := b.sentence("number_party", map[string]any{"Number": docNumber(a.Number), "Symbol": b.symbol(a)})
		if err != nil {
			return err
		}
		lh.Number = Line{Text: number, Size: 14}
		placeDate, err := b.sentence("place_date", map[string]any{"Place": a.Place, "Date": date})
		if err != nil {
			return err
		}
		lh.Date = Line{Text: placeDate, Size: 14, Italic: true}
		b.add(lh, &Centered{Space: 8, Lines: []Line{
			{Text: t.Document.Kind, Size: 16, Bold: true},
			{Text: lowerFirst(subject), Size: 14, Bold: true, Rule: 0.2},
		}})
	case State:
		lh := &Letterhead{LeftWidth: 67, Space: 2}
		if a.Parent != "" {
			lh.Left = append(lh.Left, Line{Text: upper(a.Parent), Size: 13})
		}
		lh.Left = append(lh.Left, Line{Text: upper(a.Name), Size: 13, Bold: true, Rule: 0.4})
		lh.Right = []Line{
			{Text: t.State.Nation, Size: 12, Bold: true},
			{Text: t.State.Motto, Size: 13, Bold: true, Rule: 1},
		}
		number, err := b.sentence("number_state", map[string]any{"Number": docNumber(a.Number), "Symbol": b.symbol(a)})
		if err != nil {
			return err
		}
		lh.Number = Line{Text: number, Size: 13}
		placeDate, err := b.sentence("place_date", map[string]any{"Place": a.Place, "Date": date})
		if err != nil {
			return err
		}
		lh.Date = Line{Text: placeDate, Size: 13, Italic: true}
		b.add(lh, &Centered{Space: 8, Lines: []Line{
			{Text: t.Document.Kind, Size: 14, Bold: true},
			{Text: upperFirst(subject), Size: 13, Bold: true, Rule: 0.4},
		}})
	default:
		lines := []Line{
			{Text: t.Document.Title, Size: 14, Bold: true},
			{Text: b.scopeLine(), Size: 13},
			{Text: templates.Expand(t.Document.PeriodLine, map[string]string{"period": b.f.Period(b.s.Period)}), Size: 13, Italic: true},
			{Text: b.boundaries(), Size: 11, Italic: true, Rule: 0.3},
		}
		b.add(&Centered{Lines: lines})
	}
	return nil
}

// scopeName names the report's localities, or returns all when it has
// none.
func (b *builder) scopeName(all string) string {
	if len(b.s.Scope) == 0 {
		return all
	}
	var out []string
	for _, p := range b.s.Scope {
		var parts []string
		for _, n := range p {
			if n != "" {
				parts = append(parts, n)
			}
		}
		// The locality first, then where it lies: Xã Ba Chẽ, Quảng Ninh.
		for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
			parts[i], parts[j] = parts[j], parts[i]
		}
		out = append(out, strings.Join(parts, ", "))
	}
	return strings.Join(out, "; ")
}

// scopeLine is the plain title's line of localities and level.
func (b *builder) scopeLine() string {
	return templates.Expand(b.t.Document.ScopeLine, map[string]string{
		"scope": b.scopeName(b.t.Document.AllLocalities),
		"level": b.levelName(),
	})
}

func (b *builder) levelName() string {
	switch b.s.Level {
	case aggregate.LevelDistrict:
		return b.t.Document.LevelDistrict
	case aggregate.LevelCommune:
		return b.t.Document.LevelCommune
	}
	return b.t.Document.LevelProvince
}

func (b *builder) boundaries() string {
	if b.opts.Boundaries2025 {
		return b.t.Document.Boundaries2025
	}
	return b.t.Document.BoundariesWritten
}

// sentence runs one of the templates' sentences.
func (b *builder) sentence(name string, data any) (string, error) {
	tm := b.set.Sentences.Lookup(name)
	if tm == nil {
		return "", &templates.Error{File: "report.tmpl", Err: fmt.Errorf("no sentence %q", name)}
	}
	var buf bytes.Buffer
	if err := tm.Execute(&buf, data); err != nil {
		return "", b.set.ExecError(err)
	}
	return collapse(buf.String()), nil
}

// collapse joins the lines of a sentence and its runs of spaces, tabs and
// line breaks into single spaces. Other spaces (no-break spaces, as the
// room left for a document's number) stay.
func collapse(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\r' })
	return strings.Join(f, " ")
}

// docNumber writes a document's number with two digits at least, as both
// forms number documents (Số 05-BC/…); a number that is not only digits
// stays as written.
func docNumber(n string) string {
	n = strings.TrimSpace(n)
	if len(n) == 1 && n[0] >= '1' && n[0] <= '9' {
		return "0" + n
	}
	return n
}

// symbol returns the agency's symbol, or makes one: the initials of the
// body's words but the templates' joining words, then those of the
// superior body's first two words (a Party form's symbol names both: BAN
// TUYÊN GIÁO VÀ DÂN VẬN of TỈNH ỦY LẠNG SƠN is BTGDVTU; a State form's
// only the body: BTGDV).
func (b *builder) symbol(a Agency) string {
	if a.Symbol != "" {
		return a.Symbol
	}
	initials := func(s string, n int) string {
		var out []rune
		for _, w := range strings.Fields(s) {
			if n == 0 {
				break
			}
			if b.skipWord(w) {
				continue
			}
			r := []rune(record.Fold(w))
			if len(r) == 0 {
				continue
			}
			first := []rune(w)[0]
			if first == 'Đ' || first == 'đ' {
				out = append(out, 'Đ')
			} else {
				out = append(out, unicode.ToUpper(r[0]))
			}
			n--
		}
		return string(out)
	}
	sym := initials(a.Name, -1)
	if b.opts.Form == Party {
		sym += initials(a.Parent, 2)
	}
	return sym
}

func (b *builder) skipWord(w string) bool {
	for _, s := range b.t.Document.SymbolSkip {
		if strings.EqualFold(s, w) {
			return true
		}
	}
	return false
}

// closing lays out the recipients and the signature of an official form.
func (b *builder) closing() error {
	if b.opts.Form == Plain {
		return nil
	}
	t := b.t
	a := b.opts.Agency
	sg := a.Signer
	head := sg.HeadTitle
	if head == "" {
		head = t.Signature.HeadTitle
	}
	collective := sg.Collective
	if collective == "" {
		collective = t.Signature.Collective
	}
	forms := t.Party.Authority
	if b.opts.Form == State {
		forms = t.State.Authority
	}
	values := map[string]string{"head": upper(head), "collective": upper(collective)}
	c := &Closing{LeftWidth: 80, Gap: 28}
	size := 14.0
	positionBold := false
	recipientsLabel := Line{Text: t.Party.Recipients, Size: 14, Underline: true}
	recipientSize := 12.0
	archive := t.Party.Archive
	if b.opts.Form == State {
		c.LeftWidth = 67
		size = 13
		positionBold = true
		recipientsLabel = Line{Text: t.State.Recipients, Size: 12, Bold: true, Italic: true}
		recipientSize = 11
		archive = t.State.Archive
	}
	position := upper(sg.Position)
	switch sg.Authority {
	case Head:
		if position == "" {
			position = upper(head)
		}
		c.Authority = []Line{{Text: position, Size: size, Bold: true}}
	default:
		form := forms.Deputy
		switch sg.Authority {
		case Collective:
			form = forms.Collective
		case ByOrder:
			form = forms.ByOrder
		}
		c.Authority = []Line{{Text: templates.Expand(form, values), Size: size, Bold: true}}
		if position != "" {
			c.Authority = append(c.Authority, Line{Text: position, Size: size, Bold: positionBold})
		}
	}
	c.Name = Line{Text: sg.Name, Size: size, Bold: true}
	c.Left = []Line{recipientsLabel}
	items := append(clean(a.Recipients), archive)
	for i, r := range items {
		r = strings.TrimRight(r, ";,. ")
		end := ";"
		if i == len(items)-1 {
			end = "."
		}
		c.Left = append(c.Left, Line{Text: "- " + r + end, Size: recipientSize})
	}
	b.add(c)
	return nil
}

// clean drops the empty strings of ss and trims the others.
func clean(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// upper writes a name in capitals, as letterheads and signatures print
// them.
func upper(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// lowerFirst and upperFirst change the case of a text's first letter: a
// Party form's subject line begins in lower case, a State form's with a
// capital.
func lowerFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToLower(r)) + s[i+len(string(r)):]
	}
	return s
}

func upperFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// romans are the section numbers.
var romans = []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"}

// section adds a numbered section heading: "I- " in the Party form, as
// 36-HD numbers its own parts, "I. " otherwise.
func (b *builder) section(title string) {
	n := strconv.Itoa(b.sections + 1)
	if b.sections < len(romans) {
		n = romans[b.sections]
	}
	b.sections++
	sep := ". "
	if b.opts.Form == Party {
		sep = "- "
	}
	b.add(&Section{Title: n + sep + title, Size: b.sizes().body})
}

// paragraph adds body text.
func (b *builder) paragraph(text string) {
	if text != "" {
		b.add(&Paragraph{Text: text, Size: b.sizes().body, Indent: 10})
	}
}

// Email returns the subject and body of the email that carries a report:
// the templates' sentences mail_subject and mail_body, given the report's
// summary paragraph, its file's name and its pages.
func Email(s *aggregate.Summary, set *templates.Set, opts Options, file string, pages int) (subject, body string, err error) {
	if opts.MaxBars <= 0 {
		opts.MaxBars = 36
	}
	if opts.Date.IsZero() {
		opts.Date = format.EndOf(s.Period)
	}
	lang, _ := msg.ParseLang(set.Lang)
	b := &builder{s: s, set: set, t: &set.Texts, f: format.New(lang, &set.Texts), opts: opts}
	summary, err := b.summary()
	if err != nil {
		return "", "", err
	}
	data := map[string]any{
		"PeriodWords": b.f.PeriodWords(s.Period),
		"Period":      b.f.Period(s.Period),
		"Scope":       b.scopeName(""),
		"Agency":      opts.Agency.Name,
		"Signer":      opts.Agency.Signer.Name,
		"Summary":     summary,
		"File":        file,
		"Pages":       b.f.Int(int64(pages)),
	}
	if subject, err = b.sentence("mail_subject", data); err != nil {
		return "", "", err
	}
	var buf bytes.Buffer
	tm := set.Sentences.Lookup("mail_body")
	if tm == nil {
		return "", "", &templates.Error{File: "report.tmpl", Err: fmt.Errorf("no sentence %q", "mail_body")}
	}
	if err := tm.Execute(&buf, data); err != nil {
		return "", "", set.ExecError(err)
	}
	return subject, strings.TrimSpace(buf.String()) + "\n", nil
}
