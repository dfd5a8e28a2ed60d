package astra

import (
	"context"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const appsTypeName = "continuity_astra_apps"

var _ datasource.DataSourceWithConfigure = (*appsDataSource)(nil)

// NewAppsDataSource returns the continuity_astra_apps data source.
func NewAppsDataSource() datasource.DataSource { return &appsDataSource{} }

type appsDataSource struct{ client *Client }

func (d *appsDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = appsTypeName
}

func (d *appsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	filter := func(desc string, v ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, MarkdownDescription: desc, Validators: v}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the apps managed by Astra Control. Each filter set is passed to the API as a `filter` query " +
			"parameter (`field eq 'value'`, all of them must match), and checked again on the answer.",
		Attributes: map[string]schema.Attribute{
			"name":         filter("Only apps of this name.", stringvalidator.LengthBetween(1, 63)),
			"cluster_id":   filter("Only apps on this managed cluster.", astraIDValidator("a managed cluster")),
			"cluster_name": filter("Only apps on the managed cluster of this name.", stringvalidator.LengthAtLeast(1)),
			"namespace":    filter("Only apps with this namespace (`namespaces[*] eq 'value'`).", stringvalidator.LengthBetween(1, 63), dns1123Validator),
			"state": filter("Only apps in this state: `pending`, `discovering`, `provisioning`, `ready`, `failed`, `restoring`, "+
				"`unavailable`, `unknown` or `deleting`.", stringvalidator.OneOf(appStates...)),
			"ids": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "IDs of the matching apps, in the API's order."},
			"apps": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The matching apps, in the API's order.",
				NestedObject:        schema.NestedAttributeObject{Attributes: appComputedAttributes()},
			},
		},
	}
}

func (d *appsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *appsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state appsDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	list, err := d.client.ListApps(ctx, AppFilter{
		Name: state.Name.ValueString(), ClusterID: state.ClusterID.ValueString(), ClusterName: state.ClusterName.ValueString(),
		Namespace: state.Namespace.ValueString(), State: state.State.ValueString(),
	})
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "listing apps for", appsTypeName, "", err)
		return
	}
	state.IDs = make([]string, len(list))
	state.Apps = make([]appModel, len(list))
	for i := range list {
		state.IDs[i] = list[i].ID
		state.Apps[i].fromAPI(&list[i])
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
