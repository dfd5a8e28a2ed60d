package astra

import (
	"encoding/json"
	"net/http"
	"strconv"
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
	return a.createAppOf(w, r, obj)
}

// createAppOf carries out the POST of an app whose body is obj.
func (a *API) createAppOf(w http.ResponseWriter, r *http.Request, obj map[string]json.RawMessage) *problem {
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

// The cluster-scoped alias of the apps, topology/v2/managedClusters/{id}/apps
// (astra.md §10.1): the same five operations, on the apps of one cluster.
// An unknown cluster is 404 problem 2, as on its other routes; an app of
// another cluster is not found there (404 problem 2 on GET, 1 on PUT and
// DELETE, as on k8s/v2/apps).

// pathCluster returns the cluster of the path.
func (a *API) pathCluster(r *http.Request) (*cluster, *problem) {
	c, ok := a.clusters.Get(r.PathValue("managedCluster_id"))
	if !ok {
		return nil, newProblem(2)
	}
	return c, nil
}

// onPathCluster checks that the app of the path runs on the cluster of
// the path; missing is the problem for an app it does not have.
func (a *API) onPathCluster(r *http.Request, missing int) *problem {
	c, p := a.pathCluster(r)
	if p != nil {
		return p
	}
	if x, ok := a.apps.Get(r.PathValue("app_id")); !ok || x.clusterID != c.id {
		return newProblem(missing)
	}
	return nil
}

// listClusterApps serves GET …/managedClusters/{id}/apps (include, limit,
// filter): the apps that run on the cluster.
func (a *API) listClusterApps(w http.ResponseWriter, r *http.Request) *problem {
	c, p := a.pathCluster(r)
	if p != nil {
		return p
	}
	q, p := parseListQuery(r.URL.RawQuery)
	if p != nil {
		return p
	}
	return writeRows(w, appsType, appVersion, a.apps.Filter(func(x *app) bool { return x.clusterID == c.id }), a.viewApp, q)
}

// createClusterApp serves POST …/managedClusters/{id}/apps: a manage, a
// clone or a restore on the cluster of the path. The body's clusterID
// must be that cluster ("otherwise the clone will fail": 400 problem 9);
// without one, the app goes to it.
func (a *API) createClusterApp(w http.ResponseWriter, r *http.Request) *problem {
	c, p := a.pathCluster(r)
	if p != nil {
		return p
	}
	obj, p := readObject(r, resourceMediaType(appType))
	if p != nil {
		return p
	}
	if raw, ok := obj["clusterID"]; ok {
		var id string
		if json.Unmarshal(raw, &id) == nil && id != c.id {
			return invalidFields(9, invalidItem{Name: "clusterID", Reason: "must be the cluster of the path, " + c.id})
		}
	} else {
		obj["clusterID"] = json.RawMessage(strconv.Quote(c.id))
	}
	return a.createAppOf(w, r, obj)
}

// getClusterApp serves GET …/managedClusters/{id}/apps/{app_id}.
func (a *API) getClusterApp(w http.ResponseWriter, r *http.Request) *problem {
	if p := a.onPathCluster(r, 2); p != nil {
		return p
	}
	return a.getApp(w, r)
}

// updateClusterApp serves PUT …/managedClusters/{id}/apps/{app_id}.
func (a *API) updateClusterApp(w http.ResponseWriter, r *http.Request) *problem {
	if p := a.onPathCluster(r, 1); p != nil {
		return p
	}
	return a.updateApp(w, r)
}

// deleteClusterApp serves DELETE …/managedClusters/{id}/apps/{app_id}.
func (a *API) deleteClusterApp(w http.ResponseWriter, r *http.Request) *problem {
	if p := a.onPathCluster(r, 1); p != nil {
		return p
	}
	return a.deleteApp(w, r)
}
