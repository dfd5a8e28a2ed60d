package astra

import (
	"net/http"
	"slices"
)

// listStorageClasses serves GET …/managedClusters/{id}/storageClasses
// (include and limit only, as the spec lists).
func (a *API) listStorageClasses(w http.ResponseWriter, r *http.Request) *problem {
	q, p := parseListQuery(r.URL.RawQuery)
	if p != nil {
		return p
	}
	c, ok := a.clusters.Get(r.PathValue("managedCluster_id"))
	if !ok {
		return newProblem(2)
	}
	return writeRows(w, storageClassesType, storageClassVersion, c.storageClasses, (*storageClass).view, q)
}

// getStorageClass serves GET …/managedClusters/{id}/storageClasses/{id}.
func (a *API) getStorageClass(w http.ResponseWriter, r *http.Request) *problem {
	c, ok := a.clusters.Get(r.PathValue("managedCluster_id"))
	if !ok {
		return newProblem(2)
	}
	i := slices.IndexFunc(c.storageClasses, func(sc *storageClass) bool { return sc.id == r.PathValue("storageClass_id") })
	if i < 0 {
		return newProblem(2)
	}
	return writeResource(w, r, http.StatusOK, storageClassType, c.storageClasses[i].view())
}
