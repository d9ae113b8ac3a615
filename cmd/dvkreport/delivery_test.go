package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/csv"
	"encoding/hex"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dvkreport/dvkreport/report/mail/mailtest"
)

// runEnv runs the command with an environment.
func runEnv(t *testing.T, vars map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(append([]string{"dvkreport"}, args...), &out, &errOut, env{getenv: func(k string) string { return vars[k] }})
	return code, out.String(), errOut.String()
}

// tool returns the path of a command the test needs: it fails under CI,
// where .ci/run installs it, and skips elsewhere.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed; .ci/run installs it", name)
		}
		t.Skipf("%s is not installed", name)
	}
	return p
}

// parsed is a message as Go's own readers see it.
type parsed struct {
	subject, body string
	to            []*mail.Address
	files         map[string][]byte
}

func parseMail(t *testing.T, data []byte) parsed {
	t.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var p parsed
	dec := new(mime.WordDecoder)
	if p.subject, err = dec.DecodeHeader(m.Header.Get("Subject")); err != nil {
		t.Fatal(err)
	}
	if p.to, err = m.Header.AddressList("To"); err != nil {
		t.Fatal(err)
	}
	mt, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(mt, "multipart/") {
		t.Fatalf("content type %q: %v", mt, err)
	}
	p.files = map[string][]byte{}
	r := multipart.NewReader(m.Body, params["boundary"])
	for {
		part, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(part) // multipart decodes quoted-printable itself
		if err != nil {
			t.Fatal(err)
		}
		if name := part.FileName(); name != "" {
			if part.Header.Get("Content-Transfer-Encoding") == "base64" {
				data = decodeBase64(t, data)
			}
			p.files[name] = data
		} else {
			p.body = string(data)
		}
	}
	return p
}

