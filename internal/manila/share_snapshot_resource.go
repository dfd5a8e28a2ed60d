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
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

const shareSnapshotTypeName = "continuity_manila_share_snapshot"

// shareSnapshotDefaultTimeout bounds each create, update or delete with its waits.
const shareSnapshotDefaultTimeout = 10 * time.Minute

var (
	_ resource.ResourceWithConfigure   = (*shareSnapshotResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*shareSnapshotResource)(nil)
	_ resource.ResourceWithImportState = (*shareSnapshotResource)(nil)
)

// NewShareSnapshotResource returns the continuity_manila_share_snapshot resource.
func NewShareSnapshotResource() resource.Resource { return &shareSnapshotResource{} }

type shareSnapshotResource struct{ client *Client }

func (r *shareSnapshotResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = shareSnapshotTypeName
}

func (r *shareSnapshotResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	stable := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	stableInt := []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A snapshot of one Manila share, on any release. Create a share from it (`snapshot_id` of " +
			"`continuity_manila_share`), or revert the share to it in place while it is the share's latest (`revert_to_snapshot_id`). " +
			"The share must be `available` and its type must have `snapshot_support`; the provider refuses at plan time a share " +
			"whose type cannot be snapshotted. To snapshot several shares at one point in time, put them in a share group " +
			"and use `continuity_manila_share_group_snapshot`. Name and description change in place; changing the share replaces the snapshot.\n\n" +
			"**Lost answers.** The creation has no idempotency token: when its answer is lost, the provider adopts the snapshot " +
			"of the same share with the same name and description created since the request was first sent; two such snapshots " +
			"are an error that names both.\n\n" +
			"**Interruptions.** An apply interrupted while the snapshot is being created leaves it in the state, not tainted, and " +
			"the next apply waits for the creation in place; an interrupted destroy is resumed by the next one.\n\n**Timeouts.** `timeouts = { create, update, delete }` bound each operation with its waits; each defaults to 10 minutes.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The snapshot's ID (a UUID).", PlanModifiers: stable},
			"share_id": schema.StringAttribute{Required: true, MarkdownDescription: "ID of the share to snapshot. Changing it replaces the snapshot.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}, Validators: []validator.String{uuidValidator()}},
			"name": schema.StringAttribute{Optional: true, MarkdownDescription: "Name, at most 255 characters.",
				Validators: []validator.String{nameValidator()}},
			"description": schema.StringAttribute{Optional: true, MarkdownDescription: "Description, at most 255 characters.",
				Validators: []validator.String{stringvalidator.LengthBetween(1, 255)}},
			"status": schema.StringAttribute{Computed: true,
				MarkdownDescription: "Status: `creating`, `available`, `restoring` (while a share reverts to it), `deleting`, `error` or `error_deleting`."},
			"size":        schema.Int64Attribute{Computed: true, MarkdownDescription: "Size in GiB.", PlanModifiers: stableInt},
			"share_size":  schema.Int64Attribute{Computed: true, MarkdownDescription: "The share's size when it was taken, in GiB.", PlanModifiers: stableInt},
			"share_proto": schema.StringAttribute{Computed: true, MarkdownDescription: "The share's protocol.", PlanModifiers: stable},
			"project_id":  schema.StringAttribute{Computed: true, MarkdownDescription: "The owning project (microversion 2.17 on).", PlanModifiers: stable},
			"created_at":  schema.StringAttribute{Computed: true, MarkdownDescription: "Creation time (UTC, no zone).", PlanModifiers: stable},
			"timeouts":    timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *shareSnapshotResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// snapshots waits on share snapshots.
func (r *shareSnapshotResource) snapshots() watcher[ShareSnapshot] {
	return watcher[ShareSnapshot]{kind: shareSnapshotKind, op: "manila.share_snapshot", get: r.client.GetShareSnapshot,
		failure: []string{statusError, statusErrorDeleting}, status: func(s *ShareSnapshot) string { return s.Status }}
}

// shareSnapshotFailure explains a snapshot in error.
func shareSnapshotFailure(*ShareSnapshot) string {
	return "Manila records the reason as a user message of the snapshot; delete the snapshot (an admin can force-delete it) and take another"
}

// ModifyPlan refuses a snapshot of a share that cannot be snapshotted,
// and plans an update for a snapshot an earlier apply left creating.
func (r *shareSnapshotResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.client == nil {
		return
	}
	var plan shareSnapshotModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var state shareSnapshotModel
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if resumeTransition(state.Status, &plan.Status, resp) {
			plan.CreatedAt = types.StringUnknown()
		}
	}
	if share := plan.ShareID; !share.IsUnknown() && !share.Equal(state.ShareID) {
		r.checkShare(ctx, share.ValueString(), &resp.Diagnostics)
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

// checkShare refuses at plan time a snapshot Manila would refuse: of a
// share that does not exist, whose type has no snapshot_support (a 422,
// manila-groups.md §4), or that is in error or being deleted.
func (r *shareSnapshotResource) checkShare(ctx context.Context, id string, diags *diag.Diagnostics) {
	s, err := r.client.GetShare(ctx, id)
	reason := ""
	switch {
	case apierr.IsNotFound(err):
		reason = fmt.Sprintf("share_id does not name a share of this project (%s)", id)
	case err != nil:
		apierr.AddError(diags, "checking the share of", shareSnapshotTypeName, id, err)
	case !s.SnapshotSupport:
		reason = fmt.Sprintf("the share's type (%s) has no snapshot_support: its shares cannot be snapshotted", conv.Deref(s.ShareTypeName))
	case s.Status == statusDeleting || strings.Contains(s.Status, "error"):
		reason = fmt.Sprintf("share_id must name an available share, and %s is %s", id, s.Status)
	}
	if reason != "" {
		diags.AddAttributeError(path.Root("share_id"), "Impossible share snapshot",
			"Manila would refuse this snapshot: "+reason+". Nothing has been changed.")
	}
}

func (r *shareSnapshotResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan shareSnapshotModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Create, shareSnapshotDefaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	shareID, name, description := plan.ShareID.ValueString(), plan.Name.ValueString(), plan.Description.ValueString()
	// A share being extended or reverted cannot be snapshotted yet.
	if _, err := r.client.awaitShare(ctx, shareID, "settle"); err != nil {
		apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseCreate, "waiting for the share of", shareSnapshotTypeName, shareID, err)
		return
	}
	created, adopted, err := adopt.Create[*ShareSnapshot]{
		Operation: fmt.Sprintf("%s %q of share %s", shareSnapshotKind, name, shareID),
		Create: func(ctx context.Context) (*ShareSnapshot, error) {
			return r.client.CreateShareSnapshot(ctx, shareID, name, description)
		},
		Find: func(ctx context.Context, since time.Time) (*ShareSnapshot, bool, error) {
			return r.client.FindCreatedShareSnapshot(ctx, shareID, name, description, since)
		},
	}.Do(ctx)
	if err != nil {
		addShareSnapshotError(&resp.Diagnostics, "creating", "", err)
		return
	}
	tflog.Info(ctx, "created share snapshot", map[string]any{"id": created.ID, "adopted": adopted})
	plan.fromAPI(created)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.awaitCreation(ctx, created.ID, apierr.PhaseCreate, &plan, &resp.State, &resp.Diagnostics)
}

func (r *shareSnapshotResource) awaitCreation(ctx context.Context, id string, phase apierr.Phase, m *shareSnapshotModel, state *tfsdk.State,
	diags *diag.Diagnostics,
) {
	awaitAvailable(ctx, r.snapshots(), shareSnapshotTypeName, id, phase, shareSnapshotFailure, m, (*shareSnapshotModel).fromAPI, state, diags)
}

func (r *shareSnapshotResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state shareSnapshotModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	s, ok := readOrGone(ctx, resp, shareSnapshotTypeName, id, r.client.GetShareSnapshot)
	if !ok {
		return
	}
	state.fromAPI(s)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *shareSnapshotResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state shareSnapshotModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, shareSnapshotDefaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	id := state.ID.ValueString()
	s, err := renameOrRead(ctx, id, !plan.Name.Equal(state.Name) || !plan.Description.Equal(state.Description), r.client.GetShareSnapshot,
		func(ctx context.Context, id string) (*ShareSnapshot, error) {
			return r.client.UpdateShareSnapshot(ctx, id, conv.Ptr(plan.Name.ValueString()), conv.Ptr(plan.Description.ValueString()))
		})
	if err != nil {
		addShareSnapshotError(&resp.Diagnostics, "updating", id, err)
		return
	}
	plan.fromAPI(s)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if s.Status == statusCreating && !resp.Diagnostics.HasError() {
		r.awaitCreation(ctx, id, apierr.PhaseUpdate, &plan, &resp.State, &resp.Diagnostics)
	}
}

func (r *shareSnapshotResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state shareSnapshotModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, state.Timeouts.Delete, shareSnapshotDefaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	id := state.ID.ValueString()
	var err error
	if state.Status.ValueString() != statusDeleting {
		err = r.client.DeleteShareSnapshot(ctx, id)
		if isSnapshotStatusRefusal(err) {
			// Creating, or restoring while its share reverts: wait, then delete.
			var s *ShareSnapshot
			s, err = r.snapshots().wait(ctx, id, "to settle before deletion", "settle", []string{statusCreating, statusRestoring},
				[]string{statusAvailable, statusError}, wait.NotFoundIsSuccess, shareSnapshotFailure)
			if err == nil && s != nil {
				err = r.client.DeleteShareSnapshot(ctx, id)
			}
		}
	}
	if apierr.IsNotFound(err) {
		return
	}
	if err != nil {
		addShareSnapshotError(&resp.Diagnostics, "deleting", id, err)
		return
	}
	if err := r.snapshots().untilDeleted(ctx, id, shareSnapshotFailure); err != nil {
		apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseDelete, "waiting for the deletion of", shareSnapshotTypeName, id, err)
	}
}

func (r *shareSnapshotResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// isSnapshotStatusRefusal reports Manila's 400 for the deletion of a
// snapshot that is neither available nor in error (manila-groups.md §4).
func isSnapshotStatusRefusal(err error) bool {
	var e *apierr.Error
	return errors.As(err, &e) && e.StatusCode == http.StatusBadRequest && strings.Contains(e.Message, "Share Snapshot status must be")
}

// addShareSnapshotError reports an API error with advice specific to share snapshots.
func addShareSnapshotError(diags *diag.Diagnostics, action, id string, err error) {
	var e *apierr.Error
	if errors.As(err, &e) {
		switch {
		case e.StatusCode == http.StatusUnprocessableEntity:
			e.Hint = "The share's type has no snapshot_support: use a share type that has it (see continuity_manila_share_type)."
		case e.StatusCode == http.StatusBadRequest && strings.Contains(e.Message, "Source share status"):
			e.Hint = "Manila snapshots only an available share: wait for it, or check its status."
		}
	}
	apierr.AddError(diags, action, shareSnapshotTypeName, id, err)
}
