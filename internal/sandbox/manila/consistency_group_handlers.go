package manila

import "net/http"

// consistencyGroups is how the group lists answer (manila.md §1.5, §3.2).
var consistencyGroups = listing{key: "consistency_groups", linksKey: "consistency_groups_links", collection: "consistency_groups"}

func (a *API) listCGs(detail bool) handler {
	return func(c *call) *fault {
		view := c.cgSummary
		if detail {
			view = func(cg *consistencyGroup) object {
				a.observe(cg.id, &cg.lifecycle)
				return c.cgDetail(cg)
			}
		}
		rows := a.db.cgs.Filter(func(cg *consistencyGroup) bool { return c.listed(cg.projectID) })
		return writeList(c, rows, consistencyGroups, view, lastID(func(cg *consistencyGroup) string { return cg.id }))
	}
}

// cgOfPath returns the group the path names, or its 404.
func (a *API) cgOfPath(c *call) (*consistencyGroup, *fault) {
	id := c.r.PathValue("id")
	if cg := a.db.cg(c.tok, id); cg != nil {
		return cg, nil
	}
	return nil, notFound("Consistency group " + id + " not found.")
}

func (a *API) showCG(c *call) *fault {
	cg, f := a.cgOfPath(c)
	if f != nil {
		return f
	}
	a.observe(cg.id, &cg.lifecycle)
	writeJSON(c.w, http.StatusOK, object{{"consistency_group", c.cgView(cg, false)}})
	return nil
}

// createCG is CGController.create followed by consistency_group.api.create:
// the group is creating, then available on the host the scheduler picks (or
// in error, for a name with FailurePrefix), with one share per member of
// its source snapshot.
func (a *API) createCG(c *call) *fault {
	req, f := parseCGCreate(c.body)
	if f != nil {
		return f
	}
	p, f := a.db.place(c.tok, req)
	if f != nil {
		return f
	}
	cg := &consistencyGroup{
		id: newID(), name: req.name, description: req.description, projectID: c.tok.projectID, userID: c.tok.userID, createdAt: c.now,
		sourceCGSnapshotID: req.sourceID, shareNetworkID: p.networkID, shareTypes: p.shareTypes,
	}
	var host, server *string
	switch {
	case p.original != nil:
		cg.host = p.original.host // Scheduled at once, on the source's host.
		host, server = p.original.host, p.original.shareServerID
	case p.dhss != nil && *p.dhss:
		host, server = strPtr(hostDHSS), strPtr(shareServerID(*req.networkID, hostDHSS))
	default:
		host = strPtr(hostNoDHSS)
	}
	done := cg.creating(kindCG+opCreate, c.now.Add(a.opts.Transition), a.fails(kindCG+opCreate, cg.name))
	done.host = host
	if done.status != statusError {
		done.shareServerID = server
	}
	a.db.cgs.Add(cg)
	for _, m := range p.members {
		st, _ := a.db.shareType(m.shareTypeID)
		s := a.newShare(c, sharePlacement{shareType: st, networkID: p.networkID, zone: a.db.defaultZone(), host: derefString(host), server: server},
			m.shareProto, m.size)
		s.consistencyGroupID, s.sourceCGSnapshotMemberID = &cg.id, &m.id
		sdone := a.startShareCreation(c, s, done.status == statusError)
		sdone.op = done.op // The group's creation makes them: a stall of it holds them too.
	}
	writeJSON(c.w, http.StatusAccepted, object{{"consistency_group", c.cgView(cg, true)}})
	return nil
}

func (a *API) updateCG(c *call) *fault {
	in, f := parseCGUpdate(c.body)
	if f != nil {
		return f
	}
	cg, f := a.cgOfPath(c)
	if f != nil {
		return f
	}
	rename(in, &cg.name, &cg.description)
	writeJSON(c.w, http.StatusOK, object{{"consistency_group", c.cgView(cg, false)}})
	return nil
}

// deleteCG is CGController.delete and consistency_group.api.delete
// (manila.md §1.5).
func (a *API) deleteCG(c *call) *fault {
	cg, f := a.cgOfPath(c)
	if f != nil {
		return f
	}
	if cg.host == nil {
		// Never scheduled: the row is destroyed at once.
		a.db.removeCG(cg.id)
		writeAccepted(c.w)
		return nil
	}
	if cg.status != statusAvailable && cg.status != statusError {
		return conflict("Invalid ConsistencyGroup: Consistency group status must be one of ('available', 'error')")
	}
	if a.db.hasSnapshots(cg.id) {
		return conflict("Invalid ConsistencyGroup: Cannot delete a consistency group with cgsnapshots")
	}
	if len(a.db.sharesOf(cg.id)) > 0 {
		return conflict("Invalid ConsistencyGroup: Cannot delete a consistency group with shares")
	}
	cg.deleting(kindCG+opDelete, c.now.Add(a.opts.Transition), a.fails(kindCG+opDelete, cg.name))
	writeAccepted(c.w)
	return nil
}
