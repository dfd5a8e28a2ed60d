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

const shareGroupSnapshotTypeName = "continuity_manila_share_group_snapshot"

// shareGroupSnapshotDefaultTimeout bounds each create, update or delete with its waits.
const shareGroupSnapshotDefaultTimeout = 10 * time.Minute

var (
	_ resource.ResourceWithConfigure   = (*shareGroupSnapshotResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*shareGroupSnapshotResource)(nil)
	_ resource.ResourceWithImportState = (*shareGroupSnapshotResource)(nil)
)

// NewShareGroupSnapshotResource returns the continuity_manila_share_group_snapshot resource.
func NewShareGroupSnapshotResource() resource.Resource { return &shareGroupSnapshotResource{} }

type shareGroupSnapshotResource struct{ client *Client }

func (r *shareGroupSnapshotResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = shareGroupSnapshotTypeName
}

func (r *shareGroupSnapshotResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	stable := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A snapshot of a Manila share group (microversion 2.31 on): every share of the group captured at " +
			"the same point in time, one member each. Restore it with a `continuity_manila_share_group` whose " +
			"`source_share_group_snapshot_id` is this snapshot. The group must be `available`, as must each of its shares. On a " +
			"Manila of Newton or earlier use `continuity_manila_consistency_group_snapshot`: the provider refuses this resource " +
			"there at plan time. Name and description change in place; changing the group replaces the snapshot.\n\n" +
			"**Which shares.** The snapshot captures the shares in the group when it is taken. A configuration that creates the " +
			"shares with it must say so with `depends_on` (the snapshot refers to the group, not to its shares); the provider " +
			"waits for the group's shares that are still being created, extended or reverted before it takes the snapshot.\n\n" +
			"**Lost answers.** When the answer to a creation is lost, the provider adopts the snapshot of the same group with the " +
			"same name and description created since the request was first sent; two such snapshots are an error that names both.\n\n" +
			"**Interruptions.** An apply interrupted while the snapshot is being created leaves it in the state, not tainted, and " +
			"the next apply waits for the creation in place; an interrupted destroy is resumed by the next one.\n\n**Timeouts.** `timeouts = { create, update, delete }` bound each operation with its waits; each defaults to 10 minutes.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The snapshot's ID (a UUID).", PlanModifiers: stable},
			"share_group_id": schema.StringAttribute{Required: true,
				MarkdownDescription: "ID of the share group to snapshot. Changing it replaces the snapshot.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()}, Validators: []validator.String{uuidValidator()}},
			"name": schema.StringAttribute{Optional: true, MarkdownDescription: "Name, at most 255 characters.",
				Validators: []validator.String{nameValidator()}},
			"description": schema.StringAttribute{Optional: true, MarkdownDescription: "Description, at most 255 characters.",
				Validators: []validator.String{stringvalidator.LengthBetween(1, 255)}},
			"status":     schema.StringAttribute{Computed: true, MarkdownDescription: "Status: `creating`, `available`, `deleting`, `error` or `error_deleting`."},
			"project_id": schema.StringAttribute{Computed: true, MarkdownDescription: "The owning project.", PlanModifiers: stable},
			"created_at": schema.StringAttribute{Computed: true, MarkdownDescription: "Creation time (UTC, no zone).", PlanModifiers: stable},
			"members": schema.ListNestedAttribute{Computed: true, MarkdownDescription: "The shares captured, one member each.",
				PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":       schema.StringAttribute{Computed: true, MarkdownDescription: "The member's ID (a restored share's `source_share_group_snapshot_member_id`)."},
					"share_id": schema.StringAttribute{Computed: true, MarkdownDescription: "The share captured."},
					"size":     schema.Int64Attribute{Computed: true, MarkdownDescription: "Size in GiB."},
				}}},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *shareGroupSnapshotResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *shareGroupSnapshotResource) snapshots() watcher[ShareGroupSnapshot] {
	return watcher[ShareGroupSnapshot]{kind: groupSnapshotKind, op: "manila.share_group_snapshot", get: r.client.GetShareGroupSnapshot,
		failure: []string{statusError, statusErrorDeleting}, status: func(s *ShareGroupSnapshot) string { return s.Status }}
}

func groupSnapshotFailure(*ShareGroupSnapshot) string {
	return "Manila records the reason as a user message; delete the snapshot (an admin can force-delete it) and take another"
}

