package astra

import (
	"context"
	"net/http"
	"net/url"
	"slices"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
)

const (
	appMediaType = "application/astra-app"
	appVersion   = "2.2"
	appsPath     = "k8s/v2/apps"
)

// App states (astra.md §10.4).
const (
	AppPending      = "pending"
	AppDiscovering  = "discovering"
	AppProvisioning = "provisioning"
	AppReady        = "ready"
	AppFailed       = "failed"
	AppRestoring    = "restoring"
	AppUnavailable  = "unavailable"
	AppUnknown      = "unknown"
	AppDeleting     = "deleting"
)

// App is the API's app resource (application/astra-app 2.2): a managed
// application, or one made by a clone or a restore.
type App struct {
	Type                     string              `json:"type"`
	Version                  string              `json:"version"`
	ID                       string              `json:"id"`
	Name                     string              `json:"name"`
	ClusterScopedResources   []ClusterResource   `json:"clusterScopedResources,omitempty"`
	NamespaceScopedResources []NamespaceResource `json:"namespaceScopedResources,omitempty"`
	State                    string              `json:"state"`
	StateDetails             []StateDetail       `json:"stateDetails,omitempty"`
	ProtectionState          string              `json:"protectionState"`
	Namespaces               []string            `json:"namespaces"`
	NamespaceMapping         []NamespacePair     `json:"namespaceMapping,omitempty"`
	StorageClassMapping      []StorageClassPair  `json:"storageClassMapping,omitempty"`
	ClusterName              string              `json:"clusterName"`
	ClusterID                string              `json:"clusterID"`
	ClusterType              string              `json:"clusterType"`
	SourceAppID              string              `json:"sourceAppID,omitempty"`
	SourceClusterID          string              `json:"sourceClusterID,omitempty"`
	SourceClusterName        string              `json:"sourceClusterName,omitempty"`
	SnapshotID               string              `json:"snapshotID,omitempty"`
	BackupID                 string              `json:"backupID,omitempty"`
	ReplicationSourceAppID   string              `json:"replicationSourceAppID,omitempty"`
	RestoreFilter            *RestoreFilter      `json:"restoreFilter,omitempty"`
	Metadata                 *Metadata           `json:"metadata,omitempty"`
}

// Message returns the state details as one line, for wait errors.
func (a *App) Message() string {
	if a == nil {
		return ""
	}
	return detailsMessage(a.StateDetails)
}

// NamespaceResource is one namespaceScopedResources entry of an app: a
// namespace and the label selectors that pick the app's resources in it
// (none: all of them).
type NamespaceResource struct {
	Namespace      string   `json:"namespace"`
	LabelSelectors []string `json:"labelSelectors,omitempty"`
}

// ClusterResource is one clusterScopedResources entry.
type ClusterResource struct {
	GVK            GVK      `json:"GVK"`
	LabelSelectors []string `json:"labelSelectors,omitempty"`
}

// GVK is a Kubernetes group, version and kind.
type GVK struct {
	Group   string `json:"group"`
	Kind    string `json:"kind"`
	Version string `json:"version"`
}

// NamespacePair is one namespaceMapping entry of a clone or a restore.
type NamespacePair struct {
	Source      string `json:"source"`
	Destination string `json:"destination"`
}

// StorageClassPair is one storageClassMapping entry; Source may be "*".
type StorageClassPair struct {
	Source      string `json:"source"`
	Destination string `json:"destination"`
}

// RestoreFilter selects what a restore restores.
type RestoreFilter struct {
	ResourceSelectionCriteria string `json:"resourceSelectionCriteria"`
	GVKN                      []GVKN `json:"GVKN"`
}

// GVKN is one entry of a restore filter.
type GVKN struct {
	Group          string   `json:"group,omitempty"`
	Version        string   `json:"version,omitempty"`
	Kind           string   `json:"kind,omitempty"`
	Namespaces     []string `json:"namespaces,omitempty"`
	Names          []string `json:"names,omitempty"`
	LabelSelectors []string `json:"labelSelectors,omitempty"`
}

// AppFilter narrows a listing of apps. Every non-empty field becomes one
// filter query parameter (the API ANDs them); the answer is checked again
// on this side, so a server that ignores a filter cannot widen the result.
type AppFilter struct {
	Name        string
	ClusterID   string
	ClusterName string
	Namespace   string
	State       string
}

// clauses returns the filter clauses and a matcher for the client-side check.
func (f AppFilter) clauses() ([]filterClause, func(App) bool) {
	all := []filterClause{
		{"name", f.Name}, {"clusterID", f.ClusterID}, {"clusterName", f.ClusterName},
		{"namespaces[*]", f.Namespace}, {"state", f.State},
	}
	match := func(a App) bool {
		return (f.Name == "" || a.Name == f.Name) &&
			(f.ClusterID == "" || a.ClusterID == f.ClusterID) &&
			(f.ClusterName == "" || a.ClusterName == f.ClusterName) &&
			(f.Namespace == "" || slices.Contains(a.Namespaces, f.Namespace)) &&
			(f.State == "" || a.State == f.State)
	}
	return all, match
}

// ListApps lists the managed apps matching f.
func (c *Client) ListApps(ctx context.Context, f AppFilter) ([]App, error) {
	clauses, match := f.clauses()
	var out struct {
		Items []App `json:"items"`
	}
	if err := c.do(ctx, request{method: http.MethodGet, path: appsPath, query: filterQuery(clauses)}, &out); err != nil {
		return nil, err
	}
	matched := make([]App, 0, len(out.Items))
	for _, a := range out.Items {
		if match(a) {
			matched = append(matched, a)
		}
	}
	return matched, nil
}

