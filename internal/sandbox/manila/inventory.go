package manila

import (
	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/store"
)

var _ backend.Inventory = (*API)(nil)

// Kinds of the objects the inventory lists that no provider resource
// makes: the share types and share networks of the fixtures, the shares a
// group restored from a snapshot gets, and the members of snapshots.
const (
	kindShareType    = "manila.share_type"
	kindShareNetwork = "manila.share_network"
	kindShare        = "manila.share"
	kindMember       = "manila.consistency_group_snapshot_member"
)

// Objects lists every object Manila holds, after the transitions due (so
// that a deleted group is not listed), in every project: the consistency
// groups and cgsnapshots the clients made, and as fixtures the share types
// and networks, the shares and the snapshot members, which the emulator
// made itself.
func (a *API) Objects() []backend.Object {
	a.mu.Lock()
	defer a.mu.Unlock()
	now := a.now()
	a.db.settle(now, a.stalled)
	var out []backend.Object
	out = append(out, objects(a.db.shareTypes, func(t *shareType) backend.Object {
		return backend.Object{Kind: kindShareType, ID: t.id, Name: t.name, Fixture: true}
	})...)
	out = append(out, objects(a.db.shareNetworks, func(n *shareNetwork) backend.Object {
		return backend.Object{Kind: kindShareNetwork, ID: n.id, Name: n.name, Fixture: true}
	})...)
	out = append(out, objects(a.db.cgs, func(cg *consistencyGroup) backend.Object {
		return backend.Object{Kind: kindCG, ID: cg.id, Name: conv.Deref(cg.name), Status: cg.status}
	})...)
	out = append(out, objects(a.db.snapshots, func(s *cgsnapshot) backend.Object {
		return backend.Object{Kind: kindSnapshot, ID: s.id, Name: conv.Deref(s.name), Status: s.status}
	})...)
	out = append(out, objects(a.db.shares, func(s *share) backend.Object {
		return backend.Object{Kind: kindShare, ID: s.id, Status: s.status(now), Fixture: true}
	})...)
	out = append(out, objects(a.db.members, func(m *cgsnapshotMember) backend.Object {
		return backend.Object{Kind: kindMember, ID: m.id, Fixture: true}
	})...)
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
