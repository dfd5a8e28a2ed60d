package astra

import (
	"context"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const storageClassesTypeName = "continuity_astra_storage_classes"

var _ datasource.DataSourceWithConfigure = (*storageClassesDataSource)(nil)

// NewStorageClassesDataSource returns the continuity_astra_storage_classes data source.
func NewStorageClassesDataSource() datasource.DataSource { return &storageClassesDataSource{} }

type storageClassesDataSource struct{ client *Client }

func (d *storageClassesDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = storageClassesTypeName
}

func (d *storageClassesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the storage classes of a managed cluster, whose names go into `storage_classes` of a " +
			"`continuity_astra_app_mirror`.",
		Attributes: map[string]schema.Attribute{
			"cluster_id": schema.StringAttribute{Required: true, MarkdownDescription: "ID of the managed cluster.",
				Validators: []validator.String{astraIDValidator("a managed cluster")}},
			"names":        schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Names of the storage classes, in the API's order."},
			"default_name": computedString("Name of the cluster's default storage class; null when it has none."),
			"storage_classes": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The storage classes, in the API's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":                     computedString("Astra ID of the storage class."),
					"name":                   computedString("Kubernetes name."),
					"provisioner":            computedString("CSI provisioner, e.g. `csi.trident.netapp.io`."),
					"is_default":             schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it is the cluster's default."},
					"available":              computedString("`available`, `eligible` or `ineligible` for Astra Control."),
					"allow_volume_expansion": computedString("`true`, `false` or `unavailable`."),
					"reclaim_policy":         computedString("Kubernetes reclaim policy, e.g. `Delete`."),
					"volume_binding_mode":    computedString("Kubernetes volume binding mode, e.g. `Immediate`."),
				}},
			},
		},
	}
}

func (d *storageClassesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *storageClassesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state storageClassesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ClusterID.ValueString()
	list, err := d.client.ListStorageClasses(ctx, id)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "listing the storage classes of cluster", storageClassesTypeName, id, err)
		return
	}
	state.fromAPI(list)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
