package astra

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestCreateSchedule(t *testing.T) {
	ta := newTestAPI(t)
	// The spec's example.
	res := ta.do(t, request{method: http.MethodPost, path: schedulesURL(WordpressID), body: jsonObject(scheduleFields("Backup Schedule")),
		headers: map[string]string{"Content-Type": scheduleMedia, "Accept": scheduleMedia}})
	if res.code != http.StatusCreated {
		t.Fatalf("POST: %d %s", res.code, res.raw)
	}
	id := res.body["id"].(string)
	if loc := res.header.Get("Location"); loc != "http://example.com"+schedulesURL(WordpressID)+"/"+id {
		t.Errorf("Location = %q", loc)
	}
	if ct := res.header.Get("Content-Type"); ct != scheduleMedia {
		t.Errorf("Content-Type = %q", ct)
	}
	want := map[string]string{"type": "application/astra-schedule", "version": "1.3", "name": "Backup Schedule", "enabled": "true",
		"granularity": "monthly", "minute": "0", "hour": "0", "dayOfMonth": "1", "snapshotRetention": "12", "backupRetention": "12", "replicate": "false"}
	for k, v := range want {
		if res.body[k] != v {
			t.Errorf("%s = %v, want %q", k, res.body[k], v)
		}
	}
	for _, absent := range []string{"dayOfWeek", "recurrenceRule", "bucketID"} {
		if _, ok := res.body[absent]; ok {
			t.Errorf("%s present in %s", absent, res.raw)
		}
	}
	if got := ta.get(t, schedulesURL(WordpressID)+"/"+id); got.code != http.StatusOK || got.body["name"] != "Backup Schedule" {
		t.Errorf("GET: %d %s", got.code, got.raw)
	}
	// A schedule belongs to its app.
	mustProblem(t, ta.get(t, schedulesURL(PostgresID)+"/"+id), 404, 2)
}

func TestCreateReplicationSchedule(t *testing.T) {
	ta := newTestAPI(t)
	// What actoolkit sends: version 1.2, nulls for the unused timing fields.
	body := `{"type":"application/astra-schedule","version":"1.2","granularity":"custom","backupRetention":"0","snapshotRetention":"0",` +
		`"dayOfWeek":null,"dayOfMonth":null,"hour":null,"minute":null,"enabled":"true","name":"custom schedule",` +
		`"recurrenceRule":"DTSTART:20220101T000500Z\nRRULE:FREQ=MINUTELY;INTERVAL=30","replicate":"true"}`
	res := ta.send(t, http.MethodPost, schedulesURL(PostgresID), scheduleMedia, body)
	if res.code != http.StatusCreated {
		t.Fatalf("POST: %d %s", res.code, res.raw)
	}
	if res.body["replicate"] != "true" || res.body["minute"] != "0" || res.body["recurrenceRule"] != "DTSTART:20220101T000500Z\nRRULE:FREQ=MINUTELY;INTERVAL=30" {
		t.Errorf("body = %s", res.raw)
	}
	if _, ok := res.body["hour"]; ok {
		t.Errorf("hour present: %s", res.raw)
	}
	// Hourly frequency, minute "0" allowed for custom.
	ok := mergeFields(scheduleFields("hourly custom"), map[string]any{"granularity": "custom", "hour": nil, "dayOfMonth": nil,
		"recurrenceRule": "DTSTART:20240101T000000Z\nRRULE:FREQ=HOURLY;INTERVAL=4", "replicate": "true", "enabled": "false"})
	if res := ta.send(t, http.MethodPost, schedulesURL(PostgresID), scheduleMedia, jsonObject(ok)); res.code != http.StatusCreated || res.body["enabled"] != "false" {
		t.Errorf("custom hourly: %d %s", res.code, res.raw)
	}
}

