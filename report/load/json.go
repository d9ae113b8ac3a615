package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
)

// readJSON reads an array of objects. Its keys are the table's Keys, in
// order of first appearance; values may be strings, numbers, booleans or
// null (an empty cell). A byte-order mark is allowed; invalid UTF-8, a key
// twice in one object, a nested value and anything after the array are
// errors. A number in exponent form that is a whole number (1.5E9) is
// written out in digits (1500000000); others are kept as written.
func readJSON(name string, data []byte, lim Limits) (*Table, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		return nil, &Error{Pos: record.Pos{File: name, Row: 1 + bytes.Count(data[:off], []byte("\n"))},
			Text: msg.New("load.json_utf8", off), Err: ErrFormat}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	fail := func(n int, t msg.Text) (*Table, error) {
		off := int(dec.InputOffset())
		return nil, &Error{Pos: record.Pos{File: name, Row: 1 + bytes.Count(data[:min(off, len(data))], []byte("\n"))},
			Text: msg.New("load.json", n, t), Err: ErrFormat}
	}
	syntax := func(n int, err error) (*Table, error) {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return fail(n, msg.New("error", err))
	}
	if tok, err := dec.Token(); err != nil {
		return syntax(0, err)
	} else if tok != json.Delim('[') {
		return fail(0, msg.New("load.json_want_array"))
	}
	t := &Table{File: name}
	col := map[string]int{}
	var spans spanSlab
	for n := 1; dec.More(); n++ {
		if tok, err := dec.Token(); err != nil {
			return syntax(n, err)
		} else if tok != json.Delim('{') {
			return fail(n, msg.New("load.json_not_object"))
		}
		var cells []string
		var numbers uint64 // Row.Numbers
		seen := map[int]bool{}
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				return syntax(n, err)
			}
			key := Clean(tok.(string))
			var v any
			if err := dec.Decode(&v); err != nil {
				return syntax(n, err)
			}
			var cell string
			switch v := v.(type) {
			case nil:
			case string:
				cell = Clean(v)
			case json.Number:
				cell = jsonNumber(v)
			case bool:
				cell = strings.ToUpper(map[bool]string{true: "true", false: "false"}[v])
			default:
				return fail(n, msg.New("load.json_nested", msg.Quote(key)))
			}
			if runeCountOver(cell, lim.MaxCellChars) {
				return nil, &Error{Pos: record.Pos{File: name, Row: n}, Err: ErrLimit,
					Text: msg.New("load.json_cell_too_long", msg.Quote(key), msg.Number(lim.MaxCellChars))}
			}
			i, ok := col[key]
			if !ok {
				i = len(t.Keys)
				col[key] = i
				t.Keys = append(t.Keys, key)
			}
			if seen[i] {
				return fail(n, msg.New("load.json_duplicate_key", msg.Quote(key)))
			}
			seen[i] = true
			for len(cells) <= i {
				cells = append(cells, "")
			}
			cells[i] = cell
			if _, ok := v.(json.Number); ok {
				t.setNumber(&numbers, n, i)
			}
		}
		if _, err := dec.Token(); err != nil { // '}'
			return syntax(n, err)
		}
		for len(cells) > 0 && cells[len(cells)-1] == "" {
			cells = cells[:len(cells)-1]
		}
		r := Row{Num: n, Numbers: numbers}
		r.setCells(cells, spans.take(len(cells)))
		t.Rows = append(t.Rows, r)
	}
	if _, err := dec.Token(); err != nil { // ']'
		return syntax(len(t.Rows)+1, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return fail(len(t.Rows), msg.New("load.json_trailing"))
	}
	return t, nil
}

// jsonNumber writes a JSON number as a register cell: as written, or in
// digits when it has an exponent and is a whole number.
func jsonNumber(n json.Number) string {
	s := n.String()
	i := strings.IndexAny(s, "eE")
	if i < 0 || len(s) > 40 {
		return s
	}
	// A huge exponent would make big.Rat compute a huge power.
	if exp, err := strconv.Atoi(strings.TrimPrefix(s[i+1:], "+")); err != nil || exp > 30 || exp < -30 {
		return s
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok || !r.IsInt() || r.Num().BitLen() > 64 {
		return s
	}
	return r.Num().String()
}
