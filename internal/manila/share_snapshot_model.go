package manila

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// shareSnapshotModel is the state of the continuity_manila_share_snapshot resource.
type shareSnapshotModel struct {
	ID          types.String   `tfsdk:"id"`
	ShareID     types.String   `tfsdk:"share_id"`
	Name        types.String   `tfsdk:"name"`
	Description types.String   `tfsdk:"description"`
	Status      types.String   `tfsdk:"status"`
	Size        types.Int64    `tfsdk:"size"`
	ShareSize   types.Int64    `tfsdk:"share_size"`
	ShareProto  types.String   `tfsdk:"share_proto"`
	ProjectID   types.String   `tfsdk:"project_id"`
	CreatedAt   types.String   `tfsdk:"created_at"`
	Timeouts    timeouts.Value `tfsdk:"timeouts"`
}

// fromAPI sets every attribute the API returns; timeouts are kept. The
// project is shown from 2.17: before, it stays as it was.
func (m *shareSnapshotModel) fromAPI(s *ShareSnapshot) {
	m.ID = types.StringValue(s.ID)
	m.ShareID = types.StringValue(s.ShareID)
	m.Name = nonEmpty(s.Name)
	m.Description = nonEmpty(s.Description)
	m.Status = types.StringValue(s.Status)
	m.Size = types.Int64Value(s.Size)
	m.ShareSize = types.Int64Value(s.ShareSize)
	m.ShareProto = types.StringValue(s.ShareProto)
	m.ProjectID = types.StringPointerValue(s.ProjectID)
	m.CreatedAt = types.StringValue(s.CreatedAt)
}
