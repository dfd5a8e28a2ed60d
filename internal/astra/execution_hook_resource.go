package astra

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/adopt"
	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/deadline"
	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

const executionHookTypeName = "continuity_astra_execution_hook"

// executionHookTimeout is the default bound of each call, retries included.
const executionHookTimeout = 5 * time.Minute

var (
	_ resource.ResourceWithConfigure      = (*executionHookResource)(nil)
	_ resource.ResourceWithImportState    = (*executionHookResource)(nil)
	_ resource.ResourceWithValidateConfig = (*executionHookResource)(nil)
)

// NewExecutionHookResource returns the continuity_astra_execution_hook resource.
func NewExecutionHookResource() resource.Resource { return &executionHookResource{} }

type executionHookResource struct{ client *Client }

func (r *executionHookResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = executionHookTypeName
}

func (r *executionHookResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An Astra Control execution hook: runs a hook source (script) in the containers of an app that match " +
			"`matching_criteria`, before or after a snapshot or backup, or after a restore or a failover of the app. Everything but " +
			"`app_id` is changed in place; a new `app_id` replaces the hook.\n\n" +
			"The API refuses to delete a hook source that a hook still runs (403, problem 72). Refer to the hook source through " +
			"`hook_source_id = continuity_astra_hook_source.<name>.id`: Terraform then destroys hooks before their hook sources. To move " +
			"hooks to another hook source and remove the old one in the same apply, give the hook sources " +
			"`lifecycle { create_before_destroy = true }`, so that Terraform updates the hooks before it deletes the old hook source.\n\n" +
			"Astra Control takes no idempotency token. When the answer to a create is lost (the connection broke after the request " +
			"was sent, or a 5xx came back), the provider looks for an execution hook of this `name` for this `app_id` created since " +
			"its request (names are unique among the account's execution hooks) and adopts it instead of creating a second. Every " +
			"operation is synchronous: an interrupted apply leaves a created hook in the state, and the next apply carries on from there." + timeoutsNote(executionHookTimeout, executionHookTimeout, executionHookTimeout),
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The execution hook's ID.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Name, 1 to 63 characters, unique among the account's execution hooks.",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 63)},
			},
			"app_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "ID of the managed app the hook belongs to. Changing it replaces the hook.",
				Validators:          []validator.String{astraIDValidator("")},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"hook_source_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "ID of the hook source (the script) the hook runs, e.g. `continuity_astra_hook_source.freeze.id`.",
				Validators:          []validator.String{astraIDValidator("")},
			},
			"action": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The action the hook runs around: `snapshot`, `backup`, `restore` or `failover`.",
				Validators:          []validator.String{stringvalidator.OneOf(executionHookActions...)},
			},
			"stage": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "`pre` (before the action) or `post` (after it). Restore and failover hooks run only `post`.",
				Validators:          []validator.String{stringvalidator.OneOf(executionHookStages...)},
			},
			"arguments": schema.ListAttribute{
				Optional:            true,
				Computed:            true,
				ElementType:         types.StringType,
				Default:             listdefault.StaticValue(types.ListValueMust(types.StringType, []attr.Value{})),
				MarkdownDescription: "Arguments passed to the script: at most 16, unique, each at most 127 characters. Defaults to none.",
				Validators: []validator.List{
					listvalidator.SizeAtMost(16),
					listvalidator.UniqueValues(),
					listvalidator.ValueStringsAre(stringvalidator.LengthAtMost(127)),
				},
			},
			"matching_criteria": schema.ListNestedAttribute{
				Optional: true,
				Computed: true,
				Default:  listdefault.StaticValue(types.ListValueMust(matchCriterionType, []attr.Value{})),
				MarkdownDescription: "Which containers of the app run the hook: at most 10 unique criteria, all of which must match (AND). " +
					"Without criteria the hook runs in every container of the app.",
				Validators: []validator.List{listvalidator.SizeAtMost(10), listvalidator.UniqueValues()},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"type": schema.StringAttribute{
						Required:            true,
						MarkdownDescription: "What `value` is matched against: `containerImage`, `containerName`, `podName`, `podLabel` (`name=value`) or `namespaceName`.",
						Validators:          []validator.String{stringvalidator.OneOf(matchCriterionTypes...)},
					},
					"value": schema.StringAttribute{
						Required:            true,
						MarkdownDescription: "A regular expression in RE2 syntax (no look-around or back-references), e.g. `^postgres:16`.",
						Validators:          []validator.String{re2Validator},
					},
				}},
			},
			"enabled": schema.BoolAttribute{
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(true),
				MarkdownDescription: "Whether the hook runs. Defaults to `true`.",
			},
			"description": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(""),
				MarkdownDescription: "Description, at most 511 characters. Defaults to an empty string.",
				Validators:          []validator.String{stringvalidator.LengthAtMost(511)},
			},
			"hook_type": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "`custom` for the hooks this resource manages (NetApp's preloaded hooks are `netapp` and read-only).",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"matching_images": schema.ListAttribute{
				Computed:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "Images of the app's containers that the criteria currently select, as the API computes them.",
			},
			"matching_containers": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The app's containers that the criteria currently select, as the API computes them.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"pod_name":        schema.StringAttribute{Computed: true, MarkdownDescription: "Pod name."},
					"pod_labels":      schema.MapAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "The pod's labels."},
					"container_name":  schema.StringAttribute{Computed: true, MarkdownDescription: "Container name."},
					"container_image": schema.StringAttribute{Computed: true, MarkdownDescription: "Container image."},
					"namespace_name":  schema.StringAttribute{Computed: true, MarkdownDescription: "The pod's namespace."},
				}},
			},
			"created_at": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Creation time (UTC).",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"updated_at": schema.StringAttribute{Computed: true, MarkdownDescription: "Last modification time (UTC)."},
			"timeouts":   timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

