package pdf

import (
	"reflect"
	"strings"

	"github.com/dvkreport/dvkreport/fonts"
	"github.com/dvkreport/dvkreport/report/layout"
)

// replacement stands for a character the fonts cannot draw.
const replacement = "?"

// printable replaces, in every text of doc, the characters the embedded
// fonts cannot draw (fonts.Covers) by a question mark, so that nothing the
// data holds can make fpdf fail ("character outside the supported range")
// or print an empty box. Package validate refuses such cells, naming them,
// so what reaches this point comes from elsewhere: a file or sheet name, a
// header. Texts are changed in place, and only those that need it.
func printable(doc *layout.Document) {
	walk(reflect.ValueOf(doc))
}

func walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walk(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walk(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walk(v.Index(i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			walk(e)
			v.SetMapIndex(k, e)
		}
	case reflect.String:
		if s := v.String(); v.CanSet() {
			if _, bad := fonts.Uncovered(s); bad {
				v.SetString(replaceUncovered(s))
			}
		}
	}
}

func replaceUncovered(s string) string {
	var b strings.Builder
	for _, r := range s {
		if fonts.Covers(r) || r == '\n' || r == '\t' {
			b.WriteRune(r)
		} else {
			b.WriteString(replacement)
		}
	}
	return b.String()
}
