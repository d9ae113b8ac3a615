package charset

import (
	"fmt"
	"strings"
)

// Charset identifies a character set. The zero value is [Auto].
type Charset uint8

// The charsets this package knows.
const (
	// Auto asks Decode to detect the charset with Detect.
	Auto Charset = iota
	// UTF8 is UTF-8; a leading BOM is accepted and removed.
	UTF8
	// UTF16 is UTF-16 whose byte order is given by its BOM; without a BOM
	// it is read as little-endian, like Windows does.
	UTF16
	// UTF16LE is little-endian UTF-16 (Excel's "Unicode text").
	UTF16LE
	// UTF16BE is big-endian UTF-16.
	UTF16BE
	// Windows1258 is the Windows code page 1258 (Vietnamese), decoded with
	// golang.org/x/text/encoding/charmap.
	Windows1258
	// TCVN3 is the TCVN 5712:1993 byte encoding ("ABC", the .VnTime fonts),
	// with glibc's TCVN5712-1 table: every byte is defined. Lower-case
	// letters sit at 0xA8-0xFE as in VN3; the capitals with tone marks, which
	// the VN3 fonts lack (offices used the separate .VnTimeH fonts for them),
	// are taken from VN1 at 0x01-0x17 and 0x80-0x9F and a few upper
	// positions. Bytes 0xB0-0xB4 are combining tone marks.
	TCVN3
	// VNI is the VNI-Windows font encoding (VNI-Times): a base letter
	// followed by a diacritic byte, with Windows-1252 for the other bytes.
	VNI
)

// names holds the canonical name of each Charset, as String returns it.
var names = [...]string{
	Auto:        "auto",
	UTF8:        "utf-8",
	UTF16:       "utf-16",
	UTF16LE:     "utf-16le",
	UTF16BE:     "utf-16be",
	Windows1258: "windows-1258",
	TCVN3:       "tcvn3",
	VNI:         "vni",
}

// aliases maps spellings, lower-cased and without '-', '_', ' ', '.' and
// ':', to charsets.
var aliases = map[string]Charset{
	"":               Auto,
	"auto":           Auto,
	"detect":         Auto,
	"utf8":           UTF8,
	"utf8bom":        UTF8,
	"utf8sig":        UTF8,
	"utf16":          UTF16,
	"unicode":        UTF16,
	"ucs2":           UTF16,
	"utf16le":        UTF16LE,
	"ucs2le":         UTF16LE,
	"unicodele":      UTF16LE,
	"utf16be":        UTF16BE,
	"ucs2be":         UTF16BE,
	"unicodebe":      UTF16BE,
	"windows1258":    Windows1258,
	"win1258":        Windows1258,
	"cp1258":         Windows1258,
	"1258":           Windows1258,
	"tcvn3":          TCVN3,
	"tcvn":           TCVN3,
	"abc":            TCVN3,
	"vn3":            TCVN3,
	"tcvn5712":       TCVN3,
	"tcvn57121":      TCVN3,
	"tcvn571219931":  TCVN3,
	"tcvn57121993":   TCVN3,
	"tcvn571211993":  TCVN3,
	"vntime":         TCVN3,
	"vni":            VNI,
	"vniwin":         VNI,
	"vniwindows":     VNI,
	"vnitimes":       VNI,
	"vniansi":        VNI,
	"vniwindowsansi": VNI,
}

// String returns the canonical name: "auto", "utf-8", "utf-16",
// "utf-16le", "utf-16be", "windows-1258", "tcvn3" or "vni".
func (c Charset) String() string {
	if int(c) < len(names) {
		return names[c]
	}
	return fmt.Sprintf("Charset(%d)", uint8(c))
}

// valid reports whether c is one of the declared charsets.
func (c Charset) valid() bool { return int(c) < len(names) }

// Parse returns the charset named by name, as given to an --encoding
// option. Case, '-', '_', '.', ':' and spaces are ignored, so "UTF-8",
// "utf8", "utf-16", "utf-16le", "cp1258", "windows-1258", "tcvn3", "tcvn",
// "abc", "TCVN5712-1", "vni" and "auto" (or "") are all understood.
func Parse(name string) (Charset, error) {
	key := strings.Map(func(r rune) rune {
		switch r {
		case '-', '_', ' ', '.', ':':
			return -1
		}
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}, strings.TrimSpace(name))
	if c, ok := aliases[key]; ok {
		return c, nil
	}
	return Auto, fmt.Errorf("charset: unknown encoding %q (want one of %s)", name, strings.Join(names[:], ", "))
}

// Set parses name into c, so that a *Charset is a flag.Value.
func (c *Charset) Set(name string) error {
	v, err := Parse(name)
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// MarshalText implements encoding.TextMarshaler with the canonical name.
func (c Charset) MarshalText() ([]byte, error) {
	if !c.valid() {
		return nil, fmt.Errorf("charset: cannot marshal unknown %v", c)
	}
	return []byte(c.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with Parse.
func (c *Charset) UnmarshalText(text []byte) error { return c.Set(string(text)) }

// BOM returns the byte order mark that starts text in c: EF BB BF for
// UTF-8, FF FE for UTF-16 and UTF-16LE, FE FF for UTF-16BE, and nil for
// the others. Encode never writes a BOM; prepend this when one is wanted.
func (c Charset) BOM() []byte {
	switch c {
	case UTF8:
		return []byte{0xEF, 0xBB, 0xBF}
	case UTF16, UTF16LE:
		return []byte{0xFF, 0xFE}
	case UTF16BE:
		return []byte{0xFE, 0xFF}
	}
	return nil
}
