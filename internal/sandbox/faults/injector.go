package faults

import (
	"encoding/binary"
	"encoding/json"
	"hash/fnv"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Kinds of injected faults, as counted by Counts.
const (
	Kind5xx        = "5xx"
	Kind429        = "429"
	KindReset      = "reset"
	KindResetAfter = "reset_after"
	KindLatency    = "latency"
	KindStall      = "stall"
	KindFail       = "fail"
)

// Injector applies a Spec. It is safe for concurrent use, and its spec can
// be replaced while the sandbox serves (POST /_sandbox/faults). A nil
// *Injector injects nothing.
type Injector struct {
	mu       sync.Mutex
	spec     Spec
	seen     map[string]uint64 // requests per "METHOD /path", for the decisions
	injected map[string]int64
}

// New returns an injector of spec.
func New(spec Spec) *Injector {
	return &Injector{spec: spec, seen: map[string]uint64{}, injected: map[string]int64{}}
}

// Spec returns the spec in force.
func (i *Injector) Spec() Spec {
	if i == nil {
		return Spec{}
	}
	i.mu.Lock()
	defer i.mu.Unlock()
	return i.spec
}

// Set replaces the spec; the decisions start again from the new seed.
func (i *Injector) Set(spec Spec) {
	i.mu.Lock()
	defer i.mu.Unlock()
	i.spec = spec
	i.seen = map[string]uint64{}
}

// Counts returns the number of faults injected so far, by kind.
func (i *Injector) Counts() map[string]int64 {
	out := map[string]int64{}
	if i == nil {
		return out
	}
	i.mu.Lock()
	defer i.mu.Unlock()
	for k, n := range i.injected {
		out[k] = n
	}
	return out
}

// Stall reports whether the asynchronous operation op (such as
// "sdrs.protection_group.create") must never finish. Emulators ask when
// they start the operation; a yes is counted.
func (i *Injector) Stall(op string) bool { return i.operation(op, KindStall) }

// Fail reports whether the asynchronous operation op must end in error.
func (i *Injector) Fail(op string) bool { return i.operation(op, KindFail) }

func (i *Injector) operation(op, kind string) bool {
	if i == nil {
		return false
	}
	i.mu.Lock()
	defer i.mu.Unlock()
	ops := i.spec.Stall
	if kind == KindFail {
		ops = i.spec.Fail
	}
	if !matches(ops, op) {
		return false
	}
	i.injected[kind]++
	return true
}

// decision is what happens to one request.
type decision struct {
	kind    string // "" for none
	status  int    // for 5xx
	latency time.Duration
	retry   time.Duration
}

// decide draws the fate of a request from the seed, its method and path,
// and how many requests with that method and path came before, so that a
// given seed gives the same faults to the same sequence of requests.
func (i *Injector) decide(r *http.Request) decision {
	i.mu.Lock()
	defer i.mu.Unlock()
	sp := i.spec
	d := decision{latency: sp.Latency, retry: sp.RetryAfter}
	if d.retry <= 0 {
		d.retry = defaultRetryAfter
	}
	line := r.Method + " " + r.URL.Path
	if !sp.network() || (sp.Route != "" && !strings.Contains(line, sp.Route)) {
		d.latency = 0
		return d
	}
	n := i.seen[line]
	i.seen[line] = n + 1
	u, v := draw(sp.Seed, line, n)
	switch {
	case u < sp.PReset:
		d.kind = KindReset
	case u < sp.PReset+sp.PResetAfter:
		d.kind = KindResetAfter
	case u < sp.PReset+sp.PResetAfter+sp.P5xx:
		d.kind = Kind5xx
		d.status = []int{http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable}[int(v*3)%3]
	case u < sp.PReset+sp.PResetAfter+sp.P5xx+sp.P429:
		d.kind = Kind429
	}
	if d.kind != "" {
		i.injected[d.kind]++
	}
	if d.latency > 0 {
		i.injected[KindLatency]++
	}
	return d
}

// draw returns two numbers in [0, 1) from the seed, the request line and
// its ordinal.
func draw(seed int64, line string, n uint64) (float64, float64) {
	h := fnv.New128a()
	var b [16]byte
	binary.LittleEndian.PutUint64(b[:8], uint64(seed))
	binary.LittleEndian.PutUint64(b[8:], n)
	_, _ = h.Write(b[:])
	_, _ = h.Write([]byte(line))
	sum := h.Sum(nil)
	unit := func(x []byte) float64 { return float64(binary.LittleEndian.Uint64(x)>>11) / (1 << 53) }
	return unit(sum[:8]), unit(sum[8:])
}

// Wrap returns next with the network faults applied to every request but
// the sandbox's own (/_sandbox/...).
func (i *Injector) Wrap(next http.Handler) http.Handler {
	if i == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/_sandbox/") {
			next.ServeHTTP(w, r)
			return
		}
		d := i.decide(r)
		if d.latency > 0 {
			t := time.NewTimer(d.latency)
			select {
			case <-r.Context().Done():
				t.Stop()
				return
			case <-t.C:
			}
		}
		switch d.kind {
		case KindReset:
			reset(w)
		case KindResetAfter:
			// The server acts; the client never hears of it.
			next.ServeHTTP(httptest.NewRecorder(), r)
			reset(w)
		case Kind5xx:
			writeFault(w, r, d.status, 0)
		case Kind429:
			writeFault(w, r, http.StatusTooManyRequests, d.retry)
		default:
			next.ServeHTTP(w, r)
		}
	})
}

