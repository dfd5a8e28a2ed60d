package sdrs

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/adopt"
	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/deadline"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const replicationPairTypeName = "continuity_sdrs_replication_pair"

// replicationPairTimeout is the default of each timeout, as in the Huawei
// Cloud provider.
const replicationPairTimeout = 10 * time.Minute

// replicationPairObject describes the resource's object for the shared
// life cycle (lifecycle.go).
var replicationPairObject = objectType[Pair]{typeName: replicationPairTypeName, kind: "replication pair", entity: entityReplicationPairID, op: "sdrs.replication_pair",
	timeout: replicationPairTimeout, get: (*Client).GetPair, addError: addReplicationPairError,
	status:       func(p *Pair) string { return p.Status },
	transitional: pairTransitional,
	// The pair's own creation and expansion; the other transitional
	// statuses are its group's actions, which the group resumes, and an
	// attachment's, which the attachment resumes.
	resumable: []string{statusCreating, pairExtending},
	volatile: map[string]attr.Value{
		"target_volume_id": types.StringUnknown(), "replication_status": types.StringUnknown(), "fault_level": types.StringUnknown(),
		"size":             types.Int64Unknown(),
		"priority_station": types.StringUnknown(), "updated_at": types.StringUnknown(),
	},
}

var (
	_ resource.ResourceWithConfigure   = (*replicationPairResource)(nil)
	_ resource.ResourceWithImportState = (*replicationPairResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*replicationPairResource)(nil)
)

// NewReplicationPairResource returns the continuity_sdrs_replication_pair resource.
func NewReplicationPairResource() resource.Resource { return &replicationPairResource{} }

type replicationPairResource struct{ client *Client }

func (r *replicationPairResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = replicationPairTypeName
}

