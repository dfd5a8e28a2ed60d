package astra

// App protection schedules (application/astra-schedule 1.3, astra.md §2.8):
// snapshot and backup schedules of one app; with replicate "true", each
// snapshot is also replicated by the app's AppMirror relationship.
const (
	appScheduleType    = "application/astra-schedule"
	appSchedulesType   = "application/astra-schedules"
	appScheduleVersion = "1.3"
)

// appScheduleBody is schedule_1.3_get_response_body, fields in the order
// of the spec examples.
type appScheduleBody struct {
	Type              string   `json:"type"`
	Version           string   `json:"version"`
	ID                string   `json:"id"`
	Name              string   `json:"name"`
	Enabled           string   `json:"enabled"`
	Granularity       string   `json:"granularity"`
	Minute            string   `json:"minute"`
	Hour              *string  `json:"hour,omitempty"`
	DayOfWeek         *string  `json:"dayOfWeek,omitempty"`
	DayOfMonth        *string  `json:"dayOfMonth,omitempty"`
	RecurrenceRule    *string  `json:"recurrenceRule,omitempty"`
	SnapshotRetention string   `json:"snapshotRetention"`
	BackupRetention   string   `json:"backupRetention"`
	BucketID          *string  `json:"bucketID,omitempty"`
	Replicate         string   `json:"replicate"`
	Metadata          metadata `json:"metadata"`
}

// view renders s. minute is always present: "0" for custom schedules, as
// the spec says.
func (s *appSchedule) view() any {
	b := appScheduleBody{
		Type:              appScheduleType,
		Version:           appScheduleVersion,
		ID:                s.id,
		Name:              s.name,
		Enabled:           boolString(s.enabled),
		Granularity:       s.granularity,
		Minute:            "0",
		Hour:              s.hour,
		DayOfWeek:         s.dayOfWeek,
		DayOfMonth:        s.dayOfMonth,
		RecurrenceRule:    s.recurrenceRule,
		SnapshotRetention: s.snapshotRetention,
		BackupRetention:   s.backupRetention,
		BucketID:          s.bucketID,
		Replicate:         boolString(s.replicate),
		Metadata:          s.metadata(),
	}
	if s.minute != nil {
		b.Minute = *s.minute
	}
	return b
}
