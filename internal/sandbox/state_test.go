package sandbox

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// counter is an emulator of one number: POST /counter adds one, GET reads
// it. It saves and loads its state and takes fixtures.
type counter struct {
	mu       sync.Mutex
	N        int `json:"n"`
	fixtures []string
	replace  bool
}

func (c *counter) Register(mux *http.ServeMux) {
	mux.HandleFunc("POST /counter", func(w http.ResponseWriter, _ *http.Request) {
		c.mu.Lock()
		c.N++
		c.mu.Unlock()
	})
	mux.HandleFunc("GET /counter", func(w http.ResponseWriter, _ *http.Request) {
		c.mu.Lock()
		defer c.mu.Unlock()
		_, _ = w.Write([]byte(strconv.Itoa(c.N)))
	})
}

func (c *counter) Env(string) []backend.EnvVar { return nil }

func (c *counter) Save() (json.RawMessage, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return json.Marshal(c)
}

func (c *counter) Load(data json.RawMessage) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return json.Unmarshal(data, c)
}

func (c *counter) Fixtures(section json.RawMessage, replace bool) error {
	c.fixtures = append(c.fixtures, string(section))
	c.replace = replace
	return nil
}

func (c *counter) FixtureSchema() json.RawMessage { return json.RawMessage(`{"type":"object"}`) }

// plain is an emulator that neither saves nor takes fixtures.
type plain struct{}

func (plain) Register(*http.ServeMux)     {}
func (plain) Env(string) []backend.EnvVar { return nil }

func startWith(t *testing.T, opts Options) *Server {
	t.Helper()
	opts.Addr = "127.0.0.1:0"
	srv, err := Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

func TestStateFileKeepsTheObjectsAcrossRestarts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sandbox-state.json")
	first := &counter{}
	srv := startWith(t, Options{StateFile: path, backends: []backend.Backend{first, plain{}, plain{}}})
	for range 3 {
		res, err := http.Post(srv.URL()+"/counter", "text/plain", nil)
		if err != nil {
			t.Fatal(err)
		}
		_ = res.Body.Close()
	}
	if err := srv.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(data), `"n": 3`) {
		t.Fatalf("state file %s (%v), want n = 3", data, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("files beside the state: %v, want the state file alone (no temporary file left)", entries)
	}

	second := &counter{}
	srv = startWith(t, Options{StateFile: path, backends: []backend.Backend{second, plain{}, plain{}}})
	defer func() { _ = srv.Shutdown(context.Background()) }()
	res, err := http.Get(srv.URL() + "/counter")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var n int
	_ = json.NewDecoder(res.Body).Decode(&n)
	if n != 3 {
		t.Errorf("after the restart the counter is %d, want 3", n)
	}
}

func TestAStateFileOfAnotherKindIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(path, []byte(`{"version": 99}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Start(Options{Addr: "127.0.0.1:0", StateFile: path, backends: []backend.Backend{&counter{}, plain{}, plain{}}}); err == nil ||
		!strings.Contains(err.Error(), "version 99") {
		t.Fatalf("err = %v, want the version refused", err)
	}
}

func TestFixturesGoToTheirBackends(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	c := &counter{}
	srv := startWith(t, Options{FixturesFile: write("f.yaml", "mode: replace\nastra:\n  clusters:\n    - name: prod\n"),
		backends: []backend.Backend{c, plain{}, plain{}}})
	_ = srv.Shutdown(context.Background())
	if len(c.fixtures) != 1 || !c.replace || c.fixtures[0] != `{"clusters":[{"name":"prod"}]}` {
		t.Fatalf("fixtures %v (replace %v)", c.fixtures, c.replace)
	}
	for name, tc := range map[string]struct{ doc, want string }{
		"unknown section":   {`{"vmware": {}}`, `unknown section "vmware"`},
		"bad mode":          {`{"mode": "merge"}`, `mode merge`},
		"emulator takes no": {`{"sdrs": {"servers": []}}`, `the sdrs emulator takes no fixtures`},
		"not YAML":          {"astra: [", `not YAML or JSON`},
	} {
		_, err := Start(Options{Addr: "127.0.0.1:0", FixturesFile: write(name+".json", tc.doc), backends: []backend.Backend{&counter{}, plain{}, plain{}}})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", name, err, tc.want)
		}
	}
}

func TestFixturesSchemaIsServed(t *testing.T) {
	srv := startSandbox(t)
	res, err := http.Get(srv.URL() + FixturesSchemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var schema struct {
		Properties map[string]any `json:"properties"`
	}
	if err := json.NewDecoder(res.Body).Decode(&schema); err != nil || schema.Properties["mode"] == nil {
		t.Fatalf("schema %+v (%v)", schema, err)
	}
}

// TestFixturesSchemaFileIsCurrent keeps examples/sandbox/fixtures.schema.json
// equal to FixturesSchema; UPDATE_SCHEMA=1 rewrites it.
func TestFixturesSchemaFileIsCurrent(t *testing.T) {
	want, err := FixturesSchema()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "..", "examples", "sandbox", "fixtures.schema.json")
	if os.Getenv("UPDATE_SCHEMA") == "1" {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != string(want) {
		t.Fatalf("%s is not the current schema (%v): run UPDATE_SCHEMA=1 go test -run TestFixturesSchemaFileIsCurrent ./internal/sandbox", path, err)
	}
}
