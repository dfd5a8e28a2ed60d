package manila

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/adopt"
	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/continuity-dr/terraform-provider-continuity/internal/deadline"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
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

const shareGroupTypeName = "continuity_manila_share_group"

// shareGroupDefaultTimeout bounds each create, update or delete with its waits.
const shareGroupDefaultTimeout = 10 * time.Minute

var (
	_ resource.ResourceWithConfigure   = (*shareGroupResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*shareGroupResource)(nil)
	_ resource.ResourceWithImportState = (*shareGroupResource)(nil)
)

// NewShareGroupResource returns the continuity_manila_share_group resource.
func NewShareGroupResource() resource.Resource { return &shareGroupResource{} }

type shareGroupResource struct{ client *Client }

func (r *shareGroupResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = shareGroupTypeName
}

func (r *shareGroupResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	stable := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	fixed := []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()}
	source := path.MatchRoot("source_share_group_snapshot_id")
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Manila share group (Ocata and later, microversion 2.31 on; an experimental API up to 2.54, for " +
			"which the provider sends the experimental header): shares created in it (`share_group_id` of " +
			"`continuity_manila_share`) are snapshotted together at one point in time (`continuity_manila_share_group_snapshot`) " +
			"and restored together into a new group (`source_share_group_snapshot_id`). Share groups replaced consistency " +
			"groups: on a Manila of Newton or earlier the provider refuses this resource at plan time, and " +
			"`continuity_manila_consistency_group` is the one to use. Name and description change in place; the other " +
			"arguments are fixed at creation, and changing them replaces the group (a replacement Manila would refuse is refused at plan time).\n\n" +
			"**Restored shares.** A group created from a group snapshot gets one share per member; list them with the " +
			"`continuity_manila_shares` data source (`share_group_id`). They came with the group and are deleted with it. Other " +
			"shares in the group must be deleted first: Manila refuses to delete a group that holds shares or snapshots.\n\n" +
			"**Lost answers.** The creation has no idempotency token: when its answer is lost, the provider adopts the group with " +
			"the same name and creation arguments created since the request was first sent; two such groups are an error that names both.\n\n" +
			"**Interruptions.** An apply interrupted while the group is being created leaves it in the state, not tainted, and the " +
			"next apply waits for the creation in place; an interrupted destroy is resumed by the next one.\n\n**Timeouts.** `timeouts = { create, update, delete }` bound each operation with its waits; each defaults to 10 minutes.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The group's ID (a UUID).", PlanModifiers: stable},
			"name": schema.StringAttribute{Optional: true, MarkdownDescription: "Name, at most 255 characters. Names need not be unique.",
				Validators: []validator.String{nameValidator()}},
			"description": schema.StringAttribute{Optional: true, MarkdownDescription: "Description, at most 255 characters.",
				Validators: []validator.String{stringvalidator.LengthBetween(1, 255)}},
			"share_types": schema.SetAttribute{ElementType: types.StringType, Optional: true, Computed: true,
				MarkdownDescription: "IDs of the share types the group's shares may have, a subset of the group type's; their " +
					"`driver_handles_share_servers` must agree, and when it is true `share_network_id` is needed. Omitted, Manila " +
					"uses the default share type (with a source, the source group's types). Changing it replaces the group.",
				PlanModifiers: []planmodifier.Set{setplanmodifier.UseStateForUnknown(), setplanmodifier.RequiresReplace()},
				Validators:    []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(uuidValidator()), setvalidator.ConflictsWith(source)}},
			"share_group_type_id": schema.StringAttribute{Optional: true, Computed: true, PlanModifiers: fixed,
				Validators: []validator.String{uuidValidator()},
				MarkdownDescription: "ID of the share group type (see the `continuity_manila_share_group_type` data source). Omitted, " +
					"the default group type (with a source, the source group's). Changing it replaces the group."},
			"share_network_id": schema.StringAttribute{Optional: true, Computed: true, PlanModifiers: fixed,
				Validators: []validator.String{uuidValidator(), stringvalidator.ConflictsWith(source)},
				MarkdownDescription: "ID of the share network, for share types that handle share servers; the group's shares must be " +
					"on the same one. Inherited with a source. Changing it replaces the group."},
			"availability_zone": schema.StringAttribute{Optional: true, Computed: true, PlanModifiers: fixed,
				Validators: []validator.String{stringvalidator.LengthBetween(1, 255), stringvalidator.ConflictsWith(source)},
				MarkdownDescription: "Availability zone of the group and its shares. Omitted, the scheduler picks one; inherited " +
					"with a source. Changing it replaces the group."},
			"source_share_group_snapshot_id": schema.StringAttribute{Optional: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}, Validators: []validator.String{uuidValidator()},
				MarkdownDescription: "ID of an `available` share group snapshot to restore: the new group gets the source group's " +
					"types, network, zone and host, and one share per snapshot member, all at the snapshot's point in time. Changing it replaces the group."},
			"force_delete": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Destroy the group with the admin-only force-delete action, which removes it with its snapshots " +
					"and shares in any status, without asking the share service. Needs admin credentials. Defaults to `false`."},
			"status": schema.StringAttribute{Computed: true, MarkdownDescription: "Status: `creating`, `available`, `deleting` or `error`."},
			"host": schema.StringAttribute{Computed: true, PlanModifiers: stable,
				MarkdownDescription: "The share service host the group was scheduled to (`host@backend#pool`)."},
			"project_id": schema.StringAttribute{Computed: true, MarkdownDescription: "The project that owns the group.", PlanModifiers: stable},
			"created_at": schema.StringAttribute{Computed: true, MarkdownDescription: "Creation time (UTC, no zone).", PlanModifiers: stable},
			"share_server_id": schema.StringAttribute{Computed: true, PlanModifiers: stable,
				MarkdownDescription: "The group's share server, for types that handle share servers; shown to admins only."},
			"consistent_snapshot_support": schema.StringAttribute{Computed: true, PlanModifiers: stable,
				MarkdownDescription: "How consistent the back end's group snapshots are: `pool`, `host`, or null (microversion 2.34 on)."},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *shareGroupResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// groups waits on share groups, whose failures end in error.
