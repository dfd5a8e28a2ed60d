package manila

import (
	"context"
	"slices"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// consistencyGroupModel is the state of the consistency group resource.
type consistencyGroupModel struct {
	ID                 types.String   `tfsdk:"id"`
	Name               types.String   `tfsdk:"name"`
	Description        types.String   `tfsdk:"description"`
	ShareTypes         types.Set      `tfsdk:"share_types"`
	ShareNetworkID     types.String   `tfsdk:"share_network_id"`
	SourceCGSnapshotID types.String   `tfsdk:"source_cgsnapshot_id"`
	ForceDelete        types.Bool     `tfsdk:"force_delete"`
	Status             types.String   `tfsdk:"status"`
	Host               types.String   `tfsdk:"host"`
	ProjectID          types.String   `tfsdk:"project_id"`
	CreatedAt          types.String   `tfsdk:"created_at"`
	ShareServerID      types.String   `tfsdk:"share_server_id"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
}

// toAPI returns the creation body: what the user set.
func (m consistencyGroupModel) toAPI(ctx context.Context) (ConsistencyGroupCreate, diag.Diagnostics) {
	in := ConsistencyGroupCreate{
		Name: stringPtr(m.Name), Description: stringPtr(m.Description),
		ShareNetworkID: stringPtr(m.ShareNetworkID), SourceCGSnapshotID: stringPtr(m.SourceCGSnapshotID),
	}
	var diags diag.Diagnostics
	if !m.ShareTypes.IsNull() && !m.ShareTypes.IsUnknown() {
		diags = m.ShareTypes.ElementsAs(ctx, &in.ShareTypes, false)
		slices.Sort(in.ShareTypes)
	}
	return in, diags
}

// toUpdate returns the update body.
func (m consistencyGroupModel) toUpdate() ConsistencyGroupUpdate {
	return ConsistencyGroupUpdate{Name: stringPtr(m.Name), Description: stringPtr(m.Description)}
}

// fromAPI sets every attribute the API returns; force_delete and timeouts
// are the provider's own and are kept (force_delete defaults to false, also
// after an import).
func (m *consistencyGroupModel) fromAPI(cg *ConsistencyGroup) {
	m.ID = types.StringValue(cg.ID)
	m.Name = types.StringPointerValue(cg.Name)
	m.Description = types.StringPointerValue(cg.Description)
	m.ShareTypes = stringSet(cg.ShareTypes)
	m.ShareNetworkID = types.StringPointerValue(cg.ShareNetworkID)
	m.SourceCGSnapshotID = types.StringPointerValue(cg.SourceCGSnapshotID)
	m.Status = types.StringValue(cg.Status)
	m.Host = types.StringPointerValue(cg.Host)
	m.ProjectID = types.StringValue(cg.ProjectID)
	m.CreatedAt = types.StringValue(cg.CreatedAt)
	m.ShareServerID = types.StringPointerValue(cg.ShareServerID)
	if m.ForceDelete.IsNull() || m.ForceDelete.IsUnknown() {
		m.ForceDelete = types.BoolValue(false)
	}
}

// consistencyGroupDataModel is a consistency group as the data sources
// show it: the continuity_manila_consistency_group data source's state, and
// one item of continuity_manila_consistency_groups.
type consistencyGroupDataModel struct {
	ID                 types.String `tfsdk:"id"`
	Name               types.String `tfsdk:"name"`
	Description        types.String `tfsdk:"description"`
	Status             types.String `tfsdk:"status"`
	Host               types.String `tfsdk:"host"`
	ProjectID          types.String `tfsdk:"project_id"`
	CreatedAt          types.String `tfsdk:"created_at"`
	ShareNetworkID     types.String `tfsdk:"share_network_id"`
	ShareServerID      types.String `tfsdk:"share_server_id"`
	SourceCGSnapshotID types.String `tfsdk:"source_cgsnapshot_id"`
	ShareTypes         types.List   `tfsdk:"share_types"`
}

func (m *consistencyGroupDataModel) fromAPI(cg *ConsistencyGroup) {
	*m = consistencyGroupDataModel{
		ID: types.StringValue(cg.ID), Name: types.StringPointerValue(cg.Name), Description: types.StringPointerValue(cg.Description),
		Status: types.StringValue(cg.Status), Host: types.StringPointerValue(cg.Host), ProjectID: types.StringValue(cg.ProjectID),
		CreatedAt: types.StringValue(cg.CreatedAt), ShareNetworkID: types.StringPointerValue(cg.ShareNetworkID),
		ShareServerID: types.StringPointerValue(cg.ShareServerID), SourceCGSnapshotID: types.StringPointerValue(cg.SourceCGSnapshotID),
		ShareTypes: stringList(cg.ShareTypes),
	}
}

// consistencyGroupDataAttrTypes are the attribute types of
// consistencyGroupDataModel, for lists of it.
var consistencyGroupDataAttrTypes = map[string]attr.Type{
	"id": types.StringType, "name": types.StringType, "description": types.StringType, "status": types.StringType,
	"host": types.StringType, "project_id": types.StringType, "created_at": types.StringType, "share_network_id": types.StringType,
	"share_server_id": types.StringType, "source_cgsnapshot_id": types.StringType, "share_types": types.ListType{ElemType: types.StringType},
}

func (m consistencyGroupDataModel) object() types.Object {
	return types.ObjectValueMust(consistencyGroupDataAttrTypes, map[string]attr.Value{
		"id": m.ID, "name": m.Name, "description": m.Description, "status": m.Status, "host": m.Host, "project_id": m.ProjectID,
		"created_at": m.CreatedAt, "share_network_id": m.ShareNetworkID, "share_server_id": m.ShareServerID,
		"source_cgsnapshot_id": m.SourceCGSnapshotID, "share_types": m.ShareTypes,
	})
}

// consistencyGroupsDataModel is the state of the
// continuity_manila_consistency_groups data source.
type consistencyGroupsDataModel struct {
	Name              types.String `tfsdk:"name"`
	Status            types.String `tfsdk:"status"`
	IDs               types.List   `tfsdk:"ids"`
	ConsistencyGroups types.List   `tfsdk:"consistency_groups"`
}

// fromAPI keeps the groups that pass the filters, in the order Manila
// returned them.
func (m *consistencyGroupsDataModel) fromAPI(all []ConsistencyGroup) {
	var ids []string
	items := []attr.Value{}
	for i := range all {
		cg := &all[i]
		if (!m.Name.IsNull() && conv.Deref(cg.Name) != m.Name.ValueString()) ||
			(!m.Status.IsNull() && cg.Status != m.Status.ValueString()) {
			continue
		}
		var item consistencyGroupDataModel
		item.fromAPI(cg)
		ids = append(ids, cg.ID)
		items = append(items, item.object())
	}
	m.IDs = stringList(ids)
	m.ConsistencyGroups = types.ListValueMust(types.ObjectType{AttrTypes: consistencyGroupDataAttrTypes}, items)
}
