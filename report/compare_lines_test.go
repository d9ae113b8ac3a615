package report_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/compare"
	"github.com/dvkreport/dvkreport/report/layout"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
)

// The columns of comparison add up to their totals: a locality that
// reported in the quarter before and not in this one, and a province's
// own rows, are lines too (a ninth review found the lines' previous
// quarter adding to 0 beside a total of 2, in the PDF and the summary).
func TestComparisonLinesAddUp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.csv")
	data := "province,commune,model,field,period,funds_vnd\n" +
		"Lạng Sơn,Xã Ba Sơn,A,Kinh tế,2025-Q2,100000000\n" +
		"Lạng Sơn,,P,Kinh tế,2025-Q2,200000000\n" +
		"Lạng Sơn,Xã Bắc Sơn,B,Kinh tế,2025-Q3,400000000\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := report.Options{Inputs: []string{path}, Period: record.QuarterPeriod(2025, 3), Compare: compare.Both(),
		Localities: []string{"Lạng Sơn"}, HideEmpty: true, Level: aggregate.LevelCommune}
	res, err := report.Summarize(opts)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := report.WriteSummary(&b, res, "csv", opts); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, col := range []string{"models", "prev_models", "prev_funds_vnd", "ytd_models", "ytd_funds_vnd"} {
		i := slices.Index(rows[0], col)
		sum := int64(0)
		for _, r := range rows[1 : len(rows)-1] {
			v, _ := strconv.ParseInt(r[i], 10, 64)
			sum += v
		}
		if total := rows[len(rows)-1][i]; strconv.FormatInt(sum, 10) != total {
			t.Errorf("%s: the lines add up to %d, the total is %s (%v)", col, sum, total, rows)
		}
	}
	// The workbook's sheet of communes too.
	b.Reset()
	if err := report.WriteSummary(&b, res, "xlsx", opts); err != nil {
		t.Fatal(err)
	}
	book, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	sheets := book.GetSheetList()
	cells, err := book.GetRows(sheets[len(sheets)-1])
	if err != nil {
		t.Fatal(err)
	}
	col := slices.IndexFunc(cells[0], func(h string) bool { return strings.HasPrefix(h, "Tổng số – ") })
	sum := int64(0)
	for _, r := range cells[1 : len(cells)-1] {
		v, _ := strconv.ParseInt(r[col], 10, 64)
		sum += v
	}
	if total := cells[len(cells)-1][col]; total != "2" || strconv.FormatInt(sum, 10) != total {
		t.Errorf("xlsx %s: the lines add up to %d, the total is %s (%v)", cells[0][col], sum, total, cells)
	}
	doc, err := report.Document(res, opts)
	if err != nil {
		t.Fatal(err)
	}
	var table *layout.Table
	for _, bl := range doc.Blocks {
		if tb, ok := bl.(*layout.Table); ok && strings.Contains(strings.Join(tableHeaders(tb), " "), "Quý II/2025") {
			table = tb
		}
	}
	if table == nil {
		t.Fatal("no comparison table")
	}
	n := 0
	for _, r := range table.Rows {
		if !r.Group {
			v, _ := strconv.Atoi(r.Cells[3])
			n += v
		}
	}
	if got := table.Total[3]; got != strconv.Itoa(n) || got != "2" {
		t.Errorf("the comparison table's previous quarter: rows add to %d, total %s; want 2 (%+v)", n, got, table.Rows)
	}
}

func tableHeaders(tb *layout.Table) []string {
	var out []string
	for _, c := range tb.Columns {
		out = append(out, c.Header)
	}
	return out
}

