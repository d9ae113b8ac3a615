package charset

import (
	"bytes"
	"flag"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Charset
	}{
		{"", Auto},
		{"auto", Auto},
		{"utf-8", UTF8},
		{"UTF8", UTF8},
		{"utf-8-sig", UTF8},
		{"utf-16", UTF16},
		{"Unicode", UTF16},
		{"utf-16le", UTF16LE},
		{"UTF_16LE", UTF16LE},
		{"utf-16be", UTF16BE},
		{"cp1258", Windows1258},
		{"windows-1258", Windows1258},
		{"Windows 1258", Windows1258},
		{"tcvn3", TCVN3},
		{"TCVN", TCVN3},
		{"abc", TCVN3},
		{"tcvn5712", TCVN3},
		{"TCVN5712-1", TCVN3},
		{"tcvn5712-1:1993", TCVN3},
		{"vni", VNI},
		{"VNI-Win", VNI},
		{" vni-windows ", VNI},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseRejects(t *testing.T) {
	for _, in := range []string{"latin1", "utf-32", "viscii", "tcvn4", "x"} {
		_, err := Parse(in)
		if err == nil {
			t.Errorf("Parse(%q): no error", in)
			continue
		}
		if !strings.Contains(err.Error(), in) || !strings.Contains(err.Error(), "windows-1258") {
			t.Errorf("Parse(%q) error %q should name the input and the choices", in, err)
		}
	}
}

func TestStringParseRoundTrip(t *testing.T) {
	for c := Auto; c <= VNI; c++ {
		got, err := Parse(c.String())
		if err != nil || got != c {
			t.Errorf("Parse(%q) = %v, %v", c.String(), got, err)
		}
		text, err := c.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Charset
		if err := back.UnmarshalText(text); err != nil || back != c {
			t.Errorf("UnmarshalText(%q) = %v, %v", text, back, err)
		}
	}
	if s := Charset(200).String(); s != "Charset(200)" {
		t.Errorf("String of unknown = %q", s)
	}
	if _, err := Charset(200).MarshalText(); err == nil {
		t.Error("MarshalText of unknown charset: no error")
	}
}

func TestFlagValue(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.SetOutput(new(bytes.Buffer))
	var cs Charset
	fs.Var(&cs, "encoding", "input encoding")
	if err := fs.Parse([]string{"--encoding", "TCVN3"}); err != nil || cs != TCVN3 {
		t.Fatalf("flag parse: %v, %v", cs, err)
	}
	if err := fs.Parse([]string{"--encoding", "klingon"}); err == nil {
		t.Fatal("bad flag value accepted")
	}
}

func TestBOM(t *testing.T) {
	tests := []struct {
		cs   Charset
		want []byte
	}{
		{UTF8, []byte{0xEF, 0xBB, 0xBF}},
		{UTF16, []byte{0xFF, 0xFE}},
		{UTF16LE, []byte{0xFF, 0xFE}},
		{UTF16BE, []byte{0xFE, 0xFF}},
		{Windows1258, nil},
		{TCVN3, nil},
		{VNI, nil},
		{Auto, nil},
	}
	for _, tt := range tests {
		if got := tt.cs.BOM(); !bytes.Equal(got, tt.want) {
			t.Errorf("%v.BOM() = % x, want % x", tt.cs, got, tt.want)
		}
		if tt.want != nil {
			if got := Detect(tt.want); got != tt.cs && !(tt.cs == UTF16 && got == UTF16LE) {
				t.Errorf("Detect(%v BOM) = %v", tt.cs, got)
			}
		}
	}
}
