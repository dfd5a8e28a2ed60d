package manila

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

var (
	preciseTime = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$`)
	dbTimeRe    = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000000$`)
)

func TestConsistencyGroupLifecycle(t *testing.T) {
	f := newFixture(t, Options{})
	res := f.manila(http.MethodPost, "/consistency-groups", f.user, `{"consistency_group": {"name": "cg1", "description": "first",
		"share_types": ["`+ShareTypeDefaultID+`"], "share_network_id": "`+ShareNetworkID+`"}}`)
	expect(t, res, http.StatusAccepted, "")
	cg := obj(t, res, "consistency_group")
	id := cg["id"].(string)
	if cg["status"] != "creating" || cg["host"] != nil || cg["project_id"] != ProjectID || cg["share_network_id"] != ShareNetworkID ||
		cg["source_cgsnapshot_id"] != nil || !preciseTime.MatchString(cg["created_at"].(string)) || strings.HasSuffix(cg["created_at"].(string), ".000000") {
		t.Errorf("create answer %s", res.raw)
	}
	if _, has := cg["share_server_id"]; has {
		t.Error("share_server_id shown to a non-admin")
	}
	links := cg["links"].([]any)
	if links[0].(map[string]any)["href"] != f.srv.URL+"/v2/"+ProjectID+"/consistency_groups/"+id ||
		links[1].(map[string]any)["href"] != f.srv.URL+"/"+ProjectID+"/consistency_groups/"+id {
		t.Errorf("links %v", links)
	}
	if got := f.cgStatus(f.user, id); got != "creating" {
		t.Fatalf("status before the transition = %s", got)
	}
	f.clock.advance(step)
	res = f.manila(http.MethodGet, "/consistency-groups/"+id, f.user, "")
	cg = obj(t, res, "consistency_group")
	if cg["status"] != "available" || cg["host"] != hostDHSS || !dbTimeRe.MatchString(cg["created_at"].(string)) {
		t.Errorf("after the transition %s", res.raw)
	}

	// The admin sees the share server; the summary list shows id, links, name.
	res = f.send(request{method: http.MethodGet, path: "/v2/" + AdminProjectID + "/consistency-groups/" + id, token: f.admin, version: "2.22", experimental: true})
	if sid, has := obj(t, res, "consistency_group")["share_server_id"]; !has || sid != shareServerID(ShareNetworkID, hostDHSS) {
		t.Errorf("admin view %s", res.raw)
	}
	res = f.manila(http.MethodGet, "/consistency-groups", f.user, "")
	if item := res.body["consistency_groups"].([]any)[0].(map[string]any); len(item) != 3 || item["name"] != "cg1" {
		t.Errorf("summary %s", res.raw)
	}

	// Rename in place: 200 with the detail view.
	res = f.manila(http.MethodPut, "/consistency-groups/"+id, f.user, `{"consistency_group": {"name": "cg1-renamed", "description": null}}`)
	expect(t, res, http.StatusOK, "")
	if cg = obj(t, res, "consistency_group"); cg["name"] != "cg1-renamed" || cg["description"] != nil {
		t.Errorf("update %s", res.raw)
	}
	expect(t, f.manila(http.MethodPut, "/consistency-groups/"+id, f.user, `{"consistency_group": {"share_types": []}}`), http.StatusBadRequest,
		`{"badRequest": {"code": 400, "message": "The fields set([u'share_types']) are invalid or not allowed to be updated."}}`)

	// A snapshot blocks the deletion of its group.
	res = f.manila(http.MethodPost, "/cgsnapshots", f.user, `{"cgsnapshot": {"consistency_group_id": "`+id+`", "name": "snap1"}}`)
	expect(t, res, http.StatusAccepted, "")
	snap := obj(t, res, "cgsnapshot")
	snapID := snap["id"].(string)
	if snap["status"] != "creating" || snap["consistency_group_id"] != id ||
		snap["links"].([]any)[0].(map[string]any)["href"] != f.srv.URL+"/v2/"+ProjectID+"/cgsnapshot/"+snapID {
		t.Errorf("cgsnapshot %s", res.raw)
	}
	expect(t, f.manila(http.MethodDelete, "/consistency-groups/"+id, f.user, ""), http.StatusConflict,
		`{"conflictingRequest": {"code": 409, "message": "Invalid ConsistencyGroup: Cannot delete a consistency group with cgsnapshots"}}`)
	expect(t, f.manila(http.MethodDelete, "/cgsnapshots/"+snapID, f.user, ""), http.StatusConflict,
		`{"conflictingRequest": {"code": 409, "message": "Invalid CGSnapshot: Consistency group snapshot status must be one of ('available', 'error')"}}`)
	f.clock.advance(step)
	res = f.manila(http.MethodGet, "/cgsnapshots/"+snapID+"/members", f.user, "")
	expect(t, res, http.StatusOK, `{"cgsnapshot_members": []}`)
	expect(t, f.manila(http.MethodDelete, "/cgsnapshots/"+snapID, f.user, ""), http.StatusAccepted, "")
	expect(t, f.manila(http.MethodDelete, "/cgsnapshots/"+snapID, f.user, ""), http.StatusConflict, "")
	f.clock.advance(step)
	expect(t, f.manila(http.MethodGet, "/cgsnapshots/"+snapID, f.user, ""), http.StatusNotFound,
		`{"itemNotFound": {"code": 404, "message": "Consistency group snapshot `+snapID+` not found."}}`)

	// Delete: deleting, then gone.
	expect(t, f.manila(http.MethodDelete, "/consistency-groups/"+id, f.user, ""), http.StatusAccepted, "")
	if got := f.cgStatus(f.user, id); got != "deleting" {
		t.Fatalf("status after DELETE = %s", got)
	}
	expect(t, f.manila(http.MethodDelete, "/consistency-groups/"+id, f.user, ""), http.StatusConflict,
		`{"conflictingRequest": {"code": 409, "message": "Invalid ConsistencyGroup: Consistency group status must be one of ('available', 'error')"}}`)
	f.clock.advance(step)
	expect(t, f.manila(http.MethodGet, "/consistency-groups/"+id, f.user, ""), http.StatusNotFound,
		`{"itemNotFound": {"code": 404, "message": "Consistency group `+id+` not found."}}`)
}

