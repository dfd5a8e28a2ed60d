package astra

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"time"
)

// backupModel is the continuity_astra_backup state.
type backupModel struct {
	ID           types.String   `tfsdk:"id"`
	AppID        types.String   `tfsdk:"app_id"`
	Name         types.String   `tfsdk:"name"`
	BucketID     types.String   `tfsdk:"bucket_id"`
	SnapshotID   types.String   `tfsdk:"snapshot_id"`
	State        types.String   `tfsdk:"state"`
	StateUnready types.List     `tfsdk:"state_unready"`
	HookState    types.String   `tfsdk:"hook_state"`
	TotalBytes   types.Int64    `tfsdk:"total_bytes"`
	CompletedAt  types.String   `tfsdk:"completed_at"`
	CreatedAt    types.String   `tfsdk:"created_at"`
	Timeouts     timeouts.Value `tfsdk:"timeouts"`
}

// fromAPI sets every attribute the API returns.
func (m *backupModel) fromAPI(appID string, b *Backup) {
	m.ID = types.StringValue(b.ID)
	m.AppID = types.StringValue(appID)
	m.Name = types.StringValue(b.Name)
	m.BucketID = optionalString(b.BucketID)
	if b.SnapshotID != "" || m.SnapshotID.IsUnknown() {
		m.SnapshotID = optionalString(b.SnapshotID)
	}
	m.State = types.StringValue(b.State)
	m.StateUnready = stringList(b.StateUnready)
	m.HookState = optionalString(b.HookState)
	m.TotalBytes = types.Int64Null()
	if b.TotalBytes != nil {
		m.TotalBytes = types.Int64Value(int64(*b.TotalBytes))
	}
	m.CompletedAt = optionalString(b.BackupCreationTimestamp)
	m.CreatedAt = types.StringNull()
	if b.Metadata != nil {
		m.CreatedAt = optionalString(b.Metadata.CreationTimestamp)
	}
}

// backupsDataModel is the continuity_astra_backups state.
type backupsDataModel struct {
	AppID     types.String      `tfsdk:"app_id"`
	NameRegex types.String      `tfsdk:"name_regex"`
	State     types.String      `tfsdk:"state"`
	BucketID  types.String      `tfsdk:"bucket_id"`
	OrderBy   types.String      `tfsdk:"order_by"`
	Limit     types.Int64       `tfsdk:"limit"`
	IDs       []string          `tfsdk:"ids"`
	Backups   []backupItemModel `tfsdk:"backups"`
}

// backupItemModel is one element of backups.
type backupItemModel struct {
	ID           types.String `tfsdk:"id"`
	Name         types.String `tfsdk:"name"`
	State        types.String `tfsdk:"state"`
	StateUnready []string     `tfsdk:"state_unready"`
	HookState    types.String `tfsdk:"hook_state"`
	BucketID     types.String `tfsdk:"bucket_id"`
	SnapshotID   types.String `tfsdk:"snapshot_id"`
	ScheduleID   types.String `tfsdk:"schedule_id"`
	TotalBytes   types.Int64  `tfsdk:"total_bytes"`
	CompletedAt  types.String `tfsdk:"completed_at"`
	CreatedAt    types.String `tfsdk:"created_at"`
	AgeSeconds   types.Int64  `tfsdk:"age_seconds"`
}

// backupItem converts one listed backup, its age at now.
func backupItem(b *Backup, now time.Time) backupItemModel {
	var m backupModel
	m.fromAPI("", b)
	item := backupItemModel{
		ID: m.ID, Name: m.Name, State: m.State, StateUnready: b.StateUnready, HookState: m.HookState, BucketID: m.BucketID,
		SnapshotID: m.SnapshotID, ScheduleID: optionalString(b.ScheduleID), TotalBytes: m.TotalBytes, CompletedAt: m.CompletedAt,
		CreatedAt: m.CreatedAt, AgeSeconds: ageSeconds(m.CreatedAt, now),
	}
	if item.StateUnready == nil {
		item.StateUnready = []string{}
	}
	return item
}
