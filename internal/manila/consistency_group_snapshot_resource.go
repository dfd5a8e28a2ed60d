package manila

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/adopt"
	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/continuity-dr/terraform-provider-continuity/internal/deadline"
	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

const consistencyGroupSnapshotTypeName = "continuity_manila_consistency_group_snapshot"

// consistencyGroupSnapshotDefaultTimeout bounds each create, update or
// delete with its waits.
const consistencyGroupSnapshotDefaultTimeout = 10 * time.Minute

var (
	_ resource.ResourceWithConfigure   = (*consistencyGroupSnapshotResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*consistencyGroupSnapshotResource)(nil)
	_ resource.ResourceWithImportState = (*consistencyGroupSnapshotResource)(nil)
)

// NewConsistencyGroupSnapshotResource returns the continuity_manila_consistency_group_snapshot resource.
func NewConsistencyGroupSnapshotResource() resource.Resource {
	return &consistencyGroupSnapshotResource{}
}

type consistencyGroupSnapshotResource struct{ client *Client }

func (r *consistencyGroupSnapshotResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = consistencyGroupSnapshotTypeName
}

func (r *consistencyGroupSnapshotResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	stable := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A snapshot of a Manila consistency group: every share of the group captured at the same point in time. " +
			"Restore it by creating a `continuity_manila_consistency_group` with `source_cgsnapshot_id`. The group must be " +
			"`available`, as must each of its shares. Name and description change in place; changing the group replaces the " +
			"snapshot, and a replacement by a snapshot of a group that does not exist, is in error or is being deleted is refused at plan time.\n\n" +
			"**Lost answers.** Manila's creation has no idempotency token, and names need not be unique. When the answer to a " +
			"creation is lost (the connection closed after the request was sent, or a 5xx), the provider looks for a snapshot of the " +
			"same group with the same name and description, created since the request was first sent, and adopts it instead of " +
			"taking a second one. Where two such snapshots exist (the same name taken twice at the same moment) Manila cannot tell " +
			"which one the lost request made: the provider stops with an error naming both rather than guess. Unique names avoid it.\n\n" +
			"**Interruptions.** An apply interrupted while the snapshot is being created (Ctrl-C) leaves it in the state, not " +
			"tainted, and the next apply shows an in-place update that waits for the creation to end; so does a snapshot whose " +
			"creation timed out after `terraform untaint`. A destroy interrupted while the snapshot is deleting is resumed by the " +
			"next destroy, which waits for the deletion under way.\n\n**Timeouts.** `timeouts = { create, update, delete }` bound each operation with its waits; each defaults to 10 minutes.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The snapshot's ID (a UUID).", PlanModifiers: stable},
			"consistency_group_id": schema.StringAttribute{
				Required: true, MarkdownDescription: "ID of the consistency group to snapshot. Changing it replaces the snapshot.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{uuidValidator()},
			},
			"name": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Name, at most 255 characters.",
				Validators: []validator.String{nameValidator()},
			},
			"description": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Description, at most 255 characters.",
				Validators: []validator.String{stringvalidator.LengthAtMost(255)},
			},
			"status": schema.StringAttribute{Computed: true, MarkdownDescription: "Status: `creating`, `available`, `deleting`, `error` or `error_deleting`."},
			"created_at": schema.StringAttribute{
				Computed: true, MarkdownDescription: "Creation time, as Manila reports it (UTC, no zone).", PlanModifiers: stable,
			},
			"members": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The shares the snapshot captured, one member each.",
				PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":             schema.StringAttribute{Computed: true, MarkdownDescription: "The member's ID."},
					"share_id":       schema.StringAttribute{Computed: true, MarkdownDescription: "The share captured."},
					"share_type_id":  schema.StringAttribute{Computed: true, MarkdownDescription: "The share's type."},
					"share_protocol": schema.StringAttribute{Computed: true, MarkdownDescription: "The share's protocol (NFS, CIFS, ...)."},
					"size":           schema.Int64Attribute{Computed: true, MarkdownDescription: "Size in GiB."},
					"created_at":     schema.StringAttribute{Computed: true, MarkdownDescription: "Creation time of the member."},
				}},
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *consistencyGroupSnapshotResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// snapshotFailureMessage explains a snapshot in error.
func snapshotFailureMessage(*CGSnapshot) string {
	return "Manila records no reason on the snapshot; the share service of the group's host logged it. " +
		"Delete the snapshot (an admin can force-delete it) and take another"
}

