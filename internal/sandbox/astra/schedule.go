package astra

import (
	"slices"
	"sync"
)

// App protection schedules (application/astra-schedule 1.3, astra.md §2.8):
// snapshot and backup schedules of one app; with replicate "true", each
// snapshot is also replicated by the app's AppMirror relationship.
const (
	scheduleType    = "application/astra-schedule"
	schedulesType   = "application/astra-schedules"
	scheduleVersion = "1.3"
	schedulesPath   = accountsPrefix + "/k8s/v1/apps/{app_id}/schedules"
	schedulePath    = schedulesPath + "/{schedule_id}"
)

// scheduleVersions are the versions a client may send (actoolkit sends 1.2).
var scheduleVersions = []string{"1.3", "1.2", "1.1", "1.0"}

// schedule is a stored schedule. Optional fields are nil when absent.
type schedule struct {
	id                string
	appID             string
	name              string
	enabled           bool
	granularity       string
	minute            *string
	hour              *string
	dayOfWeek         *string
	dayOfMonth        *string
	recurrenceRule    *string
	snapshotRetention string
	backupRetention   string
	bucketID          *string
	replicate         bool
	labels            []label
	createdAt         string
	modifiedAt        string
	createdBy         string
	modifiedBy        string
}

// clone returns a deep copy of s.
func (s *schedule) clone() *schedule {
	c := *s
	c.labels = slices.Clone(s.labels)
	for _, f := range []**string{&c.minute, &c.hour, &c.dayOfWeek, &c.dayOfMonth, &c.recurrenceRule, &c.bucketID} {
		if *f != nil {
			v := **f
			*f = &v
		}
	}
	return &c
}

// scheduleBody is schedule_1.3_get_response_body, fields in the order of
// the spec examples.
type scheduleBody struct {
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

// body renders s. minute is always present: "0" for custom schedules, as
// the spec says.
func (s *schedule) body() scheduleBody {
	b := scheduleBody{
		Type:              scheduleType,
		Version:           scheduleVersion,
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
		Metadata: metadata{
			Labels:                s.labels,
			CreationTimestamp:     s.createdAt,
			ModificationTimestamp: s.modifiedAt,
			CreatedBy:             s.createdBy,
			ModifiedBy:            s.modifiedBy,
		},
	}
	if s.minute != nil {
		b.Minute = *s.minute
	}
	if b.Metadata.Labels == nil {
		b.Metadata.Labels = []label{}
	}
	return b
}

// scheduleStore holds the schedules of every app in creation order.
type scheduleStore struct {
	mu    sync.Mutex
	items []*schedule
}

func newScheduleStore() *scheduleStore { return &scheduleStore{} }

// indexOf returns the position of the schedule id of app, or -1. The
// caller holds mu.
func (s *scheduleStore) indexOf(appID, id string) int {
	return slices.IndexFunc(s.items, func(sc *schedule) bool { return sc.id == id && sc.appID == appID })
}

func (s *scheduleStore) create(sc *schedule) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append(s.items, sc.clone())
}

// get returns a copy of the schedule id of app.
func (s *scheduleStore) get(appID, id string) (*schedule, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.indexOf(appID, id)
	if i < 0 {
		return nil, false
	}
	return s.items[i].clone(), true
}

// list returns copies of the schedules of app in creation order.
func (s *scheduleStore) list(appID string) []*schedule {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*schedule
	for _, sc := range s.items {
		if sc.appID == appID {
			out = append(out, sc.clone())
		}
	}
	return out
}

// update applies change to the schedule id of app: 404 problem 1 when
// unknown; change may refuse with a problem, and then nothing is stored.
func (s *scheduleStore) update(appID, id string, change func(*schedule) *problem) *problem {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.indexOf(appID, id)
	if i < 0 {
		return newProblem(1)
	}
	next := s.items[i].clone()
	if p := change(next); p != nil {
		return p
	}
	s.items[i] = next
	return nil
}

// remove deletes the schedule id of app: 404 problem 1 when unknown.
func (s *scheduleStore) remove(appID, id string) *problem {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.indexOf(appID, id)
	if i < 0 {
		return newProblem(1)
	}
	s.items = slices.Delete(s.items, i, i+1)
	return nil
}
