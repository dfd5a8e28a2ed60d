package manila

import (
	"net/http"
)

// snapshotView is the detail view of a cgsnapshot
// (manila/api/views/cgsnapshots.py, collection name "cgsnapshot").
func (c *call) snapshotView(s *cgsnapshot, fresh bool) object {
	created := dbTime(s.createdAt)
	if fresh {
		created = pyTime(s.createdAt)
	}
	return object{
		{"status", s.status}, {"name", s.name}, {"links", c.links("cgsnapshot", s.id)}, {"created_at", created},
		{"consistency_group_id", s.consistencyGroupID}, {"project_id", s.projectID}, {"id", s.id}, {"description", s.description},
	}
}

func snapshotNotFound(id string) *fault {
	return notFound("Consistency group snapshot " + id + " not found.")
}

func (a *API) listSnapshots(detail bool) handler {
	return func(c *call) *fault {
		p, f := c.parsePagination()
		if f != nil {
			return f
		}
		var rows []*cgsnapshot
		for _, s := range a.store.snapshots {
			if c.allTenants() || s.projectID == c.tok.projectID {
				rows = append(rows, s)
			}
		}
		start, end := p.window(len(rows))
		rows = rows[start:end]
		items := make([]object, 0, len(rows))
		for _, s := range rows {
			if detail {
				items = append(items, c.snapshotView(s, false))
			} else {
				items = append(items, object{{"id", s.id}, {"links", c.links("cgsnapshot", s.id)}, {"name", s.name}})
			}
		}
		out := object{{"cgsnapshots", items}}
		if len(rows) > 0 {
			if links := c.collectionLinks(p, len(rows), "cgsnapshot", rows[len(rows)-1].id); links != nil {
				out = append(out, field{"cgsnapshot_links", links})
			}
		}
		writeJSON(c.w, http.StatusOK, out)
		return nil
	}
}

func (a *API) showSnapshot(c *call) *fault {
	id := c.r.PathValue("id")
	s := a.store.snapshot(c.tok, id)
	if s == nil {
		return snapshotNotFound(id)
	}
	writeJSON(c.w, http.StatusOK, object{{"cgsnapshot", c.snapshotView(s, false)}})
	return nil
}

// createSnapshot is CGSnapshotController.create and
// consistency_group.api.create_cgsnapshot: one member per share of the
// group, which must be available, as must the group.
func (a *API) createSnapshot(c *call) *fault {
	in, ok := entity(c.body, "cgsnapshot")
	if !ok {
		return badRequest("'cgsnapshot' is missing from the request body")
	}
	cgID := decode(in["consistency_group_id"])
	if !truthy(cgID) {
		return badRequest("Must supply 'consistency_group_id' attribute.")
	}
	id, ok := uuidString(cgID)
	if !ok {
		return badRequest("The 'consistency_group_id' attribute must be a uuid.")
	}
	cg := a.store.cg(c.tok, id)
	if cg == nil {
		return badRequest("ConsistencyGroup " + id + " could not be found.")
	}
	if cg.status != statusAvailable {
		return conflict("Invalid ConsistencyGroup: Consistency group status must be available")
	}
	shares := a.store.sharesOf(cg.id)
	for _, sh := range shares {
		if sh.status(c.now) != statusAvailable {
			return conflict("Invalid ConsistencyGroup: Share " + sh.id + " in consistency group must have status of available in order to create a CG snapshot")
		}
	}
	s := &cgsnapshot{
		id: newID(), name: optionalString(in["name"]), description: optionalString(in["description"]),
		projectID: c.tok.projectID, userID: c.tok.userID, consistencyGroupID: cg.id, status: statusCreating, createdAt: c.now,
	}
	done := &transition{at: c.now.Add(a.opts.Transition), status: statusAvailable, created: true}
	if failing(s.name) {
		done.status = statusError
	}
	s.next = done
	a.store.snapshots = append(a.store.snapshots, s)
	for _, sh := range shares {
		a.store.members = append(a.store.members, &cgsnapshotMember{
			id: newID(), cgsnapshotID: s.id, shareID: sh.id, shareTypeID: sh.shareTypeID, shareProto: sh.shareProto,
			projectID: c.tok.projectID, size: sh.size, createdAt: c.now,
		})
	}
	writeJSON(c.w, http.StatusAccepted, object{{"cgsnapshot", c.snapshotView(s, true)}})
	return nil
}

func (a *API) updateSnapshot(c *call) *fault {
	in, ok := entity(c.body, "cgsnapshot")
	if !ok {
		return badRequest("'cgsnapshot' is missing from the request body")
	}
	if bad := invalidKeys(in, "name", "description"); len(bad) > 0 {
		return badRequest("The fields " + pySet(bad) + " are invalid or not allowed to be updated.")
	}
	id := c.r.PathValue("id")
	s := a.store.snapshot(c.tok, id)
	if s == nil {
		return snapshotNotFound(id)
	}
	if v, ok := in["name"]; ok {
		s.name = optionalString(v)
	}
	if v, ok := in["description"]; ok {
		s.description = optionalString(v)
	}
	writeJSON(c.w, http.StatusOK, object{{"cgsnapshot", c.snapshotView(s, false)}})
	return nil
}

func (a *API) deleteSnapshot(c *call) *fault {
	id := c.r.PathValue("id")
	s := a.store.snapshot(c.tok, id)
	if s == nil {
		return snapshotNotFound(id)
	}
	if s.status != statusAvailable && s.status != statusError {
		return conflict("Invalid CGSnapshot: Consistency group snapshot status must be one of ('available', 'error')")
	}
	s.status = statusDeleting
	end := &transition{at: c.now.Add(a.opts.Transition), status: statusGone}
	if failing(s.name) {
		end.status = statusError
	}
	s.next = end
	writeAccepted(c.w)
	return nil
}

// listMembers lists the members of a cgsnapshot; an unknown cgsnapshot has
// none (the server does not check that it exists).
func (a *API) listMembers(c *call) *fault {
	p, f := c.parsePagination()
	if f != nil {
		return f
	}
	id := c.r.PathValue("id")
	var rows []*cgsnapshotMember
	if a.store.snapshot(c.tok, id) != nil {
		rows = a.store.membersOf(id)
	}
	start, end := p.window(len(rows))
	rows = rows[start:end]
	items := make([]object, 0, len(rows))
	for _, m := range rows {
		items = append(items, object{
			{"share_type_id", m.shareTypeID}, {"share_id", m.shareID}, {"created_at", dbTime(m.createdAt)},
			{"cgsnapshot_id", m.cgsnapshotID}, {"share_protocol", m.shareProto}, {"project_id", m.projectID},
			{"id", m.id}, {"size", m.size},
		})
	}
	out := object{{"cgsnapshot_members", items}}
	if links := c.collectionLinks(p, len(rows), "cgsnapshot", id); links != nil {
		out = append(out, field{"cgsnapshot_members_links", links})
	}
	writeJSON(c.w, http.StatusOK, out)
	return nil
}
