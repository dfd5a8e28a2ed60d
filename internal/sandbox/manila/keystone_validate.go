package manila

import (
	"encoding/json"
	"net/http"
	"strings"
)

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

// findUser resolves a user reference: by ID, or by name and domain.
func (a *API) findUser(ref *userRef, target string) (*user, *authError) {
	switch {
	case ref == nil:
		return nil, badAuth("user", target)
	case ref.ID != "":
		u, ok := a.identity.users.Get(ref.ID)
		if !ok {
			return nil, unauthorized()
		}
		return u, nil
	case ref.Name != "":
		if ref.Domain == nil || (ref.Domain.ID == "" && ref.Domain.Name == "") {
			return nil, badAuth("domain", "user")
		}
		u, ok := a.identity.userByName(ref.Name)
		if !ok || !ref.Domain.matchesDomain() {
			return nil, unauthorized()
		}
		return u, nil
	}
	return nil, badAuth("id or name", "user")
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
			return nil, tokenNotFound(ident.Token.ID)
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
		u, _ := a.identity.users.Get(t.userID)
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
		return "", false, &authError{http.StatusBadRequest, ksMalformedBody}
	}
	switch {
	case s.Project != nil && s.Project.ID != "":
		p, ok := a.identity.projects.Get(s.Project.ID)
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
	for _, c := range a.identity.appCreds.All() {
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
