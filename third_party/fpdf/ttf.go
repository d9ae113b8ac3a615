// Copyright ©2023 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

// This file reads the TrueType faces of UTF-8 fonts (AddUTF8Font,
// AddUTF8FontFromBytes) once, and writes the subset of each that a document
// uses. It replaces utf8fontfile.go of go-pdf/fpdf v0.9.0, which parsed
// every face twice (at registration and again at Output) into tables of
// 65,536 entries; see CHANGES.md.

import (
	"bytes"
	"crypto/sha1"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"math/bits"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
)

// utf8Font is a UTF-8 font of a document: its TrueType file, parsed when
// the document first needs the font (SetFont, GetFontDesc), and the runes
// the document has drawn with it. A font that SetFont never selects is
// neither parsed nor embedded.
type utf8Font struct {
	data     []byte
	face     *ttfFace // nil until parsed
	selected bool     // SetFont has selected the font: it is embedded
	used     runeSet  // the runes drawn with the font

	// Made when the document is written: the subset and its program, or,
	// with a FontCache, its streams compressed.
	prepared bool
	sub      *ttfSubset
	program  []byte
	streams  *fontStreams
}

// use records the runes of s as drawn with the font.
func (u *utf8Font) use(s string) {
	for _, r := range s {
		u.used.add(r)
	}
}

// runeSet is a set of runes of the Basic Multilingual Plane, in pages of
// 256 bits allocated as they are needed. Runes beyond the plane are not
// recorded: text is written in UTF-16 code units, one CID each, and the
// fonts' CIDs are their BMP code points.
type runeSet struct {
	pages [256]*[4]uint64
}

func (s *runeSet) add(r rune) {
	if r < 0 || r > 0xFFFF {
		return
	}
	p := s.pages[r>>8]
	if p == nil {
		p = new([4]uint64)
		s.pages[r>>8] = p
	}
	p[(r>>6)&3] |= 1 << (r & 63)
}

// runes returns the runes of the set in increasing order.
func (s *runeSet) runes() []rune {
	var out []rune
	for hi, p := range s.pages {
		if p == nil {
			continue
		}
		for w, word := range p {
			for word != 0 {
				b := bits.TrailingZeros64(word)
				out = append(out, rune(hi<<8|w<<6|b))
				word &= word - 1
			}
		}
	}
	return out
}

// ttfFace is a parsed TrueType face (glyf outlines). Its data is the file
// itself: tables are slices of it.
type ttfFace struct {
	data        []byte
	tables      map[string][]byte
	psName      string // PostScript name (name ID 6), "" if none
	unitsPerEm  int
	numGlyphs   int
	numHMetrics int
	longLoca    bool
	desc        FontDescType
	up, ut      int // underline position and thickness, 1/1000 em

	// gids maps a BMP rune to its glyph, in pages of 256 runes (nil: no
	// glyph on the page).
	gids [256]*[256]uint16
	// widths holds each glyph's advance in 1/1000 em as fpdf's width
	// tables hold it: 65535 stands for a width of 0.
	widths []uint16
}

// ttfFaceID returns a deterministic font ID (the name of its font
// resource) from the font key and the file's size and table directory,
// which holds a checksum of every table.
func ttfFaceID(key string, data []byte) string {
	h := sha1.New()
	h.Write([]byte(key))
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(data)))
	h.Write(n[:])
	dir := len(data)
	if len(data) >= 12 {
		dir = min(len(data), 12+16*int(binary.BigEndian.Uint16(data[4:])))
	}
	h.Write(data[:dir])
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// checkTTF tells whether data starts like a TrueType font file with glyph
// outlines, as fpdf's parser of v0.9.0 did at registration.
func checkTTF(data []byte) error {
	if len(data) < 12 {
		return errors.New("not a TrueType font: too short")
	}
	switch v := binary.BigEndian.Uint32(data); v {
	case 0x00010000, 0x74727565: // 1.0, "true"
		return nil
	case 0x4F54544F, 0x74746366: // "OTTO", "ttcf"
		return errors.New("not supported: OpenType CFF fonts and font collections")
	default:
		return fmt.Errorf("not a TrueType font: codeType=%v", v)
	}
}

// ttfReader reads big-endian numbers of a table, remembering the first
// read out of bounds.
type ttfReader struct {
	b   []byte
	err error
}

func (r *ttfReader) u16(off int) int {
	if off < 0 || off+2 > len(r.b) {
		if r.err == nil {
			r.err = errors.New("TrueType table too short")
		}
		return 0
	}
	return int(binary.BigEndian.Uint16(r.b[off:]))
}

