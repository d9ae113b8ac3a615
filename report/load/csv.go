package load

import (
	"runtime"
	"strings"
	"unicode/utf8"

	"github.com/dvkreport/dvkreport/report/internal/parallel"
)

// csvError is a structural problem of a delimited text: where it is and
// the key of its message.
type csvError struct {
	line, field int // the line where the field begins, and its place in the record (from 1)
	key         string
}

// Keys of the structural problems of a CSV text.
const (
	errQuoteText   = "csv.text_after_quote" // a closing quote followed by more text
	errQuoteOpen   = "csv.unclosed_quote"   // the text ends inside a quoted field
	errCellLength  = "csv.cell_too_long"    // a field longer than the limit
	errRecordBytes = "csv.record_too_long"  // a record longer than the limit
)

// splitter reads the records of a delimited text, exactly as encoding/csv
// does with LazyQuotes unset and any number of fields per record, with one
// leniency: a quote inside a field that does not begin with one is kept as
// written (Mô hình "ABC"), since it cannot change where fields end. Blank
// lines are skipped, "\r\n" ends a line like "\n", a quoted field may hold
// separators, doubled quotes and line breaks. What it refuses, encoding/csv
// refuses too: a closing quote followed by more text ("Báo cáo 12" của UBND)
// and a quoted field that never closes. Either would otherwise swallow the
// rest of the file into one cell.
//
// Fields are substrings of text wherever they can be (every field that is
// not quoted, and quoted fields without doubled quotes or line breaks), so
// reading allocates next to nothing per cell.
type splitter struct {
	text  string
	comma byte
	// maxCell is the most characters a field may hold, maxRecord the most
	// bytes a record may span; 0 means no limit.
	maxCell, maxRecord int
	fields             []string
	buf                []byte
	// breaks counts the line breaks read inside quoted fields: a row of
	// a spreadsheet that holds them spans as many more lines of the
	// file, and the rows after it are numbered as the spreadsheet does,
	// that many fewer than their lines.
	breaks int
}

