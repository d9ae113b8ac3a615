package mail

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"github.com/dvkreport/dvkreport/report/mail/mailtest"
	"net"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// Test 1: STARTTLS with a certificate the test makes, AUTH PLAIN required;
// a Vietnamese message with a 300 KB PDF arrives whole, and an independent
// reader gets every part of it back.
func TestSendSTARTTLSAuthVietnamese(t *testing.T) {
	cert := mailtest.NewCert(t)
	ts := mailtest.Start(t, mailtest.Options{Cert: cert, StartTLS: true, Auth: true})
	srv := &Server{
		Addr: ts.Addr, User: mailtest.User, Password: mailtest.Password,
		TLSConfig: tlsConfig(cert), Backoff: time.Millisecond,
	}
	m := vnMessage()
	errs := srv.Send(testCtx(t), []*Message{m})
	if len(errs) != 1 || errs[0] != nil {
		t.Fatalf("Send: %v", errs)
	}

	auths := ts.Auths()
	if len(auths) != 1 || !auths[0].OK || !auths[0].TLS || auths[0].User != mailtest.User {
		t.Fatalf("AUTH seen by the server: %+v, want one, successful, under TLS", auths)
	}
	if bytes.Contains(ts.Wire(), []byte("AUTH")) {
		t.Error("the word AUTH crossed the wire in clear")
	}
	got := ts.Received()
	if len(got) != 1 {
		t.Fatalf("the server got %d messages", len(got))
	}
	r := got[0]
	if !r.TLS || r.User != mailtest.User {
		t.Errorf("message received with tls=%v user=%q", r.TLS, r.User)
	}
	if r.From != "btgdv@langson.dcs.vn" {
		t.Errorf("MAIL FROM %q", r.From)
	}
	wantRcpts := []string{"ubnd@huulung.langson.gov.vn", "vanphong@huulung.langson.gov.vn", "vp@langson.dcs.vn"}
	if !slices.Equal(r.Rcpts, wantRcpts) {
		t.Errorf("RCPT TO %q, want %q", r.Rcpts, wantRcpts)
	}

	p := parseMessage(t, r.Data)
	if p.subject != vnSubject {
		t.Errorf("subject\n got %q\nwant %q", p.subject, vnSubject)
	}
	sameAddrs(t, "From", p.from, []string{m.From})
	sameAddrs(t, "To", p.to, m.To)
	sameAddrs(t, "Cc", p.cc, m.Cc)
	// Line ends travel as CRLF (RFC 5322); the text is otherwise the same.
	if want := strings.ReplaceAll(vnBody, "\n", "\r\n"); p.body != want {
		t.Errorf("body\n got %q\nwant %q", p.body, want)
	}
	if p.attachmentCount != 1 {
		t.Fatalf("%d attachments", p.attachmentCount)
	}
	if p.fileName != vnFile {
		t.Errorf("file name: got %q, want %q", p.fileName, vnFile)
	}
	if want := "Bao cao Dan van kheo quy III-2025 - xa Dong Dang.pdf"; p.typeName != want {
		t.Errorf("Content-Type's name: got %q, want %q", p.typeName, want)
	}
	if p.fileType != "application/pdf" {
		t.Errorf("attachment type %q", p.fileType)
	}
	if !bytes.Equal(p.fileData, m.Attachments[0].Data) {
		t.Errorf("attachment: got %d bytes, want the %d sent", len(p.fileData), len(m.Attachments[0].Data))
	}
	if id := p.header.Get("Message-ID"); !strings.HasPrefix(id, "<") || !strings.HasSuffix(id, "@langson.dcs.vn>") {
		t.Errorf("Message-ID %q", id)
	}
	if _, err := p.header.Date(); err != nil {
		t.Errorf("Date: %v", err)
	}
}

func tlsConfig(c *mailtest.Cert) *tls.Config { return &tls.Config{RootCAs: c.Pool} }

