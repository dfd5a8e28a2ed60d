package manila

import "time"

// Kinds of effect: what the end of an operation changes besides the
// status.
const (
	effectShareExported   = "share.exported"   // a share's first instance has its export locations
	effectReplicaExported = "replica.exported" // a replicated share's first replica too
	effectGroupPlaced     = "group.placed"     // a share group has its host, zone and share server
	effectRuleApplied     = "rule.applied"     // an access rule is applied
	effectShareSize       = "share.size"       // extend, shrink, revert: the share's new size
	effectReplicaCreated  = "replica.created"  // a new replica is in sync (error when it fails)
	effectReplicaPromoted = "replica.promoted" // promote: the replica is active, the former active out of sync
	effectReplicaResynced = "replica.resynced" // resync: in sync (error when the fault fails it)
	effectReplicaState    = "replica.state"    // reset_replica_state: the state asked for
	effectReplicaUpdated  = "replica.updated"  // the periodic update finds an out-of-sync replica in sync
	effectReplicaDeleted  = "replica.deleted"  // a failed deletion sets replica_state error
)

// effect is what the end of a transition changes besides the status, as
// data: its kind, the object it changes and the values its request chose.
// bindEffect makes the transition's effect and failEffect of it, when the
// operation starts and again when -state restores it under way (the
// closures themselves cannot be saved).
type effect struct {
	kind    string
	share   *share
	replica *shareReplica
	group   *shareGroup
	rule    *accessRule
	size    int
	state   string
	// flag is whether the replica is the one promoted (promote), or
	// whether the operation fails (resync, update).
	flag       bool
	host, zone string
	server     *string
	consistent *string
}

// setEffect gives t the effect e.
func (a *API) setEffect(t *transition, e effect) {
	t.act = e
	a.bindEffect(t)
}

// bindEffect sets t's effect and failEffect from t.act.
func (a *API) bindEffect(t *transition) {
	e := t.act
	switch e.kind {
	case effectShareExported:
		t.effect = func(time.Time) { e.share.exported = true }
	case effectReplicaExported:
		t.effect = func(at time.Time) { e.replica.exported, e.replica.updatedAt = true, &at }
	case effectGroupPlaced:
		t.effect = func(time.Time) {
			host := e.host
			e.group.host, e.group.availabilityZone, e.group.shareServerID, e.group.consistentSnapshotSupport = &host, e.zone, e.server, e.consistent
		}
	case effectRuleApplied:
		t.effect = func(at time.Time) { e.rule.updatedAt = &at }
	case effectShareSize:
		t.effect = func(time.Time) { e.share.size = e.size }
	case effectReplicaCreated:
		r := e.replica
		t.effect = func(at time.Time) { r.exported, r.replicaState, r.updatedAt = true, replicaInSync, &at }
		// A failure sets replica_state error too (manila-groups.md §9.3).
		t.failEffect = func(at time.Time) { r.replicaState, r.updatedAt = replicaError, &at }
	case effectReplicaPromoted:
		r := e.replica
		t.effect = func(at time.Time) {
			r.updatedAt = &at
			if e.flag {
				r.replicaState = replicaActive
				return
			}
			// The former active replica is out of sync, until the share
			// manager's periodic update finds the back end resynced it.
			r.replicaState = replicaOutOfSync
			a.refreshLater(r, at)
		}
	case effectReplicaResynced:
		r := e.replica
		t.effect = func(at time.Time) {
			r.updatedAt = &at
			if e.flag {
				r.replicaState = replicaError
			} else {
				r.replicaState = replicaInSync
			}
		}
	case effectReplicaState:
		t.effect = func(time.Time) { e.replica.replicaState = e.state }
	case effectReplicaDeleted:
		t.failEffect = func(time.Time) { e.replica.replicaState = replicaError }
	case effectReplicaUpdated:
		r := e.replica
		t.effect = func(at time.Time) {
			if r.replicaState == replicaOutOfSync && !e.flag {
				r.replicaState, r.updatedAt = replicaInSync, &at
			}
		}
	}
}
