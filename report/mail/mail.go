// Package mail builds the emails that carry dvkreport's reports, and sends
// them over SMTP.
//
// Build turns a Message (a plain-text UTF-8 body and attachments, usually
// one PDF) into RFC 5322 form, what an .eml file holds; Server.Send delivers
// messages to an SMTP server over one connection where it can, with
// STARTTLS or implicit TLS, AUTH, and retries of temporary failures. The
// MIME work (encoded-words, quoted-printable, base64, header folding) is
// github.com/wneessen/go-mail's; this package only sets the attachment's
// name parameters itself, in the RFC 2231 form that mime.ParseMediaType and
// every current mail reader decode, with an ASCII fallback for the others.
//
// The package prints nothing and keeps no global state: every failure comes
// back as an error that names what failed, for the command line to print.
package mail

import (
	"bytes"
	"crypto/rand"
	"fmt"
	"io"
	"mime"
	"net/mail"
	"net/textproto"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	gomail "github.com/wneessen/go-mail"
	"golang.org/x/text/unicode/norm"
)

// Message is one email: plain-text UTF-8 body and attachments.
type Message struct {
	// From is an address, optionally with a display name:
	// "Ban Tuyên giáo và Dân vận <btgdv@langson.dcs.vn>".
	From string
	// To and Cc take the same forms; at least one To is needed.
	To, Cc []string
	// Subject is any Unicode text on one line.
	Subject string
	// Body is UTF-8 text. Its line ends travel as CRLF, as RFC 5322 wants,
	// whichever of LF, CR or CRLF it uses.
	Body        string
	Attachments []Attachment
	// Date is the Date header; zero means time.Now().
	Date time.Time
	// MessageID is the Message-ID, with or without its angle brackets;
	// when empty a random one is made, on the domain of From.
	MessageID string
}

// Attachment is a file sent with a Message.
type Attachment struct {
	// Name is the file name, without a directory. A name that is not ASCII
	// goes in the RFC 2231 form (Content-Disposition's filename*), and in
	// ASCII, diacritics dropped, as Content-Type's name, for the readers
	// that know only the plain parameter.
	Name string
	// ContentType is the media type, "application/pdf" when empty.
	ContentType string
	Data        []byte
}

// FieldError says which field of a Message is wrong and why.
type FieldError struct {
	Field   string // "From", "To", "Subject", "Attachments[0].Name", …
	Problem string
}

func (e *FieldError) Error() string { return "mail: " + e.Field + ": " + e.Problem }

// maxLine is the longest line RFC 5322 allows, without its CRLF.
const maxLine = 998

// Build returns the message in RFC 5322 form (what an .eml file holds),
// with CRLF line ends. It refuses a message without To, an address that does
// not parse, and CR or LF in the Subject, in display names or in file names
// (header injection), with a *FieldError naming the field.
func Build(m *Message) ([]byte, error) {
	p, err := prepare(m, time.Now)
	if err != nil {
		return nil, err
	}
	return p.data, nil
}

// prepared is a message ready for SMTP: the envelope and the bytes.
type prepared struct {
	from  string   // envelope sender, addr-spec only
	rcpts []string // envelope recipients, To then Cc, without repeats
	data  []byte
}

func prepare(m *Message, now func() time.Time) (*prepared, error) {
	if m == nil {
		return nil, &FieldError{Field: "Message", Problem: "nil"}
	}
	if strings.TrimSpace(m.From) == "" {
		return nil, &FieldError{Field: "From", Problem: "no sender address"}
	}
	from, err := parseAddress(m.From)
	if err != nil {
		return nil, &FieldError{Field: "From", Problem: err.Error()}
	}
	if len(m.To) == 0 {
		return nil, &FieldError{Field: "To", Problem: "no recipient"}
	}
	to, err := parseList("To", m.To)
	if err != nil {
		return nil, err
	}
	cc, err := parseList("Cc", m.Cc)
	if err != nil {
		return nil, err
	}
	if err := checkText(m.Subject); err != nil {
		return nil, &FieldError{Field: "Subject", Problem: err.Error()}
	}
	if !utf8.ValidString(m.Body) {
		return nil, &FieldError{Field: "Body", Problem: "not valid UTF-8"}
	}
	id, err := messageID(m.MessageID, from.Address)
	if err != nil {
		return nil, &FieldError{Field: "MessageID", Problem: err.Error()}
	}
	date := m.Date
	if date.IsZero() {
		date = now()
	}

	gm := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	gm.FromMailAddress(from)
	gm.ToMailAddress(to...)
	if len(cc) > 0 {
		gm.CcMailAddress(cc...)
	}
	gm.Subject(subjectValue(m.Subject))
	gm.SetDateWithValue(date)
	gm.SetMessageIDWithValue(id)
	gm.SetBodyString(gomail.TypeTextPlain, crlf(m.Body))

	files := make([]*gomail.File, 0, len(m.Attachments))
	for i, a := range m.Attachments {
		f, err := attachment(i, a)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	gm.SetAttachments(files)

	var buf bytes.Buffer
	if _, err := gm.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("mail: writing the message: %w", err)
	}

	p := &prepared{from: from.Address, data: buf.Bytes()}
	seen := make(map[string]bool)
	for _, a := range slices.Concat(to, cc) {
		key := strings.ToLower(a.Address)
		if !seen[key] {
			seen[key] = true
			p.rcpts = append(p.rcpts, a.Address)
		}
	}
	return p, nil
}