// Test 2: a server without TLS on 127.0.0.2 (not 127.0.0.1, which go-mail
// and net/smtp would trust for plain AUTH): the password is not sent unless
// Insecure; without User the message goes without AUTH.
func TestSendNoTLS(t *testing.T) {
	probe, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("127.0.0.2 is not usable here: %v", err)
	}
	probe.Close()

	t.Run("refused", func(t *testing.T) {
		ts := mailtest.Start(t, mailtest.Options{IP: "127.0.0.2", Auth: true, InsecureAuth: true})
		srv := &Server{Addr: ts.Addr, User: mailtest.User, Password: mailtest.Password, Backoff: time.Millisecond}
		errs := srv.Send(testCtx(t), []*Message{vnMessage(), vnMessage()})
		want := ts.Addr + ": the server offers no TLS; refusing to send the password in clear (use --insecure to allow it)"
		for i, err := range errs {
			if err == nil || err.Error() != want {
				t.Fatalf("message %d: got %v\nwant %s", i, err, want)
			}
			if !errors.Is(err, ErrNoTLS) {
				t.Errorf("message %d: not ErrNoTLS", i)
			}
		}
		if a := ts.Auths(); len(a) != 0 {
			t.Errorf("the server saw AUTH: %+v", a)
		}
		wire := ts.Wire()
		if bytes.Contains(wire, []byte("AUTH")) || bytes.Contains(wire, []byte(base64.StdEncoding.EncodeToString([]byte("\x00"+mailtest.User+"\x00"+mailtest.Password)))) {
			t.Errorf("AUTH went on the wire: %q", wire)
		}
		if conns, mails, _, _ := ts.Counts(); conns != 1 || mails != 0 {
			t.Errorf("%d connections, %d MAIL: want one connection (not one per message), no MAIL", conns, mails)
		}
		if len(ts.Received()) != 0 {
			t.Error("a message arrived")
		}
	})

	t.Run("refused on 127.0.0.1 too", func(t *testing.T) {
		// go-mail's and net/smtp's PLAIN would send the password here.
		ts := mailtest.Start(t, mailtest.Options{IP: "127.0.0.1", Auth: true, InsecureAuth: true})
		srv := &Server{Addr: ts.Addr, User: mailtest.User, Password: mailtest.Password, Backoff: time.Millisecond}
		err := srv.Send(testCtx(t), []*Message{vnMessage()})[0]
		if !errors.Is(err, ErrNoTLS) || len(ts.Auths()) != 0 || bytes.Contains(ts.Wire(), []byte("AUTH")) {
			t.Fatalf("got %v, %d AUTH", err, len(ts.Auths()))
		}
	})

	t.Run("insecure", func(t *testing.T) {
		ts := mailtest.Start(t, mailtest.Options{IP: "127.0.0.2", Auth: true, InsecureAuth: true})
		srv := &Server{Addr: ts.Addr, User: mailtest.User, Password: mailtest.Password, Insecure: true, Backoff: time.Millisecond}
		if errs := srv.Send(testCtx(t), []*Message{vnMessage()}); errs[0] != nil {
			t.Fatal(errs[0])
		}
		a := ts.Auths()
		if len(a) != 1 || !a[0].OK || a[0].TLS {
			t.Errorf("AUTH records %+v: want one, successful, without TLS", a)
		}
		if got := ts.Received(); len(got) != 1 || got[0].User != mailtest.User {
			t.Errorf("received %d messages", len(got))
		}
	})

	t.Run("no user", func(t *testing.T) {
		ts := mailtest.Start(t, mailtest.Options{IP: "127.0.0.2"})
		srv := &Server{Addr: ts.Addr, Backoff: time.Millisecond}
		if errs := srv.Send(testCtx(t), []*Message{vnMessage()}); errs[0] != nil {
			t.Fatal(errs[0])
		}
		if bytes.Contains(ts.Wire(), []byte("AUTH")) {
			t.Error("AUTH was sent")
		}
		got := ts.Received()
		if len(got) != 1 || got[0].User != "" || got[0].TLS {
			t.Fatalf("received %+v", got)
		}
		p := parseMessage(t, got[0].Data)
		if p.subject != vnSubject || !bytes.Equal(p.fileData, vnMessage().Attachments[0].Data) {
			t.Error("the message did not arrive whole")
		}
	})

	t.Run("server wants AUTH, no user given", func(t *testing.T) {
		ts := mailtest.Start(t, mailtest.Options{IP: "127.0.0.2", Auth: true, InsecureAuth: true})
		srv := &Server{Addr: ts.Addr, Backoff: time.Millisecond}
		err := srv.Send(testCtx(t), []*Message{vnMessage()})[0]
		var e *Error
		if !errors.As(err, &e) || e.Stage != "MAIL FROM" || e.Code != 502 || e.Temporary || e.Attempts != 1 {
			t.Fatalf("got %#v", err)
		}
		if !strings.Contains(err.Error(), "sender <btgdv@langson.dcs.vn> refused: 502") {
			t.Errorf("error %q", err)
		}
	})
}

