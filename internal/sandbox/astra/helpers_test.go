package astra

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// exampleSource is the spec's example hook source; exampleMD5 its checksum.
const (
	exampleSource = "ZWNobyAiVkhKaGJuTWdVbWxuYUhSeklRPT0iIHwgYmFzZTY0IC1k"
	exampleMD5    = "b1a4b8b0144c3f6be553b626130ca145"
)

var (
	collectionURL = "/accounts/" + AccountID + "/core/v1/hookSources"
	preloadedURL  = collectionURL + "/" + PreloadedHookSourceID
)

// testAPI is an Astra backend on its own ServeMux with a settable clock.
type testAPI struct {
	api     *API
	handler http.Handler
	clock   time.Time
}

func newTestAPI(t *testing.T) *testAPI {
	t.Helper()
	ta := &testAPI{clock: time.Date(2025, 3, 4, 5, 6, 7, 123456789, time.UTC)}
	ta.api = New(Options{Now: func() time.Time { return ta.clock }})
	mux := http.NewServeMux()
	ta.api.Register(mux)
	ta.handler = mux
	return ta
}

// response is a recorded response with its JSON body decoded.
type response struct {
	code   int
	header http.Header
	raw    string
	body   map[string]any
}

// request describes one call; auth defaults to the sandbox token.
type request struct {
	method  string
	path    string
	body    string
	headers map[string]string
	noAuth  bool
}

// do sends req to the backend.
func (ta *testAPI) do(t *testing.T, req request) response {
	t.Helper()
	var body io.Reader
	if req.body != "" {
		body = strings.NewReader(req.body)
	}
	r := httptest.NewRequest(req.method, req.path, body)
	if !req.noAuth {
		r.Header.Set("Authorization", "Bearer "+Token)
	}
	if req.body != "" {
		r.Header.Set("Content-Type", "application/astra-hookSource+json")
	}
	for k, v := range req.headers {
		if v == "" {
			r.Header.Del(k)
			continue
		}
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	ta.handler.ServeHTTP(w, r)
	res := response{code: w.Code, header: w.Header(), raw: w.Body.String()}
	if strings.TrimSpace(res.raw) != "" {
		if err := json.Unmarshal(w.Body.Bytes(), &res.body); err != nil {
			t.Fatalf("%s %s: body is not a JSON object: %v\n%s", req.method, req.path, err, res.raw)
		}
	}
	return res
}

// mustProblem checks that res is Astra problem n with HTTP status code.
func mustProblem(t *testing.T, res response, code, n int) {
	t.Helper()
	if res.code != code {
		t.Fatalf("status = %d, want %d; body %s", res.code, code, res.raw)
	}
	if ct := res.header.Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("Content-Type = %q, want application/problem+json", ct)
	}
	def := problemCatalog[n]
	want := map[string]string{
		"type":   "https://astra.netapp.io/problems/" + itoa(n),
		"title":  def.title,
		"detail": def.detail,
		"status": itoa(code),
	}
	for k, v := range want {
		if got, _ := res.body[k].(string); got != v {
			t.Errorf("problem %s = %#v, want %q", k, res.body[k], v)
		}
	}
	if id, _ := res.body["correlationID"].(string); !identifierRe.MatchString(id) {
		t.Errorf("correlationID = %#v, want a UUID", res.body["correlationID"])
	}
}

// invalidNames returns the names listed under key (invalidFields or
// invalidParams).
func invalidNames(t *testing.T, res response, key string) []string {
	t.Helper()
	items, ok := res.body[key].([]any)
	if !ok || len(items) == 0 {
		t.Fatalf("%s missing or empty in %s", key, res.raw)
	}
	var names []string
	for _, item := range items {
		m, _ := item.(map[string]any)
		name, _ := m["name"].(string)
		if reason, _ := m["reason"].(string); reason == "" {
			t.Errorf("%s entry %v has no reason", key, item)
		}
		names = append(names, name)
	}
	return names
}

func itoa(n int) string { return strconv.Itoa(n) }

// hookBody returns a POST body with the given name and source, plus extra
// raw JSON members (each `"key":value`).
func hookBody(name, source string, extra ...string) string {
	b, _ := json.Marshal(name)
	s, _ := json.Marshal(source)
	out := `{"type":"application/astra-hookSource","version":"1.0","name":` + string(b) +
		`,"sourceType":"script","source":` + string(s)
	for _, e := range extra {
		out += "," + e
	}
	return out + "}"
}

// create posts a valid hook source and returns its ID.
func (ta *testAPI) create(t *testing.T, name string) string {
	t.Helper()
	res := ta.do(t, request{method: http.MethodPost, path: collectionURL, body: hookBody(name, exampleSource)})
	if res.code != http.StatusCreated {
		t.Fatalf("create %q: status %d: %s", name, res.code, res.raw)
	}
	id, _ := res.body["id"].(string)
	return id
}
