package astra

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// AppMirror states are not advanced by goroutines: each relationship
// records its current phase and when it began, and settle, which runs
// before every request, ends each phase whose time is up (unless the
// sandbox's faults stall it) and applies the effects of its end on the apps
// (the destination app becomes ready, loses replicationSourceAppID after a
// failover, the relationship disappears after a delete). The state a
// request sees follows from the phase and whether it ended. Nothing
// outlives the server.

// Values of state and stateDesired.
const (
	mirrorEstablishing = "establishing"
	mirrorEstablished  = "established"
	mirrorFailingOver  = "failingOver"
	mirrorFailedOver   = "failedOver"
	mirrorDeleting     = "deleting"
	mirrorDeleted      = "deleted"
)

// Roles of namespaceMapping and storageClasses entries.
const (
	roleSource      = "source"
	roleDestination = "destination"
)

// mirrorPhase is the operation a relationship is in, or last finished: it
// and the time it started determine the state, so that the state machine
// needs no goroutine (states are computed when read).
type mirrorPhase int

const (
	phaseEstablish mirrorPhase = iota // POST: establishing → established
	phaseResync                       // PUT established, same IDs, from failedOver: establishing → established
	phaseReverse                      // PUT established, IDs swapped: establishing → established
	phaseFailover                     // PUT failedOver: failingOver → failedOver
	phaseDelete                       // DELETE or PUT deleted: deleting → gone
)

// operation names the phase as the sandbox's faults (stall=, fail=) and
// notice figures do: "astra.app_mirror.establish", ....
func (p mirrorPhase) operation() string {
	return "astra.app_mirror." + [...]string{"establish", "resync", "reverse", "failover", "delete"}[p]
}

// namespaceMappingEntry is one namespaceMapping item.
type namespaceMappingEntry struct {
	ClusterID  string   `json:"clusterID"`
	Namespaces []string `json:"namespaces"`
	Role       string   `json:"role,omitempty"`
}

// storageClassEntry is one storageClasses item.
type storageClassEntry struct {
	ClusterID        string `json:"clusterID"`
	StorageClassName string `json:"storageClassName"`
	Role             string `json:"role,omitempty"`
}

// appMirror is a stored replication relationship.
type appMirror struct {
	id              string
	version         string // the version of the request that created it, echoed
	sourceAppID     string
	sourceClusterID string
	destAppID       string
	destClusterID   string
	nsMapping       []namespaceMappingEntry
	storageClasses  []storageClassEntry

	phase      mirrorPhase
	phaseStart time.Time
	settled    bool      // the phase ended and the effects of its end were applied
	phaseEnd   time.Time // when it ended, once settled
	held       bool      // a stall (fault injection) held the phase past its time
	failing    bool      // the phase is to end in failure (fault injection: fail=)
	failed     bool      // it did: the state stays transitional, health critical

	// The most recent snapshot transfer, once one completed.
	transferStart, transferEnd time.Time
	snapshotID                 string
	broken                     bool // transfers fail (POST /_sandbox/astra/appMirrors/{id}/break)

	record
}

// appMirrorOf returns the relationship that appID is the source or
// destination of, or nil.
func (a *API) appMirrorOf(appID string) *appMirror {
	m, _ := a.appMirrors.Find(func(m *appMirror) bool { return m.involves(appID) })
	return m
}

// involves reports whether appID is the relationship's source or destination.
func (m *appMirror) involves(appID string) bool {
	return m.sourceAppID == appID || m.destAppID == appID
}

// phaseDone reports whether the current phase's time is up at now, given
// the duration of a step.
func (m *appMirror) phaseDone(now time.Time, step time.Duration) bool {
	return !now.Before(m.phaseStart.Add(step))
}

// state returns the state: the phase's transitional state until settle
// ends it, its target after (a failed phase stays transitional).
func (m *appMirror) state() string {
	done := m.settled && !m.failed
	switch m.phase {
	case phaseFailover:
		if done {
			return mirrorFailedOver
		}
		return mirrorFailingOver
	case phaseDelete:
		if done {
			return mirrorDeleted
		}
		return mirrorDeleting
	default:
		if done {
			return mirrorEstablished
		}
		return mirrorEstablishing
	}
}

// stateDesired returns the state the current phase aims at.
func (m *appMirror) stateDesired() string {
	switch m.phase {
	case phaseFailover:
		return mirrorFailedOver
	case phaseDelete:
		return mirrorDeleted
	default:
		return mirrorEstablished
	}
}

