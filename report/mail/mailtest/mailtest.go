// Package mailtest is a real SMTP server for tests
// (github.com/emersion/go-smtp), on a loopback address and a random port,
// with STARTTLS or TLS from the first byte on a self-signed certificate,
// and AUTH PLAIN: it keeps what arrives, the AUTH exchanges, and what the
// clients sent on the wire. Package mail's tests and the command line's
// use it.
package mailtest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"log"
	"math/big"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// The user and password the server takes when Options.Auth is set.
const (
	User     = "btgdv@langson.dcs.vn"
	Password = "mật khẩu bí mật 2025"
)

// Message is one message the server accepted.
type Message struct {
	From  string
	Rcpts []string
	Data  []byte
	User  string // who authenticated, "" for no one
	TLS   bool   // the session was under TLS
}

// Auth is one AUTH exchange the server saw.
type Auth struct {
	User string
	TLS  bool
	OK   bool
}

// Options say what the server does.
type Options struct {
	IP           string // loopback address to listen on; 127.0.0.1 when empty
	Cert         *Cert  // needed for StartTLS and Implicit
	StartTLS     bool   // offer STARTTLS
	Implicit     bool   // TLS from the first byte
	Auth         bool   // require AUTH PLAIN with User and Password
	InsecureAuth bool   // offer AUTH without TLS too
	MaxBytes     int64  // SIZE the server announces; 0: none
	// The hooks may refuse a command with an *smtp.SMTPError; n counts
	// the commands of the kind since the server started, from 1.
	OnMail func(n int) error
	OnRcpt func(to string) error
	OnData func(n int) error
}

// Server is a running server.
type Server struct {
	Addr string // host:port
	opts Options

	mu    sync.Mutex
	msgs  []Message
	auths []Auth
	rcpts []string // every RCPT TO, accepted or not
	mails int
	datas int
	conns int
	wire  bytes.Buffer // every byte clients sent, as sent (TLS records stay ciphertext)
}

// Start starts a server that stops when the test ends.
func Start(t testing.TB, opts Options) *Server {
	t.Helper()
	if opts.IP == "" {
		opts.IP = "127.0.0.1"
	}
	ts := &Server{opts: opts}
	ln, err := net.Listen("tcp", net.JoinHostPort(opts.IP, "0"))
	if err != nil {
		t.Fatalf("listen on %s: %v", opts.IP, err)
	}
	ts.Addr = ln.Addr().String()
	var l net.Listener = &recListener{Listener: ln, srv: ts}

	s := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		base := &relaySession{srv: ts, conn: c}
		if opts.Auth {
			return &authSession{base}, nil
		}
		return base, nil
	}))
	s.Domain = "mail.test"
	s.AllowInsecureAuth = opts.InsecureAuth
	s.MaxMessageBytes = opts.MaxBytes
	s.ReadTimeout = 20 * time.Second
	s.WriteTimeout = 20 * time.Second
	s.ErrorLog = log.New(io.Discard, "", 0)
	if opts.StartTLS || opts.Implicit {
		if opts.Cert == nil {
			t.Fatal("a TLS server needs a certificate")
		}
		cfg := &tls.Config{Certificates: []tls.Certificate{opts.Cert.TLS}}
		if opts.Implicit {
			l = tls.NewListener(l, cfg)
		} else {
			s.TLSConfig = cfg
		}
	}
	go func() { _ = s.Serve(l) }()
	t.Cleanup(func() { _ = s.Close() })
	return ts
}

// Received returns the messages accepted so far.
func (ts *Server) Received() []Message {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return append([]Message(nil), ts.msgs...)
}

// Auths returns the AUTH exchanges so far.
func (ts *Server) Auths() []Auth {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return append([]Auth(nil), ts.auths...)
}

// Wire returns every byte clients sent, as sent (TLS records stay
// ciphertext).
func (ts *Server) Wire() []byte {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return bytes.Clone(ts.wire.Bytes())
}

// Counts returns the connections, MAIL and DATA commands so far, and
// every RCPT TO, accepted or not.
func (ts *Server) Counts() (conns, mails, datas int, rcpts []string) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return ts.conns, ts.mails, ts.datas, append([]string(nil), ts.rcpts...)
}

// relaySession is an office relay: no AUTH.
type relaySession struct {
	srv   *Server
	conn  *smtp.Conn
	user  string
	from  string
	rcpts []string
}

func (s *relaySession) Reset()        { s.from, s.rcpts = "", nil }
func (s *relaySession) Logout() error { return nil }

func (s *relaySession) Mail(from string, _ *smtp.MailOptions) error {
	ts := s.srv
	ts.mu.Lock()
	ts.mails++
	n := ts.mails
	ts.mu.Unlock()
	if ts.opts.Auth && s.user == "" {
		return smtp.ErrAuthRequired
	}
	if ts.opts.OnMail != nil {
		if err := ts.opts.OnMail(n); err != nil {
			return err
		}
	}
	s.from = from
	return nil
}

func (s *relaySession) Rcpt(to string, _ *smtp.RcptOptions) error {
	ts := s.srv
	ts.mu.Lock()
	ts.rcpts = append(ts.rcpts, to)
	ts.mu.Unlock()
	if ts.opts.OnRcpt != nil {
		if err := ts.opts.OnRcpt(to); err != nil {
			return err
		}
	}
	s.rcpts = append(s.rcpts, to)
	return nil
}

func (s *relaySession) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	ts := s.srv
	ts.mu.Lock()
	ts.datas++
	n := ts.datas
	ts.mu.Unlock()
	if ts.opts.OnData != nil {
		if err := ts.opts.OnData(n); err != nil {
			return err
		}
	}
	_, isTLS := s.conn.TLSConnectionState()
	ts.mu.Lock()
	ts.msgs = append(ts.msgs, Message{From: s.from, Rcpts: s.rcpts, Data: data, User: s.user, TLS: isTLS})
	ts.mu.Unlock()
	return nil
}

// authSession requires AUTH PLAIN.
type authSession struct{ *relaySession }

func (s *authSession) AuthMechanisms() []string { return []string{sasl.Plain} }

func (s *authSession) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		_, isTLS := s.conn.TLSConnectionState()
		ok := user == User && pass == Password
		s.srv.mu.Lock()
		s.srv.auths = append(s.srv.auths, Auth{User: user, TLS: isTLS, OK: ok})
		s.srv.mu.Unlock()
		if !ok {
			return smtp.ErrAuthFailed
		}
		s.user = user
		return nil
	}), nil
}

// recListener counts connections and records what clients send.
type recListener struct {
	net.Listener
	srv *Server
}

func (l *recListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	l.srv.mu.Lock()
	l.srv.conns++
	l.srv.mu.Unlock()
	return &recConn{Conn: c, srv: l.srv}, nil
}

type recConn struct {
	net.Conn
	srv *Server
}

func (c *recConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.srv.mu.Lock()
	c.srv.wire.Write(p[:n])
	c.srv.mu.Unlock()
	return n, err
}

// Cert is a self-signed ECDSA certificate for the loopback addresses, a
// pool that trusts it, and the certificate in PEM form, for a client that
// reads its roots from a file.
type Cert struct {
	TLS  tls.Certificate
	Pool *x509.CertPool
	PEM  []byte
}

// NewCert makes a certificate.
func NewCert(t testing.TB) *Cert {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 120))
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: "dvkreport test SMTP server"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1"), net.ParseIP("127.0.0.2")},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return &Cert{
		TLS:  tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: cert},
		Pool: pool,
		PEM:  pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
	}
}
