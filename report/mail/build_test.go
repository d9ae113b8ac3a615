package mail

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"mime"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// What Build writes, Go's own readers (net/mail, mime/multipart,
// mime.WordDecoder, mime.ParseMediaType) read back.
func TestBuildReadByGo(t *testing.T) {
	m := vnMessage()
	raw, err := Build(m)
	if err != nil {
		t.Fatal(err)
	}
	p := parseMessage(t, raw)
	if p.subject != vnSubject {
		t.Errorf("subject\n got %q\nwant %q", p.subject, vnSubject)
	}
	sameAddrs(t, "From", p.from, []string{m.From})
	sameAddrs(t, "To", p.to, m.To)
	sameAddrs(t, "Cc", p.cc, m.Cc)
	if want := strings.ReplaceAll(vnBody, "\n", "\r\n"); p.body != want {
		t.Errorf("body\n got %q\nwant %q", p.body, want)
	}
	if p.attachmentCount != 1 || p.fileName != vnFile || p.fileType != "application/pdf" ||
		!bytes.Equal(p.fileData, m.Attachments[0].Data) {
		t.Errorf("attachment: %d of them, %q %s, %d bytes", p.attachmentCount, p.fileName, p.fileType, len(p.fileData))
	}
}

// Test 5: what Build writes, Python's email package (policy.default) reads
// back: subject, addresses, body, attachment name, size and hash, and no
// defect anywhere.
func TestBuildReadByPython(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3 is not installed; CI must run this test")
		}
		t.Skip("python3 is not installed")
	}
	m := vnMessage()
	m.Date = time.Date(2025, 10, 1, 8, 30, 0, 0, time.FixedZone("ICT", 7*3600))
	m.MessageID = "<bc-q3-2025.huulung@langson.dcs.vn>"
	raw, err := Build(m)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.eml")
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	const script = `
import email, email.policy, hashlib, json, sys
with open(sys.argv[1], "rb") as f:
    msg = email.message_from_bytes(f.read(), policy=email.policy.default)
defects = []
for part in msg.walk():
    defects += ["%s: %r" % (part.get_content_type(), d) for d in part.defects]
    for name, value in part.items():
        defects += ["%s: %r" % (name, d) for d in getattr(value, "defects", ())]
atts = []
for a in msg.iter_attachments():
    data = a.get_content()
    atts.append({"filename": a.get_filename(), "type": a.get_content_type(),
                 "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})
json.dump({
    "subject": str(msg["subject"]),
    "from": [a.addr_spec for a in msg["from"].addresses],
    "to": [a.addr_spec for a in msg["to"].addresses],
    "cc": [a.addr_spec for a in msg["cc"].addresses],
    "date": msg["date"].datetime.isoformat(),
    "message_id": str(msg["message-id"]),
    "body": msg.get_body(preferencelist=("plain",)).get_content(),
    "attachments": atts,
    "defects": defects,
}, sys.stdout)
`
	cmd := exec.CommandContext(testCtx(t), py, "-c", script, path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.Bytes())
	}
	var got struct {
		Subject     string
		From, To    []string
		Cc          []string
		Date        string
		MessageID   string `json:"message_id"`
		Body        string
		Attachments []struct {
			Filename, Type, Sha256 string
			Size                   int
		}
		Defects []string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if got.Subject != vnSubject {
		t.Errorf("subject\n got %q\nwant %q", got.Subject, vnSubject)
	}
	if strings.Join(got.From, ",") != "btgdv@langson.dcs.vn" ||
		strings.Join(got.To, ",") != "ubnd@huulung.langson.gov.vn,vanphong@huulung.langson.gov.vn" ||
		strings.Join(got.Cc, ",") != "vp@langson.dcs.vn" {
		t.Errorf("addresses: from %q to %q cc %q", got.From, got.To, got.Cc)
	}
	if got.Date != "2025-10-01T08:30:00+07:00" || got.MessageID != "<bc-q3-2025.huulung@langson.dcs.vn>" {
		t.Errorf("date %q, message-id %q", got.Date, got.MessageID)
	}
	// Line ends travel as CRLF, and Python keeps them.
	if want := strings.ReplaceAll(vnBody, "\n", "\r\n"); got.Body != want {
		t.Errorf("body\n got %q\nwant %q", got.Body, want)
	}
	data := m.Attachments[0].Data
	sum := sha256.Sum256(data)
	if len(got.Attachments) != 1 {
		t.Fatalf("%d attachments", len(got.Attachments))
	}
	a := got.Attachments[0]
	if a.Filename != vnFile || a.Type != "application/pdf" || a.Size != len(data) || a.Sha256 != hex.EncodeToString(sum[:]) {
		t.Errorf("attachment %+v, want %q application/pdf, %d bytes, sha256 %x", a, vnFile, len(data), sum)
	}
	if len(got.Defects) > 0 {
		t.Errorf("Python found defects: %q", got.Defects)
	}
}