func (r *ttfReader) i16(off int) int { return int(int16(r.u16(off))) }

func (r *ttfReader) u32(off int) int {
	if off < 0 || off+4 > len(r.b) {
		if r.err == nil {
			r.err = errors.New("TrueType table too short")
		}
		return 0
	}
	return int(binary.BigEndian.Uint32(r.b[off:]))
}

// parseTTF reads the face's metrics, its rune-to-glyph map and its advance
// widths: what fpdf v0.9.0's parser read, with the same scaling and
// rounding, so that text is laid out as before.
func parseTTF(data []byte) (*ttfFace, error) {
	if err := checkTTF(data); err != nil {
		return nil, err
	}
	t := &ttfFace{data: data, tables: map[string][]byte{}}
	file := &ttfReader{b: data}
	n := file.u16(4)
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil, errors.New("TrueType table directory too short")
		}
		tag := string(data[rec : rec+4])
		off, size := file.u32(rec+8), file.u32(rec+12)
		if off < 0 || size < 0 || off+size > len(data) || off+size < off {
			return nil, fmt.Errorf("TrueType table %q out of the file", tag)
		}
		t.tables[tag] = data[off : off+size]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap", "post"} {
		if t.tables[tag] == nil {
			return nil, fmt.Errorf("TrueType font without a %q table", tag)
		}
	}

	head := &ttfReader{b: t.tables["head"]}
	t.unitsPerEm = head.u16(18)
	if t.unitsPerEm == 0 {
		return nil, errors.New("TrueType font with unitsPerEm 0")
	}
	scale := 1000.0 / float64(t.unitsPerEm)
	t.desc.FontBBox = fontBoxType{
		int(float64(head.i16(36)) * scale), int(float64(head.i16(38)) * scale),
		int(float64(head.i16(40)) * scale), int(float64(head.i16(42)) * scale),
	}
	t.longLoca = head.u16(50) == 1
	if head.u16(52) != 0 {
		return nil, fmt.Errorf("unknown glyph data format %d", head.u16(52))
	}

	hhea := &ttfReader{b: t.tables["hhea"]}
	t.desc.Ascent = int(float64(hhea.i16(4)) * scale)
	t.desc.Descent = int(float64(hhea.i16(6)) * scale)
	if hhea.u16(32) != 0 {
		return nil, fmt.Errorf("unknown horizontal metric data format %d", hhea.u16(32))
	}
	t.numHMetrics = hhea.u16(34)
	if t.numHMetrics == 0 {
		return nil, errors.New("number of horizontal metrics is 0")
	}
	maxp := &ttfReader{b: t.tables["maxp"]}
	t.numGlyphs = maxp.u16(4)
	if t.numGlyphs < t.numHMetrics || len(t.tables["hmtx"]) < 4*t.numHMetrics+2*(t.numGlyphs-t.numHMetrics) {
		return nil, errors.New("TrueType hmtx table too short")
	}
	locaSize := 2
	if t.longLoca {
		locaSize = 4
	}
	if len(t.tables["loca"]) < locaSize*(t.numGlyphs+1) {
		return nil, errors.New("TrueType loca table too short")
	}

	weight := 500
	if os2 := t.tables["OS/2"]; os2 != nil {
		r := &ttfReader{b: os2}
		version := r.u16(0)
		weight = r.u16(4)
		if fsType := r.u16(8); fsType == 0x0002 || fsType&0x0300 != 0 {
			// Restricted licence embedding: fpdf v0.9.0 went on with
			// these metrics.
			weight = 0
		} else {
			if t.desc.Ascent == 0 {
				t.desc.Ascent = int(float64(r.i16(68)) * scale)
			}
			if t.desc.Descent == 0 {
				t.desc.Descent = int(float64(r.i16(70)) * scale)
			}
			if version > 1 {
				t.desc.CapHeight = int(float64(r.i16(88)) * scale)
			} else {
				t.desc.CapHeight = t.desc.Ascent
			}
		}
		if r.err != nil {
			return nil, r.err
		}
	} else {
		if t.desc.Ascent == 0 {
			t.desc.Ascent = int(float64(t.desc.FontBBox.Ymax) * scale)
		}
		if t.desc.Descent == 0 {
			t.desc.Descent = int(float64(t.desc.FontBBox.Ymin) * scale)
		}
		t.desc.CapHeight = t.desc.Ascent
	}
	t.desc.StemV = 50 + int(math.Pow(float64(weight)/65.0, 2))

	post := &ttfReader{b: t.tables["post"]}
	t.desc.ItalicAngle = post.i16(4) // the integer part, as v0.9.0 read it
	t.up = round(float64(post.i16(8)) * scale)
	t.ut = round(float64(post.i16(10)) * scale)
	t.desc.Flags = 4
	if t.desc.ItalicAngle != 0 {
		t.desc.Flags |= 64
	}
	if weight >= 600 {
		t.desc.Flags |= 262144
	}
	if post.u32(12) != 0 {
		t.desc.Flags |= 1
	}
	for _, r := range []*ttfReader{head, hhea, maxp, post} {
		if r.err != nil {
			return nil, r.err
		}
	}

	// Advance widths by glyph, in 1/1000 em.
	hmtx := t.tables["hmtx"]
	t.widths = make([]uint16, t.numGlyphs)
	adv := 0
	for g := 0; g < t.numGlyphs; g++ {
		if g < t.numHMetrics {
			adv = int(binary.BigEndian.Uint16(hmtx[4*g:]))
			if adv >= 1<<15 {
				adv = 0
			}
		}
		w := int(math.Round(scale * float64(adv)))
		if g == 0 {
			t.desc.MissingWidth = round(scale * float64(adv))
		}
		if w == 0 || w > 65535 {
			w = 65535
		}
		t.widths[g] = uint16(w)
	}

	if err := t.readCmap(); err != nil {
		return nil, err
	}
	t.psName = ttfPostScriptName(t.tables["name"])
	return t, nil
}

