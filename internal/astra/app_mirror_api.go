package astra

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
)

const (
	appMirrorMediaType = "application/astra-appMirror"
	// appMirrorVersion is 1.1: the version that has the role of mapping
	// entries, needed for relationships within one cluster.
	appMirrorVersion = "1.1"
	appMirrorsPath   = "k8s/v1/appMirrors"
)

// AppMirror states and requestable states (astra.md §2.3).
const (
	MirrorEstablishing = "establishing"
	MirrorEstablished  = "established"
	MirrorFailingOver  = "failingOver"
	MirrorFailedOver   = "failedOver"
	MirrorDeleting     = "deleting"
	MirrorDeleted      = "deleted"
)

// AppMirror is the API's appMirror resource (version 1.1): a replication
// relationship from a source app to a destination app on another (or the
// same) cluster.
type AppMirror struct {
	Type                 string             `json:"type"`
	Version              string             `json:"version"`
	ID                   string             `json:"id"`
	SourceAppID          string             `json:"sourceAppID"`
	SourceClusterID      string             `json:"sourceClusterID"`
	DestinationAppID     string             `json:"destinationAppID,omitempty"`
	DestinationClusterID string             `json:"destinationClusterID"`
	NamespaceMapping     []NamespaceMapping `json:"namespaceMapping,omitempty"`
	StorageClasses       []StorageClassPick `json:"storageClasses,omitempty"`
	State                string             `json:"state"`
	StateDesired         string             `json:"stateDesired"`
	StateAllowed         []string           `json:"stateAllowed,omitempty"`
	StateDetails         []StateDetail      `json:"stateDetails"`
	TransferState        string             `json:"transferState,omitempty"`
	TransferStateDetails []TransferDetail   `json:"transferStateDetails,omitempty"`
	HealthState          string             `json:"healthState"`
	HealthStateDetails   []StateDetail      `json:"healthStateDetails,omitempty"`
	Metadata             *Metadata          `json:"metadata,omitempty"`
}

// TransferDetail is one transferStateDetails entry; a completed snapshot
// replication carries its times in additionalDetails (astra.md §2.6).
type TransferDetail struct {
	Type              string `json:"type"`
	Title             string `json:"title"`
	AdditionalDetails struct {
		CompletionTime string `json:"completionTime"`
		SnapshotID     string `json:"snapshotID"`
		StartTime      string `json:"startTime"`
	} `json:"additionalDetails"`
}

// LastTransfer returns the completion time of the newest snapshot transfer
// the relationship reports (transferStateDetails' completionTime), and
// false when it reports none.
func (m *AppMirror) LastTransfer() (time.Time, bool) {
	var last time.Time
	for _, d := range m.TransferStateDetails {
		if t, err := time.Parse(time.RFC3339, d.AdditionalDetails.CompletionTime); err == nil && t.After(last) {
			last = t
		}
	}
	return last, !last.IsZero()
}

// NamespaceMapping is one namespaceMapping entry: the namespaces of the app
// on one cluster, correlated by index with the other entry's.
type NamespaceMapping struct {
	ClusterID  string   `json:"clusterID"`
	Namespaces []string `json:"namespaces"`
	Role       string   `json:"role,omitempty"`
}

// StorageClassPick is one storageClasses entry: the storage class for new
// volumes on one cluster.
type StorageClassPick struct {
	ClusterID        string `json:"clusterID"`
	StorageClassName string `json:"storageClassName"`
	Role             string `json:"role,omitempty"`
}

// Message returns the state details as one line, for wait errors.
func (m *AppMirror) Message() string {
	if m == nil {
		return ""
	}
	parts := make([]string, 0, len(m.StateDetails))
	for _, d := range m.StateDetails {
		parts = append(parts, d.Title+": "+d.Detail)
	}
	return strings.Join(parts, "; ")
}

// AppMirrorInput is what a new relationship needs.
type AppMirrorInput struct {
	SourceAppID          string
	DestinationClusterID string
	NamespaceMapping     []NamespaceMapping
	StorageClasses       []StorageClassPick
}

// appMirrorCreate is the body of POST (additionalProperties: false).
type appMirrorCreate struct {
	Type                 string             `json:"type"`
	Version              string             `json:"version"`
	SourceAppID          string             `json:"sourceAppID"`
	DestinationClusterID string             `json:"destinationClusterID"`
	NamespaceMapping     []NamespaceMapping `json:"namespaceMapping,omitempty"`
	StorageClasses       []StorageClassPick `json:"storageClasses,omitempty"`
	StateDesired         string             `json:"stateDesired"`
}

