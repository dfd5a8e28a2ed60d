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

// App is the API's app resource (application/astra-app 2.2): a managed
// application.
type App struct {
	Type                     string              `json:"type"`
	Version                  string              `json:"version"`
	ID                       string              `json:"id"`
	Name                     string              `json:"name"`
	NamespaceScopedResources []NamespaceResource `json:"namespaceScopedResources,omitempty"`
	State                    string              `json:"state"`
	ProtectionState          string              `json:"protectionState"`
	Namespaces               []string            `json:"namespaces"`
	ClusterName              string              `json:"clusterName"`
	ClusterID                string              `json:"clusterID"`
	ClusterType              string              `json:"clusterType"`
	ReplicationSourceAppID   string              `json:"replicationSourceAppID,omitempty"`
	Metadata                 *Metadata           `json:"metadata,omitempty"`
}

// NamespaceResource is one namespaceScopedResources entry of an app.
type NamespaceResource struct {
	Namespace      string   `json:"namespace"`
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

// ManageApp defines an app from namespaces of a managed cluster (POST
// k8s/v2/apps, 201). No resource uses it yet; the acceptance tests make
// apps of their own to replicate with it.
func (c *Client) ManageApp(ctx context.Context, in AppInput) (*App, error) {
	write := appWrite{Type: appMediaType, Version: appVersion, Name: in.Name, ClusterID: in.ClusterID}
	for _, ns := range in.Namespaces {
		write.NamespaceScopedResources = append(write.NamespaceScopedResources, NamespaceResource{Namespace: ns})
	}
	var out App
	if err := c.do(ctx, request{method: http.MethodPost, path: appsPath, mediaType: appMediaType, body: write}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// appWrite is the body of POST k8s/v2/apps (additionalProperties: false).
type appWrite struct {
	Type                     string              `json:"type"`
	Version                  string              `json:"version"`
	Name                     string              `json:"name"`
	ClusterID                string              `json:"clusterID"`
	NamespaceScopedResources []NamespaceResource `json:"namespaceScopedResources"`
}

// UnmanageApp stops managing an app (DELETE k8s/v2/apps/{id}, 204); an app
// in a replication relationship gives 409 problem 119.
func (c *Client) UnmanageApp(ctx context.Context, id string) error {
	err := c.do(ctx, request{method: http.MethodDelete, path: appsPath + "/" + url.PathEscape(id)}, nil)
	return apierr.NotFound("app", id, err)
}
