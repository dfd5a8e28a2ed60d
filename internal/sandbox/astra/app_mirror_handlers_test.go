package astra

import (
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestAppMirrorCreateEstablishes(t *testing.T) {
	ta := newMirrorAPI(t)
	res := ta.sendAstra(t, http.MethodPost, mirrorsURL, appMirrorType, mirrorBody(WordpressID, ClusterWestID))
	if res.code != http.StatusCreated {
		t.Fatalf("status %d: %s", res.code, res.raw)
	}
	id, _ := res.body["id"].(string)
	if loc := res.header.Get("Location"); loc != "http://example.com"+mirrorsURL+"/"+id {
		t.Errorf("Location = %q", loc)
	}
	destApp, _ := res.body["destinationAppID"].(string)
	if !identifierRe.MatchString(destApp) {
		t.Fatalf("destinationAppID = %v", res.body["destinationAppID"])
	}
	wantFields(t, res.body, map[string]any{
		"sourceAppID": WordpressID, "sourceClusterID": ClusterEastID, "destinationClusterID": ClusterWestID,
		"state": "establishing", "stateDesired": "established", "stateAllowed": []string{"established", "deleted"},
		"healthState": "warning", "transferState": "transferring", "version": "1.1",
	})
	if n := len(res.body["stateTransitions"].([]any)); n != 5 {
		t.Errorf("stateTransitions has %d entries, want the spec's 5", n)
	}

	// The destination app exists at once, on the destination cluster, as a
	// replica of the source, with the source's namespace names.
	dest := ta.getApp(t, destApp)
	wantFields(t, dest, map[string]any{
		"name": AppWordpress, "clusterID": ClusterWestID, "clusterName": ClusterWestName, "namespaces": []string{"wordpress"},
		"replicationSourceAppID": WordpressID, "state": "provisioning",
	})

	// One step later it is established.
	ta.advance(step - 1)
	wantFields(t, ta.getMirror(t, id), map[string]any{"state": "establishing"})
	ta.advance(1)
	got := ta.getMirror(t, id)
	wantFields(t, got, map[string]any{
		"state": "established", "stateDesired": "established", "stateAllowed": []string{"failedOver", "deleted"},
		"healthState": "normal", "transferState": "idle", "destinationAppID": destApp,
	})
	details := got["transferStateDetails"].([]any)
	if len(details) != 1 || details[0].(map[string]any)["title"] != "Snapshot replication completed" {
		t.Errorf("transferStateDetails = %v", details)
	}
	wantFields(t, ta.getApp(t, destApp), map[string]any{"state": "ready", "replicationSourceAppID": WordpressID})
	if md := got["metadata"].(map[string]any); md["creationTimestamp"] == md["modificationTimestamp"] {
		t.Errorf("modificationTimestamp not moved by the state change: %v", md)
	}
}

func TestAppMirrorNamespaceMapping(t *testing.T) {
	ta := newMirrorAPI(t)
	src := ta.manageApp(t, "shop", ClusterEastID, "shop-web", "shop-db")
	id := ta.createMirror(t, mirrorBody(src, ClusterWestID,
		`"namespaceMapping":[{"clusterID":"`+ClusterEastID+`","namespaces":["shop-db","shop-web"]},{"clusterID":"`+ClusterWestID+`","namespaces":["dr-db","dr-web"]}]`,
		`"storageClasses":[{"clusterID":"`+ClusterWestID+`","storageClassName":"ontap-silver"}]`))
	m := ta.getMirror(t, id)
	dest := ta.getApp(t, m["destinationAppID"].(string))
	wantFields(t, dest, map[string]any{"namespaces": []string{"dr-db", "dr-web"}})
	wantFields(t, m, map[string]any{
		"namespaceMapping": []map[string]any{
			{"clusterID": ClusterEastID, "namespaces": []string{"shop-db", "shop-web"}},
			{"clusterID": ClusterWestID, "namespaces": []string{"dr-db", "dr-web"}},
		},
		"storageClasses": []map[string]any{{"clusterID": ClusterWestID, "storageClassName": "ontap-silver"}},
	})
}

func TestAppMirrorSameClusterNeedsRoles(t *testing.T) {
	ta := newMirrorAPI(t)
	src := ta.manageApp(t, "local", ClusterEastID)
	post := func(extra ...string) response {
		return ta.sendAstra(t, http.MethodPost, mirrorsURL, appMirrorType, mirrorBody(src, ClusterEastID, extra...))
	}
	res := post()
	mustProblem(t, res, 400, 9)
	if names := invalidNames(t, res, "invalidFields"); !slices.Contains(names, "namespaceMapping") {
		t.Errorf("invalidFields = %v", names)
	}
	res = post(`"namespaceMapping":[{"clusterID":"` + ClusterEastID + `","namespaces":["local"]},{"clusterID":"` + ClusterEastID + `","namespaces":["local-dr"]}]`)
	mustProblem(t, res, 400, 9)
	if names := invalidNames(t, res, "invalidFields"); !slices.Contains(names, "namespaceMapping[0].role") {
		t.Errorf("invalidFields = %v", names)
	}
	// Roles, but the destination is the source's own namespace.
	res = post(`"namespaceMapping":[{"clusterID":"` + ClusterEastID + `","namespaces":["local"],"role":"source"},{"clusterID":"` + ClusterEastID + `","namespaces":["local"],"role":"destination"}]`)
	mustProblem(t, res, 400, 9)

	res = post(`"namespaceMapping":[{"clusterID":"`+ClusterEastID+`","namespaces":["local"],"role":"source"},{"clusterID":"`+ClusterEastID+`","namespaces":["local-dr"],"role":"destination"}]`,
		`"storageClasses":[{"clusterID":"`+ClusterEastID+`","storageClassName":"ontap-silver","role":"destination"}]`)
	if res.code != http.StatusCreated {
		t.Fatalf("same-cluster with roles: %d %s", res.code, res.raw)
	}
	id := res.body["id"].(string)
	dest := ta.getApp(t, res.body["destinationAppID"].(string))
	wantFields(t, dest, map[string]any{"clusterID": ClusterEastID, "namespaces": []string{"local-dr"}})

	// A reverse turns the roles around; the clusters stay.
	ta.advance(step)
	ta.put(t, id, 204, quoted("sourceAppID", res.body["destinationAppID"].(string)), quoted("destinationAppID", src), quoted("stateDesired", "established"))
	m := ta.getMirror(t, id)
	wantFields(t, m, map[string]any{
		"namespaceMapping": []map[string]any{
			{"clusterID": ClusterEastID, "namespaces": []string{"local"}, "role": "destination"},
			{"clusterID": ClusterEastID, "namespaces": []string{"local-dr"}, "role": "source"},
		},
		"storageClasses": []map[string]any{{"clusterID": ClusterEastID, "storageClassName": "ontap-silver", "role": "source"}},
	})
}

func TestAppMirrorCreateRefusals(t *testing.T) {
	ta := newMirrorAPI(t)
	other := "2d6154dd-6863-4a26-8017-6be092b8b0bd"
	tests := []struct {
		name    string
		path    string
		body    string
		code    int
		problem int
		field   string
	}{
		{"stateDesired failedOver", mirrorsURL, strings.Replace(mirrorBody(WordpressID, ClusterWestID), `"stateDesired":"established"`, `"stateDesired":"failedOver"`, 1), 400, 9, "stateDesired"},
		{"stateDesired unknown", mirrorsURL, strings.Replace(mirrorBody(WordpressID, ClusterWestID), `"established"`, `"running"`, 1), 400, 9, "stateDesired"},
		{"unknown app", mirrorsURL, mirrorBody(other, ClusterWestID), 400, 9, "sourceAppID"},
		{"unknown cluster", mirrorsURL, mirrorBody(WordpressID, other), 400, 9, "destinationClusterID"},
		{"app ID not a UUID", mirrorsURL, mirrorBody("wordpress", ClusterWestID), 400, 9, "sourceAppID"},
		{"mapping names a third cluster", mirrorsURL, mirrorBody(WordpressID, ClusterWestID, `"namespaceMapping":[{"clusterID":"`+other+`","namespaces":["x"]}]`), 400, 9, "namespaceMapping[0].clusterID"},
		{"mapping source namespaces wrong", mirrorsURL, mirrorBody(WordpressID, ClusterWestID, `"namespaceMapping":[{"clusterID":"`+ClusterEastID+`","namespaces":["postgres"]}]`), 400, 9, "namespaceMapping[0].namespaces"},
		{"mapping destination count", mirrorsURL, mirrorBody(WordpressID, ClusterWestID, `"namespaceMapping":[{"clusterID":"`+ClusterWestID+`","namespaces":["a","b"]}]`), 400, 9, "namespaceMapping"},
		{"mapping role contradicts cluster", mirrorsURL, mirrorBody(WordpressID, ClusterWestID, `"namespaceMapping":[{"clusterID":"`+ClusterWestID+`","namespaces":["a"],"role":"source"}]`), 400, 9, "namespaceMapping[0].role"},
		{"mapping bad namespace", mirrorsURL, mirrorBody(WordpressID, ClusterWestID, `"namespaceMapping":[{"clusterID":"`+ClusterWestID+`","namespaces":["Not_DNS"]}]`), 400, 9, "namespaceMapping[0].namespaces[0]"},
		{"unknown storage class", mirrorsURL, mirrorBody(WordpressID, ClusterWestID, `"storageClasses":[{"clusterID":"`+ClusterWestID+`","storageClassName":"ontap-bronze"}]`), 400, 9, "storageClasses[0].storageClassName"},
		{"mapping extra key", mirrorsURL, mirrorBody(WordpressID, ClusterWestID, `"namespaceMapping":[{"clusterID":"`+ClusterWestID+`","namespaces":["a"],"size":1}]`), 400, 8, ""},
		{"read-only field on POST", mirrorsURL, mirrorBody(WordpressID, ClusterWestID, `"destinationAppID":"`+other+`"`), 400, 8, ""},
		{"missing stateDesired", mirrorsURL, `{"type":"application/astra-appMirror","version":"1.1","sourceAppID":"` + WordpressID + `","destinationClusterID":"` + ClusterWestID + `"}`, 400, 8, ""},
		{"wrong version", mirrorsURL, strings.Replace(mirrorBody(WordpressID, ClusterWestID), `"1.1"`, `"2.0"`, 1), 400, 8, ""},
		{"not replicable", mirrorsURL, mirrorBody(MySQLID, ClusterEastID), 409, 150, "sourceAppID"},
		{"app-scoped other app", appMirrorsURL(PostgresID), mirrorBody(WordpressID, ClusterWestID), 409, 10, "sourceAppID"},
		{"app-scoped unknown app", appMirrorsURL(other), mirrorBody(WordpressID, ClusterWestID), 404, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := ta.sendAstra(t, http.MethodPost, tt.path, appMirrorType, tt.body)
			mustProblem(t, res, tt.code, tt.problem)
			if tt.field != "" {
				if names := invalidNames(t, res, "invalidFields"); !slices.Contains(names, tt.field) {
					t.Errorf("invalidFields = %v, want %s", names, tt.field)
				}
			}
		})
	}
	// Nothing was created by the refusals.
	if res := ta.do(t, request{method: http.MethodGet, path: mirrorsURL}); len(res.body["items"].([]any)) != 0 {
		t.Errorf("refused requests created relationships: %s", res.raw)
	}
	if n := ta.api.apps.Len(); n != 3 {
		t.Errorf("refused requests created apps: %d apps", n)
	}
}

