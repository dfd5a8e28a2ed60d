package astra

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestCreateExecHook(t *testing.T) {
	ta := newTestAPI(t)
	hs := ta.create(t, "freeze")
	body := jsonObject(mergeFields(execHookFields("Payroll", PostgresID, hs), map[string]any{
		"arguments":        []string{"freeze", "10"},
		"matchingCriteria": []map[string]string{{"type": "containerImage", "value": `(^|/)postgres:`}, {"type": "podLabel", "value": "^role=primary$"}},
		"description":      "Payroll production hook",
		"metadata":         map[string]any{"labels": []map[string]string{{"name": "team", "value": "db"}}},
	}))
	res := ta.do(t, request{method: http.MethodPost, path: execHooksURL, body: body,
		headers: map[string]string{"Content-Type": execHookMedia, "Accept": execHookMedia}})
	if res.code != http.StatusCreated {
		t.Fatalf("POST: %d %s", res.code, res.raw)
	}
	id, _ := res.body["id"].(string)
	if loc := res.header.Get("Location"); loc != "http://example.com"+execHooksURL+"/"+id {
		t.Errorf("Location = %q", loc)
	}
	if ct := res.header.Get("Content-Type"); ct != execHookMedia {
		t.Errorf("Content-Type = %q", ct)
	}
	want := map[string]string{"type": "application/astra-executionHook", "version": "1.3", "name": "Payroll", "hookType": "custom",
		"action": "snapshot", "stage": "pre", "hookSourceID": hs, "appID": PostgresID, "enabled": "true", "description": "Payroll production hook"}
	for k, v := range want {
		if res.body[k] != v {
			t.Errorf("%s = %v, want %q", k, res.body[k], v)
		}
	}
	// The criteria (AND) match the postgres container of postgres-0, not
	// its metrics sidecar.
	if imgs, _ := res.body["matchingImages"].([]any); len(imgs) != 1 || imgs[0] != "docker.io/library/postgres:16.2" {
		t.Errorf("matchingImages = %v", res.body["matchingImages"])
	}
	ctrs, _ := res.body["matchingContainers"].([]any)
	if len(ctrs) != 1 || ctrs[0].(map[string]any)["podName"] != "postgres-0" || ctrs[0].(map[string]any)["namespaceName"] != "postgres" {
		t.Errorf("matchingContainers = %v", res.body["matchingContainers"])
	}
	md := res.body["metadata"].(map[string]any)
	if md["createdBy"] != UserID || md["creationTimestamp"] != "2025-03-04T05:06:07.123456Z" || len(md["labels"].([]any)) != 1 {
		t.Errorf("metadata = %v", md)
	}

	got := ta.get(t, execHooksURL+"/"+id)
	if got.code != http.StatusOK || got.body["name"] != "Payroll" || len(got.body["arguments"].([]any)) != 2 {
		t.Errorf("GET: %d %s", got.code, got.raw)
	}
	// The same hook through its app's path.
	if scoped := ta.get(t, appExecHooksURL(PostgresID)+"/"+id); scoped.code != http.StatusOK {
		t.Errorf("app-scoped GET: %d %s", scoped.code, scoped.raw)
	}
	// No criteria: every container of the app matches; defaults.
	minimal := ta.send(t, http.MethodPost, execHooksURL, execHookMedia, jsonObject(execHookFields("all", WordpressID, hs)))
	if minimal.code != http.StatusCreated || minimal.body["enabled"] != "true" || len(minimal.body["matchingImages"].([]any)) != 2 ||
		len(minimal.body["matchingCriteria"].([]any)) != 0 || len(minimal.body["arguments"].([]any)) != 0 {
		t.Errorf("minimal hook: %d %s", minimal.code, minimal.raw)
	}
}

