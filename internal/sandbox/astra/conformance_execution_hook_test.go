package astra

import (
	"net/url"
	"strings"
	"testing"
)

// TestOpenAPIConformanceExecutionHooks drives the execution hook routes,
// both paths, through a real HTTP server and validates each request and
// response against the spec.
func TestOpenAPIConformanceExecutionHooks(t *testing.T) {
	base, router := newConformanceServer(t, New(Options{}))
	// IDs of what the cases create: a hook source (for the hooks to run)
	// and execution hooks on both paths.
	var hs, hook, appHook string
	hookURL := func() string { return execHooksURL + "/" + hook }
	appHookURL := func() string { return appExecHooksURL(PostgresID) + "/" + appHook }
	q := func(s string) string { return url.QueryEscape(s) }
	// hookPost renders an execution hook POST body, as the spec's example
	// but with the sandbox's IDs.
	hookPost := func(name, appID string, extra string) func() string {
		return func() string {
			return `{"type":"application/astra-executionHook","version":"1.3","name":"` + name + `","hookType":"custom","action":"snapshot",` +
				`"stage":"pre","hookSourceID":"` + hs + `","arguments":["freeze"],"appID":"` + appID + `","enabled":"true",` +
				`"description":"Payroll production hook"` + extra + `}`
		}
	}
	hookPut := `{"type":"application/astra-executionHook","version":"1.3"`

	cases := []conformanceCase{
		// A hook source of our own, for the execution hooks.
		{name: "hook source POST", method: "POST", status: 201, reqValid: true,
			path: fixed(collectionURL), body: hookBody("Payroll script", exampleSource),
			capture: func(m map[string]any) { hs, _ = m["id"].(string) }},

		// Execution hooks, core path.
		{name: "hook POST", method: "POST", status: 201, reqValid: true, path: fixed(execHooksURL),
			capture: func(m map[string]any) { hook, _ = m["id"].(string) }},
		{name: "hook POST duplicate", method: "POST", status: 409, problem: 10, reqValid: true, path: fixed(execHooksURL)},
		{name: "hook POST netapp", method: "POST", status: 403, problem: 73, reqValid: true, path: fixed(execHooksURL)},
		{name: "hook POST pre restore", method: "POST", status: 400, problem: 9, reqValid: true, path: fixed(execHooksURL)},
		// The spec limits arguments only in prose (no maxItems); matchingCriteria has maxItems 10.
		{name: "hook POST 17 arguments", method: "POST", status: 400, problem: 9, reqValid: true, path: fixed(execHooksURL)},
		{name: "hook POST 11 criteria", method: "POST", status: 400, problem: 9, path: fixed(execHooksURL)},
		// The schema cannot check that a value compiles as RE2.
		{name: "hook POST invalid regex", method: "POST", status: 400, problem: 9, reqValid: true, path: fixed(execHooksURL)},
		{name: "hook POST unknown hook source", method: "POST", status: 400, problem: 9, reqValid: true, path: fixed(execHooksURL)},
		{name: "hook POST missing stage", method: "POST", status: 400, problem: 8, path: fixed(execHooksURL),
			body: `{"type":"application/astra-executionHook","version":"1.3","name":"x","hookType":"custom","action":"snapshot","hookSourceID":"` + PreloadedHookSourceID + `","appID":"` + PostgresID + `"}`},
		{name: "hook list", method: "GET", status: 200, reqValid: true, path: fixed(execHooksURL)},
		{name: "hook list include filter limit", method: "GET", status: 200, reqValid: true,
			path: fixed(execHooksURL + "?include=id,name,matchingImages&limit=5&filter=" + q("hookType eq 'custom'"))},
		{name: "hook list orderBy", method: "GET", status: 400, problem: 6, reqValid: true, path: fixed(execHooksURL + "?orderBy=name")},
		{name: "hook GET", method: "GET", status: 200, reqValid: true, path: hookURL},
		{name: "hook GET netapp", method: "GET", status: 200, reqValid: true, path: fixed(netappHookURL)},
		{name: "hook GET unknown", method: "GET", status: 404, problem: 2, reqValid: true, path: fixed(execHooksURL + "/" + unknownID)},
		// The spec's PUT example.
		{name: "hook PUT", method: "PUT", status: 204, reqValid: true, path: hookURL, body: hookPut + `,"arguments":["freeze","10"]}`},
		{name: "hook PUT other app", method: "PUT", status: 409, problem: 10, reqValid: true, path: hookURL, body: hookPut + `,"appID":"` + MySQLID + `"}`},
		{name: "hook PUT netapp", method: "PUT", status: 403, problem: 73, reqValid: true, path: fixed(netappHookURL), body: hookPut + `,"enabled":"false"}`},
		{name: "hook PUT unknown", method: "PUT", status: 404, problem: 1, reqValid: true, path: fixed(execHooksURL + "/" + unknownID), body: hookPut + `}`},
		{name: "hook PUT bad stage", method: "PUT", status: 400, problem: 9, reqValid: true, path: hookURL, body: hookPut + `,"action":"failover"}`},
		{name: "hook PUT invalid JSON", method: "PUT", status: 400, problem: 7, path: hookURL, body: `{"type"`},
		// Deleting the hook source the hook runs.
		{name: "hook source DELETE referenced", method: "DELETE", status: 403, problem: 72, reqValid: true, path: func() string { return collectionURL + "/" + hs }},
		{name: "hook DELETE netapp", method: "DELETE", status: 403, problem: 73, reqValid: true, path: fixed(netappHookURL)},

		// Execution hooks, app-scoped path.
		{name: "app hook POST", method: "POST", status: 201, reqValid: true, path: fixed(appExecHooksURL(PostgresID)),
			capture: func(m map[string]any) { appHook, _ = m["id"].(string) }},
		{name: "app hook POST other app", method: "POST", status: 409, problem: 10, reqValid: true, path: fixed(appExecHooksURL(PostgresID))},
		{name: "app hook POST unknown app", method: "POST", status: 404, problem: 2, reqValid: true, path: fixed(appExecHooksURL(unknownID))},
		{name: "app hook list", method: "GET", status: 200, reqValid: true, path: fixed(appExecHooksURL(PostgresID) + "?filter=" + q("action eq 'snapshot'") + "&limit=1")},
		{name: "app hook GET", method: "GET", status: 200, reqValid: true, path: appHookURL},
		{name: "app hook GET via other app", method: "GET", status: 404, problem: 2, reqValid: true,
			path: func() string { return appExecHooksURL(MySQLID) + "/" + appHook }},
		{name: "app hook PUT", method: "PUT", status: 204, reqValid: true, path: appHookURL,
			body: hookPut + `,"matchingCriteria":[{"type":"podLabel","value":"^app=postgres$"}],"enabled":"false"}`},
		{name: "app hook DELETE", method: "DELETE", status: 204, reqValid: true, path: appHookURL},
		{name: "app hook DELETE again", method: "DELETE", status: 404, problem: 1, reqValid: true, path: appHookURL},
		{name: "hook DELETE", method: "DELETE", status: 204, reqValid: true, path: hookURL},
		{name: "hook GET deleted", method: "GET", status: 404, problem: 2, reqValid: true, path: hookURL},
		{name: "hook source DELETE freed", method: "DELETE", status: 204, reqValid: true, path: func() string { return collectionURL + "/" + hs }},
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
		checkConformance(t, router, base, tc)
	}
	if hook == "" || appHook == "" {
		t.Fatalf("a create failed: hook %q, app hook %q", hook, appHook)
	}
}
