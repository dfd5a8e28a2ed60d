package astra

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
)

const (
	snapshotMediaType = "application/astra-appSnap"
	snapshotVersion   = "1.3"
)

// Snapshot states (astra.md §13.3). Real servers have shown "ready", in no
// enum, for snapshots under way: any state but completed, failed and
// removed counts as under way.
const (
	SnapshotPending     = "pending"
	SnapshotDiscovering = "discovering"
	SnapshotRunning     = "running"
	SnapshotCompleted   = "completed"
	SnapshotFailed      = "failed"
	SnapshotRemoved     = "removed"
	SnapshotDeleting    = "deleting"
)

// Snapshot is the API's appSnap resource (version 1.3): a snapshot of an
// app. Unknown fields (snapshotCreationTimestamp, seen on real servers)
// are ignored.
type Snapshot struct {
	Type             string        `json:"type"`
	Version          string        `json:"version"`
	ID               string        `json:"id"`
	Name             string        `json:"name"`
	BucketID         string        `json:"bucketID,omitempty"`
	ScheduleID       string        `json:"scheduleID,omitempty"`
	State            string        `json:"state"`
	StateUnready     []string      `json:"stateUnready,omitempty"`
	StateDetails     []StateDetail `json:"stateDetails,omitempty"`
	HookState        string        `json:"hookState,omitempty"`
	HookStateDetails []StateDetail `json:"hookStateDetails,omitempty"`
	Metadata         *Metadata     `json:"metadata,omitempty"`
}

// Message explains the state, for wait errors.
func (s *Snapshot) Message() string {
	if s == nil {
		return ""
	}
	return unreadyMessage(s.StateUnready, s.StateDetails)
}

// unreadyMessage renders stateUnready and stateDetails as one line.
func unreadyMessage(unready []string, details []StateDetail) string {
	parts := append([]string(nil), unready...)
	if d := detailsMessage(details); d != "" {
		parts = append(parts, d)
	}
	return strings.Join(parts, "; ")
}

// snapshotsPath returns the collection of an app's snapshots.
func snapshotsPath(appID string) string { return "k8s/v1/apps/" + url.PathEscape(appID) + "/appSnaps" }

// snapshotWrite is the body of POST.
type snapshotWrite struct {
	Type     string `json:"type"`
	Version  string `json:"version"`
	Name     string `json:"name"`
	BucketID string `json:"bucketID,omitempty"`
}

// CreateSnapshot takes a snapshot of an app (POST, 201); it is pending,
// then running, then completed.
func (c *Client) CreateSnapshot(ctx context.Context, appID, name, bucketID string) (*Snapshot, error) {
	body := snapshotWrite{Type: snapshotMediaType, Version: snapshotVersion, Name: name, BucketID: bucketID}
	var out Snapshot
	if err := c.do(ctx, request{method: http.MethodPost, path: snapshotsPath(appID), mediaType: snapshotMediaType, body: body}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// GetSnapshot reads a snapshot of an app; a missing one (or app) gives
// apierr.NotFoundError.
func (c *Client) GetSnapshot(ctx context.Context, appID, id string) (*Snapshot, error) {
	var out Snapshot
	if err := c.do(ctx, request{method: http.MethodGet, path: snapshotsPath(appID) + "/" + url.PathEscape(id)}, &out); err != nil {
		return nil, apierr.NotFound("snapshot", appID+"/"+id, err)
	}
	return &out, nil
}

// ListSnapshots lists an app's snapshots: the collection takes include and
// limit only, and no paging, so one request reads them all.
func (c *Client) ListSnapshots(ctx context.Context, appID string) ([]Snapshot, error) {
	var out struct {
		Items []Snapshot `json:"items"`
	}
	if err := c.do(ctx, request{method: http.MethodGet, path: snapshotsPath(appID)}, &out); err != nil {
		return nil, apierr.NotFound("app", appID, err)
	}
	return out.Items, nil
}

// DeleteSnapshot deletes (or cancels) a snapshot (DELETE, 204); it is
// deleting, then gone. One a running backup uses gives 409 problem 144.
func (c *Client) DeleteSnapshot(ctx context.Context, appID, id string) error {
	err := c.do(ctx, request{method: http.MethodDelete, path: snapshotsPath(appID) + "/" + url.PathEscape(id)}, nil)
	return apierr.NotFound("snapshot", appID+"/"+id, err)
}
