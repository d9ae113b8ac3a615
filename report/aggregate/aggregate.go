// Package aggregate rolls validated records up into the figures of a report:
// one line per locality at the chosen level (province, district or commune),
// each with its models by field and status, funds mobilised, households,
// beneficiaries and extra indicators, and a total. It selects records by
// locality and period, sorts localities in Vietnamese alphabetical order and
// does no I/O; it knows nothing of labels, languages or pages.
package aggregate

import (
	"bytes"
	"cmp"
	"errors"
	"math"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
)

// Level is the granularity of a report's lines.
type Level uint8

const (
	LevelAuto     Level = 0 // one level below the narrowest filter
	LevelProvince       = Level(gazetteer.LevelProvince)
	LevelDistrict       = Level(gazetteer.LevelDistrict)
	LevelCommune        = Level(gazetteer.LevelCommune)
)

// ParseLevel reads province, district or commune (or their Vietnamese
// names tỉnh, huyện, xã); the empty string is LevelAuto.
func ParseLevel(s string) (Level, error) {
	switch record.Compact(s) {
	case "":
		return LevelAuto, nil
	case "province", "tinh":
		return LevelProvince, nil
	case "district", "huyen":
		return LevelDistrict, nil
	case "commune", "xa":
		return LevelCommune, nil
	}
	return 0, msg.New("aggregate.unknown_level", msg.Quote(s))
}

// String names the level as the gazetteer does (province, district,
// commune), whose levels these are, numbered alike; LevelAuto is "auto".
func (l Level) String() string {
	if l == LevelAuto {
		return "auto"
	}
	return gazetteer.Level(l).String()
}

// Figures are the figures of a set of records over a period. Models are a
// stock: a model reported in several quarters of the period counts once
// (see Summarize); funds, households, beneficiaries and the extra
// indicators are flows, summed over the period.
type Figures struct {
	ByField       [record.NumFields]int64 // models per field, Unclassified at 0
	NewByField    [record.NumFields]int64 // of those, the models registered new
	New           int64                   // models registered new inside the period
	Sustained     int64                   // models sustained from before it
	NotStated     int64                   // models whose rows do not say
	Models        int64
	FundsVND      int64
	Households    int64
	Beneficiaries int64
	Extra         []int64 // aligned with Summary.Extras
	// overflow has a bit for each figure whose sum went past the largest
	// int64: models (bit 0), funds, households, beneficiaries, then the
	// extra indicators from bit 4 (the ones after bit 63 share it).
	overflow uint64
}

// ExtraAt returns the figure of extra indicator i: 0 when the records
// gave none.
func (f *Figures) ExtraAt(i int) int64 {
	if i < len(f.Extra) {
		return f.Extra[i]
	}
	return 0
}

// Overflow bits of Figures.overflow.
const (
	overModels = 1 << iota
	overFunds
	overHouseholds
	overBeneficiaries
	overExtra0
)

// sum adds two figures, neither negative, noting in f.overflow a sum
// beyond the largest int64 rather than letting it wrap.
func (f *Figures) sum(a, b int64, bit uint64) int64 {
	s := a + b
	if s < a {
		f.overflow |= bit
		return math.MaxInt64
	}
	return s
}

// addFlows adds a record's flows: funds, households, beneficiaries and
// the extra indicators.
func (f *Figures) addFlows(r *record.Record, extras int) {
	f.addFlowsOf(&recordFlows{funds: r.FundsVND, households: r.Households, beneficiaries: r.Beneficiaries}, r.Extra, extras)
}

// addFlowsOf adds the flows of a record: fl, and its extra indicators
// e (nil when it has none).
func (f *Figures) addFlowsOf(fl *recordFlows, e []int64, extras int) {
	f.FundsVND = f.sum(f.FundsVND, fl.funds, overFunds)
	f.Households = f.sum(f.Households, fl.households, overHouseholds)
	f.Beneficiaries = f.sum(f.Beneficiaries, fl.beneficiaries, overBeneficiaries)
	if f.Extra == nil && extras > 0 {
		f.Extra = make([]int64, extras)
	}
	for i, v := range e {
		f.Extra[i] = f.sum(f.Extra[i], v, overExtra0<<min(i, 59))
	}
}

// addModels adds n models of a field and status.
func (f *Figures) addModels(n int64, field record.Field, st record.Status) {
	f.ByField[field] = f.sum(f.ByField[field], n, overModels)
	switch st {
	case record.New:
		f.New = f.sum(f.New, n, overModels)
		f.NewByField[field] = f.sum(f.NewByField[field], n, overModels)
	case record.Sustained:
		f.Sustained = f.sum(f.Sustained, n, overModels)
	default:
		f.NotStated = f.sum(f.NotStated, n, overModels)
	}
	f.Models = f.sum(f.Models, n, overModels)
}

// add adds a record as a flow and as models: within one quarter, where a
// model is reported once, the stock is a sum.
func (f *Figures) add(r *record.Record, extras int) {
	f.addFlows(r, extras)
	f.addModels(r.Count, r.Field, r.Status)
}

// OverflowError says that a total is beyond what the tool can count
// (9.2 × 10¹⁸): a figure of the data is surely wrong, and a wrapped total
// must never be printed.
type OverflowError struct {
	Column string // the contract's key of the figure, or an extra indicator's header
}