func TestCreateScheduleValidation(t *testing.T) {
	ta := newTestAPI(t)
	custom := map[string]any{"granularity": "custom", "minute": nil, "hour": nil, "dayOfMonth": nil}
	withRule := func(rule string) map[string]any { return mergeFields(custom, map[string]any{"recurrenceRule": rule}) }
	cases := []struct {
		name    string
		over    map[string]any
		problem int
		field   string
	}{
		{"empty name", map[string]any{"name": ""}, 9, "name"},
		{"64-character name", map[string]any{"name": strings.Repeat("n", 64)}, 9, "name"},
		{"unknown granularity", map[string]any{"granularity": "yearly"}, 9, "granularity"},
		{"minute 60", map[string]any{"minute": "60"}, 9, "minute"},
		// "^[0-9]|[1-5][0-9]$" taken literally accepts this; the description says 0-59.
		{"minute 99", map[string]any{"minute": "99"}, 9, "minute"},
		{"minute 05", map[string]any{"minute": "05"}, 9, "minute"},
		{"hour 24", map[string]any{"hour": "24"}, 9, "hour"},
		{"dayOfMonth 0", map[string]any{"dayOfMonth": "0"}, 9, "dayOfMonth"},
		{"dayOfMonth 32", map[string]any{"dayOfMonth": "32"}, 9, "dayOfMonth"},
		{"dayOfWeek 8", map[string]any{"granularity": "weekly", "dayOfMonth": nil, "dayOfWeek": "8"}, 9, "dayOfWeek"},
		{"weekly without dayOfWeek", map[string]any{"granularity": "weekly", "dayOfMonth": nil}, 9, "dayOfWeek"},
		{"weekly with dayOfMonth", map[string]any{"granularity": "weekly", "dayOfWeek": "1"}, 9, "dayOfMonth"},
		{"daily without hour", map[string]any{"granularity": "daily", "hour": nil, "dayOfMonth": nil}, 9, "hour"},
		{"hourly with hour", map[string]any{"granularity": "hourly", "dayOfMonth": nil}, 9, "hour"},
		{"hourly without minute", map[string]any{"granularity": "hourly", "minute": nil, "hour": nil, "dayOfMonth": nil}, 9, "minute"},
		{"monthly with a rule", map[string]any{"recurrenceRule": "DTSTART:20220101T000000Z\nRRULE:FREQ=HOURLY"}, 9, "recurrenceRule"},
		{"custom without a rule", custom, 9, "recurrenceRule"},
		{"custom with minute 5", mergeFields(withRule("DTSTART:20220101T000000Z\nRRULE:FREQ=HOURLY"), map[string]any{"minute": "5"}), 9, "minute"},
		{"daily frequency", withRule("DTSTART:20220101T000000Z\nRRULE:FREQ=DAILY;INTERVAL=1"), 9, "recurrenceRule"},
		{"BYDAY part", withRule("DTSTART:20220101T000000Z\nRRULE:FREQ=HOURLY;BYDAY=MO"), 9, "recurrenceRule"},
		{"interval 0", withRule("DTSTART:20220101T000000Z\nRRULE:FREQ=MINUTELY;INTERVAL=0"), 9, "recurrenceRule"},
		{"no FREQ", withRule("DTSTART:20220101T000000Z\nRRULE:INTERVAL=5"), 9, "recurrenceRule"},
		{"local DTSTART", withRule("DTSTART:20220101T000000\nRRULE:FREQ=HOURLY"), 9, "recurrenceRule"},
		{"TZID DTSTART", withRule("DTSTART;TZID=Europe/Paris:20220101T000000\nRRULE:FREQ=HOURLY"), 9, "recurrenceRule"},
		{"future DTSTART", withRule("DTSTART:20990101T000000Z\nRRULE:FREQ=HOURLY"), 9, "recurrenceRule"},
		{"no DTSTART", withRule("RRULE:FREQ=HOURLY"), 9, "recurrenceRule"},
		{"CRLF", withRule("DTSTART:20220101T000000Z\r\nRRULE:FREQ=HOURLY"), 9, "recurrenceRule"},
		{"retention 01", map[string]any{"snapshotRetention": "01"}, 9, "snapshotRetention"},
		{"retention -1", map[string]any{"backupRetention": "-1"}, 9, "backupRetention"},
		{"retention number", map[string]any{"backupRetention": 12}, 8, ""},
		{"missing retention", map[string]any{"snapshotRetention": nil}, 8, ""},
		{"missing name", map[string]any{"name": nil}, 8, ""},
		{"replicate yes", map[string]any{"replicate": "yes"}, 9, "replicate"},
		{"enabled yes", map[string]any{"enabled": "yes"}, 9, "enabled"},
		{"bucketID not a UUID", map[string]any{"bucketID": "bucket-1"}, 9, "bucketID"},
		{"id on POST", map[string]any{"id": unknownID}, 8, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := ta.send(t, http.MethodPost, schedulesURL(WordpressID), scheduleMedia, jsonObject(mergeFields(scheduleFields("s"), c.over)))
			mustProblem(t, res, 400, c.problem)
			if c.field != "" {
				if names := invalidNames(t, res, "invalidFields"); !slices.Contains(names, c.field) {
					t.Errorf("invalidFields = %v, want %s", names, c.field)
				}
			}
		})
	}
	mustProblem(t, ta.send(t, http.MethodPost, schedulesURL(WordpressID), scheduleMedia, `{"type":"application/astra-schedule","version":"1.3","name":null}`), 400, 8)
	if items := itemsOf(t, ta.get(t, schedulesURL(WordpressID))); len(items) != 0 {
		t.Errorf("refused POSTs stored schedules: %v", items)
	}
}

