package astra

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// accountsPrefix is the start of every Astra path.
const accountsPrefix = "/accounts/{account_id}"

// handlerFunc serves one authenticated request on the right account. It
// returns a problem to send, or nil when it wrote the response itself.
type handlerFunc func(w http.ResponseWriter, r *http.Request) *problem

// route is one method of one path: its handler and the query keys it
// accepts (any other key gives 400 problem 6).
type route struct {
	handle handlerFunc
	query  []string
}

// router registers routes on a ServeMux with the checks every Astra route
// shares.
type router struct {
	api *API
	mux *http.ServeMux
}

// path registers each method of pattern, and a method-less pattern that
// answers 405 problem 69 for the other methods.
func (rt router) path(pattern string, methods map[string]route) {
	allow := make([]string, 0, len(methods))
	for method, rte := range methods {
		allow = append(allow, method)
		rt.mux.Handle(method+" "+pattern, rt.api.guard(rte.query, rte.handle))
	}
	slices.Sort(allow)
	allowHeader := strings.Join(allow, ", ")
	rt.mux.Handle(pattern, rt.api.guard(nil, func(w http.ResponseWriter, _ *http.Request) *problem {
		w.Header().Set("Allow", allowHeader)
		return newProblem(69)
	}))
}

// fallback registers pattern as a catch-all that answers 404 problem 2
// (after authentication, like every Astra path) and counts as unmatched.
func (rt router) fallback(pattern string) {
	rt.mux.Handle(pattern, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		backend.MarkUnmatched(r)
		if p := rt.api.authenticate(r); p != nil {
			p.write(w)
			return
		}
		newProblem(2).write(w)
	}))
}

// guard wraps h with the checks of every route, in this order: bearer token
// (401 problem 3 or 4), account ID in the path (404 problem 2), then query
// keys (400 problem 6, or 5 for an unparsable query string).
func (a *API) guard(allowedQuery []string, h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p := a.check(r, allowedQuery); p != nil {
			p.write(w)
			return
		}
		if p := h(w, r); p != nil {
			p.write(w)
		}
	})
}

// check runs the shared checks of guard.
func (a *API) check(r *http.Request, allowedQuery []string) *problem {
	if p := a.authenticate(r); p != nil {
		return p
	}
	if r.PathValue("account_id") != AccountID {
		return newProblem(2)
	}
	values, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return invalidParams(5, "query", "the query string is malformed: "+err.Error())
	}
	keys := make([]string, 0, len(values))
	for key := range values {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	for _, key := range keys {
		if !slices.Contains(allowedQuery, key) {
			return invalidParams(6, key, "query parameter "+strconv.Quote(key)+" isn't supported for this endpoint")
		}
	}
	return nil
}

// authenticate checks the Authorization header: a missing header or a
// scheme other than Bearer gives problem 3, a wrong token problem 4.
func (a *API) authenticate(r *http.Request) *problem {
	header := strings.TrimSpace(r.Header.Get("Authorization"))
	scheme, token, _ := strings.Cut(header, " ")
	token = strings.TrimSpace(token)
	if !strings.EqualFold(scheme, "Bearer") || token == "" {
		return newProblem(3)
	}
	if token != Token {
		return newProblem(4)
	}
	return nil
}