// readCmap reads the face's Unicode (3,1) or (0,*) cmap of format 4 into
// t.gids.
func (t *ttfFace) readCmap() error {
	cmap := &ttfReader{b: t.tables["cmap"]}
	var sub []byte
	for i := 0; i < cmap.u16(2) && cmap.err == nil; i++ {
		platform, encoding, off := cmap.u16(4+8*i), cmap.u16(6+8*i), cmap.u32(8+8*i)
		if (platform == 3 && encoding == 1) || platform == 0 {
			if cmap.u16(off) == 4 {
				length := cmap.u16(off + 2)
				if cmap.err == nil && off+length <= len(cmap.b) {
					sub = cmap.b[off : off+length]
				}
				break
			}
		}
	}
	if cmap.err != nil {
		return cmap.err
	}
	if sub == nil {
		return errors.New("font does not have a cmap for Unicode (format 4)")
	}
	r := &ttfReader{b: sub}
	segs := r.u16(6) / 2
	ends, starts, deltas, offsets := 14, 16+2*segs, 16+4*segs, 16+6*segs
	for s := 0; s < segs && r.err == nil; s++ {
		end, start := r.u16(ends+2*s), r.u16(starts+2*s)
		delta, ro := r.u16(deltas+2*s), r.u16(offsets+2*s)
		for c := start; c <= end && c <= 0xFFFF; c++ {
			var g int
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else {
				pos := offsets + 2*s + ro + 2*(c-start)
				if pos+2 <= len(sub) {
					g = r.u16(pos)
					if g != 0 {
						g = (g + delta) & 0xFFFF
					}
				}
			}
			if g == 0 || g >= t.numGlyphs || c == 0 || c == 0xFFFF {
				continue
			}
			p := t.gids[c>>8]
			if p == nil {
				p = new([256]uint16)
				t.gids[c>>8] = p
			}
			p[c&0xFF] = uint16(g)
		}
	}
	return r.err
}

// gid returns the glyph of r, 0 if the face has none.
func (t *ttfFace) gid(r rune) int {
	if r < 0 || r > 0xFFFF {
		return 0
	}
	if p := t.gids[r>>8]; p != nil {
		return int(p[r&0xFF])
	}
	return 0
}

// width returns the width of rune c as fpdf's width tables gave it: 0 if
// the face has no glyph for c, 65535 for a glyph of no width.
func (t *ttfFace) width(c int) int {
	if c <= 0 || c > 0xFFFF {
		return 0
	}
	g := t.gid(rune(c))
	if g == 0 {
		return 0
	}
	return int(t.widths[g])
}

