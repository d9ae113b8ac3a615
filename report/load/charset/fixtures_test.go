package charset

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Regenerate the register fixtures with: go test -run TestFixtures -update
var update = flag.Bool("update", false, "rewrite testdata/register-*.csv")

// registerRows is the content shared by every register fixture.
var registerRows = [][]string{
	{"province", "district", "commune", "unit", "model", "field", "status", "period", "count", "funds_vnd", "households", "source"},
	{"Lạng Sơn", "Văn Quan", "Xã Tân Đoàn", "Hội Nông dân xã", "Mô hình nuôi bò vỗ béo", "Kinh tế", "Xây dựng mới", "Quý III/2025", "12", "380.000.000", "45", "Báo cáo của Ban Dân vận Huyện ủy"},
	{"Lai Châu", "Tam Đường", "Xã Bình Lư", "Hội Liên hiệp Phụ nữ", "Tổ phụ nữ tự quản vệ sinh môi trường", "Văn hóa - Xã hội", "Duy trì", "2025-Q3", "8", "45.500.000", "120", "Ủy ban MTTQ xã"},
	{"Đắk Nông", "Đắk Song", "Xã Nâm N'Jang", "Đoàn Thanh niên", "Đội hình thanh niên tình nguyện giúp đồng bào", "Văn hóa - Xã hội", "Xây dựng mới", "Quý III/2025", "5", "0", "64", "Ban Dân vận Huyện ủy"},
	{"Đắk Nông", "Đắk Song", "Thị trấn Đức An", "Công an xã", "Tổ an ninh tự quản, camera giám sát", "Quốc phòng - An ninh", "Duy trì", "Quý III/2025", "3", "12.000.000", "210", "Công an huyện"},
	{"Bến Tre", "Mỏ Cày Bắc", "Xã Thạnh Ngãi", "Chi bộ ấp Tân Thiềng", "Chi bộ bốn tốt gắn với dân", "Xây dựng Đảng và hệ thống chính trị", "Xây dựng mới", "2025-Q3", "1", "5.000.000", "38", "Ủy ban nhân dân xã"},
	{"Bến Tre", "Mỏ Cày Bắc", "Xã Hòa Lộc", "Hội Cựu chiến binh", "Trồng dừa hữu cơ liên kết tiêu thụ", "Kinh tế", "Duy trì", "Quý III/2025", "4", "1.250.000.000", "96", "Ấp Phước Hậu báo cáo"},
}

// registerText renders registerRows as CSV with separator sep and line end
// eol, quoting fields that contain sep, a quote or a comma.
func registerText(sep, eol string) string {
	var sb strings.Builder
	for _, row := range registerRows {
		for i, f := range row {
			if i > 0 {
				sb.WriteString(sep)
			}
			if strings.ContainsAny(f, sep+`",`) {
				f = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
			}
			sb.WriteString(f)
		}
		sb.WriteString(eol)
	}
	return sb.String()
}

// A fixture is one register file: its charset, whether it starts with a
// BOM, and the CSV dialect it is written in.
type fixture struct {
	file    string
	cs      Charset
	bom     bool
	sep     string
	eol     string
	comment string
}

var fixtures = []fixture{
	{"register-utf8.csv", UTF8, false, ",", "\n", "UTF-8, no BOM, LF"},
	{"register-utf8-bom-semicolon.csv", UTF8, true, ";", "\r\n", "Excel \"CSV UTF-8\" in a locale with ';' as list separator"},
	{"register-utf16le-tab.csv", UTF16LE, true, "\t", "\r\n", "Excel \"Unicode text\": UTF-16LE with BOM, tab separated"},
	{"register-utf16be.csv", UTF16BE, true, ",", "\r\n", "UTF-16BE with BOM"},
	{"register-cp1258.csv", Windows1258, false, ",", "\r\n", "Excel \"CSV\" on Vietnamese Windows (code page 1258)"},
	{"register-tcvn3.csv", TCVN3, false, ",", "\r\n", "TCVN3 (ABC, .VnTime fonts)"},
	{"register-vni.csv", VNI, false, ",", "\r\n", "VNI-Windows (VNI-Times fonts)"},
}

// bytes renders the fixture's file content.
func (f fixture) bytes(t testing.TB) []byte {
	t.Helper()
	enc, err := Encode(registerText(f.sep, f.eol), f.cs)
	if err != nil {
		t.Fatalf("%s: %v", f.file, err)
	}
	if f.bom {
		enc = append(f.cs.BOM(), enc...)
	}
	return enc
}

func TestFixtures(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.file, func(t *testing.T) {
			path := filepath.Join("testdata", f.file)
			want := f.bytes(t)
			if *update {
				if err := os.WriteFile(path, want, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run TestFixtures -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("%s differs from what Encode makes now; rerun with -update if that is intended", path)
			}
			if cs := Detect(got); cs != f.cs {
				t.Errorf("Detect = %v, want %v", cs, f.cs)
			}
			wantText := registerText(f.sep, f.eol)
			for _, cs := range []Charset{Auto, f.cs} {
				text, err := Decode(got, cs)
				if err != nil {
					t.Fatalf("Decode(%v): %v", cs, err)
				}
				if text != wantText {
					t.Errorf("Decode(%v) = %q, want %q", cs, firstDiff(text, wantText), firstDiff(wantText, text))
				}
			}
		})
	}
}

// TestFixturesAgainstIconv decodes the legacy and UTF-16 fixtures with
// glibc's iconv, when it is installed, and compares with the UTF-8 text.
func TestFixturesAgainstIconv(t *testing.T) {
	iconvNames := map[Charset]string{UTF16LE: "UTF-16", UTF16BE: "UTF-16", Windows1258: "CP1258", TCVN3: "TCVN5712-1"}
	if _, err := exec.LookPath("iconv"); err != nil {
		t.Skip("iconv not installed")
	}
	for _, f := range fixtures {
		name, ok := iconvNames[f.cs]
		if !ok {
			continue
		}
		t.Run(f.file, func(t *testing.T) {
			cmd := exec.Command("iconv", "-f", name, "-t", "UTF-8", filepath.Join("testdata", f.file))
			out, err := cmd.Output()
			if err != nil {
				t.Skipf("iconv -f %s: %v", name, err)
			}
			if got, want := string(out), registerText(f.sep, f.eol); got != want {
				t.Errorf("iconv -f %s gives %q, want %q", name, firstDiff(got, want), firstDiff(want, got))
			}
		})
	}
}

// firstDiff returns a short piece of a from where it first differs from b.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	start := max(0, i-20)
	end := min(len(a), i+40)
	return a[start:end]
}
