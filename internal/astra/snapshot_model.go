package astra

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"time"
)

// snapshotModel is the continuity_astra_snapshot state.
type snapshotModel struct {
	ID           types.String   `tfsdk:"id"`
	AppID        types.String   `tfsdk:"app_id"`
	Name         types.String   `tfsdk:"name"`
	BucketID     types.String   `tfsdk:"bucket_id"`
	State        types.String   `tfsdk:"state"`
	StateUnready types.List     `tfsdk:"state_unready"`
	HookState    types.String   `tfsdk:"hook_state"`
	CreatedAt    types.String   `tfsdk:"created_at"`
	Timeouts     timeouts.Value `tfsdk:"timeouts"`
}

// fromAPI sets every attribute the API returns. bucket_id keeps the
// configured value when the API leaves it out.
func (m *snapshotModel) fromAPI(appID string, s *Snapshot) {
	m.ID = types.StringValue(s.ID)
	m.AppID = types.StringValue(appID)
	m.Name = types.StringValue(s.Name)
	if s.BucketID != "" || m.BucketID.IsUnknown() {
		m.BucketID = optionalString(s.BucketID)
	}
	m.State = types.StringValue(s.State)
	m.StateUnready = stringList(s.StateUnready)
	m.HookState = optionalString(s.HookState)
	m.CreatedAt = types.StringNull()
	if s.Metadata != nil {
		m.CreatedAt = optionalString(s.Metadata.CreationTimestamp)
	}
}

// stringList returns s as a list value (empty for nil).
func stringList(s []string) types.List {
	elems := make([]attr.Value, len(s))
	for i, v := range s {
		elems[i] = types.StringValue(v)
	}
	return types.ListValueMust(types.StringType, elems)
}

// snapshotsDataModel is the continuity_astra_snapshots state.
type snapshotsDataModel struct {
	AppID     types.String        `tfsdk:"app_id"`
	NameRegex types.String        `tfsdk:"name_regex"`
	State     types.String        `tfsdk:"state"`
	OrderBy   types.String        `tfsdk:"order_by"`
	Limit     types.Int64         `tfsdk:"limit"`
	IDs       []string            `tfsdk:"ids"`
	Snapshots []snapshotItemModel `tfsdk:"snapshots"`
}

// snapshotItemModel is one element of snapshots.
type snapshotItemModel struct {
	ID           types.String `tfsdk:"id"`
	Name         types.String `tfsdk:"name"`
	State        types.String `tfsdk:"state"`
	StateUnready []string     `tfsdk:"state_unready"`
	HookState    types.String `tfsdk:"hook_state"`
	BucketID     types.String `tfsdk:"bucket_id"`
	ScheduleID   types.String `tfsdk:"schedule_id"`
	CreatedAt    types.String `tfsdk:"created_at"`
	AgeSeconds   types.Int64  `tfsdk:"age_seconds"`
}

// snapshotItem converts one listed snapshot, its age at now.
func snapshotItem(s *Snapshot, now time.Time) snapshotItemModel {
	m := snapshotItemModel{
		ID: types.StringValue(s.ID), Name: types.StringValue(s.Name), State: types.StringValue(s.State),
		StateUnready: s.StateUnready, HookState: optionalString(s.HookState), BucketID: optionalString(s.BucketID),
		ScheduleID: optionalString(s.ScheduleID), CreatedAt: types.StringNull(),
	}
	if m.StateUnready == nil {
		m.StateUnready = []string{}
	}
	if s.Metadata != nil {
		m.CreatedAt = optionalString(s.Metadata.CreationTimestamp)
	}
	m.AgeSeconds = ageSeconds(m.CreatedAt, now)
	return m
}
