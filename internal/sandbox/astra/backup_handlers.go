package astra

import (
	"net/http"

	"github.com/google/uuid"
)

// The backup routes: k8s/v1/apps/{app_id}/appBackups, and the account-wide
// topology/v1/appBackups (GET and DELETE only; its items do not say their
// app, astra.md §14.1). There is no PUT.

// listBackups serves GET …/appBackups (include and limit only).
func (a *API) listBackups(w http.ResponseWriter, r *http.Request) *problem {
	appID := r.PathValue("app_id")
	if appID != "" {
		if _, p := a.protectedApp(r); p != nil {
			return p
		}
	}
	q, p := parseListQuery(r.URL.RawQuery)
	if p != nil {
		return p
	}
	rows := a.backups.Filter(func(b *backup) bool { return appID == "" || b.appID == appID })
	return writeRows(w, backupsType, backupVersion, rows, a.viewBackup, q)
}

// createBackup serves POST …/appBackups (see newBackup): 201 with the
// backup "pending" and its Location. Its pre-backup hooks run (and its
// pre-snapshot hooks when it takes its own snapshot).
func (a *API) createBackup(w http.ResponseWriter, r *http.Request) *problem {
	x, p := a.protectedApp(r)
	if p != nil {
		return p
	}
	obj, p := readObject(r, resourceMediaType(backupType))
	if p != nil {
		return p
	}
	in, p := parseProtection(obj, backupPostSchema, backupType, "1.2", "1.1", "1.0")
	if p != nil {
		return p
	}
	now := a.now()
	b, p := a.newBackup(x, in, now)
	if p != nil {
		return p
	}
	labels := in.metadata.labels
	if !in.metadata.hasLabels {
		labels = []label{backupTriggerLabel}
	}
	b.id, b.record = uuid.NewString(), newRecord(stamp(now), labels)
	b.op = a.begin("astra.backup.create", 2, now)
	if b.failure != "" {
		b.op.failing = true
	}
	b.hooks = a.runHooks(hookRunRequest{app: x, action: "backup", stage: "pre", resourceID: b.id, resourceKind: "appBackup", at: now})
	if b.ownSnapshot {
		b.hooks = append(b.hooks, a.runHooks(hookRunRequest{app: x, action: "snapshot", stage: "pre", resourceID: b.id, resourceKind: "appBackup", at: now})...)
	}
	a.backups.Add(b)
	return writeCreated(w, r, backupType, b.id, b.viewIn(backupPending))
}

// getBackup serves GET of one backup; unknown: 404 problem 2.
func (a *API) getBackup(w http.ResponseWriter, r *http.Request) *problem {
	b, p := a.backupOfPath(r.PathValue("app_id"), r.PathValue("appBackup_id"), 2)
	if p != nil {
		return p
	}
	return writeResource(w, r, http.StatusOK, backupType, a.viewBackup(b))
}

// deleteBackup serves DELETE of one backup: 204, then the backup is
// "deleting" for one step and gone after ("Backups in progress will be
// canceled, and then deleted"). Refused: 409 problem 128 while pending
// ("A pending backup can't be canceled"); 403 problem 11 while an app is
// being restored from it (problem 142 is not listed for the path).
// Deleting a backup already being deleted answers 204 again (and retries a
// deletion that failed). A failed backup is deleted like any other, so the
// Force-Delete header of the docs (astra.md §9) changes nothing.
func (a *API) deleteBackup(w http.ResponseWriter, r *http.Request) *problem {
	b, p := a.backupOfPath(r.PathValue("app_id"), r.PathValue("appBackup_id"), 1)
	if p != nil {
		return p
	}
	switch {
	case b.deleting && !b.op.failed():
	case a.backupState(b) == backupPending:
		return newProblem(128)
	case a.apps.Any(func(x *app) bool { return x.backupID == b.id && x.op.running() }) || a.restoringFrom(b.appID):
		return newProblem(11)
	default:
		now := a.now()
		b.op, b.deleting, b.failure = a.begin("astra.backup.delete", 1, now), true, ""
		b.touch(stamp(now))
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
