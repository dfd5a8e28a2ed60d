package manila

import "time"

// share is the part of a share row the consistency-group rules read: the
// sandbox has no share API, but a group restored from a snapshot gets one
// share per member, and a group's shares block its deletion.
type share struct {
	id, projectID, consistencyGroupID, shareTypeID, shareProto string
	size                                                       int
	readyAt                                                    time.Time // creating until then, then available
}

func (s *share) status(now time.Time) string {
	if now.Before(s.readyAt) {
		return statusCreating
	}
	return statusAvailable
}

// sharesOf returns the shares of a consistency group.
func (db *manilaDB) sharesOf(cgID string) []*share {
	return db.shares.Filter(func(s *share) bool { return s.consistencyGroupID == cgID })
}
