// Package sandbox is an offline emulator of the vendor APIs behind the
// provider (NetApp Astra Control, Huawei Cloud SDRS, OpenStack Keystone and
// Manila), served together on one loopback port for acceptance tests,
// demos and users.
//
// Each API is a backend.Backend registered on one http.ServeMux; their
// paths do not collide (/accounts/…, /v1/{project_id}/…, /v3/…, /v2/…).
// GET /_sandbox/metrics counts requests per route and method.
package sandbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/astra"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/faults"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/manila"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/notice"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/sdrs"
)

// MetricsPath is the path of the request counters.
const MetricsPath = "/_sandbox/metrics"

// Server is a running sandbox.
type Server struct {
	opts     Options
	faults   *faults.Injector
	notice   *notice.Recorder
	persist  *persistence
	hooks    backend.Hooks
	backends []backend.Backend
	// root is the default tenant: s.backends on the mux that also serves
	// the /_sandbox/ routes, with s.faults and s.notice.
	root     *tenant
	tenants  tenants
	handler  http.Handler
	listener net.Listener
	http     *http.Server
	url      string
	// listenURL is the listen address as a URL; url differs when the
	// options give a public URL.
	listenURL string
	done      chan struct{}
}

// newBackends returns every emulated API, in the order of their variables
// in Env, with the credentials of opts (a tenant's; the zero value the
// fixed ones of the default tenant).
func newBackends(opts Options, hooks backend.Hooks) []backend.Backend {
	c := opts.credentials
	return []backend.Backend{
		astra.New(astra.Options{Transition: opts.Transition, Hooks: hooks, AccountID: c.astraAccountID, Token: c.astraToken}),
		sdrs.New(sdrs.Options{Transition: opts.Transition, Hooks: hooks,
			ProjectID: c.sdrsProjectID, AccessKey: c.sdrsAccessKey, SecretKey: c.sdrsSecretKey}),
		manila.New(manila.Options{Transition: opts.Transition, MaxVersion: opts.ManilaMaxVersion, Modern: opts.ManilaModern, Hooks: hooks,
			UserPassword: c.manilaPassword, AdminPassword: c.manilaAdminPassword, AppCredentialSecret: c.manilaAppCred}),
	}
}

// Start composes the backends, listens on opts.Addr and serves in a
// goroutine. It returns once the listener accepts connections.
func Start(opts Options) (*Server, error) {
	spec, err := opts.validate()
	if err != nil {
		return nil, err
	}
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return nil, err
	}
	listenURL := baseURL(ln.Addr())
	url := listenURL
	if opts.PublicURL != "" {
		url = strings.TrimRight(opts.PublicURL, "/")
	}
	s := &Server{
		opts:      opts,
		faults:    faults.New(spec),
		notice:    notice.New(),
		listener:  ln,
		url:       url,
		listenURL: listenURL,
		done:      make(chan struct{}),
	}
	s.hooks = backend.Hooks{Faults: s.faults, Notice: s.notice}
	s.backends = newBackends(opts, s.hooks)
	if opts.backends != nil {
		s.backends = opts.backends
	}
	if err := s.prepare(); err != nil {
		_ = ln.Close()
		return nil, err
	}
	s.handler = s.compose()
	s.http = &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          opts.Logger,
	}
	go func() {
		defer close(s.done)
		if err := s.http.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) && opts.Logger != nil {
			opts.Logger.Printf("sandbox: serve: %v", err)
		}
	}()
	return s, nil
}

// baseURL returns http://host:port for a listener address; an unspecified
// host (":0", "0.0.0.0", "::") is reached through 127.0.0.1.
func baseURL(addr net.Addr) string {
	host, port := "127.0.0.1", "0"
	if tcp, ok := addr.(*net.TCPAddr); ok {
		port = strconv.Itoa(tcp.Port)
		if !tcp.IP.IsUnspecified() && tcp.IP != nil {
			host = tcp.IP.String()
		}
	}
	return "http://" + net.JoinHostPort(host, port)
}

// compose builds the handler: every backend's routes, the metrics, faults
// and tenants routes on one ServeMux (the default tenant's), each other
// tenant's on a mux of its own (route chooses), behind the tenant's fault
// injector, wrapped by its counters and the optional request log.
func (s *Server) compose() http.Handler {
	mux := http.NewServeMux()
	counters := newMetrics(s.hooks)
	s.root = &tenant{name: DefaultTenant, backends: s.backends, mux: mux, faults: s.faults, metrics: counters}
	s.tenants = tenants{byName: map[string]*tenant{}, byProject: map[string]*tenant{}, nobody: s.newNobody(counters)}
	mux.HandleFunc("GET "+MetricsPath, s.serveMetrics)
	mux.HandleFunc(faults.Path, s.serveFaults)
	mux.HandleFunc("GET "+FixturesSchemaPath, serveFixturesSchema)
	mux.HandleFunc("GET "+ObjectsPath, s.serveObjects)
	mux.HandleFunc("GET "+HealthPath, serveHealth)
	s.registerTenants(mux)
	for _, b := range s.backends {
		b.Register(mux)
	}
	logger := s.opts.Logger
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		t, req := s.route(r)
		key, status := observe(t.mux, t.faults.Wrap(t.mux), w, req)
		t.metrics.record(key, status)
		if s.persist != nil && t == s.root && mutating(r) {
			s.persist.touch()
		}
		if logger != nil {
			logger.Printf("%s %s %s %s [%s]", r.Method, r.URL.RequestURI(), status, time.Since(start).Round(time.Microsecond), key)
		}
	})
}

