package gazetteer

import (
	_ "embed" // the official lists
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/dvkreport/dvkreport/report/gazetteer/internal/namekey"
)

// The official lists; see data/PROVENANCE.md.
var (
	//go:embed data/provinces-2025.csv
	provinces2025CSV string
	//go:embed data/communes-2025.csv
	communes2025CSV string
	//go:embed data/provinces-2008.csv
	provinces2008CSV string
	//go:embed data/districts-2008.csv
	districts2008CSV string
	//go:embed data/communes-2008.csv
	communes2008CSV string
	//go:embed data/old_to_new.csv
	oldToNewCSV string
	//go:embed data/snapshot-2022-10/provinces.csv
	provinces2022CSV string
	//go:embed data/snapshot-2022-10/districts.csv
	districts2022CSV string
	//go:embed data/snapshot-2022-10/communes.csv
	communes2022CSV string
)

// Gazetteer is the indexed list of administrative units of both eras and
// the official conversion table between them. Each part is parsed on first
// use. A Gazetteer is immutable and safe for concurrent use.
type Gazetteer struct {
	// eras returns the data of Era2025 and EraPre2025, built on first use.
	eras [len(Eras)]func() (*eraData, error)
	// order returns, for each era, each unit's position in the Vietnamese
	// alphabetical order of its era, computed on first use.
	order [len(Eras)]func() []int32
	// rollup returns the conversion table, parsed on first use.
	rollup func() (*rollupTable, error)
}

// eraData holds the units of one era and their indexes. Unit ids are
// positions in units.
type eraData struct {
	era   Era
	units []Unit
	// code maps a code to its unit (codes of different levels differ in length).
	code map[string]int32
	// exact and folded map the normalised and folded short names of the
	// units of each level (index Level-1) to the last unit with that name
	// (in code order); nextExact and nextFolded chain each unit to the
	// previous unit of its level with the same name, or -1.
	exact, folded         [3]map[string]int32
	nextExact, nextFolded []int32
	// keys and fkeys are the normalised and folded short name of each unit.
	keys, fkeys []string
	// level lists the ids of each level (index Level-1), in code order.
	level [3][]int32
	// communes and districts list, for a province or district id, the ids
	// of its communes and districts, in code order.
	communes, districts [][]int32
}

// shared is the gazetteer of the embedded lists.
var shared = sync.OnceValue(New)

// Default returns the shared gazetteer of the embedded official lists. It is
// created once; its lists are parsed and indexed lazily (see New).
func Default() *Gazetteer {
	return shared()
}

// New returns a gazetteer of the embedded official lists. It parses
// nothing: the lists of an era are parsed and indexed on the first lookup in
// that era (about 4 ms for Era2025 and 15 ms for EraPre2025), the
// conversion table on the first roll-up (about 4 ms more), and the
// alphabetical order of an era on the first list that needs it. Most programs use Default instead.
//
// Parsing fails only if the embedded data is corrupt, which the package's
// tests rule out; lookups then return the error, and methods that return
// only a list return nil. Check reports such an error up front.
func New() *Gazetteer {
	g := &Gazetteer{}
	for i, era := range Eras {
		g.eras[i] = sync.OnceValues(func() (*eraData, error) { return buildEra(era, eraFiles[i]) })
		g.order[i] = sync.OnceValue(func() []int32 {
			ed, err := g.eras[i]()
			if err != nil {
				return nil
			}
			return buildOrder(ed)
		})
	}
	g.rollup = sync.OnceValues(g.buildRollup)
	return g
}

// Check parses everything g has not parsed yet (both eras and the
// conversion table) and returns the first inconsistency found in the
// embedded data, or nil. It never fails for the data shipped with this
// package; programs may call it at start-up to fail early.
func (g *Gazetteer) Check() error {
	for _, era := range Eras {
		if _, err := g.era(era); err != nil {
			return err
		}
	}
	_, err := g.rollup()
	return err
}

// unitFile describes one embedded unit list.
type unitFile struct {
	name   string
	data   string
	level  Level
	header []string
	parent int // column of the parent code, or -1
}

