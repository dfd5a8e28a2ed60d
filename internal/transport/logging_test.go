package transport

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

func TestLoggingMasksSecrets(t *testing.T) {
	const literal = "lit3ral-Secr3t/+value"
	srv, _ := countingServer(t, func(w http.ResponseWriter, r *http.Request, n int64) {
		_, _ = io.ReadAll(r.Body)
		w.Header().Set("X-Subject-Token", "abc123")
		w.Header().Set("Set-Cookie", "session=cookie-value-9")
		w.Header().Set("Content-Type", "application/json")
		if n == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = io.WriteString(w, `{"error":"busy"}`)
			return
		}
		w.WriteHeader(http.StatusCreated)
		_, _ = io.WriteString(w, `{"token":{"id":"tok-id-1","expires_at":"2026"},"sk":"sk-value-7","note":"`+literal+`"}`)
	})

	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	opts := fastOptions()
	opts.SecretValues = []string{literal}
	opts.Subsystem = "astra"
	opts.UserAgent = UserAgent("test")
	c := newTestClient(t, opts)

	body := `{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"admin","password":"hunter2"}}}},"comment":"` + literal + `"}`
	url := srv.URL + "/v3/auth/tokens/" + literal + "?api_token=qs-tok-5&name=" + literal + "&page=2"
	req, _ := http.NewRequestWithContext(ctx, http.MethodPut, url, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer s3cr3t-token")
	req.Header.Set("X-Auth-Token", "xauth-9")
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(got), "tok-id-1") {
		t.Fatalf("response body altered by logging: %s", got)
	}

	out := buf.String()
	for _, secret := range []string{"s3cr3t-token", "hunter2", "abc123", "cookie-value-9", "xauth-9",
		"qs-tok-5", "sk-value-7", literal, "lit3ral-Secr3t%2F%2Bvalue", "lit3ral-Secr3t%2F+value"} {
		if strings.Contains(out, secret) {
			t.Errorf("secret %q leaked into logs", secret)
		}
	}
	if !strings.Contains(out, masked) {
		t.Error(`logs contain no "***"`)
	}

	entries, err := tflogtest.MultilineJSONDecode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	var debug, trace, retries int
	var statuses []float64
	for _, e := range entries {
		if e["subsystem"] != "astra" {
			t.Errorf("entry without subsystem field: %v", e)
		}
		switch e["@level"] {
		case "debug":
			debug++
			if s, ok := e[fieldStatus].(float64); ok {
				statuses = append(statuses, s)
				if e[fieldMethod] != http.MethodPut || !strings.HasPrefix(e[fieldURI].(string), srv.URL+"/v3/auth/tokens/") {
					t.Errorf("debug entry lacks method/URL: %v", e)
				}
				if _, ok := e[fieldDuration]; !ok {
					t.Errorf("debug entry lacks duration: %v", e)
				}
			}
			if strings.HasPrefix(e["@message"].(string), "retrying PUT "+srv.URL) {
				retries++
			}
		case "trace":
			trace++
		}
	}
	if len(statuses) != 2 || statuses[0] != 503 || statuses[1] != 201 {
		t.Errorf("per-attempt statuses = %v, want [503 201]", statuses)
	}
	if retries != 1 {
		t.Errorf("retry log lines = %d, want 1", retries)
	}
	if trace != 4 {
		t.Errorf("trace entries = %d, want 4 (request and response per attempt)", trace)
	}
	// Objects under sensitive keys are walked, not blanked: their
	// non-secret members stay visible.
	for _, detail := range []string{`\"name\":\"admin\"`, `\"id\":\"tok-id-1\"`, "page=2", UserAgent("test")} {
		if !strings.Contains(out, detail) {
			t.Errorf("%s missing from logs", detail)
		}
	}
	if t.Failed() {
		t.Errorf("non-secret details missing from logs:\n%s", out)
	}
}

func TestLoggingWithoutLoggerIsSilent(t *testing.T) {
	srv, count := statusServer(t, http.StatusOK, "")
	c := newTestClient(t, fastOptions())
	resp, err := do(t, c, context.Background(), http.MethodGet, srv.URL, nil)
	mustStatus(t, resp, err, http.StatusOK)
	if count.Load() != 1 {
		t.Fatal("request not sent")
	}
}

func TestLoggingLargeAndBinaryBodies(t *testing.T) {
	large := `{"items":"` + strings.Repeat("a", 2*maxLoggedBody) + `","password":"late-secret"}`
	srv, _ := countingServer(t, func(w http.ResponseWriter, r *http.Request, _ int64) {
		if r.URL.Path == "/bin" {
			w.Header().Set("Content-Type", "application/octet-stream")
			_, _ = w.Write([]byte("binary-payload-xyz"))
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, large)
	})
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	c := newTestClient(t, fastOptions())

	resp, err := do(t, c, ctx, http.MethodGet, srv.URL+"/big", nil)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(got) != large {
		t.Fatalf("large body altered: %d bytes, want %d", len(got), len(large))
	}
	resp, err = do(t, c, ctx, http.MethodGet, srv.URL+"/bin", nil)
	if err != nil {
		t.Fatal(err)
	}
	got, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(got) != "binary-payload-xyz" {
		t.Fatalf("binary body altered: %q", got)
	}

	out := buf.String()
	if strings.Contains(out, "binary-payload-xyz") {
		t.Error("binary body logged")
	}
	if strings.Contains(out, "late-secret") {
		t.Error("secret beyond the truncation point logged")
	}
	if strings.Contains(out, strings.Repeat("a", maxLoggedBody+1)) {
		t.Error("body not truncated")
	}
	if !strings.Contains(out, `"`+fieldTruncated+`":true`) {
		t.Error("truncation not reported")
	}
}

func TestLoggingConnectionErrorsMaskQuery(t *testing.T) {
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	c := newTestClient(t, fastOptions())
	resp, err := do(t, c, ctx, http.MethodGet, "http://"+closedAddr(t)+"/x?token=qtok-77&password=pw-88", nil)
	if err == nil {
		resp.Body.Close()
		t.Fatal("expected an error")
	}
	out := buf.String()
	if strings.Contains(out, "qtok-77") || strings.Contains(out, "pw-88") {
		t.Fatalf("query secrets leaked:\n%s", out)
	}
	if n := strings.Count(out, "retrying GET"); n != 3 {
		t.Fatalf("retry lines = %d, want 3:\n%s", n, out)
	}
	if !strings.Contains(out, "giving up on GET") {
		t.Fatalf("no giving-up line:\n%s", out)
	}
}

type closeRecorder struct {
	io.Reader
	closed bool
}

func (c *closeRecorder) Close() error { c.closed = true; return nil }

func TestRequestBodyClosed(t *testing.T) {
	srv, _ := statusServer(t, http.StatusOK, "")
	c := newTestClient(t, fastOptions())
	body := &closeRecorder{Reader: strings.NewReader("{}")}
	req, _ := http.NewRequest(http.MethodPost, srv.URL, body)
	resp, err := c.Do(req)
	mustStatus(t, resp, err, http.StatusOK)
	if !body.closed {
		t.Fatal("request body not closed")
	}
}