func TestCreateExecHookAppScoped(t *testing.T) {
	ta := newTestAPI(t)
	hs := ta.create(t, "src")
	res := ta.send(t, http.MethodPost, appExecHooksURL(MySQLID), execHookMedia, jsonObject(execHookFields("scoped", MySQLID, hs)))
	if res.code != http.StatusCreated {
		t.Fatalf("POST: %d %s", res.code, res.raw)
	}
	id := res.body["id"].(string)
	if loc := res.header.Get("Location"); loc != "http://example.com"+appExecHooksURL(MySQLID)+"/"+id {
		t.Errorf("Location = %q", loc)
	}
	other := ta.createExecHook(t, "elsewhere", WordpressID, hs, nil)

	if got := itemNames(t, ta.get(t, appExecHooksURL(MySQLID))); !slices.Equal(got, []string{"scoped"}) {
		t.Errorf("app-scoped list = %v", got)
	}
	if got := itemNames(t, ta.get(t, execHooksURL)); !slices.Equal(got, []string{"NetApp postgres pre-snapshot", "scoped", "elsewhere"}) {
		t.Errorf("core list = %v", got)
	}
	// Another app's hook is not reachable through this app.
	mustProblem(t, ta.get(t, appExecHooksURL(MySQLID)+"/"+other), 404, 2)
	put := `{"type":"application/astra-executionHook","version":"1.3","description":"x"}`
	mustProblem(t, ta.send(t, http.MethodPut, appExecHooksURL(MySQLID)+"/"+other, execHookMedia, put), 404, 1)
	mustProblem(t, ta.do(t, request{method: http.MethodDelete, path: appExecHooksURL(MySQLID) + "/" + other}), 404, 1)
	// The body's appID must be the path's app.
	res = ta.send(t, http.MethodPost, appExecHooksURL(MySQLID), execHookMedia, jsonObject(execHookFields("mismatch", WordpressID, hs)))
	mustProblem(t, res, 409, 10)
	if names := invalidNames(t, res, "invalidFields"); names[0] != "appID" {
		t.Errorf("invalidFields = %v", names)
	}
	// Unknown app in the path.
	mustProblem(t, ta.get(t, appExecHooksURL(unknownID)), 404, 2)
	mustProblem(t, ta.send(t, http.MethodPost, appExecHooksURL(unknownID), execHookMedia, jsonObject(execHookFields("x", unknownID, hs))), 404, 2)
	mustProblem(t, ta.send(t, http.MethodPut, appExecHooksURL(unknownID)+"/"+id, execHookMedia, put), 404, 1)
	// Deletion through the app's path.
	if res := ta.do(t, request{method: http.MethodDelete, path: appExecHooksURL(MySQLID) + "/" + id}); res.code != http.StatusNoContent {
		t.Errorf("app-scoped DELETE: %d %s", res.code, res.raw)
	}
	mustProblem(t, ta.get(t, execHooksURL+"/"+id), 404, 2)
}

