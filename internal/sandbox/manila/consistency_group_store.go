package manila

import "time"

// Hosts the emulated scheduler places consistency groups on.
const (
	hostDHSS   = "manila-sandbox@generic#GENERIC"
	hostNoDHSS = "manila-sandbox@lvm#lvm-single-pool"
)

// consistencyGroup is a row of the consistency_groups table.
type consistencyGroup struct {
	id                string
	name, description *string
	projectID, userID string
	lifecycle
	host               *string
	shareNetworkID     *string
	shareServerID      *string
	sourceCGSnapshotID *string
	shareTypes         []string
	createdAt          time.Time
}

// settle applies the group's transition if it is due at now; it reports
// whether the transition destroys the row.
func (cg *consistencyGroup) settle(now time.Time, stalled func(op string) bool) bool {
	t := cg.due(now, stalled)
	switch {
	case t == nil:
		return false
	case t.status == statusGone:
		return true
	}
	cg.status = t.status
	if t.created {
		cg.host, cg.shareServerID, cg.createdAt = t.host, t.shareServerID, t.at
	}
	return false
}

// cg returns the group visible to t, or nil.
func (db *manilaDB) cg(t *token, id string) *consistencyGroup {
	if cg, ok := db.cgs.Get(id); ok && visible(t, cg.projectID) {
		return cg
	}
	return nil
}

func (db *manilaDB) removeCG(id string) { db.cgs.Remove(id) }

// hasSnapshots reports whether a group has cgsnapshots, which block its
// deletion.
func (db *manilaDB) hasSnapshots(cgID string) bool {
	return db.snapshots.Any(func(s *cgsnapshot) bool { return s.consistencyGroupID == cgID })
}

// cgAdmin gives the admin actions the consistency groups.
func (db *manilaDB) cgAdmin() adminRows {
	return adminRows{kind: kindCG, find: func(t *token, id string) *lifecycle {
		if cg := db.cg(t, id); cg != nil {
			return &cg.lifecycle
		}
		return nil
	}}
}

// shareServerID returns the share server the emulated driver sets up for a
// share network on a host.
func shareServerID(networkID, host string) string {
	return fixtureUUID("share_server/" + networkID + "/" + host)
}
