package manila

import (
	"context"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const consistencyGroupsTypeName = "continuity_manila_consistency_groups"

var _ datasource.DataSourceWithConfigure = (*consistencyGroupsDataSource)(nil)

// NewConsistencyGroupsDataSource returns the continuity_manila_consistency_groups data source.
func NewConsistencyGroupsDataSource() datasource.DataSource { return &consistencyGroupsDataSource{} }

type consistencyGroupsDataSource struct{ client *Client }

func (d *consistencyGroupsDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = consistencyGroupsTypeName
}

func (d *consistencyGroupsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	item := consistencyGroupDataAttributes()
	item["id"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The group's ID."}
	item["name"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The group's name."}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the Manila consistency groups of the project, in the order Manila returns them, optionally " +
			"only those with a given name or status.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{Optional: true, MarkdownDescription: "Only groups with exactly this name.",
				Validators: []validator.String{nameValidator()}},
			"status": schema.StringAttribute{Optional: true,
				MarkdownDescription: "Only groups in this status: `creating`, `available`, `deleting`, `error` or `error_deleting`.",
				Validators:          []validator.String{stringvalidator.OneOf(groupStatuses...)}},
			"ids": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "IDs of the groups found."},
			"consistency_groups": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The groups found.",
				NestedObject: schema.NestedAttributeObject{Attributes: item},
			},
		},
	}
}

func (d *consistencyGroupsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *consistencyGroupsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state consistencyGroupsDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	all, err := d.client.ListConsistencyGroups(ctx)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "listing", consistencyGroupsTypeName, "", err)
		return
	}
	state.fromAPI(all)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
