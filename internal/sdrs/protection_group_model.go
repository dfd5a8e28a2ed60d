package sdrs

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

// protectionGroupResourceModel is the state of continuity_sdrs_protection_group.
type protectionGroupResourceModel struct {
	ID                       types.String   `tfsdk:"id"`
	Name                     types.String   `tfsdk:"name"`
	Description              types.String   `tfsdk:"description"`
	SourceAvailabilityZone   types.String   `tfsdk:"source_availability_zone"`
	TargetAvailabilityZone   types.String   `tfsdk:"target_availability_zone"`
	DomainID                 types.String   `tfsdk:"domain_id"`
	SourceVPCID              types.String   `tfsdk:"source_vpc_id"`
	DRType                   types.String   `tfsdk:"dr_type"`
	Enabled                  types.Bool     `tfsdk:"enabled"`
	PriorityStation          types.String   `tfsdk:"priority_station"`
	FailedOver               types.Bool     `tfsdk:"failed_over"`
	DeleteFailedJobs         types.Bool     `tfsdk:"delete_failed_jobs"`
	Status                   types.String   `tfsdk:"status"`
	ProtectedStatus          types.String   `tfsdk:"protected_status"`
	ReplicationStatus        types.String   `tfsdk:"replication_status"`
	HealthStatus             types.String   `tfsdk:"health_status"`
	Progress                 types.Int64    `tfsdk:"progress"`
	TargetVPCID              types.String   `tfsdk:"target_vpc_id"`
	DomainName               types.String   `tfsdk:"domain_name"`
	ProtectedInstanceNum     types.Int64    `tfsdk:"protected_instance_num"`
	ReplicationNum           types.Int64    `tfsdk:"replication_num"`
	DisasterRecoveryDrillNum types.Int64    `tfsdk:"disaster_recovery_drill_num"`
	ServerType               types.String   `tfsdk:"server_type"`
	ProtectionType           types.String   `tfsdk:"protection_type"`
	CreatedAt                types.String   `tfsdk:"created_at"`
	UpdatedAt                types.String   `tfsdk:"updated_at"`
	Timeouts                 timeouts.Value `tfsdk:"timeouts"`
}

// toAPI returns the create request's server_group.
func (m protectionGroupResourceModel) toAPI() model.CreateProtectionGroupRequestParams {
	in := model.CreateProtectionGroupRequestParams{
		Name:                   m.Name.ValueString(),
		SourceAvailabilityZone: m.SourceAvailabilityZone.ValueString(),
		TargetAvailabilityZone: m.TargetAvailabilityZone.ValueString(),
		DomainId:               m.DomainID.ValueString(),
		SourceVpcId:            m.SourceVPCID.ValueString(),
	}
	in.Description = configured(m.Description)
	in.DrType, _ = sdkEnum[model.CreateProtectionGroupRequestParamsDrType](m.DRType.ValueString())
	return in
}

// fromAPI sets every attribute the API returns; delete_failed_jobs is the
// provider's own (false after an import).
func (m *protectionGroupResourceModel) fromAPI(g *Group) {
	m.ID = types.StringValue(g.Id)
	m.Name = types.StringValue(g.Name)
	m.Description = optionalString(g.Description)
	m.SourceAvailabilityZone = types.StringValue(g.SourceAvailabilityZone)
	m.TargetAvailabilityZone = types.StringValue(g.TargetAvailabilityZone)
	m.DomainID = types.StringValue(g.DomainId)
	m.SourceVPCID = types.StringValue(g.SourceVpcId)
	m.DRType = types.StringValue(g.DrType)
	m.Enabled = types.BoolValue(protectionEnabled(g))
	m.PriorityStation = types.StringValue(g.PriorityStation)
	m.FailedOver = types.BoolValue(failedOver(g))
	if m.DeleteFailedJobs.IsNull() || m.DeleteFailedJobs.IsUnknown() {
		m.DeleteFailedJobs = types.BoolValue(false)
	}
	m.Status = types.StringValue(g.Status)
	m.ProtectedStatus = optionalString(g.ProtectedStatus.Value())
	m.ReplicationStatus = optionalString(g.ReplicationStatus.Value())
	m.HealthStatus = optionalString(g.HealthStatus.Value())
	m.Progress = types.Int64Value(int64(g.Progress))
	m.TargetVPCID = optionalString(g.TargetVpcId)
	m.DomainName = optionalString(g.DomainName)
	m.ProtectedInstanceNum = types.Int64Value(int64(g.ProtectedInstanceNum))
	m.ReplicationNum = types.Int64Value(int64(g.ReplicationNum))
	m.DisasterRecoveryDrillNum = types.Int64Value(int64(g.DisasterRecoveryDrillNum))
	m.ServerType = optionalString(g.ServerType)
	m.ProtectionType = optionalString(g.ProtectionType.Value())
	m.CreatedAt = optionalString(g.CreatedAt)
	m.UpdatedAt = optionalString(g.UpdatedAt)
}