func (e *OverflowError) Error() string { return e.Text().String() }

// Text is the error's message.
func (e *OverflowError) Text() msg.Text { return msg.New("aggregate.overflow", msg.Quote(e.Column)) }

// In writes the error in language l.
func (e *OverflowError) In(l msg.Lang) string { return e.Text().In(l) }

// overflowError returns the error of the first overflowing figure of the
// summary: of its total, then of its lines and quarters.
func (s *Summary) overflowError() error {
	if err := s.Total.overflowError(s.Extras); err != nil {
		return err
	}
	for i := range s.Lines {
		if err := s.Lines[i].overflowError(s.Extras); err != nil {
			return err
		}
	}
	for i := range s.Quarters {
		if err := s.Quarters[i].overflowError(s.Extras); err != nil {
			return err
		}
	}
	return nil
}

// overflowError returns the error of the first overflowing figure of f.
func (f *Figures) overflowError(extras []string) error {
	if f.overflow == 0 {
		return nil
	}
	for i, name := range []string{"count", "funds_vnd", "households", "beneficiaries"} {
		if f.overflow&(1<<i) != 0 {
			return &OverflowError{Column: name}
		}
	}
	for i, name := range extras {
		if f.overflow&(overExtra0<<min(i, 59)) != 0 {
			return &OverflowError{Column: name}
		}
	}
	return &OverflowError{Column: "?"}
}

// Line is one locality of a summary.
type Line struct {
	// Path names the locality from its province down to the summary's
	// level, as the data writes the names: [Lạng Sơn] or [Đắk Nông, Đắk
	// Song]. It is shorter than the level when the records have no unit at
	// that level (a province-wide group row in a commune-level summary);
	// then Partial is true.
	Path    []string
	Partial bool
	// Communes marks a Partial line with rows that name a commune but not
	// the level between (a district-level summary's rows of after the
	// 2025 reform, which abolished districts): not all its figures are
	// the province's as a whole.
	Communes bool
	// Unassigned marks the line of a province's records that a roll-up to
	// the 2025 units could not place in a commune (a split commune's).
	Unassigned bool
	// Empty marks a unit the report expects (Options.Expected) that has
	// no record in the period: it reported nothing.
	Empty bool
	Figures
	Records int // how many records the line sums
	// Sources are the line's sources, most used first: indexes in
	// Summary.Sources with their records.
	Sources []SourceCount
	keys    [3]string
}

// Blank returns a line of l's locality without figures, marked Empty:
// the line of a summary that has none for a locality another summary has
// (a base period's, for its comparison).
func (l Line) Blank() Line {
	return Line{Path: l.Path, Partial: l.Partial, Communes: l.Communes, Unassigned: l.Unassigned, Empty: true, keys: l.keys}
}

// Name returns the line's own locality name, the last element of its path.
func (l Line) Name() string { return l.Path[len(l.Path)-1] }

// Key identifies the line's locality, whatever summary it is in: lines of
// two summaries of one dataset (two periods) with the same key are the
// same locality.
func (l Line) Key() string { return strings.Join(l.keys[:], "\x00") }

// SourceCount is a source and how many records cite it.
type SourceCount struct {
	Source  int // index in Summary.Sources
	Records int
}

// Summary is the aggregated figures of a report.
type Summary struct {
	Level  Level
	Scope  [][]string    // the selected localities as paths; empty for all
	Period record.Period // the report period: the one asked for, or the span of the data
	Lines  []Line        // sorted by path in Vietnamese order, special lines last in their province
	Total  Figures
	Extras []string // names of the extra indicators
	// Sources lists the distinct sources of the counted records in order
	// of first appearance, with how many records cite each.
	Sources []string
	// SourceRecords is, by source, how many records cite it.
	SourceRecords []int
	Records       int
	// Straddling counts the records in scope whose own period overlaps
	// the report's without lying inside it (a row of 2021–2025 in a report
	// of 2025): they are left out.
	Straddling int
	// Quarters are the figures per quarter of the records whose period is
	// a single quarter, in time order; records of longer periods are not
	// in any: LongerRecords counts them.
	Quarters      []QuarterFigures
	LongerRecords int
	// Models are the models of the scope, when Options.Models asks for
	// them: one per model (and one per group row's locality, unit, field
	// and status), by field then name.
	Models []Model
	// ScopeLevels are the levels of the Scope's localities.
	ScopeLevels []Level
	// selected has a bit for each record of the dataset the summary sums.
	selected  []uint64
	scopeKeys [][]string
	key       func(string) string
	idx       *Index
}

// Selected reports whether the summary sums record i of its dataset.
func (s *Summary) Selected(i int) bool {
	return i>>6 < len(s.selected) && s.selected[i>>6]&(1<<(i&63)) != 0
}

// Covers reports whether a locality, named as a row of the data names
// it, lies in the summary's scope: every locality when it has none.
func (s *Summary) Covers(province, district, commune string) bool {
	if len(s.scopeKeys) == 0 {
		return true
	}
	k := [3]string{s.key(province), s.key(district), s.key(commune)}
	for _, sk := range s.scopeKeys {
		if matchPath(&k, sk) {
			return true
		}
	}
	return false
}

