package fpdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The tests read the Liberation fonts of the repository that holds this
// fork (fonts/ two levels up), and skip without them.
func liberation(tb testing.TB, name string) []byte {
	tb.Helper()
	fontFiles.Lock()
	defer fontFiles.Unlock()
	if data, ok := fontFiles.m[name]; ok {
		return data
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "fonts", name+".ttf"))
	if err != nil {
		tb.Skipf("no test font: %v", err)
	}
	fontFiles.m[name] = data
	return data
}

// fontFiles holds the test fonts read, so that benchmarks read them once.
var fontFiles = struct {
	sync.Mutex
	m map[string][]byte
}{m: map[string][]byte{}}

var testFaces = []struct{ style, file string }{
	{"", "LiberationSerif-Regular"},
	{"B", "LiberationSerif-Bold"},
	{"I", "LiberationSerif-Italic"},
	{"BI", "LiberationSerif-BoldItalic"},
}

const vietnamese = "Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập, Tự do, Hạnh phúc: ỹ ữ ự Ư Đ đ € “q” 0123456789"

// testDoc draws two pages of Vietnamese text with three of the four
// registered faces: Bold Italic is registered and never selected.
func testDoc(tb testing.TB) *Fpdf { return testDocCache(tb, nil) }

// testDocCache is testDoc sharing the font cache c.
func testDocCache(tb testing.TB, c *FontCache) *Fpdf {
	tb.Helper()
	p := New("P", "mm", "A4", "")
	p.SetFontCache(c)
	p.SetCatalogSort(true)
	stamp := time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC)
	p.SetCreationDate(stamp)
	p.SetModificationDate(stamp)
	for _, f := range testFaces {
		p.AddUTF8FontFromBytes("Liberation Serif", f.style, liberation(tb, f.file))
	}
	for page := 0; page < 2; page++ {
		p.AddPage()
		for i, style := range []string{"", "B", "I"} {
			p.SetFont("Liberation Serif", style, 11+float64(i))
			p.MultiCell(0, 6, strings.Repeat(vietnamese+" ", 3), "", "J", false)
			p.CellFormat(0, 6, vietnamese, "1", 1, "R", false, 0, "")
			p.Text(20, 250, "Trang "+strconv.Itoa(page+1))
		}
	}
	if err := p.Error(); err != nil {
		tb.Fatal(err)
	}
	return p
}

func output(tb testing.TB, p *Fpdf) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// Expected widths in 1/1000 em of Liberation Serif (Times New Roman's
// metrics).
func TestFaceWidths(t *testing.T) {
	face, err := parseTTF(liberation(t, "LiberationSerif-Regular"))
	if err != nil {
		t.Fatal(err)
	}
	for r, want := range map[rune]int{' ': 250, 'A': 722, 'a': 444, 'ệ': 444, 'Đ': 722, '—': 1000, '€': 500, '\u0301': 65535, '\uE000': 0, 0x10000: 0} {
		if got := face.width(int(r)); got != want {
			t.Errorf("width of %U: %d, want %d", r, got, want)
		}
	}
	if face.psName != "LiberationSerif" {
		t.Errorf("PostScript name %q", face.psName)
	}
	if d := face.desc; d.Ascent != 891 || d.Descent != -216 || d.MissingWidth != 778 || d.CapHeight != 654 {
		t.Errorf("descriptor %+v", d)
	}
}