// A locality's file of a split compares as that locality's own report
// does: with the quarter before, which the data has, though the locality
// reported nothing in it (a ninth review found the column there in one and
// missing from the other).
func TestSplitComparesAsItsReport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.csv")
	data := "province,commune,model,field,period,funds_vnd\n" +
		"Lạng Sơn,Xã Ba Sơn,A,Kinh tế,2025-Q3,100000000\n" +
		"Lạng Sơn,Xã Ba Sơn,A,Kinh tế,2025-Q4,100000000\n" +
		"Lạng Sơn,Xã Bắc Sơn,B,Kinh tế,2025-Q4,200000000\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := report.Options{Inputs: []string{path}, Period: record.QuarterPeriod(2025, 4), Compare: compare.Both(), Localities: []string{"Lạng Sơn"}}
	parts := splitCommunes(t, opts)
	for _, p := range parts {
		res, err := p.Result()
		if err != nil {
			t.Fatal(err)
		}
		own := p.Options()
		own.Inputs = []string{path}
		want, err := report.Summarize(own)
		if err != nil {
			t.Fatal(err)
		}
		if (res.Comparison.Previous == nil) != (want.Comparison.Previous == nil) || res.Comparison.Previous == nil {
			t.Errorf("%v: previous quarter %v in the split, %v in its own report; want both", p.Path, res.Comparison.Previous != nil, want.Comparison.Previous != nil)
		}
	}
}

// Every sheet of the workbook adds up to its total, the district sheet of
// a commune-level summary with the province's own rows among its lines
// (an eleventh review found them left out there).
func TestXLSXSheetsAddUp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.csv")
	data := "province,district,commune,model,field,period,count,funds_vnd\n" +
		"Lạng Sơn,Huyện Bắc Sơn,Xã Bắc Quỳnh,A,Kinh tế,2025-Q2,1,100\n" +
		"Lạng Sơn,Huyện Cao Lộc,Xã Xuất Lễ,B,Kinh tế,2025-Q2,1,200\n" +
		"Lạng Sơn,,,,Quốc phòng - An ninh,2025-Q2,3,2048\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := report.Options{Inputs: []string{path}, Period: record.QuarterPeriod(2025, 2), Localities: []string{"Lạng Sơn"},
		HideEmpty: true, Level: aggregate.LevelCommune}
	res, err := report.Summarize(opts)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := report.WriteSummary(&b, res, "xlsx", opts); err != nil {
		t.Fatal(err)
	}
	book, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	for _, sheet := range book.GetSheetList() {
		cells, err := book.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for col := 1; col < len(cells[0]); col++ {
			sum := int64(0)
			for _, r := range cells[1 : len(cells)-1] {
				if col < len(r) {
					v, _ := strconv.ParseInt(r[col], 10, 64)
					sum += v
				}
			}
			if total := cells[len(cells)-1][col]; strconv.FormatInt(sum, 10) != total {
				t.Errorf("%s, %s: the lines add up to %d, the total is %s", sheet, cells[0][col], sum, total)
			}
		}
	}
}

// A commune written with a slash ("Xã Vũ Lễ/Vũ Lăng", a merged commune
// written so) is a part of a split of its own, with its figures: its part
// was Xã Vũ Lăng's report, of 0 models, and its million in no report (a
// twenty-fourth review). So is a province so written, and -l names it.
func TestSplitNamesWithSlash(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.csv")
	data := "province,commune,model,field,period,funds_vnd\n" +
		"Lạng Sơn,Xã Vũ Lễ/Vũ Lăng,A,Kinh tế,2025-Q3,1000000\n" +
		"Lạng Sơn,Xã Bắc Sơn,B,Kinh tế,2025-Q3,2000000\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := report.Options{Inputs: []string{path}, Period: record.QuarterPeriod(2025, 3), Localities: []string{"Lạng Sơn"}, HideEmpty: true}
	parts := splitCommunes(t, opts)
	funds := map[string]int64{}
	for _, p := range parts {
		res, err := p.Result()
		if err != nil {
			t.Fatal(err)
		}
		funds[p.Name()] = res.Total.FundsVND
	}
	if want := map[string]int64{"Xã Vũ Lễ/Vũ Lăng": 1000000, "Xã Bắc Sơn": 2000000}; !maps.Equal(funds, want) {
		t.Errorf("the parts' funds %v, want %v", funds, want)
	}
	one := opts
	one.Localities = []string{"Lạng Sơn/Xã Vũ Lễ/Vũ Lăng"}
	if res, err := report.Summarize(one); err != nil || res.Total.FundsVND != 1000000 {
		t.Errorf("-l Lạng Sơn/Xã Vũ Lễ/Vũ Lăng: %v; want its 1,000,000 đồng", err)
	}
}

