package astra

// AppMirror constants of the spec (appMirror_1.1_*, astra.md §2).
const (
	appMirrorType    = "application/astra-appMirror"
	appMirrorsType   = "application/astra-appMirrors"
	appMirrorVersion = "1.1"
)

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

// view renders m in its current state.
func (m *appMirror) view() any { return m.viewIn(m.state()) }

// viewIn renders m in the given state (POST answers "establishing" even
// when a step takes no time, as the spec's example does).
func (m *appMirror) viewIn(state string) any {
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
				"completionTime": stamp(m.transferEnd),
				"snapshotID":     m.snapshotID,
				"startTime":      stamp(m.transferStart),
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
		Metadata:                 m.metadata(),
	}
	if m.failed {
		// The last reconcile failed (astra.md §2.3, UI meaning of critical).
		b.StateDetails, b.HealthState, b.HealthStateDetails = m.failureDetails()
		b.TransferState = "idle"
	}
	if m.broken && state == mirrorEstablished && !m.failed {
		b.HealthState, b.HealthStateDetails, b.TransferState = "critical", brokenDetails(), "transferring"
	}
	if len(m.nsMapping) > 0 {
		b.NamespaceMapping = m.nsMapping
	}
	if len(m.storageClasses) > 0 {
		b.StorageClasses = m.storageClasses
	}
	return b
}

// failureDetails returns stateDetails, healthState and healthStateDetails
// of a relationship whose phase failed (fail= in the sandbox's faults). The
// spec shows no such detail: the type is the sandbox's own, and it names
// the operation.
func (m *appMirror) failureDetails() ([]stateDetailBody, string, []stateDetailBody) {
	op := m.phase.operation()
	what := map[mirrorPhase]string{phaseEstablish: "Establishing", phaseResync: "Resynchronizing", phaseReverse: "Reversing",
		phaseFailover: "Failing over", phaseDelete: "Deleting"}[m.phase]
	state := []stateDetailBody{{sandboxDetailBase + "failed", "AppMirror operation failed",
		what + " the AppMirror relationship failed (" + op + ", injected by the sandbox). Request the state again to retry, or delete the relationship.",
		map[string]any{"operation": op}}}
	health := []stateDetailBody{{sandboxDetailBase + "failed", "AppMirror reconcile failed",
		"The last reconcile of the AppMirror relationship failed; it does not protect the app data.", nil}}
	return state, "critical", health
}
