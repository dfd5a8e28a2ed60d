package sdrs

import (
	"context"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

const opDomains operation = "GET /v1/{project_id}/active-domains"

// Domain is an active-active domain.
type Domain = model.ShowActiveActiveDomainParams

// ListDomains reads the active-active domains.
func (c *Client) ListDomains(ctx context.Context) ([]Domain, error) {
	resp, err := c.sdk(ctx).ListActiveActiveDomains(&model.ListActiveActiveDomainsRequest{})
	if err != nil {
		return nil, apiError(opDomains, err)
	}
	if resp.Domains == nil {
		return nil, nil
	}
	return *resp.Domains, nil
}