// Test 3: implicit TLS (SMTPS) on a random port, chosen with ImplicitTLS;
// port 465 chooses it by itself.
func TestSendImplicitTLS(t *testing.T) {
	cert := mailtest.NewCert(t)
	ts := mailtest.Start(t, mailtest.Options{Cert: cert, Implicit: true, Auth: true})
	srv := &Server{Addr: ts.Addr, ImplicitTLS: true, User: mailtest.User, Password: mailtest.Password,
		TLSConfig: tlsConfig(cert), Backoff: time.Millisecond}
	if errs := srv.Send(testCtx(t), []*Message{vnMessage()}); errs[0] != nil {
		t.Fatal(errs[0])
	}
	a := ts.Auths()
	if len(a) != 1 || !a[0].OK || !a[0].TLS {
		t.Errorf("AUTH records %+v", a)
	}
	got := ts.Received()
	if len(got) != 1 || !got[0].TLS {
		t.Fatalf("received %d messages", len(got))
	}
	if bytes.Contains(ts.Wire(), []byte("EHLO")) {
		t.Error("EHLO went in clear")
	}

	// Without ImplicitTLS the client waits for a greeting that a TLS
	// server never sends in clear: the attempt times out, it does not hang.
	srv = &Server{Addr: ts.Addr, TLSConfig: tlsConfig(cert), Timeout: 300 * time.Millisecond, Retries: -1}
	err := srv.Send(testCtx(t), []*Message{vnMessage()})[0]
	var e *Error
	if !errors.As(err, &e) || e.Stage != "connect" || !e.Temporary {
		t.Errorf("plain client on a TLS port: %v", err)
	}

	for addr, want := range map[string]bool{
		"smtp.example.org:465": true, "smtp.example.org:587": false, "smtp.example.org:25": false, "[::1]:465": true,
	} {
		d, err := (&Server{Addr: addr}).dialer()
		if err != nil {
			t.Fatal(err)
		}
		if d.implicit != want {
			t.Errorf("%s: implicit TLS %v, want %v", addr, d.implicit, want)
		}
	}
}

// A certificate the client does not trust fails at once, not retried.
func TestSendUntrustedCertificate(t *testing.T) {
	cert := mailtest.NewCert(t)
	ts := mailtest.Start(t, mailtest.Options{Cert: cert, StartTLS: true, Auth: true})
	srv := &Server{Addr: ts.Addr, User: mailtest.User, Password: mailtest.Password, Backoff: time.Millisecond} // system roots
	errs := srv.Send(testCtx(t), []*Message{vnMessage(), vnMessage()})
	var e *Error
	if !errors.As(errs[0], &e) || e.Stage != "TLS" || e.Temporary || e.Attempts != 1 {
		t.Fatalf("got %v", errs[0])
	}
	if !strings.Contains(errs[0].Error(), "certificate") {
		t.Errorf("error does not say certificate: %v", errs[0])
	}
	if errs[1] != errs[0] {
		t.Errorf("second message: %v", errs[1])
	}
	if conns, _, _, _ := ts.Counts(); conns != 1 {
		t.Errorf("%d connections", conns)
	}
	if len(ts.Auths()) != 0 {
		t.Error("AUTH was tried")
	}
}

