package astra

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
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

func TestScheduleToAPISendsOnlyTheGranularitysTiming(t *testing.T) {
	m := appScheduleResourceModel{
		Name: types.StringValue("s"), Enabled: types.BoolValue(true), Granularity: types.StringValue("custom"),
		Minute: types.Int64Unknown(), Hour: types.Int64Value(3), DayOfWeek: types.Int64Null(), DayOfMonth: types.Int64Null(),
		RecurrenceRule: types.StringValue("DTSTART:20240101T000000Z\nRRULE:FREQ=HOURLY"), SnapshotRetention: types.Int64Value(0),
		BackupRetention: types.Int64Value(2), BucketID: types.StringUnknown(), Replicate: types.BoolValue(true),
	}
	b, err := json.Marshal(m.toAPI().body())
	if err != nil {
		t.Fatal(err)
	}
	want := `{"type":"application/astra-schedule","version":"1.3","name":"s","enabled":"true","granularity":"custom",` +
		`"recurrenceRule":"DTSTART:20240101T000000Z\nRRULE:FREQ=HOURLY","snapshotRetention":"0","backupRetention":"2","replicate":"true"}`
	if string(b) != want {
		t.Errorf("body = %s\nwant   %s", b, want)
	}
	m.Granularity, m.Minute = types.StringValue("daily"), types.Int64Value(45)
	in := m.toAPI()
	if in.Minute == nil || *in.Minute != "45" || in.Hour == nil || *in.Hour != "3" || in.RecurrenceRule != nil {
		t.Errorf("daily input = %+v", in)
	}
}

func TestExecutionHookBodyAlwaysCarriesTheLists(t *testing.T) {
	b, err := json.Marshal(ExecutionHookInput{Name: "h", AppID: "a", HookSourceID: "s", Action: "backup", Stage: "post"}.body())
	if err != nil {
		t.Fatal(err)
	}
	// A PUT keeps the values of absent fields, so clearing must send [] and "".
	for _, want := range []string{`"arguments":[]`, `"matchingCriteria":[]`, `"description":""`, `"enabled":"false"`, `"hookType":"custom"`, `"version":"1.3"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("body %s lacks %s", b, want)
		}
	}
}

func TestCellValue(t *testing.T) {
	for raw, want := range map[string]types.String{
		`"acc"`:                  types.StringValue("acc"),
		`null`:                   types.StringNull(),
		`12`:                     types.StringValue("12"),
		`{"minVersion":"23.07"}`: types.StringValue(`{"minVersion":"23.07"}`),
		`["a","b"]`:              types.StringValue(`["a","b"]`),
	} {
		if got := cellValue(json.RawMessage(raw)); !got.Equal(want) {
			t.Errorf("cellValue(%s) = %v, want %v", raw, got, want)
		}
	}
}

// TestListPackagesQueryAndDecoding checks the query the client sends and
// how it reads whole items and projected rows.
func TestListPackagesQueryAndDecoding(t *testing.T) {
	var gotQuery string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotQuery = r.URL.RawQuery
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Query().Get("include") != "" {
			_, _ = io.WriteString(w, `{"items":[["id-1","24.02.0",{"minVersion":"23.10.0"}]],"metadata":{}}`)
			return
		}
		_, _ = io.WriteString(w, `{"items":[{"id":"id-1","packageName":"acc","packageVersion":"24.02.0","packageType":"install",`+
			`"upgradableVersions":{"minVersion":"23.10.0"},"metadata":{"labels":[],"creationTimestamp":"2024-03-04T10:00:00Z"}}],"metadata":{}}`)
	}))
	defer srv.Close()
	c, err := NewClient(Settings{Endpoint: srv.URL, AccountID: "acct", APIToken: "t"}, srv.Client())
	if err != nil {
		t.Fatal(err)
	}

	list, err := c.ListPackages(context.Background(), PackageQuery{Filter: "packageName eq 'acc'", OrderBy: "packageVersion desc", Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if want := "filter=packageName%20eq%20%27acc%27&limit=5&orderBy=packageVersion%20desc"; gotQuery != want {
		t.Errorf("query = %s, want %s", gotQuery, want)
	}
	if len(list.Packages) != 1 || list.Rows != nil || list.Packages[0].UpgradableVersions.MinVersion != "23.10.0" {
		t.Errorf("whole items = %+v", list)
	}
	m := packageFromAPI(list.Packages[0])
	if m.UpgradableMaxVersion.IsNull() != true || m.CreatedAt.ValueString() != "2024-03-04T10:00:00Z" || len(m.Images) != 0 || m.Images == nil {
		t.Errorf("model = %+v", m)
	}

	list, err = c.ListPackages(context.Background(), PackageQuery{Include: []string{"id", "packageVersion", "upgradableVersions"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "include=id%2CpackageVersion%2CupgradableVersions"; gotQuery != want {
		t.Errorf("query = %s, want %s", gotQuery, want)
	}
	if len(list.Rows) != 1 || len(list.Rows[0]) != 3 || list.Packages != nil {
		t.Errorf("rows = %+v", list)
	}
}
