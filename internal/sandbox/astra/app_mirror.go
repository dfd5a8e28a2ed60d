package astra

import (
	"slices"
	"time"
)

// AppMirror constants of the spec (appMirror_1.1_*, astra.md §2).
const (
	appMirrorType     = "application/astra-appMirror"
	appMirrorsType    = "application/astra-appMirrors"
	appMirrorVersion  = "1.1"
	appMirrorsPath    = accountsPrefix + "/k8s/v1/appMirrors"
	appMirrorPath     = appMirrorsPath + "/{appMirror_id}"
	appAppMirrorsPath = accountsPrefix + "/k8s/v1/apps/{app_id}/appMirrors"
	appAppMirrorPath  = appAppMirrorsPath + "/{appMirror_id}"
)

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
	settled    bool // the effects of the phase's end were applied

	// The most recent snapshot transfer, once one completed.
	transferStart, transferEnd time.Time
	snapshotID                 string

	labels     []label
	createdAt  string
	modifiedAt string
	createdBy  string
	modifiedBy string
}

// clone returns a deep copy of m.
func (m *appMirror) clone() *appMirror {
	c := *m
	c.nsMapping = make([]namespaceMappingEntry, len(m.nsMapping))
	for i, e := range m.nsMapping {
		c.nsMapping[i] = e
		c.nsMapping[i].Namespaces = slices.Clone(e.Namespaces)
	}
	c.storageClasses = slices.Clone(m.storageClasses)
	c.labels = slices.Clone(m.labels)
	return &c
}

// involves reports whether appID is the relationship's source or destination.
func (m *appMirror) involves(appID string) bool {
	return m.sourceAppID == appID || m.destAppID == appID
}

// phaseDone reports whether the current phase has ended at now, given the
// duration of a step.
func (m *appMirror) phaseDone(now time.Time, step time.Duration) bool {
	return !now.Before(m.phaseStart.Add(step))
}

