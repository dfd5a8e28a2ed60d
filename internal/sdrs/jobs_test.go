package sdrs

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestWaitJobReportsTheFailure(t *testing.T) {
	var polls atomic.Int32
	c := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/jobs/j-direct"):
			status := "RUNNING"
			if polls.Add(1) > 1 {
				status = "FAIL"
			}
			writeJSON(w, http.StatusOK, map[string]any{"job_id": "j-direct", "job_type": "createProtectionGroupNoCG", "status": status,
				"error_code": "SDRS.1014", "fail_reason": "Failed to create the protection group", "entities": map[string]string{"server_group_id": "g1"}})
		case strings.HasSuffix(r.URL.Path, "/jobs/j-sub"):
			writeJSON(w, http.StatusOK, map[string]any{"job_id": "j-sub", "job_type": "stopProtectionGroupNoCG", "status": "FAIL",
				"error_code": nil, "fail_reason": nil, "entities": map[string]any{"sub_jobs": []any{map[string]any{
					"job_id": "s1", "job_type": "stopProtectionGroupRepNoCG", "status": "FAIL", "error_code": "SDRS.1028",
					"fail_reason": "Failed to disable protection", "entities": map[string]string{"server_group_id": "g1"}}}}})
		case strings.HasSuffix(r.URL.Path, "/jobs/j-ok"):
			writeJSON(w, http.StatusOK, map[string]any{"job_id": "j-ok", "status": "SUCCESS", "entities": map[string]string{"server_group_id": "g1"}})
		}
	})
	ctx := context.Background()
	_, err := c.WaitJob(ctx, "j-direct", "creating protection group x", time.Minute)
	var je *JobError
	if !errors.As(err, &je) || je.ErrorCode != "SDRS.1014" || je.FailReason != "Failed to create the protection group" || je.JobType != "createProtectionGroupNoCG" {
		t.Fatalf("direct failure: %#v", err)
	}
	if polls.Load() != 2 {
		t.Errorf("polled %d times, want 2 (RUNNING then FAIL)", polls.Load())
	}
	if !strings.Contains(err.Error(), "creating protection group x failed") || !strings.Contains(err.Error(), "SDRS.1014") {
		t.Errorf("message = %q", err)
	}
	_, err = c.WaitJob(ctx, "j-sub", "disabling", time.Minute)
	if !errors.As(err, &je) || je.ErrorCode != "SDRS.1028" || je.FailReason != "Failed to disable protection" {
		t.Fatalf("sub job failure: %#v", err)
	}
	j, err := c.WaitJob(ctx, "j-ok", "ok", time.Minute)
	if err != nil || jobEntity(j, "server_group_id") != "g1" {
		t.Fatalf("success: %v %v", j, err)
	}
}

// jobServer answers GET /jobs/{id} with the statuses of script in turn
// (the last one again once it runs out); entityFrom is the poll from which
// the job names its object.
func jobServer(t *testing.T, script []string, entityFrom int) (*Client, *atomic.Int32) {
	t.Helper()
	var polls atomic.Int32
	c := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, "/jobs/j1") {
			http.NotFound(w, r)
			return
		}
		n := int(polls.Add(1))
		status := script[min(n, len(script))-1]
		body := map[string]any{"job_id": "j1", "job_type": "createProtectionGroupNoCG", "status": status, "entities": map[string]any{}}
		if entityFrom > 0 && n >= entityFrom {
			body["entities"] = map[string]any{"server_group_id": "g1"}
		}
		if status == jobFail {
			body["error_code"], body["fail_reason"] = "SDRS.1014", "Failed to create the protection group"
		}
		writeJSON(w, http.StatusOK, body)
	})
	return c, &polls
}

// idState is the state of a resource with only an id, as Create receives
// it: null.
func idState(t *testing.T) *tfsdk.State {
	t.Helper()
	s := schema.Schema{Attributes: map[string]schema.Attribute{"id": schema.StringAttribute{Computed: true}}}
	return &tfsdk.State{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(context.Background()), nil)}
}

