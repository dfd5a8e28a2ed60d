package manila

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// clock is a fake time source: transitions happen when a test advances it.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// step is the transition of the test backends.
const step = 10 * time.Second

// fixture is a Manila backend behind an httptest server with a fake clock.
type fixture struct {
	t     *testing.T
	api   *API
	srv   *httptest.Server
	clock *clock
	user  string // token of the ordinary user, scoped to the demo project
	admin string // token of the admin, scoped to the admin project
}

func newFixture(t *testing.T, opts Options) *fixture {
	t.Helper()
	clk := &clock{now: time.Date(2016, 10, 6, 12, 0, 0, 123456000, time.UTC)}
	opts.Now = clk.Now
	if opts.Transition == 0 {
		opts.Transition = step
	}
	api := New(opts)
	mux := http.NewServeMux()
	api.Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	f := &fixture{t: t, api: api, srv: srv, clock: clk}
	f.user = f.passwordToken(UserName, UserPassword, ProjectName)
	f.admin = f.passwordToken(AdminName, AdminPassword, AdminProjectName)
	return f
}

// response is one answer.
type response struct {
	status int
	header http.Header
	raw    string
	body   map[string]any
}

// request describes one call.
type request struct {
	method, path, token, version string
	experimental                 bool
	body                         string
	headers                      map[string]string
}

func (f *fixture) send(r request) response {
	f.t.Helper()
	var body io.Reader
	if r.body != "" {
		body = strings.NewReader(r.body)
	}
	req, err := http.NewRequest(r.method, f.srv.URL+r.path, body)
	if err != nil {
		f.t.Fatal(err)
	}
	if r.token != "" {
		req.Header.Set("X-Auth-Token", r.token)
	}
	if r.version != "" {
		req.Header.Set(headerVersion, r.version)
	}
	if r.experimental {
		req.Header.Set(headerExperimental, "True")
	}
	for k, v := range r.headers {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := response{status: res.StatusCode, header: res.Header, raw: string(raw)}
	if len(raw) > 0 {
		_ = json.Unmarshal(raw, &out.body)
	}
	return out
}

// manila sends a Manila request at 2.22 with the experimental header.
func (f *fixture) manila(method, path, token, body string) response {
	f.t.Helper()
	project := ProjectID
	if token == f.admin {
		project = AdminProjectID
	}
	return f.send(request{method: method, path: "/v2/" + project + path, token: token, version: "2.22", experimental: true, body: body})
}

func (f *fixture) passwordToken(name, password, projectName string) string {
	f.t.Helper()
	res := f.send(request{method: http.MethodPost, path: "/v3/auth/tokens", body: `{"auth": {"identity": {"methods": ["password"],
		"password": {"user": {"name": "` + name + `", "domain": {"name": "Default"}, "password": "` + password + `"}}},
		"scope": {"project": {"name": "` + projectName + `", "domain": {"id": "default"}}}}}`})
	if res.status != http.StatusCreated || res.header.Get("X-Subject-Token") == "" {
		f.t.Fatalf("token for %s: %d %s", name, res.status, res.raw)
	}
	return res.header.Get("X-Subject-Token")
}

// expect checks the status and, when want is not empty, the exact body.
func expect(t *testing.T, res response, status int, want string) {
	t.Helper()
	if res.status != status {
		t.Fatalf("status %d, want %d: %s", res.status, status, res.raw)
	}
	if want != "" && res.raw != want {
		t.Fatalf("body\n%s\nwant\n%s", res.raw, want)
	}
}

// obj returns body[key] as an object.
func obj(t *testing.T, res response, key string) map[string]any {
	t.Helper()
	o, ok := res.body[key].(map[string]any)
	if !ok {
		t.Fatalf("no object %q in %s", key, res.raw)
	}
	return o
}

// createCG creates a consistency group and returns its ID.
func (f *fixture) createCG(token, body string) string {
	f.t.Helper()
	res := f.manila(http.MethodPost, "/consistency-groups", token, body)
	expect(f.t, res, http.StatusAccepted, "")
	return obj(f.t, res, "consistency_group")["id"].(string)
}

// cgStatus reads the status of a consistency group (or "gone").
func (f *fixture) cgStatus(token, id string) string {
	f.t.Helper()
	res := f.manila(http.MethodGet, "/consistency-groups/"+id, token, "")
	if res.status == http.StatusNotFound {
		return "gone"
	}
	expect(f.t, res, http.StatusOK, "")
	return obj(f.t, res, "consistency_group")["status"].(string)
}

// goldCG is the body of a consistency group of the gold type (no share
// network needed).
func goldCG(name string) string {
	return `{"consistency_group": {"name": "` + name + `", "share_types": ["` + ShareTypeGoldID + `"]}}`
}

// resourceNotFound is the Fault of a method missing at the microversion.
const resourceNotFound = `{"itemNotFound": {"code": 404, "message": "The resource could not be found."}}`