// ttfPostScriptName returns the PostScript name (name ID 6) of a name
// table, keeping only the characters a PDF name may hold unescaped.
func ttfPostScriptName(name []byte) string {
	r := &ttfReader{b: name}
	count, strings0 := r.u16(2), r.u16(4)
	var found string
	for i := 0; i < count && r.err == nil; i++ {
		rec := 6 + 12*i
		platform, encoding, lang, id := r.u16(rec), r.u16(rec+2), r.u16(rec+4), r.u16(rec+6)
		length, off := r.u16(rec+8), r.u16(rec+10)
		if id != 6 || strings0+off+length > len(name) {
			continue
		}
		raw := name[strings0+off : strings0+off+length]
		switch {
		case platform == 3 && encoding == 1 && lang == 0x409:
			u := make([]uint16, len(raw)/2)
			for j := range u {
				u[j] = binary.BigEndian.Uint16(raw[2*j:])
			}
			found = string(utf16.Decode(u))
		case platform == 1 && encoding == 0 && lang == 0 && found == "":
			found = string(raw)
			continue
		default:
			continue
		}
		break
	}
	var b strings.Builder
	for _, c := range found {
		if c > ' ' && c < 0x7F && !strings.ContainsRune("[](){}<>/%#", c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// ttfSubset is the subset of a face that a document uses.
type ttfSubset struct {
	runes  []rune // the runes drawn, increasing
	glyphs []int  // the face's glyphs kept, increasing; glyphs[0] is 0
	newGID []int  // the subset's glyph of each rune of runes (0: none)
}

// subset chooses the glyphs of runes: .notdef, the glyph of each rune the
// face has, and the components of composite glyphs.
func (t *ttfFace) subset(runes []rune) (*ttfSubset, error) {
	glyf, loca := t.tables["glyf"], t.tables["loca"]
	keep := map[int]bool{0: true}
	var todo []int
	for _, r := range runes {
		if g := t.gid(r); g != 0 && !keep[g] {
			keep[g] = true
			todo = append(todo, g)
		}
	}
	for len(todo) > 0 {
		g := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		data, err := t.glyph(glyf, loca, g)
		if err != nil {
			return nil, err
		}
		err = eachComponent(data, func(at, c int) {
			if c < t.numGlyphs && !keep[c] {
				keep[c] = true
				todo = append(todo, c)
			}
		})
		if err != nil {
			return nil, fmt.Errorf("glyph %d: %w", g, err)
		}
	}
	s := &ttfSubset{runes: runes, glyphs: make([]int, 0, len(keep))}
	for g := range keep {
		s.glyphs = append(s.glyphs, g)
	}
	sort.Ints(s.glyphs)
	s.newGID = make([]int, len(runes))
	for i, r := range runes {
		if g := t.gid(r); g != 0 {
			s.newGID[i] = sort.SearchInts(s.glyphs, g)
		}
	}
	return s, nil
}

// glyph returns the outline data of glyph g.
func (t *ttfFace) glyph(glyf, loca []byte, g int) ([]byte, error) {
	var from, to int
	if t.longLoca {
		from, to = int(binary.BigEndian.Uint32(loca[4*g:])), int(binary.BigEndian.Uint32(loca[4*g+4:]))
	} else {
		from, to = 2*int(binary.BigEndian.Uint16(loca[2*g:])), 2*int(binary.BigEndian.Uint16(loca[2*g+2:]))
	}
	if from > to || to > len(glyf) {
		return nil, fmt.Errorf("glyph %d out of the glyf table", g)
	}
	return glyf[from:to], nil
}

// Flags of composite glyph components.
const (
	compArgsAreWords = 1 << 0
	compHaveScale    = 1 << 3
	compMore         = 1 << 5
	compXYScale      = 1 << 6
	compTwoByTwo     = 1 << 7
)

// eachComponent calls fn with the offset and glyph index of each component
// of a composite glyph; it does nothing for a simple glyph.
func eachComponent(data []byte, fn func(at, glyph int)) error {
	if len(data) < 10 || int16(binary.BigEndian.Uint16(data)) >= 0 {
		return nil
	}
	for p := 10; ; {
		if p+4 > len(data) {
			return errors.New("composite glyph too short")
		}
		flags := int(binary.BigEndian.Uint16(data[p:]))
		fn(p+2, int(binary.BigEndian.Uint16(data[p+2:])))
		p += 4
		if flags&compArgsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&compHaveScale != 0:
			p += 2
		case flags&compXYScale != 0:
			p += 4
		case flags&compTwoByTwo != 0:
			p += 8
		}
		if flags&compMore == 0 {
			return nil
		}
	}
}

// program writes the subset as a TrueType font: the kept glyphs renumbered
// in their order, a cmap of the runes, the face's hinting tables, name and
// OS/2 tables, and a post table of version 3 (no glyph names).
func (t *ttfFace) program(s *ttfSubset) ([]byte, error) {
	glyf, loca, hmtx := t.tables["glyf"], t.tables["loca"], t.tables["hmtx"]
	n := len(s.glyphs)
	// The glyphs' offsets in the new glyf table, each glyph padded to 4
	// bytes; the table is written straight into the font (writeGlyf).
	offsets := make([]int, n+1)
	newHmtx := make([]byte, 0, 4*n)
	for i, g := range s.glyphs {
		data, err := t.glyph(glyf, loca, g)
		if err != nil {
			return nil, err
		}
		offsets[i+1] = offsets[i] + (len(data)+3)&^3
		if g < t.numHMetrics {
			newHmtx = append(newHmtx, hmtx[4*g:4*g+4]...)
		} else {
			last := 4 * (t.numHMetrics - 1)
			lsb := 4*t.numHMetrics + 2*(g-t.numHMetrics)
			newHmtx = append(newHmtx, hmtx[last], hmtx[last+1], hmtx[lsb], hmtx[lsb+1])
		}
	}
	glyfSize := offsets[n]
	writeGlyf := func(dst []byte) {
		for i, g := range s.glyphs {
			data, _ := t.glyph(glyf, loca, g)
			at := offsets[i]
			copy(dst[at:], data)
			_ = eachComponent(data, func(p, c int) {
				binary.BigEndian.PutUint16(dst[at+p:], uint16(sort.SearchInts(s.glyphs, c)))
			})
		}
	}
	longLoca := (glyfSize+1)>>1 > 0xFFFF
	var newLoca []byte
	if longLoca {
		newLoca = make([]byte, 4*len(offsets))
		for i, o := range offsets {
			binary.BigEndian.PutUint32(newLoca[4*i:], uint32(o))
		}
	} else {
		newLoca = make([]byte, 2*len(offsets))
		for i, o := range offsets {
			binary.BigEndian.PutUint16(newLoca[2*i:], uint16(o/2))
		}
	}

	head := append([]byte(nil), t.tables["head"]...)
	binary.BigEndian.PutUint32(head[8:], 0) // checkSumAdjustment, set below
	if longLoca {
		binary.BigEndian.PutUint16(head[50:], 1)
	} else {
		binary.BigEndian.PutUint16(head[50:], 0)
	}
	hhea := append([]byte(nil), t.tables["hhea"]...)
	binary.BigEndian.PutUint16(hhea[34:], uint16(n))
	maxp := append([]byte(nil), t.tables["maxp"]...)
	binary.BigEndian.PutUint16(maxp[4:], uint16(n))
	post := make([]byte, 32)
	binary.BigEndian.PutUint32(post, 0x00030000)
	copy(post[4:16], t.tables["post"][4:])

	tables := []ttfTable{
		{tag: "cmap", data: s.cmap()}, {tag: "glyf", size: glyfSize, write: writeGlyf},
		{tag: "head", data: head}, {tag: "hhea", data: hhea}, {tag: "hmtx", data: newHmtx},
		{tag: "loca", data: newLoca}, {tag: "maxp", data: maxp}, {tag: "post", data: post},
	}
	for _, tag := range []string{"OS/2", "name", "cvt ", "fpgm", "prep", "gasp"} {
		if b := t.tables[tag]; len(b) > 0 {
			tables = append(tables, ttfTable{tag: tag, data: b})
		}
	}
	return assembleTTF(tables), nil
}

// ttfTable is a table of a font being written: its data, or its size and
// a function that writes it.
type ttfTable struct {
	tag   string
	data  []byte
	size  int
	write func(dst []byte)
}

// cmap returns a cmap table with one subtable (3,1) of format 4 mapping the
// runes to the subset's glyphs.
func (s *ttfSubset) cmap() []byte {
	type segment struct{ start, end, delta int }
	var segs []segment
	for i, r := range s.runes {
		g := s.newGID[i]
		if g == 0 {
			continue
		}
		c := int(r)
		if k := len(segs) - 1; k >= 0 && segs[k].end == c-1 && (c+segs[k].delta)&0xFFFF == g {
			segs[k].end = c
			continue
		}
		segs = append(segs, segment{c, c, (g - c) & 0xFFFF})
	}
	segs = append(segs, segment{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	length := 16 + 8*n
	b := make([]byte, 12+length)
	put := func(at, v int) { binary.BigEndian.PutUint16(b[at:], uint16(v)) }
	put(2, 1) // version 0, one subtable
	put(4, 3) // Windows
	put(6, 1) // Unicode BMP
	binary.BigEndian.PutUint32(b[8:], 12)
	sub := 12
	put(sub, 4)
	put(sub+2, length)
	put(sub+6, 2*n)
	sr, sel := 1, 0
	for sr*2 <= n {
		sr *= 2
		sel++
	}
	put(sub+8, 2*sr)
	put(sub+10, sel)
	put(sub+12, 2*n-2*sr)
	for i, sg := range segs {
		put(sub+14+2*i, sg.end)
		put(sub+16+2*n+2*i, sg.start)
		put(sub+16+4*n+2*i, sg.delta)
		// idRangeOffset 0
	}
	return b
}

// assembleTTF writes a TrueType file of tables, in the order of their
// tags, with their checksums and head's checkSumAdjustment.
func assembleTTF(tables []ttfTable) []byte {
	sort.Slice(tables, func(a, b int) bool { return tables[a].tag < tables[b].tag })
	n := len(tables)
	size := 12 + 16*n
	for i := range tables {
		if tables[i].write == nil {
			tables[i].size = len(tables[i].data)
		}
		size += (tables[i].size + 3) &^ 3
	}
	out := make([]byte, size)
	binary.BigEndian.PutUint32(out, 0x00010000)
	sr, sel := 1, 0
	for sr*2 <= n {
		sr *= 2
		sel++
	}
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16*sr))
	binary.BigEndian.PutUint16(out[8:], uint16(sel))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16*sr))
	headAt := -1
	at := 12 + 16*n
	for i, tb := range tables {
		rec := out[12+16*i:]
		copy(rec, tb.tag)
		binary.BigEndian.PutUint32(rec[8:], uint32(at))
		binary.BigEndian.PutUint32(rec[12:], uint32(tb.size))
		if tb.tag == "head" {
			headAt = at
		}
		padded := (tb.size + 3) &^ 3
		if tb.write != nil {
			tb.write(out[at : at+tb.size])
		} else {
			copy(out[at:], tb.data)
		}
		binary.BigEndian.PutUint32(rec[4:], ttfChecksum(out[at:at+padded]))
		at += padded
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-ttfChecksum(out))
	}
	return out
}

