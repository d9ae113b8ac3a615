package report_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/compare"
	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/layout"
	"github.com/dvkreport/dvkreport/report/load"
	"github.com/dvkreport/dvkreport/report/names"
	"github.com/dvkreport/dvkreport/report/pdf"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/report/synth"
	"github.com/dvkreport/dvkreport/report/validate"
	"github.com/dvkreport/dvkreport/templates"
)

// BenchmarkSeedReport makes the report of the embedded seed data.
// Target: under 50 ms and 150 KB.
func BenchmarkSeedReport(b *testing.B) {
	for _, raster := range []bool{false, true} {
		name := "vector"
		if raster {
			name = "raster"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			var size int
			for b.Loop() {
				var buf bytes.Buffer
				if err := report.Generate(report.Options{RasterCharts: raster}, &buf); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size), "pdf-bytes")
		})
	}
}

// nationalRegister writes the synthetic national register of 100,000
// rows (34 provinces, about 3,300 communes, 8 quarters) to a file.
func nationalRegister(b *testing.B) string {
	b.Helper()
	name := filepath.Join(b.TempDir(), "national.csv")
	if err := synth.WriteFile(name, 100_000, 1); err != nil {
		b.Fatal(err)
	}
	return name
}

// BenchmarkNationalReport makes a commune-level report of 100,000 rows,
// and each of its steps on its own, to show where the time goes.
// Target: under 0.25 s and 1 MB for the whole.
func BenchmarkNationalReport(b *testing.B) {
	file := nationalRegister(b)
	opts := report.Options{Inputs: []string{file}, Level: aggregate.LevelCommune}
	b.Run("all", func(b *testing.B) {
		b.ReportAllocs()
		var size, lines int
		for b.Loop() {
			s, err := report.Summarize(opts)
			if err != nil {
				b.Fatal(err)
			}
			data, err := report.PDF(s, opts)
			if err != nil {
				b.Fatal(err)
			}
			size, lines = len(data), len(s.Lines)
		}
		b.ReportMetric(float64(size), "pdf-bytes")
		b.ReportMetric(float64(lines), "table-rows")
	})
	tables, err := load.File(file, load.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("read", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := load.File(file, load.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	ds, problems := validate.Tables(tables)
	if len(problems) > 0 {
		b.Fatalf("%d problems, the first: %v", len(problems), problems[0])
	}
	b.Run("validate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			validate.Tables(tables)
		}
	})
	g := gazetteer.Default()
	names.Apply(&ds, g, false)
	b.Run("names", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			names.Apply(&ds, g, false) // the names are written as the gazetteer does already
		}
	})
	aopts := aggregate.Options{Level: aggregate.LevelCommune}
	s, err := aggregate.Summarize(&ds, aopts)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("aggregate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := aggregate.Summarize(&ds, aopts); err != nil {
				b.Fatal(err)
			}
		}
	})
	// A quarter's report with both comparisons and eight quarters of
	// history, as every quarterly report is: the aggregate and compare
	// steps, the data loaded and checked outside the loop.
	qopts := report.Options{Inputs: []string{file}, Period: record.QuarterPeriod(2026, 3), Compare: compare.Both(), Level: aggregate.LevelCommune}
	d, err := report.Load(qopts)
	if err != nil {
		b.Fatal(err)
	}
	if err := d.Check(qopts); err != nil {
		b.Fatal(err)
	}
	b.Run("compare", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := d.Summarize(qopts); err != nil {
				b.Fatal(err)
			}
		}
	})
	texts, err := templates.Load("vi", "")
	if err != nil {
		b.Fatal(err)
	}
	doc, err := layout.Build(s, texts, layout.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("layout", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := layout.Build(s, texts, layout.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("pdf", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := pdf.Render(doc, pdf.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkRead reads a 100,000-row register as CSV and as XLSX and
// validates it. Targets: CSV under 0.5 s, XLSX under 3 s and 300 MB.
func BenchmarkRead(b *testing.B) {
	dir := b.TempDir()
	for _, form := range []string{"csv", "xlsx"} {
		name := filepath.Join(dir, "national."+form)
		if err := synth.WriteFile(name, 100_000, 1); err != nil {
			b.Fatal(err)
		}
		b.Run(form, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d, err := report.Load(report.Options{Inputs: []string{name}})
				if err != nil {
					b.Fatal(err)
				}
				if len(d.Records) != 100_000 || len(d.Problems) > 0 {
					b.Fatalf("%d records, %d problems", len(d.Records), len(d.Problems))
				}
			}
		})
	}
}

// BenchmarkSplitCommune makes the reports of one commune each, as
// generate --split-by commune does, of the national register's communes
// in turn: the time per report, with the split itself (loading once,
// partitioning) outside the loop; alone, or sharing a Cache as the
// command's reports do.
func BenchmarkSplitCommune(b *testing.B) {
	file := nationalRegister(b)
	opts := report.Options{Inputs: []string{file}, Period: record.QuarterPeriod(2026, 3), Compare: compare.Both()}
	d, err := report.Load(opts)
	if err != nil {
		b.Fatal(err)
	}
	if err := d.Check(opts); err != nil {
		b.Fatal(err)
	}
	for _, cached := range []bool{false, true} {
		name := "alone"
		if cached {
			name, opts.Cache = "cache", report.NewCache()
		}
		parts, _, err := d.Split(opts, aggregate.LevelCommune)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				p := parts[i%len(parts)]
				r, err := p.Result()
				if err != nil {
					b.Fatal(err)
				}
				if _, err := report.PDF(r, p.Options()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
