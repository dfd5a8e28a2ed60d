package manila

import (
	"context"
	"net/url"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const shareGroupsTypeName = "continuity_manila_share_groups"

// shareGroupStatuses are the statuses of share groups (manila-groups.md §6).
var shareGroupStatuses = []string{statusCreating, statusAvailable, statusDeleting, statusError, statusErrorDeleting}

var _ datasource.DataSourceWithConfigure = (*shareGroupsDataSource)(nil)

// NewShareGroupsDataSource returns the continuity_manila_share_groups data source.
func NewShareGroupsDataSource() datasource.DataSource { return &shareGroupsDataSource{} }

type shareGroupsDataSource struct{ client *Client }

func (d *shareGroupsDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = shareGroupsTypeName
}

func (d *shareGroupsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	item := shareGroupDataAttributes()
	item["id"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The group's ID."}
	item["name"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The group's name."}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the Manila share groups of the project (microversion 2.31 on), in the order Manila returns " +
			"them, optionally only those with a given name or status.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{Optional: true, MarkdownDescription: "Only groups with exactly this name.",
				Validators: []validator.String{nameValidator()}},
			"status": schema.StringAttribute{Optional: true,
				MarkdownDescription: "Only groups in this status: `creating`, `available`, `deleting`, `error` or `error_deleting`.",
				Validators:          []validator.String{stringvalidator.OneOf(shareGroupStatuses...)}},
			"ids": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "IDs of the groups found."},
			"share_groups": schema.ListNestedAttribute{Computed: true, MarkdownDescription: "The groups found.",
				NestedObject: schema.NestedAttributeObject{Attributes: item}},
		},
	}
}

func (d *shareGroupsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *shareGroupsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state shareGroupsDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	q := url.Values{}
	if !state.Name.IsNull() {
		q.Set("name", state.Name.ValueString())
	}
	if !state.Status.IsNull() {
		q.Set("status", state.Status.ValueString())
	}
	all, err := d.client.ListShareGroups(ctx, q)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "listing", shareGroupsTypeName, "", err)
		return
	}
	state.fromAPI(all)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
