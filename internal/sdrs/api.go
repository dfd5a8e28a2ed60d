package sdrs

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

// API calls, named as in errors.
const (
	opCreateGroup operation = "POST /v1/{project_id}/server-groups"
	opListGroups  operation = "GET /v1/{project_id}/server-groups"
	opGetGroup    operation = "GET /v1/{project_id}/server-groups/{server_group_id}"
	opRenameGroup operation = "PUT /v1/{project_id}/server-groups/{server_group_id}"
	opDeleteGroup operation = "DELETE /v1/{project_id}/server-groups/{server_group_id}"
	opGroupAction operation = "POST /v1/{project_id}/server-groups/{server_group_id}/action"
	opGetJob      operation = "GET /v1/{project_id}/jobs/{job_id}"
	opDomains     operation = "GET /v1/{project_id}/active-domains"
	opCreatePair  operation = "POST /v1/{project_id}/replications"
	opGetPair     operation = "GET /v1/{project_id}/replications/{replication_id}"
	opRenamePair  operation = "PUT /v1/{project_id}/replications/{replication_id}"
	opDeletePair  operation = "DELETE /v1/{project_id}/replications/{replication_id}"
)

// Codes of a missing object: SDRS answers HTTP 400 with them (specs/sdrs.md §4.2).
const (
	codeGroupNotFound = "SDRS.1013"
	codePairNotFound  = "SDRS.1608"
)

// Group is a protection group as the API returns it.
type Group = model.ShowProtectionGroupParams

// Pair is a replication pair as the API returns it.
type Pair = model.ShowReplicationParams

// Domain is an active-active domain.
type Domain = model.ShowActiveActiveDomainParams

// Job is the status of an asynchronous job.
type Job = model.ShowJobStatusResponse

// jobID returns the job ID of an asynchronous call's answer.
func jobID(op operation, id *string) (string, error) {
	if id == nil || *id == "" {
		return "", fmt.Errorf("%s API %s: the answer has no job_id", serviceName, op)
	}
	return *id, nil
}

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
	var ps model.ReverseProtectionGroupRequestParamsPriorityStation
	if err := ps.UnmarshalJSON([]byte(`"` + station + `"`)); err != nil {
		return "", err
	}
	resp, err := c.sdk(ctx).StartReverseProtectionGroup(&model.StartReverseProtectionGroupRequest{
		ServerGroupId: id,
		Body:          &model.ReverseProtectionGroupRequestBody{ReverseServerGroup: &model.ReverseProtectionGroupRequestParams{PriorityStation: ps}},
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
	req := &model.ListProtectionGroupsRequest{Offset: &offset, Limit: &limit}
	if f.Name != "" {
		req.Name = &f.Name
	}
	if f.Status != "" {
		req.Status = &f.Status
	}
	if f.AvailabilityZone != "" {
		req.AvailabilityZone = &f.AvailabilityZone
	}
	if f.QueryType != "" {
		// Built from the documented value: the SDK's enum constant for
		// stop_protected has a stray leading space.
		var qt model.ListProtectionGroupsRequestQueryType
		b, _ := json.Marshal(f.QueryType)
		if err := qt.UnmarshalJSON(b); err != nil {
			return nil, 0, err
		}
		req.QueryType = &qt
	}
	resp, err := c.sdk(ctx).ListProtectionGroups(req)
	if err != nil {
		return nil, 0, apiError(opListGroups, err)
	}
	var groups []Group
	if resp.ServerGroups != nil {
		groups = *resp.ServerGroups
	}
	count := -1
	if resp.Count != nil {
		count = int(*resp.Count)
	}
	return groups, count, nil
}

// listPageSize is the page size of AllGroups (the API allows 1000).
var listPageSize int32 = 100

// AllGroups pages through the protection groups that match f with offset
// and limit until it has them all. It never loops: it stops at a short or
// empty page, when it has count groups, or when a page brings no group it
// has not seen (a server that ignores offset); complete is false when it
// stopped that way before reaching count.
func (c *Client) AllGroups(ctx context.Context, f GroupFilter) (groups []Group, complete bool, err error) {
	seen := map[string]bool{}
	var offset int32
	for {
		page, count, err := c.ListGroups(ctx, f, offset, listPageSize)
		if err != nil {
			return nil, false, err
		}
		fresh := 0
		for _, g := range page {
			if !seen[g.Id] {
				seen[g.Id] = true
				groups = append(groups, g)
				fresh++
			}
		}
		switch {
		case count >= 0 && len(groups) >= count:
			return groups, true, nil
		case len(page) < int(listPageSize):
			return groups, count < 0 || len(groups) >= count, nil
		case fresh == 0:
			return groups, false, nil
		}
		offset += int32(len(page))
	}
}

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

// CreatePair submits the creation of a replication pair.
func (c *Client) CreatePair(ctx context.Context, in model.CreateReplicationRequestParams) (string, error) {
	resp, err := c.sdk(ctx).CreateReplication(&model.CreateReplicationRequest{
		Body: &model.CreateReplicationRequestBody{Replication: &in},
	})
	if err != nil {
		return "", apiError(opCreatePair, err)
	}
	return jobID(opCreatePair, resp.JobId)
}

// GetPair reads a replication pair; a missing one gives apierr.NotFoundError.
func (c *Client) GetPair(ctx context.Context, id string) (*Pair, error) {
	resp, err := c.sdk(ctx).ShowReplication(&model.ShowReplicationRequest{ReplicationId: id})
	if err != nil {
		return nil, apierr.NotFoundCode("replication pair", id, apiError(opGetPair, err), codePairNotFound)
	}
	if resp.Replication == nil {
		return nil, fmt.Errorf("%s API %s: the answer has no replication", serviceName, opGetPair)
	}
	return resp.Replication, nil
}

// RenamePair changes a replication pair's name.
func (c *Client) RenamePair(ctx context.Context, id, name string) error {
	_, err := c.sdk(ctx).UpdateReplicationName(&model.UpdateReplicationNameRequest{
		ReplicationId: id,
		Body:          &model.UpdateReplicationNameRequestBody{Replication: &model.UpdateReplicationNameRequestParams{Name: name}},
	})
	return apierr.NotFoundCode("replication pair", id, apiError(opRenamePair, err), codePairNotFound)
}

// DeletePair submits the deletion of a replication pair of group groupID,
// and of its DR-site disk when deleteTargetVolume is set.
func (c *Client) DeletePair(ctx context.Context, id, groupID string, deleteTargetVolume bool) (string, error) {
	resp, err := c.sdk(ctx).DeleteReplication(&model.DeleteReplicationRequest{
		ReplicationId: id,
		Body: &model.DeleteReplicationRequestBody{Replication: &model.DeleteReplicationRequestParams{
			ServerGroupId: &groupID, DeleteTargetVolume: &deleteTargetVolume,
		}},
	})
	if err != nil {
		return "", apierr.NotFoundCode("replication pair", id, apiError(opDeletePair, err), codePairNotFound)
	}
	return jobID(opDeletePair, resp.JobId)
}
