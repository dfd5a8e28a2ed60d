package sdrs

import (
	"context"
	"slices"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

// Calls on the task center, which keeps the jobs that failed until they
// are deleted (sdrs.md §18).
const (
	opListFailedJobs       operation = "GET /v1/{project_id}/task-center/failure-jobs"
	opDeleteFailedJob      operation = "DELETE /v1/{project_id}/task-center/failure-jobs/{failure_job_id}"
	opDeleteGroupFailedJob operation = "DELETE /v1/{project_id}/task-center/{server_group_id}/failure-jobs/batch"
)

// FailedJob is a failed job as the task center lists it.
type FailedJob = model.FailureJobParams

// Resource types of the task center (sdrs.md §18).
const resourceTypeGroups = "server_groups"

// FailedJobFilter selects failed jobs: without GroupID nor ResourceType the
// API lists the protection groups' own failed jobs; GroupID lists those of
// the objects in one group.
type FailedJobFilter struct {
	FailureStatus string // createFail, deleteFail, ...
	ResourceName  string
	GroupID       string // server_group_id
	ResourceType  string // server_groups, protected_instances, replications, disaster_recovery_drills
}

// ListFailedJobs reads one page of failed jobs and the number that match.
func (c *Client) ListFailedJobs(ctx context.Context, f FailedJobFilter, offset, limit int32) ([]FailedJob, int, error) {
	status, err := sdkEnum[model.ListFailureJobsRequestFailureStatus](f.FailureStatus)
	if err != nil {
		return nil, 0, err
	}
	kind, err := sdkEnum[model.ListFailureJobsRequestResourceType](f.ResourceType)
	if err != nil {
		return nil, 0, err
	}
	resp, err := c.sdk(ctx).ListFailureJobs(&model.ListFailureJobsRequest{FailureStatus: status, ResourceName: nonEmpty(f.ResourceName),
		ServerGroupId: nonEmpty(f.GroupID), ResourceType: kind, Limit: &limit, Offset: &offset})
	if err != nil {
		return nil, 0, apiError(opListFailedJobs, err)
	}
	var out []FailedJob
	if resp.FailureJobs != nil {
		out = *resp.FailureJobs
	}
	return out, listCount(resp.Count), nil
}

// AllFailedJobs reads every page of the failed jobs that match f.
func (c *Client) AllFailedJobs(ctx context.Context, f FailedJobFilter) ([]FailedJob, bool, error) {
	return allPages(func(j FailedJob) string { return j.JobId }, func(offset, limit int32) ([]FailedJob, int, error) {
		return c.ListFailedJobs(ctx, f, offset, limit)
	})
}

// DeleteFailedJob deletes one failed job (by its job ID).
func (c *Client) DeleteFailedJob(ctx context.Context, jobID string) error {
	_, err := c.sdk(ctx).DeleteFailureJob(&model.DeleteFailureJobRequest{FailureJobId: jobID})
	return apiError(opDeleteFailedJob, err)
}

// DeleteGroupFailedJobs deletes the failed jobs of the objects in a
// protection group (its instances, pairs and drills).
func (c *Client) DeleteGroupFailedJobs(ctx context.Context, groupID string) error {
	_, err := c.sdk(ctx).DeleteServerGroupFailureJobs(&model.DeleteServerGroupFailureJobsRequest{ServerGroupId: groupID})
	return apiError(opDeleteGroupFailedJob, err)
}

// DeleteFailedJobsOf deletes every failed job of a protection group: its
// own (creation, deletion, actions), which the task center lists as
// server_groups, one by one, then those of its objects at once. The
// deletions are idempotent: the transport may repeat them.
func (c *Client) DeleteFailedJobsOf(ctx context.Context, groupID string) error {
	own, _, err := c.AllFailedJobs(ctx, FailedJobFilter{ResourceType: resourceTypeGroups})
	if err != nil {
		return err
	}
	for _, j := range own {
		if j.ResourceId != groupID {
			continue
		}
		if err := c.DeleteFailedJob(ctx, j.JobId); err != nil {
			// A repeated deletion (the transport resends a DELETE whose
			// answer was lost) is refused once the first one took effect.
			left, _, lerr := c.AllFailedJobs(ctx, FailedJobFilter{ResourceType: resourceTypeGroups})
			if lerr != nil || slices.ContainsFunc(left, func(l FailedJob) bool { return l.JobId == j.JobId }) {
				return err
			}
		}
	}
	return c.DeleteGroupFailedJobs(ctx, groupID)
}
