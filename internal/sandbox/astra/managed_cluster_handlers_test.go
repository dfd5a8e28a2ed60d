package astra

import (
	"net/http"
	"net/url"
	"slices"
	"testing"
)

func TestManagedClustersAndStorageClasses(t *testing.T) {
	ta := newMirrorAPI(t)
	res := ta.do(t, request{method: http.MethodGet, path: clustersURL})
	if got := itemNames(t, res); !slices.Equal(got, []string{ClusterEastName, ClusterWestName}) {
		t.Errorf("clusters = %v", got)
	}
	res = ta.do(t, request{method: http.MethodGet, path: clustersURL + "?filter=" + url.QueryEscape("name eq 'cluster-west'")})
	if got := itemNames(t, res); !slices.Equal(got, []string{ClusterWestName}) {
		t.Errorf("filtered clusters = %v", got)
	}
	res = ta.do(t, request{method: http.MethodGet, path: clustersURL + "/" + ClusterWestID, headers: map[string]string{"Accept": "application/astra-managedCluster+json"}})
	if res.code != 200 || res.header.Get("Content-Type") != "application/astra-managedCluster+json" {
		t.Fatalf("GET cluster: %d %v", res.code, res.header)
	}
	gold := fixtureID("storageClass/cluster-west/ontap-gold")
	wantFields(t, res.body, map[string]any{
		"type": "application/astra-managedCluster", "name": ClusterWestName, "managedState": "managed", "state": "running",
		"clusterType": "kubernetes", "defaultStorageClass": gold, "inUse": "true",
	})
	mustProblem(t, ta.do(t, request{method: http.MethodGet, path: clustersURL + "/" + WordpressID}), 404, 2)

	scURL := clustersURL + "/" + ClusterWestID + "/storageClasses"
	res = ta.do(t, request{method: http.MethodGet, path: scURL})
	if got := itemNames(t, res); !slices.Equal(got, []string{"ontap-gold", "ontap-silver"}) {
		t.Errorf("storage classes = %v", got)
	}
	items := res.body["items"].([]any)
	if items[0].(map[string]any)["isDefault"] != "true" {
		t.Errorf("ontap-gold is not the default: %v", items[0])
	}
	if _, ok := items[1].(map[string]any)["isDefault"]; ok {
		t.Errorf("isDefault is the enum [\"true\"]: absent unless default: %v", items[1])
	}
	res = ta.do(t, request{method: http.MethodGet, path: scURL + "?include=name&limit=1"})
	if res.raw == "" || len(res.body["items"].([]any)) != 1 || res.body["items"].([]any)[0].([]any)[0] != "ontap-gold" {
		t.Errorf("include+limit = %s", res.raw)
	}
	// The spec gives storageClasses include and limit only.
	mustProblem(t, ta.do(t, request{method: http.MethodGet, path: scURL + "?filter=" + url.QueryEscape("name eq 'x'")}), 400, 6)
	mustProblem(t, ta.do(t, request{method: http.MethodGet, path: clustersURL + "/" + WordpressID + "/storageClasses"}), 404, 2)
	res = ta.do(t, request{method: http.MethodGet, path: scURL + "/" + gold})
	wantFields(t, res.body, map[string]any{"name": "ontap-gold", "provisioner": "csi.trident.netapp.io", "isDefault": "true"})
	mustProblem(t, ta.do(t, request{method: http.MethodGet, path: scURL + "/" + fixtureID("storageClass/cluster-east/ontap-gold")}), 404, 2)
}