func decodeBase64(t *testing.T, data []byte) []byte {
	t.Helper()
	out, err := io.ReadAll(base64Reader(bytes.NewReader(data)))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

const wantSubject = "Báo cáo kết quả phong trào thi đua “Dân vận khéo” quý III năm 2025"

// Issue 14, done when: a report sent through a real SMTP server with
// STARTTLS and AUTH arrives with its attachment byte for byte and its
// Vietnamese subject intact.
func TestMailSMTP(t *testing.T) {
	dir := t.TempDir()
	cert := mailtest.NewCert(t)
	ca := filepath.Join(dir, "ca.pem")
	os.WriteFile(ca, cert.PEM, 0o644)
	ts := mailtest.Start(t, mailtest.Options{Cert: cert, StartTLS: true, Auth: true})
	args := []string{"-i", quarters, "--boundaries", "2025", "-p", "2025-Q3", "-l", "Lạng Sơn"}
	code, _, errOut := runEnv(t, map[string]string{"DVK_SMTP_USER": mailtest.User, "DVK_SMTP_PASSWORD": mailtest.Password},
		append([]string{"mail", "--to", "Ban Dân vận Trung ương <bdvtw@example.vn>", "--cc", "vp@example.vn",
			"--from", "Ban Tuyên giáo và Dân vận <btgdv@langson.example.vn>", "--smtp", ts.Addr, "--smtp-ca", ca}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got := ts.Received()
	if len(got) != 1 || !got[0].TLS || got[0].User != mailtest.User || len(got[0].Rcpts) != 2 {
		t.Fatalf("received %d messages: %+v", len(got), got)
	}
	p := parseMail(t, got[0].Data)
	if !strings.HasPrefix(p.subject, wantSubject) || !strings.Contains(p.subject, "Lạng Sơn") {
		t.Errorf("subject %q", p.subject)
	}
	if len(p.to) != 1 || p.to[0].Name != "Ban Dân vận Trung ương" {
		t.Errorf("To %v", p.to)
	}
	pdfName := filepath.Join(dir, "r.pdf")
	if code, _, errOut := runCmd(t, append([]string{"generate", "-o", pdfName}, args...)...); code != 0 {
		t.Fatal(errOut)
	}
	want, _ := os.ReadFile(pdfName)
	att, ok := p.files["dvk-lang-son-2025-q3.pdf"]
	if !ok || !bytes.Equal(att, want) {
		t.Errorf("attachments %d, the PDF equal: %v", len(p.files), bytes.Equal(att, want))
	}
	if !strings.Contains(p.body, "mô hình “Dân vận khéo”") || !strings.Contains(p.body, "dvk-lang-son-2025-q3.pdf") {
		t.Errorf("body:\n%s", p.body)
	}
}

// Issue 14, done when: plain AUTH is refused without TLS.
func TestMailPlainAuthRefused(t *testing.T) {
	ts := mailtest.Start(t, mailtest.Options{IP: "127.0.0.2", Auth: true, InsecureAuth: true})
	code, _, errOut := runEnv(t, map[string]string{"DVK_SMTP_USER": mailtest.User, "DVK_SMTP_PASSWORD": mailtest.Password},
		"mail", "--lang", "en", "--to", "bdv@example.vn", "--from", "btg@example.vn", "--smtp", ts.Addr, "-i", quarters, "--boundaries", "2025", "-p", "2025-Q3")
	if code != 1 || !strings.Contains(errOut, "TLS") || !strings.Contains(errOut, "--insecure") {
		t.Errorf("exit %d, want 1 and a word on TLS:\n%s", code, errOut)
	}
	if len(ts.Received()) != 0 || len(ts.Auths()) != 0 {
		t.Error("the password went out in clear")
	}
	// With a user but no password: a usage error, before any data.
	code, _, errOut = runEnv(t, map[string]string{"DVK_SMTP_USER": "x"}, "mail", "--lang", "en", "--to", "a@example.vn", "--from", "b@example.vn", "--smtp", ts.Addr)
	if code != 2 || !strings.Contains(errOut, "DVK_SMTP_PASSWORD") {
		t.Errorf("no password: exit %d:\n%s", code, errOut)
	}
	// Without a user the message goes without AUTH, as to an office's
	// relay.
	relay := mailtest.Start(t, mailtest.Options{IP: "127.0.0.2"})
	if code, _, errOut := runEnv(t, nil, "mail", "--to", "a@example.vn", "--from", "b@example.vn", "--smtp", relay.Addr, "-i", quarters, "--boundaries", "2025", "-p", "2025-Q3"); code != 0 {
		t.Fatalf("relay: exit %d: %s", code, errOut)
	}
	if got := relay.Received(); len(got) != 1 || got[0].User != "" {
		t.Errorf("relay received %+v", got)
	}
}

// Issue 14, done when: the .eml file parses with Go's readers and with an
// independent one (Python's email package).
func TestMailEML(t *testing.T) {
	dir := t.TempDir()
	eml := filepath.Join(dir, "r.eml")
	code, _, errOut := runCmd(t, "mail", "--to", "Văn phòng <vp@example.vn>", "--from", "btgdv@example.vn", "--eml", eml,
		"-i", quarters, "--boundaries", "2025", "-p", "2025-Q3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(eml)
	if err != nil {
		t.Fatal(err)
	}
	p := parseMail(t, data)
	att := p.files["dvk-toan-quoc-2025-q3.pdf"]
	if p.subject != wantSubject || !bytes.HasPrefix(att, []byte("%PDF-")) {
		t.Fatalf("subject %q, attachment %d bytes", p.subject, len(att))
	}
	py := tool(t, "python3")
	script := `
import email, sys, hashlib
from email import policy
m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=policy.default)
print(m['subject'])
for part in m.iter_attachments():
    print(part.get_filename(), hashlib.sha256(part.get_content()).hexdigest())
`
	out, err := exec.Command(py, "-c", script, eml).CombinedOutput()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 2 || lines[0] != wantSubject || !strings.HasPrefix(lines[1], "dvk-toan-quoc-2025-q3.pdf ") || !strings.HasSuffix(lines[1], sha(att)) {
		t.Errorf("python read:\n%s", out)
	}
}

// Issue 14: --split-by with --to-map: each locality its own report, the
// ones missing from the map listed; --dry-run writes them as .eml files.
func TestMailSplit(t *testing.T) {
	dir := t.TempDir()
	toMap := filepath.Join(dir, "to.csv")
	os.WriteFile(toMap, []byte("địa bàn,email\nPhường Lương Văn Tri,lvt@example.vn\n06196,\"ba-son@example.vn; vp@example.vn\"\nXã Không Có,x@example.vn\n"), 0o644)
	out := filepath.Join(dir, "eml")
	args := []string{"-i", quarters, "--boundaries", "2025", "-p", "2025-Q3", "-l", "Lạng Sơn", "--split-by", "commune", "--to-map", toMap,
		"--from", "btgdv@example.vn"}
	code, _, errOut := runCmd(t, append([]string{"mail", "--lang", "en", "--dry-run", "--out-dir", out}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// The two with figures named, all of them; the empty ones counted.
	if !strings.Contains(errOut, "2 localities with figures are not in the address table and get no message: Lạng Sơn/Xã Bắc Sơn, Lạng Sơn/Phường Đông Kinh\n") ||
		!strings.Contains(errOut, "61 localities with no figures in the period are not in the address table") {
		t.Errorf("stderr:\n%s", errOut)
	}
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "dvk-phuong-luong-van-tri-2025-q3.eml dvk-xa-ba-son-2025-q3.eml manifest-2025-q3.csv" {
		t.Fatalf("files %q", names)
	}
	data, _ := os.ReadFile(filepath.Join(out, "dvk-xa-ba-son-2025-q3.eml"))
	if p := parseMail(t, data); len(p.to) != 2 || p.to[0].Address != "ba-son@example.vn" || !strings.Contains(p.subject, "Xã Ba Sơn") {
		t.Errorf("Ba Sơn's message: to %v, subject %q", p.to, p.subject)
	}
	// Sent through a relay.
	relay := mailtest.Start(t, mailtest.Options{IP: "127.0.0.2"})
	code, _, errOut = runEnv(t, nil, append([]string{"mail", "--smtp", relay.Addr}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if got := relay.Received(); len(got) != 2 {
		t.Errorf("the relay received %d messages", len(got))
	}
	// One .eml file cannot hold a split's messages: a usage error, not
	// the first message alone (a twenty-eighth review).
	eml := filepath.Join(dir, "all.eml")
	code, _, errOut = runCmd(t, append([]string{"mail", "--lang", "en", "--eml", eml}, args...)...)
	if _, err := os.Stat(eml); code != 2 || !strings.Contains(errOut, "--dry-run --out-dir") || err == nil {
		t.Errorf("--eml with --split-by: exit %d, file written: %v, stderr %q", code, err == nil, errOut)
	}
}

// Issue 14: one report per commune, with a manifest; names that collide
// both survive; nothing replaced without --force; a locality that fails
// does not stop the others.
func TestSplitBy(t *testing.T) {
	dir := t.TempDir()
	reg := filepath.Join(dir, "dong-thap.csv")
	os.WriteFile(reg, []byte("province,commune,model,field,status,period,count,funds_vnd\n"+
		"Đồng Tháp,Xã Tân Thành,Tổ tự quản,Kinh tế,Mới,2025-Q3,1,1000000\n"+
		"Đồng Tháp,Xã Tân Thạnh,Đường hoa,Văn hóa - Xã hội,Mới,2025-Q3,1,2000000\n"+
		"Đồng Tháp,Xã Tân Thạnh,Camera an ninh,Quốc phòng - An ninh,Duy trì,2025-Q3,1,0\n"), 0o644)
	out := filepath.Join(dir, "out")
	args := []string{"generate", "-i", reg, "-p", "2025-Q3", "--split-by", "commune", "--out-dir", out, "--hide-empty", "--with-total"}
	code, _, errOut := runCmd(t, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, _ := os.Open(filepath.Join(out, "manifest-2025-q3.csv"))
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, r := range rows[1:] {
		files = append(files, r[0]+" "+r[1]+" "+r[2])
		data, err := os.ReadFile(filepath.Join(out, r[2]))
		if err != nil || r[4] != itoa(len(data)) || r[5] != sha(data) || r[3] == "0" {
			t.Errorf("manifest row %q does not match its file (%v)", r, err)
		}
		if q, err := exec.LookPath("qpdf"); err == nil {
			if out, err := exec.Command(q, "--check", filepath.Join(out, r[2])).CombinedOutput(); err != nil {
				t.Errorf("qpdf --check %s: %v\n%s", r[2], err, out)
			}
		} else if os.Getenv("CI") == "true" {
			t.Fatal("qpdf is not installed; .ci/run installs it")
		}
	}
	want := "* " + " dvk-toan-quoc-2025-q3.pdf|" +
		"Đồng Tháp/Xã Tân Thạnh 30157 dvk-xa-tan-thanh-30157-2025-q3.pdf|" +
		"Đồng Tháp/Xã Tân Thành 29938 dvk-xa-tan-thanh-29938-2025-q3.pdf"
	if strings.Join(files, "|") != want {
		t.Errorf("manifest:\n%s\nwant:\n%s", strings.Join(files, "|"), want)
	}
	// Run again: refused, nothing replaced.
	before, _ := os.ReadFile(filepath.Join(out, "manifest-2025-q3.csv"))
	code, _, errOut = runCmd(t, append(args, "--lang", "en")...)
	if code != 2 || !strings.Contains(errOut, "--force") {
		t.Errorf("second run: exit %d\n%s", code, errOut)
	}
	if after, _ := os.ReadFile(filepath.Join(out, "manifest-2025-q3.csv")); !bytes.Equal(before, after) {
		t.Error("the manifest changed")
	}
	if code, _, errOut := runCmd(t, append(args, "--force")...); code != 0 {
		t.Errorf("--force: exit %d: %s", code, errOut)
	}
	// A failing locality among good ones: a sentence that fails for the
	// communes that reported nothing.
	tmpl := filepath.Join(dir, "report.tmpl")
	os.WriteFile(tmpl, []byte(`{{define "summary"}}{{if .Empty}}{{.NoSuchValue}}{{end}}Có {{.Models}} mô hình.{{end}}`), 0o644)
	out2 := filepath.Join(dir, "out2")
	code, _, errOut = runCmd(t, "generate", "-i", reg, "-p", "2025-Q3", "-l", "Đồng Tháp", "--split-by", "commune", "--out-dir", out2, "--template", tmpl)
	entries, _ := os.ReadDir(out2)
	if code != 1 || len(entries) != 3 || !strings.Contains(errOut, "Đồng Tháp/Phường An Bình: ") || !strings.Contains(errOut, "report.tmpl:1") ||
		!strings.Contains(errOut, "… và 80 lỗi khác") || !strings.Contains(errOut, "đã ghi 2 báo cáo") {
		t.Errorf("exit %d, %d files:\n%s", code, len(entries), errOut)
	}
}

// Issue 14: -o names a folder, or a file without its extension.
func TestOutputNames(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := runCmd(t, "generate", "-l", "Lạng Sơn", "-o", dir+"/"); code != 0 {
		t.Fatal(errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "dvk-lang-son-2021-2025.pdf")); err != nil {
		t.Error(err)
	}
	if code, _, errOut := runCmd(t, "generate", "-l", "Lạng Sơn", "-o", filepath.Join(dir, "bao-cao")); code != 0 {
		t.Fatal(errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "bao-cao.pdf")); err != nil {
		t.Error(err)
	}
	if code, _, _ := runCmd(t, "generate", "-o", filepath.Join(dir, "none")+"/"); code != 2 {
		t.Errorf("-o a folder that does not exist: exit %d", code)
	}
	if code, _, _ := runCmd(t, "generate", "--out-dir", dir); code != 2 {
		t.Errorf("--out-dir without --split-by: exit %d", code)
	}
	if code, _, _ := runCmd(t, "generate", "--split-by", "commune"); code != 2 {
		t.Errorf("--split-by without --out-dir: exit %d", code)
	}
}

func base64Reader(r io.Reader) io.Reader { return base64.NewDecoder(base64.StdEncoding, r) }

func sha(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

func itoa(n int) string { return strconv.Itoa(n) }

// Issue 14: --bom for Excel on Windows, off by default; xlsx into a file.
func TestSummaryFiles(t *testing.T) {
	_, out, _ := runCmd(t, "summary", "--format", "csv")
	if strings.HasPrefix(out, "\ufeff") {
		t.Error("a BOM without --bom")
	}
	_, out, _ = runCmd(t, "summary", "--format", "csv", "--bom")
	if !strings.HasPrefix(out, "\ufefflocality,") {
		t.Errorf("--bom: %q", out[:min(20, len(out))])
	}
	name := filepath.Join(t.TempDir(), "s.xlsx")
	if code, _, errOut := runCmd(t, "summary", "--format", "xlsx", "-o", name); code != 0 {
		t.Fatal(errOut)
	}
	if data, err := os.ReadFile(name); err != nil || !bytes.HasPrefix(data, []byte("PK")) {
		t.Errorf("not a workbook: %v", err)
	}
}

// Why a message was not sent is said in the user's language with what to
// do: a certificate of an authority the machine does not trust (name it
// with --smtp-ca), a login refused (check DVK_SMTP_USER and
// DVK_SMTP_PASSWORD). The library's English came through as it was.
func TestMailErrorsInVietnamese(t *testing.T) {
	cert := mailtest.NewCert(t)
	ts := mailtest.Start(t, mailtest.Options{Cert: cert, StartTLS: true, Auth: true})
	args := []string{"mail", "--to", "bdvtw@example.vn", "--from", "btgdv@langson.example.vn", "--smtp", ts.Addr,
		"-i", quarters, "--boundaries", "2025", "-p", "2025-Q3", "-l", "Lạng Sơn"}
	code, _, errOut := runEnv(t, map[string]string{"DVK_SMTP_USER": mailtest.User, "DVK_SMTP_PASSWORD": mailtest.Password}, args...)
	if code != 1 || !strings.Contains(errOut, "do một tổ chức máy này chưa tin cậy cấp") || !strings.Contains(errOut, "--smtp-ca") {
		t.Errorf("unknown authority: exit %d:\n%s", code, errOut)
	}
	ca := filepath.Join(t.TempDir(), "ca.pem")
	os.WriteFile(ca, cert.PEM, 0o644)
	code, _, errOut = runEnv(t, map[string]string{"DVK_SMTP_USER": mailtest.User, "DVK_SMTP_PASSWORD": "sai"},
		append(args, "--smtp-ca", ca)...)
	if code != 1 || !strings.Contains(errOut, "từ chối đăng nhập") || !strings.Contains(errOut, "DVK_SMTP_PASSWORD") {
		t.Errorf("wrong password: exit %d:\n%s", code, errOut)
	}
	if got := ts.Received(); len(got) != 0 {
		t.Errorf("%d messages received", len(got))
	}
}

// A subject of two lines, or a body file not in UTF-8, is a usage error
// said before any report is made, naming the flag or the file (a
// twenty-eighth review found them after, exit 1, in Go's English); a
// body's byte-order mark is not part of the body.
func TestMailSubjectAndBody(t *testing.T) {
	dir := t.TempDir()
	body := filepath.Join(dir, "body.txt")
	os.WriteFile(body, []byte("K\xednh g\xf5i"), 0o644) // Windows-1258
	args := []string{"mail", "--to", "a@example.vn", "--from", "b@example.vn", "--eml", filepath.Join(dir, "m.eml"), "-i", quarters, "--boundaries", "2025", "-p", "2025-Q3"}
	if code, _, errOut := runCmd(t, append(args, "--subject", "Báo cáo\nquý III")...); code != 2 || !strings.Contains(errOut, "--subject phải viết trên một dòng") {
		t.Errorf("a subject of two lines: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runCmd(t, append(args, "--subject", "Báo cáo\x85")...); code != 2 || !strings.Contains(errOut, "--subject không phải văn bản UTF-8") {
		t.Errorf("a subject not in UTF-8: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runCmd(t, append(args, "--body-file", body)...); code != 2 || !strings.Contains(errOut, body+" không phải văn bản UTF-8") {
		t.Errorf("a body in Windows-1258: exit %d, %q", code, errOut)
	}
	os.WriteFile(body, []byte("\xef\xbb\xbfKính gửi"), 0o644)
	if code, _, errOut := runCmd(t, append(args, "--body-file", body)...); code != 0 {
		t.Fatalf("a body with a BOM: exit %d, %q", code, errOut)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "m.eml"))
	if p := parseMail(t, data); !strings.HasPrefix(p.body, "Kính gửi") {
		t.Errorf("body %q", p.body)
	}
}

// A bad mail value of the settings file is blamed on the file and its
// key, not on the flag, and every bad address is said how to write, in
// the user's language (a twenty-eighth review found Go's English).
func TestMailSettingsBlamed(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("dvkreport.toml", []byte("[mail]\nfrom = \"not an address\"\n"), 0o644)
	args := []string{"mail", "--to", "a@example.vn", "--eml", "m.eml", "-i", quarters, "--boundaries", "2025", "-p", "2025-Q3"}
	code, _, errOut := runCmd(t, args...)
	if code != 2 || !strings.Contains(errOut, `dvkreport.toml: mail.from: địa chỉ "not an address" không hợp lệ: hãy viết dạng ten@mien.vn`) {
		t.Errorf("mail.from: exit %d, %q", code, errOut)
	}
	os.WriteFile("dvkreport.toml", []byte("[mail]\nfrom = \"b@example.vn\"\nsmtp = \"smtp.x.vn\"\n"), 0o644)
	code, _, errOut = runCmd(t, "mail", "--lang", "en", "--to", "UBND xã A, tỉnh B <a@example.vn>", "-i", quarters, "--boundaries", "2025", "-p", "2025-Q3")
	if code != 2 || !strings.Contains(errOut, "a display name with a comma must be in double quotes") {
		t.Errorf("a comma outside quotes: exit %d, %q", code, errOut)
	}
	code, _, errOut = runCmd(t, "mail", "--lang", "en", "--to", "a@example.vn", "-i", quarters, "--boundaries", "2025", "-p", "2025-Q3")
	if code != 2 || !strings.Contains(errOut, `dvkreport.toml: mail.smtp: "smtp.x.vn" must be HOST:PORT`) {
		t.Errorf("mail.smtp: exit %d, %q", code, errOut)
	}
}
