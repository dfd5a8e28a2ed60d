package manila

import (
	"net/http"
	"strings"
	"testing"
)

func TestMicroversionRules(t *testing.T) {
	f := newFixture(t, Options{})
	list := "/v2/" + ProjectID + "/consistency-groups"
	cases := []struct {
		name         string
		version      string
		experimental bool
		status       int
		body         string
		echo         string // the version header the answer carries
	}{
		{"no header is 2.0, below 2.4", "", true, 404, resourceNotFound, "2.0"},
		{"bad format", "latest", true, 400, `{"badRequest": {"code": 400, "message": "API Version String latest is of invalid format. Must be of format MajorNum.MinorNum."}}`, ""},
		{"leading zero", "2.04", true, 400, "", ""},
		{"above the maximum", "2.99", true, 406, `{"computeFault": {"code": 406, "message": "Version 2.99 is not supported by the API. Minimum is 2.0 and maximum is 2.22."}}`, "2.99"},
		{"major 3", "3.0", true, 406, "", "3.0"},
		{"beyond an int", "2.99999999999999999999", true, 406, `{"computeFault": {"code": 406, "message": "Version 2.99999999999999999999 is not supported by the API. Minimum is 2.0 and maximum is 2.22."}}`, "2.99999999999999999999"},
		{"below 2.4", "2.3", true, 404, resourceNotFound, "2.3"},
		{"no experimental header", "2.22", false, 404, resourceNotFound, "2.22"},
		{"2.4 experimental", "2.4", true, 200, `{"consistency_groups": []}`, "2.4"},
		{"2.22 experimental", "2.22", true, 200, `{"consistency_groups": []}`, "2.22"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := f.send(request{method: http.MethodGet, path: list, token: f.user, version: tc.version, experimental: tc.experimental})
			expect(t, res, tc.status, tc.body)
			if got := res.header.Get(headerVersion); got != tc.echo {
				t.Errorf("%s = %q, want %q", headerVersion, got, tc.echo)
			}
			if tc.echo != "" && res.header.Get("Vary") != headerVersion {
				t.Errorf("Vary = %q", res.header.Get("Vary"))
			}
			if got := res.header.Get(headerExperimental); (got == "True") != (tc.experimental && tc.echo != "" && tc.status != 406) {
				t.Errorf("%s = %q", headerExperimental, got)
			}
			if res.header.Get("X-Compute-Request-Id") == "" {
				t.Error("no request ID")
			}
		})
	}
}

func TestExperimentalHeaderValues(t *testing.T) {
	f := newFixture(t, Options{})
	for value, ok := range map[string]bool{"True": true, "true": true, "1": true, "yes": true, "on": true, "False": false, "0": false, "maybe": false} {
		res := f.send(request{method: http.MethodGet, path: "/v2/" + ProjectID + "/cgsnapshots", token: f.user, version: "2.7",
			headers: map[string]string{headerExperimental: value}})
		if (res.status == http.StatusOK) != ok {
			t.Errorf("%s: %s → %d", headerExperimental, value, res.status)
		}
	}
}

func TestMaxVersionOption(t *testing.T) {
	f := newFixture(t, Options{MaxVersion: "2.6"})
	expect(t, f.send(request{method: http.MethodGet, path: "/v2/" + ProjectID + "/consistency-groups", token: f.user, version: "2.7", experimental: true}),
		http.StatusNotAcceptable, `{"computeFault": {"code": 406, "message": "Version 2.7 is not supported by the API. Minimum is 2.0 and maximum is 2.6."}}`)
	res := f.send(request{method: http.MethodGet, path: "/v2/", token: f.user})
	expect(t, res, http.StatusOK, "")
	v := res.body["versions"].([]any)[0].(map[string]any)
	if v["version"] != "2.6" || v["min_version"] != "2.0" || v["id"] != "v2.0" {
		t.Errorf("version document %s", res.raw)
	}
	expect(t, f.send(request{method: http.MethodGet, path: "/v2/"}), http.StatusUnauthorized, unauthorizedBody)
}

// The maximum microversion is at most the newest the specs document, and
// it chooses the release: from 2.31 a modern server.
func TestMaxVersionChoosesTheRelease(t *testing.T) {
	if err := CheckMaxVersion("2.100"); err == nil || !strings.Contains(err.Error(), "beyond 2.99") {
		t.Errorf("2.100: %v", err)
	}
	for v, modern := range map[string]bool{"2.22": false, "2.30": false, "2.31": true, "2.55": true} {
		if got := New(Options{MaxVersion: v}).modern; got != modern {
			t.Errorf("%s: modern = %v", v, got)
		}
	}
}
