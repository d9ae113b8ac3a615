package aggregate

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
)

// An Index is a dataset made ready for summaries: the keys of its
// records' provinces, districts and communes, and, as summaries need them,
// the identities of their models, so that summaries of several periods or
// scopes of one dataset (a report and its comparisons) find them once.
// Records share their keys through tuples: one for each distinct triple
// of names as written, so that a record costs one look-up, not one per
// name.
//
// An Index is of the records as they are when it is made: change them and
// make another. It is safe for concurrent use.
type Index struct {
	ds     *record.Dataset
	first  *record.Record // &ds.Records[0] when made, to tell another slice
	tuple  []int32        // by record: its tuple
	tuples [][3]string    // by tuple: the keys of its names
	place  []int32        // by tuple: its keys' number; tuples of equal keys share it
	places int            // how many
	// placeNames are, by place, the names of its levels as first written
	// anywhere in the data ("" for a level it has none at).
	placeNames [][3]string
	names      map[string]place    // path key → the place, as first written
	keyFunc    func(string) string // the key of a name, "" for ""
	key        func(string) string // as given, nil for the default

	// mu guards what summaries find as they go: the records' models
	// (models.go) and the lines' sort keys.
	mu sync.Mutex
	recordModels
	lineCache
	sortKeys
}

// keys returns the keys of record i's province, district and commune.
func (idx *Index) keys(i int) *[3]string { return &idx.tuples[idx.tuple[i]] }

type place struct {
	path []string // display names
	keys []string
}

// NewIndex indexes ds for summaries with key, the key of a locality name
// (nil: gazetteer.UnitKey; see Options.Key).
func NewIndex(ds *record.Dataset, key func(string) string) *Index {
	unitKey := key
	if unitKey == nil {
		unitKey = gazetteer.UnitKey
	}
	idx := &Index{ds: ds, key: key, tuple: make([]int32, len(ds.Records)),
		names: map[string]place{}}
	if len(ds.Records) > 0 {
		idx.first = &ds.Records[0]
	}
	cache := map[string]string{}
	k := func(s string) string {
		if s == "" {
			return ""
		}
		v, ok := cache[s]
		if !ok {
			v = unitKey(s)
			cache[s] = v
		}
		return v
	}
	var id []byte
	tuples := map[[3]string]int32{} // names as written → tuple
	places := map[[3]string]int32{} // keys → their number
	for i := range ds.Records {
		r := &ds.Records[i]
		// A register's rows of one commune often follow one another.
		if i > 0 {
			if p := &ds.Records[i-1]; r.Commune == p.Commune && r.Province == p.Province && r.District == p.District {
				idx.tuple[i] = idx.tuple[i-1]
				continue
			}
		}
		names := [3]string{r.Province, r.District, r.Commune}
		t, ok := tuples[names]
		if !ok {
			t = int32(len(idx.tuples))
			tuples[names] = t
			idx.tuples = append(idx.tuples, [3]string{k(r.Province), k(r.District), k(r.Commune)})
		}
		idx.tuple[i] = t
		if ok {
			continue
		}
		keys := idx.tuples[t]
		pi, seen := places[keys]
		if !seen {
			pi = int32(len(places))
			places[keys] = pi
		}
		idx.place = append(idx.place, pi)
		if seen {
			continue
		}
		var pn [3]string // the place's names, as first written anywhere
		for j := 0; j < 3; j++ {
			if keys[j] == "" {
				continue
			}
			// The path key of the place's first j+1 levels: their keys
			// joined by "/".
			id = id[:0]
			for l, k := range keys[:j+1] {
				if l > 0 {
					id = append(id, '/')
				}
				id = append(id, k...)
			}
			pl, ok := idx.names[string(id)]
			if !ok {
				// Each level is named as first written anywhere: the
				// levels above as their places were.
				p := slices.Clone(names[:j+1])
				for l := 0; l < j; l++ {
					if keys[l] != "" {
						p[l] = pn[l]
					}
				}
				pl = place{path: p, keys: slices.Clone(keys[:j+1])}
				idx.names[string(id)] = pl
			}
			pn[j] = pl.path[j]
		}
		idx.placeNames = append(idx.placeNames, pn)
	}
	idx.places = len(places)
	// Not the cache, which summaries running at once would share.
	idx.keyFunc = func(s string) string {
		if s == "" {
			return ""
		}
		return unitKey(s)
	}
	return idx
}

// Of reports whether idx is an index of ds: made of it, and of the same
// records (not of a copy, nor of a dataset whose records were replaced).
func (idx *Index) Of(ds *record.Dataset) bool {
	if idx == nil || idx.ds != ds || len(ds.Records) != len(idx.tuple) {
		return false
	}
	return len(ds.Records) == 0 || &ds.Records[0] == idx.first
}