// startPhase begins phase on m at now, and asks the sandbox's faults
// whether it is to fail.
func (a *API) startPhase(m *appMirror, phase mirrorPhase, now time.Time) {
	m.phase, m.phaseStart = phase, now
	m.settled, m.held, m.failed, m.phaseEnd = false, false, false, time.Time{}
	m.failing = a.opts.Hooks.Faults.Fail(phase.operation())
}

// settleMirrors ends every phase whose time is up at now, unless a stall
// holds it (then a later request, once the stall is lifted, ends it), and
// applies the effects of its end.
func (a *API) settleMirrors(now time.Time) {
	step := a.opts.Transition
	var gone []string
	for _, m := range a.appMirrors.All() {
		if m.settled || !m.phaseDone(now, step) {
			continue
		}
		if a.opts.Hooks.Faults.Stall(m.phase.operation()) {
			m.held = true
			continue
		}
		end := m.phaseStart.Add(step)
		if m.held {
			end = now // it ended when the stall was lifted, as far as anyone can tell
		}
		if a.endPhase(m, end) {
			gone = append(gone, m.id)
		}
	}
	for _, id := range gone {
		a.appMirrors.Remove(id)
	}
}

// endPhase ends m's phase at end and reports whether the relationship is
// gone. A failing phase ends in failure and changes nothing else.
func (a *API) endPhase(m *appMirror, end time.Time) bool {
	endStamp := stamp(end)
	m.settled, m.phaseEnd, m.modifiedAt = true, end, endStamp
	if m.failing {
		m.failed = true
		return false
	}
	switch m.phase {
	case phaseEstablish, phaseResync, phaseReverse:
		// A first snapshot (or, after a reverse, the final one) was
		// replicated; the destination app is a ready replica.
		m.transferStart, m.transferEnd, m.snapshotID = m.phaseStart, end, uuid.NewString()
		m.broken = false
		a.editApp(m.destAppID, func(x *app) { x.state, x.modifiedAt = appReady, endStamp })
	case phaseFailover:
		// The destination app runs on its own: no longer a replica; its
		// post-failover execution hooks run.
		a.editApp(m.destAppID, func(x *app) {
			x.replicaOf, x.modifiedAt = "", endStamp
			a.runHooks(hookRunRequest{app: x, action: "failover", stage: "post", resourceID: m.id, resourceKind: "appMirror", at: end})
		})
	case phaseDelete:
		// The relationship is gone; the destination app stays, managed,
		// and is no longer a replica.
		a.editApp(m.destAppID, func(x *app) { x.replicaOf, x.modifiedAt = "", endStamp })
		return true
	}
	return false
}

// newAppMirror checks a POST body against the topology and the existing
// relationships and returns the relationship and its destination app.
//
// Answers, in this order: 400 problem 9 for content that cannot be
// carried out (stateDesired other than "established", an unknown app or
// cluster, mappings that do not fit the two clusters, a storage class the
// cluster lacks, a same-cluster relationship without roles); 409 problem 10
// when pathAppID (the app-scoped route's app) is not the body's source app;
// 409 problem 150 for an app that cannot be replicated; 409 problem 10 for
// an app that is already the source or destination of a relationship.
func (a *API) newAppMirror(in appMirrorInput, pathAppID string, now time.Time) (*appMirror, *app, *problem) {
	var fields fieldErrors
	if *in.stateDesired != mirrorEstablished {
		fields.add("stateDesired", `at creation, the only valid value is "established"; fail over with a PUT once the relationship is established`)
	}
	src, srcOK := a.apps.Get(*in.sourceAppID)
	if !srcOK {
		fields.add("sourceAppID", "no managed app has this ID")
	}
	destCluster, destOK := a.clusters.Get(*in.destinationClusterID)
	if !destOK {
		fields.add("destinationClusterID", "no managed cluster has this ID")
	}
	if !srcOK || !destOK {
		return nil, nil, fields.problem()
	}
	plan := mirrorPlacement{src: src, srcCluster: src.clusterID, destCluster: destCluster}
	pairs := plan.checkNamespaces(in.nsMapping, &fields)
	plan.checkStorageClasses(in.storageClasses, a.clusters, &fields)
	if p := fields.problem(); p != nil {
		return nil, nil, p
	}
	if pathAppID != "" && pathAppID != src.id {
		return nil, nil, invalidFields(10, invalidItem{Name: "sourceAppID", Reason: "must be the app of the request URI, " + pathAppID})
	}
	if !src.replicable {
		p := newProblem(150)
		p.InvalidFields = []invalidItem{{Name: "sourceAppID", Reason: "app " + strconv.Quote(src.name) +
			" uses persistent volumes of more than one storage class; an AppMirror relationship needs an app with a single storage class"}}
		return nil, nil, p
	}
	if other := a.appMirrorOf(src.id); other != nil {
		role := "source"
		if other.destAppID == src.id {
			role = "destination"
		}
		return nil, nil, invalidFields(10, invalidItem{Name: "sourceAppID", Reason: "app " + strconv.Quote(src.name) +
			" is already the " + role + " of AppMirror " + other.id + "; an app can be in one replication relationship only"})
	}

	resources, containers := mapNamespaces(src, pairs)
	dest := &app{
		id: uuid.NewString(), name: src.name, version: appVersion, clusterID: destCluster.id, resources: resources, containers: containers,
		state: appProvisioning, protection: "none", replicaOf: src.id, replicable: true, record: newRecord(stamp(now), nil),
	}
	m := &appMirror{
		id: uuid.NewString(), version: in.version,
		sourceAppID: src.id, sourceClusterID: src.clusterID, destAppID: dest.id, destClusterID: destCluster.id,
		nsMapping: in.nsMapping, storageClasses: in.storageClasses,
		record: newRecord(stamp(now), in.metadata.labels),
	}
	a.startPhase(m, phaseEstablish, now)
	return m, dest, nil
}

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

