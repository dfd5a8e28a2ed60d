package manila

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// projectPrefix starts every Manila v2 resource path.
const projectPrefix = "/v2/{project_id}"

// call is one authenticated Manila request after the common checks.
type call struct {
	api          *API
	w            http.ResponseWriter
	r            *http.Request
	tok          *token
	version      version
	experimental bool
	body         json.RawMessage // the JSON body of POST and PUT ("null" when empty)
	now          time.Time
}

// handler serves a call; it returns a fault to send, or nil when it wrote
// the response itself.
type handler func(c *call) *fault

// route is one controller method: the microversions it exists in and
// whether it is experimental.
type route struct {
	from         version
	to           *version // nil: no upper bound
	experimental bool
	handle       handler
}

// matches reports whether the method exists at the request's microversion
// and experimental flag (wsgi.Controller.api_version).
func (rt route) matches(c *call) bool {
	if c.version.less(rt.from) || (rt.to != nil && rt.to.less(c.version)) {
		return false
	}
	return !rt.experimental || c.experimental
}

// registerManila adds the Manila routes. In Modern mode the consistency
// group and cgsnapshot routes do not exist.
func (a *API) registerManila(mux *http.ServeMux) {
	mux.Handle("GET /v2", a.authenticated(a.versionDocument))
	mux.Handle("GET /v2/{$}", a.authenticated(a.versionDocument))

	cg := route{from: v24, experimental: true}
	with := func(rt route, h handler) route { rt.handle = h; return rt }
	if !a.opts.Modern {
		a.handle(mux, "GET "+projectPrefix+"/consistency-groups", with(cg, a.listCGs(false)))
		a.handle(mux, "GET "+projectPrefix+"/consistency-groups/detail", with(cg, a.listCGs(true)))
		a.handle(mux, "POST "+projectPrefix+"/consistency-groups", with(cg, a.createCG))
		a.handle(mux, "GET "+projectPrefix+"/consistency-groups/{id}", with(cg, a.showCG))
		a.handle(mux, "PUT "+projectPrefix+"/consistency-groups/{id}", with(cg, a.updateCG))
		a.handle(mux, "DELETE "+projectPrefix+"/consistency-groups/{id}", with(cg, a.deleteCG))
		a.handleActions(mux, projectPrefix+"/consistency-groups/{id}/action", a.adminActions(cgAdmin{a}))

		a.handle(mux, "GET "+projectPrefix+"/cgsnapshots", with(cg, a.listSnapshots(false)))
		a.handle(mux, "GET "+projectPrefix+"/cgsnapshots/detail", with(cg, a.listSnapshots(true)))
		a.handle(mux, "POST "+projectPrefix+"/cgsnapshots", with(cg, a.createSnapshot))
		a.handle(mux, "GET "+projectPrefix+"/cgsnapshots/{id}", with(cg, a.showSnapshot))
		a.handle(mux, "PUT "+projectPrefix+"/cgsnapshots/{id}", with(cg, a.updateSnapshot))
		a.handle(mux, "DELETE "+projectPrefix+"/cgsnapshots/{id}", with(cg, a.deleteSnapshot))
		a.handle(mux, "GET "+projectPrefix+"/cgsnapshots/{id}/members", with(cg, a.listMembers))
		a.handleActions(mux, projectPrefix+"/cgsnapshots/{id}/action", a.adminActions(snapshotAdmin{a}))
	}

	core := route{from: v20}
	a.handle(mux, "GET "+projectPrefix+"/types", with(core, a.listShareTypes))
	a.handle(mux, "GET "+projectPrefix+"/types/default", with(core, a.showDefaultShareType))
	a.handle(mux, "GET "+projectPrefix+"/types/{id}", with(core, a.showShareType))
	a.handle(mux, "GET "+projectPrefix+"/share-networks", with(core, a.listShareNetworks(false)))
	a.handle(mux, "GET "+projectPrefix+"/share-networks/detail", with(core, a.listShareNetworks(true)))
	a.handle(mux, "GET "+projectPrefix+"/share-networks/{id}", with(core, a.showShareNetwork))

	// Any other path under /v2 has no route: the router answers with a
	// bare webob 404 (after keystonemiddleware authenticated the caller).
	mux.Handle("/v2/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		backend.MarkUnmatched(r)
		if _, ok := a.manilaToken(w, r); !ok {
			return
		}
		writeJSON(w, http.StatusNotFound, object{
			{"message", "The resource could not be found.<br /><br />\n\n\n"}, {"code", "404 Not Found"}, {"title", "Not Found"},
		})
	}))
}

