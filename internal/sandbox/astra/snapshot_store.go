package astra

import (
	"time"
)

// Snapshot states (appSnap_1.3 state, astra.md §13.3).
const (
	snapPending   = "pending"
	snapRunning   = "running"
	snapCompleted = "completed"
	snapFailed    = "failed"
	snapDeleting  = "deleting"
)

// snapshot is a stored app snapshot (application/astra-appSnap 1.3). A
// new snapshot is "pending" for one step (its pre-snapshot hooks run when
// it starts), "running" for another, then "completed" (its post-snapshot
// hooks run); fail=astra.snapshot.create makes it end "failed". A DELETE
// makes it "deleting" for one step, then it is gone (an unfinished
// snapshot is cancelled).
type snapshot struct {
	id       string
	appID    string
	name     string
	version  string // of the request that made it, echoed
	op       *transition
	deleting bool // op is the deletion
	failure  string
	hooks    []*hookRun // the hook runs of the snapshot so far
	assetID  string     // snapshotAppAsset, once completed
	record
}

// snapshotState returns the state of s now.
func (a *API) snapshotState(s *snapshot) string {
	switch {
	case s.deleting && s.op.failed():
		return snapFailed
	case s.deleting:
		return snapDeleting
	case s.op.running() && a.stepOf(s.op) == 0:
		return snapPending
	case s.op.running():
		return snapRunning
	case s.op.failed():
		return snapFailed
	}
	return snapCompleted
}

// snapshotOfPath returns the snapshot of the app of the path: problem n
// when the app or the snapshot does not exist, or the snapshot is not the
// app's.
func (a *API) snapshotOfPath(appID, id string, n int) (*snapshot, *problem) {
	s, ok := a.snapshots.Get(id)
	if !ok || s.appID != appID {
		return nil, newProblem(n)
	}
	return s, nil
}

// snapshotInProgress reports whether a snapshot of the app is being taken:
// one of its snapshots is pending or running, or a backup that takes a
// snapshot of its own is in its first step. A snapshot or a backup cannot
// start meanwhile (409 problem 148).
func (a *API) snapshotInProgress(appID string) bool {
	return a.snapshots.Any(func(s *snapshot) bool { return s.appID == appID && !s.deleting && s.op.running() }) ||
		a.backups.Any(func(b *backup) bool {
			return b.appID == appID && b.ownSnapshot && !b.deleting && b.op.running() && a.stepOf(b.op) == 0
		})
}

// settleSnapshots ends the operations of snapshots whose time is up at
// now: a snapshot is completed (its post-snapshot hooks run) or failed, a
// deleted one is gone.
func (a *API) settleSnapshots(now time.Time) {
	var gone []string
	for _, s := range a.snapshots.All() {
		if !a.settleTransition(s.op, now) {
			continue
		}
		s.modifiedAt = stamp(s.op.end)
		switch {
		case s.op.failing && s.deleting:
			s.failure = "deleting the snapshot failed (" + s.op.op + ", injected by the sandbox)"
		case s.op.failing:
			s.failure = "taking the snapshot failed (" + s.op.op + ", injected by the sandbox)"
		case s.deleting:
			gone = append(gone, s.id)
		default:
			s.assetID = fixtureID("appAsset/" + s.id)
			if x, ok := a.apps.Get(s.appID); ok {
				s.hooks = append(s.hooks, a.runHooks(hookRunRequest{app: x, action: "snapshot", stage: "post",
					resourceID: s.id, resourceKind: "appSnap", at: s.op.end})...)
			}
		}
	}
	for _, id := range gone {
		a.snapshots.Remove(id)
	}
}
