package manila

import (
	"context"
	"net/http"
	"net/url"
)

// ShareNetwork is a share network.
type ShareNetwork struct {
	ID              string  `json:"id"`
	Name            *string `json:"name"`
	Description     *string `json:"description"`
	ProjectID       string  `json:"project_id"`
	NeutronNetID    *string `json:"neutron_net_id"`
	NeutronSubnetID *string `json:"neutron_subnet_id"`
	NetworkType     *string `json:"network_type"`
	SegmentationID  *int64  `json:"segmentation_id"`
	CIDR            *string `json:"cidr"`
	IPVersion       *int64  `json:"ip_version"`
	Gateway         *string `json:"gateway"`
	MTU             *int64  `json:"mtu"`
	CreatedAt       string  `json:"created_at"`
}

// ListShareNetworks lists the project's share networks in detail; with a
// name, the server's filter selects those of that name.
func (c *Client) ListShareNetworks(ctx context.Context, name string) ([]ShareNetwork, error) {
	q := url.Values{}
	if name != "" {
		q.Set("name", name)
	}
	return listAll[ShareNetwork](ctx, c, []string{"share-networks", "detail"}, "share_networks", q)
}

// GetShareNetwork reads a share network of the project; a missing one
// gives an apierr.NotFoundError.
func (c *Client) GetShareNetwork(ctx context.Context, id string) (*ShareNetwork, error) {
	n, err := one[ShareNetwork](ctx, c, call{method: http.MethodGet, path: []string{"share-networks", id}}, "share_network")
	return n, notFound("share network", id, err)
}
