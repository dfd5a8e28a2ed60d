package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/signer"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/request"
)

// answer is an HTTP answer as the security tests read it.
type answer struct {
	status int
	body   map[string]any
	raw    string
}

func call(t *testing.T, method, url string, header map[string]string, body string) answer {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	a := answer{status: res.StatusCode, raw: string(raw)}
	_ = json.Unmarshal(raw, &a.body)
	return a
}

// sdrsSigned returns the headers of an SDRS request signed by the official
// SDK's signer with sk, dated at.
func sdrsSigned(t *testing.T, endpoint, path, ak, sk string, at time.Time) map[string]string {
	t.Helper()
	req := request.NewHttpRequestBuilder().WithEndpoint(endpoint).WithPath(path).WithMethod(http.MethodGet).
		AddHeaderParam("X-Sdk-Date", at.UTC().Format(signer.BasicDateFormat)).Build()
	headers, err := signer.Sign(req, ak, sk)
	if err != nil {
		t.Fatal(err)
	}
	headers["X-Sdk-Date"] = at.UTC().Format(signer.BasicDateFormat)
	return headers
}

// TestEveryAPIRefusesBadCredentialsInItsOwnFormat sends requests without
// credentials, with wrong ones and with stale or revoked ones to each API of
// one sandbox, and checks each refusal is in that API's own format.
func TestEveryAPIRefusesBadCredentialsInItsOwnFormat(t *testing.T) {
	srv := startSandbox(t)
	env := envMap(t, srv)

	t.Run("astra", func(t *testing.T) {
		hooks := env["ASTRA_ENDPOINT"] + "/accounts/" + env["ASTRA_ACCOUNT_ID"] + "/core/v1/hookSources"
		for _, tc := range []struct {
			name, url, token string
			status           int
			problem          string
		}{
			{"no token", hooks, "", 401, "/problems/3"},
			{"wrong token", hooks, "Bearer not-the-token", 401, "/problems/4"},
			{"another account", env["ASTRA_ENDPOINT"] + "/accounts/2d6154dd-6863-4a26-8017-6be092b8b0bd/core/v1/hookSources",
				"Bearer " + env["ASTRA_API_TOKEN"], 404, "/problems/2"},
		} {
			h := map[string]string{"Accept": "application/json"}
			if tc.token != "" {
				h["Authorization"] = tc.token
			}
			a := call(t, http.MethodGet, tc.url, h, "")
			typ, _ := a.body["type"].(string)
			if a.status != tc.status || !strings.HasSuffix(typ, tc.problem) {
				t.Errorf("%s: HTTP %d %s, want %d and an RFC 7807 problem %s", tc.name, a.status, a.raw, tc.status, tc.problem)
			}
		}
		// Astra API tokens do not expire (they are revoked in the UI, after
		// which the server knows them no more): a revoked token is a wrong
		// token, problem 4, as above.
	})

	t.Run("sdrs", func(t *testing.T) {
		endpoint, project := env["HW_SDRS_ENDPOINT"], env["HW_PROJECT_ID"]
		path := "/v1/" + project + "/server-groups"
		good := sdrsSigned(t, endpoint, path, env["HW_ACCESS_KEY"], env["HW_SECRET_KEY"], time.Now())
		if a := call(t, http.MethodGet, endpoint+path, good, ""); a.status != 200 {
			t.Fatalf("a request signed by the SDK was refused: HTTP %d %s", a.status, a.raw)
		}
		tampered := map[string]string{}
		for k, v := range good {
			tampered[k] = v
		}
		tampered["Authorization"] = tampered["Authorization"][:len(tampered["Authorization"])-4] + "0000"
		for _, tc := range []struct {
			name   string
			header map[string]string
			path   string
		}{
			{"no signature", map[string]string{}, path},
			{"wrong secret key", sdrsSigned(t, endpoint, path, env["HW_ACCESS_KEY"], "not-the-secret-key", time.Now()), path},
			{"stale date (16 minutes)", sdrsSigned(t, endpoint, path, env["HW_ACCESS_KEY"], env["HW_SECRET_KEY"], time.Now().Add(-16*time.Minute)), path},
			{"tampered signature", tampered, path},
			{"signed for another path", good, path + "?limit=1"},
		} {
			a := call(t, http.MethodGet, endpoint+tc.path, tc.header, "")
			if a.status != 401 || a.body["error_code"] != "APIGW.0301" {
				t.Errorf("%s: HTTP %d %s, want 401 APIGW.0301 in the API gateway's body", tc.name, a.status, a.raw)
			}
		}
	})

	t.Run("keystone and manila", func(t *testing.T) {
		auth := env["OS_AUTH_URL"]
		password := func(user, pass, project string) string {
			return `{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"` + user + `","domain":{"name":"` +
				env["OS_USER_DOMAIN_NAME"] + `"},"password":"` + pass + `"}}},"scope":{"project":{"name":"` + project +
				`","domain":{"name":"` + env["OS_PROJECT_DOMAIN_NAME"] + `"}}}}}`
		}
		wrong := call(t, http.MethodPost, auth+"/auth/tokens", map[string]string{"Content-Type": "application/json"},
			password(env["OS_USERNAME"], "not-the-password", env["OS_PROJECT_NAME"]))
		if wrong.status != 401 || wrong.body["error"] == nil {
			t.Errorf("wrong password: HTTP %d %s, want Keystone's 401 {\"error\": ...}", wrong.status, wrong.raw)
		}
		token := func(user, pass, project string) string {
			req, _ := http.NewRequest(http.MethodPost, auth+"/auth/tokens", strings.NewReader(password(user, pass, project)))
			req.Header.Set("Content-Type", "application/json")
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			_ = res.Body.Close()
			if res.StatusCode != 201 {
				t.Fatalf("token for %s: HTTP %d", user, res.StatusCode)
			}
			return res.Header.Get("X-Subject-Token")
		}
		user := token(env["OS_USERNAME"], env["OS_PASSWORD"], env["OS_PROJECT_NAME"])
		admin := token(env["CONTINUITY_SANDBOX_MANILA_ADMIN_USERNAME"], env["CONTINUITY_SANDBOX_MANILA_ADMIN_PASSWORD"],
			env["CONTINUITY_SANDBOX_MANILA_ADMIN_PROJECT_NAME"])
		manila := func(project string) string {
			return strings.TrimSuffix(auth, "/v3") + "/v2/" + project
		}
		headers := func(tok string) map[string]string {
			h := map[string]string{"Content-Type": "application/json", "X-OpenStack-Manila-API-Version": "2.22",
				"X-OpenStack-Manila-API-Experimental": "true"}
			if tok != "" {
				h["X-Auth-Token"] = tok
			}
			return h
		}
		userURL := manila(env["CONTINUITY_SANDBOX_MANILA_PROJECT_ID"])
		adminURL := manila(env["CONTINUITY_SANDBOX_MANILA_ADMIN_PROJECT_ID"])

		for _, tc := range []struct {
			name, token string
		}{{"no token", ""}, {"wrong token", "not-a-token"}} {
			a := call(t, http.MethodGet, userURL+"/consistency-groups", headers(tc.token), "")
			if a.status != 401 {
				t.Errorf("%s: HTTP %d %s, want 401", tc.name, a.status, a.raw)
			}
		}
		// A revoked token is refused like an expired one.
		revoke := call(t, http.MethodDelete, auth+"/auth/tokens", map[string]string{"X-Auth-Token": admin, "X-Subject-Token": user}, "")
		if revoke.status != 204 {
			t.Fatalf("revoking a token: HTTP %d %s", revoke.status, revoke.raw)
		}
		if a := call(t, http.MethodGet, userURL+"/consistency-groups", headers(user), ""); a.status != 401 {
			t.Errorf("revoked token: HTTP %d %s, want 401", a.status, a.raw)
		}
		user = token(env["OS_USERNAME"], env["OS_PASSWORD"], env["OS_PROJECT_NAME"])

		// The admin's group in the admin's project: the ordinary user of
		// another project can neither see nor delete it, nor use the admin
		// project's URL.
		created := call(t, http.MethodPost, adminURL+"/consistency-groups", headers(admin),
			`{"consistency_group":{"name":"admins-only","share_types":["`+env["CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_GOLD_ID"]+`"]}}`)
		cg, _ := created.body["consistency_group"].(map[string]any)
		if created.status != 202 || cg == nil {
			t.Fatalf("admin creating a group: HTTP %d %s", created.status, created.raw)
		}
		id, _ := cg["id"].(string)
		if a := call(t, http.MethodGet, userURL+"/consistency-groups/"+id, headers(user), ""); a.status != 404 || a.body["itemNotFound"] == nil {
			t.Errorf("another project's group read: HTTP %d %s, want Manila's 404 itemNotFound", a.status, a.raw)
		}
		if a := call(t, http.MethodDelete, userURL+"/consistency-groups/"+id, headers(user), ""); a.status != 404 {
			t.Errorf("another project's group deleted: HTTP %d %s, want 404", a.status, a.raw)
		}
		if a := call(t, http.MethodGet, adminURL+"/consistency-groups", headers(user), ""); a.status == 200 {
			t.Errorf("the ordinary user listed the admin project's groups: %s", a.raw)
		}
		list := call(t, http.MethodGet, userURL+"/consistency-groups", headers(user), "")
		if strings.Contains(list.raw, id) {
			t.Errorf("another project's group is listed: %s", list.raw)
		}
	})
}

func TestTheSandboxBindsToLoopbackByDefault(t *testing.T) {
	srv := startSandbox(t)
	if !srv.Loopback() {
		t.Errorf("listening on %s, want loopback", srv.Addr())
	}
}
