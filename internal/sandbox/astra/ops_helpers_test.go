package astra

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

var (
	accountURL      = "/accounts/" + AccountID
	packagesURL     = accountURL + "/core/v1/packages"
	execHooksURL    = accountURL + "/core/v1/executionHooks"
	netappHookURL   = execHooksURL + "/" + NetAppExecHookID
	unknownID       = "2d6154dd-6863-4a26-8017-6be092b8b0bd"
	execHookMedia   = "application/astra-executionHook+json"
	scheduleMedia   = "application/astra-schedule+json"
	appExecHooksURL = func(appID string) string { return accountURL + "/k8s/v1/apps/" + appID + "/executionHooks" }
	schedulesURL    = func(appID string) string { return accountURL + "/k8s/v1/apps/" + appID + "/schedules" }
)

// send sends a request whose body has the given media type.
func (ta *testAPI) send(t *testing.T, method, path, media, body string) response {
	t.Helper()
	return ta.do(t, request{method: method, path: path, body: body, headers: map[string]string{"Content-Type": media}})
}

// get sends a GET.
func (ta *testAPI) get(t *testing.T, path string) response {
	t.Helper()
	return ta.do(t, request{method: http.MethodGet, path: path})
}

// jsonObject renders members (key → value, marshalled) as a JSON object;
// a json.RawMessage value is inserted as is. Keys are sorted.
func jsonObject(members map[string]any) string {
	b, err := json.Marshal(members)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// mergeFields returns base with over's keys replaced; a nil value deletes a key.
func mergeFields(base, over map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range base {
		out[k] = v
	}
	for k, v := range over {
		if v == nil {
			delete(out, k)
			continue
		}
		out[k] = v
	}
	return out
}

// execHookFields is a valid POST body of an execution hook on app.
func execHookFields(name, appID, hookSourceID string) map[string]any {
	return map[string]any{
		"type": "application/astra-executionHook", "version": "1.3", "name": name, "hookType": "custom",
		"action": "snapshot", "stage": "pre", "hookSourceID": hookSourceID, "appID": appID,
	}
}

// createExecHook posts a valid hook and returns its ID.
func (ta *testAPI) createExecHook(t *testing.T, name, appID, hookSourceID string, extra map[string]any) string {
	t.Helper()
	res := ta.send(t, http.MethodPost, execHooksURL, execHookMedia, jsonObject(mergeFields(execHookFields(name, appID, hookSourceID), extra)))
	if res.code != http.StatusCreated {
		t.Fatalf("create execution hook %q: %d %s", name, res.code, res.raw)
	}
	return res.body["id"].(string)
}

// scheduleFields is the spec's example POST body of a schedule.
func scheduleFields(name string) map[string]any {
	return map[string]any{
		"type": "application/astra-schedule", "version": "1.3", "name": name, "enabled": "true", "granularity": "monthly",
		"minute": "0", "hour": "0", "dayOfMonth": "1", "snapshotRetention": "12", "backupRetention": "12",
	}
}

// createSchedule posts a schedule and returns its ID.
func (ta *testAPI) createSchedule(t *testing.T, appID string, fields map[string]any) string {
	t.Helper()
	res := ta.send(t, http.MethodPost, schedulesURL(appID), scheduleMedia, jsonObject(fields))
	if res.code != http.StatusCreated {
		t.Fatalf("create schedule: %d %s", res.code, res.raw)
	}
	return res.body["id"].(string)
}

// listItems returns the items of a list response.
func listItems(t *testing.T, res response) []any {
	t.Helper()
	if res.code != http.StatusOK {
		t.Fatalf("list: %d %s", res.code, res.raw)
	}
	out, ok := res.body["items"].([]any)
	if !ok {
		t.Fatalf("items missing: %s", res.raw)
	}
	return out
}

// itemNames returns the name of every whole item of res.
func itemNames(t *testing.T, res response) []string {
	t.Helper()
	var out []string
	for _, item := range listItems(t, res) {
		v, _ := item.(map[string]any)["name"].(string)
		out = append(out, v)
	}
	return out
}

// joinNames renders values for comparison in messages.
func joinNames(values []string) string { return strings.Join(values, ",") }
