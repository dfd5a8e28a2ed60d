package manila

import (
	"time"
)

// Hosts of the emulated share services: one back end with share servers
// (driver_handles_share_servers true) and one without, in each zone.
var zoneHosts = map[string][2]string{
	AvailabilityZone:   {hostDHSS, hostNoDHSS},
	AvailabilityZoneDR: {"manila-sandbox-dr@generic#GENERIC", "manila-sandbox-dr@lvm#lvm-single-pool"},
}

// hostIn returns the host the scheduler picks in a zone.
func hostIn(zone string, dhss bool) string {
	h, ok := zoneHosts[zone]
	if !ok {
		// A zone of the user's fixtures has share services of its own.
		h = [2]string{"manila-" + zone + "@generic#GENERIC", "manila-" + zone + "@lvm#lvm-single-pool"}
	}
	if dhss {
		return h[0]
	}
	return h[1]
}

// share is a row of the shares table, with the columns of its first
// instance (its host, zone, share server and export locations); the
// replicas of a replicated share are rows of their own (shareReplica).
type share struct {
	id                string
	name, description *string
	projectID, userID string
	size              int
	shareProto        string
	shareTypeID       string
	shareNetworkID    *string
	shareServerID     *string
	availabilityZone  string
	host              *string
	snapshotID        *string
	isPublic          bool
	metadata          []spec
	// consistencyGroupID and sourceCGSnapshotMemberID exist on Newton
	// servers; shareGroupID and sourceShareGroupSnapshotMemberID on
	// later ones (manila-groups.md §3.4).
	consistencyGroupID, sourceCGSnapshotMemberID       *string
	shareGroupID, sourceShareGroupSnapshotMemberID     *string
	snapshotSupport, createFromSnapshot, revertSupport bool
	mountSnapshotSupport                               bool
	replicationType                                    *string
	lifecycle
	// instanceID is the share's first instance, whose export locations
	// the share shows while no replica is active elsewhere.
	instanceID string
	// exported is set when the creation ended: the instance has its
	// export locations from then on.
	exported  bool
	createdAt time.Time
}

// shareIn returns the share visible to t, or nil.
func (db *manilaDB) share(t *token, id string) *share {
	if s, ok := db.shares.Get(id); ok && visible(t, s.projectID) {
		return s
	}
	return nil
}

// sharesOf returns the shares of a consistency group.
func (db *manilaDB) sharesOf(cgID string) []*share {
	return db.shares.Filter(func(s *share) bool { return s.consistencyGroupID != nil && *s.consistencyGroupID == cgID })
}

// sharesInGroup returns the shares of a share group.
func (db *manilaDB) sharesInGroup(groupID string) []*share {
	return db.shares.Filter(func(s *share) bool { return s.shareGroupID != nil && *s.shareGroupID == groupID })
}

// snapshotsOfShare returns the snapshots of a share, oldest first.
func (db *manilaDB) snapshotsOfShare(id string) []*shareSnapshot {
	return db.shareSnapshots.Filter(func(s *shareSnapshot) bool { return s.shareID == id })
}

// replicasOf returns the replicas of a share (none for a share whose type
// has no replication_type).
func (db *manilaDB) replicasOf(id string) []*shareReplica {
	return db.replicas.Filter(func(r *shareReplica) bool { return r.shareID == id })
}

// activeReplica returns the active replica of a replicated share, or nil.
func (db *manilaDB) activeReplica(id string) *shareReplica {
	r, _ := db.replicas.Find(func(r *shareReplica) bool { return r.shareID == id && r.replicaState == replicaActive })
	return r
}

// removeShare destroys a share with its replicas, access rules and the
// user messages about it.
func (db *manilaDB) removeShare(id string) {
	db.shares.Remove(id)
	db.replicas.RemoveFunc(func(r *shareReplica) bool { return r.shareID == id })
	db.accessRules.RemoveFunc(func(r *accessRule) bool { return r.shareID == id })
}

// accessRulesStatus is the share's access_rules_status: active, or syncing
// while a rule is being applied or denied (manila-groups.md §3.3).
func (db *manilaDB) accessRulesStatus(id string) string {
	if db.accessRules.Any(func(r *accessRule) bool { return r.shareID == id && r.next != nil }) {
		return "syncing"
	}
	return "active"
}

// exportLocation is one path a share instance is mounted from.
type exportLocation struct {
	id, instanceID, path string
	preferred, adminOnly bool
	createdAt            time.Time
}

// exportLocationsOf returns the export locations of a share instance in a
// zone: a preferred path for clients and an admin-only one on the
// back end's network, once the instance is available.
func exportLocationsOf(instanceID, zone string, since time.Time) []exportLocation {
	net := "10.254.0."
	admin := "10.0.0."
	if zone == AvailabilityZoneDR {
		net, admin = "10.254.1.", "10.0.1."
	}
	path := ":/shares/share-" + instanceID
	return []exportLocation{
		{id: fixtureUUID("export_location/" + instanceID + "/public"), instanceID: instanceID, path: net + "10" + path,
			preferred: true, createdAt: since},
		{id: fixtureUUID("export_location/" + instanceID + "/admin"), instanceID: instanceID, path: admin + "10" + path,
			adminOnly: true, createdAt: since},
	}
}

// exportLocations returns the export locations a share shows: those of
// its active replica (of its first instance when it has none), and, before
// 2.47, those of its other replicas too (manila-groups.md §10). An admin
// sees the admin-only ones.
func (db *manilaDB) exportLocations(s *share, c *call) []exportLocation {
	var out []exportLocation
	replicas := db.replicasOf(s.id)
	if len(replicas) == 0 {
		if s.exported {
			out = exportLocationsOf(s.instanceID, s.availabilityZone, s.createdAt)
		}
	} else {
		for _, r := range replicas {
			if !r.exported || (r.replicaState != replicaActive && c.version.atLeast(v247)) {
				continue
			}
			out = append(out, exportLocationsOf(r.id, r.availabilityZone, r.createdAt)...)
		}
	}
	if c.tok.isAdmin() {
		return out
	}
	kept := out[:0]
	for _, el := range out {
		if !el.adminOnly {
			kept = append(kept, el)
		}
	}
	return kept
}

// shareAdmin gives the admin actions the shares; a force-delete that fails
// ends in error_deleting.
func (db *manilaDB) shareAdmin(statuses []string) adminRows {
	return adminRows{kind: kindShare, deleteFailure: statusErrorDeleting, statuses: statuses, find: func(t *token, id string) *lifecycle {
		if s := db.share(t, id); s != nil {
			return &s.lifecycle
		}
		return nil
	}}
}