// stateID returns the id in state, or "" when the state is still null.
func stateID(t *testing.T, state *tfsdk.State) string {
	t.Helper()
	if state.Raw.IsNull() {
		return ""
	}
	var id types.String
	if d := state.GetAttribute(context.Background(), path.Root("id"), &id); d.HasError() {
		t.Fatal(d)
	}
	return id.ValueString()
}

func submitted(jobID string, err error) func(context.Context) (string, error) {
	return func(context.Context) (string, error) { return jobID, err }
}

// createByJob records the new object's ID in state from the job, whatever
// the job's end: a failed job and a timed-out wait leave the ID (a tainted
// resource), not an untracked object.
func TestCreateByJobRecordsTheIDBeforeTheEnd(t *testing.T) {
	for _, tc := range []struct {
		name       string
		script     []string
		entityFrom int
		timeout    time.Duration
		wantErr    string
	}{
		{name: "success", script: []string{jobInit, jobRunning, jobSuccess}, entityFrom: 1},
		{name: "entity named late", script: []string{jobInit, jobRunning, jobSuccess}, entityFrom: 3},
		{name: "failed job", script: []string{jobInit, jobFail}, entityFrom: 1, wantErr: "ended in FAIL with error_code SDRS.1014"},
		{name: "timed out", script: []string{jobRunning}, entityFrom: 1, timeout: 500 * time.Millisecond, wantErr: "timeout while waiting"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, _ := jobServer(t, tc.script, tc.entityFrom)
			ctx := context.Background()
			if tc.timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tc.timeout)
				defer cancel()
			}
			state := idState(t)
			var diags diag.Diagnostics
			id, err := c.createByJob(ctx, state, &diags, creation{What: "creating protection group x", Entity: entityServerGroupID, Submit: submitted("j1", nil)})
			if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Fatalf("err = %v, want %q", err, tc.wantErr)
			}
			if id != "g1" || stateID(t, state) != "g1" || diags.HasError() {
				t.Fatalf("id %q, state id %q, diags %v; want g1 in both", id, stateID(t, state), diags)
			}
		})
	}
}

// A job that succeeds without naming its object, and a refused
// submission, leave no ID; the first is an error of its own.
func TestCreateByJobWithoutAnID(t *testing.T) {
	c, polls := jobServer(t, []string{jobSuccess}, 0)
	state := idState(t)
	var diags diag.Diagnostics
	id, err := c.createByJob(context.Background(), state, &diags, creation{What: "creating protection group x", Entity: entityServerGroupID, Submit: submitted("j1", nil)})
	if id != "" || err == nil || !strings.Contains(err.Error(), "names no server_group_id") || stateID(t, state) != "" {
		t.Fatalf("id %q, err %v, state id %q", id, err, stateID(t, state))
	}
	refused := errors.New("HTTP 400")
	polls.Store(0)
	id, err = c.createByJob(context.Background(), state, &diags, creation{What: "creating", Entity: entityServerGroupID, Submit: submitted("", refused)})
	if id != "" || !errors.Is(err, refused) || polls.Load() != 0 || stateID(t, state) != "" {
		t.Fatalf("refused submission: id %q, err %v, %d job polls", id, err, polls.Load())
	}
}

// deleteByJob waits for the job, then until the object is gone; an object
// already gone is no error, and a failed job is reported.
func TestDeleteByJob(t *testing.T) {
	c, _ := jobServer(t, []string{jobRunning, jobSuccess}, 0)
	ctx := context.Background()
	reads := 0
	status := func(context.Context) (string, error) {
		if reads++; reads < 2 {
			return statusAvailable, nil
		}
		return "", &apierr.NotFoundError{Kind: "protection group", ID: "g1"}
	}
	del := func(submit func(context.Context) (string, error)) deletion {
		return deletion{Kind: "protection group", ID: "g1", Submit: submit, Status: status, Transitional: groupTransitional}
	}
	if err := c.deleteByJob(ctx, del(submitted("j1", nil))); err != nil || reads != 2 {
		t.Fatalf("err = %v after %d reads, want nil after 2", err, reads)
	}
	gone := &apierr.NotFoundError{Kind: "protection group", ID: "g1"}
	reads = 0
	if err := c.deleteByJob(ctx, del(submitted("", gone))); err != nil {
		t.Fatalf("already gone: %v", err)
	}
	failing, _ := jobServer(t, []string{jobFail}, 0)
	var je *JobError
	reads = 0
	if err := failing.deleteByJob(ctx, del(submitted("j1", nil))); !errors.As(err, &je) ||
		!strings.Contains(err.Error(), "deleting protection group g1 failed") {
		t.Fatalf("failed job: %v", err)
	}
}