// ParseAddressList checks addresses the way Send will use them (net/mail
// syntax, one address per item, an ASCII address part), so that the command
// line can refuse a bad one early; the error names it.
func ParseAddressList(list []string) ([]*mail.Address, error) {
	return parseList("address", list)
}

func parseList(field string, list []string) ([]*mail.Address, error) {
	out := make([]*mail.Address, 0, len(list))
	for i, s := range list {
		a, err := parseAddress(s)
		if err != nil {
			f := field
			if len(list) > 1 {
				f = fmt.Sprintf("%s (item %d)", field, i+1)
			}
			return nil, &FieldError{Field: f, Problem: err.Error()}
		}
		out = append(out, a)
	}
	return out, nil
}

// parseAddress parses one address, refusing what would not go through SMTP
// and the headers unchanged.
func parseAddress(s string) (*mail.Address, error) {
	if strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("empty address")
	}
	if err := checkText(s); err != nil {
		return nil, fmt.Errorf("%q: %v", s, err)
	}
	a, err := mail.ParseAddress(s)
	if err != nil {
		hint := ""
		if name, _, ok := strings.Cut(s, "<"); ok && strings.Contains(name, ",") && !strings.Contains(name, `"`) {
			hint = " (a display name with a comma must be in double quotes)"
		}
		return nil, fmt.Errorf("%q is not an address: %s%s", s, strings.TrimPrefix(err.Error(), "mail: "), hint)
	}
	for _, r := range a.Address {
		if r >= utf8.RuneSelf {
			return nil, fmt.Errorf("%q: the address part %q is not ASCII (write a domain in its xn-- form)", s, a.Address)
		}
	}
	// The name may come from an encoded-word, which can hold anything.
	if err := checkText(a.Name); err != nil {
		return nil, fmt.Errorf("%q: the display name %v", s, err)
	}
	return a, nil
}

// checkText refuses what must not be in a one-line header value: line
// breaks (header injection), other control characters, and bytes that are
// not UTF-8.
func checkText(s string) error {
	if strings.ContainsAny(s, "\r\n") {
		return fmt.Errorf("contains a line break (CR or LF)")
	}
	for _, r := range s {
		if r != '\t' && (r < ' ' || r == 0x7f) {
			return fmt.Errorf("contains the control character %U", r)
		}
	}
	if !utf8.ValidString(s) {
		return fmt.Errorf("not valid UTF-8")
	}
	return nil
}

// messageID returns id without angle brackets, checked, or a new random
// one on the sender's domain.
func messageID(id, from string) (string, error) {
	if id == "" {
		domain := from[strings.LastIndexByte(from, '@')+1:]
		return rand.Text() + "@" + domain, nil
	}
	id = strings.TrimSuffix(strings.TrimPrefix(id, "<"), ">")
	left, right, ok := strings.Cut(id, "@")
	if !ok || left == "" || right == "" || strings.Contains(right, "@") {
		return "", fmt.Errorf("%q is not of the form left@right", id)
	}
	for _, r := range id {
		if r <= ' ' || r >= 0x7f || r == '<' || r == '>' || r == '"' || r == '\\' {
			return "", fmt.Errorf("%q: only printable ASCII without spaces, quotes or angle brackets", id)
		}
	}
	return id, nil
}

