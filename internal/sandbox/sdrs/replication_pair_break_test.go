package sdrs

import (
	"net/http"
	"strings"
	"testing"
)

// A break of a protected pair's link makes the pair "fault" with fault
// level 5 and replication inactive, and its group's health abnormal; a
// repair puts back what it changed. A pair that does not replicate cannot
// be broken, nor one that is not broken repaired.
func TestPairBreakAndRepair(t *testing.T) {
	ta := newTestAPI(t)
	g := ta.createGroup(t, "posture", "")
	p := ta.createPair(t, g, 0)
	route := func(path string) string { return strings.Replace(path, "{replication_id}", p, 1) }
	pair := func() map[string]any {
		return mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/replications/" + p})).body["replication"].(map[string]any)
	}
	post := func(path string, want int) {
		t.Helper()
		if res := ta.do(t, request{method: http.MethodPost, path: route(path), unsigned: true}); res.code != want {
			t.Fatalf("POST %s: %d %s, want %d", path, res.code, res.raw, want)
		}
	}
	post(PairBreakPath, http.StatusConflict) // available: protection is not enabled
	ta.runAction(t, g, `{"start-server-group":{}}`, jobSuccess)
	post(PairRepairPath, http.StatusConflict)

	post(PairBreakPath, http.StatusOK)
	expectFields(t, pair(), map[string]any{"status": "fault", "fault_level": "5", "replication_status": "inactive"})
	expectFields(t, ta.group(t, g), map[string]any{"status": "protected", "health_status": "abnormal"})
	post(PairBreakPath, http.StatusConflict)

	post(PairRepairPath, http.StatusOK)
	expectFields(t, pair(), map[string]any{"status": "protected", "fault_level": "0", "replication_status": "active"})
	expectFields(t, ta.group(t, g), map[string]any{"status": "protected", "health_status": "normal"})
	if res := ta.do(t, request{method: http.MethodPost, path: strings.Replace(PairBreakPath, "{replication_id}", "nope", 1),
		unsigned: true}); res.code != http.StatusNotFound {
		t.Fatalf("break of an unknown pair: %d, want 404", res.code)
	}
}
