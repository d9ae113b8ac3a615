package charset

import (
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// benchRegister returns a 100,000-row register (about 17 MB of UTF-8).
func benchRegister() string {
	var sb strings.Builder
	sb.WriteString(strings.Join(registerRows[0], ",") + "\r\n")
	for i := 0; i < 100_000; i++ {
		row := registerRows[1+i%(len(registerRows)-1)]
		for j, f := range row {
			if j > 0 {
				sb.WriteByte(',')
			}
			if j == 8 {
				f = strconv.Itoa(i % 97)
			}
			if strings.ContainsAny(f, `",`) {
				f = `"` + f + `"`
			}
			sb.WriteString(f)
		}
		sb.WriteString("\r\n")
	}
	return sb.String()
}

var benchCharsets = []Charset{UTF8, UTF16LE, Windows1258, TCVN3, VNI}

// BenchmarkDecode decodes the 100,000-row register in each charset, plus
// UTF-8 in decomposed form (NFD), which takes the composing path.
func BenchmarkDecode(b *testing.B) {
	text := benchRegister()
	run := func(name string, raw []byte, cs Charset) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				if _, err := Decode(raw, cs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, cs := range benchCharsets {
		raw, err := Encode(text, cs)
		if err != nil {
			b.Fatal(err)
		}
		run(cs.String(), raw, cs)
	}
	run("utf-8-nfd", []byte(norm.NFD.String(text)), UTF8)
}

// BenchmarkDetect runs Detect on the same inputs.
func BenchmarkDetect(b *testing.B) {
	text := benchRegister()
	for _, cs := range benchCharsets {
		raw, err := Encode(text, cs)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(cs.String(), func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				if got := Detect(raw); got != cs {
					b.Fatalf("Detect = %v", got)
				}
			}
		})
	}
}
