package manila

import "time"

// Replica states (manila-groups.md §9).
const (
	replicaActive    = "active"
	replicaInSync    = "in_sync"
	replicaOutOfSync = "out_of_sync"
	replicaError     = "error"
)

// replicaStates are the values reset_replica_state accepts.
var replicaStates = []string{replicaActive, replicaInSync, replicaOutOfSync, replicaError}

// shareReplica is an instance of a replicated share: its first instance
// (the active replica it was created with) and every replica added.
type shareReplica struct {
	id, shareID, projectID string
	availabilityZone       string
	host                   *string
	shareNetworkID         *string
	shareServerID          *string
	replicaState           string
	lifecycle
	// exported is set once the replica is available: it has its export
	// locations from then on.
	exported  bool
	createdAt time.Time
	updatedAt *time.Time
}

// replica returns the replica visible to t, or nil.
func (db *manilaDB) replica(t *token, id string) *shareReplica {
	if r, ok := db.replicas.Get(id); ok && visible(t, r.projectID) {
		return r
	}
	return nil
}

// replicaAdmin gives the admin actions (reset_status, force_delete) the
// replicas; a force-delete that fails ends in error_deleting.
func (db *manilaDB) replicaAdmin() adminRows {
	return adminRows{kind: kindReplica, deleteFailure: statusErrorDeleting, statuses: resetStatusesModern,
		find: func(t *token, id string) *lifecycle {
			if r := db.replica(t, id); r != nil {
				return &r.lifecycle
			}
			return nil
		}}
}
