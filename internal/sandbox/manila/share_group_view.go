package manila

// shareGroupView is the detail view of a share group (manila/api/views/
// share_groups.py, manila-groups.md §6): the zone and the consistent
// snapshot support from 2.34, the share server for admins; created_at
// keeps its microseconds only in the answer to the creation.
func (c *call) shareGroupView(g *shareGroup, fresh bool) object {
	created := dbTime(g.createdAt)
	if fresh {
		created = pyTime(g.createdAt)
	}
	types := g.shareTypes
	if types == nil {
		types = []string{}
	}
	var zone *string
	if g.availabilityZone != "" {
		zone = &g.availabilityZone
	}
	o := object{
		{"id", g.id}, {"name", g.name}, {"created_at", created}, {"status", g.status}, {"description", g.description},
		{"project_id", g.projectID}, {"host", g.host}, {"share_group_type_id", g.shareGroupTypeID},
		{"source_share_group_snapshot_id", g.sourceGroupSnapshotID}, {"share_network_id", g.shareNetworkID},
		{"share_types", types}, {"links", c.links("share-groups", g.id)},
	}
	if c.version.atLeast(v234) {
		o = append(o, field{"availability_zone", zone}, field{"consistent_snapshot_support", g.consistentSnapshotSupport})
	}
	if c.tok.isAdmin() {
		o = append(o, field{"share_server_id", g.shareServerID})
	}
	return o
}

// shareGroupSummary is a group in a list without detail.
func (c *call) shareGroupSummary(g *shareGroup) object {
	return object{{"id", g.id}, {"links", c.links("share-groups", g.id)}, {"name", g.name}}
}

// groupSnapshotView is the detail view of a group snapshot (manila/api/
// views/share_group_snapshots.py, manila-groups.md §7).
func (c *call) groupSnapshotView(s *shareGroupSnapshot, members []*shareGroupSnapshotMember, fresh bool) object {
	created := dbTime(s.createdAt)
	if fresh {
		created = pyTime(s.createdAt)
	}
	items := make([]object, 0, len(members))
	for _, m := range members {
		items = append(items, object{{"id", m.id}, {"size", m.size}, {"share_id", m.shareID}})
	}
	return object{
		{"id", s.id}, {"name", s.name}, {"created_at", created}, {"status", s.status}, {"description", s.description},
		{"project_id", s.projectID}, {"share_group_id", s.shareGroupID}, {"members", items},
		{"links", c.links("share-group-snapshots", s.id)},
	}
}

// groupSnapshotSummary is a group snapshot in a list without detail.
func (c *call) groupSnapshotSummary(s *shareGroupSnapshot) object {
	return object{{"id", s.id}, {"links", c.links("share-group-snapshots", s.id)}, {"name", s.name}}
}

// groupMemberView is one member on GET …/share-group-snapshots/{id}/members.
func groupMemberView(m *shareGroupSnapshotMember) object {
	return object{
		{"id", m.id}, {"created_at", dbTime(m.createdAt)}, {"size", m.size}, {"share_protocol", m.shareProto},
		{"project_id", m.projectID}, {"share_group_snapshot_id", m.groupSnapshotID}, {"share_id", m.shareID},
	}
}
