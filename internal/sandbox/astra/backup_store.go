package astra

import (
	"strconv"
	"time"

	"github.com/google/uuid"
)

// Backup states (appBackup_1.2 state, astra.md §14.3).
const (
	backupPending   = "pending"
	backupRunning   = "running"
	backupCompleted = "completed"
	backupFailed    = "failed"
	backupRemoved   = "removed"
	backupDeleting  = "deleting"
)

// backup is a stored app backup (application/astra-appBackup 1.2), kept in
// a bucket. A new backup is "pending" for one step, "running" for another
// (bytesDone and percentDone rise), then "completed"; it ends "failed" when
// its bucket was not available as it started, or under
// fail=astra.backup.create. A backup without snapshotID takes a snapshot
// of its own in its first step (the app's snapshots and backups wait,
// 409 problem 148); that snapshot is internal to the backup, named by its
// snapshotID but not listed among the app's snapshots (the spec does not
// say whether it is kept). Its hooks run: pre-backup (and pre-snapshot)
// when it starts, post-snapshot and post-backup when it ends. A completed
// backup whose bucket is deleted is "removed". A DELETE makes it
// "deleting" for one step, then it is gone (a running backup is
// cancelled; a pending one cannot be: 409 problem 128).
type backup struct {
	id          string
	appID       string
	name        string
	version     string // of the request that made it, echoed
	bucketID    string
	snapshotID  string
	ownSnapshot bool // the backup takes its snapshot itself
	totalBytes  int64
	op          *transition
	deleting    bool   // op is the deletion
	failure     string // why it fails (bucket not available) or failed
	hooks       []*hookRun
	completedAt string
	record
}

// backupState returns the state of b now.
func (a *API) backupState(b *backup) string {
	switch {
	case b.deleting && b.op.failed():
		return backupFailed
	case b.deleting:
		return backupDeleting
	case b.op.running() && a.stepOf(b.op) == 0:
		return backupPending
	case b.op.running():
		return backupRunning
	case b.op.failed():
		return backupFailed
	}
	if _, ok := a.buckets.Get(b.bucketID); !ok {
		return backupRemoved
	}
	return backupCompleted
}

// backupBusy reports whether b is being taken (pending or running).
func (a *API) backupBusy(b *backup) bool { return !b.deleting && b.op.running() }

// backupOfPath returns the backup of the path: with an app (the app-scoped
// routes), problem n when it is not the app's; without (topology/v1), any.
func (a *API) backupOfPath(appID, id string, n int) (*backup, *problem) {
	b, ok := a.backups.Get(id)
	if !ok || (appID != "" && b.appID != appID) {
		return nil, newProblem(n)
	}
	return b, nil
}

// appDataBytes is the size of an app's data, for totalBytes: a fixed
// amount per container, so that backups of one app have one size.
func appDataBytes(x *app) int64 { return 205219132 * int64(max(len(x.containers), 1)) }

// settleBackups ends the operations of backups whose time is up at now.
func (a *API) settleBackups(now time.Time) {
	var gone []string
	for _, b := range a.backups.All() {
		if !a.settleTransition(b.op, now) {
			continue
		}
		b.modifiedAt = stamp(b.op.end)
		switch {
		case b.op.failing && b.deleting:
			b.failure = "deleting the backup failed (" + b.op.op + ", injected by the sandbox)"
		case b.op.failing:
			if b.failure == "" {
				b.failure = "taking the backup failed (" + b.op.op + ", injected by the sandbox)"
			}
		case b.deleting:
			gone = append(gone, b.id)
		default:
			b.completedAt = stamp(b.op.end)
			if x, ok := a.apps.Get(b.appID); ok {
				if b.ownSnapshot {
					b.hooks = append(b.hooks, a.runHooks(hookRunRequest{app: x, action: "snapshot", stage: "post",
						resourceID: b.id, resourceKind: "appBackup", at: b.op.start.Add(a.opts.Transition)})...)
				}
				b.hooks = append(b.hooks, a.runHooks(hookRunRequest{app: x, action: "backup", stage: "post",
					resourceID: b.id, resourceKind: "appBackup", at: b.op.end})...)
			}
		}
	}
	for _, id := range gone {
		a.backups.Remove(id)
	}
}

// newBackup checks a POST of a backup of x and returns it. Answers: 403
// problem 11 for an app that is not ready; 409 problem 148 while a
// snapshot of the app is being taken; 409 problem 143 for a name the app's
// backups have; 400 problem 9 for a bucket that does not exist, no bucket
// and no default bucket ("Bucket not found" and "Bucket unavailable",
// problems 108 and 127, are not listed for the path), and a snapshot that
// is not a completed snapshot of the app. A bucket that exists but is not
// available is taken: the backup fails (astra.md §14.4).
func (a *API) newBackup(x *app, in protectionInput, now time.Time) (*backup, *problem) {
	switch {
	case !a.appReady(x) || x.replicaOf != "":
		return nil, newProblem(11)
	case a.snapshotInProgress(x.id):
		return nil, newProblem(148)
	}
	name := systemName(x.name, "backup", now)
	if v := in.strs["name"]; v != nil {
		name = *v
	}
	if a.backups.Any(func(b *backup) bool { return b.appID == x.id && b.name == name }) {
		return nil, newProblem(143)
	}
	b := &backup{name: name, appID: x.id, version: in.version, totalBytes: appDataBytes(x)}
	var bk *bucket
	if v := in.strs["bucketID"]; v != nil {
		var ok bool
		if bk, ok = a.buckets.Get(*v); !ok {
			return nil, invalidFields(9, invalidItem{Name: "bucketID", Reason: "no bucket has this ID"})
		}
	} else {
		var ok bool
		if bk, ok = a.defaultBucket(); !ok {
			return nil, invalidFields(9, invalidItem{Name: "bucketID", Reason: "a bucket wasn't specified and a default bucket isn't configured"})
		}
	}
	b.bucketID = bk.id
	if state, _ := a.bucketState(bk); state != bucketAvailable {
		b.failure = "bucket " + bk.id + " is not available (" + state + ")"
	}
	if v := in.strs["snapshotID"]; v != nil {
		s, ok := a.snapshots.Get(*v)
		switch {
		case !ok || s.appID != x.id:
			return nil, invalidFields(9, invalidItem{Name: "snapshotID", Reason: "is not a snapshot of app " + strconv.Quote(x.name)})
		case a.snapshotState(s) != snapCompleted:
			return nil, invalidFields(9, invalidItem{Name: "snapshotID", Reason: "the snapshot is " + strconv.Quote(a.snapshotState(s)) +
				"; a backup needs a completed snapshot"})
		}
		b.snapshotID = s.id
	} else {
		b.snapshotID, b.ownSnapshot = uuid.NewString(), true
	}
	return b, nil
}
