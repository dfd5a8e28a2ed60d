package manila

import (
	"net/http"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/faults"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/notice"
)

// at sends a Manila request of the user at version, without the
// experimental header.
func (f *fixture) at(version, method, path, body string) response {
	f.t.Helper()
	return f.send(request{method: method, path: "/v2/" + ProjectID + path, token: f.user, version: version, body: body})
}

// newShare creates a share and returns its ID.
func (f *fixture) newShare(version, body string) string {
	f.t.Helper()
	res := f.at(version, http.MethodPost, "/shares", body)
	expect(f.t, res, http.StatusOK, "")
	return obj(f.t, res, "share")["id"].(string)
}

// The share view follows the microversion: 2.0 shows the type's name and
// the export paths, 2.6 the type's ID, 2.9 no paths; Newton shows the host
// and the consistency group fields, a modern server hides the host from
// non-admins and shows the share group fields from 2.31.
func TestShareViewByVersion(t *testing.T) {
	newton := newFixture(t, Options{})
	id := newton.newShare("2.22", `{"share": {"share_proto": "nfs", "size": 1, "share_type": "gold", "name": "v"}}`)
	newton.clock.advance(step)
	res := newton.at("", http.MethodGet, "/shares/"+id, "")
	s := obj(t, res, "share")
	if s["share_type"] != "gold" || s["export_location"] == nil || len(s["export_locations"].([]any)) != 1 || s["host"] != hostNoDHSS ||
		s["snapshot_support"] != nil || s["share_proto"] != "NFS" {
		t.Fatalf("2.0 view %s", res.raw)
	}
	res = newton.at("2.22", http.MethodGet, "/shares/"+id, "")
	s = obj(t, res, "share")
	if s["share_type"] != ShareTypeGoldID || s["share_type_name"] != "gold" || s["export_locations"] != nil || s["consistency_group_id"] != nil ||
		!hasKey(s, "consistency_group_id") || hasKey(s, "share_group_id") || hasKey(s, "revert_to_snapshot_support") || s["access_rules_status"] != "active" {
		t.Fatalf("2.22 view %s", res.raw)
	}

	modern := newFixture(t, Options{Modern: true})
	id = modern.newShare("2.99", `{"share": {"share_proto": "NFS", "size": 1, "share_type": "`+ShareTypeGoldID+`"}}`)
	res = modern.at("2.99", http.MethodGet, "/shares/"+id, "")
	s = obj(t, res, "share")
	if hasKey(s, "host") || hasKey(s, "consistency_group_id") || !hasKey(s, "share_group_id") || s["progress"] != "0%" ||
		s["revert_to_snapshot_support"] != true || s["is_soft_deleted"] != false || !hasKey(s, "snapshot_inherit_share_access_support") {
		t.Fatalf("2.99 view %s", res.raw)
	}
	res = modern.at("2.30", http.MethodGet, "/shares/"+id, "")
	if s = obj(t, res, "share"); hasKey(s, "share_group_id") || hasKey(s, "progress") {
		t.Fatalf("2.30 view on a modern server %s", res.raw)
	}
}

func hasKey(m map[string]any, k string) bool {
	_, ok := m[k]
	return ok
}

