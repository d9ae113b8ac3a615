package aggregate

import (
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
)

// refSummarize is Summarize as it was before the Index kept what it found
// of the records between summaries: a fresh index each time, each model's
// identity folded and hashed for each record, maps throughout. The tests
// below check the package against it, figure for figure.
func refSummarize(ds *record.Dataset, opts Options) (*Summary, error) {
	key := opts.Key
	if key == nil {
		key = gazetteer.UnitKey
	}
	idx := NewIndex(ds, key)
	scope, scopeKeys, err := resolveScope(idx, opts, key)
	if err != nil {
		return nil, err
	}
	inScope := func(keys *[3]string) bool { return inScopeKeys(keys, scopeKeys) }
	s := &Summary{Scope: scope, Period: opts.Period, Extras: ds.Extras, scopeKeys: scopeKeys, key: key,
		selected: make([]uint64, (len(ds.Records)+63)/64)}
	for _, sk := range scopeKeys {
		s.ScopeLevels = append(s.ScopeLevels, Level(len(sk)))
	}
	selected := make([]int32, 0, len(ds.Records))
	for i := range ds.Records {
		r := &ds.Records[i]
		if !inScope(idx.keys(i)) {
			continue
		}
		if !opts.Period.IsZero() && !opts.Period.Contains(r.Period) {
			if opts.Period.Overlaps(r.Period) {
				s.Straddling++
			}
			continue
		}
		selected = append(selected, int32(i))
		s.selected[i>>6] |= 1 << (i & 63)
	}
	level := opts.Level
	if level == LevelAuto {
		level = autoLevel(scopeKeys, selected, idx)
	}
	s.Level = level
	a := &refAccumulator{s: s, idx: idx, extras: len(ds.Extras), lines: map[[3]string]int{},
		lineOf: make([]int, len(idx.tuples)), models: opts.Models, seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}}
	for _, i := range selected {
		a.add(&ds.Records[i], int(i))
		if opts.Period.IsZero() {
			s.Period = s.Period.Union(ds.Records[i].Period)
		}
	}
	a.finish()
	if opts.Expected != nil {
		s.addExpected(opts.Expected(scope, level, s.Period), key)
	}
	var own [][]string
	for i, p := range scope {
		if s.ScopeLevels[i] == level {
			own = append(own, p)
		}
	}
	s.addExpected(own, key)
	if err := s.Total.overflowError(s.Extras); err != nil {
		return nil, err
	}
	refSortLines(s.Lines)
	slices.SortFunc(s.Quarters, func(a, b QuarterFigures) int { return int(a.Quarter - b.Quarter) })
	if s.Records == 0 && len(opts.Localities) == 0 && opts.Period.IsZero() {
		return nil, msg.New("aggregate.no_records").Wrap(ErrNoRecords)
	}
	return s, nil
}

type refAccumulator struct {
	s           *Summary
	idx         *Index
	extras      int
	lines       map[[3]string]int
	lineOf      []int
	named       map[[2]uint64]*refModel
	groups      map[[2]uint64]*refGroup
	quarters    map[record.Quarter]int
	sources     map[string]int
	lineSources map[[2]int]int
	models      bool
	seeds       [2]maphash.Seed
	buf         []byte
}

type refModel struct {
	line     int
	field    record.Field
	new, sus bool
	model    int
	origins  map[int32]*refOrigin // of rows of before the reform under a roll-up
	native   bool                 // rows after the reform (origin 0)
	first    record.Quarter       // the first quarter of those
}

type refOrigin struct {
	new, sus bool
	last     record.Quarter
}

// refGroup is a group's rows, by their origin (Record.Origin).
type refGroup struct {
	line  int
	field record.Field
	parts map[int32]*refPart
	model int
}

type refPart struct {
	first  record.Quarter
	latest record.Quarter
	count  [3]int64 // at latest, by status
	news   int64
}

