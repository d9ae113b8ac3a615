package load

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// stdlibRecords reads text with encoding/csv, with lazy quotes or not; a
// problem is written "error" and its kind (quote for a quoted field's,
// bare for a quote in an unquoted field). A record is numbered as a
// spreadsheet numbers its row: its line, less the line breaks in the
// quoted fields of the records before it.
func stdlibRecords(text string, comma byte, lazy bool) string {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = rune(comma)
	r.LazyQuotes = lazy
	r.FieldsPerRecord = -1
	var b strings.Builder
	breaks := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if errors.Is(err, csv.ErrBareQuote) {
			return "error bare"
		}
		if err != nil {
			return "error quote"
		}
		line, _ := r.FieldPos(0)
		fmt.Fprintf(&b, "%d %q\n", line-breaks, rec)
		for _, f := range rec {
			breaks += strings.Count(f, "\n")
		}
	}
	return b.String()
}

func ourRecords(text string, comma byte) string {
	var b strings.Builder
	s := &splitter{text: text, comma: comma}
	if _, err := s.from(0, len(text), 1, func(line int, f []string) { fmt.Fprintf(&b, "%d %q\n", line, f) }); err != nil {
		return "error quote"
	}
	return b.String()
}

// checkSplit compares the splitter with encoding/csv: where encoding/csv
// reads the text strictly, the splitter reads the same records; where it
// finds a quote in an unquoted field, the splitter reads what it reads with
// lazy quotes (a quote that begins no field is text), unless a quoted field
// is broken too; where a quoted field is broken, the splitter refuses the
// text.
func checkSplit(t *testing.T, text string, comma byte) {
	t.Helper()
	got, strict := ourRecords(text, comma), stdlibRecords(text, comma, false)
	switch strict {
	case "error quote":
		if got != "error quote" {
			t.Errorf("%q: encoding/csv refuses a quoted field, the splitter reads\n%s", text, got)
		}
	case "error bare":
		if got != "error quote" {
			if lazy := stdlibRecords(text, comma, true); got != lazy {
				t.Errorf("%q:\n got %s\nwant %s", text, got, lazy)
			}
		}
	default:
		if got != strict {
			t.Errorf("%q:\n got %s\nwant %s", text, got, strict)
		}
	}
}

func TestSplitCSV(t *testing.T) {
	for _, text := range []string{
		"a,b,c\n1,2,3\n",
		"a,b\r\n1,2\r\n",
		"\n\na,b\n\n\n1,2",
		"a,\"b,c\",d\n",
		"a,\"b\"\"c\",d\n",
		"a,\"b\nc\",d\ne,f\n",
		"a,\"b\r\nc\",d\r\n",
		"a,\"unterminated\n",
		"a,\"Báo cáo 12\" của UBND xã\nb,c\n",
		"a,b \"c\" d\n",
		"a,\"unterminated",
		"a,b\"c,d\n",
		"a,\"b\"c,d\n",
		"a,\"b\"\n",
		"a,,\n,\n",
		"x\r",
		"x\ry,z\n",
		"\"\"\n\"\"\"\"\n",
		"a,\"b\"\"\"\n",
		"tỉnh,xã\nLạng Sơn,\"Xã Bắc Sơn, huyện Bắc Sơn\"\n",
		"\r\n\r\n",
		"\"a\nb\nc\",d\n",
		"a,\"\"\n",
		"a,\"b\"\r",
		"\"ab\"\"",
	} {
		for _, comma := range []byte{',', ';', '\t'} {
			tx := strings.ReplaceAll(text, ",", string(comma))
			checkSplit(t, tx, comma)
			checkPieces(t, tx, comma)
		}
	}
}

// checkPieces: readRows gives the same rows however many pieces it reads
// text in, the pieces' boundaries falling anywhere, inside quotes too.
func checkPieces(t *testing.T, text string, comma byte) {
	t.Helper()
	rows, err := readRows(text, comma, 1, 0, 0)
	want := fmt.Sprint(rows, err)
	for parts := 2; parts <= 7; parts++ {
		rows, err := readRows(text, comma, parts, 0, 0)
		if got := fmt.Sprint(rows, err); got != want {
			t.Fatalf("%q in %d pieces:\n got %s\nwant %s", text, parts, got, want)
		}
	}
}

func TestReadRowsPieces(t *testing.T) {
	// Quoted fields with line breaks wherever a piece may start, blank
	// lines, CRLF, and a last line without its break.
	var b strings.Builder
	for i := range 200 {
		switch i % 5 {
		case 0:
			fmt.Fprintf(&b, "r%d,\"a\nb\nc\",x\n", i)
		case 1:
			fmt.Fprintf(&b, "\n\nr%d,\"q\"\"\",y\r\n", i)
		case 2:
			fmt.Fprintf(&b, "r%d,\"\n\",z\n", i)
		default:
			fmt.Fprintf(&b, "r%d,  Lạng Sơn ,%d\n", i, i)
		}
	}
	b.WriteString("last,\"open\"")
	checkPieces(t, b.String(), ',')
	rows, err := readRows(b.String(), ',', 3, 0, 0)
	if err != nil || len(rows) != 201 || rows[3].Cell(1) != "Lạng Sơn" || rows[200].Cell(1) != "open" {
		t.Fatalf("%v: %d rows: %q … %q", err, len(rows), rows[3].Cells(), rows[len(rows)-1].Cells())
	}
	// A quote that never closes is found however the text is cut.
	b.WriteString("\nx,\"never closed\n")
	for _, text := range []string{b.String(), strings.Repeat("a,b\n", 10) + "c,\"d\ne,f\n"} {
		for parts := 1; parts <= 5; parts++ {
			if _, err := readRows(text, ',', parts, 0, 0); err == nil || err.key != errQuoteOpen {
				t.Errorf("%d pieces: err = %v, want an unclosed quote", parts, err)
			}
		}
	}
}

// FuzzSplitCSV: the splitter reads any text as encoding/csv does (see
// checkSplit), in any number of pieces.
func FuzzSplitCSV(f *testing.F) {
	for _, s := range []string{"a,b\n", "a,\"b\nc\"\r\n", "\"a\"\"b\",c", "x\r\n\r\ny", "a\"b,\"c\"d\n"} {
		f.Add(s, byte(','))
	}
	f.Fuzz(func(t *testing.T, text string, comma byte) {
		switch comma {
		case ',', ';', '\t':
		default:
			comma = ','
		}
		checkSplit(t, text, comma)
		checkPieces(t, text, comma)
	})
}
