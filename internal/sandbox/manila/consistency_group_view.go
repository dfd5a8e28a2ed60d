package manila

// cgView is the detail view of a consistency group
// (manila/api/views/consistency_groups.py, manila.md §1.5): share_server_id only for admins;
// created_at keeps its microseconds only in the answer to the creation.
func (c *call) cgView(cg *consistencyGroup, fresh bool) object {
	created := dbTime(cg.createdAt)
	if fresh {
		created = pyTime(cg.createdAt)
	}
	types := cg.shareTypes
	if types == nil {
		types = []string{}
	}
	o := object{
		{"status", cg.status}, {"description", cg.description}, {"links", c.links("consistency_groups", cg.id)},
		{"source_cgsnapshot_id", cg.sourceCGSnapshotID}, {"created_at", created}, {"share_network_id", cg.shareNetworkID},
	}
	if c.tok.isAdmin() {
		o = append(o, field{"share_server_id", cg.shareServerID})
	}
	return append(o, field{"host", cg.host}, field{"project_id", cg.projectID}, field{"share_types", types},
		field{"id", cg.id}, field{"name", cg.name})
}

// cgSummary is the summary view of a consistency group in a list.
func (c *call) cgSummary(cg *consistencyGroup) object {
	return object{{"id", cg.id}, {"links", c.links("consistency_groups", cg.id)}, {"name", cg.name}}
}

// cgDetail is the detail view of a consistency group in a list.
func (c *call) cgDetail(cg *consistencyGroup) object { return c.cgView(cg, false) }
