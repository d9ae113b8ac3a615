package names

import (
	"slices"

	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
)

// A commune split between several 2025 communes leaves its rows of before
// the reform in none of them: the gazetteer cannot say which of its
// hamlets a model was in. Its named models that go on after the reform
// say it themselves: the rows of after 1 July 2025 that first report the
// same model (its unit, name and field, as aggregate compares them) in one
// of the communes it went to, and in no other, say where that model went.
// Without this, a model of Phường Cống Vị in 2025-Q2 and of Phường Ngọc
// Hà in 2025-Q3 counted twice in the year 2025, with or without the
// roll-up (a twenty-ninth review). Groups of models without a name prove
// nothing: "Hội Nông dân" has a group in every commune.

// splitRow is a record of before the reform of a split commune, with the
// 2025 communes its commune went to.
type splitRow struct {
	rec int // its index in the dataset
	to  []gazetteer.Unit
}

// successors returns, by the index of each of split's records, the one of
// its 2025 communes where rows after the reform first report its named
// model (one), or the several that report it in that first quarter
// (several); a record whose model goes on nowhere is in neither. code
// returns the code of the 2025 commune a row after the reform names, or
// "" for one that names none (or an old unit); it is asked only of the
// rows that report one of split's models.
func successors(recs []record.Record, split []splitRow, code func(i int) string) (one map[int]gazetteer.Unit, several map[int][]gazetteer.Unit) {
	type id struct {
		unit, name string // folded
		field      record.Field
	}
	key := func(r *record.Record) id {
		return id{string(record.AppendNameKey(nil, r.Unit, true)), string(record.AppendNameKey(nil, r.Model, true)), r.Field}
	}
	wanted := map[id][]int{} // by key, the split rows (in split)
	for k, s := range split {
		if r := &recs[s.rec]; namedModel(r) && r.Period.Last < reform {
			id := key(r)
			wanted[id] = append(wanted[id], k)
		}
	}
	if len(wanted) == 0 {
		return nil, nil
	}
	// By split row, its communes (in to) that report the model in the
	// first quarter after the reform that one does, and that quarter:
	// later rows do not move it, so that a report of 2025 stays as it was
	// when 2026's rows come (a thirty-sixth review found a 2026 row in a
	// second commune bring the double count back).
	found := make([][]int, len(split))
	first := make([]record.Quarter, len(split))
	for i := range recs {
		r := &recs[i]
		if !namedModel(r) || r.Period.First < reform {
			continue
		}
		ks, ok := wanted[key(r)]
		if !ok {
			continue
		}
		c := code(i)
		if c == "" {
			continue
		}
		for _, k := range ks {
			s, b := &split[k], &recs[split[k].rec]
			if !record.SameName(b.Unit, r.Unit) || !record.SameName(b.Model, r.Model) {
				continue
			}
			t := slices.IndexFunc(s.to, func(u gazetteer.Unit) bool { return u.Code == c })
			switch q := r.Period.First; {
			case t < 0 || len(found[k]) > 0 && q > first[k]:
			case len(found[k]) == 0 || q < first[k]:
				found[k], first[k] = []int{t}, q
			case !slices.Contains(found[k], t):
				found[k] = append(found[k], t)
			}
		}
	}
	one, several = map[int]gazetteer.Unit{}, map[int][]gazetteer.Unit{}
	for k, f := range found {
		switch s := &split[k]; {
		case len(f) == 1:
			one[s.rec] = s.to[f[0]]
		case len(f) > 1:
			slices.Sort(f)
			for _, t := range f {
				several[s.rec] = append(several[s.rec], s.to[t])
			}
		}
	}
	return one, several
}

// several warns of the rows of split communes whose named model rows after
// the reform report in several of their communes in one quarter, the
// first (successors' several): which of them it became the data does not
// say, so it stays where it was, and a period on both sides of 1 July 2025
// may count it twice (a thirty-sixth review). from is the old commune's
// name, with its district.
func (res *Result) several(ds *record.Dataset, several map[int][]gazetteer.Unit, from func(i int) string) {
	rows := make([]int, 0, len(several))
	for i := range several {
		rows = append(rows, i)
	}
	slices.Sort(rows)
	for _, i := range rows {
		r := &ds.Records[i]
		var to msg.List
		for _, n := range fullNames(several[i]) {
			to = append(to, n)
		}
		m := msg.New("names.split_model_several", msg.Quote(r.Model), from(i), to)
		res.Warnings = append(res.Warnings, &record.InputError{Pos: r.NamePos(2), Column: r.Table.Header(2), Msg: msg.New("warning", m)})
		res.WarningRecords = append(res.WarningRecords, i)
	}
}

// namedModel reports whether a record is a row of one named model.
func namedModel(r *record.Record) bool { return r.Model != "" && r.Count == 1 }

// splitTargets returns the 2025 communes a split commune's row may be of:
// its commune's targets, or for a commune's name that several old
// communes bore, theirs.
func splitTargets(g *gazetteer.Gazetteer, o *outcome) []gazetteer.Unit {
	var from []gazetteer.Unit
	switch {
	case o.units[2] != nil:
		from = []gazetteer.Unit{*o.units[2]}
	default:
		from = o.ambiguous
	}
	var to []gazetteer.Unit
	for _, c := range from {
		ru, err := g.RollUp(c)
		if err != nil {
			continue
		}
		for _, t := range ru.Targets {
			if !slices.ContainsFunc(to, func(u gazetteer.Unit) bool { return u.Code == t.Unit.Code }) {
				to = append(to, t.Unit)
			}
		}
	}
	return to
}
