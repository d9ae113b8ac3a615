// Package templates holds every word dvkreport writes, in one folder per
// language (vi, en), embedded in the binary:
//
//   - messages.toml: what the command says (package msg reads it);
//   - report.toml: the labels, headings, units and names of a report;
//   - report.tmpl: its sentences, as Go text/template blocks.
//
// Load parses a language's report texts into a Set, with a user's edited
// copy on top (dvkreport templates writes the copies, --template uses
// them); an edited file may hold only the entries it changes. A file that
// does not parse is an error naming the file and the line. The package
// holds no logic of the report: package layout fills the sentences.
package templates

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template"

	"github.com/pelletier/go-toml/v2"
)

//go:embed vi en
var files embed.FS

// Langs are the languages the templates are written in.
var Langs = []string{"vi", "en"}

// Files are the files of each language's folder that hold the report.
var Files = []string{"report.toml", "report.tmpl"}

// Set is a language's report texts.
type Set struct {
	Lang      string
	Texts     Texts
	Sentences *template.Template
}

// Texts are the labels of a report, as report.toml holds them.
type Texts struct {
	Document struct {
		Kind              string   `toml:"kind"`
		Title             string   `toml:"title"`
		AllLocalities     string   `toml:"all_localities"`
		LevelProvince     string   `toml:"level_province"`
		LevelDistrict     string   `toml:"level_district"`
		LevelCommune      string   `toml:"level_commune"`
		UnitsProvince     string   `toml:"units_province"`
		UnitsDistrict     string   `toml:"units_district"`
		UnitsCommune      string   `toml:"units_commune"`
		Boundaries2025    string   `toml:"boundaries_2025"`
		BoundariesWritten string   `toml:"boundaries_written"`
		National          string   `toml:"national"`
		Author            string   `toml:"author"`
		Subject           string   `toml:"subject"`
		Keywords          string   `toml:"keywords"`
		ScopeLine         string   `toml:"scope_line"`
		PeriodLine        string   `toml:"period_line"`
		ScopeWordsAll     string   `toml:"scope_words_all"`
		SymbolSkip        []string `toml:"symbol_skip"`
		PageOf            string   `toml:"page_of"`
	} `toml:"document"`
	Party struct {
		Heading    string         `toml:"heading"`
		Star       string         `toml:"star"`
		Recipients string         `toml:"recipients"`
		Archive    string         `toml:"archive"`
		Authority  AuthorityForms `toml:"authority"`
	} `toml:"party"`
	State struct {
		Nation     string         `toml:"nation"`
		Motto      string         `toml:"motto"`
		Recipients string         `toml:"recipients"`
		Archive    string         `toml:"archive"`
		Authority  AuthorityForms `toml:"authority"`
	} `toml:"state"`
	Signature struct {
		HeadTitle  string `toml:"head_title"`
		Collective string `toml:"collective"`
	} `toml:"signature"`
	Sections struct {
		KeyFigures string `toml:"key_figures"`
		Localities string `toml:"localities"`
		Compare    string `toml:"compare"`
		Models     string `toml:"models"`
		Extras     string `toml:"extras"`
		Unassigned string `toml:"unassigned"`
		Placed     string `toml:"placed"`
		Sources    string `toml:"sources"`
		Notes      string `toml:"notes"`
		Excluded   string `toml:"excluded"`
	} `toml:"sections"`
	Figures struct {
		Models        string `toml:"models"`
		New           string `toml:"new"`
		Sustained     string `toml:"sustained"`
		NotStated     string `toml:"not_stated"`
		Funds         string `toml:"funds"`
		Households    string `toml:"households"`
		Beneficiaries string `toml:"beneficiaries"`
		Indicator     string `toml:"indicator"`
		Value         string `toml:"value"`
		Change        string `toml:"change"`
		YearToDate    string `toml:"year_to_date"`
		None          string `toml:"none"`
		NewBase       string `toml:"new_base"`
		ModelsUnit    string `toml:"models_unit"`
		FundsMillion  string `toml:"funds_million"`
	} `toml:"figures"`
	Compare struct {
		Models    string `toml:"models"`
		Funds     string `toml:"funds"`
		Change    string `toml:"change"`
		ChangePct string `toml:"change_pct"`
		BaseOnly  string `toml:"base_only"`
	} `toml:"compare"`
	Fields      Fields `toml:"fields"`
	ShortFields Fields `toml:"short_fields"`
	Status      struct {
		New       string `toml:"new"`
		Sustained string `toml:"sustained"`
		NotStated string `toml:"not_stated"`
	} `toml:"status"`
	Table struct {
		Number          string `toml:"number"`
		Locality        string `toml:"locality"`
		New             string `toml:"new"`
		Sustained       string `toml:"sustained"`
		NotStated       string `toml:"not_stated"`
		Models          string `toml:"models"`
		FundsMillion    string `toml:"funds_million"`
		FundsDong       string `toml:"funds_dong"`
		Households      string `toml:"households"`
		Beneficiaries   string `toml:"beneficiaries"`
		Total           string `toml:"total"`
		Model           string `toml:"model"`
		Unit            string `toml:"unit"`
		Field           string `toml:"field"`
		Status          string `toml:"status"`
		Group           string `toml:"group"`
		Wide            string `toml:"wide"`
		WideDistrict    string `toml:"wide_district"`
		Unassigned      string `toml:"unassigned"`
		ReportedNothing string `toml:"reported_nothing"`
		Position        string `toml:"position"`
		Column          string `toml:"column"`
		Reason          string `toml:"reason"`
		RowsLeftOut     string `toml:"rows_left_out"`
	} `toml:"table"`
	Charts struct {
		Models        string `toml:"models"`
		Funds         string `toml:"funds"`
		QuarterModels string `toml:"quarter_models"`
		QuarterFunds  string `toml:"quarter_funds"`
		Number        string `toml:"number"`
		Others        string `toml:"others"`
	} `toml:"charts"`
	Units struct {
		Billion string `toml:"billion"`
		Million string `toml:"million"`
		Dong    string `toml:"dong"`
	} `toml:"units"`
	Periods struct {
		QuarterNames []string `toml:"quarter_names"`
		Quarter      string   `toml:"quarter"`
		QuarterWords string   `toml:"quarter_words"`
		Half1        string   `toml:"half_1"`
		Half2        string   `toml:"half_2"`
		NineMonths   string   `toml:"nine_months"`
		Year         string   `toml:"year"`
		YearWords    string   `toml:"year_words"`
		Years        string   `toml:"years"`
		YearsWords   string   `toml:"years_words"`
		Range        string   `toml:"range"`
		RangeWords   string   `toml:"range_words"`
		Date         string   `toml:"date"`
		Months       []string `toml:"months"`
	} `toml:"periods"`
	Indicators map[string]string `toml:"indicators"`
}

