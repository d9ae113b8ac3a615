package load

import "strings"

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
	var fields []string
	var buf []byte
	pos, line := 0, 1
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
	for pos < len(text) {
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
}

// quoted returns a quoted field: text[start:end] if nothing had to be
// copied, else the copy.
func quoted(text string, start, end int, buf []byte, built bool) string {
	if built {
		return string(buf)
	}
	return text[start:end]
}
