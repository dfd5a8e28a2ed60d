package astra

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// exampleSource is the spec's example hook source; exampleMD5 its checksum.
const (
	exampleSource = "ZWNobyAiVkhKaGJuTWdVbWxuYUhSeklRPT0iIHwgYmFzZTY0IC1k"
	exampleMD5    = "b1a4b8b0144c3f6be553b626130ca145"
)

var (
	collectionURL = "/accounts/" + AccountID + "/core/v1/hookSources"
	preloadedURL  = collectionURL + "/" + PreloadedHookSourceID
)

// testAPI is an Astra backend on its own ServeMux with a settable clock.
type testAPI struct {
	api     *API
	handler http.Handler
	clock   time.Time
}

func newTestAPI(t *testing.T) *testAPI {
	t.Helper()
	ta := &testAPI{clock: time.Date(2025, 3, 4, 5, 6, 7, 123456789, time.UTC)}
	ta.api = New(Options{Now: func() time.Time { return ta.clock }})
	mux := http.NewServeMux()
	ta.api.Register(mux)
	ta.handler = mux
	return ta
}

// response is a recorded response with its JSON body decoded.
type response struct {
	code   int
	header http.Header
	raw    string
	body   map[string]any
}

// request describes one call; auth defaults to the sandbox token.
type request struct {
	method  string
	path    string
	body    string
	headers map[string]string
	noAuth  bool
}

// do sends req to the backend.
func (ta *testAPI) do(t *testing.T, req request) response {
	t.Helper()
	var body io.Reader
	if req.body != "" {
		body = strings.NewReader(req.body)
	}
	r := httptest.NewRequest(req.method, req.path, body)
	if !req.noAuth {
		r.Header.Set("Authorization", "Bearer "+Token)
	}
	if req.body != "" {
		r.Header.Set("Content-Type", "application/astra-hookSource+json")
	}
	for k, v := range req.headers {
		if v == "" {
			r.Header.Del(k)
			continue
		}
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	ta.handler.ServeHTTP(w, r)
	res := response{code: w.Code, header: w.Header(), raw: w.Body.String()}
	if strings.TrimSpace(res.raw) != "" {
		if err := json.Unmarshal(w.Body.Bytes(), &res.body); err != nil {
			t.Fatalf("%s %s: body is not a JSON object: %v\n%s", req.method, req.path, err, res.raw)
		}
	}
	return res
}

// mustProblem checks that res is Astra problem n with HTTP status code.
func mustProblem(t *testing.T, res response, code, n int) {
	t.Helper()
	if res.code != code {
		t.Fatalf("status = %d, want %d; body %s", res.code, code, res.raw)
	}
	if ct := res.header.Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("Content-Type = %q, want application/problem+json", ct)
	}
	def := problemCatalog[n]
	want := map[string]string{
		"type":   "https://astra.netapp.io/problems/" + itoa(n),
		"title":  def.title,
		"detail": def.detail,
		"status": itoa(code),
	}
	for k, v := range want {
		if got, _ := res.body[k].(string); got != v {
			t.Errorf("problem %s = %#v, want %q", k, res.body[k], v)
		}
	}
	if id, _ := res.body["correlationID"].(string); !identifierRe.MatchString(id) {
		t.Errorf("correlationID = %#v, want a UUID", res.body["correlationID"])
	}
}

// invalidNames returns the names listed under key (invalidFields or
// invalidParams).
func invalidNames(t *testing.T, res response, key string) []string {
	t.Helper()
	items, ok := res.body[key].([]any)
	if !ok || len(items) == 0 {
		t.Fatalf("%s missing or empty in %s", key, res.raw)
	}
	var names []string
	for _, item := range items {
		m, _ := item.(map[string]any)
		name, _ := m["name"].(string)
		if reason, _ := m["reason"].(string); reason == "" {
			t.Errorf("%s entry %v has no reason", key, item)
		}
		names = append(names, name)
	}
	return names
}

func itoa(n int) string { return strconv.Itoa(n) }

// hookBody returns a POST body with the given name and source, plus extra
// raw JSON members (each `"key":value`).
func hookBody(name, source string, extra ...string) string {
	b, _ := json.Marshal(name)
	s, _ := json.Marshal(source)
	out := `{"type":"application/astra-hookSource","version":"1.0","name":` + string(b) +
		`,"sourceType":"script","source":` + string(s)
	for _, e := range extra {
		out += "," + e
	}
	return out + "}"
}

// create posts a valid hook source and returns its ID.
func (ta *testAPI) create(t *testing.T, name string) string {
	t.Helper()
	res := ta.do(t, request{method: http.MethodPost, path: collectionURL, body: hookBody(name, exampleSource)})
	if res.code != http.StatusCreated {
		t.Fatalf("create %q: status %d: %s", name, res.code, res.raw)
	}
	id, _ := res.body["id"].(string)
	return id
}

