package astra

import (
	"slices"
	"sync"
)

// The sandbox's topology: two managed clusters, each with the storage
// classes ontap-gold (default) and ontap-silver, and three managed apps.
// Replication (AppMirror) adds destination apps at run time, so apps live in
// a store; clusters and storage classes are fixed.

// cluster is a managed cluster (application/astra-managedCluster 1.7).
type cluster struct {
	id             string
	name           string
	clusterType    string // kubernetes, openshift, ...
	version        string // clusterVersionString, e.g. "v1.29.4"
	defaultSC      string // defaultStorageClass: the ID of the default storage class
	storageClasses []storageClass
	namespaces     []string
}

// storageClass is a Kubernetes storage class (application/astra-storageClass 1.1).
type storageClass struct {
	id          string
	name        string
	provisioner string
	isDefault   bool
}

// app is a managed application (application/astra-app 2.2).
type app struct {
	id          string
	name        string
	clusterID   string
	namespaces  []string
	state       string // ready, provisioning, ...
	protection  string // protectionState: none, partial, protected, atRisk
	createdAt   string
	modifiedAt  string
	createdBy   string
	replicaOf   string // replicationSourceAppID while a replication destination not failed over
	replicable  bool   // false for an app that cannot be replicated (409 problem 150)
	fixtureName string // "" for apps created at run time
}

// Names of the fixtures, as DESIGN.md lists them.
const (
	ClusterEastName = "cluster-east"
	ClusterWestName = "cluster-west"
	AppWordpress    = "wordpress"
	AppPostgres     = "postgres"
	AppMySQL        = "mysql"
)

// Deterministic IDs of the topology fixtures.
var (
	ClusterEastID = fixtureID("cluster/" + ClusterEastName)
	ClusterWestID = fixtureID("cluster/" + ClusterWestName)
	WordpressID   = fixtureID("app/" + AppWordpress)
	PostgresID    = fixtureID("app/" + AppPostgres)
	MySQLID       = fixtureID("app/" + AppMySQL)
)

func newCluster(name string) cluster {
	id := fixtureID("cluster/" + name)
	gold := storageClass{id: fixtureID("storageClass/" + name + "/ontap-gold"), name: "ontap-gold", provisioner: "csi.trident.netapp.io", isDefault: true}
	silver := storageClass{id: fixtureID("storageClass/" + name + "/ontap-silver"), name: "ontap-silver", provisioner: "csi.trident.netapp.io"}
	return cluster{
		id: id, name: name, clusterType: "kubernetes", version: "v1.29.4",
		defaultSC: gold.id, storageClasses: []storageClass{gold, silver},
		namespaces: []string{"default", "kube-system", "trident"},
	}
}

// fixtureClusters returns the managed clusters, east first.
func fixtureClusters() []cluster {
	east, west := newCluster(ClusterEastName), newCluster(ClusterWestName)
	east.namespaces = append(east.namespaces, AppWordpress, AppPostgres)
	west.namespaces = append(west.namespaces, AppMySQL)
	return []cluster{east, west}
}

// fixtureApps returns the managed apps present at start.
func fixtureApps() []*app {
	mk := func(name, clusterID string) *app {
		return &app{
			id: fixtureID("app/" + name), name: name, clusterID: clusterID, namespaces: []string{name},
			state: "ready", protection: "none", createdAt: fixtureTime, modifiedAt: fixtureTime,
			createdBy: UserID, replicable: true, fixtureName: name,
		}
	}
	mysql := mk(AppMySQL, ClusterWestID)
	// mysql keeps its data and its logs on volumes of two storage classes;
	// AppMirror needs an app with a single storage class (astra.md §2.5),
	// so replicating it gives 409 problem 150.
	mysql.replicable = false
	return []*app{mk(AppWordpress, ClusterEastID), mk(AppPostgres, ClusterEastID), mysql}
}

// topology holds the clusters and the app store.
type topology struct {
	clusters []cluster

	mu   sync.Mutex
	apps []*app
}

func newTopology() *topology {
	return &topology{clusters: fixtureClusters(), apps: fixtureApps()}
}

// cluster returns the managed cluster id.
func (t *topology) cluster(id string) (cluster, bool) {
	i := slices.IndexFunc(t.clusters, func(c cluster) bool { return c.id == id })
	if i < 0 {
		return cluster{}, false
	}
	return t.clusters[i], true
}

// app returns a copy of the app id.
func (t *topology) app(id string) (app, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	i := slices.IndexFunc(t.apps, func(a *app) bool { return a.id == id })
	if i < 0 {
		return app{}, false
	}
	cp := *t.apps[i]
	cp.namespaces = slices.Clone(cp.namespaces)
	return cp, true
}

// listApps returns copies of every app in creation order.
func (t *topology) listApps() []app {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]app, len(t.apps))
	for i, a := range t.apps {
		out[i] = *a
		out[i].namespaces = slices.Clone(a.namespaces)
	}
	return out
}

// addApp adds a (a destination app of a replication, say).
func (t *topology) addApp(a app) {
	t.mu.Lock()
	defer t.mu.Unlock()
	cp := a
	cp.namespaces = slices.Clone(a.namespaces)
	t.apps = append(t.apps, &cp)
}

// updateApp applies change to the app id under the lock; false if absent.
func (t *topology) updateApp(id string, change func(*app)) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	i := slices.IndexFunc(t.apps, func(a *app) bool { return a.id == id })
	if i < 0 {
		return false
	}
	change(t.apps[i])
	return true
}

// removeApp deletes the app id; false if absent.
func (t *topology) removeApp(id string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := len(t.apps)
	t.apps = slices.DeleteFunc(t.apps, func(a *app) bool { return a.id == id })
	return len(t.apps) < n
}
