package validate

import (
	"regexp"
	"sync"
)

// pattern is a regular expression compiled when first used. A run reads
// most registers with a few of the package's patterns: compiling all of
// them before main cost every run 3–4 ms, a tenth of a small report's.
type pattern struct{ re func() *regexp.Regexp }

// lazyRegexp returns the pattern of src, which must compile.
func lazyRegexp(src string) *pattern {
	return &pattern{re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(src) })}
}

func (p *pattern) MatchString(s string) bool              { return p.re().MatchString(s) }
func (p *pattern) FindStringSubmatch(s string) []string   { return p.re().FindStringSubmatch(s) }
func (p *pattern) FindStringSubmatchIndex(s string) []int { return p.re().FindStringSubmatchIndex(s) }
func (p *pattern) FindStringIndex(s string) []int         { return p.re().FindStringIndex(s) }
func (p *pattern) ReplaceAllString(s, repl string) string { return p.re().ReplaceAllString(s, repl) }
func (p *pattern) FindAllStringSubmatch(s string, n int) [][]string {
	return p.re().FindAllStringSubmatch(s, n)
}
func (p *pattern) ReplaceAllStringFunc(s string, repl func(string) string) string {
	return p.re().ReplaceAllStringFunc(s, repl)
}
