package sandbox

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// postTenant creates a tenant through the HTTP API and returns it.
func postTenant(t *testing.T, srv *Server, body string) Tenant {
	t.Helper()
	res, err := http.Post(srv.URL()+TenantsPath, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("POST %s: HTTP %d %s", TenantsPath, res.StatusCode, raw)
	}
	var tn Tenant
	if err := json.Unmarshal(raw, &tn); err != nil {
		t.Fatal(err)
	}
	if loc := res.Header.Get("Location"); loc != TenantsPath+"/"+tn.Name {
		t.Errorf("Location = %q", loc)
	}
	return tn
}

// do is call (security_test.go) for the status and raw body.
func do(t *testing.T, method, url string, header map[string]string, body string) (int, string) {
	t.Helper()
	a := call(t, method, url, header, body)
	return a.status, a.raw
}

func TestTenantHasEveryVariableOfTheEnvFileWithItsOwnCredentials(t *testing.T) {
	srv := startSandbox(t)
	def := envMap(t, srv)
	tn := postTenant(t, srv, `{"name": "ci-42"}`)
	if tn.Name != "ci-42" || tn.Prefix != "/_tenants/ci-42" {
		t.Fatalf("tenant %+v", tn)
	}
	for name := range def {
		if tn.Variables[name] == "" {
			t.Errorf("the tenant has no %s", name)
		}
	}
	if len(tn.Variables) != len(def)+1 || tn.Variables[EnvTenant] != "ci-42" {
		t.Errorf("variables %d (want %d and %s): %v", len(tn.Variables), len(def)+1, EnvTenant, tn.Variables)
	}
	want := map[string]string{
		"ASTRA_ENDPOINT":   srv.URL() + "/_tenants/ci-42",
		"HW_SDRS_ENDPOINT": srv.URL(),
		"OS_AUTH_URL":      srv.URL() + "/_tenants/ci-42/v3",
	}
	for name, value := range want {
		if tn.Variables[name] != value {
			t.Errorf("%s = %q, want %q", name, tn.Variables[name], value)
		}
	}
	for _, secret := range []string{"ASTRA_ACCOUNT_ID", "ASTRA_API_TOKEN", "HW_PROJECT_ID", "HW_ACCESS_KEY", "HW_SECRET_KEY",
		"OS_PASSWORD", "CONTINUITY_SANDBOX_MANILA_ADMIN_PASSWORD", "CONTINUITY_SANDBOX_MANILA_APPLICATION_CREDENTIAL_SECRET"} {
		if tn.Variables[secret] == def[secret] {
			t.Errorf("%s is the default tenant's", secret)
		}
	}
	// The fixtures are the default tenant's, with the same IDs.
	if tn.Variables["CONTINUITY_SANDBOX_SDRS_SERVER_IDS"] != def["CONTINUITY_SANDBOX_SDRS_SERVER_IDS"] {
		t.Error("the tenant's SDRS servers differ")
	}
	if !strings.Contains(tn.Env, "export ASTRA_API_TOKEN='"+tn.Variables["ASTRA_API_TOKEN"]+"'\n") ||
		strings.Count(tn.Env, "export ") != len(tn.Variables) {
		t.Errorf("env:\n%s", tn.Env)
	}
	// ?format=env answers the lines alone, for eval "$(curl ...)".
	status, body := do(t, http.MethodGet, srv.URL()+TenantsPath+"/ci-42?format=env", nil, "")
	if status != http.StatusOK || body != tn.Env {
		t.Errorf("format=env: HTTP %d\n%s", status, body)
	}
	status, body = do(t, http.MethodPost, srv.URL()+TenantsPath+"?format=env", nil, "")
	if status != http.StatusCreated || !strings.Contains(body, "export CONTINUITY_SANDBOX_TENANT='t-") {
		t.Errorf("POST format=env: HTTP %d\n%s", status, body)
	}
	// The default tenant answers the -env-file's variables.
	status, body = do(t, http.MethodGet, srv.URL()+TenantsPath+"/default?format=env", nil, "")
	if status != http.StatusOK || body != formatEnv(srv.Env()) {
		t.Errorf("default: HTTP %d\n%s", status, body)
	}
}