// AuthorityForms are how a signer's authority is written, with {head}
// for the head's title and {collective} for the collective body.
type AuthorityForms struct {
	Deputy     string `toml:"deputy"`
	Collective string `toml:"collective"`
	ByOrder    string `toml:"by_order"`
}

// Fields are the names of the four fields and of the unclassified ones.
type Fields struct {
	Economy         string `toml:"economy"`
	CultureSociety  string `toml:"culture_society"`
	DefenseSecurity string `toml:"defense_security"`
	PartyBuilding   string `toml:"party_building"`
	Unclassified    string `toml:"unclassified"`
}

// Error is a template file that does not parse: its name, its line (0 when
// not known) and what is wrong.
type Error struct {
	File string
	Line int
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Load returns the report texts of a language ("vi" or "en"). override, if
// not empty, names an edited copy: a folder holding report.toml and
// report.tmpl (or a folder of them per language), or one of those files;
// what it has replaces the embedded texts, entry by entry.
func Load(lang, override string) (*Set, error) {
	if !isLang(lang) {
		return nil, fmt.Errorf("templates: unknown language %q", lang)
	}
	// A sentence that names a value the report does not give fails,
	// rather than printing "<no value>".
	s := &Set{Lang: lang, Sentences: template.New(lang).Funcs(funcs).Option("missingkey=error")}
	for _, name := range Files {
		data, err := files.ReadFile(lang + "/" + name)
		if err != nil {
			return nil, err
		}
		if err := s.parse("templates/"+lang+"/"+name, data); err != nil {
			return nil, err
		}
	}
	if override == "" {
		return s, nil
	}
	for _, name := range overrideFiles(override, lang) {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, &Error{File: name, Err: err}
		}
		if err := s.parse(name, data); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// overrideFiles returns the files of an edited copy that apply to lang.
func overrideFiles(override, lang string) []string {
	fi, err := os.Stat(override)
	if err != nil || !fi.IsDir() {
		return []string{override} // a file, or an error to report
	}
	var out []string
	for _, dir := range []string{override, filepath.Join(override, lang)} {
		for _, name := range Files {
			p := filepath.Join(dir, name)
			if _, err := os.Stat(p); err == nil {
				out = append(out, p)
			}
		}
	}
	if len(out) == 0 {
		return []string{filepath.Join(override, lang, Files[0])} // names what is missing
	}
	return out
}

// parse reads a template file into s, by its extension.
func (s *Set) parse(name string, data []byte) error {
	switch filepath.Ext(name) {
	case ".toml":
		dec := toml.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&s.Texts); err != nil {
			line := 0
			var de *toml.DecodeError
			var se *toml.StrictMissingError
			switch {
			case errors.As(err, &se) && len(se.Errors) > 0:
				line, _ = se.Errors[0].Position()
				err = fmt.Errorf("unknown entry %q", strings.Join(se.Errors[0].Key(), "."))
			case errors.As(err, &de):
				line, _ = de.Position()
			}
			return &Error{File: name, Line: line, Err: err}
		}
	case ".tmpl":
		if _, err := s.Sentences.New(name).Parse(string(data)); err != nil {
			return &Error{File: name, Line: templateLine(err), Err: err}
		}
	default:
		return &Error{File: name, Err: errors.New("not a template file (report.toml or report.tmpl)")}
	}
	return nil
}

var lineRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`:(\d+):`) })