func TestSendWrongPassword(t *testing.T) {
	cert := mailtest.NewCert(t)
	ts := mailtest.Start(t, mailtest.Options{Cert: cert, StartTLS: true, Auth: true})
	srv := &Server{Addr: ts.Addr, User: mailtest.User, Password: "sai", TLSConfig: tlsConfig(cert), Backoff: time.Millisecond}
	errs := srv.Send(testCtx(t), []*Message{vnMessage(), vnMessage()})
	var e *Error
	if !errors.As(errs[0], &e) || e.Stage != "AUTH" || e.Code != 535 || e.Temporary || e.Attempts != 1 {
		t.Fatalf("got %v", errs[0])
	}
	want := ts.Addr + `: authentication as "` + mailtest.User + `" failed: 535 5.7.8 Authentication failed`
	if errs[0].Error() != want {
		t.Errorf("got  %s\nwant %s", errs[0], want)
	}
	if errs[1] != errs[0] {
		t.Errorf("second message: %v", errs[1])
	}
	if a := ts.Auths(); len(a) != 1 {
		t.Errorf("%d AUTH exchanges, want 1 (a 5xx is not retried)", len(a))
	}
}

// Test 4: retries.
func TestSendRetries(t *testing.T) {
	t.Run("451 then accepted", func(t *testing.T) {
		ts := mailtest.Start(t, mailtest.Options{OnData: func(n int) error {
			if n == 1 {
				return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
			}
			return nil
		}})
		srv := &Server{Addr: ts.Addr, Backoff: 10 * time.Millisecond}
		if errs := srv.Send(testCtx(t), []*Message{vnMessage()}); errs[0] != nil {
			t.Fatal(errs[0])
		}
		_, _, datas, _ := ts.Counts()
		if got := ts.Received(); len(got) != 1 || datas != 2 {
			t.Errorf("delivered %d times after %d DATA, want once after 2", len(got), datas)
		}
	})

	t.Run("451 until the retries run out", func(t *testing.T) {
		ts := mailtest.Start(t, mailtest.Options{OnMail: func(int) error {
			return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "busy"}
		}})
		srv := &Server{Addr: ts.Addr, Backoff: time.Millisecond} // Retries 0 means 2
		err := srv.Send(testCtx(t), []*Message{vnMessage()})[0]
		var e *Error
		if !errors.As(err, &e) || !e.Temporary || e.Attempts != 3 || e.Code != 451 {
			t.Fatalf("got %#v", err)
		}
		if !strings.HasSuffix(err.Error(), "451 4.3.0 busy (tried 3 times)") {
			t.Errorf("error %q", err)
		}
		if conns, mails, _, _ := ts.Counts(); mails != 3 || conns != 1 {
			t.Errorf("%d MAIL on %d connections, want 3 on 1 (the connection stays usable)", mails, conns)
		}
	})

	bad := "khongtontai@huulung.langson.gov.vn"
	refuse := func(to string) error {
		if to == bad {
			return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user"}
		}
		return nil
	}

	t.Run("550 for a recipient", func(t *testing.T) {
		ts := mailtest.Start(t, mailtest.Options{OnRcpt: refuse})
		m := vnMessage()
		m.To = append(m.To, "Không tồn tại <"+bad+">")
		srv := &Server{Addr: ts.Addr, Backoff: time.Millisecond}
		err := srv.Send(testCtx(t), []*Message{m})[0]
		var e *Error
		if !errors.As(err, &e) || e.Stage != "RCPT TO" || e.Code != 550 || e.Temporary || e.Attempts != 1 ||
			!slices.Equal(e.Recipients, []string{bad}) {
			t.Fatalf("got %#v", err)
		}
		want := ts.Addr + ": recipient refused, the message was sent to no one: <" + bad + ">: 550 5.1.1 no such user"
		if err.Error() != want {
			t.Errorf("got  %s\nwant %s", err, want)
		}
		_, _, _, rcpts := ts.Counts()
		if n := slices.Index(rcpts, bad); n < 0 || slices.Index(rcpts[n+1:], bad) >= 0 {
			t.Errorf("RCPT TO seen: %q, want the bad one once", rcpts)
		}
		if len(ts.Received()) != 0 {
			t.Error("the message was sent")
		}
	})

	t.Run("first fails for good, second sent", func(t *testing.T) {
		ts := mailtest.Start(t, mailtest.Options{OnRcpt: refuse})
		first := vnMessage()
		first.To = []string{bad}
		first.Cc = nil
		second := vnMessage()
		srv := &Server{Addr: ts.Addr, Backoff: time.Millisecond}
		errs := srv.Send(testCtx(t), []*Message{first, second})
		if errs[0] == nil || !strings.Contains(errs[0].Error(), bad) {
			t.Errorf("first: %v", errs[0])
		}
		if errs[1] != nil {
			t.Errorf("second: %v", errs[1])
		}
		got := ts.Received()
		if len(got) != 1 || got[0].Rcpts[0] != "ubnd@huulung.langson.gov.vn" {
			t.Fatalf("received %d messages", len(got))
		}
		if conns, _, _, _ := ts.Counts(); conns != 1 {
			t.Errorf("%d connections for two messages, want 1", conns)
		}
	})

	t.Run("a bad message does not stop the others", func(t *testing.T) {
		ts := mailtest.Start(t, mailtest.Options{})
		bad := vnMessage()
		bad.Subject = "x\r\nBcc: everyone@example.org"
		srv := &Server{Addr: ts.Addr, Backoff: time.Millisecond}
		errs := srv.Send(testCtx(t), []*Message{bad, vnMessage(), nil})
		var fe *FieldError
		if !errors.As(errs[0], &fe) || fe.Field != "Subject" || errs[1] != nil || errs[2] == nil {
			t.Fatalf("errors %v", errs)
		}
		if len(ts.Received()) != 1 {
			t.Error("the good message was not sent")
		}
	})

	t.Run("connection refused", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close()
		srv := &Server{Addr: addr, Backoff: time.Millisecond}
		start := time.Now()
		errs := srv.Send(testCtx(t), []*Message{vnMessage(), vnMessage()})
		var e *Error
		if !errors.As(errs[0], &e) || e.Stage != "connect" || !e.Temporary || e.Attempts != 3 {
			t.Fatalf("got %#v", errs[0])
		}
		if s := errs[0].Error(); !strings.HasPrefix(s, addr+": cannot connect: ") || !strings.Contains(s, "connection refused") || !strings.HasSuffix(s, "(tried 3 times)") {
			t.Errorf("error %q", s)
		}
		if errs[1] != errs[0] {
			t.Errorf("second message: %v (want the same error, without trying again)", errs[1])
		}
		if time.Since(start) > 5*time.Second {
			t.Errorf("took %v", time.Since(start))
		}
	})

	t.Run("server closes an idle connection", func(t *testing.T) {
		// The second message finds the connection closed by the server
		// (421 at MAIL FROM); a new one is made at once, no retry spent.
		ts := mailtest.Start(t, mailtest.Options{OnMail: func(n int) error {
			if n == 2 {
				return &smtp.SMTPError{Code: 421, EnhancedCode: smtp.EnhancedCode{4, 4, 2}, Message: "idle too long"}
			}
			return nil
		}})
		srv := &Server{Addr: ts.Addr, Retries: -1, Backoff: time.Hour}
		errs := srv.Send(testCtx(t), []*Message{vnMessage(), vnMessage()})
		if errs[0] != nil || errs[1] != nil {
			t.Fatalf("errors %v", errs)
		}
		if conns, mails, _, _ := ts.Counts(); conns != 2 || mails != 3 || len(ts.Received()) != 2 {
			t.Errorf("%d connections, %d MAIL, %d received", conns, mails, len(ts.Received()))
		}
	})
}

