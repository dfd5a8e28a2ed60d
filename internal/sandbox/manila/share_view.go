package manila

// shareStatusView is the status a client sees: creating_from_snapshot is
// shown as creating before 2.54 (manila-groups.md §1).
func (c *call) shareStatusView(status string) string {
	if status == statusCreatingFromSnapshot && c.version.less(v254) {
		return statusCreating
	}
	return status
}

// progress is the share's progress (2.54): 0% while it is created, 100%
// once it exists.
func progress(status string) string {
	if status == statusCreating || status == statusCreatingFromSnapshot {
		return "0%"
	}
	return "100%"
}

// shareView is the detail view of a share at the request's microversion
// (manila/api/views/shares.py, manila-groups.md §3.3): each field from the
// version that added it; host and share_server_id only for admins on a
// server of Ocata or later (on Newton the host is always shown); created_at
// keeps its microseconds only in the answer to the creation.
func (a *API) shareView(c *call, s *share, fresh bool) object {
	created := dbTime(s.createdAt)
	if fresh {
		created = pyTime(s.createdAt)
	}
	st, _ := a.db.shareType(s.shareTypeID)
	typeName := ""
	if st != nil {
		typeName = st.name
	}
	shareType := any(typeName)
	if c.version.atLeast(v26) {
		shareType = s.shareTypeID
	}
	metadata := make(object, 0, len(s.metadata))
	for _, m := range s.metadata {
		metadata = append(metadata, field{m.key, m.value})
	}
	o := object{
		{"id", s.id}, {"size", s.size}, {"availability_zone", s.availabilityZone}, {"created_at", created},
		{"status", c.shareStatusView(s.status)}, {"name", s.name}, {"description", s.description}, {"project_id", s.projectID},
		{"snapshot_id", s.snapshotID}, {"share_network_id", s.shareNetworkID}, {"share_proto", s.shareProto},
		{"metadata", metadata}, {"share_type", shareType}, {"volume_type", typeName}, {"links", c.links("shares", s.id)},
		{"is_public", s.isPublic},
	}
	if c.version.less(v29) {
		paths := []string{}
		for _, el := range a.db.exportLocations(s, c) {
			paths = append(paths, el.path)
		}
		var first *string
		if len(paths) > 0 {
			first = &paths[0]
		}
		o = append(o, field{"export_location", first}, field{"export_locations", paths})
	}
	if !a.modern || c.tok.isAdmin() {
		o = append(o, field{"host", s.host})
	}
	if c.tok.isAdmin() {
		o = append(o, field{"share_server_id", s.shareServerID})
	}
	if c.version.atLeast(v22) {
		o = append(o, field{"snapshot_support", s.snapshotSupport})
	}
	if c.version.atLeast(v24) && !a.modern {
		o = append(o, field{"consistency_group_id", s.consistencyGroupID}, field{"source_cgsnapshot_member_id", s.sourceCGSnapshotMemberID})
	}
	if c.version.atLeast(v25) {
		o = append(o, field{"task_state", nil})
	}
	if c.version.atLeast(v26) {
		o = append(o, field{"share_type_name", typeName})
	}
	if c.version.atLeast(v210) {
		rules := a.db.accessRulesStatus(s.id)
		if rules == "syncing" && c.version.less(v228) {
			rules = "out_of_sync"
		}
		o = append(o, field{"access_rules_status", rules})
	}
	if c.version.atLeast(v211) {
		o = append(o, field{"replication_type", s.replicationType}, field{"has_replicas", len(a.db.replicasOf(s.id)) > 1})
	}
	if c.version.atLeast(v216) {
		o = append(o, field{"user_id", s.userID})
	}
	if c.version.atLeast(v224) {
		o = append(o, field{"create_share_from_snapshot_support", s.createFromSnapshot})
	}
	if c.version.atLeast(v227) {
		o = append(o, field{"revert_to_snapshot_support", s.revertSupport})
	}
	if c.version.atLeast(v231) {
		o = append(o, field{"share_group_id", s.shareGroupID}, field{"source_share_group_snapshot_member_id", s.sourceShareGroupSnapshotMemberID})
	}
	if c.version.atLeast(v232) {
		o = append(o, field{"mount_snapshot_support", s.mountSnapshotSupport})
	}
	if c.version.atLeast(v254) {
		o = append(o, field{"progress", progress(s.status)})
	}
	if c.version.atLeast(v269) {
		o = append(o, field{"is_soft_deleted", false}, field{"scheduled_to_be_deleted_at", nil})
	}
	if c.version.atLeast(v280) {
		o = append(o, field{"source_backup_id", nil})
	}
	if c.version.atLeast(v290) {
		o = append(o, field{"encryption_key_ref", nil})
	}
	if c.version.atLeast(v299) {
		o = append(o, field{"snapshot_inherit_share_access_support", false})
	}
	return o
}

// shareSummary is a share in a list without detail.
func (c *call) shareSummary(s *share) object {
	return object{{"id", s.id}, {"links", c.links("shares", s.id)}, {"name", s.name}}
}

// exportLocationView is one export location (manila/api/views/
// export_locations.py): preferred from 2.14; the instance and the
// admin-only flag for admins; the times on show.
func (c *call) exportLocationView(el exportLocation, detail bool) object {
	o := object{{"id", el.id}, {"path", el.path}}
	if c.version.atLeast(v214) {
		o = append(o, field{"preferred", el.preferred})
	}
	if c.tok.isAdmin() {
		o = append(o, field{"share_instance_id", el.instanceID}, field{"is_admin_only", el.adminOnly})
	}
	if detail {
		o = append(o, field{"created_at", dbTime(el.createdAt)}, field{"updated_at", dbTime(el.createdAt)})
	}
	return o
}