// HealthPath answers 200 {"status":"ok"} while the sandbox serves, for
// container health checks and CI services.
const HealthPath = "/_sandbox/health"

func serveHealth(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"status":"ok"}` + "\n"))
}

// ObjectsPath lists the objects every emulator holds.
const ObjectsPath = "/_sandbox/objects"

// Objects returns the objects every emulator holds, in the order of the
// backends and, within one, of creation.
func (s *Server) Objects() []backend.Object { return objectsOf(s.backends) }

// objectsOf returns the objects the emulators of backends hold.
func objectsOf(backends []backend.Backend) []backend.Object {
	out := []backend.Object{}
	for _, b := range backends {
		if inv, ok := b.(backend.Inventory); ok {
			out = append(out, inv.Objects()...)
		}
	}
	return out
}

// serveObjects answers the default tenant's objects, or with ?tenant=NAME
// that tenant's.
func (s *Server) serveObjects(w http.ResponseWriter, r *http.Request) {
	t := s.byQuery(w, r)
	if t == nil {
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"objects": objectsOf(t.backends)})
}

// Notice returns the recorder of notice latencies.
func (s *Server) Notice() *notice.Recorder { return s.notice }

// Faults returns the fault injector, to change the faults while serving.
func (s *Server) Faults() *faults.Injector { return s.faults }

// Addr returns the address the sandbox listens on.
func (s *Server) Addr() net.Addr { return s.listener.Addr() }

// Loopback reports whether the sandbox listens on a loopback address only,
// out of reach of other hosts.
func (s *Server) Loopback() bool {
	tcp, ok := s.listener.Addr().(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// ListenURL returns the base URL of the listen address, which differs from
// URL when Options.PublicURL is set.
func (s *Server) ListenURL() string { return s.listenURL }

// URL returns the base URL, such as "http://127.0.0.1:8787", without a
// trailing slash.
func (s *Server) URL() string { return s.url }

// Env returns the variables that point clients at this sandbox: the
// provider variables of every backend (ASTRA_ENDPOINT, ASTRA_ACCOUNT_ID,
// ASTRA_API_TOKEN, …), then the CONTINUITY_SANDBOX_* fixture IDs.
func (s *Server) Env() []EnvVar {
	var vars []EnvVar
	for _, b := range s.backends {
		vars = append(vars, b.Env(s.url)...)
	}
	return orderEnv(vars)
}

// Handler returns the sandbox's handler, for use with httptest. It shares
// state (fixtures, counters) with the listening server.
func (s *Server) Handler() http.Handler { return s.handler }

// Shutdown stops accepting connections and waits for active requests to
// finish, or for ctx to end; then it closes what is left.
func (s *Server) Shutdown(ctx context.Context) error {
	err := s.http.Shutdown(ctx)
	if err != nil && ctx.Err() != nil {
		// The grace period is over: a client may hold a connection it
		// opened and never used (net/http counts it active for 5 s), or a
		// request may still wait on a latency fault. Close them.
		err = s.http.Close()
	}
	<-s.done
	if s.persist != nil {
		err = errors.Join(err, s.persist.stop())
	}
	return err
}

// named returns the backends by section name.
func (s *Server) named() map[string]backend.Backend { return namedBackends(s.backends) }

// namedBackends returns backends (in newBackends' order) by section name.
func namedBackends(backends []backend.Backend) map[string]backend.Backend {
	out := map[string]backend.Backend{}
	for i, b := range backends {
		out[backendNames[i]] = b
	}
	return out
}

// prepare applies the user's fixtures, then the saved state, which
// restores a later world than the fixtures describe.
func (s *Server) prepare() error {
	if err := s.userFixtures(s.backends); err != nil {
		return err
	}
	if s.opts.StateFile != "" {
		s.persist = newPersistence(s.opts.StateFile, s.named(), s.opts.Logger)
		if err := s.persist.load(); err != nil {
			return fmt.Errorf("-state: %w", err)
		}
		if err := s.persist.save(); err != nil {
			return fmt.Errorf("-state: %w", err)
		}
		go s.persist.run()
	}
	return nil
}

// FixturesSchemaPath serves the JSON Schema of -fixtures documents.
const FixturesSchemaPath = "/_sandbox/fixtures.schema.json"

func serveFixturesSchema(w http.ResponseWriter, _ *http.Request) {
	schema, err := FixturesSchema()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/schema+json")
	_, _ = w.Write(schema)
}
