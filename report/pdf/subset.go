package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"hash/fnv"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
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
	return applyEdits(pdf, subsetEdits(pdf, names))
}

// edit replaces pdf[at:at+n] by with.
type edit struct {
	at, n int
	with  string
}

// subsetEdits finds the font names to tag.
func subsetEdits(pdf []byte, names map[string]string) []edit {
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
			if tagged, ok := tags[string(pdf[start:end])]; ok {
				edits = append(edits, edit{start, end - start, tagged})
			}
			i = end
		}
	}
	return edits
}

// applyEdits makes the edits (which must not overlap) and moves the
// cross-reference offsets after them.
func applyEdits(pdf []byte, edits []edit) ([]byte, error) {
	if len(edits) == 0 {
		return pdf, nil
	}
	sort.Slice(edits, func(a, b int) bool { return edits[a].at < edits[b].at })
	// shift returns how far an offset in the old file moves: the sum of
	// the growth of the edits before it, found by binary search.
	growth := make([]int, len(edits)+1)
	for i, e := range edits {
		growth[i+1] = growth[i] + len(e.with) - e.n
	}
	shift := func(off int) int {
		return growth[sort.Search(len(edits), func(i int) bool { return edits[i].at >= off })]
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

// streamHead is how fpdf, with compression off, starts a stream: its whole
// dictionary is its length.
var streamHead = regexp.MustCompile(`<</Length (\d+)>>\nstream\n`)

// compressEdits compresses the streams fpdf wrote uncompressed (pages and
// ToUnicode maps), with one zlib writer per processor, each compressing
// every so-many stream. fpdf's own compression makes a new writer, about a
// megabyte of state, for every page; this keeps the memory and the time of
// long reports down, and gives the same kind of stream.
func compressEdits(pdf []byte) ([]edit, error) {
	heads := streamHead.FindAllSubmatchIndex(pdf, -1)
	edits := make([]edit, len(heads))
	for i, m := range heads {
		n, err := strconv.Atoi(string(pdf[m[2]:m[3]]))
		if err != nil || m[1]+n > len(pdf) || !bytes.HasPrefix(pdf[m[1]+n:], []byte("\nendstream")) {
			return nil, fmt.Errorf("pdf: a stream at byte %d is not as long as it says", m[0])
		}
		edits[i] = edit{at: m[0], n: m[1] + n - m[0]}
	}
	workers := min(runtime.GOMAXPROCS(0), len(edits))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			var buf bytes.Buffer
			zw, err := zlib.NewWriterLevel(&buf, zlib.BestSpeed)
			for i := w; i < len(edits) && err == nil; i += workers {
				e, data := &edits[i], pdf[heads[i][1]:edits[i].at+edits[i].n]
				buf.Reset()
				zw.Reset(&buf)
				if _, err = zw.Write(data); err == nil {
					err = zw.Close()
				}
				e.with = fmt.Sprintf("<</Filter /FlateDecode /Length %d>>\nstream\n", buf.Len()) + buf.String()
			}
			errs[w] = err
		})
	}
	wg.Wait()
	return edits, errors.Join(errs...)
}
