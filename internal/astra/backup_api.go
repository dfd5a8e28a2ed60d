package astra

import (
	"context"
	"net/http"
	"net/url"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
)

const (
	backupMediaType = "application/astra-appBackup"
	backupVersion   = "1.2"
)

// Backup states (astra.md §14.3); as for snapshots, any other state counts
// as under way.
const (
	BackupPending     = "pending"
	BackupDiscovering = "discovering"
	BackupRunning     = "running"
	BackupCompleted   = "completed"
	BackupFailed      = "failed"
	BackupRemoved     = "removed"
	BackupDeleting    = "deleting"
)

// backupInProgress reports whether a backup in state is being taken.
func backupInProgress(state string) bool {
	switch state {
	case BackupCompleted, BackupFailed, BackupRemoved, BackupDeleting:
		return false
	}
	return true
}

// Backup is the API's appBackup resource (version 1.2): a copy of an app
// in a bucket. Its size is totalBytes.
type Backup struct {
	Type                    string        `json:"type"`
	Version                 string        `json:"version"`
	ID                      string        `json:"id"`
	Name                    string        `json:"name"`
	BucketID                string        `json:"bucketID"`
	SnapshotID              string        `json:"snapshotID,omitempty"`
	ScheduleID              string        `json:"scheduleID,omitempty"`
	State                   string        `json:"state"`
	StateUnready            []string      `json:"stateUnready,omitempty"`
	StateDetails            []StateDetail `json:"stateDetails,omitempty"`
	HookState               string        `json:"hookState,omitempty"`
	HookStateDetails        []StateDetail `json:"hookStateDetails,omitempty"`
	BackupCreationTimestamp string        `json:"backupCreationTimestamp,omitempty"`
	TotalBytes              *float64      `json:"totalBytes,omitempty"`
	BytesDone               *float64      `json:"bytesDone,omitempty"`
	PercentDone             *float64      `json:"percentDone,omitempty"`
	Metadata                *Metadata     `json:"metadata,omitempty"`
}

// Message explains the state, for wait errors.
func (b *Backup) Message() string {
	if b == nil {
		return ""
	}
	return unreadyMessage(b.StateUnready, b.StateDetails)
}

// backupsPath returns the collection of an app's backups.
func backupsPath(appID string) string { return "k8s/v1/apps/" + url.PathEscape(appID) + "/appBackups" }

// backupWrite is the body of POST.
type backupWrite struct {
	Type       string `json:"type"`
	Version    string `json:"version"`
	Name       string `json:"name"`
	BucketID   string `json:"bucketID,omitempty"`
	SnapshotID string `json:"snapshotID,omitempty"`
}

// BackupInput is what a new backup needs: a name and, optionally, its
// bucket (else the default one) and the snapshot to copy (else a new one).
type BackupInput struct {
	Name       string
	BucketID   string
	SnapshotID string
}

// CreateBackup backs an app up (POST, 201); it is pending, then running,
// then completed.
func (c *Client) CreateBackup(ctx context.Context, appID string, in BackupInput) (*Backup, error) {
	body := backupWrite{Type: backupMediaType, Version: backupVersion, Name: in.Name, BucketID: in.BucketID, SnapshotID: in.SnapshotID}
	var out Backup
	if err := c.do(ctx, request{method: http.MethodPost, path: backupsPath(appID), mediaType: backupMediaType, body: body}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// GetBackup reads a backup of an app; a missing one (or app) gives
// apierr.NotFoundError.
func (c *Client) GetBackup(ctx context.Context, appID, id string) (*Backup, error) {
	var out Backup
	if err := c.do(ctx, request{method: http.MethodGet, path: backupsPath(appID) + "/" + url.PathEscape(id)}, &out); err != nil {
		return nil, apierr.NotFound("backup", appID+"/"+id, err)
	}
	return &out, nil
}

// ListBackups lists an app's backups (include and limit only, no paging:
// one request reads them all).
func (c *Client) ListBackups(ctx context.Context, appID string) ([]Backup, error) {
	var out struct {
		Items []Backup `json:"items"`
	}
	if err := c.do(ctx, request{method: http.MethodGet, path: backupsPath(appID)}, &out); err != nil {
		return nil, apierr.NotFound("app", appID, err)
	}
	return out.Items, nil
}

// DeleteBackup deletes (or cancels) a backup (DELETE, 204); it is
// deleting, then gone. A pending one gives 409 problem 128.
func (c *Client) DeleteBackup(ctx context.Context, appID, id string) error {
	err := c.do(ctx, request{method: http.MethodDelete, path: backupsPath(appID) + "/" + url.PathEscape(id)}, nil)
	return apierr.NotFound("backup", appID+"/"+id, err)
}
