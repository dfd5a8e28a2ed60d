package astra

import "net/http"

// viewManagedCluster renders c with whether apps run on it.
func (a *API) viewManagedCluster(c *cluster) any { return c.view(a.clusterInUse(c.id)) }

// listManagedClusters serves GET …/topology/v1/managedClusters.
func (a *API) listManagedClusters(w http.ResponseWriter, r *http.Request) *problem {
	q, p := parseListQuery(r.URL.RawQuery)
	if p != nil {
		return p
	}
	return writeRows(w, managedClustersType, managedClusterVer, a.clusters.All(), a.viewManagedCluster, q)
}

// getManagedCluster serves GET …/topology/v1/managedClusters/{id}.
func (a *API) getManagedCluster(w http.ResponseWriter, r *http.Request) *problem {
	c, ok := a.clusters.Get(r.PathValue("managedCluster_id"))
	if !ok {
		return newProblem(2)
	}
	return writeResource(w, r, http.StatusOK, managedClusterType, a.viewManagedCluster(c))
}
