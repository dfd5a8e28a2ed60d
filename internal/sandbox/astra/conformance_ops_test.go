package astra

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/routers"
)

// opsCase is one request to the packages, execution hook or schedule
// routes, its expected answer, and whether the request itself conforms to
// the spec (the response must always conform).
type opsCase struct {
	name     string
	method   string
	path     func() string
	media    string // the Astra media type of the body and of Accept
	body     string
	noAuth   bool
	status   int
	problem  int
	reqValid bool
	// capture, when set, receives the decoded body of a 2xx answer.
	capture func(map[string]any)
}

// newOpsRequest builds the request of tc against base.
func newOpsRequest(t *testing.T, base string, tc opsCase) *http.Request {
	t.Helper()
	var body io.Reader
	if tc.body != "" {
		body = strings.NewReader(tc.body)
	}
	req, err := http.NewRequest(tc.method, base+tc.path(), body)
	if err != nil {
		t.Fatal(err)
	}
	if tc.body != "" {
		req.Header.Set("Content-Type", tc.media)
	}
	// Single resources are declared only with their Astra media type; a
	// client that asks for it gets it (see newConformanceRequest).
	req.Header.Set("Accept", tc.media+", application/json, application/problem+json")
	if !tc.noAuth {
		req.Header.Set("Authorization", "Bearer "+Token)
	}
	return req
}

// checkOpsConformance sends tc, checks the status and problem number, and
// validates the request and the response against the spec.
func checkOpsConformance(t *testing.T, router routers.Router, base string, tc opsCase) {
	t.Helper()
	res, err := http.DefaultClient.Do(newOpsRequest(t, base, tc))
	if err != nil {
		t.Fatalf("%s: %v", tc.name, err)
	}
	body, err := io.ReadAll(res.Body)
	_ = res.Body.Close()
	if err != nil {
		t.Fatalf("%s: %v", tc.name, err)
	}
	if res.StatusCode != tc.status {
		t.Errorf("%s: status %d, want %d: %s", tc.name, res.StatusCode, tc.status, body)
	}
	var decoded map[string]any
	_ = json.Unmarshal(body, &decoded)
	if tc.problem != 0 {
		if want := problemTypeBase + itoa(tc.problem); decoded["type"] != want {
			t.Errorf("%s: problem type %v, want %s", tc.name, decoded["type"], want)
		}
	}
	if tc.capture != nil && res.StatusCode < 300 {
		tc.capture(decoded)
	}

	checkAgainstSpec(t, router, tc.name, newOpsRequest(t, base, tc), tc.reqValid, res, body)
}

