package gazetteer

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestDataMatchesProvenance checks that the embedded files are the ones
// PROVENANCE.md describes, by their sha256 sums.
func TestDataMatchesProvenance(t *testing.T) {
	prov, err := os.ReadFile(filepath.Join("data", "PROVENANCE.md"))
	if err != nil {
		t.Fatal(err)
	}
	sums := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^([0-9a-f]{64})  (\S+)$`).FindAllStringSubmatch(string(prov), -1) {
		sums[m[2]] = m[1]
	}
	files := map[string]string{
		"provinces-2025.csv": provinces2025CSV, "communes-2025.csv": communes2025CSV,
		"provinces-2008.csv": provinces2008CSV, "districts-2008.csv": districts2008CSV,
		"communes-2008.csv": communes2008CSV, "old_to_new.csv": oldToNewCSV,
	}
	for name, data := range files {
		sum := sha256.Sum256([]byte(data))
		if got, want := hex.EncodeToString(sum[:]), sums[name]; got != want {
			t.Errorf("%s: sha256 %s, PROVENANCE.md says %q", name, got, want)
		}
	}
}

// TestDataConventions checks the conventions of PROVENANCE.md that the
// package relies on.
func TestDataConventions(t *testing.T) {
	for _, f := range []string{"provinces-2025.csv", "communes-2025.csv", "provinces-2008.csv", "districts-2008.csv", "communes-2008.csv"} {
		for _, r := range readData(t, f) {
			name, typ, full := r["name"], r["type"], r["full_name"]
			if !norm.NFC.IsNormalString(name) || !norm.NFC.IsNormalString(full) {
				t.Errorf("%s %s: not NFC", f, r["code"])
			}
			rs := []rune(typ)
			if want := strings.ToUpper(string(rs[0])) + string(rs[1:]) + " " + name; full != want {
				t.Errorf("%s %s: full_name %q, want %q", f, r["code"], full, want)
			}
			// A name that looks like a code would be read as one.
			if isDigits(name) && len(name) != 1 && len(name) != 2 {
				t.Errorf("%s %s: name %q looks like a code", f, r["code"], name)
			}
		}
	}
}

func TestCheck(t *testing.T) {
	g := New()
	if err := g.Check(); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		era   Era
		level Level
		want  int
	}{
		{Era2025, LevelProvince, 34}, {Era2025, LevelDistrict, 0}, {Era2025, LevelCommune, 3321},
		{EraPre2025, LevelProvince, 63}, {EraPre2025, LevelDistrict, 696}, {EraPre2025, LevelCommune, 10035},
	} {
		ed, err := g.era(tt.era)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(ed.level[tt.level-1]); got != tt.want {
			t.Errorf("%v: %d units of level %v, want %d", tt.era, got, tt.level, tt.want)
		}
	}
}

func TestBuildErrors(t *testing.T) {
	header := []string{"code", "name", "type", "parent_code", "full_name"}
	province := unitFile{"p.csv", "code,name,type,parent_code,full_name\n01,Hà Nội,thành phố,,Thành phố Hà Nội\n", LevelProvince, header, -1}
	tests := []struct {
		name  string
		files []unitFile
		want  string
	}{
		{"bad header", []unitFile{{"p.csv", "code,name\n", LevelProvince, header, -1}}, "p.csv:1: 2 fields, want 5"},
		{"wrong header", []unitFile{{"p.csv", "code,name,type,parent,full_name\n", LevelProvince, header, -1}}, "p.csv: header"},
		{"quoted", []unitFile{{"p.csv", "code,name,type,parent_code,full_name\n\"01\",a,b,,c\n", LevelProvince, header, -1}}, "p.csv:2: quoted field"},
		{"too many fields", []unitFile{{"p.csv", "code,name,type,parent_code,full_name\n01,a,b,,c,d\n", LevelProvince, header, -1}}, "p.csv:2: 6 fields, want 5"},
		{"bad code", []unitFile{{"p.csv", "code,name,type,parent_code,full_name\n1,a,b,,c\n", LevelProvince, header, -1}}, `p.csv:2: bad province code "1"`},
		{"duplicate", []unitFile{{"p.csv", "code,name,type,parent_code,full_name\n01,a,b,,c\n01,d,e,,f\n", LevelProvince, header, -1}}, `p.csv:3: duplicate code "01"`},
		{"unknown parent", []unitFile{province, {"d.csv", "code,name,type,parent_code,full_name\n001,a,quận,02,Quận a\n", LevelDistrict, header, 3}}, `d.csv:2: district 001: unknown parent code "02"`},
	}
	for _, tt := range tests {
		_, err := buildEra(EraPre2025, tt.files)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
}

// TestConcurrentFirstUse runs first lookups of both eras at once on a fresh
// gazetteer (run with -race).
func TestConcurrentFirstUse(t *testing.T) {
	g := New()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			era := []Era{Era2025, EraPre2025}[i%2]
			u, err := g.Resolve(era, Place{Province: "Lạng Sơn", Commune: "Bắc Sơn"})
			if err == nil && u.ProvinceCode != "20" {
				err = errors.New("wrong province " + u.ProvinceCode)
			}
			if err == nil && i%4 == 1 {
				_, err = g.RollUp(u)
			}
			if err == nil {
				_ = g.Communes(Unit{Era: era, Level: LevelProvince, Code: "20"})
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

func TestEraAndLevel(t *testing.T) {
	for _, tt := range []struct {
		in      string
		want    Era
		wantErr bool
	}{
		{"2025", Era2025, false}, {"new", Era2025, false}, {" Pre-2025 ", EraPre2025, false},
		{"pre2025", EraPre2025, false}, {"2008", EraPre2025, false}, {"OLD", EraPre2025, false},
		{"2024", 0, true}, {"", 0, true},
	} {
		got, err := ParseEra(tt.in)
		if got != tt.want || (err != nil) != tt.wantErr || (err != nil && !errors.Is(err, ErrUnknownEra)) {
			t.Errorf("ParseEra(%q) = %v, %v", tt.in, got, err)
		}
	}
	for _, tt := range []struct {
		got  interface{ String() string }
		want string
	}{
		{Era2025, "2025"}, {EraPre2025, "pre-2025"}, {Era(9), "Era(9)"},
		{LevelProvince, "province"}, {LevelDistrict, "district"}, {LevelCommune, "commune"}, {Level(0), "Level(0)"},
		{Place{Province: "Lạng Sơn", Commune: " Bắc Sơn "}, "Bắc Sơn, Lạng Sơn"},
		{Place{}, ""},
		{Unit{Level: LevelCommune, FullName: "Xã X", District: "Huyện Y", Province: "Tỉnh Z"}, "Xã X, Huyện Y, Tỉnh Z"},
		{Unit{Level: LevelDistrict, FullName: "Huyện Y", District: "Huyện Y", Province: "Tỉnh Z"}, "Huyện Y, Tỉnh Z"},
		{Unit{Level: LevelCommune, FullName: "Xã X", Province: "Tỉnh Z"}, "Xã X, Tỉnh Z"},
	} {
		if s := tt.got.String(); s != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.got, s, tt.want)
		}
	}
}