func TestTenantsAreListedRefusedAndDeleted(t *testing.T) {
	srv := startSandbox(t)
	postTenant(t, srv, `{"name":"a"}`)
	postTenant(t, srv, `{"name":"b"}`)
	for _, c := range []struct {
		method, path, body string
		status             int
	}{
		{http.MethodPost, TenantsPath, `{"name":"a"}`, http.StatusConflict},
		{http.MethodPost, TenantsPath, `{"name":"default"}`, http.StatusConflict},
		{http.MethodPost, TenantsPath, `{"name":"a/b"}`, http.StatusBadRequest},
		{http.MethodPost, TenantsPath, `{"name":"-a"}`, http.StatusBadRequest},
		{http.MethodPost, TenantsPath, `{"title":"c"}`, http.StatusBadRequest},
		{http.MethodPost, TenantsPath, `not json`, http.StatusBadRequest},
		{http.MethodGet, TenantsPath + "/c", "", http.StatusNotFound},
		{http.MethodDelete, TenantsPath + "/c", "", http.StatusNotFound},
		{http.MethodDelete, TenantsPath + "/default", "", http.StatusConflict},
		{http.MethodGet, ObjectsPath + "?tenant=c", "", http.StatusNotFound},
		{http.MethodDelete, TenantsPath + "/a", "", http.StatusNoContent},
		{http.MethodDelete, TenantsPath + "/a", "", http.StatusNotFound},
	} {
		status, body := do(t, c.method, srv.URL()+c.path, nil, c.body)
		if status != c.status {
			t.Errorf("%s %s %s: HTTP %d %s, want %d", c.method, c.path, c.body, status, body, c.status)
		}
		if status >= 400 && !strings.Contains(body, `"error"`) {
			t.Errorf("%s %s: error body %s", c.method, c.path, body)
		}
	}
	status, body := do(t, http.MethodGet, srv.URL()+TenantsPath, nil, "")
	var list struct {
		Tenants []Tenant `json:"tenants"`
	}
	if err := json.Unmarshal([]byte(body), &list); err != nil || status != http.StatusOK {
		t.Fatalf("list: HTTP %d %s", status, body)
	}
	if len(list.Tenants) != 1 || list.Tenants[0].Name != "b" || list.Tenants[0].Variables["ASTRA_API_TOKEN"] == "" {
		t.Fatalf("list %+v", list.Tenants)
	}
}

