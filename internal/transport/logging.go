package transport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// maxLoggedBody is the largest body prefix logged at TRACE.
const maxLoggedBody = 16 << 10

// Log field names follow terraform-plugin-sdk's logging HTTP transport.
const (
	fieldTransID   = "tf_http_trans_id"
	fieldAttempt   = "tf_http_attempt"
	fieldOpType    = "tf_http_op_type"
	fieldMethod    = "tf_http_req_method"
	fieldURI       = "tf_http_req_uri"
	fieldReqHeads  = "tf_http_req_headers"
	fieldReqBody   = "tf_http_req_body"
	fieldStatus    = "tf_http_res_status_code"
	fieldResHeads  = "tf_http_res_headers"
	fieldResBody   = "tf_http_res_body"
	fieldTruncated = "tf_http_body_truncated"
	fieldDuration  = "tf_http_duration_ms"
	fieldError     = "error"
	fieldSubsystem = "subsystem"
)

// logSink writes masked entries to tflog's provider root logger.
type logSink struct {
	mask      *masker
	subsystem string
}

func (l *logSink) debug(ctx context.Context, msg string, fields map[string]any) {
	tflog.Debug(ctx, l.mask.String(msg), l.prepare(fields))
}

func (l *logSink) trace(ctx context.Context, msg string, fields map[string]any) {
	tflog.Trace(ctx, l.mask.String(msg), l.prepare(fields))
}

// prepare masks literal secrets in every string field (values built by the
// masker are masked again, harmlessly) and adds the subsystem.
func (l *logSink) prepare(fields map[string]any) map[string]any {
	out := make(map[string]any, len(fields)+1)
	for k, v := range fields {
		switch t := v.(type) {
		case string:
			out[k] = l.mask.String(t)
		case map[string]string:
			m := make(map[string]string, len(t))
			for hk, hv := range t {
				m[hk] = l.mask.String(hv)
			}
			out[k] = m
		default:
			out[k] = v
		}
	}
	if l.subsystem != "" {
		out[fieldSubsystem] = l.subsystem
	}
	return out
}

// fields returns the fields identifying an attempt of st.
func (st *reqState) fields(attempt int) map[string]any {
	return map[string]any{fieldTransID: st.id, fieldAttempt: attempt, fieldMethod: st.method, fieldURI: st.uri}
}

// errText renders err without *url.Error's operation and URL, whose query
// string could hold secrets that literal masking does not know about.
func errText(err error) string {
	for {
		var ue *url.Error
		if !errors.As(err, &ue) {
			return err.Error()
		}
		err = ue.Err
	}
}

// loggingTransport sets the User-Agent and logs each attempt.
type loggingTransport struct {
	next      http.RoundTripper
	userAgent string
	log       *logSink
}

func (t *loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	out := req.Clone(ctx) // RoundTrip must not modify req.
	if t.userAgent != "" {
		out.Header.Set("User-Agent", t.userAgent)
	}

	attempt, id := 1, ""
	if st := stateFrom(ctx); st != nil {
		attempt, id = int(st.attempt.Load()), st.id
	}
	uri := t.log.mask.URL(out.URL)
	base := func() map[string]any {
		return map[string]any{fieldTransID: id, fieldAttempt: attempt, fieldMethod: out.Method, fieldURI: uri}
	}

	trace := tflog.IsTrace(ctx)
	if trace {
		t.traceRequest(ctx, out, base())
	}

	start := time.Now()
	resp, err := t.next.RoundTrip(out)
	elapsed := time.Since(start)

	if trace && resp != nil {
		t.traceResponse(ctx, resp, base())
	}

	f := base()
	f[fieldDuration] = elapsed.Milliseconds()
	if err != nil {
		f[fieldError] = errText(err)
		t.log.debug(ctx, fmt.Sprintf("HTTP %s %s failed after %s (attempt %d): %s",
			out.Method, uri, elapsed.Round(time.Millisecond), attempt, errText(err)), f)
		return resp, err
	}
	f[fieldStatus] = resp.StatusCode
	t.log.debug(ctx, fmt.Sprintf("HTTP %s %s -> %s in %s (attempt %d)",
		out.Method, uri, resp.Status, elapsed.Round(time.Millisecond), attempt), f)
	return resp, nil
}

