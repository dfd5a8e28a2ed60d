package astra

import (
	"net/http"

	"github.com/google/uuid"
)

// Replication breaks as it breaks for real: the relationship stays
// established, but its snapshot transfers fail and are retried
// (transferState "transferring" also "covers the transfers that have failed
// on previous attempts and are being continually retried"), and its health is
// critical ("the most recent snapshot failed to replicate", astra.md §2.3).
// transferStateDetails keep the last transfer that completed, so the lag
// behind it grows. The sandbox's own routes break and repair it:
//
//	POST /_sandbox/astra/appMirrors/{id}/break   transfers fail from now on
//	POST /_sandbox/astra/appMirrors/{id}/repair  a transfer completes now, health normal again
//
// Both answer 200 with the relationship as GET shows it, 404 for an unknown
// ID, 409 for a relationship that is not established (nothing replicates),
// errors as {"error": "..."}.
// They need no token: like every /_sandbox/ route they are the sandbox's, not
// the API's.

// AppMirrorBreakPath and AppMirrorRepairPath are the routes.
const (
	AppMirrorBreakPath  = "/_sandbox/astra/appMirrors/{appMirror_id}/break"
	AppMirrorRepairPath = "/_sandbox/astra/appMirrors/{appMirror_id}/repair"
)

// serveBreakAppMirror answers POST AppMirrorBreakPath.
func (a *API) serveBreakAppMirror(w http.ResponseWriter, r *http.Request) {
	a.editReplication(w, r, func(m *appMirror) { m.broken = true })
}

// serveRepairAppMirror answers POST AppMirrorRepairPath: the retried
// transfer completes at the time of the request.
func (a *API) serveRepairAppMirror(w http.ResponseWriter, r *http.Request) {
	a.editReplication(w, r, func(m *appMirror) {
		now := a.now()
		m.broken = false
		m.transferStart, m.transferEnd, m.snapshotID = now, now, uuid.NewString()
		m.touch(stamp(now))
	})
}

// editReplication applies edit to the established relationship of the path.
func (a *API) editReplication(w http.ResponseWriter, r *http.Request, edit func(*appMirror)) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.settle(a.now())
	m, ok := a.appMirrors.Get(r.PathValue("appMirror_id"))
	switch {
	case !ok:
		_ = writeJSON(w, http.StatusNotFound, mediaJSON, map[string]string{"error": "no AppMirror relationship has this ID"})
	case m.state() != mirrorEstablished || m.failed:
		_ = writeJSON(w, http.StatusConflict, mediaJSON, map[string]string{"error": "the AppMirror relationship is " + m.state() +
			", not established: nothing replicates"})
	default:
		edit(m)
		_ = writeJSON(w, http.StatusOK, mediaJSON, m.view())
	}
}

// brokenDetails returns healthStateDetails and transferState of a
// relationship whose transfers fail. The spec names no such detail: the
// type is the sandbox's own.
func brokenDetails() []stateDetailBody {
	return []stateDetailBody{{sandboxDetailBase + "transferFailed", "Snapshot replication failed",
		"The most recent snapshot failed to replicate to the destination; the transfer is being retried.", nil}}
}
