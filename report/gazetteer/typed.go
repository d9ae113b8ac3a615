package gazetteer

import "github.com/dvkreport/dvkreport/report/gazetteer/internal/namekey"

// UnitKey is the key under which a report groups and compares locality
// names: Key, except that for a name two official units of one parent share
// with different types (Thị trấn Hiệp Hòa and Xã Hiệp Hòa, both of Huyện
// Đức Hòa, Long An), the type written in the name stays part of it. Two
// such units are then never merged into one line or taken for one
// locality, while every other name is still matched with or without its
// type: UnitKey("Xã Bắc Sơn") and UnitKey("Bắc Sơn") are both "bắc sơn",
// but UnitKey("Xã Hiệp Hòa") is "xã hiệp hòa" and UnitKey("Thị trấn Hiệp
// Hòa") is "thị trấn hiệp hòa". A name of that kind written without its
// type ("Hiệp Hòa") keys without it, and the gazetteer's lookups report it
// as ambiguous.
//
// The names of that kind (typedKeys, in typed_keys.go) are listed from the
// embedded lists of both eras; a test keeps the list in step with them.
func UnitKey(name string) string {
	typ, k := stripPrefix(namekey.Normalize(name), exactPrefixes[:])
	if typ != "" && typedKeys[k] {
		return typ + " " + k
	}
	return k
}

// IsTyped reports whether UnitKey keeps the type of names whose Key is
// key.
func IsTyped(key string) bool { return typedKeys[key] }

// TypeOf returns the unit type a name is written with ("thành phố" for
// "TP. Lạng Sơn", "xã" for "Xã Bắc Sơn"), or "" when it has no prefix.
func TypeOf(name string) string {
	typ, _ := stripPrefix(namekey.Normalize(name), exactPrefixes[:])
	return typ
}

// TypeFits reports whether a name written with unit type typ (as TypeOf
// returns it; "" fits anything) may name a unit of level whose own type is
// unitType (unknown: ""): a tỉnh or a thành phố trực thuộc trung ương for
// a province (Tỉnh Hà Nội too, but Thành phố Lạng Sơn is the old city, not
// the province), a huyện, quận, thị xã or thành phố for a district, a xã,
// phường, thị trấn or đặc khu for a commune.
func TypeFits(typ string, level Level, unitType string) bool {
	switch typ {
	case "":
		return true
	case "tỉnh":
		return level == LevelProvince
	case "thành phố":
		return level == LevelDistrict || level == LevelProvince && (unitType == "thành phố" || unitType == "")
	case "huyện", "quận", "thị xã":
		return level == LevelDistrict
	}
	return level == LevelCommune
}
