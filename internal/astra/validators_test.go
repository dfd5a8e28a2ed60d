package astra

import (
	"strings"
	"testing"
	"time"
)

func TestQueryFilterPattern(t *testing.T) {
	for _, ok := range []string{
		"packageName eq 'acc'",
		"packageName eq 'acc',packageState eq 'available'",
		"images[*].imageTag gte '24.02.0'",
		"metadata.creationTimestamp lt '2024-01-01T00:00:00Z'",
		"name in 'a b'",
		"name%20eq%20'x'",
		`labels[*].value eq '{"x":1}'`,
	} {
		if !queryFilterPattern.MatchString(ok) {
			t.Errorf("%q refused", ok)
		}
	}
	for _, bad := range []string{
		"", "packageName", "packageName = 'acc'", "packageName eq acc", "packageName eq ''", "packageName ne 'acc'",
		"packageName eq 'acc',", "packageName eq 'it''s'", "images[0].imageTag eq 'x'", ".name eq 'x'", "name eq 'x' ",
	} {
		if queryFilterPattern.MatchString(bad) {
			t.Errorf("%q accepted", bad)
		}
	}
	for s, want := range map[string]bool{"packageVersion": true, "packageVersion desc": true, "packageVersion asc": false, "a,b": false, "desc": true, "": false} {
		if queryOrderByPattern.MatchString(s) != want {
			t.Errorf("orderBy %q: want %v", s, want)
		}
	}
	for s, want := range map[string]bool{
		"6f9619ff-8b86-4d01-b42d-00cf4fc964ff": true, "5f7e2e31-280d-5984-a28b-2d19ab5b77c0": true, "00000000-0000-0000-0000-000000000000": true,
		"6F9619FF-8B86-4D01-B42D-00CF4FC964FF": false, "6f9619ff-8b86-1d01-b42d-00cf4fc964ff": false, "postgres": false,
	} {
		if astraIDPattern.MatchString(s) != want {
			t.Errorf("id %q: want %v", s, want)
		}
	}
}

func TestCheckRecurrenceRule(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, ok := range []string{
		"DTSTART:20240101T000500Z\nRRULE:FREQ=MINUTELY;INTERVAL=30",
		"DTSTART:20220101T000000Z\nRRULE:FREQ=HOURLY",
		"RRULE:INTERVAL=4;FREQ=HOURLY\nDTSTART:20220101T000000Z",
	} {
		if err := checkRecurrenceRule(ok, now); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for rule, want := range map[string]string{
		"DTSTART:20240101T000500Z":                                         "needs both",
		"DTSTART:20240101T000500Z\nRRULE:FREQ=DAILY":                       "FREQ=DAILY is not supported",
		"DTSTART:20240101T000500Z\nRRULE:FREQ=HOURLY;COUNT=3":              "COUNT is not supported",
		"DTSTART:20240101T000500Z\nRRULE:FREQ=HOURLY;INTERVAL=010":         "INTERVAL=010 must be a positive integer",
		"DTSTART:20240101T000500Z\nRRULE:FREQ=HOURLY;FREQ=MINUTELY":        "FREQ twice",
		"DTSTART:20240101T000500Z\nRRULE:INTERVAL=5":                       "needs FREQ",
		"DTSTART:20260101T000000Z\nRRULE:FREQ=HOURLY":                      "in the future",
		"DTSTART:20240101T000500\nRRULE:FREQ=HOURLY":                       "not a UTC time",
		"DTSTART;TZID=Europe/Paris:20240101T000500\nRRULE:FREQ=HOURLY":     "without parameters",
		"DTSTART:20240101T000500Z\r\nRRULE:FREQ=HOURLY":                    "not a UTC time",
		"DTSTART:20240101T000500Z\nRRULE:FREQ=HOURLY\nEXDATE:20240102T00Z": "exactly a DTSTART line and an RRULE line",
	} {
		err := checkRecurrenceRule(rule, now)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want it to say %q", rule, err, want)
		}
	}
}
