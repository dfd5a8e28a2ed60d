package astra

// Backup constants of the spec (appBackup_1.2_*, astra.md §14).
const (
	backupType    = "application/astra-appBackup"
	backupsType   = "application/astra-appBackups"
	backupVersion = "1.2"
)

// backupPostSchema is appBackup_1.2_post_request_body.
var backupPostSchema = objectSchema{
	name:       "appBackup_1.2_post_request_body",
	properties: []string{"type", "version", "name", "bucketID", "snapshotID", "metadata"},
	required:   []string{"type", "version"},
}

// backupBody is appBackup_1.2_get_response_body, fields in the spec's order.
type backupBody struct {
	Type                    string            `json:"type"`
	Version                 string            `json:"version"`
	ID                      string            `json:"id"`
	Name                    string            `json:"name"`
	BucketID                string            `json:"bucketID"`
	SnapshotID              string            `json:"snapshotID,omitempty"`
	State                   string            `json:"state"`
	StateUnready            []string          `json:"stateUnready"`
	StateDetails            []stateDetailBody `json:"stateDetails"`
	HookState               string            `json:"hookState,omitempty"`
	HookStateDetails        []stateDetailBody `json:"hookStateDetails,omitempty"`
	BackupCreationTimestamp string            `json:"backupCreationTimestamp,omitempty"`
	TotalBytes              int64             `json:"totalBytes"`
	BytesDone               int64             `json:"bytesDone"`
	PercentDone             int64             `json:"percentDone"`
	Metadata                metadata          `json:"metadata"`
}

// backupTriggerLabel marks a backup made on demand, as real servers do
// (astra.md §14.2).
var backupTriggerLabel = label{Name: "astra.netapp.io/labels/read-only/triggerType", Value: "backup"}

// viewBackup renders b in its current state, and reports the end of its
// last operation to the notice recorder.
func (a *API) viewBackup(b *backup) any {
	a.observe(b.op, b.id)
	return b.viewIn(a.backupState(b))
}

// viewIn renders b in state.
func (b *backup) viewIn(state string) any {
	body := backupBody{
		Type: backupType, Version: b.version, ID: b.id, Name: b.name, BucketID: b.bucketID, SnapshotID: b.snapshotID,
		State: state, StateUnready: []string{}, StateDetails: []stateDetailBody{}, TotalBytes: b.totalBytes, Metadata: b.metadata(),
	}
	switch state {
	case backupRunning:
		body.BytesDone, body.PercentDone = b.totalBytes/2, 50
	case backupCompleted, backupRemoved, backupDeleting:
		body.BytesDone, body.PercentDone = b.totalBytes, 100
		body.BackupCreationTimestamp = b.completedAt
	case backupFailed:
		body.StateUnready = []string{b.failure}
	}
	if state == backupRemoved {
		body.StateUnready = []string{"the bucket " + b.bucketID + " of the backup no longer exists"}
	}
	if b.op.settled {
		body.HookState, body.HookStateDetails = hookStateOf(b.hooks)
	}
	return body
}
