package gazetteer

import (
	"fmt"
	"strings"
)

// Era selects one of the two official lists of administrative units.
// The zero Era is not valid.
type Era int

const (
	// Era2025 is the two-tier system in force from 1 July 2025:
	// 34 provinces and 3,321 communes (xã, phường, đặc khu), no districts.
	Era2025 Era = iota + 1
	// EraPre2025 is the three-tier system as it stood from 1 March to
	// 30 June 2025: 63 provinces, 696 districts and 10,035 communes
	// (xã, phường, thị trấn).
	EraPre2025
	// Era2022 is the three-tier system as it stood on 1 October 2022: 63
	// provinces, 705 districts and 10,599 communes, before the mergers of
	// 2023–2025 (and with Tỉnh Thừa Thiên Huế, a city under the central
	// government from 1 January 2025). Units that survived keep their code
	// in EraPre2025; RollUp goes through it.
	Era2022
)

// Eras are the eras, newest first.
var Eras = [...]Era{Era2025, EraPre2025, Era2022}

// String returns "2025", "pre-2025" or "2022".
func (e Era) String() string {
	switch e {
	case Era2025:
		return "2025"
	case EraPre2025:
		return "pre-2025"
	case Era2022:
		return "2022"
	}
	return fmt.Sprintf("Era(%d)", int(e))
}

// ParseEra parses an era as written on a command line: "2025" or "new" for
// Era2025; "pre-2025", "pre2025", "2008" or "old" for EraPre2025.
// Case is ignored.
func ParseEra(s string) (Era, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "2025", "new":
		return Era2025, nil
	case "pre-2025", "pre2025", "2008", "old":
		return EraPre2025, nil
	case "2022":
		return Era2022, nil
	}
	return 0, fmt.Errorf("gazetteer: unknown era %q (want 2025 or pre-2025): %w", s, ErrUnknownEra)
}

// Level is the tier of an administrative unit.
type Level int

const (
	// LevelProvince is a tỉnh or a centrally-run thành phố.
	LevelProvince Level = iota + 1
	// LevelDistrict is a quận, huyện, thị xã or provincial thành phố
	// (EraPre2025 only).
	LevelDistrict
	// LevelCommune is a xã, phường, thị trấn (EraPre2025) or đặc khu (Era2025).
	LevelCommune
)

// String returns "province", "district" or "commune".
func (l Level) String() string {
	switch l {
	case LevelProvince:
		return "province"
	case LevelDistrict:
		return "district"
	case LevelCommune:
		return "commune"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

// Unit is one administrative unit of one era, as the gazetteer writes it.
// Units are values: changing a returned Unit does not change the gazetteer.
type Unit struct {
	Era   Era
	Level Level
	// Code is the official GSO/NSO code with its leading zeros:
	// 2 digits for a province, 3 for a district, 5 for a commune.
	Code string
	// Name is the short name without the unit-type prefix: "Lạng Sơn",
	// "Ba Đình", "1" (for Phường 1).
	Name string
	// FullName is the official name with its prefix, for display:
	// "Tỉnh Lạng Sơn", "Phường 1".
	FullName string
	// Type is the lower-case Vietnamese unit type: "tỉnh" or "thành phố"
	// (provinces); "quận", "huyện", "thị xã" or "thành phố" (districts);
	// "xã", "phường", "thị trấn" or "đặc khu" (communes).
	Type string
	// ProvinceCode and Province are the code and FullName of the province
	// containing the unit; for a province, its own.
	ProvinceCode, Province string
	// DistrictCode and District are the code and FullName of the district
	// containing an EraPre2025 commune; for a district, its own. They are
	// empty for provinces and for every Era2025 unit.
	DistrictCode, District string
}

// String returns the full name followed by the names of the units containing
// it, for example "Xã Bắc Sơn, Tỉnh Lạng Sơn".
func (u Unit) String() string {
	var b strings.Builder
	b.WriteString(u.FullName)
	if u.Level == LevelCommune && u.District != "" {
		b.WriteString(", ")
		b.WriteString(u.District)
	}
	if u.Level != LevelProvince && u.Province != "" {
		b.WriteString(", ")
		b.WriteString(u.Province)
	}
	return b.String()
}

// Place is a locality as a register writes it: names (or codes) of a
// province, a district and a commune, any of which may be empty.
// Names are matched as described in the package documentation.
type Place struct {
	// Province is a province name ("Lạng Sơn", "Tỉnh Lạng Sơn", "lang son")
	// or code ("20").
	Province string
	// District is a district name or 3-digit code. It is used in EraPre2025
	// only and ignored in Era2025, which has no districts.
	District string
	// Commune is a commune name or 5-digit code.
	Commune string
}

// String returns the non-empty fields, most specific first, separated by
// ", ".
func (p Place) String() string {
	parts := make([]string, 0, 3)
	for _, s := range [...]string{p.Commune, p.District, p.Province} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}
