package sdrs

import (
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// transition is the job duration of the test backend.
const transition = 10 * time.Second

// testAPI is an SDRS backend on its own ServeMux with a settable clock.
type testAPI struct {
	api     *API
	handler http.Handler
	clock   time.Time
}

func newTestAPI(t *testing.T) *testAPI {
	t.Helper()
	return newHookedTestAPI(t, backend.Hooks{})
}

// newHookedTestAPI is newTestAPI with the sandbox's hooks (a fault
// injector, a notice recorder).
func newHookedTestAPI(t *testing.T, hooks backend.Hooks) *testAPI {
	t.Helper()
	ta := &testAPI{clock: time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)}
	ta.api = New(Options{Transition: transition, Now: func() time.Time { return ta.clock }, Hooks: hooks})
	mux := http.NewServeMux()
	ta.api.Register(mux)
	ta.handler = mux
	return ta
}

// advance moves the clock forward.
func (ta *testAPI) advance(d time.Duration) { ta.clock = ta.clock.Add(d) }

// response is a recorded response with its JSON body decoded.
type response struct {
	code int
	raw  string
	body map[string]any
}

// errorCode returns the SDRS error code of an error answer.
func (r response) errorCode() string {
	if e, ok := r.body["error"].(map[string]any); ok {
		s, _ := e["code"].(string)
		return s
	}
	s, _ := r.body["error_code"].(string)
	return s
}

// request describes one call, signed with the sandbox's credentials at the
// test clock unless unsigned is set.
type request struct {
	method   string
	path     string // below /v1/{project_id} when it starts with "~"
	body     string
	unsigned bool
	// mutate changes the signed request before it is sent (tampering).
	mutate func(r *http.Request)
}

var projectBase = "/v1/" + ProjectID

func (ta *testAPI) do(t *testing.T, req request) response {
	t.Helper()
	path := req.path
	if strings.HasPrefix(path, "~") {
		path = projectBase + path[1:]
	}
	var body io.Reader
	if req.body != "" {
		body = strings.NewReader(req.body)
	}
	r := httptest.NewRequest(req.method, path, body)
	if req.body != "" {
		r.Header.Set("Content-Type", "application/json;charset=UTF-8")
	}
	r.Header.Set("X-Project-Id", ProjectID)
	if !req.unsigned {
		sign(r, []byte(req.body), SecretKey, ta.clock)
	}
	if req.mutate != nil {
		req.mutate(r)
	}
	w := httptest.NewRecorder()
	ta.handler.ServeHTTP(w, r)
	res := response{code: w.Code, raw: w.Body.String()}
	if strings.TrimSpace(res.raw) != "" {
		if err := json.Unmarshal(w.Body.Bytes(), &res.body); err != nil {
			t.Fatalf("%s %s: answer is not a JSON object: %v\n%s", req.method, path, err, res.raw)
		}
	}
	return res
}

// sign adds, for the sandbox's access key, X-Sdk-Date and an SDK-HMAC-SHA256 Authorization header signing
// every header set so far except Content-Type, as the SDK does.
func sign(r *http.Request, body []byte, sk string, at time.Time) {
	date := at.UTC().Format(sdkDateFormat)
	r.Header.Set(headerSdkDate, date)
	var signed []string
	for name := range r.Header {
		if l := strings.ToLower(name); l != "content-type" && l != "authorization" {
			signed = append(signed, l)
		}
	}
	slices.Sort(signed)
	sig := signature(sk, date, canonicalRequest(r, signed, body))
	r.Header.Set("Authorization", signAlgorithm+" Access="+AccessKey+", SignedHeaders="+strings.Join(signed, ";")+", Signature="+hex.EncodeToString(sig))
}

// mustOK checks a 200 answer.
func mustOK(t *testing.T, res response) response {
	t.Helper()
	if res.code != http.StatusOK {
		t.Fatalf("HTTP %d: %s", res.code, res.raw)
	}
	return res
}

// expectError checks an error answer's status and code.
func expectError(t *testing.T, res response, status int, code string) {
	t.Helper()
	if res.code != status || res.errorCode() != code {
		t.Fatalf("got HTTP %d %q, want HTTP %d %s: %s", res.code, res.errorCode(), status, code, res.raw)
	}
}

// createGroupBody is a valid create request with the given name and
// description.
func createGroupBody(name, description string) string {
	b, _ := json.Marshal(map[string]any{"server_group": map[string]any{
		"name": name, "description": description, "source_availability_zone": AZ1, "target_availability_zone": AZ2,
		"domain_id": DomainID, "source_vpc_id": VPCID, "dr_type": "migration",
	}})
	return string(b)
}

// jobStatus returns the status of a job and its whole body.
func (ta *testAPI) job(t *testing.T, id string) map[string]any {
	t.Helper()
	return mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/jobs/" + id})).body
}

// finish moves the clock past one transition and checks the job's outcome.
func (ta *testAPI) finish(t *testing.T, jobID, want string) map[string]any {
	t.Helper()
	ta.advance(transition)
	j := ta.job(t, jobID)
	if j["status"] != want {
		t.Fatalf("job %s = %v, want %s", jobID, j["status"], want)
	}
	return j
}

// createGroup creates a group with the given description and returns its
// ID once the creation job succeeded.
func (ta *testAPI) createGroup(t *testing.T, name, description string) string {
	t.Helper()
	res := mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/server-groups", body: createGroupBody(name, description)}))
	j := ta.finish(t, res.body["job_id"].(string), jobSuccess)
	return j["entities"].(map[string]any)["server_group_id"].(string)
}

// group returns a group's server_group object.
func (ta *testAPI) group(t *testing.T, id string) map[string]any {
	t.Helper()
	return mustOK(t, ta.do(t, request{method: http.MethodGet, path: "~/server-groups/" + id})).body["server_group"].(map[string]any)
}

// createPair creates a pair on volume index vol and returns its ID once
// created.
func (ta *testAPI) createPair(t *testing.T, groupID string, vol int) string {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"replication": map[string]any{
		"server_group_id": groupID, "volume_id": VolumeIDs[vol], "name": "pair"}})
	res := mustOK(t, ta.do(t, request{method: http.MethodPost, path: "~/replications", body: string(body)}))
	j := ta.finish(t, res.body["job_id"].(string), jobSuccess)
	return j["entities"].(map[string]any)["replication_pair_id"].(string)
}

// action posts an action body and returns the answer.
func (ta *testAPI) action(t *testing.T, groupID, body string) response {
	t.Helper()
	return ta.do(t, request{method: http.MethodPost, path: "~/server-groups/" + groupID + "/action", body: body})
}

// runAction posts an action and lets its job end with want.
func (ta *testAPI) runAction(t *testing.T, groupID, body, want string) map[string]any {
	t.Helper()
	res := mustOK(t, ta.action(t, groupID, body))
	return ta.finish(t, res.body["job_id"].(string), want)
}

func ioNopCloser(s string) io.ReadCloser { return io.NopCloser(strings.NewReader(s)) }

func expectFields(t *testing.T, obj map[string]any, want map[string]any) {
	t.Helper()
	for k, v := range want {
		if obj[k] != v {
			t.Errorf("%s = %#v, want %#v (object %v)", k, obj[k], v, obj)
		}
	}
}
