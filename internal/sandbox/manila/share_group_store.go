package manila

import "time"

// shareGroup is a row of the share groups table (2.31 on,
// manila-groups.md §6).
type shareGroup struct {
	id                        string
	name, description         *string
	projectID, userID         string
	shareGroupTypeID          string
	sourceGroupSnapshotID     *string
	shareNetworkID            *string
	shareServerID             *string
	shareTypes                []string
	host                      *string
	availabilityZone          string
	consistentSnapshotSupport *string
	lifecycle
	createdAt time.Time
}

// shareGroupSnapshot is a snapshot of every share of a group.
type shareGroupSnapshot struct {
	id                string
	name, description *string
	projectID, userID string
	shareGroupID      string
	lifecycle
	createdAt time.Time
}

// shareGroupSnapshotMember is one share captured by a group snapshot.
type shareGroupSnapshotMember struct {
	id, groupSnapshotID, shareID, shareTypeID, shareProto, projectID string
	size                                                             int
	createdAt                                                        time.Time
}

// shareGroup returns the group visible to t, or nil.
func (db *manilaDB) shareGroup(t *token, id string) *shareGroup {
	if g, ok := db.shareGroups.Get(id); ok && visible(t, g.projectID) {
		return g
	}
	return nil
}

// groupSnapshot returns the group snapshot visible to t, or nil.
func (db *manilaDB) groupSnapshot(t *token, id string) *shareGroupSnapshot {
	if s, ok := db.groupSnapshots.Get(id); ok && visible(t, s.projectID) {
		return s
	}
	return nil
}

// groupMembersOf returns the members of a group snapshot.
func (db *manilaDB) groupMembersOf(id string) []*shareGroupSnapshotMember {
	return db.groupMembers.Filter(func(m *shareGroupSnapshotMember) bool { return m.groupSnapshotID == id })
}

// removeGroupSnapshot destroys a group snapshot and its members.
func (db *manilaDB) removeGroupSnapshot(id string) {
	db.groupSnapshots.Remove(id)
	db.groupMembers.RemoveFunc(func(m *shareGroupSnapshotMember) bool { return m.groupSnapshotID == id })
}

// shareGroupAdmin gives the admin actions the share groups: a force-delete
// destroys the group's snapshots and shares with it (manila-groups.md §6).
func (db *manilaDB) shareGroupAdmin() adminRows {
	return adminRows{kind: kindShareGroup, statuses: resetStatusesModern, find: func(t *token, id string) *lifecycle {
		if g := db.shareGroup(t, id); g != nil {
			return &g.lifecycle
		}
		return nil
	}}
}

// groupSnapshotAdmin gives the admin actions the group snapshots.
func (db *manilaDB) groupSnapshotAdmin() adminRows {
	return adminRows{kind: kindGroupSnapshot, statuses: resetStatusesModern, find: func(t *token, id string) *lifecycle {
		if s := db.groupSnapshot(t, id); s != nil {
			return &s.lifecycle
		}
		return nil
	}}
}

// removeShareGroup destroys a group, and with it (after a force-delete)
// its snapshots and shares.
func (db *manilaDB) removeShareGroup(id string) {
	db.shareGroups.Remove(id)
	for _, s := range db.groupSnapshots.Filter(func(s *shareGroupSnapshot) bool { return s.shareGroupID == id }) {
		db.removeGroupSnapshot(s.id)
	}
	for _, s := range db.sharesInGroup(id) {
		db.removeShare(s.id)
	}
}
