package mail

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/textproto"
	"os"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/wneessen/go-mail/smtp"
)

// Server says how to reach an SMTP server.
type Server struct {
	// Addr is host:port. Port 465 means implicit TLS; any other port uses
	// STARTTLS when the server offers it.
	Addr string
	// User is the AUTH user; empty sends without AUTH (an office's own
	// relay).
	User     string
	Password string
	// Insecure allows AUTH over a connection without TLS, which is refused
	// otherwise, whatever the host (127.0.0.1 and localhost included).
	Insecure bool
	// ImplicitTLS speaks TLS from the first byte (SMTPS), whatever the port;
	// port 465 always does.
	ImplicitTLS bool
	// TLSConfig is nil for the system roots and the ServerName of Addr; a
	// config without ServerName gets that of Addr.
	TLSConfig *tls.Config
	// Timeout bounds each connection attempt (connect, greeting, TLS, AUTH)
	// and then each wait for the server, for a command or for its reply
	// to a message; 0 means 30 s.
	Timeout time.Duration
	// Retries is the number of extra attempts after a temporary failure
	// (a 4xx reply, a network error); 0 means 2, a negative number none.
	Retries int
	// Backoff is the wait before the first retry, doubled before each
	// next one; 0 means 2 s.
	Backoff time.Duration
	// Hello is the name given in EHLO; empty means this machine's host name.
	Hello string
}

// ErrNoTLS is what Send returns (wrapped in an *Error) when the server
// offers no TLS, a password would have to go in clear, and Insecure is not
// set.
var ErrNoTLS = errors.New("the server offers no TLS; refusing to send the password in clear (use --insecure to allow it)")

// Error is why Send did not send a message.
type Error struct {
	// Server is the Addr of the Server.
	Server string
	// Stage is what failed: "connect", "TLS", "EHLO", "AUTH", "SIZE" (the
	// message is larger than the server says it takes), "MAIL FROM",
	// "RCPT TO", "DATA", or "" (the context ended, or the Server is wrong).
	Stage string
	// Recipients are the recipients the server refused, at RCPT TO.
	Recipients []string
	// Code is the server's reply code, 0 when the server did not reply.
	Code int
	// Temporary tells that the last failure was temporary: the retries
	// were used up, or the context ended first.
	Temporary bool
	// Attempts is the number of attempts made.
	Attempts int
	// Err is the underlying error.
	Err error

	text string // what failed, in words
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Server)
	b.WriteString(": ")
	b.WriteString(e.text)
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " (tried %d times)", e.Attempts)
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Send delivers the messages over one connection where it can. It returns
// one error per message, nil when the message was sent. A temporary failure
// (4xx, a network error, a timeout) is retried after Backoff, then twice as
// long, up to Retries times; a permanent one (5xx) is not. A message the
// server refuses does not stop the others. A connection that cannot be
// made (after its retries) or authenticated fails every message not yet
// sent with the same error, and so does the end of ctx.
//
// A message is sent to all its recipients or to none: if the server
// refuses one recipient, the message is not sent and the error names the
// refused addresses.
func (s *Server) Send(ctx context.Context, msgs []*Message) []error {
	return s.SendEach(ctx, msgs, nil)
}

// SendEach is Send, calling done (unless nil) with each message's index
// and error as soon as they are known, in order: a caller can say which
// messages went out while the others are still being sent, and before an
// interruption ends it (a twenty-eighth review found a send stopped with
// Ctrl-C saying nothing of the messages the server had taken).
func (s *Server) SendEach(ctx context.Context, msgs []*Message, done func(i int, err error)) []error {
	errs := make([]error, len(msgs))
	report := func(i int, err error) {
		errs[i] = err
		if done != nil {
			done(i, err)
		}
	}
	d, err := s.dialer()
	if err != nil {
		for i := range errs {
			report(i, err)
		}
		return errs
	}
	defer d.close()

	var fatal error // the connection cannot be made: no use trying again
	for i, m := range msgs {
		if ctx.Err() != nil {
			report(i, d.ctxError(ctx, 0))
			continue
		}
		if fatal != nil {
			report(i, fatal)
			continue
		}
		p, err := prepare(m, time.Now)
		if err != nil {
			report(i, err)
			continue
		}
		err = d.deliver(ctx, p)
		report(i, err)
		var e *Error
		if errors.As(err, &e) && slices.Contains([]string{"connect", "TLS", "EHLO", "AUTH"}, e.Stage) {
			fatal = err
		}
	}
	return errs
}

