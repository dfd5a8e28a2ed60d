package sdrs

import (
	"net/http"
	"strings"
	"testing"
)

// SANDBOX_FAIL_<OP> in a description makes that operation's job FAIL with
// the API's code and reason, and leaves the object in the error status.
func TestFaultMarkersFailJobs(t *testing.T) {
	ta := newTestAPI(t)
	res := mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/server-groups", body: createGroupBody("bad", "SANDBOX_FAIL_CREATE")}))
	j := ta.finish(t, res.body["job_id"].(string), jobFail)
	if j["error_code"] != codeCreateGroupFailed || !strings.Contains(j["fail_reason"].(string), "Failed to create the protection group") {
		t.Fatalf("failed job = %v", j)
	}
	id := j["entities"].(map[string]any)["server_group_id"].(string)
	expectFields(t, ta.group(t, id), map[string]any{"status": statusError, "health_status": "abnormal"})
	// A group in error can be deleted.
	res = mustOK(t, ta.do(t, request{method: http.MethodDelete, path: "~/server-groups/" + id}))
	ta.finish(t, res.body["job_id"].(string), jobSuccess)

	for _, tc := range []struct {
		marker, setup, action, code, status string
	}{
		{"START", "", `{"start-server-group":{}}`, codeStartFailed, statusErrorStarting},
		{"STOP", `{"start-server-group":{}}`, `{"stop-server-group":{}}`, codeStopFailed, statusErrorStopping},
		{"FAILOVER", `{"start-server-group":{}}`, `{"failover-server-group":{}}`, codeFailoverFailed, statusErrorFailingOver},
		{"REVERSE", `{"start-server-group":{}}`, `{"reverse-server-group":{"priority_station":"target"}}`, codeReverseFailed, statusErrorReversing},
	} {
		t.Run(tc.marker, func(t *testing.T) {
			ta := newTestAPI(t)
			id := ta.createGroup(t, "f", "SANDBOX_FAIL_"+tc.marker)
			ta.createPair(t, id, 5)
			if tc.setup != "" {
				ta.runAction(t, id, tc.setup, jobSuccess)
			}
			j := ta.runAction(t, id, tc.action, jobFail)
			if j["error_code"] != tc.code || j["fail_reason"] == nil {
				t.Fatalf("job = %v", j)
			}
			subs := j["entities"].(map[string]any)["sub_jobs"].([]any)
			if len(subs) != 1 || subs[0].(map[string]any)["status"] != jobFail {
				t.Fatalf("sub jobs = %v", subs)
			}
			expectFields(t, ta.group(t, id), map[string]any{"status": tc.status, "health_status": "abnormal"})
		})
	}
	t.Run("pair CREATE", func(t *testing.T) {
		ta := newTestAPI(t)
		id := ta.createGroup(t, "g", "")
		body := `{"replication":{"server_group_id":"` + id + `","volume_id":"` + VolumeIDs[6] + `","name":"p","description":"SANDBOX_FAIL_CREATE"}}`
		res := mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/replications", body: body}))
		j := ta.finish(t, res.body["job_id"].(string), jobFail)
		if j["error_code"] != codeCreatePairFailed {
			t.Fatalf("job = %v", j)
		}
		pid := j["entities"].(map[string]any)["replication_pair_id"].(string)
		p := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/replications/" + pid})).body["replication"].(map[string]any)
		expectFields(t, p, map[string]any{"status": pairError, "failure_detail": codeCreatePairFailed})
	})
	t.Run("group DELETE", func(t *testing.T) {
		ta := newTestAPI(t)
		id := ta.createGroup(t, "g", "SANDBOX_FAIL_DELETE")
		res := mustOK(t, ta.do(t, request{method: http.MethodDelete, path: "~/server-groups/" + id}))
		j := ta.finish(t, res.body["job_id"].(string), jobFail)
		if j["error_code"] != codeDeleteGroupFailed {
			t.Fatalf("job = %v", j)
		}
		expectFields(t, ta.group(t, id), map[string]any{"status": statusErrorDeleting})
	})
}