func (r *shareGroupResource) groups() watcher[ShareGroup] {
	return watcher[ShareGroup]{kind: shareGroupKind, op: "manila.share_group", get: r.client.GetShareGroup,
		failure: []string{statusError}, status: func(g *ShareGroup) string { return g.Status }}
}

// shareGroupFailure explains a group in error.
func shareGroupFailure(*ShareGroup) string {
	return "Manila records the reason as a user message of the group; a group in error can be deleted normally, or with " +
		"force_delete = true and admin credentials"
}

// ModifyPlan refuses share groups on a Manila of Newton or earlier, plans
// an update for a group an earlier apply left creating, and refuses a
// replacement Manila would refuse before the group is destroyed.
func (r *shareGroupResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	if !versionRefused(ctx, r.client, shareGroupAPI, shareGroupTypeName, "", &resp.Diagnostics) || req.State.Raw.IsNull() {
		return
	}
	var config, state, plan shareGroupModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if resumeTransition(state.Status, &plan.Status, resp) {
		plan.Host, plan.CreatedAt, plan.ShareServerID = types.StringUnknown(), types.StringUnknown(), types.StringUnknown()
		plan.ConsistentSnapshotSupport, plan.AvailabilityZone = types.StringUnknown(), types.StringUnknown()
		if !config.AvailabilityZone.IsNull() {
			plan.AvailabilityZone = config.AvailabilityZone
		}
	}
	changed := func(c, s attr.Value) bool { return !c.IsNull() && !c.IsUnknown() && !c.Equal(s) }
	if changed(config.ShareTypes, state.ShareTypes) || changed(config.ShareNetworkID, state.ShareNetworkID) ||
		changed(config.ShareGroupTypeID, state.ShareGroupTypeID) || !config.SourceShareGroupSnapshotID.Equal(state.SourceShareGroupSnapshotID) {
		// A replacement: what the configuration leaves out is Manila's
		// choice for the new group, not the old group's.
		for _, p := range []struct{ c, to *types.String }{{&config.ShareNetworkID, &plan.ShareNetworkID},
			{&config.ShareGroupTypeID, &plan.ShareGroupTypeID}, {&config.AvailabilityZone, &plan.AvailabilityZone}} {
			if p.c.IsNull() {
				*p.to = types.StringUnknown()
			}
		}
		if config.ShareNetworkID.IsNull() && config.SourceShareGroupSnapshotID.IsNull() {
			plan.ShareNetworkID = types.StringNull()
		}
		if config.ShareTypes.IsNull() {
			plan.ShareTypes = types.SetUnknown(types.StringType)
		}
		r.checkReplacement(ctx, plan, &resp.Diagnostics)
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

// checkReplacement refuses a new group Manila would refuse
// (manila-groups.md §6): a source that is missing or not available; share
// types that are unknown, disagree on share servers or are not all of the
// group type's; a share network that is needed and absent, or given to
// types without share servers.
func (r *shareGroupResource) checkReplacement(ctx context.Context, plan shareGroupModel, diags *diag.Diagnostics) {
	refuse := func(at, reason string) {
		diags.AddAttributeError(path.Root(at), "Impossible replacement of the share group",
			"This change replaces the share group: Terraform would destroy it, then Manila would refuse the new one: "+reason+". Nothing has been changed.")
	}
	if src := plan.SourceShareGroupSnapshotID; !src.IsNull() {
		if src.IsUnknown() {
			return
		}
		s, err := r.client.GetShareGroupSnapshot(ctx, src.ValueString())
		switch {
		case apierr.IsNotFound(err):
			refuse("source_share_group_snapshot_id", "it does not name a share group snapshot of this project ("+src.ValueString()+")")
		case err != nil:
			apierr.AddError(diags, "checking the source snapshot of", shareGroupTypeName, src.ValueString(), err)
		case s.Status != statusAvailable && s.Status != statusCreating:
			refuse("source_share_group_snapshot_id", fmt.Sprintf("it must name an available snapshot, and %s is %s", s.ID, s.Status))
		}
		return
	}
	var ids []string
	if plan.ShareTypes.IsUnknown() {
		def, err := r.client.DefaultShareType(ctx)
		if err != nil {
			return
		}
		ids = []string{def.ID}
	} else if diags.Append(plan.ShareTypes.ElementsAs(ctx, &ids, false)...); diags.HasError() {
		return
	}
	all, err := r.client.ListShareTypes(ctx)
	if err != nil {
		apierr.AddError(diags, "listing the share types for", shareGroupTypeName, "", err)
		return
	}
	var handled []bool
	for _, id := range ids {
		i := slices.IndexFunc(all, func(t ShareType) bool { return t.ID == id })
		if i < 0 {
			refuse("share_types", "share_types must name share types visible to the project, and none has the ID "+id)
			return
		}
		if h := boolFromString(all[i].ExtraSpecs["driver_handles_share_servers"]); !slices.Contains(handled, h) {
			handled = append(handled, h)
		}
	}
	if len(handled) > 1 {
		refuse("share_types", "share_types must agree on driver_handles_share_servers, and "+strings.Join(ids, ", ")+" disagree")
		return
	}
	var t *ShareGroupType
	if gt := plan.ShareGroupTypeID; !gt.IsNull() {
		if gt.IsUnknown() {
			// Left out: Manila uses the default group type.
			t, err = r.client.DefaultShareGroupType(ctx)
			if err != nil {
				return
			}
			gt = types.StringValue(t.ID)
		} else {
			t, err = r.client.GetShareGroupType(ctx, gt.ValueString())
		}
		switch {
		case apierr.IsNotFound(err):
			refuse("share_group_type_id", "it does not name a share group type ("+gt.ValueString()+")")
			return
		case err == nil:
			for _, id := range ids {
				if !slices.Contains(t.ShareTypes, id) {
					refuse("share_types", fmt.Sprintf("the share types must be among the group type's (%s), and %s is not", strings.Join(t.ShareTypes, ", "), id))
					return
				}
			}
		}
	}
	network := plan.ShareNetworkID
	switch {
	case len(handled) == 0 || network.IsUnknown():
	case handled[0] && network.IsNull():
		refuse("share_network_id", "share_network_id is needed: the share types handle share servers (driver_handles_share_servers is true)")
	case !handled[0] && !network.IsNull():
		refuse("share_network_id", "share_network_id must not be set: the share types handle no share servers")
	}
}

func (r *shareGroupResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan shareGroupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Create, shareGroupDefaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	in, diags := plan.toAPI(ctx)
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	created, adopted, err := adopt.Create[*ShareGroup]{
		Operation: fmt.Sprintf("%s %q", shareGroupKind, conv.Deref(in.Name)),
		Create:    func(ctx context.Context) (*ShareGroup, error) { return r.client.CreateShareGroup(ctx, in) },
		Find: func(ctx context.Context, since time.Time) (*ShareGroup, bool, error) {
			return r.client.FindCreatedShareGroup(ctx, in, since)
		},
	}.Do(ctx)
	if err != nil {
		addShareGroupError(&resp.Diagnostics, "creating", "", err)
		return
	}
	tflog.Info(ctx, "created share group", map[string]any{"id": created.ID, "adopted": adopted})
	plan.fromAPI(created)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.awaitCreation(ctx, created.ID, apierr.PhaseCreate, &plan, &resp.State, &resp.Diagnostics)
}

func (r *shareGroupResource) awaitCreation(ctx context.Context, id string, phase apierr.Phase, m *shareGroupModel, state *tfsdk.State,
	diags *diag.Diagnostics,
) {
	awaitAvailable(ctx, r.groups(), shareGroupTypeName, id, phase, shareGroupFailure, m, (*shareGroupModel).fromAPI, state, diags)
}

func (r *shareGroupResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state shareGroupModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	g, ok := readOrGone(ctx, resp, shareGroupTypeName, id, r.client.GetShareGroup)
	if !ok {
		return
	}
	state.fromAPI(g)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *shareGroupResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state shareGroupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, shareGroupDefaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	id := state.ID.ValueString()
	g, err := renameOrRead(ctx, id, !plan.Name.Equal(state.Name) || !plan.Description.Equal(state.Description), r.client.GetShareGroup,
		func(ctx context.Context, id string) (*ShareGroup, error) {
			return r.client.UpdateShareGroup(ctx, id, NameUpdate{Name: stringPtr(plan.Name), Description: stringPtr(plan.Description)})
		})
	if err != nil {
		addShareGroupError(&resp.Diagnostics, "updating", id, err)
		return
	}
	plan.fromAPI(g)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if g.Status == statusCreating && !resp.Diagnostics.HasError() {
		r.awaitCreation(ctx, id, apierr.PhaseUpdate, &plan, &resp.State, &resp.Diagnostics)
	}
}

func (r *shareGroupResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state shareGroupModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, state.Timeouts.Delete, shareGroupDefaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	id := state.ID.ValueString()
	var err error
	switch {
	case state.Status.ValueString() == statusDeleting:
		tflog.Info(ctx, "share group already deleting, waiting", map[string]any{"id": id})
	case state.ForceDelete.ValueBool():
		err = r.client.ForceDeleteShareGroup(ctx, id)
	default:
		if !state.SourceShareGroupSnapshotID.IsNull() {
			err = r.client.deleteRestoredShares(ctx, "share_group_id", id, func(s *Share) bool { return s.SourceShareGroupSnapshotMemberID != nil })
		}
		if err == nil {
			err = r.groups().deleteWhenSettled(ctx, id, r.client.DeleteShareGroup, shareGroupFailure)
		}
	}
	if apierr.IsNotFound(err) {
		return
	}
	if err != nil {
		addShareGroupError(&resp.Diagnostics, "deleting", id, err)
		return
	}
	if err := r.groups().untilDeleted(ctx, id, func(*ShareGroup) string {
		return "the share service failed to delete the group; set force_delete = true (with admin credentials) to remove it"
	}); err != nil {
		apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseDelete, "waiting for the deletion of", shareGroupTypeName, id, err)
	}
}

func (r *shareGroupResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// addShareGroupError reports an API error with advice specific to share groups.
func addShareGroupError(diags *diag.Diagnostics, action, id string, err error) {
	var e *apierr.Error
	if errors.As(err, &e) {
		switch {
		case e.StatusCode == http.StatusForbidden && action == "deleting":
			e.Hint = "force_delete = true uses Manila's force-delete action, which policy reserves to admins: set force_delete = false, or use admin credentials."
		case e.StatusCode == http.StatusConflict && strings.Contains(e.Message, "with snapshots"):
			e.Hint = "Delete the group's snapshots first (continuity_manila_share_group_snapshot resources of the group are destroyed before it)."
		case e.StatusCode == http.StatusConflict && strings.Contains(e.Message, "with shares"):
			e.Hint = "The group still holds shares: delete them first (continuity_manila_share resources in the group are destroyed before it), " +
				"or remove the group with force_delete = true and admin credentials."
		case e.StatusCode == http.StatusBadRequest && strings.Contains(e.Message, "driver_handles_share_servers"):
			e.Hint = "Share types whose driver_handles_share_servers is true need share_network_id; those with false must not have one."
		case e.StatusCode == http.StatusBadRequest && strings.Contains(e.Message, "subset"):
			e.Hint = "The share types must be among the group type's (see the continuity_manila_share_group_type data source)."
		}
	}
	apierr.AddError(diags, action, shareGroupTypeName, id, err)
}
