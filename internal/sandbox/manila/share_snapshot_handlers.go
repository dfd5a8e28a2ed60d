package manila

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// shareSnapshots is how the snapshot lists answer.
var shareSnapshotsListing = listing{key: "snapshots", linksKey: "share_snapshots_links", collection: "snapshots"}

// shareSnapshotOfPath returns the snapshot the path names, or a bare 404.
func (a *API) shareSnapshotOfPath(c *call) (*shareSnapshot, *fault) {
	if s := a.db.shareSnapshot(c.tok, c.r.PathValue("id")); s != nil {
		return s, nil
	}
	return nil, notFound(msgNotFound)
}

// listShareSnapshots lists the snapshots, newest first, with the filters
// the server supports.
func (a *API) listShareSnapshots(detail bool) handler {
	return func(c *call) *fault {
		q := c.query()
		rows := a.db.shareSnapshots.Filter(func(s *shareSnapshot) bool {
			if !c.listed(s.projectID) {
				return false
			}
			exact := map[string]*string{"name": s.name, "description": s.description, "status": &s.status, "share_id": &s.shareID,
				"size": strPtr(strconv.Itoa(s.size))}
			if c.tok.isAdmin() {
				exact["project_id"] = &s.projectID
			}
			for key, col := range exact {
				if v := q.Get(key); v != "" && (col == nil || *col != v) {
					return false
				}
			}
			for key, col := range map[string]*string{"name~": s.name, "description~": s.description} {
				if v := q.Get(key); v != "" && (col == nil || !strings.Contains(strings.ToLower(*col), strings.ToLower(v))) {
					return false
				}
			}
			return true
		})
		if strings.ToLower(q.Get("sort_dir")) != "asc" {
			slices.Reverse(rows)
		}
		view := c.shareSnapshotSummary
		if detail {
			view = func(s *shareSnapshot) object {
				a.observe(s.id, &s.lifecycle)
				return c.shareSnapshotView(s, false)
			}
		}
		return writeList(c, rows, shareSnapshotsListing, view, lastID(func(s *shareSnapshot) string { return s.id }))
	}
}

func (a *API) showShareSnapshot(c *call) *fault {
	s, f := a.shareSnapshotOfPath(c)
	if f != nil {
		return f
	}
	a.observe(s.id, &s.lifecycle)
	writeJSON(c.w, http.StatusOK, object{{"snapshot", c.shareSnapshotView(s, false)}})
	return nil
}

// createShareSnapshot is ShareSnapshotsController.create: 202 with the
// snapshot creating, then available (or in error, for a name with
// FailurePrefix). The documented force has no effect (manila-groups.md §4).
func (a *API) createShareSnapshot(c *call) *fault {
	in, ok := entity(c.body, "snapshot")
	if !ok {
		return newFault(http.StatusUnprocessableEntity, "Unable to process the contained instructions")
	}
	shareID := derefString(stringField(in, "share_id"))
	s := a.db.share(c.tok, shareID)
	switch {
	case s == nil:
		return notFound("ShareNotFound: Share " + shareID + " could not be found.")
	case !s.snapshotSupport:
		return newFault(http.StatusUnprocessableEntity, "Snapshots cannot be created for share '"+s.id+"' since it does not have that capability.")
	case s.status != statusAvailable:
		return badRequest("Invalid share: Source share status must be available.")
	}
	name, description := stringField(in, "name"), stringField(in, "description")
	if name == nil {
		name = stringField(in, "display_name")
	}
	if description == nil {
		description = stringField(in, "display_description")
	}
	snap := &shareSnapshot{
		id: newID(), shareID: s.id, name: name, description: description, projectID: c.tok.projectID, userID: c.tok.userID,
		size: s.size, shareSize: s.size, shareProto: s.shareProto, createdAt: c.now,
	}
	op := kindShareSnapshot + opCreate
	snap.begin(op, c.now.Add(a.opts.Transition), statusCreating, statusAvailable, statusError, a.fails(op, name))
	a.db.shareSnapshots.Add(snap)
	writeJSON(c.w, http.StatusAccepted, object{{"snapshot", c.shareSnapshotView(snap, true)}})
	return nil
}

// updateShareSnapshot changes the name and description (under either
// spelling); other keys are ignored.
func (a *API) updateShareSnapshot(c *call) *fault {
	in, ok := entity(c.body, "snapshot")
	if !ok {
		return newFault(http.StatusUnprocessableEntity, "Unable to process the contained instructions")
	}
	s, f := a.shareSnapshotOfPath(c)
	if f != nil {
		return f
	}
	for _, pair := range []struct {
		keys []string
		to   **string
	}{{[]string{"display_name", "name"}, &s.name}, {[]string{"display_description", "description"}, &s.description}} {
		for _, k := range pair.keys {
			if raw, ok := in[k]; ok {
				*pair.to = optionalString(raw)
			}
		}
	}
	writeJSON(c.w, http.StatusOK, object{{"snapshot", c.shareSnapshotView(s, false)}})
	return nil
}

// deleteShareSnapshot: available or error, then deleting, then gone (or
// error_deleting).
func (a *API) deleteShareSnapshot(c *call) *fault {
	s, f := a.shareSnapshotOfPath(c)
	if f != nil {
		return f
	}
	if s.status != statusAvailable && s.status != statusError {
		return badRequest("Invalid share snapshot: Share Snapshot status must be one of ('available', 'error').")
	}
	op := kindShareSnapshot + opDelete
	s.begin(op, c.now.Add(a.opts.Transition), statusDeleting, statusGone, statusErrorDeleting, a.fails(op, s.name))
	writeAccepted(c.w)
	return nil
}

// shareSnapshotActions are the admin actions of snapshots.
func (a *API) shareSnapshotActions() map[string]route {
	legacy := route{from: v20, to: &v26}
	current := route{from: v27}
	rows := a.db.shareSnapshotAdmin()
	reset := func(c *call) *fault { return a.resetStatus(c, rows) }
	force := func(c *call) *fault { return a.forceDelete(c, rows) }
	return map[string]route{
		"os-reset_status": legacy.with(reset), "reset_status": current.with(reset),
		"os-force_delete": legacy.with(force), "force_delete": current.with(force),
	}
}
