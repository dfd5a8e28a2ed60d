package manila

import (
	"net/http"
	"testing"
)

func TestShareNetworks(t *testing.T) {
	f := newFixture(t, Options{})
	res := f.send(request{method: http.MethodGet, path: "/v2/" + ProjectID + "/share-networks/detail?name=sn-default", token: f.user, version: "2.22"})
	nets := res.body["share_networks"].([]any)
	if len(nets) != 1 || nets[0].(map[string]any)["id"] != ShareNetworkID || nets[0].(map[string]any)["mtu"] != float64(1450) {
		t.Errorf("share networks %s", res.raw)
	}
	res = f.send(request{method: http.MethodGet, path: "/v2/" + ProjectID + "/share-networks/" + ShareNetworkID, token: f.user, version: "2.17"})
	if sn := obj(t, res, "share_network"); sn["gateway"] != nil || sn["name"] != ShareNetworkName {
		t.Errorf("share network at 2.17 %s", res.raw)
	}
	res = f.send(request{method: http.MethodGet, path: "/v2/" + ProjectID + "/share-networks?name=other", token: f.user})
	expect(t, res, http.StatusOK, `{"share_networks": []}`)
	// The share network belongs to the demo project.
	expect(t, f.send(request{method: http.MethodGet, path: "/v2/" + AdminProjectID + "/share-networks", token: f.admin}), http.StatusOK, `{"share_networks": []}`)
	expect(t, f.send(request{method: http.MethodGet, path: "/v2/" + AdminProjectID + "/share-networks/" + ShareNetworkID, token: f.admin}), http.StatusOK, "")
	userToken2 := f.passwordToken(UserName, UserPassword, ProjectName)
	expect(t, f.send(request{method: http.MethodGet, path: "/v2/" + ProjectID + "/share-networks/" + fixtureUUID("x"), token: userToken2}),
		http.StatusNotFound, `{"itemNotFound": {"code": 404, "message": "Share network `+fixtureUUID("x")+` could not be found."}}`)
}