// The router: a tenant's prefix goes to its mux with the prefix taken off
// and remembered for backend.BaseURL; /v1/{project}/ goes to the tenant
// whose SDRS project it is; the rest, and SDRS requests of another
// project, to the default tenant's; an unknown prefix to the emulators
// nobody has credentials for.
func TestTenantRouting(t *testing.T) {
	srv := startSandbox(t)
	tn, err := srv.CreateTenant("t1")
	if err != nil {
		t.Fatal(err)
	}
	t1, _ := srv.tenant("t1")
	root, nobody := srv.root, srv.tenants.nobody
	defaultProject := envMap(t, srv)["HW_PROJECT_ID"]
	for _, c := range []struct {
		path     string
		tenant   *tenant
		seen     string
		base     string
		describe string
	}{
		{"/_tenants/t1/accounts/x/core/v1/hookSources", t1, "/accounts/x/core/v1/hookSources", "http://sandbox/_tenants/t1", "Astra under the prefix"},
		{"/_tenants/t1/v3/auth/tokens", t1, "/v3/auth/tokens", "http://sandbox/_tenants/t1", "Keystone under the prefix"},
		{"/_tenants/t1", t1, "/", "http://sandbox/_tenants/t1", "the bare prefix"},
		{"/v1/" + tn.Variables["HW_PROJECT_ID"] + "/server-groups", t1, "/v1/" + tn.Variables["HW_PROJECT_ID"] + "/server-groups", "http://sandbox", "SDRS by project"},
		{"/v1/" + defaultProject + "/server-groups", root, "/v1/" + defaultProject + "/server-groups", "http://sandbox", "the default project"},
		{"/v1/unknown/server-groups", root, "/v1/unknown/server-groups", "http://sandbox", "an unknown project"},
		{"/v2/p/shares", root, "/v2/p/shares", "http://sandbox", "Manila at the root"},
		{"/_sandbox/objects", root, "/_sandbox/objects", "http://sandbox", "the sandbox's own routes"},
		{"/_tenants/gone/v3/auth/tokens", nobody, "/v3/auth/tokens", "http://sandbox/_tenants/gone", "an unknown prefix"},
		{"/_tenants/t1/../gone/v3", root, "/_tenants/t1/../gone/v3", "http://sandbox", "a path to clean (the mux redirects)"},
	} {
		r := httptest.NewRequest(http.MethodGet, "http://sandbox"+c.path+"?q=1", nil)
		r.RequestURI = c.path + "?q=1" // As a server sees it.
		got, seen := srv.route(r)
		if got != c.tenant || seen.URL.Path != c.seen || backend.BaseURL(seen) != c.base ||
			seen.URL.RawQuery != "q=1" || seen.RequestURI != c.seen+"?q=1" {
			t.Errorf("%s: %s to tenant %q, seen as %s (RequestURI %s), base %s", c.describe, c.path, got.name, seen.URL.Path, seen.RequestURI, backend.BaseURL(seen))
		}
	}
}

