package manila

// snapshotView is the detail view of a cgsnapshot
// (manila/api/views/cgsnapshots.py, collection name "cgsnapshot",
// manila.md §2.2).
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

// snapshotSummary is the summary view of a cgsnapshot in a list.
func (c *call) snapshotSummary(s *cgsnapshot) object {
	return object{{"id", s.id}, {"links", c.links("cgsnapshot", s.id)}, {"name", s.name}}
}

// snapshotDetail is the detail view of a cgsnapshot in a list.
func (c *call) snapshotDetail(s *cgsnapshot) object { return c.snapshotView(s, false) }

// memberView is one member of a cgsnapshot.
func memberView(m *cgsnapshotMember) object {
	return object{
		{"share_type_id", m.shareTypeID}, {"share_id", m.shareID}, {"created_at", dbTime(m.createdAt)},
		{"cgsnapshot_id", m.cgsnapshotID}, {"share_protocol", m.shareProto}, {"project_id", m.projectID},
		{"id", m.id}, {"size", m.size},
	}
}