// ValidateConfig refuses a stage the action does not have: restore and
// failover hooks run only after the action.
func (r *executionHookResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var action, stage types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("action"), &action)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("stage"), &stage)...)
	if resp.Diagnostics.HasError() || action.IsUnknown() || stage.IsUnknown() {
		return
	}
	if stage.ValueString() == "pre" && slices.Contains([]string{"restore", "failover"}, action.ValueString()) {
		resp.Diagnostics.AddAttributeError(path.Root("stage"), "Invalid execution hook stage",
			fmt.Sprintf("stage must be \"post\" when action is %q: Astra Control runs restore and failover hooks only after the action. "+
				"Use action \"snapshot\" or \"backup\" for a hook that runs before.", action.ValueString()))
	}
}

func (r *executionHookResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *executionHookResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan executionHookResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Create, executionHookTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	in := plan.toAPI(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	created, adopted, err := adopt.Create[*ExecutionHook]{
		Operation: fmt.Sprintf("execution hook %q", in.Name),
		Create:    func(ctx context.Context) (*ExecutionHook, error) { return r.client.CreateExecutionHook(ctx, in) },
		Find: func(ctx context.Context, since time.Time) (*ExecutionHook, bool, error) {
			return r.findCreated(ctx, in, since)
		},
	}.Do(ctx)
	if err != nil {
		addExecutionHookError(&resp.Diagnostics, "creating", plan.Name.ValueString(), err)
		return
	}
	tflog.Info(ctx, "created execution hook", map[string]any{"id": created.ID, "adopted": adopted})
	plan.fromAPI(ctx, created, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *executionHookResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state executionHookResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	h, err := r.client.GetExecutionHook(ctx, id)
	if apierr.IsNotFound(err) {
		apierr.RemoveGone(ctx, resp, apierr.Gone{TypeName: executionHookTypeName, ID: id, Service: serviceName})
		return
	}
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", executionHookTypeName, id, err)
		return
	}
	state.fromAPI(ctx, h, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *executionHookResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state executionHookResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, executionHookTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.ID.ValueString()
	in := plan.toAPI(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.UpdateExecutionHook(ctx, id, in); err != nil {
		addExecutionHookError(&resp.Diagnostics, "updating", id, err)
		return
	}
	h, err := r.client.GetExecutionHook(ctx, id)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading back", executionHookTypeName, id, err)
		return
	}
	plan.fromAPI(ctx, h, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *executionHookResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state executionHookResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, state.Timeouts.Delete, executionHookTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.ID.ValueString()
	err := r.client.DeleteExecutionHook(ctx, id)
	if apierr.IsNotFound(err) {
		return
	}
	if err != nil {
		addExecutionHookError(&resp.Diagnostics, "deleting", id, err)
		return
	}
	err = wait.UntilGone(ctx, "astra.execution_hook.delete", "execution hook "+id+" to be deleted", func(ctx context.Context) error {
		_, err := r.client.GetExecutionHook(ctx, id)
		return err
	})
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "waiting for the deletion of", executionHookTypeName, id, err)
	}
}

// findCreated looks for the execution hook a create whose answer was lost
// made: names are unique among the account's execution hooks, and it was
// created since the first request, for the same app.
func (r *executionHookResource) findCreated(ctx context.Context, in ExecutionHookInput, since time.Time) (*ExecutionHook, bool, error) {
	found, err := r.client.FindExecutionHooksByName(ctx, in.Name)
	if err != nil {
		return nil, false, err
	}
	return adoptFound(fmt.Sprintf("execution hook %q", in.Name), found,
		func(h *ExecutionHook) bool { return h.AppID == in.AppID && createdSince(h.Metadata, since) },
		func(h *ExecutionHook) string { return h.ID })
}

func (r *executionHookResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// addExecutionHookError reports an API error with advice specific to
// execution hooks.
func addExecutionHookError(diags *diag.Diagnostics, action, id string, err error) {
	var e *apierr.Error
	if errors.As(err, &e) {
		switch {
		case e.Code == "problem 73":
			e.Hint = "Execution hooks of type netapp are NetApp's preloaded hooks and are read-only; manage your own (custom) hooks instead."
		case e.Code == "problem 162":
			e.Hint = "Post-failover hooks need an app that can be replicated (AppMirror); check the app, or use another action."
		case e.Code == "problem 168":
			e.Hint = "Execution hooks are disabled in this Astra Control's feature settings; an administrator must enable them first."
		case e.StatusCode == http.StatusConflict && fieldNamed(e, "name"):
			e.Hint = "Execution hook names are unique in an Astra account: choose another name, or bring the existing hook under Terraform with `terraform import " + executionHookTypeName + ".<name> <id>`."
		case e.StatusCode == http.StatusBadRequest && (fieldNamed(e, "hookSourceID") || fieldNamed(e, "appID")):
			e.Hint = "The hook source or the app named by hook_source_id or app_id does not exist in this Astra account; check the IDs."
		}
	}
	apierr.AddError(diags, action, executionHookTypeName, id, err)
}