func TestScheduleEligibility(t *testing.T) {
	ta := newTestAPI(t)
	lonely, replica := fixtureID("app/lonely"), fixtureID("app/replica")
	ta.api.apps.Add(&app{id: lonely, name: "lonely", clusterID: ClusterEastID, resources: []namespaceResource{{Namespace: "lonely"}}, state: "ready"})
	ta.api.apps.Add(&app{id: replica, name: AppWordpress, clusterID: ClusterWestID, resources: []namespaceResource{{Namespace: "wordpress"}}, state: "ready",
		replicable: true, replicaOf: WordpressID})
	replicating := mergeFields(scheduleFields("r"), map[string]any{"replicate": "true"})
	mustProblem(t, ta.send(t, http.MethodPost, schedulesURL(lonely), scheduleMedia, jsonObject(replicating)), 409, 153)
	id := ta.createSchedule(t, lonely, scheduleFields("plain")) // replicate false is fine
	res := ta.send(t, http.MethodPut, schedulesURL(lonely)+"/"+id, scheduleMedia,
		`{"type":"application/astra-schedule","version":"1.3","snapshotRetention":"1","backupRetention":"1","replicate":"true"}`)
	mustProblem(t, res, 409, 10)
	mustProblem(t, ta.send(t, http.MethodPost, schedulesURL(replica), scheduleMedia, jsonObject(scheduleFields("x"))), 409, 154)
}