// The server's SIZE limit is respected before anything is sent.
func TestSendTooBig(t *testing.T) {
	ts := mailtest.Start(t, mailtest.Options{MaxBytes: 100 << 10})
	srv := &Server{Addr: ts.Addr, Backoff: time.Millisecond}
	small := vnMessage()
	small.Attachments[0].Data = pdfData(10 << 10)
	errs := srv.Send(testCtx(t), []*Message{vnMessage(), small})
	var e *Error
	if !errors.As(errs[0], &e) || e.Stage != "SIZE" || e.Temporary || !strings.Contains(errs[0].Error(), "larger than the server takes (102400 bytes)") {
		t.Fatalf("got %v", errs[0])
	}
	if errs[1] != nil {
		t.Fatal(errs[1])
	}
	if _, mails, _, _ := ts.Counts(); mails != 1 {
		t.Errorf("%d MAIL, want 1", mails)
	}
}

// Cancelling ctx ends a send that waits on the server, and the messages
// after it are not tried.
func TestSendCancel(t *testing.T) {
	release := make(chan struct{})
	entered := make(chan struct{}, 1)
	ts := mailtest.Start(t, mailtest.Options{OnData: func(int) error {
		entered <- struct{}{}
		<-release
		return nil
	}})
	t.Cleanup(func() { close(release) })
	ctx, cancel := context.WithCancel(testCtx(t))
	go func() {
		<-entered
		cancel()
	}()
	srv := &Server{Addr: ts.Addr, Timeout: time.Minute, Backoff: time.Millisecond}
	start := time.Now()
	errs := srv.Send(ctx, []*Message{vnMessage(), vnMessage()})
	if time.Since(start) > 10*time.Second {
		t.Errorf("Send took %v after the cancel", time.Since(start))
	}
	for i, err := range errs {
		if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "not sent: context canceled") {
			t.Errorf("message %d: %v", i, err)
		}
	}
}

