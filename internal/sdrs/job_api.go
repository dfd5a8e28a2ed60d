package sdrs

import (
	"context"
	"fmt"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

const opGetJob operation = "GET /v1/{project_id}/jobs/{job_id}"

// Job is the status of an asynchronous job.
type Job = model.ShowJobStatusResponse

// Job entities that name the object a job created (sdrs.md §2.1).
const (
	entityServerGroupID     = "server_group_id"
	entityReplicationPairID = "replication_pair_id"
)

// GetJob reads an asynchronous job.
func (c *Client) GetJob(ctx context.Context, id string) (*Job, error) {
	resp, err := c.sdk(ctx).ShowJobStatus(&model.ShowJobStatusRequest{JobId: id})
	if err != nil {
		return nil, apiError(opGetJob, err)
	}
	return resp, nil
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
