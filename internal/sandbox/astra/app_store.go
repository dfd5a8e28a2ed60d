package astra

import (
	"slices"
	"time"
)

// App states (app_2.2 state, astra.md §10.4).
const (
	appPending      = "pending"
	appDiscovering  = "discovering"
	appProvisioning = "provisioning"
	appReady        = "ready"
	appFailed       = "failed"
	appRestoring    = "restoring"
	appDeleting     = "deleting"
)

// appOp is the kind of an app's asynchronous operation.
type appOp int

const (
	opManage   appOp = iota // POST with a definition: pending → discovering → ready
	opClone                 // POST with sourceAppID: provisioning → discovering → ready
	opRestore               // POST with snapshotID or backupID: provisioning → discovering → ready
	opIPR                   // PUT with snapshotID or backupID and forceUpdate: restoring → discovering → ready
	opUnmanage              // DELETE: deleting → gone
)

// name is the operation's name for faults and notice figures.
func (o appOp) name() string {
	return "astra.app." + [...]string{"manage", "clone", "restore", "in_place_restore", "unmanage"}[o]
}

// states are the transitional states the operation goes through, one per
// step.
func (o appOp) states() []string {
	switch o {
	case opManage:
		return []string{appPending, appDiscovering}
	case opClone, opRestore:
		return []string{appProvisioning, appDiscovering}
	case opIPR:
		return []string{appRestoring, appDiscovering}
	}
	return []string{appDeleting}
}

// namespaceResource is one namespaceScopedResources entry: a namespace and
// the label selectors that pick the app's resources in it.
type namespaceResource struct {
	Namespace      string   `json:"namespace"`
	LabelSelectors []string `json:"labelSelectors,omitempty"`
}

// clusterResource is one clusterScopedResources entry.
type clusterResource struct {
	GVK            gvk      `json:"GVK"`
	LabelSelectors []string `json:"labelSelectors,omitempty"`
}

// gvk is a Kubernetes group, version and kind.
type gvk struct {
	Group   string `json:"group"`
	Kind    string `json:"kind"`
	Version string `json:"version"`
}

// namespacePair is one namespaceMapping entry of a clone or restore.
type namespacePair struct {
	Source      string `json:"source"`
	Destination string `json:"destination"`
}

// storageClassPair is one storageClassMapping entry.
type storageClassPair struct {
	Source      string `json:"source"`
	Destination string `json:"destination"`
}

// restoreFilter is a selective restore's filter.
type restoreFilter struct {
	ResourceSelectionCriteria string     `json:"resourceSelectionCriteria"`
	GVKN                      []gvknBody `json:"GVKN"`
}

// gvknBody is one GVKN entry of a restore filter.
type gvknBody struct {
	Group          string   `json:"group,omitempty"`
	Version        string   `json:"version,omitempty"`
	Kind           string   `json:"kind,omitempty"`
	Namespaces     []string `json:"namespaces,omitempty"`
	Names          []string `json:"names,omitempty"`
	LabelSelectors []string `json:"labelSelectors,omitempty"`
}

// app is a managed application (application/astra-app 2.2). Apps are
// managed and unmanaged through the API, made by clones and restores, and
// by AppMirror relationships (their destination apps); the fixture apps
// are permanent.
type app struct {
	id               string
	name             string
	version          string // of the request that made it, echoed
	clusterID        string
	resources        []namespaceResource
	clusterResources []clusterResource
	containers       []container
	state            string // when no operation is under way: ready, failed, provisioning (an AppMirror's destination) …
	stateDetails     []stateDetailBody
	protection       string // protectionState: none, partial, protected, atRisk
	replicaOf        string // replicationSourceAppID while a replication destination not failed over
	replicable       bool   // false for an app that cannot be replicated (409 problem 150)
	fixtureName      string // "" for apps created at run time

	// How a clone or a restored app was made; empty for a managed app.
	sourceAppID     string
	sourceClusterID string
	snapshotID      string
	backupID        string
	nsMapping       []namespacePair
	scMapping       []storageClassPair
	filter          *restoreFilter

	op     *transition // the operation under way, or the last one
	opKind appOp
	// the app whose post-restore hooks run when the clone, restore or
	// in-place restore under way ends: its source.
	restoredFrom string

	record
}

// namespaces returns the app's namespaces, in definition order.
func (x *app) namespaces() []string {
	out := make([]string, 0, len(x.resources))
	for _, r := range x.resources {
		if !slices.Contains(out, r.Namespace) {
			out = append(out, r.Namespace)
		}
	}
	return out
}

// currentState returns the state at now with steps of step.
func (x *app) currentState(now time.Time, step time.Duration) string {
	if x.op.running() {
		return x.opKind.states()[x.op.at(now, step)]
	}
	return x.state
}

