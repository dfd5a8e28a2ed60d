package manila

import (
	"net/http"
	"testing"
)

func TestShareTypes(t *testing.T) {
	f := newFixture(t, Options{})
	res := f.send(request{method: http.MethodGet, path: "/v2/" + ProjectID + "/types", token: f.user, version: "2.22"})
	expect(t, res, http.StatusOK, "")
	types := res.body["share_types"].([]any)
	if len(types) != 4 || types[0].(map[string]any)["name"] != "default" || types[0].(map[string]any)["share_type_access:is_public"] != true ||
		types[1].(map[string]any)["extra_specs"].(map[string]any)["driver_handles_share_servers"] != "False" {
		t.Errorf("types %s", res.raw)
	}
	res = f.send(request{method: http.MethodGet, path: "/v2/" + ProjectID + "/types/default", token: f.user, version: "2.6"})
	if st := obj(t, res, "share_type"); st["id"] != ShareTypeDefaultID || st["os-share-type-access:is_public"] != true {
		t.Errorf("default type at 2.6 %s", res.raw)
	}
	expect(t, f.send(request{method: http.MethodGet, path: "/v2/" + ProjectID + "/types/nope", token: f.user}), http.StatusNotFound,
		`{"itemNotFound": {"code": 404, "message": "Share type not found."}}`)
}
