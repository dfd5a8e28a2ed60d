// Package e2e runs the terraform CLI out of process against a provider
// binary built from this checkout, for what the in-process acceptance tests
// cannot do: interrupt terraform with SIGINT, untaint, read TF_LOG=trace
// logs, run at a given -parallelism.
//
// The tests run with TF_ACC set (as make test sets it); the sandbox runs in
// the test process (acctest.StartSandbox) and the provider reaches it over
// loopback.
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	tfjson "github.com/hashicorp/terraform-json"
)

// Harness is a provider binary and the Terraform CLI configuration that
// makes terraform use it (dev_overrides, and a filesystem mirror for init).
type Harness struct {
	Terraform string
	dir       string
	cliConfig string
}

var (
	buildOnce sync.Once
	built     *Harness
	errBuild  error
)

// Build builds the provider once per test binary; the test is skipped when
// TF_ACC is not set, like the acceptance tests.
func Build(t testing.TB) *Harness {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("TF_ACC is not set: end-to-end tests run terraform (make test sets TF_ACC)")
	}
	buildOnce.Do(func() { built, errBuild = build() })
	if errBuild != nil {
		t.Fatal(errBuild)
	}
	return built
}

// Cleanup removes the harness's files; call it from TestMain.
func Cleanup() {
	if built != nil {
		_ = os.RemoveAll(built.dir)
	}
}

func build() (*Harness, error) {
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		var err error
		if tf, err = exec.LookPath("terraform"); err != nil {
			return nil, errors.New("no terraform: set TF_ACC_TERRAFORM_PATH or put terraform on PATH")
		}
	}
	dir, err := os.MkdirTemp("", "continuity-e2e-")
	if err != nil {
		return nil, err
	}
	root, err := moduleRoot()
	if err != nil {
		return nil, err
	}
	bin := filepath.Join(dir, "bin")
	cmd := exec.Command("go", "build", "-o", filepath.Join(bin, "terraform-provider-continuity"), ".")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("building the provider: %v\n%s", err, out)
	}
	// terraform init resolves providers even under dev_overrides: offer the
	// binary in a filesystem mirror too, so that init needs no registry.
	// OpenTofu resolves "continuity-dr/continuity" on its own registry
	// (TF_ACC_PROVIDER_HOST=registry.opentofu.org, as for the acceptance tests).
	host := os.Getenv("TF_ACC_PROVIDER_HOST")
	if host == "" {
		host = "registry.terraform.io"
	}
	mirror := filepath.Join(dir, "mirror", host, "continuity-dr", "continuity", "0.0.1", runtime.GOOS+"_"+runtime.GOARCH)
	if err := os.MkdirAll(mirror, 0o755); err != nil {
		return nil, err
	}
	if err := os.Link(filepath.Join(bin, "terraform-provider-continuity"), filepath.Join(mirror, "terraform-provider-continuity_v0.0.1")); err != nil {
		return nil, err
	}
	cfg := filepath.Join(dir, "terraformrc")
	addr := host + "/continuity-dr/continuity"
	if err := os.WriteFile(cfg, fmt.Appendf(nil, `provider_installation {
  dev_overrides {
    %q = %q
  }
  filesystem_mirror {
    path    = %q
    include = [%q]
  }
  direct {
    exclude = [%q]
  }
}
`, addr, bin, filepath.Join(dir, "mirror"), addr, addr), 0o644); err != nil {
		return nil, err
	}
	return &Harness{Terraform: tf, dir: dir, cliConfig: cfg}, nil
}

// moduleRoot finds the directory of go.mod above this package.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod not found above the test's directory")
		}
		dir = parent
	}
}

// Workdir is one Terraform working directory.
type Workdir struct {
	t   testing.TB
	h   *Harness
	Dir string
	env []string
}

// NewWorkdir writes config as main.tf in a new directory; env is added to
// the environment of every terraform command (the sandbox's variables).
func (h *Harness) NewWorkdir(t testing.TB, config string, env map[string]string) *Workdir {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	w := &Workdir{t: t, h: h, Dir: dir}
	w.env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+h.cliConfig, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
	for k, v := range env {
		w.env = append(w.env, k+"="+v)
	}
	return w
}

// SetConfig replaces main.tf.
func (w *Workdir) SetConfig(config string) {
	w.t.Helper()
	if err := os.WriteFile(filepath.Join(w.Dir, "main.tf"), []byte(config), 0o644); err != nil {
		w.t.Fatal(err)
	}
}