// resolve finds the one place that a --locality value names: a name at any
// level or a path of names separated by "/". It returns the place's display
// path and its keys by level ("" for a level the place does not fix).
func (idx *Index) resolve(query string) ([]string, []string, error) {
	// A split names its parts by their paths exactly (ExactPath): a name
	// may hold a slash itself ("Xã Vũ Lễ/Vũ Lăng", a merged commune
	// written so), which read as names between slashes made the report
	// of Xã Vũ Lăng (a twenty-fourth review). A part with no place in
	// the data (a unit that reported nothing) is looked for as a path.
	if path, ok := exactPath(query); ok {
		// By the names' keys: a part's own rows may write its province
		// otherwise than the whole's first row did ("mới lập", "Tỉnh Mới
		// Lập"; a twenty-sixth review found such a part refused).
		qk := make([]string, len(path))
		for i, n := range path {
			qk[i] = idx.keyFunc(n)
		}
		for _, pl := range idx.names {
			if slices.Equal(nonEmpty(pl.keys), qk) {
				// Named as the split names it, not as its own first row
				// writes it ("Xã Hai, mới lập" in a title).
				named, k := slices.Clone(pl.path), 0
				for i := range named {
					if named[i] != "" && k < len(path) {
						named[i], k = path[k], k+1
					}
				}
				return named, pl.keys, nil
			}
		}
		query = joinPath(path)
	}
	// A user's query that is a place's whole path as the data writes it,
	// slashes in its names and all, is that place, unless it reads as
	// another's path too: then it is ambiguous, never silently one (a
	// twenty-fifth review found "Lạng Sơn/Bắc Sơn/Vũ Lăng" taken for the
	// commune written "Bắc Sơn/Vũ Lăng" rather than Xã Vũ Lăng of Huyện
	// Bắc Sơn).
	var exact *place
	if q := strings.TrimSpace(query); strings.Contains(q, "/") && !strings.Contains(q, pathMark) {
		var all []place
		for _, pl := range idx.names {
			if strings.EqualFold(strings.Join(nonEmpty(pl.path), "/"), q) {
				all = append(all, pl)
			}
		}
		if len(all) == 1 {
			exact = &all[0]
		}
	}
	path, keys, err := idx.resolvePath(query)
	switch {
	case exact == nil:
		return path, keys, err
	case err == nil && slices.Equal(keys, exact.keys):
		return path, keys, nil
	case err == nil:
		paths := []string{strings.Join(nonEmpty(exact.path), " "+pathMark+" "), strings.Join(nonEmpty(path), " "+pathMark+" ")}
		return nil, nil, msg.New("aggregate.ambiguous_locality", msg.Quote(query), quoted(paths), msg.Quote(paths[1])).Wrap(ErrAmbiguousLocality)
	}
	return exact.path, exact.keys, nil
}

// joinPath writes a path as a --locality reads it: names between "/",
// or between " › " when a name holds a slash.
func joinPath(path []string) string {
	for _, n := range path {
		if strings.Contains(n, "/") {
			return strings.Join(path, " "+pathMark+" ")
		}
	}
	return strings.Join(path, "/")
}

// ExactPath is a locality for Options.Localities that names the place of
// path, as a summary's line names it, exactly: its names are never read
// as names between slashes, nor matched loosely.
func ExactPath(path []string) string { return exactMark + strings.Join(path, exactSep) }

const exactMark, exactSep = "\x00", "\x1f"

// pathMark separates the names of a path where a name may hold a slash.
const pathMark = "›"

// exactPath returns the path of an ExactPath locality.
func exactPath(l string) ([]string, bool) {
	rest, ok := strings.CutPrefix(l, exactMark)
	if !ok {
		return nil, false
	}
	return strings.Split(rest, exactSep), true
}

// QueryOf is a locality as a user would write it: an ExactPath's names
// joined by "/".
func QueryOf(l string) string {
	if path, ok := exactPath(l); ok {
		return strings.Join(path, "/")
	}
	return l
}

