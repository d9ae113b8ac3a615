package load

import (
	"errors"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/dvkreport/dvkreport/report/load/charset"
)

func TestReadCSV(t *testing.T) {
	tests := []struct {
		name string
		data string
	}{
		{"comma", "province,model\nLạng Sơn,\"Tổ, nhóm\"\n"},
		{"semicolon with BOM", "\ufeffprovince;model\nLạng Sơn;Tổ, nhóm\n"},
		{"tab, CRLF", "province\tmodel\r\nLạng Sơn\tTổ, nhóm\r\n"},
		{"NFD and padding", norm.NFD.String("province,model\n  Lạng Sơn ,Tổ, nhóm\n")},
	}
	for _, tt := range tests {
		tb, err := Bytes("x.csv", []byte(tt.data), FormatCSV, Options{})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		got := tb[0]
		if len(got.Rows) != 2 || strings.Join(got.Rows[0].Cells(), "|") != "province|model" || got.Rows[0].Num != 1 {
			t.Errorf("%s: rows %+v", tt.name, got.Rows)
			continue
		}
		if got.Rows[1].Cell(0) != "Lạng Sơn" || got.Rows[1].Num != 2 {
			t.Errorf("%s: rows %+v", tt.name, got.Rows)
			continue
		}
		if tt.name != "NFD and padding" && got.Rows[1].Cell(1) != "Tổ, nhóm" {
			t.Errorf("%s: cell %q", tt.name, got.Rows[1].Cell(1))
		}
		if !norm.NFC.IsNormalString(got.Rows[1].Cell(0)) {
			t.Errorf("%s: cell not NFC", tt.name)
		}
	}
}

// Row numbers are a spreadsheet's: the lines where records start,
// counting blank lines, less the line breaks inside cells above (a cell
// written on two lines with Alt+Enter is one row), so that messages point
// at the row the clerk sees (a twenty-fourth review found them off by one
// for every such cell above).
func TestRowNumbers(t *testing.T) {
	data := "\nprovince,model\nA,\"two\nlines\"\n\n,,\nB,x\n"
	tb, err := Bytes("x.csv", []byte(data), FormatCSV, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := tb[0]
	var nums []int
	for _, r := range got.Rows {
		nums = append(nums, r.Num)
	}
	if len(nums) != 3 || nums[0] != 2 || nums[1] != 3 || nums[2] != 6 {
		t.Errorf("row numbers %v, want [2 3 6]", nums)
	}
}

func TestReadCSVErrors(t *testing.T) {
	if _, err := Bytes("e.csv", []byte(""), FormatCSV, Options{}); !errors.Is(err, ErrFormat) {
		t.Errorf("empty file: %v", err)
	}
	// Named as UTF-8, a Windows-1258 byte is an error naming its line.
	if _, err := Bytes("w.csv", []byte("province\nL\xe1ng\n"), FormatCSV, Options{Encoding: charset.UTF8}); !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "w.csv:2:") {
		t.Errorf("bad UTF-8: %v", err)
	}
	if _, err := FormatOf("x.pdf"); !errors.Is(err, ErrFormat) {
		t.Errorf("FormatOf(x.pdf) = %v", err)
	}
}

