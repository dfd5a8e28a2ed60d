package astra

import (
	"net/http"
	"testing"
)

func TestGuard(t *testing.T) {
	otherAccount := "/accounts/2d6154dd-6863-4a26-8017-6be092b8b0bd/core/v1/hookSources"
	tests := []struct {
		name    string
		req     request
		code    int
		problem int
	}{
		{"no authorization", request{method: http.MethodGet, path: collectionURL, noAuth: true}, 401, 3},
		{"basic scheme", request{method: http.MethodGet, path: collectionURL, headers: map[string]string{"Authorization": "Basic dXNlcjpwYXNz"}}, 401, 3},
		{"bearer without token", request{method: http.MethodGet, path: collectionURL, headers: map[string]string{"Authorization": "Bearer "}}, 401, 3},
		{"wrong token", request{method: http.MethodGet, path: collectionURL, headers: map[string]string{"Authorization": "Bearer nope"}}, 401, 4},
		{"wrong token on single", request{method: http.MethodDelete, path: preloadedURL, headers: map[string]string{"Authorization": "Bearer nope"}}, 401, 4},
		{"no token on unknown route", request{method: http.MethodGet, path: "/accounts/" + AccountID + "/core/v1/nothing", noAuth: true}, 401, 3},
		{"wrong account", request{method: http.MethodGet, path: otherAccount}, 404, 2},
		{"wrong account on POST", request{method: http.MethodPost, path: otherAccount, body: hookBody("x", exampleSource)}, 404, 2},
		{"account not a UUID", request{method: http.MethodGet, path: "/accounts/acme/core/v1/hookSources"}, 404, 2},
		{"unknown route", request{method: http.MethodGet, path: "/accounts/" + AccountID + "/core/v1/nothing"}, 404, 2},
		{"trailing slash", request{method: http.MethodGet, path: collectionURL + "/"}, 404, 2},
		{"accounts root", request{method: http.MethodGet, path: "/accounts"}, 404, 2},
		{"wrong method on collection", request{method: http.MethodDelete, path: collectionURL}, 405, 69},
		{"wrong method on resource", request{method: http.MethodPost, path: preloadedURL}, 405, 69},
		{"PATCH on resource", request{method: http.MethodPatch, path: preloadedURL}, 405, 69},
		{"query on single GET", request{method: http.MethodGet, path: preloadedURL + "?include=id"}, 400, 6},
		{"query on POST", request{method: http.MethodPost, path: collectionURL + "?dryRun=true", body: hookBody("x", exampleSource)}, 400, 6},
		{"malformed query", request{method: http.MethodGet, path: collectionURL + "?limit=%zz"}, 400, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ta := newTestAPI(t)
			mustProblem(t, ta.do(t, tt.req), tt.code, tt.problem)
		})
	}
}

func TestMethodNotAllowedListsAllow(t *testing.T) {
	ta := newTestAPI(t)
	res := ta.do(t, request{method: http.MethodPost, path: preloadedURL})
	if got := res.header.Get("Allow"); got != "DELETE, GET, PUT" {
		t.Errorf("Allow = %q, want DELETE, GET, PUT", got)
	}
}
