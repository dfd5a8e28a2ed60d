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
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

const shareTypeName = "continuity_manila_share"

// shareDefaultTimeout bounds each create, update or delete with its waits,
// as the OpenStack provider's share resource does (manila.md §5).
const shareDefaultTimeout = 10 * time.Minute

// shareProtocols are the protocols Manila knows; which a cloud enables is
// its configuration (enabled_share_protocols, manila-groups.md §3.5).
var shareProtocols = []string{"NFS", "CIFS", "GLUSTERFS", "HDFS", "CEPHFS", "MAPRFS"}

var (
	_ resource.ResourceWithConfigure        = (*shareResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*shareResource)(nil)
	_ resource.ResourceWithImportState      = (*shareResource)(nil)
	_ resource.ResourceWithConfigValidators = (*shareResource)(nil)
)

// NewShareResource returns the continuity_manila_share resource.
func NewShareResource() resource.Resource { return &shareResource{} }

type shareResource struct{ client *Client }

func (r *shareResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = shareTypeName
}

func (r *shareResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	stable := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	fixed := []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()}
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc, PlanModifiers: stable}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Manila share, on any release: its protocol and size, type, network and zone, and its membership " +
			"of a consistency group (`consistency_group_id`, Liberty to Newton, microversions 2.4 to 2.30) or of a share group " +
			"(`share_group_id`, Ocata and later, 2.31 on); the provider negotiates the microversion and refuses at plan time what " +
			"the server cannot do, with the version it needs. A share in a group is snapshotted with the group at one point in time.\n\n" +
			"The size grows in place (extend) and shrinks in place (shrink, which the back end may refuse when the data does not " +
			"fit). `revert_to_snapshot_id` reverts the share in place to its latest snapshot (microversion 2.27 on, for share types " +
			"with `revert_to_snapshot_support`). Name, description, visibility and metadata change in place; the protocol, type, " +
			"network, zone, source snapshot and group are fixed at creation, and changing them replaces the share.\n\n" +
			"**Lost answers.** Manila's creation has no idempotency token, and names need not be unique. When the answer to a " +
			"creation is lost, the provider looks for a share with the same name, protocol, size, type, network, group, snapshot " +
			"and zone, created since the request was first sent, and adopts it; two such shares cannot be told apart, and are an " +
			"error that names both. Unique names avoid it.\n\n" +
			"**Interruptions.** An apply interrupted while a share is being created, extended, shrunk or reverted leaves it in the " +
			"state, not tainted, and the next apply shows an in-place update that waits for the operation to end. A destroy " +
			"interrupted while the share is deleting is resumed by the next destroy.\n\n**Timeouts.** `timeouts = { create, update, delete }` bound each operation with its waits; each defaults to 10 minutes.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The share's ID (a UUID).", PlanModifiers: stable},
			"name": schema.StringAttribute{Optional: true, MarkdownDescription: "Name, at most 255 characters. Names need not be unique.",
				Validators: []validator.String{nameValidator()}},
			"description": schema.StringAttribute{Optional: true, MarkdownDescription: "Description, at most 255 characters.",
				Validators: []validator.String{stringvalidator.LengthBetween(1, 255)}},
			"share_proto": schema.StringAttribute{Required: true,
				MarkdownDescription: "Protocol: `NFS`, `CIFS`, `GLUSTERFS`, `HDFS`, `CEPHFS` or `MAPRFS` (those the cloud enables). Changing it replaces the share.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:          []validator.String{stringvalidator.OneOf(shareProtocols...)}},
			"size": schema.Int64Attribute{Required: true,
				MarkdownDescription: "Size in GiB, at least 1 (and at least the snapshot's with `snapshot_id`). Growing it extends the share " +
					"in place; shrinking it shrinks the share in place, which the back end refuses when the data does not fit.",
				Validators: []validator.Int64{int64validator.AtLeast(1)}},
			"share_type_id": schema.StringAttribute{Optional: true, Computed: true, PlanModifiers: fixed,
				Validators: []validator.String{uuidValidator()},
				MarkdownDescription: "ID of the share type (see the `continuity_manila_share_type` data source). Omitted, Manila uses the " +
					"default type, or the snapshot's share's type with `snapshot_id`. In a group, one of the group's types. Changing it replaces the share."},
			"share_network_id": schema.StringAttribute{Optional: true, Computed: true, PlanModifiers: fixed,
				Validators: []validator.String{uuidValidator()},
				MarkdownDescription: "ID of the share network, for share types whose `driver_handles_share_servers` is true. In a group, " +
					"the group's own network (or none when the group has none); with `snapshot_id`, the snapshot's share's. Changing it replaces the share."},
			"availability_zone": schema.StringAttribute{Optional: true, Computed: true, PlanModifiers: fixed,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 255)},
				MarkdownDescription: "Availability zone. Omitted, the scheduler picks one; in a share group the group's. Changing it replaces the share."},
			"snapshot_id": schema.StringAttribute{Optional: true, PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators: []validator.String{uuidValidator()},
				MarkdownDescription: "ID of an `available` share snapshot to create the share from (a copy of the snapshot's data). " +
					"Changing it replaces the share."},
			"is_public": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Whether every project sees the share. Manila's policy allows `true` to admins only. Defaults to `false`."},
			"metadata": schema.MapAttribute{Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Metadata, changed in place. Keys of 1 to 255 characters, values of at most 1023.",
				Validators: []validator.Map{mapvalidator.KeysAre(stringvalidator.LengthBetween(1, 255)),
					mapvalidator.ValueStringsAre(stringvalidator.LengthAtMost(1023))}},
			"consistency_group_id": schema.StringAttribute{Optional: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{uuidValidator()},
				MarkdownDescription: "ID of an `available` consistency group to create the share in (microversions 2.4 to 2.30: a Manila of " +
					"Newton or earlier). The share type must be one of the group's, and the share network the group's. Changing it replaces the share."},
			"share_group_id": schema.StringAttribute{Optional: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{uuidValidator()},
				MarkdownDescription: "ID of an `available` share group to create the share in (microversion 2.31 on: Ocata and later). " +
					"The share type must be one of the group's, and the share network the group's; the zone is the group's. " +
					"Changing it replaces the share."},
			"revert_to_snapshot_id": schema.StringAttribute{Optional: true, Validators: []validator.String{uuidValidator()},
				MarkdownDescription: "Revert the share in place to this snapshot: its data and size become the snapshot's. Manila reverts " +
					"only to the latest snapshot of the share, when the share and the snapshot are `available` and the share type has " +
					"`revert_to_snapshot_support` (microversion 2.27 on); the provider refuses anything else at plan time. Set it on an " +
					"existing share (to the ID of its `continuity_manila_share_snapshot`, as a literal or a variable: a reference would " +
					"be a dependency cycle); setting it to another snapshot reverts again, removing it changes nothing. After an import it is null."},
			"status": schema.StringAttribute{Computed: true,
				MarkdownDescription: "Status: `creating`, `creating_from_snapshot`, `available`, `extending`, `shrinking`, `reverting`, " +
					"`deleting`, `error`, `extending_error`, `shrinking_error`, `reverting_error`, …"},
			"share_type_name":                       computed("The share type's name (microversion 2.6 on)."),
			"host":                                  computed("The share service host (`host@backend#pool`); Manila shows it to admins only, from Ocata on."),
			"project_id":                            computed("The project that owns the share."),
			"created_at":                            computed("Creation time, as Manila reports it (UTC, no zone)."),
			"share_server_id":                       computed("The share server, for share types that handle share servers; shown to admins only."),
			"replication_type":                      computed("The share type's `replication_type` (`dr`, `readable`, `writable`), or null (microversion 2.11 on)."),
			"primary_replica_id":                    computed("The replica Manila made with a replicated share (its first instance): import it as a `continuity_manila_share_replica` to promote it back after a failover."),
			"source_share_group_snapshot_member_id": computed("The share group snapshot member the share was restored from, if any."),
			"source_cgsnapshot_member_id":           computed("The consistency group snapshot member the share was restored from, if any."),
			"snapshot_support": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the share can be snapshotted (from its type).",
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}},
			"create_share_from_snapshot_support": schema.BoolAttribute{Computed: true,
				MarkdownDescription: "Whether shares can be created from its snapshots (microversion 2.24 on).",
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}},
			"revert_to_snapshot_support": schema.BoolAttribute{Computed: true,
				MarkdownDescription: "Whether it can be reverted to a snapshot (microversion 2.27 on).",
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}},
			"has_replicas": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the share has replicas besides its active one."},
			"export_locations": schema.ListNestedAttribute{Computed: true,
				MarkdownDescription: "Where to mount the share from: the preferred path first as Manila lists them (the admin-only " +
					"ones for admins only). Before microversion 2.9 only the paths are known.",
				PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":            schema.StringAttribute{Computed: true, MarkdownDescription: "The export location's ID."},
					"path":          schema.StringAttribute{Computed: true, MarkdownDescription: "The path to mount."},
					"preferred":     schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the back end prefers it (2.14 on)."},
					"is_admin_only": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it is for administrators only."},
				}}},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *shareResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		shareGroupsExclusive{},
	}
}

