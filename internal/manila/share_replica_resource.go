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
	"github.com/continuity-dr/terraform-provider-continuity/internal/deadline"
	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

const shareReplicaTypeName = "continuity_manila_share_replica"

// shareReplicaDefaultTimeout bounds each create, update or delete with its
// waits: a replica's first synchronisation copies the whole share.
const shareReplicaDefaultTimeout = 30 * time.Minute

var (
	_ resource.ResourceWithConfigure   = (*shareReplicaResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*shareReplicaResource)(nil)
	_ resource.ResourceWithImportState = (*shareReplicaResource)(nil)
)

// NewShareReplicaResource returns the continuity_manila_share_replica resource.
func NewShareReplicaResource() resource.Resource { return &shareReplicaResource{} }

type shareReplicaResource struct{ client *Client }

func (r *shareReplicaResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = shareReplicaTypeName
}

func (r *shareReplicaResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	stable := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	fixed := []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A replica of a Manila share in another availability zone (microversion 2.11 on; an experimental " +
			"API up to 2.55, for which the provider sends the experimental header), for share types with a `replication_type` " +
			"(`dr`, `readable`, `writable`). Manila refuses replicas of shares in a group. The creation waits until the replica " +
			"is `available` and `in_sync`.\n\n" +
			"**Failover and failback.** `active = true` promotes the replica: it becomes the share's active replica (its export " +
			"locations are the share's), and the former active one goes `out_of_sync` until the back end caught up. A replica " +
			"out of sync is promoted once it is `in_sync` again (the provider waits, within the update timeout). To fail back, promote the former one: " +
			"import the share's first replica (its `primary_replica_id`) as a resource of its own with `active = true`, and set " +
			"`active = false` here. `active = false` never demotes anything (Manila has no such action); at most one replica of a " +
			"share should say `active = true`. A replica that stops being active outside Terraform while it says `true` is promoted again.\n\n" +
			"**Resync.** `replica_state` is refreshed on every plan, for `check` blocks. With `resync_when_out_of_sync = true` " +
			"a replica found `out_of_sync` is resynchronised by the next apply (an admin-only action).\n\n" +
			"**Lost answers.** Replicas have no name: when the answer to a creation is lost, the provider adopts the replica of " +
			"the share in the same zone created since the request was first sent; two such replicas are an error that names both.\n\n" +
			"**Interruptions.** An apply interrupted while the replica is being created or promoted leaves it in the state, not " +
			"tainted, and the next apply waits in place; an interrupted destroy is resumed by the next one. Manila keeps a " +
			"share's only active replica as long as the share exists: destroying it removes it from the state only (with a " +
			"warning), and the share takes it when it is deleted.\n\n**Timeouts.** `timeouts = { create, update, delete }` bound each operation with its waits; each defaults to 30 minutes.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The replica's ID (a UUID).", PlanModifiers: stable},
			"share_id": schema.StringAttribute{Required: true, MarkdownDescription: "ID of the share to replicate. Changing it replaces the replica.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}, Validators: []validator.String{uuidValidator()}},
			"availability_zone": schema.StringAttribute{Optional: true, Computed: true, PlanModifiers: fixed,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 255)},
				MarkdownDescription: "Availability zone of the replica, usually another than the share's. Omitted, the scheduler picks one. Changing it replaces the replica."},
			"share_network_id": schema.StringAttribute{Optional: true, Computed: true, PlanModifiers: fixed,
				Validators:          []validator.String{uuidValidator()},
				MarkdownDescription: "ID of a share network of its own for the replica (microversion 2.72 on); omitted, the share's. Changing it replaces the replica."},
			"active": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Make this the share's active replica: `true` promotes it (failover) and waits for the promotion. " +
					"`false` (the default) leaves the replica as Manila has it."},
			"resync_when_out_of_sync": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Resynchronise the replica when a plan finds it `out_of_sync`, and wait for `in_sync`. Manila's " +
					"policy reserves resync to admins. Defaults to `false`."},
			"status": schema.StringAttribute{Computed: true,
				MarkdownDescription: "Status: `creating`, `available`, `replication_change` (while a replica of the share is promoted), `deleting`, `error`, `error_deleting`."},
			"replica_state": schema.StringAttribute{Computed: true,
				MarkdownDescription: "The state of the replication: `active`, `in_sync`, `out_of_sync` or `error`; read on every plan (use it in `check` blocks)."},
			"host":            schema.StringAttribute{Computed: true, MarkdownDescription: "The share service host; shown to admins only.", PlanModifiers: stable},
			"share_server_id": schema.StringAttribute{Computed: true, MarkdownDescription: "The replica's share server; shown to admins only.", PlanModifiers: stable},
			"created_at":      schema.StringAttribute{Computed: true, MarkdownDescription: "Creation time (UTC, no zone).", PlanModifiers: stable},
			"export_locations": schema.ListNestedAttribute{Computed: true,
				MarkdownDescription: "Where the replica is mounted from (microversion 2.47 on; empty before).",
				PlanModifiers:       []planmodifier.List{listplanmodifier.UseStateForUnknown()},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":            schema.StringAttribute{Computed: true, MarkdownDescription: "The export location's ID."},
					"path":          schema.StringAttribute{Computed: true, MarkdownDescription: "The path to mount."},
					"preferred":     schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the back end prefers it."},
					"is_admin_only": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it is for administrators only."},
				}}},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *shareReplicaResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// replicaProgress names where a replica is, for the waits: its status