// resolvePath finds the one place a query names as names between slashes.
func (idx *Index) resolvePath(query string) ([]string, []string, error) {
	var parts, qk []string
	sep := "/"
	if strings.Contains(query, pathMark) {
		// "Lạng Sơn › Bắc Sơn/Vũ Lăng": names between "›", slashes in
		// them, as the messages write paths (a twenty-sixth review found
		// a suggested "A › B" read as one name, another place's).
		sep = pathMark
	}
	for _, p := range strings.Split(query, sep) {
		p = strings.TrimSpace(p)
		if k := idx.keyFunc(p); k != "" {
			parts, qk = append(parts, p), append(qk, k)
		}
	}
	if len(qk) == 0 {
		return nil, nil, msg.New("aggregate.empty_locality").Wrap(ErrUnknownLocality)
	}
	var found []place
	for _, pl := range idx.names {
		if endsWithPath(pl.keys, qk) {
			found = append(found, pl)
		}
	}
	// Without the unit type ("Hiệp Hòa" names both Thị trấn and Xã Hiệp
	// Hòa: ambiguous), then without diacritics ("lang son" finds Lạng Sơn).
	for _, loose := range []func(string) string{gazetteer.Key, gazetteer.FoldKey} {
		if len(found) > 0 {
			break
		}
		lq := make([]string, len(parts))
		for i, p := range parts {
			lq[i] = loose(p)
		}
		for _, pl := range idx.names {
			var lk []string
			for j, name := range pl.path {
				if pl.keys[j] != "" {
					lk = append(lk, loose(name))
				} else {
					lk = append(lk, "")
				}
			}
			if endsWithPath(lk, lq) {
				found = append(found, pl)
			}
		}
	}
	// A unit type the query writes is a level: "Huyện Bắc Sơn" is no
	// commune, though without its type it names Xã Bắc Sơn (a ninth
	// review found a district's report, under --boundaries 2025 where
	// there are no districts, made of that commune's rows without a word).
	if typ := gazetteer.TypeOf(parts[len(parts)-1]); typ != "" {
		found = slices.DeleteFunc(found, func(pl place) bool {
			level := gazetteer.LevelProvince
			for i, k := range pl.keys {
				if k != "" {
					level = gazetteer.LevelProvince + gazetteer.Level(i)
				}
			}
			return !gazetteer.TypeFits(typ, level, placeType(pl))
		})
	}
	if len(found) > 1 {
		found = preferred(found, parts[len(parts)-1])
	}
	switch len(found) {
	case 1:
		return found[0].path, found[0].keys, nil
	case 0:
		m := msg.New("aggregate.unknown_locality", msg.Quote(query))
		if near := idx.suggest(qk[len(qk)-1]); len(near) > 0 {
			m = msg.New("did_you_mean", m, near)
		}
		return nil, nil, m.Wrap(ErrUnknownLocality)
	}
	var paths []string
	for _, pl := range found {
		paths = append(paths, joinPath(nonEmpty(pl.path)))
	}
	slices.Sort(paths)
	// The example is a path, longer than what was typed.
	example := paths[0]
	for _, p := range paths {
		if strings.Count(p, "/") > strings.Count(query, "/") {
			example = p
			break
		}
	}
	return nil, nil, msg.New("aggregate.ambiguous_locality", msg.Quote(query), quoted(paths), msg.Quote(example)).Wrap(ErrAmbiguousLocality)
}

// endsWithPath reports whether the non-empty keys of a place end with q,
// the place's own key being the last of q.
func endsWithPath(keys, q []string) bool {
	var ks []string
	for _, k := range keys {
		if k != "" {
			ks = append(ks, k)
		}
	}
	if len(q) > len(ks) || keys[len(keys)-1] == "" {
		return false
	}
	off := len(ks) - len(q)
	for i := range q {
		if ks[off+i] != q[i] {
			return false
		}
	}
	return true
}

func nonEmpty(s []string) []string {
	var out []string
	for _, v := range s {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

// quoted quotes each of texts, for a list in a message.
func quoted(texts []string) msg.List {
	l := make(msg.List, len(texts))
	for i, s := range texts {
		l[i] = msg.Quote(s)
	}
	return l
}

// suggest names up to three known localities closest to key.
func (idx *Index) suggest(key string) msg.List {
	type cand struct {
		name string
		d    int
	}
	var cands []cand
	seen := map[string]bool{}
	for _, pl := range idx.names {
		name := strings.Join(nonEmpty(pl.path), "/")
		if seen[name] {
			continue
		}
		seen[name] = true
		d := distance(gazetteer.FoldKey(key), gazetteer.FoldKey(pl.path[len(pl.path)-1]))
		if d <= max(2, utf8.RuneCountInString(key)/2) {
			cands = append(cands, cand{name, d})
		}
	}
	if len(cands) == 0 {
		return nil
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if a.d != b.d {
			return a.d - b.d
		}
		return strings.Compare(a.name, b.name)
	})
	var names msg.List
	for i := 0; i < len(cands) && i < 3; i++ {
		names = append(names, cands[i].name)
	}
	return names
}

// distance is the Levenshtein distance between a and b in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// preferred narrows the places a name matched to those it most likely
// means. A unit type written in the name keeps the places of that type
// ("Tỉnh Lạng Sơn", "Thành phố Lạng Sơn"); without one, a province wins
// over a district or commune of the same name, since a province's capital
// often bears its name (Lạng Sơn, Thành phố Lạng Sơn). Otherwise the
// places stay, for the caller to report as ambiguous.
func preferred(found []place, name string) []place {
	if typ := gazetteer.TypeOf(name); typ != "" {
		var of []place
		for _, pl := range found {
			if placeType(pl) == typ {
				of = append(of, pl)
			}
		}
		if len(of) > 0 {
			return of
		}
		return found
	}
	var provinces []place
	for _, pl := range found {
		if len(nonEmpty(pl.keys)) == 1 && pl.keys[0] != "" {
			provinces = append(provinces, pl)
		}
	}
	if len(provinces) == 1 {
		return provinces
	}
	return found
}

// placeType is the unit type of a place: the one its own name is written
// with, or for a province, the gazetteer's.
func placeType(pl place) string {
	name := pl.path[len(pl.path)-1]
	if typ := gazetteer.TypeOf(name); typ != "" {
		return typ
	}
	if len(nonEmpty(pl.keys)) == 1 {
		g := gazetteer.Default()
		for _, era := range []gazetteer.Era{gazetteer.Era2025, gazetteer.EraPre2025} {
			if u, err := g.Province(era, name); err == nil {
				return u.Type
			}
		}
	}
	return ""
}
