package manila

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// shareActions are the actions of POST /shares/{id}/action at each
// microversion (os- names up to 2.6; access_list until 2.44; revert from
// 2.27); an action the server's release does not have is unknown to it
// (manila-groups.md §1, §3.1).
func (a *API) shareActions() map[string]route {
	legacy := route{from: v20, to: &v26}
	current := route{from: v27}
	v244 := mustVersion("2.44")
	extend := func(c *call) *fault { return a.resize(c, true) }
	shrink := func(c *call) *fault { return a.resize(c, false) }
	rows := a.db.shareAdmin(a.shareResetStatuses())
	reset := func(c *call) *fault { return a.resetStatus(c, rows) }
	force := func(c *call) *fault { return a.forceDeleteShare(c, rows) }
	actions := map[string]route{
		"os-extend": legacy.with(extend), "extend": current.with(extend),
		"os-shrink": legacy.with(shrink), "shrink": current.with(shrink),
		"os-reset_status": legacy.with(reset), "reset_status": current.with(reset),
		"os-force_delete": legacy.with(force), "force_delete": current.with(force),
		"os-allow_access": legacy.with(a.allowAccess), "allow_access": current.with(a.allowAccess),
		"os-deny_access": legacy.with(a.denyAccess), "deny_access": current.with(a.denyAccess),
		"os-access_list": legacy.with(a.accessList), "access_list": {from: v27, to: &v244, handle: a.accessList},
		"revert": {from: v227, handle: a.revert},
	}
	return a.released(actions)
}

// released keeps the actions the server's release has: those whose first
// microversion is within its range.
func (a *API) released(actions map[string]route) map[string]route {
	for name, rt := range actions {
		if a.maxVersion.less(rt.from) {
			delete(actions, name)
		}
	}
	return actions
}

// shareResetStatuses are the statuses a share's reset_status accepts.
func (a *API) shareResetStatuses() []string {
	if a.modern {
		return resetStatusesModern
	}
	return resetStatuses
}

// forceDeleteShare is the admin's force_delete of a share: its status is
// not checked, but its snapshots still block it.
func (a *API) forceDeleteShare(c *call, rows adminRows) *fault {
	if s := a.db.share(c.tok, c.r.PathValue("id")); s != nil && c.tok.isAdmin() {
		if n := len(a.db.snapshotsOfShare(s.id)); n > 0 {
			return newFault(http.StatusForbidden, "Invalid share: Share still has "+strconv.Itoa(n)+" dependent snapshots.")
		}
	}
	return a.forceDelete(c, rows)
}

// shareOfAction returns the share of an extend or shrink, or the 404 with
// the exception's unformatted template (manila-groups.md §2).
func (a *API) shareOfAction(c *call) (*share, *fault) {
	if s := a.db.share(c.tok, c.r.PathValue("id")); s != nil {
		return s, nil
	}
	return nil, notFound("Share %(share_id)s could not be found.")
}

// resize is the extend (grow) or shrink action: the share is extending
// (or shrinking), then available with its new size, or in
// extending_error (shrinking_error) when the driver fails
// (manila-groups.md §3.5, §3.6).
func (a *API) resize(c *call, grow bool) *fault {
	s, f := a.shareOfAction(c)
	if f != nil {
		return f
	}
	size, f := newSize(c.body)
	if f != nil {
		return f
	}
	cur := strconv.Itoa(s.size)
	op, pending, failure := kindShare+opExtend, statusExtending, statusExtendingError
	if grow {
		if s.status != statusAvailable {
			return badRequest("Invalid share: Share " + s.id + " status must be 'available' to extend, but current status is: " + s.status + ".")
		}
		if size <= s.size {
			return badRequest("Invalid input received: New size for extend must be greater than current size. (current: " + cur +
				", extended: " + strconv.Itoa(size) + ").")
		}
	} else {
		op, pending, failure = kindShare+opShrink, statusShrinking, statusShrinkingError
		if s.status != statusAvailable && s.status != "shrinking_possible_data_loss_error" {
			return badRequest("Invalid share: Share " + s.id + " status must in (available, shrinking_possible_data_loss_error) to shrink, " +
				"but current status is: " + s.status + ".")
		}
		if size >= s.size || size <= 0 {
			return badRequest("Invalid input received: New size for shrink must be less than current size and greater than 0 (current: " +
				cur + ", new: " + strconv.Itoa(size) + ").")
		}
	}
	done := s.begin(op, c.now.Add(a.opts.Transition), pending, statusAvailable, failure, a.fails(op, s.name))
	a.setEffect(done, effect{kind: effectShareSize, share: s, size: size})
	writeAccepted(c.w)
	return nil
}

// revert is the revert action (2.27): checked in the server's order, then
// the share is reverting and its snapshot restoring; at the end the share
// is available with the snapshot's size and the snapshot available again,
// or the share is in reverting_error (manila-groups.md §5).
func (a *API) revert(c *call) *fault {
	id := c.r.PathValue("id")
	s := a.db.share(c.tok, id)
	if s == nil {
		return notFound("Share " + id + " could not be found.")
	}
	var body struct {
		SnapshotID json.RawMessage `json:"snapshot_id"`
	}
	_ = json.Unmarshal(c.body, &body)
	snapID, ok := uuidString(decode(body.SnapshotID))
	if !ok {
		return badRequest("Invalid input for field/attribute snapshot_id. Value: " + rawText(body.SnapshotID) + ". '" +
			rawText(body.SnapshotID) + "' is not a 'uuid'")
	}
	snap := a.db.shareSnapshot(c.tok, snapID)
	switch {
	case snap == nil:
		return badRequest("Snapshot " + snapID + " could not be found.")
	case !s.revertSupport:
		return badRequest("Share " + s.id + " may not be reverted to snapshot " + snapID + ", because the share does not have that capability.")
	case snap.shareID != s.id:
		return badRequest("Snapshot " + snapID + " is not associated with share " + s.id + ".")
	case s.status != statusAvailable:
		return conflict("Share " + s.id + " is in '" + s.status + "' state, but it must be in 'available' state to be reverted to a snapshot.")
	case snap.status != statusAvailable:
		return conflict("Snapshot " + snapID + " is in '" + snap.status + "' state, but it must be in 'available' state to be restored.")
	}
	all := a.db.snapshotsOfShare(s.id)
	if len(all) == 0 {
		return badRequest("Could not determine the latest snapshot for share " + s.id + ".")
	}
	if latest := all[len(all)-1]; latest.id != snapID {
		return conflict("Snapshot " + snapID + " may not be restored because it is not the most recent snapshot of share " + s.id +
			". Currently the latest snapshot is " + latest.id + ".")
	}
	if a.db.accessRulesStatus(s.id) != "active" {
		return conflict("Snapshot " + snapID + " belongs to a share " + s.id + " which has access rules that are not active.")
	}
	if s.replicationType != nil {
		if r := a.db.activeReplica(s.id); r == nil || r.status != statusAvailable {
			return badRequest("Unable to perform a replication action: Share " + s.id + " has no active replica in available state.")
		}
	}
	op := kindShare + opRevert
	at := c.now.Add(a.opts.Transition)
	done := s.begin(op, at, statusReverting, statusAvailable, statusRevertingError, a.fails(op, s.name))
	a.setEffect(done, effect{kind: effectShareSize, share: s, size: snap.size})
	snap.begin(op, at, statusRestoring, statusAvailable, statusAvailable, false)
	writeAccepted(c.w)
	return nil
}
