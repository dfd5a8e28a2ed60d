package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/profiling"
)

// runner builds the binaries once and runs terraform and sandboxes.
type runner struct {
	terraform string
	work      string // scratch directory
	bin       string // providers, for dev_overrides
	sandbox   string // the sandbox binary
	cliConfig string
	fixtures  string // the sandbox's -fixtures: enough apps and disks for benchFixtureCount objects of every kind
	log       io.Writer
}

// benchFixtureCount is how many AppMirrors (one per app) and SDRS pairs (one
// per free disk) the bench's fixtures allow.
const benchFixtureCount = 50

// benchFixtures are the apps and free disks the bench adds to the sandbox's
// defaults: apps bench-00 … on cluster-east, to mirror to cluster-west, and
// free disks in the production AZ.
func benchFixtures() ([]byte, error) {
	type app struct {
		Name    string `json:"name"`
		Cluster string `json:"cluster"`
	}
	type disk struct {
		Name   string `json:"name"`
		SizeGB int    `json:"size_gb"`
	}
	var apps []app
	var disks []disk
	for i := range benchFixtureCount {
		apps = append(apps, app{Name: fmt.Sprintf("bench-%02d", i), Cluster: "cluster-east"})
		disks = append(disks, disk{Name: fmt.Sprintf("bench-%02d", i), SizeGB: 10})
	}
	return json.Marshal(map[string]any{"mode": "extend", "astra": map[string]any{"apps": apps}, "sdrs": map[string]any{"volumes": disks}})
}

// benchAppIDs are the IDs of the bench's fixture apps, in order.
func benchAppIDs(env map[string]string) []string {
	var ids []string
	for i := range benchFixtureCount {
		if id := env[fmt.Sprintf("CONTINUITY_SANDBOX_ASTRA_APP_BENCH_%02d_ID", i)]; id != "" {
			ids = append(ids, id)
		}
	}
	return ids
}

func newRunner(terraform string, log io.Writer) (*runner, error) {
	work, err := os.MkdirTemp("", "continuity-bench-")
	if err != nil {
		return nil, err
	}
	r := &runner{terraform: terraform, work: work, bin: filepath.Join(work, "bin"), sandbox: filepath.Join(work, "continuity-sandbox"), log: log}
	r.cliConfig = filepath.Join(work, "terraformrc")
	r.fixtures = filepath.Join(work, "fixtures.json")
	fixtures, err := benchFixtures()
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(r.fixtures, fixtures, 0o644); err != nil {
		return nil, err
	}
	config := fmt.Sprintf(`provider_installation {
  dev_overrides {
    "registry.terraform.io/continuity-dr/continuity" = %q
    "registry.terraform.io/continuity-dr/noop"       = %q
  }
  direct {}
}
`, r.bin, r.bin)
	return r, os.WriteFile(r.cliConfig, []byte(config), 0o644)
}

func (r *runner) cleanup() { _ = os.RemoveAll(r.work) }

// build compiles the provider, the no-op baseline and the sandbox.
func (r *runner) build(root string) error {
	for _, b := range []struct{ out, pkg string }{
		{filepath.Join(r.bin, "terraform-provider-continuity"), "."},
		{filepath.Join(r.bin, "terraform-provider-noop"), "./bench/noop"},
		{r.sandbox, "./cmd/sandbox"},
	} {
		cmd := exec.Command("go", "build", "-trimpath", "-o", b.out, b.pkg)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go build %s: %v\n%s", b.pkg, err, out)
		}
	}
	return nil
}

// sandbox is a running sandbox process.
type sandbox struct {
	cmd *exec.Cmd
	url string
	env map[string]string
}

// startSandbox starts a sandbox whose asynchronous steps take transition.
func (r *runner) startSandbox(transition time.Duration) (*sandbox, error) {
	envFile := filepath.Join(r.work, fmt.Sprintf("sandbox-%d.env", time.Now().UnixNano()))
	cmd := exec.Command(r.sandbox, "-addr", "127.0.0.1:0", "-env-file", envFile, "-transition", transition.String(), "-fixtures", r.fixtures)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		_ = cmd.Process.Kill()
		return nil, fmt.Errorf("the sandbox did not start: %v", err)
	}
	fields := strings.Fields(line)
	s := &sandbox{cmd: cmd, url: fields[len(fields)-1], env: map[string]string{}}
	data, err := os.ReadFile(envFile)
	if err != nil {
		s.stop()
		return nil, err
	}
	for _, l := range strings.Split(string(data), "\n") {
		name, value, ok := strings.Cut(strings.TrimPrefix(l, "export "), "=")
		if ok {
			s.env[name] = strings.Trim(value, "'")
		}
	}
	return s, nil
}

