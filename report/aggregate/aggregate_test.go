package aggregate

import (
	"errors"
	"maps"
	"runtime"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/dvkreport/dvkreport/report/record"
)

func rec(prov, dist, comm string, f record.Field, st record.Status, period string, count, funds int64) record.Record {
	p, err := record.ParsePeriod(period)
	if err != nil {
		panic(err)
	}
	return record.Record{Province: prov, District: dist, Commune: comm, Field: f, Status: st, Period: p, Count: count, FundsVND: funds, Households: 1}
}

func testData() *record.Dataset {
	return &record.Dataset{Records: []record.Record{
		rec("Lạng Sơn", "", "Xã Bắc Sơn", record.Economy, record.New, "2025-Q3", 2, 100),
		rec("Lạng Sơn", "", "Xã Bắc Sơn", record.CultureSociety, record.Sustained, "2025-Q3", 1, 50),
		rec("Lạng Sơn", "", "Xã Đình Lập", record.Economy, record.New, "2025-Q2", 1, 0),
		rec("Lạng Sơn", "", "", record.PartyBuilding, record.New, "2025-Q3", 4, 0),
		rec("Đắk Nông", "Đắk Song", "", record.Unclassified, record.New, "2024-Q3", 3, 1000),
		rec("Đắk Nông", "Đắk Mil", "", record.DefenseSecurity, record.Sustained, "2024-Q3", 1, 0),
		rec("Đà Nẵng", "", "", record.Economy, record.New, "2025", 5, 7),
		rec("Bắc Sơn", "", "", record.Economy, record.New, "2025", 1, 0), // a province named like a commune
	}}
}

func names(s *Summary) string {
	var out []string
	for _, l := range s.Lines {
		n := strings.Join(l.Path, "/")
		if l.Partial {
			n += "*"
		}
		out = append(out, n)
	}
	return strings.Join(out, ", ")
}

func TestSummarize(t *testing.T) {
	tests := []struct {
		name   string
		opts   Options
		lines  string
		models int64
		funds  int64
		level  Level
		period string
	}{
		// Đ sorts after D; names that differ only in diacritics are one locality.
		{"all", Options{}, "Bắc Sơn, Đà Nẵng, Đắk Nông, Lạng Sơn", 18, 1157, LevelProvince, "2024-Q3..2025-Q4"},
		{"province filter goes one level down", Options{Localities: []string{"lang son"}}, "Lạng Sơn/Xã Bắc Sơn, Lạng Sơn/Xã Đình Lập, Lạng Sơn*", 8, 150, LevelCommune, "2025-Q2..2025-Q3"},
		{"district level", Options{Localities: []string{"Đắk Nông"}}, "Đắk Nông/Đắk Mil, Đắk Nông/Đắk Song", 4, 1000, LevelDistrict, "2024-Q3"},
		{"path", Options{Localities: []string{"Lạng Sơn/Bắc Sơn"}}, "Lạng Sơn/Xã Bắc Sơn", 3, 150, LevelCommune, "2025-Q3"},
		{"period", Options{Period: record.QuarterPeriod(2025, 3)}, "Lạng Sơn", 7, 150, LevelProvince, "2025-Q3"},
		{"explicit level", Options{Level: LevelCommune, Localities: []string{"Lạng Sơn"}}, "Lạng Sơn/Xã Bắc Sơn, Lạng Sơn/Xã Đình Lập, Lạng Sơn*", 8, 150, LevelCommune, "2025-Q2..2025-Q3"},
	}
	for _, tt := range tests {
		s, err := Summarize(testData(), tt.opts)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got := names(s); got != tt.lines {
			t.Errorf("%s: lines %q, want %q", tt.name, got, tt.lines)
		}
		if s.Total.Models != tt.models || s.Total.FundsVND != tt.funds || s.Level != tt.level || s.Period.String() != tt.period {
			t.Errorf("%s: models %d funds %d level %v period %s; want %d %d %v %s", tt.name,
				s.Total.Models, s.Total.FundsVND, s.Level, s.Period, tt.models, tt.funds, tt.level, tt.period)
		}
		// The total is the sum of the lines.
		var sum Figures
		for _, l := range s.Lines {
			sum.Models += l.Models
			sum.FundsVND += l.FundsVND
			sum.New += l.New
			sum.Sustained += l.Sustained
		}
		if sum.Models != s.Total.Models || sum.FundsVND != s.Total.FundsVND || sum.New+sum.Sustained != s.Total.Models {
			t.Errorf("%s: lines sum to %+v, total %+v", tt.name, sum, s.Total)
		}
	}
}