// dialer holds the settled configuration and the open connection.
type dialer struct {
	s        *Server
	host     string
	implicit bool
	tls      *tls.Config
	timeout  time.Duration
	retries  int
	backoff  time.Duration
	hello    string

	c    *smtp.Client
	raw  net.Conn
	stop func() bool // ends the context.AfterFunc that closes raw
}

func (s *Server) dialer() (*dialer, error) {
	host, port, err := net.SplitHostPort(s.Addr)
	if err == nil && host == "" {
		err = errors.New("no host")
	}
	if err == nil {
		if _, perr := strconv.ParseUint(port, 10, 16); perr != nil {
			err = fmt.Errorf("port %q is not a number", port)
		}
	}
	if err != nil {
		return nil, &Error{Server: s.Addr, Err: err, text: fmt.Sprintf("not a host:port address: %v", err)}
	}
	d := &dialer{
		s:        s,
		host:     host,
		implicit: s.ImplicitTLS || port == "465",
		timeout:  s.Timeout,
		retries:  s.Retries,
		backoff:  s.Backoff,
		hello:    s.Hello,
	}
	if d.timeout <= 0 {
		d.timeout = 30 * time.Second
	}
	switch {
	case d.retries == 0:
		d.retries = 2
	case d.retries < 0:
		d.retries = 0
	}
	if d.backoff <= 0 {
		d.backoff = 2 * time.Second
	}
	if d.hello == "" {
		d.hello, err = os.Hostname()
		if err != nil || d.hello == "" {
			d.hello = "localhost"
		}
	}
	if s.TLSConfig != nil {
		d.tls = s.TLSConfig.Clone()
	} else {
		d.tls = &tls.Config{}
	}
	if d.tls.ServerName == "" {
		d.tls.ServerName = host
	}
	return d, nil
}

// deliver sends one message, retrying temporary failures.
func (d *dialer) deliver(ctx context.Context, p *prepared) error {
	wait := d.backoff
	for attempt := 1; ; attempt++ {
		err := d.attempt(ctx, p)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return d.ctxError(ctx, attempt)
		}
		err.Attempts = attempt
		if !err.Temporary || attempt > d.retries {
			return err
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return d.ctxError(ctx, attempt)
		case <-t.C:
		}
		wait *= 2
	}
}

func (d *dialer) ctxError(ctx context.Context, attempts int) *Error {
	err := context.Cause(ctx)
	return &Error{Server: d.s.Addr, Temporary: true, Attempts: attempts, Err: err, text: "not sent: " + err.Error()}
}

// attempt makes one try at sending p, on the open connection or a new one.
// A connection that was open before and turns out closed (servers close
// idle ones) is replaced at once, without counting an attempt.
func (d *dialer) attempt(ctx context.Context, p *prepared) *Error {
	reused := d.c != nil
	err := d.transaction(ctx, p)
	if err != nil && reused && err.Stage == "MAIL FROM" && (err.Code == 0 || err.Code == 421) {
		err = d.transaction(ctx, p)
	}
	return err
}