// GetApp reads one app; a missing one gives apierr.NotFoundError.
func (c *Client) GetApp(ctx context.Context, id string) (*App, error) {
	var out App
	if err := c.do(ctx, request{method: http.MethodGet, path: appsPath + "/" + url.PathEscape(id)}, &out); err != nil {
		return nil, apierr.NotFound("app", id, err)
	}
	return &out, nil
}

// AppInput is what ManageApp needs: a name, the cluster and the namespaces.
type AppInput struct {
	Name       string
	ClusterID  string
	Namespaces []string
}

// ManageApp defines an app from whole namespaces of a managed cluster
// (POST k8s/v2/apps, 201), as the acceptance tests make apps of their own;
// CreateApp takes every field.
func (c *Client) ManageApp(ctx context.Context, in AppInput) (*App, error) {
	create := AppCreate{Name: in.Name, ClusterID: in.ClusterID}
	for _, ns := range in.Namespaces {
		create.NamespaceScopedResources = append(create.NamespaceScopedResources, NamespaceResource{Namespace: ns})
	}
	return c.CreateApp(ctx, create)
}

// AppCreate is the body of POST k8s/v2/apps without type and version: a
// manage (namespaces of ClusterID), a live clone (SourceAppID) or a
// restore (SnapshotID or BackupID) into ClusterID.
type AppCreate struct {
	Name                     string              `json:"name"`
	ClusterID                string              `json:"clusterID"`
	NamespaceScopedResources []NamespaceResource `json:"namespaceScopedResources,omitempty"`
	ClusterScopedResources   []ClusterResource   `json:"clusterScopedResources,omitempty"`
	SourceAppID              string              `json:"sourceAppID,omitempty"`
	SourceClusterID          string              `json:"sourceClusterID,omitempty"`
	SnapshotID               string              `json:"snapshotID,omitempty"`
	BackupID                 string              `json:"backupID,omitempty"`
	NamespaceMapping         []NamespacePair     `json:"namespaceMapping,omitempty"`
	StorageClassMapping      []StorageClassPair  `json:"storageClassMapping,omitempty"`
	RestoreFilter            *RestoreFilter      `json:"restoreFilter,omitempty"`
}

// appWrite is a POST or PUT body of an app (additionalProperties: false).
type appWrite struct {
	Type    string `json:"type"`
	Version string `json:"version"`
	AppCreate
}

// CreateApp manages, clones or restores an app (POST k8s/v2/apps, 201).
// The new app starts pending (a manage) or provisioning.
func (c *Client) CreateApp(ctx context.Context, in AppCreate) (*App, error) {
	body := appWrite{Type: appMediaType, Version: appVersion, AppCreate: in}
	var out App
	if err := c.do(ctx, request{method: http.MethodPost, path: appsPath, mediaType: appMediaType, body: body}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// appRename is the body of a rename (PUT, 204).
type appRename struct {
	Type    string `json:"type"`
	Version string `json:"version"`
	Name    string `json:"name"`
}

// RenameApp renames an app (PUT k8s/v2/apps/{id}, 204).
func (c *Client) RenameApp(ctx context.Context, id, name string) error {
	body := appRename{Type: appMediaType, Version: appVersion, Name: name}
	err := c.do(ctx, request{method: http.MethodPut, path: appsPath + "/" + url.PathEscape(id), mediaType: appMediaType, body: body}, nil)
	return apierr.NotFound("app", id, err)
}

// InPlaceRestore names what an in-place restore restores from: one of a
// snapshot and a backup of the app, and optionally a filter.
type InPlaceRestore struct {
	SnapshotID    string         `json:"snapshotID,omitempty"`
	BackupID      string         `json:"backupID,omitempty"`
	RestoreFilter *RestoreFilter `json:"restoreFilter,omitempty"`
}

// appRestore is the body of an in-place restore.
type appRestore struct {
	Type    string `json:"type"`
	Version string `json:"version"`
	InPlaceRestore
}

// RestoreAppInPlace overwrites the app's resources and data with a
// snapshot or a backup of it (PUT k8s/v2/apps/{id} with the header
// forceUpdate: true, "a flag that enables destructive overwrites", 204).
// The app is restoring from the answer on (astra.md §10.3 d).
func (c *Client) RestoreAppInPlace(ctx context.Context, id string, in InPlaceRestore) error {
	body := appRestore{Type: appMediaType, Version: appVersion, InPlaceRestore: in}
	err := c.do(ctx, request{method: http.MethodPut, path: appsPath + "/" + url.PathEscape(id), mediaType: appMediaType, body: body,
		header: map[string]string{"forceUpdate": "true"}}, nil)
	return apierr.NotFound("app", id, err)
}

// UnmanageApp stops managing an app (DELETE k8s/v2/apps/{id}, 204): it is
// deleting, then gone, with its schedules, snapshots and backups. An app
// in a replication relationship gives 409 problem 119; one that is being
// discovered or restored 409 problem 112.
func (c *Client) UnmanageApp(ctx context.Context, id string) error {
	err := c.do(ctx, request{method: http.MethodDelete, path: appsPath + "/" + url.PathEscape(id)}, nil)
	return apierr.NotFound("app", id, err)
}
