package sdrs

import (
	"encoding/json"
	"net/http"
	"testing"
)

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