func TestCreateExecHookValidation(t *testing.T) {
	ta := newTestAPI(t)
	hs := ta.create(t, "src")
	many := func(n int, f func(i int) any) []any {
		out := make([]any, n)
		for i := range out {
			out[i] = f(i)
		}
		return out
	}
	crit := func(kind, value string) map[string]string { return map[string]string{"type": kind, "value": value} }
	cases := []struct {
		name    string
		over    map[string]any
		code    int
		problem int
		field   string
	}{
		{"empty name", map[string]any{"name": ""}, 400, 9, "name"},
		{"64-character name", map[string]any{"name": strings.Repeat("n", 64)}, 400, 9, "name"},
		{"netapp hook type", map[string]any{"hookType": "netapp"}, 403, 73, ""},
		{"unknown hook type", map[string]any{"hookType": "builtin"}, 400, 9, "hookType"},
		{"unknown action", map[string]any{"action": "clone"}, 400, 9, "action"},
		{"unknown stage", map[string]any{"stage": "during"}, 400, 9, "stage"},
		{"pre restore", map[string]any{"action": "restore", "stage": "pre"}, 400, 9, "stage"},
		{"pre failover", map[string]any{"action": "failover", "stage": "pre"}, 400, 9, "stage"},
		{"17 arguments", map[string]any{"arguments": many(17, func(i int) any { return "a" + itoa(i) })}, 400, 9, "arguments"},
		{"128-character argument", map[string]any{"arguments": []string{strings.Repeat("a", 128)}}, 400, 9, "arguments[0]"},
		{"duplicate arguments", map[string]any{"arguments": []string{"x", "x"}}, 400, 9, "arguments[1]"},
		{"arguments not strings", map[string]any{"arguments": []int{1}}, 400, 8, ""},
		{"11 criteria", map[string]any{"matchingCriteria": many(11, func(i int) any { return crit("podName", "p"+itoa(i)) })}, 400, 9, "matchingCriteria"},
		{"unknown criterion type", map[string]any{"matchingCriteria": []any{crit("image", "x")}}, 400, 9, "matchingCriteria[0].type"},
		{"invalid RE2", map[string]any{"matchingCriteria": []any{crit("podName", "(")}}, 400, 9, "matchingCriteria[0].value"},
		{"Perl lookahead is not RE2", map[string]any{"matchingCriteria": []any{crit("podName", "^(?!mysql)")}}, 400, 9, "matchingCriteria[0].value"},
		{"criterion without value", map[string]any{"matchingCriteria": []any{map[string]string{"type": "podName"}}}, 400, 9, "matchingCriteria[0].value"},
		{"duplicate criteria", map[string]any{"matchingCriteria": []any{crit("podName", "a"), crit("podName", "a")}}, 400, 9, "matchingCriteria[1]"},
		{"criterion extra key", map[string]any{"matchingCriteria": []any{map[string]string{"type": "podName", "value": "a", "op": "eq"}}}, 400, 8, ""},
		{"enabled yes", map[string]any{"enabled": "yes"}, 400, 9, "enabled"},
		{"enabled boolean", map[string]any{"enabled": true}, 400, 8, ""},
		{"512-character description", map[string]any{"description": strings.Repeat("d", 512)}, 400, 9, "description"},
		{"hookSourceID not a UUID", map[string]any{"hookSourceID": "abc"}, 400, 9, "hookSourceID"},
		{"unknown hook source", map[string]any{"hookSourceID": unknownID}, 400, 9, "hookSourceID"},
		{"unknown app", map[string]any{"appID": unknownID}, 400, 9, "appID"},
		{"missing appID", map[string]any{"appID": nil}, 400, 8, ""},
		{"missing stage", map[string]any{"stage": nil}, 400, 8, ""},
		{"read-only field", map[string]any{"matchingImages": []string{"x"}}, 400, 8, ""},
		{"wrong version", map[string]any{"version": "2.0"}, 400, 8, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := ta.send(t, http.MethodPost, execHooksURL, execHookMedia, jsonObject(mergeFields(execHookFields("h-"+c.name, PostgresID, hs), c.over)))
			mustProblem(t, res, c.code, c.problem)
			if c.field != "" {
				if names := invalidNames(t, res, "invalidFields"); !slices.Contains(names, c.field) {
					t.Errorf("invalidFields = %v, want %s", names, c.field)
				}
			}
		})
	}
	mustProblem(t, ta.send(t, http.MethodPost, execHooksURL, execHookMedia, `{"type":`), 400, 7)
	// Allowed: post restore, post failover, every criterion type, 16 arguments of 127 characters.
	ok := mergeFields(execHookFields("fine", PostgresID, hs), map[string]any{
		"action": "failover", "stage": "post",
		"arguments":        many(16, func(i int) any { return strings.Repeat("a", 126) + string(rune('a'+i)) }),
		"matchingCriteria": []any{crit("containerImage", "."), crit("containerName", "."), crit("podName", "."), crit("podLabel", "."), crit("namespaceName", ".")},
		"enabled":          "false",
		"version":          "1.0",
	})
	if res := ta.send(t, http.MethodPost, execHooksURL, execHookMedia, jsonObject(ok)); res.code != http.StatusCreated || res.body["enabled"] != "false" {
		t.Errorf("valid edge case refused: %d %s", res.code, res.raw)
	}
}

func TestExecHookNamesAreUnique(t *testing.T) {
	ta := newTestAPI(t)
	hs := ta.create(t, "src")
	ta.createExecHook(t, "same", PostgresID, hs, nil)
	res := ta.send(t, http.MethodPost, execHooksURL, execHookMedia, jsonObject(execHookFields("same", WordpressID, hs)))
	mustProblem(t, res, 409, 10)
	if names := invalidNames(t, res, "invalidFields"); names[0] != "name" {
		t.Errorf("invalidFields = %v", names)
	}
	mustProblem(t, ta.send(t, http.MethodPost, execHooksURL, execHookMedia, jsonObject(execHookFields("NetApp postgres pre-snapshot", WordpressID, hs))), 409, 10)
}

