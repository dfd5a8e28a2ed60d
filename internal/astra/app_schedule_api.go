package astra

import (
	"context"
	"net/http"
	"net/url"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
)

const (
	scheduleMediaType = "application/astra-schedule"
	scheduleVersion   = "1.3"
)

// Schedule is the API's schedule resource (an app's protection schedule),
// version 1.3. The API writes every number as a string.
type Schedule struct {
	Type              string    `json:"type"`
	Version           string    `json:"version"`
	ID                string    `json:"id"`
	Name              string    `json:"name"`
	Enabled           string    `json:"enabled"`
	Granularity       string    `json:"granularity"`
	Minute            *string   `json:"minute"`
	Hour              *string   `json:"hour"`
	DayOfWeek         *string   `json:"dayOfWeek"`
	DayOfMonth        *string   `json:"dayOfMonth"`
	RecurrenceRule    *string   `json:"recurrenceRule"`
	SnapshotRetention string    `json:"snapshotRetention"`
	BackupRetention   string    `json:"backupRetention"`
	BucketID          *string   `json:"bucketID"`
	Replicate         *string   `json:"replicate"`
	Metadata          *Metadata `json:"metadata"`
}

// ScheduleInput is what a user sets on a schedule; nil means not set.
type ScheduleInput struct {
	Name              string
	Enabled           bool
	Granularity       string
	Minute            *string
	Hour              *string
	DayOfWeek         *string
	DayOfMonth        *string
	RecurrenceRule    *string
	SnapshotRetention string
	BackupRetention   string
	BucketID          *string
	Replicate         bool
}

// scheduleWrite is the body of POST and PUT. Timing fields the granularity
// does not take are left out: the API drops them when the granularity
// changes.
type scheduleWrite struct {
	Type              string  `json:"type"`
	Version           string  `json:"version"`
	Name              string  `json:"name"`
	Enabled           string  `json:"enabled"`
	Granularity       string  `json:"granularity"`
	Minute            *string `json:"minute,omitempty"`
	Hour              *string `json:"hour,omitempty"`
	DayOfWeek         *string `json:"dayOfWeek,omitempty"`
	DayOfMonth        *string `json:"dayOfMonth,omitempty"`
	RecurrenceRule    *string `json:"recurrenceRule,omitempty"`
	SnapshotRetention string  `json:"snapshotRetention"`
	BackupRetention   string  `json:"backupRetention"`
	BucketID          *string `json:"bucketID,omitempty"`
	Replicate         string  `json:"replicate"`
}

func (in ScheduleInput) body() scheduleWrite {
	return scheduleWrite{
		Type: scheduleMediaType, Version: scheduleVersion, Name: in.Name, Enabled: apiBoolString(in.Enabled), Granularity: in.Granularity,
		Minute: in.Minute, Hour: in.Hour, DayOfWeek: in.DayOfWeek, DayOfMonth: in.DayOfMonth, RecurrenceRule: in.RecurrenceRule,
		SnapshotRetention: in.SnapshotRetention, BackupRetention: in.BackupRetention, BucketID: in.BucketID, Replicate: apiBoolString(in.Replicate),
	}
}

func schedulesPath(appID string) string {
	return "k8s/v1/apps/" + url.PathEscape(appID) + "/schedules"
}

func schedulePath(appID, id string) string { return schedulesPath(appID) + "/" + url.PathEscape(id) }

// CreateSchedule creates a schedule of the app (POST, 201 with the resource).
func (c *Client) CreateSchedule(ctx context.Context, appID string, in ScheduleInput) (*Schedule, error) {
	var out Schedule
	err := c.do(ctx, request{method: http.MethodPost, path: schedulesPath(appID), mediaType: scheduleMediaType, body: in.body()}, &out)
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// GetSchedule reads one schedule of the app; a missing one (or a missing
// app) gives apierr.NotFoundError.
func (c *Client) GetSchedule(ctx context.Context, appID, id string) (*Schedule, error) {
	var out Schedule
	if err := c.do(ctx, request{method: http.MethodGet, path: schedulePath(appID, id)}, &out); err != nil {
		return nil, apierr.NotFound("schedule", appID+"/"+id, err)
	}
	return &out, nil
}

// UpdateSchedule replaces the user fields of a schedule (PUT, 204).
func (c *Client) UpdateSchedule(ctx context.Context, appID, id string, in ScheduleInput) error {
	err := c.do(ctx, request{method: http.MethodPut, path: schedulePath(appID, id), mediaType: scheduleMediaType, body: in.body()}, nil)
	return apierr.NotFound("schedule", appID+"/"+id, err)
}

// DeleteSchedule deletes a schedule (DELETE, 204).
func (c *Client) DeleteSchedule(ctx context.Context, appID, id string) error {
	err := c.do(ctx, request{method: http.MethodDelete, path: schedulePath(appID, id)}, nil)
	return apierr.NotFound("schedule", appID+"/"+id, err)
}

// ListSchedules lists the schedules of the app (the collection takes no
// filter: include and limit only, astra.md §1.4).
func (c *Client) ListSchedules(ctx context.Context, appID string) ([]Schedule, error) {
	var out struct {
		Items []Schedule `json:"items"`
	}
	if err := c.do(ctx, request{method: http.MethodGet, path: schedulesPath(appID)}, &out); err != nil {
		return nil, apierr.NotFound("app", appID, err)
	}
	return out.Items, nil
}
