package sdrs

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

func drillBody(group, name string, vpc *string) string {
	in := map[string]any{"server_group_id": group, "name": name}
	if vpc != nil {
		in["drill_vpc_id"] = *vpc
	}
	b, _ := json.Marshal(map[string]any{"disaster_recovery_drill": in})
	return string(b)
}

// A drill makes one running drill server per protected instance in the
// drill VPC, at the production NICs' addresses, and names itself in its
// job's entities; deleting it deletes the servers and keeps the VPC.
func TestDrillLifecycle(t *testing.T) {
	ta := newTestAPI(t)
	g := ta.createGroup(t, "g", "")
	inst := ta.createInstance(t, g, 0, nil)
	vpc := DrillVPCID
	res := mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/disaster-recovery-drills", body: drillBody(g, "drill", &vpc)}))
	j := ta.finish(t, res.body["job_id"].(string), jobSuccess)
	id, _ := j["entities"].(map[string]any)["disaster_recovery_drill_id"].(string)
	if j["job_type"] != jobCreateDrill || id == "" {
		t.Fatalf("job = %v", j)
	}
	d := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/disaster-recovery-drills/" + id})).body["disaster_recovery_drill"].(map[string]any)
	expectFields(t, d, map[string]any{"status": drillAvailable, "drill_vpc_id": DrillVPCID, "server_group_id": g, "name": "drill"})
	servers := d["drill_servers"].([]any)
	if len(servers) != 1 || servers[0].(map[string]any)["protected_instance"] != inst {
		t.Fatalf("drill servers = %v", servers)
	}
	sid := servers[0].(map[string]any)["drill_server_id"].(string)
	expectFields(t, ta.server(t, sid), map[string]any{"status": serverActive, "OS-EXT-AZ:availability_zone": AZ2})
	if ips := portIPs(ta.ports(t, sid)); ips != "192.168.0.11" {
		t.Errorf("drill server NICs = %s", ips)
	}
	expectFields(t, ta.group(t, g), map[string]any{"disaster_recovery_drill_num": float64(1)})
	// The group's groups without drills no longer include it.
	list := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/server-groups?query_type=period_no_dr_drill"}))
	if list.body["count"] != float64(0) {
		t.Errorf("groups without drills = %s", list.raw)
	}
	expectError(t, ta.do(t, request{method: http.MethodPost, path: "~/disaster-recovery-drills", body: drillBody(g, "again", &vpc)}),
		http.StatusBadRequest, "SDRS.1921")
	// With its instance gone, the drill still holds the group.
	ta.finish(t, mustOK(t, ta.do(t, request{method: http.MethodDelete, path: "~/protected-instances/" + inst, body: `{"delete_target_server":true}`})).body["job_id"].(string), jobSuccess)
	expectError(t, ta.do(t, request{method: http.MethodDelete, path: "~/server-groups/" + g}), http.StatusBadRequest, "SDRS.1003")
	res = mustOK(t, ta.do(t, request{method: http.MethodPut, path: "~/disaster-recovery-drills/" + id, body: `{"disaster_recovery_drill":{"name":"renamed"}}`}))
	if res.body["disaster_recovery_drill"].(map[string]any)["name"] != "renamed" {
		t.Errorf("rename = %s", res.raw)
	}
	res = mustOK(t, ta.do(t, request{method: http.MethodDelete, path: "~/disaster-recovery-drills/" + id}))
	expectError(t, ta.do(t, request{method: http.MethodDelete, path: "~/disaster-recovery-drills/" + id}), http.StatusBadRequest, "SDRS.1913")
	ta.finish(t, res.body["job_id"].(string), jobSuccess)
	expectError(t, ta.do(t, request{method: http.MethodGet, path: "~/disaster-recovery-drills/" + id}), http.StatusBadRequest, "SDRS.1902")
	expectError(t, ta.do(t, request{method: http.MethodGet, path: "~/disaster-recovery-drills/x"}), http.StatusBadRequest, "SDRS.1900")
	expectError(t, ta.do(t, request{method: http.MethodGet, path: "~/cloudservers/" + sid}), http.StatusNotFound, "Ecs.0114")
}

