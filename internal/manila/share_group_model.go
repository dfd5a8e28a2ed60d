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

// shareGroupModel is the state of the continuity_manila_share_group resource.
type shareGroupModel struct {
	ID                         types.String   `tfsdk:"id"`
	Name                       types.String   `tfsdk:"name"`
	Description                types.String   `tfsdk:"description"`
	ShareTypes                 types.Set      `tfsdk:"share_types"`
	ShareGroupTypeID           types.String   `tfsdk:"share_group_type_id"`
	ShareNetworkID             types.String   `tfsdk:"share_network_id"`
	AvailabilityZone           types.String   `tfsdk:"availability_zone"`
	SourceShareGroupSnapshotID types.String   `tfsdk:"source_share_group_snapshot_id"`
	ForceDelete                types.Bool     `tfsdk:"force_delete"`
	Status                     types.String   `tfsdk:"status"`
	Host                       types.String   `tfsdk:"host"`
	ProjectID                  types.String   `tfsdk:"project_id"`
	CreatedAt                  types.String   `tfsdk:"created_at"`
	ShareServerID              types.String   `tfsdk:"share_server_id"`
	ConsistentSnapshotSupport  types.String   `tfsdk:"consistent_snapshot_support"`
	Timeouts                   timeouts.Value `tfsdk:"timeouts"`
}

// toAPI returns the creation body: what the user set.
func (m shareGroupModel) toAPI(ctx context.Context) (ShareGroupCreate, diag.Diagnostics) {
	in := ShareGroupCreate{
		Name: stringPtr(m.Name), Description: stringPtr(m.Description), ShareGroupTypeID: stringPtr(m.ShareGroupTypeID),
		ShareNetworkID: stringPtr(m.ShareNetworkID), AvailabilityZone: stringPtr(m.AvailabilityZone),
		SourceShareGroupSnapshotID: stringPtr(m.SourceShareGroupSnapshotID),
	}
	var diags diag.Diagnostics
	if !m.ShareTypes.IsNull() && !m.ShareTypes.IsUnknown() {
		diags = m.ShareTypes.ElementsAs(ctx, &in.ShareTypes, false)
		slices.Sort(in.ShareTypes)
	}
	return in, diags
}

// fromAPI sets every attribute the API returns; force_delete and timeouts
// are kept (force_delete defaults to false, also after an import).
func (m *shareGroupModel) fromAPI(g *ShareGroup) {
	m.ID = types.StringValue(g.ID)
	m.Name = nonEmpty(g.Name)
	m.Description = nonEmpty(g.Description)
	m.ShareTypes = stringSet(g.ShareTypes)
	m.ShareGroupTypeID = types.StringValue(g.ShareGroupTypeID)
	m.ShareNetworkID = types.StringPointerValue(g.ShareNetworkID)
	m.AvailabilityZone = types.StringPointerValue(g.AvailabilityZone)
	m.SourceShareGroupSnapshotID = types.StringPointerValue(g.SourceShareGroupSnapshotID)
	m.Status = types.StringValue(g.Status)
	m.Host = types.StringPointerValue(g.Host)
	m.ProjectID = types.StringValue(g.ProjectID)
	m.CreatedAt = types.StringValue(g.CreatedAt)
	m.ShareServerID = types.StringPointerValue(g.ShareServerID)
	m.ConsistentSnapshotSupport = types.StringPointerValue(g.ConsistentSnapshotSupport)
	if m.ForceDelete.IsNull() || m.ForceDelete.IsUnknown() {
		m.ForceDelete = types.BoolValue(false)
	}
}

// shareGroupDataModel is a share group as the data sources show it.
type shareGroupDataModel struct {
	ID                         types.String `tfsdk:"id"`
	Name                       types.String `tfsdk:"name"`
	Description                types.String `tfsdk:"description"`
	Status                     types.String `tfsdk:"status"`
	Host                       types.String `tfsdk:"host"`
	ProjectID                  types.String `tfsdk:"project_id"`
	CreatedAt                  types.String `tfsdk:"created_at"`
	ShareGroupTypeID           types.String `tfsdk:"share_group_type_id"`
	ShareNetworkID             types.String `tfsdk:"share_network_id"`
	ShareServerID              types.String `tfsdk:"share_server_id"`
	AvailabilityZone           types.String `tfsdk:"availability_zone"`
	SourceShareGroupSnapshotID types.String `tfsdk:"source_share_group_snapshot_id"`
	ConsistentSnapshotSupport  types.String `tfsdk:"consistent_snapshot_support"`
	ShareTypes                 types.List   `tfsdk:"share_types"`
}

func (m *shareGroupDataModel) fromAPI(g *ShareGroup) {
	*m = shareGroupDataModel{
		ID: types.StringValue(g.ID), Name: nonEmpty(g.Name), Description: nonEmpty(g.Description), Status: types.StringValue(g.Status),
		Host: types.StringPointerValue(g.Host), ProjectID: types.StringValue(g.ProjectID), CreatedAt: types.StringValue(g.CreatedAt),
		ShareGroupTypeID: types.StringValue(g.ShareGroupTypeID), ShareNetworkID: types.StringPointerValue(g.ShareNetworkID),
		ShareServerID: types.StringPointerValue(g.ShareServerID), AvailabilityZone: types.StringPointerValue(g.AvailabilityZone),
		SourceShareGroupSnapshotID: types.StringPointerValue(g.SourceShareGroupSnapshotID),
		ConsistentSnapshotSupport:  types.StringPointerValue(g.ConsistentSnapshotSupport), ShareTypes: stringList(g.ShareTypes),
	}
}