// reset closes the client's connection without an answer, with a TCP RST
// where it can (SO_LINGER 0), as a crashed server or a proxy would.
func reset(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		// HTTP/2 or a recorder: the best available is an aborted handler.
		panic(http.ErrAbortHandler)
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0)
	}
	_ = conn.Close()
}

// writeFault answers status in the format of the API the request was for.
func writeFault(w http.ResponseWriter, r *http.Request, status int, retryAfter time.Duration) {
	if retryAfter > 0 {
		secs := int((retryAfter + time.Second - 1) / time.Second)
		w.Header().Set("Retry-After", strconv.Itoa(secs))
	}
	ct, body := faultBody(r.URL.Path, status, retryAfter)
	w.Header().Set("Content-Type", ct)
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// faultBody returns the body each API's servers (or the gateway in front of
// them) answer for status. Astra has no 429 problem: its RFC 7807 shape is
// kept with about:blank; 500, 502 and 503 are its problems 34, 40 and 41.
func faultBody(path string, status int, retryAfter time.Duration) (string, []byte) {
	text := http.StatusText(status)
	mustJSON := func(v any) []byte {
		b, _ := json.Marshal(v)
		return b
	}
	switch {
	case strings.HasPrefix(path, "/accounts/"):
		typ := map[int]string{500: "https://astra.netapp.io/problems/34", 502: "https://astra.netapp.io/problems/40",
			503: "https://astra.netapp.io/problems/41"}[status]
		if typ == "" {
			typ = "about:blank"
		}
		return "application/problem+json", mustJSON(map[string]any{"type": typ, "title": text, "status": strconv.Itoa(status),
			"detail": "The server was unable to process this request (injected by the sandbox)."})
	case strings.HasPrefix(path, "/v1/"):
		if status == http.StatusTooManyRequests {
			return "application/json", mustJSON(map[string]string{"error_code": "APIGW.0308",
				"error_msg": "The throttling threshold has been reached: policy user over ratelimit (injected by the sandbox)", "request_id": "sandbox-fault"})
		}
		return "application/json", mustJSON(map[string]string{"error_code": "SDRS.0000", "error_msg": "Internal server error (injected by the sandbox)",
			"request_id": "sandbox-fault"})
	case strings.HasPrefix(path, "/v3"):
		return "application/json", mustJSON(map[string]any{"error": map[string]any{"code": status, "title": text,
			"message": "The request could not be served now (injected by the sandbox)."}})
	case strings.HasPrefix(path, "/v2/"):
		if status == http.StatusTooManyRequests {
			secs := int((retryAfter + time.Second - 1) / time.Second)
			return "application/json", mustJSON(map[string]any{"overLimit": map[string]any{"code": status,
				"message": "This request was rate-limited.", "retryAfter": strconv.Itoa(secs)}})
		}
		return "application/json", mustJSON(map[string]any{"computeFault": map[string]any{"code": status,
			"message": "The server has either erred or is incapable of performing the requested operation."}})
	}
	return "text/plain; charset=utf-8", []byte(text + "\n")
}