var (
	accountURL      = "/accounts/" + AccountID
	packagesURL     = accountURL + "/core/v1/packages"
	execHooksURL    = accountURL + "/core/v1/executionHooks"
	netappHookURL   = execHooksURL + "/" + NetAppExecHookID
	unknownID       = "2d6154dd-6863-4a26-8017-6be092b8b0bd"
	execHookMedia   = "application/astra-executionHook+json"
	scheduleMedia   = "application/astra-schedule+json"
	appExecHooksURL = func(appID string) string { return accountURL + "/k8s/v1/apps/" + appID + "/executionHooks" }
	schedulesURL    = func(appID string) string { return accountURL + "/k8s/v1/apps/" + appID + "/schedules" }
)

// send sends a request whose body has the given media type.
func (ta *testAPI) send(t *testing.T, method, path, media, body string) response {
	t.Helper()
	return ta.do(t, request{method: method, path: path, body: body, headers: map[string]string{"Content-Type": media}})
}

// get sends a GET.
func (ta *testAPI) get(t *testing.T, path string) response {
	t.Helper()
	return ta.do(t, request{method: http.MethodGet, path: path})
}

// jsonObject renders members (key → value, marshalled) as a JSON object;
// a json.RawMessage value is inserted as is. Keys are sorted.
func jsonObject(members map[string]any) string {
	b, err := json.Marshal(members)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// mergeFields returns base with over's keys replaced; a nil value deletes a key.
func mergeFields(base, over map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range base {
		out[k] = v
	}
	for k, v := range over {
		if v == nil {
			delete(out, k)
			continue
		}
		out[k] = v
	}
	return out
}

// execHookFields is a valid POST body of an execution hook on app.
func execHookFields(name, appID, hookSourceID string) map[string]any {
	return map[string]any{
		"type": "application/astra-executionHook", "version": "1.3", "name": name, "hookType": "custom",
		"action": "snapshot", "stage": "pre", "hookSourceID": hookSourceID, "appID": appID,
	}
}

// createExecHook posts a valid hook and returns its ID.
func (ta *testAPI) createExecHook(t *testing.T, name, appID, hookSourceID string, extra map[string]any) string {
	t.Helper()
	res := ta.send(t, http.MethodPost, execHooksURL, execHookMedia, jsonObject(mergeFields(execHookFields(name, appID, hookSourceID), extra)))
	if res.code != http.StatusCreated {
		t.Fatalf("create execution hook %q: %d %s", name, res.code, res.raw)
	}
	return res.body["id"].(string)
}

// scheduleFields is the spec's example POST body of a schedule.
func scheduleFields(name string) map[string]any {
	return map[string]any{
		"type": "application/astra-schedule", "version": "1.3", "name": name, "enabled": "true", "granularity": "monthly",
		"minute": "0", "hour": "0", "dayOfMonth": "1", "snapshotRetention": "12", "backupRetention": "12",
	}
}

// createSchedule posts a schedule and returns its ID.
func (ta *testAPI) createSchedule(t *testing.T, appID string, fields map[string]any) string {
	t.Helper()
	res := ta.send(t, http.MethodPost, schedulesURL(appID), scheduleMedia, jsonObject(fields))
	if res.code != http.StatusCreated {
		t.Fatalf("create schedule: %d %s", res.code, res.raw)
	}
	return res.body["id"].(string)
}

// itemsOf returns the items of a list response.
func itemsOf(t *testing.T, res response) []any {
	t.Helper()
	if res.code != http.StatusOK {
		t.Fatalf("list: %d %s", res.code, res.raw)
	}
	out, ok := res.body["items"].([]any)
	if !ok {
		t.Fatalf("items missing: %s", res.raw)
	}
	return out
}

// itemNames returns the name of every whole item of a list response.
func itemNames(t *testing.T, res response) []string {
	t.Helper()
	var out []string
	for _, item := range itemsOf(t, res) {
		v, _ := item.(map[string]any)["name"].(string)
		out = append(out, v)
	}
	return out
}

// joinNames renders values for comparison in messages.
func joinNames(values []string) string { return strings.Join(values, ",") }

// step is the transition of the AppMirror tests' backend.
const step = 10 * time.Second

var (
	mirrorsURL  = "/accounts/" + AccountID + "/k8s/v1/appMirrors"
	appsURL     = "/accounts/" + AccountID + "/k8s/v2/apps"
	clustersURL = "/accounts/" + AccountID + "/topology/v1/managedClusters"
)

// appMirrorsURL returns the app-scoped collection of appID.
func appMirrorsURL(appID string) string {
	return "/accounts/" + AccountID + "/k8s/v1/apps/" + appID + "/appMirrors"
}

// newMirrorAPI returns a backend whose asynchronous steps take step, on a
// clock the test moves with advance.
func newMirrorAPI(t *testing.T) *testAPI {
	t.Helper()
	ta := &testAPI{clock: time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)}
	ta.api = New(Options{Transition: step, Now: func() time.Time { return ta.clock }})
	mux := http.NewServeMux()
	ta.api.Register(mux)
	ta.handler = mux
	return ta
}

