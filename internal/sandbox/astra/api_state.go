package astra

import (
	"encoding/json"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/store"
)

// stateVersion is the version of the Astra emulator's saved state; Load
// refuses another.
const stateVersion = 1

// savedState is what Save writes: every table, fixtures included (an app
// managed in a fixture namespace, a fixture hook source's runs), with the
// operations under way, whose start times are wall-clock times, so that an
// operation that was under way at the save goes on after a restart. IDs are
// random UUIDs: there is no counter to keep.
type savedState struct {
	Version        int
	HookSources    []*hookSource
	ExecutionHooks []*executionHook
	AppSchedules   []*appSchedule
	Packages       []*astraPackage
	Clusters       []*cluster
	Apps           []*app
	AppMirrors     []*appMirror
	Credentials    []*credential
	Buckets        []*bucket
	Snapshots      []*snapshot
	Backups        []*backup
	HookRuns       []*hookRun
	Unmanaged      []string
}

var _ backend.Stateful = (*API)(nil)

// Save returns everything the emulator holds (backend.Stateful).
func (a *API) Save() (json.RawMessage, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return store.Marshal(&savedState{
		Version:        stateVersion,
		HookSources:    a.hookSources.Rows(),
		ExecutionHooks: a.executionHooks.Rows(),
		AppSchedules:   a.appSchedules.Rows(),
		Packages:       a.packages.Rows(),
		Clusters:       a.clusters.Rows(),
		Apps:           a.apps.Rows(),
		AppMirrors:     a.appMirrors.Rows(),
		Credentials:    a.credentials.Rows(),
		Buckets:        a.buckets.Rows(),
		Snapshots:      a.snapshots.Rows(),
		Backups:        a.backups.Rows(),
		HookRuns:       a.hookRuns.Rows(),
		Unmanaged:      a.unmanaged,
	})
}

// Load replaces what the emulator holds with Save's state
// (backend.Stateful).
func (a *API) Load(data json.RawMessage) error {
	var s savedState
	if err := store.UnmarshalState(data, &s, &s.Version, stateVersion, "astra"); err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.hookSources.Replace(s.HookSources)
	a.executionHooks.Replace(s.ExecutionHooks)
	a.appSchedules.Replace(s.AppSchedules)
	a.packages.Replace(s.Packages)
	a.clusters.Replace(s.Clusters)
	a.apps.Replace(s.Apps)
	a.appMirrors.Replace(s.AppMirrors)
	a.credentials.Replace(s.Credentials)
	a.buckets.Replace(s.Buckets)
	a.snapshots.Replace(s.Snapshots)
	a.backups.Replace(s.Backups)
	a.hookRuns.Replace(s.HookRuns)
	a.unmanaged = s.Unmanaged
	return nil
}
