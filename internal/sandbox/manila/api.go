// Package manila emulates OpenStack Keystone v3 and the Shared File Systems
// (Manila) v2 API for the sandbox. It plays any release: the maximum
// microversion (Options.MaxVersion, 2.0 to 2.99) chooses it. Up to 2.30 it
// answers as a Newton-era deployment (by default 2.22, Newton's maximum),
// with the experimental consistency groups; from 2.31 (or with Modern, then
// 2.99 by default) as a server of Ocata or later, on which the
// consistency-group routes no longer exist at any microversion and share
// groups serve instead. A route or an action a release predates is
// unknown to it.
//
// Keystone (under /v3/…) serves password, token and application-credential
// authentication with a service catalog, token validation and revocation.
// Manila (under /v2/{project_id}/…, on the same port) checks the token of
// every call and serves, each with its microversions, experimental header,
// project, policy and status rules and its error bodies:
//
//   - shares: create (in a consistency group up to 2.30, in a share group
//     from 2.31, from a snapshot), list, show, update, delete, extend,
//     shrink, revert to the latest snapshot (2.27), metadata, export
//     locations (2.9), access rules (allow, deny, access_list up to 2.44,
//     /share-access-rules from 2.45), reset_status and force_delete;
//   - share snapshots; share replicas (2.11, experimental up to 2.55):
//     create, promote, resync, reset_status, reset_replica_state,
//     force_delete, export locations (2.47);
//   - share groups, share group snapshots and share group types (2.31,
//     experimental up to 2.54), groups restored from a group snapshot;
//   - the consistency groups and cgsnapshots of Newton (2.4, experimental);
//   - share types, share networks (with their security services),
//     security services, availability zones and user messages (2.37).
//
// Objects whose name starts with FailurePrefix fail, so that error paths
// can be tested. Unknown paths are answered as each service does.
//
// Asynchronous status changes (creating → available, deleting → gone) are
// computed lazily from timestamps when an object is read, so no goroutine
// outlives the server. Each is an operation of Options.Hooks, named
//
//	manila.consistency_group.create                 creating → available
//	manila.consistency_group.delete                 deleting → gone
//	manila.consistency_group.force_delete           deleting → gone, at once
//	manila.consistency_group.reset_status           the status set, at once
//	manila.consistency_group_snapshot.create        creating → available
//	manila.consistency_group_snapshot.delete        deleting → gone
//	manila.consistency_group_snapshot.force_delete  deleting → gone, at once
//	manila.consistency_group_snapshot.reset_status  the status set, at once
//	manila.share.create                             creating (creating_from_snapshot) → available
//	manila.share.delete                             deleting → gone (error_deleting)
//	manila.share.extend                             extending → available (extending_error)
//	manila.share.shrink                             shrinking → available (shrinking_error)
//	manila.share.revert                             reverting → available (reverting_error)
//	manila.share.force_delete, .reset_status        at once
//	manila.share_snapshot.create                    creating → available
//	manila.share_snapshot.delete                    deleting → gone (error_deleting)
//	manila.share_snapshot.force_delete, .reset_status
//	manila.share_access.allow                       queued_to_apply → active (error)
//	manila.share_access.deny                        queued_to_deny → gone (error)
//	manila.share_group.create                       creating → available (with a restored group's shares)
//	manila.share_group.delete                       deleting → gone (error)
//	manila.share_group.force_delete, .reset_status
//	manila.share_group_snapshot.create              creating → available
//	manila.share_group_snapshot.delete              deleting → gone (error)
//	manila.share_group_snapshot.force_delete, .reset_status
//	manila.share_replica.create                     creating → available, in_sync (error, error)
//	manila.share_replica.delete                     deleting → gone (error_deleting)
//	manila.share_replica.promote                    replication_change → available, active (error)
//	manila.share_replica.resync                     replica_state → in_sync
//	manila.share_replica.update                     a replica out of sync after a promotion → in_sync
//	manila.share_replica.force_delete, .reset_status, .reset_replica_state
//
// While the fault injector stalls an operation, its due transition does
// not complete (the object stays creating or deleting; a reset status is
// not applied yet); the first read after the stall is lifted completes it.
// An operation the injector fails ends in error, as for a name with
// FailurePrefix. Every read that returns an object whose last transition
// has ended tells the notice recorder, under the operation's name; Objects
// lists what the emulator holds (backend.Inventory).
//
// It is an independent implementation of the APIs: it imports nothing from
// the provider, so that a misreading of an API cannot hide in shared code.
// The API facts it follows are in manila.md and manila-groups.md, documents
// in ../shared/specs beside the repository; comments cite their sections as
// manila.md §N and manila-groups.md §N.
package manila