func TestUpdateSchedule(t *testing.T) {
	ta := newTestAPI(t)
	id := ta.createSchedule(t, WordpressID, mergeFields(scheduleFields("monthly"), map[string]any{"metadata": map[string]any{"labels": []map[string]string{{"name": "a", "value": "b"}}}}))
	url := schedulesURL(WordpressID) + "/" + id
	ta.clock = ta.clock.Add(time.Hour)
	put := func(body string) response { return ta.send(t, http.MethodPut, url, scheduleMedia, body) }

	// The spec's PUT example turns the monthly schedule into a daily one.
	res := put(`{"type":"application/astra-schedule","version":"1.3","granularity":"daily","minute":"0","hour":"0","snapshotRetention":"12","backupRetention":"12"}`)
	if res.code != http.StatusNoContent || res.raw != "" {
		t.Fatalf("PUT: %d %q", res.code, res.raw)
	}
	got := ta.get(t, url)
	if got.body["granularity"] != "daily" || got.body["name"] != "monthly" || got.body["hour"] != "0" {
		t.Errorf("after PUT: %s", got.raw)
	}
	if _, ok := got.body["dayOfMonth"]; ok {
		t.Errorf("dayOfMonth kept after the switch to daily: %s", got.raw)
	}
	md := got.body["metadata"].(map[string]any)
	if md["modificationTimestamp"] != "2025-03-04T06:06:07.123456Z" || md["modifiedBy"] != UserID || len(md["labels"].([]any)) != 1 {
		t.Errorf("metadata = %v", md)
	}

	// To a replicating custom schedule, then back to hourly.
	res = put(`{"type":"application/astra-schedule","version":"1.3","name":"repl","granularity":"custom","recurrenceRule":"DTSTART:20220101T000000Z\nRRULE:FREQ=MINUTELY;INTERVAL=10","replicate":"true","enabled":"false","snapshotRetention":"0","backupRetention":"0"}`)
	if res.code != http.StatusNoContent {
		t.Fatalf("PUT custom: %d %s", res.code, res.raw)
	}
	got = ta.get(t, url)
	if got.body["granularity"] != "custom" || got.body["minute"] != "0" || got.body["replicate"] != "true" || got.body["enabled"] != "false" || got.body["snapshotRetention"] != "0" {
		t.Errorf("after PUT custom: %s", got.raw)
	}
	if _, ok := got.body["hour"]; ok {
		t.Errorf("hour kept on a custom schedule: %s", got.raw)
	}
	if res := put(`{"type":"application/astra-schedule","version":"1.3","granularity":"hourly","minute":"15","snapshotRetention":"3","backupRetention":"0"}`); res.code != http.StatusNoContent {
		t.Fatalf("PUT hourly: %d %s", res.code, res.raw)
	}
	if got = ta.get(t, url); got.body["minute"] != "15" || got.body["recurrenceRule"] != nil || got.body["replicate"] != "true" {
		t.Errorf("after PUT hourly: %s", got.raw)
	}

	mustProblem(t, put(`{"type":"application/astra-schedule","version":"1.3","granularity":"daily","snapshotRetention":"3","backupRetention":"0"}`), 400, 9) // no hour
	mustProblem(t, put(`{"type":"application/astra-schedule","version":"1.3","granularity":"hourly"}`), 400, 8)                                              // retentions are required
	mustProblem(t, put(`{"type":"application/astra-schedule","version":"1.3","id":"`+unknownID+`","snapshotRetention":"3","backupRetention":"0"}`), 409, 10)
	mustProblem(t, ta.send(t, http.MethodPut, schedulesURL(WordpressID)+"/"+unknownID, scheduleMedia, `{"type":"application/astra-schedule","version":"1.3","snapshotRetention":"3","backupRetention":"0"}`), 404, 1)
	mustProblem(t, ta.send(t, http.MethodPut, schedulesURL(unknownID)+"/"+id, scheduleMedia, `{"type":"application/astra-schedule","version":"1.3","snapshotRetention":"3","backupRetention":"0"}`), 404, 1)
	if got = ta.get(t, url); got.body["granularity"] != "hourly" || got.body["snapshotRetention"] != "3" {
		t.Errorf("a refused PUT changed the schedule: %s", got.raw)
	}
}

func TestListAndDeleteSchedules(t *testing.T) {
	ta := newTestAPI(t)
	a := ta.createSchedule(t, WordpressID, scheduleFields("a"))
	ta.createSchedule(t, WordpressID, scheduleFields("b"))
	ta.createSchedule(t, PostgresID, scheduleFields("c"))
	if got := itemNames(t, ta.get(t, schedulesURL(WordpressID))); joinNames(got) != "a,b" {
		t.Errorf("list = %v", got)
	}
	rows := itemsOf(t, ta.get(t, schedulesURL(WordpressID)+"?include=name,granularity&limit=1"))
	if len(rows) != 1 || rows[0].([]any)[0] != "a" || rows[0].([]any)[1] != "monthly" {
		t.Errorf("include + limit: %v", rows)
	}
	mustProblem(t, ta.get(t, schedulesURL(WordpressID)+"?filter=name%20eq%20%27a%27"), 400, 6)
	mustProblem(t, ta.get(t, schedulesURL(unknownID)), 404, 2)
	mustProblem(t, ta.send(t, http.MethodPost, schedulesURL(unknownID), scheduleMedia, jsonObject(scheduleFields("x"))), 404, 2)

	mustProblem(t, ta.do(t, request{method: http.MethodDelete, path: schedulesURL(PostgresID) + "/" + a}), 404, 1)
	res := ta.do(t, request{method: http.MethodDelete, path: schedulesURL(WordpressID) + "/" + a})
	if res.code != http.StatusNoContent || res.raw != "" {
		t.Fatalf("DELETE: %d %q", res.code, res.raw)
	}
	mustProblem(t, ta.get(t, schedulesURL(WordpressID)+"/"+a), 404, 2)
	mustProblem(t, ta.do(t, request{method: http.MethodDelete, path: schedulesURL(WordpressID) + "/" + a}), 404, 1)
	if got := itemNames(t, ta.get(t, schedulesURL(WordpressID))); joinNames(got) != "b" {
		t.Errorf("list after delete = %v", got)
	}
}
