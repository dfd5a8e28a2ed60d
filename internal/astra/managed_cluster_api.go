package astra

import (
	"context"
	"net/http"
	"net/url"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
)

const managedClustersPath = "topology/v1/managedClusters"

// ManagedCluster is the API's managedCluster resource (version 1.7).
type ManagedCluster struct {
	Type                 string    `json:"type"`
	Version              string    `json:"version"`
	ID                   string    `json:"id"`
	Name                 string    `json:"name"`
	State                string    `json:"state"`
	ManagedState         string    `json:"managedState"`
	ClusterType          string    `json:"clusterType"`
	ClusterVersionString string    `json:"clusterVersionString"`
	TridentVersion       string    `json:"tridentVersion,omitempty"`
	InUse                string    `json:"inUse"`
	Namespaces           []string  `json:"namespaces,omitempty"`
	DefaultStorageClass  string    `json:"defaultStorageClass,omitempty"`
	CloudID              string    `json:"cloudID"`
	Metadata             *Metadata `json:"metadata,omitempty"`
}

// ListManagedClusters lists the managed clusters; with a name, only those
// of that name.
func (c *Client) ListManagedClusters(ctx context.Context, name string) ([]ManagedCluster, error) {
	var out struct {
		Items []ManagedCluster `json:"items"`
	}
	q := filterQuery([]filterClause{{"name", name}})
	if err := c.do(ctx, request{method: http.MethodGet, path: managedClustersPath, query: q}, &out); err != nil {
		return nil, err
	}
	if name == "" {
		return out.Items, nil
	}
	var matched []ManagedCluster
	for _, mc := range out.Items {
		if mc.Name == name {
			matched = append(matched, mc)
		}
	}
	return matched, nil
}

// GetManagedCluster reads one managed cluster.
func (c *Client) GetManagedCluster(ctx context.Context, id string) (*ManagedCluster, error) {
	var out ManagedCluster
	if err := c.do(ctx, request{method: http.MethodGet, path: managedClustersPath + "/" + url.PathEscape(id)}, &out); err != nil {
		return nil, apierr.NotFound("managed cluster", id, err)
	}
	return &out, nil
}
