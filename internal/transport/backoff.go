package transport

import (
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// backoff returns the wait before retry number retry+1 (retry is 0 for the
// wait after the first attempt). A Retry-After header on 429 or 503 is
// honoured, capped at retryAfterMax; otherwise the wait is exponential from
// waitMin, capped at waitMax, with jitter.
func (p *policy) backoff(retry int, resp *http.Response) time.Duration {
	if resp != nil && (resp.StatusCode == http.StatusTooManyRequests ||
		resp.StatusCode == http.StatusServiceUnavailable) {
		if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), p.now()); ok {
			return min(d, p.retryAfterMax)
		}
	}
	return p.exponential(retry)
}

// exponential returns a wait drawn from [max(d/2, waitMin), d], where
// d = waitMin·2^retry capped at waitMax ("equal jitter").
func (p *policy) exponential(retry int) time.Duration {
	d := p.waitMin
	for i := 0; i < retry && d < p.waitMax; i++ {
		d *= 2
	}
	d = min(d, p.waitMax)
	lo := max(d/2, p.waitMin)
	if lo >= d {
		return d
	}
	return lo + rand.N(d-lo+1)
}

// maxRetryAfterSeconds keeps Retry-After arithmetic far from overflow.
const maxRetryAfterSeconds = 1 << 31

// parseRetryAfter parses a Retry-After value, either delay-seconds or an
// HTTP-date (relative to now). A date in the past yields 0.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		return time.Duration(min(secs, maxRetryAfterSeconds)) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}