// ttfChecksum is the sum of b's big-endian 32-bit words; len(b) is a
// multiple of 4.
func ttfChecksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i+4 <= len(b); i += 4 {
		sum += binary.BigEndian.Uint32(b[i:])
	}
	return sum
}

// subsetTag returns the six upper-case letters that name a subset (ISO
// 32000-1, 9.6.4), from a hash of the font's name and of its runes: the
// same subset always has the same tag.
func (s *ttfSubset) tag(name string) string {
	h := fnv.New64a()
	h.Write([]byte(name))
	var b [4]byte
	for _, r := range s.runes {
		binary.BigEndian.PutUint32(b[:], uint32(r))
		h.Write(b[:])
	}
	v := h.Sum64()
	var tag [6]byte
	for i := range tag {
		tag[i] = 'A' + byte(v%26)
		v /= 26
	}
	return string(tag[:])
}

// widthArray returns the /W array of the CIDFont: the width of each rune
// drawn that the face has, the CIDs being the runes' code points.
func (t *ttfFace) widthArray(s *ttfSubset) string {
	var b []byte
	b = append(b, "/W ["...)
	open := false
	prev := -2
	for i, r := range s.runes {
		if s.newGID[i] == 0 {
			continue
		}
		w := t.width(int(r))
		if w == 65535 {
			w = 0
		}
		c := int(r)
		if c != prev+1 {
			if open {
				b = append(b, ']')
			}
			b = append(b, ' ')
			b = strconv.AppendInt(b, int64(c), 10)
			b = append(b, " ["...)
			open = true
		} else {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, int64(w), 10)
		prev = c
	}
	if open {
		b = append(b, ']')
	}
	b = append(b, " ]"...)
	return string(b)
}