// The metrics and widths are those fpdf v0.9.0 read: the SHA-256 of the
// dump below, made with v0.9.0's fontDefType (Desc, Up, Ut, and Cw[c] for
// c from 1 to 65535), so that text is laid out as before.
func TestFaceAsV090(t *testing.T) {
	for name, want := range map[string]string{
		"LiberationSerif-Regular":    "b9f460224959d2743f6ded0eb0d63d4c18110991d946d7f978ef6acaf6353aaa",
		"LiberationSerif-Bold":       "6fc4741d9e99907fe7825e6fa26c414a2ba413236d51e3a74efbeba399d83012",
		"LiberationSerif-Italic":     "3155e5c7b01cbef473f6726fb302b319d8417bccb66e1af0913130c601c608f5",
		"LiberationSerif-BoldItalic": "45bf7f0da3017246668fe24352254a4313fbd0d8c9ae1244c33f10d89ce79e9e",
		"LiberationSans-Regular":     "42351f5fd7f24e5bab646f5e9c693760fc6e1af54143430c2226c9484e9caa6e",
		"LiberationSans-Bold":        "d9c4f4ceb453b6ee7420926868f1ad578f5b675f4ac1686610ba636581401de1",
	} {
		p := New("P", "mm", "A4", "")
		p.AddUTF8FontFromBytes("x", "", liberation(t, name))
		p.AddPage()
		p.SetFont("x", "", 10)
		fd := p.currentFont
		h := sha256.New()
		fmt.Fprintf(h, "%s %+v up=%d ut=%d\n", name, fd.Desc, fd.Up, fd.Ut)
		for c := 1; c < 65536; c++ {
			if w := fd.cw(c); w != 0 {
				fmt.Fprintf(h, "%d %d\n", c, w)
			}
		}
		if got := hex.EncodeToString(h.Sum(nil)); got != want {
			t.Errorf("%s: metrics differ from v0.9.0's", name)
		}
	}
}

// A face is parsed when it is first selected or asked for its descriptor,
// and embedded only if it was selected.
func TestLazyFaces(t *testing.T) {
	p := testDoc(t)
	if p.fonts["liberation#20serifBI"].utf8.face != nil {
		t.Error("Bold Italic was parsed though never used")
	}
	if d := p.GetFontDesc("Liberation Serif", "BI"); d.Ascent == 0 {
		t.Errorf("GetFontDesc of an unselected face: %+v", d)
	}
	pdf := output(t, p)
	if n := bytes.Count(pdf, []byte("/FontFile2 ")); n != 3 {
		t.Errorf("%d fonts embedded, want 3", n)
	}
	if bytes.Contains(pdf, []byte("BoldItalic")) {
		t.Error("Bold Italic embedded")
	}
	names := regexp.MustCompile(`/BaseFont /[A-Z]{6}\+(LiberationSerif[-A-Za-z]*)\n`).FindAllSubmatch(pdf, -1)
	if len(names) != 6 {
		t.Errorf("subset-tagged base fonts: %q", names)
	}
}

func TestDeterministic(t *testing.T) {
	a, b := output(t, testDoc(t)), output(t, testDoc(t))
	if !bytes.Equal(a, b) {
		t.Error("the same document gave different bytes")
	}
}

// streams returns the decompressed streams of a PDF whose dictionaries
// match dict.
func streams(tb testing.TB, pdf []byte, dict string) [][]byte {
	tb.Helper()
	var out [][]byte
	re := regexp.MustCompile(`<<` + dict + `/Length (\d+)>>\nstream\n`)
	for _, m := range re.FindAllSubmatchIndex(pdf, -1) {
		n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
		data := pdf[m[1] : m[1]+n]
		if strings.Contains(string(pdf[m[0]:m[1]]), "FlateDecode") {
			zr, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				tb.Fatal(err)
			}
			if data, err = io.ReadAll(zr); err != nil {
				tb.Fatal(err)
			}
		}
		out = append(out, data)
	}
	return out
}

