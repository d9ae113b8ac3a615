package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/record"
)

// A row of the address map that names two parts of a split (a path that
// reads as two places') sends to neither, and says so; a path with "›"
// between names reaches the commune whose name holds a slash (a
// twenty-sixth review found a commune's address sent another's report).
func TestToMapRowOfTwoParts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.csv")
	data := "province,district,commune,model,field,period,funds_vnd\n" +
		"Lạng Sơn,Bắc Sơn,Vũ Lăng,A,Kinh tế,2025-Q3,1000000\n" +
		"Lạng Sơn,,Bắc Sơn/Vũ Lăng,B,Kinh tế,2025-Q3,7000000\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := report.Options{Inputs: []string{path}, Period: record.QuarterPeriod(2025, 3), Localities: []string{"Lạng Sơn"}, HideEmpty: true}
	d, err := report.Load(opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Check(opts); err != nil {
		t.Fatal(err)
	}
	parts, _, err := d.Split(opts, aggregate.LevelCommune)
	if err != nil {
		t.Fatal(err)
	}
	toMap := []mapEntry{
		{pos: "m.csv:2", locality: "Lạng Sơn/Bắc Sơn/Vũ Lăng", addresses: []string{"a@example.vn"}},
		{pos: "m.csv:3", locality: "Lạng Sơn › Bắc Sơn/Vũ Lăng", addresses: []string{"b@example.vn"}},
	}
	addrs, unused, _ := recipients(toMap, parts)
	got := map[string][]string{}
	for i, p := range parts {
		got[strings.Join(p.Path, "|")] = addrs[i]
	}
	if !slices.Equal(got["Lạng Sơn|Bắc Sơn/Vũ Lăng"], []string{"b@example.vn"}) || len(got["Lạng Sơn|Bắc Sơn|Vũ Lăng"]) != 0 {
		t.Errorf("addresses %v", got)
	}
	if len(unused) != 1 || unused[0].pos != "m.csv:2" {
		t.Fatalf("unused rows %v, want the ambiguous one", unused)
	}
	if m := unusedRow(unused[0], parts, aggregate.LevelCommune); m.Key != "cli.to_map_ambiguous" {
		t.Errorf("the ambiguous row is said %s", m.Key)
	}
}

