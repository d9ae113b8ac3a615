// Package aggregate rolls validated records up into the figures of a report:
// one line per locality at the chosen level (province, district or commune),
// each with its models by field and status, funds mobilised, households,
// beneficiaries and extra indicators, and a total. It selects records by
// locality and period, sorts localities in Vietnamese alphabetical order and
// does no I/O; it knows nothing of labels, languages or pages.
package aggregate

import (
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

// Figures are the summed figures of a set of records.
type Figures struct {
	ByField       [record.NumFields]int64 // models per field, Unclassified at 0
	New           int64
	Sustained     int64
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

func (f *Figures) add(r *record.Record, extras int) {
	f.ByField[r.Field] = f.sum(f.ByField[r.Field], r.Count, overModels)
	if r.Status == record.Sustained {
		f.Sustained = f.sum(f.Sustained, r.Count, overModels)
	} else {
		f.New = f.sum(f.New, r.Count, overModels)
	}
	f.Models = f.sum(f.Models, r.Count, overModels)
	f.FundsVND = f.sum(f.FundsVND, r.FundsVND, overFunds)
	f.Households = f.sum(f.Households, r.Households, overHouseholds)
	f.Beneficiaries = f.sum(f.Beneficiaries, r.Beneficiaries, overBeneficiaries)
	if f.Extra == nil && extras > 0 {
		f.Extra = make([]int64, extras)
	}
	for i, v := range r.Extra {
		f.Extra[i] = f.sum(f.Extra[i], v, overExtra0<<min(i, 59))
	}
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
	// Unassigned marks the line of a province's records that a roll-up to
	// the 2025 units could not place in a commune (a split commune's).
	Unassigned bool
	Figures
	Records int // how many records the line sums
	keys    [3]string
}

// Name returns the line's own locality name, the last element of its path.
func (l Line) Name() string { return l.Path[len(l.Path)-1] }

// Summary is the aggregated figures of a report.
type Summary struct {
	Level  Level
	Scope  [][]string    // the selected localities as paths; empty for all
	Period record.Period // the report period: the one asked for, or the span of the data
	Lines  []Line        // sorted by path in Vietnamese order
	Total  Figures
	Extras []string // names of the extra indicators
	// Sources lists the distinct sources of the counted records in order
	// of first appearance.
	Sources []string
	Records int
	// Quarters are the figures per quarter of the records whose period is
	// a single quarter, in time order; records of longer periods are not
	// in any.
	Quarters []QuarterFigures
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
}

// ErrUnknownLocality is wrapped by the error for a --locality that names no
// locality in the data; ErrAmbiguousLocality by one that names several.
var (
	ErrUnknownLocality   = errors.New("unknown locality")
	ErrAmbiguousLocality = errors.New("ambiguous locality")
	ErrNoRecords         = errors.New("no records")
)

// Summarize aggregates ds as opts select.
func Summarize(ds *record.Dataset, opts Options) (*Summary, error) {
	key := opts.Key
	if key == nil {
		key = gazetteer.UnitKey
	}
	idx := newIndex(ds, key)
	var scope [][]string
	var scopeKeys [][]string
	for _, name := range opts.Localities {
		path, keys, err := idx.resolve(name)
		if err != nil {
			return nil, err
		}
		scope, scopeKeys = append(scope, path), append(scopeKeys, keys)
	}
	in := func(r *record.Record, keys *[3]string) bool {
		if !opts.Period.IsZero() && !opts.Period.Contains(r.Period) {
			return false
		}
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
	selected := make([]int, 0, len(ds.Records))
	for i := range ds.Records {
		if in(&ds.Records[i], idx.keys(i)) {
			selected = append(selected, i)
		}
	}
	if len(selected) == 0 {
		key := "aggregate.no_records"
		if len(opts.Localities) > 0 || !opts.Period.IsZero() {
			key = "aggregate.no_records_selected"
		}
		return nil, msg.New(key).Wrap(ErrNoRecords)
	}
	level := opts.Level
	if level == LevelAuto {
		level = autoLevel(scopeKeys, selected, idx)
	}
	s := &Summary{Level: level, Scope: scope, Period: opts.Period, Extras: ds.Extras}
	lines := map[[3]string]int{}
	seenSource := map[string]bool{}
	quarters := map[record.Quarter]int{}
	lineOf := make([]int, len(idx.tuples)) // by tuple: its line + 1, once known
	for _, i := range selected {
		r := &ds.Records[i]
		unassigned := r.Unassigned && level == LevelCommune
		li := lineOf[idx.tuple[i]] - 1
		if li < 0 || unassigned {
			li = s.line(idx, i, lines, unassigned)
			if !unassigned {
				lineOf[idx.tuple[i]] = li + 1
			}
		}
		l := &s.Lines[li]
		l.add(r, len(ds.Extras))
		l.Records++
		s.Total.add(r, len(ds.Extras))
		s.Records++
		if r.Source != "" && !seenSource[r.Source] {
			seenSource[r.Source] = true
			s.Sources = append(s.Sources, r.Source)
		}
		if opts.Period.IsZero() {
			s.Period = s.Period.Union(r.Period)
		}
		if r.Period.Kind == record.KindQuarter {
			qi, ok := quarters[r.Period.First]
			if !ok {
				qi = len(s.Quarters)
				quarters[r.Period.First] = qi
				s.Quarters = append(s.Quarters, QuarterFigures{Quarter: r.Period.First})
			}
			s.Quarters[qi].add(r, len(ds.Extras))
		}
	}
	// The total overflows whenever a line does.
	if err := s.Total.overflowError(s.Extras); err != nil {
		return nil, err
	}
	sortLines(s.Lines)
	slices.SortFunc(s.Quarters, func(a, b QuarterFigures) int { return int(a.Quarter - b.Quarter) })
	return s, nil
}

// line returns the index in s.Lines of record i's line, adding the line
// if it is new.
func (s *Summary) line(idx *index, i int, lines map[[3]string]int, unassigned bool) int {
	k := idx.keys(i)
	depth := int(s.Level)
	// A record without a unit at some level stops there.
	n := 0
	for n < depth && k[n] != "" {
		n++
	}
	// A commune-level row with no district still has its commune.
	if s.Level == LevelCommune && n == 1 && k[2] != "" {
		n = 3
	}
	var lk [3]string
	copy(lk[:], k[:n])
	if unassigned {
		lk[2] = "\x7funassigned" // after the province's communes
		n = 1
	}
	li, ok := lines[lk]
	if !ok {
		li = len(s.Lines)
		lines[lk] = li
		// Names as first written anywhere in the data, so that one place
		// reads the same on every line.
		var path []string
		for j := 0; j < n; j++ {
			if k[j] != "" {
				pl := idx.names[strings.Join(k[:j+1], "/")]
				path = append(path, pl.path[j])
			}
		}
		s.Lines = append(s.Lines, Line{Path: path, Partial: n < depth, Unassigned: unassigned, keys: lk})
	}
	return li
}

// autoLevel is one level below the narrowest filter, skipping a level that
// no selected record has (districts in data after the 2025 reform).
func autoLevel(scopeKeys [][]string, selected []int, idx *index) Level {
	narrowest := 0
	for _, sk := range scopeKeys {
		narrowest = max(narrowest, len(sk))
	}
	for l := narrowest + 1; l <= 3; l++ {
		for _, i := range selected {
			if idx.keys(i)[l-1] != "" {
				return Level(l)
			}
		}
	}
	return Level(max(narrowest, 1))
}

func sortLines(lines []Line) {
	c := collate.New(language.Vietnamese, collate.IgnoreCase, collate.Numeric)
	var buf collate.Buffer
	keys := make([][]byte, len(lines))
	for i, l := range lines {
		// By the names' keys, which have no unit-type prefix, so that
		// Phường and Xã sort together; a province's own line (its
		// province-wide records) comes before its districts or communes.
		keys[i] = c.KeyFromString(&buf, strings.Join(l.keys[:], "\x01"))
	}
	order := make([]int, len(lines))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return compareBytes(keys[a], keys[b]) })
	sorted := make([]Line, len(lines))
	for i, o := range order {
		sorted[i] = lines[o]
	}
	copy(lines, sorted)
}

func compareBytes(a, b []byte) int { return strings.Compare(string(a), string(b)) }

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