// Model is one model of a summary, or one group of models reported
// together without a name.
type Model struct {
	Path  []string // its locality
	Unit  string
	Name  string // "" for a group
	Count int64  // 1 for a model; the group's count
	Field record.Field
	// Status is the model's status over the period: new if a row of the
	// period says new, else sustained if one says sustained; NotStated
	// too for a group (or the old communes' models of one name, rolled
	// up) of new and sustained models, which ByStatus splits.
	Status record.Status
	// ByStatus is its models by status (indexed by record.Status): they
	// add up to Count.
	ByStatus      [3]int64
	FundsVND      int64
	Households    int64
	Beneficiaries int64
}

// QuarterFigures are the figures of one quarter.
type QuarterFigures struct {
	Quarter record.Quarter
	Figures
}

// Options select and shape a summary. The zero value summarises everything
// at province level.
type Options struct {
	Localities []string      // names or paths such as "Đắk Nông/Đắk Song"; any level
	Period     record.Period // zero: every period
	Level      Level
	// Key turns a locality name into the key under which names are
	// compared and grouped; nil means gazetteer.UnitKey, the one normaliser
	// of locality names (case, tone placement, apostrophes, spacing and
	// unit-type prefixes ignored, except the types that tell two official
	// units apart). A --locality that matches no key is tried again
	// without the unit type (gazetteer.Key), then without diacritics
	// (gazetteer.FoldKey).
	Key func(string) string
	// Fallback names a locality the data does not have, if it is one: a
	// unit of the gazetteer that reported nothing. Its path is the scope of
	// an empty report, not an error.
	Fallback func(name string) (path []string, ok bool)
	// Expected lists the units a report on the scope should have a line
	// for, at its level; those without a record get an Empty line. nil
	// expects none.
	Expected func(scope [][]string, level Level, period record.Period) [][]string
	// Models asks for the list of the scope's models (Summary.Models).
	Models bool
}

// ErrUnknownLocality is wrapped by the error for a --locality that names no
// locality in the data; ErrAmbiguousLocality by one that names several.
var (
	ErrUnknownLocality   = errors.New("unknown locality")
	ErrAmbiguousLocality = errors.New("ambiguous locality")
	ErrNoRecords         = errors.New("no records")
)

// Summarize aggregates ds as opts select.
//
// Models are a stock: a model listed in several quarters of the period
// counts once, its identity being its locality (after name settling and
// roll-up), unit, name and field. It counts as new if a row of the period
// registers it new, else as sustained if one says sustained, else as not
// stated. A group row (a count of models other than one, or a row without
// a model's name) counts at the latest quarter inside the period for its
// locality, unit, name and field, whatever its rows' statuses. Funds, households, beneficiaries and the extra indicators are
// flows, summed over the period. A record whose own period overlaps the
// report's without lying inside it is left out, and counted.
func Summarize(ds *record.Dataset, opts Options) (*Summary, error) {
	return NewIndex(ds, opts.Key).summarize(opts)
}

// Summarize aggregates the index's dataset as opts select, as the
// package's Summarize does, with the index's key of names (opts.Key is
// not used). What the index found of the records for one summary serves
// the next: a summary of another period or scope of the same dataset costs
// the records it selects.
func (idx *Index) Summarize(opts Options) (*Summary, error) {
	opts.Key = idx.key
	return idx.summarize(opts)
}

// Index returns the index the summary was made with: Index.Summarize
// summarises its dataset again, for another period, at less cost.
func (s *Summary) Index() *Index { return s.idx }

// SummarizePeriods makes the summaries that Summarize would make of opts
// with each of periods as Options.Period, in one pass over the records
// rather than one for each: a report's base periods (the previous one, a
// year ago, the year to date, the quarters of a chart). It stops at the
// first error, in the order of periods.
func (idx *Index) SummarizePeriods(opts Options, periods []record.Period) ([]*Summary, error) {
	opts.Key = idx.key
	return idx.summarizeEach(opts, periods)
}

func (idx *Index) summarize(opts Options) (*Summary, error) {
	s, err := idx.summarizeEach(opts, []record.Period{opts.Period})
	if err != nil {
		return nil, err
	}
	return s[0], nil
}

// summarizeEach summarises opts with each of periods.
func (idx *Index) summarizeEach(opts Options, periods []record.Period) ([]*Summary, error) {
	key := opts.Key
	if key == nil {
		key = gazetteer.UnitKey
	}
	scope, scopeKeys, err := resolveScope(idx, opts, key)
	if err != nil {
		return nil, err
	}
	ds := idx.ds
	sums := make([]*Summary, len(periods))
	selected := make([][]int32, len(periods)) // by period, the records it sums
	for k, p := range periods {
		sums[k] = &Summary{Scope: scope, Period: p, Extras: ds.Extras, scopeKeys: scopeKeys, key: key, idx: idx,
			selected: make([]uint64, (len(ds.Records)+63)/64)}
		for _, sk := range scopeKeys {
			sums[k].ScopeLevels = append(sums[k].ScopeLevels, Level(len(sk)))
		}
	}
	if len(periods) == 1 {
		selected[0] = make([]int32, 0, len(ds.Records))
	}
	var union []int32 // the records any period sums
	for i := range ds.Records {
		if !inScopeKeys(idx.keys(i), scopeKeys) {
			continue
		}
		rp, in := ds.Records[i].Period, false
		for k, p := range periods {
			if !p.IsZero() && !p.Contains(rp) {
				if p.Overlaps(rp) {
					sums[k].Straddling++
				}
				continue
			}
			selected[k] = append(selected[k], int32(i))
			sums[k].selected[i>>6] |= 1 << (i & 63)
			in = true
		}
		if in && len(periods) > 1 {
			union = append(union, int32(i))
		}
	}
	// What the records are, found in one pass over them all.
	if len(periods) > 1 {
		idx.prepare(union, LevelAuto)
	}
	for k, p := range periods {
		o := opts
		o.Period = p
		if err := summarize(sums[k], o, selected[k]); err != nil {
			return nil, err
		}
	}
	return sums, nil
}

