package sdrs

import (
	"net/http"
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
