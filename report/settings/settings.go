// Package settings reads the settings an office keeps for its reports, in
// a TOML file (dvkreport.toml): the language, the document's form, the
// issuing body and its superior, the symbol of its document numbers, the
// place, who signs and how, the recipients, where the registers are and
// which boundaries they are rolled up to. The command line reads the file
// (--config FILE, or dvkreport.toml in the current folder) before its
// flags, which override it.
//
// A file with a key the package does not know, a value of the wrong type
// or a value out of its range is an *Error naming the file, the line and
// the key. Paths in the file are relative to the file's folder. The
// package knows nothing of reports: it returns what the file says, checked.
package settings

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Name is the settings file the command line reads from the current
// folder when --config is not given.
const Name = "dvkreport.toml"

// MaxSize is the largest settings file read: a settings file is a page of
// text.
const MaxSize = 1 << 20

// Settings are what a settings file says. Empty strings and nil slices
// are what the file does not set.
type Settings struct {
	// File is the file read, as named.
	File string `toml:"-"`

	Lang       string   `toml:"lang"`       // vi or en
	Layout     string   `toml:"layout"`     // plain, party or state
	Templates  string   `toml:"templates"`  // an edited copy of the report texts
	Inputs     []string `toml:"inputs"`     // register files, folders or globs
	Boundaries string   `toml:"boundaries"` // "2025" or ""
	Localities []string `toml:"localities"` // the report's localities
	Level      string   `toml:"level"`      // province, district or commune
	Output     string   `toml:"output"`     // a folder for the reports

	Agency struct {
		Parent string `toml:"parent"` // TỈNH ỦY LẠNG SƠN
		Name   string `toml:"name"`   // BAN TUYÊN GIÁO VÀ DÂN VẬN
		Symbol string `toml:"symbol"` // BTGDVTU
		Place  string `toml:"place"`  // Lạng Sơn
	} `toml:"agency"`

	Signer struct {
		// Authority is head, deputy, collective or by_order.
		Authority  string `toml:"authority"`
		HeadTitle  string `toml:"head_title"` // TRƯỞNG BAN
		Collective string `toml:"collective"` // BAN THƯỜNG VỤ
		Position   string `toml:"position"`   // PHÓ TRƯỞNG BAN
		Name       string `toml:"name"`
	} `toml:"signer"`

	Recipients []string `toml:"recipients"`

	// Mail is how reports are sent: the server and the sender.
	Mail struct {
		SMTP     string `toml:"smtp"` // host:port
		From     string `toml:"from"`
		User     string `toml:"user"`
		Insecure bool   `toml:"insecure"`
		// ToMap names a CSV file of localities and their addresses.
		ToMap string `toml:"to_map"`
		// CAFile names a PEM file of certificates to trust besides the
		// system's: an office's own authority.
		CAFile string `toml:"ca_file"`
	} `toml:"mail"`
}

// Error is a settings file that cannot be used: its name, the line (0 when
// not known), the key and what is wrong.
type Error struct {
	File string
	Line int
	Key  string
	Err  error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Key != "" {
		fmt.Fprintf(&b, ": %s", e.Key)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Errors a file's values may have, wrapped in an *Error.
var (
	ErrUnknownKey = errors.New("unknown key")
	ErrBadValue   = errors.New("bad value")
	ErrTooLarge   = errors.New("file too large for a settings file")
)

// ValueError is a value out of its range: what it is, and what it may be.
type ValueError struct {
	Value   string
	Allowed []string
}

func (e *ValueError) Error() string {
	return fmt.Sprintf("%q is not one of %s", e.Value, strings.Join(e.Allowed, ", "))
}

func (e *ValueError) Unwrap() error { return ErrBadValue }

// TypeError is a value of the wrong kind: Got is the TOML kind written
// (integer, string, boolean, array…), Want the kind the key takes: "text",
// "list" (of texts), "boolean" or "number".
type TypeError struct{ Got, Want string }

func (e *TypeError) Error() string {
	return fmt.Sprintf("a TOML %s where a %s is wanted", e.Got, e.Want)
}
func (e *TypeError) Unwrap() error { return ErrBadValue }

// SyntaxError is a file that is not TOML: Detail is the parser's words.
type SyntaxError struct{ Detail string }

func (e *SyntaxError) Error() string { return "not TOML: " + e.Detail }

// The patterns below are compiled when first needed: only a settings file
// with a problem, or a key to find, needs them.
var typeErrorRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`cannot decode TOML (\w+) into .* of type (\S+)$`)
})

// kindOf names a Go type as the kind of value a key takes.
func kindOf(goType string) string {
	switch {
	case strings.HasPrefix(goType, "[]"):
		return "list"
	case goType == "bool":
		return "boolean"
	case goType == "string":
		return "text"
	}
	return "number"
}

