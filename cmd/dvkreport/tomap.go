package main

// The address map of mail --split-by (--to-map): reading it as an office
// saves it, and finding each part's addresses in it.

import (
	"encoding/csv"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/load/charset"
	"github.com/dvkreport/dvkreport/report/mail"
	"github.com/dvkreport/dvkreport/report/msg"
)

// mapEntry is a row of a --to-map file: a locality and its addresses.
type mapEntry struct {
	pos       string // FILE:LINE
	locality  string
	addresses []string
}

// readToMap reads a --to-map CSV file: a locality (a name, a path
// "Lạng Sơn/Xã Ba Sơn" or an official code), then its addresses, in one
// cell separated by ";" or "," or in cells of their own. A first row whose
// first cell is a heading, or that holds no address, is left out.
func readToMap(name string) ([]mapEntry, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, usagef("cli.no_file", name)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, 16<<20))
	if err != nil {
		return nil, usagef("cli.no_file", name)
	}
	// A map saved by Excel as the registers are: in their charsets, and
	// with ";" between cells under Vietnamese regional settings (a
	// twenty-eighth review found such maps refused).
	text, err := charset.Decode(data, charset.Auto)
	if err != nil {
		return nil, usagef("cli.bad_to_map", name, err)
	}
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.Comma = mapComma(sampleLine(text))
	var out []mapEntry
	numbered := false // a first column of row numbers, under a heading "STT"
	for i := 0; ; i++ {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, usagef("cli.bad_to_map", name, err)
		}
		line, _ := r.FieldPos(0)
		if len(row) == 0 || strings.TrimSpace(strings.Join(row, "")) == "" {
			continue
		}
		if i == 0 && len(row) > 2 && numberHeading(row[0]) {
			numbered = true
		}
		if numbered {
			row = row[1:]
		}
		loc := strings.TrimSpace(row[0])
		if i == 0 && isHeadingRow(loc, row[1:]) {
			continue
		}
		var addrs []string
		for _, cell := range row[1:] {
			for _, a := range splitAddresses(cell) {
				if a = strings.TrimSpace(a); a != "" {
					addrs = append(addrs, a)
				}
			}
		}
		pos := name + ":" + strconv.Itoa(line)
		if loc == "" || len(addrs) == 0 {
			return nil, usagef("cli.to_map_row", pos)
		}
		for _, a := range addrs {
			if _, err := mail.ParseAddressList([]string{a}); err != nil {
				return nil, usagef("cli.bad_address", pos, msg.Quote(a), addressHint(a))
			}
		}
		out = append(out, mapEntry{pos: pos, locality: loc, addresses: addrs})
	}
	if len(out) == 0 {
		return nil, usagef("cli.to_map_empty", name)
	}
	return out, nil
}

// isHeadingRow says whether the first row of an address map is its
// headings: nothing in it like an address, or a mistyped one (an "@", a
// domain: a dot and no space), and a first cell that is a known heading
// or unit types alone ("Tỉnh/Thành phố", "Xã (phường)"), or that names
// no unit of the gazetteer beside a cell that heads addresses ("Email",
// "Người nhận"). A locality's row with a mistyped or missing address is
// none: it is refused with its address (reviews 29 to 33 found such rows
// dropped as headings).
func isHeadingRow(loc string, rest []string) bool {
	for _, c := range rest {
		if c = strings.TrimSpace(c); strings.Contains(c, "@") || strings.Contains(c, ".") && !strings.ContainsAny(c, " \t") {
			return false
		}
	}
	if loc == "" || strings.Trim(loc, "0123456789") == "" {
		return false // a code
	}
	switch strings.ToLower(loc) {
	case "locality", "code", "name", "địa bàn", "địa phương", "đơn vị", "tên đơn vị", "tên địa bàn", "tên", "mã",
		"nơi nhận", "đơn vị nhận", "dia ban", "ma", "tỉnh thành", "tỉnh, thành":
		return true
	}
	types := strings.FieldsFunc(strings.ToLower(loc), func(r rune) bool { return strings.ContainsRune("/,;-()", r) })
	onlyTypes := len(types) > 0
	for _, t := range types {
		switch strings.TrimSuffix(strings.TrimSpace(t), ".") {
		case "tỉnh", "thành phố", "tp", "xã", "phường", "thị trấn", "tt", "đặc khu", "huyện", "quận", "thị xã", "tx":
		default:
			onlyTypes = false
		}
	}
	if onlyTypes {
		return true
	}
	if namesUnit(loc) {
		return false // a locality's row, its address missing or mistyped
	}
	for _, c := range rest {
		k := strings.ToLower(c)
		for _, w := range []string{"email", "e-mail", "mail", "thư", "địa chỉ", "address", "người nhận", "nơi nhận", "recipient"} {
			if strings.Contains(k, w) {
				return true
			}
		}
	}
	return false
}