func TestAppMirrorAppInOneRelationshipOnly(t *testing.T) {
	ta := newMirrorAPI(t)
	res := ta.sendAstra(t, http.MethodPost, appMirrorsURL(WordpressID), appMirrorType, mirrorBody(WordpressID, ClusterWestID))
	if res.code != http.StatusCreated {
		t.Fatalf("app-scoped POST: %d %s", res.code, res.raw)
	}
	id := res.body["id"].(string)
	if loc := res.header.Get("Location"); loc != "http://example.com"+appMirrorsURL(WordpressID)+"/"+id {
		t.Errorf("Location = %q", loc)
	}
	dest := res.body["destinationAppID"].(string)
	for _, src := range []string{WordpressID, dest} {
		res := ta.sendAstra(t, http.MethodPost, mirrorsURL, appMirrorType, mirrorBody(src, ClusterEastID,
			`"namespaceMapping":[{"clusterID":"`+ClusterEastID+`","namespaces":["wp2"],"role":"destination"},{"clusterID":"`+ClusterWestID+`","namespaces":["wordpress"],"role":"source"}]`))
		if src == WordpressID {
			res = ta.sendAstra(t, http.MethodPost, mirrorsURL, appMirrorType, mirrorBody(src, ClusterWestID))
		}
		mustProblem(t, res, 409, 10)
		if names := invalidNames(t, res, "invalidFields"); names[0] != "sourceAppID" {
			t.Errorf("invalidFields = %v", names)
		}
		if !strings.Contains(res.raw, id) {
			t.Errorf("the answer does not name the existing relationship %s: %s", id, res.raw)
		}
	}
}