// A map row names a part of its own level only: a unit type written is a
// level, and an official code's length is (a twenty-eighth review found
// a district's committee sent a town's report, and 004, Quận Long Biên,
// a ward's of Ba Đình whose code is 00004).
func TestToMapLevels(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.csv")
	data := "province,district,commune,model,field,period,funds_vnd\n" +
		"Lạng Sơn,Huyện Bắc Sơn,Thị trấn Bắc Sơn,A,Kinh tế,2024-Q3,1000000\n" +
		"Lạng Sơn,Huyện Bắc Sơn,Xã Vũ Lăng,B,Kinh tế,2024-Q3,2000000\n" +
		"Hà Nội,Quận Ba Đình,Phường Trúc Bạch,C,Kinh tế,2024-Q3,3000000\n" +
		"Hà Nội,Quận Ba Đình,Phường Phúc Xá,D,Kinh tế,2024-Q3,3000000\n" +
		"Hà Nội,Quận Long Biên,Phường Bồ Đề,E,Kinh tế,2024-Q3,3000000\n" +
		"Hà Nội,Quận Hai Bà Trưng,Phường Thanh Nhàn,F,Kinh tế,2024-Q3,3000000\n" +
		"Lạng Sơn,Huyện Bình Gia,Xã Hoa Thám,G,Kinh tế,2024-Q3,3000000\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := report.Options{Inputs: []string{path}, Period: record.QuarterPeriod(2024, 3), HideEmpty: true}
	d, err := report.Load(opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Check(opts); err != nil {
		t.Fatal(err)
	}
	toMap := []mapEntry{
		{pos: "m.csv:2", locality: "Huyện Bắc Sơn", addresses: []string{"huyen@example.vn"}},
		{pos: "m.csv:3", locality: "Thị trấn Bắc Sơn", addresses: []string{"thitran@example.vn"}},
		{pos: "m.csv:4", locality: "004", addresses: []string{"longbien@example.vn"}},
		{pos: "m.csv:5", locality: "1", addresses: []string{"code1@example.vn"}},                     // 01, 001 or 00001: none
		{pos: "m.csv:6", locality: "271", addresses: []string{"bavi@example.vn"}},                    // Huyện Ba Vì, never 00271
		{pos: "m.csv:7", locality: "6073", addresses: []string{"hoatham@example.vn"}},                // 06073, its zero lost
		{pos: "m.csv:8", locality: "Thành phố Lạng Sơn", addresses: []string{"tp@example.vn"}},       // the old city, not the province
		{pos: "m.csv:9", locality: "TP. Hà Nội", addresses: []string{"hanoi@example.vn"}},            // a city that is a province
		{pos: "m.csv:10", locality: "Lạng Sơn/Xã Vũ Lăng", addresses: []string{"vulang@example.vn"}}, // its district left out
	}
	for _, tc := range []struct {
		level aggregate.Level
		want  map[string]string
	}{
		{aggregate.LevelProvince, map[string]string{"Lạng Sơn": "", "Hà Nội": "hanoi@example.vn"}},
		{aggregate.LevelDistrict, map[string]string{"Huyện Bắc Sơn": "huyen@example.vn", "Quận Long Biên": "longbien@example.vn", "Quận Ba Đình": ""}},
		{aggregate.LevelCommune, map[string]string{"Thị trấn Bắc Sơn": "thitran@example.vn", "Xã Vũ Lăng": "vulang@example.vn", "Phường Trúc Bạch": "", "Phường Phúc Xá": "", "Phường Bồ Đề": "", "Phường Thanh Nhàn": "", "Xã Hoa Thám": "hoatham@example.vn"}},
	} {
		parts, _, err := d.Split(opts, tc.level)
		if err != nil {
			t.Fatal(err)
		}
		addrs, _, _ := recipients(toMap, parts)
		got := map[string]string{}
		for i, p := range parts {
			got[p.Name()] = strings.Join(addrs[i], ",")
		}
		for name, want := range tc.want {
			if g, ok := got[name]; !ok || g != want {
				t.Errorf("level %d: %s gets %q, want %q (all: %v)", tc.level, name, g, want, got)
			}
		}
	}
	// Two rows of one commune: both rows' addresses, and said (a
	// twenty-eighth review found it unsaid).
	parts, _, err := d.Split(opts, aggregate.LevelCommune)
	if err != nil {
		t.Fatal(err)
	}
	twice := []mapEntry{toMap[1], {pos: "m.csv:11", locality: "Thị trấn Bắc Sơn", addresses: []string{"moi@example.vn"}}}
	addrs, _, again := recipients(twice, parts)
	i := slices.IndexFunc(parts, func(p *report.Part) bool { return p.Name() == "Thị trấn Bắc Sơn" })
	if len(again) != 1 || again[0].first != "m.csv:3" || again[0].row.pos != "m.csv:11" || i < 0 || len(addrs[i]) != 2 {
		t.Errorf("two rows of one commune: again %+v, addresses %v", again, addrs)
	}
}

// A display name may hold a comma, in double quotes, in a flag and in the
// map (a twenty-eighth review found it cut in two and refused).
func TestSplitAddresses(t *testing.T) {
	for in, want := range map[string][]string{
		`a@x.vn, b@x.vn; c@x.vn`:                            {"a@x.vn", "b@x.vn", "c@x.vn"},
		`"UBND xã Cao Lộc, Lạng Sơn" <caoloc@x.vn>, d@x.vn`: {`"UBND xã Cao Lộc, Lạng Sơn" <caoloc@x.vn>`, "d@x.vn"},
		`"A \" B, C" <a@x.vn>`:                              {`"A \" B, C" <a@x.vn>`},
		` ; ,`:                                              nil,
	} {
		if got := splitAddresses(in); !slices.Equal(got, want) {
			t.Errorf("splitAddresses(%q) = %q, want %q", in, got, want)
		}
	}
	dir := t.TempDir()
	code, _, errOut := runCmd(t, "mail", "--to", `"UBND xã Cao Lộc, Lạng Sơn" <caoloc@x.vn>`, "--from", "b@example.vn",
		"--eml", filepath.Join(dir, "m.eml"), "-i", quarters, "--boundaries", "2025", "-p", "2025-Q3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "m.eml"))
	if p := parseMail(t, data); len(p.to) != 1 || p.to[0].Name != "UBND xã Cao Lộc, Lạng Sơn" || p.to[0].Address != "caoloc@x.vn" {
		t.Errorf("to %v", p.to)
	}
}

// An address map saved by Excel under Vietnamese settings: in
// Windows-1258 or UTF-16, with ";" between cells, under headings of its
// own (a twenty-eighth review found each refused).
func TestReadToMapAsSaved(t *testing.T) {
	dir := t.TempDir()
	utf16 := func(s string) []byte {
		b := []byte{0xFF, 0xFE}
		for _, r := range s {
			b = append(b, byte(r), byte(r>>8))
		}
		return b
	}
	for name, data := range map[string][]byte{
		"1258.csv":   []byte("\xd0i\xf2a ba\xecn,Email\nXa\xde Ba S\xf5n,baso@x.vn\n"), // Địa bàn,Email / Xã Ba Sơn
		"utf16.csv":  utf16("Tên xã,Email\r\nXã Ba Sơn,baso@x.vn\r\n"),
		"tab.txt":    utf16("Tên xã\tEmail\r\nXã Ba Sơn\tbaso@x.vn\r\n"), // Excel's "Unicode text"
		"semi.csv":   []byte("Xã/Phường;Địa chỉ thư\nXã Ba Sơn;baso@x.vn, vp@x.vn\n"),
		"semi2.csv":  []byte("Xã Ba Sơn;\"\"\"UBND xã, Ba Sơn\"\" <baso@x.vn>\"\n"), // no heading, a comma in a quoted name
		"types.csv":  []byte("Xã/Phường/Đặc khu,Email\nXã Ba Sơn,baso@x.vn\n"),
		"semi3.csv":  []byte("Xã, phường;Email\nXã Ba Sơn;baso@x.vn\n"),       // the heading alone could be of ","
		"stt.csv":    []byte("STT,Tên đơn vị,Email\n1,Xã Ba Sơn,baso@x.vn\n"), // a column of row numbers
		"types2.csv": []byte("Xã (phường/TT),Email\nXã Ba Sơn,baso@x.vn\n"),
		"people.csv": []byte("Địa phương,Người nhận\nXã Ba Sơn,baso@x.vn\n"),
		"typed.csv":  []byte("Xã nhận báo cáo,Email\nXã Ba Sơn,baso@x.vn\n"),
		"typed2.csv": []byte("Tên xã/phường,Mail\nXã Ba Sơn,baso@x.vn\n"),
		"office.csv": []byte("Văn phòng,Email\nXã Ba Sơn,baso@x.vn\n"), // not Xã Văn Phong
		"prov.csv":   []byte("Tỉnh thành,Email\nXã Ba Sơn,baso@x.vn\n"),
	} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, data, 0o644)
		m, err := readToMap(path)
		if err != nil || len(m) != 1 || m[0].locality != "Xã Ba Sơn" || len(m[0].addresses) == 0 || !strings.HasSuffix(m[0].addresses[0], "baso@x.vn>") && m[0].addresses[0] != "baso@x.vn" {
			t.Errorf("%s: %+v, %v", name, m, err)
		}
	}
	// A first row of a locality with a mistyped address is refused with
	// it, not dropped as a heading (a twenty-ninth review).
	path := filepath.Join(dir, "typo.csv")
	os.WriteFile(path, []byte("Thị trấn Bắc Sơn,ttbacson.langson.gov.vn\nXã Long Đống,ld@x.vn\n"), 0o644)
	if _, err := readToMap(path); err == nil || !strings.Contains(err.Error(), "ttbacson.langson.gov.vn") {
		t.Errorf("a first row with a mistyped address: %v", err)
	}
	for _, first := range []string{"Lạng Sơn/Xã Bắc Sơn,bs.x.vn", "Bắc Sơn,bacson", "Bắc Sơn,bs x.vn", "Phường Đông Kinh,dk.gmail.com",
		"Phường Đông Kinh,Hộp thư UBND phường", "Đông Kinh,Hộp thư UBND chưa có"} {
		os.WriteFile(path, []byte(first+"\nXã Long Đống,ld@x.vn\n"), 0o644)
		if _, err := readToMap(path); err == nil || !strings.Contains(err.Error(), strings.SplitN(first, ",", 2)[1]) {
			t.Errorf("a first row %q: %v", first, err)
		}
	}
}