// shareGroupsExclusive refuses a share in a consistency group and a share
// group at once, and a creation from a snapshot into a group.
type shareGroupsExclusive struct{}

func (shareGroupsExclusive) Description(context.Context) string {
	return "consistency_group_id and share_group_id are exclusive"
}

func (v shareGroupsExclusive) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (shareGroupsExclusive) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m shareModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !m.ConsistencyGroupID.IsNull() && !m.ShareGroupID.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("share_group_id"), "Conflicting groups",
			"share_group_id and consistency_group_id cannot both be set: consistency groups (Newton and earlier) and share groups "+
				"(Ocata and later) never exist on the same Manila.")
	}
}

func (r *shareResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan refuses at plan time what this Manila cannot do (a share
// group below 2.31, a consistency group from 2.31, a revert below 2.27, or
// to a snapshot Manila would refuse) and plans an update for a share that
// an earlier apply left in transition, which Update waits for.
func (r *shareResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.client == nil {
		return
	}
	var config, plan shareModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !config.ShareGroupID.IsNull() && !versionRefused(ctx, r.client, shareGroupAPI, shareTypeName, "share_group_id", &resp.Diagnostics) {
		return
	}
	if !config.ConsistencyGroupID.IsNull() && !versionRefused(ctx, r.client, consistencyGroupAPI, shareTypeName, "consistency_group_id", &resp.Diagnostics) {
		return
	}
	if req.State.Raw.IsNull() {
		// A server without reverts says so first: the advice (a new share
		// from the snapshot) holds whatever the share.
		if !config.RevertToSnapshotID.IsNull() && versionRefused(ctx, r.client, revertAPI, shareTypeName, "revert_to_snapshot_id", &resp.Diagnostics) {
			resp.Diagnostics.AddAttributeError(path.Root("revert_to_snapshot_id"), "Nothing to revert",
				"revert_to_snapshot_id reverts an existing share to its latest snapshot; a new share has no snapshot yet. "+
					"Create the share (and its snapshot) first, or create the share from a snapshot with snapshot_id.")
		}
		return
	}
	var state shareModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	switch st := state.Status.ValueString(); {
	case slices.Contains(shareTransitional, st):
		plan.Status, plan.Size = types.StringUnknown(), types.Int64Unknown()
		if !config.Size.IsNull() {
			plan.Size = config.Size
		}
		plan.ExportLocations = types.ListUnknown(types.ObjectType{AttrTypes: exportLocationAttrTypes})
	case st == statusDeleting:
		plan.Status = types.StringUnknown()
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root("status"))
	}
	if snap := plan.RevertToSnapshotID; !snap.IsNull() && !snap.IsUnknown() && !snap.Equal(state.RevertToSnapshotID) {
		r.checkRevert(ctx, state, snap.ValueString(), &resp.Diagnostics)
		plan.Status = types.StringUnknown()
	}
	if !plan.Size.Equal(state.Size) || !plan.Name.Equal(state.Name) || !plan.Description.Equal(state.Description) || !plan.Metadata.Equal(state.Metadata) ||
		!plan.IsPublic.Equal(state.IsPublic) {
		plan.Status = types.StringUnknown()
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

// checkRevert refuses at plan time a revert that Manila would refuse
// (manila-groups.md §5): below 2.27, a share type without revert support,
// a snapshot that is missing, of another share, not available, or not the
// share's latest.
func (r *shareResource) checkRevert(ctx context.Context, state shareModel, snapID string, diags *diag.Diagnostics) {
	at := path.Root("revert_to_snapshot_id")
	refuse := func(reason string) {
		diags.AddAttributeError(at, "Impossible revert", "Manila would refuse to revert the share to "+snapID+": "+reason+". Nothing has been changed.")
	}
	if !versionRefused(ctx, r.client, revertAPI, shareTypeName, "revert_to_snapshot_id", diags) {
		return
	}
	if !state.RevertToSnapshotSupport.ValueBool() {
		refuse("its share type has no revert_to_snapshot_support")
		return
	}
	snap, err := r.client.GetShareSnapshot(ctx, snapID)
	switch {
	case apierr.IsNotFound(err):
		refuse("no share snapshot of this project has that ID")
		return
	case err != nil:
		apierr.AddError(diags, "checking the snapshot to revert", shareTypeName, state.ID.ValueString(), err)
		return
	case snap.ShareID != state.ID.ValueString():
		refuse(fmt.Sprintf("the snapshot is of another share (%s)", snap.ShareID))
		return
	case snap.Status != statusAvailable && snap.Status != statusCreating:
		refuse(fmt.Sprintf("the snapshot is %s, and must be available", snap.Status))
		return
	}
	all, err := r.client.ListShareSnapshots(ctx, state.ID.ValueString())
	if err != nil {
		apierr.AddError(diags, "listing the snapshots of", shareTypeName, state.ID.ValueString(), err)
		return
	}
	if latest := latestSnapshot(all); latest != nil && latest.ID != snapID {
		refuse(fmt.Sprintf("Manila reverts only to the latest snapshot of the share, which is %s", latest.ID))
	}
}

// latestSnapshot returns the most recent of a share's snapshots.
func latestSnapshot(all []ShareSnapshot) *ShareSnapshot {
	var latest *ShareSnapshot
	for i := range all {
		if latest == nil || all[i].CreatedAt > latest.CreatedAt {
			latest = &all[i]
		}
	}
	return latest
}

func (r *shareResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan shareModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Create, shareDefaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	in, diags := plan.toAPI(ctx)
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	// No idempotency token: a creation whose answer was lost is looked up
	// and adopted before it is sent again.
	created, adopted, err := adopt.Create[*Share]{
		Operation: fmt.Sprintf("%s %q", shareKind, in.Name),
		Create:    func(ctx context.Context) (*Share, error) { return r.client.CreateShare(ctx, in) },
		Find: func(ctx context.Context, since time.Time) (*Share, bool, error) {
			return r.client.FindCreatedShare(ctx, in, since)
		},
	}.Do(ctx)
	if err != nil {
		addShareError(&resp.Diagnostics, "creating", "", err)
		return
	}
	tflog.Info(ctx, "created share", map[string]any{"id": created.ID, "adopted": adopted})
	plan.RevertToSnapshotID = types.StringNull()
	plan.fromAPI(created, []ExportLocation{}, nil)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.await(ctx, created.ID, "create", apierr.PhaseCreate, &plan, &resp.State, &resp.Diagnostics)
}

// await waits for the operation under way on share id to end, then reads
// the share (with its export locations) back into m and state; a wait that
// ends early is reported for its phase, the state showing where it ended.
func (r *shareResource) await(ctx context.Context, id, operation string, phase apierr.Phase, m *shareModel, state *tfsdk.State,
	diags *diag.Diagnostics,
) bool {
	_, err := r.client.awaitShare(ctx, id, operation)
	if rerr := r.readBack(ctx, id, m, state, diags); rerr != nil && err == nil {
		apierr.AddError(diags, "reading back", shareTypeName, id, rerr)
		return false
	}
	if err != nil {
		apierr.AddWaitError(diags, phase, "waiting for the "+operation+" of", shareTypeName, id, err)
		return false
	}
	return true
}

// readShare reads a share, its export locations and (for a replicated
// share) its first replica.
func (r *shareResource) readShare(ctx context.Context, id string) (*Share, []ExportLocation, *string, error) {
	return readShare(ctx, r.client, id)
}

func readShare(ctx context.Context, c *Client, id string) (*Share, []ExportLocation, *string, error) {
	s, err := c.GetShare(ctx, id)
	if err != nil {
		return nil, nil, nil, err
	}
	exports, err := c.ShareExportLocations(ctx, s)
	if err != nil {
		return nil, nil, nil, err
	}
	var primary *string
	if s.ReplicationType != nil && c.Require(ctx, replicaAPI) == nil {
		replicas, err := c.ListReplicas(ctx, s.ID)
		if err != nil {
			return nil, nil, nil, err
		}
		primary = firstReplica(replicas)
	}
	return s, exports, primary, nil
}

// firstReplica returns the ID of the oldest replica: the instance Manila
// made with the share.
func firstReplica(replicas []ShareReplica) *string {
	var first *ShareReplica
	for i := range replicas {
		if first == nil || replicas[i].CreatedAt < first.CreatedAt {
			first = &replicas[i]
		}
	}
	if first == nil {
		return nil
	}
	return &first.ID
}

// readBack reads the share into m and sets the state to it.
func (r *shareResource) readBack(ctx context.Context, id string, m *shareModel, state *tfsdk.State, diags *diag.Diagnostics) error {
	s, exports, primary, err := r.readShare(ctx, id)
	if err != nil {
		return err
	}
	m.fromAPI(s, exports, primary)
	diags.Append(state.Set(ctx, m)...)
	return nil
}

func (r *shareResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state shareModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	s, exports, primary, err := r.readShare(ctx, id)
	if apierr.IsNotFound(err) {
		apierr.RemoveGone(ctx, resp, apierr.Gone{TypeName: shareTypeName, ID: id, Service: "Manila"})
		return
	}
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", shareTypeName, id, err)
		return
	}
	state.fromAPI(s, exports, primary)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update waits for an operation an earlier apply left under way, then
// changes the name, description, visibility and metadata, reverts to a
// new revert_to_snapshot_id, and resizes, waiting for each operation.
func (r *shareResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state shareModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, shareDefaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	id := state.ID.ValueString()
	revertTo, size := plan.RevertToSnapshotID, plan.Size
	keep := func(m *shareModel) { m.RevertToSnapshotID = state.RevertToSnapshotID }
	keep(&plan)
	if slices.Contains(shareTransitional, state.Status.ValueString()) {
		// An operation an earlier apply did not see to its end.
		if !r.await(ctx, id, "settle", apierr.PhaseUpdate, &plan, &resp.State, &resp.Diagnostics) {
			return
		}
	}
	if !plan.Name.Equal(state.Name) || !plan.Description.Equal(state.Description) || !plan.IsPublic.Equal(state.IsPublic) {
		name, description := conv.Ptr(plan.Name.ValueString()), conv.Ptr(plan.Description.ValueString())
		if _, err := r.client.UpdateShare(ctx, id, name, description, plan.IsPublic.ValueBoolPointer()); err != nil {
			addShareError(&resp.Diagnostics, "updating", id, err)
			return
		}
	}
	set, removed, diags := metadataChanges(ctx, state.Metadata, plan.Metadata)
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	if len(set) > 0 {
		if err := r.client.SetShareMetadata(ctx, id, set); err != nil {
			addShareError(&resp.Diagnostics, "setting the metadata of", id, err)
			return
		}
	}
	for _, k := range removed {
		if err := r.client.DeleteShareMetadatum(ctx, id, k); err != nil {
			addShareError(&resp.Diagnostics, "removing metadata from", id, err)
			return
		}
	}
	if snap := revertTo.ValueString(); !revertTo.IsNull() && !revertTo.Equal(state.RevertToSnapshotID) {
		if !r.revert(ctx, id, snap, &plan, &resp.State, &resp.Diagnostics) {
			return
		}
	}
	if err := r.readBack(ctx, id, &plan, &resp.State, &resp.Diagnostics); err != nil {
		apierr.AddError(&resp.Diagnostics, "reading back", shareTypeName, id, err)
		return
	}
	if want := size.ValueInt64(); !size.IsUnknown() && want != plan.Size.ValueInt64() {
		if !r.resize(ctx, id, want, &plan, &resp.State, &resp.Diagnostics) {
			return
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// revert reverts share id to snapshot snap through adopt.Action (a share
// found reverting counts as reverted when the answer was lost), and waits;
// revert_to_snapshot_id is saved once the revert is under way.
func (r *shareResource) revert(ctx context.Context, id, snap string, m *shareModel, state *tfsdk.State, diags *diag.Diagnostics) bool {
	err := adopt.Action{
		Operation: "revert of " + shareKind + " " + id,
		Do:        func(ctx context.Context) error { return r.client.RevertShare(ctx, id, snap) },
		Applied: func(ctx context.Context) (bool, error) {
			s, err := r.client.GetShare(ctx, id)
			return err == nil && s.Status == statusReverting, err
		},
	}.Run(ctx)
	if err != nil {
		addShareError(diags, "reverting", id, err)
		return false
	}
	m.RevertToSnapshotID = types.StringValue(snap)
	return r.await(ctx, id, "revert", apierr.PhaseUpdate, m, state, diags)
}

// resize extends or shrinks share id to size GiB through adopt.Action (a
// share found resizing, or of that size, counts as resized), and waits.
func (r *shareResource) resize(ctx context.Context, id string, size int64, m *shareModel, state *tfsdk.State, diags *diag.Diagnostics) bool {
	grow := size > m.Size.ValueInt64()
	op := "shrink"
	if grow {
		op = "extend"
	}
	err := adopt.Action{
		Operation: op + " of " + shareKind + " " + id,
		Do:        func(ctx context.Context) error { return r.client.ResizeShare(ctx, id, int(size), grow) },
		Applied: func(ctx context.Context) (bool, error) {
			s, err := r.client.GetShare(ctx, id)
			return err == nil && (s.Size == size || s.Status == statusExtending || s.Status == statusShrinking), err
		},
	}.Run(ctx)
	if err != nil {
		addShareError(diags, op+"ing", id, err)
		return false
	}
	return r.await(ctx, id, op, apierr.PhaseUpdate, m, state, diags)
}

func (r *shareResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state shareModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, state.Timeouts.Delete, shareDefaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	id := state.ID.ValueString()
	s, err := r.client.GetShare(ctx, id)
	if apierr.IsNotFound(err) {
		return
	}
	if err == nil {
		err = r.client.deleteShareAndWait(ctx, s)
	}
	if err != nil {
		if isWaitError(err) {
			apierr.AddWaitError(&resp.Diagnostics, apierr.PhaseDelete, "waiting for the deletion of", shareTypeName, id, err)
			return
		}
		addShareError(&resp.Diagnostics, "deleting", id, err)
	}
}

func (r *shareResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// isWaitError reports an error that ended a wait (a failure status, a
// timeout or an interruption) rather than a refused request.
func isWaitError(err error) bool {
	var e *apierr.Error
	return !errors.As(err, &e)
}

// addShareError reports an API error with advice specific to shares.
func addShareError(diags *diag.Diagnostics, action, id string, err error) {
	var e *apierr.Error
	if errors.As(err, &e) {
		switch {
		case e.StatusCode == http.StatusForbidden && strings.Contains(e.Message, "dependent snapshots"):
			e.Hint = "Delete the share's snapshots first (continuity_manila_share_snapshot resources of the share are destroyed before it)."
		case e.StatusCode == http.StatusForbidden && strings.Contains(e.Message, "snapshot members"):
			e.Hint = "The share was captured by a group snapshot: delete the group snapshot first."
		case e.StatusCode == http.StatusConflict && strings.Contains(e.Message, "has replicas"):
			e.Hint = "Delete the share's replicas first (continuity_manila_share_replica resources of the share are destroyed before it)."
		case e.StatusCode == http.StatusForbidden && strings.Contains(e.Message, "is_public"):
			e.Hint = "Manila's policy lets admins only make a share public: set is_public = false, or use admin credentials."
		case e.StatusCode == http.StatusBadRequest && strings.Contains(e.Message, "driver_handles_share_servers"):
			e.Hint = "Share types whose driver_handles_share_servers is true need share_network_id; those with false must not have one."
		case e.StatusCode == http.StatusBadRequest && strings.Contains(e.Message, "shrink"):
			e.Hint = "The back end refuses to shrink the share below the space its data uses."
		}
	}
	apierr.AddError(diags, action, shareTypeName, id, err)
}