// names returns the keys under which the reference compares record r's
// unit and model names: their own, or for a name without diacritics the
// key of the one name with them, of the same locality (and unit and
// field, for a model's name), that record.SameName takes for it, if there
// is one.
func (a *refAccumulator) names(r *record.Record, keys *[3]string) (unit, model string) {
	key := func(s string) string { return string(record.AppendNameKey(nil, s, false)) }
	unit, model = key(r.Unit), key(r.Model)
	plainUnit := r.Unit != "" && record.WithoutDiacritics(r.Unit)
	plainModel := r.Model != "" && record.WithoutDiacritics(r.Model)
	if !plainUnit && !plainModel {
		return unit, model
	}
	// The candidates, and the first quarter of each.
	units, models := map[string]record.Quarter{}, map[string]record.Quarter{}
	note := func(m map[string]record.Quarter, k string, q record.Quarter) {
		if first, ok := m[k]; !ok || q < first {
			m[k] = q
		}
	}
	for j := range a.idx.ds.Records {
		t := &a.idx.ds.Records[j]
		if *a.idx.keys(j) != *keys {
			continue
		}
		if plainUnit && !record.WithoutDiacritics(t.Unit) && record.SameName(r.Unit, t.Unit) {
			note(units, key(t.Unit), t.Period.Last)
		}
		if plainModel && t.Field == r.Field && string(record.AppendNameKey(nil, t.Unit, true)) == string(record.AppendNameKey(nil, r.Unit, true)) &&
			!record.WithoutDiacritics(t.Model) && record.SameName(r.Model, t.Model) {
			note(models, key(t.Model), t.Period.Last)
		}
	}
	// The one reported up to the row's quarter, or the one of all.
	pick := func(m map[string]record.Quarter, own string) string {
		var before, all []string
		for k, first := range m {
			all = append(all, k)
			if first <= r.Period.Last {
				before = append(before, k)
			}
		}
		if len(before) == 0 {
			before = all
		}
		if len(before) == 1 {
			return before[0]
		}
		return own
	}
	return pick(units, unit), pick(models, model)
}

func (a *refAccumulator) add(r *record.Record, i int) {
	s := a.s
	unassigned := r.Unassigned && s.Level == LevelCommune
	li := a.lineOf[a.idx.tuple[i]] - 1
	if li < 0 || unassigned {
		li = s.line(a.idx, i, a.lines, unassigned)
		if !unassigned {
			a.lineOf[a.idx.tuple[i]] = li + 1
		}
	}
	l := &s.Lines[li]
	l.addFlows(r, a.extras)
	l.Records++
	s.Total.addFlows(r, a.extras)
	s.Records++
	if r.Source != "" {
		si, ok := a.sources[r.Source]
		if !ok {
			if a.sources == nil {
				a.sources, a.lineSources = map[string]int{}, map[[2]int]int{}
			}
			si = len(s.Sources)
			a.sources[r.Source] = si
			s.Sources = append(s.Sources, r.Source)
			s.SourceRecords = append(s.SourceRecords, 0)
		}
		s.SourceRecords[si]++
		a.lineSources[[2]int{li, si}]++
	}
	if r.Period.Kind == record.KindQuarter {
		if a.quarters == nil {
			a.quarters = map[record.Quarter]int{}
		}
		qi, ok := a.quarters[r.Period.First]
		if !ok {
			qi = len(s.Quarters)
			a.quarters[r.Period.First] = qi
			s.Quarters = append(s.Quarters, QuarterFigures{Quarter: r.Period.First})
		}
		s.Quarters[qi].add(r, a.extras)
	}
	keys := a.idx.keys(i)
	if r.Model != "" && r.Count == 1 {
		id := a.identity(keys, r, 0xff)
		m, ok := a.named[id]
		if !ok {
			if a.named == nil {
				a.named = map[[2]uint64]*refModel{}
			}
			m = &refModel{line: li, field: r.Field, model: a.model(r, li, 1)}
			a.named[id] = m
		}
		if r.Origin == 0 {
			if !m.native || r.Period.First < m.first {
				m.first = r.Period.First
			}
			m.native = true
			m.new = m.new || r.Status == record.New
			m.sus = m.sus || r.Status == record.Sustained
		} else {
			if m.origins == nil {
				m.origins = map[int32]*refOrigin{}
			}
			o := m.origins[r.Origin]
			if o == nil {
				o = &refOrigin{}
				m.origins[r.Origin] = o
			}
			o.new = o.new || r.Status == record.New
			o.sus = o.sus || r.Status == record.Sustained
			o.last = max(o.last, r.Period.Last)
		}
		a.modelFlows(m.model, r)
		return
	}
	id := a.identity(keys, r, 0)
	g, ok := a.groups[id]
	if !ok {
		if a.groups == nil {
			a.groups = map[[2]uint64]*refGroup{}
		}
		g = &refGroup{line: li, field: r.Field, parts: map[int32]*refPart{}, model: a.model(r, li, 0)}
		a.groups[id] = g
	}
	pt, ok := g.parts[r.Origin]
	switch {
	case !ok:
		pt = &refPart{first: r.Period.First, latest: r.Period.Last}
		pt.count[r.Status] = r.Count
		g.parts[r.Origin] = pt
	case r.Period.Last > pt.latest:
		pt.latest, pt.count = r.Period.Last, [3]int64{}
		pt.count[r.Status] = r.Count
	case r.Period.Last == pt.latest:
		pt.count[r.Status] = l.sum(pt.count[r.Status], r.Count, overModels)
	}
	if r.Status == record.New {
		pt.news = l.sum(pt.news, r.Count, overModels)
	}
	pt.first = min(pt.first, r.Period.First)
	a.modelFlows(g.model, r)
}