func TestAppMirrorConcurrentCreatesOfOneApp(t *testing.T) {
	ta := newMirrorAPI(t)
	srv := ta.newServer(t)
	const n = 8
	codes := make(chan int, n)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			req, _ := http.NewRequest(http.MethodPost, srv.URL+mirrorsURL, strings.NewReader(mirrorBody(PostgresID, ClusterWestID)))
			req.Header.Set("Authorization", "Bearer "+Token)
			req.Header.Set("Content-Type", "application/json")
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			_ = res.Body.Close()
			codes <- res.StatusCode
		})
	}
	wg.Wait()
	close(codes)
	created := 0
	for c := range codes {
		if c == http.StatusCreated {
			created++
		} else if c != http.StatusConflict {
			t.Errorf("status %d", c)
		}
	}
	if created != 1 {
		t.Errorf("%d relationships created for one app, want 1", created)
	}
}

func TestAppMirrorFailoverResync(t *testing.T) {
	ta := newMirrorAPI(t)
	id := ta.createMirror(t, mirrorBody(WordpressID, ClusterWestID))
	dest := ta.getMirror(t, id)["destinationAppID"].(string)

	// Not while establishing: failedOver is not in stateAllowed.
	res := ta.put(t, id, 409, quoted("stateDesired", "failedOver"))
	mustProblem(t, res, 409, 10)
	if names := invalidNames(t, res, "invalidFields"); names[0] != "stateDesired" {
		t.Errorf("invalidFields = %v", names)
	}

	ta.advance(step)
	ta.put(t, id, 204, quoted("stateDesired", "failedOver"))
	wantFields(t, ta.getMirror(t, id), map[string]any{
		"state": "failingOver", "stateDesired": "failedOver", "stateAllowed": []string{"failedOver", "deleted"}, "healthState": "warning",
	})
	// Still a replica while failing over.
	wantFields(t, ta.getApp(t, dest), map[string]any{"replicationSourceAppID": WordpressID})
	// Resync is refused until the failover ends.
	ta.put(t, id, 409, quoted("stateDesired", "established"))
	ta.advance(step)
	wantFields(t, ta.getMirror(t, id), map[string]any{
		"state": "failedOver", "stateAllowed": []string{"established", "deleted"},
		"sourceAppID": WordpressID, "destinationAppID": dest,
	})
	if _, ok := ta.getApp(t, dest)["replicationSourceAppID"]; ok {
		t.Error("the failed-over destination app is still a replica")
	}
	// Asking again for the current state changes nothing.
	ta.put(t, id, 204, quoted("stateDesired", "failedOver"))
	wantFields(t, ta.getMirror(t, id), map[string]any{"state": "failedOver"})

	// Resync: same IDs (sent back, as actoolkit does), from failedOver.
	ta.put(t, id, 204, quoted("stateDesired", "established"), quoted("sourceAppID", WordpressID), quoted("destinationAppID", dest),
		quoted("sourceClusterID", ClusterEastID), quoted("destinationClusterID", ClusterWestID))
	m := ta.getMirror(t, id)
	wantFields(t, m, map[string]any{"state": "establishing", "stateDesired": "established", "sourceAppID": WordpressID, "destinationAppID": dest})
	if !strings.Contains(m["stateDetails"].([]any)[0].(map[string]any)["detail"].(string), "resynchronized") {
		t.Errorf("stateDetails = %v", m["stateDetails"])
	}
	wantFields(t, ta.getApp(t, dest), map[string]any{"replicationSourceAppID": WordpressID})
	ta.advance(step)
	wantFields(t, ta.getMirror(t, id), map[string]any{"state": "established"})
	// Idempotent PUT of the whole body read back.
	ta.put(t, id, 204, quoted("stateDesired", "established"), quoted("state", "established"), quoted("id", id), `"stateAllowed":["failedOver","deleted"]`)
	wantFields(t, ta.getMirror(t, id), map[string]any{"state": "established"})
}

