package sdrs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/transport"
)

// fakeAPI serves handler as an SDRS endpoint (it checks no signature) and
// returns a client for it.
func fakeAPI(t *testing.T, handler http.HandlerFunc) *Client {
	t.Helper()
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	hc, err := transport.New(transport.Options{RetryMax: -1})
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewClient(Settings{ProjectID: "p1", AccessKey: "AK", SecretKey: "SK", Endpoint: srv.URL}, hc.Transport, "continuity-test/1")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Request-Id", "req-1")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// groupsServer serves n groups; it honours offset unless ignoreOffset, and
// reports count unless noCount. It counts the list calls.
func groupsServer(n int, ignoreOffset, noCount bool, calls *atomic.Int32) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		q := r.URL.Query()
		limit, _ := strconv.Atoi(q.Get("limit"))
		offset, _ := strconv.Atoi(q.Get("offset"))
		if ignoreOffset {
			offset = 0
		}
		var page []map[string]any
		for i := offset; i < n && len(page) < limit; i++ {
			page = append(page, map[string]any{"id": fmt.Sprintf("g-%03d", i), "name": "g", "status": "available"})
		}
		body := map[string]any{"server_groups": page}
		if !noCount {
			body["count"] = n
		}
		writeJSON(w, http.StatusOK, body)
	}
}

func TestAllGroupsPagesThroughOffsets(t *testing.T) {
	defer func(old int32) { listPageSize = old }(listPageSize)
	listPageSize = 10
	for _, tc := range []struct {
		name          string
		n             int
		ignoreOffset  bool
		noCount       bool
		wantGroups    int
		wantCalls     int32
		wantComplete  bool
		wantErrorFree bool
	}{
		{name: "several pages", n: 25, wantGroups: 25, wantCalls: 3, wantComplete: true},
		{name: "exact pages", n: 20, wantGroups: 20, wantCalls: 2, wantComplete: true},
		{name: "exact pages without count", n: 20, noCount: true, wantGroups: 20, wantCalls: 3, wantComplete: true},
		{name: "empty", n: 0, wantGroups: 0, wantCalls: 1, wantComplete: true},
		{name: "server ignoring offset", n: 25, ignoreOffset: true, wantGroups: 10, wantCalls: 2, wantComplete: false},
		{name: "server ignoring offset without count", n: 25, ignoreOffset: true, noCount: true, wantGroups: 10, wantCalls: 2, wantComplete: false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int32
			c := fakeAPI(t, groupsServer(tc.n, tc.ignoreOffset, tc.noCount, &calls))
			groups, complete, err := c.AllGroups(context.Background(), GroupFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if len(groups) != tc.wantGroups || complete != tc.wantComplete || calls.Load() != tc.wantCalls {
				t.Fatalf("got %d groups, complete %v, %d calls; want %d, %v, %d", len(groups), complete, calls.Load(), tc.wantGroups, tc.wantComplete, tc.wantCalls)
			}
			seen := map[string]bool{}
			for _, g := range groups {
				if seen[g.Id] {
					t.Fatalf("group %s listed twice", g.Id)
				}
				seen[g.Id] = true
			}
		})
	}
}

func TestListGroupsSendsFilters(t *testing.T) {
	var query string
	c := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		query = r.URL.RawQuery
		writeJSON(w, http.StatusOK, map[string]any{"server_groups": []any{}, "count": 0})
	})
	if _, _, err := c.ListGroups(context.Background(), GroupFilter{Name: "a b", Status: "protected", AvailabilityZone: "az1", QueryType: "stop_protected"}, 5, 10); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"name=a%20b", "status=protected", "availability_zone=az1", "query_type=stop_protected", "offset=5", "limit=10"} {
		if !strings.Contains(query, want) {
			t.Errorf("query %q lacks %q", query, want)
		}
	}
}

// The API's errors become apierr.Errors with its code, message and request
// ID; SDRS's 400 "not found" codes are not-found errors.
func TestErrorsCarryTheAPIsCode(t *testing.T) {
	c := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.Contains(r.URL.Path, "/server-groups/"):
			writeJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]string{"code": "SDRS.1013", "message": "Protection group not found"}})
		case strings.Contains(r.URL.Path, "/replications/"):
			writeJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]string{"code": "SDRS.1608", "message": "Replication pair not found"}})
		default:
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error_code": "APIGW.0301", "error_msg": "Incorrect IAM authentication information: verify aksk signature fail"})
		}
	})
	ctx := context.Background()
	if _, err := c.GetGroup(ctx, "g1"); !apierr.IsNotFound(err) {
		t.Errorf("GetGroup: %v", err)
	}
	if _, err := c.DeleteGroup(ctx, "g1"); !apierr.IsNotFound(err) {
		t.Errorf("DeleteGroup: %v", err)
	}
	if _, err := c.GetPair(ctx, "p1"); !apierr.IsNotFound(err) {
		t.Errorf("GetPair: %v", err)
	}
	_, err := c.ListDomains(ctx)
	var e *apierr.Error
	if !errors.As(err, &e) || e.StatusCode != 401 || e.Code != "APIGW.0301" || e.RequestID != "req-1" ||
		!strings.Contains(e.Message, "verify aksk signature fail") || e.Operation != string(opDomains) {
		t.Fatalf("ListDomains: %#v", err)
	}
	if !strings.Contains(e.Advice(), "HW_SECRET_KEY") || !strings.Contains(e.Advice(), "15 minutes") {
		t.Errorf("advice = %q", e.Advice())
	}
}

