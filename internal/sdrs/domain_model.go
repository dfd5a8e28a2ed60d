package sdrs

import "github.com/hashicorp/terraform-plugin-framework/types"

// domainDataModel is the state of continuity_sdrs_domain.
type domainDataModel struct {
	ID                     types.String `tfsdk:"id"`
	Name                   types.String `tfsdk:"name"`
	Description            types.String `tfsdk:"description"`
	LocalAvailabilityZone  types.String `tfsdk:"local_availability_zone"`
	RemoteAvailabilityZone types.String `tfsdk:"remote_availability_zone"`
}

func (m *domainDataModel) fromAPI(d Domain) {
	m.ID = types.StringValue(d.Id)
	m.Name = types.StringValue(d.Name)
	m.Description = types.StringValue(d.Description)
	m.LocalAvailabilityZone, m.RemoteAvailabilityZone = types.StringNull(), types.StringNull()
	if d.LocalReplicationCluster != nil {
		m.LocalAvailabilityZone = optionalString(d.LocalReplicationCluster.AvailabilityZone)
	}
	if d.RemoteReplicationCluster != nil {
		m.RemoteAvailabilityZone = optionalString(d.RemoteReplicationCluster.AvailabilityZone)
	}
}