var (
	eraFiles = [len(Eras)][]unitFile{
		{ // Era2025
			{"data/provinces-2025.csv", provinces2025CSV, LevelProvince, []string{"code", "name", "type", "full_name"}, -1},
			{"data/communes-2025.csv", communes2025CSV, LevelCommune, []string{"code", "name", "type", "province_code", "full_name"}, 3},
		},
		{ // EraPre2025
			{"data/provinces-2008.csv", provinces2008CSV, LevelProvince, []string{"code", "name", "type", "parent_code", "full_name"}, -1},
			{"data/districts-2008.csv", districts2008CSV, LevelDistrict, []string{"code", "name", "type", "parent_code", "full_name"}, 3},
			{"data/communes-2008.csv", communes2008CSV, LevelCommune, []string{"code", "name", "type", "parent_code", "full_name"}, 3},
		},
		{ // Era2022
			{"data/snapshot-2022-10/provinces.csv", provinces2022CSV, LevelProvince, []string{"code", "name", "type", "parent_code", "full_name"}, -1},
			{"data/snapshot-2022-10/districts.csv", districts2022CSV, LevelDistrict, []string{"code", "name", "type", "parent_code", "full_name"}, 3},
			{"data/snapshot-2022-10/communes.csv", communes2022CSV, LevelCommune, []string{"code", "name", "type", "parent_code", "full_name"}, 3},
		},
	}
	codeLen = [3]int{2, 3, 5}
)