// Test 6: header injection and bad addresses are refused, naming the field.
func TestBuildRefuses(t *testing.T) {
	for _, c := range []struct {
		name  string
		edit  func(*Message)
		field string
		says  string
	}{
		{"subject CRLF", func(m *Message) { m.Subject = "Báo cáo\r\nBcc: all@example.org" }, "Subject", "line break"},
		{"subject LF", func(m *Message) { m.Subject = "Báo cáo\nX-Evil: 1" }, "Subject", "line break"},
		{"subject CR", func(m *Message) { m.Subject = "Báo cáo\rX-Evil: 1" }, "Subject", "line break"},
		{"subject NUL", func(m *Message) { m.Subject = "a\x00b" }, "Subject", "control character"},
		{"subject not UTF-8", func(m *Message) { m.Subject = "B\xe1o c\xe1o" }, "Subject", "UTF-8"},
		{"from name CRLF", func(m *Message) { m.From = "Ban\r\nBcc: all@example.org <btgdv@langson.dcs.vn>" }, "From", "line break"},
		{"from quoted name LF", func(m *Message) { m.From = "\"Ban\nBcc: x\" <btgdv@langson.dcs.vn>" }, "From", "line break"},
		{"from encoded-word CRLF", func(m *Message) { m.From = "=?utf-8?q?Ban=0D=0ABcc=3A_x?= <btgdv@langson.dcs.vn>" }, "From", "display name contains a line break"},
		{"to name LF", func(m *Message) { m.To = []string{"ok@example.org", "UBND\n<ubnd@example.org>"} }, "To (item 2)", "line break"},
		{"cc CR", func(m *Message) { m.Cc = []string{"vp@langson.dcs.vn\r"} }, "Cc", "line break"},
		{"no from", func(m *Message) { m.From = "" }, "From", "no sender"},
		{"no to", func(m *Message) { m.To = nil }, "To", "no recipient"},
		{"bad to", func(m *Message) { m.To = []string{"ubnd@huulung.langson.gov.vn", "ubnd.huulung"} }, "To (item 2)", `"ubnd.huulung" is not an address`},
		{"half address", func(m *Message) { m.To = []string{"ubnd@"} }, "To", `"ubnd@" is not an address`},
		{"empty cc", func(m *Message) { m.Cc = []string{" "} }, "Cc", "empty address"},
		{"two in one", func(m *Message) { m.To = []string{"a@example.org, b@example.org"} }, "To", "is not an address"},
		{"comma name", func(m *Message) { m.To = []string{"UBND xã Hữu Lũng, Lạng Sơn <ubnd@example.org>"} }, "To", "must be in double quotes"},
		{"unicode domain", func(m *Message) { m.To = []string{"ubnd@hữulũng.vn"} }, "To", "not ASCII"},
		{"attachment name CRLF", func(m *Message) { m.Attachments[0].Name = "a.pdf\r\nContent-Type: text/html" }, "Attachments[0].Name", "line break"},
		{"attachment name with a directory", func(m *Message) { m.Attachments[0].Name = "../bao-cao.pdf" }, "Attachments[0].Name", "directory"},
		{"attachment without a name", func(m *Message) { m.Attachments[0].Name = "" }, "Attachments[0].Name", "no file name"},
		{"attachment name too long", func(m *Message) { m.Attachments[0].Name = strings.Repeat("Đồng Đăng ", 40) + ".pdf" }, "Attachments[0].Name", "too long"},
		{"content type without subtype", func(m *Message) { m.Attachments[0].ContentType = "pdf" }, "Attachments[0].ContentType", `"pdf"`},
		{"bad content type", func(m *Message) { m.Attachments[0].ContentType = "application/pdf; name" }, "Attachments[0].ContentType", `"application/pdf; name"`},
		{"message-id CRLF", func(m *Message) { m.MessageID = "<a@b>\r\nBcc: x@y" }, "MessageID", ""},
		{"message-id without @", func(m *Message) { m.MessageID = "abc" }, "MessageID", "left@right"},
		{"body not UTF-8", func(m *Message) { m.Body = "\xff" }, "Body", "UTF-8"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := vnMessage()
			m.Attachments[0].Data = []byte("%PDF-1.7")
			c.edit(m)
			raw, err := Build(m)
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("got %v (%d bytes), want a FieldError", err, len(raw))
			}
			if fe.Field != c.field || !strings.Contains(err.Error(), c.says) {
				t.Errorf("got %q, want field %q saying %q", err, c.field, c.says)
			}
		})
	}
}

