package sdrs

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// instanceBody is a create request for the server of index srv, with
// the fields of extra added.
func instanceBody(group string, srv int, extra map[string]any) string {
	in := map[string]any{"server_group_id": group, "server_id": ServerIDs[srv], "name": "inst"}
	for k, v := range extra {
		in[k] = v
	}
	b, _ := json.Marshal(map[string]any{"protected_instance": in})
	return string(b)
}

// createInstance protects the server of index srv and returns the
// instance's ID once the creation job succeeded.
func (ta *testAPI) createInstance(t *testing.T, group string, srv int, extra map[string]any) string {
	t.Helper()
	res := mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/protected-instances", body: instanceBody(group, srv, extra)}))
	j := ta.finish(t, res.body["job_id"].(string), jobSuccess)
	return j["entities"].(map[string]any)["protected_instance_id"].(string)
}

func (ta *testAPI) instance(t *testing.T, id string) map[string]any {
	t.Helper()
	return mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/protected-instances/" + id})).body["protected_instance"].(map[string]any)
}

func (ta *testAPI) server(t *testing.T, id string) map[string]any {
	t.Helper()
	return mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/cloudservers/" + id})).body["server"].(map[string]any)
}

// ports returns the NICs of a server by ID.
func (ta *testAPI) ports(t *testing.T, serverID string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, p := range mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/ports?device_id=" + serverID})).body["ports"].([]any) {
		out = append(out, p.(map[string]any))
	}
	return out
}

func portIPs(ports []map[string]any) string {
	var ips []string
	for _, p := range ports {
		ips = append(ips, p["fixed_ips"].([]any)[0].(map[string]any)["ip_address"].(string))
	}
	return strings.Join(ips, ",")
}

func (ta *testAPI) setServer(t *testing.T, action string, ids ...string) {
	t.Helper()
	var servers []map[string]string
	for _, id := range ids {
		servers = append(servers, map[string]string{"id": id})
	}
	b, _ := json.Marshal(map[string]any{action: map[string]any{"servers": servers}})
	mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/cloudservers/action", body: string(b)}))
}

// A protected instance's creation makes the DR site: a stopped DR server of
// the same name and flavor (or flavorRef) in the DR AZ with its primary NIC,
// and one replication pair per disk attached at the disk's device.
func TestCreateInstanceBuildsTheDRSite(t *testing.T) {
	ta := newTestAPI(t)
	g := ta.createGroup(t, "g", "")
	res := mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/protected-instances", body: instanceBody(g, 0, map[string]any{
		"description": "d", "primary_subnet_id": SubnetID, "primary_ip_address": "192.168.0.99", "flavorRef": "c7.large.2",
		"tags": []map[string]string{{"key": "env", "value": "prod"}}})}))
	j := ta.job(t, res.body["job_id"].(string))
	ents := j["entities"].(map[string]any)
	id := ents["protected_instance_id"].(string)
	expectFields(t, ta.instance(t, id), map[string]any{"status": statusCreating, "target_server": ""})
	expectFields(t, ta.group(t, g), map[string]any{"protected_instance_num": float64(1)})
	j = ta.finish(t, res.body["job_id"].(string), jobSuccess)
	if j["job_type"] != jobCreateInstance || ents["native_server_id"] == "" || ents["server_group_id"] != g {
		t.Fatalf("job = %v", j)
	}
	inst := ta.instance(t, id)
	expectFields(t, inst, map[string]any{"status": statusAvailable, "name": "inst", "description": "d", "source_server": ServerIDs[0],
		"target_server": ents["native_server_id"], "priority_station": "source", "progress": float64(0)})
	if tags := inst["tags"].([]any); len(tags) != 1 || tags[0].(map[string]any)["key"] != "env" {
		t.Errorf("tags = %v", inst["tags"])
	}
	att := inst["attachment"].([]any)
	if len(att) != 2 || att[0].(map[string]any)["device"] != "/dev/vda" || att[1].(map[string]any)["device"] != "/dev/vdb" {
		t.Fatalf("attachment = %v", att)
	}
	dr := ta.server(t, inst["target_server"].(string))
	expectFields(t, dr, map[string]any{"status": serverShutoff, "name": serverName(0), "OS-EXT-AZ:availability_zone": AZ2})
	if dr["flavor"].(map[string]any)["id"] != "c7.large.2" {
		t.Errorf("DR flavor = %v", dr["flavor"])
	}
	if ips := portIPs(ta.ports(t, dr["id"].(string))); ips != "192.168.0.99" {
		t.Errorf("DR NICs = %s", ips)
	}
	if vols := dr["os-extended-volumes:volumes_attached"].([]any); len(vols) != 2 {
		t.Errorf("DR disks = %v", vols)
	}
	pair := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/replications/" + att[0].(map[string]any)["replication"].(string)})).body["replication"].(map[string]any)
	if a := pair["attachment"].([]any); len(a) != 1 || a[0].(map[string]any)["protected_instance"] != id || !pair["record_metadata"].(map[string]any)["bootable"].(bool) {
		t.Errorf("system disk pair = %v", pair)
	}
	expectFields(t, ta.group(t, g), map[string]any{"replication_num": float64(2), "protected_instance_num": float64(1)})
	list := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/replications?protected_instance_id=" + id}))
	if list.body["count"] != float64(2) {
		t.Errorf("pairs of the instance = %s", list.raw)
	}
	// Group deletion needs the instance gone first.
	expectError(t, ta.do(t, request{method: http.MethodDelete, path: "~/server-groups/" + g}), http.StatusBadRequest, "SDRS.1001")
}

