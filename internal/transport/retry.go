package transport

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"regexp"
	"time"
)

// policy decides whether and when to retry. It replaces retryablehttp's
// DefaultRetryPolicy, which retries every 5xx for every method.
type policy struct {
	retryMax      int
	waitMin       time.Duration
	waitMax       time.Duration
	retryAfterMax time.Duration
	now           func() time.Time
	log           *logSink
}

func newPolicy(opts Options, log *logSink) *policy {
	p := &policy{
		retryMax:      opts.RetryMax,
		waitMin:       opts.RetryWaitMin,
		waitMax:       opts.RetryWaitMax,
		retryAfterMax: opts.RetryAfterMax,
		now:           time.Now,
		log:           log,
	}
	switch {
	case p.retryMax == 0:
		p.retryMax = defaultRetryMax
	case p.retryMax < 0:
		p.retryMax = 0
	}
	if p.waitMin <= 0 {
		p.waitMin = defaultRetryWaitMin
	}
	if p.waitMax <= 0 {
		p.waitMax = defaultRetryWaitMax
	}
	if p.waitMax < p.waitMin {
		p.waitMax = p.waitMin
	}
	if p.retryAfterMax <= 0 {
		p.retryAfterMax = defaultRetryAfterMax
	}
	return p
}

// check is the CheckRetry callback. On a positive answer it stores the wait
// in st for the Backoff callback, so the wait that was checked against the
// context deadline is exactly the wait that is slept.
func (p *policy) check(ctx context.Context, st *reqState, resp *http.Response, err error) bool {
	if ctx.Err() != nil {
		return false
	}
	reason, ok := retryable(st.idempotent, resp, err)
	if !ok {
		return false
	}
	attempt := int(st.attempt.Load())
	if attempt > p.retryMax {
		p.log.debug(ctx, fmt.Sprintf("giving up on %s %s after %d attempt(s): %s",
			st.method, st.uri, attempt, reason), st.fields(attempt))
		return false
	}
	wait := p.backoff(attempt-1, resp)
	if deadline, has := ctx.Deadline(); has && p.now().Add(wait).After(deadline) {
		p.log.debug(ctx, fmt.Sprintf("not retrying %s %s: the next wait of %s would end after the context deadline (%s)",
			st.method, st.uri, wait, reason), st.fields(attempt))
		return false
	}
	st.wait = wait
	p.log.debug(ctx, fmt.Sprintf("retrying %s %s after %s because %s (retry %d of %d)",
		st.method, st.uri, wait, reason, attempt, p.retryMax), st.fields(attempt))
	return true
}

// retryable classifies an attempt's outcome and explains the decision.
func retryable(idempotent bool, resp *http.Response, err error) (string, bool) {
	if err != nil {
		if permanentError(err) {
			return "", false
		}
		if idempotent {
			return "connection error: " + errText(err), true
		}
		if neverSent(err) {
			return "connection error before the request was sent: " + errText(err), true
		}
		// The server may have acted on a non-idempotent request.
		return "", false
	}
	if resp == nil {
		return "", false
	}
	switch resp.StatusCode {
	case http.StatusTooManyRequests:
		// The server refused without acting, whatever the method.
		return "HTTP " + resp.Status, true
	case http.StatusInternalServerError, http.StatusBadGateway, http.StatusGatewayTimeout:
		// A request safe to repeat is repeated; a POST may have been
		// acted on (adopt finds out).
		if idempotent {
			return "HTTP " + resp.Status, true
		}
	case http.StatusServiceUnavailable:
		if idempotent {
			return "HTTP " + resp.Status, true
		}
		// With Retry-After the server says it did not act.
		if _, ok := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			return "HTTP " + resp.Status + " with Retry-After", true
		}
	}
	return "", false
}

var idempotentMethods = map[string]bool{
	http.MethodGet:     true,
	http.MethodHead:    true,
	http.MethodOptions: true,
	http.MethodTrace:   true,
	http.MethodPut:     true,
	http.MethodDelete:  true,
}

// isIdempotent reports whether req may safely be sent twice. Like net/http,
// an Idempotency-Key or X-Idempotency-Key header makes any method idempotent,
// and so does a context marked by Idempotent.
func isIdempotent(req *http.Request) bool {
	if idempotentMethods[req.Method] {
		return true
	}
	if marked, _ := req.Context().Value(idempotentKey{}).(bool); marked {
		return true
	}
	for _, h := range []string{"Idempotency-Key", "X-Idempotency-Key"} {
		if _, ok := req.Header[h]; ok {
			return true
		}
	}
	return false
}

// neverSent reports whether err proves the request never reached the server:
// the connection (to the server or to the proxy) could not be established.
func neverSent(err error) bool {
	var opErr *net.OpError
	if errors.As(err, &opErr) {
		return opErr.Op == "dial" || opErr.Op == "proxyconnect"
	}
	return false
}

var permanentErrorRe = regexp.MustCompile(
	`stopped after \d+ redirects\z|unsupported protocol scheme|invalid header|certificate is not trusted`)

// permanentError reports errors that a retry cannot fix.
func permanentError(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var (
		verifyErr   *tls.CertificateVerificationError
		unknownAuth x509.UnknownAuthorityError
		invalidCert x509.CertificateInvalidError
		hostErr     x509.HostnameError
		recordErr   tls.RecordHeaderError
		alertErr    tls.AlertError
	)
	switch {
	case errors.As(err, &verifyErr), errors.As(err, &unknownAuth), errors.As(err, &invalidCert),
		errors.As(err, &hostErr), errors.As(err, &recordErr), errors.As(err, &alertErr):
		return true
	}
	return permanentErrorRe.MatchString(err.Error())
}

type idempotentKey struct{}

// Idempotent marks the requests sent with ctx as safe to send twice whatever
// their method, such as a POST that only asks for a new token (Keystone's
// POST /v3/auth/tokens): they are then retried like GETs.
func Idempotent(ctx context.Context) context.Context {
	return context.WithValue(ctx, idempotentKey{}, true)
}