func (r *replicationPairResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	stable := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Huawei Cloud SDRS replication pair: a production-site disk of a protection group and the DR-site " +
			"disk that SDRS creates for it and keeps in sync while the group's protection is enabled. Creation and deletion are " +
			"SDRS jobs that the provider waits for. `name` changes in place, and a larger `size` expands both disks in place " +
			"(SDRS's expand; disks never shrink, and a smaller size is refused at plan time).\n\n" +
			"**Lost answers.** SDRS takes no idempotency token. When the answer to a create is lost (the connection broke after " +
			"the request was sent, or the API answered 5xx), the provider looks for the pair that request made before it sends " +
			"another: the pair of `group_id` on `volume_id` created since the request was sent (a disk serves one pair at a " +
			"time, so the disk identifies it), and adopts it.\n\n" +
			"**Interruptions and timeouts.** An apply interrupted (Ctrl-C) while the pair is being created keeps it in the state, " +
			"untainted, with the status `creating`; the next plan shows an in-place update that waits for the creation to end, " +
			"without creating again. A create that passes `timeouts.create` leaves the pair tainted: `terraform untaint` keeps " +
			"it, and the next apply resumes waiting; otherwise the next apply replaces it. An interrupted destroy resumes: the " +
			"next destroy finds the pair `deleting` and waits until it is gone; a pair whose group is in the middle of an action " +
			"is deleted once the action has ended.\n\n" +
			"**Timeouts.** `timeouts.create`, `timeouts.update` and `timeouts.delete` default to 10 minutes each (as in the Huawei " +
			"Cloud provider).",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The replication pair's ID.", PlanModifiers: stable},
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Name: at most 64 bytes of letters, digits, `.`, `_`, `-` and Chinese characters. Changed in place.",
				Validators:          []validator.String{nameValidator{}},
			},
			"group_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "ID of the protection group (`continuity_sdrs_protection_group`), a UUID; its status must be " +
					"`available` or `protected`. Changing it replaces the pair.",
				Validators:    []validator.String{idValidator{}},
				PlanModifiers: replace,
			},
			"volume_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "ID of the production-site EVS disk, a UUID, in the group's current production availability zone " +
					"and not used by another pair. Changing it replaces the pair.",
				Validators:    []validator.String{idValidator{}},
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
			"size": schema.Int64Attribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Size of both disks in GB, as SDRS reports it. A larger value expands them in place (the pair " +
					"must be `available` or `protected`; an attached disk must support online expansion); a smaller one is refused at " +
					"plan time, since a disk cannot shrink. At creation, a size larger than the disk's expands the pair once created.",
				Validators:    []validator.Int64{int64validator.Between(1, maxDiskGB)},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
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

func (r *replicationPairResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan refuses a smaller size (a disk cannot shrink, sdrs.md §13)
// and plans an update that resumes a creation or an expansion left
// unfinished (planResume).
func (r *replicationPairResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if !req.State.Raw.IsNull() && !req.Plan.Raw.IsNull() {
		var plan, state replicationPairResourceModel
		resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if !plan.Size.IsUnknown() && !plan.Size.IsNull() && !state.Size.IsNull() && plan.Size.ValueInt64() < state.Size.ValueInt64() {
			resp.Diagnostics.AddAttributeError(path.Root("size"), fmt.Sprintf("Cannot shrink %s %q", replicationPairTypeName, state.ID.ValueString()),
				fmt.Sprintf("The disks of replication pair %q are %d GB; SDRS only expands disks, and size = %d would shrink them. Keep "+
					"size at %d or more, or replace the pair with a smaller disk (volume_id). Nothing was changed.",
					state.Name.ValueString(), state.Size.ValueInt64(), plan.Size.ValueInt64(), state.Size.ValueInt64()))
		}
	}
	planResume(ctx, replicationPairObject, req, resp)
}

func (r *replicationPairResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan replicationPairResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	in := plan.toAPI()
	what := "creating replication pair " + in.Name
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Create, replicationPairTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	o := replicationPairObject
	id, err := r.client.createByJob(ctx, &resp.State, &resp.Diagnostics, creation{
		What: what, Kind: o.op + ".create", Entity: o.entity,
		Submit: func(ctx context.Context) (string, error) { return r.client.CreatePair(ctx, in) },
		Find: func(ctx context.Context, since time.Time) (string, bool, error) {
			return r.client.FindNewPair(ctx, in, since)
		},
		Await: awaitCreation(r.client, o, what),
	})
	if id == "" {
		if err != nil {
			o.addError(&resp.Diagnostics, "creating", id, err)
		}
		return
	}
	if err == nil {
		err = r.expand(ctx, id, plan.Size)
	}
	reportWait[Pair, replicationPairResourceModel](ctx, r.client, o, apierr.PhaseCreate, "creating", id, plan, err, &resp.State, &resp.Diagnostics)
}

// expand grows the pair's disks to size when it is larger than theirs
// (sdrs.md §13), through adopt.Action: a lost answer is applied when the
// pair is extending or its disks have the size. A smaller size at
// creation (the disk's size is known only then) is an error.
func (r *replicationPairResource) expand(ctx context.Context, id string, size types.Int64) error {
	if size.IsNull() || size.IsUnknown() {
		return nil
	}
	want := size.ValueInt64()
	p, err := r.client.GetPair(ctx, id)
	if err != nil {
		return err
	}
	have := pairSize(p)
	switch {
	case have == want || have == 0:
		return nil
	case want < have:
		return fmt.Errorf("the disk of replication pair %s is %d GB, and size = %d would shrink it: SDRS only expands disks; set size to %d "+
			"or more, or leave it out", id, have, want, have)
	}
	what := fmt.Sprintf("expanding replication pair %s from %d GB to %d GB", id, have, want)
	jobID := ""
	err = adopt.Action{
		Operation: what,
		Do: func(ctx context.Context) error {
			j, err := r.client.ExpandPair(ctx, id, int32(want))
			jobID = j
			return err
		},
		Applied: func(ctx context.Context) (bool, error) {
			p, err := r.client.GetPair(ctx, id)
			if err != nil {
				return false, err
			}
			return p.Status == pairExtending || pairSize(p) >= want, nil
		},
	}.Run(ctx)
	if err != nil {
		return err
	}
	if jobID != "" {
		_, err = r.client.waitJob(ctx, jobID, what, replicationPairObject.op+".expand", 0)
		return err
	}
	_, err = replicationPairObject.settle(ctx, r.client, id, what)
	return err
}

func (r *replicationPairResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readObject[Pair, replicationPairResourceModel](ctx, r.client, replicationPairObject, req, resp)
}

func (r *replicationPairResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state replicationPairResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, replicationPairTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.ID.ValueString()
	// A creation or expansion left unfinished by an earlier apply is
	// waited for first.
	p, err := resumeObject(ctx, r.client, replicationPairObject, id)
	if err == nil && !plan.Name.Equal(state.Name) && plan.Name.ValueString() != p.Name {
		if err := r.client.RenamePair(ctx, id, plan.Name.ValueString()); err != nil {
			addReplicationPairError(&resp.Diagnostics, "renaming", id, err)
			resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
			return
		}
	}
	if err == nil {
		err = r.expand(ctx, id, plan.Size)
	}
	reportWait[Pair, replicationPairResourceModel](ctx, r.client, replicationPairObject, apierr.PhaseUpdate, "updating", id, plan, err,
		&resp.State, &resp.Diagnostics)
}

func (r *replicationPairResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state replicationPairResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	submit := func(ctx context.Context) (string, error) {
		return r.client.DeletePair(ctx, id, state.GroupID.ValueString(), state.DeleteTargetVolume.ValueBool())
	}
	deleteObject(ctx, r.client, replicationPairObject, id, state.Timeouts.Delete, submit, resp)
}

func (r *replicationPairResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// addReplicationPairError reports an error of an operation on a
// replication pair, with the failed job's code and reason when a job
// failed, and advice on the disks the API refuses.
func addReplicationPairError(diags *diag.Diagnostics, action, id string, err error) {
	var e *apierr.Error
	if !setJobHint(err, "replication pair", "to retry") && errors.As(err, &e) {
		switch e.Code {
		case codeDiskInOtherAZ:
			e.Hint = "The disk must be in the protection group's current production availability zone."
		case codeDiskInUse:
			e.Hint = "The disk is already replicated by another replication pair."
		}
	}
	apierr.AddError(diags, action, replicationPairTypeName, id, err)
}
