package sandbox

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// startSandbox starts a sandbox on a free port and stops it at the end of
// the test.
func startSandbox(t *testing.T) *Server {
	t.Helper()
	srv, err := Start(Options{Addr: "127.0.0.1:0", Transition: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
	})
	return srv
}

// envMap returns Env as a map, checking names are unique.
func envMap(t *testing.T, srv *Server) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, v := range srv.Env() {
		if _, dup := out[v.Name]; dup {
			t.Errorf("Env repeats %s", v.Name)
		}
		out[v.Name] = v.Value
	}
	return out
}

func TestStartServesAstra(t *testing.T) {
	srv := startSandbox(t)
	if !regexp.MustCompile(`^http://127\.0\.0\.1:[1-9][0-9]*$`).MatchString(srv.URL()) {
		t.Fatalf("URL = %q", srv.URL())
	}
	env := envMap(t, srv)
	req, _ := http.NewRequest(http.MethodGet, env["ASTRA_ENDPOINT"]+"/accounts/"+env["ASTRA_ACCOUNT_ID"]+
		"/core/v1/hookSources/"+env["CONTINUITY_SANDBOX_ASTRA_PRELOADED_HOOK_SOURCE_ID"], nil)
	req.Header.Set("Authorization", "Bearer "+env["ASTRA_API_TOKEN"])
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body map[string]any
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil || res.StatusCode != http.StatusOK || body["preloaded"] != "true" {
		t.Errorf("GET preloaded hook source: %d %v %v", res.StatusCode, body, err)
	}
}

func TestStartServesManila(t *testing.T) {
	srv := startSandbox(t)
	env := envMap(t, srv)
	if env["OS_AUTH_URL"] != srv.URL()+"/v3" {
		t.Fatalf("OS_AUTH_URL = %q", env["OS_AUTH_URL"])
	}
	body := `{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"` + env["OS_USERNAME"] + `","domain":{"name":"` +
		env["OS_USER_DOMAIN_NAME"] + `"},"password":"` + env["OS_PASSWORD"] + `"}}},"scope":{"project":{"name":"` +
		env["OS_PROJECT_NAME"] + `","domain":{"name":"` + env["OS_PROJECT_DOMAIN_NAME"] + `"}}}}}`
	res, err := http.Post(env["OS_AUTH_URL"]+"/auth/tokens", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	_ = res.Body.Close()
	tok := res.Header.Get("X-Subject-Token")
	if res.StatusCode != http.StatusCreated || tok == "" {
		t.Fatalf("POST /v3/auth/tokens: %d, token %q", res.StatusCode, tok)
	}
	req, _ := http.NewRequest(http.MethodGet, srv.URL()+"/v2/"+env["CONTINUITY_SANDBOX_MANILA_PROJECT_ID"]+"/share-networks/"+
		env["CONTINUITY_SANDBOX_MANILA_SHARE_NETWORK_ID"], nil)
	req.Header.Set("X-Auth-Token", tok)
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("GET share network: %d", res.StatusCode)
	}
}

func TestStartRefusesABadManilaVersion(t *testing.T) {
	if _, err := Start(Options{ManilaMaxVersion: "latest"}); err == nil || !strings.Contains(err.Error(), `"latest"`) {
		t.Fatalf("err = %v", err)
	}
}

func TestEnvOrderAndDeterminism(t *testing.T) {
	a, b := startSandbox(t), startSandbox(t)
	names := []string{}
	for _, v := range a.Env() {
		names = append(names, v.Name)
	}
	// Every backend's provider variables first (Astra's first), then the
	// fixture IDs.
	want := "ASTRA_ENDPOINT ASTRA_ACCOUNT_ID ASTRA_API_TOKEN "
	if got := strings.Join(names, " "); !strings.HasPrefix(got, want) {
		t.Errorf("Env names = %s, want them to start with %s", got, want)
	}
	for i := 1; i < len(names); i++ {
		if strings.HasPrefix(names[i-1], fixturePrefix) && !strings.HasPrefix(names[i], fixturePrefix) {
			t.Errorf("provider variable %s comes after fixture %s", names[i], names[i-1])
		}
	}
	ea, eb := envMap(t, a), envMap(t, b)
	if ea["ASTRA_ENDPOINT"] != a.URL() {
		t.Errorf("ASTRA_ENDPOINT = %s, want %s", ea["ASTRA_ENDPOINT"], a.URL())
	}
	for _, name := range []string{"ASTRA_ACCOUNT_ID", "ASTRA_API_TOKEN", "CONTINUITY_SANDBOX_ASTRA_PRELOADED_HOOK_SOURCE_ID"} {
		if ea[name] == "" || ea[name] != eb[name] {
			t.Errorf("%s differs between starts: %q vs %q", name, ea[name], eb[name])
		}
	}
}

func TestOrderEnvPutsFixturesLast(t *testing.T) {
	got := orderEnv([]EnvVar{
		{Name: "ASTRA_ENDPOINT", Value: "a"}, {Name: "CONTINUITY_SANDBOX_ASTRA_X", Value: "b"},
		{Name: "HW_SDRS_ENDPOINT", Value: "c"}, {Name: "CONTINUITY_SANDBOX_SDRS_VPC_ID", Value: "d"},
	})
	var names []string
	for _, v := range got {
		names = append(names, v.Name)
	}
	if s := strings.Join(names, ","); s != "ASTRA_ENDPOINT,HW_SDRS_ENDPOINT,CONTINUITY_SANDBOX_ASTRA_X,CONTINUITY_SANDBOX_SDRS_VPC_ID" {
		t.Errorf("orderEnv = %s", s)
	}
}

