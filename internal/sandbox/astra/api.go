// Package astra emulates the NetApp Astra Control REST API (24.02) for the
// sandbox. It serves, under /accounts/{account_id}:
//
//   - hook sources (core/v1/hookSources), with one preloaded, read-only one;
//   - execution hooks (core/v1/executionHooks and the app-scoped
//     k8s/v1/apps/{app_id}/executionHooks), with one NetApp hook;
//   - app protection schedules (k8s/v1/apps/{app_id}/schedules);
//   - software packages (core/v1/packages), read-only fixtures;
//   - the lookups of apps (k8s/v2/apps, which can also be managed and
//     unmanaged), managed clusters and their storage classes
//     (topology/v1/managedClusters);
//   - AppMirror replication relationships (k8s/v1/appMirrors and the
//     app-scoped k8s/v1/apps/{app_id}/appMirrors), whose asynchronous states
//     are computed from the clock when a request reads them.
//
// The sandbox's faults (package faults) stall or fail the asynchronous
// operations of AppMirror relationships by name: stall=OP holds a
// relationship in its transitional state past its time until the stall is
// lifted, fail=OP (asked when the operation starts) ends it in failure:
// the transitional state stays, healthState becomes "critical" and a
// stateDetail names the operation; requesting the state again (or deleting
// again) retries it. The operations are
//
//	astra.app_mirror.establish  POST: establishing → established
//	astra.app_mirror.failover   PUT failedOver: failingOver → failedOver
//	astra.app_mirror.resync     PUT established from failedOver: establishing → established
//	astra.app_mirror.reverse    PUT established with swapped IDs: establishing → established
//	astra.app_mirror.delete     DELETE (or PUT deleted): deleting → gone
//
// and reads report each one's end to the notice recorder under the same
// names. Hook sources, execution hooks and schedules are synchronous.
// Objects (backend.Inventory) lists everything the emulator holds.
//
// Every route checks the bearer token, the account and the query keys, and
// answers errors in the spec's problem format and numbers (problems.go). The
// API facts it follows are in astra.md and NetApp's OpenAPI spec
// astra-openapi-24.02.json, in ../shared/specs beside the repository;
// comments cite them as "astra.md §N".
//
// It is an independent implementation of the API: it imports nothing from
// the provider, so that a misreading of the API cannot hide in shared code.
package astra

import (
	"slices"
	"sync"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/store"
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
	// EnvUnmanagedNamespaces lists the namespaces no app manages, free for
	// clients to manage, as cluster/namespace, comma-separated (DESIGN.md).
	EnvUnmanagedNamespaces = "CONTINUITY_SANDBOX_ASTRA_UNMANAGED_NAMESPACES"
)

// Options configures the Astra backend. The zero value is ready to use.
type Options struct {
	// Hooks are the sandbox's fault injector (stall and fail of
	// asynchronous operations) and notice-latency recorder; nil fields
	// inject and record nothing.
	Hooks backend.Hooks
	// Transition is the duration of each asynchronous step: an AppMirror
	// stays establishing, failingOver or deleting this long. The other
	// objects are synchronous and ignore it.
	Transition time.Duration
	// Now returns the current time; nil means time.Now. Tests set it to get
	// predictable timestamps.
	Now func() time.Time
	// AccountID and Token are the one account and bearer token the
	// emulator accepts; empty means the fixed AccountID and Token. Each
	// sandbox tenant has its own, so that one tenant's token is refused by
	// every other tenant's emulator.
	AccountID, Token string
}

// API is the Astra backend. It implements backend.Backend.
//
// One lock guards every table: each request holds it from its first read
// to its answer (see router.guard), so that a rule spanning tables (a hook
// source that an execution hook runs cannot be deleted, an app can be in
// one relationship only) is checked and acted on atomically.
type API struct {
	opts Options
	now  func() time.Time

	mu             sync.Mutex
	hookSources    *store.Table[hookSource]
	executionHooks *store.Table[executionHook]
	appSchedules   *store.Table[appSchedule]
	packages       *store.Table[astraPackage]
	clusters       *store.Table[cluster]
	apps           *store.Table[app]
	appMirrors     *store.Table[appMirror]
	credentials    *store.Table[credential]
	buckets        *store.Table[bucket]
	snapshots      *store.Table[snapshot]
	backups        *store.Table[backup]
	hookRuns       *store.Table[hookRun]
	// unmanaged are the fixture namespaces no app managed at the start,
	// as cluster/namespace (UnmanagedNamespaces and the user's fixtures).
	unmanaged []string
}

var _ backend.Backend = (*API)(nil)

// New returns an Astra backend holding the deterministic fixtures.
func New(opts Options) *API {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	if opts.AccountID == "" {
		opts.AccountID = AccountID
	}
	if opts.Token == "" {
		opts.Token = Token
	}
	return &API{
		opts:           opts,
		now:            now,
		hookSources:    store.NewTable(func(h *hookSource) string { return h.id }, fixtureHookSources()...),
		executionHooks: store.NewTable(func(h *executionHook) string { return h.id }, fixtureExecutionHooks()...),
		appSchedules:   store.NewTable(func(s *appSchedule) string { return s.id }),
		packages:       store.NewTable(func(p *astraPackage) string { return p.ID }, fixturePackages()...),
		clusters:       store.NewTable(func(c *cluster) string { return c.id }, fixtureClusters()...),
		apps:           store.NewTable(func(x *app) string { return x.id }, fixtureApps()...),
		appMirrors:     store.NewTable(func(m *appMirror) string { return m.id }),
		credentials:    store.NewTable(func(c *credential) string { return c.id }),
		buckets:        store.NewTable(func(b *bucket) string { return b.id }),
		snapshots:      store.NewTable(func(s *snapshot) string { return s.id }),
		backups:        store.NewTable(func(b *backup) string { return b.id }),
		hookRuns:       store.NewTable(func(h *hookRun) string { return h.ID }),
		unmanaged:      slices.Clone(UnmanagedNamespaces),
	}
}

// settle ends every asynchronous operation whose time is up at now (see
// transition and the AppMirror phases) and applies the effects of its end,
// before each request. Snapshots and backups settle before apps, so that
// what an unmanaged app takes with it is settled first.
func (a *API) settle(now time.Time) {
	a.settleMirrors(now)
	a.settleBuckets(now)
	a.settleSnapshots(now)
	a.settleBackups(now)
	a.settleApps(now)
}

// Env returns ASTRA_ENDPOINT (baseURL), ASTRA_ACCOUNT_ID, ASTRA_API_TOKEN
// and the CONTINUITY_SANDBOX_ASTRA_* fixture IDs and names, in that order.
func (a *API) Env(baseURL string) []backend.EnvVar {
	return append([]backend.EnvVar{
		{Name: EnvEndpoint, Value: baseURL},
		{Name: EnvAccountID, Value: a.opts.AccountID},
		{Name: EnvAPIToken, Value: a.opts.Token},
		{Name: EnvPreloadedHookSourceID, Value: PreloadedHookSourceID},
	}, a.fixtureEnv()...)
}

// timestampLayout renders type_astra_time with microseconds, like the
// spec examples.
const timestampLayout = "2006-01-02T15:04:05.000000Z"

// stamp renders t as a type_astra_time.
func stamp(t time.Time) string { return t.UTC().Format(timestampLayout) }

// timestamp returns the current time as a type_astra_time.
func (a *API) timestamp() string { return stamp(a.now()) }
