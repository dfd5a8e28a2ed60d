package manila

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// consistencyGroupSnapshotModel is the state of the consistency group
// snapshot resource.
type consistencyGroupSnapshotModel struct {
	ID                 types.String   `tfsdk:"id"`
	ConsistencyGroupID types.String   `tfsdk:"consistency_group_id"`
	Name               types.String   `tfsdk:"name"`
	Description        types.String   `tfsdk:"description"`
	Status             types.String   `tfsdk:"status"`
	CreatedAt          types.String   `tfsdk:"created_at"`
	Members            types.List     `tfsdk:"members"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
}

// memberAttrTypes are the attributes of one snapshot member.
var memberAttrTypes = map[string]attr.Type{
	"id": types.StringType, "share_id": types.StringType, "share_type_id": types.StringType,
	"share_protocol": types.StringType, "size": types.Int64Type, "created_at": types.StringType,
}

func (m consistencyGroupSnapshotModel) toAPI() CGSnapshotCreate {
	return CGSnapshotCreate{ConsistencyGroupID: m.ConsistencyGroupID.ValueString(), Name: stringPtr(m.Name), Description: stringPtr(m.Description)}
}

func (m consistencyGroupSnapshotModel) toUpdate() CGSnapshotUpdate {
	return CGSnapshotUpdate{Name: stringPtr(m.Name), Description: stringPtr(m.Description)}
}

// fromAPI sets every attribute the API returns, members included.
func (m *consistencyGroupSnapshotModel) fromAPI(s *CGSnapshot, members []CGSnapshotMember) {
	m.ID = types.StringValue(s.ID)
	m.ConsistencyGroupID = types.StringValue(s.ConsistencyGroupID)
	m.Name = types.StringPointerValue(s.Name)
	m.Description = types.StringPointerValue(s.Description)
	m.Status = types.StringValue(s.Status)
	m.CreatedAt = types.StringValue(s.CreatedAt)
	m.Members = membersList(members)
}

// membersList renders snapshot members.
func membersList(members []CGSnapshotMember) types.List {
	objType := types.ObjectType{AttrTypes: memberAttrTypes}
	elems := make([]attr.Value, 0, len(members))
	for _, mb := range members {
		elems = append(elems, types.ObjectValueMust(memberAttrTypes, map[string]attr.Value{
			"id": types.StringValue(mb.ID), "share_id": types.StringValue(mb.ShareID), "share_type_id": types.StringValue(mb.ShareTypeID),
			"share_protocol": types.StringValue(mb.ShareProtocol), "size": types.Int64Value(mb.Size), "created_at": types.StringValue(mb.CreatedAt),
		}))
	}
	return types.ListValueMust(objType, elems)
}