// appState returns the app's state now.
func (a *API) appState(x *app) string { return x.currentState(a.now(), a.opts.Transition) }

// appSettled reports whether no operation of the app is under way and it
// is ready: snapshots, backups, clones and restores need that.
func (a *API) appReady(x *app) bool { return a.appState(x) == appReady }

// editApp applies change to the app id, if it exists.
func (a *API) editApp(id string, change func(*app)) {
	if x, ok := a.apps.Get(id); ok {
		change(x)
	}
}

// startAppOp starts op on x at now.
func (a *API) startAppOp(x *app, op appOp, now time.Time) {
	x.op, x.opKind = a.begin(op.name(), len(op.states()), now), op
	x.stateDetails = nil
	x.touch(stamp(now))
}

// settleApps ends the operations of apps whose time is up at now and
// applies their effects: the app is ready (and the post-restore hooks run),
// or failed; an unmanaged app is gone, with its schedules, snapshots and
// backups.
func (a *API) settleApps(now time.Time) {
	var gone []string
	for _, x := range a.apps.All() {
		if !a.settleTransition(x.op, now) {
			continue
		}
		end := stamp(x.op.end)
		x.modifiedAt = end
		switch {
		case x.op.failing && x.opKind == opUnmanage:
			x.state = appFailed
			x.stateDetails = []stateDetailBody{failureDetail(x.op, "Unmanaging the app")}
		case x.op.failing:
			x.state = appFailed
			x.stateDetails = []stateDetailBody{failureDetail(x.op, map[appOp]string{opManage: "Discovering the app",
				opClone: "Cloning the app", opRestore: "Restoring the app", opIPR: "Restoring the app in place"}[x.opKind])}
		case x.opKind == opUnmanage:
			gone = append(gone, x.id)
		default:
			x.state = appReady
			if x.opKind != opManage {
				a.runHooks(hookRunRequest{app: x, action: "restore", stage: "post", resourceID: x.id,
					resourceKind: "app", at: x.op.end, source: x.restoredFrom})
			}
		}
	}
	for _, id := range gone {
		a.unmanage(id)
	}
}

// unmanage removes the app id and what depends on it: "the application
// goes into the deleting state and then deletes all associated schedules,
// snapshots, backups, and the stored application state" (astra.md §10.5,
// where the spec and ACC are followed). Its execution hooks stay (the spec
// does not say they go); its namespaces stay on the cluster.
//
// The cascade is fixed, not the flag §10.5 suggests: the flag would be an
// emulator Option (that other work owns), and it would only emulate the
// one document that disagrees (DOCS wf_unmanage_app.adoc) against the spec
// and ACC. The provider depends on neither: Terraform destroys an app's
// snapshots and backups before the app, and a snapshot or backup whose
// app was unmanaged outside Terraform is read as gone.
func (a *API) unmanage(id string) {
	a.apps.Remove(id)
	a.appSchedules.RemoveFunc(func(s *appSchedule) bool { return s.appID == id })
	a.snapshots.RemoveFunc(func(s *snapshot) bool { return s.appID == id })
	a.backups.RemoveFunc(func(b *backup) bool { return b.appID == id })
}

// removeApp starts unmanaging the app id. Unknown: 404 problem 1; a
// fixture app: 403 problem 11; an app in a replication relationship: 409
// problem 119; an app with an operation under way (discovering,
// restoring, …): 409 problem 112. Unmanaging an app that is already being
// unmanaged changes nothing.
func (a *API) removeApp(id string) *problem {
	x, ok := a.apps.Get(id)
	switch {
	case !ok:
		return newProblem(1)
	case x.fixtureName != "":
		return newProblem(11)
	case a.appMirrorOf(id) != nil:
		return newProblem(119)
	}
	switch a.appState(x) {
	case appDeleting:
		return nil
	case appPending, appDiscovering, appProvisioning, appRestoring:
		return newProblem(112)
	}
	a.startAppOp(x, opUnmanage, a.now())
	return nil
}

// namespaceExists reports whether the cluster has the namespace: a fixture,
// one an app was managed in, or one a clone, a restore or a replication
// made.
func (c *cluster) namespaceExists(ns string) bool { return slices.Contains(c.namespaces, ns) }

// addNamespaces records namespaces as existing on the cluster id.
func (a *API) addNamespaces(clusterID string, namespaces []string) {
	c, ok := a.clusters.Get(clusterID)
	if !ok {
		return
	}
	for _, ns := range namespaces {
		if !c.namespaceExists(ns) {
			c.namespaces = append(c.namespaces, ns)
		}
	}
}