// while it is not available, else its replica_state.
func replicaProgress(r *ShareReplica) string {
	if r.Status != statusAvailable {
		return r.Status
	}
	if s := stateOf(r); s != "" {
		return s
	}
	return replicaOutOfSync
}

// replicas waits on replicas by their progress.
func (r *shareReplicaResource) replicas() watcher[ShareReplica] {
	return watcher[ShareReplica]{kind: replicaKind, op: "manila.share_replica", get: r.client.GetReplica,
		failure: []string{statusError, statusErrorDeleting, replicaError}, status: replicaProgress}
}

func replicaFailure(*ShareReplica) string {
	return "Manila records the reason as a user message of the share; delete the replica (an admin can force-delete it) and add another"
}

// untilInSync waits for a replica to be available and in sync (or active).
func (r *shareReplicaResource) untilInSync(ctx context.Context, id, operation string) (*ShareReplica, error) {
	return r.replicas().wait(ctx, id, "to be in sync", operation, []string{statusCreating, replicaOutOfSync, statusReplicationChange},
		[]string{replicaInSync, replicaActive}, wait.NotFoundFails, replicaFailure)
}

// untilActive waits for a promotion to end: the replica available and active.
func (r *shareReplicaResource) untilActive(ctx context.Context, id string) (*ShareReplica, error) {
	return r.replicas().wait(ctx, id, "to become the active replica", "promote",
		[]string{statusReplicationChange, replicaInSync, replicaOutOfSync}, []string{replicaActive}, wait.NotFoundFails, replicaFailure)
}

// ModifyPlan refuses replicas where Manila would (below 2.11, a
// share_network_id below 2.72, a share whose type has no
// replication_type, or in a group); plans an update that waits for a
// transition an earlier apply left under way, that promotes a replica that
// should be active and is not, or that resyncs one found out of sync.
func (r *shareReplicaResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	if !versionRefused(ctx, r.client, replicaAPI, shareReplicaTypeName, "", &resp.Diagnostics) {
		return
	}
	var config, plan shareReplicaModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !config.ShareNetworkID.IsNull() && !versionRefused(ctx, r.client, replicaNetworkAPI, shareReplicaTypeName, "share_network_id", &resp.Diagnostics) {
		return
	}
	var state shareReplicaModel
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	}
	if share := plan.ShareID; !share.IsUnknown() && !share.Equal(state.ShareID) {
		r.checkShare(ctx, share.ValueString(), &resp.Diagnostics)
	}
	if req.State.Raw.IsNull() {
		return
	}
	status, replicaState := state.Status.ValueString(), state.ReplicaState.ValueString()
	switch {
	case status == statusCreating || status == statusReplicationChange:
		plan.Status, plan.ReplicaState = types.StringUnknown(), types.StringUnknown()
		plan.ExportLocations = types.ListUnknown(types.ObjectType{AttrTypes: exportLocationAttrTypes})
	case status == statusDeleting:
		plan.Status = types.StringUnknown()
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root("status"))
	case plan.Active.ValueBool() && replicaState != replicaActive:
		plan.Status, plan.ReplicaState = types.StringUnknown(), types.StringUnknown()
		plan.ExportLocations = types.ListUnknown(types.ObjectType{AttrTypes: exportLocationAttrTypes})
	case plan.ResyncWhenOutOfSync.ValueBool() && replicaState == replicaOutOfSync && status == statusAvailable:
		plan.ReplicaState = types.StringUnknown()
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