func (a *refAccumulator) identity(keys *[3]string, r *record.Record, status byte) [2]uint64 {
	b := a.buf[:0]
	for _, k := range keys {
		b = append(append(b, k...), 0)
	}
	unit, model := a.names(r, keys)
	b = append(append(b, unit...), 0)
	unassigned := byte(0)
	if r.Unassigned {
		unassigned = 1 // a split commune's row, not the province's own
	}
	b = append(append(b, model...), 0, byte(r.Field), status, unassigned)
	a.buf = b
	return [2]uint64{maphash.Bytes(a.seeds[0], b), maphash.Bytes(a.seeds[1], b)}
}

func (a *refAccumulator) model(r *record.Record, line int, count int64) int {
	if !a.models {
		return -1
	}
	a.s.Models = append(a.s.Models, Model{Path: a.s.Lines[line].Path, Unit: r.Unit, Name: r.Model, Count: count, Field: r.Field, Status: r.Status})
	return len(a.s.Models) - 1
}

func (a *refAccumulator) modelFlows(i int, r *record.Record) {
	if i < 0 {
		return
	}
	m := &a.s.Models[i]
	m.FundsVND += r.FundsVND
	m.Households += r.Households
	m.Beneficiaries += r.Beneficiaries
}

func (a *refAccumulator) finish() {
	s := a.s
	for _, m := range a.named {
		st := func(new, sus bool) record.Status {
			switch {
			case new:
				return record.New
			case sus:
				return record.Sustained
			}
			return record.NotStated
		}
		// One model an old unit, and the new commune's own rows one
		// more only when they continue none (no old unit's rows stop
		// before theirs).
		var by [3]int64
		continued := false
		for _, o := range m.origins {
			by[st(o.new, o.sus)]++
			continued = continued || m.native && o.last < m.first
		}
		if m.native && !continued {
			by[st(m.new, m.sus)]++
		}
		var n int64
		var statuses []record.Status
		for k, c := range by {
			if c != 0 {
				s.Lines[m.line].addModels(c, m.field, record.Status(k))
				s.Total.addModels(c, m.field, record.Status(k))
				n += c
				statuses = append(statuses, record.Status(k))
			}
		}
		if m.model >= 0 {
			s.Models[m.model].Count, s.Models[m.model].Status, s.Models[m.model].ByStatus = n, statuses[0], by
			if len(statuses) > 1 {
				s.Models[m.model].Status = record.NotStated
			}
		}
	}
	for _, g := range a.groups {
		// The rows after the reform stand for all, with every part's new
		// registrations; else each old unit's part at its latest quarter.
		parts := g.parts
		var allNews int64
		for _, pt := range g.parts {
			allNews = s.Lines[g.line].sum(allNews, pt.news, overModels)
		}
		own, after := g.parts[0]
		if after {
			// The rows after the reform stand for the old units' parts
			// of before it; an old unit named after it is a part still.
			parts = map[int32]*refPart{0: own}
			allNews = own.news
			for o, pt := range g.parts {
				switch {
				case o == 0:
				case pt.latest < own.first:
					allNews = s.Lines[g.line].sum(allNews, pt.news, overModels)
				default:
					parts[o] = pt
				}
			}
		}
		var count int64
		var by [3]int64
		for _, pt := range parts {
			var n int64
			for _, c := range pt.count {
				n = s.Lines[g.line].sum(n, c, overModels)
			}
			// New as many as the period registered, then sustained as
			// the latest quarter says, then not stated.
			news := pt.news
			if after && pt == own {
				news = allNews
			}
			news = min(news, n)
			sus := min(pt.count[record.Sustained], n-news)
			count = s.Lines[g.line].sum(count, n, overModels)
			by[record.New] += news
			by[record.Sustained] += sus
			by[record.NotStated] += n - news - sus
		}
		var statuses []record.Status
		for k, n := range by {
			if n != 0 {
				s.Lines[g.line].addModels(n, g.field, record.Status(k))
				s.Total.addModels(n, g.field, record.Status(k))
				statuses = append(statuses, record.Status(k))
			}
		}
		if g.model >= 0 {
			s.Models[g.model].Count, s.Models[g.model].ByStatus = count, by
			if len(statuses) > 1 {
				s.Models[g.model].Status = record.NotStated
			} else if len(statuses) == 1 {
				s.Models[g.model].Status = statuses[0]
			}
		}
	}
	for k, n := range a.lineSources {
		l := &s.Lines[k[0]]
		l.Sources = append(l.Sources, SourceCount{Source: k[1], Records: n})
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

func refSortLines(lines []Line) {
	c := collate.New(language.Vietnamese, collate.IgnoreCase, collate.Numeric)
	var buf collate.Buffer
	keys := make([][]byte, len(lines))
	for i, l := range lines {
		k := l.keys
		if l.Partial {
			for j := len(l.Path); j < len(k); j++ {
				if k[j] == "" {
					k[j] = "\U0010FFFF"
				}
			}
		}
		keys[i] = c.KeyFromString(&buf, strings.Join(k[:], "\x01"))
	}
	order := make([]int, len(lines))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(string(keys[a]), string(keys[b])) })
	sorted := make([]Line, len(lines))
	for i, o := range order {
		sorted[i] = lines[o]
	}
	copy(lines, sorted)
}

