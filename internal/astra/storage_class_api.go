package astra

import (
	"context"
	"net/http"
	"net/url"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
)

// StorageClass is the API's storageClass resource (version 1.1).
type StorageClass struct {
	Type                 string `json:"type"`
	Version              string `json:"version"`
	ID                   string `json:"id"`
	Name                 string `json:"name"`
	Provisioner          string `json:"provisioner"`
	Available            string `json:"available"`
	AllowVolumeExpansion string `json:"allowVolumeExpansion"`
	ReclaimPolicy        string `json:"reclaimPolicy"`
	VolumeBindingMode    string `json:"volumeBindingMode"`
	IsDefault            string `json:"isDefault,omitempty"`
}

// ListStorageClasses lists the storage classes of a managed cluster (the
// endpoint takes no filter); an unknown cluster gives apierr.NotFoundError.
func (c *Client) ListStorageClasses(ctx context.Context, clusterID string) ([]StorageClass, error) {
	var out struct {
		Items []StorageClass `json:"items"`
	}
	path := managedClustersPath + "/" + url.PathEscape(clusterID) + "/storageClasses"
	if err := c.do(ctx, request{method: http.MethodGet, path: path}, &out); err != nil {
		return nil, apierr.NotFound("managed cluster", clusterID, err)
	}
	return out.Items, nil
}
