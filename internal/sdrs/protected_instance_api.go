package sdrs

import (
	"context"
	"fmt"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

// Calls on protected instances, named as in errors (sdrs.md §9–§12).
const (
	opCreateInstance operation = "POST /v1/{project_id}/protected-instances"
	opListInstances  operation = "GET /v1/{project_id}/protected-instances"
	opGetInstance    operation = "GET /v1/{project_id}/protected-instances/{protected_instance_id}"
	opRenameInstance operation = "PUT /v1/{project_id}/protected-instances/{protected_instance_id}"
	opDeleteInstance operation = "DELETE /v1/{project_id}/protected-instances/{protected_instance_id}"
	opInstanceTags   operation = "POST /v1/{project_id}/protected-instances/{protected_instance_id}/tags/action"
	opAttachPair     operation = "POST /v1/{project_id}/protected-instances/{protected_instance_id}/attachreplication"
	opDetachPair     operation = "DELETE /v1/{project_id}/protected-instances/{protected_instance_id}/detachreplication/{replication_id}"
	opAddNIC         operation = "POST /v1/{project_id}/protected-instances/{protected_instance_id}/nic"
	opDeleteNIC      operation = "POST /v1/{project_id}/protected-instances/{protected_instance_id}/nic/delete"
	opResize         operation = "POST /v1/{project_id}/protected-instances/{protected_instance_id}/resize"
)

// Codes of the protected instance's errors (sdrs.md §9.4, §22): a missing
// instance is HTTP 400 with codeInstanceNotFound; a deletion refused in the
// instance's status is codeInstanceNotDeletable.
const (
	codeInstanceNotFound     = "SDRS.1320"
	codeInstanceNotDeletable = "SDRS.1301"
	codeServerProtected      = "SDRS.1305"
	codeServerNotStopped     = "SDRS.1352"
	codeDRServerNotStopped   = "SDRS.1342"
	codeProductionNotStopped = "SDRS.1319"
)

// Instance is a protected instance as the API returns it.
type Instance = model.ShowProtectedInstanceParams

// CreateInstance submits the creation of a protected instance.
func (c *Client) CreateInstance(ctx context.Context, in model.CreateProtectedInstanceRequestParams) (string, error) {
	resp, err := c.sdk(ctx).CreateProtectedInstance(&model.CreateProtectedInstanceRequest{
		Body: &model.CreateProtectedInstanceRequestBody{ProtectedInstance: &in},
	})
	if err != nil {
		return "", apiError(opCreateInstance, err)
	}
	return jobID(opCreateInstance, resp.JobId)
}

// GetInstance reads a protected instance; a missing one gives
// apierr.NotFoundError.
func (c *Client) GetInstance(ctx context.Context, id string) (*Instance, error) {
	resp, err := c.sdk(ctx).ShowProtectedInstance(&model.ShowProtectedInstanceRequest{ProtectedInstanceId: id})
	if err != nil {
		return nil, apierr.NotFoundCode("protected instance", id, apiError(opGetInstance, err), codeInstanceNotFound)
	}
	if resp.ProtectedInstance == nil {
		return nil, fmt.Errorf("%s API %s: the answer has no protected_instance", serviceName, opGetInstance)
	}
	return resp.ProtectedInstance, nil
}

// RenameInstance changes a protected instance's name (synchronous).
func (c *Client) RenameInstance(ctx context.Context, id, name string) error {
	_, err := c.sdk(ctx).UpdateProtectedInstanceName(&model.UpdateProtectedInstanceNameRequest{
		ProtectedInstanceId: id,
		Body: &model.UpdateProtectedInstanceNameRequestBody{
			ProtectedInstance: &model.UpdateProtectedInstanceNameRequestParams{Name: name}},
	})
	return apierr.NotFoundCode("protected instance", id, apiError(opRenameInstance, err), codeInstanceNotFound)
}

// DeleteInstance submits the deletion of a protected instance; the DR
// server (and its disks) goes too with deleteServer, its EIP with
// deleteEIP.
func (c *Client) DeleteInstance(ctx context.Context, id string, deleteServer, deleteEIP bool) (string, error) {
	resp, err := c.sdk(ctx).DeleteProtectedInstance(&model.DeleteProtectedInstanceRequest{
		ProtectedInstanceId: id,
		Body:                &model.DeleteProtectedInstanceRequestBody{DeleteTargetServer: &deleteServer, DeleteTargetEip: &deleteEIP},
	})
	if err != nil {
		return "", apierr.NotFoundCode("protected instance", id, apiError(opDeleteInstance, err), codeInstanceNotFound)
	}
	return jobID(opDeleteInstance, resp.JobId)
}

// AddTags adds or overwrites tags of a protected instance; DeleteTags
// removes the keys given. Both are synchronous and idempotent (sdrs.md
// §9.9).
func (c *Client) AddTags(ctx context.Context, id string, tags map[string]string) error {
	if len(tags) == 0 {
		return nil
	}
	body := &model.BatchAddTagsRequestBody{Action: model.GetBatchAddTagsRequestBodyActionEnum().CREATE}
	for _, k := range sortedKeys(tags) {
		body.Tags = append(body.Tags, model.ResourceTag{Key: k, Value: tags[k]})
	}
	_, err := c.sdk(ctx).BatchAddTags(&model.BatchAddTagsRequest{ProtectedInstanceId: id, Body: body})
	return apierr.NotFoundCode("protected instance", id, apiError(opInstanceTags+" (create)", err), codeInstanceNotFound)
}

// DeleteTags: see AddTags.
func (c *Client) DeleteTags(ctx context.Context, id string, keys []string) error {
	if len(keys) == 0 {
		return nil
	}
	body := &model.BatchDeleteTagsRequestBody{Action: model.GetBatchDeleteTagsRequestBodyActionEnum().DELETE}
	for _, k := range keys {
		body.Tags = append(body.Tags, model.DeleteResourceTag{Key: k})
	}
	_, err := c.sdk(ctx).BatchDeleteTags(&model.BatchDeleteTagsRequest{ProtectedInstanceId: id, Body: body})
	return apierr.NotFoundCode("protected instance", id, apiError(opInstanceTags+" (delete)", err), codeInstanceNotFound)
}

// AttachPair submits the attachment of a replication pair to a protected
// instance at device.
func (c *Client) AttachPair(ctx context.Context, instanceID, pairID, device string) (string, error) {
	resp, err := c.sdk(ctx).AttachProtectedInstanceReplication(&model.AttachProtectedInstanceReplicationRequest{
		ProtectedInstanceId: instanceID,
		Body: &model.ProtectedInstanceAttachReplicationRequestBody{ReplicationAttachment: &model.ProtectedInstanceAttachReplicationRequestParams{
			ReplicationId: pairID, Device: device}},
	})
	if err != nil {
		return "", apierr.NotFoundCode("protected instance", instanceID, apiError(opAttachPair, err), codeInstanceNotFound)
	}
	return jobID(opAttachPair, resp.JobId)
}

// DetachPair submits the detachment of a replication pair.
func (c *Client) DetachPair(ctx context.Context, instanceID, pairID string) (string, error) {
	resp, err := c.sdk(ctx).DetachProtectedInstanceReplication(&model.DetachProtectedInstanceReplicationRequest{
		ProtectedInstanceId: instanceID, ReplicationId: pairID,
	})
	if err != nil {
		return "", apierr.NotFoundCode("protected instance", instanceID, apiError(opDetachPair, err), codeInstanceNotFound)
	}
	return jobID(opDetachPair, resp.JobId)
}

// NICSpec is a NIC to add to a protected instance: its subnet (the
// subnet's network ID), security groups (none: Sys-default) and IP (empty:
// assigned).
type NICSpec struct {
	SubnetID         string
	SecurityGroupIDs []string
	IPAddress        string
}

// AddNIC submits the addition of a NIC to a protected instance's
// production server.
func (c *Client) AddNIC(ctx context.Context, id string, nic NICSpec) (string, error) {
	body := &model.ProtectedInstanceAddNicRequestBody{SubnetId: nic.SubnetID, IpAddress: nonEmpty(nic.IPAddress)}
	if len(nic.SecurityGroupIDs) > 0 {
		sgs := make([]model.SecurityGroupsParams, 0, len(nic.SecurityGroupIDs))
		for _, sg := range nic.SecurityGroupIDs {
			sgs = append(sgs, model.SecurityGroupsParams{Id: sg})
		}
		body.SecurityGroups = &sgs
	}
	resp, err := c.sdk(ctx).AddProtectedInstanceNic(&model.AddProtectedInstanceNicRequest{ProtectedInstanceId: id, Body: body})
	if err != nil {
		return "", apierr.NotFoundCode("protected instance", id, apiError(opAddNIC, err), codeInstanceNotFound)
	}
	return jobID(opAddNIC, resp.JobId)
}

// DeleteNIC submits the deletion of a NIC (its port ID) of a protected
// instance's production server.
func (c *Client) DeleteNIC(ctx context.Context, id, nicID string) (string, error) {
	resp, err := c.sdk(ctx).DeleteProtectedInstanceNic(&model.DeleteProtectedInstanceNicRequest{
		ProtectedInstanceId: id, Body: &model.ProtectedInstanceDeleteNicRequestBody{NicId: nicID},
	})
	if err != nil {
		return "", apierr.NotFoundCode("protected instance", id, apiError(opDeleteNIC, err), codeInstanceNotFound)
	}
	return jobID(opDeleteNIC, resp.JobId)
}

// Resize submits a change of the flavors of a protected instance's
// servers: production and dr are the flavors of the current production
// and DR servers ("" leaves one as it is); the same flavor for both is sent
// as flavorRef.
func (c *Client) Resize(ctx context.Context, id, production, dr string) (string, error) {
	params := &model.ResizeProtectedInstanceRequestParams{}
	if production != "" && production == dr {
		params.FlavorRef = &production
	} else {
		params.ProductionFlavorRef, params.DrFlavorRef = nonEmpty(production), nonEmpty(dr)
	}
	resp, err := c.sdk(ctx).ResizeProtectedInstance(&model.ResizeProtectedInstanceRequest{
		ProtectedInstanceId: id, Body: &model.ResizeProtectedInstanceRequestBody{Resize: params},
	})
	if err != nil {
		return "", apierr.NotFoundCode("protected instance", id, apiError(opResize, err), codeInstanceNotFound)
	}
	return jobID(opResize, resp.JobId)
}

// InstanceFilter selects protected instances in a list: the query
// parameters of GET /v1/{project_id}/protected-instances.
type InstanceFilter struct {
	GroupID              string   // server_group_id; ignored by the API when GroupIDs is set
	GroupIDs             []string // server_group_ids, at most 30
	ProtectedInstanceIDs []string // protected_instance_ids, at most 30; ignored with a group filter
	Name                 string   // substring ("fuzzy") match
	Status               string
	QueryType            string // status_abnormal or general
	AvailabilityZone     string // the current production site's AZ of the instance's group
}

// ListInstances reads one page of protected instances and the number that
// match.
func (c *Client) ListInstances(ctx context.Context, f InstanceFilter, offset, limit int32) ([]Instance, int, error) {
	queryType, err := sdkEnum[model.ListProtectedInstancesRequestQueryType](f.QueryType)
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
	resp, err := c.sdk(ctx).ListProtectedInstances(&model.ListProtectedInstancesRequest{
		ServerGroupId: nonEmpty(f.GroupID), ServerGroupIds: groupIDs, ProtectedInstanceIds: instanceIDs,
		Name: nonEmpty(f.Name), Status: nonEmpty(f.Status), QueryType: queryType, AvailabilityZone: nonEmpty(f.AvailabilityZone),
		Limit: &limit, Offset: &offset,
	})
	if err != nil {
		return nil, 0, apiError(opListInstances, err)
	}
	var out []Instance
	if resp.ProtectedInstances != nil {
		out = *resp.ProtectedInstances
	}
	return out, listCount(resp.Count), nil
}

// AllInstances reads every page of the protected instances that match f.
func (c *Client) AllInstances(ctx context.Context, f InstanceFilter) ([]Instance, bool, error) {
	return allPages(func(i Instance) string { return i.Id }, func(offset, limit int32) ([]Instance, int, error) {
		return c.ListInstances(ctx, f, offset, limit)
	})
}

// FindNewInstance looks for the protected instance that a create of in,
// sent at since or later, made: the instance of the group on the server,
// created since then (a server is protected by one instance at a time, so
// it identifies the instance).
func (c *Client) FindNewInstance(ctx context.Context, in model.CreateProtectedInstanceRequestParams, since time.Time) (string, bool, error) {
	all, _, err := c.AllInstances(ctx, InstanceFilter{GroupID: in.ServerGroupId})
	if err != nil {
		return "", false, err
	}
	var ids []string
	for _, i := range all {
		if i.SourceServer == in.ServerId && i.ServerGroupId == in.ServerGroupId && createdSince(i.CreatedAt, since) {
			ids = append(ids, i.Id)
		}
	}
	return onlyOne(ids, fmt.Sprintf("protected instances of server %s in protection group %s were created since %s, where SDRS allows one",
		in.ServerId, in.ServerGroupId, since.UTC().Format(time.RFC3339)))
}