// cidToGIDMap returns the CIDToGIDMap stream's bytes: the subset's glyph
// of each CID up to the largest drawn, two bytes each. CIDs beyond it are
// never shown, so the map stops there rather than at 65,535.
func (s *ttfSubset) cidToGIDMap() []byte {
	if len(s.runes) == 0 {
		return []byte{0, 0}
	}
	b := make([]byte, 2*(int(s.runes[len(s.runes)-1])+1))
	for i, r := range s.runes {
		binary.BigEndian.PutUint16(b[2*int(r):], uint16(s.newGID[i]))
	}
	return b
}

// toUnicode returns a ToUnicode CMap of the runes drawn: each CID is the
// rune's code point, so each maps to itself, in ranges of consecutive CIDs
// that share their first byte.
func (s *ttfSubset) toUnicode() []byte {
	type rng struct{ from, to int }
	var rs []rng
	for _, r := range s.runes {
		c := int(r)
		if k := len(rs) - 1; k >= 0 && rs[k].to == c-1 && c&0xFF != 0 {
			rs[k].to = c
			continue
		}
		rs = append(rs, rng{c, c})
	}
	var b []byte
	b = append(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"...)
	for len(rs) > 0 {
		k := min(len(rs), 100)
		b = strconv.AppendInt(b, int64(k), 10)
		b = append(b, " beginbfrange\n"...)
		for _, r := range rs[:k] {
			b = fmt.Appendf(b, "<%04X> <%04X> <%04X>\n", r.from, r.to, r.from)
		}
		b = append(b, "endbfrange\n"...)
		rs = rs[k:]
	}
	b = append(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"...)
	return b
}

// UTF8CutFont is a utility function that generates a TrueType font composed
// only of the runes included in cutset. The rune glyphs are copied from
// inBuf. It returns nil if inBuf is not a TrueType font it can read.
func UTF8CutFont(inBuf []byte, cutset string) (outBuf []byte) {
	t, err := parseTTF(inBuf)
	if err != nil {
		return nil
	}
	var set runeSet
	for _, r := range cutset {
		set.add(r)
	}
	s, err := t.subset(set.runes())
	if err != nil {
		return nil
	}
	outBuf, err = t.program(s)
	if err != nil {
		return nil
	}
	return outBuf
}

// outputSizeEstimate returns a guess of the size of the PDF: the pages (a
// quarter of their size if compressed) and the font subsets, which it
// makes (see prepareUTF8Font). Growing the output buffer to it at once
// spares the copies of growing it by doubling; touching fresh memory is
// slow on some machines.
func (f *Fpdf) outputSizeEstimate() int {
	n := 8 << 10
	for p := 1; p <= f.page && p < len(f.pages); p++ {
		if f.compress {
			n += f.pages[p].Len() / 4
		} else {
			n += f.pages[p].Len()
		}
	}
	for key, font := range f.fonts {
		if font.utf8 == nil || !font.utf8.selected {
			continue
		}
		f.prepareUTF8Font(key, font)
		switch u := font.utf8; {
		case u.streams != nil:
			n += 1<<10 + len(u.streams.program) + len(u.streams.cidToGID) + len(u.streams.toUnicode) + 4*len(u.sub.runes)
		case u.program != nil:
			// Font programs compress to about two thirds.
			n += 1<<10 + 3*len(u.program)/4 + 8*len(u.sub.runes)
		}
	}
	return n
}

// prepareUTF8Font chooses the subset of a UTF-8 font and writes its
// program, once; with a FontCache, its streams compressed, or those a
// document made before for the same runes.
func (f *Fpdf) prepareUTF8Font(key string, font fontDefType) {
	u := font.utf8
	if u.prepared || f.err != nil {
		return
	}
	if u.face == nil {
		f.SetErrorf("font %s was selected but not parsed", key)
		return
	}
	// Aliases (AliasNbPages, RegisterAlias) are replaced in the pages
	// after their text was drawn: their replacements may use any font.
	for _, r := range f.aliasMap {
		u.use(r)
	}
	if f.aliasNbPagesStr != "" {
		u.use(strconv.Itoa(f.page)) // registered as an alias when the pages are written
	}
	runes := u.used.runes()
	cacheKey := ""
	if f.fontCache != nil {
		cacheKey = subsetKey(font.i, runes, f.compress)
		if s := f.fontCache.get(cacheKey); s != nil {
			u.prepared, u.sub, u.streams = true, s.sub, s
			return
		}
	}
	var err error
	if u.sub, err = u.face.subset(runes); err == nil {
		u.program, err = u.face.program(u.sub)
	}
	if err != nil {
		f.SetErrorf("font %s: %w", key, err)
		return
	}
	u.prepared = true
	if f.fontCache != nil {
		deflated := func(data []byte) []byte {
			var b bytes.Buffer
			b.Grow(len(data)/2 + 64)
			zlibCompress(&b, data)
			return b.Bytes()
		}
		s := &fontStreams{sub: u.sub, programLen: len(u.program), program: deflated(u.program),
			cidToGID: deflated(u.sub.cidToGIDMap()), toUnicode: u.sub.toUnicode()}
		if f.compress {
			s.toUnicode = deflated(s.toUnicode)
		}
		u.streams, u.program = s, nil
		f.fontCache.put(cacheKey, s)
	}
}

// putUTF8Font writes a UTF-8 font as a Type0 font of Identity-H encoding
// whose CIDs are the runes' code points: the CIDFont with the widths of
// the runes drawn, a ToUnicode map, the descriptor, the CIDToGIDMap and
// the subset font program, named with a subset tag.
func (f *Fpdf) putUTF8Font(font fontDefType) {
	f.prepareUTF8Font(font.Name, font)
	if f.err != nil {
		return
	}
	face, sub, program, streams := font.utf8.face, font.utf8.sub, font.utf8.program, font.utf8.streams
	ps := face.psName
	if ps == "" {
		ps = "utf8" + font.Name
	}
	fontName := sub.tag(ps) + "+" + ps

	f.newobj()
	f.out("<</Type /Font\n/Subtype /Type0\n/BaseFont /" + fontName + "\n/Encoding /Identity-H\n/DescendantFonts [" +
		strconv.Itoa(f.n+1) + " 0 R]\n/ToUnicode " + strconv.Itoa(f.n+2) + " 0 R>>\nendobj")

	f.newobj()
	f.out("<</Type /Font\n/Subtype /CIDFontType2\n/BaseFont /" + fontName + "\n" +
		"/CIDSystemInfo " + strconv.Itoa(f.n+2) + " 0 R\n/FontDescriptor " + strconv.Itoa(f.n+3) + " 0 R")
	if font.Desc.MissingWidth != 0 {
		f.out("/DW " + strconv.Itoa(font.Desc.MissingWidth))
	}
	f.out(face.widthArray(sub))
	f.out("/CIDToGIDMap " + strconv.Itoa(f.n+4) + " 0 R>>")
	f.out("endobj")

	f.newobj()
	switch {
	case streams == nil:
		f.putCompressedStream("", sub.toUnicode(), f.compress)
	case f.compress:
		f.putDeflatedStream("", streams.toUnicode)
	default:
		f.putCompressedStream("", streams.toUnicode, false)
	}
	f.out("endobj")

	// CIDInfo
	f.newobj()
	f.out("<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0>>")
	f.out("endobj")

	// Font descriptor
	f.newobj()
	var s fmtBuffer
	s.printf("<</Type /FontDescriptor /FontName /%s\n /Ascent %d", fontName, font.Desc.Ascent)
	s.printf(" /Descent %d", font.Desc.Descent)
	s.printf(" /CapHeight %d", font.Desc.CapHeight)
	s.printf(" /Flags %d", (font.Desc.Flags|4)&^32)
	s.printf("/FontBBox [%d %d %d %d] ", font.Desc.FontBBox.Xmin, font.Desc.FontBBox.Ymin,
		font.Desc.FontBBox.Xmax, font.Desc.FontBBox.Ymax)
	s.printf(" /ItalicAngle %d", font.Desc.ItalicAngle)
	s.printf(" /StemV %d", font.Desc.StemV)
	s.printf(" /MissingWidth %d", font.Desc.MissingWidth)
	s.printf("/FontFile2 %d 0 R", f.n+2)
	s.printf(">>")
	f.out(s.String())
	f.out("endobj")

	f.newobj()
	if streams != nil {
		f.putDeflatedStream("", streams.cidToGID)
	} else {
		f.putCompressedStream("", sub.cidToGIDMap(), true)
	}
	f.out("endobj")

	f.newobj()
	if streams != nil {
		f.putDeflatedStream("/Length1 "+strconv.Itoa(streams.programLen), streams.program)
	} else {
		f.putCompressedStream("/Length1 "+strconv.Itoa(len(program)), program, true)
	}
	f.out("endobj")
}

// deflate returns data compressed by zlib, in a buffer of the document
// that the next call reuses.
func (f *Fpdf) deflate(data []byte) []byte {
	f.zbuf.Reset()
	zlibCompress(&f.zbuf, data)
	return f.zbuf.Bytes()
}

// putDeflatedStream writes a stream compressed before with zlibCompress,
// with its dictionary and extra entries, as putCompressedStream would.
func (f *Fpdf) putDeflatedStream(extra string, z []byte) {
	f.out("<</Filter /FlateDecode " + extra + "/Length " + strconv.Itoa(len(z)) + ">>")
	f.putstream(z)
}

// putCompressedStream writes a stream's dictionary, with extra entries,
// and the stream, compressed with FlateDecode if compress is true.
func (f *Fpdf) putCompressedStream(extra string, data []byte, compress bool) {
	filter := ""
	if compress {
		data = f.deflate(data)
		filter = "/Filter /FlateDecode "
	}
	f.out("<<" + filter + extra + "/Length " + strconv.Itoa(len(data)) + ">>")
	f.putstream(data)
}
