package xls

import (
	"bytes"
	"encoding/binary"
	"math"
	"unicode/utf16"
)

// This file builds BIFF8 streams and compound files by hand, for the
// tests of what the test files made by xlwt and LibreOffice do not hold,
// for hostile input, and for the benchmark.

// rec is a BIFF record.
func rec(typ int, body ...[]byte) []byte {
	n := 0
	for _, b := range body {
		n += len(b)
	}
	out := binary.LittleEndian.AppendUint16(nil, uint16(typ))
	out = binary.LittleEndian.AppendUint16(out, uint16(n))
	for _, b := range body {
		out = append(out, b...)
	}
	return out
}

// u16s packs 16-bit numbers.
func u16s(v ...int) []byte {
	var out []byte
	for _, x := range v {
		out = binary.LittleEndian.AppendUint16(out, uint16(x))
	}
	return out
}

func u32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }

func f64(v float64) []byte { return binary.LittleEndian.AppendUint64(nil, math.Float64bits(v)) }

func bof(dt int) []byte { return rec(recBOF, u16s(biff8, dt, 0x0DBB, 0x07CC), u32(0), u32(6)) }

func eof() []byte { return rec(recEOF) }

// fitsLatin1 tells whether every character of s is below U+0100.
func fitsLatin1(s string) bool {
	for _, r := range s {
		if r > 0xFF {
			return false
		}
	}
	return true
}

// chars encodes s compressed (when it fits Latin-1) or as UTF-16LE, and
// returns the flags byte's high-byte bit and the bytes.
func chars(s string) (int, []byte) {
	if fitsLatin1(s) {
		var out []byte
		for _, r := range s {
			out = append(out, byte(r))
		}
		return 0, out
	}
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		out = binary.LittleEndian.AppendUint16(out, u)
	}
	return 1, out
}

// xlString is an XLUnicodeString (2-byte count).
func xlString(s string) []byte {
	high, b := chars(s)
	return append(u16s(len(utf16.Encode([]rune(s)))), append([]byte{byte(high)}, b...)...)
}

// sstString is a string of the SST with, optionally, rich-text runs and
// phonetic data.
type sstString struct {
	s    string
	runs int // rich-text runs
	ext  int // bytes of phonetic data
}

// sst builds an SST record and its CONTINUE records, no record holding
// more than max bytes, splitting strings as Excel does: a string's header
// never split, its characters split between two characters with the next
// record beginning with a flags byte (compressed again when the rest fits
// Latin-1), rich-text runs split between runs, phonetic data anywhere.
func sst(max int, strs ...sstString) []byte {
	var recs [][]byte
	cur := append(u32(uint32(len(strs))), u32(uint32(len(strs)))...)
	flush := func() {
		recs = append(recs, cur)
		cur = nil
	}
	room := func() int { return max - len(cur) }
	for _, st := range strs {
		units := utf16.Encode([]rune(st.s))
		high, _ := chars(st.s)
		flags := high
		hdr := u16s(len(units))
		if st.runs > 0 {
			flags |= flagRich
		}
		if st.ext > 0 {
			flags |= flagPhonetic
		}
		hdr = append(hdr, byte(flags))
		if st.runs > 0 {
			hdr = append(hdr, u16s(st.runs)...)
		}
		if st.ext > 0 {
			hdr = append(hdr, u32(uint32(st.ext))...)
		}
		if room() < len(hdr)+1 {
			flush()
		}
		cur = append(cur, hdr...)
		// The characters, as many as fit, then the rest in the next record.
		for first := true; len(units) > 0 || first; first = false {
			if !first {
				flush()
				rest := string(utf16.Decode(units))
				high, _ = chars(rest)
				cur = append(cur, byte(high))
			}
			per := 1 + high
			n := min(len(units), room()/per)
			if n == 0 && len(units) > 0 {
				continue
			}
			for _, u := range units[:n] {
				if high == 1 {
					cur = binary.LittleEndian.AppendUint16(cur, u)
				} else {
					cur = append(cur, byte(u))
				}
			}
			units = units[n:]
		}
		for i := 0; i < st.runs; i++ {
			if room() < 4 {
				flush()
			}
			cur = append(cur, u16s(i, 1)...)
		}
		for i := 0; i < st.ext; i++ {
			if room() < 1 {
				flush()
			}
			cur = append(cur, byte(i))
		}
	}
	flush()
	out := rec(recSST, recs[0])
	for _, r := range recs[1:] {
		out = append(out, rec(recContinue, r)...)
	}
	return out
}