// randomData makes a dataset that exercises what summaries count: names
// written several ways (case, spaces, diacritics placed apart), models
// reported in several quarters and statuses, group rows and rows of
// figures, periods longer than a quarter, sources, extra indicators, rows a
// roll-up could not place, provinces without districts.
func randomData(rng *rand.Rand, n int) *record.Dataset {
	type loc struct{ p, d, c string }
	locs := []loc{
		{"Lạng Sơn", "", "Xã Bắc Sơn"}, {"Lạng Sơn", "", "Xã Đình Lập"}, {"lạng  sơn", "", "xã bắc sơn"},
		{"Lạng Sơn", "", ""}, {"Đắk Nông", "Đắk Song", ""}, {"Đắk Nông", "Đắk Mil", "Xã Đức Minh"},
		{"Đắk Nông", "Đắk Mil", ""}, {"Tỉnh Khánh Hòa", "", "Phường Nha Trang"}, {"Khánh Hoà", "", "Phường Nha Trang"},
		{"Khánh Hòa", "", "Xã Cam Lâm"}, {"Bắc Sơn", "", ""}, {"Đà Nẵng", "", "Xã Bắc Sơn"},
		{"Hà Nội", "Ba Đình", "Phường Kim Mã"}, {"Hà Nội", "", "Phường Ba Đình"}, {"Hà Nội", "Ba Đình", ""},
	}
	units := []string{"Hội Phụ nữ", "hội phụ nữ", "Hội  Phụ nữ ", "HỘI PHỤ NỮ", "Đoàn Thanh niên", "Hội Nông dân", ""}
	models := []string{"Tổ tự quản", "tổ tự quản", " Tổ  tự quản", "TỔ TỰ QUẢN", "Đường hoa", "ĐƯỜNG HOA", "Camera an ninh",
		"Ấp\u00a0văn hóa", "ấp văn hóa", "Mô hình İstanbul", ""}
	sources := []string{"", "", "bc 1", "bc 2", "Báo cáo 3"}
	var periods []record.Period
	for q := record.QuarterOf(2024, 1); q <= record.QuarterOf(2026, 4); q++ {
		periods = append(periods, record.Period{First: q, Last: q, Kind: record.KindQuarter})
	}
	periods = append(periods, record.YearsPeriod(2025, 2025), record.YearsPeriod(2024, 2025),
		record.Period{First: record.QuarterOf(2025, 1), Last: record.QuarterOf(2025, 2), Kind: record.KindHalf},
		record.Period{First: record.QuarterOf(2025, 2), Last: record.QuarterOf(2025, 4), Kind: record.KindRange})
	ds := &record.Dataset{Extras: []string{"a", "b"}}
	for range n {
		l := locs[rng.IntN(len(locs))]
		r := record.Record{Province: l.p, District: l.d, Commune: l.c,
			Unit: units[rng.IntN(len(units))], Model: models[rng.IntN(len(models))], Source: sources[rng.IntN(len(sources))],
			Field: record.Field(rng.IntN(record.NumFields)), Status: record.Status(rng.IntN(3)),
			Period: periods[rng.IntN(len(periods))], Count: 1,
			FundsVND: rng.Int64N(1000), Households: rng.Int64N(10), Beneficiaries: rng.Int64N(10),
			Unassigned: l.c != "" && rng.IntN(10) == 0}
		switch rng.IntN(8) {
		case 0:
			r.Count = 0
		case 1, 2:
			r.Count = 2 + rng.Int64N(5)
		}
		if rng.IntN(3) == 0 {
			r.Extra = []int64{rng.Int64N(5), rng.Int64N(5)}[:1+rng.IntN(2)]
		}
		if r.Period.First < record.QuarterOf(2025, 3) && rng.IntN(2) == 0 || rng.IntN(5) == 0 {
			r.Origin = 1 + rng.Int32N(3) // rolled up from one of three old units, some still named after the reform
		}
		ds.Records = append(ds.Records, r)
	}
	return ds
}

