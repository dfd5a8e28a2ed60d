package sdrs

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

var jobIDPattern = regexp.MustCompile(`^[0-9a-f]{32}$`)

// A group is created through a job that goes INIT → RUNNING → SUCCESS, and
// moves from creating to available at the instant the job succeeds; the
// job stays queryable afterwards.
func TestCreateGroupRunsAJob(t *testing.T) {
	ta := newTestAPI(t)
	res := mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/server-groups", body: createGroupBody("pg-1", "my group")}))
	jobID, _ := res.body["job_id"].(string)
	if !jobIDPattern.MatchString(jobID) || len(res.body) != 1 {
		t.Fatalf("answer = %s, want only a 32-hex job_id", res.raw)
	}
	j := ta.job(t, jobID)
	if j["status"] != jobInit || j["job_type"] != jobCreateGroup || j["end_time"] != nil || j["error_code"] != nil {
		t.Fatalf("new job = %v", j)
	}
	id, _ := j["entities"].(map[string]any)["server_group_id"].(string)
	if g := ta.group(t, id); g["status"] != statusCreating {
		t.Fatalf("status while creating = %v", g["status"])
	}
	ta.advance(transition / 2)
	if j := ta.job(t, jobID); j["status"] != jobRunning {
		t.Fatalf("job at half time = %v", j["status"])
	}
	ta.advance(transition / 2)
	j = ta.job(t, jobID)
	if j["status"] != jobSuccess || j["end_time"] == nil {
		t.Fatalf("finished job = %v", j)
	}
	g := ta.group(t, id)
	want := map[string]any{
		"id": id, "name": "pg-1", "description": "my group", "status": statusAvailable, "priority_station": "source",
		"source_availability_zone": AZ1, "target_availability_zone": AZ2, "domain_id": DomainID, "domain_name": DomainName,
		"source_vpc_id": VPCID, "target_vpc_id": VPCID, "dr_type": "migration", "server_type": "ECS",
		"protection_type": "replication-pair", "protected_status": nil, "replication_status": nil, "health_status": nil,
		"progress": float64(0), "replication_num": float64(0), "protected_instance_num": float64(0), "disaster_recovery_drill_num": float64(0),
	}
	for k, v := range want {
		if g[k] != v {
			t.Errorf("%s = %#v, want %#v", k, g[k], v)
		}
	}
	if !regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$`).MatchString(g["created_at"].(string)) {
		t.Errorf("created_at = %v", g["created_at"])
	}
	// Long after, the job still answers.
	ta.advance(time.Hour)
	if j := ta.job(t, jobID); j["status"] != jobSuccess {
		t.Fatalf("job an hour later = %v", j)
	}
}

// A group without description reports null, as the API does.
func TestGroupWithoutDescription(t *testing.T) {
	ta := newTestAPI(t)
	body := `{"server_group":{"name":"nodesc","source_availability_zone":"` + AZ1 + `","target_availability_zone":"` + AZ2 +
		`","domain_id":"` + DomainID + `","source_vpc_id":"` + VPCID + `","server_type":"ECS"}}`
	res := mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/server-groups", body: body}))
	j := ta.finish(t, res.body["job_id"].(string), jobSuccess)
	g := ta.group(t, j["entities"].(map[string]any)["server_group_id"].(string))
	if v, present := g["description"]; !present || v != nil || g["dr_type"] != "migration" {
		t.Fatalf("description = %#v (present %v), dr_type = %v", v, present, g["dr_type"])
	}
}

func TestCreateGroupValidation(t *testing.T) {
	valid := map[string]any{"name": "ok", "source_availability_zone": AZ1, "target_availability_zone": AZ2,
		"domain_id": DomainID, "source_vpc_id": VPCID}
	with := func(k string, v any) string {
		m := map[string]any{}
		for kk, vv := range valid {
			m[kk] = vv
		}
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
		b, _ := json.Marshal(map[string]any{"server_group": m})
		return string(b)
	}
	for _, tc := range []struct {
		name, body, code string
	}{
		{"not JSON", `{"server_group":`, "SDRS.0201"},
		{"no server_group", `{"name":"x"}`, "SDRS.0201"},
		{"server_group not an object", `{"server_group":"x"}`, "SDRS.0201"},
		{"no name", with("name", nil), "SDRS.0202"},
		{"name with a space", with("name", "a b"), "SDRS.0202"},
		{"name of 65 bytes", with("name", strings.Repeat("n", 65)), "SDRS.0202"},
		{"name of 22 Chinese characters (66 bytes)", with("name", strings.Repeat("组", 22)), "SDRS.0202"},
		{"description with <", with("description", "a<b"), "SDRS.0212"},
		{"description of 65 bytes", with("description", strings.Repeat("d", 65)), "SDRS.0212"},
		{"unknown domain", with("domain_id", "fb4bb8e3-a574-4437-a156-78c916aeea4d"), "SDRS.0205"},
		{"no domain", with("domain_id", nil), "SDRS.0205"},
		{"AZ outside the domain", with("source_availability_zone", "eu-de-01"), "SDRS.0203"},
		{"no target AZ", with("target_availability_zone", nil), "SDRS.0203"},
		{"same AZs", with("target_availability_zone", AZ1), "SDRS.0203"},
		{"unknown VPC", with("source_vpc_id", "046852ef-c49d-409b-8389-546aaaa5701f"), "SDRS.0204"},
		{"other dr_type", with("dr_type", "replication"), "SDRS.0201"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ta := newTestAPI(t)
			res := ta.do(t, request{method: http.MethodPost, path: "~/server-groups", body: tc.body})
			expectError(t, res, http.StatusBadRequest, tc.code)
			if _, ok := res.body["error"].(map[string]any)["message"].(string); !ok {
				t.Errorf("no error.message: %s", res.raw)
			}
		})
	}
	t.Run("64 bytes and Chinese characters are accepted", func(t *testing.T) {
		ta := newTestAPI(t)
		mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/server-groups", body: with("name", strings.Repeat("n", 64))}))
		mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/server-groups", body: with("name", "保护组-1")}))
	})
}

func TestUnknownGroupIsSDRS1013(t *testing.T) {
	ta := newTestAPI(t)
	const missing = "~/server-groups/a59d008e-4bad-4bf3-9b17-6cc25e7da483"
	for _, req := range []request{
		{method: http.MethodGet, path: missing},
		{method: http.MethodPut, path: missing, body: `{"server_group":{"name":"x"}}`},
		{method: http.MethodDelete, path: missing},
		{method: http.MethodPost, path: missing + "/action", body: `{"start-server-group":{}}`},
	} {
		expectError(t, ta.do(t, req), http.StatusBadRequest, "SDRS.1013")
	}
	expectError(t, ta.do(t, request{method: http.MethodGet, path: "~/jobs/0000000062db92d70162db9d200f000a"}), http.StatusNotFound, "SDRS.0408")
}

func TestRenameGroup(t *testing.T) {
	ta := newTestAPI(t)
	id := ta.createGroup(t, "before", "")
	ta.advance(time.Second)
	res := mustOK(t, ta.do(t, request{method: http.MethodPut, path: "~/server-groups/" + id, body: `{"server_group":{"name":"after"}}`}))
	g := res.body["server_group"].(map[string]any)
	if g["name"] != "after" || g["updated_at"] == g["created_at"] {
		t.Fatalf("renamed group = %v", g)
	}
	expectError(t, ta.do(t, request{method: http.MethodPut, path: "~/server-groups/" + id, body: `{"server_group":{"name":"a/b"}}`}),
		http.StatusBadRequest, "SDRS.0202")
}

// The whole life of a protected group: enable, planned failover and back,
// failover, re-protect, disable, and deletion in dependency order.
func TestGroupLifecycle(t *testing.T) {
	ta := newTestAPI(t)
	id := ta.createGroup(t, "life", "")
	pairID := ta.createPair(t, id, 0)
	if g := ta.group(t, id); g["replication_num"] != float64(1) {
		t.Fatalf("replication_num = %v", g["replication_num"])
	}

	// Enable: starting (copying, progress 0 then 50) → protected.
	res := mustOK(t, ta.action(t, id, `{"start-server-group":{}}`))
	g := ta.group(t, id)
	if g["status"] != statusStarting || g["replication_status"] != replCopying || g["progress"] != float64(0) {
		t.Fatalf("starting group = %v", g)
	}
	ta.advance(transition / 2)
	if g := ta.group(t, id); g["progress"] != float64(50) {
		t.Fatalf("progress at half time = %v", g["progress"])
	}
	ta.advance(transition / 2)
	j := ta.job(t, res.body["job_id"].(string))
	subs, _ := j["entities"].(map[string]any)["sub_jobs"].([]any)
	if j["status"] != jobSuccess || j["job_type"] != jobStart || len(subs) != 1 ||
		subs[0].(map[string]any)["entities"].(map[string]any)["server_group_id"] != id {
		t.Fatalf("start job = %v", j)
	}
	g = ta.group(t, id)
	expectFields(t, g, map[string]any{"status": statusProtected, "protected_status": "started", "replication_status": replActive,
		"health_status": "normal", "progress": float64(100), "priority_station": "source"})
	p := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/replications/" + pairID})).body["replication"].(map[string]any)
	expectFields(t, p, map[string]any{"status": statusProtected, "replication_status": replActive, "server_group_id": id})

	// Planned failover to the DR site and back.
	ta.runAction(t, id, `{"reverse-server-group":{"priority_station":"target"}}`, jobSuccess)
	expectFields(t, ta.group(t, id), map[string]any{"status": statusProtected, "priority_station": "target"})
	if got := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/server-groups?availability_zone=" + AZ2})).body["count"]; got != float64(1) {
		t.Fatalf("groups whose production AZ is %s: %v", AZ2, got)
	}
	ta.runAction(t, id, `{"reverse-server-group":{"priority_station":"source"}}`, jobSuccess)
	expectFields(t, ta.group(t, id), map[string]any{"status": statusProtected, "priority_station": "source"})

	// Failover, then re-protect with start.
	ta.runAction(t, id, `{"failover-server-group":{}}`, jobSuccess)
	expectFields(t, ta.group(t, id), map[string]any{"status": statusFailedOver, "priority_station": "target",
		"protected_status": "stopped", "replication_status": replActiveStopped})
	j = ta.runAction(t, id, `{"start-server-group":{}}`, jobSuccess)
	if j["job_type"] != jobReprotect {
		t.Fatalf("start after failover ran %v", j["job_type"])
	}
	expectFields(t, ta.group(t, id), map[string]any{"status": statusProtected, "priority_station": "target", "protected_status": "started"})

	// Disable.
	ta.runAction(t, id, `{"stop-server-group":{}}`, jobSuccess)
	expectFields(t, ta.group(t, id), map[string]any{"status": statusAvailable, "protected_status": "stopped", "replication_status": replActiveStopped})

	// Deletion: the group refuses while it has a pair; pair first.
	expectError(t, ta.do(t, request{method: http.MethodDelete, path: "~/server-groups/" + id}), http.StatusBadRequest, "SDRS.1010")
	res = mustOK(t, ta.do(t, request{method: http.MethodDelete, path: "~/replications/" + pairID,
		body: `{"replication":{"server_group_id":"` + id + `","delete_target_volume":true}}`}))
	if p := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/replications/" + pairID})).body["replication"].(map[string]any); p["status"] != pairDeleting {
		t.Fatalf("deleting pair = %v", p["status"])
	}
	ta.finish(t, res.body["job_id"].(string), jobSuccess)
	expectError(t, ta.do(t, request{method: http.MethodGet, path: "~/replications/" + pairID}), http.StatusBadRequest, "SDRS.1608")
	res = mustOK(t, ta.do(t, request{method: http.MethodDelete, path: "~/server-groups/" + id}))
	if g := ta.group(t, id); g["status"] != statusDeleting {
		t.Fatalf("deleting group = %v", g["status"])
	}
	ta.finish(t, res.body["job_id"].(string), jobSuccess)
	expectError(t, ta.do(t, request{method: http.MethodGet, path: "~/server-groups/" + id}), http.StatusBadRequest, "SDRS.1013")
	// The disk is free again.
	other := ta.createGroup(t, "next", "")
	ta.createPair(t, other, 0)
}

