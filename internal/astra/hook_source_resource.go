package astra

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
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

const hookSourceTypeName = "continuity_astra_hook_source"

// hookSourceTimeout is the default bound of each call, retries included.
const hookSourceTimeout = 5 * time.Minute

var (
	_ resource.ResourceWithConfigure        = (*hookSourceResource)(nil)
	_ resource.ResourceWithImportState      = (*hookSourceResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*hookSourceResource)(nil)
	_ resource.ResourceWithConfigValidators = (*hookSourceResource)(nil)
	_ resource.ResourceWithValidateConfig   = (*hookSourceResource)(nil)
)

// NewHookSourceResource returns the continuity_astra_hook_source resource.
func NewHookSourceResource() resource.Resource { return &hookSourceResource{} }

type hookSourceResource struct{ client *Client }

func (r *hookSourceResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = hookSourceTypeName
}

func (r *hookSourceResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An Astra Control hook source: a shell script that execution hooks run in an app's containers " +
			"before or after a snapshot, backup, restore or failover. Give the script either as `content` (plain text) or as " +
			"`source` (base64, as the API stores it; `filebase64()` fills it from a file). Name, description and script are " +
			"changed in place; a script changed outside Terraform shows as a difference in plan. A hook source that an execution hook " +
			"still runs cannot be deleted (see `continuity_astra_execution_hook` for the `create_before_destroy` advice).\n\n" +
			"Astra Control takes no idempotency token. When the answer to a create is lost (the connection broke after the request " +
			"was sent, or a 5xx came back), the provider looks for a hook source of this `name` created since its request (names are " +
			"unique in the account) and adopts it instead of creating a second. Every operation is synchronous: an interrupted apply " +
			"leaves a created hook source in the state, and the next apply carries on from there." + timeoutsNote(hookSourceTimeout, hookSourceTimeout, hookSourceTimeout),
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The hook source's ID (a UUID).",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Name, 1 to 63 characters, unique among the account's hook sources.",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 63)},
			},
			"description": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(""),
				MarkdownDescription: "Description, at most 511 characters. Defaults to an empty string.",
				Validators:          []validator.String{stringvalidator.LengthAtMost(511)},
			},
			"source": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "The script in base64, as the API takes it (for example `filebase64(\"hook.sh\")`), at most 131072 characters. " +
					"Set `source` or `content`; the other is computed from it. Both may be set only to the same script (as " +
					"`terraform plan -generate-config-out` writes them).",
				Validators: []validator.String{sourceValidator},
			},
			"content": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "The script as plain text; the provider encodes it. At most 96 KiB, without carriage returns or binary data. " +
					"Set `content` or `source`; the other is computed from it. Both may be set only to the same script.",
				Validators: []validator.String{contentValidator},
			},
			"source_md5": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "MD5 checksum the API computes over the base64 `source` text.",
			},
			"private": schema.BoolAttribute{
				Computed:            true,
				MarkdownDescription: "Whether the API keeps the script private (it then never returns it).",
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"preloaded": schema.BoolAttribute{
				Computed:            true,
				MarkdownDescription: "Whether the hook source was preloaded by NetApp; preloaded hook sources are read-only.",
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"created_at": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Creation time (metadata.creationTimestamp, UTC).",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"updated_at": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Last modification time (metadata.modificationTimestamp, UTC).",
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *hookSourceResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.AtLeastOneOf(path.MatchRoot("source"), path.MatchRoot("content")),
	}
}

// ValidateConfig accepts source and content together only when they are the
// same script: a configuration that terraform plan -generate-config-out
// wrote for an imported hook source sets both.
func (r *hookSourceResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var config hookSourceResourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() || config.Source.IsNull() || config.Source.IsUnknown() || config.Content.IsNull() || config.Content.IsUnknown() {
		return
	}
	if script, err := decodeScript(config.Source.ValueString()); err == nil && script == config.Content.ValueString() {
		return
	}
	resp.Diagnostics.AddAttributeError(path.Root("source"), "source and content hold different scripts",
		"Set either source (the script in base64) or content (the script as text); the other is computed from it. "+
			"Both may be set only when source is the base64 of content.")
}

