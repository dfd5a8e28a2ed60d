package astra

// Snapshot constants of the spec (appSnap_1.3_*, astra.md §13).
const (
	snapshotType    = "application/astra-appSnap"
	snapshotsType   = "application/astra-appSnaps"
	snapshotVersion = "1.3"
)

// snapshotBody is appSnap_1.3_get_response_body, fields in the spec's
// order.
type snapshotBody struct {
	Type             string            `json:"type"`
	Version          string            `json:"version"`
	ID               string            `json:"id"`
	Name             string            `json:"name"`
	SnapshotAppAsset string            `json:"snapshotAppAsset,omitempty"`
	State            string            `json:"state"`
	StateUnready     []string          `json:"stateUnready"`
	StateDetails     []stateDetailBody `json:"stateDetails"`
	HookState        string            `json:"hookState,omitempty"`
	HookStateDetails []stateDetailBody `json:"hookStateDetails,omitempty"`
	Metadata         metadata          `json:"metadata"`
}

// viewSnapshot renders s in its current state, and reports the end of its
// last operation to the notice recorder.
func (a *API) viewSnapshot(s *snapshot) any {
	a.observe(s.op, s.id)
	return s.viewIn(a.snapshotState(s))
}

// viewIn renders s in state. hookState is given once the snapshot ended
// ("success": every hook that applied ran well, none applying included).
func (s *snapshot) viewIn(state string) any {
	b := snapshotBody{
		Type: snapshotType, Version: s.version, ID: s.id, Name: s.name, State: state,
		StateUnready: []string{}, StateDetails: []stateDetailBody{}, Metadata: s.metadata(),
	}
	if state == snapCompleted {
		b.SnapshotAppAsset = s.assetID
	}
	if state == snapFailed {
		b.StateUnready = []string{s.failure}
	}
	if state == snapCompleted || state == snapFailed {
		b.HookState, b.HookStateDetails = hookStateOf(s.hooks)
	}
	return b
}
