package sdrs

import (
	"context"
	"errors"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/deadline"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
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
)

const drillTypeName = "continuity_sdrs_drill"

// drillTimeout is the default of each timeout, as in the Huawei Cloud
// provider (sdrs.md §19).
const drillTimeout = 10 * time.Minute

// drillObject describes the resource's object for the shared life cycle
// (lifecycle.go). A drill's statuses are creating, available, deleting,
// error-deleting and error (OTC dr_drill_status.rst).
var drillObject = objectType[Drill]{typeName: drillTypeName, kind: "DR drill", entity: entityDrillID, op: "sdrs.drill",
	timeout: drillTimeout, get: (*Client).GetDrill, addError: addDrillError,
	status:       func(d *Drill) string { return d.Status },
	transitional: []string{statusCreating, statusDeleting},
	resumable:    []string{statusCreating},
	volatile: map[string]attr.Value{
		"drill_servers": types.ListUnknown(types.ObjectType{AttrTypes: drillServerAttrTypes}), "updated_at": types.StringUnknown(),
	},
}

var (
	_ resource.ResourceWithConfigure   = (*drillResource)(nil)
	_ resource.ResourceWithImportState = (*drillResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*drillResource)(nil)
)

// NewDrillResource returns the continuity_sdrs_drill resource.
func NewDrillResource() resource.Resource { return &drillResource{} }

type drillResource struct{ client *Client }

func (r *drillResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = drillTypeName
}

func (r *drillResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	stable := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Huawei Cloud SDRS DR drill: SDRS makes one drill server per protected instance of a protection " +
			"group, from the DR site's disks, in a drill VPC, where they run apart from production. Destroying the drill deletes " +
			"its servers; the drill VPC stays. Creation and deletion are SDRS jobs the provider waits for. Only `name` changes in " +
			"place.\n\n" +
			"**Lost answers.** When the answer to a create is lost, the provider looks for the drill that request made: the drill " +
			"of the group in `drill_vpc_id` (a drill VPC serves one drill), or, without one, the drill of that `name` created since " +
			"the request was sent; SDRS cannot tell apart two drills of one name made at once without a drill VPC.\n\n" +
			"**Interruptions and timeouts.** An apply interrupted while the drill is `creating` keeps it in the state; the next plan " +
			"shows an in-place update that waits. A create past `timeouts.create` leaves it tainted. An interrupted destroy resumes.\n\n" +
			"**Timeouts.** `timeouts.create`, `timeouts.update` and `timeouts.delete` default to 10 minutes each (as in the Huawei " +
			"Cloud provider).",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The DR drill's ID.", PlanModifiers: stable},
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Name: at most 64 bytes of letters, digits, `.`, `_`, `-` and Chinese characters. Changed in place.",
				Validators:          []validator.String{nameValidator{}},
			},
			"group_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "ID of the protection group (`continuity_sdrs_protection_group`), a UUID. Changing it replaces the " +
					"drill.",
				Validators:    []validator.String{idValidator{}},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"drill_vpc_id": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "ID of the drill VPC, a UUID: not the group's VPC, with subnets of the group VPC's CIDRs, used by " +
					"no other drill. When not set, SDRS creates one (which stays after the drill). Changing it replaces the drill.",
				Validators: []validator.String{idValidator{}},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(),
					stringplanmodifier.RequiresReplaceIfConfigured()},
			},
			"status": schema.StringAttribute{Computed: true, MarkdownDescription: "Status: `creating`, `available`, `deleting`, `error-deleting` or `error`."},
			"drill_servers": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The drill servers, one per protected instance of the group when the drill was made.",
				PlanModifiers:       []planmodifier.List{listplanmodifier.UseStateForUnknown()},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"protected_instance_id": schema.StringAttribute{Computed: true, MarkdownDescription: "ID of the protected instance."},
					"drill_server_id":       schema.StringAttribute{Computed: true, MarkdownDescription: "ID of its drill server (ECS)."},
				}},
			},
			"created_at": schema.StringAttribute{Computed: true, MarkdownDescription: "Creation time, as SDRS reports it.", PlanModifiers: stable},
			"updated_at": schema.StringAttribute{Computed: true, MarkdownDescription: "Time of the last change, as SDRS reports it."},
			"timeouts":   timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *drillResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan plans an update that resumes a creation left unfinished.
func (r *drillResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	planResume(ctx, drillObject, req, resp)
}

func (r *drillResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan drillResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	in := plan.toAPI()
	what := "creating DR drill " + in.Name
	createObject(ctx, r.client, drillObject, plan, plan.Timeouts.Create, creation{
		What:   what,
		Submit: func(ctx context.Context) (string, error) { return r.client.CreateDrill(ctx, in) },
		Find: func(ctx context.Context, since time.Time) (string, bool, error) {
			return r.client.FindNewDrill(ctx, in, since)
		},
		Await: awaitCreation(r.client, drillObject, what),
	}, resp)
}

func (r *drillResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readObject[Drill, drillResourceModel](ctx, r.client, drillObject, req, resp)
}

func (r *drillResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state drillResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, drillTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	id := state.ID.ValueString()
	d, err := resumeObject(ctx, r.client, drillObject, id)
	if err == nil && !plan.Name.Equal(state.Name) && plan.Name.ValueString() != d.Name {
		if err := r.client.RenameDrill(ctx, id, plan.Name.ValueString()); err != nil {
			addDrillError(&resp.Diagnostics, "renaming", id, err)
			resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
			return
		}
	}
	reportWait[Drill, drillResourceModel](ctx, r.client, drillObject, apierr.PhaseUpdate, "updating", id, plan, err, &resp.State, &resp.Diagnostics)
}

func (r *drillResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state drillResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	deleteObject(ctx, r.client, drillObject, id, state.Timeouts.Delete,
		func(ctx context.Context) (string, error) { return r.client.DeleteDrill(ctx, id) }, resp)
}

func (r *drillResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// addDrillError reports an error of an operation on a DR drill, with the
// failed job's code and reason, and advice on the drill VPC.
func addDrillError(diags *diag.Diagnostics, action, id string, err error) {
	var e *apierr.Error
	if !setJobHint(err, "DR drill", "to retry") && errors.As(err, &e) {
		switch e.Code {
		case codeDrillVPCUsed:
			e.Hint = "Another DR drill uses this drill VPC: a drill VPC serves one drill at a time."
		case codeDrillVPCIsGroup:
			e.Hint = "The drill VPC must not be the protection group's VPC: drill servers run apart from production."
		case codeDrillVPCCIDR:
			e.Hint = "The drill VPC needs subnets with the CIDR blocks of the protection group VPC's subnets."
		}
	}
	apierr.AddError(diags, action, drillTypeName, id, err)
}