// state returns the state at now.
func (m *appMirror) state(now time.Time, step time.Duration) string {
	done := m.phaseDone(now, step)
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

// stateAllowed is the spec's table of requestable states (stateAllowed's
// description, astra.md §2.4). The spec's POST example shows ["deleted"]
// while establishing; the description's table is followed.
var stateAllowed = map[string][]string{
	mirrorEstablishing: {mirrorEstablished, mirrorDeleted},
	mirrorEstablished:  {mirrorFailedOver, mirrorDeleted},
	mirrorFailingOver:  {mirrorFailedOver, mirrorDeleted},
	mirrorFailedOver:   {mirrorEstablished, mirrorDeleted},
	mirrorDeleting:     {mirrorDeleted},
	mirrorDeleted:      {mirrorDeleted},
}

// stateTransitionBody is a type_astra_stateTransition.
type stateTransitionBody struct {
	From string   `json:"from"`
	To   []string `json:"to"`
}

// The constant transition tables of the spec's GET example (the five-entry
// stateTransitions, astra.md §2.4).
var (
	mirrorStateTransitions = []stateTransitionBody{
		{mirrorEstablishing, []string{mirrorEstablished, mirrorDeleting}},
		{mirrorEstablished, []string{mirrorFailingOver, mirrorDeleting}},
		{mirrorFailingOver, []string{mirrorFailedOver, mirrorDeleting}},
		{mirrorFailedOver, []string{mirrorEstablishing, mirrorDeleting}},
		{mirrorDeleting, []string{mirrorDeleted}},
	}
	healthStateTransitions = []stateTransitionBody{
		{"indeterminate", []string{"normal", "warning", "critical"}},
		{"normal", []string{"indeterminate", "warning", "critical"}},
		{"warning", []string{"indeterminate", "normal", "critical"}},
		{"critical", []string{"indeterminate", "normal", "warning"}},
	}
	transferStateTransitions = []stateTransitionBody{
		{"transferring", []string{"idle"}},
		{"idle", []string{"transferring"}},
	}
)

// stateDetailTypeBase prefixes the stateDetails types the spec's examples
// use (1, 2, 3, 4, 24); sandboxDetailBase those the spec does not show,
// which the sandbox names itself rather than guess a number.
const (
	stateDetailTypeBase = "https://astra.netapp.io/stateDetails/"
	sandboxDetailBase   = "https://astra.netapp.io/stateDetails/sandbox/"
)

// mirrorStateDetails returns stateDetails for a state and phase.
func mirrorStateDetails(state string, phase mirrorPhase) []stateDetailBody {
	switch state {
	case mirrorEstablishing:
		d := stateDetailBody{stateDetailTypeBase + "3", "AppMirror is being established",
			"The AppMirror relationship is in the process of being established.", nil}
		switch phase {
		case phaseResync:
			d.Detail = "The AppMirror relationship is being resynchronized: the destination app is stopped and replication restarts from the source app."
		case phaseReverse:
			d.Detail = "The AppMirror relationship is being reversed: the former source app is stopped, a final snapshot is replicated and replication restarts in the other direction."
		}
		return []stateDetailBody{d}
	case mirrorEstablished:
		return []stateDetailBody{{stateDetailTypeBase + "1", "AppMirror relationship established",
			"The AppMirror relationship has been successfully established.", nil}}
	case mirrorFailingOver:
		return []stateDetailBody{{sandboxDetailBase + "failingOver", "AppMirror is failing over",
			"The destination app is being started from the latest replicated snapshot.", nil}}
	case mirrorFailedOver:
		return []stateDetailBody{{sandboxDetailBase + "failedOver", "AppMirror failed over",
			"The destination app runs from the latest replicated snapshot; replication is stopped.", nil}}
	default:
		return []stateDetailBody{{sandboxDetailBase + "deleting", "AppMirror is being deleted",
			"Resources created by the AppMirror relationship are being cleaned up.", nil}}
	}
}

// mirrorHealth returns healthState and healthStateDetails for a state. The
// UI's meanings (astra.md §2.3): normal once established, warning while
// establishing (as in the spec's POST example) and when failing or failed
// over ("no longer protecting the source app").
func mirrorHealth(state string) (string, []stateDetailBody) {
	switch state {
	case mirrorEstablishing:
		return "warning", []stateDetailBody{{stateDetailTypeBase + "4", "AppMirror not yet established",
			"The AppMirror relationship is not protecting the app data yet because the relationship is in the process of being established.", nil}}
	case mirrorEstablished:
		return "normal", []stateDetailBody{{stateDetailTypeBase + "2", "SnapMirror syncing successfully",
			"All SnapMirror relationships are synchronizing as expected.", nil}}
	case mirrorFailingOver, mirrorFailedOver:
		return "warning", []stateDetailBody{{sandboxDetailBase + "notProtecting", "Source app not protected",
			"The relationship failed over to the destination app and no longer protects the source app.", nil}}
	default:
		return "warning", []stateDetailBody{{sandboxDetailBase + "deleting", "AppMirror is being deleted",
			"The AppMirror relationship no longer protects the app data.", nil}}
	}
}

// appMirrorBody is appMirror_1.1_get_response_body, fields in the order of
// the spec's examples.
type appMirrorBody struct {
	Type                     string                  `json:"type"`
	Version                  string                  `json:"version"`
	ID                       string                  `json:"id"`
	SourceAppID              string                  `json:"sourceAppID"`
	SourceClusterID          string                  `json:"sourceClusterID"`
	DestinationAppID         string                  `json:"destinationAppID,omitempty"`
	DestinationClusterID     string                  `json:"destinationClusterID"`
	NamespaceMapping         []namespaceMappingEntry `json:"namespaceMapping,omitempty"`
	StorageClasses           []storageClassEntry     `json:"storageClasses,omitempty"`
	State                    string                  `json:"state"`
	StateTransitions         []stateTransitionBody   `json:"stateTransitions"`
	StateDesired             string                  `json:"stateDesired"`
	StateAllowed             []string                `json:"stateAllowed"`
	StateDetails             []stateDetailBody       `json:"stateDetails"`
	TransferState            string                  `json:"transferState"`
	TransferStateTransitions []stateTransitionBody   `json:"transferStateTransitions"`
	TransferStateDetails     []stateDetailBody       `json:"transferStateDetails"`
	HealthState              string                  `json:"healthState"`
	HealthStateTransitions   []stateTransitionBody   `json:"healthStateTransitions"`
	HealthStateDetails       []stateDetailBody       `json:"healthStateDetails"`
	Metadata                 metadata                `json:"metadata"`
}

// body renders m as seen at now. A phase that has ended but whose
// effects were not applied yet renders as ended all the same.
func (m *appMirror) body(now time.Time, step time.Duration) appMirrorBody {
	state := m.state(now, step)
	return m.bodyIn(state)
}

// bodyIn renders m in the given state (POST answers "establishing" even
// when a step takes no time, as the spec's example does).
func (m *appMirror) bodyIn(state string) appMirrorBody {
	health, healthDetails := mirrorHealth(state)
	transfer, transferDetails := "idle", []stateDetailBody{}
	switch {
	case state == mirrorEstablishing:
		transfer = "transferring"
	case m.snapshotID != "":
		transferDetails = []stateDetailBody{{
			Type: stateDetailTypeBase + "24", Title: "Snapshot replication completed",
			Detail: "A snapshot was replicated to the destination.",
			AdditionalDetails: map[string]any{
				"completionTime": m.transferEnd.UTC().Format(timestampLayout),
				"snapshotID":     m.snapshotID,
				"startTime":      m.transferStart.UTC().Format(timestampLayout),
			},
		}}
	}
	b := appMirrorBody{
		Type:                     appMirrorType,
		Version:                  m.version,
		ID:                       m.id,
		SourceAppID:              m.sourceAppID,
		SourceClusterID:          m.sourceClusterID,
		DestinationAppID:         m.destAppID,
		DestinationClusterID:     m.destClusterID,
		State:                    state,
		StateTransitions:         mirrorStateTransitions,
		StateDesired:             m.stateDesired(),
		StateAllowed:             stateAllowed[state],
		StateDetails:             mirrorStateDetails(state, m.phase),
		TransferState:            transfer,
		TransferStateTransitions: transferStateTransitions,
		TransferStateDetails:     transferDetails,
		HealthState:              health,
		HealthStateTransitions:   healthStateTransitions,
		HealthStateDetails:       healthDetails,
		Metadata: metadata{
			Labels:                m.labels,
			CreationTimestamp:     m.createdAt,
			ModificationTimestamp: m.modifiedAt,
			CreatedBy:             m.createdBy,
			ModifiedBy:            m.modifiedBy,
		},
	}
	if b.Metadata.Labels == nil {
		b.Metadata.Labels = []label{}
	}
	if len(m.nsMapping) > 0 {
		b.NamespaceMapping = m.clone().nsMapping
	}
	if len(m.storageClasses) > 0 {
		b.StorageClasses = slices.Clone(m.storageClasses)
	}
	return b
}

// swapRoles swaps the source and destination roles of the mapping entries,
// after a reverse: roles describe the direction of replication, which the
// reverse turns around, while cluster IDs stay with their clusters.
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
	for i := range m.nsMapping {
		m.nsMapping[i].Role = swap(m.nsMapping[i].Role)
	}
	for i := range m.storageClasses {
		m.storageClasses[i].Role = swap(m.storageClasses[i].Role)
	}
}
