package sdrs

import (
	"context"
	"fmt"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

// Calls on protection groups, named as in errors.
const (
	opCreateGroup operation = "POST /v1/{project_id}/server-groups"
	opListGroups  operation = "GET /v1/{project_id}/server-groups"
	opGetGroup    operation = "GET /v1/{project_id}/server-groups/{server_group_id}"
	opRenameGroup operation = "PUT /v1/{project_id}/server-groups/{server_group_id}"
	opDeleteGroup operation = "DELETE /v1/{project_id}/server-groups/{server_group_id}"
	opGroupAction operation = "POST /v1/{project_id}/server-groups/{server_group_id}/action"
)

// Codes of the protection group's errors: SDRS answers a missing group
// with HTTP 400 and codeGroupNotFound (sdrs.md §4.2), and refuses to
// delete a group that has replication pairs with codeGroupHasPairs.
const (
	codeGroupNotFound = "SDRS.1013"
	codeGroupHasPairs = "SDRS.1010"
)

// Group is a protection group as the API returns it.
type Group = model.ShowProtectionGroupParams

// CreateGroup submits the creation of a protection group and returns the
// job's ID.
func (c *Client) CreateGroup(ctx context.Context, in model.CreateProtectionGroupRequestParams) (string, error) {
	resp, err := c.sdk(ctx).CreateProtectionGroup(&model.CreateProtectionGroupRequest{
		Body: &model.CreateProtectionGroupRequestBody{ServerGroup: &in},
	})
	if err != nil {
		return "", apiError(opCreateGroup, err)
	}
	return jobID(opCreateGroup, resp.JobId)
}

// GetGroup reads a protection group; a missing one gives apierr.NotFoundError.
func (c *Client) GetGroup(ctx context.Context, id string) (*Group, error) {
	resp, err := c.sdk(ctx).ShowProtectionGroup(&model.ShowProtectionGroupRequest{ServerGroupId: id})
	if err != nil {
		return nil, apierr.NotFoundCode("protection group", id, apiError(opGetGroup, err), codeGroupNotFound)
	}
	if resp.ServerGroup == nil {
		return nil, fmt.Errorf("%s API %s: the answer has no server_group", serviceName, opGetGroup)
	}
	return resp.ServerGroup, nil
}

// RenameGroup changes a protection group's name, the only field the API
// can change.
func (c *Client) RenameGroup(ctx context.Context, id, name string) error {
	_, err := c.sdk(ctx).UpdateProtectionGroupName(&model.UpdateProtectionGroupNameRequest{
		ServerGroupId: id,
		Body:          &model.UpdateProtectionGroupNameRequestBody{ServerGroup: &model.UpdateProtectionGroupNameRequestParams{Name: name}},
	})
	return apierr.NotFoundCode("protection group", id, apiError(opRenameGroup, err), codeGroupNotFound)
}

// DeleteGroup submits the deletion of a protection group.
func (c *Client) DeleteGroup(ctx context.Context, id string) (string, error) {
	resp, err := c.sdk(ctx).DeleteProtectionGroup(&model.DeleteProtectionGroupRequest{ServerGroupId: id})
	if err != nil {
		return "", apierr.NotFoundCode("protection group", id, apiError(opDeleteGroup, err), codeGroupNotFound)
	}
	return jobID(opDeleteGroup, resp.JobId)
}

// emptyObject is the body of the start, stop and failover actions: the API
// wants {"start-server-group": {}}, and the SDK would send null for a nil
// value.
func emptyObject() *any {
	var v any = map[string]any{}
	return &v
}

// StartGroup enables protection (or re-protects after a failover).
func (c *Client) StartGroup(ctx context.Context, id string) (string, error) {
	resp, err := c.sdk(ctx).StartProtectionGroup(&model.StartProtectionGroupRequest{
		ServerGroupId: id, Body: &model.StartProtectionGroupRequestBody{StartServerGroup: emptyObject()},
	})
	if err != nil {
		return "", apierr.NotFoundCode("protection group", id, apiError(opGroupAction+" (start-server-group)", err), codeGroupNotFound)
	}
	return jobID(opGroupAction, resp.JobId)
}

// StopGroup disables protection.
func (c *Client) StopGroup(ctx context.Context, id string) (string, error) {
	resp, err := c.sdk(ctx).StopProtectionGroup(&model.StopProtectionGroupRequest{
		ServerGroupId: id, Body: &model.StopProtectionGroupRequestBody{StopServerGroup: emptyObject()},
	})
	if err != nil {
		return "", apierr.NotFoundCode("protection group", id, apiError(opGroupAction+" (stop-server-group)", err), codeGroupNotFound)
	}
	return jobID(opGroupAction, resp.JobId)
}

// FailoverGroup fails a protection group over to its DR site.
func (c *Client) FailoverGroup(ctx context.Context, id string) (string, error) {
	resp, err := c.sdk(ctx).StartFailoverProtectionGroup(&model.StartFailoverProtectionGroupRequest{
		ServerGroupId: id, Body: &model.FailoverProtectionGroupRequestBody{FailoverServerGroup: emptyObject()},
	})
	if err != nil {
		return "", apierr.NotFoundCode("protection group", id, apiError(opGroupAction+" (failover-server-group)", err), codeGroupNotFound)
	}
	return jobID(opGroupAction, resp.JobId)
}

// ReverseGroup performs a planned failover so that station ("source" or
// "target") becomes the production site.
func (c *Client) ReverseGroup(ctx context.Context, id, station string) (string, error) {
	ps, err := sdkEnum[model.ReverseProtectionGroupRequestParamsPriorityStation](station)
	if err != nil || ps == nil {
		return "", fmt.Errorf("planned failover of protection group %s: invalid priority_station %q: %v", id, station, err)
	}
	resp, err := c.sdk(ctx).StartReverseProtectionGroup(&model.StartReverseProtectionGroupRequest{
		ServerGroupId: id,
		Body:          &model.ReverseProtectionGroupRequestBody{ReverseServerGroup: &model.ReverseProtectionGroupRequestParams{PriorityStation: *ps}},
	})
	if err != nil {
		return "", apierr.NotFoundCode("protection group", id, apiError(opGroupAction+" (reverse-server-group)", err), codeGroupNotFound)
	}
	return jobID(opGroupAction, resp.JobId)
}

// GroupFilter selects protection groups in a list.
type GroupFilter struct {
	Name             string // substring ("fuzzy") match
	Status           string
	AvailabilityZone string // the current production site's AZ
	QueryType        string // status_abnormal, stop_protected, period_no_dr_drill, general
}

// ListGroups reads one page of protection groups: the groups and the
// number that match.
func (c *Client) ListGroups(ctx context.Context, f GroupFilter, offset, limit int32) ([]Group, int, error) {
	queryType, err := sdkEnum[model.ListProtectionGroupsRequestQueryType](f.QueryType)
	if err != nil {
		return nil, 0, err
	}
	req := &model.ListProtectionGroupsRequest{Offset: &offset, Limit: &limit, Name: nonEmpty(f.Name), Status: nonEmpty(f.Status),
		AvailabilityZone: nonEmpty(f.AvailabilityZone), QueryType: queryType}
	resp, err := c.sdk(ctx).ListProtectionGroups(req)
	if err != nil {
		return nil, 0, apiError(opListGroups, err)
	}
	var groups []Group
	if resp.ServerGroups != nil {
		groups = *resp.ServerGroups
	}
	return groups, listCount(resp.Count), nil
}

// AllGroups reads every page of the protection groups that match f;
// complete is false when the API stopped returning new groups before the
// number it reported (see allPages).
func (c *Client) AllGroups(ctx context.Context, f GroupFilter) (groups []Group, complete bool, err error) {
	return allPages(func(g Group) string { return g.Id }, func(offset, limit int32) ([]Group, int, error) {
		return c.ListGroups(ctx, f, offset, limit)
	})
}

// FindNewGroup looks for the protection group that a create of in, sent
// at since or later, made: the one group of that name, sites, domain and
// VPC created since then (SDRS has no idempotency token, and a group's
// name need not be unique). It returns its ID, or false when there is
// none; two or more such groups cannot be told apart, which is an error.
func (c *Client) FindNewGroup(ctx context.Context, in model.CreateProtectionGroupRequestParams, since time.Time) (string, bool, error) {
	groups, _, err := c.AllGroups(ctx, GroupFilter{Name: in.Name})
	if err != nil {
		return "", false, err
	}
	var ids []string
	for _, g := range groups {
		if g.Name == in.Name && g.SourceAvailabilityZone == in.SourceAvailabilityZone && g.TargetAvailabilityZone == in.TargetAvailabilityZone &&
			g.DomainId == in.DomainId && g.SourceVpcId == in.SourceVpcId && createdSince(g.CreatedAt, since) {
			ids = append(ids, g.Id)
		}
	}
	return onlyOne(ids, fmt.Sprintf("protection groups named %q with the same sites, domain and VPC were created since %s: SDRS cannot "+
		"tell which one this create made", in.Name, since.UTC().Format(time.RFC3339)))
}