// Setenv adds variables for the next commands.
func (w *Workdir) Setenv(env map[string]string) {
	for k, v := range env {
		w.env = append(w.env, k+"="+v)
	}
}

func (w *Workdir) command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, w.h.Terraform, append([]string{"-chdir=" + w.Dir}, args...)...)
	cmd.Env = w.env
	// Its own process group, so that a signal reaches terraform and its
	// provider as a Ctrl-C in a terminal would.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	return cmd
}

// Run runs terraform with args and returns its combined output; an exit
// status other than 0 is an error that carries the output.
func (w *Workdir) Run(args ...string) (string, error) {
	w.t.Helper()
	var out bytes.Buffer
	cmd := w.command(context.Background(), append(args, "-no-color")...)
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if err != nil {
		return out.String(), fmt.Errorf("terraform %s: %w\n%s", strings.Join(args, " "), err, out.String())
	}
	return out.String(), nil
}

// MustRun is Run that fails the test on an error.
func (w *Workdir) MustRun(args ...string) string {
	w.t.Helper()
	out, err := w.Run(args...)
	if err != nil {
		w.t.Fatal(err)
	}
	return out
}

// Init runs terraform init.
func (w *Workdir) Init() { w.t.Helper(); w.MustRun("init", "-input=false") }

// Process is a terraform command running in the background.
type Process struct {
	cmd    *exec.Cmd
	out    *syncBuffer
	done   chan struct{}
	err    error
	Exited time.Time
}

// Start starts terraform with args in the background.
func (w *Workdir) Start(args ...string) *Process {
	w.t.Helper()
	p := &Process{out: &syncBuffer{}, done: make(chan struct{})}
	p.cmd = w.command(context.Background(), append(args, "-no-color")...)
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.out
	if err := p.cmd.Start(); err != nil {
		w.t.Fatal(err)
	}
	go func() {
		p.err = p.cmd.Wait()
		p.Exited = time.Now()
		close(p.done)
	}()
	w.t.Cleanup(func() {
		select {
		case <-p.done:
		default:
			_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
			<-p.done
		}
	})
	return p
}

// Interrupt sends SIGINT to terraform and its provider, as Ctrl-C does.
func (p *Process) Interrupt() error { return syscall.Kill(-p.cmd.Process.Pid, syscall.SIGINT) }

// Wait waits for the process to exit, at most limit, and returns its error.
func (p *Process) Wait(limit time.Duration) error {
	select {
	case <-p.done:
		return p.err
	case <-time.After(limit):
		return fmt.Errorf("terraform still running after %s", limit)
	}
}

// Output returns what the process printed so far.
func (p *Process) Output() string { return p.out.String() }

// State returns the state as terraform show -json reads it.
func (w *Workdir) State() *tfjson.State {
	w.t.Helper()
	out := w.MustRun("show", "-json")
	var st tfjson.State
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		w.t.Fatalf("terraform show -json: %v\n%s", err, out)
	}
	return &st
}

// Resources returns the managed resources of the state by address.
func (w *Workdir) Resources() map[string]*tfjson.StateResource {
	out := map[string]*tfjson.StateResource{}
	st := w.State()
	if st.Values == nil || st.Values.RootModule == nil {
		return out
	}
	for _, r := range st.Values.RootModule.Resources {
		if r.Mode == tfjson.ManagedResourceMode {
			out[r.Address] = r
		}
	}
	return out
}

// Plan runs terraform plan -out and returns the plan's resource changes by
// address.
func (w *Workdir) Plan(args ...string) map[string]*tfjson.ResourceChange {
	w.t.Helper()
	w.MustRun(append([]string{"plan", "-input=false", "-out=e2e.tfplan"}, args...)...)
	out := w.MustRun("show", "-json", "e2e.tfplan")
	var p tfjson.Plan
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		w.t.Fatalf("terraform show -json plan: %v", err)
	}
	changes := map[string]*tfjson.ResourceChange{}
	for _, c := range p.ResourceChanges {
		changes[c.Address] = c
	}
	return changes
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

var _ io.Writer = (*syncBuffer)(nil)

// changed returns the addresses a plan changes.
func changed(plan map[string]*tfjson.ResourceChange) []string {
	var out []string
	for addr, c := range plan {
		if !c.Change.Actions.NoOp() {
			out = append(out, addr)
		}
	}
	return out
}

// Required is the terraform block that names the provider's source, for
// configurations out of process (in-process tests need none).
const Required = `terraform {
  required_providers {
    continuity = {
      source = "continuity-dr/continuity"
    }
  }
}
`
