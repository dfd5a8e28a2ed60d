package manila

import (
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
)

// Statuses of consistency groups, cgsnapshots and shares.
const (
	statusCreating      = "creating"
	statusAvailable     = "available"
	statusDeleting      = "deleting"
	statusError         = "error"
	statusErrorDeleting = "error_deleting"
	// statusGone marks a transition that destroys the row.
	statusGone = ""
)

// FailurePrefix is the magic name prefix of the sandbox: a consistency
// group or cgsnapshot created with a name starting with it ends its
// creation in "error", and its deletion fails back to "error", so that only
// the admin force-delete action removes it.
const FailurePrefix = "sandbox-error"

// Hosts the emulated scheduler places consistency groups on.
const (
	hostDHSS   = "manila-sandbox@generic#GENERIC"
	hostNoDHSS = "manila-sandbox@lvm#lvm-single-pool"
)

// transition is a status change the emulated share manager makes at a
// given time. Transitions are applied lazily, when the object is next read.
type transition struct {
	at     time.Time
	status string // statusGone destroys the row
	// created marks the end of a creation: host, share server and
	// created_at are set then.
	created       bool
	host          *string
	shareServerID *string
}

// consistencyGroup is a row of the consistency_groups table.
type consistencyGroup struct {
	id                 string
	name, description  *string
	projectID, userID  string
	status             string
	host               *string
	shareNetworkID     *string
	shareServerID      *string
	sourceCGSnapshotID *string
	shareTypes         []string
	createdAt          time.Time
	next               *transition
}

// cgsnapshot is a row of the cgsnapshots table.
type cgsnapshot struct {
	id                 string
	name, description  *string
	projectID, userID  string
	consistencyGroupID string
	status             string
	createdAt          time.Time
	next               *transition
}

// cgsnapshotMember is one share captured by a cgsnapshot.
type cgsnapshotMember struct {
	id, cgsnapshotID, shareID, shareTypeID, shareProto, projectID string
	size                                                          int
	createdAt                                                     time.Time
}

// share is the part of a share row the consistency-group rules read.
type share struct {
	id, projectID, consistencyGroupID, shareTypeID, shareProto string
	size                                                       int
	readyAt                                                    time.Time // creating until then, then available
}

func (s *share) status(now time.Time) string {
	if now.Before(s.readyAt) {
		return statusCreating
	}
	return statusAvailable
}

// store holds the Manila state. Every method expects mu to be held.
type store struct {
	mu            sync.Mutex
	shareTypes    []shareType
	shareNetworks []shareNetwork
	cgs           []*consistencyGroup
	snapshots     []*cgsnapshot
	members       []*cgsnapshotMember
	shares        []*share
}

func newStore() *store {
	return &store{shareTypes: fixtureShareTypes(), shareNetworks: fixtureShareNetworks()}
}

func newID() string { return uuid.NewString() }

func strPtr(s string) *string { return &s }

// failing reports whether a name carries the failure prefix.
func failing(name *string) bool { return name != nil && strings.HasPrefix(*name, FailurePrefix) }

// settle applies every transition that is due at now.
func (s *store) settle(now time.Time) {
	s.cgs = slices.DeleteFunc(s.cgs, func(cg *consistencyGroup) bool {
		t := cg.next
		if t == nil || now.Before(t.at) {
			return false
		}
		cg.next = nil
		if t.status == statusGone {
			return true
		}
		cg.status = t.status
		if t.created {
			cg.host, cg.shareServerID, cg.createdAt = t.host, t.shareServerID, t.at
		}
		return false
	})
	var gone []string
	s.snapshots = slices.DeleteFunc(s.snapshots, func(snap *cgsnapshot) bool {
		t := snap.next
		if t == nil || now.Before(t.at) {
			return false
		}
		snap.next = nil
		if t.status == statusGone {
			gone = append(gone, snap.id)
			return true
		}
		snap.status = t.status
		if t.created {
			snap.createdAt = t.at
		}
		return false
	})
	for _, id := range gone {
		s.destroyMembers(id)
	}
}

func (s *store) destroyMembers(snapshotID string) {
	s.members = slices.DeleteFunc(s.members, func(m *cgsnapshotMember) bool { return m.cgsnapshotID == snapshotID })
}

// visible reports whether a row of project is visible to the caller: admins
// see every project (model_query's project_only does not apply to them).
func visible(t *token, projectID string) bool { return t.isAdmin() || t.projectID == projectID }

func (s *store) cg(t *token, id string) *consistencyGroup {
	for _, cg := range s.cgs {
		if cg.id == id && visible(t, cg.projectID) {
			return cg
		}
	}
	return nil
}

func (s *store) snapshot(t *token, id string) *cgsnapshot {
	for _, snap := range s.snapshots {
		if snap.id == id && visible(t, snap.projectID) {
			return snap
		}
	}
	return nil
}

func (s *store) shareType(id string) (shareType, bool) {
	i := slices.IndexFunc(s.shareTypes, func(st shareType) bool { return st.id == id })
	if i < 0 {
		return shareType{}, false
	}
	return s.shareTypes[i], true
}

// defaultShareType is the share type named by default_share_type.
func (s *store) defaultShareType() shareType { return s.shareTypes[0] }

func (s *store) shareNetwork(t *token, id string) (shareNetwork, bool) {
	i := slices.IndexFunc(s.shareNetworks, func(n shareNetwork) bool { return n.id == id && visible(t, n.projectID) })
	if i < 0 {
		return shareNetwork{}, false
	}
	return s.shareNetworks[i], true
}

func (s *store) sharesOf(cgID string) []*share {
	var out []*share
	for _, sh := range s.shares {
		if sh.consistencyGroupID == cgID {
			out = append(out, sh)
		}
	}
	return out
}

func (s *store) snapshotsOf(cgID string) int {
	n := 0
	for _, snap := range s.snapshots {
		if snap.consistencyGroupID == cgID {
			n++
		}
	}
	return n
}

func (s *store) membersOf(snapshotID string) []*cgsnapshotMember {
	var out []*cgsnapshotMember
	for _, m := range s.members {
		if m.cgsnapshotID == snapshotID {
			out = append(out, m)
		}
	}
	return out
}

func (s *store) removeCG(id string) {
	s.cgs = slices.DeleteFunc(s.cgs, func(cg *consistencyGroup) bool { return cg.id == id })
}

func (s *store) removeSnapshot(id string) {
	s.snapshots = slices.DeleteFunc(s.snapshots, func(snap *cgsnapshot) bool { return snap.id == id })
	s.destroyMembers(id)
}

// shareServerID returns the share server the emulated driver sets up for a
// share network on a host.
func shareServerID(networkID, host string) string {
	return fixtureUUID("share_server/" + networkID + "/" + host)
}
