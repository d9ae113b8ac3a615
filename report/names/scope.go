package names

import (
	"strings"

	"github.com/dvkreport/dvkreport/report/gazetteer"
)

// Locate looks up, in era, a locality a report names that the data does
// not have: a unit that reported nothing in the period. It returns the
// unit's path as report lines name it (the province by its short name,
// districts and communes by their full names), and false when the name
// is no unit of the era, or several. A path ("Lạng Sơn/Xã Ba Sơn") and an
// official code ("06970") work too.
func Locate(g *gazetteer.Gazetteer, era gazetteer.Era, name string) ([]string, bool) {
	parts := strings.Split(name, "/")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	var u gazetteer.Unit
	var err error
	switch {
	case len(parts) == 1 && strings.Trim(parts[0], "0123456789") == "":
		u, err = g.ByCode(era, parts[0])
	case len(parts) == 1:
		if u, err = g.Province(era, parts[0]); err != nil {
			units := g.Named(era, gazetteer.LevelCommune, parts[0])
			if era == gazetteer.EraPre2025 && len(units) == 0 {
				units = g.Named(era, gazetteer.LevelDistrict, parts[0])
			}
			if len(units) != 1 {
				return nil, false
			}
			u, err = units[0], nil
		}
	default:
		p := gazetteer.Place{Province: parts[0], Commune: parts[len(parts)-1]}
		if len(parts) == 3 {
			p.District = parts[1]
		}
		// Before 2025, "Lạng Sơn/Huyện Bình Gia" is a district, though a
		// commune of the name (Thị trấn Bình Gia) is found first (a
		// twenty-third review found such districts refused, and a split
		// by district failing on them).
		fits := func(u gazetteer.Unit) bool {
			return gazetteer.TypeFits(gazetteer.TypeOf(parts[len(parts)-1]), u.Level, u.Type)
		}
		if u, err = g.Resolve(era, p); (err != nil || !fits(u)) && len(parts) == 2 && era == gazetteer.EraPre2025 {
			if d, derr := g.Resolve(era, gazetteer.Place{Province: parts[0], District: parts[1]}); derr == nil {
				u, err = d, nil
			}
		}
	}
	// A unit of another level than the type the name writes is not it:
	// under --boundaries 2025, "Huyện Bắc Sơn" is no longer a unit, and
	// Xã Bắc Sơn is another; "Thành phố Lạng Sơn" is no province.
	if err != nil || !gazetteer.TypeFits(gazetteer.TypeOf(parts[len(parts)-1]), u.Level, u.Type) {
		return nil, false
	}
	return pathOf(g, era, u), true
}

// pathOf returns a unit's path as report lines name it.
func pathOf(g *gazetteer.Gazetteer, era gazetteer.Era, u gazetteer.Unit) []string {
	prov := u.Province
	if p, err := g.ByCode(era, u.ProvinceCode); err == nil {
		prov = p.Name
	}
	switch u.Level {
	case gazetteer.LevelProvince:
		return []string{u.Name}
	case gazetteer.LevelDistrict:
		return []string{prov, u.FullName}
	}
	if u.District != "" {
		return []string{prov, u.District, u.FullName}
	}
	return []string{prov, u.FullName}
}

// Expected returns the units a report on scope (paths as report lines name
// them; none for the whole country) expects a line for at level (1
// province, 2 district, 3 commune), from the units of era: the provinces
// of a national report at province level, the districts or communes of a
// province or district. A national report below province level, or a
// report on a commune, expects none: its lines are what was reported.
func Expected(g *gazetteer.Gazetteer, era gazetteer.Era, scope [][]string, level int) [][]string {
	var out [][]string
	if len(scope) == 0 {
		if level != int(gazetteer.LevelProvince) {
			return nil
		}
		for _, p := range g.Provinces(era) {
			out = append(out, []string{p.Name})
		}
		return out
	}
	for _, path := range scope {
		var within gazetteer.Unit
		var err error
		switch len(path) {
		case 1:
			within, err = g.Province(era, path[0])
		case 2:
			if era != gazetteer.EraPre2025 {
				continue // a 2025 commune
			}
			within, err = g.Resolve(era, gazetteer.Place{Province: path[0], District: path[1]})
		default:
			continue
		}
		if err != nil || int(within.Level) >= level {
			continue
		}
		switch level {
		case int(gazetteer.LevelDistrict):
			for _, d := range g.Districts(within) {
				out = append(out, pathOf(g, era, d))
			}
		case int(gazetteer.LevelCommune):
			for _, c := range g.Communes(within) {
				out = append(out, pathOf(g, era, c))
			}
		}
	}
	return out
}