func TestSummarizeFigures(t *testing.T) {
	s, err := Summarize(testData(), Options{Localities: []string{"Lạng Sơn"}, Level: LevelProvince})
	if err != nil {
		t.Fatal(err)
	}
	l := s.Lines[0]
	if l.ByField[record.Economy] != 3 || l.ByField[record.CultureSociety] != 1 || l.ByField[record.PartyBuilding] != 4 ||
		l.New != 7 || l.Sustained != 1 || l.Households != 4 || l.Records != 4 {
		t.Errorf("Lạng Sơn = %+v", l)
	}
}

func TestSummarizeErrors(t *testing.T) {
	_, err := Summarize(testData(), Options{Localities: []string{"Lang Sonn"}})
	if !errors.Is(err, ErrUnknownLocality) || !strings.Contains(err.Error(), "did you mean Lạng Sơn") {
		t.Errorf("misspelt: %v", err)
	}
	// Issue 11: a province wins over a commune of the same name; a type
	// chooses between them.
	s, err := Summarize(testData(), Options{Localities: []string{"Bắc Sơn"}})
	if err != nil || names(s) != "Bắc Sơn" {
		t.Errorf("Bắc Sơn: %v, %v", err, s)
	}
	s, err = Summarize(testData(), Options{Localities: []string{"Xã Bắc Sơn"}})
	if err != nil || names(s) != "Lạng Sơn/Xã Bắc Sơn" {
		t.Errorf("Xã Bắc Sơn: %v", err)
	}
	ds := testData()
	ds.Records = append(ds.Records, rec("Đà Nẵng", "", "Xã Bắc Sơn", record.Economy, record.New, "2025-Q3", 1, 0))
	_, err = Summarize(ds, Options{Localities: []string{"Xã Bắc Sơn"}})
	if !errors.Is(err, ErrAmbiguousLocality) || !strings.Contains(err.Error(), `"Lạng Sơn/Xã Bắc Sơn", "Đà Nẵng/Xã Bắc Sơn"`) || !strings.Contains(err.Error(), `as in "Lạng Sơn/Xã Bắc Sơn"`) {
		t.Errorf("ambiguous: %v", err)
	}
	// Issue 12: a period without records is an empty report, not an
	// error.
	s, err = Summarize(testData(), Options{Period: record.QuarterPeriod(2020, 1)})
	if err != nil || s.Records != 0 || len(s.Lines) != 0 {
		t.Errorf("empty period: %v, %+v", err, s)
	}
}

// Names written in different ways land in one line: the one normaliser
// of locality names is gazetteer.Key.
func TestNameVariantsOneLine(t *testing.T) {
	var ds record.Dataset
	// Without diacritics a name is another key; package names settles it
	// against the gazetteer before aggregation.
	for _, name := range []string{"Khánh Hòa", "Khánh Hoà", "khánh hoà", "Tỉnh Khánh Hòa", "KHÁNH  HÒA", norm.NFD.String("Khánh Hoà")} {
		ds.Records = append(ds.Records, rec(name, "", "", record.Economy, record.New, "2025", 1, 0))
	}
	s, err := Summarize(&ds, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Lines) != 1 || s.Lines[0].Models != 6 || s.Lines[0].Name() != "Khánh Hòa" {
		t.Errorf("lines = %q, want one line of 6 models", names(s))
	}
	for _, q := range []string{"khanh hoa", "Tỉnh Khánh Hoà", "KHÁNH HÒA"} {
		if _, err := Summarize(&ds, Options{Localities: []string{q}}); err != nil {
			t.Errorf("--locality %q: %v", q, err)
		}
	}
}