func TestOpenAPIConformanceOps(t *testing.T) {
	api := New(Options{})
	mux := http.NewServeMux()
	api.Register(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	router := loadSpecRouter(t, srv.URL)

	// IDs of what the cases create: a hook source (for the hooks to run),
	// execution hooks on both paths, a schedule.
	var hs, hook, appHook, sched string
	fixed := func(p string) func() string { return func() string { return p } }
	pkg := PackageID("acc", "23.10.1", "patch")
	const pkgMedia = "application/astra-package+json"
	hookURL := func() string { return execHooksURL + "/" + hook }
	appHookURL := func() string { return appExecHooksURL(PostgresID) + "/" + appHook }
	schedURL := func() string { return schedulesURL(WordpressID) + "/" + sched }
	q := func(s string) string { return url.QueryEscape(s) }
	// hookBody renders an execution hook POST body, as the spec's example
	// but with the sandbox's IDs.
	hookPost := func(name, appID string, extra string) func() string {
		return func() string {
			return `{"type":"application/astra-executionHook","version":"1.3","name":"` + name + `","hookType":"custom","action":"snapshot",` +
				`"stage":"pre","hookSourceID":"` + hs + `","arguments":["freeze"],"appID":"` + appID + `","enabled":"true",` +
				`"description":"Payroll production hook"` + extra + `}`
		}
	}
	hookPut := `{"type":"application/astra-executionHook","version":"1.3"`
	schedPut := `{"type":"application/astra-schedule","version":"1.3"`

	cases := []opsCase{
		// Packages.
		{name: "packages list", method: "GET", path: fixed(packagesURL), status: 200, reqValid: true},
		{name: "packages list, all four parameters", method: "GET", status: 200, reqValid: true,
			path: fixed(packagesURL + "?include=id,packageName,packageVersion,packageType&orderBy=packageVersion%20desc&limit=3&filter=" + q("packageName eq 'acc'"))},
		{name: "packages list, nested filter, orderBy", method: "GET", status: 200, reqValid: true,
			path: fixed(packagesURL + "?orderBy=packageName&filter=" + q("images[*].imageTag gte '24.02.0',packageState in 'avail'"))},
		// The spec's own example of include names softwareType, a field that
		// package_1.0_get_response_body does not have (astra.md §4.2). The
		// schema wins: the sandbox refuses the unknown field.
		{name: "packages include of the spec's example", method: "GET", status: 400, problem: 5, reqValid: true,
			path: fixed(packagesURL + "?include=id,packageName,packageVersion,softwareType")},
		{name: "packages filter on an unknown field", method: "GET", status: 400, problem: 5, reqValid: true, path: fixed(packagesURL + "?filter=" + q("softwareType eq 'acc'"))},
		{name: "packages orderBy asc", method: "GET", status: 400, problem: 5, path: fixed(packagesURL + "?orderBy=packageVersion%20asc")},
		{name: "packages orderBy of an object", method: "GET", status: 400, problem: 5, reqValid: true, path: fixed(packagesURL + "?orderBy=metadata")},
		{name: "packages limit 0", method: "GET", status: 400, problem: 5, path: fixed(packagesURL + "?limit=0")},
		// kin-openapi ignores undeclared query parameters.
		{name: "packages skip", method: "GET", status: 400, problem: 6, reqValid: true, path: fixed(packagesURL + "?skip=2")},
		{name: "packages no token", method: "GET", status: 401, problem: 3, noAuth: true, path: fixed(packagesURL)},
		{name: "package", method: "GET", media: pkgMedia, status: 200, reqValid: true, path: fixed(packagesURL + "/" + pkg)},
		{name: "package unknown", method: "GET", media: pkgMedia, status: 404, problem: 2, reqValid: true, path: fixed(packagesURL + "/" + unknownID)},
		{name: "package POST", method: "POST", media: pkgMedia, status: 403, problem: 11, reqValid: true, path: fixed(packagesURL),
			body: `{"type":"application/astra-package","version":"1.0","packageName":"acc","packageVersion":"24.06.0","packageType":"install","severityLevel":"recommended"}`},
		{name: "package DELETE", method: "DELETE", status: 403, problem: 11, reqValid: true, path: fixed(packagesURL + "/" + pkg)},

		// A hook source of our own, for the execution hooks.
		{name: "hook source POST", method: "POST", media: "application/astra-hookSource+json", status: 201, reqValid: true,
			path: fixed(collectionURL), body: hookBody("Payroll script", exampleSource),
			capture: func(m map[string]any) { hs, _ = m["id"].(string) }},

		// Execution hooks, core path.
		{name: "hook POST", method: "POST", media: execHookMedia, status: 201, reqValid: true, path: fixed(execHooksURL), body: "",
			capture: func(m map[string]any) { hook, _ = m["id"].(string) }},
		{name: "hook POST duplicate", method: "POST", media: execHookMedia, status: 409, problem: 10, reqValid: true, path: fixed(execHooksURL)},
		{name: "hook POST netapp", method: "POST", media: execHookMedia, status: 403, problem: 73, reqValid: true, path: fixed(execHooksURL)},
		{name: "hook POST pre restore", method: "POST", media: execHookMedia, status: 400, problem: 9, reqValid: true, path: fixed(execHooksURL)},
		// The spec limits arguments only in prose (no maxItems); matchingCriteria has maxItems 10.
		{name: "hook POST 17 arguments", method: "POST", media: execHookMedia, status: 400, problem: 9, reqValid: true, path: fixed(execHooksURL)},
		{name: "hook POST 11 criteria", method: "POST", media: execHookMedia, status: 400, problem: 9, path: fixed(execHooksURL)},
		// The schema cannot check that a value compiles as RE2.
		{name: "hook POST invalid regex", method: "POST", media: execHookMedia, status: 400, problem: 9, reqValid: true, path: fixed(execHooksURL)},
		{name: "hook POST unknown hook source", method: "POST", media: execHookMedia, status: 400, problem: 9, reqValid: true, path: fixed(execHooksURL)},
		{name: "hook POST missing stage", method: "POST", media: execHookMedia, status: 400, problem: 8, path: fixed(execHooksURL),
			body: `{"type":"application/astra-executionHook","version":"1.3","name":"x","hookType":"custom","action":"snapshot","hookSourceID":"` + PreloadedHookSourceID + `","appID":"` + PostgresID + `"}`},
		{name: "hook list", method: "GET", status: 200, reqValid: true, path: fixed(execHooksURL)},
		{name: "hook list include filter limit", method: "GET", status: 200, reqValid: true,
			path: fixed(execHooksURL + "?include=id,name,matchingImages&limit=5&filter=" + q("hookType eq 'custom'"))},
		{name: "hook list orderBy", method: "GET", status: 400, problem: 6, reqValid: true, path: fixed(execHooksURL + "?orderBy=name")},
		{name: "hook GET", method: "GET", media: execHookMedia, status: 200, reqValid: true, path: hookURL},
		{name: "hook GET netapp", method: "GET", media: execHookMedia, status: 200, reqValid: true, path: fixed(netappHookURL)},
		{name: "hook GET unknown", method: "GET", media: execHookMedia, status: 404, problem: 2, reqValid: true, path: fixed(execHooksURL + "/" + unknownID)},
		// The spec's PUT example.
		{name: "hook PUT", method: "PUT", media: execHookMedia, status: 204, reqValid: true, path: hookURL, body: hookPut + `,"arguments":["freeze","10"]}`},
		{name: "hook PUT other app", method: "PUT", media: execHookMedia, status: 409, problem: 10, reqValid: true, path: hookURL, body: hookPut + `,"appID":"` + MySQLID + `"}`},
		{name: "hook PUT netapp", method: "PUT", media: execHookMedia, status: 403, problem: 73, reqValid: true, path: fixed(netappHookURL), body: hookPut + `,"enabled":"false"}`},
		{name: "hook PUT unknown", method: "PUT", media: execHookMedia, status: 404, problem: 1, reqValid: true, path: fixed(execHooksURL + "/" + unknownID), body: hookPut + `}`},
		{name: "hook PUT bad stage", method: "PUT", media: execHookMedia, status: 400, problem: 9, reqValid: true, path: hookURL, body: hookPut + `,"action":"failover"}`},
		{name: "hook PUT invalid JSON", method: "PUT", media: execHookMedia, status: 400, problem: 7, path: hookURL, body: `{"type"`},
		// Deleting the hook source the hook runs.
		{name: "hook source DELETE referenced", method: "DELETE", status: 403, problem: 72, reqValid: true, path: func() string { return collectionURL + "/" + hs }},
		{name: "hook DELETE netapp", method: "DELETE", status: 403, problem: 73, reqValid: true, path: fixed(netappHookURL)},

		// Execution hooks, app-scoped path.
		{name: "app hook POST", method: "POST", media: execHookMedia, status: 201, reqValid: true, path: fixed(appExecHooksURL(PostgresID)),
			capture: func(m map[string]any) { appHook, _ = m["id"].(string) }},
		{name: "app hook POST other app", method: "POST", media: execHookMedia, status: 409, problem: 10, reqValid: true, path: fixed(appExecHooksURL(PostgresID))},
		{name: "app hook POST unknown app", method: "POST", media: execHookMedia, status: 404, problem: 2, reqValid: true, path: fixed(appExecHooksURL(unknownID))},
		{name: "app hook list", method: "GET", status: 200, reqValid: true, path: fixed(appExecHooksURL(PostgresID) + "?filter=" + q("action eq 'snapshot'") + "&limit=1")},
		{name: "app hook GET", method: "GET", media: execHookMedia, status: 200, reqValid: true, path: appHookURL},
		{name: "app hook GET via other app", method: "GET", media: execHookMedia, status: 404, problem: 2, reqValid: true,
			path: func() string { return appExecHooksURL(MySQLID) + "/" + appHook }},
		{name: "app hook PUT", method: "PUT", media: execHookMedia, status: 204, reqValid: true, path: appHookURL,
			body: hookPut + `,"matchingCriteria":[{"type":"podLabel","value":"^app=postgres$"}],"enabled":"false"}`},
		{name: "app hook DELETE", method: "DELETE", status: 204, reqValid: true, path: appHookURL},
		{name: "app hook DELETE again", method: "DELETE", status: 404, problem: 1, reqValid: true, path: appHookURL},
		{name: "hook DELETE", method: "DELETE", status: 204, reqValid: true, path: hookURL},
		{name: "hook GET deleted", method: "GET", media: execHookMedia, status: 404, problem: 2, reqValid: true, path: hookURL},
		{name: "hook source DELETE freed", method: "DELETE", status: 204, reqValid: true, path: func() string { return collectionURL + "/" + hs }},

		// Schedules: the spec's POST and PUT examples.
		{name: "schedule POST", method: "POST", media: scheduleMedia, status: 201, reqValid: true, path: fixed(schedulesURL(WordpressID)),
			body:    jsonObject(scheduleFields("Backup Schedule")),
			capture: func(m map[string]any) { sched, _ = m["id"].(string) }},
		{name: "schedule POST replicate", method: "POST", media: scheduleMedia, status: 201, reqValid: true, path: fixed(schedulesURL(WordpressID)),
			body: `{"type":"application/astra-schedule","version":"1.3","name":"replication","granularity":"custom","recurrenceRule":"DTSTART:20220101T000000Z\nRRULE:FREQ=MINUTELY;INTERVAL=10","snapshotRetention":"0","backupRetention":"0","replicate":"true"}`},
		// minute's pattern "^[0-9]|[1-5][0-9]$" lacks parentheses and accepts
		// "99"; its description says 0-59, which the sandbox enforces.
		{name: "schedule POST minute 99", method: "POST", media: scheduleMedia, status: 400, problem: 9, reqValid: true, path: fixed(schedulesURL(WordpressID)),
			body: jsonObject(mergeFields(scheduleFields("x"), map[string]any{"minute": "99"}))},
		{name: "schedule POST daily without hour", method: "POST", media: scheduleMedia, status: 400, problem: 9, reqValid: true, path: fixed(schedulesURL(WordpressID)),
			body: jsonObject(mergeFields(scheduleFields("x"), map[string]any{"granularity": "daily", "hour": nil, "dayOfMonth": nil}))},
		{name: "schedule POST weekly rule", method: "POST", media: scheduleMedia, status: 400, problem: 9, reqValid: true, path: fixed(schedulesURL(WordpressID)),
			body: `{"type":"application/astra-schedule","version":"1.3","name":"x","granularity":"custom","recurrenceRule":"DTSTART:20220101T000000Z\nRRULE:FREQ=WEEKLY","snapshotRetention":"0","backupRetention":"0"}`},
		{name: "schedule POST retention 01", method: "POST", media: scheduleMedia, status: 400, problem: 9, path: fixed(schedulesURL(WordpressID)),
			body: jsonObject(mergeFields(scheduleFields("x"), map[string]any{"snapshotRetention": "01"}))},
		{name: "schedule POST unknown app", method: "POST", media: scheduleMedia, status: 404, problem: 2, reqValid: true, path: fixed(schedulesURL(unknownID)),
			body: jsonObject(scheduleFields("x"))},
		{name: "schedule list", method: "GET", status: 200, reqValid: true, path: fixed(schedulesURL(WordpressID))},
		{name: "schedule list include limit", method: "GET", status: 200, reqValid: true, path: fixed(schedulesURL(WordpressID) + "?include=id,name,granularity&limit=1")},
		{name: "schedule list filter", method: "GET", status: 400, problem: 6, reqValid: true, path: fixed(schedulesURL(WordpressID) + "?filter=" + q("name eq 'x'"))},
		{name: "schedule GET", method: "GET", media: scheduleMedia, status: 200, reqValid: true, path: schedURL},
		{name: "schedule PUT", method: "PUT", media: scheduleMedia, status: 204, reqValid: true, path: schedURL,
			body: schedPut + `,"granularity":"daily","minute":"0","hour":"0","snapshotRetention":"12","backupRetention":"12"}`},
		{name: "schedule PUT missing retention", method: "PUT", media: scheduleMedia, status: 400, problem: 8, path: schedURL, body: schedPut + `,"granularity":"hourly"}`},
		{name: "schedule PUT other id", method: "PUT", media: scheduleMedia, status: 409, problem: 10, reqValid: true, path: schedURL,
			body: schedPut + `,"id":"` + unknownID + `","snapshotRetention":"1","backupRetention":"1"}`},
		{name: "schedule PUT unknown", method: "PUT", media: scheduleMedia, status: 404, problem: 1, reqValid: true, path: fixed(schedulesURL(WordpressID) + "/" + unknownID),
			body: schedPut + `,"snapshotRetention":"1","backupRetention":"1"}`},
		{name: "schedule DELETE", method: "DELETE", status: 204, reqValid: true, path: schedURL},
		{name: "schedule GET deleted", method: "GET", media: scheduleMedia, status: 404, problem: 2, reqValid: true, path: schedURL},
		{name: "schedule DELETE again", method: "DELETE", status: 404, problem: 1, reqValid: true, path: schedURL},
	}
	bodies := map[string]func() string{
		"hook POST":             hookPost("Payroll", PostgresID, ""),
		"hook POST duplicate":   hookPost("Payroll", WordpressID, ""),
		"hook POST netapp":      func() string { return strings.Replace(hookPost("n", PostgresID, "")(), `"custom"`, `"netapp"`, 1) },
		"hook POST pre restore": func() string { return strings.Replace(hookPost("r", PostgresID, "")(), `"snapshot"`, `"restore"`, 1) },
		"hook POST 17 arguments": func() string {
			return strings.Replace(hookPost("a", PostgresID, "")(), `["freeze"]`, `["0","1","2","3","4","5","6","7","8","9","10","11","12","13","14","15","16"]`, 1)
		},
		"hook POST 11 criteria":         hookPost("c", PostgresID, `,"matchingCriteria":[`+strings.Repeat(`{"type":"podName","value":"a"},`, 10)+`{"type":"podName","value":"b"}]`),
		"hook POST invalid regex":       hookPost("i", PostgresID, `,"matchingCriteria":[{"type":"containerImage","value":"postgres("}]`),
		"hook POST unknown hook source": func() string { return strings.Replace(hookPost("u", PostgresID, "")(), hs, unknownID, 1) },
		"app hook POST":                 hookPost("Scoped", PostgresID, `,"matchingCriteria":[{"type":"containerName","value":"^postgres$"}]`),
		"app hook POST other app":       hookPost("Other", MySQLID, ""),
		"app hook POST unknown app":     hookPost("Unknown", unknownID, ""),
	}
	for _, tc := range cases {
		if b, ok := bodies[tc.name]; ok {
			tc.body = b()
		}
		checkOpsConformance(t, router, srv.URL, tc)
	}
	if hook == "" || appHook == "" || sched == "" {
		t.Fatalf("a create failed: hook %q, app hook %q, schedule %q", hook, appHook, sched)
	}
}