func expectFields(t *testing.T, obj map[string]any, want map[string]any) {
	t.Helper()
	for k, v := range want {
		if obj[k] != v {
			t.Errorf("%s = %#v, want %#v (object %v)", k, obj[k], v, obj)
		}
	}
}

// Every status precondition of the actions, with its SDRS code.
func TestActionPreconditions(t *testing.T) {
	ta := newTestAPI(t)
	empty := ta.createGroup(t, "empty", "")
	// A protected group whose only pair was then deleted.
	orphan := ta.createGroup(t, "orphan", "")
	orphanPair := ta.createPair(t, orphan, 1)
	ta.runAction(t, orphan, `{"start-server-group":{}}`, jobSuccess)
	del := mustOK(t, ta.do(t, request{method: http.MethodDelete, path: "~/replications/" + orphanPair}))
	ta.finish(t, del.body["job_id"].(string), jobSuccess)
	// A group being created.
	res := mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/server-groups", body: createGroupBody("young", "")}))
	young := ta.job(t, res.body["job_id"].(string))["entities"].(map[string]any)["server_group_id"].(string)

	for _, tc := range []struct {
		name, group, body, code string
	}{
		{"not JSON", empty, `{`, "SDRS.0201"},
		{"no action", empty, `{}`, "SDRS.0201"},
		{"two actions", empty, `{"start-server-group":{},"stop-server-group":{}}`, "SDRS.0201"},
		{"unknown action", empty, `{"resize-server-group":{}}`, "SDRS.0206"},
		{"null action body", empty, `{"start-server-group":null}`, "SDRS.0201"},
		{"start without pairs", empty, `{"start-server-group":{}}`, "SDRS.1002"},
		{"start while creating", young, `{"start-server-group":{}}`, "SDRS.1021"},
		{"start when protected", orphan, `{"start-server-group":{}}`, "SDRS.1021"},
		{"stop when available", empty, `{"stop-server-group":{}}`, "SDRS.1019"},
		{"failover when available", empty, `{"failover-server-group":{}}`, "SDRS.1022"},
		{"failover without pairs", orphan, `{"failover-server-group":{}}`, "SDRS.1002"},
		{"reverse without priority_station", orphan, `{"reverse-server-group":{}}`, "SDRS.0201"},
		{"reverse to an unknown station", orphan, `{"reverse-server-group":{"priority_station":"dr"}}`, "SDRS.0201"},
		{"reverse when available", empty, `{"reverse-server-group":{"priority_station":"target"}}`, "SDRS.1023"},
		{"reverse without pairs", orphan, `{"reverse-server-group":{"priority_station":"target"}}`, "SDRS.1002"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			expectError(t, ta.action(t, tc.group, tc.body), http.StatusBadRequest, tc.code)
		})
	}
	t.Run("reverse to the current station", func(t *testing.T) {
		ta := newTestAPI(t)
		id := ta.createGroup(t, "rev", "")
		ta.createPair(t, id, 2)
		ta.runAction(t, id, `{"start-server-group":{}}`, jobSuccess)
		expectError(t, ta.action(t, id, `{"reverse-server-group":{"priority_station":"source"}}`), http.StatusBadRequest, "SDRS.0201")
	})
	t.Run("delete while a job runs", func(t *testing.T) {
		expectError(t, ta.do(t, request{method: http.MethodDelete, path: "~/server-groups/" + young}), http.StatusBadRequest, "SDRS.1002")
	})
	t.Run("action while a pair is being created", func(t *testing.T) {
		ta := newTestAPI(t)
		id := ta.createGroup(t, "busy", "")
		body := `{"replication":{"server_group_id":"` + id + `","volume_id":"` + VolumeIDs[3] + `","name":"p"}}`
		mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/replications", body: body}))
		expectError(t, ta.action(t, id, `{"start-server-group":{}}`), http.StatusBadRequest, "SDRS.1601")
	})
}