// subjectValue is s for go-mail's Subject: encoded-words made by
// mime.QEncoding, split at the first space when the first encoded-word
// would be too long to stay on the "Subject:" line. go-mail folds before
// such a word, right after the colon, and some readers (Python's email
// package) then keep the folding space as a leading space of the subject.
// The split moves no character: the space goes inside an encoded-word, or
// stands between plain text and an encoded-word, where it is kept.
func subjectValue(s string) string {
	enc := func(x string) string { return mime.QEncoding.Encode("UTF-8", x) }
	whole := enc(s)
	if whole == s || len(firstWord(whole)) <= maxFirstWord {
		return whole
	}
	i := strings.IndexByte(s, ' ')
	if i <= 0 || i == len(s)-1 || strings.Contains(s, "=?") {
		return whole
	}
	left, right := s[:i], s[i+1:]
	var v string
	switch {
	case enc(left) == left: // plain text, then encoded-words
		v = left + " " + enc(right)
	case enc(right) == right: // encoded-words, then plain text
		v = enc(left) + " " + right
	default: // encoded-words throughout; the space inside the first
		v = enc(left+" ") + " " + enc(right)
	}
	if len(firstWord(v)) > maxFirstWord {
		return whole
	}
	return v
}

// maxFirstWord is the longest first word that go-mail keeps on the
// "Subject:" line (it folds when fewer than two of its 76 columns would be
// left).
const maxFirstWord = 60

func firstWord(s string) string {
	w, _, _ := strings.Cut(s, " ")
	return w
}

// crlf gives text CRLF line ends, whatever it had.
func crlf(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.ReplaceAll(s, "\n", "\r\n")
}

// attachment makes the go-mail file for a, with its Content-Type and
// Content-Disposition set here by mime.FormatMediaType: go-mail would put
// an encoded-word inside the quoted name, which RFC 2047 forbids and
// mime.ParseMediaType does not decode.
func attachment(i int, a Attachment) (*gomail.File, error) {
	field := fmt.Sprintf("Attachments[%d]", i)
	name := a.Name
	if name == "" {
		return nil, &FieldError{Field: field + ".Name", Problem: "no file name"}
	}
	if err := checkText(name); err != nil {
		return nil, &FieldError{Field: field + ".Name", Problem: err.Error()}
	}
	if strings.ContainsAny(name, `/\`) {
		return nil, &FieldError{Field: field + ".Name", Problem: fmt.Sprintf("%q has a directory; give the file name only", name)}
	}
	ct := a.ContentType
	if ct == "" {
		ct = "application/pdf"
	}
	mediaType, params, err := mime.ParseMediaType(ct)
	if err == nil && !strings.Contains(mediaType, "/") {
		err = fmt.Errorf("not of the form type/subtype")
	}
	if err != nil {
		return nil, &FieldError{Field: field + ".ContentType", Problem: fmt.Sprintf("%q: %v", ct, err)}
	}
	// The name goes once in each header, so that no reader meets a
	// duplicate parameter: as given in Content-Disposition (RFC 2231 form
	// when not ASCII), and in ASCII in Content-Type, for the readers that
	// know only the plain form and fall back on Content-Type's name.
	p := make(map[string]string, len(params)+1)
	for k, v := range params {
		p[k] = v
	}
	p["name"] = asciiName(name)
	ctype := mime.FormatMediaType(mediaType, p)
	disp := mime.FormatMediaType("attachment", map[string]string{"filename": name})
	if ctype == "" || disp == "" {
		return nil, &FieldError{Field: field + ".ContentType", Problem: fmt.Sprintf("%q cannot be written with the name %q", ct, name)}
	}
	for _, h := range [][2]string{{"Content-Type", ctype}, {"Content-Disposition", disp}} {
		if len(h[0])+2+len(h[1]) > maxLine {
			return nil, &FieldError{Field: field + ".Name", Problem: fmt.Sprintf("too long for a mail header (%d bytes)", len(name))}
		}
	}
	header := make(textproto.MIMEHeader)
	header.Set("Content-Type", ctype)
	header.Set("Content-Disposition", disp)
	data := a.Data
	return &gomail.File{
		Name:   name,
		Header: header,
		Writer: func(w io.Writer) (int64, error) {
			n, err := w.Write(data)
			return int64(n), err
		},
	}, nil
}

// asciiName is name with Vietnamese (and other Latin) diacritics dropped,
// đ and Đ made d and D, dashes made '-', and any other character that is
// not printable ASCII made '_': "Báo cáo – Đồng Đăng.pdf" → "Bao cao -
// Dong Dang.pdf".
func asciiName(name string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		case unicode.Is(unicode.Pd, r):
			b.WriteByte('-')
		case r >= ' ' && r < 0x7f:
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	return b.String()
}
