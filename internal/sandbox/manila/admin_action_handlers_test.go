package manila

import (
	"net/http"
	"testing"
)

func TestFailurePrefixAndAdminActions(t *testing.T) {
	f := newFixture(t, Options{})
	id := f.createCG(f.user, goldCG(FailurePrefix+"-db"))
	f.clock.advance(step)
	if got := f.cgStatus(f.user, id); got != "error" {
		t.Fatalf("status = %s, want error", got)
	}
	// Deleting it fails back to error.
	expect(t, f.manila(http.MethodDelete, "/consistency-groups/"+id, f.user, ""), http.StatusAccepted, "")
	f.clock.advance(step)
	if got := f.cgStatus(f.user, id); got != "error" {
		t.Fatalf("status after a failed delete = %s, want error", got)
	}

	action := func(token, version, body string) response {
		project := ProjectID
		if token == f.admin {
			project = AdminProjectID
		}
		return f.send(request{method: http.MethodPost, path: "/v2/" + project + "/consistency-groups/" + id + "/action",
			token: token, version: version, experimental: true, body: body})
	}
	expect(t, action(f.user, "2.22", `{"force_delete": null}`), http.StatusForbidden,
		`{"forbidden": {"code": 403, "message": "Access was denied to this resource."}}`)
	expect(t, action(f.admin, "2.22", `{"os-force_delete": null}`), http.StatusNotFound, resourceNotFound)
	expect(t, action(f.admin, "2.6", `{"force_delete": null}`), http.StatusNotFound, resourceNotFound)
	expect(t, action(f.admin, "2.22", `{"delete": null}`), http.StatusBadRequest,
		`{"badRequest": {"code": 400, "message": "There is no such action: delete"}}`)
	expect(t, action(f.admin, "2.22", `{"force_delete": null, "reset_status": {}}`), http.StatusBadRequest,
		`{"badRequest": {"code": 400, "message": "Malformed request body"}}`)
	expect(t, action(f.admin, "2.22", `{"reset_status": null}`), http.StatusBadRequest,
		`{"badRequest": {"code": 400, "message": "Must specify 'status'"}}`)
	expect(t, action(f.admin, "2.22", `{"reset_status": {"status": "broken"}}`), http.StatusBadRequest,
		`{"badRequest": {"code": 400, "message": "Invalid state. Valid states: creating, available, deleting, error, error_deleting, migrating, migrating_to."}}`)
	expect(t, action(f.admin, "2.5", `{"os-reset_status": {"status": "available"}}`), http.StatusAccepted, "")
	if got := f.cgStatus(f.user, id); got != "available" {
		t.Fatalf("status after reset = %s", got)
	}
	expect(t, action(f.admin, "2.22", `{"force_delete": null}`), http.StatusAccepted, "")
	if got := f.cgStatus(f.user, id); got != "gone" {
		t.Fatalf("status after force delete = %s", got)
	}
	expect(t, action(f.admin, "2.22", `{"force_delete": null}`), http.StatusNotFound, resourceNotFound)

	// Snapshots have the same actions.
	cg := f.createCG(f.user, goldCG("ok"))
	f.clock.advance(step)
	res := f.manila(http.MethodPost, "/cgsnapshots", f.user, `{"cgsnapshot": {"consistency_group_id": "`+cg+`", "name": "`+FailurePrefix+`"}}`)
	snap := obj(t, res, "cgsnapshot")["id"].(string)
	f.clock.advance(step)
	if s := obj(t, f.manila(http.MethodGet, "/cgsnapshots/"+snap, f.user, ""), "cgsnapshot"); s["status"] != "error" {
		t.Fatalf("snapshot status %v", s["status"])
	}
	expect(t, f.send(request{method: http.MethodPost, path: "/v2/" + AdminProjectID + "/cgsnapshots/" + snap + "/action", token: f.admin,
		version: "2.7", experimental: true, body: `{"force_delete": null}`}), http.StatusAccepted, "")
	expect(t, f.manila(http.MethodGet, "/cgsnapshots/"+snap, f.user, ""), http.StatusNotFound, "")
}
