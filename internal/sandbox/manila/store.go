package manila

import (
	"strings"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/store"
	"github.com/google/uuid"
)

// Statuses of consistency groups, cgsnapshots and shares (manila.md §1.5,
// §2.2).
const (
	statusCreating      = "creating"
	statusAvailable     = "available"
	statusDeleting      = "deleting"
	statusError         = "error"
	statusErrorDeleting = "error_deleting"
	// statusGone marks a transition that destroys the row.
	statusGone = ""

	// Statuses of shares, their snapshots and replicas
	// (manila-groups.md §3.6, §4, §5, §9.3).
	statusCreatingFromSnapshot = "creating_from_snapshot"
	statusExtending            = "extending"
	statusExtendingError       = "extending_error"
	statusShrinking            = "shrinking"
	statusShrinkingError       = "shrinking_error"
	statusReverting            = "reverting"
	statusRevertingError       = "reverting_error"
	statusRestoring            = "restoring"
	statusReplicationChange    = "replication_change"
)

// FailurePrefix is the magic name prefix of the sandbox: a consistency
// group or cgsnapshot created with a name starting with it ends its
// creation in "error", and its deletion fails back to "error", so that only
// the admin force-delete action removes it.
const FailurePrefix = "sandbox-error"

// manilaDB holds Manila's tables. Its methods expect the emulator's lock
// held.
type manilaDB struct {
	shareTypes       *store.Table[shareType]
	shareGroupTypes  *store.Table[shareGroupType]
	shareNetworks    *store.Table[shareNetwork]
	securityServices *store.Table[securityService]
	zones            *store.Table[availabilityZone]
	cgs              *store.Table[consistencyGroup]
	snapshots        *store.Table[cgsnapshot]
	members          *store.Table[cgsnapshotMember]
	shares           *store.Table[share]
	shareSnapshots   *store.Table[shareSnapshot]
	accessRules      *store.Table[accessRule]
	shareGroups      *store.Table[shareGroup]
	groupSnapshots   *store.Table[shareGroupSnapshot]
	groupMembers     *store.Table[shareGroupSnapshotMember]
	replicas         *store.Table[shareReplica]
	messages         *store.Table[userMessage]
	// gone holds, by ID, how the rows a transition destroyed ended, so
	// that the first read answered 404 tells the notice recorder when a
	// client saw the deletion (hooks.go). A read takes its row out.
	gone map[string]ended
}

func newManilaDB() *manilaDB {
	return &manilaDB{
		gone:             map[string]ended{},
		shareTypes:       store.NewTable(func(t *shareType) string { return t.id }, fixtureShareTypes()...),
		shareGroupTypes:  store.NewTable(func(t *shareGroupType) string { return t.id }, fixtureShareGroupTypes()...),
		shareNetworks:    store.NewTable(func(n *shareNetwork) string { return n.id }, fixtureShareNetworks()...),
		securityServices: store.NewTable(func(s *securityService) string { return s.id }, fixtureSecurityServices()...),
		zones:            store.NewTable(func(z *availabilityZone) string { return z.id }, fixtureAvailabilityZones()...),
		cgs:              store.NewTable(func(cg *consistencyGroup) string { return cg.id }),
		snapshots:        store.NewTable(func(s *cgsnapshot) string { return s.id }),
		members:          store.NewTable(func(m *cgsnapshotMember) string { return m.id }),
		shares:           store.NewTable(func(s *share) string { return s.id }),
		shareSnapshots:   store.NewTable(func(s *shareSnapshot) string { return s.id }),
		accessRules:      store.NewTable(func(r *accessRule) string { return r.id }),
		shareGroups:      store.NewTable(func(g *shareGroup) string { return g.id }),
		groupSnapshots:   store.NewTable(func(s *shareGroupSnapshot) string { return s.id }),
		groupMembers:     store.NewTable(func(m *shareGroupSnapshotMember) string { return m.id }),
		replicas:         store.NewTable(func(r *shareReplica) string { return r.id }),
		messages:         store.NewTable(func(m *userMessage) string { return m.id }),
	}
}

