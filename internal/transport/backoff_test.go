package transport

import (
	"net/http"
	"testing"
	"time"
)

func testPolicy(opts Options) *policy {
	p := newPolicy(opts, &logSink{mask: newMasker(nil)})
	fixed := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	p.now = func() time.Time { return fixed }
	return p
}

func response(status int, retryAfter string) *http.Response {
	h := http.Header{}
	if retryAfter != "" {
		h.Set("Retry-After", retryAfter)
	}
	return &http.Response{StatusCode: status, Header: h}
}

func TestBackoffRetryAfter(t *testing.T) {
	p := testPolicy(Options{RetryAfterMax: 2 * time.Second})
	now := p.now()
	cases := []struct {
		name string
		resp *http.Response
		want time.Duration
	}{
		{"seconds capped", response(http.StatusTooManyRequests, "120"), 2 * time.Second},
		{"seconds", response(http.StatusServiceUnavailable, "1"), time.Second},
		{"zero", response(http.StatusTooManyRequests, "0"), 0},
		{"date capped", response(http.StatusTooManyRequests, now.Add(time.Hour).Format(http.TimeFormat)), 2 * time.Second},
		{"date", response(http.StatusServiceUnavailable, now.Add(time.Second).Format(http.TimeFormat)), time.Second},
		{"date in the past", response(http.StatusTooManyRequests, now.Add(-time.Hour).Format(http.TimeFormat)), 0},
		{"huge seconds", response(http.StatusTooManyRequests, "99999999999999"), 2 * time.Second},
	}
	for _, tc := range cases {
		if got := p.backoff(0, tc.resp); got != tc.want {
			t.Errorf("%s: backoff = %s, want %s", tc.name, got, tc.want)
		}
	}

	// Retry-After is only honoured on 429 and 503.
	p = testPolicy(Options{RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond})
	if got := p.backoff(0, response(http.StatusBadGateway, "120")); got != time.Millisecond {
		t.Errorf("502 with Retry-After: backoff = %s, want 1ms", got)
	}
}

func TestBackoffExponentialWithinBounds(t *testing.T) {
	p := testPolicy(Options{}) // defaults: 500ms .. 8s
	if p.waitMin != 500*time.Millisecond || p.waitMax != 8*time.Second || p.retryAfterMax != 30*time.Second || p.retryMax != 10 {
		t.Fatalf("unexpected defaults: %+v", p)
	}
	for _, resp := range []*http.Response{nil, response(http.StatusServiceUnavailable, ""), response(http.StatusTooManyRequests, "soon")} {
		for retry := 0; retry < 10; retry++ {
			hi := min(500*time.Millisecond<<retry, 8*time.Second)
			lo := max(hi/2, 500*time.Millisecond)
			seen := map[time.Duration]bool{}
			for range 200 {
				d := p.backoff(retry, resp)
				if d < lo || d > hi {
					t.Fatalf("retry %d: backoff %s outside [%s, %s]", retry, d, lo, hi)
				}
				seen[d] = true
			}
			if retry > 0 && len(seen) < 2 {
				t.Errorf("retry %d: no jitter", retry)
			}
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, v := range []string{"", "-1", "soon", "1.5"} {
		if _, ok := parseRetryAfter(v, now); ok {
			t.Errorf("parseRetryAfter(%q) accepted", v)
		}
	}
	if d, ok := parseRetryAfter(" 7 ", now); !ok || d != 7*time.Second {
		t.Errorf("parseRetryAfter(7) = %s, %v", d, ok)
	}
	// RFC 850 form is also an HTTP-date.
	if d, ok := parseRetryAfter("Friday, 02-Jan-26 03:04:35 GMT", now); !ok || d != 30*time.Second {
		t.Errorf("parseRetryAfter(RFC 850) = %s, %v", d, ok)
	}
}
