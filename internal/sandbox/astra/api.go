// Package astra emulates the NetApp Astra Control REST API (24.02) for the
// sandbox: bearer-token authentication, the error model of the spec's
// astra_problem_detail_N schemas, collection query parameters, the hook
// sources collection (core/v1/hookSources), the lookups of apps, managed
// clusters and storage classes, and AppMirror replication relationships
// with their asynchronous states.
//
// It is an independent implementation of the API: it imports nothing from
// the provider, so that a misreading of the API cannot hide in shared code.
package astra

import (
	"net/http"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// Environment variables exported by the Astra backend.
const (
	EnvEndpoint              = "ASTRA_ENDPOINT"
	EnvAccountID             = "ASTRA_ACCOUNT_ID"
	EnvAPIToken              = "ASTRA_API_TOKEN"
	EnvPreloadedHookSourceID = "CONTINUITY_SANDBOX_ASTRA_PRELOADED_HOOK_SOURCE_ID"
	EnvClusterEastID         = "CONTINUITY_SANDBOX_ASTRA_CLUSTER_EAST_ID"
	EnvClusterWestID         = "CONTINUITY_SANDBOX_ASTRA_CLUSTER_WEST_ID"
	EnvWordpressAppID        = "CONTINUITY_SANDBOX_ASTRA_APP_WORDPRESS_ID"
	EnvPostgresAppID         = "CONTINUITY_SANDBOX_ASTRA_APP_POSTGRES_ID"
	EnvMySQLAppID            = "CONTINUITY_SANDBOX_ASTRA_APP_MYSQL_ID"
)

// Options configures the Astra backend. The zero value is ready to use.
type Options struct {
	// Transition is the duration of each asynchronous step: an AppMirror
	// stays establishing, failingOver or deleting this long. Hook sources
	// are synchronous and ignore it.
	Transition time.Duration
	// Now returns the current time; nil means time.Now. Tests set it to get
	// predictable timestamps.
	Now func() time.Time
}

// API is the Astra backend. It implements backend.Backend.
type API struct {
	opts    Options
	now     func() time.Time
	hooks   *hookSourceStore
	topo    *topology
	mirrors *appMirrorStore
	ops     *opsState // packages, execution hooks, schedules (ops.go)

	// HookSourceReferenced reports whether an execution hook references the
	// hook source with the given ID; DELETE then answers 403 problem 72.
	// Nil means never. It is called with the hook source store locked, so it
	// must not call back into the hook source handlers.
	HookSourceReferenced func(id string) bool
}

var _ backend.Backend = (*API)(nil)

// New returns an Astra backend holding the deterministic fixtures.
func New(opts Options) *API {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	a := &API{
		opts:    opts,
		now:     now,
		hooks:   newHookSourceStore(preloadedHookSources()),
		topo:    newTopology(),
		mirrors: &appMirrorStore{},
	}
	a.initOps()
	return a
}

// Env returns ASTRA_ENDPOINT (baseURL), ASTRA_ACCOUNT_ID, ASTRA_API_TOKEN
// and the CONTINUITY_SANDBOX_ASTRA_* fixture IDs, in that order.
func (a *API) Env(baseURL string) []backend.EnvVar {
	return []backend.EnvVar{
		{Name: EnvEndpoint, Value: baseURL},
		{Name: EnvAccountID, Value: AccountID},
		{Name: EnvAPIToken, Value: Token},
		{Name: EnvPreloadedHookSourceID, Value: PreloadedHookSourceID},
		{Name: EnvClusterEastID, Value: ClusterEastID},
		{Name: EnvClusterWestID, Value: ClusterWestID},
		{Name: EnvWordpressAppID, Value: WordpressID},
		{Name: EnvPostgresAppID, Value: PostgresID},
		{Name: EnvMySQLAppID, Value: MySQLID},
	}
}

// Register adds every Astra route to mux, plus method-less patterns that
// answer 405 problem 69 and fallbacks under /accounts that answer 404
// problem 2.
func (a *API) Register(mux *http.ServeMux) {
	rt := router{api: a, mux: mux}
	rt.path(hookSourcesPath, map[string]route{
		http.MethodGet:  {handle: a.listHookSources, query: listQueryKeys},
		http.MethodPost: {handle: a.createHookSource},
	})
	rt.path(hookSourcePath, map[string]route{
		http.MethodGet:    {handle: a.getHookSource},
		http.MethodPut:    {handle: a.updateHookSource},
		http.MethodDelete: {handle: a.deleteHookSource},
	})
	// Packages, execution hooks and schedules (ops.go).
	a.registerOps(rt)
	rt.path(appsPath, map[string]route{
		http.MethodGet:  {handle: a.listApps, query: listQueryKeys},
		http.MethodPost: {handle: a.createApp},
	})
	rt.path(appPath, map[string]route{
		http.MethodGet:    {handle: a.getApp},
		http.MethodDelete: {handle: a.deleteApp},
	})
	rt.path(managedClustersP, map[string]route{
		http.MethodGet: {handle: a.listManagedClusters, query: listQueryKeys},
	})
	rt.path(managedClusterPath, map[string]route{
		http.MethodGet: {handle: a.getManagedCluster},
	})
	rt.path(storageClassesPath, map[string]route{
		http.MethodGet: {handle: a.listStorageClasses, query: []string{queryInclude, queryLimit}},
	})
	rt.path(storageClassPath, map[string]route{
		http.MethodGet: {handle: a.getStorageClass},
	})
	for _, scope := range []struct{ collection, one string }{{appMirrorsPath, appMirrorPath}, {appAppMirrorsPath, appAppMirrorPath}} {
		rt.path(scope.collection, map[string]route{
			http.MethodGet:  {handle: a.listAppMirrors, query: listQueryKeys},
			http.MethodPost: {handle: a.createAppMirror},
		})
		rt.path(scope.one, map[string]route{
			http.MethodGet:    {handle: a.getAppMirror},
			http.MethodPut:    {handle: a.updateAppMirror},
			http.MethodDelete: {handle: a.deleteAppMirror},
		})
	}
	rt.fallback("/accounts")
	rt.fallback("/accounts/")
}
