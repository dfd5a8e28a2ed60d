package transport

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

func do(t *testing.T, c *http.Client, ctx context.Context, method, url string, body []byte) (*http.Response, error) {
	t.Helper()
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, r)
	if err != nil {
		t.Fatal(err)
	}
	return c.Do(req)
}

func mustStatus(t *testing.T, resp *http.Response, err error, want int) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != want {
		t.Fatalf("status = %d, want %d", resp.StatusCode, want)
	}
}

func TestGetRetriedOn503ThenSucceeds(t *testing.T) {
	srv, count := countingServer(t, func(w http.ResponseWriter, _ *http.Request, n int64) {
		if n < 3 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, "ok")
	})
	c := newTestClient(t, fastOptions())

	resp, err := do(t, c, context.Background(), http.MethodGet, srv.URL, nil)
	mustStatus(t, resp, err, http.StatusOK)
	if got := count.Load(); got != 3 {
		t.Fatalf("attempts = %d, want 3", got)
	}
}

func TestIdempotentRetriedOnGatewayErrors(t *testing.T) {
	for _, status := range []int{http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout} {
		for _, method := range []string{http.MethodGet, http.MethodPut, http.MethodDelete} {
			srv, count := statusServer(t, status, "")
			c := newTestClient(t, fastOptions())
			resp, err := do(t, c, context.Background(), method, srv.URL, nil)
			mustStatus(t, resp, err, status)
			if got := count.Load(); got != 4 {
				t.Errorf("%s %d: attempts = %d, want 4", method, status, got)
			}
		}
	}
}

func TestNotRetried(t *testing.T) {
	cases := []struct {
		method     string
		status     int
		retryAfter string
	}{
		{http.MethodGet, http.StatusBadRequest, ""},
		{http.MethodGet, http.StatusNotFound, ""},
		{http.MethodGet, http.StatusNotImplemented, ""},
		{http.MethodPost, http.StatusBadGateway, ""},
		{http.MethodPost, http.StatusGatewayTimeout, ""},
		{http.MethodPost, http.StatusInternalServerError, ""},
		{http.MethodPost, http.StatusServiceUnavailable, ""},
		{http.MethodPatch, http.StatusServiceUnavailable, ""},
		{http.MethodPost, http.StatusBadGateway, "1"},
	}
	for _, tc := range cases {
		srv, count := statusServer(t, tc.status, tc.retryAfter)
		c := newTestClient(t, fastOptions())
		resp, err := do(t, c, context.Background(), tc.method, srv.URL, []byte(`{}`))
		mustStatus(t, resp, err, tc.status)
		if got := count.Load(); got != 1 {
			t.Errorf("%s %d: attempts = %d, want 1", tc.method, tc.status, got)
		}
	}
}

func TestNonIdempotentRetriedWhenServerDidNotAct(t *testing.T) {
	cases := []struct {
		method     string
		status     int
		retryAfter string
	}{
		{http.MethodPost, http.StatusTooManyRequests, ""},
		{http.MethodPatch, http.StatusTooManyRequests, "0"},
		{http.MethodPost, http.StatusServiceUnavailable, "0"},
		{http.MethodPost, http.StatusServiceUnavailable, "1"}, // capped to 1ms by RetryAfterMax
	}
	for _, tc := range cases {
		var mu sync.Mutex
		var bodies []string
		srv, count := countingServer(t, func(w http.ResponseWriter, r *http.Request, n int64) {
			b, _ := io.ReadAll(r.Body)
			mu.Lock()
			bodies = append(bodies, string(b))
			mu.Unlock()
			if n < 3 {
				if tc.retryAfter != "" {
					w.Header().Set("Retry-After", tc.retryAfter)
				}
				w.WriteHeader(tc.status)
				return
			}
			w.WriteHeader(http.StatusCreated)
		})
		c := newTestClient(t, fastOptions())
		resp, err := do(t, c, context.Background(), tc.method, srv.URL, []byte(`{"name":"x"}`))
		mustStatus(t, resp, err, http.StatusCreated)
		if got := count.Load(); got != 3 {
			t.Errorf("%s %d: attempts = %d, want 3", tc.method, tc.status, got)
		}
		mu.Lock()
		for i, b := range bodies { // request body replayed on every attempt
			if b != `{"name":"x"}` {
				t.Errorf("%s %d: body of attempt %d = %q", tc.method, tc.status, i+1, b)
			}
		}
		mu.Unlock()
	}
}

