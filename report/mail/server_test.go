package mail

// A real SMTP server for the tests (github.com/emersion/go-smtp), on a
// loopback address and a random port, that keeps what arrives and what the
// clients sent on the wire.

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
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

const (
	testUser = "btgdv@langson.dcs.vn"
	testPass = "mật khẩu bí mật 2025"
)

// received is one message the server accepted.
type received struct {
	from  string
	rcpts []string
	data  []byte
	user  string // who authenticated, "" for no one
	tls   bool   // the session was under TLS
}

// authRecord is one AUTH exchange the server saw.
type authRecord struct {
	user string
	tls  bool
	ok   bool
}

type serverOpts struct {
	ip           string       // loopback address to listen on; 127.0.0.1 when empty
	cert         *certificate // needed for startTLS and implicit
	startTLS     bool         // offer STARTTLS
	implicit     bool         // TLS from the first byte
	auth         bool         // require AUTH PLAIN with testUser and testPass
	insecureAuth bool         // offer AUTH without TLS too
	maxBytes     int64        // SIZE the server announces; 0: none
	// The hooks may refuse a command with an *smtp.SMTPError; n counts
	// the commands of the kind since the server started, from 1.
	onMail func(n int) error
	onRcpt func(to string) error
	onData func(n int) error
}

type testServer struct {
	addr string
	opts serverOpts

	mu    sync.Mutex
	msgs  []received
	auths []authRecord
	rcpts []string // every RCPT TO, accepted or not
	mails int
	datas int
	conns int
	wire  bytes.Buffer // every byte clients sent, as sent (TLS records stay ciphertext)
}

func startServer(t *testing.T, opts serverOpts) *testServer {
	t.Helper()
	if opts.ip == "" {
		opts.ip = "127.0.0.1"
	}
	ts := &testServer{opts: opts}
	ln, err := net.Listen("tcp", net.JoinHostPort(opts.ip, "0"))
	if err != nil {
		t.Fatalf("listen on %s: %v", opts.ip, err)
	}
	ts.addr = ln.Addr().String()
	var l net.Listener = &recListener{Listener: ln, srv: ts}

	s := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		base := &relaySession{srv: ts, conn: c}
		if opts.auth {
			return &authSession{base}, nil
		}
		return base, nil
	}))
	s.Domain = "mail.test"
	s.AllowInsecureAuth = opts.insecureAuth
	s.MaxMessageBytes = opts.maxBytes
	s.ReadTimeout = 20 * time.Second
	s.WriteTimeout = 20 * time.Second
	s.ErrorLog = log.New(io.Discard, "", 0)
	if opts.startTLS || opts.implicit {
		if opts.cert == nil {
			t.Fatal("a TLS server needs a certificate")
		}
		cfg := &tls.Config{Certificates: []tls.Certificate{opts.cert.tls}}
		if opts.implicit {
			l = tls.NewListener(l, cfg)
		} else {
			s.TLSConfig = cfg
		}
	}
	go func() { _ = s.Serve(l) }()
	t.Cleanup(func() { _ = s.Close() })
	return ts
}

func (ts *testServer) received() []received {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return append([]received(nil), ts.msgs...)
}

func (ts *testServer) authRecords() []authRecord {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return append([]authRecord(nil), ts.auths...)
}

func (ts *testServer) wireBytes() []byte {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return bytes.Clone(ts.wire.Bytes())
}

func (ts *testServer) counts() (conns, mails, datas int, rcpts []string) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return ts.conns, ts.mails, ts.datas, append([]string(nil), ts.rcpts...)
}

// relaySession is an office relay: no AUTH.
type relaySession struct {
	srv   *testServer
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
	if ts.opts.auth && s.user == "" {
		return smtp.ErrAuthRequired
	}
	if ts.opts.onMail != nil {
		if err := ts.opts.onMail(n); err != nil {
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
	if ts.opts.onRcpt != nil {
		if err := ts.opts.onRcpt(to); err != nil {
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
	if ts.opts.onData != nil {
		if err := ts.opts.onData(n); err != nil {
			return err
		}
	}
	_, isTLS := s.conn.TLSConnectionState()
	ts.mu.Lock()
	ts.msgs = append(ts.msgs, received{from: s.from, rcpts: s.rcpts, data: data, user: s.user, tls: isTLS})
	ts.mu.Unlock()
	return nil
}

// authSession requires AUTH PLAIN.
type authSession struct{ *relaySession }

func (s *authSession) AuthMechanisms() []string { return []string{sasl.Plain} }

func (s *authSession) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		_, isTLS := s.conn.TLSConnectionState()
		ok := user == testUser && pass == testPass
		s.srv.mu.Lock()
		s.srv.auths = append(s.srv.auths, authRecord{user: user, tls: isTLS, ok: ok})
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
	srv *testServer
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
	srv *testServer
}

func (c *recConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.srv.mu.Lock()
	c.srv.wire.Write(p[:n])
	c.srv.mu.Unlock()
	return n, err
}

// certificate is a self-signed ECDSA certificate for the loopback
// addresses, and a pool that trusts it.
type certificate struct {
	tls  tls.Certificate
	pool *x509.CertPool
}

func newCertificate(t *testing.T) *certificate {
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
	return &certificate{
		tls:  tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: cert},
		pool: pool,
	}
}
