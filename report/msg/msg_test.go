package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dvkreport/dvkreport/templates"
)

var placeholder = regexp.MustCompile(`\{[0-9]+\}`)

func placeholders(s string) []string {
	p := placeholder.FindAllString(s, -1)
	slices.Sort(p)
	return slices.Compact(p)
}

// The two catalogues have the same keys, and each entry the same
// placeholders in both languages.
func TestCatalogues(t *testing.T) {
	if err := templates.MessagesError(); err != nil {
		t.Fatal(err)
	}
	vi, en := templates.Messages("vi"), templates.Messages("en")
	if len(en) == 0 {
		t.Fatal("no English messages")
	}
	for k, e := range en {
		v, ok := vi[k]
		if !ok {
			t.Errorf("%s: no Vietnamese text", k)
			continue
		}
		if got, want := placeholders(v.Other), placeholders(e.Other); !slices.Equal(got, want) {
			t.Errorf("%s: Vietnamese placeholders %v, English %v", k, got, want)
		}
		if e.One != "" && !slices.Equal(placeholders(e.One), placeholders(e.Other)) && len(placeholders(e.One)) > len(placeholders(e.Other)) {
			t.Errorf("%s: the singular has placeholders the plural lacks", k)
		}
		for _, s := range []string{e.Other, v.Other} {
			if strings.HasPrefix(k, "help") {
				break // help texts are paragraphs, printed as they are
			}
			if s != "" && (strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "...")) {
				t.Errorf("%s: %q ends with a period", k, s)
			}
		}
	}
	for k := range vi {
		if _, ok := en[k]; !ok {
			t.Errorf("%s: no English text", k)
		}
	}
}

// fileExts are the extensions of the files whose names look like keys.
var fileExts = map[string]bool{"toml": true, "tmpl": true, "csv": true, "pdf": true, "json": true}

// Every key the code names is in the catalogues: the first argument of
// every msg.New with a literal key, and every string literal of the form
// "namespace.key" whose namespace is one of the catalogue's.
func TestKeysUsed(t *testing.T) {
	en := templates.Messages("en")
	spaces := map[string]bool{}
	for k := range en {
		if ns, _, ok := strings.Cut(k, "."); ok {
			spaces[ns] = true
		}
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	found := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "third_party") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "New" || len(n.Args) == 0 {
					return true
				}
				if id, ok := sel.X.(*ast.Ident); !ok || id.Name != "msg" {
					return true
				}
				if lit, ok := n.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					key, _ := strconv.Unquote(lit.Value)
					found++
					if _, ok := en[key]; !ok {
						t.Errorf("%s: msg.New(%q): no such message", fset.Position(n.Pos()), key)
					}
				}
			case *ast.BasicLit:
				if n.Kind != token.STRING {
					return true
				}
				s, _ := strconv.Unquote(n.Value)
				ns, rest, ok := strings.Cut(s, ".")
				if fileExts[rest] {
					return true // a file's name: report.tmpl
				}
				if ok && spaces[ns] && rest != "" && !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "_") && regexp.MustCompile(`^[a-z_0-9]+$`).MatchString(rest) {
					if _, ok := en[s]; !ok {
						t.Errorf("%s: %q looks like a message key but is not in the catalogue", fset.Position(n.Pos()), s)
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 20 {
		t.Errorf("found only %d msg.New calls: is the walk looking in the right place?", found)
	}
}

func TestIn(t *testing.T) {
	m := New("number.negative", Quote("-3"))
	if got := m.In(EN); got != `"-3" is negative; models, funds, households and beneficiaries cannot be: correct this cell` {
		t.Errorf("EN: %q", got)
	}
	if got := m.In(VI); got != `"-3" là số âm; số mô hình, kinh phí, số hộ và số người không âm: hãy sửa ô này` {
		t.Errorf("VI: %q", got)
	}
	// Nested texts are written in the same language.
	w := New("warning", New("names.not_2025", New("level.commune"), Quote("Xã X")))
	if got := w.In(VI); got != `cảnh báo: xã "Xã X" không có trong danh mục đơn vị hành chính từ 01/7/2025` {
		t.Errorf("nested VI: %q", got)
	}
	if got := New("no.such.key", 1).In(VI); got != "no.such.key[1]" {
		t.Errorf("unknown key: %q", got)
	}
}

func TestQuote(t *testing.T) {
	long := strings.Repeat("á", 200)
	q := Quote(long).String()
	if n := len([]rune(q)); n != MaxQuote+2 {
		t.Errorf("quoted %d runes: %q", n, q)
	}
	if got := Quote("a\x1b[31mb").String(); got != `"a\x1b[31mb"` {
		t.Errorf("escape: %s", got)
	}
	if got := Shorten("abc", 3); got != "abc" {
		t.Errorf("Shorten = %q", got)
	}
}

func TestSafe(t *testing.T) {
	for in, want := range map[string]string{
		"plain Lạng Sơn\n":      "plain Lạng Sơn\n",
		"bell\a and \x1b[2J":    `bell\a and \x1b[2J`,
		"bidi \u202e txt":       `bidi \u202e txt`,
		"bad \xff byte":         `bad \xff byte`,
		"zero\u200bwidth\tok":   `zero\u200bwidth` + "\tok",
		"c1 \u009b control end": `c1 \u009b control end`,
	} {
		if got := Safe(in); got != want {
			t.Errorf("Safe(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNumber(t *testing.T) {
	if got := Number(1234567).In(VI); got != "1.234.567" {
		t.Error(got)
	}
	if got := Number(-1234).In(EN); got != "-1,234" {
		t.Error(got)
	}
}