// Keys returns every key a settings file may have, dotted by table
// ("signer.authority").
func Keys() []string {
	var keys []string
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for i := range t.NumField() {
			f := t.Field(i)
			tag := strings.Split(f.Tag.Get("toml"), ",")[0]
			if tag == "" || tag == "-" {
				continue
			}
			if f.Type.Kind() == reflect.Struct {
				walk(f.Type, prefix+tag+".")
				continue
			}
			keys = append(keys, prefix+tag)
		}
	}
	walk(reflect.TypeFor[Settings](), "")
	return keys
}

// Allowed values.
var (
	Langs       = []string{"vi", "en"}
	Layouts     = []string{"plain", "party", "state"}
	Authorities = []string{"head", "deputy", "collective", "by_order"}
	Levels      = []string{"province", "district", "commune"}
	Boundaries  = []string{"2025"}
)

// Read reads and checks a settings file.
func Read(name string) (*Settings, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	if len(data) > MaxSize {
		return nil, &Error{File: name, Err: ErrTooLarge}
	}
	s, err := Parse(name, data)
	if err != nil {
		return nil, err
	}
	s.resolve(filepath.Dir(name))
	return s, nil
}

// Parse reads settings from data, naming the file name in errors. Paths
// stay as written.
func Parse(name string, data []byte) (*Settings, error) {
	// A file saved by Notepad or Excel starts with a byte-order mark, in
	// UTF-8 or UTF-16: read as the text it marks (a twenty-eighth review
	// found a BOM refused as TOML).
	if text, _, err := transform.Bytes(unicode.BOMOverride(unicode.UTF8.NewDecoder()), data); err == nil {
		data = text
	}
	var s Settings
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		var se *toml.StrictMissingError
		var de *toml.DecodeError
		switch {
		case errors.As(err, &se) && len(se.Errors) > 0:
			line, _ := se.Errors[0].Position()
			return nil, &Error{File: name, Line: line, Key: strings.Join(se.Errors[0].Key(), "."), Err: ErrUnknownKey}
		case errors.As(err, &de):
			line, _ := de.Position()
			e := &Error{File: name, Line: line, Key: strings.Join(de.Key(), "."), Err: errors.New(de.Error())}
			if m := typeErrorRe().FindStringSubmatch(de.Error()); m != nil {
				e.Err = &TypeError{Got: m[1], Want: kindOf(m[2])}
			} else if e.Key == "" {
				e.Err = &SyntaxError{Detail: strings.TrimPrefix(de.Error(), "toml: ")}
			}
			return nil, e
		}
		return nil, &Error{File: name, Err: err}
	}
	s.File = name
	for _, c := range []struct {
		key     string
		value   *string
		allowed []string
	}{
		{"lang", &s.Lang, Langs},
		{"layout", &s.Layout, Layouts},
		{"level", &s.Level, Levels},
		{"boundaries", &s.Boundaries, Boundaries},
		{"signer.authority", &s.Signer.Authority, Authorities},
	} {
		v := strings.ToLower(strings.TrimSpace(*c.value))
		if v == "" {
			continue
		}
		if !slices.Contains(c.allowed, v) {
			return nil, &Error{File: name, Line: KeyLine(data, c.key), Key: c.key, Err: &ValueError{Value: *c.value, Allowed: c.allowed}}
		}
		*c.value = v
	}
	return &s, nil
}

// resolve makes the file's relative paths relative to its folder.
func (s *Settings) resolve(dir string) {
	abs := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, p)
	}
	for i, in := range s.Inputs {
		s.Inputs[i] = abs(in)
	}
	s.Templates = abs(s.Templates)
	s.Output = abs(s.Output)
	s.Mail.ToMap = abs(s.Mail.ToMap)
	s.Mail.CAFile = abs(s.Mail.CAFile)
}

var (
	tableRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*\[\s*([A-Za-z0-9_.]+)\s*\]`) })
	keyRe   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*([A-Za-z0-9_]+)\s*=`) })
)

// KeyLine finds the line of a key ("signer.authority") in a settings
// file: 0 when it is not there as a plain key = value line.
func KeyLine(data []byte, key string) int {
	table := ""
	for i, line := range strings.Split(string(data), "\n") {
		if m := tableRe().FindStringSubmatch(line); m != nil {
			table = m[1]
			continue
		}
		if m := keyRe().FindStringSubmatch(line); m != nil {
			k := m[1]
			if table != "" {
				k = table + "." + k
			}
			if k == key {
				return i + 1
			}
		}
	}
	return 0
}

// Find returns the settings file of the current folder, "" if there is
// none.
func Find() string {
	if fi, err := os.Stat(Name); err == nil && fi.Mode().IsRegular() {
		return Name
	}
	return ""
}

// Date reads a document's date, YYYY-MM-DD.
func Date(s string) (time.Time, error) {
	return time.Parse(time.DateOnly, strings.TrimSpace(s))
}