func TestReadJSON(t *testing.T) {
	data := `[{"province":"Lạng Sơn","count":3,"funds_vnd":"380 triệu"},{"province":"Lai Châu","field":null,"extra":1.5}]`
	tb, err := Bytes("x.json", []byte(data), FormatAuto, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := tb[0]
	if strings.Join(got.Keys, "|") != "province|count|funds_vnd|field|extra" {
		t.Errorf("keys %q", got.Keys)
	}
	if len(got.Rows) != 2 || got.Rows[0].Cell(1) != "3" || got.Rows[1].Cell(4) != "1.5" || got.Rows[1].Num != 2 {
		t.Errorf("rows %+v", got.Rows)
	}
	for _, bad := range []string{`{}`, `[1]`, `[{"a":[1]}]`, `[{"a":1}`} {
		if _, err := Bytes("b.json", []byte(bad), FormatJSON, Options{}); !errors.Is(err, ErrFormat) {
			t.Errorf("%s: err = %v, want ErrFormat", bad, err)
		}
	}
}

// surelyNFC must never say yes to text that NFC would change.
func TestSurelyNFC(t *testing.T) {
	letters := "aăâeêioôơuưyAĂÂEÊIOÔƠUƯYđĐ"
	for _, base := range letters {
		for _, mark := range []string{"", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"} {
			if (base == 'đ' || base == 'Đ') && mark != "" {
				continue // đ takes no tone mark
			}
			s := norm.NFC.String(string(base) + mark)
			if !surelyNFC(s) {
				t.Errorf("surelyNFC(%q) = false for a precomposed Vietnamese letter", s)
			}
			d := norm.NFD.String(s)
			if d != s && surelyNFC(d) {
				t.Errorf("surelyNFC(%q) = true for decomposed text", d)
			}
		}
	}
	for r := rune(0); r < 0x2000; r++ {
		s := string(r)
		if surelyNFC(s) && !norm.NFC.IsNormalString("a"+s) {
			t.Errorf("surelyNFC(%U) = true, but NFC changes it", r)
		}
	}
	for _, s := range []string{"\xc3", "\xc3(", "\xe1\xba", "\xe1\xba(", "a\xff", "\xbf"} {
		if surelyNFC(s) {
			t.Errorf("surelyNFC(%q) = true for invalid UTF-8", s)
		}
	}
}

// isNFC checks big texts in pieces, and says the same as a check of the
// whole, whatever falls on the pieces' boundaries.
func TestIsNFC(t *testing.T) {
	row := "Lạng Sơn,Xã Bắc Sơn,Tổ tiết kiệm,Văn hóa - Xã hội,2025-Q3\n"
	big := strings.Repeat(row, 2*parallelMin/len(row))
	for _, c := range []struct {
		tail string
		want bool
	}{
		{"", true},
		{"“Nhà nhân ái” – 2025\n", true},  // NFC, though not Vietnamese letters
		{"La\u0323ng So\u031bn\n", false}, // decomposed
		{"L\xe1ng S\xf5n\n", false},       // TCVN3 bytes
		{"\xe1\xba", false},               // cut short
	} {
		for _, text := range []string{big + c.tail, c.tail + big, big[:len(big)/2+1] + c.tail + big} {
			if got := isNFC([]byte(text)); got != c.want {
				t.Errorf("isNFC(… %q …) = %v, want %v", c.tail, got, c.want)
			}
		}
	}
}

// The same register in every encoding Excel and legacy Vietnamese offices
// write reads to the same cells.
func TestEncodings(t *testing.T) {
	want, err := Bytes("utf8", mustRead(t, "charset/testdata/register-utf8.csv"), FormatCSV, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"register-utf8-bom-semicolon.csv", "register-utf16le-tab.csv", "register-utf16be.csv",
		"register-cp1258.csv", "register-tcvn3.csv", "register-vni.csv",
	} {
		got, err := Bytes(name, mustRead(t, "charset/testdata/"+name), FormatCSV, Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(got[0].Rows) != len(want[0].Rows) {
			t.Errorf("%s: %d rows, want %d", name, len(got[0].Rows), len(want[0].Rows))
			continue
		}
		for i, r := range got[0].Rows {
			if strings.Join(r.Cells(), "|") != strings.Join(want[0].Rows[i].Cells(), "|") {
				t.Errorf("%s row %d: %q, want %q", name, r.Num, r.Cells(), want[0].Rows[i].Cells())
			}
		}
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A UTF-8 file with a line of an old tool's encoding is named as a file of
// two encodings: --encoding, which the message for a wrong encoding
// advises, cannot read it either (a nineteenth review).
func TestMixedEncoding(t *testing.T) {
	old, err := charset.Encode("Lạng Sơn,Xã Bằng Mạc\n", charset.Windows1258)
	if err != nil {
		t.Fatal(err)
	}
	data := append([]byte("province,commune\nLạng Sơn,Xã Ba Sơn\nLạng Sơn,Xã Bắc Sơn\n"), old...)
	_, err = Bytes("mixed.csv", data, FormatCSV, Options{})
	var le *Error
	if !errors.As(err, &le) || le.Text.Key != "load.mixed_encoding" || le.Pos.Row != 4 {
		t.Errorf("%v; want a file of two encodings, at line 4", err)
	}
}
