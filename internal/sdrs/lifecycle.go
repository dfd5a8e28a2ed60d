package sdrs

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/deadline"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// The life cycle every SDRS resource shares: its object is created through
// a job (createObject), read by ID into the state (storeObject,
// readObject), resumed in place after an interrupted or timed-out apply
// (planResume, resumeObject) and deleted through a job (deleteObject).
// Each resource describes its object once, in an objectType, and its
// Create, Read, ModifyPlan, Update and Delete call these.

// objectType describes the object of a resource: an API object A.
type objectType[A any] struct {
	// typeName is the resource's Terraform type, for messages.
	typeName string
	// kind names the object in messages: "protection group".
	kind string
	// entity is the job entity that names a new object (entityServerGroupID).
	entity string
	// op is the prefix of the names of its operations, for the waits'
	// Kind: "sdrs.protection_group" (…create, …delete, …start).
	op string
	// timeout is the default of each of the resource's timeouts.
	timeout time.Duration
	// get reads the object by ID (Client.GetGroup).
	get func(c *Client, ctx context.Context, id string) (*A, error)
	// statusGet, when set, reads the object's status alone, for the waits
	// (an object whose get makes several calls).
	statusGet func(c *Client, ctx context.Context, id string) (string, error)
	// status returns the object's status.
	status func(obj *A) string
	// transitional are the statuses in which a job of the object is under
	// way (groupTransitional, pairTransitional).
	transitional []string
	// deleting is the object's status while it is deleted; "" is
	// statusDeleting.
	deleting string
	// resumable are the transitional statuses of the object's own
	// operations that an update resumes: a state that holds one after an
	// interrupted or timed-out apply plans an update that waits for it.
	resumable []string
	// volatile are the computed attributes that an operation changes and
	// that no plan modifier keeps, with their unknown values: a resumed
	// update plans them unknown.
	volatile map[string]attr.Value
	// addError reports an error of an operation on the object (the
	// resource's add<Object>Error).
	addError func(diags *diag.Diagnostics, action, id string, err error)
}

// statusOf reads object id and returns its status.
func (o objectType[A]) statusOf(c *Client, id string) func(ctx context.Context) (string, error) {
	if o.statusGet != nil {
		return func(ctx context.Context) (string, error) { return o.statusGet(c, ctx, id) }
	}
	return func(ctx context.Context) (string, error) {
		obj, err := o.get(c, ctx, id)
		if err != nil {
			return "", err
		}
		return o.status(obj), nil
	}
}

// settle waits until object id leaves its transitional statuses (what
// names the wait) and returns it as it then is.
func (o objectType[A]) settle(ctx context.Context, c *Client, id, what string) (*A, error) {
	if err := settle(ctx, what, "", o.statusOf(c, id), o.transitional); err != nil {
		return nil, err
	}
	return o.get(c, ctx, id)
}

// apiModel is a resource model M that fromAPI fills from the API's object
// A, setting every attribute the API returns.
type apiModel[A, M any] interface {
	*M
	fromAPI(obj *A)
}

