package manila

import "time"

// cgsnapshot is a row of the cgsnapshots table.
type cgsnapshot struct {
	id                 string
	name, description  *string
	projectID, userID  string
	consistencyGroupID string
	lifecycle
	createdAt time.Time
}

// cgsnapshotMember is one share captured by a cgsnapshot.
type cgsnapshotMember struct {
	id, cgsnapshotID, shareID, shareTypeID, shareProto, projectID string
	size                                                          int
	createdAt                                                     time.Time
}

// settle applies the snapshot's transition if it is due at now; it reports
// whether the transition destroys the row.
func (s *cgsnapshot) settle(now time.Time, stalled func(op string) bool) bool {
	t := s.due(now, stalled)
	switch {
	case t == nil:
		return false
	case t.status == statusGone:
		return true
	}
	s.status = t.status
	if t.created {
		s.createdAt = t.at
	}
	return false
}

// snapshot returns the cgsnapshot visible to t, or nil.
func (db *manilaDB) snapshot(t *token, id string) *cgsnapshot {
	if s, ok := db.snapshots.Get(id); ok && visible(t, s.projectID) {
		return s
	}
	return nil
}

// removeSnapshot destroys a cgsnapshot and its members.
func (db *manilaDB) removeSnapshot(id string) {
	db.snapshots.Remove(id)
	db.members.RemoveFunc(membersOf(id))
}

// membersOf selects the members of a cgsnapshot.
func membersOf(snapshotID string) func(*cgsnapshotMember) bool {
	return func(m *cgsnapshotMember) bool { return m.cgsnapshotID == snapshotID }
}

// snapshotAdmin gives the admin actions the cgsnapshots.
func (db *manilaDB) snapshotAdmin() adminRows {
	return adminRows{kind: kindSnapshot, find: func(t *token, id string) *lifecycle {
		if s := db.snapshot(t, id); s != nil {
			return &s.lifecycle
		}
		return nil
	}}
}
