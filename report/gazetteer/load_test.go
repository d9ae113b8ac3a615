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

// TestDataMatchesProvenance checks that the files the tables are made from
// are the ones PROVENANCE.md describes, by their sha256 sums.
func TestDataMatchesProvenance(t *testing.T) {
	prov, err := os.ReadFile(filepath.Join("data", "PROVENANCE.md"))
	if err != nil {
		t.Fatal(err)
	}
	sums := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^([0-9a-f]{64})  (\S+)$`).FindAllStringSubmatch(string(prov), -1) {
		sums[m[2]] = m[1]
	}
	files := []string{
		"provinces-2025.csv", "communes-2025.csv",
		"provinces-2008.csv", "districts-2008.csv", "communes-2008.csv", "old_to_new.csv",
		"snapshot-2022-10/provinces.csv", "snapshot-2022-10/districts.csv", "snapshot-2022-10/communes.csv",
	}
	for _, name := range files {
		data, err := os.ReadFile(filepath.Join("data", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
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
		{Era2022, LevelProvince, 63}, {Era2022, LevelDistrict, 705}, {Era2022, LevelCommune, 10599},
	} {
		ed, err := g.era(tt.era)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(ed.ofLevel(tt.level)); got != tt.want {
			t.Errorf("%v: %d units of level %v, want %d", tt.era, got, tt.level, tt.want)
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