// The SDK takes no context; the client carries each call's context to the
// transport, so a deadline or a cancellation ends the call.
func TestCallsCarryTheContext(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	var userAgent atomic.Value
	c := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		userAgent.Store(r.Header.Get("User-Agent"))
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := c.ListDomains(ctx)
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err = %v, want the context's deadline", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the call ignored its context's deadline")
	}
	// The User-Agent the SDK signs is ours, after the SDK's own.
	if ua, _ := userAgent.Load().(string); ua != "huaweicloud-usdk-go/3.0; continuity-test/1" {
		t.Errorf("User-Agent = %q", ua)
	}
}

func TestWaitJobReportsTheFailure(t *testing.T) {
	var polls atomic.Int32
	c := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/jobs/j-direct"):
			status := "RUNNING"
			if polls.Add(1) > 1 {
				status = "FAIL"
			}
			writeJSON(w, http.StatusOK, map[string]any{"job_id": "j-direct", "job_type": "createProtectionGroupNoCG", "status": status,
				"error_code": "SDRS.1014", "fail_reason": "Failed to create the protection group", "entities": map[string]string{"server_group_id": "g1"}})
		case strings.HasSuffix(r.URL.Path, "/jobs/j-sub"):
			writeJSON(w, http.StatusOK, map[string]any{"job_id": "j-sub", "job_type": "stopProtectionGroupNoCG", "status": "FAIL",
				"error_code": nil, "fail_reason": nil, "entities": map[string]any{"sub_jobs": []any{map[string]any{
					"job_id": "s1", "job_type": "stopProtectionGroupRepNoCG", "status": "FAIL", "error_code": "SDRS.1028",
					"fail_reason": "Failed to disable protection", "entities": map[string]string{"server_group_id": "g1"}}}}})
		case strings.HasSuffix(r.URL.Path, "/jobs/j-ok"):
			writeJSON(w, http.StatusOK, map[string]any{"job_id": "j-ok", "status": "SUCCESS", "entities": map[string]string{"server_group_id": "g1"}})
		}
	})
	ctx := context.Background()
	_, err := c.WaitJob(ctx, "j-direct", "creating protection group x", time.Minute)
	var je *JobError
	if !errors.As(err, &je) || je.ErrorCode != "SDRS.1014" || je.FailReason != "Failed to create the protection group" || je.JobType != "createProtectionGroupNoCG" {
		t.Fatalf("direct failure: %#v", err)
	}
	if polls.Load() != 2 {
		t.Errorf("polled %d times, want 2 (RUNNING then FAIL)", polls.Load())
	}
	if !strings.Contains(err.Error(), "creating protection group x failed") || !strings.Contains(err.Error(), "SDRS.1014") {
		t.Errorf("message = %q", err)
	}
	_, err = c.WaitJob(ctx, "j-sub", "disabling", time.Minute)
	if !errors.As(err, &je) || je.ErrorCode != "SDRS.1028" || je.FailReason != "Failed to disable protection" {
		t.Fatalf("sub job failure: %#v", err)
	}
	j, err := c.WaitJob(ctx, "j-ok", "ok", time.Minute)
	if err != nil || jobEntity(j, "server_group_id") != "g1" {
		t.Fatalf("success: %v %v", j, err)
	}
}

func TestSettings(t *testing.T) {
	err := Settings{Region: "cn-north-4"}.Validate()
	if err == nil {
		t.Fatal("no error for missing settings")
	}
	for _, want := range []string{`"project_id" (sdrs.project_id or the HW_PROJECT_ID environment variable)`,
		`"access_key" (sdrs.access_key or the HW_ACCESS_KEY environment variable)`, `"secret_key" (sdrs.secret_key or the HW_SECRET_KEY environment variable)`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q lacks %q", err, want)
		}
	}
	if err := (Settings{ProjectID: "p", AccessKey: "a", SecretKey: "s"}).Validate(); err == nil || !strings.Contains(err.Error(), "HW_REGION_NAME") || !strings.Contains(err.Error(), "HW_SDRS_ENDPOINT") {
		t.Errorf("no region nor endpoint: %v", err)
	}
	for _, tc := range []struct {
		s    Settings
		want string
		err  string
	}{
		{Settings{Region: "cn-north-4"}, "https://sdrs.cn-north-4.myhuaweicloud.com", ""},
		{Settings{Region: "ap-southeast-2"}, "https://sdrs.ap-southeast-3.myhuaweicloud.com", ""}, // the SDK's region table
		{Settings{Region: "eu-west-101"}, "https://sdrs.eu-west-101.myhuaweicloud.com", ""},
		{Settings{Region: "cn-north-4", Endpoint: "http://127.0.0.1:8787/"}, "http://127.0.0.1:8787", ""},
		{Settings{Endpoint: "http://127.0.0.1:8787/sdrs"}, "", "must not have a path"},
		{Settings{Endpoint: "sdrs.example.com"}, "", "not a URL"},
	} {
		got, err := tc.s.EndpointURL()
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%+v: err = %v, want %q", tc.s, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%+v: %q, %v; want %q", tc.s, got, err, tc.want)
		}
	}
}

func TestCheckName(t *testing.T) {
	for name, ok := range map[string]bool{
		"tf_test_abc.1-2":       true,
		"保护组":                   true,
		strings.Repeat("a", 64): true,
		strings.Repeat("a", 65): false,
		strings.Repeat("组", 22): false, // 66 bytes
		"a b":                   false,
		"a/b":                   false,
		"":                      false,
	} {
		if err := checkName(name); (err == nil) != ok {
			t.Errorf("checkName(%q) = %v", name, err)
		}
	}
}
