package astra

import (
	"net/http"
	"strings"

	"github.com/google/uuid"
)

// viewApp renders x, in its current state, with its cluster, and reports
// the end of its last operation to the notice recorder.
func (a *API) viewApp(x *app) any {
	a.observe(x.op, x.id)
	return a.viewAppIn(x, a.appState(x))
}

// viewAppIn renders x in state.
func (a *API) viewAppIn(x *app, state string) any {
	c, _ := a.clusters.Get(x.clusterID)
	var src *cluster
	if x.sourceClusterID != "" {
		src, _ = a.clusters.Get(x.sourceClusterID)
	}
	return x.view(state, c, src)
}

// listApps serves GET …/k8s/v2/apps (include, limit, filter).
func (a *API) listApps(w http.ResponseWriter, r *http.Request) *problem {
	q, p := parseListQuery(r.URL.RawQuery)
	if p != nil {
		return p
	}
	return writeRows(w, appsType, appVersion, a.apps.All(), a.viewApp, q)
}

// getApp serves GET …/k8s/v2/apps/{app_id}.
func (a *API) getApp(w http.ResponseWriter, r *http.Request) *problem {
	x, ok := a.apps.Get(r.PathValue("app_id"))
	if !ok {
		return newProblem(2)
	}
	return writeResource(w, r, http.StatusOK, appType, a.viewApp(x))
}

// createApp serves POST …/k8s/v2/apps (see newApp): 201 with the new app
// in its first state, "pending" for a manage and "provisioning" for a
// clone or a restore, and its Location. The app's namespaces then exist on
// its cluster.
func (a *API) createApp(w http.ResponseWriter, r *http.Request) *problem {
	obj, p := readObject(r, resourceMediaType(appType))
	if p != nil {
		return p
	}
	in, p := parseAppBody(obj, appPostSchema)
	if p != nil {
		return p
	}
	x, op, p := a.newApp(in)
	if p != nil {
		return p
	}
	now := a.now()
	x.id, x.record = uuid.NewString(), newRecord(stamp(now), in.metadata.labels)
	a.startAppOp(x, op, now)
	a.apps.Add(x)
	a.addNamespaces(x.clusterID, x.namespaces())
	return writeCreated(w, r, appType, x.id, a.viewAppIn(x, op.states()[0]))
}

// updateApp serves PUT …/k8s/v2/apps/{app_id} (see applyAppPut): 204, no
// body. An in-place restore is "restoring" from the answer on, as clients
// expect (astra.md §10.6).
func (a *API) updateApp(w http.ResponseWriter, r *http.Request) *problem {
	obj, p := readObject(r, resourceMediaType(appType))
	if p != nil {
		return p
	}
	in, p := parseAppBody(obj, appPutSchema)
	if p != nil {
		return p
	}
	x, ok := a.apps.Get(r.PathValue("app_id"))
	if !ok {
		return newProblem(1)
	}
	if a.appState(x) == appDeleting {
		return invalidFields(10, invalidItem{Name: "id", Reason: "the app is being unmanaged"})
	}
	force := strings.EqualFold(strings.TrimSpace(r.Header.Get("forceUpdate")), "true")
	return noContent(w, edit(x, func(next *app) *problem { return a.applyAppPut(next, in, force) }))
}

// deleteApp serves DELETE …/k8s/v2/apps/{app_id}: 204, then the app is
// "deleting" for one step and gone after, with its schedules, snapshots
// and backups (see removeApp, unmanage).
func (a *API) deleteApp(w http.ResponseWriter, r *http.Request) *problem {
	return noContent(w, a.removeApp(r.PathValue("app_id")))
}
