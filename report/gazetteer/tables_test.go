package gazetteer

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/dvkreport/dvkreport/report/gazetteer/internal/tablegen"
)

// TestTables checks that the tables ztable_*.go are those internal/tablegen
// makes from the CSV files of data/: after a change to the files, or to the
// generator or the name normaliser, run go generate in this directory.
func TestTables(t *testing.T) {
	files, err := tablegen.Generate(os.DirFS("."))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		want := files[name]
		got, err := os.ReadFile(name)
		if err != nil {
			t.Errorf("%v (run go generate ./report/gazetteer)", err)
			continue
		}
		if !bytes.Equal(got, want) {
			line := 1 + bytes.Count(got[:commonPrefix(got, want)], []byte("\n"))
			t.Errorf("%s is out of date from line %d (run go generate ./report/gazetteer)", name, line)
		}
	}
	have, err := filepath.Glob(tablegen.Pattern)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range have {
		if files[name] == nil {
			t.Errorf("%s is not generated any more (run go generate ./report/gazetteer)", name)
		}
	}
}

func commonPrefix(a, b []byte) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// TestTablesWithoutPointers checks that the elements of the tables hold no
// pointer, so that the tables are static data the garbage collector does
// not scan.
func TestTablesWithoutPointers(t *testing.T) {
	var hasPointers func(reflect.Type) bool
	hasPointers = func(typ reflect.Type) bool {
		switch typ.Kind() {
		case reflect.Bool, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			return false
		case reflect.Array:
			return hasPointers(typ.Elem())
		case reflect.Struct:
			for i := range typ.NumField() {
				if hasPointers(typ.Field(i).Type) {
					return true
				}
			}
			return false
		}
		return true
	}
	for _, v := range []any{unitRec{}, parentRec{}, rollupRec{}, int32(0), uint16(0)} {
		if typ := reflect.TypeOf(v); hasPointers(typ) {
			t.Errorf("%v has pointers", typ)
		}
	}
}