func TestWriteEnvFile(t *testing.T) {
	srv := startSandbox(t)
	path := filepath.Join(t.TempDir(), "sandbox.env")
	if err := os.WriteFile(path, []byte("stale\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := srv.WriteEnvFile(path); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", info.Mode().Perm())
	}
	data, _ := os.ReadFile(path)
	var want strings.Builder
	for _, v := range srv.Env() {
		want.WriteString("export " + v.Name + "='" + v.Value + "'\n")
	}
	if string(data) != want.String() {
		t.Errorf("env file:\n%s\nwant:\n%s", data, want.String())
	}
}

func TestShellQuote(t *testing.T) {
	cases := map[string]string{
		"":              `''`,
		"plain":         `'plain'`,
		"it's":          `'it'\''s'`,
		"$HOME `x` \\n": "'$HOME `x` \\n'",
	}
	for in, want := range cases {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}

// getMetrics reads the counters through h.
func getMetrics(t *testing.T, h http.Handler) map[string]routeStats {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, MetricsPath, nil))
	if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "application/json" {
		t.Fatalf("metrics: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	var snap struct {
		Routes map[string]routeStats `json:"routes"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &snap); err != nil {
		t.Fatal(err)
	}
	return snap.Routes
}

func TestMetrics(t *testing.T) {
	srv := startSandbox(t)
	h := srv.Handler()
	env := envMap(t, srv)
	collection := "/accounts/" + env["ASTRA_ACCOUNT_ID"] + "/core/v1/hookSources"
	send := func(method, path, body string) int {
		var r io.Reader
		if body != "" {
			r = strings.NewReader(body)
		}
		req := httptest.NewRequest(method, path, r)
		req.Header.Set("Authorization", "Bearer "+env["ASTRA_API_TOKEN"])
		req.Header.Set("Content-Type", "application/astra-hookSource+json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		return w.Code
	}
	body := `{"type":"application/astra-hookSource","version":"1.0","name":"n","sourceType":"script","source":""}`
	const parallel = 8
	var wg sync.WaitGroup
	for range parallel {
		wg.Add(1)
		go func() {
			defer wg.Done()
			send(http.MethodGet, collection, "")
		}()
	}
	wg.Wait()
	send(http.MethodPost, collection, body)
	send(http.MethodPost, collection, body)
	send(http.MethodPost, collection, body)
	send(http.MethodPatch, collection, "")
	send(http.MethodGet, "/accounts/"+env["ASTRA_ACCOUNT_ID"]+"/core/v1/nothing", "")
	send(http.MethodGet, "/nowhere", "")

	routes := getMetrics(t, h)
	check := func(key string, requests int64, status map[string]int64) {
		t.Helper()
		st, ok := routes[key]
		if !ok {
			t.Errorf("no counter %q in %v", key, routes)
			return
		}
		if st.Requests != requests {
			t.Errorf("%s: requests = %d, want %d", key, st.Requests, requests)
		}
		for code, n := range status {
			if st.Status[code] != n {
				t.Errorf("%s: status[%s] = %d, want %d (%v)", key, code, st.Status[code], n, st.Status)
			}
		}
	}
	check("GET /accounts/{account_id}/core/v1/hookSources", parallel, map[string]int64{"200": parallel})
	check("POST /accounts/{account_id}/core/v1/hookSources", 3, map[string]int64{"201": 1, "409": 2})
	check("PATCH /accounts/{account_id}/core/v1/hookSources", 1, map[string]int64{"405": 1})
	check("unmatched", 2, map[string]int64{"404": 2})
	// The metrics request is counted once it has been answered.
	routes = getMetrics(t, h)
	check("GET "+MetricsPath, 1, map[string]int64{"200": 1})
}

func TestStartDefaultsToLoopback(t *testing.T) {
	srv, err := Start(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = srv.Shutdown(context.Background()) }()
	if !strings.HasPrefix(srv.URL(), "http://127.0.0.1:") || strings.HasSuffix(srv.URL(), ":0") {
		t.Errorf("URL = %q", srv.URL())
	}
}

func TestFaultsAreInjectedCountedAndChangedWhileServing(t *testing.T) {
	srv, err := Start(Options{Addr: "127.0.0.1:0", Transition: time.Millisecond, Faults: "reset=1,route=/v1/"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Shutdown(context.Background()) })
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	if res, err := client.Get(srv.URL() + "/v1/p/server-groups"); err == nil {
		_ = res.Body.Close()
		t.Fatalf("HTTP %d, want the connection reset", res.StatusCode)
	}
	// Requests outside the route are untouched.
	res, err := client.Get(srv.URL() + "/v3")
	if err != nil {
		t.Fatal(err)
	}
	_ = res.Body.Close()

	res, err = client.Post(srv.URL()+"/_sandbox/faults", "text/plain", strings.NewReader("429=1"))
	if err != nil {
		t.Fatal(err)
	}
	_ = res.Body.Close()
	res, err = client.Get(srv.URL() + "/v3")
	if err != nil {
		t.Fatal(err)
	}
	_ = res.Body.Close()
	if res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("after POST /_sandbox/faults: HTTP %d, want 429", res.StatusCode)
	}

	var m metricsSnapshot
	res, err = client.Get(srv.URL() + MetricsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if err := json.NewDecoder(res.Body).Decode(&m); err != nil {
		t.Fatal(err)
	}
	if m.Faults["reset"] != 1 || m.Faults["429"] != 1 {
		t.Errorf("faults counted %v, want one reset and one 429", m.Faults)
	}
	var resets int64
	for key, st := range m.Routes {
		if strings.HasPrefix(key, "GET /v1/") {
			resets += st.Status["reset"]
		}
	}
	if resets != 1 {
		t.Errorf("routes %v: want the reset counted on its SDRS route", m.Routes)
	}
}
