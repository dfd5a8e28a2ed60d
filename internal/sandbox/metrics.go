package sandbox

import (
	"bufio"
	"encoding/json"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/notice"
)

// unmatchedKey counts requests that no route served: no pattern matched, or
// a backend's fallback handler answered (backend.MarkUnmatched).
const unmatchedKey = "unmatched"

// routeStats counts the requests of one route and method.
type routeStats struct {
	Requests int64            `json:"requests"`
	Status   map[string]int64 `json:"status"`
}

// metricsSnapshot is the body of GET /_sandbox/metrics.
type metricsSnapshot struct {
	Routes map[string]*routeStats `json:"routes"`
	// Faults counts the injected faults by kind (5xx, 429, reset,
	// reset_after, latency, stall, fail).
	Faults map[string]int64 `json:"faults"`
	// Notice is how late clients noticed finished transitions, by kind.
	Notice map[string]notice.Stats `json:"notice"`
}

// statusReset is the status recorded for a request whose connection was
// closed without an answer (an injected reset).
const statusReset = "reset"

// metrics counts requests per route pattern and method. It is safe for
// concurrent use.
type metrics struct {
	mu     sync.Mutex
	routes map[string]*routeStats
	hooks  backend.Hooks
}

func newMetrics(h backend.Hooks) *metrics {
	return &metrics{routes: map[string]*routeStats{}, hooks: h}
}

// routeKey names the counter of a request served by pattern: the pattern
// itself when it names a method ("POST /accounts/{account_id}/…"), else the
// method and the pattern, so that method-less patterns (405 answers) are
// still counted per method.
func routeKey(method, pattern string, unmatched bool) string {
	switch {
	case unmatched || pattern == "":
		return unmatchedKey
	case strings.HasPrefix(pattern, "/"):
		return method + " " + pattern
	default:
		return pattern
	}
}

// record counts one response; status is an HTTP status code or statusReset.
func (m *metrics) record(key, status string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	st, ok := m.routes[key]
	if !ok {
		st = &routeStats{Status: map[string]int64{}}
		m.routes[key] = st
	}
	st.Requests++
	st.Status[status]++
}

// snapshot returns a deep copy of the counters.
func (m *metrics) snapshot() metricsSnapshot {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := metricsSnapshot{Routes: make(map[string]*routeStats, len(m.routes)), Faults: m.hooks.Faults.Counts(), Notice: m.hooks.Notice.Snapshot()}
	for key, st := range m.routes {
		status := make(map[string]int64, len(st.Status))
		for code, n := range st.Status {
			status[code] = n
		}
		out.Routes[key] = &routeStats{Requests: st.Requests, Status: status}
	}
	return out
}

// serveHTTP answers GET /_sandbox/metrics.
func (m *metrics) serveHTTP(w http.ResponseWriter, _ *http.Request) {
	body, err := json.Marshal(m.snapshot())
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(append(body, '\n'))
}

// statusRecorder remembers the status code written through it, and
// whether the connection was hijacked (closed without an answer).
type statusRecorder struct {
	http.ResponseWriter
	status   int
	hijacked bool
}

// Hijack hands the connection over, as the writer below it does.
func (r *statusRecorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	r.hijacked = true
	return http.NewResponseController(r.ResponseWriter).Hijack()
}

func (r *statusRecorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// observe serves r with h (mux behind the fault injector) and returns the
// request's route key and status. The ServeMux sets r.Pattern on the
// request it is given, so it is read after ServeHTTP returns; when a fault
// answered before the mux saw the request, the mux is asked for the pattern.
func observe(mux *http.ServeMux, h http.Handler, w http.ResponseWriter, r *http.Request) (key, status string) {
	r, unmatched := backend.WithUnmatchedFlag(r)
	rec := &statusRecorder{ResponseWriter: w}
	h.ServeHTTP(rec, r)
	if r.Pattern == "" {
		_, r.Pattern = mux.Handler(r)
	}
	switch {
	case rec.hijacked && rec.status == 0:
		status = statusReset
	case rec.status == 0:
		status = strconv.Itoa(http.StatusOK)
	default:
		status = strconv.Itoa(rec.status)
	}
	return routeKey(r.Method, r.Pattern, unmatched.Load()), status
}
