package sdrs

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
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
