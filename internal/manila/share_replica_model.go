package manila

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// shareReplicaModel is the state of the continuity_manila_share_replica resource.
type shareReplicaModel struct {
	ID                  types.String   `tfsdk:"id"`
	ShareID             types.String   `tfsdk:"share_id"`
	AvailabilityZone    types.String   `tfsdk:"availability_zone"`
	ShareNetworkID      types.String   `tfsdk:"share_network_id"`
	Active              types.Bool     `tfsdk:"active"`
	ResyncWhenOutOfSync types.Bool     `tfsdk:"resync_when_out_of_sync"`
	Status              types.String   `tfsdk:"status"`
	ReplicaState        types.String   `tfsdk:"replica_state"`
	Host                types.String   `tfsdk:"host"`
	ShareServerID       types.String   `tfsdk:"share_server_id"`
	CreatedAt           types.String   `tfsdk:"created_at"`
	ExportLocations     types.List     `tfsdk:"export_locations"`
	Timeouts            timeouts.Value `tfsdk:"timeouts"`
}

// fromAPI sets every attribute the API returns. active is the user's
// wish: it follows the API only while it is true (a replica that stopped
// being active outside Terraform then plans its promotion again);
// false means "no opinion" and stays false whatever the replica is.
func (m *shareReplicaModel) fromAPI(r *ShareReplica, exports []ExportLocation) {
	m.ID = types.StringValue(r.ID)
	m.ShareID = types.StringValue(r.ShareID)
	m.AvailabilityZone = types.StringPointerValue(r.AvailabilityZone)
	m.ShareNetworkID = types.StringPointerValue(r.ShareNetworkID)
	m.Status = types.StringValue(r.Status)
	m.ReplicaState = types.StringPointerValue(r.ReplicaState)
	m.Host = types.StringPointerValue(r.Host)
	if m.Host.ValueString() == "" {
		m.Host = types.StringNull()
	}
	m.ShareServerID = types.StringPointerValue(r.ShareServerID)
	m.CreatedAt = types.StringValue(r.CreatedAt)
	m.ExportLocations = exportLocationList(exports)
	active := stateOf(r) == replicaActive
	if m.Active.IsNull() || m.Active.IsUnknown() || m.Active.ValueBool() {
		m.Active = types.BoolValue(active)
	}
	if m.ResyncWhenOutOfSync.IsNull() || m.ResyncWhenOutOfSync.IsUnknown() {
		m.ResyncWhenOutOfSync = types.BoolValue(false)
	}
}
