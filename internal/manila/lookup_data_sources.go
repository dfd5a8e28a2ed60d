package manila

import (
	"context"
	"fmt"
	"strings"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var (
	_ datasource.DataSourceWithConfigure = (*shareTypeDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*shareNetworkDataSource)(nil)
)

// NewShareTypeDataSource returns the continuity_manila_share_type data source.
func NewShareTypeDataSource() datasource.DataSource { return &shareTypeDataSource{} }

type shareTypeDataSource struct{ client *Client }

type shareTypeModel struct {
	ID                        types.String `tfsdk:"id"`
	Name                      types.String `tfsdk:"name"`
	ExtraSpecs                types.Map    `tfsdk:"extra_specs"`
	DriverHandlesShareServers types.Bool   `tfsdk:"driver_handles_share_servers"`
	IsPublic                  types.Bool   `tfsdk:"is_public"`
	IsDefault                 types.Bool   `tfsdk:"is_default"`
}

func (d *shareTypeDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "continuity_manila_share_type"
}

func (d *shareTypeDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up a Manila share type by name, for the `share_types` of a consistency group.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{Required: true, MarkdownDescription: "The share type's name."},
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
		apierr.AddError(&resp.Diagnostics, "listing share types for", "continuity_manila_share_type", name, err)
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
		apierr.AddError(&resp.Diagnostics, "reading the default share type for", "continuity_manila_share_type", name, err)
		return
	default:
		state.IsDefault = types.BoolValue(def.ID == found.ID)
	}
	specs, diags := types.MapValueFrom(ctx, types.StringType, found.ExtraSpecs)
	resp.Diagnostics.Append(diags...)
	state.ID = types.StringValue(found.ID)
	state.ExtraSpecs = specs
	state.DriverHandlesShareServers = types.BoolValue(boolFromString(found.ExtraSpecs["driver_handles_share_servers"]))
	state.IsPublic = types.BoolValue(found.IsPublic)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// boolFromString reads an extra spec as Manila does (strutils.bool_from_string).
func boolFromString(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "t", "true", "on", "y", "yes":
		return true
	}
	return false
}

// NewShareNetworkDataSource returns the continuity_manila_share_network data source.
func NewShareNetworkDataSource() datasource.DataSource { return &shareNetworkDataSource{} }

type shareNetworkDataSource struct{ client *Client }

type shareNetworkModel struct {
	ID              types.String `tfsdk:"id"`
	Name            types.String `tfsdk:"name"`
	Description     types.String `tfsdk:"description"`
	ProjectID       types.String `tfsdk:"project_id"`
	NeutronNetID    types.String `tfsdk:"neutron_net_id"`
	NeutronSubnetID types.String `tfsdk:"neutron_subnet_id"`
	NetworkType     types.String `tfsdk:"network_type"`
	SegmentationID  types.Int64  `tfsdk:"segmentation_id"`
	CIDR            types.String `tfsdk:"cidr"`
	IPVersion       types.Int64  `tfsdk:"ip_version"`
	Gateway         types.String `tfsdk:"gateway"`
	MTU             types.Int64  `tfsdk:"mtu"`
	CreatedAt       types.String `tfsdk:"created_at"`
}

func (d *shareNetworkDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "continuity_manila_share_network"
}

func (d *shareNetworkDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	num := func(desc string) schema.Int64Attribute {
		return schema.Int64Attribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up a Manila share network of the project by name, for the `share_network_id` of a consistency " +
			"group whose share types handle share servers.",
		Attributes: map[string]schema.Attribute{
			"name":              schema.StringAttribute{Required: true, MarkdownDescription: "The share network's name; exactly one network of the project must have it."},
			"id":                str("The share network's ID."),
			"description":       str("Description."),
			"project_id":        str("The owning project."),
			"neutron_net_id":    str("The Neutron network."),
			"neutron_subnet_id": str("The Neutron subnet."),
			"network_type":      str("Network type (`flat`, `vlan`, `vxlan`, `gre`)."),
			"segmentation_id":   num("Segmentation ID."),
			"cidr":              str("The subnet's CIDR."),
			"ip_version":        num("IP version, 4 or 6."),
			"gateway":           str("Gateway (microversion 2.18 and later)."),
			"mtu":               num("MTU (microversion 2.20 and later)."),
			"created_at":        str("Creation time (UTC, no zone)."),
		},
	}
}

func (d *shareNetworkDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *shareNetworkDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state shareNetworkModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.Name.ValueString()
	all, err := d.client.ListShareNetworks(ctx, name)
	if err != nil {
		apierr.AddError(&resp.Diagnostics, "listing share networks for", "continuity_manila_share_network", name, err)
		return
	}
	var matched []ShareNetwork
	for _, n := range all {
		if derefString(n.Name) == name {
			matched = append(matched, n)
		}
	}
	switch len(matched) {
	case 0:
		resp.Diagnostics.AddAttributeError(path.Root("name"), "Share network not found",
			fmt.Sprintf("No share network of the project is named %q. Share networks belong to a project: check the project the credentials are scoped to.", name))
		return
	case 1:
	default:
		ids := make([]string, len(matched))
		for i, n := range matched {
			ids[i] = n.ID
		}
		resp.Diagnostics.AddAttributeError(path.Root("name"), "Several share networks match",
			fmt.Sprintf("%d share networks are named %q (%s); use the ID instead.", len(matched), name, strings.Join(ids, ", ")))
		return
	}
	n := matched[0]
	state = shareNetworkModel{
		ID: types.StringValue(n.ID), Name: types.StringValue(name), Description: types.StringPointerValue(n.Description),
		ProjectID: types.StringValue(n.ProjectID), NeutronNetID: types.StringPointerValue(n.NeutronNetID),
		NeutronSubnetID: types.StringPointerValue(n.NeutronSubnetID), NetworkType: types.StringPointerValue(n.NetworkType),
		SegmentationID: types.Int64PointerValue(n.SegmentationID), CIDR: types.StringPointerValue(n.CIDR),
		IPVersion: types.Int64PointerValue(n.IPVersion), Gateway: types.StringPointerValue(n.Gateway),
		MTU: types.Int64PointerValue(n.MTU), CreatedAt: types.StringValue(n.CreatedAt),
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
