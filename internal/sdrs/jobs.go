package sdrs

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/adopt"
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
	return c.waitJob(ctx, id, what, "", timeout)
}

// waitJob is WaitJob of an operation of kind (wait.Conf.Kind, e.g.
// "sdrs.protected_instance.create"), whose waits learn its length.
func (c *Client) waitJob(ctx context.Context, id, what, kind string, timeout time.Duration) (*Job, error) {
	j, err := wait.Conf[*Job]{
		Operation: what + " (SDRS job " + id + ")",
		Kind:      kind,
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
	// Kind names the operation for the waits ("sdrs.protection_group.create").
	Kind string
	// Entity is the job entity that carries the new object's ID
	// (entityServerGroupID, entityReplicationPairID, entityDrillID).
	Entity string
	// Submit sends the create request and returns the job's ID.
	Submit func(ctx context.Context) (jobID string, err error)
	// Find looks for the object a create whose answer was lost made, by
	// the attributes that identify it, created not before since (see
	// adopt.Create); nil when the object cannot be looked up, so that a
	// lost answer is an error.
	Find func(ctx context.Context, since time.Time) (id string, found bool, err error)
	// Await waits for the creation of an adopted object, which has no job
	// ID, by its status: until it leaves its transitional status, and fails
	// when the creation failed.
	Await func(ctx context.Context, id string) error
}

// createByJob is the Create of every SDRS resource: it submits the
// creation (adopt.Create: when the answer is lost, the object the request
// made is looked up and adopted rather than created again), records the
// new object's ID in state ("id") as soon as the job names it (or at once
// for an adopted object), before waiting, so that a failed or timed-out
// job leaves a tainted resource rather than an untracked object, and waits
// for the job (or, for an adopted object, for its status). It returns the
// ID ("" when the object is not known to exist) and the error of the
// submission or of the wait; the caller reads the object back into the
// state whenever the ID is known, the error reported.
func (c *Client) createByJob(ctx context.Context, state *tfsdk.State, diags *diag.Diagnostics, cr creation) (string, error) {
	find := cr.Find
	if find == nil {
		find = func(context.Context, time.Time) (string, bool, error) { return "", false, nil }
	}
	// An object is made through a job, or found (adopted) without one.
	type made struct{ jobID, id string }
	m, adopted, err := adopt.Create[made]{
		Operation: cr.What,
		Create: func(ctx context.Context) (made, error) {
			jobID, err := cr.Submit(ctx)
			return made{jobID: jobID}, err
		},
		Find: func(ctx context.Context, since time.Time) (made, bool, error) {
			id, found, err := find(ctx, since)
			return made{id: id}, found, err
		},
	}.Do(ctx)
	if err != nil {
		return "", err
	}
	jobID := m.jobID
	id := ""
	record := func(found string) {
		if id == "" && found != "" {
			id = found
			diags.Append(state.SetAttribute(ctx, path.Root("id"), id)...)
		}
	}
	if adopted {
		record(m.id)
		return id, cr.Await(ctx, id)
	}
	tflog.Info(ctx, "submitted: "+cr.What, map[string]any{"job_id": jobID})
	// The job names the object from its start in the API's examples; a
	// failed first read is left to the wait, which reads the job again.
	if id, err := c.jobEntityID(ctx, jobID, nil, cr.Entity); err == nil {
		record(id)
	}
	j, err := c.waitJob(ctx, jobID, cr.What, cr.Kind, 0)
	if id == "" && j != nil {
		found, _ := c.jobEntityID(ctx, jobID, j, cr.Entity)
		record(found)
	}
	if err == nil && id == "" {
		err = fmt.Errorf("the SDRS job %s (%s) succeeded but names no %s in its entities; the new object cannot be tracked. Please report this",
			jobID, cr.What, cr.Entity)
	}
	return id, err
}

// deletion describes the deletion of an object through a job, for
// deleteByJob.
type deletion struct {
	// Kind names the object in messages: "protection group".
	Kind string
	// ID is the object's.
	ID string
	// Op names the operation for the waits ("sdrs.protection_group.delete").
	Op string
	// Submit sends the delete request and returns the job's ID.
	Submit func(ctx context.Context) (jobID string, err error)
	// Status reads the object's status; an object that is gone gives an
	// error for which apierr.IsNotFound is true.
	Status func(ctx context.Context) (string, error)
	// Transitional are the statuses in which a job of the object is under
	// way (deleting among them): the API refuses a deletion then.
	Transitional []string
	// Deleting is the status of an object being deleted; "" is
	// statusDeleting (an attachment's is "detaching").
	Deleting string
}

// deleteByJob is the Delete of every SDRS resource. It resumes an
// unfinished deletion (an interrupted destroy): an object already
// "deleting" is only waited for until it is gone. An object in another
// transitional status (a job under way, which the API would refuse the
// deletion for) is waited for until it settles. Then the deletion is
// submitted (adopt.Action: when the answer is lost, an object that is
// deleting or gone is taken as deleted rather than deleted again; a
// second request that the API refuses because the first one is under way
// is no error either), its job waited for, then until the object is gone.
// An object already gone is no error.
func (c *Client) deleteByJob(ctx context.Context, d deletion) error {
	what := "deleting " + d.Kind + " " + d.ID
	deleting := d.Deleting
	if deleting == "" {
		deleting = statusDeleting
	}
	gone := func(ctx context.Context) error {
		return wait.UntilGone(ctx, d.Op+".gone", d.Kind+" "+d.ID+" to be deleted", func(ctx context.Context) error { _, err := d.Status(ctx); return err })
	}
	status, err := d.Status(ctx)
	switch {
	case apierr.IsNotFound(err):
		return nil
	case err != nil:
		return err
	case status == deleting:
		tflog.Info(ctx, "resuming: "+what+" is under way", nil)
		return gone(ctx)
	case slices.Contains(d.Transitional, status):
		tflog.Info(ctx, what+": waiting for the operation under way to end first", map[string]any{"status": status})
		if err := settle(ctx, d.Kind+" "+d.ID+" to end its "+status+" operation before its deletion", "", d.Status, d.Transitional); err != nil {
			if apierr.IsNotFound(err) {
				return nil
			}
			return err
		}
	}
	jobID := ""
	err = adopt.Action{
		Operation: what,
		Do: func(ctx context.Context) error {
			id, err := d.Submit(ctx)
			jobID = id
			return err
		},
		Applied: func(ctx context.Context) (bool, error) {
			status, err := d.Status(ctx)
			if apierr.IsNotFound(err) {
				return true, nil
			}
			return status == deleting, err
		},
	}.Run(ctx)
	if apierr.IsNotFound(err) {
		return nil
	}
	if err != nil {
		// A repeated request (the transport resends a DELETE whose answer
		// was lost) is refused while the first deletion runs.
		if status, serr := d.Status(ctx); apierr.IsNotFound(serr) {
			return nil
		} else if serr == nil && status == deleting {
			return gone(ctx)
		}
		return err
	}
	if jobID != "" {
		if _, err := c.waitJob(ctx, jobID, what, d.Op, 0); err != nil {
			return err
		}
	}
	return gone(ctx)
}

// settle waits, reading the status with get, until it leaves the
// transitional statuses. what names the wait in messages; a timeout names
// the last transitional status; kind, when known, is the operation's name
// (wait.Conf.Kind).
func settle(ctx context.Context, what, kind string, get func(ctx context.Context) (string, error), transitional []string) error {
	_, err := wait.Conf[struct{}]{
		Operation: what,
		Kind:      kind,
		Settle:    true,
		Pending:   transitional,
		Target:    []string{stateSettled},
		Refresh: func(ctx context.Context) (struct{}, string, error) {
			s, err := get(ctx)
			if err != nil {
				return struct{}{}, "", err
			}
			if slices.Contains(transitional, s) {
				return struct{}{}, s, nil
			}
			return struct{}{}, stateSettled, nil
		},
	}.Wait(ctx)
	return err
}

// stateSettled is the state settle gives an object out of its
// transitional statuses.
const stateSettled = "settled"

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
