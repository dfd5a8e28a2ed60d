package astra

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/google/uuid"
)

// The lookups of astra.md §5: managed apps (k8s/v2/apps), managed clusters
// and their storage classes. Apps can also be managed (POST) and unmanaged
// (DELETE), so that tests and users can make apps of their own to
// replicate; the fixture apps are permanent (DELETE gives 403 problem 11).

// listApps serves GET …/k8s/v2/apps (include, limit, filter).
func (a *API) listApps(w http.ResponseWriter, r *http.Request) *problem {
	q, p := parseListQuery(r.URL.RawQuery)
	if p != nil {
		return p
	}
	a.settleMirrors()
	apps := a.topo.listApps()
	items := make([]listItem, 0, len(apps))
	for _, x := range apps {
		c, _ := a.topo.cluster(x.clusterID)
		item, err := newListItem(x.body(c))
		if err != nil {
			return newProblem(34)
		}
		items = append(items, item)
	}
	return writeList(w, appsType, appVersion, items, q)
}

// getApp serves GET …/k8s/v2/apps/{app_id}.
func (a *API) getApp(w http.ResponseWriter, r *http.Request) *problem {
	a.settleMirrors()
	x, ok := a.topo.app(r.PathValue("app_id"))
	if !ok {
		return newProblem(2)
	}
	c, _ := a.topo.cluster(x.clusterID)
	return writeJSON(w, http.StatusOK, negotiate(r, resourceMediaType(appType)), x.body(c))
}

// appPostSchema is app_2.2_post_request_body.
var appPostSchema = objectSchema{
	name: "app_2.2_post_request_body",
	properties: []string{"type", "version", "name", "clusterScopedResources", "namespaceScopedResources",
		"namespaceMapping", "storageClassMapping", "clusterID", "sourceAppID", "sourceClusterID", "backupID",
		"snapshotID", "restoreFilter", "metadata"},
	required: []string{"type", "version", "name"},
}

// createApp serves POST …/k8s/v2/apps: it manages the namespaces
// namespaceScopedResources names, on the cluster clusterID, as a new app
// that is ready at once. The sandbox does not emulate Kubernetes, so any
// DNS-1123 namespace is taken to exist. Cloning and restoring (sourceAppID,
// backupID, snapshotID, …) are not emulated: 400 problem 9.
func (a *API) createApp(w http.ResponseWriter, r *http.Request) *problem {
	obj, p := readObject(r, resourceMediaType(appType))
	if p != nil {
		return p
	}
	if p := appPostSchema.check(obj); p != nil {
		return p
	}
	if p := checkEnum(obj, "type", appType); p != nil {
		return p
	}
	if p := checkEnum(obj, "version", "2.2", "2.1", "2.0"); p != nil {
		return p
	}
	name, _, p := stringField(obj, "name")
	if p != nil {
		return p
	}
	clusterID, hasCluster, p := stringField(obj, "clusterID")
	if p != nil {
		return p
	}
	var resources []namespaceResourceBody
	if raw, ok := obj["namespaceScopedResources"]; ok {
		if p := decodeItems("namespaceScopedResources", raw, []string{"namespace", "labelSelectors"}, &resources); p != nil {
			return p
		}
	}
	var fields fieldErrors
	if len(name) > 63 || !dns1123Re.MatchString(name) {
		fields.add("name", "must be a DNS-1123 label of 1 to 63 characters")
	}
	for _, key := range []string{"clusterScopedResources", "namespaceMapping", "storageClassMapping", "sourceAppID",
		"sourceClusterID", "backupID", "snapshotID", "restoreFilter"} {
		if _, ok := obj[key]; ok {
			fields.add(key, "cloning, restoring and cluster-scoped resources are not emulated by the sandbox")
		}
	}
	c, known := a.topo.cluster(clusterID)
	switch {
	case !hasCluster:
		fields.add("clusterID", "is required on this path: the managed cluster that runs the app")
	case !known:
		fields.add("clusterID", "no managed cluster has this ID")
	}
	if len(resources) == 0 {
		fields.add("namespaceScopedResources", "must name at least one namespace")
	}
	var namespaces []string
	for i, res := range resources {
		if len(res.Namespace) > 63 || !dns1123Re.MatchString(res.Namespace) {
			fields.add("namespaceScopedResources["+strconv.Itoa(i)+"].namespace", "must be a DNS-1123 label of 1 to 63 characters")
		}
		if slices.Contains(namespaces, res.Namespace) {
			fields.add("namespaceScopedResources", "namespaces must be unique")
		}
		namespaces = append(namespaces, res.Namespace)
	}
	// Labels are validated but not kept: apps' labels play no part here.
	if _, p := parseMetadataUpdate(obj, &fields); p != nil {
		return p
	}
	if p := fields.problem(); p != nil {
		return p
	}
	stamp := a.timestamp()
	x := app{
		id: uuid.NewString(), name: name, clusterID: c.id, namespaces: namespaces, state: "ready",
		protection: "none", createdAt: stamp, modifiedAt: stamp, createdBy: UserID, replicable: true,
	}
	a.topo.addApp(x)
	w.Header().Set("Location", requestBaseURL(r)+"/accounts/"+AccountID+"/k8s/v2/apps/"+x.id)
	return writeJSON(w, http.StatusCreated, negotiate(r, resourceMediaType(appType)), x.body(c))
}