// manilaToken is keystonemiddleware: it validates X-Auth-Token or answers
// 401 in Keystone's form.
func (a *API) manilaToken(w http.ResponseWriter, r *http.Request) (*token, bool) {
	t, ok := a.identity.validate(r.Header.Get("X-Auth-Token"))
	if !ok {
		keystoneError(w, r, http.StatusUnauthorized, ksUnauthorized)
		return nil, false
	}
	return t, true
}

// authenticated wraps a handler that needs a token and nothing else.
func (a *API) authenticated(h func(w http.ResponseWriter, r *http.Request)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := a.manilaToken(w, r); ok {
			h(w, r)
		}
	})
}

// versionDocument answers GET /v2/ with the v2 API's microversion range.
func (a *API) versionDocument(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, object{{"versions", []object{{
		{"status", "CURRENT"}, {"updated", "2015-08-27T11:33:21Z"},
		{"links", []object{
			{{"href", "http://docs.openstack.org/"}, {"type", "text/html"}, {"rel", "describedby"}},
			{{"href", baseURLOf(r) + "/v2/"}, {"rel", "self"}},
		}},
		{"min_version", a.minVersion.String()}, {"version", a.maxVersion.String()},
		{"media-types", []object{{{"base", "application/json"}, {"type", "application/vnd.openstack.share+json;version=1"}}}},
		{"id", "v2.0"},
	}}}})
}

// begin runs the checks every Manila request passes before its method is
// chosen, in the server's order: the token (keystonemiddleware), then the
// microversion header (400 for a bad format, 406 out of range). It sets
// the response version headers.
func (a *API) begin(w http.ResponseWriter, r *http.Request) (*call, bool) {
	t, ok := a.manilaToken(w, r)
	if !ok {
		return nil, false
	}
	w.Header().Set("X-Compute-Request-Id", requestID())
	c := &call{api: a, w: w, r: r, tok: t, version: v20, now: a.now()}
	if h := r.Header.Get(headerVersion); h != "" {
		v, err := parseVersion(h)
		if err != nil {
			badRequest(err.Error()).write(w)
			return nil, false
		}
		c.version = v
		w.Header().Set(headerVersion, v.String())
		w.Header().Set("Vary", headerVersion)
		if v.less(a.minVersion) || a.maxVersion.less(v) {
			newFault(http.StatusNotAcceptable, "Version "+v.String()+" is not supported by the API. Minimum is "+
				a.minVersion.String()+" and maximum is "+a.maxVersion.String()+".").write(w)
			return nil, false
		}
	} else {
		w.Header().Set(headerVersion, v20.String())
		w.Header().Set("Vary", headerVersion)
	}
	if boolFromString(r.Header.Get(headerExperimental)) {
		c.experimental = true
		w.Header().Set(headerExperimental, "True")
	}
	return c, true
}

// readBody reads a JSON request body; an empty body reads as null. A body
// that is not JSON gives 400 "Malformed request body".
func (c *call) readBody() *fault {
	raw, err := io.ReadAll(io.LimitReader(c.r.Body, 1<<20))
	if err != nil {
		return badRequest("Malformed request body")
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		c.body = json.RawMessage("null")
		return nil
	}
	if !json.Valid(raw) {
		return badRequest("Malformed request body")
	}
	c.body = raw
	return nil
}

// checkProject refuses a URL whose project is not the token's.
func (c *call) checkProject() *fault {
	if c.r.PathValue("project_id") != c.tok.projectID {
		return badRequest("Malformed request url")
	}
	return nil
}