// lineEnd returns the end of the line starting at p without its line
// break, and where the next line starts.
func (s *splitter) lineEnd(p int) (end, next int) {
	text := s.text
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

// from reads the records of text that start at pos or later and before
// limit, calling fn with each and the line it starts on; pos must be the
// start of a line, numbered line. It returns where the record after the
// last one read starts (limit when the last record ended on the line before
// limit), or the first structural problem. fields passed to fn are reused
// between calls; fn must copy the slice to keep it.
func (s *splitter) from(pos, limit, line int, fn func(line int, fields []string)) (next int, cerr *csvError) {
	text, comma := s.text, s.comma
	for pos < limit {
		le, next := s.lineEnd(pos)
		if le == pos {
			pos, line = next, line+1 // a blank line
			continue
		}
		recLine, recStart, recBreaks := line, pos, s.breaks
		s.fields = s.fields[:0]
		p := pos
	record:
		for {
			if s.maxRecord > 0 && p-recStart > s.maxRecord {
				return pos, &csvError{recLine, len(s.fields) + 1, errRecordBytes}
			}
			fieldLine := line
			if p < le && text[p] == '"' {
				// A quoted field: a substring until something forces a copy.
				p++
				start, built := p, false
				s.buf = s.buf[:0]
				for {
					i := strings.IndexByte(text[p:le], '"')
					if i < 0 {
						// The line ends inside the quotes: the field goes on
						// on the next line, joined by "\n".
						if !built {
							s.buf, built = append(s.buf, text[start:p]...), true
						}
						s.buf = append(s.buf, text[p:le]...)
						if next >= len(text) {
							return pos, &csvError{fieldLine, len(s.fields) + 1, errQuoteOpen}
						}
						s.buf = append(s.buf, '\n')
						if s.maxCell > 0 && len(s.buf) > 4*s.maxCell {
							return pos, &csvError{fieldLine, len(s.fields) + 1, errCellLength}
						}
						if s.maxRecord > 0 && next-recStart > s.maxRecord {
							return pos, &csvError{recLine, len(s.fields) + 1, errRecordBytes}
						}
						p, line, s.breaks = next, line+1, s.breaks+1
						le, next = s.lineEnd(p)
						continue
					}
					if built {
						s.buf = append(s.buf, text[p:p+i]...)
					}
					p += i + 1
					switch {
					case p < le && text[p] == '"': // "" is one quote
						if !built {
							s.buf, built = append(s.buf, text[start:p]...), true
						} else {
							s.buf = append(s.buf, '"')
						}
						p++
					case p < le && text[p] == comma: // end of the field
						if err := s.add(quoted(text, start, p-1, s.buf, built), fieldLine); err != nil {
							return pos, err
						}
						p++
						continue record
					case p >= le: // end of the record
						if err := s.add(quoted(text, start, p-1, s.buf, built), fieldLine); err != nil {
							return pos, err
						}
						break record
					default: // a closing quote followed by more text
						return pos, &csvError{fieldLine, len(s.fields) + 1, errQuoteText}
					}
				}
			}
			// An unquoted field, up to the separator or the line's end.
			i := strings.IndexByte(text[p:le], comma)
			if i < 0 {
				if err := s.add(text[p:le], line); err != nil {
					return pos, err
				}
				break
			}
			if err := s.add(text[p:p+i], line); err != nil {
				return pos, err
			}
			p += i + 1
		}
		fn(recLine-recBreaks, s.fields)
		pos, line = next, line+1
	}
	return pos, nil
}

// add appends a field, unless it is longer than the limit.
func (s *splitter) add(f string, line int) *csvError {
	if s.maxCell > 0 && runeCountOver(f, s.maxCell) {
		return &csvError{line, len(s.fields) + 1, errCellLength}
	}
	s.fields = append(s.fields, f)
	return nil
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
// pieces of it at once (one per processor if parts is 0). maxCell limits
// a field's characters and maxRecord a record's bytes (0: no limit).
//
// Each piece after the first starts after a line break, as if a record
// started there, and reads the records that start before the next piece.
// A line break inside a quoted field may fool it: so every piece but the
// last must end exactly where the next piece starts, without a problem,
// and if one does not, the text is read again in one piece. That costs
// time, never correctness.
func readRows(text string, comma byte, parts, maxCell, maxRecord int) ([]Row, *csvError) {
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
	whole := func() ([]Row, *csvError) {
		return readPiece(text, comma, 0, len(text), 1, maxCell, maxRecord)
	}
	if len(starts) == 1 {
		rows, _, _, err := readPieceEnd(text, comma, 0, len(text), 1, maxCell, maxRecord)
		return rows, err
	}
	pieces := make([][]Row, len(starts))
	ends, breaks := make([]int, len(starts)), make([]int, len(starts))
	errs := make([]*csvError, len(starts))
	var wg parallel.Group
	for k, start := range starts {
		limit := len(text)
		if k+1 < len(starts) {
			limit = starts[k+1]
		}
		wg.Go(func() {
			line := 1 + strings.Count(text[:start], "\n")
			pieces[k], ends[k], breaks[k], errs[k] = readPieceEnd(text, comma, start, limit, line, maxCell, maxRecord)
		})
	}
	wg.Wait()
	for k := range starts {
		if errs[k] != nil || k+1 < len(starts) && ends[k] != starts[k+1] {
			return whole()
		}
	}
	n := 0
	for _, p := range pieces {
		n += len(p)
	}
	rows := make([]Row, 0, n)
	before := 0 // the line breaks in quoted fields of the pieces before
	for k, p := range pieces {
		for i := range p {
			p[i].Num -= before
		}
		rows, before = append(rows, p...), before+breaks[k]
	}
	return rows, nil
}

func readPiece(text string, comma byte, start, limit, line, maxCell, maxRecord int) ([]Row, *csvError) {
	rows, _, _, err := readPieceEnd(text, comma, start, limit, line, maxCell, maxRecord)
	return rows, err
}

// readPieceEnd reads the non-blank rows of text that start in [start,
// limit), and returns where it stopped.
func readPieceEnd(text string, comma byte, start, limit, line, maxCell, maxRecord int) ([]Row, int, int, *csvError) {
	rows := make([]Row, 0, strings.Count(text[start:limit], "\n")+1)
	var slab spanSlab
	s := &splitter{text: text, comma: comma, maxCell: maxCell, maxRecord: maxRecord}
	end, err := s.from(start, limit, line, func(line int, fields []string) {
		if r, ok := cleanRow(line, fields, false, text, &slab); ok {
			rows = append(rows, r)
		}
	})
	if err != nil {
		return nil, end, 0, err
	}
	return rows, end, s.breaks, nil
}

// sniffDelimiter picks the separator of a delimited text among comma,
// semicolon and tab, from its first lines (outside quotes): the one that
// occurs the same number of times on the most lines, since a table's rows
// have as many separators as its header; a title line above the header
// may have none, and a cell of text may hold a comma. Ties go to the one
// with more per line, then to comma, semicolon and tab in that order.
func sniffDelimiter(text string) byte {
	delims := [...]byte{',', ';', '\t'}
	var perLine [3][]int
	var counts [3]int
	quoted := false
	lines := 0
	flush := func() {
		for k := range delims {
			if counts[k] > 0 {
				perLine[k] = append(perLine[k], counts[k])
			}
		}
		counts = [3]int{}
		lines++
	}
	for i := 0; i < len(text) && lines < sniffLines; i++ {
		switch c := text[i]; {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			flush()
		case c == ',':
			counts[0]++
		case c == ';':
			counts[1]++
		case c == '\t':
			counts[2]++
		}
	}
	if lines < sniffLines {
		flush()
	}
	best, bestFreq, bestMode := byte(','), 0, 0
	for k, d := range delims {
		freq := map[int]int{}
		mode, f := 0, 0
		for _, n := range perLine[k] {
			freq[n]++
			if freq[n] > f || freq[n] == f && n > mode {
				mode, f = n, freq[n]
			}
		}
		if f > bestFreq || f == bestFreq && mode > bestMode {
			best, bestFreq, bestMode = d, f, mode
		}
	}
	return best
}

// sniffLines is how many lines sniffDelimiter looks at.
const sniffLines = 30

// runeCountOver reports whether s has more than n characters.
func runeCountOver(s string, n int) bool {
	return len(s) > n && utf8.RuneCountInString(s) > n
}
