package report

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/names"
	"github.com/dvkreport/dvkreport/report/record"
)

// LocalityQuery asks the gazetteer for units.
type LocalityQuery struct {
	Search   string // names containing these words, at any level
	Province string // this province's districts and communes
	// Era is the gazetteer to look in: the units from 1 July 2025 (the
	// default) or those before.
	Era gazetteer.Era
}

// Localities answers a query: the units whose names match Search (or, if
// none does, the nearest names), the units of Province, or else every
// province.
func Localities(q LocalityQuery) ([]gazetteer.Unit, error) {
	g := gazetteer.Default()
	era := q.Era
	var units []gazetteer.Unit
	if q.Province != "" {
		p, err := g.Province(era, q.Province)
		if err != nil {
			return nil, &UsageError{Err: lookupMessage(g, era, gazetteer.Place{Province: q.Province}, err)}
		}
		units = append(units, p)
		if era == gazetteer.EraPre2025 {
			for _, d := range g.Districts(p) {
				units = append(units, d)
				units = append(units, g.Communes(d)...)
			}
		} else {
			units = append(units, g.Communes(p)...)
		}
		if q.Search == "" {
			return units, nil
		}
	}
	if q.Search != "" {
		found := g.Search(era, q.Search)
		if q.Province != "" {
			// Within the province only.
			var in []gazetteer.Unit
			for _, u := range found {
				if u.ProvinceCode == units[0].Code || u.Code == units[0].Code {
					in = append(in, u)
				}
			}
			found = in
		}
		if len(found) == 0 {
			place := gazetteer.Place{Province: q.Province, Commune: q.Search}
			if q.Province == "" {
				place = gazetteer.Place{Commune: q.Search}
			}
			found = g.Nearest(era, place)
			if q.Province == "" {
				found = append(found, g.Nearest(era, gazetteer.Place{Province: q.Search})...)
			}
		}
		return found, nil
	}
	return g.Provinces(era), nil
}

// lookupMessage words a failed lookup of a province for the user, with the
// nearest names.
func lookupMessage(g *gazetteer.Gazetteer, era gazetteer.Era, p gazetteer.Place, err error) error {
	key := "report.no_province_2025"
	if era == gazetteer.EraPre2025 {
		key = "report.no_province_pre2025"
	}
	m := msg.New(key, msg.Quote(p.Province)).Wrap(err)
	if errors.Is(err, gazetteer.ErrNotFound) {
		if near := g.Nearest(era, p); len(near) > 0 {
			var names msg.List
			for _, u := range near {
				names = append(names, u.FullName)
			}
			return msg.New("did_you_mean", m, names).Wrap(err)
		}
	}
	return m
}