// execRe finds the file and line in an error of text/template's Execute:
// template: report.tmpl:12:5: executing "summary" at <.X>: …
var execRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^template: (.+?):(\d+):(?:\d+:)? `) })

// ExecError turns an error of running one of the sentences into an *Error
// naming the template file and line: a sentence edited with a field the
// report does not have parses, and fails only when it runs.
func (s *Set) ExecError(err error) error {
	if m := execRe().FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[2])
		return &Error{File: m[1], Line: n, Err: err}
	}
	return &Error{File: "report.tmpl", Err: err}
}

// templateLine finds the line in a text/template error, 0 if none.
func templateLine(err error) int {
	if m := lineRe().FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

// funcs are the functions the sentences may call.
var funcs = template.FuncMap{
	"join": strings.Join,
}

func isLang(l string) bool {
	for _, x := range Langs {
		if x == l {
			return true
		}
	}
	return false
}

// SettingsName is the commented settings file of each language's folder,
// which dvkreport init writes for an office to fill in.
const SettingsName = "dvkreport.toml"

// Settings returns the commented settings file of a language.
func Settings(lang string) ([]byte, error) {
	if !isLang(lang) {
		return nil, fmt.Errorf("templates: unknown language %q", lang)
	}
	return files.ReadFile(lang + "/" + SettingsName)
}

// Write copies the embedded report texts into dir, one folder per
// language, for an office to edit.
func Write(dir string) ([]string, error) {
	var written []string
	err := fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !slices.Contains(Files, path.Base(p)) {
			return err
		}
		data, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		out := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(out), 0o777); err != nil {
			return err
		}
		if err := os.WriteFile(out, data, 0o666); err != nil {
			return err
		}
		written = append(written, out)
		return nil
	})
	return written, err
}

// Expand replaces the placeholders {name} of a text by values; a
// placeholder without a value stays as it is.
func Expand(text string, values map[string]string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(text, '{')
		if i < 0 {
			b.WriteString(text)
			return b.String()
		}
		j := strings.IndexByte(text[i:], '}')
		if j < 0 {
			b.WriteString(text)
			return b.String()
		}
		b.WriteString(text[:i])
		if v, ok := values[text[i+1:i+j]]; ok {
			b.WriteString(v)
		} else {
			b.WriteString(text[i : i+j+1])
		}
		text = text[i+j+1:]
	}
}