func (d *dialer) transaction(ctx context.Context, p *prepared) *Error {
	if d.c == nil {
		if err := d.connect(ctx); err != nil {
			return err
		}
	}
	c := d.c
	if ok, v := c.Extension("SIZE"); ok {
		if limit, err := strconv.ParseInt(v, 10, 64); err == nil && limit > 0 && int64(len(p.data)) > limit {
			return &Error{Server: d.s.Addr, Stage: "SIZE",
				text: fmt.Sprintf("the message (%d bytes) is larger than the server takes (%d bytes); not sent", len(p.data), limit)}
		}
	}
	if err := c.Mail(angle(p.from)); err != nil {
		return d.fail(err, "MAIL FROM", fmt.Sprintf("sender <%s> refused", p.from))
	}
	var refused []string
	var replies []string
	var worst *textproto.Error
	for _, r := range p.rcpts {
		err := c.Rcpt(angle(r))
		if err == nil {
			continue
		}
		var te *textproto.Error
		if !errors.As(err, &te) {
			return d.fail(err, "RCPT TO", fmt.Sprintf("recipient <%s>", r))
		}
		refused = append(refused, r)
		replies = append(replies, fmt.Sprintf("<%s>: %s", r, reply(te)))
		if worst == nil || te.Code >= 500 {
			worst = te
		}
	}
	if len(refused) > 0 {
		e := &Error{Server: d.s.Addr, Stage: "RCPT TO", Recipients: refused, Code: worst.Code,
			Temporary: temporary(worst), Err: worst}
		word := "recipient"
		if len(refused) > 1 {
			word = "recipients"
		}
		e.text = fmt.Sprintf("%s refused, the message was sent to no one: %s", word, strings.Join(replies, "; "))
		if worst.Code == 421 {
			d.drop()
		} else if err := c.Reset(); err != nil {
			d.drop()
		}
		return e
	}
	w, err := c.Data()
	if err != nil {
		return d.fail(err, "DATA", "message refused")
	}
	if _, err := w.Write(p.data); err != nil {
		return d.fail(err, "DATA", "sending the message failed")
	}
	if err := w.Close(); err != nil {
		return d.fail(err, "DATA", "message refused")
	}
	return nil
}

// fail makes the error for a failed command, and drops the connection
// unless the server replied and goes on.
func (d *dialer) fail(err error, stage, what string) *Error {
	e := &Error{Server: d.s.Addr, Stage: stage, Temporary: temporary(err), Err: err}
	var te *textproto.Error
	if errors.As(err, &te) {
		e.Code = te.Code
		e.text = what + ": " + reply(te)
		if te.Code == 421 {
			d.drop()
		} else if rerr := d.c.Reset(); rerr != nil {
			d.drop()
		}
		return e
	}
	e.text = what + ": " + err.Error()
	d.drop()
	return e
}

// connect opens a connection: TCP, TLS (implicit or STARTTLS), EHLO, AUTH.
func (d *dialer) connect(ctx context.Context) *Error {
	addr := d.s.Addr
	cctx, cancel := context.WithTimeout(ctx, d.timeout)
	defer cancel()
	var nd net.Dialer
	raw, err := nd.DialContext(cctx, "tcp", addr)
	if err != nil {
		return &Error{Server: addr, Stage: "connect", Temporary: temporary(err), Err: err,
			text: "cannot connect: " + err.Error()}
	}
	// Closing the connection when ctx ends interrupts whatever waits on it.
	stop := context.AfterFunc(ctx, func() { raw.Close() })
	// The attempt as a whole is bounded too, not only each read and write.
	attemptEnd := context.AfterFunc(cctx, func() {
		if cctx.Err() == context.DeadlineExceeded {
			raw.Close()
		}
	})
	defer attemptEnd()
	// failed closes the connection and makes the error: "what: why", where
	// why is the server's reply, the error, or the timeout that ended the
	// attempt.
	failed := func(stage, what string, err error) *Error {
		stop()
		raw.Close()
		why := replyOrErr(err)
		var ne net.Error
		if (cctx.Err() == context.DeadlineExceeded && ctx.Err() == nil) || (errors.As(err, &ne) && ne.Timeout()) {
			why = fmt.Sprintf("no answer within %v", d.timeout)
			err = errors.Join(err, context.DeadlineExceeded)
		}
		e := &Error{Server: addr, Stage: stage, Temporary: temporary(err), Err: err, text: what + ": " + why}
		if what == "" {
			e.text = why
		}
		var te *textproto.Error
		if errors.As(err, &te) {
			e.Code = te.Code
		}
		return e
	}
	var conn net.Conn = &idleConn{Conn: raw, timeout: d.timeout}
	encrypted := false
	if d.implicit {
		tc := tls.Client(conn, d.tls)
		if err := tc.HandshakeContext(cctx); err != nil {
			return failed("TLS", "TLS handshake failed", err)
		}
		conn, encrypted = tc, true
	}
	c, err := smtp.NewClient(conn, d.host)
	if err != nil {
		return failed("connect", "the server's greeting", err)
	}
	c.SkipSMTPUTF8(true)
	if err := c.Hello(d.hello); err != nil {
		return failed("EHLO", "EHLO refused", err)
	}
	if !encrypted {
		if ok, _ := c.Extension("STARTTLS"); ok {
			if err := c.StartTLS(d.tls); err != nil {
				return failed("TLS", "STARTTLS failed", err)
			}
			encrypted = true
		}
	}
	if d.s.User != "" {
		if !encrypted && !d.s.Insecure {
			_ = c.Quit()
			return failed("AUTH", "", ErrNoTLS)
		}
		ok, mechs := c.Extension("AUTH")
		if !ok {
			_ = c.Quit()
			return failed("AUTH", "", errors.New("the server offers no AUTH; leave the user empty to send without it"))
		}
		var a smtp.Auth
		list := strings.Fields(strings.ToUpper(mechs))
		switch {
		case slices.Contains(list, "PLAIN"):
			// TLS or Insecure was checked above, whatever the host.
			a = smtp.PlainAuth("", d.s.User, d.s.Password, d.host, true)
		case slices.Contains(list, "LOGIN"):
			a = smtp.LoginAuth(d.s.User, d.s.Password, d.host, true)
		default:
			_ = c.Quit()
			return failed("AUTH", "", fmt.Errorf("the server offers AUTH %s, none of which this program speaks (PLAIN, LOGIN)", mechs))
		}
		if err := c.Auth(a); err != nil {
			return failed("AUTH", fmt.Sprintf("authentication as %q failed", d.s.User), err)
		}
	}
	d.c, d.raw, d.stop = c, raw, stop
	return nil
}