// WriteUnits writes units as a table, CSV or JSON, one per line, with
// their code, full name, level, type and parents.
func WriteUnits(w io.Writer, units []gazetteer.Unit, form string) error {
	header := []string{"code", "name", "level", "type", "district", "province", "era"}
	row := func(u gazetteer.Unit) []string {
		// A unit's parents only: a province has none.
		district, province := u.District, u.Province
		if u.Level <= gazetteer.LevelDistrict {
			district = ""
		}
		if u.Level == gazetteer.LevelProvince {
			province = ""
		}
		return []string{u.Code, u.FullName, u.Level.String(), u.Type, district, province, u.Era.String()}
	}
	switch form {
	case "", "table":
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, strings.Join(header, "\t"))
		for _, u := range units {
			fmt.Fprintln(tw, strings.Join(row(u), "\t"))
		}
		return tw.Flush()
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(header); err != nil {
			return err
		}
		for _, u := range units {
			if err := cw.Write(row(u)); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	case "json":
		out := make([]map[string]string, 0, len(units))
		for _, u := range units {
			m := map[string]string{}
			for i, v := range row(u) {
				if v != "" {
					m[header[i]] = v
				}
			}
			m["short_name"] = u.Name
			out = append(out, m)
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	return usage("report.unknown_format", msg.Quote(form), "table, csv, json")
}

// PlaceOf returns the place of a document's date line that the names of
// its issuing bodies imply: the province one of them names ("TỈNH ỦY LẠNG
// SƠN" gives Lạng Sơn), the longest name first, so that "Hà Nam" is not
// found in "HÀ NAM NINH"; "" when none names a province.
func PlaceOf(bodies ...string) string {
	g := gazetteer.Default()
	words := func(s string) string { return " " + strings.Join(strings.Fields(record.Fold(s)), " ") + " " }
	best := ""
	for _, era := range []gazetteer.Era{gazetteer.Era2025, gazetteer.EraPre2025} {
		for _, p := range g.Provinces(era) {
			name := words(p.Name)
			for _, b := range bodies {
				if strings.Contains(words(b), name) && len([]rune(p.Name)) > len([]rune(best)) {
					best = p.Name
				}
			}
		}
		if best != "" {
			return best
		}
	}
	return best
}

// aggregateOptions are the options of package aggregate for a report:
// its localities' codes replaced by their names, and the provinces the
// 2025 reform merged away by the province they became when rows are
// rolled up.
func aggregateOptions(g *gazetteer.Gazetteer, opts Options) (aggregate.Options, error) {
	localities, err := resolveCodes(g, opts, opts.Localities)
	if err != nil {
		return aggregate.Options{}, err
	}
	if opts.Boundaries2025 {
		localities = rollUpNames(g, localities)
	}
	aopts := aggregate.Options{Localities: localities, Period: opts.Period, Level: opts.Level,
		Models:   opts.Models || len(localities) == 1,
		Fallback: func(name string) ([]string, bool) { return locate(g, opts, name) },
	}
	if !opts.HideEmpty {
		aopts.Expected = func(scope [][]string, level aggregate.Level, p record.Period) [][]string {
			era, ok := boundaries(opts.Boundaries2025, p)
			if !ok {
				return nil
			}
			return names.Expected(g, era, scope, int(level))
		}
	}
	return aopts, nil
}

// rollUpNames replaces, among the --locality values, the provinces that
// the 2025 reform merged away by the province they became, so that
// "--boundaries 2025 -l Bến Tre" reports on Vĩnh Long, which holds Bến Tre's
// rows after the roll-up, and "-l Thừa Thiên Huế" on Huế.
func rollUpNames(g *gazetteer.Gazetteer, localities []string) []string {
	out := make([]string, len(localities))
	for i, l := range localities {
		out[i] = l
		if strings.Contains(l, "/") {
			continue
		}
		if _, err := g.Province(gazetteer.Era2025, l); err == nil {
			continue
		}
		// "Phường Bến Tre", "Xã Thái Bình", "Thành phố Bắc Kạn" name no
		// province: a unit type written must fit one (an eleventh review
		// found the ward's report made of its whole new province).
		typ := gazetteer.TypeOf(l)
		old, err := g.Province(gazetteer.EraPre2025, l)
		if err != nil {
			// A province's name before 2025's first changes (Thừa Thiên
			// Huế, Thành phố Huế from 1 January 2025), by its code.
			if old, err = g.Province(gazetteer.Era2022, l); err == nil {
				old, err = g.ByCode(gazetteer.EraPre2025, old.Code)
			}
			if err != nil {
				continue
			}
		}
		if !gazetteer.TypeFits(typ, gazetteer.LevelProvince, old.Type) {
			continue
		}
		if ru, err := g.RollUp(old); err == nil {
			out[i] = ru.Province.Name
		}
	}
	return out
}

// resolveCodes replaces official codes among the --locality values (20 for
// Lạng Sơn, 06970 for Xã Ba Chẽ) by the units' names.
// A code is read in the units of the report's boundaries: 00025 was
// Phường Ngọc Khánh before July 2025 and is Phường Giảng Võ after (an
// eleventh review found a 2024 report of the one made of the other's
// rows). A report across the reform without --boundaries 2025 refuses a
// code that names two units.
func resolveCodes(g *gazetteer.Gazetteer, opts Options, localities []string) ([]string, error) {
	out := make([]string, len(localities))
	for i, l := range localities {
		out[i] = l
		code := strings.TrimSpace(l)
		if code == "" || strings.Trim(code, "0123456789") != "" {
			continue
		}
		eras := []gazetteer.Era{gazetteer.Era2025, gazetteer.EraPre2025}
		if era, ok := boundaries(opts.Boundaries2025, opts.Period); ok {
			eras = []gazetteer.Era{era}
		}
		var found []gazetteer.Unit
		for _, era := range eras {
			if u, err := g.ByCode(era, code); err == nil {
				found = append(found, u)
			}
		}
		if len(found) == 0 {
			return nil, usage("report.no_code", code)
		}
		u := found[0]
		if len(found) == 2 && found[1].FullName != u.FullName {
			return nil, usage("report.code_two_units", code, u.FullName, found[1].FullName)
		}
		parts := []string{u.FullName}
		switch u.Level {
		case gazetteer.LevelProvince:
			parts = []string{u.Name}
		case gazetteer.LevelDistrict:
			parts = []string{u.Province, u.FullName}
		case gazetteer.LevelCommune:
			parts = []string{u.Province, u.FullName}
			if u.District != "" {
				parts = []string{u.Province, u.District, u.FullName}
			}
		}
		out[i] = strings.Join(parts, "/")
	}
	return out, nil
}
