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
	Size               types.Int64    `tfsdk:"size"`
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
	if size := pairSize(p); size > 0 {
		m.Size = types.Int64Value(size)
	} else if m.Size.IsUnknown() {
		m.Size = types.Int64Null()
	}
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

// replicationPairsDataModel is the state of continuity_sdrs_replication_pairs.
type replicationPairsDataModel struct {
	GroupID              types.String          `tfsdk:"server_group_id"`
	GroupIDs             types.List            `tfsdk:"server_group_ids"`
	ProtectedInstanceID  types.String          `tfsdk:"protected_instance_id"`
	ProtectedInstanceIDs types.List            `tfsdk:"protected_instance_ids"`
	Name                 types.String          `tfsdk:"name"`
	Status               types.String          `tfsdk:"status"`
	QueryType            types.String          `tfsdk:"query_type"`
	AvailabilityZone     types.String          `tfsdk:"availability_zone"`
	IDs                  types.List            `tfsdk:"ids"`
	Pairs                []replicationPairItem `tfsdk:"replication_pairs"`
}

// filter returns the list's query; the ID lists were validated at plan
// time, so their elements are known strings.
func (m replicationPairsDataModel) filter() PairFilter {
	return PairFilter{
		GroupID: m.GroupID.ValueString(), GroupIDs: listStrings(m.GroupIDs),
		ProtectedInstanceID: m.ProtectedInstanceID.ValueString(), ProtectedInstanceIDs: listStrings(m.ProtectedInstanceIDs),
		Name: m.Name.ValueString(), Status: m.Status.ValueString(), QueryType: m.QueryType.ValueString(),
		AvailabilityZone: m.AvailabilityZone.ValueString(),
	}
}

// replicationPairItem is one replication pair of the list: every field the
// API returns.
type replicationPairItem struct {
	ID                types.String               `tfsdk:"id"`
	Name              types.String               `tfsdk:"name"`
	Description       types.String               `tfsdk:"description"`
	Status            types.String               `tfsdk:"status"`
	ServerGroupID     types.String               `tfsdk:"server_group_id"`
	VolumeIDs         []types.String             `tfsdk:"volume_ids"`
	VolumeID          types.String               `tfsdk:"volume_id"`
	TargetVolumeID    types.String               `tfsdk:"target_volume_id"`
	ReplicationModel  types.String               `tfsdk:"replication_model"`
	ReplicationStatus types.String               `tfsdk:"replication_status"`
	Progress          types.Int64                `tfsdk:"progress"`
	FaultLevel        types.String               `tfsdk:"fault_level"`
	FailureDetail     types.String               `tfsdk:"failure_detail"`
	PriorityStation   types.String               `tfsdk:"priority_station"`
	Attachment        []replicationAttachment    `tfsdk:"attachment"`
	RecordMetadata    *replicationRecordMetadata `tfsdk:"record_metadata"`
	CreatedAt         types.String               `tfsdk:"created_at"`
	UpdatedAt         types.String               `tfsdk:"updated_at"`
	Healthy           types.Bool                 `tfsdk:"healthy"`
}

// replicationAttachment is a protected instance a pair is attached to.
type replicationAttachment struct {
	ProtectedInstance types.String `tfsdk:"protected_instance"`
	Device            types.String `tfsdk:"device"`
}

// replicationRecordMetadata describes a pair's disks.
type replicationRecordMetadata struct {
	Multiattach types.Bool   `tfsdk:"multiattach"`
	Bootable    types.Bool   `tfsdk:"bootable"`
	VolumeSize  types.Int64  `tfsdk:"volume_size"`
	VolumeType  types.String `tfsdk:"volume_type"`
}

// replicationPairItemFromAPI reads the fields the resource reads as the
// resource does, then the others.
func replicationPairItemFromAPI(p *Pair) replicationPairItem {
	var m replicationPairResourceModel
	m.fromAPI(p)
	item := replicationPairItem{
		ID: m.ID, Name: m.Name, Description: m.Description, Status: m.Status, ServerGroupID: m.GroupID,
		VolumeID: m.VolumeID, TargetVolumeID: m.TargetVolumeID, ReplicationModel: m.ReplicationModel,
		ReplicationStatus: m.ReplicationStatus, FaultLevel: m.FaultLevel, PriorityStation: m.PriorityStation,
		CreatedAt: m.CreatedAt, UpdatedAt: m.UpdatedAt,
		Progress:      types.Int64Value(int64(p.Progress)),
		FailureDetail: optionalString(p.FailureDetail),
		VolumeIDs:     []types.String{},
		Attachment:    []replicationAttachment{},
	}
	for _, id := range strings.Split(p.VolumeIds, ",") {
		if id = strings.TrimSpace(id); id != "" {
			item.VolumeIDs = append(item.VolumeIDs, types.StringValue(id))
		}
	}
	for _, a := range p.Attachment {
		item.Attachment = append(item.Attachment, replicationAttachment{
			ProtectedInstance: types.StringValue(a.ProtectedInstance), Device: types.StringValue(a.Device)})
	}
	if md := p.RecordMetadata; md != nil {
		item.RecordMetadata = &replicationRecordMetadata{
			Multiattach: types.BoolValue(md.Multiattach), Bootable: types.BoolValue(md.Bootable),
			VolumeSize: types.Int64Value(int64(md.VolumeSize)), VolumeType: optionalString(md.VolumeType.Value()),
		}
	}
	item.Healthy = types.BoolValue(pairHealthy(item))
	return item
}
