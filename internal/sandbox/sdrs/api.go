// Package sdrs emulates the Huawei Cloud Storage Disaster Recovery Service
// (SDRS) v1 API for the sandbox. It serves, below /v1/{project_id}:
//
//   - protection groups (server-groups): create, list (filters and
//     paging), show, rename, delete, and the actions (enable, disable,
//     failover, re-protection, planned failover), with their
//     preconditions and their effects on the servers;
//   - replication pairs (replications) between the fixture disks: create,
//     list (filters and paging), show, rename, delete, expand;
//   - protected instances (protected-instances) of the fixture servers:
//     create (the DR-site server and one pair per disk), list, show,
//     rename, delete (optionally with the DR server and its EIP), tags,
//     attaching and detaching replication pairs, adding and deleting NICs,
//     resizing;
//   - DR drills (disaster-recovery-drills): create (drill servers in the
//     drill VPC), list, show, rename, delete;
//   - jobs, which stay queryable after they end; the task center of the
//     jobs that failed (task-center/failure-jobs) and its clean-up;
//   - quotas (sdrs/quotas) and RPO statistics (resource/rpo-statistics);
//   - the active-active domain (active-domains);
//   - the few ECS and VPC calls a client of SDRS needs: show a server
//     (cloudservers/{id}), stop and start servers (cloudservers/action),
//     list a server's NICs (ports);
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
//	sdrs.protection_group.create        createProtectionGroupNoCG
//	sdrs.protection_group.delete        deleteProtectionGroupNoCG
//	sdrs.protection_group.start         startProtectionGroupNoCG (enable protection)
//	sdrs.protection_group.reprotect     reprotectProtectionGroupNoCG (start after a failover)
//	sdrs.protection_group.stop          stopProtectionGroupNoCG
//	sdrs.protection_group.failover      failoverProtectionGroupNoCG
//	sdrs.protection_group.reverse       reverseProtectionGroupNoCG (planned failover)
//	sdrs.replication_pair.create        createReplicationPairNoCG
//	sdrs.replication_pair.delete        deleteReplicationPairNoCG
//	sdrs.replication_pair.expand        expandReplicationPairNew
//	sdrs.protected_instance.create      createProtectedInstanceNoCG
//	sdrs.protected_instance.delete      deleteProtectedInstanceNoCG
//	sdrs.protected_instance.add_nic     addNicNew
//	sdrs.protected_instance.delete_nic  deleteNicNew
//	sdrs.protected_instance.resize      resizeProtectedInstanceNew
//	sdrs.replication_attachment.create  attachReplicationPairNew
//	sdrs.replication_attachment.delete  detachReplicationPairNew
//	sdrs.drill.create                   createDisasterRecoveryDrill
//	sdrs.drill.delete                   deleteDisasterRecoveryDrill
//
// A job fails on purpose when the fault spec says fail=OP for its
// operation, or when the description of its object (a drill's name, as
// drills have no description; for an attachment, the instance's or the
// pair's) contains SANDBOX_FAIL_<OPERATION> (CREATE, DELETE, START,
// REPROTECT, STOP, FAILOVER, REVERSE, EXPAND, ATTACH, DETACH, ADD_NIC,
// DELETE_NIC, RESIZE): it ends FAIL with the API's error code, the object
// in its error status and a record in the task center, so that clients can
// test their failed-job path. While the spec says stall=OP, a job of that
// operation whose end is due stays RUNNING and its object in its
// transitional status ("creating", "starting", "deleting", ...); once the
// stall is lifted (POST /_sandbox/faults), the next request completes it. A
// read that returns a finished job, or the object of one, reports the end
// of its transition to the notice recorder. Objects (GET /_sandbox/objects)
// lists the groups, pairs, protected instances, drills, the servers SDRS
// created and the task center's records ("sdrs.protection_group",
// "sdrs.replication_pair", "sdrs.protected_instance", "sdrs.drill",
// "sdrs.server", "sdrs.failed_job") and the fixtures ("sdrs.domain",
// "sdrs.vpc", "sdrs.subnet", "sdrs.volume", "sdrs.server").
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
	// EnvServerIDs are the ECS servers a protected instance may protect
	// (comma-separated), EnvSubnetID the subnet of their NICs, EnvDrillVPCID
	// a VPC for DR drills; EnvSecurityGroupID a security group besides
	// Sys-default and EnvFlavors the ECS flavors (the servers' first).
	EnvServerIDs       = "CONTINUITY_SANDBOX_SDRS_SERVER_IDS"
	EnvSubnetID        = "CONTINUITY_SANDBOX_SDRS_SUBNET_ID"
	EnvDrillVPCID      = "CONTINUITY_SANDBOX_SDRS_DRILL_VPC_ID"
	EnvSecurityGroupID = "CONTINUITY_SANDBOX_SDRS_SECURITY_GROUP_ID"
	EnvFlavors         = "CONTINUITY_SANDBOX_SDRS_FLAVORS"
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
	// ProjectID, AccessKey and SecretKey are the one project and AK/SK
	// pair the emulator accepts; empty means the fixed ProjectID,
	// AccessKey and SecretKey. Each sandbox tenant has its own: the
	// sandbox routes SDRS requests to a tenant by the project in the path.
	ProjectID, AccessKey, SecretKey string
}

