package manila

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
)

// resetStatuses are the statuses reset_status accepts
// (wsgi.AdminActionsMixin.valid_statuses).
var resetStatuses = []string{statusCreating, statusAvailable, statusDeleting, statusError, statusErrorDeleting, "migrating", "migrating_to"}

// adminResource is what the admin actions need of a collection.
type adminResource interface {
	// setStatus sets the status of a visible row; false if there is none.
	setStatus(c *call, id, status string) bool
	// destroy removes a visible row at once; false if there is none.
	destroy(c *call, id string) bool
}

// adminActions returns the reset_status and force_delete actions of a
// collection, under their os- names for 2.4–2.6 and plain names from 2.7,
// all experimental and allowed to admins only (rule:admin_api).
func (a *API) adminActions(res adminResource) map[string]route {
	v26copy := v26
	legacy := route{from: v24, to: &v26copy, experimental: true}
	current := route{from: v27, experimental: true}
	reset := func(c *call) *fault { return a.resetStatus(c, res) }
	force := func(c *call) *fault { return a.forceDelete(c, res) }
	with := func(rt route, h handler) route { rt.handle = h; return rt }
	return map[string]route{
		"os-reset_status": with(legacy, reset),
		"reset_status":    with(current, reset),
		"os-force_delete": with(legacy, force),
		"force_delete":    with(current, force),
	}
}

// authorizeAdmin applies rule:admin_api: a bare HTTPForbidden.
func authorizeAdmin(c *call) *fault {
	if !c.tok.isAdmin() {
		return newFault(http.StatusForbidden, msgForbidden)
	}
	return nil
}

// resetStatus is AdminActionsMixin._reset_status.
func (a *API) resetStatus(c *call, res adminResource) *fault {
	if f := authorizeAdmin(c); f != nil {
		return f
	}
	// body['status'] of a non-object raises TypeError, a missing key
	// KeyError: both answer "Must specify 'status'".
	var body map[string]json.RawMessage
	_ = json.Unmarshal(c.body, &body)
	statusRaw, has := body["status"]
	if !has {
		return badRequest("Must specify 'status'")
	}
	var status string
	if json.Unmarshal(statusRaw, &status) != nil || !slices.Contains(resetStatuses, status) {
		return badRequest("Invalid state. Valid states: " + strings.Join(resetStatuses, ", ") + ".")
	}
	if !res.setStatus(c, c.r.PathValue("id"), status) {
		return notFound(msgNotFound)
	}
	writeAccepted(c.w)
	return nil
}

// forceDelete is AdminActionsMixin._force_delete: the row is destroyed at
// once, whatever its status, shares or snapshots.
func (a *API) forceDelete(c *call, res adminResource) *fault {
	if f := authorizeAdmin(c); f != nil {
		return f
	}
	if !res.destroy(c, c.r.PathValue("id")) {
		return notFound(msgNotFound)
	}
	writeAccepted(c.w)
	return nil
}

type cgAdmin struct{ a *API }

// setStatus updates the row; a pending status change of the emulated share
// manager is dropped, so the reset status stays.
func (r cgAdmin) setStatus(c *call, id, status string) bool {
	cg := r.a.store.cg(c.tok, id)
	if cg == nil {
		return false
	}
	cg.status, cg.next = status, nil
	return true
}

func (r cgAdmin) destroy(c *call, id string) bool {
	if r.a.store.cg(c.tok, id) == nil {
		return false
	}
	r.a.store.removeCG(id)
	return true
}

type snapshotAdmin struct{ a *API }

func (r snapshotAdmin) setStatus(c *call, id, status string) bool {
	snap := r.a.store.snapshot(c.tok, id)
	if snap == nil {
		return false
	}
	snap.status, snap.next = status, nil
	return true
}

func (r snapshotAdmin) destroy(c *call, id string) bool {
	if r.a.store.snapshot(c.tok, id) == nil {
		return false
	}
	r.a.store.removeSnapshot(id)
	return true
}