func TestPairPreconditions(t *testing.T) {
	ta := newTestAPI(t)
	id := ta.createGroup(t, "pairs", "")
	used := ta.createPair(t, id, 0)
	body := func(group, volume, name string) string {
		b, _ := json.Marshal(map[string]any{"replication": map[string]any{"server_group_id": group, "volume_id": volume, "name": name}})
		return string(b)
	}
	// A group whose production site is AZ2, where no fixture disk is.
	azBody, _ := json.Marshal(map[string]any{"server_group": map[string]any{"name": "az2", "source_availability_zone": AZ2,
		"target_availability_zone": AZ1, "domain_id": DomainID, "source_vpc_id": VPCID}})
	res := mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/server-groups", body: string(azBody)}))
	az2 := ta.finish(t, res.body["job_id"].(string), jobSuccess)["entities"].(map[string]any)["server_group_id"].(string)
	res = mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/server-groups", body: createGroupBody("young", "")}))
	young := ta.job(t, res.body["job_id"].(string))["entities"].(map[string]any)["server_group_id"].(string)

	for _, tc := range []struct {
		name, body, code string
	}{
		{"no replication", `{"server_group_id":"x"}`, "SDRS.0201"},
		{"unknown group", body("a59d008e-4bad-4bf3-9b17-6cc25e7da483", VolumeIDs[1], "p"), "SDRS.1013"},
		{"bad name", body(id, VolumeIDs[1], "p q"), "SDRS.0202"},
		{"unknown disk", body(id, "b6f71149-7b9c-4f36-8ff0-1c4809a6f2c2", "p"), "SDRS.0211"},
		{"disk in use", body(id, VolumeIDs[0], "p"), "SDRS.1811"},
		{"disk in another AZ", body(az2, VolumeIDs[1], "p"), "SDRS.1810"},
		{"group being created", body(young, VolumeIDs[1], "p"), "SDRS.1024"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			expectError(t, ta.do(t, request{method: http.MethodPost, path: "~/replications", body: tc.body}), http.StatusBadRequest, tc.code)
		})
	}
	t.Run("delete naming another group", func(t *testing.T) {
		expectError(t, ta.do(t, request{method: http.MethodDelete, path: "~/replications/" + used,
			body: `{"replication":{"server_group_id":"` + az2 + `"}}`}), http.StatusBadRequest, "SDRS.1611")
	})
	t.Run("delete while creating", func(t *testing.T) {
		res := mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/replications", body: body(id, VolumeIDs[2], "p")}))
		pid := ta.job(t, res.body["job_id"].(string))["entities"].(map[string]any)["replication_pair_id"].(string)
		expectError(t, ta.do(t, request{method: http.MethodDelete, path: "~/replications/" + pid}), http.StatusBadRequest, "SDRS.0214")
	})
	t.Run("delete while the group is starting", func(t *testing.T) {
		ta := newTestAPI(t)
		gid := ta.createGroup(t, "g", "")
		pid := ta.createPair(t, gid, 4)
		mustOK(t, ta.action(t, gid, `{"start-server-group":{}}`))
		expectError(t, ta.do(t, request{method: http.MethodDelete, path: "~/replications/" + pid}), http.StatusBadRequest, "SDRS.0214")
	})
	t.Run("unknown pair", func(t *testing.T) {
		expectError(t, ta.do(t, request{method: http.MethodGet, path: "~/replications/b93bc1c4-67ee-45a1-bc8a-d022fdd28811"}), http.StatusBadRequest, "SDRS.1608")
	})
}

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