func TestFailoverHookNeedsReplicableApp(t *testing.T) {
	ta := newTestAPI(t)
	hs := ta.create(t, "src")
	lonely := fixtureID("app/lonely")
	ta.api.apps.Add(&app{id: lonely, name: "lonely", clusterID: ClusterEastID, resources: []namespaceResource{{Namespace: "lonely"}}, state: "ready"})
	failover := map[string]any{"action": "failover", "stage": "post"}
	mustProblem(t, ta.send(t, http.MethodPost, execHooksURL, execHookMedia, jsonObject(mergeFields(execHookFields("f", lonely, hs), failover))), 409, 162)
	id := ta.createExecHook(t, "snap", lonely, hs, nil)
	body := `{"type":"application/astra-executionHook","version":"1.3","action":"failover","stage":"post"}`
	mustProblem(t, ta.send(t, http.MethodPut, execHooksURL+"/"+id, execHookMedia, body), 409, 162)
	// An app without containers matches nothing.
	if res := ta.get(t, execHooksURL+"/"+id); len(res.body["matchingImages"].([]any)) != 0 {
		t.Errorf("matchingImages = %v", res.body["matchingImages"])
	}
}

func TestUpdateExecHook(t *testing.T) {
	ta := newTestAPI(t)
	hs := ta.create(t, "src")
	hs2 := ta.create(t, "src2")
	id := ta.createExecHook(t, "before", PostgresID, hs, map[string]any{
		"arguments": []string{"freeze"}, "description": "d", "matchingCriteria": []any{map[string]string{"type": "containerName", "value": "^postgres$"}},
	})
	ta.createExecHook(t, "taken", PostgresID, hs, nil)
	url := execHooksURL + "/" + id
	ta.clock = ta.clock.Add(time.Minute)
	put := func(members string) response {
		return ta.send(t, http.MethodPut, url, execHookMedia, `{"type":"application/astra-executionHook","version":"1.3"`+members+`}`)
	}

	// The spec's example: only the arguments.
	if res := put(`,"arguments":["freeze","10"]`); res.code != http.StatusNoContent || res.raw != "" {
		t.Fatalf("PUT: %d %q", res.code, res.raw)
	}
	got := ta.get(t, url)
	if args := got.body["arguments"].([]any); len(args) != 2 || args[1] != "10" || got.body["name"] != "before" || got.body["description"] != "d" {
		t.Errorf("after PUT of arguments: %s", got.raw)
	}
	md := got.body["metadata"].(map[string]any)
	if md["modificationTimestamp"] != "2025-03-04T05:07:07.123456Z" || md["modifiedBy"] != UserID || md["creationTimestamp"] != "2025-03-04T05:06:07.123456Z" {
		t.Errorf("metadata = %v", md)
	}

	// Everything user-modifiable at once, as the provider sends it.
	res := put(`,"id":"` + id + `","name":"after","hookType":"custom","appID":"` + PostgresID + `","action":"backup","stage":"post","hookSourceID":"` + hs2 +
		`","arguments":[],"matchingCriteria":[],"enabled":"false","description":""`)
	if res.code != http.StatusNoContent {
		t.Fatalf("full PUT: %d %s", res.code, res.raw)
	}
	got = ta.get(t, url)
	for k, v := range map[string]string{"name": "after", "action": "backup", "stage": "post", "hookSourceID": hs2, "enabled": "false", "description": ""} {
		if got.body[k] != v {
			t.Errorf("%s = %v, want %q", k, got.body[k], v)
		}
	}
	if len(got.body["arguments"].([]any)) != 0 || len(got.body["matchingCriteria"].([]any)) != 0 || len(got.body["matchingImages"].([]any)) != 2 {
		t.Errorf("cleared lists: %s", got.raw)
	}

	checks := []struct {
		name    string
		members string
		code    int
		problem int
	}{
		{"name taken", `,"name":"taken"`, 409, 10},
		{"other id", `,"id":"` + unknownID + `"`, 409, 10},
		{"other app", `,"appID":"` + WordpressID + `"`, 409, 10},
		{"netapp type", `,"hookType":"netapp"`, 409, 10},
		{"pre restore after merge", `,"action":"restore","stage":"pre"`, 400, 9},
		{"restore keeps stage pre", `,"action":"backup","stage":"pre"`, 204, 0},
		{"restore with stored pre", `,"action":"restore"`, 400, 9},
		{"unknown hook source", `,"hookSourceID":"` + unknownID + `"`, 400, 9},
		{"bad regex", `,"matchingCriteria":[{"type":"podName","value":"[z-a]"}]`, 400, 9},
		{"missing version", `,"version":null`, 400, 8},
	}
	for _, c := range checks {
		res := put(c.members)
		if c.problem == 0 {
			if res.code != c.code {
				t.Errorf("%s: %d %s", c.name, res.code, res.raw)
			}
			continue
		}
		t.Run(c.name, func(t *testing.T) { mustProblem(t, res, c.code, c.problem) })
	}
	if got := ta.get(t, url); got.body["name"] != "after" || got.body["appID"] != PostgresID {
		t.Errorf("a refused PUT changed the hook: %s", got.raw)
	}
	mustProblem(t, ta.send(t, http.MethodPut, execHooksURL+"/"+unknownID, execHookMedia, `{"type":"application/astra-executionHook","version":"1.3"}`), 404, 1)
}

