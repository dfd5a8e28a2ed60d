package transport

import (
	"context"
	"net/http"
	"sync"
	"time"
)

// gate spreads one API's throttling to every request the provider sends to
// it: when a host answers 429 (or 503 with Retry-After), no request to that
// host leaves before the wait the answer asked for, whichever resource sent
// it. Without it each of Terraform's parallel operations would learn of the
// throttling on its own, with a 429 of its own.
type gate struct {
	mu        sync.Mutex
	notBefore map[string]time.Time
	now       func() time.Time
	sleep     func(ctx context.Context, d time.Duration) error
}

func newGate() *gate { return &gate{notBefore: map[string]time.Time{}, now: time.Now, sleep: sleepCtx} }

// wait blocks until host may be called, or ctx ends.
func (g *gate) wait(ctx context.Context, host string) error {
	g.mu.Lock()
	until := g.notBefore[host]
	g.mu.Unlock()
	d := until.Sub(g.now())
	if d <= 0 {
		return nil
	}
	return g.sleep(ctx, d)
}

// hold closes host for d from now, unless it is already closed for longer.
func (g *gate) hold(host string, d time.Duration) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if until := g.now().Add(d); until.After(g.notBefore[host]) {
		g.notBefore[host] = until
	}
}

// throttleTransport waits at the gate before each attempt and closes it on
// a throttling answer.
type throttleTransport struct {
	next   http.RoundTripper
	gate   *gate
	policy *policy
}

func (t *throttleTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := t.gate.wait(req.Context(), req.URL.Host); err != nil {
		return nil, err
	}
	resp, err := t.next.RoundTrip(req)
	if err == nil {
		if d, ok := t.policy.throttled(resp); ok {
			t.gate.hold(req.URL.Host, d)
		}
	}
	return resp, err
}

// throttled returns how long the API asked every client to hold off: a
// 429's or 503's Retry-After (capped), or the first backoff for a 429
// without one.
func (p *policy) throttled(resp *http.Response) (time.Duration, bool) {
	switch resp.StatusCode {
	case http.StatusTooManyRequests, http.StatusServiceUnavailable:
		if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), p.now()); ok {
			return min(d, p.retryAfterMax), true
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			return p.waitMin, true
		}
	}
	return 0, false
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