// ModifyPlan refuses share group snapshots on a Manila of Newton or
// earlier, plans an update for a snapshot an earlier apply left creating,
// and refuses to replace it by a snapshot of a group Manila would not
// snapshot.
func (r *shareGroupSnapshotResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	if !versionRefused(ctx, r.client, shareGroupAPI, shareGroupSnapshotTypeName, "", &resp.Diagnostics) || req.State.Raw.IsNull() {
		return
	}
	var state, plan shareGroupSnapshotModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if resumeTransition(state.Status, &plan.Status, resp) {
		plan.CreatedAt = types.StringUnknown()
		plan.Members = types.ListUnknown(types.ObjectType{AttrTypes: groupMemberAttrTypes})
	}
	if g := plan.ShareGroupID; !g.IsUnknown() && !g.Equal(state.ShareGroupID) {
		group, err := r.client.GetShareGroup(ctx, g.ValueString())
		reason := ""
		switch {
		case apierr.IsNotFound(err):
			reason = fmt.Sprintf("share_group_id does not name a share group of this project (%s)", g.ValueString())
		case err != nil:
			apierr.AddError(&resp.Diagnostics, "checking the share group of", shareGroupSnapshotTypeName, g.ValueString(), err)
		case group.Status != statusAvailable && group.Status != statusCreating:
			reason = fmt.Sprintf("share_group_id must name an available group, and %s is %s", group.ID, group.Status)
		}
		if reason != "" {
			resp.Diagnostics.AddAttributeError(path.Root("share_group_id"), "Impossible replacement of the share group snapshot",
				"This change replaces the snapshot: Terraform would destroy it, then Manila would refuse the new one: "+reason+". Nothing has been changed.")
		}
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

func (r *shareGroupSnapshotResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan shareGroupSnapshotModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Create, shareGroupSnapshotDefaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	in := ShareGroupSnapshotCreate{ShareGroupID: plan.ShareGroupID.ValueString(), Name: stringPtr(plan.Name), Description: stringPtr(plan.Description)}
	if err := r.client.awaitGroupShares(ctx, in.ShareGroupID); err != nil {
		apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseCreate, "waiting for the shares of the group of", shareGroupSnapshotTypeName, "", err)
		return
	}
	created, adopted, err := adopt.Create[*ShareGroupSnapshot]{
		Operation: fmt.Sprintf("%s %q of share group %s", groupSnapshotKind, conv.Deref(in.Name), in.ShareGroupID),
		Create: func(ctx context.Context) (*ShareGroupSnapshot, error) {
			return r.client.CreateShareGroupSnapshot(ctx, in)
		},
		Find: func(ctx context.Context, since time.Time) (*ShareGroupSnapshot, bool, error) {
			return r.client.FindCreatedShareGroupSnapshot(ctx, in, since)
		},
	}.Do(ctx)
	if err != nil {
		addShareGroupSnapshotError(&resp.Diagnostics, "creating", "", err)
		return
	}
	tflog.Info(ctx, "created share group snapshot", map[string]any{"id": created.ID, "adopted": adopted})
	plan.fromAPI(created)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.awaitCreation(ctx, created.ID, apierr.PhaseCreate, &plan, &resp.State, &resp.Diagnostics)
}

func (r *shareGroupSnapshotResource) awaitCreation(ctx context.Context, id string, phase apierr.Phase, m *shareGroupSnapshotModel,
	state *tfsdk.State, diags *diag.Diagnostics,
) {
	awaitAvailable(ctx, r.snapshots(), shareGroupSnapshotTypeName, id, phase, groupSnapshotFailure, m, (*shareGroupSnapshotModel).fromAPI, state, diags)
}

func (r *shareGroupSnapshotResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state shareGroupSnapshotModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	s, ok := readOrGone(ctx, resp, shareGroupSnapshotTypeName, id, r.client.GetShareGroupSnapshot)
	if !ok {
		return
	}
	state.fromAPI(s)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *shareGroupSnapshotResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state shareGroupSnapshotModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, shareGroupSnapshotDefaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	id := state.ID.ValueString()
	s, err := renameOrRead(ctx, id, !plan.Name.Equal(state.Name) || !plan.Description.Equal(state.Description), r.client.GetShareGroupSnapshot,
		func(ctx context.Context, id string) (*ShareGroupSnapshot, error) {
			return r.client.UpdateShareGroupSnapshot(ctx, id, NameUpdate{Name: stringPtr(plan.Name), Description: stringPtr(plan.Description)})
		})
	if err != nil {
		addShareGroupSnapshotError(&resp.Diagnostics, "updating", id, err)
		return
	}
	plan.fromAPI(s)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if s.Status == statusCreating && !resp.Diagnostics.HasError() {
		r.awaitCreation(ctx, id, apierr.PhaseUpdate, &plan, &resp.State, &resp.Diagnostics)
	}
}

func (r *shareGroupSnapshotResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state shareGroupSnapshotModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, state.Timeouts.Delete, shareGroupSnapshotDefaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	id := state.ID.ValueString()
	var err error
	if state.Status.ValueString() != statusDeleting {
		err = r.snapshots().deleteWhenSettled(ctx, id, r.client.DeleteShareGroupSnapshot, groupSnapshotFailure)
	}
	if apierr.IsNotFound(err) {
		return
	}
	if err != nil {
		addShareGroupSnapshotError(&resp.Diagnostics, "deleting", id, err)
		return
	}
	if err := r.snapshots().untilDeleted(ctx, id, groupSnapshotFailure); err != nil {
		apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseDelete, "waiting for the deletion of", shareGroupSnapshotTypeName, id, err)
	}
}

func (r *shareGroupSnapshotResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// addShareGroupSnapshotError reports an API error with advice specific to group snapshots.
func addShareGroupSnapshotError(diags *diag.Diagnostics, action, id string, err error) {
	var e *apierr.Error
	if errors.As(err, &e) {
		switch {
		case e.StatusCode == http.StatusConflict && strings.Contains(e.Message, "Invalid share group"):
			e.Hint = "Manila snapshots only an available share group whose shares are all available: wait for them, or check their status."
		case e.StatusCode == http.StatusBadRequest && strings.Contains(e.Message, "could not be found"):
			e.Hint = "The share group does not exist in this project: check share_group_id."
		}
	}
	apierr.AddError(diags, action, shareGroupSnapshotTypeName, id, err)
}