// createObject is the Create of an SDRS resource: bounded by the plan's
// create timeout, it submits the creation cr (named cr.What) and records
// the new object's ID before it waits for the job (createByJob); then,
// whenever the ID is known, it stores the object read back, also after a
// failed, timed-out or interrupted wait (reportWait).
func createObject[A, M any, PM apiModel[A, M]](ctx context.Context, c *Client, o objectType[A], plan M, timeout deadline.Getter,
	cr creation, resp *resource.CreateResponse,
) {
	ctx, cancel, ok := deadline.Bound(ctx, timeout, o.timeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	cr.Entity = o.entity
	cr.Kind = o.op + ".create"
	id, err := c.createByJob(ctx, &resp.State, &resp.Diagnostics, cr)
	if id == "" {
		if err != nil {
			o.addError(&resp.Diagnostics, "creating", id, err)
		}
		return
	}
	reportWait[A, M, PM](ctx, c, o, apierr.PhaseCreate, "creating", id, plan, err, &resp.State, &resp.Diagnostics)
}

// reportWait ends a create or update of object id whose wait ended with err
// (nil when it reached its target): it stores the object as it now is,
// with its real status, so that a transition left unfinished shows in the
// state and the next plan resumes it (planResume), and reports err:
// apierr.AddWaitError for an interruption or a timeout (a warning that
// keeps the object untainted, or an error that says how to resume, with
// the object's status), the resource's error helper otherwise.
func reportWait[A, M any, PM apiModel[A, M]](ctx context.Context, c *Client, o objectType[A], phase apierr.Phase, action, id string, m M,
	err error, state *tfsdk.State, diags *diag.Diagnostics,
) {
	if err == nil {
		storeObject[A, M, PM](ctx, c, o, id, m, state, diags)
		return
	}
	// The operation's context may be cancelled or past its deadline: read
	// the object back with a short one of its own.
	readCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), readBackTimeout)
	defer cancel()
	obj, rerr := o.get(c, readCtx, id)
	if rerr == nil {
		PM(&m).fromAPI(obj)
		diags.Append(state.Set(ctx, &m)...)
	} else {
		// Terraform is stopping: keep what the state has (the plan, with the
		// ID after a create), every unknown value null, the status after a
		// create the one of an unfinished creation; the next refresh reads
		// the object.
		tflog.Warn(ctx, "could not read the object back after its operation ended early", map[string]any{"id": id, "error": rerr.Error()})
		status := ""
		if phase == apierr.PhaseCreate {
			status = statusCreating
		}
		diags.Append(knownState(ctx, state, status)...)
	}
	if apierr.Interrupted(err) || apierr.TimedOut(err) {
		if rerr == nil {
			err = fmt.Errorf("%w; the %s's status is now %q", err, o.kind, o.status(obj))
		}
		apierr.AddWaitError(diags, phase, action, o.typeName, id, err)
		return
	}
	o.addError(diags, action, id, err)
}

// readBackTimeout bounds the read of an object after its operation was
// interrupted or timed out: Terraform waits for the provider to return.
const readBackTimeout = 1500 * time.Millisecond

// knownState turns every unknown value of state into null and, when status
// is given, sets a null status to it, so that an operation that ends with a
// warning (an interruption) returns a wholly known state.
func knownState(ctx context.Context, state *tfsdk.State, status string) diag.Diagnostics {
	var diags diag.Diagnostics
	raw, err := tftypes.Transform(state.Raw, func(_ *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if !v.IsKnown() {
			return tftypes.NewValue(v.Type(), nil), nil
		}
		return v, nil
	})
	if err != nil {
		diags.AddError("Internal error: the state cannot be completed", err.Error())
		return diags
	}
	state.Raw = raw
	var current types.String
	diags.Append(state.GetAttribute(ctx, path.Root("status"), &current)...)
	if status != "" && current.IsNull() {
		diags.Append(state.SetAttribute(ctx, path.Root("status"), status)...)
	}
	return diags
}

// storeObject reads object id and stores m, updated from it, in state, so
// that what only the configuration holds (timeouts and the like) is kept.
// When the read fails, the error is reported and the state keeps what it
// had (after a create: the ID).
func storeObject[A, M any, PM apiModel[A, M]](ctx context.Context, c *Client, o objectType[A], id string, m M, state *tfsdk.State, diags *diag.Diagnostics) {
	obj, err := o.get(c, ctx, id)
	if err != nil {
		apierr.AddError(diags, "reading back", o.typeName, id, err)
		return
	}
	PM(&m).fromAPI(obj)
	diags.Append(state.Set(ctx, &m)...)
}

// readObject is the Read of an SDRS resource: it refreshes the state from
// the API, with the object's real status (a transitional one too, which
// the next plan resumes), and removes the resource (apierr.RemoveGone)
// when its object no longer exists.
func readObject[A, M any, PM apiModel[A, M]](ctx context.Context, c *Client, o objectType[A], req resource.ReadRequest, resp *resource.ReadResponse) {
	var m M
	var id types.String
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	if resp.Diagnostics.HasError() {
		return
	}
	obj, err := o.get(c, ctx, id.ValueString())
	if apierr.IsNotFound(err) {
		apierr.RemoveGone(ctx, resp, apierr.Gone{TypeName: o.typeName, ID: id.ValueString(), Service: "SDRS"})
		return
	}
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", o.typeName, id.ValueString(), err)
		return
	}
	PM(&m).fromAPI(obj)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// planResume is the part of ModifyPlan that resumes an unfinished