func (s *sandbox) stop() {
	_ = s.cmd.Process.Signal(os.Interrupt)
	_ = s.cmd.Wait()
}

// metrics is the part of GET /_sandbox/metrics the bench reads.
type metrics struct {
	Routes map[string]struct {
		Requests int64            `json:"requests"`
		Status   map[string]int64 `json:"status"`
	} `json:"routes"`
	Notice map[string]struct {
		Count int     `json:"count"`
		P50   float64 `json:"p50_s"`
		P95   float64 `json:"p95_s"`
		Max   float64 `json:"max_s"`
	} `json:"notice"`
}

func (s *sandbox) metrics() (metrics, error) {
	var m metrics
	res, err := http.Get(s.url + "/_sandbox/metrics")
	if err != nil {
		return m, err
	}
	defer res.Body.Close()
	return m, json.NewDecoder(res.Body).Decode(&m)
}

// reads counts the GET requests the sandbox served, but its own routes;
// with routes, only those whose key contains one of them.
func (m metrics) reads(routes ...string) int64 {
	var n int64
	for route, st := range m.Routes {
		if !strings.HasPrefix(route, "GET /") || strings.HasPrefix(route, "GET /_sandbox") {
			continue
		}
		if len(routes) > 0 && !slices.ContainsFunc(routes, func(r string) bool { return strings.Contains(route, r) }) {
			continue
		}
		n += st.Requests
	}
	return n
}

// run is one terraform command's cost.
type run struct {
	Wall          time.Duration
	ProviderCPU   time.Duration // user + system of every provider process
	ProviderRSSKB int64         // the largest provider process's peak
	Output        string
}

// workdir is a terraform working directory with its configuration.
type workdir struct {
	r   *runner
	dir string
	env []string
}

func (r *runner) workdir(name, config string, env map[string]string) (*workdir, error) {
	dir := filepath.Join(r.work, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o644); err != nil {
		return nil, err
	}
	w := &workdir{r: r, dir: dir, env: append(os.Environ(), "TF_CLI_CONFIG_FILE="+r.cliConfig, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")}
	for k, v := range env {
		w.env = append(w.env, k+"="+v)
	}
	return w, nil
}

// terraform runs a command (no init: every provider is a dev override) and
// measures it.
func (w *workdir) terraform(extraEnv []string, args ...string) (run, error) {
	usage := filepath.Join(w.dir, fmt.Sprintf("usage-%d.jsonl", time.Now().UnixNano()))
	cmd := exec.Command(w.r.terraform, append([]string{"-chdir=" + w.dir}, append(args, "-no-color", "-input=false")...)...)
	cmd.Env = append(append(w.env, extraEnv...), profiling.EnvRusageFile+"="+usage)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	res := run{Wall: time.Since(start), Output: out.String()}
	if err != nil {
		return res, fmt.Errorf("terraform %s: %v\n%s", strings.Join(args, " "), err, tail(out.String(), 40))
	}
	data, _ := os.ReadFile(usage)
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var u profiling.Usage
		if json.Unmarshal([]byte(line), &u) == nil {
			res.ProviderCPU += time.Duration((u.UserS + u.SysS) * float64(time.Second))
			res.ProviderRSSKB = max(res.ProviderRSSKB, u.MaxRSSKB)
		}
	}
	return res, nil
}

func tail(s string, lines int) string {
	l := strings.Split(s, "\n")
	if len(l) > lines {
		l = l[len(l)-lines:]
	}
	return strings.Join(l, "\n")
}

// parallel runs fns at the same time and returns the first error.
func parallel(fns ...func() error) error {
	var wg sync.WaitGroup
	errs := make([]error, len(fns))
	for i, fn := range fns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = fn()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