// checkShare refuses a replica of a share Manila would not replicate.
func (r *shareReplicaResource) checkShare(ctx context.Context, id string, diags *diag.Diagnostics) {
	if r.client == nil {
		return
	}
	s, err := r.client.GetShare(ctx, id)
	reason := ""
	switch {
	case apierr.IsNotFound(err):
		reason = fmt.Sprintf("share_id does not name a share of this project (%s)", id)
	case err != nil:
		apierr.AddError(diags, "checking the share of", shareReplicaTypeName, id, err)
	case s.ReplicationType == nil:
		reason = "the share's type has no replication_type: its shares cannot be replicated (use a share type with replication_type dr, readable or writable)"
	case s.ShareGroupID != nil || s.ConsistencyGroupID != nil:
		reason = "the share is in a group, and Manila does not replicate shares in a group"
	}
	if reason != "" {
		diags.AddAttributeError(path.Root("share_id"), "Impossible share replica",
			"Manila would refuse this replica: "+reason+". Nothing has been changed.")
	}
}

func (r *shareReplicaResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan shareReplicaModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Create, shareReplicaDefaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	shareID, zone, network := plan.ShareID.ValueString(), plan.AvailabilityZone.ValueString(), plan.ShareNetworkID.ValueString()
	created, adopted, err := adopt.Create[*ShareReplica]{
		Operation: fmt.Sprintf("%s of share %s in %q", replicaKind, shareID, zone),
		Create: func(ctx context.Context) (*ShareReplica, error) {
			return r.client.CreateReplica(ctx, shareID, zone, network)
		},
		Find: func(ctx context.Context, since time.Time) (*ShareReplica, bool, error) {
			return r.client.FindCreatedReplica(ctx, shareID, zone, since)
		},
	}.Do(ctx)
	if err != nil {
		addShareReplicaError(&resp.Diagnostics, "creating", "", err)
		return
	}
	tflog.Info(ctx, "created share replica", map[string]any{"id": created.ID, "adopted": adopted})
	wantActive := plan.Active.ValueBool()
	plan.Active = types.BoolValue(false)
	plan.fromAPI(created, []ExportLocation{})
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !r.settle(ctx, created.ID, apierr.PhaseCreate, &plan, &resp.State, &resp.Diagnostics) || !wantActive {
		return
	}
	plan.Active = types.BoolValue(true)
	r.promote(ctx, created.ID, apierr.PhaseCreate, &plan, &resp.State, &resp.Diagnostics)
}

// settle waits for the replica to be in sync (or active), then reads it
// back into m and state.
func (r *shareReplicaResource) settle(ctx context.Context, id string, phase apierr.Phase, m *shareReplicaModel, state *tfsdk.State,
	diags *diag.Diagnostics,
) bool {
	_, err := r.untilInSync(ctx, id, "create")
	if rerr := r.readBack(ctx, id, m, state, diags); rerr != nil && err == nil {
		apierr.AddError(diags, "reading back", shareReplicaTypeName, id, rerr)
		return false
	}
	if err != nil {
		apierr.AddWaitError(diags, phase, "waiting for the synchronisation of", shareReplicaTypeName, id, err)
		return false
	}
	return true
}

// promote promotes the replica and waits for it to be the active one.
func (r *shareReplicaResource) promote(ctx context.Context, id string, phase apierr.Phase, m *shareReplicaModel, state *tfsdk.State,
	diags *diag.Diagnostics,
) bool {
	if err := r.client.PromoteReplica(ctx, id); err != nil {
		addShareReplicaError(diags, "promoting", id, err)
		return false
	}
	_, err := r.untilActive(ctx, id)
	if rerr := r.readBack(ctx, id, m, state, diags); rerr != nil && err == nil {
		apierr.AddError(diags, "reading back", shareReplicaTypeName, id, rerr)
		return false
	}
	if err != nil {
		apierr.AddWaitError(diags, phase, "waiting for the promotion of", shareReplicaTypeName, id, err)
		return false
	}
	return true
}