// Refusals, with the server's codes and bodies (manila-groups.md §3.5, §4, §5).
func TestShareRefusals(t *testing.T) {
	f := newFixture(t, Options{Modern: true})
	gold := f.newShare("2.60", `{"share": {"share_proto": "NFS", "size": 1, "share_type": "gold"}}`)
	bronze := f.newShare("2.60", `{"share": {"share_proto": "NFS", "size": 1, "share_type": "bronze"}}`)
	bad := fixtureUUID("nothing")
	cases := []struct {
		name, method, path, body string
		status                   int
		want                     string
	}{
		{"no share key", http.MethodPost, "/shares", `{}`, 422, `{"computeFault": {"code": 422, "message": "Unable to process the contained instructions"}}`},
		{"no size", http.MethodPost, "/shares", `{"share": {"share_proto": "NFS"}}`, 500,
			`{"computeFault": {"code": 500, "message": "The server has either erred or is incapable of performing the requested operation."}}`},
		{"protocol", http.MethodPost, "/shares", `{"share": {"share_proto": "afs", "size": 1}}`, 400,
			`{"badRequest": {"code": 400, "message": "Invalid input received: Invalid share protocol provided: AFS. It is either disabled or unsupported. Available protocols: ['NFS', 'CIFS']."}}`},
		{"size", http.MethodPost, "/shares", `{"share": {"share_proto": "NFS", "size": 0}}`, 400,
			`{"badRequest": {"code": 400, "message": "Invalid input received: Share size '0' must be an integer and greater than 0."}}`},
		{"name", http.MethodPost, "/shares", `{"share": {"share_proto": "NFS", "size": 1, "name": "` + strings.Repeat("n", 256) + `"}}`, 400,
			`{"badRequest": {"code": 400, "message": "Invalid input received: name can only be 255 characters long."}}`},
		{"type", http.MethodPost, "/shares", `{"share": {"share_proto": "NFS", "size": 1, "share_type": "platinum"}}`, 404,
			`{"itemNotFound": {"code": 404, "message": "Share type not found."}}`},
		{"network needed", http.MethodPost, "/shares", `{"share": {"share_proto": "NFS", "size": 1}}`, 400,
			`{"badRequest": {"code": 400, "message": "Share network must be set when the driver_handles_share_servers is true."}}`},
		{"network unknown", http.MethodPost, "/shares", `{"share": {"share_proto": "NFS", "size": 1, "share_network_id": "` + bad + `"}}`, 404,
			`{"itemNotFound": {"code": 404, "message": "Share network ` + bad + ` could not be found."}}`},
		{"zone", http.MethodPost, "/shares", `{"share": {"share_proto": "NFS", "size": 1, "availability_zone": "mars"}}`, 404,
			`{"itemNotFound": {"code": 404, "message": "Availability zone mars could not be found."}}`},
		{"public", http.MethodPost, "/shares", `{"share": {"share_proto": "NFS", "size": 1, "share_type": "gold", "is_public": true}}`, 403,
			`{"forbidden": {"code": 403, "message": "User is not authorized to set 'is_public' to True in the request."}}`},
		{"group unknown", http.MethodPost, "/shares", `{"share": {"share_proto": "NFS", "size": 1, "share_group_id": "` + bad + `"}}`, 404,
			`{"itemNotFound": {"code": 404, "message": "Share group ` + bad + ` could not be found."}}`},
		{"extend missing", http.MethodPost, "/shares/" + bad + "/action", `{"extend": {"new_size": 2}}`, 404,
			`{"itemNotFound": {"code": 404, "message": "Share %(share_id)s could not be found."}}`},
		{"extend creating", http.MethodPost, "/shares/" + gold + "/action", `{"extend": {"new_size": 2}}`, 400,
			`{"badRequest": {"code": 400, "message": "Invalid share: Share ` + gold + ` status must be 'available' to extend, but current status is: creating."}}`},
		{"delete creating", http.MethodDelete, "/shares/" + gold, ``, 403,
			`{"forbidden": {"code": 403, "message": "Invalid share: Share status must be one of ('available', 'error', 'inactive')."}}`},
		{"snapshot unsupported", http.MethodPost, "/snapshots", `{"snapshot": {"share_id": "` + bronze + `"}}`, 422,
			`{"computeFault": {"code": 422, "message": "Snapshots cannot be created for share '` + bronze + `' since it does not have that capability."}}`},
		{"snapshot of a missing share", http.MethodPost, "/snapshots", `{"snapshot": {"share_id": "` + bad + `"}}`, 404,
			`{"itemNotFound": {"code": 404, "message": "ShareNotFound: Share ` + bad + ` could not be found."}}`},
		{"snapshot of a creating share", http.MethodPost, "/snapshots", `{"snapshot": {"share_id": "` + gold + `"}}`, 400,
			`{"badRequest": {"code": 400, "message": "Invalid share: Source share status must be available."}}`},
		{"revert to a missing snapshot", http.MethodPost, "/shares/" + gold + "/action", `{"revert": {"snapshot_id": "` + bad + `"}}`, 400,
			`{"badRequest": {"code": 400, "message": "Snapshot ` + bad + ` could not be found."}}`},
		{"replica of a share without replication", http.MethodPost, "/share-replicas", `{"share_replica": {"share_id": "` + gold + `"}}`, 400,
			`{"badRequest": {"code": 400, "message": "Replication not supported for share ` + gold + `."}}`},
		{"unknown action", http.MethodPost, "/shares/" + gold + "/action", `{"os-extend": {"new_size": 2}}`, 404, resourceNotFound},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			expect(t, f.at("2.60", tc.method, tc.path, tc.body), tc.status, tc.want)
		})
	}

	// Revert: only to the latest available snapshot of the share.
	f.clock.advance(step)
	first := obj(t, f.at("2.60", http.MethodPost, "/snapshots", `{"snapshot": {"share_id": "`+gold+`"}}`), "snapshot")["id"].(string)
	f.clock.advance(step)
	second := obj(t, f.at("2.60", http.MethodPost, "/snapshots", `{"snapshot": {"share_id": "`+gold+`"}}`), "snapshot")["id"].(string)
	expect(t, f.at("2.60", http.MethodPost, "/shares/"+gold+"/action", `{"revert": {"snapshot_id": "`+second+`"}}`), http.StatusConflict,
		`{"conflictingRequest": {"code": 409, "message": "Snapshot `+second+` is in 'creating' state, but it must be in 'available' state to be restored."}}`)
	f.clock.advance(step)
	expect(t, f.at("2.60", http.MethodPost, "/shares/"+gold+"/action", `{"revert": {"snapshot_id": "`+first+`"}}`), http.StatusConflict,
		`{"conflictingRequest": {"code": 409, "message": "Snapshot `+first+` may not be restored because it is not the most recent snapshot of share `+
			gold+`. Currently the latest snapshot is `+second+`."}}`)
	expect(t, f.at("2.26", http.MethodPost, "/shares/"+gold+"/action", `{"revert": {"snapshot_id": "`+second+`"}}`), http.StatusNotFound, resourceNotFound)
	expect(t, f.at("2.60", http.MethodPost, "/shares/"+gold+"/action", `{"revert": {"snapshot_id": "`+second+`"}}`), http.StatusAccepted, "")
	expect(t, f.at("2.60", http.MethodDelete, "/shares/"+gold, ""), http.StatusForbidden,
		`{"forbidden": {"code": 403, "message": "Invalid share: Share status must be one of ('available', 'error', 'inactive')."}}`)
	f.clock.advance(step)
	expect(t, f.at("2.60", http.MethodDelete, "/shares/"+gold, ""), http.StatusForbidden,
		`{"forbidden": {"code": 403, "message": "Invalid share: Share still has 2 dependent snapshots."}}`)
}