// buildEra parses and indexes the unit lists of one era. files must list
// the levels in order, parents first.
func buildEra(era Era, files []unitFile) (*eraData, error) {
	n, counts := 0, [3]int{}
	for _, f := range files {
		c := strings.Count(f.data, "\n")
		n += c
		counts[f.level-1] = c
	}
	ed := &eraData{
		era:        era,
		units:      make([]Unit, 0, n),
		code:       make(map[string]int32, n),
		keys:       make([]string, 0, n),
		fkeys:      make([]string, 0, n),
		nextExact:  make([]int32, 0, n),
		nextFolded: make([]int32, 0, n),
	}
	for l, c := range counts {
		ed.exact[l] = make(map[string]int32, c)
		ed.folded[l] = make(map[string]int32, c)
		ed.level[l] = make([]int32, 0, c)
	}
	for _, f := range files {
		var parentCode string
		parent := int32(-1)
		err := readList(f.name, f.data, f.header, func(rec []string) error {
			u := Unit{Era: era, Level: f.level, Code: rec[0], Name: rec[1], Type: rec[2], FullName: rec[len(rec)-1]}
			if !isCode(u.Code, codeLen[f.level-1]) {
				return fmt.Errorf("bad %v code %q", f.level, u.Code)
			}
			if u.Level == LevelProvince {
				u.ProvinceCode, u.Province = u.Code, u.FullName
			} else {
				if pc := rec[f.parent]; pc != parentCode || parent < 0 {
					id, ok := ed.code[pc]
					if !ok {
						return fmt.Errorf("%v %s: unknown parent code %q", f.level, u.Code, pc)
					}
					parentCode, parent = pc, id
				}
				p := &ed.units[parent]
				u.ProvinceCode, u.Province = p.ProvinceCode, p.Province
				if p.Level == LevelDistrict {
					u.DistrictCode, u.District = p.Code, p.FullName
				}
				if u.Level == LevelDistrict {
					u.DistrictCode, u.District = u.Code, u.FullName
				}
			}
			id := int32(len(ed.units))
			if ed.code[u.Code] = id; len(ed.code) != len(ed.units)+1 {
				return fmt.Errorf("duplicate code %q", u.Code)
			}
			ed.units = append(ed.units, u)
			k := namekey.Normalize(u.Name)
			fk := namekey.Fold(k)
			ed.keys = append(ed.keys, k)
			ed.fkeys = append(ed.fkeys, fk)
			l := u.Level - 1
			ed.nextExact = append(ed.nextExact, chain(ed.exact[l], k, id))
			ed.nextFolded = append(ed.nextFolded, chain(ed.folded[l], fk, id))
			ed.level[l] = append(ed.level[l], id)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	ed.communes = ed.children(LevelCommune)
	ed.districts = ed.children(LevelDistrict)
	return ed, nil
}

// children returns, for each unit id, the ids of the units of level l it
// contains, in code order. The lists share one backing array per level of
// parent.
func (ed *eraData) children(l Level) [][]int32 {
	out := make([][]int32, len(ed.units))
	for _, parent := range [...]Level{LevelProvince, LevelDistrict} {
		if parent >= l {
			continue
		}
		owner := func(u *Unit) int32 {
			if parent == LevelProvince {
				return ed.code[u.ProvinceCode]
			}
			if u.DistrictCode == "" {
				return -1
			}
			return ed.code[u.DistrictCode]
		}
		count := make([]int, len(ed.units))
		for _, id := range ed.level[l-1] {
			if p := owner(&ed.units[id]); p >= 0 {
				count[p]++
			}
		}
		backing := make([]int32, 0, len(ed.level[l-1]))
		for _, pid := range ed.level[parent-1] {
			start := len(backing)
			backing = backing[:start+count[pid]]
			out[pid] = backing[start:start:len(backing)]
		}
		for _, id := range ed.level[l-1] {
			if p := owner(&ed.units[id]); p >= 0 {
				out[p] = append(out[p], id)
			}
		}
	}
	return out
}

// chain makes id the first unit named key in head and returns the unit it
// displaces (the next unit of that name), or -1.
func chain(head map[string]int32, key string, id int32) int32 {
	next, ok := head[key]
	if !ok {
		next = -1
	}
	head[key] = id
	return next
}

// readList calls fn for every record of the embedded unit list name, after
// checking its header. It is a fast reader for the unit lists, which are CSV
// without quoted fields (see data/PROVENANCE.md): it splits lines on commas
// and rejects any quote. fn may keep the strings of rec, not rec itself.
func readList(name, data string, header []string, fn func(rec []string) error) error {
	rec := make([]string, len(header))
	for line := 1; data != ""; line++ {
		var text string
		text, data, _ = strings.Cut(data, "\n")
		text = strings.TrimSuffix(text, "\r")
		if strings.IndexByte(text, '"') >= 0 {
			return fmt.Errorf("gazetteer: %s:%d: quoted field in a unit list", name, line)
		}
		n := 0
		for field := range strings.SplitSeq(text, ",") {
			if n == len(rec) {
				n++
				break
			}
			rec[n] = field
			n++
		}
		if n != len(rec) {
			return fmt.Errorf("gazetteer: %s:%d: %d fields, want %d", name, line, n, len(rec))
		}
		if line == 1 {
			if !slices.Equal(rec, header) {
				return fmt.Errorf("gazetteer: %s: header %q, want %q", name, rec, header)
			}
			continue
		}
		if err := fn(rec); err != nil {
			return fmt.Errorf("gazetteer: %s:%d: %w", name, line, err)
		}
	}
	return nil
}

// readCSV calls fn for every record of the embedded file name after checking
// its header. fn may keep the strings of rec, not rec itself.
func readCSV(name, data string, header []string, fn func(rec []string) error) error {
	r := csv.NewReader(strings.NewReader(data))
	r.FieldsPerRecord = len(header)
	r.ReuseRecord = true
	rec, err := r.Read()
	if err != nil {
		return fmt.Errorf("gazetteer: %s: reading header: %w", name, err)
	}
	if !slices.Equal(rec, header) {
		return fmt.Errorf("gazetteer: %s: header %q, want %q", name, rec, header)
	}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("gazetteer: %s: %w", name, err)
		}
		if err := fn(rec); err != nil {
			line, _ := r.FieldPos(0)
			return fmt.Errorf("gazetteer: %s:%d: %w", name, line, err)
		}
	}
}

// isCode reports whether s is a string of n ASCII digits.
func isCode(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isDigits reports whether s is a non-empty string of ASCII digits.
func isDigits(s string) bool {
	return s != "" && isCode(s, len(s))
}

// era returns the data of era, building it on first use.
func (g *Gazetteer) era(era Era) (*eraData, error) {
	for i, e := range Eras {
		if e == era {
			return g.eras[i]()
		}
	}
	return nil, ErrUnknownEra
}