// transition in place. When the refreshed state holds one of the object's
// resumable statuses (an apply was interrupted, or timed out and the
// resource was untainted, while the object was creating, starting, ...),
// it plans the volatile attributes unknown: the plan shows an update, and
// Update waits for the transition instead of starting one again. An
// object that is being deleted cannot be kept: its plan is a replacement,
// whose Delete waits until it is gone.
func planResume[A any](ctx context.Context, o objectType[A], req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var status types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("status"), &status)...)
	deleting := status.ValueString() == cmp.Or(o.deleting, statusDeleting)
	if !deleting && !slices.Contains(o.resumable, status.ValueString()) {
		return
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("status"), types.StringUnknown())...)
	for name, unknown := range o.volatile {
		// A value the configuration sets is planned as it is.
		var configured attr.Value
		if d := req.Config.GetAttribute(ctx, path.Root(name), &configured); !d.HasError() && configured != nil && !configured.IsNull() {
			continue
		}
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root(name), unknown)...)
	}
	if deleting {
		resp.RequiresReplace.Append(path.Root("status"))
	}
}

// resumeObject is the first step of an Update: when object id is in a
// transitional status (an operation left unfinished by an interrupted or
// timed-out apply, or under way outside Terraform), it waits for that
// operation to end rather than send one again. It returns the object as it
// then is; a creation that ended in the error status is an error.
func resumeObject[A any](ctx context.Context, c *Client, o objectType[A], id string) (*A, error) {
	obj, err := o.get(c, ctx, id)
	if err != nil || !slices.Contains(o.transitional, o.status(obj)) {
		return obj, err
	}
	status := o.status(obj)
	tflog.Info(ctx, "resuming: waiting for the "+o.kind+"'s operation under way to end", map[string]any{"id": id, "status": status})
	obj, err = o.settle(ctx, c, id, o.kind+" "+id+" to end its "+status+" operation")
	if err != nil {
		return nil, err
	}
	if status == statusCreating && o.status(obj) == statusError {
		return obj, errors.New("the creation of " + o.kind + " " + id + " failed: its status is " + statusError +
			"; replace it (terraform apply -replace=ADDRESS) or delete it")
	}
	return obj, nil
}

// awaitCreation is creation.Await for an adopted object of o: it waits
// until the object leaves its transitional status and fails when the
// creation failed (the error status).
func awaitCreation[A any](c *Client, o objectType[A], what string) func(ctx context.Context, id string) error {
	return func(ctx context.Context, id string) error {
		obj, err := o.settle(ctx, c, id, what+" (adopted "+o.kind+" "+id+")")
		if err != nil {
			return err
		}
		if s := o.status(obj); s == statusError {
			return errors.New(what + " failed: the " + o.kind + " " + id + " that the lost request made is in status " + s)
		}
		return nil
	}
}

// deleteObject is the Delete of an SDRS resource: bounded by the state's
// delete timeout, it submits the deletion of object id, waits for the job
// and then until the object is gone (deleteByJob, which resumes a deletion
// already under way). An object already gone is deleted; an interrupted or
// timed-out wait is an error that says how to resume.
func deleteObject[A any](ctx context.Context, c *Client, o objectType[A], id string, timeout deadline.Getter,
	submit func(ctx context.Context) (string, error), resp *resource.DeleteResponse,
) {
	ctx, cancel, ok := deadline.Bound(ctx, timeout, o.timeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	err := c.deleteByJob(ctx, deletion{Kind: o.kind, ID: id, Op: o.op + ".delete", Submit: submit, Status: o.statusOf(c, id),
		Transitional: o.transitional, Deleting: o.deleting})
	switch {
	case err == nil:
	case apierr.Interrupted(err) || apierr.TimedOut(err):
		apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseDelete, "deleting", o.typeName, id, err)
	default:
		o.addError(&resp.Diagnostics, "deleting", id, err)
	}
}