// randomOptions are the options of the summaries checked: every period and
// a year ago, scopes of each level, each level, with and without models.
func randomOptions(rng *rand.Rand) []Options {
	var out []Options
	periods := []record.Period{{}, record.QuarterPeriod(2025, 3), record.QuarterPeriod(2024, 3), record.QuarterPeriod(2025, 2),
		{First: record.QuarterOf(2025, 1), Last: record.QuarterOf(2025, 3), Kind: record.KindRange},
		{First: record.QuarterOf(2024, 4), Last: record.QuarterOf(2026, 3), Kind: record.KindRange}, record.YearsPeriod(2025, 2025)}
	scopes := [][]string{nil, {"Lạng Sơn"}, {"Đắk Nông"}, {"Khánh Hòa", "Hà Nội"}, {"Xã Bắc Sơn"}, {"Lạng Sơn/Bắc Sơn"}, {"Hà Nội/Ba Đình"}, {"Phường Nha Trang"}, {"Nowhere"}}
	for _, p := range periods {
		for _, sc := range scopes {
			out = append(out, Options{Period: p, Localities: sc, Level: Level(rng.IntN(4)), Models: rng.IntN(2) == 0})
		}
	}
	return out
}

// sameSummary reports how two summaries differ, "" when they do not.
func sameSummary(got, want *Summary) string {
	switch {
	case got.Level != want.Level || got.Period != want.Period || got.Records != want.Records || got.Straddling != want.Straddling:
		return fmt.Sprintf("level %v period %v records %d straddling %d; want %v %v %d %d",
			got.Level, got.Period, got.Records, got.Straddling, want.Level, want.Period, want.Records, want.Straddling)
	case !reflect.DeepEqual(got.Total, want.Total):
		return fmt.Sprintf("total %+v; want %+v", got.Total, want.Total)
	case !reflect.DeepEqual(got.Lines, want.Lines):
		if len(got.Lines) != len(want.Lines) {
			return fmt.Sprintf("%d lines; want %d", len(got.Lines), len(want.Lines))
		}
		for i := range got.Lines {
			if !reflect.DeepEqual(got.Lines[i], want.Lines[i]) {
				return fmt.Sprintf("line %d: %+v; want %+v", i, got.Lines[i], want.Lines[i])
			}
		}
	case !reflect.DeepEqual(got.Quarters, want.Quarters):
		return fmt.Sprintf("quarters %+v; want %+v", got.Quarters, want.Quarters)
	case !reflect.DeepEqual(got.Sources, want.Sources) || !reflect.DeepEqual(got.SourceRecords, want.SourceRecords):
		return fmt.Sprintf("sources %q %v; want %q %v", got.Sources, got.SourceRecords, want.Sources, want.SourceRecords)
	case !reflect.DeepEqual(got.Models, want.Models):
		return fmt.Sprintf("models %+v; want %+v", got.Models, want.Models)
	case !reflect.DeepEqual(got.Scope, want.Scope) || !reflect.DeepEqual(got.ScopeLevels, want.ScopeLevels) ||
		!reflect.DeepEqual(got.selected, want.selected) || !reflect.DeepEqual(got.Extras, want.Extras):
		return "scope, selection or extras differ"
	}
	return ""
}

