package sdrs

import (
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
