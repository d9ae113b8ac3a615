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

// SameLevel reports whether two unit types (as TypeOf returns them) may be
// of one level: province (tỉnh), district (huyện, quận, thị xã) or commune
// (xã, phường, thị trấn, đặc khu); a thành phố is a province or a
// district; "" (a name written without its type) may be any.
func SameLevel(a, b string) bool {
	level := func(t string) int {
		switch t {
		case "tỉnh":
			return 1
		case "huyện", "quận", "thị xã":
			return 2
		case "xã", "phường", "thị trấn", "đặc khu":
			return 4
		case "thành phố":
			return 1 | 2
		}
		return 1 | 2 | 4
	}
	return level(a)&level(b) != 0
}
