package gazetteer

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Lookups return them wrapped in a *LookupError; test with
// errors.Is.
var (
	// ErrNotFound means no unit of the era has the name or code.
	ErrNotFound = errors.New("not found")
	// ErrMisplaced means the name exists, but not inside the province (or,
	// before 2025, the district) it was given with: for example a commune
	// placed in the wrong province. LookupError.Candidates lists the units
	// of that name elsewhere. It wraps ErrNotFound, so errors.Is(err,
	// ErrNotFound) is also true.
	ErrMisplaced = fmt.Errorf("%w there, but exists elsewhere", ErrNotFound)
	// ErrAmbiguous means several units match and nothing given tells them
	// apart. LookupError.Candidates lists them all; none is chosen.
	ErrAmbiguous = errors.New("ambiguous")
	// ErrUnknownEra means an Era value or name is not one of the eras.
	ErrUnknownEra = errors.New("unknown era")
	// ErrNoDistricts means a district was asked for in Era2025.
	ErrNoDistricts = errors.New("no districts after 1 July 2025")
)

// LookupError describes a failed lookup.
type LookupError struct {
	Era   Era
	Level Level
	// Query is the name or code looked up, as given.
	Query string
	// Within is the FullName of the unit the lookup was restricted to
	// ("Huyện Bắc Sơn, Tỉnh Lạng Sơn"), or "" for the whole country.
	Within string
	// Candidates are the matching units for ErrAmbiguous, or the units of
	// that name outside Within for ErrMisplaced, in the package's list
	// order (see the package documentation).
	Candidates []Unit
	// Err is ErrNotFound, ErrMisplaced, ErrAmbiguous, ErrUnknownEra or
	// ErrNoDistricts.
	Err error
}

// Error returns, for example:
//
//	gazetteer: commune "Tân Hòa" in Tỉnh An Giang (pre-2025): ambiguous: Xã Tân Hòa, Huyện Châu Phú, Tỉnh An Giang | Xã Tân Hòa, Huyện Phú Tân, Tỉnh An Giang
func (e *LookupError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "gazetteer: %v %q", e.Level, e.Query)
	if e.Within != "" {
		b.WriteString(" in ")
		b.WriteString(e.Within)
	}
	fmt.Fprintf(&b, " (%v): %v", e.Era, e.Err)
	for i, c := range e.Candidates {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString(" | ")
		}
		b.WriteString(c.String())
	}
	return b.String()
}

// Unwrap returns e.Err.
func (e *LookupError) Unwrap() error { return e.Err }