func TestIdempotencyKeyMakesPostRetryable(t *testing.T) {
	srv, count := statusServer(t, http.StatusBadGateway, "")
	c := newTestClient(t, fastOptions())
	req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader("{}"))
	req.Header.Set("Idempotency-Key", "k1")
	resp, err := c.Do(req)
	mustStatus(t, resp, err, http.StatusBadGateway)
	if got := count.Load(); got != 4 {
		t.Fatalf("attempts = %d, want 4", got)
	}
}

// closedAddr returns an address on which nothing listens.
func closedAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close()
	return addr
}

func TestConnectionRefusedRetriedForPost(t *testing.T) {
	for _, method := range []string{http.MethodPost, http.MethodGet} {
		s, err := newStack(fastOptions())
		if err != nil {
			t.Fatal(err)
		}
		var dials atomic.Int64
		dialer := &net.Dialer{}
		s.base.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
			dials.Add(1)
			return dialer.DialContext(ctx, network, addr)
		}
		c := &http.Client{Transport: s}

		resp, err := do(t, c, context.Background(), method, "http://"+closedAddr(t)+"/v1", []byte(`{}`))
		if err == nil {
			resp.Body.Close()
			t.Fatalf("%s: expected an error", method)
		}
		if resp != nil {
			t.Errorf("%s: got a response with the error", method)
		}
		var opErr *net.OpError
		if !errors.As(err, &opErr) || opErr.Op != "dial" {
			t.Errorf("%s: error %v is not a dial error", method, err)
		}
		if got := dials.Load(); got != 4 {
			t.Errorf("%s: dial attempts = %d, want 4", method, got)
		}
	}
}

// hijackServer reads the request, then drops the connection without answering.
func hijackServer(t *testing.T) (string, *atomic.Int64) {
	srv, count := countingServer(t, func(w http.ResponseWriter, r *http.Request, _ int64) {
		_, _ = io.ReadAll(r.Body)
		conn, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		_ = conn.Close()
	})
	return srv.URL, count
}

func TestConnectionDroppedAfterSend(t *testing.T) {
	url, count := hijackServer(t)
	c := newTestClient(t, fastOptions())
	resp, err := do(t, c, context.Background(), http.MethodPost, url, []byte(`{"create":true}`))
	if err == nil {
		resp.Body.Close()
		t.Fatal("POST: expected an error")
	}
	if got := count.Load(); got != 1 {
		t.Fatalf("POST: attempts = %d, want 1 (server may have acted)", got)
	}

	url, count = hijackServer(t)
	resp, err = do(t, c, context.Background(), http.MethodGet, url, nil)
	if err == nil {
		resp.Body.Close()
		t.Fatal("GET: expected an error")
	}
	if got := count.Load(); got != 4 {
		t.Fatalf("GET: attempts = %d, want 4", got)
	}
}

func TestRetriesExhaustedReturnLastResponse(t *testing.T) {
	srv, count := countingServer(t, func(w http.ResponseWriter, _ *http.Request, n int64) {
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = io.WriteString(w, `{"error":"maintenance","attempt":`+string(rune('0'+n))+`}`)
	})
	opts := fastOptions()
	opts.RetryMax = 2
	c := newTestClient(t, opts)

	resp, err := do(t, c, context.Background(), http.MethodGet, srv.URL, nil)
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusServiceUnavailable || string(body) != `{"error":"maintenance","attempt":3}` {
		t.Fatalf("got %d %q, want the last 503 response", resp.StatusCode, body)
	}
	if got := count.Load(); got != 3 {
		t.Fatalf("attempts = %d, want 3", got)
	}
}

func TestRetryMaxNegativeDisablesRetries(t *testing.T) {
	srv, count := statusServer(t, http.StatusServiceUnavailable, "")
	opts := fastOptions()
	opts.RetryMax = -1
	c := newTestClient(t, opts)
	resp, err := do(t, c, context.Background(), http.MethodGet, srv.URL, nil)
	mustStatus(t, resp, err, http.StatusServiceUnavailable)
	if got := count.Load(); got != 1 {
		t.Fatalf("attempts = %d, want 1", got)
	}
}