// applyPut carries out a PUT on m at now.
//
// The requested state is stateDesired, or the current one when absent.
//   - IDs swapped: reverse, from established or failedOver, through
//     establishing; only with stateDesired "established".
//   - The current stateDesired again, IDs kept: nothing to do, unless the
//     phase failed: then it starts again (a retry).
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
	state := m.state()
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
	case desired == m.stateDesired() && m.failed:
		// The phase failed: asking for its state again retries it.
		a.startPhase(m, m.phase, now)
	case desired == m.stateDesired():
		// Idempotent: the relationship already heads for this state.
	case !slices.Contains(allowed, desired):
		return refuse("cannot request " + strconv.Quote(desired) + " while the relationship is " + strconv.Quote(state) +
			"; allowed: " + strings.Join(allowed, ", "))
	case desired == mirrorFailedOver:
		a.startPhase(m, phaseFailover, now)
	case desired == mirrorEstablished:
		// Resync from failedOver, same direction: the destination app is
		// stopped and becomes a replica of the source again.
		a.startPhase(m, phaseResync, now)
		a.editApp(m.destAppID, func(x *app) { x.replicaOf = m.sourceAppID })
	case desired == mirrorDeleted:
		a.startPhase(m, phaseDelete, now)
	}
	if in.metadata.hasLabels {
		m.labels = in.metadata.labels
	}
	m.touch(stamp(now))
	return nil
}

// reverse swaps source and destination and re-establishes the relationship
// in the other direction.
func (a *API) reverse(m *appMirror, now time.Time) {
	m.sourceAppID, m.destAppID = m.destAppID, m.sourceAppID
	m.sourceClusterID, m.destClusterID = m.destClusterID, m.sourceClusterID
	m.swapRoles()
	a.startPhase(m, phaseReverse, now)
	a.editApp(m.sourceAppID, func(x *app) { x.replicaOf = "" })
	a.editApp(m.destAppID, func(x *app) { x.replicaOf = m.sourceAppID })
}

// swapRoles swaps the source and destination roles of the mapping entries,
// after a reverse: roles describe the direction of replication, which the
// reverse turns around, while cluster IDs stay with their clusters. The
// entries are copied, not changed where they are.
func (m *appMirror) swapRoles() {
	swap := func(role string) string {
		switch role {
		case roleSource:
			return roleDestination
		case roleDestination:
			return roleSource
		}
		return role
	}
	m.nsMapping = slices.Clone(m.nsMapping)
	for i := range m.nsMapping {
		m.nsMapping[i].Role = swap(m.nsMapping[i].Role)
	}
	m.storageClasses = slices.Clone(m.storageClasses)
	for i := range m.storageClasses {
		m.storageClasses[i].Role = swap(m.storageClasses[i].Role)
	}
}
