package sdrs

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func TestPairViewListAndRename(t *testing.T) {
	ta := newTestAPI(t)
	g1, g2 := ta.createGroup(t, "one", ""), ta.createGroup(t, "two", "")
	p1 := ta.createPair(t, g1, 0)
	ta.createPair(t, g1, 1)
	ta.createPair(t, g2, 2)

	p := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/replications/" + p1})).body["replication"].(map[string]any)
	ids := strings.Split(p["volume_ids"].(string), ",")
	if len(ids) != 2 || ids[0] != VolumeIDs[0] || ids[1] == ids[0] {
		t.Fatalf("volume_ids = %v, want the production disk then the DR-site disk", p["volume_ids"])
	}
	expectFields(t, p, map[string]any{"replication_model": "hypermetro", "fault_level": "0", "priority_station": "source",
		"status": pairAvailable, "replication_status": replInactive, "failure_detail": nil})
	if !regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$`).MatchString(p["created_at"].(string)) {
		t.Errorf("created_at = %v", p["created_at"])
	}
	if meta := p["record_metadata"].(map[string]any); meta["volume_size"] == float64(0) || meta["volume_type"] == "" {
		t.Errorf("record_metadata = %v", meta)
	}

	list := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/replications?server_group_id=" + g1}))
	if list.body["count"] != float64(2) || len(list.body["replications"].([]any)) != 2 {
		t.Fatalf("pairs of g1 = %s", list.raw)
	}
	list = mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/replications?limit=1&offset=2"}))
	if list.body["count"] != float64(3) || len(list.body["replications"].([]any)) != 1 {
		t.Fatalf("page = %s", list.raw)
	}
	expectError(t, ta.do(t, request{method: http.MethodGet, path: "~/replications?limit=2000"}), http.StatusBadRequest, "SDRS.0221")

	res := mustOK(t, ta.do(t, request{method: http.MethodPut, path: "~/replications/" + p1, body: `{"replication":{"name":"renamed"}}`}))
	if res.body["replication"].(map[string]any)["name"] != "renamed" {
		t.Fatalf("rename = %s", res.raw)
	}
	expectError(t, ta.do(t, request{method: http.MethodPut, path: "~/replications/" + p1, body: `{"replication":{"name":"a b"}}`}),
		http.StatusBadRequest, "SDRS.0202")
	expectError(t, ta.do(t, request{method: http.MethodPut, path: "~/replications/" + p1, body: `{}`}), http.StatusBadRequest, "SDRS.0201")
}

// A pair added to a protected group is protected once created.
func TestPairAddedToAProtectedGroup(t *testing.T) {
	ta := newTestAPI(t)
	g := ta.createGroup(t, "g", "")
	ta.createPair(t, g, 0)
	ta.runAction(t, g, `{"start-server-group":{}}`, jobSuccess)
	p := ta.createPair(t, g, 1)
	pv := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/replications/" + p})).body["replication"].(map[string]any)
	expectFields(t, pv, map[string]any{"status": statusProtected, "replication_status": replActive, "progress": float64(100)})
}

// The pair list: every filter of the API (server_group_id, the ID lists in
// either quoting, name, status, query_type, availability_zone, protected
// instances), limit and offset with count, and the API's validation codes.
func TestListPairsFiltersAndPages(t *testing.T) {
	ta := newTestAPI(t)
	g1, g2 := ta.createGroup(t, "one", ""), ta.createGroup(t, "two", "")
	for i, name := range []string{"alpha-1", "alpha-2"} {
		body, _ := json.Marshal(map[string]any{"replication": map[string]any{"server_group_id": g1, "volume_id": VolumeIDs[i], "name": name}})
		res := mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/replications", body: string(body)}))
		ta.finish(t, res.body["job_id"].(string), jobSuccess)
	}
	body := `{"replication":{"server_group_id":"` + g2 + `","volume_id":"` + VolumeIDs[2] + `","name":"beta-1"}}`
	ta.finish(t, mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/replications", body: body})).body["job_id"].(string), jobSuccess)
	body = `{"replication":{"server_group_id":"` + g2 + `","volume_id":"` + VolumeIDs[3] + `","name":"beta-2","description":"SANDBOX_FAIL_CREATE"}}`
	ta.finish(t, mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/replications", body: body})).body["job_id"].(string), jobFail)
	// g1 protected and failed over to the DR site: its pairs are protected
	// and its production site is AZ2.
	ta.runAction(t, g1, `{"start-server-group":{}}`, jobSuccess)
	ta.runAction(t, g1, `{"reverse-server-group":{"priority_station":"target"}}`, jobSuccess)

	list := func(query string) (float64, string) {
		t.Helper()
		res := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/replications" + query}))
		var names []string
		for _, p := range res.body["replications"].([]any) {
			names = append(names, p.(map[string]any)["name"].(string))
		}
		return res.body["count"].(float64), strings.Join(names, ",")
	}
	quoted := func(ids ...string) string { b, _ := json.Marshal(ids); return url.QueryEscape(string(b)) }
	for query, want := range map[string]string{
		"":                                    "alpha-1,alpha-2,beta-1,beta-2",
		"?server_group_id=" + g1:              "alpha-1,alpha-2",
		"?server_group_ids=" + quoted(g1, g2): "alpha-1,alpha-2,beta-1,beta-2",
		"?server_group_ids=" + url.QueryEscape("['"+g2+"']") + "&server_group_id=" + g1: "beta-1,beta-2",
		"?server_group_ids=" + quoted("b6f71149-7b9c-4f36-8ff0-1c4809a6f2c2"):           "",
		"?name=alpha":       "alpha-1,alpha-2",
		"?name=beta-1":      "beta-1",
		"?status=protected": "alpha-1,alpha-2",
		"?status=available&server_group_id=" + g2:                                   "beta-1",
		"?query_type=status_abnormal":                                               "beta-2",
		"?query_type=general":                                                       "alpha-1,alpha-2,beta-1,beta-2",
		"?availability_zone=" + AZ2:                                                 "alpha-1,alpha-2",
		"?availability_zone=" + AZ1:                                                 "beta-1,beta-2",
		"?protected_instance_id=8a7a6339-679b-452b-948c-144e0ef85d9e":               "",
		"?protected_instance_ids=" + quoted("8a7a6339-679b-452b-948c-144e0ef85d9e"): "",
	} {
		count, names := list(query)
		if names != want || count != float64(len(strings.Split(want, ","))) && want != "" || want == "" && count != 0 {
			t.Errorf("%s: %v %q, want %q", query, count, names, want)
		}
	}
	if count, names := list("?limit=2&offset=1"); count != 4 || names != "alpha-2,beta-1" {
		t.Errorf("page = %v %q", count, names)
	}
	if count, names := list("?offset=4"); count != 4 || names != "" {
		t.Errorf("past the end = %v %q", count, names)
	}
	if count, names := list("?limit=0"); count != 4 || names != "" {
		t.Errorf("limit=0 = %v %q", count, names)
	}
	tooMany := make([]string, maxListIDs+1)
	for i := range tooMany {
		tooMany[i] = g1
	}
	for query, code := range map[string]string{
		"?limit=1001": "SDRS.0221", "?limit=x": "SDRS.0221", "?offset=-1": "SDRS.0222",
		"?query_type=stop_protected":              "SDRS.0201",
		"?server_group_ids=" + g1:                 "SDRS.0201",
		"?server_group_ids=" + quoted(tooMany...): "SDRS.0226",
		"?protected_instance_ids=%5B":             "SDRS.0201",
	} {
		expectError(t, ta.do(t, request{method: http.MethodGet, path: "~/replications" + query}), http.StatusBadRequest, code)
	}
}
