package report

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/dvkreport/dvkreport/report/gazetteer"
)

// LocalityQuery asks the gazetteer for units.
type LocalityQuery struct {
	Search   string // names containing these words, at any level
	Province string // this province's districts and communes
	AsOf     string // "2025" (the default) or "2024" (the units before 1 July 2025)
}

// Localities answers a query: the units whose names match Search (or, if
// none does, the nearest names), the units of Province, or else every
// province.
func Localities(q LocalityQuery) ([]gazetteer.Unit, error) {
	g := gazetteer.Default()
	era := gazetteer.Era2025
	switch strings.TrimSpace(q.AsOf) {
	case "", "2025", "2026":
	case "2024", "2023", "2022", "2021", "2020", "pre-2025":
		era = gazetteer.EraPre2025
	default:
		return nil, usage(fmt.Errorf("--as-of %q: want 2025 (the units from 1 July 2025) or 2024 (the units before)", q.AsOf))
	}
	var units []gazetteer.Unit
	if q.Province != "" {
		p, err := g.Province(era, q.Province)
		if err != nil {
			return nil, usage(lookupMessage(g, era, gazetteer.Place{Province: q.Province}, err))
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

// lookupMessage words a failed lookup for the user, with the nearest names.
func lookupMessage(g *gazetteer.Gazetteer, era gazetteer.Era, p gazetteer.Place, err error) error {
	if errors.Is(err, gazetteer.ErrNotFound) {
		if near := g.Nearest(era, p); len(near) > 0 {
			var names []string
			for _, u := range near {
				names = append(names, u.FullName)
			}
			return fmt.Errorf("%w; did you mean %s?", err, strings.Join(names, ", "))
		}
	}
	return err
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
	return usage(fmt.Errorf("unknown format %q: want table, csv or json", form))
}
