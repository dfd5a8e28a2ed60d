package transport

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"sync/atomic"
	"time"

	cleanhttp "github.com/hashicorp/go-cleanhttp"
	retryablehttp "github.com/hashicorp/go-retryablehttp"
)

const (
	providerName = "terraform-provider-continuity"

	// defaultRetryMax is high because every retry is also bounded by the
	// operation's timeout (the context's deadline): under an API failing
	// 40 % of the time, 10 retries leave about one request in 10,000 failed.
	defaultRetryMax      = 10
	defaultRetryWaitMin  = 500 * time.Millisecond
	defaultRetryWaitMax  = 8 * time.Second
	defaultRetryAfterMax = 30 * time.Second

	maxIdleConns        = 100
	maxIdleConnsPerHost = 16 // Terraform's default -parallelism is 10.
)

// UserAgent returns "terraform-provider-continuity/<version>"; an empty
// version is reported as "dev".
func UserAgent(version string) string {
	if version == "" {
		version = "dev"
	}
	return providerName + "/" + version
}

// Options configures the HTTP stack built by New. The zero value is usable.
type Options struct {
	// UserAgent is set on every request, replacing any existing value.
	UserAgent string
	// Insecure skips TLS certificate verification.
	Insecure bool
	// CAFile is a PEM bundle added to the system certificate pool. An
	// unreadable file or one without certificates makes New fail.
	CAFile string
	// RetryMax is the number of retries after the first attempt: 0 selects
	// the default of 10 and a negative value disables retries.
	RetryMax int
	// RetryWaitMin is the first exponential backoff wait (default 500ms).
	RetryWaitMin time.Duration
	// RetryWaitMax caps the exponential backoff wait (default 8s).
	RetryWaitMax time.Duration
	// RetryAfterMax caps a server's Retry-After (default 30s).
	RetryAfterMax time.Duration
	// SecretValues are literal secrets (configured tokens, passwords) that
	// are masked wherever they appear in logged text.
	SecretValues []string
	// Subsystem, when set, is added to every log entry as the "subsystem"
	// field, for example "astra".
	Subsystem string
}

// New returns an HTTP client whose Transport is the complete stack: retries,
// logging and User-Agent over a pooled transport. The client has no overall
// timeout; bound each call with its request context.
func New(opts Options) (*http.Client, error) {
	s, err := newStack(opts)
	if err != nil {
		return nil, err
	}
	return &http.Client{Transport: s}, nil
}

// stack is the http.RoundTripper returned inside New's client.
type stack struct {
	base   *http.Transport
	inner  *http.Client
	policy *policy
}

func newStack(opts Options) (*stack, error) {
	tlsCfg, err := tlsConfig(opts)
	if err != nil {
		return nil, err
	}

	base := cleanhttp.DefaultPooledTransport()
	base.MaxIdleConns = maxIdleConns
	base.MaxIdleConnsPerHost = maxIdleConnsPerHost
	base.DisableKeepAlives = false
	base.TLSClientConfig = tlsCfg

	log := &logSink{mask: newMasker(opts.SecretValues), subsystem: opts.Subsystem}
	p := newPolicy(opts, log)
	return &stack{
		base: base,
		// The logging transport deliberately does not implement
		// CloseIdleConnections, so retryablehttp's habit of closing idle
		// connections after a failed request does not empty the shared pool.
		inner: &http.Client{Transport: &loggingTransport{
			next:      &throttleTransport{next: base, gate: newGate(), policy: p},
			userAgent: opts.UserAgent,
			log:       log,
		}},
		policy: p,
	}, nil
}

// RoundTrip runs one logical request through retryablehttp. A fresh
// retryablehttp.Client is built per request so that its CheckRetry and
// Backoff callbacks share per-request state (method, attempt number and the
// wait chosen by the policy).
func (s *stack) RoundTrip(req *http.Request) (*http.Response, error) {
	st := &reqState{
		id:         newTransactionID(),
		method:     req.Method,
		uri:        s.policy.log.mask.URL(req.URL),
		idempotent: isIdempotent(req),
	}
	ctx := context.WithValue(req.Context(), reqStateKey{}, st)

	rc := &retryablehttp.Client{
		HTTPClient:   s.inner,
		Logger:       nil, // nothing goes to stderr; we log through tflog.
		RetryWaitMin: s.policy.waitMin,
		RetryWaitMax: s.policy.waitMax,
		RetryMax:     s.policy.retryMax,
		RequestLogHook: func(_ retryablehttp.Logger, _ *http.Request, i int) {
			st.attempt.Store(int64(i + 1))
		},
		CheckRetry: func(ctx context.Context, resp *http.Response, err error) (bool, error) {
			return s.policy.check(ctx, st, resp, err), nil
		},
		Backoff: func(_, _ time.Duration, _ int, _ *http.Response) time.Duration {
			return st.wait
		},
		ErrorHandler: passthrough,
	}
	resp, err := (&retryablehttp.RoundTripper{Client: rc}).RoundTrip(req.WithContext(ctx))
	// retryablehttp read the caller's body into memory but did not close it;
	// a RoundTripper must.
	if req.Body != nil {
		_ = req.Body.Close()
	}
	return resp, err
}

// CloseIdleConnections closes idle connections of the pooled transport.
func (s *stack) CloseIdleConnections() {
	s.base.CloseIdleConnections()
}

// passthrough is retryablehttp.PassthroughErrorHandler (return the last
// response so the API's own error reaches the user), except that it never
// returns a response together with an error, which http.RoundTripper forbids.
func passthrough(resp *http.Response, err error, attempts int) (*http.Response, error) {
	if err != nil {
		if resp != nil {
			drainAndClose(resp.Body)
		}
		return nil, err
	}
	if resp == nil {
		return nil, fmt.Errorf("giving up after %d attempt(s)", attempts)
	}
	return retryablehttp.PassthroughErrorHandler(resp, nil, attempts)
}

// reqState is shared by the callbacks and the logging transport for one
// logical request; it travels in the request context.
type reqState struct {
	id         string
	method     string
	uri        string // masked
	idempotent bool
	attempt    atomic.Int64  // 1-based number of the attempt in flight
	wait       time.Duration // wait chosen by the last positive CheckRetry
}

type reqStateKey struct{}

func stateFrom(ctx context.Context) *reqState {
	st, _ := ctx.Value(reqStateKey{}).(*reqState)
	return st
}

func newTransactionID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