func TestListGroupsFiltersAndPages(t *testing.T) {
	ta := newTestAPI(t)
	for i := range 5 {
		ta.createGroup(t, "list-"+strconv.Itoa(i), "")
	}
	protected := ta.createGroup(t, "other", "")
	ta.createPair(t, protected, 7)
	ta.runAction(t, protected, `{"start-server-group":{}}`, jobSuccess)

	list := func(query string) (float64, []string) {
		res := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/server-groups" + query}))
		var names []string
		for _, g := range res.body["server_groups"].([]any) {
			names = append(names, g.(map[string]any)["name"].(string))
		}
		return res.body["count"].(float64), names
	}
	if count, names := list(""); count != 6 || len(names) != 6 || names[0] != "other" || names[5] != "list-0" {
		t.Fatalf("all = %v %v (want newest first)", count, names)
	}
	if count, names := list("?limit=2&offset=1"); count != 6 || strings.Join(names, ",") != "list-4,list-3" {
		t.Fatalf("page = %v %v", count, names)
	}
	if count, names := list("?offset=6"); count != 6 || len(names) != 0 {
		t.Fatalf("past the end = %v %v", count, names)
	}
	if count, _ := list("?name=list"); count != 5 {
		t.Fatalf("fuzzy name = %v", count)
	}
	if count, names := list("?status=protected"); count != 1 || names[0] != "other" {
		t.Fatalf("status = %v %v", count, names)
	}
	if count, _ := list("?query_type=stop_protected"); count != 5 {
		t.Fatalf("stop_protected = %v", count)
	}
	if count, _ := list("?availability_zone=" + AZ1); count != 6 {
		t.Fatalf("availability_zone = %v", count)
	}
	for query, code := range map[string]string{
		"?limit=1001": "SDRS.0221", "?limit=x": "SDRS.0221", "?limit=-1": "SDRS.0221",
		"?offset=-1": "SDRS.0222", "?offset=1.5": "SDRS.0222",
		"?query_type=%20stop_protected": "SDRS.0201",
	} {
		expectError(t, ta.do(t, request{method: http.MethodGet, path: "~/server-groups" + query}), http.StatusBadRequest, code)
	}
}