func TestNetAppExecHookIsReadOnly(t *testing.T) {
	ta := newTestAPI(t)
	res := ta.get(t, netappHookURL)
	if res.code != http.StatusOK || res.body["hookType"] != "netapp" || res.body["hookSourceID"] != PreloadedHookSourceID {
		t.Fatalf("GET: %d %s", res.code, res.raw)
	}
	if _, ok := res.body["appID"]; ok {
		t.Errorf("a NetApp hook belongs to no app: %s", res.raw)
	}
	mustProblem(t, ta.send(t, http.MethodPut, netappHookURL, execHookMedia, `{"type":"application/astra-executionHook","version":"1.3","enabled":"false"}`), 403, 73)
	mustProblem(t, ta.do(t, request{method: http.MethodDelete, path: netappHookURL}), 403, 73)
	if again := ta.get(t, netappHookURL); again.body["enabled"] != "true" {
		t.Errorf("NetApp hook changed: %s", again.raw)
	}
}

func TestDeleteExecHook(t *testing.T) {
	ta := newTestAPI(t)
	hs := ta.create(t, "src")
	id := ta.createExecHook(t, "doomed", PostgresID, hs, nil)
	res := ta.do(t, request{method: http.MethodDelete, path: execHooksURL + "/" + id})
	if res.code != http.StatusNoContent || res.raw != "" {
		t.Fatalf("DELETE: %d %q", res.code, res.raw)
	}
	mustProblem(t, ta.get(t, execHooksURL+"/"+id), 404, 2)
	mustProblem(t, ta.do(t, request{method: http.MethodDelete, path: execHooksURL + "/" + id}), 404, 1)
	ta.createExecHook(t, "doomed", PostgresID, hs, nil) // the name is free again
}

func TestReferencedHookSourceCannotBeDeleted(t *testing.T) {
	ta := newTestAPI(t)
	hs := ta.create(t, "used")
	hs2 := ta.create(t, "other")
	id := ta.createExecHook(t, "user", PostgresID, hs, nil)
	res := ta.do(t, request{method: http.MethodDelete, path: collectionURL + "/" + hs})
	mustProblem(t, res, 403, 72)
	// Repointing the hook frees the first hook source and binds the second.
	if res := ta.send(t, http.MethodPut, execHooksURL+"/"+id, execHookMedia, `{"type":"application/astra-executionHook","version":"1.3","hookSourceID":"`+hs2+`"}`); res.code != http.StatusNoContent {
		t.Fatalf("PUT: %d %s", res.code, res.raw)
	}
	mustProblem(t, ta.do(t, request{method: http.MethodDelete, path: collectionURL + "/" + hs2}), 403, 72)
	if res := ta.do(t, request{method: http.MethodDelete, path: collectionURL + "/" + hs}); res.code != http.StatusNoContent {
		t.Errorf("DELETE of the freed hook source: %d %s", res.code, res.raw)
	}
	ta.do(t, request{method: http.MethodDelete, path: execHooksURL + "/" + id})
	if res := ta.do(t, request{method: http.MethodDelete, path: collectionURL + "/" + hs2}); res.code != http.StatusNoContent {
		t.Errorf("DELETE after the hook is gone: %d %s", res.code, res.raw)
	}
}