func TestParseAddressList(t *testing.T) {
	got, err := ParseAddressList([]string{"Ban Tuyên giáo và Dân vận <btgdv@langson.dcs.vn>", "vp@langson.dcs.vn"})
	if err != nil || len(got) != 2 || got[0].Name != "Ban Tuyên giáo và Dân vận" || got[1].Address != "vp@langson.dcs.vn" {
		t.Fatalf("got %v, %v", got, err)
	}
	_, err = ParseAddressList([]string{"vp@langson.dcs.vn", "ubnd.huulung@", "x@y.vn"})
	if err == nil || !strings.HasPrefix(err.Error(), `mail: address (item 2): "ubnd.huulung@" is not an address: `) {
		t.Errorf("got %v", err)
	}
}

// Whatever the subject, a reader decodes it back exactly, and no line of
// the Subject header is longer than RFC 2047's 76 columns.
func TestSubjectEncoding(t *testing.T) {
	for _, s := range []string{
		vnSubject,
		"Báo cáo",
		"Report on the Dan van kheo movement, third quarter of 2025, all communes",
		"Quarterly report: phong trào “Dân vận khéo” quý III/2025 của các xã, phường",
		"Báocáokếtquảphongtràothiđua“Dânvậnkhéo”quýIII/2025 dài không có khoảng trắng",
		"Báo  cáo hai khoảng trắng, và một khoảng trắng ở cuối ",
		"Đ abc def ghi jkl mno pqr stu vwx yz abc def ghi jkl mno pqr stu vwx yz",
		"Tổng hợp kết quả thi đua abc def ghi jkl mno pqr stu vwx yz abc def ghi",
		" bắt đầu bằng khoảng trắng",
		"",
	} {
		m := vnMessage()
		m.Subject = s
		m.Attachments = nil
		raw, err := Build(m)
		if err != nil {
			t.Fatal(err)
		}
		p := parsedHeader(t, raw, "Subject")
		got, err := new(mime.WordDecoder).DecodeHeader(p.value)
		if err != nil || got != s {
			t.Errorf("%q came back as %q (%v)", s, got, err)
		}
		for _, line := range p.lines {
			if len(line) > 76 && strings.Contains(line, "=?") {
				t.Errorf("%q: line of %d columns: %q", s, len(line), line)
			}
		}
		// go-mail folds right after the colon when the first word is too
		// long for the first line; the subject is split at its first space
		// to avoid it, which a subject with a long first word cannot be.
		if strings.TrimSpace(p.lines[0]) == "Subject:" && s != "" && len(firstWord(strings.TrimSpace(s))) < 30 && s[0] != ' ' {
			t.Errorf("%q: folded right after the colon: %q", s, p.lines)
		}
	}
}

type headerLines struct {
	lines []string // as written
	value string   // unfolded, after "Name: "
}

