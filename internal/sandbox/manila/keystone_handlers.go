package manila

import (
	"encoding/json"
	"io"
	"net/http"
)

// identityVersion answers GET /v3 with the version document.
func (a *API) identityVersion(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, identityVersionView(r))
}

// createToken answers POST /v3/auth/tokens: 201, the token in
// X-Subject-Token and the token (with its catalog) in the body
// (manila.md §4.1).
func (a *API) createToken(w http.ResponseWriter, r *http.Request) {
	raw, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	var body authBody
	if err != nil || json.Unmarshal(raw, &body) != nil {
		keystoneError(w, r, http.StatusBadRequest, ksMalformedBody)
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	t, aerr := a.authenticate(&body)
	if aerr != nil {
		aerr.write(w, r)
		return
	}
	w.Header().Set("X-Subject-Token", t.id)
	w.Header().Set("Vary", "X-Auth-Token")
	w.Header().Set("X-Openstack-Request-Id", requestID())
	writeJSON(w, http.StatusCreated, a.tokenView(r, t))
}

// callerToken returns the token of X-Auth-Token, or answers 401 in
// Keystone's form: Keystone checks its callers so, and keystonemiddleware
// Manila's (manila.md §3.4).
func (a *API) callerToken(w http.ResponseWriter, r *http.Request) (*token, bool) {
	t, ok := a.token(r.Header.Get("X-Auth-Token"))
	if !ok {
		unauthorized().write(w, r)
		return nil, false
	}
	return t, true
}

// aboutToken serves a request about the token named by X-Subject-Token,
// for a caller authenticated by X-Auth-Token, under the emulator's lock;
// an unknown subject is a 404.
func (a *API) aboutToken(w http.ResponseWriter, r *http.Request, serve func(caller, subject *token)) {
	caller, ok := a.callerToken(w, r)
	if !ok {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	id := r.Header.Get("X-Subject-Token")
	subject, ok := a.identity.validate(id)
	if !ok {
		tokenNotFound(id).write(w, r)
		return
	}
	serve(caller, subject)
}

// validateToken answers GET (and HEAD) /v3/auth/tokens with the subject
// token.
func (a *API) validateToken(w http.ResponseWriter, r *http.Request) {
	a.aboutToken(w, r, func(_, t *token) {
		w.Header().Set("X-Subject-Token", t.id)
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusOK)
			return
		}
		writeJSON(w, http.StatusOK, a.tokenView(r, t))
	})
}

// revokeToken answers DELETE /v3/auth/tokens: 204. A user may revoke their
// own tokens; an admin any token.
func (a *API) revokeToken(w http.ResponseWriter, r *http.Request) {
	a.aboutToken(w, r, func(caller, t *token) {
		if t.userID != caller.userID && !caller.isAdmin() {
			keystoneError(w, r, http.StatusForbidden, "You are not authorized to perform the requested action: identity:revoke_token.")
			return
		}
		a.identity.revoke(t.id)
		w.WriteHeader(http.StatusNoContent)
	})
}