// The embedded programs are TrueType fonts with the glyphs of the text:
// their checksums hold, their cmap maps each rune drawn to a glyph whose
// outline and advance are the original's, and the CIDToGIDMap agrees.
func TestSubsetPrograms(t *testing.T) {
	pdf := output(t, testDoc(t))
	orig, err := parseTTF(liberation(t, "LiberationSerif-Regular"))
	if err != nil {
		t.Fatal(err)
	}
	progs := streams(t, pdf, `/Filter /FlateDecode /Length1 \d+`)
	maps := streams(t, pdf, `/Filter /FlateDecode `)
	if len(progs) != 3 {
		t.Fatalf("%d font programs", len(progs))
	}
	// Objects are written in the order of the font keys: "", "B", "I";
	// the regular face's program is the first.
	prog := progs[0]
	if sum := ttfChecksum(prog); sum != 0xB1B0AFBA {
		t.Errorf("font checksum %#x", sum)
	}
	sub, err := parseTTF(prog)
	if err != nil {
		t.Fatal(err)
	}
	if sub.numGlyphs > 80 {
		t.Errorf("%d glyphs in the subset", sub.numGlyphs)
	}
	var cidMap []byte
	for _, m := range maps {
		if len(m) == 2*(0x20AC+1) { // up to € U+20AC, the largest rune drawn
			cidMap = m
		}
	}
	if cidMap == nil {
		t.Fatal("no CIDToGIDMap up to U+20AC")
	}
	glyf, loca := orig.tables["glyf"], orig.tables["loca"]
	for _, r := range vietnamese + "Trang" {
		g, sg := orig.gid(r), sub.gid(r)
		if sg == 0 {
			t.Errorf("%q is not in the subset", r)
			continue
		}
		if m := int(binary.BigEndian.Uint16(cidMap[2*r:])); m != sg {
			t.Errorf("CIDToGIDMap maps %q to %d, the subset's cmap to %d", r, m, sg)
		}
		if sub.width(int(r)) != orig.width(int(r)) {
			t.Errorf("width of %q: %d, want %d", r, sub.width(int(r)), orig.width(int(r)))
		}
		a, _ := orig.glyph(glyf, loca, g)
		b, _ := sub.glyph(sub.tables["glyf"], sub.tables["loca"], sg)
		if len(a) > 0 && int16(binary.BigEndian.Uint16(a)) >= 0 && !bytes.Equal(a, b[:len(a)]) {
			t.Errorf("outline of %q differs", r)
		}
		// A composite glyph's components are in the subset.
		if err := eachComponent(b, func(_, c int) {
			if c >= sub.numGlyphs {
				t.Errorf("%q: component %d beyond the subset's %d glyphs", r, c, sub.numGlyphs)
			}
		}); err != nil {
			t.Error(err)
		}
	}
	if sub.gid('X') != 0 {
		t.Error("an unused rune is in the subset")
	}
}

// The ToUnicode map gives back each rune drawn.
func TestToUnicode(t *testing.T) {
	var set runeSet
	for _, r := range "aăâbcĐđ€\u00ff\u0100ệ" {
		set.add(r)
	}
	s := &ttfSubset{runes: set.runes()}
	got := string(s.toUnicode())
	for _, want := range []string{"<0061> <0063> <0061>", "<00E2> <00E2> <00E2>", "<00FF> <00FF> <00FF>", "<0100> <0100> <0100>", "<0103> <0103> <0103>", "<0110> <0111> <0110>", "<1EC7> <1EC7> <1EC7>", "<20AC> <20AC> <20AC>", "8 beginbfrange"} {
		if !strings.Contains(got, want) {
			t.Errorf("ToUnicode lacks %q:\n%s", want, got)
		}
	}
}

