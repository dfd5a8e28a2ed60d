package astra

import (
	"net/url"
	"testing"
)

// TestOpenAPIConformanceAppSchedules drives the schedule routes through a
// real HTTP server and validates each request and response against the
// spec.
func TestOpenAPIConformanceAppSchedules(t *testing.T) {
	base, router := newConformanceServer(t, New(Options{}))
	var sched string // the ID of the schedule the first case creates
	schedURL := func() string { return schedulesURL(WordpressID) + "/" + sched }
	q := func(s string) string { return url.QueryEscape(s) }
	schedPut := `{"type":"application/astra-schedule","version":"1.3"`

	cases := []conformanceCase{
		// Schedules: the spec's POST and PUT examples.
		{name: "schedule POST", method: "POST", status: 201, reqValid: true, path: fixed(schedulesURL(WordpressID)),
			body:    jsonObject(scheduleFields("Backup Schedule")),
			capture: func(m map[string]any) { sched, _ = m["id"].(string) }},
		{name: "schedule POST replicate", method: "POST", status: 201, reqValid: true, path: fixed(schedulesURL(WordpressID)),
			body: `{"type":"application/astra-schedule","version":"1.3","name":"replication","granularity":"custom","recurrenceRule":"DTSTART:20220101T000000Z\nRRULE:FREQ=MINUTELY;INTERVAL=10","snapshotRetention":"0","backupRetention":"0","replicate":"true"}`},
		// minute's pattern "^[0-9]|[1-5][0-9]$" lacks parentheses and accepts
		// "99"; its description says 0-59, which the sandbox enforces.
		{name: "schedule POST minute 99", method: "POST", status: 400, problem: 9, reqValid: true, path: fixed(schedulesURL(WordpressID)),
			body: jsonObject(mergeFields(scheduleFields("x"), map[string]any{"minute": "99"}))},
		{name: "schedule POST daily without hour", method: "POST", status: 400, problem: 9, reqValid: true, path: fixed(schedulesURL(WordpressID)),
			body: jsonObject(mergeFields(scheduleFields("x"), map[string]any{"granularity": "daily", "hour": nil, "dayOfMonth": nil}))},
		{name: "schedule POST weekly rule", method: "POST", status: 400, problem: 9, reqValid: true, path: fixed(schedulesURL(WordpressID)),
			body: `{"type":"application/astra-schedule","version":"1.3","name":"x","granularity":"custom","recurrenceRule":"DTSTART:20220101T000000Z\nRRULE:FREQ=WEEKLY","snapshotRetention":"0","backupRetention":"0"}`},
		{name: "schedule POST retention 01", method: "POST", status: 400, problem: 9, path: fixed(schedulesURL(WordpressID)),
			body: jsonObject(mergeFields(scheduleFields("x"), map[string]any{"snapshotRetention": "01"}))},
		{name: "schedule POST unknown app", method: "POST", status: 404, problem: 2, reqValid: true, path: fixed(schedulesURL(unknownID)),
			body: jsonObject(scheduleFields("x"))},
		{name: "schedule list", method: "GET", status: 200, reqValid: true, path: fixed(schedulesURL(WordpressID))},
		{name: "schedule list include limit", method: "GET", status: 200, reqValid: true, path: fixed(schedulesURL(WordpressID) + "?include=id,name,granularity&limit=1")},
		{name: "schedule list filter", method: "GET", status: 400, problem: 6, reqValid: true, path: fixed(schedulesURL(WordpressID) + "?filter=" + q("name eq 'x'"))},
		{name: "schedule GET", method: "GET", status: 200, reqValid: true, path: schedURL},
		{name: "schedule PUT", method: "PUT", status: 204, reqValid: true, path: schedURL,
			body: schedPut + `,"granularity":"daily","minute":"0","hour":"0","snapshotRetention":"12","backupRetention":"12"}`},
		{name: "schedule PUT missing retention", method: "PUT", status: 400, problem: 8, path: schedURL, body: schedPut + `,"granularity":"hourly"}`},
		{name: "schedule PUT other id", method: "PUT", status: 409, problem: 10, reqValid: true, path: schedURL,
			body: schedPut + `,"id":"` + unknownID + `","snapshotRetention":"1","backupRetention":"1"}`},
		{name: "schedule PUT unknown", method: "PUT", status: 404, problem: 1, reqValid: true, path: fixed(schedulesURL(WordpressID) + "/" + unknownID),
			body: schedPut + `,"snapshotRetention":"1","backupRetention":"1"}`},
		{name: "schedule DELETE", method: "DELETE", status: 204, reqValid: true, path: schedURL},
		{name: "schedule GET deleted", method: "GET", status: 404, problem: 2, reqValid: true, path: schedURL},
		{name: "schedule DELETE again", method: "DELETE", status: 404, problem: 1, reqValid: true, path: schedURL},
	}
	for _, tc := range cases {
		checkConformance(t, router, base, tc)
	}
	if sched == "" {
		t.Fatal("the schedule POST created nothing")
	}
}