// namesUnit says whether a map's locality cell names a unit of the
// gazetteer, of any level and era: "Phường Đông Kinh" does, a heading
// "Xã nhận báo cáo" does not (a thirty-third review found such headings
// refused as localities by their unit type).
func namesUnit(loc string) bool {
	path := splitPath(loc)
	name := strings.TrimSpace(path[len(path)-1])
	key := gazetteer.UnitKey(name)
	g := gazetteer.Default()
	for _, era := range gazetteer.Eras {
		for _, level := range []gazetteer.Level{gazetteer.LevelProvince, gazetteer.LevelDistrict, gazetteer.LevelCommune} {
			// Named also matches without diacritics: "Văn phòng", a
			// heading, is not Xã Văn Phong (a thirty-fourth review).
			for _, u := range g.Named(era, level, name) {
				if gazetteer.UnitKey(u.FullName) == key || gazetteer.UnitKey(u.Name) == key {
					return true
				}
			}
		}
	}
	return false
}

// numberHeading says whether a first cell heads a column of row numbers.
func numberHeading(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "stt", "tt", "số tt", "số thứ tự", "no.", "no", "#":
		return true
	}
	return false
}

// sampleLine returns the line of an address map its separator is told
// from: the first of its first lines that holds an address, else the
// first (a heading alone tells nothing: "Xã, phường;Email").
func sampleLine(text string) string {
	var first string
	for i, line := range strings.SplitN(text, "\n", 8) {
		line = strings.TrimSuffix(line, "\r")
		if i == 0 {
			first = line
		}
		if strings.Contains(line, "@") {
			return line
		}
	}
	return first
}

// mapComma returns the separator of an address map's cells, from its
// first line: the one of ",", ";" and tab that leaves a first cell without
// an address and a later one with one ("Xã A;a@x.vn, b@x.vn" is of ";"),
// else the one the line has most of outside double quotes (Excel writes
// ";" under Vietnamese regional settings, a tab as "Unicode text").
func mapComma(line string) rune {
	best, most := ',', -1
	for _, c := range []rune{',', ';', '\t'} {
		r := csv.NewReader(strings.NewReader(line))
		r.Comma = c // strict quotes: a quote inside a cell of another separator's is an error
		cells, err := r.Read()
		if err != nil {
			continue
		}
		if len(cells) > 1 && !strings.Contains(cells[0], "@") && strings.Contains(strings.Join(cells[1:], ""), "@") {
			return c
		}
		if len(cells) > most {
			best, most = c, len(cells)
		}
	}
	return best
}

// pathKey is the key of a locality's path, "Lạng Sơn/Xã Ba Sơn".
func pathKey(parts []string) string {
	var ks []string
	for _, s := range parts {
		ks = append(ks, gazetteer.UnitKey(strings.TrimSpace(s)))
	}
	return strings.Join(ks, "/")
}

// splitPath splits a locality's path at "›" when it has one, so that a
// name holding a slash ("Lạng Sơn › Bắc Sơn/Vũ Lăng") can be written,
// else at "/".
func splitPath(l string) []string {
	if strings.Contains(l, "›") {
		return strings.Split(l, "›")
	}
	return strings.Split(l, "/")
}

// names says whether a map entry names a part: by official code, by path,
// or by its own name when no other part has it.
func (m mapEntry) names(p *report.Part, nameCount map[string]int) bool {
	l := strings.TrimSpace(m.locality)
	if l != "" && strings.Trim(l, "0123456789") == "" {
		return p.Code != "" && sameCode(l, p.Code)
	}
	// A unit type written is a level: "Huyện Bắc Sơn" is never Thị
	// trấn Bắc Sơn (a twenty-eighth review found the district's
	// committee sent the town's report).
	path := splitPath(l)
	typ := p.Type
	if typ == "" {
		typ = gazetteer.TypeOf(p.Name())
	}
	if !gazetteer.TypeFits(gazetteer.TypeOf(path[len(path)-1]), gazetteer.Level(p.Level), typ) {
		return false
	}
	switch {
	case pathKey(path) == pathKey(p.Path):
		return true
	case len(path) == 2 && len(p.Path) == 3 && pathKey(path) == pathKey([]string{p.Path[0], p.Path[2]}):
		// A province and a commune: the commune of an old district,
		// named as after the reform (a thirty-first review found the
		// path no longer matched once the district was filled in); a
		// name of two such communes names two parts and none is sent.
		return true
	case strings.Contains(l, "/") && strings.EqualFold(l, strings.Join(p.Path, "/")):
		return true // its whole path as written, a slash in a name and all
	}
	name := gazetteer.UnitKey(p.Name())
	return !strings.Contains(l, "/") && gazetteer.UnitKey(l) == name && nameCount[name] == 1
}