func TestAppMirrorReverse(t *testing.T) {
	for _, from := range []string{"established", "failedOver"} {
		t.Run("from "+from, func(t *testing.T) {
			ta := newMirrorAPI(t)
			id := ta.createMirror(t, mirrorBody(WordpressID, ClusterWestID))
			dest := ta.getMirror(t, id)["destinationAppID"].(string)
			ta.advance(step)
			if from == "failedOver" {
				ta.put(t, id, 204, quoted("stateDesired", "failedOver"))
				ta.advance(step)
			}
			swapped := []string{quoted("stateDesired", "established"), quoted("sourceAppID", dest), quoted("destinationAppID", WordpressID),
				quoted("sourceClusterID", ClusterWestID), quoted("destinationClusterID", ClusterEastID)}
			ta.put(t, id, 204, swapped...)
			m := ta.getMirror(t, id)
			wantFields(t, m, map[string]any{
				"id": id, "state": "establishing", "stateDesired": "established",
				"sourceAppID": dest, "sourceClusterID": ClusterWestID, "destinationAppID": WordpressID, "destinationClusterID": ClusterEastID,
			})
			if _, ok := ta.getApp(t, dest)["replicationSourceAppID"]; ok {
				t.Error("the new source app is still a replica")
			}
			wantFields(t, ta.getApp(t, WordpressID), map[string]any{"replicationSourceAppID": dest})
			ta.advance(step)
			wantFields(t, ta.getMirror(t, id), map[string]any{"state": "established", "sourceAppID": dest})

			// Sending the swapped IDs again now matches: no new reverse.
			ta.put(t, id, 204, swapped...)
			wantFields(t, ta.getMirror(t, id), map[string]any{"state": "established", "sourceAppID": dest})
			// Reverse back.
			ta.put(t, id, 204, quoted("sourceAppID", WordpressID), quoted("destinationAppID", dest))
			ta.advance(step)
			wantFields(t, ta.getMirror(t, id), map[string]any{"state": "established", "sourceAppID": WordpressID, "destinationAppID": dest})
			wantFields(t, ta.getApp(t, dest), map[string]any{"replicationSourceAppID": WordpressID})
		})
	}
}