// The page count that replaces AliasNbPages, and the replacement of an
// alias, are drawn with glyphs of the subset.
func TestAliasesInSubset(t *testing.T) {
	p := New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes("serif", "", liberation(t, "LiberationSerif-Regular"))
	p.AliasNbPages("")
	p.RegisterAlias("{who}", "Đức")
	for range 7 {
		p.AddPage()
		p.SetFont("serif", "", 12)
		p.Cell(0, 10, "Trang {nb} {who}")
	}
	pdf := output(t, p)
	progs := streams(t, pdf, `/Filter /FlateDecode /Length1 \d+`)
	if len(progs) != 1 {
		t.Fatalf("%d font programs", len(progs))
	}
	sub, err := parseTTF(progs[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "Trang 7 Đức" {
		if sub.gid(r) == 0 {
			t.Errorf("%q is not in the subset", r)
		}
	}
}

func TestUTF8CutFont(t *testing.T) {
	data := liberation(t, "LiberationSerif-Bold")
	cut := UTF8CutFont(data, "Việt Nam")
	face, err := parseTTF(cut)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "Việt Nam" {
		if face.gid(r) == 0 {
			t.Errorf("%q not in the cut font", r)
		}
	}
	// .notdef, V, i, ệ, t, space, N, a, m and the components of ệ.
	if face.numGlyphs != 12 {
		t.Errorf("%d glyphs", face.numGlyphs)
	}
	if face.psName != "LiberationSerif-Bold" {
		t.Errorf("PostScript name %q", face.psName)
	}
	if UTF8CutFont([]byte("not a font"), "x") != nil {
		t.Error("a font cut from nothing")
	}
}

func TestBadFont(t *testing.T) {
	p := New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes("x", "", []byte("OTTO and more bytes"))
	if p.Error() == nil {
		t.Error("a CFF font was accepted")
	}
	p = New("P", "mm", "A4", "")
	data := append([]byte(nil), liberation(t, "LiberationSerif-Regular")[:4096]...)
	p.AddUTF8FontFromBytes("x", "", data)
	if err := p.Error(); err != nil {
		t.Fatalf("registration read the whole font: %v", err)
	}
	p.AddPage()
	p.SetFont("x", "", 10)
	if p.Error() == nil {
		t.Error("a truncated font was selected")
	}
}

// BenchmarkUTF8Document registers four faces, draws two pages with three
// and writes the PDF.
func BenchmarkUTF8Document(b *testing.B) {
	liberation(b, "LiberationSerif-Regular")
	b.ReportAllocs()
	for b.Loop() {
		output(b, testDoc(b))
	}
}

func BenchmarkRegister(b *testing.B) {
	data := liberation(b, "LiberationSerif-Regular")
	b.ReportAllocs()
	for b.Loop() {
		p := New("P", "mm", "A4", "")
		p.AddUTF8FontFromBytes("Liberation Serif", "", data)
		p.AddPage()
		p.SetFont("Liberation Serif", "", 12)
	}
}

// Documents sharing a FontCache, one after another or at once, compressed
// or not, are byte for byte what they are alone, whether their subsets
// were made for them, found in the cache or forgotten by it.
func TestFontCache(t *testing.T) {
	doc := func(i int, compress bool, c *FontCache) []byte {
		p := testDocCache(t, c)
		p.SetCompression(compress)
		p.SetFont("Liberation Serif", "B", 12)
		p.Cell(0, 10, []string{"Xã Bắc Sơn", "Phường Kỳ Lừa", "Xã Quảng Lạc", "Xã Bắc Sơn"}[i])
		return output(t, p)
	}
	for _, compress := range []bool{true, false} {
		var want [4][]byte
		for i := range want {
			want[i] = doc(i, compress, nil)
		}
		if !bytes.Equal(want[0], want[3]) || bytes.Equal(want[0], want[1]) {
			t.Fatal("the documents are not as the test means them")
		}
		for _, size := range []int{0, 1, 16} {
			c := NewFontCache(size)
			for _, i := range []int{0, 1, 2, 3, 0, 2} {
				if got := doc(i, compress, c); !bytes.Equal(got, want[i]) {
					t.Errorf("compress %v, cache of %d: document %d differs with the cache", compress, size, i)
				}
			}
			if n := c.lru.Len(); n != min(size, 5) { // regular, italic: 1 subset each; bold: 3
				t.Errorf("cache of %d keeps %d subsets", size, n)
			}
			if len(c.faces) != 3 {
				t.Errorf("cache keeps %d faces, want the 3 selected", len(c.faces))
			}
			var wg sync.WaitGroup
			for k := range 8 {
				wg.Go(func() {
					if got := doc(k%4, compress, c); !bytes.Equal(got, want[k%4]) {
						t.Errorf("compress %v, cache of %d: document %d differs made at once with others", compress, size, k%4)
					}
				})
			}
			wg.Wait()
		}
	}
}
