package fonts

import "sync"

// Covers reports whether every embedded face has a glyph for r, so that r
// can be printed in any style of the document and in the charts; control
// and format characters (bidi controls, zero-width spaces) are never
// covered. Text with
// a character that is not covered would print as an empty box, or not at
// all: package validate refuses such cells, naming them, and package pdf
// replaces what still reaches it. The table of covered characters
// (coverage, in coverage_table.go) is made from the font files by
// "go test -run TestCoverage -update-coverage"; the test keeps it in step
// with them.
func Covers(r rune) bool {
	if r >= 0x20 && r < 0x7f {
		return true
	}
	if r < 0 || r > 0xFFFF {
		return false
	}
	return coveredSet()[r>>6]&(1<<(r&63)) != 0
}

// coveredSet is coverage as a bit set of the Basic Multilingual Plane
// (8 KiB), made once: a look-up costs a shift, where a search of the
// ranges costs seven comparisons.
var coveredSet = sync.OnceValue(func() *[0x10000 / 64]uint64 {
	var set [0x10000 / 64]uint64
	for _, rg := range coverage {
		for r := rg[0]; r <= rg[1]; r++ {
			set[r>>6] |= 1 << (r & 63)
		}
	}
	return &set
})

// Uncovered returns the first character of s that Covers refuses, and
// whether there is one.
func Uncovered(s string) (rune, bool) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x20 && c < 0x7f {
			continue
		}
		for _, r := range s[i:] {
			if !Covers(r) {
				return r, true
			}
		}
		return 0, false
	}
	return 0, false
}