// The creation's rules, each with its code.
func TestCreateInstanceRules(t *testing.T) {
	ta := newTestAPI(t)
	g := ta.createGroup(t, "g", "")
	ta.createInstance(t, g, 0, nil)
	for name, tc := range map[string]struct {
		body string
		code string
	}{
		"unknown group":     {strings.Replace(instanceBody(g, 1, nil), g, "2a1f7c9e-0000-4000-8000-000000000000", 1), "SDRS.1013"},
		"bad name":          {instanceBody(g, 1, map[string]any{"name": "a b"}), "SDRS.0202"},
		"server not a UUID": {strings.Replace(instanceBody(g, 1, nil), ServerIDs[1], "ecs-1", 1), "SDRS.0210"},
		"unknown server":    {strings.Replace(instanceBody(g, 1, nil), ServerIDs[1], "2a1f7c9e-0000-4000-8000-000000000000", 1), "SDRS.1326"},
		"protected server":  {instanceBody(g, 0, nil), "SDRS.1305"},
		"ip without subnet": {instanceBody(g, 1, map[string]any{"primary_ip_address": "192.168.0.90"}), "SDRS.1380"},
		"unknown subnet":    {instanceBody(g, 1, map[string]any{"primary_subnet_id": DrillSubnetID}), "SDRS.1335"},
		"ip in use":         {instanceBody(g, 1, map[string]any{"primary_subnet_id": SubnetID, "primary_ip_address": "192.168.0.11"}), "SDRS.1334"},
		"ip outside":        {instanceBody(g, 1, map[string]any{"primary_subnet_id": SubnetID, "primary_ip_address": "10.0.0.1"}), "SDRS.0219"},
		"unknown flavor":    {instanceBody(g, 1, map[string]any{"flavorRef": "x9.huge.8"}), "SDRS.1353"},
		"cluster":           {instanceBody(g, 1, map[string]any{"cluster_id": "c"}), "SDRS.0218"},
		"dedicated":         {instanceBody(g, 1, map[string]any{"tenancy": "dedicated"}), "SDRS.0227"},
		"bad tag":           {instanceBody(g, 1, map[string]any{"tags": []map[string]string{{"key": "a/b", "value": ""}}}), "SDRS.2204"},
		"duplicate tags":    {instanceBody(g, 1, map[string]any{"tags": []map[string]string{{"key": "a"}, {"key": "a"}}}), "SDRS.2208"},
	} {
		t.Run(name, func(t *testing.T) {
			expectError(t, ta.do(t, request{method: http.MethodPost, path: "~/protected-instances", body: tc.body}), http.StatusBadRequest, tc.code)
		})
	}
	// A pair on a disk of the server blocks its protection.
	b, _ := json.Marshal(map[string]any{"replication": map[string]any{"server_group_id": g, "volume_id": fixtureID("volume/" + serverName(2) + "/vdb"), "name": "p"}})
	ta.finish(t, mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/replications", body: string(b)})).body["job_id"].(string), jobSuccess)
	expectError(t, ta.do(t, request{method: http.MethodPost, path: "~/protected-instances", body: instanceBody(g, 2, nil)}), http.StatusBadRequest, "SDRS.1811")
}

// Attach and detach a replication pair, with their rules; a system disk
// detaches only from a stopped server.
func TestAttachAndDetach(t *testing.T) {
	ta := newTestAPI(t)
	g := ta.createGroup(t, "g", "")
	id := ta.createInstance(t, g, 0, nil)
	pair := ta.createPair(t, g, 0)
	attach := func(pairID, device string) response {
		b, _ := json.Marshal(map[string]any{"replicationAttachment": map[string]string{"replication_id": pairID, "device": device}})
		return ta.do(t, request{method: http.MethodPost, path: "~/protected-instances/" + id + "/attachreplication", body: string(b)})
	}
	expectError(t, attach(pair, "/dev/vdb"), http.StatusBadRequest, "SDRS.1603")
	expectError(t, attach(pair, "/dev/vda"), http.StatusBadRequest, "SDRS.1603")
	expectError(t, attach(pair, "vdc"), http.StatusBadRequest, "SDRS.0201")
	expectError(t, attach("pair-1", "/dev/vdc"), http.StatusBadRequest, "SDRS.0213")
	expectError(t, attach("2a1f7c9e-0000-4000-8000-000000000000", "/dev/vdc"), http.StatusBadRequest, "SDRS.1608")
	res := mustOK(t, attach(pair, "/dev/sdc"))
	p := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/replications/" + pair})).body["replication"].(map[string]any)
	expectFields(t, p, map[string]any{"status": pairAttaching})
	expectError(t, attach(pair, "/dev/vdd"), http.StatusBadRequest, "SDRS.1601")
	j := ta.finish(t, res.body["job_id"].(string), jobSuccess)
	if j["job_type"] != jobAttach || j["entities"].(map[string]any)["replication_pair_id"] != pair {
		t.Fatalf("job = %v", j)
	}
	inst := ta.instance(t, id)
	if att := inst["attachment"].([]any); len(att) != 3 || att[2].(map[string]any)["device"] != "/dev/vdc" {
		t.Fatalf("attachment = %v", att)
	}
	expectError(t, ta.do(t, request{method: http.MethodDelete, path: "~/replications/" + pair}), http.StatusBadRequest, "SDRS.1605")
	expectError(t, attach(pair, "/dev/vdd"), http.StatusBadRequest, "SDRS.1605")
	// The system disk of a running server stays.
	sys := inst["attachment"].([]any)[0].(map[string]any)["replication"].(string)
	expectError(t, ta.do(t, request{method: http.MethodDelete, path: "~/protected-instances/" + id + "/detachreplication/" + sys}),
		http.StatusBadRequest, "SDRS.1316")
	res = mustOK(t, ta.do(t, request{method: http.MethodDelete, path: "~/protected-instances/" + id + "/detachreplication/" + pair}))
	ta.finish(t, res.body["job_id"].(string), jobSuccess)
	expectError(t, ta.do(t, request{method: http.MethodDelete, path: "~/protected-instances/" + id + "/detachreplication/" + pair}),
		http.StatusBadRequest, "SDRS.1604")
	if att := ta.instance(t, id)["attachment"].([]any); len(att) != 2 {
		t.Fatalf("attachment after detach = %v", att)
	}
}

// NICs are added to and deleted from the production server; the primary
// NIC stays; a resize needs the servers stopped and another flavor.
func TestNICsAndResize(t *testing.T) {
	ta := newTestAPI(t)
	g := ta.createGroup(t, "g", "")
	id := ta.createInstance(t, g, 1, nil)
	nic := func(body string) response {
		return ta.do(t, request{method: http.MethodPost, path: "~/protected-instances/" + id + "/nic", body: body})
	}
	expectError(t, nic(`{"subnet_id":"`+DrillSubnetID+`"}`), http.StatusBadRequest, "SDRS.1335")
	expectError(t, nic(`{"subnet_id":"`+SubnetID+`","ip_address":"192.168.0.12"}`), http.StatusBadRequest, "SDRS.1334")
	res := mustOK(t, nic(`{"subnet_id":"`+SubnetID+`","ip_address":"192.168.0.120","security_groups":[{"id":"`+SecurityGroupID+`"}]}`))
	expectFields(t, ta.instance(t, id), map[string]any{"status": instanceNICCreating})
	j := ta.finish(t, res.body["job_id"].(string), jobSuccess)
	nicID := j["entities"].(map[string]any)["nic_id"].(string)
	ports := ta.ports(t, ServerIDs[1])
	if portIPs(ports) != "192.168.0.12,192.168.0.120" || ports[1]["id"] != nicID || ports[0]["binding:vif_details"].(map[string]any)["primary_interface"] != true ||
		ports[1]["security_groups"].([]any)[0] != SecurityGroupID {
		t.Fatalf("ports = %v", ports)
	}
	del := func(nicID string) response {
		return ta.do(t, request{method: http.MethodPost, path: "~/protected-instances/" + id + "/nic/delete", body: `{"nic_id":"` + nicID + `"}`})
	}
	expectError(t, del(ports[0]["id"].(string)), http.StatusBadRequest, "SDRS.1311")
	expectError(t, del("nic"), http.StatusBadRequest, "SDRS.0223")
	ta.finish(t, mustOK(t, del(nicID)).body["job_id"].(string), jobSuccess)
	if ips := portIPs(ta.ports(t, ServerIDs[1])); ips != "192.168.0.12" {
		t.Fatalf("ports after delete = %s", ips)
	}

	resize := func(body string) response {
		return ta.do(t, request{method: http.MethodPost, path: "~/protected-instances/" + id + "/resize", body: body})
	}
	expectError(t, resize(`{"resize":{}}`), http.StatusBadRequest, "SDRS.0201")
	expectError(t, resize(`{"resize":{"flavorRef":"s6.xlarge.2"}}`), http.StatusBadRequest, "SDRS.1352")
	expectError(t, resize(`{"resize":{"dr_flavorRef":"s6.large.2"}}`), http.StatusBadRequest, "SDRS.1341")
	expectError(t, resize(`{"resize":{"dr_flavorRef":"x.y.z"}}`), http.StatusBadRequest, "SDRS.1353")
	ta.finish(t, mustOK(t, resize(`{"resize":{"dr_flavorRef":"s6.xlarge.2"}}`)).body["job_id"].(string), jobSuccess)
	dr := ta.instance(t, id)["target_server"].(string)
	if f := ta.server(t, dr)["flavor"].(map[string]any)["id"]; f != "s6.xlarge.2" {
		t.Fatalf("DR flavor = %v", f)
	}
	ta.setServer(t, "os-stop", ServerIDs[1])
	ta.finish(t, mustOK(t, resize(`{"resize":{"production_flavorRef":"c7.large.2"}}`)).body["job_id"].(string), jobSuccess)
	if f := ta.server(t, ServerIDs[1])["flavor"].(map[string]any)["id"]; f != "c7.large.2" {
		t.Fatalf("production flavor = %v", f)
	}
}

// An unplanned failover forces the production servers off and moves their
// NICs (and EIP) to the DR servers; re-protection needs the new DR site
// stopped and attaches the parked NICs to it; a planned failover needs the
// production site stopped and swaps the NICs.
func TestFailoverMovesServersAndNICs(t *testing.T) {
	ta := newTestAPI(t)
	g := ta.createGroup(t, "g", "")
	id := ta.createInstance(t, g, 0, nil)
	dr := ta.instance(t, id)["target_server"].(string)
	drIP := portIPs(ta.ports(t, dr))
	ta.runAction(t, g, `{"start-server-group":{}}`, jobSuccess)
	expectFields(t, ta.instance(t, id), map[string]any{"status": statusProtected, "progress": float64(100)})

	expectError(t, ta.action(t, g, `{"reverse-server-group":{"priority_station":"target"}}`), http.StatusBadRequest, "SDRS.1319")
	ta.runAction(t, g, `{"failover-server-group":{}}`, jobSuccess)
	expectFields(t, ta.instance(t, id), map[string]any{"status": statusFailedOver, "priority_station": "target"})
	expectFields(t, ta.server(t, ServerIDs[0]), map[string]any{"status": serverShutoff})
	if n := len(ta.ports(t, ServerIDs[0])); n != 0 {
		t.Errorf("the failed-over production server has %d NICs", n)
	}
	moved := ta.server(t, dr)["addresses"].(map[string]any)[VPCID].([]any)
	if len(moved) != 2 || moved[0].(map[string]any)["addr"] != "192.168.0.11" || moved[1].(map[string]any)["addr"] != EIP {
		t.Fatalf("DR server addresses after the failover = %v", moved)
	}
	ta.setServer(t, "os-start", ServerIDs[0])
	expectError(t, ta.action(t, g, `{"start-server-group":{}}`), http.StatusBadRequest, "SDRS.1342")
	ta.setServer(t, "os-stop", ServerIDs[0])
	ta.runAction(t, g, `{"start-server-group":{}}`, jobSuccess)
	expectFields(t, ta.instance(t, id), map[string]any{"status": statusProtected, "priority_station": "target"})
	if ips := portIPs(ta.ports(t, ServerIDs[0])); ips != drIP {
		t.Errorf("the new DR server's NICs = %s, want the parked %s", ips, drIP)
	}
	// Fail back: a planned failover with the production (DR) server stopped.
	ta.runAction(t, g, `{"reverse-server-group":{"priority_station":"source"}}`, jobSuccess)
	if ips := portIPs(ta.ports(t, ServerIDs[0])); ips != "192.168.0.11" {
		t.Errorf("the production server's NICs after failing back = %s", ips)
	}
	expectFields(t, ta.instance(t, id), map[string]any{"status": statusProtected, "priority_station": "source"})
}

// Deleting an instance deletes the pairs made with it, detaches (and keeps)
// the pairs attached later, and deletes the DR server only when asked.
func TestDeleteInstance(t *testing.T) {
	ta := newTestAPI(t)
	g := ta.createGroup(t, "g", "")
	keep := ta.createInstance(t, g, 0, nil)
	gone := ta.createInstance(t, g, 1, nil)
	pair := ta.createPair(t, g, 3)
	b, _ := json.Marshal(map[string]any{"replicationAttachment": map[string]string{"replication_id": pair, "device": "/dev/vdc"}})
	ta.finish(t, mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/protected-instances/" + keep + "/attachreplication", body: string(b)})).body["job_id"].(string), jobSuccess)
	keptServer, goneServer := ta.instance(t, keep)["target_server"].(string), ta.instance(t, gone)["target_server"].(string)

	ta.finish(t, mustOK(t, ta.do(t, request{method: http.MethodDelete, path: "~/protected-instances/" + keep})).body["job_id"].(string), jobSuccess)
	ta.finish(t, mustOK(t, ta.do(t, request{method: http.MethodDelete, path: "~/protected-instances/" + gone,
		body: `{"delete_target_server":true,"delete_target_eip":true}`})).body["job_id"].(string), jobSuccess)
	expectError(t, ta.do(t, request{method: http.MethodGet, path: "~/protected-instances/" + keep}), http.StatusBadRequest, "SDRS.1320")
	expectError(t, ta.do(t, request{method: http.MethodGet, path: "~/protected-instances/not-a-uuid"}), http.StatusBadRequest, "SDRS.0208")
	ta.server(t, keptServer)
	expectError(t, ta.do(t, request{method: http.MethodGet, path: "~/cloudservers/" + goneServer}), http.StatusNotFound, "Ecs.0114")
	list := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/replications?server_group_id=" + g}))
	if list.body["count"] != float64(1) {
		t.Fatalf("pairs left = %s", list.raw)
	}
	p := list.body["replications"].([]any)[0].(map[string]any)
	if p["id"] != pair || len(p["attachment"].([]any)) != 0 {
		t.Fatalf("the attached pair = %v", p)
	}
	// The servers are free again.
	ta.createInstance(t, g, 0, nil)
}

// A group failed over cannot delete its DR servers: they run production.
func TestDeleteInstanceAtTheTargetSite(t *testing.T) {
	ta := newTestAPI(t)
	g := ta.createGroup(t, "g", "")
	id := ta.createInstance(t, g, 0, nil)
	ta.runAction(t, g, `{"start-server-group":{}}`, jobSuccess)
	ta.runAction(t, g, `{"failover-server-group":{}}`, jobSuccess)
	expectError(t, ta.do(t, request{method: http.MethodDelete, path: "~/protected-instances/" + id, body: `{"delete_target_server":true}`}),
		http.StatusBadRequest, "SDRS.1330")
	expectError(t, ta.do(t, request{method: http.MethodDelete, path: "~/protected-instances/" + id, body: `{"delete_target_eip":true}`}),
		http.StatusBadRequest, "SDRS.1338")
}

// Tags: create overwrites, delete removes, both answer 204.
func TestInstanceTags(t *testing.T) {
	ta := newTestAPI(t)
	g := ta.createGroup(t, "g", "")
	id := ta.createInstance(t, g, 0, map[string]any{"tags": []map[string]string{{"key": "a", "value": "1"}}})
	tags := func(body string) response {
		return ta.do(t, request{method: http.MethodPost, path: "~/protected-instances/" + id + "/tags/action", body: body})
	}
	if res := tags(`{"action":"create","tags":[{"key":"a","value":"2"},{"key":"b","value":""}]}`); res.code != http.StatusNoContent {
		t.Fatalf("create tags: %d %s", res.code, res.raw)
	}
	if res := tags(`{"action":"delete","tags":[{"key":"b"}]}`); res.code != http.StatusNoContent {
		t.Fatalf("delete tags: %d %s", res.code, res.raw)
	}
	expectError(t, tags(`{"action":"update","tags":[{"key":"b"}]}`), http.StatusBadRequest, "SDRS.2201")
	got := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/protected-instances/" + id + "/tags"})).body["tags"].([]any)
	if len(got) != 1 || got[0].(map[string]any)["value"] != "2" {
		t.Fatalf("tags = %v", got)
	}
}

// The instance list's filters and paging.
func TestListInstances(t *testing.T) {
	ta := newTestAPI(t)
	g1, g2 := ta.createGroup(t, "one", ""), ta.createGroup(t, "two", "")
	i1 := ta.createInstance(t, g1, 0, map[string]any{"name": "web-1"})
	ta.createInstance(t, g1, 1, map[string]any{"name": "web-2"})
	i3 := ta.createInstance(t, g2, 2, map[string]any{"name": "db-1"})
	ta.runAction(t, g1, `{"start-server-group":{}}`, jobSuccess)
	list := func(q string) string {
		t.Helper()
		res := mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/protected-instances" + q}))
		var names []string
		for _, i := range res.body["protected_instances"].([]any) {
			names = append(names, i.(map[string]any)["name"].(string))
		}
		return strings.Join(names, ",")
	}
	quoted := func(ids ...string) string { b, _ := json.Marshal(ids); return string(b) }
	for q, want := range map[string]string{
		"":                                "web-1,web-2,db-1",
		"?server_group_id=" + g1:          "web-1,web-2",
		"?server_group_ids=" + quoted(g2): "db-1",
		"?protected_instance_ids=" + quoted(i1, i3): "web-1,db-1",
		"?name=web":                   "web-1,web-2",
		"?status=protected":           "web-1,web-2",
		"?availability_zone=" + AZ1:   "web-1,web-2,db-1",
		"?query_type=status_abnormal": "",
		"?limit=1&offset=1":           "web-2",
	} {
		if got := list(q); got != want {
			t.Errorf("%s: %q, want %q", q, got, want)
		}
	}
	expectError(t, ta.do(t, request{method: http.MethodGet, path: "~/protected-instances?query_type=stop_protected"}), http.StatusBadRequest, "SDRS.0201")
}