// Every asynchronous operation of the share API asks the fault injector
// to stall and fail it, and tells the notice recorder when a read saw its
// end.
func TestShareOperationsHonourTheHooks(t *testing.T) {
	inj, rec := faults.New(faults.Spec{Stall: []string{"manila.share.create"}}), notice.New()
	f := newFixture(t, Options{Modern: true, Hooks: backend.Hooks{Faults: inj, Notice: rec}})
	id := f.newShare("2.60", `{"share": {"share_proto": "NFS", "size": 1, "share_type": "replicated"}}`)
	f.clock.advance(10 * step)
	if s := obj(t, f.at("2.60", http.MethodGet, "/shares/"+id, ""), "share"); s["status"] != "creating" {
		t.Fatalf("stalled creation: %v", s["status"])
	}
	inj.Set(faults.Spec{Fail: []string{"manila.share.extend", "manila.share_replica.create"}})
	if s := obj(t, f.at("2.60", http.MethodGet, "/shares/"+id, ""), "share"); s["status"] != "available" {
		t.Fatalf("after the stall: %v", s["status"])
	}
	expect(t, f.at("2.60", http.MethodPost, "/shares/"+id+"/action", `{"extend": {"new_size": 2}}`), http.StatusAccepted, "")
	res := f.at("2.60", http.MethodPost, "/share-replicas", `{"share_replica": {"share_id": "`+id+`"}}`)
	expect(t, res, http.StatusAccepted, "")
	replica := obj(t, res, "share_replica")["id"].(string)
	f.clock.advance(step)
	if s := obj(t, f.at("2.60", http.MethodGet, "/shares/"+id, ""), "share"); s["status"] != "extending_error" || s["size"] != float64(1) {
		t.Fatalf("failed extend: %v %v", s["status"], s["size"])
	}
	if r := obj(t, f.at("2.60", http.MethodGet, "/share-replicas/"+replica, ""), "share_replica"); r["status"] != "error" || r["replica_state"] != "error" {
		t.Fatalf("failed replica: %v", r)
	}
	got := rec.Snapshot()
	for _, op := range []string{"manila.share.create", "manila.share.extend", "manila.share_replica.create"} {
		if got[op].Count == 0 {
			t.Errorf("%s never noticed: %v", op, got)
		}
	}
}
