package sdrs

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

// Calls on replication pairs, named as in errors.
const (
	opCreatePair operation = "POST /v1/{project_id}/replications"
	opListPairs  operation = "GET /v1/{project_id}/replications"
	opGetPair    operation = "GET /v1/{project_id}/replications/{replication_id}"
	opRenamePair operation = "PUT /v1/{project_id}/replications/{replication_id}"
	opDeletePair operation = "DELETE /v1/{project_id}/replications/{replication_id}"
	opExpandPair operation = "POST /v1/{project_id}/replications/{replication_id}/action (extend-replication)"
)

// Codes of the replication pair's errors: SDRS answers a missing pair with
// HTTP 400 and codePairNotFound (sdrs.md §4.2, §21); a disk outside the
// group's production AZ and a disk already replicated are refused with
// codeDiskInOtherAZ and codeDiskInUse (sdrs.md §22).
const (
	codePairNotFound  = "SDRS.1608"
	codeDiskInOtherAZ = "SDRS.1810"
	codeDiskInUse     = "SDRS.1811"
)

// Pair is a replication pair as the API returns it.
type Pair = model.ShowReplicationParams

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

// ExpandPair submits the expansion of both disks of a replication pair to
// newSize GB, their final size (sdrs.md §13).
func (c *Client) ExpandPair(ctx context.Context, id string, newSize int32) (string, error) {
	resp, err := c.sdk(ctx).ExpandReplication(&model.ExpandReplicationRequest{
		ReplicationId: id,
		Body:          &model.ExtendReplicationRequestBody{ExtendReplication: &model.ExtendReplicationRequestParams{NewSize: newSize}},
	})
	if err != nil {
		return "", apierr.NotFoundCode("replication pair", id, apiError(opExpandPair, err), codePairNotFound)
	}
	return jobID(opExpandPair, resp.JobId)
}

// pairSize returns the size of a pair's disks in GB, or 0 when unknown.
func pairSize(p *Pair) int64 {
	if p == nil || p.RecordMetadata == nil {
		return 0
	}
	return int64(p.RecordMetadata.VolumeSize)
}

// maxListIDs is the most IDs server_group_ids and protected_instance_ids
// take (the API answers more with SDRS.0226).
const maxListIDs = 30

// PairFilter selects replication pairs in a list: the query parameters of
// GET /v1/{project_id}/replications (the SDK's ListReplicationsRequest).
type PairFilter struct {
	GroupID              string   // server_group_id; ignored by the API when GroupIDs is set
	GroupIDs             []string // server_group_ids, at most 30
	ProtectedInstanceID  string   // protected_instance_id; ignored when ProtectedInstanceIDs is set
	ProtectedInstanceIDs []string // protected_instance_ids, at most 30
	Name                 string   // substring ("fuzzy") match
	Status               string
	QueryType            string // status_abnormal or general
	AvailabilityZone     string // the current production site's AZ of the pair's group
}

// idListParam renders an ID list parameter as the API's example request does:
// a URL-encoded JSON array, ["id1","id2"] (the SDK passes the string as it is).
func idListParam(ids []string) (*string, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	b, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	s := string(b)
	return &s, nil
}

// ListPairs reads one page of replication pairs: the pairs and the number
// that match.
func (c *Client) ListPairs(ctx context.Context, f PairFilter, offset, limit int32) ([]Pair, int, error) {
	queryType, err := sdkEnum[model.ListReplicationsRequestQueryType](f.QueryType)
	if err != nil {
		return nil, 0, err
	}
	groupIDs, err := idListParam(f.GroupIDs)
	if err != nil {
		return nil, 0, err
	}
	instanceIDs, err := idListParam(f.ProtectedInstanceIDs)
	if err != nil {
		return nil, 0, err
	}
	resp, err := c.sdk(ctx).ListReplications(&model.ListReplicationsRequest{
		ServerGroupId: nonEmpty(f.GroupID), ServerGroupIds: groupIDs,
		ProtectedInstanceId: nonEmpty(f.ProtectedInstanceID), ProtectedInstanceIds: instanceIDs,
		Name: nonEmpty(f.Name), Status: nonEmpty(f.Status), QueryType: queryType, AvailabilityZone: nonEmpty(f.AvailabilityZone),
		Limit: &limit, Offset: &offset,
	})
	if err != nil {
		return nil, 0, apiError(opListPairs, err)
	}
	var pairs []Pair
	if resp.Replications != nil {
		pairs = *resp.Replications
	}
	return pairs, listCount(resp.Count), nil
}

// AllPairs reads every page of the replication pairs that match f;
// complete is false when the API stopped returning new pairs before the
// number it reported (see allPages).
func (c *Client) AllPairs(ctx context.Context, f PairFilter) (pairs []Pair, complete bool, err error) {
	return allPages(func(p Pair) string { return p.Id }, func(offset, limit int32) ([]Pair, int, error) {
		return c.ListPairs(ctx, f, offset, limit)
	})
}

// FindNewPair looks for the replication pair that a create of in, sent at
// since or later, made: the pair of the group on the disk, created since
// then (a disk serves one replication pair at a time). It returns its ID,
// or false when there is none.
func (c *Client) FindNewPair(ctx context.Context, in model.CreateReplicationRequestParams, since time.Time) (string, bool, error) {
	pairs, _, err := c.AllPairs(ctx, PairFilter{GroupID: in.ServerGroupId})
	if err != nil {
		return "", false, err
	}
	var ids []string
	for _, p := range pairs {
		production, _, _ := strings.Cut(p.VolumeIds, ",")
		if p.ServerGroupId == in.ServerGroupId && production == in.VolumeId && createdSince(p.CreatedAt, since) {
			ids = append(ids, p.Id)
		}
	}
	return onlyOne(ids, fmt.Sprintf("replication pairs of protection group %s on disk %s were created since %s, where SDRS allows one",
		in.ServerGroupId, in.VolumeId, since.UTC().Format(time.RFC3339)))
}
