package manila

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// Keystone's error messages (keystone/exception.py, as a production server
// without insecure_debug writes them: the reason of a 401 is never told).
const (
	ksUnauthorized   = "The request you have made requires authentication."
	ksNotFound       = "The resource could not be found."
	ksBadRequestTail = " The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error."
)

// keystoneError writes {"error": {"code", "message", "title"}}.
func keystoneError(w http.ResponseWriter, r *http.Request, status int, message string) {
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Keystone uri="`+baseURLOf(r)+`/v3"`)
	}
	w.Header().Set("Vary", "X-Auth-Token")
	w.Header().Set("X-Openstack-Request-Id", requestID())
	writeJSON(w, status, object{{"error", object{{"code", status}, {"message", message}, {"title", http.StatusText(status)}}}})
}

// expecting is Keystone's ValidationError for a missing attribute.
func expecting(attribute, target string) string {
	return "Expecting to find " + attribute + " in " + target + "." + ksBadRequestTail
}

// baseURLOf returns scheme://host of r: Keystone and Manila build their
// links and the catalog from it.
func baseURLOf(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func (a *API) registerIdentity(mux *http.ServeMux) {
	mux.HandleFunc("POST /v3/auth/tokens", a.createToken)
	mux.HandleFunc("GET /v3/auth/tokens", a.validateToken)
	mux.HandleFunc("HEAD /v3/auth/tokens", a.validateToken)
	mux.HandleFunc("DELETE /v3/auth/tokens", a.revokeToken)
	mux.HandleFunc("GET /v3", a.identityVersion)
	mux.HandleFunc("GET /v3/{$}", a.identityVersion)
	mux.HandleFunc("/v3/", func(w http.ResponseWriter, r *http.Request) {
		backend.MarkUnmatched(r)
		keystoneError(w, r, http.StatusNotFound, ksNotFound)
	})
}

// identityVersion answers GET /v3 with the version document.
func (a *API) identityVersion(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, object{{"version", object{
		{"id", "v3.10"}, {"status", "stable"}, {"updated", "2018-02-28T00:00:00Z"},
		{"links", []object{{{"rel", "self"}, {"href", baseURLOf(r) + "/v3/"}}}},
		{"media-types", []object{{{"base", "application/json"}, {"type", "application/vnd.openstack.identity-v3+json"}}}},
	}}})
}

// Request body of POST /v3/auth/tokens.
type (
	authBody struct {
		Auth *struct {
			Identity *identityBody   `json:"identity"`
			Scope    json.RawMessage `json:"scope"`
		} `json:"auth"`
	}
	identityBody struct {
		Methods  []string `json:"methods"`
		Password *struct {
			User *userRef `json:"user"`
		} `json:"password"`
		Token *struct {
			ID string `json:"id"`
		} `json:"token"`
		ApplicationCredential *struct {
			ID     string   `json:"id"`
			Name   string   `json:"name"`
			Secret string   `json:"secret"`
			User   *userRef `json:"user"`
		} `json:"application_credential"`
	}
	userRef struct {
		ID       string     `json:"id"`
		Name     string     `json:"name"`
		Password *string    `json:"password"`
		Domain   *domainRef `json:"domain"`
	}
	domainRef struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	scopeBody struct {
		Project *struct {
			ID     string     `json:"id"`
			Name   string     `json:"name"`
			Domain *domainRef `json:"domain"`
		} `json:"project"`
		Domain *domainRef      `json:"domain"`
		System json.RawMessage `json:"system"`
		Trust  json.RawMessage `json:"OS-TRUST:trust"`
	}
)

// matchesDomain reports whether ref names the sandbox's only domain.
func (d *domainRef) matchesDomain() bool {
	return d != nil && (d.ID == DomainID || (d.ID == "" && d.Name == DomainName))
}

// authError is an error of the token request: a status and a message.
type authError struct {
	status  int
	message string
}

func unauthorized() *authError { return &authError{http.StatusUnauthorized, ksUnauthorized} }

func badAuth(attribute, target string) *authError {
	return &authError{http.StatusBadRequest, expecting(attribute, target)}
}

// findUser resolves a user reference: by ID, or by name and domain.
func (a *API) findUser(ref *userRef, target string) (user, *authError) {
	switch {
	case ref == nil:
		return user{}, badAuth("user", target)
	case ref.ID != "":
		u, ok := a.identity.userByID(ref.ID)
		if !ok {
			return user{}, unauthorized()
		}
		return u, nil
	case ref.Name != "":
		if ref.Domain == nil || (ref.Domain.ID == "" && ref.Domain.Name == "") {
			return user{}, badAuth("domain", "user")
		}
		u, ok := a.identity.userByName(ref.Name)
		if !ok || !ref.Domain.matchesDomain() {
			return user{}, unauthorized()
		}
		return u, nil
	}
	return user{}, badAuth("id or name", "user")
}

// createToken answers POST /v3/auth/tokens: 201, the token in
// X-Subject-Token and the token (with its catalog) in the body.
func (a *API) createToken(w http.ResponseWriter, r *http.Request) {
	raw, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	var body authBody
	if err != nil || json.Unmarshal(raw, &body) != nil {
		keystoneError(w, r, http.StatusBadRequest, "Malformed request body."+ksBadRequestTail)
		return
	}
	t, aerr := a.authenticate(&body)
	if aerr != nil {
		keystoneError(w, r, aerr.status, aerr.message)
		return
	}
	w.Header().Set("X-Subject-Token", t.id)
	w.Header().Set("Vary", "X-Auth-Token")
	w.Header().Set("X-Openstack-Request-Id", requestID())
	writeJSON(w, http.StatusCreated, a.tokenView(r, t))
}

// authenticate checks the identity methods and the scope and issues a token.
func (a *API) authenticate(body *authBody) (*token, *authError) {
	if body.Auth == nil {
		return nil, badAuth("auth", "request body")
	}
	ident := body.Auth.Identity
	if ident == nil {
		return nil, badAuth("identity", "auth")
	}
	if len(ident.Methods) == 0 {
		return nil, badAuth("methods", "identity")
	}
	var t token
	switch method := ident.Methods[0]; method {
	case "password":
		if ident.Password == nil {
			return nil, badAuth("password", "identity")
		}
		u, aerr := a.findUser(ident.Password.User, "password")
		if aerr != nil {
			return nil, aerr
		}
		if ident.Password.User.Password == nil {
			return nil, badAuth("password", "user")
		}
		if *ident.Password.User.Password != u.password {
			return nil, unauthorized()
		}
		t = token{userID: u.id, methods: []string{"password"}}
	case "token":
		if ident.Token == nil || ident.Token.ID == "" {
			return nil, badAuth("token", "identity")
		}
		old, ok := a.identity.validate(ident.Token.ID)
		if !ok {
			return nil, &authError{http.StatusNotFound, "Could not find token: " + ident.Token.ID + "."}
		}
		if old.appCredID != "" {
			return nil, unauthorized() // A token from an application credential cannot be rescoped.
		}
		t = token{userID: old.userID, methods: []string{"token"}, projectID: old.projectID, roles: old.roles}
	case "application_credential":
		return a.authenticateAppCredential(body)
	default:
		return nil, &authError{http.StatusUnauthorized, "Attempted to authenticate with an unsupported method."}
	}
	scopeProject, scoped, aerr := a.requestedScope(body.Auth.Scope)
	if aerr != nil {
		return nil, aerr
	}
	if scoped {
		u, _ := a.identity.userByID(t.userID)
		roles, ok := u.roles[scopeProject]
		if !ok {
			return nil, unauthorized()
		}
		t.projectID, t.roles = scopeProject, roles
	}
	return a.identity.issue(t), nil
}

// requestedScope returns the project a token request is scoped to, if any.
// Domain, system and trust scopes are refused: no fixture user has them.
func (a *API) requestedScope(raw json.RawMessage) (projectID string, scoped bool, err *authError) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", false, nil
	}
	if string(raw) == `"unscoped"` {
		return "", false, nil
	}
	var s scopeBody
	if json.Unmarshal(raw, &s) != nil {
		return "", false, &authError{http.StatusBadRequest, "Malformed request body." + ksBadRequestTail}
	}
	switch {
	case s.Project != nil && s.Project.ID != "":
		p, ok := a.identity.project(s.Project.ID)
		if !ok {
			return "", false, unauthorized()
		}
		return p.id, true, nil
	case s.Project != nil && s.Project.Name != "":
		if s.Project.Domain == nil || (s.Project.Domain.ID == "" && s.Project.Domain.Name == "") {
			return "", false, badAuth("domain", "project")
		}
		p, ok := a.identity.projectByName(s.Project.Name)
		if !ok || !s.Project.Domain.matchesDomain() {
			return "", false, unauthorized()
		}
		return p.id, true, nil
	case s.Project != nil:
		return "", false, badAuth("id or name", "project")
	}
	return "", false, unauthorized()
}

// authenticateAppCredential handles the application_credential method:
// by ID and secret, or by name, secret and user. It may not request a scope.
func (a *API) authenticateAppCredential(body *authBody) (*token, *authError) {
	ac := body.Auth.Identity.ApplicationCredential
	if ac == nil {
		return nil, badAuth("application_credential", "identity")
	}
	if ac.Secret == "" {
		return nil, badAuth("secret", "application_credential")
	}
	var found *appCredential
	for i := range a.identity.appCreds {
		c := &a.identity.appCreds[i]
		switch {
		case ac.ID != "" && c.id == ac.ID:
			found = c
		case ac.ID == "" && ac.Name != "" && c.name == ac.Name:
			u, aerr := a.findUser(ac.User, "application_credential")
			if aerr != nil {
				return nil, aerr
			}
			if u.id == c.userID {
				found = c
			}
		}
	}
	if ac.ID == "" && ac.Name == "" {
		return nil, badAuth("id or name", "application_credential")
	}
	if found == nil || found.secret != ac.Secret {
		return nil, unauthorized()
	}
	if scope := strings.TrimSpace(string(body.Auth.Scope)); scope != "" && scope != "null" {
		return nil, unauthorized() // "Application credentials cannot request a scope."
	}
	return a.identity.issue(token{
		userID: found.userID, projectID: found.projectID, roles: found.roles,
		methods: []string{"application_credential"}, appCredID: found.id,
	}), nil
}

// callerToken returns the token of X-Auth-Token, or answers 401.
func (a *API) callerToken(w http.ResponseWriter, r *http.Request) (*token, bool) {
	t, ok := a.identity.validate(r.Header.Get("X-Auth-Token"))
	if !ok {
		keystoneError(w, r, http.StatusUnauthorized, ksUnauthorized)
		return nil, false
	}
	return t, true
}

// validateToken answers GET (and HEAD) /v3/auth/tokens: the token named by
// X-Subject-Token, for a caller authenticated by X-Auth-Token.
func (a *API) validateToken(w http.ResponseWriter, r *http.Request) {
	if _, ok := a.callerToken(w, r); !ok {
		return
	}
	subject := r.Header.Get("X-Subject-Token")
	t, ok := a.identity.validate(subject)
	if !ok {
		keystoneError(w, r, http.StatusNotFound, "Could not find token: "+subject+".")
		return
	}
	w.Header().Set("X-Subject-Token", t.id)
	if r.Method == http.MethodHead {
		w.WriteHeader(http.StatusOK)
		return
	}
	writeJSON(w, http.StatusOK, a.tokenView(r, t))
}

// revokeToken answers DELETE /v3/auth/tokens: 204. A user may revoke their
// own tokens; an admin any token.
func (a *API) revokeToken(w http.ResponseWriter, r *http.Request) {
	caller, ok := a.callerToken(w, r)
	if !ok {
		return
	}
	subject := r.Header.Get("X-Subject-Token")
	t, ok := a.identity.validate(subject)
	if !ok {
		keystoneError(w, r, http.StatusNotFound, "Could not find token: "+subject+".")
		return
	}
	if t.userID != caller.userID && !caller.isAdmin() {
		keystoneError(w, r, http.StatusForbidden, "You are not authorized to perform the requested action: identity:revoke_token.")
		return
	}
	a.identity.revoke(subject)
	w.WriteHeader(http.StatusNoContent)
}

// tokenView renders a token as Keystone does, with the catalog of a
// project-scoped token.
func (a *API) tokenView(r *http.Request, t *token) object {
	u, _ := a.identity.userByID(t.userID)
	domain := object{{"id", DomainID}, {"name", DomainName}}
	roles := make([]object, 0, len(t.roles))
	for _, rl := range t.roles {
		roles = append(roles, object{{"id", rl.id}, {"name", rl.name}})
	}
	view := object{
		{"methods", t.methods},
		{"user", object{{"domain", domain}, {"id", u.id}, {"name", u.name}, {"password_expires_at", nil}}},
		{"audit_ids", []string{t.auditID}},
		{"expires_at", t.expiresAt.UTC().Format("2006-01-02T15:04:05.000000Z")},
		{"issued_at", t.issuedAt.UTC().Format("2006-01-02T15:04:05.000000Z")},
	}
	if t.projectID == "" {
		return object{{"token", view}}
	}
	p, _ := a.identity.project(t.projectID)
	view = append(view,
		field{"project", object{{"domain", domain}, {"id", p.id}, {"name", p.name}}},
		field{"is_domain", false},
		field{"roles", roles},
		field{"catalog", a.catalog(baseURLOf(r), t.projectID)},
	)
	if t.appCredID != "" {
		for _, c := range a.identity.appCreds {
			if c.id == t.appCredID {
				view = append(view, field{"application_credential", object{{"id", c.id}, {"name", c.name}, {"restricted", true}}})
			}
		}
	}
	return object{{"token", view}}
}

// catalog returns the service catalog: Keystone itself, and Manila v2
// under both of its service types (sharev2 and shared-file-system), with a
// public, an internal and an admin endpoint each.
func (a *API) catalog(base, projectID string) []object {
	entry := func(serviceType, name, url string) object {
		var endpoints []object
		for _, iface := range []string{"public", "internal", "admin"} {
			endpoints = append(endpoints, object{
				{"id", keystoneID("endpoint/" + serviceType + "/" + iface)},
				{"interface", iface}, {"region", RegionName}, {"region_id", RegionName}, {"url", url},
			})
		}
		return object{{"endpoints", endpoints}, {"id", keystoneID("service/" + serviceType)}, {"type", serviceType}, {"name", name}}
	}
	manilaURL := base + "/v2/" + projectID
	return []object{
		entry("identity", "keystone", base+"/v3"),
		entry("sharev2", "manilav2", manilaURL),
		entry("shared-file-system", "manila", manilaURL),
	}
}
