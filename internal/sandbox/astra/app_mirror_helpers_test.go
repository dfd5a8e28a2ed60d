package astra

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

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
	res := ta.do(t, request{method: http.MethodGet, path: mirrorsURL + "/" + id})
	if res.code != http.StatusOK {
		t.Fatalf("get mirror %s: %d %s", id, res.code, res.raw)
	}
	return res.body
}

// getApp reads an app, failing unless it exists.
func (ta *testAPI) getApp(t *testing.T, id string) map[string]any {
	t.Helper()
	res := ta.do(t, request{method: http.MethodGet, path: appsURL + "/" + id})
	if res.code != http.StatusOK {
		t.Fatalf("get app %s: %d %s", id, res.code, res.raw)
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
