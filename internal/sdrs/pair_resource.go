package sdrs

import (
	"context"
	"errors"
	"fmt"
	"strings"

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
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

const pairTypeName = "continuity_sdrs_replication_pair"

var (
	_ resource.ResourceWithConfigure   = (*pairResource)(nil)
	_ resource.ResourceWithImportState = (*pairResource)(nil)
)

// NewReplicationPairResource returns the continuity_sdrs_replication_pair resource.
func NewReplicationPairResource() resource.Resource { return &pairResource{} }

type pairResource struct{ client *Client }

// pairResourceModel is the state of continuity_sdrs_replication_pair.
type pairResourceModel struct {
	ID                 types.String   `tfsdk:"id"`
	Name               types.String   `tfsdk:"name"`
	GroupID            types.String   `tfsdk:"group_id"`
	VolumeID           types.String   `tfsdk:"volume_id"`
	Description        types.String   `tfsdk:"description"`
	DeleteTargetVolume types.Bool     `tfsdk:"delete_target_volume"`
	TargetVolumeID     types.String   `tfsdk:"target_volume_id"`
	Status             types.String   `tfsdk:"status"`
	ReplicationStatus  types.String   `tfsdk:"replication_status"`
	ReplicationModel   types.String   `tfsdk:"replication_model"`
	FaultLevel         types.String   `tfsdk:"fault_level"`
	PriorityStation    types.String   `tfsdk:"priority_station"`
	CreatedAt          types.String   `tfsdk:"created_at"`
	UpdatedAt          types.String   `tfsdk:"updated_at"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
}

func (m pairResourceModel) toAPI() model.CreateReplicationRequestParams {
	in := model.CreateReplicationRequestParams{
		ServerGroupId: m.GroupID.ValueString(),
		VolumeId:      m.VolumeID.ValueString(),
		Name:          m.Name.ValueString(),
	}
	if !m.Description.IsNull() && !m.Description.IsUnknown() {
		d := m.Description.ValueString()
		in.Description = &d
	}
	return in
}

// fromAPI sets every attribute the API returns; delete_target_volume is
// the provider's own (false after an import).
func (m *pairResourceModel) fromAPI(p *Pair) {
	m.ID = types.StringValue(p.Id)
	m.Name = types.StringValue(p.Name)
	m.GroupID = types.StringValue(p.ServerGroupId)
	m.Description = optionalString(p.Description)
	// volume_ids is "production disk,DR-site disk".
	production, target, _ := strings.Cut(p.VolumeIds, ",")
	m.VolumeID = types.StringValue(production)
	m.TargetVolumeID = optionalString(target)
	m.Status = types.StringValue(p.Status)
	m.ReplicationStatus = optionalString(p.ReplicationStatus.Value())
	m.ReplicationModel = optionalString(p.ReplicationModel)
	m.FaultLevel = optionalString(p.FaultLevel)
	m.PriorityStation = optionalString(p.PriorityStation)
	m.CreatedAt = optionalString(p.CreatedAt)
	m.UpdatedAt = optionalString(p.UpdatedAt)
	if m.DeleteTargetVolume.IsNull() || m.DeleteTargetVolume.IsUnknown() {
		m.DeleteTargetVolume = types.BoolValue(false)
	}
}

func (r *pairResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = pairTypeName
}

func (r *pairResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	stable := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Huawei Cloud SDRS replication pair: a production-site disk of a protection group and the DR-site " +
			"disk that SDRS creates for it and keeps in sync while the group's protection is enabled. Creation and deletion are " +
			"SDRS jobs that the provider waits for. Only `name` changes in place.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The replication pair's ID.", PlanModifiers: stable},
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Name: at most 64 bytes of letters, digits, `.`, `_`, `-` and Chinese characters. Changed in place.",
				Validators:          []validator.String{nameValidator{}},
			},
			"group_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "ID of the protection group (`continuity_sdrs_protection_group`); its status must be `available` " +
					"or `protected`. Changing it replaces the pair.",
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers: replace,
			},
			"volume_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "ID of the production-site EVS disk, in the group's current production availability zone and " +
					"not used by another pair. Changing it replaces the pair.",
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers: replace,
			},
			"description": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Description: 1 to 64 bytes, without `<` or `>`. Changing it replaces the pair.",
				Validators:          []validator.String{descriptionValidator{}},
				PlanModifiers:       replace,
			},
			"delete_target_volume": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
				MarkdownDescription: "Whether destroying the pair also deletes its DR-site disk (`target_volume_id`). Default `false`: " +
					"the DR-site disk is kept. Used only at deletion; changing it changes nothing else.",
			},
			"target_volume_id":   schema.StringAttribute{Computed: true, MarkdownDescription: "ID of the DR-site disk SDRS created.", PlanModifiers: stable},
			"status":             schema.StringAttribute{Computed: true, MarkdownDescription: "Status, e.g. `available`, `protected`, `failed-over`, `error`."},
			"replication_status": schema.StringAttribute{Computed: true, MarkdownDescription: "Data synchronisation status: `active`, `inactive`, `copying` or `active-stopped`."},
			"replication_model":  schema.StringAttribute{Computed: true, MarkdownDescription: "Replication model (`hypermetro`: synchronous).", PlanModifiers: stable},
			"fault_level":        schema.StringAttribute{Computed: true, MarkdownDescription: "Fault level: `0` none, `2` production disk not writable (fail over), `5` replication link broken."},
			"priority_station":   schema.StringAttribute{Computed: true, MarkdownDescription: "Current production site of the pair's group: `source` or `target`."},
			"created_at":         schema.StringAttribute{Computed: true, MarkdownDescription: "Creation time, as SDRS reports it.", PlanModifiers: stable},
			"updated_at":         schema.StringAttribute{Computed: true, MarkdownDescription: "Time of the last change, as SDRS reports it."},
			"timeouts":           timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *pairResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *pairResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan pairResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Create, groupTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	jobID, err := r.client.CreatePair(ctx, plan.toAPI())
	if err != nil {
		addPairError(&resp.Diagnostics, "creating", "", err)
		return
	}
	// As for groups: record the ID as soon as the job names it.
	id := ""
	if j, err := r.client.GetJob(ctx, jobID); err == nil {
		id = jobEntity(j, "replication_pair_id")
	}
	if id != "" {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	}
	j, err := r.client.WaitJob(ctx, jobID, "creating replication pair "+plan.Name.ValueString(), 0)
	if id == "" {
		if id = jobEntity(j, "replication_pair_id"); id != "" {
			resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
		}
	}
	if err != nil {
		addPairError(&resp.Diagnostics, "creating", id, err)
		if id != "" {
			r.saveState(ctx, id, plan, &resp.State, &resp.Diagnostics)
		}
		return
	}
	if id == "" {
		resp.Diagnostics.AddError("Error creating "+pairTypeName,
			fmt.Sprintf("The SDRS job %s succeeded but names no replication_pair_id in its entities; the pair cannot be tracked. Please report this.", jobID))
		return
	}
	r.saveState(ctx, id, plan, &resp.State, &resp.Diagnostics)
}

func (r *pairResource) saveState(ctx context.Context, id string, m pairResourceModel, state *tfsdk.State, diags *diag.Diagnostics) {
	p, err := r.client.GetPair(ctx, id)
	if err != nil {
		apierr.AddError(diags, "reading back", pairTypeName, id, err)
		return
	}
	m.fromAPI(p)
	diags.Append(state.Set(ctx, &m)...)
}

func (r *pairResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state pairResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	p, err := r.client.GetPair(ctx, state.ID.ValueString())
	if apierr.IsNotFound(err) {
		resp.Diagnostics.AddWarning("Replication pair not found",
			fmt.Sprintf("%s %q no longer exists in SDRS; it was removed from the state and will be planned for creation.", pairTypeName, state.ID.ValueString()))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", pairTypeName, state.ID.ValueString(), err)
		return
	}
	state.fromAPI(p)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *pairResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state pairResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, groupTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.ID.ValueString()
	if !plan.Name.Equal(state.Name) {
		if err := r.client.RenamePair(ctx, id, plan.Name.ValueString()); err != nil {
			addPairError(&resp.Diagnostics, "renaming", id, err)
			resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
			return
		}
	}
	r.saveState(ctx, id, plan, &resp.State, &resp.Diagnostics)
}

func (r *pairResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state pairResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, state.Timeouts.Delete, groupTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.ID.ValueString()
	jobID, err := r.client.DeletePair(ctx, id, state.GroupID.ValueString(), state.DeleteTargetVolume.ValueBool())
	if apierr.IsNotFound(err) {
		return
	}
	if err == nil {
		_, err = r.client.WaitJob(ctx, jobID, "deleting replication pair "+id, 0)
	}
	if err == nil {
		_, err = wait.Conf[*Pair]{
			Operation: "replication pair " + id + " to be deleted",
			Pending:   []string{"present"},
			NotFound:  wait.NotFoundIsSuccess,
			Refresh: func(ctx context.Context) (*Pair, string, error) {
				p, err := r.client.GetPair(ctx, id)
				return p, "present", err
			},
		}.Wait(ctx)
	}
	if err != nil {
		addPairError(&resp.Diagnostics, "deleting", id, err)
	}
}

func (r *pairResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

func addPairError(diags *diag.Diagnostics, action, id string, err error) {
	summary := fmt.Sprintf("Error %s %s", action, pairTypeName)
	if id != "" {
		summary = fmt.Sprintf("Error %s %s %q", action, pairTypeName, id)
	}
	var je *JobError
	if errors.As(err, &je) {
		diags.AddError(summary, err.Error()+"\n\nThe SDRS job failed with error_code "+orNone(je.ErrorCode)+" and fail_reason "+
			orNone(je.FailReason)+". The replication pair is left in an error status (see its status attribute); correct the cause "+
			"and apply again to retry.")
		return
	}
	diags.AddError(summary, apierr.Detail(err))
}
