package manila

import (
	"net/http"
	"strings"
	"testing"
)

// modernCall sends a request to a modern server at version with the
// experimental header when experimental is set.
func (f *fixture) modernCall(method, path, token, version string, experimental bool, body string) response {
	f.t.Helper()
	project := ProjectID
	if token == f.admin {
		project = AdminProjectID
	}
	return f.send(request{method: method, path: "/v2/" + project + path, token: token, version: version, experimental: experimental, body: body})
}

// The share group API exists from 2.31, needs the experimental header up
// to 2.54, and not from 2.55; a Newton server has no such route.
func TestShareGroupVersions(t *testing.T) {
	f := newFixture(t, Options{Modern: true})
	expect(t, f.modernCall(http.MethodGet, "/share-groups", f.user, "2.30", true, ""), http.StatusNotFound, resourceNotFound)
	expect(t, f.modernCall(http.MethodGet, "/share-groups", f.user, "2.31", false, ""), http.StatusNotFound, resourceNotFound)
	expect(t, f.modernCall(http.MethodGet, "/share-groups", f.user, "2.31", true, ""), http.StatusOK, `{"share_groups": []}`)
	expect(t, f.modernCall(http.MethodGet, "/share-groups", f.user, "2.54", false, ""), http.StatusNotFound, resourceNotFound)
	expect(t, f.modernCall(http.MethodGet, "/share-groups", f.user, "2.55", false, ""), http.StatusOK, `{"share_groups": []}`)
	expect(t, f.modernCall(http.MethodGet, "/share-replicas", f.user, "2.55", false, ""), http.StatusNotFound, resourceNotFound)
	expect(t, f.modernCall(http.MethodGet, "/share-replicas", f.user, "2.56", false, ""), http.StatusOK, `{"share_replicas": []}`)

	newton := newFixture(t, Options{})
	res := newton.manila(http.MethodGet, "/share-groups", newton.user, "")
	expect(t, res, http.StatusNotFound, `{"message": "The resource could not be found.<br /><br />\n\n\n", "code": "404 Not Found", "title": "Not Found"}`)
	// Newton has replicas (2.11, experimental) but no revert (2.27).
	expect(t, newton.manila(http.MethodGet, "/share-replicas", newton.user, ""), http.StatusOK, `{"share_replicas": []}`)
	s := newton.manila(http.MethodPost, "/shares", newton.user, `{"share": {"share_proto": "nfs", "size": 1, "share_type": "gold"}}`)
	id := obj(t, s, "share")["id"].(string)
	expect(t, newton.manila(http.MethodPost, "/shares/"+id+"/action", newton.user, `{"revert": {"snapshot_id": "`+id+`"}}`),
		http.StatusBadRequest, `{"badRequest": {"code": 400, "message": "There is no such action: revert"}}`)
}

