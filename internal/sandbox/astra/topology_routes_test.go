package astra

import (
	"net/http"
	"net/url"
	"slices"
	"testing"
)

// names returns the "name" of each item of a list answer.
func names(t *testing.T, res response) []string {
	t.Helper()
	if res.code != http.StatusOK {
		t.Fatalf("list: %d %s", res.code, res.raw)
	}
	var out []string
	for _, item := range res.body["items"].([]any) {
		out = append(out, item.(map[string]any)["name"].(string))
	}
	return out
}

func TestListAppsAndFilters(t *testing.T) {
	ta := newMirrorAPI(t)
	get := func(query string) response {
		return ta.do(t, request{method: http.MethodGet, path: appsURL + query})
	}
	if got := names(t, get("")); !slices.Equal(got, []string{"wordpress", "postgres", "mysql"}) {
		t.Errorf("apps = %v", got)
	}
	res := get("")
	if res.header.Get("Content-Type") != "application/json" || res.body["type"] != "application/astra-apps" {
		t.Errorf("list answer: %v %s", res.header, res.raw)
	}
	east := "?filter=" + url.QueryEscape("clusterID eq '"+ClusterEastID+"'")
	if got := names(t, get(east)); !slices.Equal(got, []string{"wordpress", "postgres"}) {
		t.Errorf("east apps = %v", got)
	}
	byName := "?filter=" + url.QueryEscape("name eq 'mysql'") + "&filter=" + url.QueryEscape("clusterName eq 'cluster-west'")
	if got := names(t, get(byName)); !slices.Equal(got, []string{"mysql"}) {
		t.Errorf("mysql on west = %v", got)
	}
	if got := names(t, get("?filter="+url.QueryEscape("namespaces[*] eq 'postgres'"))); !slices.Equal(got, []string{"postgres"}) {
		t.Errorf("by namespace = %v", got)
	}
	if got := names(t, get("?limit=2")); len(got) != 2 {
		t.Errorf("limit 2 = %v", got)
	}
	res = get("?include=name,clusterName")
	first := res.body["items"].([]any)[0].([]any)
	if len(first) != 2 || first[0] != "wordpress" || first[1] != ClusterEastName {
		t.Errorf("include = %s", res.raw)
	}
	mustProblem(t, get("?orderBy=name"), 400, 6)
	mustProblem(t, get("?limit=0"), 400, 5)

	app := ta.getApp(t, PostgresID)
	wantFields(t, app, map[string]any{
		"type": "application/astra-app", "version": "2.2", "id": PostgresID, "name": "postgres",
		"clusterID": ClusterEastID, "clusterName": ClusterEastName, "namespaces": []string{"postgres"},
		"namespaceScopedResources": []map[string]any{{"namespace": "postgres", "labelSelectors": []string{}}},
		"state":                    "ready", "protectionState": "none",
	})
	if _, ok := app["replicationSourceAppID"]; ok {
		t.Error("a fixture app is a replica")
	}
	mustProblem(t, ta.do(t, request{method: http.MethodGet, path: appsURL + "/" + ClusterEastID}), 404, 2)
}

func TestManageAndUnmanageApps(t *testing.T) {
	ta := newMirrorAPI(t)
	id := ta.manageApp(t, "shop", ClusterWestID, "shop-web", "shop-db")
	wantFields(t, ta.getApp(t, id), map[string]any{"name": "shop", "clusterID": ClusterWestID, "namespaces": []string{"shop-web", "shop-db"}, "state": "ready"})

	post := func(body string) response {
		return ta.sendAstra(t, http.MethodPost, appsURL, appType, body)
	}
	base := `{"type":"application/astra-app","version":"2.2",`
	for _, tc := range []struct {
		body  string
		code  int
		n     int
		field string
	}{
		{base + `"name":"x","namespaceScopedResources":[{"namespace":"x"}]}`, 400, 9, "clusterID"},
		{base + `"name":"x","clusterID":"` + fixtureID("nope") + `","namespaceScopedResources":[{"namespace":"x"}]}`, 400, 9, "clusterID"},
		{base + `"name":"Not_DNS","clusterID":"` + ClusterEastID + `","namespaceScopedResources":[{"namespace":"x"}]}`, 400, 9, "name"},
		{base + `"name":"x","clusterID":"` + ClusterEastID + `"}`, 400, 9, "namespaceScopedResources"},
		{base + `"name":"x","clusterID":"` + ClusterEastID + `","namespaceScopedResources":[{"namespace":"x"}],"backupID":"` + fixtureID("b") + `"}`, 400, 9, "backupID"},
		{base + `"name":"x","clusterID":"` + ClusterEastID + `","namespaceScopedResources":[{"ns":"x"}]}`, 400, 8, ""},
		{`{"type":"application/astra-app","version":"2.2"}`, 400, 8, ""},
	} {
		res := post(tc.body)
		mustProblem(t, res, tc.code, tc.n)
		if tc.field != "" {
			if got := invalidNames(t, res, "invalidFields"); !slices.Contains(got, tc.field) {
				t.Errorf("%s: invalidFields = %v", tc.body, got)
			}
		}
	}

	del := func(id string) response {
		return ta.do(t, request{method: http.MethodDelete, path: appsURL + "/" + id})
	}
	mustProblem(t, del(WordpressID), 403, 11)
	if res := del(id); res.code != http.StatusNoContent {
		t.Fatalf("unmanage: %d %s", res.code, res.raw)
	}
	mustProblem(t, ta.do(t, request{method: http.MethodGet, path: appsURL + "/" + id}), 404, 2)
	mustProblem(t, del(id), 404, 1)
}

func TestManagedClustersAndStorageClasses(t *testing.T) {
	ta := newMirrorAPI(t)
	res := ta.do(t, request{method: http.MethodGet, path: clustersURL})
	if got := names(t, res); !slices.Equal(got, []string{ClusterEastName, ClusterWestName}) {
		t.Errorf("clusters = %v", got)
	}
	res = ta.do(t, request{method: http.MethodGet, path: clustersURL + "?filter=" + url.QueryEscape("name eq 'cluster-west'")})
	if got := names(t, res); !slices.Equal(got, []string{ClusterWestName}) {
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
	if got := names(t, res); !slices.Equal(got, []string{"ontap-gold", "ontap-silver"}) {
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