// shareGroupDataAttrTypes are the attribute types of shareGroupDataModel.
var shareGroupDataAttrTypes = map[string]attr.Type{
	"id": types.StringType, "name": types.StringType, "description": types.StringType, "status": types.StringType,
	"host": types.StringType, "project_id": types.StringType, "created_at": types.StringType, "share_group_type_id": types.StringType,
	"share_network_id": types.StringType, "share_server_id": types.StringType, "availability_zone": types.StringType,
	"source_share_group_snapshot_id": types.StringType, "consistent_snapshot_support": types.StringType,
	"share_types": types.ListType{ElemType: types.StringType},
}

func (m shareGroupDataModel) object() types.Object {
	return types.ObjectValueMust(shareGroupDataAttrTypes, map[string]attr.Value{
		"id": m.ID, "name": m.Name, "description": m.Description, "status": m.Status, "host": m.Host, "project_id": m.ProjectID,
		"created_at": m.CreatedAt, "share_group_type_id": m.ShareGroupTypeID, "share_network_id": m.ShareNetworkID,
		"share_server_id": m.ShareServerID, "availability_zone": m.AvailabilityZone,
		"source_share_group_snapshot_id": m.SourceShareGroupSnapshotID, "consistent_snapshot_support": m.ConsistentSnapshotSupport,
		"share_types": m.ShareTypes,
	})
}

// shareGroupsDataModel is the state of the continuity_manila_share_groups data source.
type shareGroupsDataModel struct {
	Name        types.String `tfsdk:"name"`
	Status      types.String `tfsdk:"status"`
	IDs         types.List   `tfsdk:"ids"`
	ShareGroups types.List   `tfsdk:"share_groups"`
}

// fromAPI keeps the groups that pass the filters, in Manila's order.
func (m *shareGroupsDataModel) fromAPI(all []ShareGroup) {
	ids := []string{}
	items := []attr.Value{}
	for i := range all {
		g := &all[i]
		if (!m.Name.IsNull() && conv.Deref(g.Name) != m.Name.ValueString()) || (!m.Status.IsNull() && g.Status != m.Status.ValueString()) {
			continue
		}
		var item shareGroupDataModel
		item.fromAPI(g)
		ids = append(ids, g.ID)
		items = append(items, item.object())
	}
	m.IDs = stringList(ids)
	m.ShareGroups = types.ListValueMust(types.ObjectType{AttrTypes: shareGroupDataAttrTypes}, items)
}

// shareGroupSnapshotModel is the state of the
// continuity_manila_share_group_snapshot resource.
type shareGroupSnapshotModel struct {
	ID           types.String   `tfsdk:"id"`
	ShareGroupID types.String   `tfsdk:"share_group_id"`
	Name         types.String   `tfsdk:"name"`
	Description  types.String   `tfsdk:"description"`
	Status       types.String   `tfsdk:"status"`
	ProjectID    types.String   `tfsdk:"project_id"`
	CreatedAt    types.String   `tfsdk:"created_at"`
	Members      types.List     `tfsdk:"members"`
	Timeouts     timeouts.Value `tfsdk:"timeouts"`
}

// groupMemberAttrTypes are the attribute types of one member.
var groupMemberAttrTypes = map[string]attr.Type{"id": types.StringType, "share_id": types.StringType, "size": types.Int64Type}

func (m *shareGroupSnapshotModel) fromAPI(s *ShareGroupSnapshot) {
	m.ID = types.StringValue(s.ID)
	m.ShareGroupID = types.StringValue(s.ShareGroupID)
	m.Name = nonEmpty(s.Name)
	m.Description = nonEmpty(s.Description)
	m.Status = types.StringValue(s.Status)
	m.ProjectID = types.StringValue(s.ProjectID)
	m.CreatedAt = types.StringValue(s.CreatedAt)
	items := make([]attr.Value, 0, len(s.Members))
	for _, mb := range s.Members {
		items = append(items, types.ObjectValueMust(groupMemberAttrTypes, map[string]attr.Value{
			"id": types.StringValue(mb.ID), "share_id": types.StringValue(mb.ShareID), "size": types.Int64Value(mb.Size),
		}))
	}
	m.Members = types.ListValueMust(types.ObjectType{AttrTypes: groupMemberAttrTypes}, items)
}

// shareGroupTypeModel is the state of the continuity_manila_share_group_type data source.
type shareGroupTypeModel struct {
	ID         types.String `tfsdk:"id"`
	Name       types.String `tfsdk:"name"`
	IsPublic   types.Bool   `tfsdk:"is_public"`
	IsDefault  types.Bool   `tfsdk:"is_default"`
	ShareTypes types.List   `tfsdk:"share_types"`
	GroupSpecs types.Map    `tfsdk:"group_specs"`
}

func (m *shareGroupTypeModel) fromAPI(t *ShareGroupType, isDefault bool) {
	specs := t.GroupSpecs
	if specs == nil {
		specs = map[string]string{}
	}
	*m = shareGroupTypeModel{
		ID: types.StringValue(t.ID), Name: types.StringValue(t.Name), IsPublic: types.BoolValue(t.IsPublic),
		IsDefault: types.BoolValue(isDefault), ShareTypes: stringList(t.ShareTypes), GroupSpecs: stringMap(specs),
	}
}