// The drill VPC's rules, and a VPC made when none is given.
func TestDrillVPCRules(t *testing.T) {
	ta := newTestAPI(t)
	g := ta.createGroup(t, "g", "")
	own, unknown := VPCID, "2a1f7c9e-0000-4000-8000-000000000000"
	expectError(t, ta.do(t, request{method: http.MethodPost, path: "~/disaster-recovery-drills", body: drillBody(g, "d", &own)}), http.StatusBadRequest, "SDRS.1907")
	expectError(t, ta.do(t, request{method: http.MethodPost, path: "~/disaster-recovery-drills", body: drillBody(g, "d", &unknown)}), http.StatusBadRequest, "SDRS.1928")
	expectError(t, ta.do(t, request{method: http.MethodPost, path: "~/disaster-recovery-drills", body: drillBody(g, "a b", nil)}), http.StatusBadRequest, "SDRS.0202")
	res := mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/disaster-recovery-drills", body: drillBody(g, "auto", nil)}))
	id := ta.finish(t, res.body["job_id"].(string), jobSuccess)["entities"].(map[string]any)["disaster_recovery_drill_id"].(string)
	d := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/disaster-recovery-drills/" + id})).body["disaster_recovery_drill"].(map[string]any)
	if vpc := d["drill_vpc_id"].(string); vpc == VPCID || vpc == DrillVPCID || !isUUID(vpc) {
		t.Errorf("drill VPC = %s, want a new one", vpc)
	}
	// A failed creation (SANDBOX_FAIL_CREATE in the name) leaves an error
	// drill and a record in the task center.
	res = mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/disaster-recovery-drills", body: drillBody(g, "SANDBOX_FAIL_CREATE", &DrillVPCID)}))
	j := ta.finish(t, res.body["job_id"].(string), jobFail)
	if j["error_code"] != codeCreateDrillFailed {
		t.Errorf("failed job = %v", j)
	}
	list := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/disaster-recovery-drills?server_group_id=" + g + "&status=error"}))
	if list.body["count"] != float64(1) {
		t.Errorf("drills in error = %s", list.raw)
	}
	list = mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/disaster-recovery-drills?name=aut"}))
	if list.body["count"] != float64(1) {
		t.Errorf("drills named aut = %s", list.raw)
	}
}

// A pair expands to a larger size only; both disks grow.
func TestExpandPair(t *testing.T) {
	ta := newTestAPI(t)
	g := ta.createGroup(t, "g", "")
	pair := ta.createPair(t, g, 1) // 20 GB
	expand := func(body string) response {
		return ta.do(t, request{method: http.MethodPost, path: "~/replications/" + pair + "/action", body: body})
	}
	expectError(t, expand(`{"extend-replication":{"new_size":20}}`), http.StatusBadRequest, "SDRS.0201")
	expectError(t, expand(`{"shrink":{}}`), http.StatusBadRequest, "SDRS.0206")
	res := mustOK(t, expand(`{"extend-replication":{"new_size":30.7}}`))
	p := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/replications/" + pair})).body["replication"].(map[string]any)
	expectFields(t, p, map[string]any{"status": pairExtending})
	ta.finish(t, res.body["job_id"].(string), jobSuccess)
	p = mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/replications/" + pair})).body["replication"].(map[string]any)
	if p["status"] != pairAvailable || p["record_metadata"].(map[string]any)["volume_size"] != float64(30) {
		t.Fatalf("pair after expand = %v", p)
	}
}