func sameResult(t *testing.T, what string, got *Summary, gotErr error, want *Summary, wantErr error) {
	t.Helper()
	if (gotErr != nil) != (wantErr != nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
		t.Errorf("%s: error %v; want %v", what, gotErr, wantErr)
		return
	}
	if gotErr != nil {
		return
	}
	if d := sameSummary(got, want); d != "" {
		t.Errorf("%s: %s", what, d)
	}
}

// The summaries of an index that has served others (its caches warm, in
// any order), and of a fresh one, are those of the previous
// implementation, figure for figure.
func TestSummarizeAsBefore(t *testing.T) {
	for seed := range uint64(12) {
		rng := rand.New(rand.NewPCG(seed, 7))
		ds := randomData(rng, 50+rng.IntN(400))
		opts := randomOptions(rng)
		idx := NewIndex(ds, nil)
		for _, k := range rng.Perm(len(opts)) {
			o := opts[k]
			want, wantErr := refSummarize(ds, o)
			got, err := Summarize(ds, o)
			sameResult(t, fmt.Sprintf("seed %d, %+v, fresh", seed, o), got, err, want, wantErr)
			got, err = idx.Summarize(o)
			sameResult(t, fmt.Sprintf("seed %d, %+v, shared", seed, o), got, err, want, wantErr)
			if err == nil && got.Index() != idx {
				t.Errorf("seed %d: the summary's index is not the one it was made with", seed)
			}
		}
	}
}

// An index serves summaries made at once (go test -race checks its locks).
func TestIndexConcurrent(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	ds := randomData(rng, 600)
	opts := randomOptions(rng)
	idx := NewIndex(ds, nil)
	want := make([]*Summary, len(opts))
	wantErr := make([]error, len(opts))
	for i, o := range opts {
		want[i], wantErr[i] = refSummarize(ds, o)
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for k := range opts {
				i := (k + w*len(opts)/4) % len(opts)
				got, err := idx.Summarize(opts[i])
				sameResult(t, fmt.Sprintf("%+v", opts[i]), got, err, want[i], wantErr[i])
			}
		})
	}
	wg.Wait()
}

// Models equal but for case and spaces are one; models that differ in a
// single part of their identity (locality, unit, name, field) are two.
func TestModelIdentity(t *testing.T) {
	q := record.QuarterPeriod(2025, 3)
	base := record.Record{Province: "Lạng Sơn", Commune: "Xã Bắc Sơn", Unit: "Hội Phụ nữ", Model: "Tổ tự quản", Field: record.Economy, Status: record.New, Period: q, Count: 1}
	variants := []func(r *record.Record){
		func(r *record.Record) { r.Unit = "HỘI  PHỤ NỮ " },
		func(r *record.Record) { r.Model = "tổ\u00a0tự quản" },
		func(r *record.Record) { r.Status = record.Sustained; r.Period = record.QuarterPeriod(2025, 2) },
		func(r *record.Record) { r.Province = "lạng sơn" },
	}
	distinct := []func(r *record.Record){
		func(r *record.Record) { r.Unit = "Hội Phụ nữ xã" },
		func(r *record.Record) { r.Model = "Tổ tự quản 2" },
		func(r *record.Record) { r.Field = record.CultureSociety },
		func(r *record.Record) { r.Commune = "Xã Đình Lập" },
		func(r *record.Record) { r.Unit, r.Model = "Hội Phụ nữ Tổ", "tự quản" }, // the same letters, cut elsewhere
	}
	ds := &record.Dataset{Records: []record.Record{base}}
	for _, v := range variants {
		r := base
		v(&r)
		ds.Records = append(ds.Records, r)
	}
	idx := NewIndex(ds, nil)
	s, err := idx.Summarize(Options{Period: record.Period{First: q.First - 1, Last: q.Last, Kind: record.KindRange}})
	if err != nil || s.Total.Models != 1 || s.Total.New != 1 {
		t.Fatalf("variants of one model: %v, %+v", err, s.Total)
	}
	for _, d := range distinct {
		r := base
		d(&r)
		ds := &record.Dataset{Records: []record.Record{base, r}}
		s, err := Summarize(ds, Options{})
		if err != nil || s.Total.Models != 2 {
			t.Errorf("%+v and %+v: %v, %d models; want 2", base, r, err, s.Total.Models)
		}
	}
}

