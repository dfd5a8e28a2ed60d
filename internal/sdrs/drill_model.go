package sdrs

import (
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

// drillResourceModel is the state of continuity_sdrs_drill.
type drillResourceModel struct {
	ID           types.String   `tfsdk:"id"`
	Name         types.String   `tfsdk:"name"`
	GroupID      types.String   `tfsdk:"group_id"`
	DrillVPCID   types.String   `tfsdk:"drill_vpc_id"`
	Status       types.String   `tfsdk:"status"`
	DrillServers types.List     `tfsdk:"drill_servers"`
	CreatedAt    types.String   `tfsdk:"created_at"`
	UpdatedAt    types.String   `tfsdk:"updated_at"`
	Timeouts     timeouts.Value `tfsdk:"timeouts"`
}

// drillServerAttrTypes are those of an element of drill_servers.
var drillServerAttrTypes = map[string]attr.Type{"protected_instance_id": types.StringType, "drill_server_id": types.StringType}

func (m drillResourceModel) toAPI() model.CreateDisasterRecoveryDrillRequestParams {
	return model.CreateDisasterRecoveryDrillRequestParams{ServerGroupId: m.GroupID.ValueString(), Name: m.Name.ValueString(),
		DrillVpcId: configured(m.DrillVPCID)}
}

// fromAPI sets every attribute the API returns.
func (m *drillResourceModel) fromAPI(d *Drill) {
	m.ID = types.StringValue(d.Id)
	m.Name = types.StringValue(d.Name)
	m.GroupID = types.StringValue(d.ServerGroupId)
	m.DrillVPCID = optionalString(d.DrillVpcId)
	m.Status = types.StringValue(d.Status)
	m.DrillServers = drillServersFromAPI(d.DrillServers)
	m.CreatedAt = optionalString(d.CreatedAt)
	m.UpdatedAt = optionalString(d.UpdatedAt)
}

// drillServersFromAPI returns the drill servers of a drill.
func drillServersFromAPI(servers []model.DrillServerParams) types.List {
	elems := make([]attr.Value, 0, len(servers))
	for _, s := range servers {
		elems = append(elems, types.ObjectValueMust(drillServerAttrTypes, map[string]attr.Value{
			"protected_instance_id": types.StringValue(s.ProtectedInstance), "drill_server_id": types.StringValue(s.DrillServerId)}))
	}
	return types.ListValueMust(types.ObjectType{AttrTypes: drillServerAttrTypes}, elems)
}

// drillsDataModel is the state of continuity_sdrs_drills.
type drillsDataModel struct {
	GroupID    types.String `tfsdk:"server_group_id"`
	Name       types.String `tfsdk:"name"`
	Status     types.String `tfsdk:"status"`
	DrillVPCID types.String `tfsdk:"drill_vpc_id"`
	IDs        types.List   `tfsdk:"ids"`
	Drills     []drillItem  `tfsdk:"drills"`
}

// drillItem is one DR drill of the list: every field the API returns.
type drillItem struct {
	ID            types.String `tfsdk:"id"`
	Name          types.String `tfsdk:"name"`
	Status        types.String `tfsdk:"status"`
	ServerGroupID types.String `tfsdk:"server_group_id"`
	DrillVPCID    types.String `tfsdk:"drill_vpc_id"`
	DrillServers  types.List   `tfsdk:"drill_servers"`
	CreatedAt     types.String `tfsdk:"created_at"`
	UpdatedAt     types.String `tfsdk:"updated_at"`
	AgeSeconds    types.Int64  `tfsdk:"age_seconds"`
}

// drillItemFromAPI converts one listed drill, its age at now.
func drillItemFromAPI(d *Drill, now time.Time) drillItem {
	var m drillResourceModel
	m.fromAPI(d)
	return drillItem{ID: m.ID, Name: m.Name, Status: m.Status, ServerGroupID: m.GroupID, DrillVPCID: m.DrillVPCID,
		DrillServers: m.DrillServers, CreatedAt: m.CreatedAt, UpdatedAt: m.UpdatedAt, AgeSeconds: ageSeconds(m.CreatedAt, now)}
}
