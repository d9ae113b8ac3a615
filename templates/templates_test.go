package templates

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Every text is there in both languages, and the sentences parse.
func TestLoad(t *testing.T) {
	for _, lang := range Langs {
		s, err := Load(lang, "")
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		var empty []string
		var walk func(path string, v reflect.Value)
		walk = func(path string, v reflect.Value) {
			switch v.Kind() {
			case reflect.Struct:
				for i := range v.NumField() {
					walk(path+"."+v.Type().Field(i).Name, v.Field(i))
				}
			case reflect.String:
				if v.String() == "" {
					empty = append(empty, path)
				}
			case reflect.Slice, reflect.Map:
				if v.Len() == 0 {
					empty = append(empty, path)
				}
			}
		}
		walk(lang, reflect.ValueOf(s.Texts))
		if len(empty) > 0 {
			t.Errorf("%s: empty texts %v", lang, empty)
		}
		if len(s.Texts.Periods.QuarterNames) != 4 || len(s.Texts.Periods.Months) != 12 {
			t.Errorf("%s: quarter names or months", lang)
		}
		for _, name := range []string{"subject", "summary", "note_meaning", "number_party", "number_state", "place_date"} {
			if s.Sentences.Lookup(name) == nil {
				t.Errorf("%s: no sentence %q", lang, name)
			}
		}
	}
	vi, _ := Load("vi", "")
	en, _ := Load("en", "")
	if len(vi.Texts.Indicators) != len(en.Texts.Indicators) {
		t.Error("the indicators differ between the languages")
	}
	// The sentences define the same blocks in both languages.
	names := func(s *Set) string {
		var out []string
		for _, tm := range s.Sentences.Templates() {
			if !strings.Contains(tm.Name(), "/") && tm.Name() != s.Lang {
				out = append(out, tm.Name())
			}
		}
		slicesSort(out)
		return strings.Join(out, " ")
	}
	if names(vi) != names(en) {
		t.Errorf("sentences:\nvi %s\nen %s", names(vi), names(en))
	}
}

func slicesSort(s []string) {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
}

// An edited copy replaces what it holds; a broken one names its file and
// line.
func TestOverride(t *testing.T) {
	dir := t.TempDir()
	written, err := Write(dir)
	if err != nil || len(written) != 4 {
		t.Fatalf("Write: %v %v", written, err)
	}
	toml := filepath.Join(dir, "vi", "report.toml")
	os.WriteFile(toml, []byte("[document]\ntitle = \"BÁO CÁO SƠ KẾT\"\n"), 0o644)
	s, err := Load("vi", dir)
	if err != nil {
		t.Fatal(err)
	}
	if s.Texts.Document.Title != "BÁO CÁO SƠ KẾT" || s.Texts.Document.Kind != "BÁO CÁO" {
		t.Errorf("title %q, kind %q", s.Texts.Document.Title, s.Texts.Document.Kind)
	}
	os.WriteFile(toml, []byte("[document]\ntitle = \"x\"\ntitel = \"y\"\n"), 0o644)
	var e *Error
	if _, err := Load("vi", dir); !errors.As(err, &e) || e.Line != 3 || !strings.Contains(err.Error(), "titel") {
		t.Errorf("unknown entry: %v", err)
	}
	tmpl := filepath.Join(dir, "broken.tmpl")
	os.WriteFile(tmpl, []byte("{{define \"summary\"}}\nTrong {{.PeriodWords}\n{{end}}\n"), 0o644)
	if _, err := Load("vi", tmpl); !errors.As(err, &e) || e.Line != 2 || !strings.HasPrefix(err.Error(), tmpl+":2:") {
		t.Errorf("broken template: %v", err)
	}
}

func TestExpand(t *testing.T) {
	if got := Expand("Quý {q}/{year} {x}", map[string]string{"q": "III", "year": "2025"}); got != "Quý III/2025 {x}" {
		t.Error(got)
	}
}
