package acctest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// ProviderBlock returns a provider block that points all three backends at
// the sandbox whose variables env holds (from StartSandbox), so that a test
// can use a sandbox of its own (with faults, or whose calls it counts)
// without touching the process environment.
func ProviderBlock(env map[string]string) string { return providerBlock("", env) }

// AliasedProviderBlock is ProviderBlock with an alias, for a configuration
// that works against several sandboxes or tenants at once.
func AliasedProviderBlock(alias string, env map[string]string) string {
	return providerBlock(alias, env)
}

func providerBlock(alias string, env map[string]string) string {
	if alias != "" {
		alias = fmt.Sprintf("\n  alias = %q", alias)
	}
	return fmt.Sprintf(`
provider "continuity" {%s
  astra {
    endpoint   = %q
    account_id = %q
    api_token  = %q
  }
  sdrs {
    region     = %q
    project_id = %q
    access_key = %q
    secret_key = %q
    endpoint   = %q
  }
  manila {
    auth_url            = %q
    user_name           = %q
    password            = %q
    project_name        = %q
    user_domain_name    = %q
    project_domain_name = %q
    region              = %q
  }
}
`, alias, env["ASTRA_ENDPOINT"], env["ASTRA_ACCOUNT_ID"], env["ASTRA_API_TOKEN"],
		env["HW_REGION_NAME"], env["HW_PROJECT_ID"], env["HW_ACCESS_KEY"], env["HW_SECRET_KEY"], env["HW_SDRS_ENDPOINT"],
		env["OS_AUTH_URL"], env["OS_USERNAME"], env["OS_PASSWORD"], env["OS_PROJECT_NAME"], env["OS_USER_DOMAIN_NAME"],
		env["OS_PROJECT_DOMAIN_NAME"], env["OS_REGION_NAME"])
}

// RouteStats are a sandbox's counters of one route (GET /_sandbox/metrics).
type RouteStats struct {
	Requests int64            `json:"requests"`
	Status   map[string]int64 `json:"status"`
}

// Metrics are a sandbox's request and fault counters.
type Metrics struct {
	Routes map[string]RouteStats `json:"routes"`
	Faults map[string]int64      `json:"faults"`
}

// SandboxMetrics reads the counters of the sandbox at baseURL.
func SandboxMetrics(t testing.TB, baseURL string) Metrics {
	t.Helper()
	res, err := http.Get(strings.TrimRight(baseURL, "/") + "/_sandbox/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var m Metrics
	if err := json.NewDecoder(res.Body).Decode(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

// Mutations counts the requests that could change something: every method
// but GET and HEAD, leaving out Keystone's token requests (authentication
// changes nothing the tests look at).
func (m Metrics) Mutations() map[string]int64 {
	out := map[string]int64{}
	for route, st := range m.Routes {
		method, path, _ := strings.Cut(route, " ")
		if method == http.MethodGet || method == http.MethodHead || route == "unmatched" || strings.HasPrefix(path, "/v3/auth/tokens") {
			continue
		}
		out[route] = st.Requests
	}
	return out
}

// SandboxObject is one object a sandbox holds (GET /_sandbox/objects).
type SandboxObject struct {
	Kind    string `json:"kind"`
	ID      string `json:"id"`
	Name    string `json:"name"`
	Status  string `json:"status"`
	Fixture bool   `json:"fixture"`
}

// SandboxObjects lists the objects, fixtures left out, that the sandbox at
// baseURL holds, by kind ("astra.hook_source", ...).
func SandboxObjects(t testing.TB, baseURL string) map[string][]SandboxObject {
	t.Helper()
	return TenantObjects(t, baseURL, "")
}

// TenantObjects is SandboxObjects for one tenant of the sandbox (NewTenant);
// "" is the default tenant.
func TenantObjects(t testing.TB, baseURL, tenant string) map[string][]SandboxObject {
	t.Helper()
	res, err := http.Get(strings.TrimRight(baseURL, "/") + "/_sandbox/objects?tenant=" + url.QueryEscape(tenant))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("objects of tenant %q: HTTP %d", tenant, res.StatusCode)
	}
	var body struct {
		Objects []SandboxObject `json:"objects"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	out := map[string][]SandboxObject{}
	for _, o := range body.Objects {
		if !o.Fixture {
			out[o.Kind] = append(out[o.Kind], o)
		}
	}
	return out
}

// NewTenant creates an isolated tenant named name in the sandbox at
// baseURL (POST /_sandbox/tenants), deletes it at the end of the test, and
// returns its variables: those of the sandbox's env file, with the
// tenant's own credentials and endpoints.
func NewTenant(t testing.TB, baseURL, name string) map[string]string {
	t.Helper()
	base := strings.TrimRight(baseURL, "/")
	body, err := json.Marshal(map[string]string{"name": name})
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.Post(base+"/_sandbox/tenants", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var tenant struct {
		Name      string            `json:"name"`
		Variables map[string]string `json:"variables"`
		Error     string            `json:"error"`
	}
	if err := json.NewDecoder(res.Body).Decode(&tenant); err != nil {
		t.Fatalf("creating tenant %s: HTTP %d: %v", name, res.StatusCode, err)
	}
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("creating tenant %s: HTTP %d: %s", name, res.StatusCode, tenant.Error)
	}
	t.Cleanup(func() {
		req, err := http.NewRequest(http.MethodDelete, base+"/_sandbox/tenants/"+url.PathEscape(tenant.Name), nil)
		if err != nil {
			t.Error(err)
			return
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Errorf("deleting tenant %s: %v", tenant.Name, err)
			return
		}
		_ = res.Body.Close()
		if res.StatusCode != http.StatusNoContent && res.StatusCode != http.StatusNotFound {
			t.Errorf("deleting tenant %s: HTTP %d", tenant.Name, res.StatusCode)
		}
	})
	return tenant.Variables
}

// SandboxPost sends POST baseURL+path to one of the sandbox's own routes
// (breaking replication, say) and fails the test unless it answers 200.
// Against a real endpoint the test is skipped: only the sandbox has them.
func SandboxPost(t testing.TB, baseURL, path string) {
	t.Helper()
	if !UseSandbox() {
		t.Skipf("%s=off: POST %s is the sandbox's own", EnvSandbox, path)
	}
	res, err := http.Post(strings.TrimRight(baseURL, "/")+path, "application/json", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(res.Body)
		t.Fatalf("POST %s: HTTP %d: %s", path, res.StatusCode, body)
	}
}
