package manila

import (
	"net/http"
	"testing"
)

func TestProjectOfTheURLMustBeTheToken(t *testing.T) {
	f := newFixture(t, Options{})
	// The project check comes before the version dispatch.
	expect(t, f.send(request{method: http.MethodGet, path: "/v2/" + AdminProjectID + "/consistency-groups", token: f.user, version: "2.1"}),
		http.StatusBadRequest, `{"badRequest": {"code": 400, "message": "Malformed request url"}}`)
}
