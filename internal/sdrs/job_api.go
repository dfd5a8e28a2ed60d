package sdrs

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

const opGetJob operation = "GET /v1/{project_id}/jobs/{job_id}"

// Job is the status of an asynchronous job.
type Job = model.ShowJobStatusResponse

// Job entities that name the object a job created (sdrs.md §2.1).
const (
	entityServerGroupID       = "server_group_id"
	entityReplicationPairID   = "replication_pair_id"
	entityProtectedInstanceID = "protected_instance_id"
	entityNativeServerID      = "native_server_id"
	entityNICID               = "nic_id"
	// entityDrillID names a new DR drill. The SDK's JobEntities has no such
	// field (sdrs.md §14.2, §23: only the Huawei and FlexibleEngine
	// providers' code shows it), so it is read from the job's raw answer
	// (getJobRaw), never guessed from a list of drills.
	entityDrillID = "disaster_recovery_drill_id"
)

// GetJob reads an asynchronous job.
func (c *Client) GetJob(ctx context.Context, id string) (*Job, error) {
	resp, err := c.sdk(ctx).ShowJobStatus(&model.ShowJobStatusRequest{JobId: id})
	if err != nil {
		return nil, apiError(opGetJob, err)
	}
	return resp, nil
}

// getJobRaw reads a job, and the entities of its answer as the API sent
// them: the SDK's client on a round tripper that keeps the answer's body
// (Client.sdkRaw), decoded here into a map, so that an entity the SDK's
// model lacks is read rather than dropped.
func (c *Client) getJobRaw(ctx context.Context, id string) (*Job, map[string]any, error) {
	sdk, raw := c.sdkRaw(ctx)
	resp, err := sdk.ShowJobStatus(&model.ShowJobStatusRequest{JobId: id})
	if err != nil {
		return nil, nil, apiError(opGetJob, err)
	}
	var body struct {
		Entities map[string]any `json:"entities"`
	}
	if err := json.Unmarshal(raw.last(), &body); err != nil {
		return resp, nil, fmt.Errorf("%s API %s: the answer is not JSON: %w", serviceName, opGetJob, err)
	}
	return resp, body.Entities, nil
}

// jobEntityID returns the entity name of job id: from j when the SDK's
// model has it (j nil: the job is read first), else from the job's raw
// answer.
func (c *Client) jobEntityID(ctx context.Context, id string, j *Job, name string) (string, error) {
	if modelled(name) {
		if j == nil {
			var err error
			if j, err = c.GetJob(ctx, id); err != nil {
				return "", err
			}
		}
		return jobEntity(j, name), nil
	}
	_, entities, err := c.getJobRaw(ctx, id)
	if err != nil {
		return "", err
	}
	s, _ := entities[name].(string)
	return s, nil
}

// modelled reports whether the SDK's JobEntities has the entity name.
func modelled(name string) bool {
	switch name {
	case entityServerGroupID, entityReplicationPairID, entityProtectedInstanceID, entityNativeServerID, entityNICID:
		return true
	}
	return false
}

// jobID returns the job ID of an asynchronous call's answer.
func jobID(op operation, id *string) (string, error) {
	if id == nil || *id == "" {
		return "", fmt.Errorf("%s API %s: the answer has no job_id", serviceName, op)
	}
	return *id, nil
}

// jobStatus returns a job's status ("" when absent).
func jobStatus(j *Job) string {
	if j == nil || j.Status == nil {
		return ""
	}
	return j.Status.Value()
}

// jobEntity returns an entity of a job (entityServerGroupID,
// entityReplicationPairID), or "".
func jobEntity(j *Job, name string) string {
	if j == nil || j.Entities == nil {
		return ""
	}
	switch name {
	case entityServerGroupID:
		return conv.Deref(j.Entities.ServerGroupId)
	case entityReplicationPairID:
		return conv.Deref(j.Entities.ReplicationPairId)
	case entityProtectedInstanceID:
		return conv.Deref(j.Entities.ProtectedInstanceId)
	case entityNativeServerID:
		return conv.Deref(j.Entities.NativeServerId)
	case entityNICID:
		return conv.Deref(j.Entities.NicId)
	}
	return ""
}

// jobFailure returns a failed job's code and reason; when the job itself
// carries none, the first failed sub job's.
func jobFailure(j *Job) (code, reason string) {
	code, reason = conv.Deref(j.ErrorCode), conv.Deref(j.FailReason)
	if (code == "" || reason == "") && j.Entities != nil && j.Entities.SubJobs != nil {
		for _, sub := range *j.Entities.SubJobs {
			if sub.ErrorCode != "" || sub.FailReason != "" {
				if code == "" {
					code = sub.ErrorCode
				}
				if reason == "" {
					reason = sub.FailReason
				}
				break
			}
		}
	}
	return code, reason
}