func (r *hookSourceResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan computes the script attribute that is not configured, and the
// checksum, from the one that is, so that the plan shows known values.
func (r *hookSourceResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var config, plan hookSourceResourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	switch {
	case !config.Source.IsNull() && !config.Source.IsUnknown():
		if script, err := decodeScript(config.Source.ValueString()); err == nil {
			plan.Content = types.StringValue(script)
		}
	case !config.Content.IsNull() && !config.Content.IsUnknown():
		plan.Source = types.StringValue(encodeScript(config.Content.ValueString()))
	default:
		return
	}
	plan.SourceMD5 = types.StringValue(sourceMD5(plan.Source.ValueString()))
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

func (r *hookSourceResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan hookSourceResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Create, hookSourceTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	in := plan.toAPI()
	created, adopted, err := adopt.Create[*HookSource]{
		Operation: fmt.Sprintf("hook source %q", in.Name),
		Create:    func(ctx context.Context) (*HookSource, error) { return r.client.CreateHookSource(ctx, in) },
		Find: func(ctx context.Context, since time.Time) (*HookSource, bool, error) {
			return r.findCreated(ctx, in.Name, since)
		},
	}.Do(ctx)
	if err != nil {
		addHookSourceError(&resp.Diagnostics, "creating", plan.Name.ValueString(), err)
		return
	}
	tflog.Info(ctx, "created hook source", map[string]any{"id": created.ID, "adopted": adopted})
	plan.fromAPI(created)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *hookSourceResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state hookSourceResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	h, err := r.client.GetHookSource(ctx, id)
	if apierr.IsNotFound(err) {
		apierr.RemoveGone(ctx, resp, apierr.Gone{TypeName: hookSourceTypeName, ID: id, Service: serviceName})
		return
	}
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading", hookSourceTypeName, id, err)
		return
	}
	state.fromAPI(h)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *hookSourceResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state hookSourceResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, plan.Timeouts.Update, hookSourceTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.ID.ValueString()
	if err := r.client.UpdateHookSource(ctx, id, plan.toAPI()); err != nil {
		addHookSourceError(&resp.Diagnostics, "updating", id, err)
		return
	}
	h, err := r.client.GetHookSource(ctx, id)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "reading back", hookSourceTypeName, id, err)
		return
	}
	plan.ID = state.ID
	plan.fromAPI(h)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *hookSourceResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state hookSourceResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := deadline.Bound(ctx, state.Timeouts.Delete, hookSourceTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.ID.ValueString()
	err := r.client.DeleteHookSource(ctx, id)
	if apierr.IsNotFound(err) {
		return
	}
	if err != nil {
		r.explainReferenced(ctx, id, err)
		addHookSourceError(&resp.Diagnostics, "deleting", id, err)
		return
	}
	err = wait.UntilGone(ctx, "astra.hook_source.delete", "hook source "+id+" to be deleted", func(ctx context.Context) error {
		_, err := r.client.GetHookSource(ctx, id)
		return err
	})
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "waiting for the deletion of", hookSourceTypeName, id, err)
	}
}

// findCreated looks for the hook source a create whose answer was lost
// made: names are unique in the account, and it was created since the
// first request.
func (r *hookSourceResource) findCreated(ctx context.Context, name string, since time.Time) (*HookSource, bool, error) {
	found, err := r.client.FindHookSourcesByName(ctx, name)
	if err != nil {
		return nil, false, err
	}
	return adoptFound(fmt.Sprintf("hook source %q", name), found,
		func(h *HookSource) bool { return createdSince(h.Metadata, since) }, func(h *HookSource) string { return h.ID })
}

func (r *hookSourceResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// explainReferenced sets the hint of a 403 problem 72 (the hook source is
// still run by execution hooks) to name those hooks and say what to do.
func (r *hookSourceResource) explainReferenced(ctx context.Context, id string, err error) {
	var e *apierr.Error
	if !errors.As(err, &e) || e.Code != "problem 72" {
		return
	}
	users := "execution hooks"
	if hooks, listErr := r.client.ExecutionHooksUsing(ctx, id); listErr == nil && len(hooks) > 0 {
		names := make([]string, len(hooks))
		for i, h := range hooks {
			names[i] = fmt.Sprintf("%q (id %s, app %s)", h.Name, h.ID, h.AppID)
		}
		users = fmt.Sprintf("%d execution hook(s): %s", len(hooks), strings.Join(names, ", "))
	}
	e.Hint = "The hook source is still run by " + users + ". Delete those hooks or point them at another hook source first. " +
		"When the hooks are managed by Terraform with hook_source_id = " + hookSourceTypeName + ".<name>.id, Terraform deletes them first on destroy; " +
		"to move hooks to another hook source and remove this one in the same apply, set lifecycle { create_before_destroy = true } " +
		"on the hook sources, so that Terraform updates the hooks before it deletes the old hook source."
}

// addHookSourceError reports an API error with advice specific to hook sources.
func addHookSourceError(diags *diag.Diagnostics, action, id string, err error) {
	var e *apierr.Error
	if errors.As(err, &e) {
		switch {
		case e.StatusCode == http.StatusConflict:
			e.Hint = "Hook source names are unique in an Astra account: choose another name, or bring the existing hook source under Terraform with `terraform import " + hookSourceTypeName + ".<name> <id>`."
		case e.StatusCode == http.StatusForbidden && e.Code == "problem 71":
			e.Hint = "Preloaded hook sources are read-only: use the " + hookSourceTypeName + " data source to refer to them instead of managing them."
		}
	}
	apierr.AddError(diags, action, hookSourceTypeName, id, err)
}
