package astra

import (
	"context"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const hookSourcesTypeName = "continuity_astra_hook_sources"

var _ datasource.DataSourceWithConfigure = (*hookSourcesDataSource)(nil)

// NewHookSourcesDataSource returns the continuity_astra_hook_sources data source.
func NewHookSourcesDataSource() datasource.DataSource { return &hookSourcesDataSource{} }

type hookSourcesDataSource struct{ client *Client }

func (d *hookSourcesDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = hookSourcesTypeName
}

func (d *hookSourcesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	one := map[string]schema.Attribute{
		"id":          computedString("The hook source's ID."),
		"name":        computedString("Name."),
		"description": computedString("Description."),
		"source":      computedString("The script in base64; null when the hook source is private."),
		"content":     computedString("The script as text; null when the hook source is private."),
		"source_md5":  computedString("MD5 checksum of the base64 source text."),
		"private":     schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the API keeps the script private."},
		"preloaded":   schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the hook source was preloaded by NetApp (read-only)."},
		"created_at":  computedString("Creation time (UTC)."),
		"updated_at":  computedString("Last modification time (UTC)."),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the hook sources (execution hook scripts) of the Astra account, optionally filtered by the API.",
		Attributes: map[string]schema.Attribute{
			"filter": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Conditions the hook sources must all meet, passed to the API's `filter` query parameter: " +
					"`field op 'value'`, several separated by commas, with `op` one of `eq`, `lt`, `gt`, `lte`, `gte`, `in` (contains) and the API's " +
					"field names, e.g. `preloaded eq 'true'` or `name in 'postgres'`.",
				Validators: []validator.String{queryFilterValidator},
			},
			"ids": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "IDs of the hook sources, in the API's order."},
			"hook_sources": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The hook sources, in the API's order.",
				NestedObject:        schema.NestedAttributeObject{Attributes: one},
			},
		},
	}
}

func (d *hookSourcesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *hookSourcesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state hookSourcesDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	list, err := d.client.ListHookSources(ctx, state.Filter.ValueString())
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "listing hook sources for", hookSourcesTypeName, "", err)
		return
	}
	state.IDs = make([]types.String, len(list))
	state.HookSources = make([]hookSourceDataModel, len(list))
	for i := range list {
		state.IDs[i] = types.StringValue(list[i].ID)
		state.HookSources[i].fromAPI(&list[i])
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
