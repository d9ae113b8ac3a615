package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"sort"
	"strconv"
	"strings"
)

// fpdfFontKey is the name fpdf v0.9.0 gives a UTF-8 font in the PDF:
// "utf8" and the lower-cased family and style.
func fpdfFontKey(family, style string) string {
	return "utf8" + strings.ToLower(family) + strings.ToUpper(style)
}

// tagSubsets renames the embedded fonts of an fpdf document as ISO 32000-1
// §9.6.4 requires for subsets: a tag of six upper-case letters, a plus sign
// and the PostScript name (ABCDEF+LiberationSerif-Bold). fpdf embeds only
// the glyphs a document uses but names the font "utf8liberationserifB",
// which readers and pdffonts take for a whole font.
//
// The renaming changes lengths, so the cross-reference table's offsets are
// recomputed. names maps fpdf's font names to PostScript names.
func tagSubsets(pdf []byte, names map[string]string) ([]byte, error) {
	type edit struct {
		at, n int // replace pdf[at:at+n]
		with  string
	}
	var edits []edit
	used := map[string]bool{}
	tags := map[string]string{}
	for key, ps := range names {
		tag := subsetTag(ps, used)
		tags[key] = tag + "+" + ps
	}
	for _, prefix := range []string{"/BaseFont /", "/FontName /"} {
		p := []byte(prefix + "utf8")
		for i := 0; ; {
			j := bytes.Index(pdf[i:], p)
			if j < 0 {
				break
			}
			start := i + j + len(prefix)
			end := start
			for end < len(pdf) && !isDelimiter(pdf[end]) {
				end++
			}
			name := string(pdf[start:end])
			if tagged, ok := tags[name]; ok {
				edits = append(edits, edit{start, end - start, tagged})
			}
			i = end
		}
	}
	if len(edits) == 0 {
		return pdf, nil
	}
	sort.Slice(edits, func(a, b int) bool { return edits[a].at < edits[b].at })
	// shift returns how far an offset in the old file moves.
	shift := func(off int) int {
		d := 0
		for _, e := range edits {
			if e.at >= off {
				break
			}
			d += len(e.with) - e.n
		}
		return d
	}
	out := make([]byte, 0, len(pdf)+64*len(edits))
	last := 0
	for _, e := range edits {
		out = append(out, pdf[last:e.at]...)
		out = append(out, e.with...)
		last = e.at + e.n
	}
	out = append(out, pdf[last:]...)
	return fixXref(out, shift)
}

func isDelimiter(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '/' || c == '>' || c == '<' || c == '[' || c == ']' || c == '(' || c == ')'
}

// subsetTag derives a stable tag of six upper-case letters from the font's
// name, distinct from the tags in used.
func subsetTag(ps string, used map[string]bool) string {
	for salt := 0; ; salt++ {
		h := fnv.New64a()
		fmt.Fprintf(h, "%s/%d", ps, salt)
		v := h.Sum64()
		var b [6]byte
		for i := range b {
			b[i] = 'A' + byte(v%26)
			v /= 26
		}
		if tag := string(b[:]); !used[tag] {
			used[tag] = true
			return tag
		}
	}
}

// fixXref rewrites the offsets of the last cross-reference table and of
// startxref in pdf, whose objects have moved by shift(oldOffset).
func fixXref(pdf []byte, shift func(int) int) ([]byte, error) {
	sx := bytes.LastIndex(pdf, []byte("startxref\n"))
	if sx < 0 {
		return nil, errors.New("pdf: no startxref")
	}
	rest := pdf[sx+len("startxref\n"):]
	sxEnd := bytes.IndexByte(rest, '\n')
	if sxEnd < 0 {
		return nil, errors.New("pdf: bad startxref")
	}
	oldXref, err := strconv.Atoi(string(rest[:sxEnd]))
	if err != nil {
		return nil, fmt.Errorf("pdf: bad startxref: %w", err)
	}
	xref := oldXref + shift(oldXref)
	if !bytes.HasPrefix(pdf[xref:], []byte("xref\n")) {
		return nil, errors.New("pdf: the cross-reference table is not where startxref says")
	}
	// "xref\n0 N\n" then N entries of 20 bytes.
	p := xref + len("xref\n")
	nl := bytes.IndexByte(pdf[p:], '\n')
	var first, count int
	if _, err := fmt.Sscanf(string(pdf[p:p+nl]), "%d %d", &first, &count); err != nil {
		return nil, fmt.Errorf("pdf: bad xref subsection: %w", err)
	}
	p += nl + 1
	for i := 0; i < count; i++ {
		entry := pdf[p+20*i : p+20*i+20]
		if entry[17] != 'n' {
			continue
		}
		off, err := strconv.Atoi(string(entry[:10]))
		if err != nil {
			return nil, fmt.Errorf("pdf: bad xref entry %d: %w", i, err)
		}
		copy(entry[:10], fmt.Sprintf("%010d", off+shift(off)))
	}
	out := append([]byte(nil), pdf[:sx+len("startxref\n")]...)
	out = append(out, strconv.Itoa(xref)...)
	out = append(out, rest[sxEnd:]...)
	return out, nil
}
