package settings

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dvkreport/dvkreport/templates"
)

// The files dvkreport init writes parse, and say what they show.
func TestInitFiles(t *testing.T) {
	for _, lang := range templates.Langs {
		data, err := templates.Settings(lang)
		if err != nil {
			t.Fatal(err)
		}
		s, err := Parse(lang+"/dvkreport.toml", data)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if s.Lang != lang || s.Layout != "party" || s.Agency.Name != "BAN TUYÊN GIÁO VÀ DÂN VẬN" || s.Signer.Authority != "deputy" ||
			len(s.Recipients) != 3 || s.Boundaries != "2025" {
			t.Errorf("%s: %+v", lang, s)
		}
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		text      string
		line      int
		key       string
		is        error
		valueText string
	}{
		{"lang = \"vi\"\n\n[agency]\nnmae = \"X\"\n", 4, "agency.nmae", ErrUnknownKey, ""},
		{"# c\nlayout = \"Party\"\n[signer]\nauthority = \"vice\"\n", 4, "signer.authority", ErrBadValue, "vice"},
		{"layout = \"letter\"\n", 1, "layout", ErrBadValue, "letter"},
		{"lang = \"vi\"\nrecipients = \"one\"\n", 2, "recipients", nil, ""},
		{"lang = \"vi\"\n[agency\n", 2, "", nil, ""},
		{"boundaries = 2025\n", 1, "boundaries", nil, ""},
	} {
		_, err := Parse("f.toml", []byte(tc.text))
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%q: %v, want an *Error", tc.text, err)
			continue
		}
		if e.File != "f.toml" || e.Line != tc.line || e.Key != tc.key {
			t.Errorf("%q: %s (line %d, key %q), want line %d key %q", tc.text, err, e.Line, e.Key, tc.line, tc.key)
		}
		if tc.is != nil && !errors.Is(err, tc.is) {
			t.Errorf("%q: %v is not %v", tc.text, err, tc.is)
		}
		var ve *ValueError
		if tc.valueText != "" && (!errors.As(err, &ve) || ve.Value != tc.valueText) {
			t.Errorf("%q: %v", tc.text, err)
		}
	}
	// A value's case does not matter; it is kept in lower case.
	s, err := Parse("f.toml", []byte("layout = \"Party\"\nlang = \"EN\"\n"))
	if err != nil || s.Layout != "party" || s.Lang != "en" {
		t.Errorf("%+v %v", s, err)
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, Name)
	os.WriteFile(name, []byte("inputs = [\"so-lieu\", \"/abs/x.csv\"]\ntemplates = \"mau\"\n"), 0o644)
	s, err := Read(name)
	if err != nil {
		t.Fatal(err)
	}
	if s.Inputs[0] != filepath.Join(dir, "so-lieu") || s.Inputs[1] != "/abs/x.csv" || s.Templates != filepath.Join(dir, "mau") {
		t.Errorf("paths not relative to the file: %+v", s)
	}
	big := filepath.Join(dir, "big.toml")
	os.WriteFile(big, []byte("# "+strings.Repeat("x", MaxSize)+"\n"), 0o644)
	if _, err := Read(big); !errors.Is(err, ErrTooLarge) {
		t.Errorf("a big file: %v", err)
	}
	if _, err := Read(filepath.Join(dir, "none.toml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("no file: %v", err)
	}
}

// A byte-order mark, as Notepad and Excel write one, in UTF-8 or UTF-16,
// starts the text, not the TOML (a twenty-eighth review found it refused).
func TestParseBOM(t *testing.T) {
	text := "templates = \"mẫu\"\n"
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range text {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	for name, data := range map[string][]byte{"utf-8": append([]byte("\xef\xbb\xbf"), text...), "utf-16": utf16} {
		s, err := Parse("s.toml", data)
		if err != nil || s.Templates != "mẫu" {
			t.Errorf("%s with a BOM: %+v, %v", name, s, err)
		}
	}
}

func TestDate(t *testing.T) {
	if d, err := Date(" 2025-10-05 "); err != nil || d.Day() != 5 || d.Month() != 10 {
		t.Errorf("%v %v", d, err)
	}
	for _, bad := range []string{"05/10/2025", "2025-02-30", ""} {
		if _, err := Date(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// A value of the wrong kind, and a file that is not TOML, are said in
// words a user can act on, not in the parser's (it named Go types:
// "struct field settings.Settings.Level of type string").
func TestKindErrors(t *testing.T) {
	for text, want := range map[string]string{
		"level = 3\n":                  "text",
		"recipients = \"one\"\n":       "list",
		"[mail]\ninsecure = \"yes\"\n": "boolean",
	} {
		_, err := Parse("f.toml", []byte(text))
		var te *TypeError
		if !errors.As(err, &te) || te.Want != want || !errors.Is(err, ErrBadValue) {
			t.Errorf("%q: %v, want a TypeError wanting %s", text, err, want)
		}
	}
	_, err := Parse("f.toml", []byte("agency = \"abc\n"))
	var se *SyntaxError
	if !errors.As(err, &se) || se.Detail == "" {
		t.Errorf("unclosed quote: %v, want a SyntaxError", err)
	}
	keys := Keys()
	for _, k := range []string{"lang", "signer.authority", "mail.insecure", "recipients"} {
		if !slices.Contains(keys, k) {
			t.Errorf("Keys() lacks %s: %v", k, keys)
		}
	}
}
