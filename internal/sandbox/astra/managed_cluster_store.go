package astra

// cluster is a managed cluster (application/astra-managedCluster 1.7). The
// sandbox's two clusters and their storage classes are fixed.
type cluster struct {
	id             string
	name           string
	clusterType    string // kubernetes, openshift, ...
	version        string // clusterVersionString, e.g. "v1.29.4"
	defaultSC      string // defaultStorageClass: the ID of the default storage class
	storageClasses []*storageClass
	namespaces     []string
}

// storageClass is a Kubernetes storage class of a cluster
// (application/astra-storageClass 1.1).
type storageClass struct {
	id          string
	name        string
	provisioner string
	isDefault   bool
}

// clusterInUse reports whether a managed app runs on the cluster.
func (a *API) clusterInUse(id string) bool {
	return a.apps.Any(func(x *app) bool { return x.clusterID == id })
}
