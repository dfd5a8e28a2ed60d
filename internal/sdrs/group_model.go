package sdrs

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

// Protection group statuses the provider acts on (specs/sdrs.md §1.8).
const (
	statusAvailable         = "available"
	statusProtected         = "protected"
	statusErrorStarting     = "error-starting"
	statusFailedOver        = "failed-over"
	statusErrorReprotecting = "error-reprotecting"
	statusStopping          = "stopping"
	statusErrorStopping     = "error-stopping"
	statusReversing         = "reversing"
	statusErrorReversing    = "error-reversing"
	statusErrorFailingOver  = "error-failing-over"
)

// Production sites of a protection group.
const (
	stationSource = "source"
	stationTarget = "target"
)

// groupResourceModel is the state of continuity_sdrs_protection_group.
type groupResourceModel struct {
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
func (m groupResourceModel) toAPI() model.CreateProtectionGroupRequestParams {
	in := model.CreateProtectionGroupRequestParams{
		Name:                   m.Name.ValueString(),
		SourceAvailabilityZone: m.SourceAvailabilityZone.ValueString(),
		TargetAvailabilityZone: m.TargetAvailabilityZone.ValueString(),
		DomainId:               m.DomainID.ValueString(),
		SourceVpcId:            m.SourceVPCID.ValueString(),
	}
	if !m.Description.IsNull() && !m.Description.IsUnknown() {
		d := m.Description.ValueString()
		in.Description = &d
	}
	if !m.DRType.IsNull() && !m.DRType.IsUnknown() {
		var t model.CreateProtectionGroupRequestParamsDrType
		if t.UnmarshalJSON([]byte(`"`+m.DRType.ValueString()+`"`)) == nil {
			in.DrType = &t
		}
	}
	return in
}

// fromAPI sets every attribute the API returns.
func (m *groupResourceModel) fromAPI(g *Group) {
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

// optionalString maps the SDK's renderings of a JSON null (an empty string,
// or "null" for its enum types) to a null value.
func optionalString(s string) types.String {
	if s == "" || s == "null" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// protectionEnabled tells from a group whether its protection is started:
// protected_status when the API reports it (it is null for groups created
// after SDRS's upgrade), else the status.
func protectionEnabled(g *Group) bool {
	switch g.ProtectedStatus.Value() {
	case "started":
		return true
	case "stopped":
		return false
	}
	switch g.Status {
	case statusProtected, statusStopping, statusErrorStopping, statusReversing, statusErrorReversing, statusErrorFailingOver:
		return true
	}
	return false
}