// Partition groups the records of ds in the scope of opts.Localities, of
// every period, by the line a summary at opts.Level (which must be set)
// would sum them on: by the line's Key. Records that a roll-up could not
// place in a 2025 commune, and those without a unit at the level (a
// province's own rows in a partition by commune), are in no part: they
// belong to the whole scope's report.
func Partition(ds *record.Dataset, opts Options) (map[string][]int, error) {
	if opts.Level == LevelAuto {
		return nil, errors.New("aggregate: Partition needs a level")
	}
	key := opts.Key
	if key == nil {
		key = gazetteer.UnitKey
	}
	idx := NewIndex(ds, key)
	_, scopeKeys, err := resolveScope(idx, opts, key)
	if err != nil {
		return nil, err
	}
	s := &Summary{Level: opts.Level}
	lines := map[[3]string]int{}
	lineOf := make([]int32, len(idx.tuples)) // by tuple: its line + 1
	parts := map[string][]int{}
	for i := range ds.Records {
		keys := idx.keys(i)
		if !inScopeKeys(keys, scopeKeys) || ds.Records[i].Unassigned && s.Level == LevelCommune {
			continue
		}
		li := int(lineOf[idx.tuple[i]]) - 1
		if li < 0 {
			li = s.line(idx, i, lines, false)
			lineOf[idx.tuple[i]] = int32(li) + 1
		}
		if l := &s.Lines[li]; !l.Partial {
			parts[l.Key()] = append(parts[l.Key()], i)
		}
	}
	return parts, nil
}

// inScopeKeys reports whether a record with keys lies in the scope.
func inScopeKeys(keys *[3]string, scopeKeys [][]string) bool {
	if len(scopeKeys) == 0 {
		return true
	}
	for _, sk := range scopeKeys {
		if matchPath(keys, sk) {
			return true
		}
	}
	return false
}

// resolveScope finds the localities of opts in the index: their paths as
// the data writes them, and their keys.
func resolveScope(idx *Index, opts Options, key func(string) string) (scope, scopeKeys [][]string, err error) {
	for _, name := range opts.Localities {
		path, keys, err := idx.resolve(name)
		if errors.Is(err, ErrUnknownLocality) && opts.Fallback != nil {
			if p, ok := opts.Fallback(QueryOf(name)); ok {
				path, keys, err = p, make([]string, len(p)), nil
				for i, n := range p {
					keys[i] = key(n)
				}
				if len(p) == 2 && isCommuneType(gazetteer.TypeOf(p[1])) {
					keys = []string{keys[0], "", keys[1]} // a 2025 commune: no district
				}
			}
		}
		if err != nil {
			return nil, nil, err
		}
		scope, scopeKeys = append(scope, path), append(scopeKeys, keys)
	}
	return scope, scopeKeys, nil
}

// summarize sums the records selected into s, a summary of opts whose
// scope and selection are set.
func summarize(s *Summary, opts Options, selected []int32) error {
	idx, ds, key, scope, scopeKeys := s.idx, s.idx.ds, s.key, s.Scope, s.scopeKeys
	level := opts.Level
	if level == LevelAuto {
		level = autoLevel(scopeKeys, selected, idx)
	}
	s.Level = level
	v := idx.prepare(selected, level)
	a := &accumulator{s: s, v: v, extras: len(ds.Extras), lines: map[[3]string]int32{},
		lineAt: make([]int32, len(v.lines)), models: opts.Models, slot: make([]int32, v.models),
		sourceAt: make([]int32, v.sources), quarterAt: make([]int32, v.quarters),
		named: make([]modelState, 0, min(len(selected), v.models))}
	s.Lines = make([]Line, 0, min(len(selected), len(v.lines)))
	for _, i := range selected {
		a.add(ds, int(i))
		if opts.Period.IsZero() {
			s.Period = s.Period.Union(ds.Records[i].Period)
		}
	}
	if opts.Period.IsZero() && s.Period.IsZero() {
		// No period asked for, and no record in the scope to give one:
		// the data's, whose span the file is named by (a twenty-fourth
		// review found "Kỳ báo cáo:" and "Trong , …" with nothing, in a
		// document to sign).
		for i := range ds.Records {
			s.Period = s.Period.Union(ds.Records[i].Period)
		}
	}
	a.finish()
	if opts.Expected != nil {
		s.addExpected(opts.Expected(scope, level, s.Period), key)
	}
	// A locality of the scope at the report's level has its line, if only
	// to say it reported nothing.
	var own [][]string
	for i, p := range scope {
		if s.ScopeLevels[i] == level {
			own = append(own, p)
		}
	}
	s.addExpected(own, key)
	// A sum past the largest figure anywhere (a line, a group of models
	// summed on its line, a quarter, the total) refuses the summary: a
	// saturated figure is never printed.
	if err := s.overflowError(); err != nil {
		return err
	}
	idx.sortLines(s.Lines, a.from)
	slices.SortFunc(s.Quarters, func(a, b QuarterFigures) int { return int(a.Quarter - b.Quarter) })
	if s.Records == 0 && len(opts.Localities) == 0 && opts.Period.IsZero() {
		return msg.New("aggregate.no_records").Wrap(ErrNoRecords)
	}
	return nil
}