// A query that is one place's whole path as written, and reads as another
// place's path too, is ambiguous, in any case of letters; a split still
// makes each part of its own rows (a twenty-fifth review: "Lạng Sơn/Bắc
// Sơn/Vũ Lăng" made the report of the commune written "Bắc Sơn/Vũ Lăng",
// 7 million, rather than Xã Vũ Lăng's 1 million, exit 0).
func TestWholePathAmbiguousWithAReading(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.csv")
	data := "province,district,commune,model,field,period,funds_vnd\n" +
		"Lạng Sơn,Bắc Sơn,Vũ Lăng,A,Kinh tế,2025-Q3,1000000\n" +
		"Lạng Sơn,,Bắc Sơn/Vũ Lăng,B,Kinh tế,2025-Q3,7000000\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := report.Options{Inputs: []string{path}, Period: record.QuarterPeriod(2025, 3), HideEmpty: true}
	for _, q := range []string{"Lạng Sơn/Bắc Sơn/Vũ Lăng", "lạng sơn/bắc sơn/vũ lăng"} {
		one := opts
		one.Localities = []string{q}
		if _, err := report.Summarize(one); !errors.Is(err, aggregate.ErrAmbiguousLocality) {
			t.Errorf("-l %s: %v; want it ambiguous", q, err)
		}
	}
	opts.Localities = []string{"Lạng Sơn"}
	parts := splitCommunes(t, opts)
	funds := map[string]int64{}
	for _, p := range parts {
		res, err := p.Result()
		if err != nil {
			t.Fatal(err)
		}
		funds[p.Name()] = res.Total.FundsVND
	}
	if len(funds) != 2 || funds["Bắc Sơn/Vũ Lăng"] != 7000000 || funds["Vũ Lăng"]+funds["Xã Vũ Lăng"] != 1000000 {
		t.Errorf("the parts' funds %v", funds)
	}
}

// A path with "›" between names reaches the commune whose name holds a
// slash, and the refusal of an ambiguous path suggests paths written so,
// which work (a twenty-sixth review: the suggested "A › B" read as one
// name, another place's).
func TestPathMarkReachesSlashNames(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.csv")
	data := "province,district,commune,model,field,period,funds_vnd\n" +
		"Lạng Sơn,Bắc Sơn,Vũ Lăng,A,Kinh tế,2025-Q3,1000000\n" +
		"Lạng Sơn,,Bắc Sơn/Vũ Lăng,B,Kinh tế,2025-Q3,7000000\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int64{"Lạng Sơn › Bắc Sơn/Vũ Lăng": 7000000, "Lạng Sơn › Bắc Sơn › Vũ Lăng": 1000000} {
		opts := report.Options{Inputs: []string{path}, Period: record.QuarterPeriod(2025, 3), Localities: []string{q}}
		res, err := report.Summarize(opts)
		if err != nil || res.Total.FundsVND != want {
			t.Errorf("-l %s: %v; want %d đồng", q, err, want)
		}
	}
}

// A split's parts: a commune not of its district gets no other unit's
// official code, and a part is found whatever its own rows call its
// province (a twenty-sixth review: Huyện Bắc Sơn's Xã Hoa Thám given
// Bình Gia's code, and a part refused for "mới lập" beside "Tỉnh Mới
// Lập").
func TestSplitPartsCodesAndSpellings(t *testing.T) {
	dir := t.TempDir()
	split := func(data string) []*report.Part {
		t.Helper()
		path := filepath.Join(dir, "r.csv")
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		opts := report.Options{Inputs: []string{path}, HideEmpty: true}
		return splitCommunes(t, opts)
	}
	codes := map[string]string{}
	for _, p := range split("province,district,commune,model,field,period,funds_vnd\n" +
		"Lạng Sơn,Huyện Bắc Sơn,Xã Hoa Thám,A,Kinh tế,2025-Q1,1000000\n" +
		"Lạng Sơn,Huyện Bình Gia,Xã Hoa Thám,B,Kinh tế,2025-Q1,2000000\n") {
		codes[p.Path[1]] = p.Code
	}
	if codes["Huyện Bắc Sơn"] != "" || codes["Huyện Bình Gia"] != "06073" {
		t.Errorf("codes %v; want none for Bắc Sơn's, 06073 for Bình Gia's", codes)
	}
	total := int64(0)
	for _, p := range split("province,commune,model,field,period,funds_vnd\n" +
		"Tỉnh Mới Lập,Xã Một,A,Kinh tế,2025-Q3,1000000\n" +
		"Mới Lập,Xã Hai/Ba,B,Kinh tế,2025-Q3,2000000\n" +
		"mới lập,Xã Hai,C,Kinh tế,2025-Q3,4000000\n") {
		res, err := p.Result()
		if err != nil {
			t.Fatalf("%v: %v", p.Path, err)
		}
		total += res.Total.FundsVND
	}
	if total != 7000000 {
		t.Errorf("the parts hold %d đồng, want 7,000,000", total)
	}
}

