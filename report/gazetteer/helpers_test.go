package gazetteer

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"
)

// row is one record of a data file, by column name.
type row map[string]string

// readData reads data/name with encoding/csv, independently of the package's
// own readers, so that tests check the package against the files.
func readData(t testing.TB, name string) []row {
	t.Helper()
	f, err := os.Open(filepath.Join("data", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	rows := make([]row, 0, len(recs)-1)
	for _, rec := range recs[1:] {
		r := make(row, len(rec))
		for i, col := range recs[0] {
			r[col] = rec[i]
		}
		rows = append(rows, r)
	}
	return rows
}

// byCode indexes rows by their "code" column.
func byCode(rows []row) map[string]row {
	m := make(map[string]row, len(rows))
	for _, r := range rows {
		m[r["code"]] = r
	}
	return m
}

// gz returns the shared gazetteer, failing the test if its data is corrupt.
func gz(t testing.TB) *Gazetteer {
	t.Helper()
	g := Default()
	if err := g.Check(); err != nil {
		t.Fatal(err)
	}
	return g
}

// codes returns the codes of us.
func codes(us []Unit) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.Code
	}
	return out
}

// fullNames returns the full names of us.
func fullNames(us []Unit) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.FullName
	}
	return out
}
