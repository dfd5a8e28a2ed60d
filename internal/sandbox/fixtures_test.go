package sandbox

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/astra"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/manila"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"
)

var exampleFixtures = filepath.Join("..", "..", "examples", "sandbox", "fixtures.yaml")

// The example estate is valid under the served JSON Schema, loads, and the
// env file names the user's objects, which the APIs serve.
func TestFixturesExampleLoadsAndIsValid(t *testing.T) {
	data, err := os.ReadFile(exampleFixtures)
	if err != nil {
		t.Fatal(err)
	}
	schemaJSON, err := FixturesSchema()
	if err != nil {
		t.Fatal(err)
	}
	schemaDoc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("fixtures.schema.json", schemaDoc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("fixtures.schema.json")
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	var doc any
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(normalize(doc)); err != nil {
		t.Fatalf("%s is not valid under the schema: %v", exampleFixtures, err)
	}
	var bad any = map[string]any{"astra": map[string]any{"clusters": []any{map[string]any{"colour": "red"}}}}
	if schema.Validate(bad) == nil {
		t.Error("the schema accepts a cluster without a name and with an unknown key")
	}

	srv := startWith(t, Options{FixturesFile: exampleFixtures})
	defer func() { _ = srv.Shutdown(context.Background()) }()
	env := envMap(t, srv)
	for name, want := range map[string]string{
		"CONTINUITY_SANDBOX_ASTRA_UNMANAGED_NAMESPACES": "prod-paris/payroll,dr-lyon/payroll",
		"CONTINUITY_SANDBOX_MANILA_AVAILABILITY_ZONES":  "paris,lyon",
		"CONTINUITY_SANDBOX_MANILA_SHARE_NETWORK_NAME":  "storage-net",
	} {
		if env[name] != want {
			t.Errorf("%s = %q, want %q", name, env[name], want)
		}
	}
	if servers := strings.Split(env["CONTINUITY_SANDBOX_SDRS_SERVER_IDS"], ","); len(servers) != 2 {
		t.Errorf("CONTINUITY_SANDBOX_SDRS_SERVER_IDS = %v, want erp-app-01 and erp-db-01", servers)
	}
	for _, name := range []string{"CONTINUITY_SANDBOX_ASTRA_CLUSTER_EAST_ID", "CONTINUITY_SANDBOX_ASTRA_APP_WORDPRESS_ID", "CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_GOLD_ID"} {
		if _, ok := env[name]; ok {
			t.Errorf("%s is exported, but mode: replace dropped its fixture", name)
		}
	}
	if env["CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_REPLICATED_ID"] != env["CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_ONTAP_DR_ID"] {
		t.Errorf("the replicated share type is not ontap-dr: %v", env)
	}
	app := astraGet(t, srv, "/k8s/v2/apps/"+env["CONTINUITY_SANDBOX_ASTRA_APP_BILLING_ID"])
	if !strings.Contains(app, `"clusterName":"prod-paris"`) || !strings.Contains(app, `"billing-db"`) {
		t.Errorf("app billing = %s", app)
	}
}

func TestFixturesNameTheDuplicate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.yaml")
	if err := os.WriteFile(path, []byte("sdrs:\n  servers:\n    - name: web-01\n    - name: web-01\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Start(Options{Addr: "127.0.0.1:0", FixturesFile: path})
	if err == nil || !strings.Contains(err.Error(), `sdrs: server "web-01": the name is taken`) {
		t.Fatalf("err = %v", err)
	}
}

// astraGet reads an Astra path of the account and returns the body.
func astraGet(t *testing.T, srv *Server, path string) string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, srv.URL()+"/accounts/"+astra.AccountID+path, nil)
	req.Header.Set("Authorization", "Bearer "+astra.Token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, res.StatusCode, body)
	}
	return string(body)
}