// Without a period asked for, every part of a split states the whole's
// period, the one its files are named by: a part's own rows gave it
// theirs, and one batch's reports stated different periods (a
// twenty-sixth review).
func TestSplitPartsShareThePeriod(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.csv")
	data := "province,commune,model,field,period,funds_vnd\n" +
		"Lạng Sơn,Xã Ba Sơn,A,Kinh tế,2025-Q3,1000000\n" +
		"Lạng Sơn,Xã Bắc Sơn,B,Kinh tế,2025-Q4,2000000\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := report.Options{Inputs: []string{path}, Localities: []string{"Lạng Sơn"}, HideEmpty: true}
	parts := splitCommunes(t, opts)
	want := record.Period{First: record.QuarterPeriod(2025, 3).First, Last: record.QuarterPeriod(2025, 4).Last, Kind: record.KindRange}
	for _, p := range parts {
		res, err := p.Result()
		if err != nil {
			t.Fatal(err)
		}
		if res.Period.First != want.First || res.Period.Last != want.Last {
			t.Errorf("%v: period %v, want the whole's %v", p.Path, res.Period, want)
		}
	}
}

// A summary's lists are lists in JSON, empty ones too: "null" for the
// localities of an empty commune-level summary broke a program reading it
// (a twenty-seventh review).
func TestJSONEmptyLists(t *testing.T) {
	opts := report.Options{Period: record.QuarterPeriod(2020, 2), Level: aggregate.LevelCommune}
	res, err := report.Summarize(opts)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := report.WriteSummary(&b, res, "json", opts); err != nil {
		t.Fatal(err)
	}
	if s := b.String(); !strings.Contains(s, `"localities": []`) || !strings.Contains(s, `"sources": []`) || strings.Contains(s, "null") {
		t.Errorf("JSON of an empty summary:\n%s", s)
	}
}

// The reports of a split that share a Cache, made one after another and
// at once, each in Vietnamese and in English, are byte for byte those made
// alone.
func TestSplitCacheSameBytes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.csv")
	data := "province,commune,model,field,period,funds_vnd\n" +
		"Lạng Sơn,Xã Ba Sơn,Tổ tự quản,Quốc phòng - An ninh,2025-Q4,100000000\n" +
		"Lạng Sơn,Xã Bắc Sơn,Nuôi bò,Kinh tế,2025-Q4,200000000\n" +
		"Lạng Sơn,Phường Kỳ Lừa,Chợ văn minh,Văn hóa - Xã hội,2025-Q4,300000000\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []msg.Lang{msg.VI, msg.EN} {
		opts := report.Options{Inputs: []string{path}, Period: record.QuarterPeriod(2025, 4), Localities: []string{"Lạng Sơn"}, Lang: lang}
		make1 := func(p *report.Part) []byte {
			r, err := p.Result()
			if err != nil {
				t.Fatal(err)
			}
			b, err := report.PDF(r, p.Options())
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
		var want [][]byte
		for _, p := range splitCommunes(t, opts) {
			want = append(want, make1(p))
		}
		opts.Cache = report.NewCache()
		parts := splitCommunes(t, opts)
		for round := range 2 {
			for i, p := range parts {
				if got := make1(p); !bytes.Equal(got, want[i]) {
					t.Errorf("%s, round %d: %v differs made with the cache", lang, round, p.Path)
				}
			}
		}
		var wg sync.WaitGroup
		for i, p := range parts {
			wg.Go(func() {
				if got := make1(p); !bytes.Equal(got, want[i]) {
					t.Errorf("%s: %v differs made with the cache at once with the others", lang, p.Path)
				}
			})
		}
		wg.Wait()
	}
}
