package manila

import (
	"encoding/json"
	"net/http"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// projectPrefix starts every Manila v2 resource path.
const projectPrefix = "/v2/{project_id}"

// Register adds every route: Keystone's under /v3 and Manila's under /v2
// (manila.md §1.2, §2.1), with fallbacks that answer unknown paths as each
// service does. In Modern mode the consistency-group and cgsnapshot routes
// do not exist.
func (a *API) Register(mux *http.ServeMux) {
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

	mux.Handle("GET /v2", a.authenticated(a.versionDocument))
	mux.Handle("GET /v2/{$}", a.authenticated(a.versionDocument))

	if !a.modern {
		cg := route{from: v24, experimental: true}
		a.handle(mux, "GET "+projectPrefix+"/consistency-groups", cg.with(a.listCGs(false)))
		a.handle(mux, "GET "+projectPrefix+"/consistency-groups/detail", cg.with(a.listCGs(true)))
		a.handle(mux, "POST "+projectPrefix+"/consistency-groups", cg.with(a.createCG))
		a.handle(mux, "GET "+projectPrefix+"/consistency-groups/{id}", cg.with(a.showCG))
		a.handle(mux, "PUT "+projectPrefix+"/consistency-groups/{id}", cg.with(a.updateCG))
		a.handle(mux, "DELETE "+projectPrefix+"/consistency-groups/{id}", cg.with(a.deleteCG))
		a.handleActions(mux, projectPrefix+"/consistency-groups/{id}/action", a.adminActions(a.db.cgAdmin()))

		a.handle(mux, "GET "+projectPrefix+"/cgsnapshots", cg.with(a.listSnapshots(false)))
		a.handle(mux, "GET "+projectPrefix+"/cgsnapshots/detail", cg.with(a.listSnapshots(true)))
		a.handle(mux, "POST "+projectPrefix+"/cgsnapshots", cg.with(a.createSnapshot))
		a.handle(mux, "GET "+projectPrefix+"/cgsnapshots/{id}", cg.with(a.showSnapshot))
		a.handle(mux, "PUT "+projectPrefix+"/cgsnapshots/{id}", cg.with(a.updateSnapshot))
		a.handle(mux, "DELETE "+projectPrefix+"/cgsnapshots/{id}", cg.with(a.deleteSnapshot))
		a.handle(mux, "GET "+projectPrefix+"/cgsnapshots/{id}/members", cg.with(a.listMembers))
		a.handleActions(mux, projectPrefix+"/cgsnapshots/{id}/action", a.adminActions(a.db.snapshotAdmin()))
	}

	core := route{from: v20}
	a.handle(mux, "GET "+projectPrefix+"/types", core.with(a.listShareTypes))
	a.handle(mux, "GET "+projectPrefix+"/types/default", core.with(a.showDefaultShareType))
	a.handle(mux, "GET "+projectPrefix+"/types/{id}", core.with(a.showShareType))
	a.handle(mux, "GET "+projectPrefix+"/share-networks", core.with(a.listShareNetworks(false)))
	a.handle(mux, "GET "+projectPrefix+"/share-networks/detail", core.with(a.listShareNetworks(true)))
	a.handle(mux, "GET "+projectPrefix+"/share-networks/{id}", core.with(a.showShareNetwork))
	a.registerShares(mux)
	if a.modern {
		a.registerShareGroups(mux)
	}

	// Any other path under /v2 has no route: the router answers with a
	// bare webob 404 (after keystonemiddleware authenticated the caller).
	mux.HandleFunc("/v2/", func(w http.ResponseWriter, r *http.Request) {
		backend.MarkUnmatched(r)
		if _, ok := a.callerToken(w, r); ok {
			writeJSON(w, http.StatusNotFound, unrouted)
		}
	})
}

// adminActions returns the reset_status and force_delete actions of a
// collection, under their os- names for 2.4–2.6 and plain names from 2.7,
// all experimental (manila.md §1.2).
func (a *API) adminActions(rows adminRows) map[string]route {
	legacy := route{from: v24, to: &v26, experimental: true}
	current := route{from: v27, experimental: true}
	reset := func(c *call) *fault { return a.resetStatus(c, rows) }
	force := func(c *call) *fault { return a.forceDelete(c, rows) }
	return map[string]route{
		"os-reset_status": legacy.with(reset),
		"reset_status":    current.with(reset),
		"os-force_delete": legacy.with(force),
		"force_delete":    current.with(force),
	}
}

// route is one controller method: the microversions it exists in and
// whether it is experimental.
type route struct {
	from         version
	to           *version // nil: no upper bound
	experimental bool
	// graduates, when set, is the first microversion at which the
	// experimental header is no longer needed.
	graduates *version
	handle    handler
}

// with returns the route served by h.
func (rt route) with(h handler) route {
	rt.handle = h
	return rt
}

// matches reports whether the method exists at the request's microversion
// and experimental flag (wsgi.Controller.api_version).
func (rt route) matches(c *call) bool {
	if c.version.less(rt.from) || (rt.to != nil && rt.to.less(c.version)) {
		return false
	}
	if rt.graduates != nil && c.version.atLeast(*rt.graduates) {
		return true
	}
	return !rt.experimental || c.experimental
}

// handle registers one controller method.
func (a *API) handle(mux *http.ServeMux, pattern string, rt route) {
	mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		c, ok := a.begin(w, r)
		if !ok {
			return
		}
		if f := a.serve(c, rt); f != nil {
			f.write(w)
		}
	})
}

func (a *API) serve(c *call, rt route) *fault {
	if c.r.Method == http.MethodPost || c.r.Method == http.MethodPut {
		if f := c.readBody(); f != nil {
			return f
		}
	}
	if f := c.checkProject(); f != nil {
		return f
	}
	return a.dispatch(c, rt)
}

// dispatch calls the method when it exists at the request's microversion
// (else 404, manila.md §1.1), under the emulator's lock and after the
// transitions due.
func (a *API) dispatch(c *call, rt route) *fault {
	if !rt.matches(c) {
		return notFound(msgNotFound)
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.db.settle(c.now, a.stalled)
	f := rt.handle(c)
	if f != nil && f.status == http.StatusNotFound && c.r.Method == http.MethodGet {
		a.observeGone(c.r.PathValue("id"))
	}
	return f
}

// handleActions registers POST …/action, which dispatches on the single
// key of the body: the body is read and its action looked up (400) before
// the project (400), the action's microversions (404) and the policy (403).
func (a *API) handleActions(mux *http.ServeMux, pattern string, actions map[string]route) {
	mux.HandleFunc("POST "+pattern, func(w http.ResponseWriter, r *http.Request) {
		c, ok := a.begin(w, r)
		if !ok {
			return
		}
		if f := a.serveAction(c, actions); f != nil {
			f.write(w)
		}
	})
}

func (a *API) serveAction(c *call, actions map[string]route) *fault {
	if f := c.readBody(); f != nil {
		return f
	}
	var body map[string]json.RawMessage
	if json.Unmarshal(c.body, &body) != nil || len(body) != 1 {
		return badRequest("Malformed request body")
	}
	var name string
	for k := range body {
		name = k
	}
	rt, ok := actions[name]
	if !ok {
		return badRequest("There is no such action: " + name)
	}
	if f := c.checkProject(); f != nil {
		return f
	}
	c.body = body[name]
	return a.dispatch(c, rt)
}