// handle registers one controller method.
func (a *API) handle(mux *http.ServeMux, pattern string, rt route) {
	mux.Handle(pattern, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, ok := a.begin(w, r)
		if !ok {
			return
		}
		if f := a.serve(c, rt); f != nil {
			f.write(w)
		}
	}))
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
	if !rt.matches(c) {
		return notFound(msgNotFound)
	}
	a.store.mu.Lock()
	defer a.store.mu.Unlock()
	a.store.settle(c.now)
	return rt.handle(c)
}

// handleActions registers POST …/action, which dispatches on the single
// key of the body: the body is read and its action looked up (400) before
// the project (400), the action's microversions (404) and the policy (403).
func (a *API) handleActions(mux *http.ServeMux, pattern string, actions map[string]route) {
	mux.Handle("POST "+pattern, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, ok := a.begin(w, r)
		if !ok {
			return
		}
		if f := a.serveAction(c, actions); f != nil {
			f.write(w)
		}
	}))
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
	if !rt.matches(c) {
		return notFound(msgNotFound)
	}
	c.body = body[name]
	a.store.mu.Lock()
	defer a.store.mu.Unlock()
	a.store.settle(c.now)
	return rt.handle(c)
}

// pagination is the offset and limit of a list (common.limited).
type pagination struct {
	offset, limit int
	limitGiven    bool
}

// maxLimit is osapi_max_limit.
const maxLimit = 1000

// parsePagination validates offset and limit in the server's order.
func (c *call) parsePagination() (pagination, *fault) {
	q := c.r.URL.Query()
	p := pagination{limit: maxLimit}
	var err error
	if s := q.Get("offset"); q.Has("offset") {
		if p.offset, err = pyInt(s); err != nil {
			return p, badRequest("offset param must be an integer")
		}
	}
	if s := q.Get("limit"); q.Has("limit") {
		p.limitGiven = true
		if p.limit, err = pyInt(s); err != nil {
			return p, badRequest("limit param must be an integer")
		}
	}
	if p.limit < 0 {
		return p, badRequest("limit param must be positive")
	}
	if p.offset < 0 {
		return p, badRequest("offset param must be positive")
	}
	if p.limit == 0 || p.limit > maxLimit {
		p.limit = maxLimit
	}
	return p, nil
}

// window returns the [offset, offset+limit) bounds for n items.
func (p pagination) window(n int) (int, int) {
	start := min(p.offset, n)
	end := min(start+p.limit, n)
	return start, end
}

// collectionLinks returns the "next" link Manila adds when a page is full
// (_get_collection_links), pointing at …/{collection}?<query>&marker=<id>.
func (c *call) collectionLinks(p pagination, returned int, collection, marker string) []object {
	maxItems := maxLimit
	if p.limitGiven && p.limit < maxLimit {
		maxItems = p.limit
	}
	if returned == 0 || returned != maxItems {
		return nil
	}
	q := c.r.URL.Query()
	q.Set("marker", marker)
	href := baseURLOf(c.r) + "/v2/" + c.tok.projectID + "/" + collection + "?" + q.Encode()
	return []object{{{"rel", "next"}, {"href", href}}}
}

// links returns the self and bookmark links of one object.
func (c *call) links(collection, id string) []object {
	base := baseURLOf(c.r)
	return []object{
		{{"href", base + "/v2/" + c.tok.projectID + "/" + collection + "/" + id}, {"rel", "self"}},
		{{"href", base + "/" + c.tok.projectID + "/" + collection + "/" + id}, {"rel", "bookmark"}},
	}
}

// allTenants reports whether an admin asked to list every project, with
// Python's truthiness of the raw query value (so all_tenants=0 counts).
func (c *call) allTenants() bool {
	return c.tok.isAdmin() && c.r.URL.Query().Get("all_tenants") != ""
}

// query returns the raw query values.
func (c *call) query() url.Values { return c.r.URL.Query() }

// pyInt parses s as Python's int() does for these parameters.
func pyInt(s string) (int, error) { return strconv.Atoi(strings.TrimSpace(s)) }