// advance moves the clock by d.
func (ta *testAPI) advance(d time.Duration) { ta.clock = ta.clock.Add(d) }

// sendAstra sends a request with an Astra body of the given resource type
// (the "+json" is added).
func (ta *testAPI) sendAstra(t *testing.T, method, path, media, body string) response {
	t.Helper()
	req := request{method: method, path: path, body: body}
	if body != "" {
		req.headers = map[string]string{"Content-Type": media + "+json"}
	}
	return ta.do(t, req)
}

// mirrorBody returns a POST body from source to cluster, with extra raw
// members.
func mirrorBody(source, cluster string, extra ...string) string {
	out := `{"type":"application/astra-appMirror","version":"1.1","sourceAppID":"` + source +
		`","destinationClusterID":"` + cluster + `","stateDesired":"established"`
	for _, e := range extra {
		out += "," + e
	}
	return out + "}"
}

// putBody returns a PUT body with the given raw members.
func putBody(members ...string) string {
	out := `{"type":"application/astra-appMirror","version":"1.1"`
	for _, m := range members {
		out += "," + m
	}
	return out + "}"
}

// manageApp creates an app of the given name and namespaces on cluster and
// returns its ID.
func (ta *testAPI) manageApp(t *testing.T, name, cluster string, namespaces ...string) string {
	t.Helper()
	if len(namespaces) == 0 {
		namespaces = []string{name}
	}
	var res []map[string]any
	for _, ns := range namespaces {
		res = append(res, map[string]any{"namespace": ns})
	}
	nsr, _ := json.Marshal(res)
	body := `{"type":"application/astra-app","version":"2.2","name":"` + name + `","clusterID":"` + cluster +
		`","namespaceScopedResources":` + string(nsr) + `}`
	got := ta.sendAstra(t, http.MethodPost, appsURL, "application/astra-app", body)
	if got.code != http.StatusCreated {
		t.Fatalf("manage app %s: %d %s", name, got.code, got.raw)
	}
	// Discovering the app takes two steps: pending, discovering.
	ta.advance(2 * ta.api.opts.Transition)
	return got.body["id"].(string)
}

// createMirror posts a relationship and returns its ID.
func (ta *testAPI) createMirror(t *testing.T, body string) string {
	t.Helper()
	res := ta.sendAstra(t, http.MethodPost, mirrorsURL, appMirrorType, body)
	if res.code != http.StatusCreated {
		t.Fatalf("create mirror: %d %s", res.code, res.raw)
	}
	return res.body["id"].(string)
}

// getMirror reads a relationship, failing unless it exists.
func (ta *testAPI) getMirror(t *testing.T, id string) map[string]any {
	t.Helper()
	return ta.mustGet(t, mirrorsURL+"/"+id)
}

// getApp reads an app, failing unless it exists.
func (ta *testAPI) getApp(t *testing.T, id string) map[string]any {
	t.Helper()
	return ta.mustGet(t, appsURL+"/"+id)
}

// mustGet reads path, failing unless it answers 200, and returns the body.
func (ta *testAPI) mustGet(t *testing.T, path string) map[string]any {
	t.Helper()
	res := ta.get(t, path)
	if res.code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, res.code, res.raw)
	}
	return res.body
}

// put sends a PUT to the relationship and checks the status.
func (ta *testAPI) put(t *testing.T, id string, code int, members ...string) response {
	t.Helper()
	res := ta.sendAstra(t, http.MethodPut, mirrorsURL+"/"+id, appMirrorType, putBody(members...))
	if res.code != code {
		t.Fatalf("PUT %s: %d, want %d: %s", putBody(members...), res.code, code, res.raw)
	}
	return res
}

// wantFields checks the state fields of a relationship body.
func wantFields(t *testing.T, body map[string]any, want map[string]any) {
	t.Helper()
	for k, v := range want {
		got, _ := json.Marshal(body[k])
		exp, _ := json.Marshal(v)
		if string(got) != string(exp) {
			t.Errorf("%s = %s, want %s", k, got, exp)
		}
	}
}

// quoted renders `"key":"value"`.
func quoted(key, value string) string { return `"` + key + `":"` + value + `"` }

// newServer serves ta over HTTP, for tests that need real concurrency.
func (ta *testAPI) newServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(ta.handler)
	t.Cleanup(srv.Close)
	return srv
}