// CreateAppMirror creates a relationship (POST, 201). It starts
// "establishing"; the only state a creation may ask for is "established".
func (c *Client) CreateAppMirror(ctx context.Context, in AppMirrorInput) (*AppMirror, error) {
	body := appMirrorCreate{
		Type: appMirrorMediaType, Version: appMirrorVersion, SourceAppID: in.SourceAppID,
		DestinationClusterID: in.DestinationClusterID, NamespaceMapping: in.NamespaceMapping,
		StorageClasses: in.StorageClasses, StateDesired: MirrorEstablished,
	}
	var out AppMirror
	if err := c.do(ctx, request{method: http.MethodPost, path: appMirrorsPath, mediaType: appMirrorMediaType, body: body}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// GetAppMirror reads one relationship; a missing one gives
// apierr.NotFoundError.
func (c *Client) GetAppMirror(ctx context.Context, id string) (*AppMirror, error) {
	var out AppMirror
	if err := c.do(ctx, request{method: http.MethodGet, path: appMirrorsPath + "/" + url.PathEscape(id)}, &out); err != nil {
		return nil, apierr.NotFound("AppMirror", id, err)
	}
	return &out, nil
}

// ListAppMirrorsOf lists the relationships the app is the source or the
// destination of (the app-scoped collection, astra.md §2.1).
func (c *Client) ListAppMirrorsOf(ctx context.Context, appID string) ([]AppMirror, error) {
	var out struct {
		Items []AppMirror `json:"items"`
	}
	path := "k8s/v1/apps/" + url.PathEscape(appID) + "/appMirrors"
	if err := c.do(ctx, request{method: http.MethodGet, path: path}, &out); err != nil {
		return nil, apierr.NotFound("app", appID, err)
	}
	return out.Items, nil
}

// AppMirrorUpdate is the body of a PUT: the state to reach and, for a
// resync or a reverse, the four IDs (the current ones, or swapped).
type AppMirrorUpdate struct {
	Type                 string `json:"type"`
	Version              string `json:"version"`
	SourceAppID          string `json:"sourceAppID,omitempty"`
	SourceClusterID      string `json:"sourceClusterID,omitempty"`
	DestinationAppID     string `json:"destinationAppID,omitempty"`
	DestinationClusterID string `json:"destinationClusterID,omitempty"`
	StateDesired         string `json:"stateDesired"`
}

// FailoverUpdate asks for a failover: the destination app takes over from
// the latest replicated snapshot.
func FailoverUpdate() AppMirrorUpdate {
	return AppMirrorUpdate{Type: appMirrorMediaType, Version: appMirrorVersion, StateDesired: MirrorFailedOver}
}

// ResyncUpdate asks a failed-over relationship to re-establish in its
// current direction, sending the IDs unchanged (as actoolkit does): the
// source app's data wins.
func ResyncUpdate(m *AppMirror) AppMirrorUpdate {
	return AppMirrorUpdate{
		Type: appMirrorMediaType, Version: appMirrorVersion, StateDesired: MirrorEstablished,
		SourceAppID: m.SourceAppID, SourceClusterID: m.SourceClusterID,
		DestinationAppID: m.DestinationAppID, DestinationClusterID: m.DestinationClusterID,
	}
}

// ReverseUpdate asks an established or failed-over relationship to
// replicate in the other direction, by swapping the IDs.
func ReverseUpdate(m *AppMirror) AppMirrorUpdate {
	return AppMirrorUpdate{
		Type: appMirrorMediaType, Version: appMirrorVersion, StateDesired: MirrorEstablished,
		SourceAppID: m.DestinationAppID, SourceClusterID: m.DestinationClusterID,
		DestinationAppID: m.SourceAppID, DestinationClusterID: m.SourceClusterID,
	}
}

// UpdateAppMirror sends a PUT. The spec answers 204; real servers have
// answered 200 with a body (astra.md §2.7), which is ignored: read the
// relationship again.
func (c *Client) UpdateAppMirror(ctx context.Context, id string, u AppMirrorUpdate) error {
	err := c.do(ctx, request{method: http.MethodPut, path: appMirrorsPath + "/" + url.PathEscape(id), mediaType: appMirrorMediaType, body: u}, nil)
	return apierr.NotFound("AppMirror", id, err)
}

// DeleteAppMirror starts deleting a relationship (DELETE, 204); it is gone
// once GET answers 404.
func (c *Client) DeleteAppMirror(ctx context.Context, id string) error {
	err := c.do(ctx, request{method: http.MethodDelete, path: appMirrorsPath + "/" + url.PathEscape(id)}, nil)
	return apierr.NotFound("AppMirror", id, err)
}
