package manila

import (
	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/store"
)

var _ backend.Inventory = (*API)(nil)

// Kinds of the objects the inventory lists that no provider resource
// makes: the fixtures, the members of snapshots, and user messages.
const (
	kindShareType       = "manila.share_type"
	kindShareGroupType  = "manila.share_group_type"
	kindShareNetwork    = "manila.share_network"
	kindSecurityService = "manila.security_service"
	kindZone            = "manila.availability_zone"
	kindMember          = "manila.consistency_group_snapshot_member"
	kindGroupMember     = "manila.share_group_snapshot_member"
	kindMessage         = "manila.message"
)

// Objects lists every object Manila holds, after the transitions due (so
// that a deleted group is not listed), in every project. Fixtures are what
// the emulator made itself: the share types, group types, zones, the
// fixture share network and security service, the members of snapshots,
// the first replica of each replicated share, and the shares a group
// restored from a snapshot gets (they go with that group).
func (a *API) Objects() []backend.Object {
	a.mu.Lock()
	defer a.mu.Unlock()
	now := a.now()
	a.db.settle(now, a.stalled)
	var out []backend.Object
	add := func(objs []backend.Object) { out = append(out, objs...) }
	add(objects(a.db.shareTypes, func(t *shareType) backend.Object {
		return backend.Object{Kind: kindShareType, ID: t.id, Name: t.name, Fixture: true}
	}))
	add(objects(a.db.shareGroupTypes, func(t *shareGroupType) backend.Object {
		return backend.Object{Kind: kindShareGroupType, ID: t.id, Name: t.name, Fixture: true}
	}))
	add(objects(a.db.zones, func(z *availabilityZone) backend.Object {
		return backend.Object{Kind: kindZone, ID: z.id, Name: z.name, Fixture: true}
	}))
	add(objects(a.db.shareNetworks, func(n *shareNetwork) backend.Object {
		return backend.Object{Kind: kindShareNetwork, ID: n.id, Name: conv.Deref(n.name), Fixture: n.fixture}
	}))
	add(objects(a.db.securityServices, func(s *securityService) backend.Object {
		return backend.Object{Kind: kindSecurityService, ID: s.id, Name: conv.Deref(s.name), Fixture: true}
	}))
	add(objects(a.db.cgs, func(cg *consistencyGroup) backend.Object {
		return backend.Object{Kind: kindCG, ID: cg.id, Name: conv.Deref(cg.name), Status: cg.status}
	}))
	add(objects(a.db.snapshots, func(s *cgsnapshot) backend.Object {
		return backend.Object{Kind: kindSnapshot, ID: s.id, Name: conv.Deref(s.name), Status: s.status}
	}))
	add(objects(a.db.members, func(m *cgsnapshotMember) backend.Object {
		return backend.Object{Kind: kindMember, ID: m.id, Fixture: true}
	}))
	add(objects(a.db.shares, func(s *share) backend.Object {
		restored := s.sourceCGSnapshotMemberID != nil || s.sourceShareGroupSnapshotMemberID != nil
		return backend.Object{Kind: kindShare, ID: s.id, Name: conv.Deref(s.name), Status: s.status, Fixture: restored}
	}))
	add(objects(a.db.shareSnapshots, func(s *shareSnapshot) backend.Object {
		return backend.Object{Kind: kindShareSnapshot, ID: s.id, Name: conv.Deref(s.name), Status: s.status}
	}))
	add(objects(a.db.accessRules, func(r *accessRule) backend.Object {
		return backend.Object{Kind: kindAccess, ID: r.id, Name: r.accessType + ":" + r.accessTo, Status: r.status}
	}))
	add(objects(a.db.shareGroups, func(g *shareGroup) backend.Object {
		return backend.Object{Kind: kindShareGroup, ID: g.id, Name: conv.Deref(g.name), Status: g.status}
	}))
	add(objects(a.db.groupSnapshots, func(s *shareGroupSnapshot) backend.Object {
		return backend.Object{Kind: kindGroupSnapshot, ID: s.id, Name: conv.Deref(s.name), Status: s.status}
	}))
	add(objects(a.db.groupMembers, func(m *shareGroupSnapshotMember) backend.Object {
		return backend.Object{Kind: kindGroupMember, ID: m.id, Fixture: true}
	}))
	add(objects(a.db.replicas, func(r *shareReplica) backend.Object {
		first := false
		if s, ok := a.db.shares.Get(r.shareID); ok {
			first = s.instanceID == r.id
		}
		return backend.Object{Kind: kindReplica, ID: r.id, Name: r.replicaState, Status: r.status, Fixture: first}
	}))
	add(objects(a.db.messages, func(m *userMessage) backend.Object {
		return backend.Object{Kind: kindMessage, ID: m.id, Name: m.resourceType + " " + m.resourceID, Fixture: true}
	}))
	return out
}

// objects renders every row of a table.
func objects[T any](t *store.Table[T], view func(*T) backend.Object) []backend.Object {
	rows := t.All()
	out := make([]backend.Object, len(rows))
	for i, row := range rows {
		out[i] = view(row)
	}
	return out
}