// The task center lists failed jobs (group-level without filter, a group's
// objects with server_group_id) and deletes them one, per group or all.
func TestTaskCenter(t *testing.T) {
	ta := newTestAPI(t)
	g := ta.createGroup(t, "g", "")
	failed := mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/server-groups", body: createGroupBody("broken", "SANDBOX_FAIL_CREATE")}))
	ta.finish(t, failed.body["job_id"].(string), jobFail)
	b, _ := json.Marshal(map[string]any{"replication": map[string]any{"server_group_id": g, "volume_id": VolumeIDs[0], "name": "p", "description": "SANDBOX_FAIL_CREATE"}})
	pairJob := mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/replications", body: string(b)})).body["job_id"].(string)
	ta.finish(t, pairJob, jobFail)
	list := func(q string) []map[string]any {
		t.Helper()
		var out []map[string]any
		for _, f := range mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/task-center/failure-jobs" + q})).body["failure_jobs"].([]any) {
			out = append(out, f.(map[string]any))
		}
		return out
	}
	if l := list(""); len(l) != 1 || l[0]["resource_type"] != resourceGroups || l[0]["failure_status"] != "createFail" || l[0]["resource_name"] != "broken" ||
		l[0]["job_status"] != jobFail || l[0]["error_code"] != codeCreateGroupFailed {
		t.Fatalf("group-level failures = %v", l)
	}
	if l := list("?server_group_id=" + g); len(l) != 1 || l[0]["resource_type"] != resourcePairs || l[0]["job_id"] != pairJob {
		t.Fatalf("failures of the group's objects = %v", l)
	}
	if l := list("?resource_type=replications&failure_status=deleteFail"); len(l) != 0 {
		t.Fatalf("filtered = %v", l)
	}
	expectError(t, ta.do(t, request{method: http.MethodGet, path: "~/task-center/failure-jobs?failure_status=x"}), http.StatusBadRequest, "SDRS.0201")
	if res := ta.do(t, request{method: http.MethodDelete, path: "~/task-center/" + g + "/failure-jobs/batch"}); res.code != http.StatusNoContent {
		t.Fatalf("batch delete: %d", res.code)
	}
	if l := list("?server_group_id=" + g); len(l) != 0 {
		t.Fatalf("after the group's batch delete = %v", l)
	}
	if res := ta.do(t, request{method: http.MethodDelete, path: "~/task-center/failure-jobs/batch"}); res.code != http.StatusNoContent {
		t.Fatalf("delete all: %d", res.code)
	}
	if l := list(""); len(l) != 0 {
		t.Fatalf("after delete all = %v", l)
	}
	expectError(t, ta.do(t, request{method: http.MethodDelete, path: "~/task-center/failure-jobs/" + pairJob}), http.StatusBadRequest, "SDRS.0201")
}

func TestQuotasAndRPOStatistics(t *testing.T) {
	ta := newTestAPI(t)
	g := ta.createGroup(t, "g", "")
	ta.createPair(t, g, 0)
	q := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/sdrs/quotas"})).body["quotas"].(map[string]any)["resources"].([]any)
	if len(q) != 2 || q[0].(map[string]any)["used"] != float64(1) || q[1].(map[string]any)["type"] != "replications" || q[1].(map[string]any)["used"] != float64(1) {
		t.Fatalf("quotas = %v", q)
	}
	res := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/resource/rpo-statistics"}))
	records := res.body["resource_rpo_statistics"].([]any)
	if res.body["count"] != float64(rpoRecordCount) || len(records) != rpoRecordCount {
		t.Fatalf("records = %s", res.raw)
	}
	first := records[0].(map[string]any)
	created := first["created_at"].(string)
	if _, err := time.Parse(rpoTimeFormat, created); err != nil || strings.Contains(created, "T") {
		t.Fatalf("created_at %q", created)
	}
	// A record's created_at as both bounds finds it.
	esc := strings.ReplaceAll(created, " ", "%20")
	one := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/resource/rpo-statistics?start_time=" + esc + "&end_time=" + esc + "&resource_type=replication"}))
	if one.body["count"] != float64(1) {
		t.Fatalf("bounded = %s", one.raw)
	}
	expectError(t, ta.do(t, request{method: http.MethodGet, path: "~/resource/rpo-statistics?resource_type=server"}), http.StatusBadRequest, "SDRS.0201")
	expectError(t, ta.do(t, request{method: http.MethodGet, path: "~/resource/rpo-statistics?start_time=yesterday"}), http.StatusBadRequest, "SDRS.0201")
}
