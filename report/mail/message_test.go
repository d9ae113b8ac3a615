package mail

// The message the tests send, and an independent reading of messages.

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"math/rand/v2"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"testing"
	"time"
)

const (
	vnSubject = "Báo cáo kết quả phong trào thi đua “Dân vận khéo” quý III/2025"
	vnBody    = "Kính gửi Ủy ban nhân dân xã Hữu Lũng,\n\n" +
		"Ban Tuyên giáo và Dân vận Tỉnh ủy gửi kèm báo cáo kết quả phong trào thi đua\n" +
		"“Dân vận khéo” quý III/2025 (tệp PDF đính kèm).\n" +
		".\n" + // a line of one dot: SMTP dot-stuffing must carry it
		"Dòng có khoảng trắng ở cuối   \n" +
		"Trân trọng./.\n"
	vnFile = "Báo cáo Dân vận khéo quý III-2025 – xã Đồng Đăng.pdf"
)

// pdfData is n bytes that start like a PDF and go on pseudo-random.
func pdfData(n int) []byte {
	b := make([]byte, n)
	r := rand.NewChaCha8([32]byte{'d', 'v', 'k'})
	_, _ = r.Read(b)
	copy(b, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	return b
}

func vnMessage() *Message {
	return &Message{
		From:    "Ban Tuyên giáo và Dân vận <btgdv@langson.dcs.vn>",
		To:      []string{"UBND xã Hữu Lũng <ubnd@huulung.langson.gov.vn>", "vanphong@huulung.langson.gov.vn"},
		Cc:      []string{`"Văn phòng, Tỉnh ủy Lạng Sơn" <vp@langson.dcs.vn>`},
		Subject: vnSubject,
		Body:    vnBody,
		Attachments: []Attachment{
			{Name: vnFile, Data: pdfData(300 << 10)},
		},
	}
}

func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// parsed is a message as an independent reader (net/mail, mime/multipart,
// mime.WordDecoder) sees it.
type parsed struct {
	header          mail.Header
	subject         string
	from, to, cc    []*mail.Address
	body            string
	fileName        string // from Content-Disposition, via mime.ParseMediaType
	typeName        string // from Content-Type's name
	fileType        string
	fileData        []byte
	attachmentCount int
}

func parseMessage(t *testing.T, raw []byte) *parsed {
	t.Helper()
	checkLines(t, raw)
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("net/mail cannot read the message: %v", err)
	}
	p := &parsed{header: msg.Header}
	dec := new(mime.WordDecoder)
	if p.subject, err = dec.DecodeHeader(msg.Header.Get("Subject")); err != nil {
		t.Fatalf("subject: %v", err)
	}
	if p.from, err = msg.Header.AddressList("From"); err != nil {
		t.Fatalf("From: %v", err)
	}
	if p.to, err = msg.Header.AddressList("To"); err != nil {
		t.Fatalf("To: %v", err)
	}
	if msg.Header.Get("Cc") != "" {
		if p.cc, err = msg.Header.AddressList("Cc"); err != nil {
			t.Fatalf("Cc: %v", err)
		}
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/mixed" {
		t.Fatalf("Content-Type %q: %v", msg.Header.Get("Content-Type"), err)
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for i := 0; ; i++ {
		part, err := mr.NextPart() // decodes quoted-printable itself
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("part %d: %v", i, err)
		}
		if i == 0 {
			ct, cp, err := mime.ParseMediaType(part.Header.Get("Content-Type"))
			if err != nil || ct != "text/plain" || !strings.EqualFold(cp["charset"], "utf-8") {
				t.Fatalf("body part Content-Type %q (%v)", part.Header.Get("Content-Type"), err)
			}
			b, err := io.ReadAll(part)
			if err != nil {
				t.Fatalf("body: %v", err)
			}
			p.body = string(b)
			continue
		}
		p.attachmentCount++
		disp, dp, err := mime.ParseMediaType(part.Header.Get("Content-Disposition"))
		if err != nil || disp != "attachment" {
			t.Fatalf("Content-Disposition %q: %v", part.Header.Get("Content-Disposition"), err)
		}
		p.fileName = dp["filename"]
		ct, cp, err := mime.ParseMediaType(part.Header.Get("Content-Type"))
		if err != nil {
			t.Fatalf("attachment Content-Type %q: %v", part.Header.Get("Content-Type"), err)
		}
		p.fileType, p.typeName = ct, cp["name"]
		if cte := part.Header.Get("Content-Transfer-Encoding"); !strings.EqualFold(cte, "base64") {
			t.Fatalf("attachment Content-Transfer-Encoding %q", cte)
		}
		if p.fileData, err = io.ReadAll(base64.NewDecoder(base64.StdEncoding, part)); err != nil {
			t.Fatalf("attachment base64: %v", err)
		}
	}
	return p
}

// checkLines checks CRLF line ends only, and lines within RFC 5322's 998.
func checkLines(t *testing.T, raw []byte) {
	t.Helper()
	if !bytes.HasSuffix(raw, []byte("\r\n")) {
		t.Error("the message does not end with CRLF")
	}
	for i, line := range bytes.Split(raw, []byte("\r\n")) {
		if bytes.ContainsAny(line, "\r\n") {
			t.Fatalf("line %d has a bare CR or LF: %q", i+1, line)
		}
		if len(line) > 998 {
			t.Fatalf("line %d is %d bytes long", i+1, len(line))
		}
	}
}

func addrs(t *testing.T, list []string) []*mail.Address {
	t.Helper()
	out, err := ParseAddressList(list)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameAddrs(t *testing.T, field string, got []*mail.Address, want []string) {
	t.Helper()
	w := addrs(t, want)
	if len(got) != len(w) {
		t.Fatalf("%s: got %v, want %v", field, got, w)
	}
	for i := range w {
		if got[i].Name != w[i].Name || got[i].Address != w[i].Address {
			t.Errorf("%s[%d]: got %q <%s>, want %q <%s>", field, i, got[i].Name, got[i].Address, w[i].Name, w[i].Address)
		}
	}
}