// A tenant's Astra is isolated: what one tenant creates, another and the
// default tenant do not see; one tenant's token is refused by another; a
// Location header points into the prefix; a deleted tenant's credentials
// get Astra's 401.
func TestTenantAstraIsIsolated(t *testing.T) {
	srv := startSandbox(t)
	a := postTenant(t, srv, `{"name":"a"}`)
	b := postTenant(t, srv, `{"name":"b"}`)
	hookSources := func(v map[string]string) string {
		return v["ASTRA_ENDPOINT"] + "/accounts/" + v["ASTRA_ACCOUNT_ID"] + "/core/v1/hookSources"
	}
	auth := func(v map[string]string) map[string]string {
		return map[string]string{"Authorization": "Bearer " + v["ASTRA_API_TOKEN"], "Content-Type": "application/astra-hookSource+json"}
	}
	create := `{"type":"application/astra-hookSource","version":"1.0","name":"same","sourceType":"script","source":"IyEvYmluL3NoCg=="}`
	for _, v := range []map[string]string{a.Variables, b.Variables} {
		req, _ := http.NewRequest(http.MethodPost, hookSources(v), strings.NewReader(create))
		for k, h := range auth(v) {
			req.Header.Set(k, h)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_ = res.Body.Close()
		if res.StatusCode != http.StatusCreated || !strings.HasPrefix(res.Header.Get("Location"), hookSources(v)+"/") {
			t.Fatalf("create in %s: HTTP %d, Location %q", v[EnvTenant], res.StatusCode, res.Header.Get("Location"))
		}
	}
	count := func(tenant string) int {
		t.Helper()
		_, body := do(t, http.MethodGet, srv.URL()+ObjectsPath+"?tenant="+tenant, nil, "")
		var objects struct {
			Objects []backend.Object `json:"objects"`
		}
		if err := json.Unmarshal([]byte(body), &objects); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, o := range objects.Objects {
			if o.Kind == "astra.hook_source" && o.Name == "same" {
				n++
			}
		}
		return n
	}
	if count("a") != 1 || count("b") != 1 || count("default") != 0 || count("") != 0 {
		t.Errorf("hook sources named same: a %d, b %d, default %d", count("a"), count("b"), count("default"))
	}
	// b's token on a's endpoint, a's account on b's, and the default
	// tenant's token on a's: Astra's 401.
	mixed := map[string]string{"ASTRA_ENDPOINT": a.Variables["ASTRA_ENDPOINT"], "ASTRA_ACCOUNT_ID": a.Variables["ASTRA_ACCOUNT_ID"], "ASTRA_API_TOKEN": b.Variables["ASTRA_API_TOKEN"]}
	if status, body := do(t, http.MethodGet, hookSources(mixed), auth(mixed), ""); status != http.StatusUnauthorized {
		t.Errorf("b's token in a: HTTP %d %s", status, body)
	}
	def := envMap(t, srv)
	if status, body := do(t, http.MethodGet, hookSources(def), auth(a.Variables), ""); status != http.StatusUnauthorized {
		t.Errorf("a's token at the root: HTTP %d %s", status, body)
	}
	if status, _ := do(t, http.MethodGet, hookSources(def), auth(def), ""); status != http.StatusOK {
		t.Errorf("the default tenant: HTTP %d", status)
	}
	if err := srv.DeleteTenant("a"); err != nil {
		t.Fatal(err)
	}
	status, body := do(t, http.MethodGet, hookSources(a.Variables), auth(a.Variables), "")
	if status != http.StatusUnauthorized || !strings.Contains(body, `"status":"401"`) {
		t.Errorf("a deleted: HTTP %d %s", status, body)
	}
	if status, _ := do(t, http.MethodGet, hookSources(b.Variables), auth(b.Variables), ""); status != http.StatusOK {
		t.Errorf("b after a's deletion: HTTP %d", status)
	}
}

// A tenant starts with the default tenant's fixtures (the user's of
// -fixtures included, as both are built by buildBackends' path), with the
// same IDs, and none of its objects.
func TestTenantStartsWithTheDefaultFixtures(t *testing.T) {
	srv := startSandbox(t)
	tn, err := srv.CreateTenant("fixtures")
	if err != nil {
		t.Fatal(err)
	}
	inTenant, _ := srv.tenant(tn.Name)
	fixtures := func(objects []backend.Object) map[string]bool {
		out := map[string]bool{}
		for _, o := range objects {
			if o.Fixture {
				out[o.Kind+" "+o.ID+" "+o.Name] = true
			}
		}
		return out
	}
	want, got := fixtures(srv.Objects()), fixtures(objectsOf(inTenant.backends))
	if len(want) == 0 || len(got) != len(want) {
		t.Fatalf("the tenant has %d fixtures, the default tenant %d", len(got), len(want))
	}
	for key := range want {
		if !got[key] {
			t.Errorf("the tenant lacks %s", key)
		}
	}
}

// Tenants are created, used, listed and deleted concurrently (run with
// -race to check the locking).
func TestTenantsConcurrently(t *testing.T) {
	srv := startSandbox(t)
	errs := make(chan string, 16)
	done := make(chan struct{})
	for i := range 8 {
		go func() {
			defer func() { done <- struct{}{} }()
			tn, err := srv.CreateTenant("c" + string(rune('0'+i)))
			if err != nil {
				errs <- err.Error()
				return
			}
			v := tn.Variables
			req, _ := http.NewRequest(http.MethodGet, v["ASTRA_ENDPOINT"]+"/accounts/"+v["ASTRA_ACCOUNT_ID"]+"/core/v1/hookSources", nil)
			req.Header.Set("Authorization", "Bearer "+v["ASTRA_API_TOKEN"])
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				errs <- err.Error()
				return
			}
			_ = res.Body.Close()
			if res.StatusCode != http.StatusOK {
				errs <- tn.Name + ": HTTP " + res.Status
			}
			_ = srv.Tenants()
			if err := srv.DeleteTenant(tn.Name); err != nil {
				errs <- err.Error()
			}
		}()
	}
	for range 8 {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if n := len(srv.Tenants()); n != 0 {
		t.Errorf("%d tenants left", n)
	}
}

func TestTenantsAreBounded(t *testing.T) {
	srv := startSandbox(t)
	for i := range maxTenants {
		if _, err := srv.CreateTenant(""); err != nil {
			t.Fatalf("tenant %d: %v", i+1, err)
		}
	}
	status, body := do(t, http.MethodPost, srv.URL()+TenantsPath, nil, "")
	if status != http.StatusConflict || !strings.Contains(body, "delete some first") {
		t.Fatalf("tenant %d: HTTP %d %s", maxTenants+1, status, body)
	}
}

// Each tenant has its own faults and counters: a fault spec set for one
// tenant fails only its requests, and each tenant's metrics count only its
// own. A tenant starts with the command line's -faults.
func TestTenantsHaveTheirOwnFaultsAndMetrics(t *testing.T) {
	srv, err := Start(Options{Addr: "127.0.0.1:0", Transition: time.Millisecond, Faults: "seed=7,stall=astra.app.manage"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Shutdown(context.Background()) })
	a := postTenant(t, srv, `{"name":"a"}`)
	b := postTenant(t, srv, `{"name":"b"}`)
	def := envMap(t, srv)
	spec := func(tenant string) string {
		t.Helper()
		ans := call(t, http.MethodGet, srv.URL()+"/_sandbox/faults?tenant="+tenant, nil, "")
		if ans.status != http.StatusOK {
			t.Fatalf("faults of %q: HTTP %d %s", tenant, ans.status, ans.raw)
		}
		return ans.body["spec"].(string)
	}
	if got := spec("a"); got != spec("") || !strings.Contains(got, "stall=astra.app.manage") {
		t.Errorf("a starts with faults %q, the default tenant has %q", got, spec(""))
	}
	if ans := call(t, http.MethodPost, srv.URL()+"/_sandbox/faults?tenant=a", nil, "5xx=1"); ans.status != http.StatusOK {
		t.Fatalf("setting a's faults: HTTP %d %s", ans.status, ans.raw)
	}
	list := func(v map[string]string) int {
		t.Helper()
		status, _ := do(t, http.MethodGet, v["ASTRA_ENDPOINT"]+"/accounts/"+v["ASTRA_ACCOUNT_ID"]+"/core/v1/hookSources",
			map[string]string{"Authorization": "Bearer " + v["ASTRA_API_TOKEN"]}, "")
		return status
	}
	if got := list(a.Variables); got < 500 {
		t.Errorf("a under 5xx=1: HTTP %d", got)
	}
	for name, v := range map[string]map[string]string{"b": b.Variables, "default": def} {
		if got := list(v); got != http.StatusOK {
			t.Errorf("%s while a is under 5xx=1: HTTP %d", name, got)
		}
	}
	if got := spec("b"); strings.Contains(got, "5xx") {
		t.Errorf("b's faults %q", got)
	}
	const route = "GET /accounts/{account_id}/core/v1/hookSources"
	for tenant, failed := range map[string]bool{"a": true, "b": false, "": false} {
		var m metricsSnapshot
		ans := call(t, http.MethodGet, srv.URL()+MetricsPath+"?tenant="+tenant, nil, "")
		if err := json.Unmarshal([]byte(ans.raw), &m); err != nil {
			t.Fatalf("metrics of %q: HTTP %d %s", tenant, ans.status, ans.raw)
		}
		st := m.Routes[route]
		if st == nil || st.Requests != 1 || (st.Status["200"] == 1) == failed {
			t.Errorf("metrics of %q: %s %+v, want one request, failed %v", tenant, route, st, failed)
		}
		if injected := m.Faults["5xx"] == 1; injected != failed {
			t.Errorf("metrics of %q: faults %v", tenant, m.Faults)
		}
	}
	for _, path := range []string{MetricsPath, "/_sandbox/faults"} {
		if status, _ := do(t, http.MethodGet, srv.URL()+path+"?tenant=c", nil, ""); status != http.StatusNotFound {
			t.Errorf("%s of no tenant: HTTP %d", path, status)
		}
	}
}
