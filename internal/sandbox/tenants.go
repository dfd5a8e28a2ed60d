package sandbox

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/faults"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/notice"
	"github.com/google/uuid"
)

// Isolated tenants: several test runs share one sandbox without seeing each
// other. POST /_sandbox/tenants builds a fresh set of the three emulators,
// through the same construction path as the default tenant (newBackends,
// then the -fixtures document), with credentials of its own, and answers
// the variables that point clients at it.
//
// How a tenant's requests reach it, API by API, given how the real clients
// build their URLs:
//
//   - Astra, Keystone and Manila are served under the tenant's prefix,
//     /_tenants/{name}/: ASTRA_ENDPOINT and OS_AUTH_URL carry it (the
//     provider's Astra client and gophercloud keep an endpoint's path), and
//     Keystone's catalog and Manila's links are built on backend.BaseURL,
//     which puts the prefix back. Routing these by credential instead would
//     mean reading Keystone's request body, and every token, before the
//     emulator does; the prefix keeps each emulator whole and unaware of
//     tenants.
//   - SDRS must be at the root of HW_SDRS_ENDPOINT: the Huawei SDK drops any
//     path of its endpoint. Every SDRS path starts with /v1/{project_id}/
//     (the SDK puts the project there, and so does the provider), so the
//     sandbox routes /v1/ requests by that project ID, which is each
//     tenant's own; the tenant's emulator then checks the signature with
//     the tenant's AK/SK, so another tenant's keys get the gateway's 401.
//     The project in the path is read without parsing the Authorization
//     header and holds for unsigned requests too, which then get the
//     tenant's own 401 rather than the default tenant's.
//
// Every credential of a tenant is its own (Astra account and token, SDRS
// project and AK/SK, Keystone passwords and application-credential secret),
// so a credential works only with its tenant. A prefix that names no tenant
// (one deleted, or never created) is served by emulators whose credentials
// nobody has, so that a deleted tenant's credentials get each API's own
// 401, and an unknown path its own 404.
//
// Each tenant has its own fault injector, notice recorder and request
// counters, so that one run's faults neither disturb nor show in
// another's: a tenant starts with the -faults of the command line, and
// ?tenant=NAME on /_sandbox/faults, /_sandbox/metrics and /_sandbox/objects
// chooses the tenant (none is the default tenant). route= matches the path
// below the prefix. Tenants live in memory only: -state keeps the default
// tenant's objects.

// TenantsPath creates and lists tenants; TenantsPath/{name} shows or
// deletes one.
const TenantsPath = "/_sandbox/tenants"

// tenantsRoot starts the path of a tenant's Astra, Keystone and Manila.
const tenantsRoot = "/_tenants/"

// DefaultTenant names the tenant the -env-file describes, which serves at
// the root, for ?tenant= and GET /_sandbox/tenants/default; the list of
// tenants leaves it out, and it cannot be deleted.
const DefaultTenant = "default"

// maxTenants bounds the tenants of one sandbox (each holds its own
// emulators).
const maxTenants = 100

