// Package sdrs emulates the Huawei Cloud Storage Disaster Recovery Service
// (SDRS) v1 API for the sandbox. It serves, below /v1/{project_id}:
//
//   - protection groups (server-groups): create, list (filters and
//     paging), show, rename, delete, and the actions (enable, disable,
//     failover, planned failover), with their preconditions;
//   - replication pairs (replications) between the fixture disks: create,
//     list (filters and paging), show, rename, delete;
//   - jobs, which stay queryable after they end;
//   - the active-active domain (active-domains);
//
// behind AK/SK signature verification as the API gateway does it, with the
// API's validation, error format and codes. The API facts are in
// ../shared/specs beside the repository; comments cite them as
// "sdrs.md §N".
//
// It is an independent implementation of the API: it imports nothing from
// the provider nor the Huawei Cloud SDK, so that a misreading of the API
// cannot hide in shared code.
//
// Jobs are timed without goroutines: each lasts Options.Transition from its
// submission, and every request first applies the jobs that have ended.
//
// Every asynchronous operation is a job, named for fault injection
// (Options.Hooks) and notice latency:
//
//	sdrs.protection_group.create     createProtectionGroupNoCG
//	sdrs.protection_group.delete     deleteProtectionGroupNoCG
//	sdrs.protection_group.start      startProtectionGroupNoCG (enable protection)
//	sdrs.protection_group.reprotect  reprotectProtectionGroupNoCG (start after a failover)
//	sdrs.protection_group.stop       stopProtectionGroupNoCG
//	sdrs.protection_group.failover   failoverProtectionGroupNoCG
//	sdrs.protection_group.reverse    reverseProtectionGroupNoCG (planned failover)
//	sdrs.replication_pair.create     createReplicationPairNoCG
//	sdrs.replication_pair.delete     deleteReplicationPairNoCG
//
// A job fails on purpose when the fault spec says fail=OP for its
// operation, or when the description of its object contains
// SANDBOX_FAIL_<OPERATION> (CREATE, DELETE, START, REPROTECT, STOP,
// FAILOVER, REVERSE): it ends FAIL with the API's error code, and the
// object in its error status, so that clients can test their failed-job
// path. While the spec says stall=OP, a job of that operation whose end is
// due stays RUNNING and its object in its transitional status ("creating",
// "starting", "deleting", ...); once the stall is lifted (POST
// /_sandbox/faults), the next request completes it. A read that returns a
// finished job, or the object of one, reports the end of its transition to
// the notice recorder. Objects (GET /_sandbox/objects) lists the groups
// and pairs ("sdrs.protection_group", "sdrs.replication_pair") and the
// fixtures ("sdrs.domain", "sdrs.vpc", "sdrs.volume").
package sdrs

import (
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/store"
)

// Environment variables exported by the SDRS backend.
const (
	EnvRegion    = "HW_REGION_NAME"
	EnvProjectID = "HW_PROJECT_ID"
	EnvAccessKey = "HW_ACCESS_KEY"
	EnvSecretKey = "HW_SECRET_KEY"
	EnvEndpoint  = "HW_SDRS_ENDPOINT"
	EnvDomainID  = "CONTINUITY_SANDBOX_SDRS_DOMAIN_ID"
	EnvVPCID     = "CONTINUITY_SANDBOX_SDRS_VPC_ID"
	EnvVolumeIDs = "CONTINUITY_SANDBOX_SDRS_VOLUME_IDS"
)

// Options configures the SDRS backend. The zero value is ready to use.
type Options struct {
	// Hooks are the sandbox's fault injector (stall and fail of
	// asynchronous operations) and notice-latency recorder; nil fields
	// inject and record nothing.
	Hooks backend.Hooks
	// Transition is the duration of each asynchronous job.
	Transition time.Duration
	// Now returns the current time; nil means time.Now. Tests set it to move
	// jobs forward and to sign requests at chosen times.
	Now func() time.Time
}

// API is the SDRS backend. It implements backend.Backend.
type API struct {
	opts Options
	now  func() time.Time

	// mu is the one lock over every table, held by each request (guard),
	// so that the rules that span tables are checked and applied at once.
	mu      sync.Mutex
	groups  *store.Table[protectionGroup]
	pairs   *store.Table[replicationPair]
	jobs    *store.Table[job]
	volumes *store.Table[volume]
}

var (
	_ backend.Backend   = (*API)(nil)
	_ backend.Inventory = (*API)(nil)
)

// New returns an SDRS backend holding the deterministic fixtures.
func New(opts Options) *API {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	return &API{
		opts:    opts,
		now:     now,
		groups:  store.NewTable(func(g *protectionGroup) string { return g.id }),
		pairs:   store.NewTable(func(p *replicationPair) string { return p.id }),
		jobs:    store.NewTable(func(j *job) string { return j.id }),
		volumes: store.NewTable(func(v *volume) string { return v.id }, fixtureVolumes()...),
	}
}

// Env returns the provider's HW_* variables (the endpoint is baseURL: the
// SDK drops any path of its endpoint, so SDRS is served at the root), then
// the CONTINUITY_SANDBOX_SDRS_* fixture IDs.
func (a *API) Env(baseURL string) []backend.EnvVar {
	return []backend.EnvVar{
		{Name: EnvRegion, Value: Region},
		{Name: EnvProjectID, Value: ProjectID},
		{Name: EnvAccessKey, Value: AccessKey},
		{Name: EnvSecretKey, Value: SecretKey},
		{Name: EnvEndpoint, Value: baseURL},
		{Name: EnvDomainID, Value: DomainID},
		{Name: EnvVPCID, Value: VPCID},
		{Name: EnvVolumeIDs, Value: strings.Join(VolumeIDs, ",")},
	}
}

// Kinds of the objects Objects lists, named as the provider names them.
const (
	kindProtectionGroup = "sdrs.protection_group"
	kindReplicationPair = "sdrs.replication_pair"
	kindDomain          = "sdrs.domain"
	kindVPC             = "sdrs.vpc"
	kindVolume          = "sdrs.volume"
)

// Objects lists every object the backend holds, after the jobs that ended
// are settled: the protection groups and replication pairs (a deleted one
// is gone once its job has ended), then the fixtures (the domain, the VPC
// and the disks).
func (a *API) Objects() []backend.Object {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.settle(a.now())
	var out []backend.Object
	for _, g := range a.groups.All() {
		out = append(out, backend.Object{Kind: kindProtectionGroup, ID: g.id, Name: g.name, Status: g.status})
	}
	for _, p := range a.pairs.All() {
		out = append(out, backend.Object{Kind: kindReplicationPair, ID: p.id, Name: p.name, Status: p.status})
	}
	out = append(out,
		backend.Object{Kind: kindDomain, ID: DomainID, Name: DomainName, Fixture: true},
		backend.Object{Kind: kindVPC, ID: VPCID, Name: "sandbox-vpc", Fixture: true})
	for _, v := range a.volumes.All() {
		status := "available"
		if v.pairID != "" {
			status = "in-use"
		}
		out = append(out, backend.Object{Kind: kindVolume, ID: v.id, Status: status, Fixture: true})
	}
	return out
}

// findRow returns the row of table whose ID is the request's path
// parameter param, or the API's error code for a missing object.
func findRow[T any](table *store.Table[T], r *http.Request, param, code string) (*T, *apiError) {
	row, ok := table.Get(r.PathValue(param))
	if !ok {
		return nil, sdrsError(code, "")
	}
	return row, nil
}
