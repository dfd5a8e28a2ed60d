package astra

import "github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"

var _ backend.Inventory = (*API)(nil)

// Objects lists every object the emulator holds (GET /_sandbox/objects),
// each kind named as the provider names its Terraform type: hook sources,
// execution hooks, app schedules, AppMirror relationships (with their
// state), managed apps (with theirs), credentials (kind
// astra.cloud_credential), buckets, snapshots and backups (with their
// states), managed clusters, their storage classes and packages. The
// snapshot a backup takes of its own is part of the backup, not listed;
// hook runs are records (GET /_sandbox/astra/hookRuns), not objects. What the emulator made itself is a fixture: the
// preloaded hook source, the NetApp execution hook, the topology, the
// packages and the apps present at start. The destination app an AppMirror
// creates is not: a client's request made it (and it stays after the
// relationship is deleted). Due transitions are applied first, as for a
// request.
func (a *API) Objects() []backend.Object {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.settle(a.now())
	var out []backend.Object
	add := func(kind, id, name, status string, fixture bool) {
		out = append(out, backend.Object{Kind: "astra." + kind, ID: id, Name: name, Status: status, Fixture: fixture})
	}
	for _, h := range a.hookSources.All() {
		add("hook_source", h.id, h.name, "", h.preloaded)
	}
	for _, h := range a.executionHooks.All() {
		add("execution_hook", h.id, h.name, "", h.hookType == hookTypeNetApp)
	}
	for _, s := range a.appSchedules.All() {
		add("app_schedule", s.id, s.name, "", false)
	}
	for _, m := range a.appMirrors.All() {
		add("app_mirror", m.id, "", m.state(), false)
	}
	for _, x := range a.apps.All() {
		add("app", x.id, x.name, a.appState(x), x.fixtureName != "")
	}
	for _, c := range a.credentials.All() {
		add("cloud_credential", c.id, c.name, "", false)
	}
	for _, b := range a.buckets.All() {
		state, _ := a.bucketState(b)
		add("bucket", b.id, b.name, state, false)
	}
	for _, s := range a.snapshots.All() {
		add("snapshot", s.id, s.name, a.snapshotState(s), false)
	}
	for _, b := range a.backups.All() {
		add("backup", b.id, b.name, a.backupState(b), false)
	}
	for _, c := range a.clusters.All() {
		add("managed_cluster", c.id, c.name, "", true)
		for _, sc := range c.storageClasses {
			add("storage_class", sc.id, sc.name, "", true)
		}
	}
	for _, p := range a.packages.All() {
		add("package", p.ID, p.PackageName, p.PackageState, true)
	}
	return out
}
