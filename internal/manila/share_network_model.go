package manila

import (
	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// shareNetworkModel is the state of the continuity_manila_share_network
// data source.
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

// fromAPI sets every attribute the API returns (a share network without a
// name has the name "", which is what a lookup by name matched).
func (m *shareNetworkModel) fromAPI(n *ShareNetwork) {
	*m = shareNetworkModel{
		ID: types.StringValue(n.ID), Name: types.StringValue(conv.Deref(n.Name)), Description: types.StringPointerValue(n.Description),
		ProjectID: types.StringValue(n.ProjectID), NeutronNetID: types.StringPointerValue(n.NeutronNetID),
		NeutronSubnetID: types.StringPointerValue(n.NeutronSubnetID), NetworkType: types.StringPointerValue(n.NetworkType),
		SegmentationID: types.Int64PointerValue(n.SegmentationID), CIDR: types.StringPointerValue(n.CIDR),
		IPVersion: types.Int64PointerValue(n.IPVersion), Gateway: types.StringPointerValue(n.Gateway),
		MTU: types.Int64PointerValue(n.MTU), CreatedAt: types.StringValue(n.CreatedAt),
	}
}
