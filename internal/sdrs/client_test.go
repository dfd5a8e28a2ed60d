package sdrs

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/transport"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

// fakeAPI serves handler as an SDRS endpoint (it checks no signature) and
// returns a client for it.
func fakeAPI(t *testing.T, handler http.HandlerFunc) *Client {
	t.Helper()
	return fakeAPIWith(t, transport.Options{RetryMax: -1}, handler)
}

// fakeAPIWith is fakeAPI on a transport of the given options.
func fakeAPIWith(t *testing.T, opts transport.Options, handler http.HandlerFunc) *Client {
	t.Helper()
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	hc, err := transport.New(opts)
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

// A GET and a PUT answered HTTP 500 are sent again by the shared transport
// (the SDK's request bodies can be replayed); a POST is not, and a GET
// answered 500 every time ends with the API's error after the last retry.
func TestReadsAnswered500AreRepeated(t *testing.T) {
	const retries = 3
	var groupReads, renames, creates, jobReads atomic.Int32
	fail500 := func(w http.ResponseWriter) {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error_code": "SDRS.0000", "error_msg": "Internal server error"})
	}
	c := fakeAPIWith(t, transport.Options{RetryMax: retries, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond}, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodGet && strings.Contains(r.URL.Path, "/server-groups/g1"):
			if groupReads.Add(1) < 3 {
				fail500(w)
				return
			}
			writeJSON(w, http.StatusOK, map[string]any{"server_group": map[string]any{"id": "g1", "name": "x", "status": "available"}})
		case r.Method == http.MethodPut:
			body, _ := io.ReadAll(r.Body)
			if renames.Add(1) < 2 {
				fail500(w)
				return
			}
			if !strings.Contains(string(body), `"name":"y"`) {
				t.Errorf("the repeated PUT lost its body: %s", body)
			}
			writeJSON(w, http.StatusOK, map[string]any{"server_group": map[string]any{"id": "g1", "name": "y"}})
		case r.Method == http.MethodPost:
			creates.Add(1)
			fail500(w)
		default:
			jobReads.Add(1)
			fail500(w)
		}
	})
	ctx := context.Background()
	if g, err := c.GetGroup(ctx, "g1"); err != nil || g.Id != "g1" || groupReads.Load() != 3 {
		t.Fatalf("GetGroup: %v, %v after %d reads; want the group after 3", g, err, groupReads.Load())
	}
	if err := c.RenameGroup(ctx, "g1", "y"); err != nil || renames.Load() != 2 {
		t.Fatalf("RenameGroup: %v after %d requests", err, renames.Load())
	}
	if _, err := c.CreateGroup(ctx, model.CreateProtectionGroupRequestParams{Name: "x"}); apierr.StatusCode(err) != 500 || creates.Load() != 1 {
		t.Fatalf("CreateGroup: %v after %d requests; want the 500 after 1", err, creates.Load())
	}
	if _, err := c.GetJob(ctx, "j1"); apierr.StatusCode(err) != 500 || jobReads.Load() != retries+1 {
		t.Fatalf("GetJob: %v after %d reads; want the 500 after %d", err, jobReads.Load(), retries+1)
	}
}