// read reads a replica and its export locations (2.47 on).
func (r *shareReplicaResource) read(ctx context.Context, id string) (*ShareReplica, []ExportLocation, error) {
	rep, err := r.client.GetReplica(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	exports := []ExportLocation{}
	if r.client.Require(ctx, replicaExportAPI) == nil && rep.Status != statusCreating {
		if exports, err = r.client.ReplicaExportLocations(ctx, id); err != nil {
			return nil, nil, err
		}
	}
	return rep, exports, nil
}

func (r *shareReplicaResource) readBack(ctx context.Context, id string, m *shareReplicaModel, state *tfsdk.State, diags *diag.Diagnostics) error {
	rep, exports, err := r.read(ctx, id)
	if err != nil {
		return err
	}
	m.fromAPI(rep, exports)
	diags.Append(state.Set(ctx, m)...)
	return nil
}

func (r *shareReplicaResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state shareReplicaModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	rep, exports, err := r.read(ctx, id)
	if apierr.IsNotFound(err) {
		apierr.RemoveGone(ctx, resp, apierr.Gone{TypeName: shareReplicaTypeName, ID: id, Service: "Manila"})
		return
	}
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", shareReplicaTypeName, id, err)
		return
	}
	state.fromAPI(rep, exports)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update waits for a creation or promotion an earlier apply left under
// way, promotes a replica that should be active, and resyncs one out of
// sync when asked to.
func (r *shareReplicaResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state shareReplicaModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, shareReplicaDefaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	id := state.ID.ValueString()
	wantActive := plan.Active.ValueBool()
	plan.Active = state.Active
	if plan.Active.IsNull() || plan.Active.IsUnknown() {
		plan.Active = types.BoolValue(false)
	}
	if state.Status.ValueString() == statusCreating && !r.settle(ctx, id, apierr.PhaseUpdate, &plan, &resp.State, &resp.Diagnostics) {
		return
	}
	if !r.settledRead(ctx, id, &plan, &resp.State, &resp.Diagnostics) {
		return
	}
	if wantActive && plan.ReplicaState.ValueString() != replicaActive {
		// Promoting a replica out of sync would lose what it missed (and
		// Manila lets admins only): wait until it caught up, resyncing it
		// first when asked to.
		if plan.ReplicaState.ValueString() == replicaOutOfSync {
			if plan.ResyncWhenOutOfSync.ValueBool() {
				if err := r.client.ResyncReplica(ctx, id); err != nil {
					addShareReplicaError(&resp.Diagnostics, "resyncing", id, err)
					return
				}
			}
			tflog.Info(ctx, "replica out of sync, waiting for it to catch up before its promotion", map[string]any{"id": id})
			if _, err := r.untilInSync(ctx, id, "resync"); err != nil {
				apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseUpdate, "waiting for the synchronisation before the promotion of",
					shareReplicaTypeName, id, err)
				return
			}
		}
		plan.Active = types.BoolValue(true)
		if !r.promote(ctx, id, apierr.PhaseUpdate, &plan, &resp.State, &resp.Diagnostics) {
			return
		}
	}
	plan.Active = types.BoolValue(wantActive)
	if plan.ResyncWhenOutOfSync.ValueBool() && plan.ReplicaState.ValueString() == replicaOutOfSync {
		if err := r.client.ResyncReplica(ctx, id); err != nil {
			addShareReplicaError(&resp.Diagnostics, "resyncing", id, err)
			return
		}
		if _, err := r.untilInSync(ctx, id, "resync"); err != nil {
			_ = r.readBack(ctx, id, &plan, &resp.State, &resp.Diagnostics)
			apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseUpdate, "waiting for the resync of", shareReplicaTypeName, id, err)
			return
		}
	}
	r.settledRead(ctx, id, &plan, &resp.State, &resp.Diagnostics)
}

