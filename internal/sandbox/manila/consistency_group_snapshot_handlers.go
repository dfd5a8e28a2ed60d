package manila

import "net/http"

// Lists of cgsnapshots and of their members (manila.md §2.2, §3.2): the
// members' next link is under the cgsnapshot collection, with the
// snapshot's ID as its marker.
var (
	cgsnapshots       = listing{key: "cgsnapshots", linksKey: "cgsnapshot_links", collection: "cgsnapshot"}
	cgsnapshotMembers = listing{key: "cgsnapshot_members", linksKey: "cgsnapshot_members_links", collection: "cgsnapshot"}
)

// snapshotOfPath returns the cgsnapshot the path names, or its 404.
func (a *API) snapshotOfPath(c *call) (*cgsnapshot, *fault) {
	id := c.r.PathValue("id")
	if s := a.db.snapshot(c.tok, id); s != nil {
		return s, nil
	}
	return nil, notFound("Consistency group snapshot " + id + " not found.")
}

func (a *API) listSnapshots(detail bool) handler {
	return func(c *call) *fault {
		view := c.snapshotSummary
		if detail {
			view = func(s *cgsnapshot) object {
				a.observe(s.id, &s.lifecycle)
				return c.snapshotDetail(s)
			}
		}
		rows := a.db.snapshots.Filter(func(s *cgsnapshot) bool { return c.listed(s.projectID) })
		return writeList(c, rows, cgsnapshots, view, lastID(func(s *cgsnapshot) string { return s.id }))
	}
}

func (a *API) showSnapshot(c *call) *fault {
	s, f := a.snapshotOfPath(c)
	if f != nil {
		return f
	}
	a.observe(s.id, &s.lifecycle)
	writeJSON(c.w, http.StatusOK, object{{"cgsnapshot", c.snapshotView(s, false)}})
	return nil
}

// createSnapshot is CGSnapshotController.create and
// consistency_group.api.create_cgsnapshot: one member per share of the
// group; the snapshot is creating, then available (or in error, for a name
// with FailurePrefix).
func (a *API) createSnapshot(c *call) *fault {
	req, f := parseSnapshotCreate(c.body)
	if f != nil {
		return f
	}
	cg, shares, f := a.db.snapshotOf(c.tok, req.consistencyGroupID)
	if f != nil {
		return f
	}
	s := &cgsnapshot{
		id: newID(), name: req.name, description: req.description,
		projectID: c.tok.projectID, userID: c.tok.userID, consistencyGroupID: cg.id, createdAt: c.now,
	}
	s.creating(kindSnapshot+opCreate, c.now.Add(a.opts.Transition), a.fails(kindSnapshot+opCreate, s.name))
	a.db.snapshots.Add(s)
	for _, sh := range shares {
		a.db.members.Add(&cgsnapshotMember{
			id: newID(), cgsnapshotID: s.id, shareID: sh.id, shareTypeID: sh.shareTypeID, shareProto: sh.shareProto,
			projectID: c.tok.projectID, size: sh.size, createdAt: c.now,
		})
	}
	writeJSON(c.w, http.StatusAccepted, object{{"cgsnapshot", c.snapshotView(s, true)}})
	return nil
}

func (a *API) updateSnapshot(c *call) *fault {
	in, f := parseSnapshotUpdate(c.body)
	if f != nil {
		return f
	}
	s, f := a.snapshotOfPath(c)
	if f != nil {
		return f
	}
	rename(in, &s.name, &s.description)
	writeJSON(c.w, http.StatusOK, object{{"cgsnapshot", c.snapshotView(s, false)}})
	return nil
}

// deleteSnapshot is CGSnapshotController.delete: deleting, then gone (or
// back to error, for a name with FailurePrefix).
func (a *API) deleteSnapshot(c *call) *fault {
	s, f := a.snapshotOfPath(c)
	if f != nil {
		return f
	}
	if s.status != statusAvailable && s.status != statusError {
		return conflict("Invalid CGSnapshot: Consistency group snapshot status must be one of ('available', 'error')")
	}
	s.deleting(kindSnapshot+opDelete, c.now.Add(a.opts.Transition), a.fails(kindSnapshot+opDelete, s.name))
	writeAccepted(c.w)
	return nil
}

// listMembers lists the members of a cgsnapshot; an unknown cgsnapshot has
// none (the server does not check that it exists).
func (a *API) listMembers(c *call) *fault {
	id := c.r.PathValue("id")
	rows := []*cgsnapshotMember{}
	if a.db.snapshot(c.tok, id) != nil {
		rows = a.db.members.Filter(membersOf(id))
	}
	return writeList(c, rows, cgsnapshotMembers, memberView, func([]*cgsnapshotMember) string { return id })
}