// Names of the asynchronous operations, as the fault injector's stall and
// fail and the notice recorder know them (see the package doc).
const (
	kindCG            = "manila.consistency_group"
	kindSnapshot      = "manila.consistency_group_snapshot"
	kindShare         = "manila.share"
	kindShareSnapshot = "manila.share_snapshot"
	kindShareGroup    = "manila.share_group"
	kindGroupSnapshot = "manila.share_group_snapshot"
	kindReplica       = "manila.share_replica"
	kindAccess        = "manila.share_access"

	opCreate      = ".create"
	opDelete      = ".delete"
	opForceDelete = ".force_delete"
	opResetStatus = ".reset_status"
	opExtend      = ".extend"
	opShrink      = ".shrink"
	opRevert      = ".revert"
	opPromote     = ".promote"
	opResync      = ".resync"
	opResetState  = ".reset_replica_state"
	opUpdate      = ".update"
	opAllow       = ".allow"
	opDeny        = ".deny"
)

// transition is a status change the emulated share manager makes at a
// given time. Transitions are applied lazily, when the object is next read.
type transition struct {
	// op names the operation the transition ends, such as
	// "manila.consistency_group.create".
	op     string
	at     time.Time
	status string // statusGone destroys the row
	// held records that a stall of op kept the transition from
	// completing when it was due.
	held bool
	// created marks the end of a creation: host, share server and
	// created_at are set then.
	created       bool
	host          *string
	shareServerID *string
	// effect, when set, is what the end of the operation changes besides
	// the status (a share's new size, its export locations); it is not
	// applied when the operation fails.
	effect func(at time.Time)
	// act is the effect as data, of which effect and failEffect are bound
	// (transition_effect.go).
	act effect
	// failEffect, when set, is what the operation changes when it fails.
	failEffect func(at time.Time)
}

// ended is the last transition of an object that completed: its operation
// and when, for the notice recorder.
type ended struct {
	op string
	at time.Time
}

// lifecycle is the status of a consistency group or cgsnapshot, the change
// the emulated share manager makes to it next, and the last one it made.
type lifecycle struct {
	status string
	next   *transition
	last   *ended
}

// creating starts the creation op that ends at the given time: available,
// or in error when the driver fails. The caller completes the transition.
func (l *lifecycle) creating(op string, at time.Time, fails bool) *transition {
	l.status = statusCreating
	l.next = &transition{op: op, at: at, status: statusAvailable, created: true}
	if fails {
		l.next.status = statusError
	}
	return l.next
}

// deleting starts the deletion op that ends at the given time: the row is
// destroyed, or back in error when the driver fails (not error_deleting,
// manila.md §1.5).
func (l *lifecycle) deleting(op string, at time.Time, fails bool) {
	l.status = statusDeleting
	l.next = &transition{op: op, at: at, status: statusGone}
	if fails {
		l.next.status = statusError
	}
}

// reset starts reset_status, which sets the status at once: the pending
// change is dropped, so that the reset status stays. A failing reset ends
// in error whatever was asked.
func (l *lifecycle) reset(op string, now time.Time, status string, fails bool) {
	if fails {
		status = statusError
	}
	l.next = &transition{op: op, at: now, status: status}
}

// due returns the transition that is due at now and clears it, or nil. A
// transition whose operation stalled says is held: it stays pending (the
// object keeps its transitional status) until the stall is lifted, and
// then ends at the read that finds it lifted.
func (l *lifecycle) due(now time.Time, stalled func(op string) bool) *transition {
	t := l.next
	if t == nil || now.Before(t.at) {
		return nil
	}
	if stalled(t.op) {
		t.held = true
		return nil
	}
	if t.held {
		t.at = now
	}
	l.next = nil
	l.last = &ended{op: t.op, at: t.at}
	return t
}

