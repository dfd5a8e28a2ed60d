package astra

// app is a managed application (application/astra-app 2.2). Replication
// (AppMirror) adds destination apps at run time, and apps can be managed and
// unmanaged through the API; the fixture apps are permanent.
type app struct {
	id          string
	name        string
	clusterID   string
	namespaces  []string
	state       string // ready, provisioning, ...
	protection  string // protectionState: none, partial, protected, atRisk
	replicaOf   string // replicationSourceAppID while a replication destination not failed over
	replicable  bool   // false for an app that cannot be replicated (409 problem 150)
	fixtureName string // "" for apps created at run time
	record
}

// editApp applies change to the app id, if it exists.
func (a *API) editApp(id string, change func(*app)) {
	if x, ok := a.apps.Get(id); ok {
		change(x)
	}
}

// removeApp unmanages the app id. Unknown: 404 problem 1; a fixture app:
// 403 problem 11; an app in a replication relationship: 409 problem 119.
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
	a.apps.Remove(id)
	return nil
}
