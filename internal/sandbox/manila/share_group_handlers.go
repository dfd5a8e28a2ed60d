package manila

import (
	"net/http"
	"strings"
)

// Lists of share groups, group snapshots and their members
// (manila-groups.md §6, §7).
var (
	shareGroupsListing   = listing{key: "share_groups", linksKey: "share_groups_links", collection: "share-groups"}
	groupSnapshotListing = listing{key: "share_group_snapshots", linksKey: "share_group_snapshot_links", collection: "share-group-snapshots"}
	groupMembersListing  = listing{key: "share_group_snapshot_members"}
)

// shareGroupOfPath returns the group the path names, or its 404.
func (a *API) shareGroupOfPath(c *call) (*shareGroup, *fault) {
	id := c.r.PathValue("id")
	if g := a.db.shareGroup(c.tok, id); g != nil {
		return g, nil
	}
	return nil, notFound("Share group " + id + " not found.")
}

// listShareGroups lists the groups with the filters the server supports;
// all_tenants counts for admins only.
func (a *API) listShareGroups(detail bool) handler {
	return func(c *call) *fault {
		q := c.query()
		rows := a.db.shareGroups.Filter(func(g *shareGroup) bool {
			if !c.listed(g.projectID) {
				return false
			}
			exact := map[string]*string{
				"name": g.name, "description": g.description, "status": &g.status, "share_network_id": g.shareNetworkID,
				"share_group_type_id": &g.shareGroupTypeID, "group_type_id": &g.shareGroupTypeID, "host": g.host,
				"share_server_id": g.shareServerID, "share_group_snapshot_id": g.sourceGroupSnapshotID,
			}
			for key, col := range exact {
				if v := q.Get(key); v != "" && (col == nil || *col != v) {
					return false
				}
			}
			if v := q.Get("share_types"); v != "" {
				for _, id := range strings.Split(v, ",") {
					if !contains(g.shareTypes, id) {
						return false
					}
				}
			}
			for key, col := range map[string]*string{"name~": g.name, "description~": g.description} {
				if v := q.Get(key); v != "" && (col == nil || !strings.Contains(strings.ToLower(*col), strings.ToLower(v))) {
					return false
				}
			}
			return true
		})
		view := c.shareGroupSummary
		if detail {
			view = func(g *shareGroup) object {
				a.observe(g.id, &g.lifecycle)
				return c.shareGroupView(g, false)
			}
		}
		return writeList(c, rows, shareGroupsListing, view, lastID(func(g *shareGroup) string { return g.id }))
	}
}

func (a *API) showShareGroup(c *call) *fault {
	g, f := a.shareGroupOfPath(c)
	if f != nil {
		return f
	}
	a.observe(g.id, &g.lifecycle)
	writeJSON(c.w, http.StatusOK, object{{"share_group", c.shareGroupView(g, false)}})
	return nil
}

// createShareGroup is ShareGroupController.create and share_group.api
// .create: the group is creating, then available on a host of its zone
// (or in error, for a name with FailurePrefix); from a group snapshot it
// gets one share per member, on the source group's host, created with it
// (manila-groups.md §6).
func (a *API) createShareGroup(c *call) *fault {
	req, f := a.parseShareGroupCreate(c)
	if f != nil {
		return f
	}
	p, f := a.placeShareGroup(c, req)
	if f != nil {
		return f
	}
	g := &shareGroup{
		id: newID(), name: req.name, description: req.description, projectID: c.tok.projectID, userID: c.tok.userID,
		shareGroupTypeID: p.groupType.id, sourceGroupSnapshotID: req.sourceID, shareNetworkID: p.networkID, shareTypes: p.shareTypes,
		createdAt: c.now,
	}
	op := kindShareGroup + opCreate
	fails := a.fails(op, g.name)
	at := c.now.Add(a.opts.Transition)
	done := g.begin(op, at, statusCreating, statusAvailable, statusError, fails)
	zone := p.zone
	if zone == "" {
		zone = a.db.defaultZone()
	}
	host := hostIn(zone, p.dhss)
	var server *string
	if p.original != nil {
		// Scheduled at once, on the source's host (no scheduler).
		g.host, g.availabilityZone = p.original.host, p.original.availabilityZone
		host, server = derefString(p.original.host), p.original.shareServerID
	} else if p.dhss && p.networkID != nil {
		server = strPtr(shareServerID(*p.networkID, host))
	}
	consistent := strPtr("pool")
	if v, ok := specValue(p.groupType.groupSpecs, "consistent_snapshot_support"); ok {
		consistent = &v
	}
	a.setEffect(done, effect{kind: effectGroupPlaced, group: g, host: host, zone: zone, server: server, consistent: consistent})
	a.db.shareGroups.Add(g)
	for _, m := range p.members {
		st, _ := a.db.shareType(m.shareTypeID)
		s := a.newShare(c, sharePlacement{shareType: st, networkID: p.networkID, zone: zone, host: host, server: server}, m.shareProto, m.size)
		s.shareGroupID, s.sourceShareGroupSnapshotMemberID = &g.id, &m.id
		sdone := a.startShareCreation(c, s, fails)
		sdone.op = op // The group's creation makes them: a stall of it holds them too.
	}
	writeJSON(c.w, http.StatusAccepted, object{{"share_group", c.shareGroupView(g, true)}})
	return nil
}

func (a *API) updateShareGroup(c *call) *fault {
	in, f := parseGroupUpdate(c.body, "share_group")
	if f != nil {
		return f
	}
	g, f := a.shareGroupOfPath(c)
	if f != nil {
		return f
	}
	rename(in, &g.name, &g.description)
	writeJSON(c.w, http.StatusOK, object{{"share_group", c.shareGroupView(g, false)}})
	return nil
}