func TestRetryAfterBeyondContextDeadlineReturnsResponse(t *testing.T) {
	srv, count := statusServer(t, http.StatusTooManyRequests, "1")
	opts := fastOptions()
	opts.RetryAfterMax = time.Hour // honour the full second
	c := newTestClient(t, opts)

	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	resp, err := do(t, c, ctx, http.MethodPost, srv.URL, []byte(`{}`))
	if err != nil {
		t.Fatalf("got error %v, want the 429 response", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusTooManyRequests || string(body) != "Too Many Requests" {
		t.Fatalf("got %d %q, want the 429 response", resp.StatusCode, body)
	}
	if got := count.Load(); got != 1 {
		t.Fatalf("attempts = %d, want 1", got)
	}
}

// signalWriter closes ready once a log line containing substr is written.
type signalWriter struct {
	substr string
	ready  chan struct{}
	once   sync.Once
}

func (w *signalWriter) Write(p []byte) (int, error) {
	if strings.Contains(string(p), w.substr) {
		w.once.Do(func() { close(w.ready) })
	}
	return len(p), nil
}

func TestCancelDuringWaitReturnsPromptly(t *testing.T) {
	srv, count := statusServer(t, http.StatusServiceUnavailable, "3600")
	opts := fastOptions()
	opts.RetryAfterMax = time.Hour // a broken implementation would hang here
	c := newTestClient(t, opts)

	// The policy logs "retrying ..." right before the wait starts.
	w := &signalWriter{substr: "after 1h0m0s because", ready: make(chan struct{})}
	ctx, cancel := context.WithCancel(tflogtest.RootLogger(context.Background(), w))
	defer cancel()
	go func() {
		<-w.ready
		cancel()
	}()
	resp, err := do(t, c, ctx, http.MethodGet, srv.URL, nil)
	if err == nil {
		resp.Body.Close()
		t.Fatal("expected a cancellation error")
	}
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want context.Canceled", err)
	}
	if got := count.Load(); got != 1 {
		t.Fatalf("attempts = %d, want 1", got)
	}
}

func TestCanceledContextNotRetried(t *testing.T) {
	// The context ends while the server handles the request: whatever the
	// outcome (response or context error), there is no further attempt.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv, count := countingServer(t, func(w http.ResponseWriter, _ *http.Request, _ int64) {
		cancel()
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	c := newTestClient(t, fastOptions())
	resp, err := do(t, c, ctx, http.MethodGet, srv.URL, nil)
	if err == nil {
		resp.Body.Close()
		if resp.StatusCode != http.StatusServiceUnavailable {
			t.Fatalf("status = %d, want 503", resp.StatusCode)
		}
	}
	if got := count.Load(); got != 1 {
		t.Fatalf("attempts = %d, want 1", got)
	}
}

func TestTransportAloneRetries(t *testing.T) {
	// Callers such as the Huawei SDK only take the RoundTripper.
	srv, count := statusServer(t, http.StatusTooManyRequests, "")
	c := newTestClient(t, fastOptions())
	sdk := &http.Client{Transport: c.Transport}
	resp, err := do(t, sdk, context.Background(), http.MethodPost, srv.URL, []byte(`{}`))
	mustStatus(t, resp, err, http.StatusTooManyRequests)
	if got := count.Load(); got != 4 {
		t.Fatalf("attempts = %d, want 4", got)
	}
}

func TestRetryableClassification(t *testing.T) {
	dial := &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connect: connection refused")}
	reset := &net.OpError{Op: "read", Net: "tcp", Err: errors.New("connection reset by peer")}
	cases := []struct {
		name       string
		idempotent bool
		err        error
		want       bool
	}{
		{"dial post", false, dial, true},
		{"reset post", false, reset, false},
		{"reset get", true, reset, true},
		{"canceled get", true, context.Canceled, false},
		{"scheme get", true, errors.New(`unsupported protocol scheme "ftp"`), false},
		{"redirects get", true, errors.New("stopped after 10 redirects"), false},
		{"eof post", false, io.ErrUnexpectedEOF, false},
	}
	for _, tc := range cases {
		if _, got := retryable(tc.idempotent, nil, tc.err); got != tc.want {
			t.Errorf("%s: retryable = %v, want %v", tc.name, got, tc.want)
		}
	}
}
