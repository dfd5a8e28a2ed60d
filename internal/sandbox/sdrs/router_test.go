package sdrs

import (
	"net/http"
	"testing"
)

func TestProjectMustBeTheConfiguredOne(t *testing.T) {
	ta := newTestAPI(t)
	res := ta.do(t, request{method: http.MethodGet, path: "/v1/ffffffffffffffffffffffffffffffff/active-domains",
		mutate: func(r *http.Request) { r.Header.Del("X-Project-Id"); sign(r, nil, SecretKey, ta.clock) }})
	expectError(t, res, http.StatusBadRequest, "SDRS.0001")

	// A signed X-Project-Id that differs from the path.
	res = ta.do(t, request{method: http.MethodGet, path: "~/active-domains",
		mutate: func(r *http.Request) {
			r.Header.Set("X-Project-Id", "ffffffffffffffffffffffffffffffff")
			sign(r, nil, SecretKey, ta.clock)
		}})
	expectError(t, res, http.StatusBadRequest, "SDRS.0001")
}

func TestUnknownAPIIsTheGatewaysNotFound(t *testing.T) {
	ta := newTestAPI(t)
	res := ta.do(t, request{method: http.MethodGet, path: "~/protected-instances/resource_instances/action", unsigned: true})
	expectError(t, res, http.StatusNotFound, "APIGW.0101")
	res = ta.do(t, request{method: http.MethodPatch, path: "~/server-groups"})
	expectError(t, res, http.StatusNotFound, "APIGW.0101")
}
