// Command noop is the baseline of make bench: a terraform-plugin-framework
// provider ("noop") with one resource, noop_hook_source, whose schema has
// the shape of continuity_astra_hook_source (the same attributes, types,
// defaults, validators and plan modifiers) but that calls no API. Whatever
// continuity costs beyond it is the continuity provider's own.
package main

import (
	"context"
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"log"

	"github.com/continuity-dr/terraform-provider-continuity/internal/profiling"
	"github.com/google/uuid"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func main() {
	stop := profiling.Start()
	err := providerserver.Serve(context.Background(), func() provider.Provider { return noopProvider{} },
		providerserver.ServeOpts{Address: "registry.terraform.io/continuity-dr/noop"})
	stop()
	if err != nil {
		log.Fatal(err)
	}
}

type noopProvider struct{}

func (noopProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "noop"
}

func (noopProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (noopProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (noopProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return &hookSource{} }}
}

func (noopProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

type hookSource struct{}

type model struct {
	ID          types.String   `tfsdk:"id"`
	Name        types.String   `tfsdk:"name"`
	Description types.String   `tfsdk:"description"`
	Source      types.String   `tfsdk:"source"`
	Content     types.String   `tfsdk:"content"`
	SourceMD5   types.String   `tfsdk:"source_md5"`
	Private     types.Bool     `tfsdk:"private"`
	Preloaded   types.Bool     `tfsdk:"preloaded"`
	CreatedAt   types.String   `tfsdk:"created_at"`
	UpdatedAt   types.String   `tfsdk:"updated_at"`
	Timeouts    timeouts.Value `tfsdk:"timeouts"`
}

var (
	_ resource.ResourceWithModifyPlan       = (*hookSource)(nil)
	_ resource.ResourceWithConfigValidators = (*hookSource)(nil)
)

func (*hookSource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "noop_hook_source"
}

func (*hookSource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	stable := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A hook source that exists nowhere.",
		Attributes: map[string]schema.Attribute{
			"id":          schema.StringAttribute{Computed: true, PlanModifiers: stable},
			"name":        schema.StringAttribute{Required: true, Validators: []validator.String{stringvalidator.LengthBetween(1, 63)}},
			"description": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString(""), Validators: []validator.String{stringvalidator.LengthAtMost(511)}},
			"source":      schema.StringAttribute{Optional: true, Computed: true, Validators: []validator.String{stringvalidator.LengthAtMost(131072)}},
			"content":     schema.StringAttribute{Optional: true, Computed: true, Validators: []validator.String{stringvalidator.LengthAtMost(98304)}},
			"source_md5":  schema.StringAttribute{Computed: true},
			"private":     schema.BoolAttribute{Computed: true, PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}},
			"preloaded":   schema.BoolAttribute{Computed: true, PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}},
			"created_at":  schema.StringAttribute{Computed: true, PlanModifiers: stable},
			"updated_at":  schema.StringAttribute{Computed: true},
			"timeouts":    timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (*hookSource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{resourcevalidator.ExactlyOneOf(path.MatchRoot("source"), path.MatchRoot("content"))}
}

// ModifyPlan computes source and its checksum from content, as the real
// resource does, so that both plans carry the same known values.
func (*hookSource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan model
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || plan.Content.IsUnknown() || plan.Content.IsNull() {
		return
	}
	plan.Source = types.StringValue(base64.StdEncoding.EncodeToString([]byte(plan.Content.ValueString())))
	sum := md5.Sum([]byte(plan.Source.ValueString()))
	plan.SourceMD5 = types.StringValue(hex.EncodeToString(sum[:]))
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

func (*hookSource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan model
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID = types.StringValue(uuid.NewSHA1(uuid.NameSpaceOID, []byte(plan.Name.ValueString())).String())
	plan.Private, plan.Preloaded = types.BoolValue(false), types.BoolValue(false)
	plan.CreatedAt = types.StringValue("2026-01-01T00:00:00Z")
	plan.UpdatedAt = plan.CreatedAt
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (*hookSource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state model
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update sets updated_at, as the real resource does (the API's answer).
func (*hookSource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan model
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.UpdatedAt = types.StringValue("2026-01-01T00:00:01Z")
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (*hookSource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