// Cell records.
func number(row, col, xf int, v float64) []byte {
	return rec(recNumber, u16s(row, col, xf), f64(v))
}

func rkRec(row, col, xf int, v uint32) []byte { return rec(recRK, u16s(row, col, xf), u32(v)) }

func labelSST(row, col, i int) []byte { return rec(recLabelSST, u16s(row, col, 15), u32(uint32(i))) }

func label(row, col int, s string) []byte { return rec(recLabel, u16s(row, col, 15), xlString(s)) }

// mulRK is a MULRK record of integer RKs.
func mulRK(row, col int, v ...int) []byte {
	body := u16s(row, col)
	for _, x := range v {
		body = append(body, u16s(15)...)
		body = append(body, u32(uint32(int32(x)<<2|2))...)
	}
	return rec(recMulRK, body, u16s(col+len(v)-1))
}

// formula is a FORMULA record with the cached result res (8 bytes) and a
// one-token expression.
func formula(row, col, xf int, res []byte) []byte {
	return rec(recFormula, u16s(row, col, xf), res, u16s(0), u32(0), u16s(3), []byte{0x1E, 1, 0})
}

// formulaSpecial is the cached result of a non-numeric type.
func formulaSpecial(typ, val byte) []byte { return []byte{typ, 0, val, 0, 0, 0, 0xFF, 0xFF} }

// workbook is a BIFF8 Workbook stream to build.
type workbook struct {
	globals []byte // records after BOF and before the BOUNDSHEETs
	after   []byte // records after the BOUNDSHEETs (SST), before EOF
	sheets  []sheetSpec
}

type sheetSpec struct {
	name string
	typ  int    // BOUNDSHEET type: 0 worksheet, 2 chart
	body []byte // records between BOF and EOF
}

func boundSheetRec(pos int, typ int, name string) []byte {
	return rec(recBoundSheet, u32(uint32(pos)), []byte{0, byte(typ)}, append([]byte{byte(len(utf16.Encode([]rune(name))))}, xlString(name)[2:]...))
}

// stream lays the workbook out, each sheet's BOUNDSHEET pointing to its
// BOF.
func (w workbook) stream() []byte {
	n := len(bof(bofGlobals)) + len(w.globals) + len(w.after) + len(eof())
	for _, s := range w.sheets {
		n += len(boundSheetRec(0, s.typ, s.name))
	}
	var subs []byte
	var bs []byte
	for _, s := range w.sheets {
		dt := bofWorksheet
		if s.typ == 2 {
			dt = 0x0020
		}
		bs = append(bs, boundSheetRec(n+len(subs), s.typ, s.name)...)
		subs = append(subs, bof(dt)...)
		subs = append(subs, s.body...)
		subs = append(subs, eof()...)
	}
	out := bof(bofGlobals)
	out = append(out, w.globals...)
	out = append(out, bs...)
	out = append(out, w.after...)
	out = append(out, eof()...)
	return append(out, subs...)
}

// cat joins records.
func cat(recs ...[]byte) []byte { return bytes.Join(recs, nil) }