func TestCreateFromSnapshotInheritsTypesAndNetwork(t *testing.T) {
	f := newFixture(t, Options{})
	src := f.createCG(f.user, `{"consistency_group": {"share_types": ["`+ShareTypeDefaultID+`"], "share_network_id": "`+ShareNetworkID+`"}}`)
	f.clock.advance(step)
	// Two shares in the source group, created in it through the share API.
	var shareIDs []string
	for _, proto := range []string{"NFS", "CIFS"} {
		res := f.manila(http.MethodPost, "/shares", f.user, `{"share": {"share_proto": "`+proto+`", "size": 1, "consistency_group_id": "`+src+`", "share_network_id": "`+ShareNetworkID+`"}}`)
		expect(t, res, http.StatusOK, "")
		if sh := obj(t, res, "share"); sh["consistency_group_id"] != src || sh["share_network_id"] != ShareNetworkID || sh["status"] != "creating" {
			t.Fatalf("share in the group %s", res.raw)
		}
		shareIDs = append(shareIDs, obj(t, res, "share")["id"].(string))
	}
	f.clock.advance(step)
	res := f.manila(http.MethodPost, "/cgsnapshots", f.user, `{"cgsnapshot": {"consistency_group_id": "`+src+`"}}`)
	snapID := obj(t, res, "cgsnapshot")["id"].(string)
	// Not available yet: 409.
	expect(t, f.manila(http.MethodPost, "/consistency-groups", f.user, `{"consistency_group": {"source_cgsnapshot_id": "`+snapID+`"}}`),
		http.StatusConflict, `{"conflictingRequest": {"code": 409, "message": "Invalid CGSnapshot: Consistency group snapshot status must be available"}}`)
	f.clock.advance(step)
	res = f.manila(http.MethodGet, "/cgsnapshots/"+snapID+"/members?limit=1", f.user, "")
	members := res.body["cgsnapshot_members"].([]any)
	if len(members) != 1 || members[0].(map[string]any)["share_protocol"] != "NFS" || members[0].(map[string]any)["cgsnapshot_id"] != snapID {
		t.Errorf("members %s", res.raw)
	}
	if next := res.body["cgsnapshot_members_links"].([]any)[0].(map[string]any); !strings.Contains(next["href"].(string), "marker="+snapID) {
		t.Errorf("members link %v", next)
	}

	res = f.manila(http.MethodPost, "/consistency-groups", f.user, `{"consistency_group": {"name": "restored", "source_cgsnapshot_id": "`+snapID+`"}}`)
	expect(t, res, http.StatusAccepted, "")
	cg := obj(t, res, "consistency_group")
	restored := cg["id"].(string)
	if cg["share_network_id"] != ShareNetworkID || cg["source_cgsnapshot_id"] != snapID || cg["host"] != hostDHSS ||
		len(cg["share_types"].([]any)) != 1 || cg["share_types"].([]any)[0] != ShareTypeDefaultID {
		t.Errorf("restored group %s", res.raw)
	}
	if n := len(f.api.db.sharesOf(restored)); n != 2 {
		t.Errorf("restored group has %d shares, want one per member", n)
	}
	// Scheduled at once on the source's host: deleting while creating is refused.
	expect(t, f.manila(http.MethodDelete, "/consistency-groups/"+restored, f.user, ""), http.StatusConflict, "")
	f.clock.advance(step)
	expect(t, f.manila(http.MethodDelete, "/consistency-groups/"+restored, f.user, ""), http.StatusConflict,
		`{"conflictingRequest": {"code": 409, "message": "Invalid ConsistencyGroup: Cannot delete a consistency group with shares"}}`)
	// The restored shares carry the members they come from.
	res = f.manila(http.MethodGet, "/shares/detail?consistency_group_id="+restored, f.user, "")
	if list := res.body["shares"].([]any); len(list) != 2 || list[0].(map[string]any)["source_cgsnapshot_member_id"] == nil {
		t.Errorf("restored shares %s", res.raw)
	}
	// A snapshot needs every share available.
	expect(t, f.send(request{method: http.MethodPost, path: "/v2/" + ProjectID + "/shares/" + shareIDs[0] + "/action", token: f.user,
		version: "2.22", body: `{"extend": {"new_size": 2}}`}), http.StatusAccepted, "")
	res = f.manila(http.MethodPost, "/cgsnapshots", f.user, `{"cgsnapshot": {"consistency_group_id": "`+src+`"}}`)
	expect(t, res, http.StatusConflict, "")
	if !strings.Contains(res.raw, "in consistency group must have status of available in order to create a CG snapshot") {
		t.Errorf("share status conflict %s", res.raw)
	}
}
