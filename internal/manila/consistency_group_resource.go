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
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

const consistencyGroupTypeName = "continuity_manila_consistency_group"

// consistencyGroupDefaultTimeout bounds each create, update or delete with
// its waits, as the OpenStack provider's Manila resources do (manila.md §5).
const consistencyGroupDefaultTimeout = 10 * time.Minute

var (
	_ resource.ResourceWithConfigure   = (*consistencyGroupResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*consistencyGroupResource)(nil)
	_ resource.ResourceWithImportState = (*consistencyGroupResource)(nil)
)

// NewConsistencyGroupResource returns the continuity_manila_consistency_group resource.
func NewConsistencyGroupResource() resource.Resource { return &consistencyGroupResource{} }

type consistencyGroupResource struct{ client *Client }

func (r *consistencyGroupResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = consistencyGroupTypeName
}

func (r *consistencyGroupResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	stable := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Manila consistency group: shares placed in it can be snapshotted together at one point in time " +
			"(`continuity_manila_consistency_group_snapshot`) and restored together into a new group (`source_cgsnapshot_id`). " +
			"Consistency groups are an experimental API of Manila microversions 2.4 to 2.30 (Liberty to Newton); the provider " +
			"negotiates the microversion and sends the experimental header. Name and description change in place; the share " +
			"types, the share network and the source snapshot are fixed at creation: changing them replaces the group, and a " +
			"replacement that Manila would refuse (share types missing or disagreeing on `driver_handles_share_servers`, a share " +
			"network missing, needed or refused, a source snapshot missing or not available) is refused at plan time, before the " +
			"group is destroyed.\n\n" +
			"**Lost answers.** Manila's creation has no idempotency token, and names need not be unique. When the answer to a " +
			"creation is lost (the connection closed after the request was sent, or a 5xx), the provider looks for a group of the " +
			"project with the same name, description, share types, share network and source snapshot, created since the request was " +
			"first sent, and adopts it instead of creating a second one. Where two such groups exist (the same name created twice at " +
			"the same moment) Manila cannot tell which one the lost request made: the provider stops with an error naming both " +
			"rather than guess. Unique names avoid it.\n\n" +
			"**Interruptions.** An apply interrupted while a group is being created (Ctrl-C) leaves it in the state, not tainted, and " +
			"the next apply shows an in-place update that waits for the creation to end; so does a group whose creation timed out " +
			"after `terraform untaint`. A destroy interrupted while the group is deleting is resumed by the next destroy, which waits " +
			"for the deletion under way.\n\n**Timeouts.** `timeouts = { create, update, delete }` bound each operation with its waits; each defaults to 10 minutes.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, MarkdownDescription: "The consistency group's ID (a UUID).",
				PlanModifiers: stable,
			},
			"name": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Name, at most 255 characters. Names need not be unique.",
				Validators: []validator.String{nameValidator()},
			},
			"description": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Description, at most 255 characters.",
				Validators: []validator.String{stringvalidator.LengthAtMost(255)},
			},
			"share_types": schema.SetAttribute{
				ElementType: types.StringType, Optional: true, Computed: true,
				MarkdownDescription: "IDs of the share types the group's shares may have (see the `continuity_manila_share_type` data source). " +
					"Their `driver_handles_share_servers` extra specs must agree; when it is true, `share_network_id` is needed. " +
					"Omitted, Manila uses the default share type, or, with `source_cgsnapshot_id`, the types of the snapshot's group. " +
					"Changing it replaces the group.",
				PlanModifiers: []planmodifier.Set{setplanmodifier.UseStateForUnknown(), setplanmodifier.RequiresReplace()},
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(uuidValidator()),
					setvalidator.ConflictsWith(path.MatchRoot("source_cgsnapshot_id")),
				},
			},
			"share_network_id": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "ID of the share network, for share types whose `driver_handles_share_servers` is true " +
					"(see the `continuity_manila_share_network` data source). Inherited from the source group with " +
					"`source_cgsnapshot_id`. Changing it replaces the group.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{uuidValidator(), stringvalidator.ConflictsWith(path.MatchRoot("source_cgsnapshot_id"))},
			},
			"source_cgsnapshot_id": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "ID of an `available` consistency group snapshot to create the group from: the new group " +
					"gets one share per snapshot member, the share types, share network and host of the snapshot's group. " +
					"This is how a point-in-time copy is restored (the `continuity_manila_shares` data source lists the new shares, " +
					"with their export locations). Those shares come with the group and are deleted with it. Changing it replaces the group.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{uuidValidator()},
			},
			"force_delete": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Destroy the group with the admin-only force-delete action, which removes it in any status " +
					"(for instance stuck in `error`) without asking the share service. Needs credentials with the admin role. " +
					"Defaults to `false`: a normal delete, which requires the group to be `available` or `error` and to hold no " +
					"shares and no snapshots.",
			},
			"status": schema.StringAttribute{
				Computed: true, MarkdownDescription: "Status: `creating`, `available`, `deleting` or `error`.",
			},
			"host": schema.StringAttribute{
				Computed: true, MarkdownDescription: "The share service host the group was scheduled to (`host@backend#pool`).",
				PlanModifiers: stable,
			},
			"project_id": schema.StringAttribute{
				Computed: true, MarkdownDescription: "The project that owns the group.", PlanModifiers: stable,
			},
			"created_at": schema.StringAttribute{
				Computed: true, MarkdownDescription: "Creation time, as Manila reports it (UTC, no zone).", PlanModifiers: stable,
			},
			"share_server_id": schema.StringAttribute{
				Computed: true, PlanModifiers: stable,
				MarkdownDescription: "The share server of the group, when its share types handle share servers. Manila shows it " +
					"to admins only: null for other users.",
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *consistencyGroupResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// cgFailureMessage explains a consistency group in error: Manila records
// no reason on the group itself.
func cgFailureMessage(cg *ConsistencyGroup) string {
	if cg == nil {
		return ""
	}
	where := "the share service"
	if cg.Host != nil {
		where = "the share service on " + *cg.Host
	}
	return "Manila records no reason on the consistency group; " + where + " logged it. A group in error can be deleted normally; " +
		"if that fails too, set force_delete = true with admin credentials"
}

// cgDeleteFailureMessage explains a deletion that ended in error.
func cgDeleteFailureMessage(cg *ConsistencyGroup) string {
	where := "the share service"
	if cg != nil && cg.Host != nil {
		where = "the share service on " + *cg.Host
	}
	return where + " failed to delete the group (Manila records no reason on the group; that service's log has it). " +
		"Set force_delete = true (with admin credentials) to remove the group, or fix the back end and apply again"
}

// groups waits on consistency groups, whose failures end in error, not
// error_deleting (manila.md §1.5).
func (r *consistencyGroupResource) groups() watcher[ConsistencyGroup] {
	return watcher[ConsistencyGroup]{
		kind: cgKind, op: "manila.consistency_group", get: r.client.GetConsistencyGroup, failure: []string{statusError},
		status: func(cg *ConsistencyGroup) string { return cg.Status },
	}
}

// ModifyPlan plans an update for a group that an earlier apply left in
// transition (interrupted, or timed out and untainted, or imported while
// creating): its status and the attributes the end of the creation sets are
// unknown, and Update waits for the creation instead of starting another.
// A group that is deleting cannot be kept: it is replaced. A replacement
// that Manila would refuse after the group was destroyed is refused now
// (placement.go).
func (r *consistencyGroupResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	// Consistency groups exist from 2.4 to 2.30 only: refused at plan
	// time on a server of Ocata or later (or before Liberty).
	if !versionRefused(ctx, r.client, consistencyGroupAPI, consistencyGroupTypeName, "", &resp.Diagnostics) || req.State.Raw.IsNull() {
		return
	}
	var config, state, plan consistencyGroupModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if resumeTransition(state.Status, &plan.Status, resp) {
		plan.Host, plan.CreatedAt, plan.ShareServerID = types.StringUnknown(), types.StringUnknown(), types.StringUnknown()
	}
	if replacing(config, state) {
		planReplacement(config, &plan)
		r.checkPlacement(ctx, plan, &resp.Diagnostics)
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

func (r *consistencyGroupResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan consistencyGroupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Create, consistencyGroupDefaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	in, diags := plan.toAPI(ctx)
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	// Manila has no idempotency token: a creation whose answer was lost
	// is looked up (same name and creation attributes, created since the
	// first attempt) and adopted before it is sent again.
	created, adopted, err := adopt.Create[*ConsistencyGroup]{
		Operation: fmt.Sprintf("%s %q", cgKind, conv.Deref(in.Name)),
		Create:    func(ctx context.Context) (*ConsistencyGroup, error) { return r.client.CreateConsistencyGroup(ctx, in) },
		Find: func(ctx context.Context, since time.Time) (*ConsistencyGroup, bool, error) {
			return r.client.FindCreatedConsistencyGroup(ctx, in, since)
		},
	}.Do(ctx)
	if err != nil {
		addConsistencyGroupError(&resp.Diagnostics, "creating", "", err)
		return
	}
	tflog.Info(ctx, "created consistency group", map[string]any{"id": created.ID, "adopted": adopted})
	// The ID is in the state before the wait: a failed wait leaves a
	// tainted resource, not an untracked group; an interrupted one leaves
	// it creating, which the next plan resumes.
	plan.fromAPI(created)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.awaitCreation(ctx, created.ID, apierr.PhaseCreate, &plan, &resp.State, &resp.Diagnostics)
}

// awaitCreation waits for the creation of group id to end, saving the
// last group read in m and state; a wait that ends early is reported for
// its phase (an interruption is a warning: the next apply resumes).
func (r *consistencyGroupResource) awaitCreation(ctx context.Context, id string, phase apierr.Phase, m *consistencyGroupModel,
	state *tfsdk.State, diags *diag.Diagnostics,
) {
	awaitAvailable(ctx, r.groups(), consistencyGroupTypeName, id, phase, cgFailureMessage, m, (*consistencyGroupModel).fromAPI, state, diags)
}

func (r *consistencyGroupResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state consistencyGroupModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	cg, ok := readOrGone(ctx, resp, consistencyGroupTypeName, id, r.client.GetConsistencyGroup)
	if !ok {
		return
	}
	state.fromAPI(cg)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *consistencyGroupResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state consistencyGroupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, consistencyGroupDefaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.ID.ValueString()
	cg, err := renameOrRead(ctx, id, !plan.Name.Equal(state.Name) || !plan.Description.Equal(state.Description), r.client.GetConsistencyGroup,
		func(ctx context.Context, id string) (*ConsistencyGroup, error) {
			return r.client.UpdateConsistencyGroup(ctx, id, plan.toUpdate())
		})
	if err != nil {
		addConsistencyGroupError(&resp.Diagnostics, "updating", id, err)
		return
	}
	plan.fromAPI(cg)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if cg.Status == statusCreating && !resp.Diagnostics.HasError() {
		// A creation that an earlier apply did not see to its end
		// (ModifyPlan planned this update for it): wait for it.
		r.awaitCreation(ctx, id, apierr.PhaseUpdate, &plan, &resp.State, &resp.Diagnostics)
	}
}

func (r *consistencyGroupResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state consistencyGroupModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, state.Timeouts.Delete, consistencyGroupDefaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.ID.ValueString()
	var err error
	switch {
	case state.Status.ValueString() == statusDeleting:
		// An earlier destroy was interrupted or timed out: the deletion
		// is under way, and Manila would refuse another (409).
		tflog.Info(ctx, "consistency group already deleting, waiting", map[string]any{"id": id})
	case state.ForceDelete.ValueBool():
		err = r.client.ForceDeleteConsistencyGroup(ctx, id)
	default:
		if !state.SourceCGSnapshotID.IsNull() {
			// The shares the restore made came with the group: they go
			// with it (Manila refuses to delete a group with shares).
			err = r.client.deleteRestoredShares(ctx, "consistency_group_id", id, func(s *Share) bool { return s.SourceCGSnapshotMemberID != nil })
		}
		if err == nil {
			err = r.groups().deleteWhenSettled(ctx, id, r.client.DeleteConsistencyGroup, nil)
		}
	}
	if apierr.IsNotFound(err) {
		return
	}
	if err != nil {
		addConsistencyGroupError(&resp.Diagnostics, "deleting", id, err)
		return
	}
	if err := r.groups().untilDeleted(ctx, id, cgDeleteFailureMessage); err != nil {
		apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseDelete, "waiting for the deletion of", consistencyGroupTypeName, id, err)
	}
}

func (r *consistencyGroupResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// addConsistencyGroupError reports an API error with advice specific to consistency groups.
func addConsistencyGroupError(diags *diag.Diagnostics, action, id string, err error) {
	var e *apierr.Error
	if errors.As(err, &e) {
		switch {
		case e.StatusCode == http.StatusForbidden && action == "deleting":
			e.Hint = "force_delete = true uses Manila's force-delete action, which policy reserves to admins " +
				"(consistency_group:force_delete = rule:admin_api), and these credentials lack the admin role. " +
				"Set force_delete = false to delete the group normally, or use admin credentials."
		case e.StatusCode == http.StatusConflict && strings.Contains(e.Message, "cgsnapshots"):
			e.Hint = "Delete the group's snapshots first (continuity_manila_consistency_group_snapshot resources that depend on " +
				"the group are destroyed before it), or remove the group with force_delete = true and admin credentials."
		case e.StatusCode == http.StatusConflict && strings.Contains(e.Message, "shares"):
			e.Hint = "The group still holds shares: delete them (or move them out of the group) first, or remove the group " +
				"with force_delete = true and admin credentials."
		case e.StatusCode == http.StatusConflict && strings.Contains(e.Message, "CGSnapshot"):
			e.Hint = "The source snapshot must be available: wait for it, or check its status."
		case e.StatusCode == http.StatusBadRequest && strings.Contains(e.Message, "driver_handles_share_servers"):
			e.Hint = "Share types whose driver_handles_share_servers is true need share_network_id; those with false must not have one " +
				"(see the continuity_manila_share_type data source)."
		}
	}
	apierr.AddError(diags, action, consistencyGroupTypeName, id, err)
}
