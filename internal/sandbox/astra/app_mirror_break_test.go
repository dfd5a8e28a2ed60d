package astra

import (
	"net/http"
	"strings"
	"testing"
)

// transferCompletion returns the completionTime of a relationship's
// transferStateDetails, or "".
func transferCompletion(m map[string]any) string {
	details, _ := m["transferStateDetails"].([]any)
	if len(details) == 0 {
		return ""
	}
	add, _ := details[0].(map[string]any)["additionalDetails"].(map[string]any)
	s, _ := add["completionTime"].(string)
	return s
}

// Breaking replication keeps the relationship established, with its last
// completed transfer, and makes its health critical while the transfer is
// retried; a repair completes a transfer at that time and the health is
// normal again. A relationship that is not established cannot be broken.
func TestAppMirrorBreakAndRepair(t *testing.T) {
	ta := newMirrorAPI(t)
	id := ta.createMirror(t, mirrorBody(WordpressID, ClusterWestID))
	path := func(action string) string {
		return strings.Replace(AppMirrorBreakPath, "{appMirror_id}/break", id+"/"+action, 1)
	}
	if res := ta.do(t, request{method: http.MethodPost, path: path("break"), noAuth: true}); res.code != http.StatusConflict {
		t.Fatalf("break while establishing: %d %s, want 409", res.code, res.raw)
	}
	ta.advance(step)
	first := transferCompletion(ta.getMirror(t, id))
	if first == "" {
		t.Fatal("no transfer completed on establishing")
	}

	ta.advance(10 * step)
	if res := ta.do(t, request{method: http.MethodPost, path: path("break"), noAuth: true}); res.code != http.StatusOK {
		t.Fatalf("break: %d %s", res.code, res.raw)
	}
	m := ta.getMirror(t, id)
	if m["state"] != "established" || m["healthState"] != "critical" || m["transferState"] != "transferring" || transferCompletion(m) != first {
		t.Fatalf("broken: state %v health %v transfer %v completed %v, want established critical transferring %s",
			m["state"], m["healthState"], m["transferState"], transferCompletion(m), first)
	}

	ta.advance(step)
	if res := ta.do(t, request{method: http.MethodPost, path: path("repair"), noAuth: true}); res.code != http.StatusOK {
		t.Fatalf("repair: %d %s", res.code, res.raw)
	}
	m = ta.getMirror(t, id)
	if m["healthState"] != "normal" || m["transferState"] != "idle" || transferCompletion(m) != stamp(ta.clock) {
		t.Fatalf("repaired: health %v transfer %v completed %v, want normal idle %s", m["healthState"], m["transferState"],
			transferCompletion(m), stamp(ta.clock))
	}
	unknown := strings.Replace(AppMirrorBreakPath, "{appMirror_id}", "nope", 1)
	if res := ta.do(t, request{method: http.MethodPost, path: unknown, noAuth: true}); res.code != http.StatusNotFound {
		t.Fatalf("break of an unknown ID: %d, want 404", res.code)
	}
}
