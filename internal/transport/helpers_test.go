package transport

import (
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// fastOptions returns options with tiny waits so tests never really sleep.
func fastOptions() Options {
	return Options{
		RetryMax:      3,
		RetryWaitMin:  time.Millisecond,
		RetryWaitMax:  time.Millisecond,
		RetryAfterMax: time.Millisecond,
	}
}

func newTestClient(t *testing.T, opts Options) *http.Client {
	t.Helper()
	c, err := New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(c.CloseIdleConnections)
	return c
}

// countingServer answers with handler and counts the requests it receives.
func countingServer(t *testing.T, handler func(w http.ResponseWriter, r *http.Request, n int64)) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var count atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		handler(w, r, count.Add(1))
	}))
	t.Cleanup(srv.Close)
	return srv, &count
}

// statusServer always answers with status and an optional Retry-After.
func statusServer(t *testing.T, status int, retryAfter string) (*httptest.Server, *atomic.Int64) {
	return countingServer(t, func(w http.ResponseWriter, _ *http.Request, _ int64) {
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(http.StatusText(status)))
	})
}
