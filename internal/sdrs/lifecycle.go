package sdrs

import (
	"context"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/deadline"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The life cycle every SDRS resource shares: its object is created through
// a job (createObject), read by ID into the state (storeObject,
// readObject) and deleted through a job (deleteObject). Each resource
// describes its object once, in an objectType, and its Create, Read and
// Delete call these.

// objectType describes the object of a resource: an API object A.
type objectType[A any] struct {
	// typeName is the resource's Terraform type, for messages.
	typeName string
	// kind names the object in messages: "protection group".
	kind string
	// entity is the job entity that names a new object (entityServerGroupID).
	entity string
	// timeout is the default of each of the resource's timeouts.
	timeout time.Duration
	// get reads the object by ID (Client.GetGroup).
	get func(c *Client, ctx context.Context, id string) (*A, error)
	// addError reports an error of an operation on the object (the
	// resource's add<Object>Error).
	addError func(diags *diag.Diagnostics, action, id string, err error)
}

// apiModel is a resource model M that fromAPI fills from the API's object
// A, setting every attribute the API returns.
type apiModel[A, M any] interface {
	*M
	fromAPI(obj *A)
}

// createObject is the Create of an SDRS resource: bounded by the plan's
// create timeout, it submits the creation (named name) and records the new
// object's ID before it waits for the job (createByJob); then, whenever the
// ID is known, it stores the object read back, also after a failed job.
func createObject[A, M any, PM apiModel[A, M]](ctx context.Context, c *Client, o objectType[A], plan M, timeout deadline.Getter,
	name string, submit func(ctx context.Context) (string, error), resp *resource.CreateResponse,
) {
	ctx, cancel, ok := deadline.Bound(ctx, timeout, o.timeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	id, err := c.createByJob(ctx, &resp.State, &resp.Diagnostics, creation{What: "creating " + o.kind + " " + name, Entity: o.entity, Submit: submit})
	if err != nil {
		o.addError(&resp.Diagnostics, "creating", id, err)
	}
	if id != "" {
		storeObject[A, M, PM](ctx, c, o, id, plan, &resp.State, &resp.Diagnostics)
	}
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
// the API, and removes the resource (apierr.RemoveGone) when its object no
// longer exists.
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

// deleteObject is the Delete of an SDRS resource: bounded by the state's
// delete timeout, it submits the deletion of object id, waits for the job
// and then until the object is gone (deleteByJob). An object already gone
// is deleted.
func deleteObject[A any](ctx context.Context, c *Client, o objectType[A], id string, timeout deadline.Getter,
	submit func(ctx context.Context) (string, error), resp *resource.DeleteResponse,
) {
	ctx, cancel, ok := deadline.Bound(ctx, timeout, o.timeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	get := func(ctx context.Context) error { _, err := o.get(c, ctx, id); return err }
	if err := c.deleteByJob(ctx, o.kind, id, submit, get); err != nil {
		o.addError(&resp.Diagnostics, "deleting", id, err)
	}
}