// tenantName is the form of a tenant's name: one path segment.
var tenantName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$`)

// credentials are one tenant's secrets and account IDs; the zero value
// means the emulators' fixed ones (the default tenant's).
type credentials struct {
	astraAccountID, astraToken                         string
	sdrsProjectID, sdrsAccessKey, sdrsSecretKey        string
	manilaPassword, manilaAdminPassword, manilaAppCred string
}

// newCredentials returns fresh random credentials.
func newCredentials() credentials {
	return credentials{
		astraAccountID:      uuid.NewString(),
		astraToken:          "sandbox-astra-token-" + randomHex(16),
		sdrsProjectID:       randomHex(16),
		sdrsAccessKey:       "SANDBOX" + strings.ToUpper(randomHex(7)),
		sdrsSecretKey:       randomHex(20),
		manilaPassword:      "sandbox-demo-" + randomHex(12),
		manilaAdminPassword: "sandbox-admin-" + randomHex(12),
		manilaAppCred:       "sandbox-application-credential-" + randomHex(12),
	}
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// tenant is one isolated set of emulators, the mux that serves them, and
// its faults and counters.
type tenant struct {
	name      string
	createdAt time.Time
	backends  []backend.Backend
	mux       *http.ServeMux
	faults    *faults.Injector
	metrics   *metrics
	// sdrsProject is the project ID by which SDRS requests at the root
	// reach the tenant.
	sdrsProject string
}

// prefix is the path of the tenant's Astra, Keystone and Manila.
func (t *tenant) prefix() string { return tenantsRoot + t.name }

// tenants are the sandbox's tenants besides the default one.
type tenants struct {
	mu        sync.RWMutex
	byName    map[string]*tenant
	byProject map[string]*tenant
	// nobody serves the prefixes of no tenant: emulators whose credentials
	// were never handed out.
	nobody *tenant
}

// newTenantMux registers the routes of backends on a mux of their own.
func newTenantMux(backends []backend.Backend) *http.ServeMux {
	mux := http.NewServeMux()
	for _, b := range backends {
		b.Register(mux)
	}
	return mux
}

// newNobody returns the tenant that serves the prefixes of no tenant:
// emulators whose credentials were never handed out, without faults, whose
// requests counters counts.
func (s *Server) newNobody(counters *metrics) *tenant {
	opts := s.opts
	opts.credentials = newCredentials()
	backends := newBackends(opts, backend.Hooks{})
	return &tenant{backends: backends, mux: newTenantMux(backends), metrics: counters}
}

// buildBackends builds the emulators of one tenant as the default tenant's
// are built: newBackends with the tenant's credentials and hooks, then the
// user's -fixtures document.
func (s *Server) buildBackends(c credentials, hooks backend.Hooks) ([]backend.Backend, error) {
	opts := s.opts
	opts.credentials = c
	backends := newBackends(opts, hooks)
	if err := s.userFixtures(backends); err != nil {
		return nil, err
	}
	return backends, nil
}

// userFixtures gives backends the -fixtures document, when there is one:
// the default tenant's at start, each new tenant's when it is created.
func (s *Server) userFixtures(backends []backend.Backend) error {
	if s.opts.FixturesFile == "" {
		return nil
	}
	if err := applyFixtures(s.opts.FixturesFile, namedBackends(backends)); err != nil {
		return fmt.Errorf("-fixtures: %w", err)
	}
	return nil
}

// errTenant is a refused tenant request and its HTTP status.
type errTenant struct {
	status int
	msg    string
}

func (e *errTenant) Error() string { return e.msg }

// CreateTenant builds a tenant named name (empty picks one) and returns
// its variables, as POST /_sandbox/tenants does.
func (s *Server) CreateTenant(name string) (Tenant, error) {
	if name == "" {
		name = "t-" + randomHex(4)
	}
	if !tenantName.MatchString(name) {
		return Tenant{}, &errTenant{http.StatusBadRequest, fmt.Sprintf("tenant name %q: want 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit", name)}
	}
	if name == DefaultTenant {
		return Tenant{}, &errTenant{http.StatusConflict, "tenant " + DefaultTenant + " exists: it is the one the -env-file describes"}
	}
	spec, err := faults.Parse(s.opts.Faults) // Checked by Start.
	if err != nil {
		return Tenant{}, &errTenant{http.StatusInternalServerError, err.Error()}
	}
	hooks := backend.Hooks{Faults: faults.New(spec), Notice: notice.New()}
	c := newCredentials()
	backends, err := s.buildBackends(c, hooks)
	if err != nil {
		return Tenant{}, &errTenant{http.StatusInternalServerError, err.Error()}
	}
	t := &tenant{name: name, createdAt: time.Now().UTC(), backends: backends, mux: newTenantMux(backends),
		faults: hooks.Faults, metrics: newMetrics(hooks), sdrsProject: c.sdrsProjectID}
	s.tenants.mu.Lock()
	defer s.tenants.mu.Unlock()
	if _, taken := s.tenants.byName[name]; taken {
		return Tenant{}, &errTenant{http.StatusConflict, "tenant " + name + " exists"}
	}
	if len(s.tenants.byName) >= maxTenants {
		return Tenant{}, &errTenant{http.StatusConflict, fmt.Sprintf("the sandbox holds %d tenants, its most: delete some first", maxTenants)}
	}
	s.tenants.byName[name] = t
	s.tenants.byProject[t.sdrsProject] = t
	return s.tenantView(t), nil
}

// DeleteTenant removes the tenant and everything it holds; its
// credentials stop working at once.
func (s *Server) DeleteTenant(name string) error {
	if name == DefaultTenant {
		return &errTenant{http.StatusConflict, "the default tenant cannot be deleted"}
	}
	s.tenants.mu.Lock()
	defer s.tenants.mu.Unlock()
	t, ok := s.tenants.byName[name]
	if !ok {
		return &errTenant{http.StatusNotFound, "no tenant " + name}
	}
	delete(s.tenants.byName, name)
	delete(s.tenants.byProject, t.sdrsProject)
	return nil
}

// Tenants returns the tenants created by CreateTenant, oldest first.
func (s *Server) Tenants() []Tenant {
	s.tenants.mu.RLock()
	list := make([]*tenant, 0, len(s.tenants.byName))
	for _, t := range s.tenants.byName {
		list = append(list, t)
	}
	s.tenants.mu.RUnlock()
	slices.SortFunc(list, func(a, b *tenant) int {
		if c := a.createdAt.Compare(b.createdAt); c != 0 {
			return c
		}
		return strings.Compare(a.name, b.name)
	})
	out := make([]Tenant, 0, len(list))
	for _, t := range list {
		out = append(out, s.tenantView(t))
	}
	return out
}

// tenant returns the tenant named name; DefaultTenant and "" are the
// default tenant.
func (s *Server) tenant(name string) (*tenant, bool) {
	if name == "" || name == DefaultTenant {
		return s.root, true
	}
	s.tenants.mu.RLock()
	defer s.tenants.mu.RUnlock()
	t, ok := s.tenants.byName[name]
	return t, ok
}

// Tenant is a tenant's view: its name, prefix and variables.
type Tenant struct {
	Name string `json:"name"`
	// CreatedAt is when the tenant was created (RFC 3339); empty for the
	// default tenant.
	CreatedAt string `json:"created_at,omitempty"`
	// Prefix is the path under which the tenant's Astra, Keystone and
	// Manila are served; its SDRS is at the root, reached by its project.
	Prefix string `json:"prefix"`
	// Variables are the tenant's variables, as the -env-file has the
	// default tenant's, with CONTINUITY_SANDBOX_TENANT.
	Variables map[string]string `json:"variables"`
	// Env is Variables as `export NAME='value'` lines, for eval.
	Env string `json:"env"`
}

// EnvTenant names the tenant in a tenant's variables.
const EnvTenant = fixturePrefix + "TENANT"

// tenantEnv returns the variables of t: Astra and Manila (OS_AUTH_URL)
// under its prefix, SDRS at the root.
func (s *Server) tenantEnv(t *tenant) []EnvVar {
	vars := []EnvVar{}
	for i, b := range t.backends {
		base := s.url + t.prefix()
		if backendNames[i] == "sdrs" {
			base = s.url // The Huawei SDK drops any path of its endpoint.
		}
		vars = append(vars, b.Env(base)...)
	}
	return orderEnv(append(vars, EnvVar{Name: EnvTenant, Value: t.name}))
}

func (s *Server) tenantView(t *tenant) Tenant {
	env := s.tenantEnv(t)
	vars := make(map[string]string, len(env))
	for _, v := range env {
		vars[v.Name] = v.Value
	}
	return Tenant{Name: t.name, CreatedAt: t.createdAt.Format(time.RFC3339Nano), Prefix: t.prefix(), Variables: vars, Env: formatEnv(env)}
}

// route returns the tenant that serves r and the request as its mux must
// see it: a tenant's prefix taken off (and remembered for
// backend.BaseURL), an SDRS request whose project is a tenant's as it is,
// anything else for the default tenant. A path that is not clean
// ("/_tenants/a/../b/...") goes to the default tenant too, whose mux
// redirects it to its clean form, which is routed in turn.
func (s *Server) route(r *http.Request) (*tenant, *http.Request) {
	if !isClean(r.URL.Path) {
		return s.root, r
	}
	if rest, ok := strings.CutPrefix(r.URL.Path, tenantsRoot); ok {
		name, _, _ := strings.Cut(rest, "/")
		s.tenants.mu.RLock()
		t, known := s.tenants.byName[name]
		s.tenants.mu.RUnlock()
		if !known {
			t = s.tenants.nobody
		}
		return t, stripPrefix(r, tenantsRoot+name)
	}
	if rest, ok := strings.CutPrefix(r.URL.Path, "/v1/"); ok {
		project, _, _ := strings.Cut(rest, "/")
		s.tenants.mu.RLock()
		t, known := s.tenants.byProject[project]
		s.tenants.mu.RUnlock()
		if known {
			return t, r
		}
	}
	return s.root, r
}

// isClean reports whether p is in the canonical form ServeMux serves
// without a redirect.
func isClean(p string) bool {
	c := path.Clean(p)
	if strings.HasSuffix(p, "/") && c != "/" {
		c += "/"
	}
	return c == p
}

// stripPrefix returns r without prefix at the start of its path, with the
// prefix in its context for backend.BaseURL.
func stripPrefix(r *http.Request, prefix string) *http.Request {
	r2 := backend.WithPrefix(r, prefix)
	u := *r.URL
	u.Path = strings.TrimPrefix(u.Path, prefix)
	if u.Path == "" {
		u.Path = "/"
	}
	if u.RawPath != "" {
		u.RawPath = strings.TrimPrefix(u.RawPath, prefix)
	}
	r2.URL = &u
	r2.RequestURI = u.RequestURI()
	return r2
}

// registerTenants adds the tenants' routes to mux.
func (s *Server) registerTenants(mux *http.ServeMux) {
	mux.HandleFunc("POST "+TenantsPath, s.serveCreateTenant)
	mux.HandleFunc("GET "+TenantsPath, func(w http.ResponseWriter, r *http.Request) {
		writeTenantJSON(w, r, http.StatusOK, map[string]any{"tenants": s.Tenants()})
	})
	mux.HandleFunc("GET "+TenantsPath+"/{name}", func(w http.ResponseWriter, r *http.Request) {
		t, ok := s.tenant(r.PathValue("name"))
		switch {
		case !ok:
			writeTenantError(w, &errTenant{http.StatusNotFound, "no tenant " + r.PathValue("name")})
		case t == s.root:
			writeTenantJSON(w, r, http.StatusOK, s.defaultTenantView())
		default:
			writeTenantJSON(w, r, http.StatusOK, s.tenantView(t))
		}
	})
	mux.HandleFunc("DELETE "+TenantsPath+"/{name}", func(w http.ResponseWriter, r *http.Request) {
		if err := s.DeleteTenant(r.PathValue("name")); err != nil {
			writeTenantError(w, err)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
}

// byQuery returns the tenant ?tenant= names (none: the default tenant),
// or answers 404 and returns nil.
func (s *Server) byQuery(w http.ResponseWriter, r *http.Request) *tenant {
	name := r.URL.Query().Get("tenant")
	t, ok := s.tenant(name)
	if !ok {
		writeTenantError(w, &errTenant{http.StatusNotFound, "no tenant " + name})
		return nil
	}
	return t
}

// serveMetrics answers GET /_sandbox/metrics: the counters of the tenant
// ?tenant= names.
func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) {
	if t := s.byQuery(w, r); t != nil {
		t.metrics.serveHTTP(w, r)
	}
}

// serveFaults answers /_sandbox/faults for the tenant ?tenant= names.
func (s *Server) serveFaults(w http.ResponseWriter, r *http.Request) {
	if t := s.byQuery(w, r); t != nil {
		t.faults.ServeHTTP(w, r)
	}
}

// defaultTenantView is the default tenant's view: its variables are the
// -env-file's.
func (s *Server) defaultTenantView() Tenant {
	env := s.Env()
	vars := make(map[string]string, len(env))
	for _, v := range env {
		vars[v.Name] = v.Value
	}
	return Tenant{Name: DefaultTenant, Prefix: "", Variables: vars, Env: formatEnv(env)}
}

// serveCreateTenant answers POST /_sandbox/tenants, whose optional JSON
// body names the tenant: {"name": "ci-42"}.
func (s *Server) serveCreateTenant(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Name string `json:"name"`
	}
	raw, err := io.ReadAll(io.LimitReader(r.Body, 64<<10))
	if err != nil {
		writeTenantError(w, &errTenant{http.StatusBadRequest, err.Error()})
		return
	}
	if strings.TrimSpace(string(raw)) != "" {
		dec := json.NewDecoder(strings.NewReader(string(raw)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&body); err != nil {
			writeTenantError(w, &errTenant{http.StatusBadRequest, `the body is not {"name": "..."}: ` + err.Error()})
			return
		}
	}
	if body.Name == "" {
		body.Name = r.URL.Query().Get("name")
	}
	t, err := s.CreateTenant(body.Name)
	if err != nil {
		writeTenantError(w, err)
		return
	}
	w.Header().Set("Location", TenantsPath+"/"+url.PathEscape(t.Name))
	writeTenantJSON(w, r, http.StatusCreated, t)
}

// writeTenantJSON answers v as JSON, or, with ?format=env and one tenant,
// the tenant's `export` lines alone, for eval "$(curl ...)".
func writeTenantJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	if t, ok := v.(Tenant); ok && r.URL.Query().Get("format") == "env" {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, t.Env)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeTenantError(w http.ResponseWriter, err error) {
	status := http.StatusInternalServerError
	var te *errTenant
	if errors.As(err, &te) {
		status = te.status
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
}
