package astra

import (
	"net/http"

	"github.com/google/uuid"
)

// The snapshot routes: k8s/v1/apps/{app_id}/appSnaps, with no PUT.

// protectedApp returns the app of the path, or problem 2 (the app named
// by the path does not exist).
func (a *API) protectedApp(r *http.Request) (*app, *problem) {
	x, ok := a.apps.Get(r.PathValue("app_id"))
	if !ok {
		return nil, newProblem(2)
	}
	return x, nil
}

// listSnapshots serves GET …/appSnaps (include and limit only).
func (a *API) listSnapshots(w http.ResponseWriter, r *http.Request) *problem {
	x, p := a.protectedApp(r)
	if p != nil {
		return p
	}
	q, p := parseListQuery(r.URL.RawQuery)
	if p != nil {
		return p
	}
	return writeRows(w, snapshotsType, snapshotVersion, a.snapshots.Filter(func(s *snapshot) bool { return s.appID == x.id }), a.viewSnapshot, q)
}

// createSnapshot serves POST …/appSnaps (see newSnapshot): 201 with the
// snapshot "pending" and its Location. Its pre-snapshot hooks run.
func (a *API) createSnapshot(w http.ResponseWriter, r *http.Request) *problem {
	x, p := a.protectedApp(r)
	if p != nil {
		return p
	}
	obj, p := readObject(r, resourceMediaType(snapshotType))
	if p != nil {
		return p
	}
	in, p := parseProtection(obj, snapshotPostSchema, snapshotType, "1.3", "1.2", "1.1", "1.0")
	if p != nil {
		return p
	}
	now := a.now()
	s, p := a.newSnapshot(x, in, now)
	if p != nil {
		return p
	}
	s.id, s.record = uuid.NewString(), newRecord(stamp(now), in.metadata.labels)
	s.op = a.begin("astra.snapshot.create", 2, now)
	s.hooks = a.runHooks(hookRunRequest{app: x, action: "snapshot", stage: "pre", resourceID: s.id, resourceKind: "appSnap", at: now})
	a.snapshots.Add(s)
	return writeCreated(w, r, snapshotType, s.id, s.viewIn(snapPending))
}

// getSnapshot serves GET …/appSnaps/{id}; unknown: 404 problem 2.
func (a *API) getSnapshot(w http.ResponseWriter, r *http.Request) *problem {
	s, p := a.snapshotOfPath(r.PathValue("app_id"), r.PathValue("appSnap_id"), 2)
	if p != nil {
		return p
	}
	return writeResource(w, r, http.StatusOK, snapshotType, a.viewSnapshot(s))
}

// deleteSnapshot serves DELETE …/appSnaps/{id}: 204, then the snapshot is
// "deleting" for one step and gone after ("If a snapshot is in progress,
// the snapshot is cancelled"). Refused: 409 problem 144 while a backup
// under way uses it; 403 problem 11 while an app is being restored from it
// (problem 142 is not listed for the path). Deleting a snapshot that is
// already being deleted answers 204 again (and retries a deletion that
// failed). A body (actoolkit sends {type, version}) is ignored.
func (a *API) deleteSnapshot(w http.ResponseWriter, r *http.Request) *problem {
	s, p := a.snapshotOfPath(r.PathValue("app_id"), r.PathValue("appSnap_id"), 1)
	if p != nil {
		return p
	}
	switch {
	case s.deleting && !s.op.failed():
	case a.backups.Any(func(b *backup) bool { return b.snapshotID == s.id && !b.ownSnapshot && a.backupBusy(b) }):
		return newProblem(144)
	case a.apps.Any(func(x *app) bool { return x.snapshotID == s.id && x.op.running() }) || a.restoringFrom(s.appID):
		return newProblem(11)
	default:
		now := a.now()
		s.op, s.deleting, s.failure = a.begin("astra.snapshot.delete", 1, now), true, ""
		s.touch(stamp(now))
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// restoringFrom reports whether the app id is being restored in place.
func (a *API) restoringFrom(id string) bool {
	x, ok := a.apps.Get(id)
	return ok && x.op.running() && x.opKind == opIPR
}
