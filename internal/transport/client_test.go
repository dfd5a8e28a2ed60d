package transport

import (
	"context"
	"encoding/pem"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

func TestUserAgent(t *testing.T) {
	if got := UserAgent("1.2.3"); got != "terraform-provider-continuity/1.2.3" {
		t.Fatalf("UserAgent = %q", got)
	}
	if got := UserAgent(""); got != "terraform-provider-continuity/dev" {
		t.Fatalf("UserAgent(\"\") = %q", got)
	}

	var mu sync.Mutex
	var seen []string
	srv, _ := countingServer(t, func(w http.ResponseWriter, r *http.Request, n int64) {
		mu.Lock()
		seen = append(seen, r.UserAgent())
		mu.Unlock()
		if n == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
	opts := fastOptions()
	opts.UserAgent = UserAgent("1.2.3")
	c := newTestClient(t, opts)
	req, _ := http.NewRequest(http.MethodGet, srv.URL, nil)
	req.Header.Set("User-Agent", "sdk/0.1")
	resp, err := c.Do(req)
	mustStatus(t, resp, err, http.StatusOK)
	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 2 || seen[0] != opts.UserAgent || seen[1] != opts.UserAgent {
		t.Fatalf("User-Agent seen by server = %q", seen)
	}
	if req.Header.Get("User-Agent") != "sdk/0.1" {
		t.Fatal("the caller's request was modified")
	}
}

func TestPooledTransport(t *testing.T) {
	s, err := newStack(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.base.MaxIdleConnsPerHost < 10 || s.base.MaxIdleConns != 100 || s.base.DisableKeepAlives {
		t.Fatalf("pool settings: perHost=%d total=%d keepAlivesOff=%v",
			s.base.MaxIdleConnsPerHost, s.base.MaxIdleConns, s.base.DisableKeepAlives)
	}
	if s.base.TLSClientConfig.MinVersion != 0x0303 {
		t.Fatalf("MinVersion = %x, want TLS 1.2", s.base.TLSClientConfig.MinVersion)
	}
}

func writeCA(t *testing.T, srv *httptest.Server) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ca.pem")
	data := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func tlsServer(t *testing.T) *httptest.Server {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("ok"))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestCAFile(t *testing.T) {
	srv := tlsServer(t)
	opts := fastOptions()
	opts.CAFile = writeCA(t, srv)
	c := newTestClient(t, opts)
	resp, err := do(t, c, context.Background(), http.MethodGet, srv.URL, nil)
	mustStatus(t, resp, err, http.StatusOK)
}

func TestCAFileErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.pem")
	if _, err := New(Options{CAFile: missing}); err == nil || !strings.Contains(err.Error(), missing) {
		t.Fatalf("missing CA file: err = %v, want one naming %s", err, missing)
	}
	garbage := filepath.Join(t.TempDir(), "garbage.pem")
	if err := os.WriteFile(garbage, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{CAFile: garbage}); err == nil || !strings.Contains(err.Error(), garbage) {
		t.Fatalf("invalid CA file: err = %v, want one naming %s", err, garbage)
	}
}

func TestInsecure(t *testing.T) {
	srv := tlsServer(t)
	opts := fastOptions()
	opts.Insecure = true
	c := newTestClient(t, opts)
	resp, err := do(t, c, context.Background(), http.MethodGet, srv.URL, nil)
	mustStatus(t, resp, err, http.StatusOK)
}

func TestUntrustedCertificateNotRetried(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	srv.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			hits.Add(1)
		}
	}
	srv.Config.ErrorLog = discardLogger()
	srv.StartTLS()
	t.Cleanup(srv.Close)

	c := newTestClient(t, fastOptions())
	resp, err := do(t, c, context.Background(), http.MethodGet, srv.URL, nil)
	if err == nil {
		resp.Body.Close()
		t.Fatal("expected a certificate error")
	}
	if hits.Load() != 1 {
		t.Fatalf("connections = %d, want 1 (no retry on certificate errors)", hits.Load())
	}
}

func discardLogger() *log.Logger { return log.New(io.Discard, "", 0) }
