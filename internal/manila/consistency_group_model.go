package manila

import (
	"context"
	"regexp"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// uuidPattern matches the UUIDs Manila accepts (uuidutils.is_uuid_like,
// dashed form).
var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// consistencyGroupModel is the resource's state.
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

// stringPtr returns the value of a set string, or nil.
func stringPtr(v types.String) *string {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	s := v.ValueString()
	return &s
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

// stringSet returns a set of strings (empty, not null, for no values).
func stringSet(values []string) types.Set {
	elems := make([]attr.Value, 0, len(values))
	for _, v := range values {
		elems = append(elems, types.StringValue(v))
	}
	return types.SetValueMust(types.StringType, elems)
}

// stringList returns a list of strings.
func stringList(values []string) types.List {
	elems := make([]attr.Value, 0, len(values))
	for _, v := range values {
		elems = append(elems, types.StringValue(v))
	}
	return types.ListValueMust(types.StringType, elems)
}

// derefString returns *s or "".
func derefString(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
