package sdrs

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

// Job statuses (specs/sdrs.md §2.1).
const (
	jobInit    = "INIT"
	jobRunning = "RUNNING"
	jobSuccess = "SUCCESS"
	jobFail    = "FAIL"
)

// GetJob reads an asynchronous job.
func (c *Client) GetJob(ctx context.Context, id string) (*Job, error) {
	resp, err := c.sdk(ctx).ShowJobStatus(&model.ShowJobStatusRequest{JobId: id})
	if err != nil {
		return nil, apiError(opGetJob, err)
	}
	return resp, nil
}

// JobError reports a job that ended in FAIL, with the API's error_code and
// fail_reason.
type JobError struct {
	JobID      string
	JobType    string
	What       string
	ErrorCode  string
	FailReason string
}

func (e *JobError) Error() string {
	s := fmt.Sprintf("%s failed: SDRS job %s", e.What, e.JobID)
	if e.JobType != "" {
		s += " (" + e.JobType + ")"
	}
	s += " ended in FAIL"
	if e.ErrorCode != "" {
		s += " with error_code " + e.ErrorCode
	}
	if e.FailReason != "" {
		s += ": " + e.FailReason
	}
	return s
}

// jobStatus returns a job's status ("" when absent).
func jobStatus(j *Job) string {
	if j == nil || j.Status == nil {
		return ""
	}
	return j.Status.Value()
}

// jobFailure returns a failed job's code and reason; when the job itself
// carries none, the first failed sub job's.
func jobFailure(j *Job) (code, reason string) {
	code, reason = deref(j.ErrorCode), deref(j.FailReason)
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

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// WaitJob polls a job until it succeeds; a FAIL gives a *JobError naming
// what (e.g. "enabling protection of protection group X"). timeout bounds
// the wait (zero leaves the context's deadline).
func (c *Client) WaitJob(ctx context.Context, id, what string, timeout time.Duration) (*Job, error) {
	j, err := wait.Conf[*Job]{
		Operation: what + " (SDRS job " + id + ")",
		Pending:   []string{jobInit, jobRunning},
		Target:    []string{jobSuccess},
		Failure:   []string{jobFail},
		Timeout:   timeout,
		Refresh: func(ctx context.Context) (*Job, string, error) {
			j, err := c.GetJob(ctx, id)
			return j, jobStatus(j), err
		},
		Message: func(j *Job) string {
			code, reason := jobFailure(j)
			return strings.TrimSpace(code + " " + reason)
		},
	}.Wait(ctx)
	var se *wait.StateError
	if errors.As(err, &se) && se.Failed && j != nil {
		code, reason := jobFailure(j)
		return j, &JobError{JobID: id, JobType: deref(j.JobType), What: what, ErrorCode: code, FailReason: reason}
	}
	return j, err
}

// jobEntity returns an entity of a job (server_group_id,
// replication_pair_id), or "".
func jobEntity(j *Job, name string) string {
	if j == nil || j.Entities == nil {
		return ""
	}
	switch name {
	case "server_group_id":
		return deref(j.Entities.ServerGroupId)
	case "replication_pair_id":
		return deref(j.Entities.ReplicationPairId)
	}
	return ""
}
