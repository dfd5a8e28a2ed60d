package astra

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// idField is one of the four ID fields a PUT may carry back, with the value
// that keeps the direction and the value that swaps it.
type idField struct {
	name          string
	sent          *string
	same, swapped string
}

// wantsSwap decides from the ID fields of a PUT whether it swaps source and
// destination (a reverse). Absent fields say nothing; present ones must
// all keep the current values or all swap them, else 409 problem 10 names
// the fields. In a same-cluster relationship the cluster IDs fit both, so
// the app IDs decide.
func (m *appMirror) wantsSwap(in appMirrorInput) (bool, *problem) {
	ids := []idField{
		{"sourceAppID", in.sourceAppID, m.sourceAppID, m.destAppID},
		{"sourceClusterID", in.sourceClusterID, m.sourceClusterID, m.destClusterID},
		{"destinationAppID", in.destinationAppID, m.destAppID, m.sourceAppID},
		{"destinationClusterID", in.destinationClusterID, m.destClusterID, m.sourceClusterID},
	}
	keeps, swaps := true, true
	var sent []invalidItem
	for _, f := range ids {
		if f.sent == nil {
			continue
		}
		keeps = keeps && *f.sent == f.same
		swaps = swaps && *f.sent == f.swapped
		sent = append(sent, invalidItem{Name: f.name, Reason: "the ID fields must all match the relationship's current " +
			"values, or all be swapped (sourceAppID with destinationAppID, sourceClusterID with destinationClusterID) to reverse it"})
	}
	switch {
	case keeps:
		return false, nil
	case swaps:
		return true, nil
	}
	return false, invalidFields(10, sent...)
}

// applyPut carries out a PUT on m at now. The caller holds the mirror
// store's lock.
//
// The requested state is stateDesired, or the current one when absent.
//   - IDs swapped: reverse, from established or failedOver, through
//     establishing; only with stateDesired "established".
//   - The current stateDesired again, IDs kept: nothing to do.
//   - Otherwise stateDesired must be in stateAllowed of the current state
//     (409 problem 10 else): "failedOver" fails over (failingOver →
//     failedOver), "established" from failedOver resyncs with the same
//     direction (establishing → established), "deleted" deletes.
//
// namespaceMapping and storageClasses only matter at creation and are
// ignored, like the read-only fields; labels are replaced when sent.
func (a *API) applyPut(m *appMirror, in appMirrorInput, now time.Time) *problem {
	if in.id != nil && *in.id != m.id {
		return invalidFields(10, invalidItem{Name: "id", Reason: "must match the ID in the request URI"})
	}
	swap, p := m.wantsSwap(in)
	if p != nil {
		return p
	}
	state := m.state(now, a.opts.Transition)
	desired := m.stateDesired()
	if in.stateDesired != nil {
		desired = *in.stateDesired
	}
	allowed := stateAllowed[state]
	refuse := func(reason string) *problem {
		return invalidFields(10, invalidItem{Name: "stateDesired", Reason: reason})
	}
	switch {
	case swap && desired != mirrorEstablished:
		return refuse(`swapping the source and destination reverses the relationship, which needs stateDesired "established", not ` + strconv.Quote(desired))
	case swap && state != mirrorEstablished && state != mirrorFailedOver:
		return refuse("the relationship can be reversed only when it is established or failed over; it is " + strconv.Quote(state))
	case swap:
		a.reverse(m, now)
	case desired == m.stateDesired():
		// Idempotent: the relationship already heads for this state.
	case !slices.Contains(allowed, desired):
		return refuse("cannot request " + strconv.Quote(desired) + " while the relationship is " + strconv.Quote(state) +
			"; allowed: " + strings.Join(allowed, ", "))
	case desired == mirrorFailedOver:
		m.startPhase(phaseFailover, now)
	case desired == mirrorEstablished:
		// Resync from failedOver, same direction: the destination app is
		// stopped and becomes a replica of the source again.
		m.startPhase(phaseResync, now)
		a.topo.updateApp(m.destAppID, func(x *app) { x.replicaOf = m.sourceAppID })
	case desired == mirrorDeleted:
		m.startPhase(phaseDelete, now)
	}
	if in.metadata.hasLabels {
		m.labels = in.metadata.labels
	}
	m.modifiedAt, m.modifiedBy = now.UTC().Format(timestampLayout), UserID
	return nil
}

// reverse swaps source and destination and re-establishes the relationship
// in the other direction.
func (a *API) reverse(m *appMirror, now time.Time) {
	m.sourceAppID, m.destAppID = m.destAppID, m.sourceAppID
	m.sourceClusterID, m.destClusterID = m.destClusterID, m.sourceClusterID
	m.swapRoles()
	m.startPhase(phaseReverse, now)
	a.topo.updateApp(m.sourceAppID, func(x *app) { x.replicaOf = "" })
	a.topo.updateApp(m.destAppID, func(x *app) { x.replicaOf = m.sourceAppID })
}

// startPhase begins phase at now.
func (m *appMirror) startPhase(phase mirrorPhase, now time.Time) {
	m.phase, m.phaseStart, m.settled = phase, now, false
}