func TestDomains(t *testing.T) {
	ta := newTestAPI(t)
	res := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/active-domains"}))
	domains := res.body["domains"].([]any)
	if len(domains) != 1 {
		t.Fatalf("domains = %v", domains)
	}
	d := domains[0].(map[string]any)
	if d["id"] != DomainID || d["name"] != DomainName ||
		d["local_replication_cluster"].(map[string]any)["availability_zone"] != AZ1 ||
		d["remote_replication_cluster"].(map[string]any)["availability_zone"] != AZ2 {
		t.Fatalf("domain = %v", d)
	}
}

func TestEnvExportsCredentialsAndFixtures(t *testing.T) {
	env := map[string]string{}
	for _, v := range New(Options{}).Env("http://127.0.0.1:1") {
		env[v.Name] = v.Value
	}
	if env[EnvEndpoint] != "http://127.0.0.1:1" || env[EnvAccessKey] != AccessKey || env[EnvSecretKey] != SecretKey ||
		env[EnvProjectID] != ProjectID || env[EnvRegion] != Region || env[EnvVPCID] != VPCID || env[EnvDomainID] != DomainID {
		t.Fatalf("env = %v", env)
	}
	if vols := strings.Split(env[EnvVolumeIDs], ","); len(vols) < 3 || vols[0] != VolumeIDs[0] {
		t.Fatalf("volumes = %v", vols)
	}
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(ProjectID) {
		t.Fatalf("project ID %q is not 32 hex digits", ProjectID)
	}
}