// isCommuneType reports whether a unit type is a commune's.
func isCommuneType(t string) bool {
	return t == "xã" || t == "phường" || t == "thị trấn" || t == "đặc khu"
}

// addExpected adds an Empty line for each expected unit without a line.
func (s *Summary) addExpected(paths [][]string, key func(string) string) {
	if len(paths) == 0 {
		return
	}
	have := map[string]bool{}
	for _, l := range s.Lines {
		have[l.Key()] = true
	}
	for _, p := range paths {
		var k [3]string
		for i, n := range p {
			k[i] = key(n)
		}
		if s.Level == LevelCommune && len(p) == 2 {
			k[2], k[1] = k[1], "" // a 2025 commune: no district
		}
		l := Line{Path: p, Empty: true, keys: k}
		if !have[l.Key()] {
			have[l.Key()] = true
			s.Lines = append(s.Lines, l)
		}
	}
}

// accumulator adds the selected records into a summary: their flows at
// once, their models by identity, counted when all are in.
type accumulator struct {
	s      *Summary
	v      view // the index's, of the records selected
	extras int
	// lineAt is, by line of the index, its index in Summary.Lines + 1;
	// lines, by line keys.
	lineAt []int32
	lines  map[[3]string]int32
	// slot is, by identity of the index, its state + 1: in named for a
	// named model, in groups for a group.
	slot   []int32
	named  []modelState
	groups []groupState
	// quarterAt and sourceAt are, by quarter and source of the index,
	// their index in Summary.Quarters and Summary.Sources + 1.
	quarterAt, sourceAt []int32
	// lastSource is, by line, the index in its Sources of the source it
	// counted last; lineSources, by line and source, the index in the
	// line's Sources.
	lastSource  []int32
	lineSources map[[2]int32]int32
	models      bool
	from        []int32 // by line: its template
}

type modelState struct {
	line     int32
	model    int32 // in Summary.Models, or -1
	field    record.Field
	new, sus bool           // said by the rows of after the reform (Record.Origin 0)
	native   bool           // there are such rows
	first    record.Quarter // the first quarter of one
	// origins are the old units of the rows of before the reform under a
	// roll-up to the 2025 units (Record.Origin), each with what its rows
	// say of the status.
	origins []originStatus
}

// originStatus is what the rows of one old unit say of a model's status,
// and the last quarter of one.
type originStatus struct {
	origin   int32
	new, sus bool
	last     record.Quarter
}

// status is the status rows say: new if one says new, else sustained if
// one says so, else not stated.
func status(new, sus bool) record.Status {
	switch {
	case new:
		return record.New
	case sus:
		return record.Sustained
	}
	return record.NotStated
}

// statuses splits a named model's rows into models by status: one, or
// under a roll-up to the 2025 units, one for each old unit whose rows of
// that name it took (two communes' "Nuôi ong", now of one commune, are
// two: an eleventh review found them one), each with its own status (a
// twelfth review found them both new); the new commune's rows after the
// reform continue them.
func (m *modelState) statuses() (count int64, by [3]int64) {
	// The new commune's own rows continue the old units' whose rows stop
	// before its first (two old communes' into one: still two); an old
	// unit named as late as it is a model of its own (a fourteenth review
	// found it lost, a fifteenth its models lost when it stopped first).
	continued := 0
	for _, o := range m.origins {
		if m.native && o.last < m.first {
			continued++
		}
		by[status(o.new, o.sus)]++
	}
	if m.native && continued == 0 {
		by[status(m.new, m.sus)]++
	}
	return by[0] + by[1] + by[2], by
} // groupState is a group's: the parts of its rows (see groupPart) by
// origin, the rows a roll-up left as they were first when there are any.
type groupState struct {
	line  int32
	model int32
	field record.Field
	parts []groupPart
}

// groupPart is the rows of a group from one origin (Record.Origin): its
// first and latest quarters in the period and the models its rows of the
// latest count, by status, and the models its rows of the period
// registered new.
type groupPart struct {
	origin        int32
	first, latest record.Quarter
	count         [3]int64 // by record.Status
	news          int64
}

// add adds a row of quarter q, status st and count n to the part.
func (g *groupPart) add(q record.Quarter, st record.Status, n int64, sum func(a, b int64) int64) {
	if st == record.New {
		g.news = sum(g.news, n)
	}
	switch {
	case q > g.latest:
		g.latest, g.count = q, [3]int64{}
		g.count[st] = n
	case q == g.latest:
		g.count[st] = sum(g.count[st], n)
	}
}