// snapshots waits on consistency group snapshots, whose failures end in
// error or error_deleting (manila.md §2.2).
func (r *consistencyGroupSnapshotResource) snapshots() watcher[CGSnapshot] {
	return watcher[CGSnapshot]{
		kind: cgsnapshotKind, op: "manila.consistency_group_snapshot", get: r.client.GetCGSnapshot, failure: []string{statusError, statusErrorDeleting},
		status: func(s *CGSnapshot) string { return s.Status },
	}
}

// read reads a snapshot and its members.
func (r *consistencyGroupSnapshotResource) read(ctx context.Context, id string) (*CGSnapshot, []CGSnapshotMember, error) {
	s, err := r.client.GetCGSnapshot(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	members, err := r.client.ListCGSnapshotMembers(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	return s, members, nil
}

// readBack reads the snapshot and its members into m and sets the state
// to it; it returns the error of the read, and leaves the state alone then.
func (r *consistencyGroupSnapshotResource) readBack(ctx context.Context, id string, m *consistencyGroupSnapshotModel, state *tfsdk.State,
	diags *diag.Diagnostics,
) error {
	s, members, err := r.read(ctx, id)
	if err != nil {
		return err
	}
	m.fromAPI(s, members)
	diags.Append(state.Set(ctx, m)...)
	return nil
}

// ModifyPlan plans an update for a snapshot that an earlier apply left
// creating (interrupted, or timed out and untainted, or imported while
// creating): its status, creation time and members are unknown, and Update
// waits for the creation instead of taking another snapshot. A snapshot
// that is deleting cannot be kept: it is replaced. A replacement of a
// snapshot by one of a group that Manila would not snapshot is refused
// before the old snapshot is destroyed.
func (r *consistencyGroupSnapshotResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	// Consistency groups exist from 2.4 to 2.30 only: refused at plan
	// time on a server of Ocata or later (or before Liberty).
	if !versionRefused(ctx, r.client, consistencyGroupAPI, consistencyGroupSnapshotTypeName, "", &resp.Diagnostics) || req.State.Raw.IsNull() {
		return
	}
	var state, plan consistencyGroupSnapshotModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if resumeTransition(state.Status, &plan.Status, resp) {
		plan.CreatedAt = types.StringUnknown()
		plan.Members = types.ListUnknown(types.ObjectType{AttrTypes: memberAttrTypes})
	}
	if group := plan.ConsistencyGroupID; !group.IsUnknown() && !group.Equal(state.ConsistencyGroupID) {
		r.checkGroup(ctx, group.ValueString(), &resp.Diagnostics)
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

// checkGroup refuses to replace a snapshot by one of group id when Manila
// would refuse to snapshot it: it does not exist, or is in error or being
// deleted (a group still creating may be available by then).
func (r *consistencyGroupSnapshotResource) checkGroup(ctx context.Context, id string, diags *diag.Diagnostics) {
	if r.client == nil {
		return
	}
	cg, err := r.client.GetConsistencyGroup(ctx, id)
	reason := ""
	switch {
	case apierr.IsNotFound(err):
		reason = fmt.Sprintf("consistency_group_id does not name a consistency group of this project (%s)", id)
	case err != nil:
		apierr.AddError(diags, "checking the consistency group of", consistencyGroupSnapshotTypeName, id, err)
	case cg.Status != statusAvailable && cg.Status != statusCreating:
		reason = fmt.Sprintf("consistency_group_id must name an available group, and %s is %s", id, cg.Status)
	}
	if reason != "" {
		diags.AddAttributeError(path.Root("consistency_group_id"), "Impossible replacement of the consistency group snapshot",
			"This change replaces the snapshot: Terraform would destroy it, then Manila would refuse the new one: "+reason+". Nothing has been changed.")
	}
}

func (r *consistencyGroupSnapshotResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan consistencyGroupSnapshotModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Create, consistencyGroupSnapshotDefaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	// No idempotency token: a creation whose answer was lost is looked up
	// (same group, name and description, created since the first attempt)
	// and adopted before it is sent again.
	in := plan.toAPI()
	created, adopted, err := adopt.Create[*CGSnapshot]{
		Operation: fmt.Sprintf("%s %q of consistency group %s", cgsnapshotKind, conv.Deref(in.Name), in.ConsistencyGroupID),
		Create:    func(ctx context.Context) (*CGSnapshot, error) { return r.client.CreateCGSnapshot(ctx, in) },
		Find: func(ctx context.Context, since time.Time) (*CGSnapshot, bool, error) {
			return r.client.FindCreatedCGSnapshot(ctx, in, since)
		},
	}.Do(ctx)
	if err != nil {
		addConsistencyGroupSnapshotError(&resp.Diagnostics, "creating", "", err)
		return
	}
	tflog.Info(ctx, "created consistency group snapshot", map[string]any{"id": created.ID, "adopted": adopted})
	plan.fromAPI(created, nil)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.awaitCreation(ctx, created.ID, apierr.PhaseCreate, &plan, &resp.State, &resp.Diagnostics)
}

// awaitCreation waits for the creation of snapshot id to end, then reads
// it and its members back into m and state; a wait that ends early is
// reported for its phase (an interruption is a warning: the next apply
// resumes), with the state showing the status it ended in.
func (r *consistencyGroupSnapshotResource) awaitCreation(ctx context.Context, id string, phase apierr.Phase, m *consistencyGroupSnapshotModel,
	state *tfsdk.State, diags *diag.Diagnostics,
) {
	if _, err := r.snapshots().untilAvailable(ctx, id, snapshotFailureMessage); err != nil {
		_ = r.readBack(ctx, id, m, state, diags) // The state shows the status the wait ended in.
		apierr.AddWaitError(diags, phase, "waiting for the creation of", consistencyGroupSnapshotTypeName, id, err)
		return
	}
	if err := r.readBack(ctx, id, m, state, diags); err != nil {
		apierr.AddError(diags, "reading back", consistencyGroupSnapshotTypeName, id, err)
	}
}

func (r *consistencyGroupSnapshotResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state consistencyGroupSnapshotModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	s, members, err := r.read(ctx, id)
	if apierr.IsNotFound(err) {
		apierr.RemoveGone(ctx, resp, apierr.Gone{TypeName: consistencyGroupSnapshotTypeName, ID: id, Service: "Manila"})
		return
	}
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", consistencyGroupSnapshotTypeName, id, err)
		return
	}
	state.fromAPI(s, members)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *consistencyGroupSnapshotResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state consistencyGroupSnapshotModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, consistencyGroupSnapshotDefaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.ID.ValueString()
	if !plan.Name.Equal(state.Name) || !plan.Description.Equal(state.Description) {
		if _, err := r.client.UpdateCGSnapshot(ctx, id, plan.toUpdate()); err != nil {
			addConsistencyGroupSnapshotError(&resp.Diagnostics, "updating", id, err)
			return
		}
	}
	if err := r.readBack(ctx, id, &plan, &resp.State, &resp.Diagnostics); err != nil {
		apierr.AddError(&resp.Diagnostics, "reading back", consistencyGroupSnapshotTypeName, id, err)
		return
	}
	if plan.Status.ValueString() == statusCreating && !resp.Diagnostics.HasError() {
		// A creation that an earlier apply did not see to its end
		// (ModifyPlan planned this update for it): wait for it.
		r.awaitCreation(ctx, id, apierr.PhaseUpdate, &plan, &resp.State, &resp.Diagnostics)
	}
}

func (r *consistencyGroupSnapshotResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state consistencyGroupSnapshotModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, state.Timeouts.Delete, consistencyGroupSnapshotDefaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.ID.ValueString()
	var err error
	if state.Status.ValueString() == statusDeleting {
		// An earlier destroy was interrupted or timed out: the deletion
		// is under way, and Manila would refuse another (409).
		tflog.Info(ctx, "consistency group snapshot already deleting, waiting", map[string]any{"id": id})
	} else {
		err = r.snapshots().deleteWhenSettled(ctx, id, r.client.DeleteCGSnapshot, snapshotFailureMessage)
	}
	if apierr.IsNotFound(err) {
		return
	}
	if err != nil {
		addConsistencyGroupSnapshotError(&resp.Diagnostics, "deleting", id, err)
		return
	}
	if err := r.snapshots().untilDeleted(ctx, id, snapshotFailureMessage); err != nil {
		var se *wait.StateError
		if errors.As(err, &se) {
			err = fmt.Errorf("%w. The share service failed to delete the snapshot: an admin can remove it with the force_delete action "+
				"(manila cg-snapshot-delete --force), then apply again", err)
		}
		apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseDelete, "waiting for the deletion of", consistencyGroupSnapshotTypeName, id, err)
	}
}

func (r *consistencyGroupSnapshotResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// addConsistencyGroupSnapshotError reports an API error with advice specific to snapshots.
func addConsistencyGroupSnapshotError(diags *diag.Diagnostics, action, id string, err error) {
	var e *apierr.Error
	if errors.As(err, &e) {
		switch {
		case e.StatusCode == http.StatusConflict && strings.Contains(e.Message, "ConsistencyGroup"):
			e.Hint = "Manila snapshots only an available consistency group whose shares are all available: wait for them, or check their status."
		case e.StatusCode == http.StatusBadRequest && strings.Contains(e.Message, "could not be found"):
			e.Hint = "The consistency group does not exist in this project: check consistency_group_id."
		}
	}
	apierr.AddError(diags, action, consistencyGroupSnapshotTypeName, id, err)
}