// drop closes the connection without QUIT.
func (d *dialer) drop() {
	if d.c == nil {
		return
	}
	d.stop()
	d.raw.Close()
	d.c, d.raw, d.stop = nil, nil, nil
}

// close ends the connection with QUIT.
func (d *dialer) close() {
	if d.c == nil {
		return
	}
	_ = d.c.Quit()
	d.drop()
}

// idleConn bounds each read and write by timeout, so a server that stops
// answering fails the attempt, while a big message that keeps moving does
// not.
type idleConn struct {
	net.Conn
	timeout time.Duration
}

func (c *idleConn) Read(p []byte) (int, error) {
	if err := c.Conn.SetReadDeadline(time.Now().Add(c.timeout)); err != nil {
		return 0, err
	}
	return c.Conn.Read(p)
}

func (c *idleConn) Write(p []byte) (int, error) {
	if err := c.Conn.SetWriteDeadline(time.Now().Add(c.timeout)); err != nil {
		return 0, err
	}
	return c.Conn.Write(p)
}

func angle(addr string) string { return "<" + addr + ">" }

// reply is the server's reply on one line: "550 5.1.1 no such user".
func reply(te *textproto.Error) string {
	return fmt.Sprintf("%d %s", te.Code, strings.Join(strings.Fields(te.Msg), " "))
}

func replyOrErr(err error) string {
	var te *textproto.Error
	if errors.As(err, &te) {
		return reply(te)
	}
	return err.Error()
}

// temporary tells whether err is worth another attempt: a 4xx reply, a
// timeout, a connection refused, reset or cut. A 5xx reply, a certificate
// or TLS failure, a host that does not exist, our own refusals are not.
func temporary(err error) bool {
	var te *textproto.Error
	if errors.As(err, &te) {
		return te.Code >= 400 && te.Code < 500
	}
	if errors.Is(err, ErrNoTLS) || errors.Is(err, context.Canceled) {
		return false
	}
	var (
		certErr  *tls.CertificateVerificationError
		unknown  x509.UnknownAuthorityError
		hostErr  x509.HostnameError
		invalid  x509.CertificateInvalidError
		alert    tls.AlertError
		record   tls.RecordHeaderError
		dnsErr   *net.DNSError
		protoErr textproto.ProtocolError
	)
	switch {
	case errors.As(err, &certErr), errors.As(err, &unknown), errors.As(err, &hostErr),
		errors.As(err, &invalid), errors.As(err, &alert), errors.As(err, &record),
		errors.As(err, &protoErr):
		return false
	case errors.As(err, &dnsErr):
		return !dnsErr.IsNotFound
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.ECONNABORTED) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, net.ErrClosed) {
		return true
	}
	var op *net.OpError
	return errors.As(err, &op)
}