// statuses splits the group's models, its latest quarter's, as a named
// model's status is found: new as many as its rows of the period
// registered new (at most all of them), then sustained as its latest
// quarter says, the rest not stated. Five models registered new in one
// quarter and sustained in the next are five new ones over the two (a
// tenth review found them none). Under a roll-up to the 2025 units, the
// old communes' groups of one unit, now of one commune, are summed, each
// at its own latest quarter (an eleventh review found one taken for all);
// the new commune's own rows, where it has any, stand for them all.
func (g *groupState) statuses(sum func(a, b int64) int64) (count int64, by [3]int64) {
	add := func(n int64, b [3]int64) {
		count = sum(count, n)
		for k := range b {
			by[k] += b[k]
		}
	}
	parts := g.parts
	if parts[0].origin == 0 {
		// The new commune's own rows, after the reform, stand for the
		// old units' groups whose rows stop before its first; those
		// registered new in the period are new still. An old unit named
		// as late is a group of its own (a fourteenth review found it
		// lost, a fifteenth its models lost when it stopped first).
		p := &parts[0]
		news := p.news
		var after []groupPart
		for _, o := range parts[1:] {
			if o.latest < p.first {
				news = sum(news, o.news)
			} else {
				after = append(after, o)
			}
		}
		add(p.statuses(news, sum))
		parts = after
	}
	for i := range parts {
		add(parts[i].statuses(parts[i].news, sum))
	}
	return count, by
}

// statuses splits a part's models, its latest quarter's: new as many as
// news (at most all), then sustained as its latest quarter says, the rest
// not stated.
func (g *groupPart) statuses(news int64, sum func(a, b int64) int64) (count int64, by [3]int64) {
	for _, c := range g.count {
		count = sum(count, c)
	}
	by[record.New] = min(max(news, g.count[record.New]), count)
	by[record.Sustained] = min(g.count[record.Sustained], count-by[record.New])
	by[record.NotStated] = count - by[record.New] - by[record.Sustained]
	return count, by
}

// add adds record i of ds, with what the index found of it.
func (a *accumulator) add(ds *record.Dataset, i int) {
	r := &ds.Records[i]
	s, in, p := a.s, &a.v.info[i], r.Period
	fl := &recordFlows{count: r.Count, funds: r.FundsVND, households: r.Households, beneficiaries: r.Beneficiaries}
	var e []int64
	if in.flags&extra != 0 {
		e = r.Extra
	}
	li := a.line(in, i)
	l := &s.Lines[li]
	l.addFlowsOf(fl, e, a.extras)
	l.Records++
	s.Total.addFlowsOf(fl, e, a.extras)
	s.Records++
	if in.source >= 0 {
		si := int(a.sourceAt[in.source]) - 1
		if si < 0 {
			si = len(s.Sources)
			a.sourceAt[in.source] = int32(si) + 1
			s.Sources = append(s.Sources, r.Source)
			s.SourceRecords = append(s.SourceRecords, 0)
		}
		s.SourceRecords[si]++
		a.countSource(l, li, si)
	}
	if in.quarter >= 0 {
		qi := int(a.quarterAt[in.quarter]) - 1
		if qi < 0 {
			qi = len(s.Quarters)
			a.quarterAt[in.quarter] = int32(qi) + 1
			s.Quarters = append(s.Quarters, QuarterFigures{Quarter: p.First})
		}
		// Within one quarter, where a model is reported once, the stock
		// is a sum.
		q := &s.Quarters[qi]
		q.addFlowsOf(fl, e, a.extras)
		q.addModels(fl.count, in.field, in.status)
	} else {
		s.LongerRecords++
	}
	slot := &a.slot[in.model-1]
	// A row of one named model; anything else is a group row.
	if in.flags&namedModel != 0 {
		if *slot == 0 {
			a.named = append(a.named, modelState{line: int32(li), field: in.field, model: a.model(r, li, 1)})
			*slot = int32(len(a.named))
		}
		m := &a.named[*slot-1]
		news, sus := &m.new, &m.sus
		if in.origin == 0 {
			if !m.native || p.First < m.first {
				m.first = p.First // a half-year's row starts in its first quarter (a sixteenth review)
			}
			m.native = true
		} else {
			k := slices.IndexFunc(m.origins, func(o originStatus) bool { return o.origin == in.origin })
			if k < 0 {
				m.origins = append(m.origins, originStatus{origin: in.origin, last: p.Last})
				k = len(m.origins) - 1
			}
			news, sus = &m.origins[k].new, &m.origins[k].sus
			m.origins[k].last = max(m.origins[k].last, p.Last)
		}
		*news = *news || in.status == record.New
		*sus = *sus || in.status == record.Sustained
		a.modelFlows(m.model, fl)
		return
	}
	sum := func(a, b int64) int64 { return l.sum(a, b, overModels) }
	if *slot == 0 {
		g := groupState{line: int32(li), field: in.field, model: a.model(r, li, 0), parts: []groupPart{{origin: in.origin, first: p.First, latest: p.Last}}}
		g.parts[0].add(p.Last, in.status, fl.count, sum)
		a.groups = append(a.groups, g)
		*slot = int32(len(a.groups))
		a.modelFlows(g.model, fl)
		return
	}
	g := &a.groups[*slot-1]
	k := slices.IndexFunc(g.parts, func(p groupPart) bool { return p.origin == in.origin })
	if k < 0 {
		g.parts = append(g.parts, groupPart{origin: in.origin, first: p.First, latest: p.Last})
		k = len(g.parts) - 1
		if in.origin == 0 {
			// The rows left as they were first.
			g.parts[0], g.parts[k] = g.parts[k], g.parts[0]
			k = 0
		}
	}
	g.parts[k].add(p.Last, in.status, fl.count, sum)
	g.parts[k].first = min(g.parts[k].first, p.First)
	a.modelFlows(g.model, fl)
}