// Index.Of tells an index of the dataset from one of another, or of a
// copy of its records.
func TestIndexOf(t *testing.T) {
	ds := randomData(rand.New(rand.NewPCG(3, 4)), 20)
	idx := NewIndex(ds, nil)
	cp := &record.Dataset{Records: slices.Clone(ds.Records)}
	moved := *ds
	moved.Records = slices.Clone(ds.Records)
	short := *ds
	short.Records = ds.Records[:10]
	var none *Index
	if !idx.Of(ds) || idx.Of(cp) || idx.Of(&moved) || idx.Of(&short) || none.Of(ds) {
		t.Error("Index.Of")
	}
	empty := &record.Dataset{}
	if e := NewIndex(empty, nil); !e.Of(empty) || e.Of(&record.Dataset{}) {
		t.Error("Index.Of, empty")
	}
}

// A summary whose figures overflow is an error with the index too.
func TestIndexOverflow(t *testing.T) {
	ds := &record.Dataset{Records: []record.Record{
		{Province: "Lạng Sơn", Period: record.QuarterPeriod(2025, 3), Count: math.MaxInt64, FundsVND: 1},
		{Province: "Lạng Sơn", Unit: "x", Period: record.QuarterPeriod(2025, 3), Count: 1, FundsVND: 1},
	}}
	idx := NewIndex(ds, nil)
	for range 2 {
		var oe *OverflowError
		if _, err := idx.Summarize(Options{}); !errors.As(err, &oe) || oe.Column != "count" {
			t.Errorf("overflow: %v", err)
		}
	}
}

// SummarizePeriods makes, in one pass, the summaries that Summarize makes
// one by one, and stops at the first error in the order of the periods.
func TestSummarizePeriodsAsBefore(t *testing.T) {
	for seed := range uint64(8) {
		rng := rand.New(rand.NewPCG(seed, 9))
		ds := randomData(rng, 50+rng.IntN(400))
		opts := randomOptions(rng)
		idx := NewIndex(ds, nil)
		var periods []record.Period
		for _, o := range opts {
			if !slices.Contains(periods, o.Period) {
				periods = append(periods, o.Period)
			}
		}
		for _, o := range opts {
			if o.Period != periods[0] {
				continue // each scope, level and model option once
			}
			ps := slices.Clone(periods)
			rng.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
			ps = ps[:1+rng.IntN(len(ps))]
			got, err := idx.SummarizePeriods(o, ps)
			var wantErr error
			for k, p := range ps {
				op := o
				op.Period = p
				want, werr := refSummarize(ds, op)
				if werr != nil {
					wantErr = werr
					break
				}
				if err == nil {
					sameResult(t, fmt.Sprintf("seed %d, %+v, %v", seed, op, ps), got[k], nil, want, nil)
				}
			}
			if (err != nil) != (wantErr != nil) || err != nil && err.Error() != wantErr.Error() {
				t.Errorf("seed %d, %+v, %v: error %v; want %v", seed, o, ps, err, wantErr)
			}
		}
	}
}

// Data over many quarters (more than a look along them serves), its rows
// sorted by locality as registers often are, sums as before.
func TestManyQuartersSortedAsBefore(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	ds := randomData(rng, 800)
	for i := range ds.Records {
		if rng.IntN(2) == 0 {
			q := record.QuarterOf(2000, 1) + record.Quarter(rng.IntN(120))
			ds.Records[i].Period = record.Period{First: q, Last: q, Kind: record.KindQuarter}
		}
	}
	slices.SortStableFunc(ds.Records, func(a, b record.Record) int {
		return strings.Compare(a.Province+"/"+a.District+"/"+a.Commune, b.Province+"/"+b.District+"/"+b.Commune)
	})
	idx := NewIndex(ds, nil)
	for _, o := range append(randomOptions(rng), Options{Period: record.YearsPeriod(2000, 2029), Level: LevelCommune}, Options{Models: true}) {
		want, wantErr := refSummarize(ds, o)
		got, err := idx.Summarize(o)
		sameResult(t, fmt.Sprintf("%+v", o), got, err, want, wantErr)
		if err == nil && o.Period.IsZero() && len(got.Quarters) <= 16 {
			t.Errorf("%d quarters", len(got.Quarters))
		}
	}
}
