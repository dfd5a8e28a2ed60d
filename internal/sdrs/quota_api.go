package sdrs

import (
	"context"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

const opShowQuota operation = "GET /v1/{project_id}/sdrs/quotas"

// Quota is one resource quota of the project (sdrs.md §16).
type Quota = model.QuotaResourceParams

// ListQuotas reads the project's quotas: protection groups and replication
// pairs.
func (c *Client) ListQuotas(ctx context.Context) ([]Quota, error) {
	resp, err := c.sdk(ctx).ShowQuota(&model.ShowQuotaRequest{})
	if err != nil {
		return nil, apiError(opShowQuota, err)
	}
	if resp.Quotas == nil {
		return nil, nil
	}
	return resp.Quotas.Resources, nil
}