func TestAppMirrorPutRefusals(t *testing.T) {
	ta := newMirrorAPI(t)
	id := ta.createMirror(t, mirrorBody(WordpressID, ClusterWestID))
	dest := ta.getMirror(t, id)["destinationAppID"].(string)
	other := "2d6154dd-6863-4a26-8017-6be092b8b0bd"

	// Reverse while establishing.
	mustProblem(t, ta.put(t, id, 409, quoted("sourceAppID", dest), quoted("destinationAppID", WordpressID)), 409, 10)
	ta.advance(step)
	tests := []struct {
		name    string
		members []string
		code    int
		problem int
		fields  []string
	}{
		{"IDs neither match nor swap", []string{quoted("sourceAppID", other)}, 409, 10, []string{"sourceAppID"}},
		{"half swapped", []string{quoted("sourceAppID", dest), quoted("destinationAppID", dest)}, 409, 10, []string{"sourceAppID", "destinationAppID"}},
		{"swap with failedOver", []string{quoted("sourceAppID", dest), quoted("destinationAppID", WordpressID), quoted("stateDesired", "failedOver")}, 409, 10, []string{"stateDesired"}},
		{"other id", []string{quoted("id", other)}, 409, 10, []string{"id"}},
		{"resync from established", []string{quoted("stateDesired", "bogus")}, 400, 9, []string{"stateDesired"}},
		{"missing version", nil, 400, 8, nil},
		{"unknown field", []string{quoted("reversed", "true")}, 400, 8, nil},
		{"state not a string", []string{`"state":1`}, 400, 8, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var res response
			if tt.members == nil {
				res = ta.sendAstra(t, http.MethodPut, mirrorsURL+"/"+id, appMirrorType, `{"type":"application/astra-appMirror"}`)
			} else {
				res = ta.put(t, id, tt.code, tt.members...)
			}
			mustProblem(t, res, tt.code, tt.problem)
			if tt.fields != nil {
				if names := invalidNames(t, res, "invalidFields"); !slices.Equal(names, tt.fields) {
					t.Errorf("invalidFields = %v, want %v", names, tt.fields)
				}
			}
		})
	}
	wantFields(t, ta.getMirror(t, id), map[string]any{"state": "established", "sourceAppID": WordpressID})
	mustProblem(t, ta.sendAstra(t, http.MethodPut, mirrorsURL+"/"+other, appMirrorType, putBody()), 404, 1)
}