// send sends a request and returns the response, its body read.
func send(t *testing.T, req *http.Request) (*http.Response, string) {
	t.Helper()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

// The real emulators behind -state: what a client made before a stop is
// there after the restart, under the same IDs, with its operation still
// under way, and the Keystone token issued before the stop still works.
func TestStateFileKeepsTheEmulatorsObjectsAcrossRestarts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	opts := Options{StateFile: path, Transition: time.Hour, ManilaModern: true}
	srv := startWith(t, opts)
	hook := `{"type":"application/astra-hookSource","version":"1.0","name":"kept","sourceType":"script","source":"ZWNobyBoaQ=="}`
	req, _ := http.NewRequest(http.MethodPost, srv.URL()+"/accounts/"+astra.AccountID+"/core/v1/hookSources", strings.NewReader(hook))
	req.Header.Set("Authorization", "Bearer "+astra.Token)
	req.Header.Set("Content-Type", "application/astra-hookSource+json")
	if res, body := send(t, req); res.StatusCode != http.StatusCreated || !strings.Contains(body, `"name":"kept"`) {
		t.Fatalf("hook source: %d %s", res.StatusCode, body)
	}
	auth := `{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "` + manila.UserName +
		`", "domain": {"name": "Default"}, "password": "` + manila.UserPassword + `"}}}, "scope": {"project": {"name": "` +
		manila.ProjectName + `", "domain": {"id": "default"}}}}}`
	res, body := send(t, must(http.NewRequest(http.MethodPost, srv.URL()+"/v3/auth/tokens", strings.NewReader(auth))))
	token := res.Header.Get("X-Subject-Token")
	if token == "" {
		t.Fatalf("token: %d %s", res.StatusCode, body)
	}
	manilaReq := func(s *Server, method, path, body string) (*http.Response, string) {
		r := must(http.NewRequest(method, s.URL()+"/v2/"+manila.ProjectID+path, strings.NewReader(body)))
		r.Header.Set("X-Auth-Token", token)
		r.Header.Set("X-OpenStack-Manila-API-Version", "2.56")
		return send(t, r)
	}
	res, created := manilaReq(srv, http.MethodPost, "/shares", `{"share": {"share_proto": "NFS", "size": 1, "name": "kept", "share_type": "gold"}}`)
	if res.StatusCode != http.StatusOK && res.StatusCode != http.StatusAccepted {
		t.Fatalf("share: %d %s", res.StatusCode, created)
	}
	_, before := manilaReq(srv, http.MethodGet, "/shares/detail", "")
	firstURL := srv.URL()
	if err := srv.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}

	srv = startWith(t, opts)
	defer func() { _ = srv.Shutdown(context.Background()) }()
	if hooks := astraGet(t, srv, "/core/v1/hookSources"); !strings.Contains(hooks, `"name":"kept"`) {
		t.Errorf("hook sources after the restart: %s", hooks)
	}
	res, after := manilaReq(srv, http.MethodGet, "/shares/detail", "")
	if res.StatusCode != http.StatusOK || after != strings.ReplaceAll(before, firstURL, srv.URL()) || !strings.Contains(after, `"status": "creating"`) {
		t.Errorf("shares after the restart (%d):\n%s\nwant\n%s", res.StatusCode, after, before)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// A tenant of a sandbox started with -fixtures holds the user's estate
// too, under the same variables, and its Astra serves the user's app.
func TestTenantsGetTheUsersFixtures(t *testing.T) {
	srv := startWith(t, Options{FixturesFile: exampleFixtures})
	defer func() { _ = srv.Shutdown(context.Background()) }()
	env := envMap(t, srv)
	tn := postTenant(t, srv, `{"name": "estate"}`)
	for _, name := range []string{"CONTINUITY_SANDBOX_ASTRA_APP_BILLING_ID", "CONTINUITY_SANDBOX_SDRS_SERVER_IDS",
		"CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_ONTAP_DR_ID", "CONTINUITY_SANDBOX_MANILA_AVAILABILITY_ZONES"} {
		if env[name] == "" || tn.Variables[name] != env[name] {
			t.Errorf("%s: the tenant has %q, the default tenant %q", name, tn.Variables[name], env[name])
		}
	}
	if _, ok := tn.Variables["CONTINUITY_SANDBOX_ASTRA_APP_WORDPRESS_ID"]; ok {
		t.Error("the tenant exports the default app wordpress, which the fixtures replaced")
	}
	req, _ := http.NewRequest(http.MethodGet, tn.Variables["ASTRA_ENDPOINT"]+"/accounts/"+tn.Variables["ASTRA_ACCOUNT_ID"]+
		"/k8s/v2/apps/"+tn.Variables["CONTINUITY_SANDBOX_ASTRA_APP_BILLING_ID"], nil)
	req.Header.Set("Authorization", "Bearer "+tn.Variables["ASTRA_API_TOKEN"])
	res, body := send(t, req)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `"clusterName":"prod-paris"`) {
		t.Errorf("the tenant's app billing: HTTP %d %s", res.StatusCode, body)
	}
}