import (
	"fmt"
	"sync"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// Environment variables exported by the Manila backend: the standard OS_*
// variables of the ordinary user, then the sandbox's fixtures.
const (
	EnvAuthURL           = "OS_AUTH_URL"
	EnvUsername          = "OS_USERNAME"
	EnvPassword          = "OS_PASSWORD"
	EnvProjectName       = "OS_PROJECT_NAME"
	EnvUserDomainName    = "OS_USER_DOMAIN_NAME"
	EnvProjectDomainName = "OS_PROJECT_DOMAIN_NAME"
	EnvRegionName        = "OS_REGION_NAME"

	EnvProjectID                = "CONTINUITY_SANDBOX_MANILA_PROJECT_ID"
	EnvAdminUsername            = "CONTINUITY_SANDBOX_MANILA_ADMIN_USERNAME"
	EnvAdminPassword            = "CONTINUITY_SANDBOX_MANILA_ADMIN_PASSWORD"
	EnvAdminProjectName         = "CONTINUITY_SANDBOX_MANILA_ADMIN_PROJECT_NAME"
	EnvAdminProjectID           = "CONTINUITY_SANDBOX_MANILA_ADMIN_PROJECT_ID"
	EnvAdminUserDomainName      = "CONTINUITY_SANDBOX_MANILA_ADMIN_USER_DOMAIN_NAME"
	EnvAdminProjectDomainName   = "CONTINUITY_SANDBOX_MANILA_ADMIN_PROJECT_DOMAIN_NAME"
	EnvApplicationCredentialID  = "CONTINUITY_SANDBOX_MANILA_APPLICATION_CREDENTIAL_ID"
	EnvApplicationCredentialSec = "CONTINUITY_SANDBOX_MANILA_APPLICATION_CREDENTIAL_SECRET"
	EnvShareTypeDefaultID       = "CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_DEFAULT_ID"
	EnvShareTypeGoldID          = "CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_GOLD_ID"
	EnvShareNetworkID           = "CONTINUITY_SANDBOX_MANILA_SHARE_NETWORK_ID"
	EnvShareNetworkName         = "CONTINUITY_SANDBOX_MANILA_SHARE_NETWORK_NAME"
	EnvMaxMicroversion          = "CONTINUITY_SANDBOX_MANILA_MAX_VERSION"
	EnvShareTypeReplicatedID    = "CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_REPLICATED_ID"
	EnvShareTypeBronzeID        = "CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_BRONZE_ID"
	EnvShareGroupTypeID         = "CONTINUITY_SANDBOX_MANILA_SHARE_GROUP_TYPE_ID"
	EnvAvailabilityZones        = "CONTINUITY_SANDBOX_MANILA_AVAILABILITY_ZONES"
	EnvSecurityServiceID        = "CONTINUITY_SANDBOX_MANILA_SECURITY_SERVICE_ID"
)

// defaultTokenTTL is the lifetime of a Keystone token.
const defaultTokenTTL = time.Hour

// Options configures the Manila backend. The zero value emulates a Newton
// server (maximum microversion 2.22) with immediate transitions.
type Options struct {
	// Hooks are the sandbox's fault injector (stall and fail of
	// asynchronous operations) and notice-latency recorder; nil fields
	// inject and record nothing.
	Hooks backend.Hooks
	// Transition is the duration of each asynchronous status change.
	Transition time.Duration
	// MaxVersion is the highest microversion the server accepts, e.g.
	// "2.22" (the default; "2.99" in Modern mode), at most 2.99. The
	// minimum is 2.0. It also chooses the release: up to 2.30 a Newton
	// server with consistency groups, from 2.31 a server of Ocata or later
	// with share groups (as Modern).
	MaxVersion string
	// Modern emulates a server of Ocata or later, where the
	// /consistency-groups and /cgsnapshots routes no longer exist at any
	// microversion (they became share groups in 2.31); the maximum then
	// defaults to 2.99.
	Modern bool
	// TokenTTL is the lifetime of Keystone tokens; zero means one hour.
	TokenTTL time.Duration
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
	// UserPassword, AdminPassword and AppCredentialSecret replace the
	// fixed passwords of the ordinary user and the admin and the
	// application credential's secret when set. Each sandbox tenant has
	// its own, so that one tenant's credentials are refused by every other
	// tenant's Keystone.
	UserPassword, AdminPassword, AppCredentialSecret string
}

// API is the Keystone + Manila backend. It implements backend.Backend.
type API struct {
	opts       Options
	now        func() time.Time
	minVersion version
	maxVersion version
	// modern is a server of Ocata or later: Modern was set, or the
	// maximum microversion is 2.31 or later. It has share groups instead
	// of consistency groups, and the rules of Manila's current code; a
	// server up to 2.30 follows Newton's (manila-groups.md §3.3, §3.4).
	modern bool

	// mu is the emulator's one lock, over Keystone's tables and Manila's,
	// so that a rule that spans several tables is checked and acted on
	// atomically under parallel requests.
	mu       sync.Mutex
	identity *identity
	db       *manilaDB
}

var _ backend.Backend = (*API)(nil)

// CheckMaxVersion reports whether s is usable as Options.MaxVersion: a
// microversion "2.N" no lower than the minimum, 2.0, and no later than the
// newest the specs document (2.99). Empty is the default.
func CheckMaxVersion(s string) error {
	if s == "" {
		return nil
	}
	v, ok := parseVersion(s)
	if !ok || v.major != 2 {
		return fmt.Errorf("manila maximum microversion %q is not of the form 2.N (for example 2.22)", s)
	}
	if mustVersion(newestVersion).less(v) {
		return fmt.Errorf("manila maximum microversion %s is beyond %s, the newest the sandbox emulates", s, newestVersion)
	}
	return nil
}

// New returns a Manila backend holding the deterministic fixtures. An
// invalid MaxVersion (see CheckMaxVersion) falls back to the default.
func New(opts Options) *API {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	if opts.TokenTTL <= 0 {
		opts.TokenTTL = defaultTokenTTL
	}
	maxV := legacyMaxVersion
	if opts.Modern {
		maxV = modernMaxVersion
	}
	if opts.MaxVersion != "" && CheckMaxVersion(opts.MaxVersion) == nil {
		maxV = opts.MaxVersion
	}
	opts.MaxVersion = maxV
	mv := mustVersion(maxV)
	a := &API{
		opts:       opts,
		now:        now,
		minVersion: v20,
		maxVersion: mv,
		modern:     opts.Modern || mv.atLeast(v231),
		identity:   newIdentity(now, opts.TokenTTL),
		db:         newManilaDB(),
	}
	a.setSecrets()
	return a
}

// setSecrets gives the fixture users and application credential the
// secrets of the options, where set; Env exports the same.
func (a *API) setSecrets() {
	if u, ok := a.identity.users.Get(UserID); ok && a.opts.UserPassword != "" {
		u.password = a.opts.UserPassword
	}
	if u, ok := a.identity.users.Get(AdminID); ok && a.opts.AdminPassword != "" {
		u.password = a.opts.AdminPassword
	}
	if c, ok := a.identity.appCreds.Get(AppCredentialID); ok && a.opts.AppCredentialSecret != "" {
		c.secret = a.opts.AppCredentialSecret
	}
	if a.opts.UserPassword == "" {
		a.opts.UserPassword = UserPassword
	}
	if a.opts.AdminPassword == "" {
		a.opts.AdminPassword = AdminPassword
	}
	if a.opts.AppCredentialSecret == "" {
		a.opts.AppCredentialSecret = AppCredentialSecret
	}
}

// Env returns the OS_* variables of the ordinary user (OS_AUTH_URL ends in
// /v3), then the admin's credentials, the application credential and the
// fixture IDs as CONTINUITY_SANDBOX_MANILA_*: the share types, the default
// share group type, the availability zones (comma-separated), the share
// network and the security service.
func (a *API) Env(baseURL string) []backend.EnvVar {
	return append([]backend.EnvVar{
		{Name: EnvAuthURL, Value: baseURL + "/v3"},
		{Name: EnvUsername, Value: UserName},
		{Name: EnvPassword, Value: a.opts.UserPassword},
		{Name: EnvProjectName, Value: ProjectName},
		{Name: EnvUserDomainName, Value: DomainName},
		{Name: EnvProjectDomainName, Value: DomainName},
		{Name: EnvRegionName, Value: RegionName},
		{Name: EnvProjectID, Value: ProjectID},
		{Name: EnvAdminUsername, Value: AdminName},
		{Name: EnvAdminPassword, Value: a.opts.AdminPassword},
		{Name: EnvAdminProjectName, Value: AdminProjectName},
		{Name: EnvAdminProjectID, Value: AdminProjectID},
		{Name: EnvAdminUserDomainName, Value: DomainName},
		{Name: EnvAdminProjectDomainName, Value: DomainName},
		{Name: EnvApplicationCredentialID, Value: AppCredentialID},
		{Name: EnvApplicationCredentialSec, Value: a.opts.AppCredentialSecret},
		{Name: EnvMaxMicroversion, Value: a.opts.MaxVersion},
		{Name: EnvSecurityServiceID, Value: SecurityServiceID},
	}, a.fixtureEnv()...)
}
