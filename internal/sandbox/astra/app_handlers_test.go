package astra

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
)

func TestListAppsAndFilters(t *testing.T) {
	ta := newMirrorAPI(t)
	get := func(query string) response {
		return ta.do(t, request{method: http.MethodGet, path: appsURL + query})
	}
	if got := itemNames(t, get("")); !slices.Equal(got, []string{"wordpress", "postgres", "mysql"}) {
		t.Errorf("apps = %v", got)
	}
	res := get("")
	if res.header.Get("Content-Type") != "application/json" || res.body["type"] != "application/astra-apps" {
		t.Errorf("list answer: %v %s", res.header, res.raw)
	}
	east := "?filter=" + url.QueryEscape("clusterID eq '"+ClusterEastID+"'")
	if got := itemNames(t, get(east)); !slices.Equal(got, []string{"wordpress", "postgres"}) {
		t.Errorf("east apps = %v", got)
	}
	byName := "?filter=" + url.QueryEscape("name eq 'mysql'") + "&filter=" + url.QueryEscape("clusterName eq 'cluster-west'")
	if got := itemNames(t, get(byName)); !slices.Equal(got, []string{"mysql"}) {
		t.Errorf("mysql on west = %v", got)
	}
	if got := itemNames(t, get("?filter="+url.QueryEscape("namespaces[*] eq 'postgres'"))); !slices.Equal(got, []string{"postgres"}) {
		t.Errorf("by namespace = %v", got)
	}
	if got := itemNames(t, get("?limit=2")); len(got) != 2 {
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

// The cluster-scoped alias lists, reads, changes and unmanages the apps
// of its cluster only, and manages new apps there.
func TestClusterScopedApps(t *testing.T) {
	ta := newMirrorAPI(t)
	apps := func(cluster string) string {
		return "/accounts/" + AccountID + "/topology/v2/managedClusters/" + cluster + "/apps"
	}
	if got := itemNames(t, ta.get(t, apps(ClusterEastID))); !slices.Equal(got, []string{"wordpress", "postgres"}) {
		t.Errorf("east apps = %v", got)
	}
	if got := itemNames(t, ta.get(t, apps(ClusterWestID))); !slices.Equal(got, []string{"mysql"}) {
		t.Errorf("west apps = %v", got)
	}
	if got := itemNames(t, ta.get(t, apps(ClusterEastID)+"?filter="+url.QueryEscape("name eq 'postgres'"))); !slices.Equal(got, []string{"postgres"}) {
		t.Errorf("east apps named postgres = %v", got)
	}
	wantFields(t, ta.get(t, apps(ClusterEastID)+"/"+PostgresID).body, map[string]any{"name": "postgres", "clusterID": ClusterEastID})
	mustProblem(t, ta.get(t, apps(ClusterWestID)+"/"+PostgresID), 404, 2)
	mustProblem(t, ta.get(t, apps(PostgresID)), 404, 2)

	// A manage without clusterID goes to the cluster of the path; another
	// clusterID is refused.
	manage := func(cluster string) string {
		return `{"type":"application/astra-app","version":"2.2","name":"shop",` + cluster + `"namespaceScopedResources":[{"namespace":"shop"}]}`
	}
	mustProblem(t, ta.send(t, http.MethodPost, apps(ClusterWestID), "application/astra-app+json", manage(`"clusterID":"`+ClusterEastID+`",`)), 400, 9)
	res := ta.send(t, http.MethodPost, apps(ClusterWestID), "application/astra-app+json", manage(""))
	if res.code != http.StatusCreated || res.body["clusterID"] != ClusterWestID {
		t.Fatalf("manage on west: %d %s", res.code, res.raw)
	}
	id := res.body["id"].(string)
	if loc := res.header.Get("Location"); loc == "" || !strings.HasSuffix(loc, apps(ClusterWestID)+"/"+id) {
		t.Errorf("Location = %q", loc)
	}
	ta.advance(2 * step)
	rename := `{"type":"application/astra-app","version":"2.2","name":"shop-2"}`
	mustProblem(t, ta.send(t, http.MethodPut, apps(ClusterEastID)+"/"+id, "application/astra-app+json", rename), 404, 1)
	if res := ta.send(t, http.MethodPut, apps(ClusterWestID)+"/"+id, "application/astra-app+json", rename); res.code != http.StatusNoContent {
		t.Fatalf("rename on west: %d %s", res.code, res.raw)
	}
	wantFields(t, ta.getApp(t, id), map[string]any{"name": "shop-2", "state": "ready"})
	mustProblem(t, ta.do(t, request{method: http.MethodDelete, path: apps(ClusterEastID) + "/" + id}), 404, 1)
	if res := ta.do(t, request{method: http.MethodDelete, path: apps(ClusterWestID) + "/" + id}); res.code != http.StatusNoContent {
		t.Fatalf("unmanage on west: %d %s", res.code, res.raw)
	}
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
	wantFields(t, ta.getApp(t, id), map[string]any{"state": "deleting"})
	if res := del(id); res.code != http.StatusNoContent {
		t.Fatalf("unmanage while deleting: %d %s", res.code, res.raw)
	}
	ta.advance(step)
	mustProblem(t, ta.do(t, request{method: http.MethodGet, path: appsURL + "/" + id}), 404, 2)
	mustProblem(t, del(id), 404, 1)
}
