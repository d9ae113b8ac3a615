package load

import (
	"runtime"
	"strings"
	"sync"
)

// splitCSV calls fn with each record of text and the line it starts on,
// reading it exactly as encoding/csv does with LazyQuotes set and any
// number of fields per record: blank lines are skipped, "\r\n" ends a line
// like "\n", a quoted field may hold separators, quotes written twice and
// line breaks, and a quote inside a field is kept as written.
//
// Fields are substrings of text wherever they can be (every field that is
// not quoted, and quoted fields without doubled quotes or line breaks), so
// reading allocates next to nothing per cell. fields is reused between
// calls; fn must copy it to keep it.
func splitCSV(text string, comma byte, fn func(line int, fields []string)) {
	splitFrom(text, 0, len(text), 1, comma, fn)
}

// splitFrom reads the records of text that start at pos or later and before
// limit, as splitCSV does; pos must be the start of a line, numbered line.
// It returns where the record after the last one read starts: limit when
// the last record ended on the line before limit.
func splitFrom(text string, pos, limit, line int, comma byte, fn func(line int, fields []string)) (next int) {
	var fields []string
	var buf []byte
	// lineEnd returns the end of the line starting at p without its line
	// break, and where the next line starts.
	lineEnd := func(p int) (end, next int) {
		i := strings.IndexByte(text[p:], '\n')
		if i < 0 {
			end, next = len(text), len(text)
		} else {
			end, next = p+i, p+i+1
		}
		if end > p && text[end-1] == '\r' && (next > end || end == len(text)) {
			end-- // "\r\n", or "\r" at the end of the text
		}
		return end, next
	}
	for pos < limit {
		le, next := lineEnd(pos)
		if le == pos {
			pos, line = next, line+1 // a blank line
			continue
		}
		recLine := line
		fields = fields[:0]
		p := pos
	record:
		for {
			if p < le && text[p] == '"' {
				// A quoted field: a substring until something forces a copy.
				p++
				start, built := p, false
				buf = buf[:0]
				for {
					i := strings.IndexByte(text[p:le], '"')
					if i < 0 {
						// The line ends inside the quotes: the field goes on
						// on the next line, joined by "\n".
						if !built {
							buf, built = append(buf, text[start:p]...), true
						}
						buf = append(buf, text[p:le]...)
						if next > le && text[next-1] == '\n' {
							buf = append(buf, '\n')
						}
						if next >= len(text) {
							fields = append(fields, string(buf))
							break record
						}
						p, line = next, line+1
						le, next = lineEnd(p)
						continue
					}
					if built {
						buf = append(buf, text[p:p+i]...)
					}
					p += i + 1
					switch {
					case p < le && text[p] == '"': // "" is one quote
						if !built {
							buf, built = append(buf, text[start:p]...), true
						} else {
							buf = append(buf, '"')
						}
						p++
					case p < le && text[p] == comma: // end of the field
						fields = append(fields, quoted(text, start, p-1, buf, built))
						p++
						continue record
					case p >= le: // end of the record
						fields = append(fields, quoted(text, start, p-1, buf, built))
						break record
					default: // a bare quote, kept
						if !built {
							buf, built = append(buf, text[start:p]...), true
						} else {
							buf = append(buf, '"')
						}
					}
				}
			}
			// An unquoted field, up to the separator or the line's end.
			i := strings.IndexByte(text[p:le], comma)
			if i < 0 {
				fields = append(fields, text[p:le])
				break
			}
			fields = append(fields, text[p:p+i])
			p += i + 1
		}
		fn(recLine, fields)
		pos, line = next, line+1
	}
	return pos
}

// quoted returns a quoted field: text[start:end] if nothing had to be
// copied, else the copy.
func quoted(text string, start, end int, buf []byte, built bool) string {
	if built {
		return string(buf)
	}
	return text[start:end]
}

// parallelMin is the size of text below which readRows does not split it.
const parallelMin = 1 << 20

// readRows splits text into its non-blank rows, trimmed, reading parts
// pieces of it at once (one per processor if parts is 0).
//
// Each piece after the first starts after a line break, as if a record
// started there, and reads the records that start before the next piece.
// A line break inside a quoted field may fool it: so every piece but the
// last must end exactly where the next piece starts, and if one does not,
// the text is read again in one piece. That costs time, never correctness.
func readRows(text string, comma byte, parts int) []Row {
	if parts == 0 {
		parts = runtime.GOMAXPROCS(0)
		if len(text) < parallelMin {
			parts = 1
		}
	}
	// Piece k starts at starts[k], after a line break.
	starts := []int{0}
	for k := 1; k < parts; k++ {
		from := max(len(text)*k/parts, starts[len(starts)-1])
		i := strings.IndexByte(text[from:], '\n')
		if i < 0 {
			break
		}
		if s := from + i + 1; s < len(text) && s > starts[len(starts)-1] {
			starts = append(starts, s)
		}
	}
	pieces := make([][]Row, len(starts))
	ends := make([]int, len(starts))
	var wg sync.WaitGroup
	for k, start := range starts {
		limit := len(text)
		if k+1 < len(starts) {
			limit = starts[k+1]
		}
		wg.Go(func() {
			line := 1 + strings.Count(text[:start], "\n")
			pieces[k], ends[k] = readPiece(text, start, limit, line, comma)
		})
	}
	wg.Wait()
	for k := 0; k+1 < len(starts); k++ {
		if ends[k] != starts[k+1] {
			rows, _ := readPiece(text, 0, len(text), 1, comma)
			return rows
		}
	}
	if len(pieces) == 1 {
		return pieces[0]
	}
	n := 0
	for _, p := range pieces {
		n += len(p)
	}
	rows := make([]Row, 0, n)
	for _, p := range pieces {
		rows = append(rows, p...)
	}
	return rows
}

// readPiece reads the non-blank rows of text that start in [start, limit).
func readPiece(text string, start, limit, line int, comma byte) ([]Row, int) {
	rows := make([]Row, 0, strings.Count(text[start:limit], "\n")+1)
	var slab cellSlab
	end := splitFrom(text, start, limit, line, comma, func(line int, fields []string) {
		if cells := cleanCells(fields, false, &slab); len(cells) > 0 {
			rows = append(rows, Row{Num: line, Cells: cells})
		}
	})
	return rows, end
}

// cellSlab hands out the cell slices of many rows from one allocation.
type cellSlab []string

// take returns n empty cells.
func (s *cellSlab) take(n int) []string {
	if cap(*s)-len(*s) < n {
		*s = make([]string, 0, max(n, 1<<14))
	}
	i := len(*s)
	*s = (*s)[:i+n]
	return (*s)[i : i+n : i+n]
}