func TestAppMirrorDelete(t *testing.T) {
	for _, how := range []string{"DELETE", "PUT deleted"} {
		t.Run(how, func(t *testing.T) {
			ta := newMirrorAPI(t)
			id := ta.createMirror(t, mirrorBody(WordpressID, ClusterWestID))
			dest := ta.getMirror(t, id)["destinationAppID"].(string)
			ta.advance(step)
			if how == "DELETE" {
				if res := ta.do(t, request{method: http.MethodDelete, path: mirrorsURL + "/" + id}); res.code != 204 || res.raw != "" {
					t.Fatalf("DELETE: %d %q", res.code, res.raw)
				}
			} else {
				ta.put(t, id, 204, quoted("stateDesired", "deleted"))
			}
			wantFields(t, ta.getMirror(t, id), map[string]any{
				"state": "deleting", "stateDesired": "deleted", "stateAllowed": []string{"deleted"},
			})
			// Deleting again is accepted; other requests are not.
			if res := ta.do(t, request{method: http.MethodDelete, path: mirrorsURL + "/" + id}); res.code != 204 {
				t.Errorf("second DELETE: %d", res.code)
			}
			ta.put(t, id, 409, quoted("stateDesired", "established"))
			// The apps cannot be unmanaged while the relationship exists.
			mustProblem(t, ta.do(t, request{method: http.MethodDelete, path: appsURL + "/" + dest}), 409, 119)

			ta.advance(step)
			mustProblem(t, ta.do(t, request{method: http.MethodGet, path: mirrorsURL + "/" + id}), 404, 2)
			mustProblem(t, ta.do(t, request{method: http.MethodDelete, path: mirrorsURL + "/" + id}), 404, 1)
			mustProblem(t, ta.sendAstra(t, http.MethodPut, mirrorsURL+"/"+id, appMirrorType, putBody()), 404, 1)
			// The destination app stays, no longer a replica.
			if _, ok := ta.getApp(t, dest)["replicationSourceAppID"]; ok {
				t.Error("the destination app is still a replica after the relationship is gone")
			}
			// The source app can be replicated again, and the old
			// destination unmanaged.
			ta.createMirror(t, mirrorBody(WordpressID, ClusterWestID))
			if res := ta.do(t, request{method: http.MethodDelete, path: appsURL + "/" + dest}); res.code != 204 {
				t.Errorf("unmanage the old destination: %d %s", res.code, res.raw)
			}
		})
	}
}

