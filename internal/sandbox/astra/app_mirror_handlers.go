package astra

import "net/http"

// The AppMirror routes: the account-wide collection k8s/v1/appMirrors and
// the app-scoped k8s/v1/apps/{app_id}/appMirrors, over one table. Under an
// app, the collection holds the relationships the app is the source or the
// destination of (a DELETE "will be removed from both the source and
// destination applications", astra.md §2.1), and a relationship the app is
// not part of is not found.

// appMirrorScope is the app of an app-scoped route, or "" for the
// account-wide one.
type appMirrorScope string

// appMirrorScopeOf returns the scope of r and whether its app exists.
func (a *API) appMirrorScopeOf(r *http.Request) (appMirrorScope, bool) {
	appID := r.PathValue("app_id")
	if appID == "" {
		return "", true
	}
	_, ok := a.apps.Get(appID)
	return appMirrorScope(appID), ok
}

// visible reports whether m can be reached through this scope.
func (s appMirrorScope) visible(m *appMirror) bool { return s == "" || m.involves(string(s)) }

// appMirrorOfPath returns the relationship of the path, or problem n when
// the scope's app or the relationship does not exist, or the scope does not
// reach the relationship.
func (a *API) appMirrorOfPath(r *http.Request, n int) (*appMirror, *problem) {
	scope, ok := a.appMirrorScopeOf(r)
	if !ok {
		return nil, newProblem(n)
	}
	m, ok := a.appMirrors.Get(r.PathValue("appMirror_id"))
	if !ok || !scope.visible(m) {
		return nil, newProblem(n)
	}
	return m, nil
}

// viewAppMirror renders m for a read, and reports a phase that has ended
// to the notice recorder (how late clients see the end of a transition).
func (a *API) viewAppMirror(m *appMirror) any {
	if m.settled {
		a.opts.Hooks.Notice.Observe(m.phase.operation(), m.id, m.phaseEnd)
	}
	return m.view()
}

// listAppMirrors serves GET …/appMirrors.
func (a *API) listAppMirrors(w http.ResponseWriter, r *http.Request) *problem {
	q, p := parseListQuery(r.URL.RawQuery)
	if p != nil {
		return p
	}
	scope, ok := a.appMirrorScopeOf(r)
	if !ok {
		return newProblem(2)
	}
	return writeRows(w, appMirrorsType, appMirrorVersion, a.appMirrors.Filter(scope.visible), a.viewAppMirror, q)
}

// createAppMirror serves POST …/appMirrors: 201 with the relationship in
// state "establishing" and its Location. The destination app is created
// at once on the destination cluster, with replicationSourceAppID.
func (a *API) createAppMirror(w http.ResponseWriter, r *http.Request) *problem {
	scope, ok := a.appMirrorScopeOf(r)
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
	m, dest, p := a.newAppMirror(in, string(scope), a.now())
	if p != nil {
		return p
	}
	a.apps.Add(dest)
	a.addNamespaces(dest.clusterID, dest.namespaces())
	a.appMirrors.Add(m)
	return writeCreated(w, r, appMirrorType, m.id, m.viewIn(mirrorEstablishing))
}

// getAppMirror serves GET …/appMirrors/{id}; unknown gives 404 problem 2,
// as the spec lists for single-resource GETs.
func (a *API) getAppMirror(w http.ResponseWriter, r *http.Request) *problem {
	m, p := a.appMirrorOfPath(r, 2)
	if p != nil {
		return p
	}
	return writeResource(w, r, http.StatusOK, appMirrorType, a.viewAppMirror(m))
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
	m, p := a.appMirrorOfPath(r, 1)
	if p != nil {
		return p
	}
	now := a.now()
	return noContent(w, edit(m, func(next *appMirror) *problem { return a.applyPut(next, in, now) }))
}

// deleteAppMirror serves DELETE …/appMirrors/{id}: 204, then the
// relationship is "deleting" (stateDesired "deleted") for one step and
// gone after. The destination app stays. Deleting a relationship that is
// already being deleted answers 204 again (and retries a deletion that
// failed).
func (a *API) deleteAppMirror(w http.ResponseWriter, r *http.Request) *problem {
	m, p := a.appMirrorOfPath(r, 1)
	if p != nil {
		return p
	}
	if m.phase != phaseDelete || m.failed {
		now := a.now()
		a.startPhase(m, phaseDelete, now)
		m.touch(stamp(now))
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
