package sdrs

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Every SDRS create, delete and action is an asynchronous job
// (sdrs.md §2): the call answers a job ID, and the job's status tells when
// the operation has ended and how. This file holds what every resource
// does with jobs: waiting for one, creating an object through one,
// deleting an object through one, and reporting a failed one.

// JobError reports a job that ended in FAIL, with the API's error_code and
// fail_reason. It unwraps to the *apierr.Error of the failure (the job's
// code and reason as the API's code and message), whose Hint the
// resources' error helpers set (setJobHint).
type JobError struct {
	JobID      string
	JobType    string
	What       string
	ErrorCode  string
	FailReason string
	api        *apierr.Error
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

// Unwrap returns the failure as an API error.
func (e *JobError) Unwrap() error { return e.api }

func newJobError(j *Job, id, what string) *JobError {
	code, reason := jobFailure(j)
	return &JobError{JobID: id, JobType: conv.Deref(j.JobType), What: what, ErrorCode: code, FailReason: reason,
		api: &apierr.Error{Service: serviceName, Operation: string(opGetJob), StatusCode: 200, Code: code, Message: reason}}
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
		return j, newJobError(j, id, what)
	}
	return j, err
}

// creation describes the creation of an object through a job, for
// createByJob.
type creation struct {
	// What names the creation in messages: "creating protection group x".
	What string
	// Entity is the job entity that carries the new object's ID
	// (entityServerGroupID, entityReplicationPairID).
	Entity string
	// Submit sends the create request and returns the job's ID.
	Submit func(ctx context.Context) (jobID string, err error)
}

// createByJob is the Create of every SDRS resource: it submits the
// creation, records the new object's ID in state ("id") as soon as the job
// names it, before waiting, so that a failed or timed-out job leaves a
// tainted resource rather than an untracked object, and waits for the job.
// It returns the ID ("" when the object is not known to exist) and the
// error of the submission or of the job; the caller reads the object back
// into the state whenever the ID is known, the error reported.
func (c *Client) createByJob(ctx context.Context, state *tfsdk.State, diags *diag.Diagnostics, cr creation) (string, error) {
	jobID, err := cr.Submit(ctx)
	if err != nil {
		return "", err
	}
	tflog.Info(ctx, "submitted: "+cr.What, map[string]any{"job_id": jobID})
	id := ""
	record := func(j *Job) {
		if id == "" {
			if id = jobEntity(j, cr.Entity); id != "" {
				diags.Append(state.SetAttribute(ctx, path.Root("id"), id)...)
			}
		}
	}
	// The job names the object from its start in the API's examples; a
	// failed first read is left to the wait, which reads the job again.
	if j, err := c.GetJob(ctx, jobID); err == nil {
		record(j)
	}
	j, err := c.WaitJob(ctx, jobID, cr.What, 0)
	record(j)
	if err == nil && id == "" {
		err = fmt.Errorf("the SDRS job %s (%s) succeeded but names no %s in its entities; the new object cannot be tracked. Please report this",
			jobID, cr.What, cr.Entity)
	}
	return id, err
}

// deleteByJob is the Delete of every SDRS resource: it submits the
// deletion of the object kind ("protection group") id, waits for the job,
// then until get answers not found. An object already gone is no error.
func (c *Client) deleteByJob(ctx context.Context, kind, id string, submit func(ctx context.Context) (string, error), get func(ctx context.Context) error) error {
	jobID, err := submit(ctx)
	if apierr.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := c.WaitJob(ctx, jobID, "deleting "+kind+" "+id, 0); err != nil {
		return err
	}
	return wait.UntilGone(ctx, kind+" "+id+" to be deleted", get)
}

// setJobHint sets the advice on a failed job of an object of kind
// ("protection group"), naming the job's error_code and fail_reason, and
// reports whether err is one. retry ends the advice ("to retry the
// operation").
func setJobHint(err error, kind, retry string) bool {
	var je *JobError
	if !errors.As(err, &je) || je.api == nil {
		return false
	}
	je.api.Hint = fmt.Sprintf("The SDRS job failed with error_code %s and fail_reason %s. The %s is left in an error status (see its status "+
		"attribute); correct the cause and apply again %s.", orNone(je.ErrorCode), orNone(je.FailReason), kind, retry)
	return true
}

// orNone quotes s, or says "(none)".
func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return fmt.Sprintf("%q", s)
}