// protectionGroupsDataModel is the state of continuity_sdrs_protection_groups.
type protectionGroupsDataModel struct {
	Name             types.String          `tfsdk:"name"`
	Status           types.String          `tfsdk:"status"`
	AvailabilityZone types.String          `tfsdk:"availability_zone"`
	QueryType        types.String          `tfsdk:"query_type"`
	IDs              types.List            `tfsdk:"ids"`
	Groups           []protectionGroupItem `tfsdk:"protection_groups"`
}

// protectionGroupItem is one protection group of the list.
type protectionGroupItem struct {
	ID                       types.String `tfsdk:"id"`
	Name                     types.String `tfsdk:"name"`
	Description              types.String `tfsdk:"description"`
	Status                   types.String `tfsdk:"status"`
	Enabled                  types.Bool   `tfsdk:"enabled"`
	PriorityStation          types.String `tfsdk:"priority_station"`
	FailedOver               types.Bool   `tfsdk:"failed_over"`
	ProtectedStatus          types.String `tfsdk:"protected_status"`
	ReplicationStatus        types.String `tfsdk:"replication_status"`
	HealthStatus             types.String `tfsdk:"health_status"`
	Progress                 types.Int64  `tfsdk:"progress"`
	SourceAvailabilityZone   types.String `tfsdk:"source_availability_zone"`
	TargetAvailabilityZone   types.String `tfsdk:"target_availability_zone"`
	DomainID                 types.String `tfsdk:"domain_id"`
	DomainName               types.String `tfsdk:"domain_name"`
	SourceVPCID              types.String `tfsdk:"source_vpc_id"`
	TargetVPCID              types.String `tfsdk:"target_vpc_id"`
	DRType                   types.String `tfsdk:"dr_type"`
	ServerType               types.String `tfsdk:"server_type"`
	ProtectionType           types.String `tfsdk:"protection_type"`
	ProtectedInstanceNum     types.Int64  `tfsdk:"protected_instance_num"`
	ReplicationNum           types.Int64  `tfsdk:"replication_num"`
	DisasterRecoveryDrillNum types.Int64  `tfsdk:"disaster_recovery_drill_num"`
	CreatedAt                types.String `tfsdk:"created_at"`
	UpdatedAt                types.String `tfsdk:"updated_at"`
	Healthy                  types.Bool   `tfsdk:"healthy"`
}

func protectionGroupItemFromAPI(g *Group) protectionGroupItem {
	var m protectionGroupResourceModel
	m.fromAPI(g)
	item := protectionGroupItem{
		ID: m.ID, Name: m.Name, Description: m.Description, Status: m.Status, Enabled: m.Enabled, PriorityStation: m.PriorityStation,
		FailedOver:      m.FailedOver,
		ProtectedStatus: m.ProtectedStatus, ReplicationStatus: m.ReplicationStatus, HealthStatus: m.HealthStatus, Progress: m.Progress,
		SourceAvailabilityZone: m.SourceAvailabilityZone, TargetAvailabilityZone: m.TargetAvailabilityZone, DomainID: m.DomainID,
		DomainName: m.DomainName, SourceVPCID: m.SourceVPCID, TargetVPCID: m.TargetVPCID, DRType: m.DRType, ServerType: m.ServerType,
		ProtectionType: m.ProtectionType, ProtectedInstanceNum: m.ProtectedInstanceNum, ReplicationNum: m.ReplicationNum,
		DisasterRecoveryDrillNum: m.DisasterRecoveryDrillNum, CreatedAt: m.CreatedAt, UpdatedAt: m.UpdatedAt,
	}
	item.Healthy = types.BoolValue(groupHealthy(item))
	return item
}