// settledRead reads the replica back once no promotion is under way on
// its share: a promotion (of this replica, or of another of the share in
// the same apply) ends before the replica's state is saved.
func (r *shareReplicaResource) settledRead(ctx context.Context, id string, m *shareReplicaModel, state *tfsdk.State, diags *diag.Diagnostics) bool {
	for {
		if err := r.readBack(ctx, id, m, state, diags); err != nil {
			apierr.AddError(diags, "reading back", shareReplicaTypeName, id, err)
			return false
		}
		if m.Status.ValueString() != statusReplicationChange {
			return true
		}
		if _, err := r.replicas().wait(ctx, id, "to end its replication change", "promote", []string{statusReplicationChange},
			[]string{replicaActive, replicaInSync, replicaOutOfSync}, wait.NotFoundFails, replicaFailure); err != nil {
			apierr.AddWaitError(diags, apierr.PhaseUpdate, "waiting for the promotion of", shareReplicaTypeName, id, err)
			return false
		}
	}
}

func (r *shareReplicaResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state shareReplicaModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, state.Timeouts.Delete, shareReplicaDefaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	id := state.ID.ValueString()
	if state.Status.ValueString() != statusDeleting {
		rep, err := r.client.GetReplica(ctx, id)
		if apierr.IsNotFound(err) {
			return
		}
		if err == nil && (rep.Status == statusCreating || rep.Status == statusReplicationChange) {
			_, err = r.replicas().wait(ctx, id, "to settle before deletion", "settle", []string{statusCreating, statusReplicationChange},
				[]string{replicaActive, replicaInSync, replicaOutOfSync, statusError}, wait.NotFoundIsSuccess, replicaFailure)
		}
		if err == nil {
			err = r.client.DeleteReplica(ctx, id)
		}
		if apierr.IsNotFound(err) {
			return
		}
		if isLastActive(err) {
			// The share's last active replica goes with its share, which
			// Manila deletes with it: forget it.
			resp.Diagnostics.AddWarning("Active replica kept with its share",
				fmt.Sprintf("Replica %s is the only active replica of share %s: Manila keeps it as long as the share exists, and "+
					"deletes it with the share. It is removed from the Terraform state only; destroy the share (or promote another "+
					"replica first) to delete it.", id, state.ShareID.ValueString()))
			return
		}
		if err != nil {
			addShareReplicaError(&resp.Diagnostics, "deleting", id, err)
			return
		}
	}
	_, err := r.replicas().wait(ctx, id, "to be deleted", "delete", []string{statusDeleting}, nil, wait.NotFoundIsSuccess, replicaFailure)
	if err != nil {
		apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseDelete, "waiting for the deletion of", shareReplicaTypeName, id, err)
	}
}

func (r *shareReplicaResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// addShareReplicaError reports an API error with advice specific to replicas.
func addShareReplicaError(diags *diag.Diagnostics, action, id string, err error) {
	var e *apierr.Error
	if errors.As(err, &e) {
		switch {
		case e.StatusCode == http.StatusBadRequest && strings.Contains(e.Message, "last active replica"):
			e.Hint = "This is the share's only active replica: promote another replica first (active = true on it), or destroy the share with its replicas."
		case e.StatusCode == http.StatusForbidden && action == "resyncing":
			e.Hint = "Manila's policy reserves resync to admins (share_replica:resync): set resync_when_out_of_sync = false, or use admin credentials."
		case e.StatusCode == http.StatusForbidden && action == "promoting":
			e.Hint = "A replica out of sync or in error may be promoted by an admin only: resync it first, or use admin credentials."
		case e.StatusCode == http.StatusBadRequest && strings.Contains(e.Message, "Replication not supported"):
			e.Hint = "Use a share type with a replication_type (dr, readable or writable), for a share outside any group."
		}
	}
	apierr.AddError(diags, action, shareReplicaTypeName, id, err)
}

// isLastActive reports Manila's refusal to delete the last active replica
// of a share (manila-groups.md §9.3).
func isLastActive(err error) bool {
	var e *apierr.Error
	return errors.As(err, &e) && e.StatusCode == http.StatusBadRequest && strings.Contains(e.Message, "last active replica")
}
