package load

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"testing"
)

// stdlibRecords reads text with encoding/csv as splitCSV promises to.
func stdlibRecords(text string, comma byte) string {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = rune(comma)
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	var b strings.Builder
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "error: " + err.Error()
		}
		line, _ := r.FieldPos(0)
		fmt.Fprintf(&b, "%d %q\n", line, rec)
	}
	return b.String()
}

func ourRecords(text string, comma byte) string {
	var b strings.Builder
	splitCSV(text, comma, func(line int, f []string) { fmt.Fprintf(&b, "%d %q\n", line, f) })
	return b.String()
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
			if got, want := ourRecords(tx, comma), stdlibRecords(tx, comma); got != want {
				t.Errorf("%q:\n got %s\nwant %s", tx, got, want)
			}
			checkPieces(t, tx, comma)
		}
	}
}

// checkPieces: readRows gives the same rows however many pieces it reads
// text in, the pieces' boundaries falling anywhere, inside quotes too.
func checkPieces(t *testing.T, text string, comma byte) {
	t.Helper()
	want := fmt.Sprint(readRows(text, comma, 1))
	for parts := 2; parts <= 7; parts++ {
		if got := fmt.Sprint(readRows(text, comma, parts)); got != want {
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
	b.WriteString("last,\"open")
	checkPieces(t, b.String(), ',')
	rows := readRows(b.String(), ',', 3)
	if len(rows) != 201 || rows[3].Cells[1] != "Lạng Sơn" || rows[200].Cells[1] != "open" {
		t.Fatalf("%d rows: %q … %q", len(rows), rows[3].Cells, rows[len(rows)-1].Cells)
	}
}

// FuzzSplitCSV: splitCSV reads any text exactly as encoding/csv does.
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
		if got, want := ourRecords(text, comma), stdlibRecords(text, comma); got != want {
			t.Fatalf("%q:\n got %s\nwant %s", text, got, want)
		}
		checkPieces(t, text, comma)
	})
}