func parsedHeader(t *testing.T, raw []byte, name string) headerLines {
	t.Helper()
	head, _, _ := bytes.Cut(raw, []byte("\r\n\r\n"))
	var h headerLines
	for _, line := range strings.Split(string(head), "\r\n") {
		switch {
		case strings.HasPrefix(line, name+":"):
			h.lines = []string{line}
		case len(h.lines) > 0 && (line[0] == ' ' || line[0] == '\t'):
			h.lines = append(h.lines, line)
		case len(h.lines) > 0:
			h.value = strings.TrimPrefix(strings.Join(h.lines, ""), name+": ")
			return h
		}
	}
	t.Fatalf("no %s header", name)
	return h
}

func TestAttachmentNames(t *testing.T) {
	for _, c := range []struct{ name, disposition, contentType string }{
		{"bao-cao.pdf", `attachment; filename=bao-cao.pdf`, `application/pdf; name=bao-cao.pdf`},
		{"Bao cao quy III.pdf", `attachment; filename="Bao cao quy III.pdf"`, `application/pdf; name="Bao cao quy III.pdf"`},
		{"Báo cáo Đồng Đăng.pdf", `attachment; filename*=utf-8''B%C3%A1o%20c%C3%A1o%20%C4%90%E1%BB%93ng%20%C4%90%C4%83ng.pdf`, `application/pdf; name="Bao cao Dong Dang.pdf"`},
		{"Tổng hợp “Dân vận khéo” 2025.pdf", `attachment; filename*=utf-8''T%E1%BB%95ng%20h%E1%BB%A3p%20%E2%80%9CD%C3%A2n%20v%E1%BA%ADn%20kh%C3%A9o%E2%80%9D%202025.pdf`, `application/pdf; name="Tong hop _Dan van kheo_ 2025.pdf"`},
	} {
		f, err := attachment(0, Attachment{Name: c.name})
		if err != nil {
			t.Fatal(err)
		}
		if got := f.Header.Get("Content-Disposition"); got != c.disposition {
			t.Errorf("%q: Content-Disposition\n got %s\nwant %s", c.name, got, c.disposition)
		}
		if got := f.Header.Get("Content-Type"); got != c.contentType {
			t.Errorf("%q: Content-Type\n got %s\nwant %s", c.name, got, c.contentType)
		}
	}
	f, err := attachment(0, Attachment{Name: "số liệu.csv", ContentType: "text/csv; charset=utf-8"})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Header.Get("Content-Type"); got != `text/csv; charset=utf-8; name="so lieu.csv"` {
		t.Errorf("Content-Type %s", got)
	}
}

// Build without attachments makes a single-part message; MessageID and
// Date are kept as given, a generated ID is random.
func TestBuildPlain(t *testing.T) {
	m := vnMessage()
	m.Attachments = nil
	m.MessageID = "q3-2025@langson.dcs.vn"
	m.Date = time.Date(2025, 10, 1, 8, 30, 0, 0, time.FixedZone("ICT", 7*3600))
	raw, err := Build(m)
	if err != nil {
		t.Fatal(err)
	}
	checkLines(t, raw)
	for _, want := range []string{
		"\r\nMessage-ID: <q3-2025@langson.dcs.vn>\r\n",
		"Date: Wed, 01 Oct 2025 08:30:00 +0700\r\n",
		"\r\nContent-Type: text/plain; charset=UTF-8\r\n",
		"\r\nMIME-Version: 1.0\r\n",
	} {
		if !bytes.Contains(raw, []byte(want)) {
			t.Errorf("no %q in\n%s", want, raw)
		}
	}
	if bytes.Contains(raw, []byte("go-mail")) {
		t.Error("the message names the library")
	}
	m.MessageID = ""
	a, _ := Build(m)
	b, _ := Build(m)
	ida, idb := parsedHeader(t, a, "Message-ID").value, parsedHeader(t, b, "Message-ID").value
	if ida == idb || !strings.HasSuffix(ida, "@langson.dcs.vn>") {
		t.Errorf("generated IDs %q and %q", ida, idb)
	}
}
