package sdrs

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

// replicationPairResourceModel is the state of continuity_sdrs_replication_pair.
type replicationPairResourceModel struct {
	ID                 types.String   `tfsdk:"id"`
	Name               types.String   `tfsdk:"name"`
	GroupID            types.String   `tfsdk:"group_id"`
	VolumeID           types.String   `tfsdk:"volume_id"`
	Description        types.String   `tfsdk:"description"`
	DeleteTargetVolume types.Bool     `tfsdk:"delete_target_volume"`
	TargetVolumeID     types.String   `tfsdk:"target_volume_id"`
	Status             types.String   `tfsdk:"status"`
	ReplicationStatus  types.String   `tfsdk:"replication_status"`
	ReplicationModel   types.String   `tfsdk:"replication_model"`
	FaultLevel         types.String   `tfsdk:"fault_level"`
	PriorityStation    types.String   `tfsdk:"priority_station"`
	CreatedAt          types.String   `tfsdk:"created_at"`
	UpdatedAt          types.String   `tfsdk:"updated_at"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
}

func (m replicationPairResourceModel) toAPI() model.CreateReplicationRequestParams {
	in := model.CreateReplicationRequestParams{
		ServerGroupId: m.GroupID.ValueString(),
		VolumeId:      m.VolumeID.ValueString(),
		Name:          m.Name.ValueString(),
	}
	in.Description = configured(m.Description)
	return in
}

// fromAPI sets every attribute the API returns; delete_target_volume is
// the provider's own (false after an import).
func (m *replicationPairResourceModel) fromAPI(p *Pair) {
	m.ID = types.StringValue(p.Id)
	m.Name = types.StringValue(p.Name)
	m.GroupID = types.StringValue(p.ServerGroupId)
	m.Description = optionalString(p.Description)
	// volume_ids is "production disk,DR-site disk".
	production, target, _ := strings.Cut(p.VolumeIds, ",")
	m.VolumeID = types.StringValue(production)
	m.TargetVolumeID = optionalString(target)
	m.Status = types.StringValue(p.Status)
	m.ReplicationStatus = optionalString(p.ReplicationStatus.Value())
	m.ReplicationModel = optionalString(p.ReplicationModel)
	m.FaultLevel = optionalString(p.FaultLevel)
	m.PriorityStation = optionalString(p.PriorityStation)
	m.CreatedAt = optionalString(p.CreatedAt)
	m.UpdatedAt = optionalString(p.UpdatedAt)
	if m.DeleteTargetVolume.IsNull() || m.DeleteTargetVolume.IsUnknown() {
		m.DeleteTargetVolume = types.BoolValue(false)
	}
}