// begin starts the operation op that ends at the given time: the object
// shows pending at once, then target, or failure when the operation fails
// (target statusGone destroys the row). The caller may set the effect of
// the transition it returns.
func (l *lifecycle) begin(op string, at time.Time, pending, target, failure string, fails bool) *transition {
	l.status = pending
	l.next = &transition{op: op, at: at, status: target}
	if fails {
		l.next.status = failure
	}
	return l.next
}

// advance applies the transition of l that is due at now, its effect
// included; it reports whether the transition destroys the row.
func (l *lifecycle) advance(now time.Time, stalled func(op string) bool) bool {
	t := l.due(now, stalled)
	if t == nil {
		return false
	}
	if t.status == statusGone {
		return true
	}
	failed := t.status == statusError || strings.HasSuffix(t.status, "_error") || strings.HasPrefix(t.status, "error")
	l.status = t.status
	switch {
	case !failed && t.effect != nil:
		t.effect(t.at)
	case failed && t.failEffect != nil:
		t.failEffect(t.at)
	}
	return false
}

// settle applies every transition that is due at now, but those stalled:
// the rows a transition destroys are removed, a snapshot with its members.
// Groups settle before their shares, and shares before their snapshots and
// replicas, so that a restored group and its shares end together.
func (db *manilaDB) settle(now time.Time, stalled func(op string) bool) {
	for _, cg := range db.cgs.All() {
		if cg.settle(now, stalled) {
			db.destroyed(cg.id, &cg.lifecycle)
			db.removeCG(cg.id)
		}
	}
	for _, s := range db.snapshots.All() {
		if s.settle(now, stalled) {
			db.destroyed(s.id, &s.lifecycle)
			db.removeSnapshot(s.id)
		}
	}
	for _, g := range db.shareGroups.All() {
		if g.advance(now, stalled) {
			db.destroyed(g.id, &g.lifecycle)
			db.removeShareGroup(g.id)
		}
	}
	for _, s := range db.shares.All() {
		if s.advance(now, stalled) {
			db.destroyed(s.id, &s.lifecycle)
			db.removeShare(s.id)
		}
	}
	for _, s := range db.shareSnapshots.All() {
		if s.advance(now, stalled) {
			db.destroyed(s.id, &s.lifecycle)
			db.shareSnapshots.Remove(s.id)
		}
	}
	for _, s := range db.groupSnapshots.All() {
		if s.advance(now, stalled) {
			db.destroyed(s.id, &s.lifecycle)
			db.removeGroupSnapshot(s.id)
		}
	}
	for _, r := range db.replicas.All() {
		if r.advance(now, stalled) {
			db.destroyed(r.id, &r.lifecycle)
			db.replicas.Remove(r.id)
		}
	}
	for _, r := range db.accessRules.All() {
		if r.advance(now, stalled) {
			db.destroyed(r.id, &r.lifecycle)
			db.accessRules.Remove(r.id)
		}
	}
}

// destroyed remembers how the transition that destroyed row id ended.
func (db *manilaDB) destroyed(id string, l *lifecycle) {
	if l.last != nil {
		db.gone[id] = *l.last
	}
}

// visible reports whether a row of project is visible to the caller: admins
// see every project (model_query's project_only does not apply to them).
func visible(t *token, projectID string) bool { return t.isAdmin() || t.projectID == projectID }

// listed reports whether a row of project is in the caller's lists: its
// own project's, or every project's for an admin asking all_tenants
// (manila.md §1.5).
func (c *call) listed(projectID string) bool { return c.allTenants() || projectID == c.tok.projectID }

func newID() string { return uuid.NewString() }

func strPtr(s string) *string { return &s }

// failing reports whether a name carries the failure prefix.
func failing(name *string) bool { return name != nil && strings.HasPrefix(*name, FailurePrefix) }