// sameCode says whether a code written in the map is an official code:
// the same digits, and as many, since a code's length is its level (01 a
// province, 004 a district, 00004 a commune: a twenty-eighth review found
// 004, Quận Long Biên, sending Phường Trúc Bạch's report). A commune's
// code of four digits is one whose leading zero a spreadsheet dropped, as
// it does a number's; no other length can be told from another level's
// (a twenty-ninth review found 271, Huyện Ba Vì, read as 00271).
func sameCode(written, code string) bool {
	return written == code || len(written) == 4 && len(code) == 5 && "0"+written == code
}

// nameCounts counts the parts of each own name's key: a map row that
// writes a name alone names a part only if no other part has it.
func nameCounts(parts []*report.Part) map[string]int {
	n := map[string]int{}
	for _, p := range parts {
		n[gazetteer.UnitKey(p.Name())]++
	}
	return n
}

// recipients finds the addresses of each part in the map, and says
// which rows of the map named no part and which named a part again.
func recipients(toMap []mapEntry, parts []*report.Part) (addrs [][]string, unused []mapEntry, again []mapAgain) {
	nameCount := nameCounts(parts)
	addrs = make([][]string, len(parts))
	first := make([]string, len(parts)) // the position of the first row naming each part
	for _, m := range toMap {
		// A row that names several parts (a path that reads as two
		// places', a code two parts were given) sends to none: a
		// twenty-sixth review found a commune's address sent another
		// commune's report.
		var hits []int
		for i, p := range parts {
			if m.names(p, nameCount) {
				hits = append(hits, i)
			}
		}
		if len(hits) != 1 {
			unused = append(unused, m)
			continue
		}
		i := hits[0]
		if first[i] != "" {
			again = append(again, mapAgain{row: m, first: first[i], part: parts[i]})
		} else {
			first[i] = m.pos
		}
		addrs[i] = append(addrs[i], m.addresses...)
	}
	return addrs, unused, again
}

// mapAgain is a row of the address map that names a part an earlier row
// names too: both rows' addresses get the part's report, which a new
// address left beside an old one would not want unsaid (a twenty-eighth
// review).
type mapAgain struct {
	row   mapEntry
	first string // the earlier row's position
	part  *report.Part
}

// unusedRow says why a row of the map names no part of the split: a name
// several parts share, or a name none has, with the nearest ones.
func unusedRow(m mapEntry, parts []*report.Part, level aggregate.Level) msg.Text {
	l := strings.TrimSpace(m.locality)
	nameCount := nameCounts(parts)
	var named msg.List
	for _, p := range parts {
		if m.names(p, nameCount) {
			named = append(named, strings.Join(p.Path, " › "))
		}
	}
	if len(named) > 1 {
		return msg.New("cli.to_map_ambiguous", msg.Quote(l), named, msg.Quote(named[0].(string)))
	}
	segs := splitPath(l)
	last := segs[len(segs)-1]
	var same msg.List
	if len(segs) == 1 {
		for _, p := range parts {
			if gazetteer.UnitKey(p.Name()) == gazetteer.UnitKey(last) {
				same = append(same, strings.Join(p.Path, "/"))
			}
		}
	}
	if len(same) > 1 {
		return msg.New("cli.to_map_ambiguous", msg.Quote(l), same, msg.Quote(same[0].(string)))
	}
	t := msg.New("cli.to_map_unmatched", msg.Quote(l), msg.New("level."+level.String()))
	if strings.Trim(l, "0123456789") == "" {
		return t // a code: no name is near it
	}
	best, limit := -1, max(2, utf8.RuneCountInString(gazetteer.FoldKey(last))/3)
	var near msg.List
	for _, p := range parts {
		d := gazetteer.EditDistance(last, p.Name())
		if d > limit || best >= 0 && d > best {
			continue
		}
		if d < best || best < 0 {
			best, near = d, nil
		}
		name := p.Name()
		if len(segs) > 1 || len(same) > 0 {
			name = strings.Join(p.Path, "/")
		}
		if len(near) < 3 {
			near = append(near, name)
		}
	}
	if len(near) > 0 {
		t = msg.New("did_you_mean", t, near)
	}
	return t
}
