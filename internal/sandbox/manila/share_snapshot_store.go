package manila

import "time"

// shareSnapshot is a row of the share snapshots table: the snapshot of one
// share (manila-groups.md §4).
type shareSnapshot struct {
	id, shareID       string
	name, description *string
	projectID, userID string
	size, shareSize   int
	shareProto        string
	lifecycle
	createdAt time.Time
}

// shareSnapshot returns the snapshot visible to t, or nil.
func (db *manilaDB) shareSnapshot(t *token, id string) *shareSnapshot {
	if s, ok := db.shareSnapshots.Get(id); ok && visible(t, s.projectID) {
		return s
	}
	return nil
}

// shareSnapshotAdmin gives the admin actions the share snapshots.
func (db *manilaDB) shareSnapshotAdmin() adminRows {
	return adminRows{kind: kindShareSnapshot, deleteFailure: statusErrorDeleting, statuses: snapshotStatuses,
		find: func(t *token, id string) *lifecycle {
			if s := db.shareSnapshot(t, id); s != nil {
				return &s.lifecycle
			}
			return nil
		}}
}