func TestShareGroupLifecycle(t *testing.T) {
	f := newFixture(t, Options{Modern: true})
	call := func(method, path, body string) response {
		return f.modernCall(method, path, f.user, "2.55", false, body)
	}
	// The default group type and the default share type need a network.
	expect(t, call(http.MethodPost, "/share-groups", `{"share_group": {"name": "db"}}`), http.StatusBadRequest,
		`{"badRequest": {"code": 400, "message": "Invalid input received: When using a share type with the driver_handles_share_servers extra spec as True, a share_network_id must be provided."}}`)
	expect(t, call(http.MethodPost, "/share-groups", `{"share_group": {"name": "db", "foo": 1, "bar": 2}}`), http.StatusBadRequest,
		`{"badRequest": {"code": 400, "message": "The fields {'bar', 'foo'} are invalid."}}`)
	expect(t, call(http.MethodPost, "/share-groups", `{"share_group": {"share_types": ["`+ShareTypeBronzeID+`"]}}`), http.StatusBadRequest,
		`{"badRequest": {"code": 400, "message": "Invalid input received: The specified share types must be a subset of the share types supported by the share group type."}}`)
	expect(t, call(http.MethodPost, "/share-groups", `{"share_group": {"share_types": ["`+ShareTypeGoldID+`"], "availability_zone": "mars"}}`),
		http.StatusNotFound, `{"itemNotFound": {"code": 404, "message": "Availability zone mars could not be found."}}`)
	res := call(http.MethodPost, "/share-groups", `{"share_group": {"name": "db", "share_types": ["`+ShareTypeGoldID+`"]}}`)
	expect(t, res, http.StatusAccepted, "")
	g := obj(t, res, "share_group")
	gid := g["id"].(string)
	if g["status"] != "creating" || g["host"] != nil || g["share_group_type_id"] != ShareGroupTypeID || g["availability_zone"] != nil ||
		!strings.HasSuffix(g["links"].([]any)[0].(map[string]any)["href"].(string), "/share-groups/"+gid) {
		t.Fatalf("created group %s", res.raw)
	}
	// A share may not join a group that is not available.
	expect(t, call(http.MethodPost, "/shares", `{"share": {"share_proto": "NFS", "size": 1, "share_type": "gold", "share_group_id": "`+gid+`"}}`),
		http.StatusBadRequest, `{"badRequest": {"code": 400, "message": "Share group status must be available, got creating."}}`)
	f.clock.advance(step)
	res = call(http.MethodGet, "/share-groups/"+gid, "")
	if g := obj(t, res, "share_group"); g["status"] != "available" || g["host"] != hostNoDHSS || g["availability_zone"] != AvailabilityZone ||
		g["consistent_snapshot_support"] != "pool" {
		t.Fatalf("available group %s", res.raw)
	}
	// Shares in the group: the type must be one of the group's.
	expect(t, call(http.MethodPost, "/shares", `{"share": {"share_proto": "NFS", "size": 1, "share_type": "bronze", "share_group_id": "`+gid+`"}}`),
		http.StatusBadRequest, `{"badRequest": {"code": 400, "message": "The specified share type (`+ShareTypeBronzeID+`) is not supported by the specified share group (`+gid+`)."}}`)
	var members []string
	for range 3 {
		res = call(http.MethodPost, "/shares", `{"share": {"share_proto": "NFS", "size": 2, "share_type": "gold", "share_group_id": "`+gid+`"}}`)
		expect(t, res, http.StatusOK, "")
		members = append(members, obj(t, res, "share")["id"].(string))
	}
	expect(t, call(http.MethodPost, "/share-group-snapshots", `{"share_group_snapshot": {"share_group_id": "`+gid+`"}}`), http.StatusConflict,
		`{"conflictingRequest": {"code": 409, "message": "Invalid share group: Share `+members[0]+` in share group must have status of available in order to create a group snapshot"}}`)
	f.clock.advance(step)
	res = call(http.MethodPost, "/share-group-snapshots", `{"share_group_snapshot": {"share_group_id": "`+gid+`", "name": "nightly"}}`)
	expect(t, res, http.StatusAccepted, "")
	snap := obj(t, res, "share_group_snapshot")
	sid := snap["id"].(string)
	if len(snap["members"].([]any)) != 3 || snap["status"] != "creating" {
		t.Fatalf("group snapshot %s", res.raw)
	}
	// A share with group snapshot members may not be deleted, nor the group.
	expect(t, call(http.MethodDelete, "/shares/"+members[0], ""), http.StatusBadRequest,
		`{"badRequest": {"code": 400, "message": "Must provide 'share_group_id' as a request parameter when deleting a share in a share group."}}`)
	expect(t, call(http.MethodDelete, "/shares/"+members[0]+"?share_group_id="+gid, ""), http.StatusForbidden,
		`{"forbidden": {"code": 403, "message": "Invalid share: Share still has 1 dependent share group snapshot members."}}`)
	expect(t, call(http.MethodDelete, "/share-groups/"+gid, ""), http.StatusConflict,
		`{"conflictingRequest": {"code": 409, "message": "Invalid share group: Cannot delete a share group with snapshots"}}`)
	// Restore into a new group: one share per member, on the source's host.
	expect(t, call(http.MethodPost, "/share-groups", `{"share_group": {"source_share_group_snapshot_id": "`+sid+`"}}`), http.StatusConflict,
		`{"conflictingRequest": {"code": 409, "message": "Invalid share group snapshot: Share group snapshot status must be available."}}`)
	f.clock.advance(step)
	expect(t, call(http.MethodPost, "/share-groups", `{"share_group": {"source_share_group_snapshot_id": "`+sid+`", "availability_zone": "nova"}}`),
		http.StatusBadRequest, `{"badRequest": {"code": 400, "message": "Cannot supply both 'availability_zone' and 'source_share_group_snapshot_id' attributes as the availability zone is inherited from the source."}}`)
	res = call(http.MethodPost, "/share-groups", `{"share_group": {"name": "restored", "source_share_group_snapshot_id": "`+sid+`"}}`)
	expect(t, res, http.StatusAccepted, "")
	rg := obj(t, res, "share_group")
	rid := rg["id"].(string)
	if rg["host"] != hostNoDHSS || rg["source_share_group_snapshot_id"] != sid || rg["share_types"].([]any)[0] != ShareTypeGoldID {
		t.Fatalf("restored group %s", res.raw)
	}
	res = call(http.MethodGet, "/shares/detail?share_group_id="+rid, "")
	restored := res.body["shares"].([]any)
	if len(restored) != 3 || restored[0].(map[string]any)["source_share_group_snapshot_member_id"] == nil ||
		restored[0].(map[string]any)["status"] != "creating" || restored[0].(map[string]any)["size"] != float64(2) {
		t.Fatalf("restored shares %s", res.raw)
	}
	f.clock.advance(step)
	res = call(http.MethodGet, "/shares/detail?share_group_snapshot_id="+sid, "")
	if len(res.body["shares"].([]any)) != 3 || res.body["shares"].([]any)[0].(map[string]any)["status"] != "available" {
		t.Fatalf("shares by group snapshot %s", res.raw)
	}
	res = call(http.MethodGet, "/share-group-snapshots/"+sid+"/members", "")
	if m := res.body["share_group_snapshot_members"].([]any); len(m) != 3 || m[0].(map[string]any)["share_group_snapshot_id"] != sid {
		t.Fatalf("members %s", res.raw)
	}
	// Clean up in order: snapshot, shares, groups.
	expect(t, call(http.MethodDelete, "/share-group-snapshots/"+sid, ""), http.StatusAccepted, "")
	f.clock.advance(step)
	for _, id := range members {
		expect(t, call(http.MethodDelete, "/shares/"+id+"?share_group_id="+gid, ""), http.StatusAccepted, "")
	}
	expect(t, call(http.MethodDelete, "/share-groups/"+gid, ""), http.StatusConflict,
		`{"conflictingRequest": {"code": 409, "message": "Invalid share group: Cannot delete a share group with shares"}}`)
	f.clock.advance(step)
	expect(t, call(http.MethodDelete, "/share-groups/"+gid, ""), http.StatusAccepted, "")
	f.clock.advance(step)
	expect(t, call(http.MethodGet, "/share-groups/"+gid, ""), http.StatusNotFound,
		`{"itemNotFound": {"code": 404, "message": "Share group `+gid+` not found."}}`)
	// The admin may force-delete the restored group with its shares.
	expect(t, f.modernCall(http.MethodPost, "/share-groups/"+rid+"/action", f.user, "2.55", false, `{"force_delete": null}`), http.StatusForbidden,
		`{"forbidden": {"code": 403, "message": "Access was denied to this resource."}}`)
	expect(t, f.modernCall(http.MethodPost, "/share-groups/"+rid+"/action", f.admin, "2.55", false, `{"force_delete": null}`), http.StatusAccepted, "")
	if res := call(http.MethodGet, "/shares", ""); len(res.body["shares"].([]any)) != 0 {
		t.Fatalf("shares left %s", res.raw)
	}
}

func TestShareGroupTypes(t *testing.T) {
	f := newFixture(t, Options{Modern: true})
	res := f.modernCall(http.MethodGet, "/share-group-types/default", f.user, "2.46", true, "")
	expect(t, res, http.StatusOK, `{"share_group_type": {"is_public": true, "group_specs": {}, "share_types": ["`+ShareTypeDefaultID+`", "`+
		ShareTypeGoldID+`"], "id": "`+ShareGroupTypeID+`", "name": "default", "is_default": true}}`)
	res = f.modernCall(http.MethodGet, "/share-group-types", f.user, "2.45", true, "")
	if list := res.body["share_group_types"].([]any); len(list) != 2 || list[1].(map[string]any)["group_specs"].(map[string]any)["consistent_snapshot_support"] != "host" {
		t.Fatalf("types %s", res.raw)
	}
	expect(t, f.modernCall(http.MethodGet, "/share-group-types/nope", f.user, "2.55", false, ""), http.StatusNotFound,
		`{"itemNotFound": {"code": 404, "message": "Share group type with id nope not found."}}`)
}
