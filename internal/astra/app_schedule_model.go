package astra

import (
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// appScheduleResourceModel is the resource's state.
type appScheduleResourceModel struct {
	ID                types.String   `tfsdk:"id"`
	AppID             types.String   `tfsdk:"app_id"`
	Name              types.String   `tfsdk:"name"`
	Enabled           types.Bool     `tfsdk:"enabled"`
	Granularity       types.String   `tfsdk:"granularity"`
	Minute            types.Int64    `tfsdk:"minute"`
	Hour              types.Int64    `tfsdk:"hour"`
	DayOfWeek         types.Int64    `tfsdk:"day_of_week"`
	DayOfMonth        types.Int64    `tfsdk:"day_of_month"`
	RecurrenceRule    types.String   `tfsdk:"recurrence_rule"`
	SnapshotRetention types.Int64    `tfsdk:"snapshot_retention"`
	BackupRetention   types.Int64    `tfsdk:"backup_retention"`
	BucketID          types.String   `tfsdk:"bucket_id"`
	Replicate         types.Bool     `tfsdk:"replicate"`
	CreatedAt         types.String   `tfsdk:"created_at"`
	UpdatedAt         types.String   `tfsdk:"updated_at"`
	Timeouts          timeouts.Value `tfsdk:"timeouts"`
}

// scheduleTiming lists, per granularity, the timing attributes it takes;
// all are required, the others must be unset (a custom schedule may say
// minute = 0, which is what the API reports for it).
var scheduleTiming = map[string][]string{
	"hourly":  {"minute"},
	"daily":   {"minute", "hour"},
	"weekly":  {"minute", "hour", "day_of_week"},
	"monthly": {"minute", "hour", "day_of_month"},
	"custom":  {"recurrence_rule"},
}

// scheduleGranularities are the granularities in the API's order.
var scheduleGranularities = []string{"hourly", "daily", "weekly", "monthly", "custom"}

// toAPI returns what the user set. Timing fields the granularity does not
// take are not sent.
func (m appScheduleResourceModel) toAPI() ScheduleInput {
	in := ScheduleInput{
		Name:              m.Name.ValueString(),
		Enabled:           m.Enabled.ValueBool(),
		Granularity:       m.Granularity.ValueString(),
		SnapshotRetention: strconv.FormatInt(m.SnapshotRetention.ValueInt64(), 10),
		BackupRetention:   strconv.FormatInt(m.BackupRetention.ValueInt64(), 10),
		BucketID:          knownString(m.BucketID),
		Replicate:         m.Replicate.ValueBool(),
	}
	takes := scheduleTiming[in.Granularity]
	for _, f := range []struct {
		attr string
		to   **string
		v    *string
	}{
		{"minute", &in.Minute, intString(m.Minute)},
		{"hour", &in.Hour, intString(m.Hour)},
		{"day_of_week", &in.DayOfWeek, intString(m.DayOfWeek)},
		{"day_of_month", &in.DayOfMonth, intString(m.DayOfMonth)},
		{"recurrence_rule", &in.RecurrenceRule, knownString(m.RecurrenceRule)},
	} {
		for _, t := range takes {
			if t == f.attr {
				*f.to = f.v
			}
		}
	}
	return in
}

// parseIntField converts one of the API's numeric strings.
func parseIntField(name string, s *string, diags *diag.Diagnostics) types.Int64 {
	if s == nil || *s == "" {
		return types.Int64Null()
	}
	n, err := strconv.ParseInt(*s, 10, 64)
	if err != nil {
		diags.AddError("Unexpected answer from the Astra Control API",
			fmt.Sprintf("The schedule's %s is %q, not a number. This is a problem of the API; please report it.", name, *s))
		return types.Int64Null()
	}
	return types.Int64Value(n)
}

// fromAPI sets every attribute the API returns.
func (m *appScheduleResourceModel) fromAPI(appID string, s *Schedule, diags *diag.Diagnostics) {
	m.ID = types.StringValue(s.ID)
	m.AppID = types.StringValue(appID)
	m.Name = types.StringValue(s.Name)
	m.Enabled = types.BoolValue(s.Enabled != "false")
	m.Granularity = types.StringValue(s.Granularity)
	m.Minute = parseIntField("minute", s.Minute, diags)
	m.Hour = parseIntField("hour", s.Hour, diags)
	m.DayOfWeek = parseIntField("dayOfWeek", s.DayOfWeek, diags)
	m.DayOfMonth = parseIntField("dayOfMonth", s.DayOfMonth, diags)
	m.RecurrenceRule = types.StringPointerValue(s.RecurrenceRule)
	m.SnapshotRetention = parseIntField("snapshotRetention", &s.SnapshotRetention, diags)
	m.BackupRetention = parseIntField("backupRetention", &s.BackupRetention, diags)
	m.BucketID = types.StringPointerValue(s.BucketID)
	m.Replicate = types.BoolValue(s.Replicate != nil && *s.Replicate == "true")
	m.CreatedAt, m.UpdatedAt = types.StringNull(), types.StringNull()
	if s.Metadata != nil {
		m.CreatedAt = optionalString(s.Metadata.CreationTimestamp)
		m.UpdatedAt = optionalString(s.Metadata.ModificationTimestamp)
	}
}
