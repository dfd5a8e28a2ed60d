package astra

import (
	"context"
	"fmt"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

var (
	_ datasource.DataSourceWithConfigure        = (*hookSourceDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*hookSourceDataSource)(nil)
)

// NewHookSourceDataSource returns the continuity_astra_hook_source data source.
func NewHookSourceDataSource() datasource.DataSource { return &hookSourceDataSource{} }

type hookSourceDataSource struct{ client *Client }

func (d *hookSourceDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = hookSourceTypeName
}

func (d *hookSourceDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up an Astra Control hook source by `id` or by `name`, for instance a preloaded one to use in an execution hook.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The hook source's ID. Exactly one of `id` and `name` must be set.",
				Validators: []validator.String{astraIDValidator("")}},
			"name": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The hook source's name (names are unique). Exactly one of `id` and `name` must be set.",
				Validators: []validator.String{stringvalidator.LengthBetween(1, 63)}},
			"description": schema.StringAttribute{Computed: true, MarkdownDescription: "Description."},
			"source":      schema.StringAttribute{Computed: true, MarkdownDescription: "The script in base64; null when the hook source is private."},
			"content":     schema.StringAttribute{Computed: true, MarkdownDescription: "The script as text; null when the hook source is private."},
			"source_md5":  schema.StringAttribute{Computed: true, MarkdownDescription: "MD5 checksum of the base64 source text."},
			"private":     schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the API keeps the script private."},
			"preloaded":   schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the hook source was preloaded by NetApp (read-only)."},
			"created_at":  schema.StringAttribute{Computed: true, MarkdownDescription: "Creation time (UTC)."},
			"updated_at":  schema.StringAttribute{Computed: true, MarkdownDescription: "Last modification time (UTC)."},
		},
	}
}

func (d *hookSourceDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name"))}
}

func (d *hookSourceDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *hookSourceDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config hookSourceDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var found *HookSource
	if id := config.ID.ValueString(); id != "" {
		h, err := d.client.GetHookSource(ctx, id)
		if err != nil {
			apierr.AddError(&resp.Diagnostics, "reading", hookSourceTypeName, id, err)
			return
		}
		found = h
	} else {
		name := config.Name.ValueString()
		list, err := d.client.FindHookSourcesByName(ctx, name)
		if err != nil {
			apierr.AddError(&resp.Diagnostics, "listing hook sources for", hookSourceTypeName, name, err)
			return
		}
		switch len(list) {
		case 0:
			resp.Diagnostics.AddAttributeError(path.Root("name"), "Hook source not found",
				fmt.Sprintf("No hook source named %q exists in the Astra account. Check the name (it is case-sensitive).", name))
			return
		case 1:
			found = &list[0]
		default:
			ids := make([]string, len(list))
			for i, h := range list {
				ids[i] = h.ID
			}
			resp.Diagnostics.AddAttributeError(path.Root("name"), "Several hook sources match",
				fmt.Sprintf("%d hook sources are named %q (%s); look one up by id instead.", len(list), name, strings.Join(ids, ", ")))
			return
		}
	}
	var state hookSourceDataModel
	state.fromAPI(found)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