func TestAppMirrorAppScopedRoutes(t *testing.T) {
	ta := newMirrorAPI(t)
	id := ta.createMirror(t, mirrorBody(WordpressID, ClusterWestID))
	dest := ta.getMirror(t, id)["destinationAppID"].(string)
	pg := ta.createMirror(t, mirrorBody(PostgresID, ClusterWestID))

	for _, appID := range []string{WordpressID, dest} {
		res := ta.do(t, request{method: http.MethodGet, path: appMirrorsURL(appID)})
		items := res.body["items"].([]any)
		if res.code != 200 || len(items) != 1 || items[0].(map[string]any)["id"] != id {
			t.Errorf("mirrors of %s: %d %s", appID, res.code, res.raw)
		}
		if res := ta.do(t, request{method: http.MethodGet, path: appMirrorsURL(appID) + "/" + id}); res.code != 200 {
			t.Errorf("GET under %s: %d", appID, res.code)
		}
	}
	// A relationship the app is not part of is not found under it.
	mustProblem(t, ta.do(t, request{method: http.MethodGet, path: appMirrorsURL(PostgresID) + "/" + id}), 404, 2)
	mustProblem(t, ta.sendAstra(t, http.MethodPut, appMirrorsURL(PostgresID)+"/"+id, appMirrorType, putBody()), 404, 1)
	mustProblem(t, ta.do(t, request{method: http.MethodDelete, path: appMirrorsURL(PostgresID) + "/" + id}), 404, 1)
	mustProblem(t, ta.do(t, request{method: http.MethodGet, path: appMirrorsURL(fixtureID("nothing"))}), 404, 2)
	// Through the app-scoped route, the same store.
	ta.advance(step)
	if res := ta.sendAstra(t, http.MethodPut, appMirrorsURL(dest)+"/"+id, appMirrorType, putBody(quoted("stateDesired", "failedOver"))); res.code != 204 {
		t.Fatalf("app-scoped PUT: %d %s", res.code, res.raw)
	}
	wantFields(t, ta.getMirror(t, id), map[string]any{"state": "failingOver"})
	wantFields(t, ta.getMirror(t, pg), map[string]any{"state": "established"})

	// The account-wide list has both, and filter and include work on it.
	res := ta.do(t, request{method: http.MethodGet, path: mirrorsURL + "?include=id,state&filter=" + url.QueryEscape("state eq 'failingOver'")})
	items := res.body["items"].([]any)
	if len(items) != 1 || items[0].([]any)[0] != id || items[0].([]any)[1] != "failingOver" {
		t.Errorf("filtered list = %s", res.raw)
	}
	res = ta.do(t, request{method: http.MethodGet, path: mirrorsURL + "?limit=1"})
	if len(res.body["items"].([]any)) != 1 || res.body["type"] != "application/astra-appMirrors" {
		t.Errorf("limited list = %s", res.raw)
	}
	mustProblem(t, ta.do(t, request{method: http.MethodGet, path: mirrorsURL + "?orderBy=state"}), 400, 6)
}

func TestAppMirrorStatesNeedNoGoroutines(t *testing.T) {
	ta := newMirrorAPI(t)
	before := runtime.NumGoroutine()
	id := ta.createMirror(t, mirrorBody(WordpressID, ClusterWestID))
	ta.advance(step)
	ta.put(t, id, 204, quoted("stateDesired", "failedOver"))
	ta.do(t, request{method: http.MethodDelete, path: mirrorsURL + "/" + id})
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("%d goroutines before, %d after: the state machine must be computed from the clock", before, after)
	}
	// Time alone moves the states, read after read.
	wantFields(t, ta.getMirror(t, id), map[string]any{"state": "deleting"})
	ta.advance(step)
	mustProblem(t, ta.do(t, request{method: http.MethodGet, path: mirrorsURL + "/" + id}), 404, 2)
}
