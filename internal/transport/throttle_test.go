package transport

import (
	"context"
	"net/http"
	"testing"
	"time"
)

// fakeClock is a gate clock that moves only when the gate sleeps.
type fakeClock struct {
	t     time.Time
	slept []time.Duration
}

func (c *fakeClock) now() time.Time { return c.t }

func (c *fakeClock) sleep(_ context.Context, d time.Duration) error {
	c.slept = append(c.slept, d)
	c.t = c.t.Add(d)
	return nil
}

func fakeGate() (*gate, *fakeClock) {
	c := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	g := newGate()
	g.now, g.sleep = c.now, c.sleep
	return g, c
}

func TestGateHoldsOneHostOnlyAndNeverShortensAHold(t *testing.T) {
	g, c := fakeGate()
	g.hold("api.example", 3*time.Second)
	g.hold("api.example", time.Second) // a shorter hold does not shorten the first
	if err := g.wait(context.Background(), "other.example"); err != nil || len(c.slept) != 0 {
		t.Fatalf("another host waited: %v %v", c.slept, err)
	}
	if err := g.wait(context.Background(), "api.example"); err != nil || len(c.slept) != 1 || c.slept[0] != 3*time.Second {
		t.Fatalf("slept %v, want [3s]", c.slept)
	}
	if err := g.wait(context.Background(), "api.example"); err != nil || len(c.slept) != 1 {
		t.Fatalf("waited again after the hold ended: %v", c.slept)
	}
}

func TestGateWaitEndsWithTheContext(t *testing.T) {
	g := newGate()
	g.hold("api.example", time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := g.wait(ctx, "api.example"); err == nil {
		t.Fatal("waited past a cancelled context")
	}
}

func TestAThrottledAnswerHoldsEveryRequestToTheHost(t *testing.T) {
	// The first request (of one resource) is throttled with Retry-After: 2;
	// a request of another resource to the same host, sent right after,
	// waits at the gate before it leaves.
	srv, count := countingServer(t, func(w http.ResponseWriter, r *http.Request, n int64) {
		if n == 1 {
			w.Header().Set("Retry-After", "2")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
	opts := fastOptions()
	opts.RetryMax = -1 // the first answer reaches the caller
	opts.RetryAfterMax = 10 * time.Second
	c := newTestClient(t, opts)
	g, clock := fakeGate()
	c.Transport.(*stack).inner.Transport.(*loggingTransport).next.(*throttleTransport).gate = g

	resp, err := do(t, c, context.Background(), http.MethodGet, srv.URL+"/first", nil)
	mustStatus(t, resp, err, http.StatusTooManyRequests)
	resp, err = do(t, c, context.Background(), http.MethodPost, srv.URL+"/second", []byte("{}"))
	mustStatus(t, resp, err, http.StatusOK)
	if count.Load() != 2 || len(clock.slept) != 1 || clock.slept[0] != 2*time.Second {
		t.Fatalf("%d requests, gate slept %v; want the second request held 2s", count.Load(), clock.slept)
	}
}

func TestThrottledCapsRetryAfterAndHoldsA429WithoutOne(t *testing.T) {
	p := testPolicy(Options{RetryAfterMax: 5 * time.Second, RetryWaitMin: 300 * time.Millisecond})
	for _, tc := range []struct {
		resp *http.Response
		want time.Duration
		ok   bool
	}{
		{response(http.StatusTooManyRequests, "60"), 5 * time.Second, true},
		{response(http.StatusServiceUnavailable, "1"), time.Second, true},
		{response(http.StatusTooManyRequests, ""), 300 * time.Millisecond, true},
		{response(http.StatusServiceUnavailable, ""), 0, false},
		{response(http.StatusOK, "1"), 0, false},
	} {
		if d, ok := p.throttled(tc.resp); d != tc.want || ok != tc.ok {
			t.Errorf("HTTP %d Retry-After %q: %v %v, want %v %v", tc.resp.StatusCode, tc.resp.Header.Get("Retry-After"), d, ok, tc.want, tc.ok)
		}
	}
}

func TestAPostMarkedIdempotentIsRetriedOn502(t *testing.T) {
	srv, count := countingServer(t, func(w http.ResponseWriter, _ *http.Request, n int64) {
		if n == 1 {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		w.WriteHeader(http.StatusCreated)
	})
	c := newTestClient(t, fastOptions())
	resp, err := do(t, c, Idempotent(context.Background()), http.MethodPost, srv.URL+"/v3/auth/tokens", []byte("{}"))
	mustStatus(t, resp, err, http.StatusCreated)
	if count.Load() != 2 {
		t.Fatalf("%d requests, want 2", count.Load())
	}
	resp, err = do(t, c, context.Background(), http.MethodPost, srv.URL+"/v2/p/shares", []byte("{}"))
	mustStatus(t, resp, err, http.StatusCreated)
}
