// Package msg is how dvkreport speaks to people. A [Text] is a message key
// with its arguments; it is written out in Vietnamese or English only when it
// is printed, from the catalogues embedded in package templates
// (templates/vi/messages.toml and templates/en/messages.toml), so that one
// catalogue per language holds every sentence and no translation can lapse
// unseen: a test keeps the two catalogues' keys and placeholders alike, and
// another finds every key the code uses in them.
//
// A catalogue entry is a string with placeholders {1}, {2}… for the
// arguments, or a table with "one" and "other" forms chosen by the first
// integer argument (English plurals). Arguments are written by their type:
// a Text in the same language, a [Quote] quoted and shortened, an error by
// its own message, a [fmt.Stringer] by String, numbers as digits.
//
// The message rules every entry follows (after FiloSottile/age's):
//   - no capital initial and no final period: a message is printed after
//     "dvkreport: " or after a position FILE:ROW:COLUMN;
//   - a cell's text is a Quote: at most 80 characters, control and
//     invisible characters escaped, so hostile data cannot drive the
//     terminal or flood it;
//   - what to do comes after a semicolon: "…; quote the cell, or remove the
//     thousands separators".
package msg

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dvkreport/dvkreport/templates"
)

// Lang is a language dvkreport writes in.
type Lang uint8

const (
	VI Lang = iota // Vietnamese, the default
	EN             // English
)

// Langs are the languages, in the order help texts list them.
var Langs = [...]Lang{VI, EN}

// ParseLang reads "vi" or "en" (any case); ok is false for anything else.
func ParseLang(s string) (l Lang, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "vi":
		return VI, true
	case "en":
		return EN, true
	}
	return VI, false
}

// String returns the language's code, "vi" or "en".
func (l Lang) String() string {
	if l == EN {
		return "en"
	}
	return "vi"
}

// Text is a message: a catalogue key and the arguments of its
// placeholders. The zero Text is empty. A Text is an error too, whose
// message is the English text; it may wrap another error.
type Text struct {
	Key  string
	Args []any
	err  error // wrapped, for errors.Is
}

// New returns the message key with args.
func New(key string, args ...any) Text { return Text{Key: key, Args: args} }

// Wrap returns t wrapping err, so that errors.Is(t, err) holds.
func (t Text) Wrap(err error) Text { t.err = err; return t }

// Has reports whether t is the message key, or holds it among its
// arguments, at any depth.
func (t Text) Has(key string) bool {
	if t.Key == key {
		return true
	}
	for _, a := range t.Args {
		if at, ok := a.(Text); ok && at.Has(key) {
			return true
		}
	}
	return false
}

// IsZero reports whether t is the empty Text.
func (t Text) IsZero() bool { return t.Key == "" }

// String returns the English text.
func (t Text) String() string { return t.In(EN) }

// Error returns the English text.
func (t Text) Error() string { return t.In(EN) }

// Unwrap returns the error t wraps, if any.
func (t Text) Unwrap() error { return t.err }

// In writes t out in language l. A key missing from l's catalogue is
// written from the English one; a key missing from both is written as the
// key and its arguments, which a test keeps from happening.
func (t Text) In(l Lang) string {
	if t.Key == "" {
		return ""
	}
	e, ok := templates.Lookup(l.String(), t.Key)
	if !ok {
		if e, ok = templates.Lookup(EN.String(), t.Key); !ok {
			return fmt.Sprintf("%s%v", t.Key, t.Args)
		}
	}
	form := e.Other
	if e.One != "" && count(t.Args) == 1 {
		form = e.One
	}
	return expand(form, func(i int) string {
		if i < 1 || i > len(t.Args) {
			return "{" + strconv.Itoa(i) + "}"
		}
		return Arg(t.Args[i-1], l)
	})
}

// count returns the first integer argument, or -1.
func count(args []any) int64 {
	for _, a := range args {
		switch v := a.(type) {
		case int:
			return int64(v)
		case int64:
			return v
		case Number:
			return int64(v)
		}
	}
	return -1
}

// expand replaces {n} in form by arg(n).
func expand(form string, arg func(int) string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(form, '{')
		if i < 0 {
			b.WriteString(form)
			return b.String()
		}
		j := strings.IndexByte(form[i:], '}')
		if j < 0 {
			b.WriteString(form)
			return b.String()
		}
		n, err := strconv.Atoi(form[i+1 : i+j])
		if err != nil {
			b.WriteString(form[:i+1])
			form = form[i+1:]
			continue
		}
		b.WriteString(form[:i])
		b.WriteString(arg(n))
		form = form[i+j+1:]
	}
}

// Arg writes one argument of a message in language l.
func Arg(a any, l Lang) string {
	switch v := a.(type) {
	case Text:
		return v.In(l)
	case interface{ In(Lang) string }:
		return v.In(l)
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case error:
		var t Text
		if errors.As(v, &t) {
			return t.In(l)
		}
		return v.Error()
	case fmt.Stringer:
		return v.String()
	}
	return fmt.Sprint(a)
}

// Quote is a text from the data, written quoted: at most MaxQuote
// characters (the rest replaced by "…"), with control characters, invisible
// characters and invalid UTF-8 escaped as Go escapes them.
type Quote string

// MaxQuote is how many characters of a cell a message quotes.
const MaxQuote = 80

func (q Quote) String() string { return strconv.Quote(Shorten(string(q), MaxQuote)) }

// Shorten returns s cut to at most n characters, "…" marking the cut.
func Shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i, k := 0, 0
	for i < len(s) && k < n-1 {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		k++
	}
	if i >= len(s) {
		return s
	}
	if utf8.RuneCountInString(s[i:]) <= 1 {
		return s
	}
	return s[:i] + "…"
}

// Number is a count written with the language's thousands separator:
// 12.345 in Vietnamese, 12,345 in English.
type Number int64

// In writes n in language l.
func (n Number) In(l Lang) string {
	sep := byte('.')
	if l == EN {
		sep = ','
	}
	s := strconv.FormatInt(int64(n), 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(sep)
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// List is a list of arguments written one after another, separated by
// ", " (each written as Arg writes it).
type List []any

// In writes the list in language l.
func (ls List) In(l Lang) string {
	parts := make([]string, len(ls))
	for i, a := range ls {
		parts[i] = Arg(a, l)
	}
	return strings.Join(parts, ", ")
}

// Safe returns s with every control character but tab and line feed, and
// every invisible formatting character (bidi controls, zero-width
// characters), replaced by its Go escape, so that text from the data
// printed on a terminal cannot move the cursor, change colours or reorder
// what is shown. The CLI passes every line it prints through it.
func Safe(s string) string {
	clean := true
	for _, r := range s {
		if unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				fmt.Fprintf(&b, `\x%02x`, s[i])
				continue
			}
		}
		if unsafeRune(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	if r == '\n' || r == '\t' {
		return false
	}
	return r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}
