package manila

import (
	"context"
	"sort"

	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// shareModel is the state of the continuity_manila_share resource.
type shareModel struct {
	ID                               types.String   `tfsdk:"id"`
	Name                             types.String   `tfsdk:"name"`
	Description                      types.String   `tfsdk:"description"`
	ShareProto                       types.String   `tfsdk:"share_proto"`
	Size                             types.Int64    `tfsdk:"size"`
	ShareTypeID                      types.String   `tfsdk:"share_type_id"`
	ShareNetworkID                   types.String   `tfsdk:"share_network_id"`
	AvailabilityZone                 types.String   `tfsdk:"availability_zone"`
	SnapshotID                       types.String   `tfsdk:"snapshot_id"`
	IsPublic                         types.Bool     `tfsdk:"is_public"`
	Metadata                         types.Map      `tfsdk:"metadata"`
	ConsistencyGroupID               types.String   `tfsdk:"consistency_group_id"`
	ShareGroupID                     types.String   `tfsdk:"share_group_id"`
	RevertToSnapshotID               types.String   `tfsdk:"revert_to_snapshot_id"`
	Status                           types.String   `tfsdk:"status"`
	ShareTypeName                    types.String   `tfsdk:"share_type_name"`
	Host                             types.String   `tfsdk:"host"`
	ProjectID                        types.String   `tfsdk:"project_id"`
	CreatedAt                        types.String   `tfsdk:"created_at"`
	ShareServerID                    types.String   `tfsdk:"share_server_id"`
	SnapshotSupport                  types.Bool     `tfsdk:"snapshot_support"`
	CreateShareFromSnapshotSupport   types.Bool     `tfsdk:"create_share_from_snapshot_support"`
	RevertToSnapshotSupport          types.Bool     `tfsdk:"revert_to_snapshot_support"`
	ReplicationType                  types.String   `tfsdk:"replication_type"`
	HasReplicas                      types.Bool     `tfsdk:"has_replicas"`
	PrimaryReplicaID                 types.String   `tfsdk:"primary_replica_id"`
	SourceShareGroupSnapshotMemberID types.String   `tfsdk:"source_share_group_snapshot_member_id"`
	SourceCGSnapshotMemberID         types.String   `tfsdk:"source_cgsnapshot_member_id"`
	ExportLocations                  types.List     `tfsdk:"export_locations"`
	Timeouts                         timeouts.Value `tfsdk:"timeouts"`
}

// exportLocationAttrTypes are the attribute types of one export location.
var exportLocationAttrTypes = map[string]attr.Type{
	"id": types.StringType, "path": types.StringType, "preferred": types.BoolType, "is_admin_only": types.BoolType,
}

// exportLocationList returns export locations as a list value (empty, not
// null, for none).
func exportLocationList(els []ExportLocation) types.List {
	items := make([]attr.Value, 0, len(els))
	for _, el := range els {
		id := types.StringNull()
		if el.ID != "" {
			id = types.StringValue(el.ID)
		}
		items = append(items, types.ObjectValueMust(exportLocationAttrTypes, map[string]attr.Value{
			"id": id, "path": types.StringValue(el.Path), "preferred": types.BoolValue(el.Preferred), "is_admin_only": types.BoolValue(el.IsAdminOnly),
		}))
	}
	return types.ListValueMust(types.ObjectType{AttrTypes: exportLocationAttrTypes}, items)
}

// nonEmpty is a name or description as the state holds it: Manila keeps an
// empty string where none was given or one was cleared, the state null.
func nonEmpty(s *string) types.String {
	if s == nil || *s == "" {
		return types.StringNull()
	}
	return types.StringValue(*s)
}

// toAPI returns the creation body: what the user set.
func (m shareModel) toAPI(ctx context.Context) (ShareCreate, diag.Diagnostics) {
	in := ShareCreate{
		Name: m.Name.ValueString(), Description: m.Description.ValueString(), ShareProto: m.ShareProto.ValueString(),
		Size: int(m.Size.ValueInt64()), ShareTypeID: m.ShareTypeID.ValueString(), ShareNetworkID: m.ShareNetworkID.ValueString(),
		SnapshotID: m.SnapshotID.ValueString(), AvailabilityZone: m.AvailabilityZone.ValueString(), IsPublic: m.IsPublic.ValueBool(),
		ShareGroupID: m.ShareGroupID.ValueString(), ConsistencyGroupID: m.ConsistencyGroupID.ValueString(),
	}
	var diags diag.Diagnostics
	if !m.Metadata.IsNull() && !m.Metadata.IsUnknown() {
		diags = m.Metadata.ElementsAs(ctx, &in.Metadata, false)
	}
	return in, diags
}

// fromAPI sets every attribute the API returns, with the share's export
// locations and first replica; revert_to_snapshot_id and timeouts are the
// provider's own and are kept. Metadata is null when the share has none and
// the state had none.
func (m *shareModel) fromAPI(s *Share, exports []ExportLocation, primaryReplica *string) {
	m.ID = types.StringValue(s.ID)
	m.Name = nonEmpty(s.Name)
	m.Description = nonEmpty(s.Description)
	m.ShareProto = types.StringValue(s.ShareProto)
	m.Size = types.Int64Value(s.Size)
	if s.ShareTypeName != nil {
		// From 2.6 share_type is the ID; before, it is the name.
		m.ShareTypeID = types.StringPointerValue(s.ShareType)
	}
	m.ShareTypeName = types.StringPointerValue(s.ShareTypeName)
	m.ShareNetworkID = types.StringPointerValue(s.ShareNetworkID)
	m.AvailabilityZone = types.StringPointerValue(s.AvailabilityZone)
	m.SnapshotID = types.StringPointerValue(s.SnapshotID)
	m.IsPublic = types.BoolValue(s.IsPublic)
	if len(s.Metadata) == 0 && (m.Metadata.IsNull() || m.Metadata.IsUnknown()) {
		m.Metadata = types.MapNull(types.StringType)
	} else {
		m.Metadata = stringMap(s.Metadata)
	}
	m.ConsistencyGroupID = types.StringPointerValue(s.ConsistencyGroupID)
	m.ShareGroupID = types.StringPointerValue(s.ShareGroupID)
	m.Status = types.StringValue(s.Status)
	m.Host = types.StringPointerValue(s.Host)
	m.ProjectID = types.StringValue(s.ProjectID)
	m.CreatedAt = types.StringValue(s.CreatedAt)
	m.ShareServerID = types.StringPointerValue(s.ShareServerID)
	m.SnapshotSupport = types.BoolValue(s.SnapshotSupport)
	m.CreateShareFromSnapshotSupport = types.BoolValue(s.CreateShareFromSnapshotSupport)
	m.RevertToSnapshotSupport = types.BoolValue(s.RevertToSnapshotSupport)
	m.ReplicationType = types.StringPointerValue(s.ReplicationType)
	m.HasReplicas = types.BoolValue(s.HasReplicas)
	m.PrimaryReplicaID = types.StringPointerValue(primaryReplica)
	m.SourceShareGroupSnapshotMemberID = types.StringPointerValue(s.SourceShareGroupSnapshotMemberID)
	m.SourceCGSnapshotMemberID = types.StringPointerValue(s.SourceCGSnapshotMemberID)
	m.ExportLocations = exportLocationList(exports)
	if m.RevertToSnapshotID.IsUnknown() {
		m.RevertToSnapshotID = types.StringNull()
	}
}

// stringMap returns a map of strings (empty, not null, for none).
func stringMap(values map[string]string) types.Map {
	elems := make(map[string]attr.Value, len(values))
	for k, v := range values {
		elems[k] = types.StringValue(v)
	}
	return types.MapValueMust(types.StringType, elems)
}

// metadataChanges returns the keys to set and the keys to remove to go
// from the state's metadata to the plan's.
func metadataChanges(ctx context.Context, state, plan types.Map) (map[string]string, []string, diag.Diagnostics) {
	var from, to map[string]string
	var diags diag.Diagnostics
	if !state.IsNull() && !state.IsUnknown() {
		diags.Append(state.ElementsAs(ctx, &from, false)...)
	}
	if !plan.IsNull() && !plan.IsUnknown() {
		diags.Append(plan.ElementsAs(ctx, &to, false)...)
	}
	set := map[string]string{}
	for k, v := range to {
		if old, ok := from[k]; !ok || old != v {
			set[k] = v
		}
	}
	var removed []string
	for k := range from {
		if _, ok := to[k]; !ok {
			removed = append(removed, k)
		}
	}
	sort.Strings(removed)
	return set, removed, diags
}

// shareDataModel is a share as the data sources show it: the
// continuity_manila_share data source's state, and one item of
// continuity_manila_shares.
type shareDataModel struct {
	ID                               types.String `tfsdk:"id"`
	Name                             types.String `tfsdk:"name"`
	Description                      types.String `tfsdk:"description"`
	ShareProto                       types.String `tfsdk:"share_proto"`
	Size                             types.Int64  `tfsdk:"size"`
	Status                           types.String `tfsdk:"status"`
	ShareTypeID                      types.String `tfsdk:"share_type_id"`
	ShareTypeName                    types.String `tfsdk:"share_type_name"`
	ShareNetworkID                   types.String `tfsdk:"share_network_id"`
	AvailabilityZone                 types.String `tfsdk:"availability_zone"`
	SnapshotID                       types.String `tfsdk:"snapshot_id"`
	ShareGroupID                     types.String `tfsdk:"share_group_id"`
	ConsistencyGroupID               types.String `tfsdk:"consistency_group_id"`
	SourceShareGroupSnapshotMemberID types.String `tfsdk:"source_share_group_snapshot_member_id"`
	SourceCGSnapshotMemberID         types.String `tfsdk:"source_cgsnapshot_member_id"`
	IsPublic                         types.Bool   `tfsdk:"is_public"`
	Metadata                         types.Map    `tfsdk:"metadata"`
	ProjectID                        types.String `tfsdk:"project_id"`
	CreatedAt                        types.String `tfsdk:"created_at"`
	ReplicationType                  types.String `tfsdk:"replication_type"`
	HasReplicas                      types.Bool   `tfsdk:"has_replicas"`
	ExportLocations                  types.List   `tfsdk:"export_locations"`
}

func (m *shareDataModel) fromAPI(s *Share, exports []ExportLocation) {
	typeID := types.StringNull()
	if s.ShareTypeName != nil {
		typeID = types.StringPointerValue(s.ShareType)
	}
	md := s.Metadata
	if md == nil {
		md = map[string]string{}
	}
	*m = shareDataModel{
		ID: types.StringValue(s.ID), Name: nonEmpty(s.Name), Description: nonEmpty(s.Description), ShareProto: types.StringValue(s.ShareProto),
		Size: types.Int64Value(s.Size), Status: types.StringValue(s.Status), ShareTypeID: typeID, ShareTypeName: types.StringPointerValue(s.ShareTypeName),
		ShareNetworkID: types.StringPointerValue(s.ShareNetworkID), AvailabilityZone: types.StringPointerValue(s.AvailabilityZone),
		SnapshotID: types.StringPointerValue(s.SnapshotID), ShareGroupID: types.StringPointerValue(s.ShareGroupID),
		ConsistencyGroupID:               types.StringPointerValue(s.ConsistencyGroupID),
		SourceShareGroupSnapshotMemberID: types.StringPointerValue(s.SourceShareGroupSnapshotMemberID),
		SourceCGSnapshotMemberID:         types.StringPointerValue(s.SourceCGSnapshotMemberID), IsPublic: types.BoolValue(s.IsPublic),
		Metadata: stringMap(md), ProjectID: types.StringValue(s.ProjectID), CreatedAt: types.StringValue(s.CreatedAt),
		ReplicationType: types.StringPointerValue(s.ReplicationType), HasReplicas: types.BoolValue(s.HasReplicas),
		ExportLocations: exportLocationList(exports),
	}
}

// shareDataAttrTypes are the attribute types of shareDataModel, for lists.
var shareDataAttrTypes = map[string]attr.Type{
	"id": types.StringType, "name": types.StringType, "description": types.StringType, "share_proto": types.StringType,
	"size": types.Int64Type, "status": types.StringType, "share_type_id": types.StringType, "share_type_name": types.StringType,
	"share_network_id": types.StringType, "availability_zone": types.StringType, "snapshot_id": types.StringType,
	"share_group_id": types.StringType, "consistency_group_id": types.StringType,
	"source_share_group_snapshot_member_id": types.StringType, "source_cgsnapshot_member_id": types.StringType,
	"is_public": types.BoolType, "metadata": types.MapType{ElemType: types.StringType}, "project_id": types.StringType,
	"created_at": types.StringType, "replication_type": types.StringType, "has_replicas": types.BoolType,
	"export_locations": types.ListType{ElemType: types.ObjectType{AttrTypes: exportLocationAttrTypes}},
}

func (m shareDataModel) object() types.Object {
	return types.ObjectValueMust(shareDataAttrTypes, map[string]attr.Value{
		"id": m.ID, "name": m.Name, "description": m.Description, "share_proto": m.ShareProto, "size": m.Size, "status": m.Status,
		"share_type_id": m.ShareTypeID, "share_type_name": m.ShareTypeName, "share_network_id": m.ShareNetworkID,
		"availability_zone": m.AvailabilityZone, "snapshot_id": m.SnapshotID, "share_group_id": m.ShareGroupID,
		"consistency_group_id": m.ConsistencyGroupID, "source_share_group_snapshot_member_id": m.SourceShareGroupSnapshotMemberID,
		"source_cgsnapshot_member_id": m.SourceCGSnapshotMemberID, "is_public": m.IsPublic, "metadata": m.Metadata,
		"project_id": m.ProjectID, "created_at": m.CreatedAt, "replication_type": m.ReplicationType, "has_replicas": m.HasReplicas,
		"export_locations": m.ExportLocations,
	})
}

// sharesDataModel is the state of the continuity_manila_shares data source.
type sharesDataModel struct {
	Name               types.String `tfsdk:"name"`
	Status             types.String `tfsdk:"status"`
	ShareGroupID       types.String `tfsdk:"share_group_id"`
	ConsistencyGroupID types.String `tfsdk:"consistency_group_id"`
	SnapshotID         types.String `tfsdk:"snapshot_id"`
	ShareNetworkID     types.String `tfsdk:"share_network_id"`
	Metadata           types.Map    `tfsdk:"metadata"`
	IDs                types.List   `tfsdk:"ids"`
	Shares             types.List   `tfsdk:"shares"`
}

// filters returns the server's filters the configuration sets.
func (m sharesDataModel) filters() map[string]string {
	out := map[string]string{}
	for key, v := range map[string]types.String{"name": m.Name, "status": m.Status, "share_group_id": m.ShareGroupID,
		"consistency_group_id": m.ConsistencyGroupID, "snapshot_id": m.SnapshotID, "share_network_id": m.ShareNetworkID} {
		if !v.IsNull() && !v.IsUnknown() {
			out[key] = v.ValueString()
		}
	}
	return out
}

// keep reports whether a share the server returned passes the filters:
// the server filters too, but a server that ignores a filter (an old
// release) must not widen the answer.
func (m sharesDataModel) keep(ctx context.Context, s *Share) bool {
	eq := func(want types.String, got *string) bool {
		return want.IsNull() || want.ValueString() == conv.Deref(got)
	}
	if !eq(m.Name, s.Name) || !eq(m.Status, &s.Status) || !eq(m.ShareGroupID, s.ShareGroupID) || !eq(m.ConsistencyGroupID, s.ConsistencyGroupID) ||
		!eq(m.SnapshotID, s.SnapshotID) || !eq(m.ShareNetworkID, s.ShareNetworkID) {
		return false
	}
	if m.Metadata.IsNull() || m.Metadata.IsUnknown() {
		return true
	}
	var want map[string]string
	_ = m.Metadata.ElementsAs(ctx, &want, false)
	for k, v := range want {
		if s.Metadata[k] != v {
			return false
		}
	}
	return true
}
