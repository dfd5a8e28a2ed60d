package astra

import (
	"net/http"
)

// The AppMirror routes: the account-wide collection k8s/v1/appMirrors and
// the app-scoped k8s/v1/apps/{app_id}/appMirrors, over one store. Under an
// app, the collection holds the relationships the app is the source or the
// destination of (a DELETE "will be removed from both the source and
// destination applications", astra.md §2.1), and a relationship the app is
// not part of is not found.

// mirrorScope returns the app of an app-scoped route ("" for the
// account-wide one) and whether it exists.
func (a *API) mirrorScope(r *http.Request) (string, bool) {
	appID := r.PathValue("app_id")
	if appID == "" {
		return "", true
	}
	_, ok := a.topo.app(appID)
	return appID, ok
}

// mirrorLocation returns the URL of m under the route of r.
func mirrorLocation(r *http.Request, appID, id string) string {
	if appID != "" {
		return requestBaseURL(r) + "/accounts/" + AccountID + "/k8s/v1/apps/" + appID + "/appMirrors/" + id
	}
	return requestBaseURL(r) + "/accounts/" + AccountID + "/k8s/v1/appMirrors/" + id
}

// listAppMirrors serves GET …/appMirrors.
func (a *API) listAppMirrors(w http.ResponseWriter, r *http.Request) *problem {
	q, p := parseListQuery(r.URL.RawQuery)
	if p != nil {
		return p
	}
	appID, ok := a.mirrorScope(r)
	if !ok {
		return newProblem(2)
	}
	now, unlock := a.lockMirrors()
	items := make([]listItem, 0, len(a.mirrors.items))
	for _, m := range a.mirrors.items {
		if appID != "" && !m.involves(appID) {
			continue
		}
		item, err := newListItem(m.body(now, a.opts.Transition))
		if err != nil {
			unlock()
			return newProblem(34)
		}
		items = append(items, item)
	}
	unlock()
	return writeList(w, appMirrorsType, appMirrorVersion, items, q)
}

// createAppMirror serves POST …/appMirrors: 201 with the relationship in
// state "establishing" and its Location. The destination app is created
// at once on the destination cluster, with replicationSourceAppID.
func (a *API) createAppMirror(w http.ResponseWriter, r *http.Request) *problem {
	appID, ok := a.mirrorScope(r)
	if !ok {
		return newProblem(2)
	}
	obj, p := readObject(r, resourceMediaType(appMirrorType))
	if p != nil {
		return p
	}
	in, p := parseAppMirror(obj, appMirrorPostSchema)
	if p != nil {
		return p
	}
	now, unlock := a.lockMirrors()
	m, dest, p := a.newAppMirror(in, appID, now)
	if p != nil {
		unlock()
		return p
	}
	a.topo.addApp(*dest)
	a.mirrors.items = append(a.mirrors.items, m)
	body := m.bodyIn(mirrorEstablishing)
	unlock()
	w.Header().Set("Location", mirrorLocation(r, appID, m.id))
	return writeJSON(w, http.StatusCreated, negotiate(r, resourceMediaType(appMirrorType)), body)
}

// getAppMirror serves GET …/appMirrors/{id}; unknown gives 404 problem 2,
// as the spec lists for single-resource GETs.
func (a *API) getAppMirror(w http.ResponseWriter, r *http.Request) *problem {
	appID, ok := a.mirrorScope(r)
	if !ok {
		return newProblem(2)
	}
	now, unlock := a.lockMirrors()
	m := a.mirrors.findLocked(r.PathValue("appMirror_id"))
	if m == nil || (appID != "" && !m.involves(appID)) {
		unlock()
		return newProblem(2)
	}
	body := m.body(now, a.opts.Transition)
	unlock()
	return writeJSON(w, http.StatusOK, negotiate(r, resourceMediaType(appMirrorType)), body)
}

// updateAppMirror serves PUT …/appMirrors/{id}: 204, no body (the spec;
// real servers have answered 200 with a body, astra.md §2.7).
func (a *API) updateAppMirror(w http.ResponseWriter, r *http.Request) *problem {
	obj, p := readObject(r, resourceMediaType(appMirrorType))
	if p != nil {
		return p
	}
	in, p := parseAppMirror(obj, appMirrorPutSchema)
	if p != nil {
		return p
	}
	appID, ok := a.mirrorScope(r)
	if !ok {
		return newProblem(1)
	}
	now, unlock := a.lockMirrors()
	defer unlock()
	m := a.mirrors.findLocked(r.PathValue("appMirror_id"))
	if m == nil || (appID != "" && !m.involves(appID)) {
		return newProblem(1)
	}
	next := m.clone()
	if p := a.applyPut(next, in, now); p != nil {
		return p
	}
	*m = *next
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// deleteAppMirror serves DELETE …/appMirrors/{id}: 204, then the
// relationship is "deleting" (stateDesired "deleted") for one step and
// gone after. The destination app stays. Deleting a relationship that is
// already being deleted answers 204 again.
func (a *API) deleteAppMirror(w http.ResponseWriter, r *http.Request) *problem {
	appID, ok := a.mirrorScope(r)
	if !ok {
		return newProblem(1)
	}
	now, unlock := a.lockMirrors()
	defer unlock()
	m := a.mirrors.findLocked(r.PathValue("appMirror_id"))
	if m == nil || (appID != "" && !m.involves(appID)) {
		return newProblem(1)
	}
	if m.phase != phaseDelete {
		m.startPhase(phaseDelete, now)
		m.modifiedAt, m.modifiedBy = now.UTC().Format(timestampLayout), UserID
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