func (t *loggingTransport) traceRequest(ctx context.Context, req *http.Request, f map[string]any) {
	f[fieldOpType] = "request"
	f[fieldReqHeads] = t.log.mask.Headers(req.Header)
	if req.Body != nil && req.Body != http.NoBody && textual(req.Header) {
		b, body, truncated := peek(req.Body)
		req.Body = body
		if textualBytes(req.Header, b) {
			f[fieldReqBody] = t.log.mask.Body(b, req.Header.Get("Content-Type"), truncated)
			f[fieldTruncated] = truncated
		}
	}
	t.log.trace(ctx, fmt.Sprintf("HTTP request %s %v", req.Method, f[fieldURI]), f)
}

func (t *loggingTransport) traceResponse(ctx context.Context, resp *http.Response, f map[string]any) {
	f[fieldOpType] = "response"
	f[fieldStatus] = resp.StatusCode
	f[fieldResHeads] = t.log.mask.Headers(resp.Header)
	if resp.Body != nil && resp.Body != http.NoBody && resp.ContentLength != 0 &&
		resp.StatusCode != http.StatusSwitchingProtocols && textual(resp.Header) {
		b, body, truncated := peek(resp.Body)
		resp.Body = body
		if textualBytes(resp.Header, b) {
			f[fieldResBody] = t.log.mask.Body(b, resp.Header.Get("Content-Type"), truncated)
			f[fieldTruncated] = truncated
		}
	}
	t.log.trace(ctx, fmt.Sprintf("HTTP response %d", resp.StatusCode), f)
}

// textual reports whether a body with these headers may be logged: an
// uncompressed text, JSON, XML or form body, or one without a Content-Type
// (then the bytes themselves are checked by textualBytes).
func textual(h http.Header) bool {
	if ce := h.Get("Content-Encoding"); ce != "" && !strings.EqualFold(ce, "identity") {
		return false
	}
	mt := mediaType(h.Get("Content-Type"))
	switch {
	case mt == "",
		strings.HasPrefix(mt, "text/"),
		mt == "application/json", strings.HasSuffix(mt, "+json"),
		mt == "application/xml", strings.HasSuffix(mt, "+xml"),
		mt == "application/x-www-form-urlencoded",
		mt == "application/javascript":
		return true
	}
	return false
}

// textualBytes rejects binary content sent without a Content-Type.
func textualBytes(h http.Header, b []byte) bool {
	if h.Get("Content-Type") != "" {
		return true
	}
	// A truncated prefix may end inside a rune.
	for i := 0; i < utf8.UTFMax && len(b) > 0 && !utf8.Valid(b); i++ {
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}

// peek reads up to maxLoggedBody bytes of rc for logging and returns a body
// that still yields the complete original content (and error) and closes rc.
func peek(rc io.ReadCloser) ([]byte, io.ReadCloser, bool) {
	b, err := io.ReadAll(io.LimitReader(rc, maxLoggedBody+1))
	rest := io.Reader(rc)
	if err != nil {
		rest = errReader{err}
	}
	body := readCloser{Reader: io.MultiReader(bytes.NewReader(b), rest), Closer: rc}
	if len(b) > maxLoggedBody {
		return b[:maxLoggedBody], body, true
	}
	return b, body, false
}

type readCloser struct {
	io.Reader
	io.Closer
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// drainAndClose reads a little of body so the connection can be reused, then
// closes it.
func drainAndClose(body io.ReadCloser) {
	if body == nil {
		return
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(body, 4096))
	_ = body.Close()
}
