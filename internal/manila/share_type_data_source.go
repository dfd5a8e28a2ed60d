package manila

import (
	"context"
	"fmt"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const shareTypeTypeName = "continuity_manila_share_type"

var _ datasource.DataSourceWithConfigure = (*shareTypeDataSource)(nil)

// NewShareTypeDataSource returns the continuity_manila_share_type data source.
func NewShareTypeDataSource() datasource.DataSource { return &shareTypeDataSource{} }

type shareTypeDataSource struct{ client *Client }

func (d *shareTypeDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = shareTypeTypeName
}

func (d *shareTypeDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up a Manila share type by name, for the `share_types` of a consistency group.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{Required: true, MarkdownDescription: "The share type's name.", Validators: []validator.String{nameValidator()}},
			"id":   schema.StringAttribute{Computed: true, MarkdownDescription: "The share type's ID."},
			"extra_specs": schema.MapAttribute{Computed: true, ElementType: types.StringType,
				MarkdownDescription: "The extra specs, such as `driver_handles_share_servers` and `snapshot_support`."},
			"driver_handles_share_servers": schema.BoolAttribute{Computed: true,
				MarkdownDescription: "Whether shares of this type need a share network (the `driver_handles_share_servers` extra spec)."},
			"is_public":  schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether every project may use the type."},
			"is_default": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it is the default share type, used when a consistency group names none."},
		},
	}
}

func (d *shareTypeDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *shareTypeDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state shareTypeModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.Name.ValueString()
	all, err := d.client.ListShareTypes(ctx)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "listing share types for", shareTypeTypeName, name, err)
		return
	}
	var found *ShareType
	var names []string
	for i := range all {
		names = append(names, all[i].Name)
		if all[i].Name == name {
			found = &all[i]
		}
	}
	if found == nil {
		resp.Diagnostics.AddAttributeError(path.Root("name"), "Share type not found",
			fmt.Sprintf("No share type visible to the project is named %q; the project sees: %s.", name, strings.Join(names, ", ")))
		return
	}
	def, err := d.client.DefaultShareType(ctx)
	switch {
	case apierr.IsNotFound(err):
		state.IsDefault = types.BoolValue(false)
	case err != nil:
		apierr.AddError(&resp.Diagnostics, "reading the default share type for", shareTypeTypeName, name, err)
		return
	default:
		state.IsDefault = types.BoolValue(def.ID == found.ID)
	}
	resp.Diagnostics.Append(state.fromAPI(ctx, found)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
