package sdrs

import (
	"context"
	"fmt"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

// Calls on DR drills, named as in errors (sdrs.md §14).
const (
	opCreateDrill operation = "POST /v1/{project_id}/disaster-recovery-drills"
	opListDrills  operation = "GET /v1/{project_id}/disaster-recovery-drills"
	opGetDrill    operation = "GET /v1/{project_id}/disaster-recovery-drills/{disaster_recovery_drill_id}"
	opRenameDrill operation = "PUT /v1/{project_id}/disaster-recovery-drills/{disaster_recovery_drill_id}"
	opDeleteDrill operation = "DELETE /v1/{project_id}/disaster-recovery-drills/{disaster_recovery_drill_id}"
)

// Codes of the drill's errors: a missing drill is HTTP 400 with
// codeDrillNotFound (sdrs.md §14.4).
const (
	codeDrillNotFound   = "SDRS.1902"
	codeDrillVPCUsed    = "SDRS.1921"
	codeDrillVPCIsGroup = "SDRS.1907"
	codeDrillVPCCIDR    = "SDRS.1909"
)

// Drill is a DR drill as the API returns it.
type Drill = model.ShowDisasterRecoveryDrillParams

// CreateDrill submits the creation of a DR drill.
func (c *Client) CreateDrill(ctx context.Context, in model.CreateDisasterRecoveryDrillRequestParams) (string, error) {
	resp, err := c.sdk(ctx).CreateDisasterRecoveryDrill(&model.CreateDisasterRecoveryDrillRequest{
		Body: &model.CreateDisasterRecoveryDrillRequestBody{DisasterRecoveryDrill: &in},
	})
	if err != nil {
		return "", apiError(opCreateDrill, err)
	}
	return jobID(opCreateDrill, resp.JobId)
}

// GetDrill reads a DR drill; a missing one gives apierr.NotFoundError.
func (c *Client) GetDrill(ctx context.Context, id string) (*Drill, error) {
	resp, err := c.sdk(ctx).ShowDisasterRecoveryDrill(&model.ShowDisasterRecoveryDrillRequest{DisasterRecoveryDrillId: id})
	if err != nil {
		return nil, apierr.NotFoundCode("DR drill", id, apiError(opGetDrill, err), codeDrillNotFound)
	}
	if resp.DisasterRecoveryDrill == nil {
		return nil, fmt.Errorf("%s API %s: the answer has no disaster_recovery_drill", serviceName, opGetDrill)
	}
	return resp.DisasterRecoveryDrill, nil
}

// RenameDrill changes a DR drill's name (synchronous).
func (c *Client) RenameDrill(ctx context.Context, id, name string) error {
	_, err := c.sdk(ctx).UpdateDisasterRecoveryDrillName(&model.UpdateDisasterRecoveryDrillNameRequest{
		DisasterRecoveryDrillId: id,
		Body: &model.UpdateDisasterRecoveryDrillNameRequestBody{
			DisasterRecoveryDrill: &model.UpdateDisasterRecoveryDrillNameRequestParams{Name: name}},
	})
	return apierr.NotFoundCode("DR drill", id, apiError(opRenameDrill, err), codeDrillNotFound)
}

// DeleteDrill submits the deletion of a DR drill and its drill servers.
func (c *Client) DeleteDrill(ctx context.Context, id string) (string, error) {
	resp, err := c.sdk(ctx).DeleteDisasterRecoveryDrill(&model.DeleteDisasterRecoveryDrillRequest{DisasterRecoveryDrillId: id})
	if err != nil {
		return "", apierr.NotFoundCode("DR drill", id, apiError(opDeleteDrill, err), codeDrillNotFound)
	}
	return jobID(opDeleteDrill, resp.JobId)
}

// DrillFilter selects DR drills in a list.
type DrillFilter struct {
	GroupID    string // server_group_id
	Name       string // substring ("fuzzy") match
	Status     string
	DrillVPCID string
}

// ListDrills reads one page of DR drills and the number that match.
func (c *Client) ListDrills(ctx context.Context, f DrillFilter, offset, limit int32) ([]Drill, int, error) {
	resp, err := c.sdk(ctx).ListDisasterRecoveryDrills(&model.ListDisasterRecoveryDrillsRequest{
		ServerGroupId: nonEmpty(f.GroupID), Name: nonEmpty(f.Name), Status: nonEmpty(f.Status), DrillVpcId: nonEmpty(f.DrillVPCID),
		Limit: &limit, Offset: &offset,
	})
	if err != nil {
		return nil, 0, apiError(opListDrills, err)
	}
	var out []Drill
	if resp.DisasterRecoveryDrills != nil {
		out = *resp.DisasterRecoveryDrills
	}
	return out, listCount(resp.Count), nil
}

// AllDrills reads every page of the DR drills that match f.
func (c *Client) AllDrills(ctx context.Context, f DrillFilter) ([]Drill, bool, error) {
	return allPages(func(d Drill) string { return d.Id }, func(offset, limit int32) ([]Drill, int, error) {
		return c.ListDrills(ctx, f, offset, limit)
	})
}

// FindNewDrill looks for the DR drill that a create of in, sent at since
// or later, made: the drill of the group in the drill VPC given (a drill
// VPC serves one drill, SDRS.1921), or, without one, the drill of that
// name created since then; two such drills cannot be told apart.
func (c *Client) FindNewDrill(ctx context.Context, in model.CreateDisasterRecoveryDrillRequestParams, since time.Time) (string, bool, error) {
	f := DrillFilter{GroupID: in.ServerGroupId, Name: in.Name}
	if in.DrillVpcId != nil {
		f = DrillFilter{GroupID: in.ServerGroupId, DrillVPCID: *in.DrillVpcId}
	}
	drills, _, err := c.AllDrills(ctx, f)
	if err != nil {
		return "", false, err
	}
	var ids []string
	for _, d := range drills {
		if d.ServerGroupId == in.ServerGroupId && (in.DrillVpcId != nil || d.Name == in.Name) && createdSince(d.CreatedAt, since) {
			ids = append(ids, d.Id)
		}
	}
	return onlyOne(ids, fmt.Sprintf("DR drills named %q of protection group %s were created since %s: SDRS cannot tell which one this "+
		"create made", in.Name, in.ServerGroupId, since.UTC().Format(time.RFC3339)))
}