func TestParseLevel(t *testing.T) {
	for in, want := range map[string]Level{"": LevelAuto, "province": LevelProvince, "Huyện": LevelDistrict, "commune": LevelCommune, "xã": LevelCommune} {
		if got, err := ParseLevel(in); err != nil || got != want {
			t.Errorf("ParseLevel(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseLevel("village"); err == nil {
		t.Error("ParseLevel(village) succeeded")
	}
}

// A group of models reported in rows whose counts overflow when summed is
// an error, not a saturated figure printed with success: the group's sum
// went past the largest figure on its line while the total, to which the
// saturated count was then added once, did not (found by a helper's
// review; the count 999999999999999999 ten times printed 9223372036854775807).
func TestGroupOverflow(t *testing.T) {
	var recs []record.Record
	for range 10 {
		r := rec("Lạng Sơn", "", "Xã Bắc Sơn", record.Economy, record.New, "2025-Q3", 999_999_999_999_999_999, 0)
		r.Unit = "Hội Phụ nữ"
		recs = append(recs, r)
	}
	for _, level := range []Level{LevelProvince, LevelCommune} {
		s, err := Summarize(&record.Dataset{Records: recs}, Options{Level: level})
		var oe *OverflowError
		if !errors.As(err, &oe) || oe.Column != "count" {
			t.Errorf("level %v: %v, want an overflow of count (total %d)", level, err, totalModels(s))
		}
	}
}

func totalModels(s *Summary) int64 {
	if s == nil {
		return 0
	}
	return s.Total.Models
}

// One model over a period, as validate's duplicates take it for one: its
// name retyped without diacritics, or in quotes, in a later quarter (a
// ninth review counted it twice in the year to date); two names that both
// have diacritics and differ in them are two models, and a name without
// them that two such names may be stays its own.
func TestModelAcrossQuarters(t *testing.T) {
	model := func(name, period string) record.Record {
		r := rec("Lạng Sơn", "", "Xã Ba Sơn", record.Economy, record.Sustained, period, 1, 10)
		r.Model, r.Unit = name, "Hội Nông dân"
		return r
	}
	for _, tc := range []struct {
		names []string // in 2026-Q1, Q2, …
		want  int64
	}{
		{[]string{"Trồng chè", "Trong che"}, 1},
		{[]string{"Trong che", "Trồng chè", "TRONG  CHE"}, 1},
		{[]string{"Nuôi ong", "“Nuôi ong”", "\"nuôi ong\""}, 1},
		{[]string{"Trồng dứa", "Trồng dừa"}, 2},
		{[]string{"Trồng dứa", "Trồng dừa", "Trong dua"}, 3},
		// A tenth review: retyped with curly quotes, a no-break space or
		// an en dash; the tone marks placed the old way.
		{[]string{"Trồng chè", "“Trong che”"}, 1},
		{[]string{"Đường hoa", "Duong\u00a0hoa"}, 1},
		{[]string{"Nuôi ong – tổ 1", "Nuoi ong – to 1"}, 1},
		{[]string{"Tổ hoà giải kiểu mẫu", "Tổ hòa giải kiểu mẫu", "Tổ hoà giải kiểu mẫu"}, 1},
		{[]string{"Chăm sóc sức khoẻ", "Chăm sóc sức khỏe"}, 1},
		{[]string{"Khu dân cư (Hoà)", "Khu dân cư (Hòa)", "Xóm Hoà, Thuận", "Xóm Hòa, Thuận"}, 2},
		{[]string{"Sống khoẻ.", "Sống khỏe."}, 1},
		{[]string{"Quỹ học bổng", "Quý học bổng"}, 2},
		{[]string{"Nuôi ong-tổ 1", "Nuôi ong - tổ 1", "Nuôi ong – tổ 1", "Nuoi ong — to 1"}, 1},
		{[]string{"“Hoà Bình”", "„Hòa Bình“"}, 1},
		{[]string{"Đường hoa", "Ðường hoa"}, 1},
	} {
		var recs []record.Record
		for q, n := range tc.names {
			recs = append(recs, model(n, "2026-Q"+string(rune('1'+q))))
		}
		s, err := Summarize(&record.Dataset{Records: recs}, Options{Period: record.YearsPeriod(2026, 2026)})
		if err != nil {
			t.Fatal(err)
		}
		if s.Total.Models != tc.want {
			t.Errorf("%q: %d models, want %d", tc.names, s.Total.Models, tc.want)
		}
	}
}

// A name without diacritics is taken for the one name with them of its
// own place, unit and field: another commune's model of a name it may be
// too (Trồng dừa beside Trồng dứa) does not make it ambiguous (a tenth
// review).
func TestPlainNameInItsPlace(t *testing.T) {
	model := func(commune, name, period string) record.Record {
		r := rec("Lạng Sơn", "", commune, record.Economy, record.Sustained, period, 1, 10)
		r.Model, r.Unit = name, "Hội Nông dân"
		return r
	}
	recs := []record.Record{
		model("Xã Ba Sơn", "Trồng dứa", "2026-Q1"), model("Xã Ba Sơn", "Trong dua", "2026-Q2"),
		model("Xã Bắc Sơn", "Trồng dừa", "2026-Q1"),
	}
	for _, tc := range []struct {
		scope string
		want  int64
	}{{"Lạng Sơn/Xã Ba Sơn", 1}, {"Lạng Sơn", 2}} {
		s, err := Summarize(&record.Dataset{Records: recs}, Options{Period: record.YearsPeriod(2026, 2026), Localities: []string{tc.scope}})
		if err != nil {
			t.Fatal(err)
		}
		if s.Total.Models != tc.want {
			t.Errorf("%s: %d models, want %d", tc.scope, s.Total.Models, tc.want)
		}
	}
}

// What a period's rows were does not change with a later quarter's: a
// name with diacritics first reported after a name without them does not
// make that one ambiguous (an eleventh review found a half-year's models
// going from 1 to 2 when the next quarter's file was read).
func TestPlainNameLaterName(t *testing.T) {
	model := func(name, period string) record.Record {
		r := rec("Lạng Sơn", "", "Xã Ba Sơn", record.Economy, record.Sustained, period, 1, 10)
		r.Model, r.Unit = name, "Hội Nông dân"
		return r
	}
	h1 := []record.Record{model("Trồng dứa", "2026-Q1"), model("Trong dua", "2026-Q2")}
	all := append(slices.Clone(h1), model("Trồng dứa", "2026-Q3"), model("Trồng dừa", "2026-Q3"))
	for what, recs := range map[string][]record.Record{"the half-year's rows": h1, "with the next quarter's": all} {
		s, err := Summarize(&record.Dataset{Records: recs}, Options{Period: record.Period{First: record.QuarterOf(2026, 1), Last: record.QuarterOf(2026, 2), Kind: record.KindRange}})
		if err != nil {
			t.Fatal(err)
		}
		if s.Total.Models != 1 {
			t.Errorf("%s: %d models in 2026-H1, want 1", what, s.Total.Models)
		}
	}
}

// A group row's models are its latest quarter's, whatever their status:
// five models reported new in one quarter and sustained in the next are
// five (a ninth review counted ten); rows of one quarter of new and of
// sustained models add up.
func TestGroupAcrossStatuses(t *testing.T) {
	group := func(st record.Status, period string, count int64) record.Record {
		r := rec("Lạng Sơn", "", "Xã Ba Sơn", record.Economy, st, period, count, 10)
		r.Unit = "Hội Phụ nữ"
		return r
	}
	recs := []record.Record{group(record.New, "2025-Q3", 5), group(record.Sustained, "2025-Q4", 5)}
	s, err := Summarize(&record.Dataset{Records: recs}, Options{Period: record.YearsPeriod(2025, 2025), Models: true})
	if err != nil {
		t.Fatal(err)
	}
	if s.Total.Models != 5 || s.Total.New != 5 || len(s.Models) != 1 || s.Models[0].Count != 5 || s.Models[0].Status != record.New {
		t.Errorf("new then sustained: %d models (%d new), %+v; want 5 (5) in one entry of new models", s.Total.Models, s.Total.New, s.Models)
	}
	// The last quarter alone: sustained.
	if s, err = Summarize(&record.Dataset{Records: recs}, Options{Period: record.QuarterPeriod(2025, 4)}); err != nil || s.Total.Sustained != 5 || s.Total.New != 0 {
		t.Errorf("the last quarter: %v, %+v; want 5 sustained", err, s.Total)
	}
	recs = append(recs, group(record.New, "2025-Q4", 2))
	if s, err = Summarize(&record.Dataset{Records: recs}, Options{Period: record.YearsPeriod(2025, 2025), Models: true}); err != nil {
		t.Fatal(err)
	}
	if s.Total.Models != 7 || s.Total.New != 7 || len(s.Models) != 1 || s.Models[0].Status != record.New {
		t.Errorf("two more new in the latest quarter: %d models (%d new), %+v; want 7 (7) in one entry of new models",
			s.Total.Models, s.Total.New, s.Models)
	}
	if s, err = Summarize(&record.Dataset{Records: recs}, Options{Period: record.QuarterPeriod(2025, 4), Models: true}); err != nil ||
		s.Total.New != 2 || s.Total.Sustained != 5 || len(s.Models) != 1 || s.Models[0].Status != record.NotStated {
		t.Errorf("new and sustained in one quarter: %v, %+v, %+v; want 2 new, 5 sustained, one entry of no status", err, s.Total, s.Models)
	}
}

// Under a roll-up to the 2025 units, two old communes' models of one name,
// now of one commune, are two, and their groups are summed, each at its
// own latest quarter; the new commune's own rows stand for them all (an
// eleventh review found 4 models for 5 in a quarter, 4 for 7 in a
// half-year).
func TestRolledUpOrigins(t *testing.T) {
	row := func(origin int32, name string, count int64, period string) record.Record {
		r := rec("Lạng Sơn", "", "Xã Ba Sơn", record.Economy, record.Sustained, period, count, 10)
		r.Model, r.Unit, r.Origin = name, "Hội Nông dân", origin
		return r
	}
	recs := []record.Record{
		row(1, "Nuôi ong", 1, "2025-Q2"), row(2, "Nuôi ong", 1, "2025-Q2"), // two old communes
		row(1, "", 3, "2025-Q1"), row(1, "", 3, "2025-Q2"), row(2, "", 2, "2025-Q1"), // their groups
	}
	for _, tc := range []struct {
		period record.Period
		recs   []record.Record
		want   int64
	}{
		{record.QuarterPeriod(2025, 2), recs, 5},
		{record.Period{First: record.QuarterOf(2025, 1), Last: record.QuarterOf(2025, 2), Kind: record.KindRange}, recs, 7},
		// The new commune's rows after the reform: its own group stands
		// for the old ones, its model continues theirs.
		{record.YearsPeriod(2025, 2025), append(slices.Clone(recs), row(0, "Nuôi ong", 1, "2025-Q3"), row(0, "", 4, "2025-Q3")), 6},
		// A twelfth review: a province's own rows of before the reform
		// are an old unit of their own (origin 3), not the new
		// commune's rows standing for the others.
		{record.QuarterPeriod(2025, 1), []record.Record{row(3, "", 5, "2025-Q1"), row(1, "", 4, "2025-Q1"), row(2, "", 3, "2025-Q1"),
			row(3, "Nuôi ong", 1, "2025-Q1"), row(1, "Nuôi ong", 1, "2025-Q1")}, 14},
	} {
		s, err := Summarize(&record.Dataset{Records: tc.recs}, Options{Period: tc.period})
		if err != nil {
			t.Fatal(err)
		}
		if s.Total.Models != tc.want {
			t.Errorf("%v: %d models, want %d", tc.period, s.Total.Models, tc.want)
		}
	}
	// A fourteenth review: old communes still named after the reform,
	// beside the new commune's own rows of the same quarter, are models
	// and groups of their own; named so in one quarter and as the new
	// commune in the next, they are continued.
	q3 := []record.Record{row(0, "Nuôi ong", 1, "2025-Q3"), row(1, "Nuôi ong", 1, "2025-Q3"), row(0, "", 4, "2025-Q3"), row(1, "", 3, "2025-Q3"), row(2, "", 2, "2025-Q3")}
	if s, err := Summarize(&record.Dataset{Records: q3}, Options{Period: record.QuarterPeriod(2025, 3)}); err != nil || s.Total.Models != 11 {
		t.Errorf("old names beside the new one in one quarter: %v, %+v; want 11 models", err, s.Total)
	}
	later := []record.Record{row(1, "Nuôi ong", 1, "2025-Q3"), row(2, "", 2, "2025-Q3"), row(0, "Nuôi ong", 1, "2025-Q4"), row(0, "", 2, "2025-Q4")}
	if s, err := Summarize(&record.Dataset{Records: later}, Options{Period: record.YearsPeriod(2025, 2025)}); err != nil || s.Total.Models != 3 {
		t.Errorf("old names, then the new one: %v, %+v; want 3 models", err, s.Total)
	}
	// A fifteenth review: an old commune named beside the new one in Q3,
	// the new one alone in Q4: the year has the Q3 models still (9, not
	// 5).
	overlap := append(slices.Clone(q3[:2]), row(0, "", 4, "2025-Q3"), row(1, "", 3, "2025-Q3"), row(0, "Nuôi ong", 1, "2025-Q4"), row(0, "", 4, "2025-Q4"))
	if s, err := Summarize(&record.Dataset{Records: overlap}, Options{Period: record.YearsPeriod(2025, 2025)}); err != nil || s.Total.Models != 9 {
		t.Errorf("old name beside the new in Q3, the new alone in Q4: %v, %+v; want 9 models in the year", err, s.Total)
	}
	// A sixteenth review: the new commune's row of a half-year starts in
	// its first quarter, the old commune's of that quarter beside it.
	h2 := func(r record.Record) record.Record {
		r.Period = record.Period{First: record.QuarterOf(2025, 3), Last: record.QuarterOf(2025, 4), Kind: record.KindHalf}
		return r
	}
	half := []record.Record{row(1, "Nuôi ong", 1, "2025-Q3"), row(1, "", 3, "2025-Q3"), h2(row(0, "Nuôi ong", 1, "2025-Q4")), h2(row(0, "", 4, "2025-Q4"))}
	if s, err := Summarize(&record.Dataset{Records: half}, Options{Period: record.YearsPeriod(2025, 2025)}); err != nil || s.Total.Models != 9 {
		t.Errorf("the new commune's half-year rows beside an old commune's Q3: %v, %+v; want 9 models", err, s.Total)
	}
	// Each old commune's model has its own status (a twelfth review found
	// both new).
	a, b := row(1, "Nuôi ong", 1, "2025-Q1"), row(2, "Nuôi ong", 1, "2025-Q1")
	a.Status, b.Status = record.New, record.Sustained
	s, err := Summarize(&record.Dataset{Records: []record.Record{a, b}}, Options{Period: record.QuarterPeriod(2025, 1)})
	if err != nil || s.Total.New != 1 || s.Total.Sustained != 1 {
		t.Errorf("new and sustained old communes' models: %v, %+v; want 1 new, 1 sustained", err, s.Total)
	}
	// A split commune's rows are no province's own: two lines, two models.
	c := row(1, "Nuôi ong", 1, "2025-Q1")
	c.Commune, c.Unassigned = "", false
	d := row(2, "Nuôi ong", 1, "2025-Q1")
	d.Commune, d.Unassigned = "", true // rolled up to its province, as names.Apply leaves it
	s, err = Summarize(&record.Dataset{Records: []record.Record{c, d}}, Options{Period: record.QuarterPeriod(2025, 1), Level: LevelCommune})
	if err != nil || s.Total.Models != 2 {
		t.Errorf("a split commune's model and the province's: %v, %d models; want 2", err, s.Total.Models)
	}
	for _, l := range s.Lines {
		if l.Models != 1 {
			t.Errorf("line %v: %d models, want 1", l.Path, l.Models)
		}
	}
}

// The keys of the names found on several processors ahead of numbering
// (keysAhead) give the summary of one processor: the same models, the
// same lines, names with and without diacritics, repeated and not.
func TestKeysAheadSameSummary(t *testing.T) {
	data := func() *record.Dataset {
		ds := &record.Dataset{}
		for i := range 3 * aheadFrom {
			r := rec("Lạng Sơn", "", []string{"Xã Bắc Sơn", "Xã Đình Lập", "Xã Hữu Lũng"}[i%3], record.Economy, record.New,
				[]string{"2025-Q3", "2025-Q4"}[i%2], 1, int64(i))
			r.Unit = []string{"Hội Phụ nữ", "Hoi Phu nu", "Đoàn Thanh niên"}[i%3]
			r.Model = []string{"Mô hình ", "Mo hinh ", "MÔ HÌNH "}[i%3] + string(rune('A'+i%7)) + strings.Repeat("x", i%50)
			ds.Records = append(ds.Records, r)
		}
		return ds
	}
	summary := func(procs int) *Summary {
		old := runtime.GOMAXPROCS(procs)
		defer runtime.GOMAXPROCS(old)
		s, err := Summarize(data(), Options{Level: LevelCommune, Models: true})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	one, two := summary(1), summary(2)
	// The keys are numbered in the records' order on both: the same
	// numbers.
	if !maps.Equal(one.idx.folded, two.idx.folded) || len(one.idx.folded) == 0 {
		t.Errorf("keys numbered %v and %v", one.idx.folded, two.idx.folded)
	}
	if one.Total.Models == 0 || one.Total.Models != two.Total.Models || len(one.Lines) != len(two.Lines) || len(one.Models) != len(two.Models) {
		t.Fatalf("models %d and %d (listed %d and %d), lines %d and %d", one.Total.Models, two.Total.Models,
			len(one.Models), len(two.Models), len(one.Lines), len(two.Lines))
	}
	for i := range one.Models {
		if a, b := one.Models[i], two.Models[i]; a.Name != b.Name || a.Unit != b.Unit {
			t.Errorf("model %d: %q of %q, %q of %q", i, a.Name, a.Unit, b.Name, b.Unit)
		}
	}
	for i := range one.Lines {
		if a, b := one.Lines[i], two.Lines[i]; a.Name() != b.Name() || a.Models != b.Models || a.FundsVND != b.FundsVND {
			t.Errorf("line %d: %s %d models, %s %d", i, a.Name(), a.Models, b.Name(), b.Models)
		}
	}
}
