package sdrs

import (
	"context"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

const opListRPOStatistics operation = "GET /v1/{project_id}/resource/rpo-statistics"

// RPOStatistic is an RPO-exceeded trend record (sdrs.md §17).
type RPOStatistic = model.RpoStattisticsParams

// RPOFilter selects RPO statistics: created between StartTime and EndTime
// ("yyyy-MM-dd HH:mm:ss.SSS"), of ResourceType (replication).
type RPOFilter struct {
	StartTime, EndTime, ResourceType string
}

// ListRPOStatistics reads one page of RPO statistics and the number that
// match.
func (c *Client) ListRPOStatistics(ctx context.Context, f RPOFilter, offset, limit int32) ([]RPOStatistic, int, error) {
	resp, err := c.sdk(ctx).ListRpoStatistics(&model.ListRpoStatisticsRequest{StartTime: nonEmpty(f.StartTime), EndTime: nonEmpty(f.EndTime),
		ResourceType: nonEmpty(f.ResourceType), Limit: &limit, Offset: &offset})
	if err != nil {
		return nil, 0, apiError(opListRPOStatistics, err)
	}
	var out []RPOStatistic
	if resp.ResourceRpoStatistics != nil {
		out = *resp.ResourceRpoStatistics
	}
	return out, listCount(resp.Count), nil
}

// AllRPOStatistics reads every page of the RPO statistics that match f.
func (c *Client) AllRPOStatistics(ctx context.Context, f RPOFilter) ([]RPOStatistic, bool, error) {
	return allPages(func(s RPOStatistic) string { return s.Id }, func(offset, limit int32) ([]RPOStatistic, int, error) {
		return c.ListRPOStatistics(ctx, f, offset, limit)
	})
}