// A server that does not answer at all fails the attempt after Timeout.
func TestSendTimeout(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	go func() {
		for {
			c, err := ln.Accept() // accepts, never greets
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	srv := &Server{Addr: ln.Addr().String(), Timeout: 200 * time.Millisecond, Retries: 1, Backoff: time.Millisecond}
	start := time.Now()
	err = srv.Send(testCtx(t), []*Message{vnMessage()})[0]
	var e *Error
	if !errors.As(err, &e) || e.Stage != "connect" || !e.Temporary || e.Attempts != 2 {
		t.Fatalf("got %#v", err)
	}
	if !strings.Contains(err.Error(), "no answer within 200ms") {
		t.Errorf("error %q", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestServerAddr(t *testing.T) {
	for _, addr := range []string{"", "smtp.example.org", ":587", "smtp.example.org:smtp"} {
		errs := (&Server{Addr: addr}).Send(t.Context(), []*Message{vnMessage()})
		if errs[0] == nil || !strings.Contains(errs[0].Error(), "not a host:port address") {
			t.Errorf("%q: %v", addr, errs[0])
		}
	}
}

// SendEach says each message's outcome as soon as it is known: the first
// is reported before the second's data is taken.
func TestSendEachReportsAsItGoes(t *testing.T) {
	first := make(chan struct{})
	ts := mailtest.Start(t, mailtest.Options{OnData: func(n int) error {
		if n < 2 {
			return nil
		}
		select {
		case <-first:
			return nil
		case <-time.After(10 * time.Second):
			return errors.New("the first message was not reported before the second was sent")
		}
	}})
	srv := &Server{Addr: ts.Addr, Timeout: time.Minute, Backoff: time.Millisecond}
	var order []int
	errs := srv.SendEach(testCtx(t), []*Message{vnMessage(), vnMessage(), vnMessage()}, func(i int, err error) {
		if err != nil {
			t.Errorf("message %d: %v", i, err)
		}
		order = append(order, i)
		if i == 0 {
			close(first)
		}
	})
	if !slices.Equal(order, []int{0, 1, 2}) || slices.ContainsFunc(errs, func(err error) bool { return err != nil }) {
		t.Errorf("reported %v, errors %v", order, errs)
	}
}