// deleteShareGroup is ShareGroupController.delete (manila-groups.md §6).
func (a *API) deleteShareGroup(c *call) *fault {
	g, f := a.shareGroupOfPath(c)
	if f != nil {
		return f
	}
	if g.host == nil {
		// Never scheduled: the row is destroyed at once.
		a.db.removeShareGroup(g.id)
		writeAccepted(c.w)
		return nil
	}
	switch {
	case g.status != statusAvailable && g.status != statusError:
		return conflict("Invalid share group: Share group status must be one of ('available', 'error')")
	case a.db.groupSnapshots.Any(func(s *shareGroupSnapshot) bool { return s.shareGroupID == g.id }):
		return conflict("Invalid share group: Cannot delete a share group with snapshots")
	case len(a.db.sharesInGroup(g.id)) > 0:
		return conflict("Invalid share group: Cannot delete a share group with shares")
	}
	op := kindShareGroup + opDelete
	g.begin(op, c.now.Add(a.opts.Transition), statusDeleting, statusGone, statusError, a.fails(op, g.name))
	writeAccepted(c.w)
	return nil
}

// groupSnapshotOfPath returns the group snapshot the path names, or its 404.
func (a *API) groupSnapshotOfPath(c *call) (*shareGroupSnapshot, *fault) {
	id := c.r.PathValue("id")
	if s := a.db.groupSnapshot(c.tok, id); s != nil {
		return s, nil
	}
	return nil, notFound("Share group snapshot " + id + " not found.")
}

func (a *API) listGroupSnapshots(detail bool) handler {
	return func(c *call) *fault {
		q := c.query()
		rows := a.db.groupSnapshots.Filter(func(s *shareGroupSnapshot) bool {
			if !c.listed(s.projectID) {
				return false
			}
			for key, col := range map[string]*string{"name": s.name, "description": s.description, "status": &s.status, "share_group_id": &s.shareGroupID} {
				if v := q.Get(key); v != "" && (col == nil || *col != v) {
					return false
				}
			}
			return true
		})
		view := c.groupSnapshotSummary
		if detail {
			view = func(s *shareGroupSnapshot) object {
				a.observe(s.id, &s.lifecycle)
				return c.groupSnapshotView(s, a.db.groupMembersOf(s.id), false)
			}
		}
		return writeList(c, rows, groupSnapshotListing, view, lastID(func(s *shareGroupSnapshot) string { return s.id }))
	}
}

func (a *API) showGroupSnapshot(c *call) *fault {
	s, f := a.groupSnapshotOfPath(c)
	if f != nil {
		return f
	}
	a.observe(s.id, &s.lifecycle)
	writeJSON(c.w, http.StatusOK, object{{"share_group_snapshot", c.groupSnapshotView(s, a.db.groupMembersOf(s.id), false)}})
	return nil
}

// createGroupSnapshot snapshots every share of an available group: one
// member per share; creating, then available (or in error, for a name
// with FailurePrefix).
func (a *API) createGroupSnapshot(c *call) *fault {
	in, groupID, f := parseGroupSnapshotCreate(c.body)
	if f != nil {
		return f
	}
	g, shares, f := a.db.groupToSnapshot(c.tok, groupID)
	if f != nil {
		return f
	}
	s := &shareGroupSnapshot{
		id: newID(), name: optionalString(in["name"]), description: optionalString(in["description"]),
		projectID: c.tok.projectID, userID: c.tok.userID, shareGroupID: g.id, createdAt: c.now,
	}
	op := kindGroupSnapshot + opCreate
	s.begin(op, c.now.Add(a.opts.Transition), statusCreating, statusAvailable, statusError, a.fails(op, s.name))
	a.db.groupSnapshots.Add(s)
	for _, sh := range shares {
		a.db.groupMembers.Add(&shareGroupSnapshotMember{
			id: newID(), groupSnapshotID: s.id, shareID: sh.id, shareTypeID: sh.shareTypeID, shareProto: sh.shareProto,
			projectID: c.tok.projectID, size: sh.size, createdAt: c.now,
		})
	}
	writeJSON(c.w, http.StatusAccepted, object{{"share_group_snapshot", c.groupSnapshotView(s, a.db.groupMembersOf(s.id), true)}})
	return nil
}

func (a *API) updateGroupSnapshot(c *call) *fault {
	in, f := parseGroupUpdate(c.body, "share_group_snapshot")
	if f != nil {
		return f
	}
	s, f := a.groupSnapshotOfPath(c)
	if f != nil {
		return f
	}
	rename(in, &s.name, &s.description)
	writeJSON(c.w, http.StatusOK, object{{"share_group_snapshot", c.groupSnapshotView(s, a.db.groupMembersOf(s.id), false)}})
	return nil
}

func (a *API) deleteGroupSnapshot(c *call) *fault {
	s, f := a.groupSnapshotOfPath(c)
	if f != nil {
		return f
	}
	if s.status != statusAvailable && s.status != statusError {
		return conflict("Invalid share group snapshot: Share group snapshot status must be one of ('available', 'error')")
	}
	op := kindGroupSnapshot + opDelete
	s.begin(op, c.now.Add(a.opts.Transition), statusDeleting, statusGone, statusError, a.fails(op, s.name))
	writeAccepted(c.w)
	return nil
}

// listGroupMembers lists the members of a group snapshot.
func (a *API) listGroupMembers(c *call) *fault {
	s, f := a.groupSnapshotOfPath(c)
	if f != nil {
		return f
	}
	return writeList(c, a.db.groupMembersOf(s.id), groupMembersListing, groupMemberView, nil)
}
