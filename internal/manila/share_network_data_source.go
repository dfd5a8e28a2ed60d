package manila

import (
	"context"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

const shareNetworkTypeName = "continuity_manila_share_network"

var _ datasource.DataSourceWithConfigure = (*shareNetworkDataSource)(nil)

// NewShareNetworkDataSource returns the continuity_manila_share_network data source.
func NewShareNetworkDataSource() datasource.DataSource { return &shareNetworkDataSource{} }

type shareNetworkDataSource struct{ client *Client }

func (d *shareNetworkDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = shareNetworkTypeName
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
			"name": schema.StringAttribute{Required: true, Validators: []validator.String{nameValidator()},
				MarkdownDescription: "The share network's name; exactly one network of the project must have it."},
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

// shareNetworksByName finds a share network of the project by name.
var shareNetworksByName = byName[ShareNetwork]{
	kind: "share network", kinds: "share networks",
	name:      func(n *ShareNetwork) string { return conv.Deref(n.Name) },
	id:        func(n *ShareNetwork) string { return n.ID },
	notFound:  "Share networks belong to a project: check the project the credentials are scoped to.",
	ambiguous: "use the ID instead.",
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
		apierr.AddError(&resp.Diagnostics, "listing share networks for", shareNetworkTypeName, name, err)
		return
	}
	n, ok := shareNetworksByName.one(all, name, &resp.Diagnostics)
	if !ok {
		return
	}
	state.fromAPI(n)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
