package sdrs

import (
	"net/http"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/faults"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/notice"
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

// asyncOp is one asynchronous operation, from a set-up that makes it
// possible: start runs the set-up and sends the operation, and returns its
// job and the path of its object.
type asyncOp struct {
	name                     string
	start                    func(t *testing.T, ta *testAPI) (jobID, objectPath string)
	during, after, errStatus string // the object's status; after "" means gone
}

// asyncOps are every asynchronous operation the backend names.
var asyncOps = []asyncOp{
	{opGroupCreate, func(t *testing.T, ta *testAPI) (string, string) {
		res := mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/server-groups", body: createGroupBody("op", "")}))
		j := ta.job(t, res.body["job_id"].(string))
		return res.body["job_id"].(string), "~/server-groups/" + j["entities"].(map[string]any)["server_group_id"].(string)
	}, statusCreating, statusAvailable, statusError},
	{opGroupDelete, func(t *testing.T, ta *testAPI) (string, string) {
		id := ta.createGroup(t, "op", "")
		return jobOf(t, ta.do(t, request{method: http.MethodDelete, path: "~/server-groups/" + id})), "~/server-groups/" + id
	}, statusDeleting, "", statusErrorDeleting},
	{opGroupStart, func(t *testing.T, ta *testAPI) (string, string) {
		id := protectable(t, ta)
		return jobOf(t, ta.action(t, id, `{"start-server-group":{}}`)), "~/server-groups/" + id
	}, statusStarting, statusProtected, statusErrorStarting},
	{opGroupReprotect, func(t *testing.T, ta *testAPI) (string, string) {
		id := protectable(t, ta)
		ta.runAction(t, id, `{"start-server-group":{}}`, jobSuccess)
		ta.runAction(t, id, `{"failover-server-group":{}}`, jobSuccess)
		return jobOf(t, ta.action(t, id, `{"start-server-group":{}}`)), "~/server-groups/" + id
	}, statusReprotecting, statusProtected, statusErrorReprotecting},
	{opGroupStop, func(t *testing.T, ta *testAPI) (string, string) {
		id := protectable(t, ta)
		ta.runAction(t, id, `{"start-server-group":{}}`, jobSuccess)
		return jobOf(t, ta.action(t, id, `{"stop-server-group":{}}`)), "~/server-groups/" + id
	}, statusStopping, statusAvailable, statusErrorStopping},
	{opGroupFailover, func(t *testing.T, ta *testAPI) (string, string) {
		id := protectable(t, ta)
		ta.runAction(t, id, `{"start-server-group":{}}`, jobSuccess)
		return jobOf(t, ta.action(t, id, `{"failover-server-group":{}}`)), "~/server-groups/" + id
	}, statusFailingOver, statusFailedOver, statusErrorFailingOver},
	{opGroupReverse, func(t *testing.T, ta *testAPI) (string, string) {
		id := protectable(t, ta)
		ta.runAction(t, id, `{"start-server-group":{}}`, jobSuccess)
		return jobOf(t, ta.action(t, id, `{"reverse-server-group":{"priority_station":"target"}}`)), "~/server-groups/" + id
	}, statusReversing, statusProtected, statusErrorReversing},
	{opPairCreate, func(t *testing.T, ta *testAPI) (string, string) {
		id := ta.createGroup(t, "op", "")
		body := `{"replication":{"server_group_id":"` + id + `","volume_id":"` + VolumeIDs[2] + `","name":"p"}}`
		res := mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/replications", body: body}))
		j := ta.job(t, res.body["job_id"].(string))
		return res.body["job_id"].(string), "~/replications/" + j["entities"].(map[string]any)["replication_pair_id"].(string)
	}, pairCreating, pairAvailable, pairError},
	{opPairDelete, func(t *testing.T, ta *testAPI) (string, string) {
		id := ta.createGroup(t, "op", "")
		pair := ta.createPair(t, id, 3)
		return jobOf(t, ta.do(t, request{method: http.MethodDelete, path: "~/replications/" + pair})), "~/replications/" + pair
	}, pairDeleting, "", pairErrorDeleting},
}

// protectable returns a group with a replication pair.
func protectable(t *testing.T, ta *testAPI) string {
	t.Helper()
	id := ta.createGroup(t, "op", "")
	ta.createPair(t, id, 1)
	return id
}

// jobOf returns the job ID of a successful asynchronous call.
func jobOf(t *testing.T, res response) string {
	t.Helper()
	return mustOK(t, res).body["job_id"].(string)
}

// objectStatus returns the status of the group or pair at path, or "" when
// it is gone.
func (ta *testAPI) objectStatus(t *testing.T, path string) string {
	t.Helper()
	res := ta.do(t, request{method: http.MethodGet, path: path})
	if res.code != http.StatusOK {
		return ""
	}
	for _, key := range []string{"server_group", "replication"} {
		if obj, ok := res.body[key].(map[string]any); ok {
			return obj["status"].(string)
		}
	}
	t.Fatalf("GET %s: %s", path, res.raw)
	return ""
}

// stall=OP holds each operation's job RUNNING, and its object in its
// transitional status, past its end; once the stall is lifted, the next
// request completes it. The stall is counted once per job, and a stall of
// one operation holds no other.
func TestStallHoldsTheOperationUntilLifted(t *testing.T) {
	for _, op := range asyncOps {
		t.Run(op.name, func(t *testing.T) {
			inj := faults.New(faults.Spec{})
			ta := newHookedTestAPI(t, backend.Hooks{Faults: inj})
			// The set-up runs unstalled; the stall is set at run time, as
			// POST /_sandbox/faults does.
			jobID, path := op.start(t, ta)
			inj.Set(faults.Spec{Stall: []string{op.name}})
			for range 3 {
				ta.advance(transition)
				if j := ta.job(t, jobID); j["status"] != jobRunning || j["end_time"] != nil {
					t.Fatalf("stalled job = %v", j)
				}
				if got := ta.objectStatus(t, path); got != op.during {
					t.Fatalf("stalled object is %q, want %q", got, op.during)
				}
			}
			if n := inj.Counts()[faults.KindStall]; n != 1 {
				t.Errorf("stall counted %d times, want once", n)
			}
			inj.Set(faults.Spec{})
			if j := ta.job(t, jobID); j["status"] != jobSuccess || j["end_time"] != ta.clock.UTC().Format(jobTimeFormat) {
				t.Fatalf("job once the stall is lifted = %v, want SUCCESS ending now", j)
			}
			if got := ta.objectStatus(t, path); got != op.after {
				t.Errorf("object after the stall is %q, want %q", got, op.after)
			}
		})
	}
	t.Run("another operation", func(t *testing.T) {
		inj := faults.New(faults.Spec{Stall: []string{opGroupDelete}})
		ta := newHookedTestAPI(t, backend.Hooks{Faults: inj})
		ta.createGroup(t, "free", "") // finishes: only deletions stall
	})
}

// fail=OP ends each operation's job in FAIL with the API's error code, and
// leaves its object in its error status; the failure is counted.
func TestFailInjectedEndsTheOperationInError(t *testing.T) {
	for _, op := range asyncOps {
		t.Run(op.name, func(t *testing.T) {
			// The set-up's operations have other names: they succeed.
			inj := faults.New(faults.Spec{Fail: []string{op.name}})
			ta := newHookedTestAPI(t, backend.Hooks{Faults: inj})
			jobID, path := op.start(t, ta)
			j := ta.finish(t, jobID, jobFail)
			want := ""
			for _, o := range operations {
				if o.name == op.name {
					want = o.failCode
				}
			}
			if j["error_code"] != want || !strings.Contains(j["fail_reason"].(string), "fail="+op.name) {
				t.Fatalf("failed job = %v, want error_code %s", j, want)
			}
			if got := ta.objectStatus(t, path); got != op.errStatus {
				t.Errorf("object after the failure is %q, want %q", got, op.errStatus)
			}
			if n := inj.Counts()[faults.KindFail]; n != 1 {
				t.Errorf("fail counted %d times, want once", n)
			}
		})
	}
}

// The end of every transition is reported to the notice recorder once,
// with the operation's name, by the first read that sees it: of the job or
// of its object, single or in a list.
func TestNoticeRecordsTheEndOfEachTransition(t *testing.T) {
	rec := notice.New()
	ta := newHookedTestAPI(t, backend.Hooks{Notice: rec})
	count := func(op string) int { return rec.Snapshot()[op].Count }

	res := mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/server-groups", body: createGroupBody("n", "")}))
	jobID := res.body["job_id"].(string)
	ta.job(t, jobID) // under way: nothing ended
	if count(opGroupCreate) != 0 {
		t.Fatalf("a job under way was recorded: %v", rec.Snapshot())
	}
	ta.advance(transition)
	id := ta.job(t, jobID)["entities"].(map[string]any)["server_group_id"].(string)
	ta.group(t, id)
	mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/server-groups"}))
	if count(opGroupCreate) != 1 {
		t.Fatalf("create recorded %d times, want once: %v", count(opGroupCreate), rec.Snapshot())
	}

	// Seen through the object, in a list.
	pairID := ta.createPair(t, id, 0)
	mustOK(t, ta.action(t, id, `{"start-server-group":{}}`))
	ta.advance(transition)
	mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/server-groups?name=n"}))
	mustOK(t, ta.do(t, request{method: http.MethodDelete, path: "~/replications/" + pairID}))
	ta.advance(transition)
	mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/replications?server_group_id=" + id}))
	for op, want := range map[string]int{opGroupStart: 1, opPairCreate: 1, opPairDelete: 0} {
		if count(op) != want {
			t.Errorf("%s recorded %d times, want %d: %v", op, count(op), want, rec.Snapshot())
		}
	}
}
