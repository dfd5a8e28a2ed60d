package astra

import (
	"net/http"

	"github.com/google/uuid"
)

// viewApp renders x with its cluster.
func (a *API) viewApp(x *app) any {
	c, _ := a.clusters.Get(x.clusterID)
	return x.view(c)
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

// createApp serves POST …/k8s/v2/apps: it manages the namespaces
// namespaceScopedResources names, on the cluster clusterID, as a new app
// that is ready at once (see parseApp), so that tests and users can make
// apps of their own to replicate.
func (a *API) createApp(w http.ResponseWriter, r *http.Request) *problem {
	obj, p := readObject(r, resourceMediaType(appType))
	if p != nil {
		return p
	}
	in, p := a.parseApp(obj)
	if p != nil {
		return p
	}
	x := &app{
		id: uuid.NewString(), name: in.name, clusterID: in.cluster.id, namespaces: in.namespaces, state: "ready",
		protection: "none", replicable: true, record: newRecord(a.timestamp(), nil),
	}
	a.apps.Add(x)
	return writeCreated(w, r, appType, x.id, x.view(in.cluster))
}

// deleteApp serves DELETE …/k8s/v2/apps/{app_id}: unmanages the app (204;
// see removeApp).
func (a *API) deleteApp(w http.ResponseWriter, r *http.Request) *problem {
	return noContent(w, a.removeApp(r.PathValue("app_id")))
}
