package report_test

import (
	"encoding/json"
	"testing"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/aggregate"
)

// splitCommunes loads and checks the data of opts and splits it by
// commune, as generate --split-by commune does.
func splitCommunes(tb testing.TB, opts report.Options) []*report.Part {
	tb.Helper()
	d, err := report.Load(opts)
	if err != nil {
		tb.Fatal(err)
	}
	if err := d.Check(opts); err != nil {
		tb.Fatal(err)
	}
	parts, _, err := d.Split(opts, aggregate.LevelCommune)
	if err != nil {
		tb.Fatal(err)
	}
	return parts
}

// documentJSON is the laid-out report of opts as JSON: its texts, tables
// and charts, to look for what it says.
func documentJSON(tb testing.TB, opts report.Options) string {
	tb.Helper()
	res, err := report.Summarize(opts)
	if err != nil {
		tb.Fatal(err)
	}
	d, err := report.Document(res, opts)
	if err != nil {
		tb.Fatal(err)
	}
	b, err := json.Marshal(d)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