// deleteByJob resumes an unfinished deletion: an object already deleting
// is only waited for; one in another transitional status is waited for
// before the deletion is sent; a repeated request that the API refuses
// while the first deletion runs is waited for too.
func TestDeleteByJobResumes(t *testing.T) {
	c, polls := jobServer(t, []string{jobSuccess}, 0)
	ctx := context.Background()
	script := func(statuses ...string) func(context.Context) (string, error) {
		n := 0
		return func(context.Context) (string, error) {
			if n >= len(statuses) {
				return "", &apierr.NotFoundError{Kind: "protection group", ID: "g1"}
			}
			n++
			return statuses[n-1], nil
		}
	}
	sent := 0
	submit := func(jobID string, err error) func(context.Context) (string, error) {
		return func(context.Context) (string, error) { sent++; return jobID, err }
	}
	for _, tc := range []struct {
		name     string
		statuses []string
		submit   func(context.Context) (string, error)
		sent     int
	}{
		{"deleting", []string{statusDeleting, statusDeleting}, submit("j1", nil), 0},
		{"starting first", []string{statusStarting, statusStarting, statusProtected, statusDeleting}, submit("j1", nil), 1},
		{"refused as deleting", []string{statusAvailable, statusDeleting, statusDeleting},
			submit("", &apierr.Error{StatusCode: 400, Code: "SDRS.1002", Message: "the protection group is deleting"}), 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sent = 0
			polls.Store(0)
			err := c.deleteByJob(ctx, deletion{Kind: "protection group", ID: "g1", Submit: tc.submit, Status: script(tc.statuses...),
				Transitional: groupTransitional})
			if err != nil || sent != tc.sent {
				t.Fatalf("err = %v, %d deletions sent; want nil and %d", err, sent, tc.sent)
			}
		})
	}
}

// A failed job reaches the user through apierr.AddError with its
// error_code and fail_reason in the advice that setJobHint sets; other
// errors are left alone.
func TestSetJobHint(t *testing.T) {
	c, _ := jobServer(t, []string{jobFail}, 1)
	_, err := c.WaitJob(context.Background(), "j1", "creating protection group x", time.Minute)
	if !setJobHint(err, "protection group", "to retry the operation") {
		t.Fatalf("setJobHint(%v) = false", err)
	}
	var diags diag.Diagnostics
	apierr.AddError(&diags, "creating", "continuity_sdrs_protection_group", "g1", err)
	d := diags[0]
	if d.Summary() != `Error creating continuity_sdrs_protection_group "g1"` ||
		!strings.Contains(d.Detail(), "creating protection group x failed: SDRS job j1 (createProtectionGroupNoCG) ended in FAIL") ||
		!strings.Contains(d.Detail(), "\n\nThe SDRS job failed with error_code \"SDRS.1014\" and fail_reason \"Failed to create the protection group\". "+
			"The protection group is left in an error status (see its status attribute); correct the cause and apply again to retry the operation.") {
		t.Fatalf("diagnostic = %s\n%s", d.Summary(), d.Detail())
	}
	if setJobHint(errors.New("HTTP 500"), "protection group", "") || setJobHint(&apierr.Error{Code: "SDRS.1013"}, "protection group", "") {
		t.Fatal("setJobHint took an error that is not a failed job")
	}
	if orNone("") != "(none)" || orNone("x") != `"x"` {
		t.Fatalf("orNone: %q %q", orNone(""), orNone("x"))
	}
}