// line returns the index in Summary.Lines of record i's line, adding the
// line if it is new.
func (a *accumulator) line(in *recordInfo, i int) int {
	s := a.s
	var n int32
	if in.flags&unassigned != 0 && s.Level == LevelCommune {
		n = a.v.unassignedOf[a.v.tuple[i]] - 1
	} else {
		n = a.v.lineOf[a.v.tuple[i]] - 1
	}
	if li := a.lineAt[n] - 1; li >= 0 {
		return int(li)
	}
	t := &a.v.lines[n]
	li, ok := a.lines[t.keys]
	if !ok {
		li = int32(len(s.Lines))
		a.lines[t.keys] = li
		s.Lines = append(s.Lines, t.line())
		a.from = append(a.from, n)
	}
	if t.communes {
		s.Lines[li].Communes = true // a province's rows of both kinds
	}
	a.lineAt[n] = li + 1
	return int(li)
}

// countSource counts a record of line l (li) citing source si.
func (a *accumulator) countSource(l *Line, li, si int) {
	for len(a.lastSource) <= li {
		a.lastSource = append(a.lastSource, -1)
	}
	j := a.lastSource[li]
	if j < 0 || l.Sources[j].Source != si {
		k := [2]int32{int32(li), int32(si)}
		var ok bool
		if j, ok = a.lineSources[k]; !ok {
			if a.lineSources == nil {
				a.lineSources = map[[2]int32]int32{}
			}
			j = int32(len(l.Sources))
			l.Sources = append(l.Sources, SourceCount{Source: si})
			a.lineSources[k] = j
		}
		a.lastSource[li] = j
	}
	l.Sources[j].Records++
}

// model adds an entry to Summary.Models, if asked for, and returns its
// index, or -1.
func (a *accumulator) model(r *record.Record, line int, count int64) int32 {
	if !a.models {
		return -1
	}
	a.s.Models = append(a.s.Models, Model{Path: a.s.Lines[line].Path, Unit: r.Unit, Name: r.Model, Count: count, Field: r.Field, Status: r.Status})
	return int32(len(a.s.Models) - 1)
}

// modelFlows adds a record's flows to its model's entry, if any.
func (a *accumulator) modelFlows(i int32, fl *recordFlows) {
	if i < 0 {
		return
	}
	m := &a.s.Models[i]
	m.FundsVND += fl.funds
	m.Households += fl.households
	m.Beneficiaries += fl.beneficiaries
}

// finish counts the models, once all records are in, and orders each
// line's sources.
func (a *accumulator) finish() {
	s := a.s
	for i := range a.named {
		m := &a.named[i]
		n, by := m.statuses()
		statuses, st := 0, record.NotStated
		for k, c := range by {
			if c != 0 {
				s.Lines[m.line].addModels(c, m.field, record.Status(k))
				s.Total.addModels(c, m.field, record.Status(k))
				statuses, st = statuses+1, record.Status(k)
			}
		}
		if m.model >= 0 {
			if statuses > 1 {
				st = record.NotStated // old communes' models, new and sustained
			}
			s.Models[m.model].Status, s.Models[m.model].Count, s.Models[m.model].ByStatus = st, n, by
		}
	}
	for i := range a.groups {
		g := &a.groups[i]
		l := &s.Lines[g.line]
		count, by := g.statuses(func(a, b int64) int64 { return l.sum(a, b, overModels) })
		statuses, st := 0, record.NotStated
		for k, n := range by {
			if n != 0 {
				l.addModels(n, g.field, record.Status(k))
				s.Total.addModels(n, g.field, record.Status(k))
				statuses, st = statuses+1, record.Status(k)
			}
		}
		if g.model >= 0 {
			// Rows of one quarter of new and of sustained models: their
			// entry says neither.
			s.Models[g.model].Count, s.Models[g.model].ByStatus = count, by
			switch {
			case statuses > 1:
				s.Models[g.model].Status = record.NotStated
			case statuses == 1:
				s.Models[g.model].Status = st
			}
		}
	}
	for i := range s.Lines {
		slices.SortFunc(s.Lines[i].Sources, func(x, y SourceCount) int {
			if x.Records != y.Records {
				return y.Records - x.Records
			}
			return x.Source - y.Source
		})
	}
	if a.models {
		sortModels(s.Models)
	}
}

// sortModels orders models by field (in report order, unclassified last),
// then locality, then name, in Vietnamese order.
func sortModels(ms []Model) {
	c := collate.New(language.Vietnamese, collate.IgnoreCase, collate.Numeric)
	fieldRank := func(f record.Field) int {
		if f == record.Unclassified {
			return record.NumFields
		}
		return int(f)
	}
	slices.SortStableFunc(ms, func(a, b Model) int {
		if d := fieldRank(a.Field) - fieldRank(b.Field); d != 0 {
			return d
		}
		if d := c.CompareString(strings.Join(a.Path, "/"), strings.Join(b.Path, "/")); d != 0 {
			return d
		}
		return c.CompareString(a.Name, b.Name)
	})
}

