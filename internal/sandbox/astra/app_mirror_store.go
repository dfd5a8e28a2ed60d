package astra

import (
	"slices"
	"sync"
	"time"

	"github.com/google/uuid"
)

// appMirrorStore holds the replication relationships in creation order.
//
// States are not advanced by goroutines: each relationship records its
// current phase and when it began, its state is computed from the clock
// when read, and the effects of a phase's end on the apps (the destination
// app becomes ready, loses replicationSourceAppID after a failover, the
// relationship disappears after a delete) are applied by settle, which
// every handler of relationships and apps calls first with the store
// locked. Nothing outlives the server.
type appMirrorStore struct {
	mu    sync.Mutex
	items []*appMirror
}

// lockMirrors locks the store and settles every relationship as of now.
// The caller must call the returned unlock. Lock order: the mirror store,
// then the topology.
func (a *API) lockMirrors() (now time.Time, unlock func()) {
	a.mirrors.mu.Lock()
	now = a.now()
	a.settleLocked(now)
	return now, a.mirrors.mu.Unlock
}

// settleMirrors brings the apps up to date with the relationships, for
// handlers that read apps.
func (a *API) settleMirrors() {
	_, unlock := a.lockMirrors()
	unlock()
}

// settleLocked applies the effects of every phase that ended by now and
// has not been applied yet. The caller holds a.mirrors.mu.
func (a *API) settleLocked(now time.Time) {
	step := a.opts.Transition
	kept := a.mirrors.items[:0]
	for _, m := range a.mirrors.items {
		if m.settled || !m.phaseDone(now, step) {
			kept = append(kept, m)
			continue
		}
		end := m.phaseStart.Add(step)
		endStamp := end.UTC().Format(timestampLayout)
		m.settled = true
		switch m.phase {
		case phaseEstablish, phaseResync, phaseReverse:
			// A first snapshot (or, after a reverse, the final one) was
			// replicated; the destination app is a ready replica.
			m.transferStart, m.transferEnd, m.snapshotID = m.phaseStart, end, uuid.NewString()
			a.topo.updateApp(m.destAppID, func(x *app) {
				x.state, x.modifiedAt = "ready", endStamp
			})
		case phaseFailover:
			// The destination app runs on its own: no longer a replica.
			a.topo.updateApp(m.destAppID, func(x *app) {
				x.replicaOf, x.modifiedAt = "", endStamp
			})
		case phaseDelete:
			// The relationship is gone; the destination app stays, managed,
			// and is no longer a replica.
			a.topo.updateApp(m.destAppID, func(x *app) {
				x.replicaOf, x.modifiedAt = "", endStamp
			})
			continue
		}
		m.modifiedAt = endStamp
		kept = append(kept, m)
	}
	clear(a.mirrors.items[len(kept):])
	a.mirrors.items = kept
}

// findLocked returns the relationship id, or nil. The caller holds the lock.
func (s *appMirrorStore) findLocked(id string) *appMirror {
	i := slices.IndexFunc(s.items, func(m *appMirror) bool { return m.id == id })
	if i < 0 {
		return nil
	}
	return s.items[i]
}

// involvingLocked returns the relationship that appID is the source or
// destination of, or nil. The caller holds the lock.
func (s *appMirrorStore) involvingLocked(appID string) *appMirror {
	i := slices.IndexFunc(s.items, func(m *appMirror) bool { return m.involves(appID) })
	if i < 0 {
		return nil
	}
	return s.items[i]
}
