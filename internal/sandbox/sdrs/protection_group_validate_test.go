package sdrs

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

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