// TestRefusedHookRequestsLeaveTheHookSourceFree checks that a create or an
// update refused after its hook source check leaves nothing behind that
// refers to the hook source: it can be deleted.
func TestRefusedHookRequestsLeaveTheHookSourceFree(t *testing.T) {
	ta := newTestAPI(t)
	hs := ta.create(t, "refused")
	mustProblem(t, ta.send(t, http.MethodPost, execHooksURL, execHookMedia, jsonObject(execHookFields("NetApp postgres pre-snapshot", PostgresID, hs))), 409, 10)
	if res := ta.do(t, request{method: http.MethodDelete, path: collectionURL + "/" + hs}); res.code != http.StatusNoContent {
		t.Errorf("DELETE after a refused create: %d %s", res.code, res.raw)
	}
	hs = ta.create(t, "refused-update")
	mustProblem(t, ta.send(t, http.MethodPut, netappHookURL, execHookMedia, `{"type":"application/astra-executionHook","version":"1.3","hookSourceID":"`+hs+`"}`), 403, 73)
	if res := ta.do(t, request{method: http.MethodDelete, path: collectionURL + "/" + hs}); res.code != http.StatusNoContent {
		t.Errorf("DELETE after a refused update: %d %s", res.code, res.raw)
	}
}

// TestHookCreateRacesHookSourceDelete checks (under -race, and for
// deadlocks) that no execution hook ever references a deleted hook source,
// whichever of a concurrent create and delete wins.
func TestHookCreateRacesHookSourceDelete(t *testing.T) {
	ta := newTestAPI(t)
	for i := range 50 {
		hs := ta.create(t, "race-"+itoa(i))
		var wg sync.WaitGroup
		var create, del response
		wg.Add(2)
		go func() {
			defer wg.Done()
			create = ta.send(t, http.MethodPost, execHooksURL, execHookMedia, jsonObject(execHookFields("race-"+itoa(i), PostgresID, hs)))
		}()
		go func() {
			defer wg.Done()
			del = ta.do(t, request{method: http.MethodDelete, path: collectionURL + "/" + hs})
		}()
		wg.Wait()
		switch {
		case create.code == http.StatusCreated && del.code == http.StatusNoContent:
			t.Fatalf("round %d: the hook was created and its hook source deleted", i)
		case create.code == http.StatusCreated && del.code != http.StatusForbidden:
			t.Fatalf("round %d: DELETE answered %d %s", i, del.code, del.raw)
		case create.code != http.StatusCreated && (create.code != http.StatusBadRequest || del.code != http.StatusNoContent):
			t.Fatalf("round %d: create %d %s, delete %d %s", i, create.code, create.raw, del.code, del.raw)
		}
	}
}

func TestListExecHooksQuery(t *testing.T) {
	ta := newTestAPI(t)
	hs := ta.create(t, "src")
	ta.createExecHook(t, "a-snap", PostgresID, hs, nil)
	ta.createExecHook(t, "b-backup", PostgresID, hs, map[string]any{"action": "backup", "stage": "post"})
	ta.createExecHook(t, "c-restore", WordpressID, hs, map[string]any{"action": "restore", "stage": "post"})
	list := func(path, query string) response { return ta.get(t, path+"?"+query) }

	if got := itemNames(t, list(execHooksURL, "filter="+url.QueryEscape("stage eq 'post'"))); joinNames(got) != "b-backup,c-restore" {
		t.Errorf("filter stage: %v", got)
	}
	if got := itemNames(t, list(appExecHooksURL(PostgresID), "filter="+url.QueryEscape("stage eq 'post'"))); joinNames(got) != "b-backup" {
		t.Errorf("app-scoped filter: %v", got)
	}
	if got := itemNames(t, list(execHooksURL, "filter="+url.QueryEscape("matchingImages[*] in 'mariadb'"))); joinNames(got) != "c-restore" {
		t.Errorf("filter on computed matchingImages: %v", got)
	}
	rows := itemsOf(t, list(execHooksURL, "include=name,action&limit=2"))
	if len(rows) != 2 || rows[1].([]any)[0] != "a-snap" || rows[1].([]any)[1] != "snapshot" {
		t.Errorf("include + limit: %v", rows)
	}
	mustProblem(t, list(execHooksURL, "orderBy=name"), 400, 6)
	mustProblem(t, list(appExecHooksURL(PostgresID), "limit=0"), 400, 5)
}