// compoundFile wraps a stream in an OLE2 compound file (version 3, 512-byte
// sectors, DIFAT sectors when there are more than 109 FAT sectors) as its
// only stream, named name.
func compoundFile(name string, stream []byte) []byte {
	const (
		ss       = 512
		free     = 0xFFFFFFFF
		endChain = 0xFFFFFFFE
		fatSect  = 0xFFFFFFFD
		difSect  = 0xFFFFFFFC
		noStream = 0xFFFFFFFF
	)
	size := len(stream)
	padded := stream
	if len(padded) < 4096 { // no mini stream: pad to the cutoff
		padded = append(append([]byte{}, stream...), make([]byte, 4096-len(stream))...)
		size = 4096
	}
	ns := (len(padded) + ss - 1) / ss
	nf, nd := 1, 0
	for {
		nd = 0
		if nf > 109 {
			nd = (nf - 109 + 126) / 127
		}
		if nf*128 >= ns+1+nf+nd {
			break
		}
		nf++
	}
	dir := ns
	fat0 := ns + 1
	dif0 := fat0 + nf
	total := dif0 + nd
	fat := make([]uint32, nf*128)
	for i := range fat {
		fat[i] = free
	}
	for i := 0; i < ns; i++ {
		fat[i] = uint32(i + 1)
	}
	fat[ns-1] = endChain
	fat[dir] = endChain
	for i := 0; i < nf; i++ {
		fat[fat0+i] = fatSect
	}
	for i := 0; i < nd; i++ {
		fat[dif0+i] = difSect
	}
	out := make([]byte, ss*(1+total))
	le := binary.LittleEndian
	h := out[:ss]
	copy(h, oleSignature)
	le.PutUint16(h[24:], 0x3E)
	le.PutUint16(h[26:], 3)
	le.PutUint16(h[28:], 0xFFFE)
	le.PutUint16(h[30:], 9)
	le.PutUint16(h[32:], 6)
	le.PutUint32(h[44:], uint32(nf))
	le.PutUint32(h[48:], uint32(dir))
	le.PutUint32(h[56:], 4096)
	le.PutUint32(h[60:], endChain)
	if nd > 0 {
		le.PutUint32(h[68:], uint32(dif0))
	} else {
		le.PutUint32(h[68:], endChain)
	}
	le.PutUint32(h[72:], uint32(nd))
	difat := make([]uint32, 0, 109+127*nd)
	for i := 0; i < nf; i++ {
		difat = append(difat, uint32(fat0+i))
	}
	for len(difat) < 109+127*nd {
		difat = append(difat, free)
	}
	for i := 0; i < 109; i++ {
		le.PutUint32(h[76+4*i:], difat[i])
	}
	sector := func(i int) []byte { return out[ss*(1+i) : ss*(2+i)] }
	copy(out[ss:], padded)
	// The directory: the root entry and the stream.
	entry := func(b []byte, name string, typ byte, child, start uint32, size int) {
		u := utf16.Encode([]rune(name))
		for i, c := range u {
			le.PutUint16(b[2*i:], c)
		}
		le.PutUint16(b[64:], uint16(2*len(u)+2))
		b[66], b[67] = typ, 1
		le.PutUint32(b[68:], noStream)
		le.PutUint32(b[72:], noStream)
		le.PutUint32(b[76:], child)
		le.PutUint32(b[116:], start)
		le.PutUint32(b[120:], uint32(size))
	}
	d := sector(dir)
	entry(d[0:128], "Root Entry", 5, 1, endChain, 0)
	entry(d[128:256], name, 2, noStream, 0, size)
	for i := 2; i < 4; i++ {
		e := d[128*i:]
		le.PutUint32(e[68:], noStream)
		le.PutUint32(e[72:], noStream)
		le.PutUint32(e[76:], noStream)
	}
	for i := 0; i < nf; i++ {
		s := sector(fat0 + i)
		for j := 0; j < 128; j++ {
			le.PutUint32(s[4*j:], fat[128*i+j])
		}
	}
	for i := 0; i < nd; i++ {
		s := sector(dif0 + i)
		for j := 0; j < 127; j++ {
			le.PutUint32(s[4*j:], difat[109+127*i+j])
		}
		next := uint32(endChain)
		if i+1 < nd {
			next = uint32(dif0 + i + 1)
		}
		le.PutUint32(s[508:], next)
	}
	return out
}
