package manila

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/deadline"
	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

const cgSnapshotTypeName = "continuity_manila_consistency_group_snapshot"

var (
	_ resource.ResourceWithConfigure   = (*cgSnapshotResource)(nil)
	_ resource.ResourceWithImportState = (*cgSnapshotResource)(nil)
)

// NewCGSnapshotResource returns the continuity_manila_consistency_group_snapshot resource.
func NewCGSnapshotResource() resource.Resource { return &cgSnapshotResource{} }

type cgSnapshotResource struct{ client *Client }

// cgSnapshotModel is the resource's state.
type cgSnapshotModel struct {
	ID                 types.String   `tfsdk:"id"`
	ConsistencyGroupID types.String   `tfsdk:"consistency_group_id"`
	Name               types.String   `tfsdk:"name"`
	Description        types.String   `tfsdk:"description"`
	Status             types.String   `tfsdk:"status"`
	CreatedAt          types.String   `tfsdk:"created_at"`
	Members            types.List     `tfsdk:"members"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
}

// memberAttrTypes are the attributes of one snapshot member.
var memberAttrTypes = map[string]attr.Type{
	"id": types.StringType, "share_id": types.StringType, "share_type_id": types.StringType,
	"share_protocol": types.StringType, "size": types.Int64Type, "created_at": types.StringType,
}

func (m cgSnapshotModel) toAPI() CGSnapshotCreate {
	return CGSnapshotCreate{ConsistencyGroupID: m.ConsistencyGroupID.ValueString(), Name: stringPtr(m.Name), Description: stringPtr(m.Description)}
}

func (m cgSnapshotModel) toUpdate() CGSnapshotUpdate {
	return CGSnapshotUpdate{Name: stringPtr(m.Name), Description: stringPtr(m.Description)}
}

// fromAPI sets every attribute the API returns, members included.
func (m *cgSnapshotModel) fromAPI(s *CGSnapshot, members []CGSnapshotMember) {
	m.ID = types.StringValue(s.ID)
	m.ConsistencyGroupID = types.StringValue(s.ConsistencyGroupID)
	m.Name = types.StringPointerValue(s.Name)
	m.Description = types.StringPointerValue(s.Description)
	m.Status = types.StringValue(s.Status)
	m.CreatedAt = types.StringValue(s.CreatedAt)
	m.Members = membersList(members)
}

// membersList renders snapshot members.
func membersList(members []CGSnapshotMember) types.List {
	objType := types.ObjectType{AttrTypes: memberAttrTypes}
	elems := make([]attr.Value, 0, len(members))
	for _, mb := range members {
		elems = append(elems, types.ObjectValueMust(memberAttrTypes, map[string]attr.Value{
			"id": types.StringValue(mb.ID), "share_id": types.StringValue(mb.ShareID), "share_type_id": types.StringValue(mb.ShareTypeID),
			"share_protocol": types.StringValue(mb.ShareProtocol), "size": types.Int64Value(mb.Size), "created_at": types.StringValue(mb.CreatedAt),
		}))
	}
	return types.ListValueMust(objType, elems)
}

func (r *cgSnapshotResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = cgSnapshotTypeName
}

func (r *cgSnapshotResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	stable := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A snapshot of a Manila consistency group: every share of the group captured at the same point in time. " +
			"Restore it by creating a `continuity_manila_consistency_group` with `source_cgsnapshot_id`. The group must be " +
			"`available`, as must each of its shares. Name and description change in place.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The snapshot's ID (a UUID).", PlanModifiers: stable},
			"consistency_group_id": schema.StringAttribute{
				Required: true, MarkdownDescription: "ID of the consistency group to snapshot. Changing it replaces the snapshot.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{uuidValidator()},
			},
			"name": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Name, at most 255 characters.",
				Validators: []validator.String{stringvalidator.LengthBetween(1, 255)},
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

func (r *cgSnapshotResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// snapshotFailureMessage explains a snapshot in error.
func snapshotFailureMessage(*CGSnapshot) string {
	return "Manila records no reason on the snapshot; the share service of the group's host logged it. " +
		"Delete the snapshot (an admin can force-delete it) and take another"
}

func (r *cgSnapshotResource) waitFor(ctx context.Context, id, what string, pending, target []string, notFound wait.NotFound) (*CGSnapshot, error) {
	return wait.Conf[*CGSnapshot]{
		Operation: "consistency group snapshot " + id + " " + what,
		Pending:   pending,
		Target:    target,
		Failure:   []string{statusError, "error_deleting"},
		NotFound:  notFound,
		Message:   snapshotFailureMessage,
		Refresh: func(ctx context.Context) (*CGSnapshot, string, error) {
			s, err := r.client.GetCGSnapshot(ctx, id)
			if err != nil {
				return nil, "", err
			}
			return s, s.Status, nil
		},
	}.Wait(ctx)
}

// read reads a snapshot and its members.
func (r *cgSnapshotResource) read(ctx context.Context, id string) (*CGSnapshot, []CGSnapshotMember, error) {
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

func (r *cgSnapshotResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan cgSnapshotModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Create, defaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	created, err := r.client.CreateCGSnapshot(ctx, plan.toAPI())
	if err != nil {
		addSnapshotError(&resp.Diagnostics, "creating", "", err)
		return
	}
	tflog.Info(ctx, "created consistency group snapshot", map[string]any{"id": created.ID})
	plan.fromAPI(created, nil)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if _, err := r.waitFor(ctx, created.ID, "to become available", []string{statusCreating}, []string{statusAvailable}, wait.NotFoundFails); err != nil {
		if s, members, rerr := r.read(ctx, created.ID); rerr == nil {
			plan.fromAPI(s, members)
			resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		}
		apierr.AddError(&resp.Diagnostics, "waiting for the creation of", cgSnapshotTypeName, created.ID, err)
		return
	}
	s, members, err := r.read(ctx, created.ID)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading back", cgSnapshotTypeName, created.ID, err)
		return
	}
	plan.fromAPI(s, members)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *cgSnapshotResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state cgSnapshotModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	s, members, err := r.read(ctx, state.ID.ValueString())
	if apierr.IsNotFound(err) {
		resp.Diagnostics.AddWarning("Consistency group snapshot not found",
			fmt.Sprintf("%s %q no longer exists in Manila; it was removed from the state and will be planned for creation.",
				cgSnapshotTypeName, state.ID.ValueString()))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", cgSnapshotTypeName, state.ID.ValueString(), err)
		return
	}
	state.fromAPI(s, members)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *cgSnapshotResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state cgSnapshotModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, defaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.ID.ValueString()
	if !plan.Name.Equal(state.Name) || !plan.Description.Equal(state.Description) {
		if _, err := r.client.UpdateCGSnapshot(ctx, id, plan.toUpdate()); err != nil {
			addSnapshotError(&resp.Diagnostics, "updating", id, err)
			return
		}
	}
	s, members, err := r.read(ctx, id)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading back", cgSnapshotTypeName, id, err)
		return
	}
	plan.fromAPI(s, members)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *cgSnapshotResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state cgSnapshotModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, state.Timeouts.Delete, defaultTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.ID.ValueString()
	err := r.client.DeleteCGSnapshot(ctx, id)
	if isStatusConflict(err) {
		// Still creating (or being deleted): wait for it to settle, then try again.
		if _, werr := r.waitFor(ctx, id, "to settle before deletion", []string{statusCreating, statusDeleting},
			[]string{statusAvailable, statusError}, wait.NotFoundIsSuccess); werr != nil {
			apierr.AddError(&resp.Diagnostics, "deleting", cgSnapshotTypeName, id, werr)
			return
		}
		err = r.client.DeleteCGSnapshot(ctx, id)
	}
	if apierr.IsNotFound(err) {
		return
	}
	if err != nil {
		addSnapshotError(&resp.Diagnostics, "deleting", id, err)
		return
	}
	if _, err := r.waitFor(ctx, id, "to be deleted", []string{statusDeleting}, nil, wait.NotFoundIsSuccess); err != nil {
		var se *wait.StateError
		if errors.As(err, &se) {
			err = fmt.Errorf("%w. The share service failed to delete the snapshot: an admin can remove it with the force_delete action "+
				"(manila cg-snapshot-delete --force), then apply again", err)
		}
		apierr.AddError(&resp.Diagnostics, "waiting for the deletion of", cgSnapshotTypeName, id, err)
	}
}

func (r *cgSnapshotResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// addSnapshotError reports an API error with advice specific to snapshots.
func addSnapshotError(diags *diag.Diagnostics, action, id string, err error) {
	var e *apierr.Error
	if errors.As(err, &e) {
		switch {
		case e.StatusCode == http.StatusConflict && strings.Contains(e.Message, "ConsistencyGroup"):
			e.Hint = "Manila snapshots only an available consistency group whose shares are all available: wait for them, or check their status."
		case e.StatusCode == http.StatusBadRequest && strings.Contains(e.Message, "could not be found"):
			e.Hint = "The consistency group does not exist in this project: check consistency_group_id."
		}
	}
	apierr.AddError(diags, action, cgSnapshotTypeName, id, err)
}