// API is the SDRS backend. It implements backend.Backend.
type API struct {
	opts Options
	now  func() time.Time
	// keys maps the access key the emulator accepts to its secret key.
	keys map[string]string

	// mu is the one lock over every table, held by each request (guard),
	// so that the rules that span tables are checked and applied at once.
	mu        sync.Mutex
	groups    *store.Table[protectionGroup]
	pairs     *store.Table[replicationPair]
	instances *store.Table[protectedInstance]
	drills    *store.Table[drill]
	jobs      *store.Table[job]
	failures  *store.Table[failureJob]
	rpo       *store.Table[rpoStatistic]
	// The ECS, EVS and VPC objects SDRS acts on (ecs_store.go).
	volumes        *store.Table[volume]
	servers        *store.Table[server]
	ports          *store.Table[port]
	vpcs           *store.Table[vpc]
	subnets        *store.Table[subnet]
	securityGroups *store.Table[securityGroup]
	// fixtureEnv is what Env exports of the fixtures (fixtures_user.go).
	fixtureEnv fixtureEnv
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
	if opts.ProjectID == "" {
		opts.ProjectID = ProjectID
	}
	if opts.AccessKey == "" || opts.SecretKey == "" {
		opts.AccessKey, opts.SecretKey = AccessKey, SecretKey
	}
	vpcs, subnets, groups := fixtureNetwork()
	servers, ports := fixtureServers()
	start := now()
	for _, s := range servers {
		s.createdAt = start
	}
	return &API{
		opts:           opts,
		now:            now,
		keys:           map[string]string{opts.AccessKey: opts.SecretKey},
		groups:         store.NewTable(func(g *protectionGroup) string { return g.id }),
		pairs:          store.NewTable(func(p *replicationPair) string { return p.id }),
		instances:      store.NewTable(func(i *protectedInstance) string { return i.id }),
		drills:         store.NewTable(func(d *drill) string { return d.id }),
		jobs:           store.NewTable(func(j *job) string { return j.id }),
		failures:       store.NewTable(func(f *failureJob) string { return f.id }),
		rpo:            store.NewTable(func(s *rpoStatistic) string { return s.id }, fixtureRPOStatistics(start)...),
		volumes:        store.NewTable(func(v *volume) string { return v.id }, fixtureVolumes()...),
		servers:        store.NewTable(func(s *server) string { return s.id }, servers...),
		ports:          store.NewTable(func(p *port) string { return p.id }, ports...),
		vpcs:           store.NewTable(func(v *vpc) string { return v.id }, vpcs...),
		subnets:        store.NewTable(func(s *subnet) string { return s.id }, subnets...),
		securityGroups: store.NewTable(func(g *securityGroup) string { return g.id }, groups...),
		fixtureEnv:     defaultFixtureEnv(),
	}
}

// Env returns the provider's HW_* variables (the endpoint is baseURL: the
// SDK drops any path of its endpoint, so SDRS is served at the root), then
// the CONTINUITY_SANDBOX_SDRS_* fixture IDs.
func (a *API) Env(baseURL string) []backend.EnvVar {
	a.mu.Lock()
	fe := a.fixtureEnv
	a.mu.Unlock()
	return []backend.EnvVar{
		{Name: EnvRegion, Value: Region},
		{Name: EnvProjectID, Value: a.opts.ProjectID},
		{Name: EnvAccessKey, Value: a.opts.AccessKey},
		{Name: EnvSecretKey, Value: a.opts.SecretKey},
		{Name: EnvEndpoint, Value: baseURL},
		{Name: EnvDomainID, Value: DomainID},
		{Name: EnvVPCID, Value: fe.VPCID},
		{Name: EnvVolumeIDs, Value: strings.Join(fe.VolumeIDs, ",")},
		{Name: EnvServerIDs, Value: strings.Join(fe.ServerIDs, ",")},
		{Name: EnvSubnetID, Value: fe.SubnetID},
		{Name: EnvDrillVPCID, Value: fe.DrillVPCID},
		{Name: EnvSecurityGroupID, Value: SecurityGroupID},
		{Name: EnvFlavors, Value: strings.Join(flavorIDs(), ",")},
	}
}

// flavorIDs returns the IDs of Flavors.
func flavorIDs() []string {
	out := make([]string, 0, len(Flavors))
	for _, f := range Flavors {
		out = append(out, f.id)
	}
	return out
}

// Kinds of the objects Objects lists, named as the provider names them.
const (
	kindProtectionGroup = "sdrs.protection_group"
	kindReplicationPair = "sdrs.replication_pair"
	kindDomain          = "sdrs.domain"
	kindVPC             = "sdrs.vpc"
	kindVolume          = "sdrs.volume"
	kindInstance        = "sdrs.protected_instance"
	kindDrill           = "sdrs.drill"
	kindServer          = "sdrs.server"
	kindSubnet          = "sdrs.subnet"
	kindFailedJob       = "sdrs.failed_job"
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
	for _, i := range a.instances.All() {
		out = append(out, backend.Object{Kind: kindInstance, ID: i.id, Name: i.name, Status: i.status})
	}
	for _, d := range a.drills.All() {
		out = append(out, backend.Object{Kind: kindDrill, ID: d.id, Name: d.name, Status: d.status})
	}
	for _, f := range a.failures.All() {
		out = append(out, backend.Object{Kind: kindFailedJob, ID: f.id, Name: f.resourceName, Status: f.failureStatus})
	}
	out = append(out, backend.Object{Kind: kindDomain, ID: DomainID, Name: DomainName, Fixture: true})
	for _, v := range a.vpcs.All() {
		out = append(out, backend.Object{Kind: kindVPC, ID: v.id, Name: v.name, Fixture: v.fixture})
	}
	for _, s := range a.subnets.All() {
		out = append(out, backend.Object{Kind: kindSubnet, ID: s.id, Name: s.name, Fixture: s.fixture})
	}
	for _, s := range a.servers.All() {
		out = append(out, backend.Object{Kind: kindServer, ID: s.id, Name: s.name, Status: s.status, Fixture: s.fixture})
	}
	for _, v := range a.volumes.All() {
		status := "available"
		if v.pairID != "" || v.serverID != "" {
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
