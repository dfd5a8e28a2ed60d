package manila

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

const unauthorizedBody = `{"error": {"code": 401, "message": "The request you have made requires authentication.", "title": "Unauthorized"}}`

func tokenRequest(identity, scope string) string {
	s := `{"auth": {"identity": ` + identity
	if scope != "" {
		s += `, "scope": ` + scope
	}
	return s + `}}`
}

func TestPasswordTokenCarriesTheCatalog(t *testing.T) {
	f := newFixture(t, Options{})
	res := f.send(request{method: http.MethodPost, path: "/v3/auth/tokens", body: tokenRequest(
		`{"methods": ["password"], "password": {"user": {"id": "`+UserID+`", "password": "`+UserPassword+`"}}}`,
		`{"project": {"id": "`+ProjectID+`"}}`)})
	expect(t, res, http.StatusCreated, "")
	if res.header.Get("X-Subject-Token") == "" || res.header.Get("Vary") != "X-Auth-Token" {
		t.Errorf("headers %v", res.header)
	}
	tok := obj(t, res, "token")
	if p := tok["project"].(map[string]any); p["id"] != ProjectID || p["name"] != ProjectName {
		t.Errorf("project %v", p)
	}
	if u := tok["user"].(map[string]any); u["name"] != UserName {
		t.Errorf("user %v", u)
	}
	found := map[string]string{}
	for _, e := range tok["catalog"].([]any) {
		entry := e.(map[string]any)
		for _, ep := range entry["endpoints"].([]any) {
			ep := ep.(map[string]any)
			if ep["interface"] == "public" && ep["region_id"] == RegionName {
				found[entry["type"].(string)] = ep["url"].(string)
			}
		}
	}
	manila := f.srv.URL + "/v2/" + ProjectID
	if found["sharev2"] != manila || found["shared-file-system"] != manila || found["identity"] != f.srv.URL+"/v3" {
		t.Errorf("catalog %v", found)
	}
	if exp, _ := time.Parse(time.RFC3339Nano, tok["expires_at"].(string)); !exp.Equal(f.clock.Now().Add(time.Hour).Truncate(time.Microsecond)) {
		t.Errorf("expires_at %v", tok["expires_at"])
	}
}

func TestTokenRequestsRefused(t *testing.T) {
	f := newFixture(t, Options{})
	pw := func(user, password string) string {
		return `{"methods": ["password"], "password": {"user": {"name": "` + user + `", "domain": {"name": "Default"}, "password": "` + password + `"}}}`
	}
	demo := `{"project": {"name": "demo", "domain": {"name": "Default"}}}`
	cases := []struct {
		name, body string
		status     int
		want       string
	}{
		{"wrong password", tokenRequest(pw(UserName, "nope"), demo), 401, unauthorizedBody},
		{"unknown user", tokenRequest(pw("mallory", UserPassword), demo), 401, unauthorizedBody},
		{"project without role", tokenRequest(pw(UserName, UserPassword), `{"project": {"name": "admin", "domain": {"name": "Default"}}}`), 401, unauthorizedBody},
		{"unknown project", tokenRequest(pw(UserName, UserPassword), `{"project": {"id": "0123"}}`), 401, unauthorizedBody},
		{"wrong domain", tokenRequest(pw(UserName, UserPassword), `{"project": {"name": "demo", "domain": {"name": "Other"}}}`), 401, unauthorizedBody},
		{"no identity", `{"auth": {}}`, 400, `{"error": {"code": 400, "message": "Expecting to find identity in auth. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.", "title": "Bad Request"}}`},
		{"user name without domain", tokenRequest(`{"methods": ["password"], "password": {"user": {"name": "demo", "password": "x"}}}`, ""), 400, ""},
		{"unsupported method", tokenRequest(`{"methods": ["totp"]}`, ""), 401, ""},
		{"application credential with a scope", tokenRequest(`{"methods": ["application_credential"], "application_credential": {"id": "`+AppCredentialID+`", "secret": "`+AppCredentialSecret+`"}}`, demo), 401, unauthorizedBody},
		{"application credential wrong secret", tokenRequest(`{"methods": ["application_credential"], "application_credential": {"id": "`+AppCredentialID+`", "secret": "x"}}`, ""), 401, unauthorizedBody},
		{"not JSON", `{"auth":`, 400, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := f.send(request{method: http.MethodPost, path: "/v3/auth/tokens", body: tc.body})
			expect(t, res, tc.status, tc.want)
			if tc.status == 401 && !strings.HasPrefix(res.header.Get("WWW-Authenticate"), `Keystone uri="`) {
				t.Errorf("WWW-Authenticate = %q", res.header.Get("WWW-Authenticate"))
			}
		})
	}
}