// line returns the index in s.Lines of record i's line, adding the line
// if it is new.
func (s *Summary) line(idx *Index, i int, lines map[[3]string]int, unassigned bool) int {
	l := idx.newLine(idx.tuple[i], s.Level, unassigned)
	li, ok := lines[l.keys]
	if !ok {
		li = len(s.Lines)
		lines[l.keys] = li
		s.Lines = append(s.Lines, l)
	}
	if l.Communes {
		s.Lines[li].Communes = true // a province's rows of both kinds
	}
	return li
}

// newLine returns the line at level of a record of tuple t: its keys, its
// path and whether it is partial; unassigned says the record is one a
// roll-up could not place in a commune (at commune level).
func (idx *Index) newLine(t int32, level Level, unassigned bool) Line {
	k, names := &idx.tuples[t], &idx.placeNames[idx.place[t]]
	depth := int(level)
	// A record without a unit at some level stops there.
	n := 0
	for n < depth && k[n] != "" {
		n++
	}
	// A commune-level row with no district still has its commune.
	if level == LevelCommune && n == 1 && k[2] != "" {
		n = 3
	}
	var lk [3]string
	copy(lk[:], k[:n])
	if unassigned {
		lk[2] = "\x7funassigned" // after the province's communes
		n = 1
	}
	// Names as first written anywhere in the data, so that one place
	// reads the same on every line.
	var path []string
	for j := 0; j < n; j++ {
		if k[j] != "" {
			path = append(path, names[j])
		}
	}
	communes := false // a unit named below the level the line stops at
	for j := n + 1; n < depth && j < len(k) && !unassigned; j++ {
		communes = communes || k[j] != ""
	}
	return Line{Path: slices.Clip(path), Partial: n < depth, Communes: communes, Unassigned: unassigned, keys: lk}
}

// autoLevel is one level below the narrowest filter, skipping a level that
// no selected record has (districts in data after the 2025 reform).
func autoLevel(scopeKeys [][]string, selected []int32, idx *Index) Level {
	narrowest := 0
	for _, sk := range scopeKeys {
		narrowest = max(narrowest, len(sk))
	}
	for l := narrowest + 1; l <= 3; l++ {
		for _, i := range selected {
			if idx.keys(int(i))[l-1] != "" {
				return Level(l)
			}
		}
	}
	return Level(max(narrowest, 1))
}

// sortLines sorts a summary's lines, the first of which are of the
// lineCache's templates from (by number), whose sort keys it keeps.
func (idx *Index) sortLines(lines []Line, from []int32) {
	keys := make([][]byte, len(lines))
	join := func(k [3]string) string { return strings.Join(k[:], "\x01") }
	idx.mu.Lock()
	for i, l := range lines {
		var t *lineTemplate
		if i < len(from) {
			if t = &idx.lineCache.lines[from[i]]; t.sortKey != nil {
				keys[i] = t.sortKey
				continue
			}
		}
		// By the names' keys, which have no unit-type prefix, so that
		// Phường and Xã sort together; a province's own line (its
		// province-wide records) and its records not assigned to a 2025
		// commune come after its districts or communes.
		k := l.keys
		if l.Partial {
			for j := len(l.Path); j < len(k); j++ {
				if k[j] == "" {
					k[j] = "\U0010FFFF"
				}
			}
		}
		keys[i] = idx.sortKey(k, join)
		if t != nil {
			t.sortKey = keys[i]
		}
	}
	idx.mu.Unlock()
	order := make([]int, len(lines))
	for i := range order {
		order[i] = i
	}
	// Stable: lines of equal keys stay in the order they came.
	slices.SortFunc(order, func(a, b int) int {
		if c := bytes.Compare(keys[a], keys[b]); c != 0 {
			return c
		}
		return a - b
	})
	// Line i is to be the line now at order[i]: each cycle of the
	// permutation moves its lines round.
	for i := range order {
		if order[i] < 0 {
			continue
		}
		first, j := lines[i], i
		for {
			k := order[j]
			order[j] = -1
			if k == i {
				lines[j] = first
				break
			}
			lines[j], j = lines[k], k
		}
	}
}

// matchPath reports whether a record with keys lies inside the locality
// whose path keys are sk (a suffix of the record's path: "Đắk Song" matches
// [Đắk Nông, Đắk Song, ""], and so does "Đắk Nông/Đắk Song").
func matchPath(keys *[3]string, sk []string) bool {
	// sk holds, for each level, the key or "" when any value matches.
	for j, want := range sk {
		if want != "" && keys[j] != want {
			return false
		}
	}
	return true
}

// Periods returns the periods of the records in the summary's scope,
// whatever its period, each once, in order: what the data has, for a
// summary of a period it has nothing in.
func (s *Summary) Periods() []record.Period {
	if s.idx == nil {
		return nil
	}
	seen := map[record.Period]bool{}
	var out []record.Period
	for i := range s.idx.ds.Records {
		p := s.idx.ds.Records[i].Period
		if seen[p] || !inScopeKeys(s.idx.keys(i), s.scopeKeys) {
			continue
		}
		seen[p] = true
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b record.Period) int {
		return cmp.Or(cmp.Compare(a.First, b.First), cmp.Compare(a.Last, b.Last), cmp.Compare(a.Kind, b.Kind))
	})
	return out
}
