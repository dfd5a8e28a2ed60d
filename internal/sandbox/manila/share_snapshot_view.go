package manila

// shareSnapshotView is the detail view of a share snapshot
// (manila/api/views/share_snapshots.py, manila-groups.md §4):
// provider_location from 2.12 for admins, the owner from 2.17, the
// metadata from 2.73.
func (c *call) shareSnapshotView(s *shareSnapshot, fresh bool) object {
	created := dbTime(s.createdAt)
	if fresh {
		created = pyTime(s.createdAt)
	}
	o := object{
		{"id", s.id}, {"share_id", s.shareID}, {"share_size", s.shareSize}, {"created_at", created}, {"status", s.status},
		{"name", s.name}, {"description", s.description}, {"size", s.size}, {"share_proto", s.shareProto},
		{"links", c.links("snapshots", s.id)},
	}
	if c.version.atLeast(v212) && c.tok.isAdmin() {
		o = append(o, field{"provider_location", "/snapshots/" + s.id})
	}
	if c.version.atLeast(v217) {
		o = append(o, field{"user_id", s.userID}, field{"project_id", s.projectID})
	}
	if c.version.atLeast(v273) {
		o = append(o, field{"metadata", object{}})
	}
	return o
}

// shareSnapshotSummary is a snapshot in a list without detail.
func (c *call) shareSnapshotSummary(s *shareSnapshot) object {
	return object{{"id", s.id}, {"links", c.links("snapshots", s.id)}, {"name", s.name}}
}