func TestApplicationCredentialAndTokenMethods(t *testing.T) {
	f := newFixture(t, Options{})
	for name, identity := range map[string]string{
		"by id":   `{"methods": ["application_credential"], "application_credential": {"id": "` + AppCredentialID + `", "secret": "` + AppCredentialSecret + `"}}`,
		"by name": `{"methods": ["application_credential"], "application_credential": {"name": "` + AppCredentialName + `", "secret": "` + AppCredentialSecret + `", "user": {"name": "demo", "domain": {"id": "default"}}}}`,
	} {
		res := f.send(request{method: http.MethodPost, path: "/v3/auth/tokens", body: tokenRequest(identity, "")})
		expect(t, res, http.StatusCreated, "")
		tok := obj(t, res, "token")
		if tok["project"].(map[string]any)["id"] != ProjectID || tok["application_credential"].(map[string]any)["id"] != AppCredentialID {
			t.Errorf("%s: token %v", name, tok)
		}
	}
	// An unscoped token has no catalog; the token method scopes it.
	res := f.send(request{method: http.MethodPost, path: "/v3/auth/tokens", body: tokenRequest(
		`{"methods": ["password"], "password": {"user": {"name": "demo", "domain": {"name": "Default"}, "password": "`+UserPassword+`"}}}`, "")})
	expect(t, res, http.StatusCreated, "")
	if _, has := obj(t, res, "token")["catalog"]; has {
		t.Error("unscoped token has a catalog")
	}
	unscoped := res.header.Get("X-Subject-Token")
	res = f.send(request{method: http.MethodPost, path: "/v3/auth/tokens", body: tokenRequest(
		`{"methods": ["token"], "token": {"id": "`+unscoped+`"}}`, `{"project": {"id": "`+ProjectID+`"}}`)})
	expect(t, res, http.StatusCreated, "")
	if obj(t, res, "token")["project"].(map[string]any)["id"] != ProjectID {
		t.Errorf("rescoped token %s", res.raw)
	}
	// Manila refuses the unscoped token's project: there is none.
	expect(t, f.send(request{method: http.MethodGet, path: "/v2/" + ProjectID + "/types", token: unscoped}), http.StatusBadRequest,
		`{"badRequest": {"code": 400, "message": "Malformed request url"}}`)
}

func TestTokenValidationRevocationAndExpiry(t *testing.T) {
	f := newFixture(t, Options{TokenTTL: time.Minute})
	res := f.send(request{method: http.MethodGet, path: "/v3/auth/tokens", token: f.admin, headers: map[string]string{"X-Subject-Token": f.user}})
	expect(t, res, http.StatusOK, "")
	if res.header.Get("X-Subject-Token") != f.user || obj(t, res, "token")["user"].(map[string]any)["id"] != UserID {
		t.Errorf("validation %v %s", res.header, res.raw)
	}
	expect(t, f.send(request{method: http.MethodGet, path: "/v3/auth/tokens", token: "bogus", headers: map[string]string{"X-Subject-Token": f.user}}),
		http.StatusUnauthorized, unauthorizedBody)
	expect(t, f.send(request{method: http.MethodGet, path: "/v3/auth/tokens", token: f.admin, headers: map[string]string{"X-Subject-Token": "bogus"}}),
		http.StatusNotFound, `{"error": {"code": 404, "message": "Could not find token: bogus.", "title": "Not Found"}}`)

	// The user may not revoke the admin's token; the admin may revoke the user's.
	expect(t, f.send(request{method: http.MethodDelete, path: "/v3/auth/tokens", token: f.user, headers: map[string]string{"X-Subject-Token": f.admin}}),
		http.StatusForbidden, "")
	expect(t, f.send(request{method: http.MethodDelete, path: "/v3/auth/tokens", token: f.admin, headers: map[string]string{"X-Subject-Token": f.user}}),
		http.StatusNoContent, "")
	res = f.manila(http.MethodGet, "/consistency-groups", f.user, "")
	expect(t, res, http.StatusUnauthorized, unauthorizedBody)
	if res.header.Get(headerVersion) != "" {
		t.Error("a 401 from keystonemiddleware carries Manila's version header")
	}

	// Tokens expire.
	expect(t, f.manila(http.MethodGet, "/consistency-groups", f.admin, ""), http.StatusOK, "")
	f.clock.advance(time.Minute)
	expect(t, f.manila(http.MethodGet, "/consistency-groups", f.admin, ""), http.StatusUnauthorized, unauthorizedBody)
}

func TestIdentityVersionAndUnknownPaths(t *testing.T) {
	f := newFixture(t, Options{})
	res := f.send(request{method: http.MethodGet, path: "/v3"})
	expect(t, res, http.StatusOK, "")
	if obj(t, res, "version")["status"] != "stable" {
		t.Errorf("version %s", res.raw)
	}
	expect(t, f.send(request{method: http.MethodGet, path: "/v3/users"}), http.StatusNotFound,
		`{"error": {"code": 404, "message": "The resource could not be found.", "title": "Not Found"}}`)
}