// deleteApp serves DELETE …/k8s/v2/apps/{app_id}: unmanages the app (204).
// An app in a replication relationship gives 409 problem 119; a fixture
// app 403 problem 11.
func (a *API) deleteApp(w http.ResponseWriter, r *http.Request) *problem {
	id := r.PathValue("app_id")
	_, unlock := a.lockMirrors()
	defer unlock()
	x, ok := a.topo.app(id)
	switch {
	case !ok:
		return newProblem(1)
	case x.fixtureName != "":
		return newProblem(11)
	case a.mirrors.involvingLocked(id) != nil:
		return newProblem(119)
	}
	a.topo.removeApp(id)
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// listManagedClusters serves GET …/topology/v1/managedClusters.
func (a *API) listManagedClusters(w http.ResponseWriter, r *http.Request) *problem {
	q, p := parseListQuery(r.URL.RawQuery)
	if p != nil {
		return p
	}
	items := make([]listItem, 0, len(a.topo.clusters))
	for _, c := range a.topo.clusters {
		item, err := newListItem(c.body(a.clusterInUse(c.id)))
		if err != nil {
			return newProblem(34)
		}
		items = append(items, item)
	}
	return writeList(w, managedClustersType, managedClusterVer, items, q)
}

// getManagedCluster serves GET …/topology/v1/managedClusters/{id}.
func (a *API) getManagedCluster(w http.ResponseWriter, r *http.Request) *problem {
	c, ok := a.topo.cluster(r.PathValue("managedCluster_id"))
	if !ok {
		return newProblem(2)
	}
	return writeJSON(w, http.StatusOK, negotiate(r, resourceMediaType(managedClusterType)), c.body(a.clusterInUse(c.id)))
}

// clusterInUse reports whether a managed app runs on the cluster.
func (a *API) clusterInUse(id string) bool {
	return slices.ContainsFunc(a.topo.listApps(), func(x app) bool { return x.clusterID == id })
}

// listStorageClasses serves GET …/managedClusters/{id}/storageClasses
// (include and limit only, as the spec lists).
func (a *API) listStorageClasses(w http.ResponseWriter, r *http.Request) *problem {
	q, p := parseListQuery(r.URL.RawQuery)
	if p != nil {
		return p
	}
	c, ok := a.topo.cluster(r.PathValue("managedCluster_id"))
	if !ok {
		return newProblem(2)
	}
	items := make([]listItem, 0, len(c.storageClasses))
	for _, sc := range c.storageClasses {
		item, err := newListItem(sc.body())
		if err != nil {
			return newProblem(34)
		}
		items = append(items, item)
	}
	return writeList(w, storageClassesType, storageClassVersion, items, q)
}

// getStorageClass serves GET …/managedClusters/{id}/storageClasses/{id}.
func (a *API) getStorageClass(w http.ResponseWriter, r *http.Request) *problem {
	c, ok := a.topo.cluster(r.PathValue("managedCluster_id"))
	if !ok {
		return newProblem(2)
	}
	i := slices.IndexFunc(c.storageClasses, func(sc storageClass) bool { return sc.id == r.PathValue("storageClass_id") })
	if i < 0 {
		return newProblem(2)
	}
	return writeJSON(w, http.StatusOK, negotiate(r, resourceMediaType(storageClassType)), c.storageClasses[i].body())
}
