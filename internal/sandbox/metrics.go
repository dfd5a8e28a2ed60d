package sandbox

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
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
}

// metrics counts requests per route pattern and method. It is safe for
// concurrent use.
type metrics struct {
	mu     sync.Mutex
	routes map[string]*routeStats
}

func newMetrics() *metrics {
	return &metrics{routes: map[string]*routeStats{}}
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

// record counts one response.
func (m *metrics) record(key string, status int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	st, ok := m.routes[key]
	if !ok {
		st = &routeStats{Status: map[string]int64{}}
		m.routes[key] = st
	}
	st.Requests++
	st.Status[strconv.Itoa(status)]++
}

// snapshot returns a deep copy of the counters.
func (m *metrics) snapshot() metricsSnapshot {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := metricsSnapshot{Routes: make(map[string]*routeStats, len(m.routes))}
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

// statusRecorder remembers the status code written through it.
type statusRecorder struct {
	http.ResponseWriter
	status int
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

// observe returns the route key and status of a request served by mux. The
// ServeMux sets r.Pattern on the request it is given, so it is read after
// ServeHTTP returns.
func observe(mux *http.ServeMux, w http.ResponseWriter, r *http.Request) (key string, status int) {
	r, unmatched := backend.WithUnmatchedFlag(r)
	rec := &statusRecorder{ResponseWriter: w}
	mux.ServeHTTP(rec, r)
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	return routeKey(r.Method, r.Pattern, unmatched.Load()), rec.status
}
