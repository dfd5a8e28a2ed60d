// Command sandbox serves the continuity sandbox: an offline emulator of the
// vendor APIs used by terraform-provider-continuity (NetApp Astra Control,
// Huawei Cloud SDRS, OpenStack Keystone and Manila), on one loopback port.
//
//	go run ./cmd/sandbox -addr 127.0.0.1:0 -env-file sandbox.env
//
// Once it serves it prints one line whose last field is its base URL, and
// it stops cleanly on SIGINT or SIGTERM.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/faults"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/manila"
)

// shutdownTimeout bounds the wait for in-flight requests on exit.
const shutdownTimeout = 5 * time.Second

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// config holds the parsed command line.
type config struct {
	addr       string
	envFile    string
	transition time.Duration
	faults     string
	logging    bool
	publicURL  string
	health     string
	fixtures   string
	state      string

	manilaMaxVersion string
	manilaModern     bool
}

// parseFlags parses args. It returns flag.ErrHelp for -h.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("sandbox", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.addr, "addr", "127.0.0.1:8787", "listen `address`; port 0 picks a free port")
	fs.StringVar(&cfg.envFile, "env-file", "", "once listening, write the provider's variables and the CONTINUITY_SANDBOX_*\nfixture IDs to `path` as export NAME='value' lines (mode 0600)")
	fs.DurationVar(&cfg.transition, "transition", 2*time.Second, "`duration` of each asynchronous step of the emulated APIs")
	fs.StringVar(&cfg.faults, "faults", "", "injected faults `spec`, comma-separated key=value: seed=N, 5xx=P, 429=P, reset=P,\nreset_after=P, latency=D, stall=OP, fail=OP, route=S, retry_after=D (README, Reliability;\nPOST /_sandbox/faults changes them while serving)")
	fs.BoolVar(&cfg.logging, "log", false, "log one line per request to stderr")
	fs.StringVar(&cfg.fixtures, "fixtures", "", "YAML or JSON `file` of your own fixtures (clusters, apps, namespaces, servers, disks,\nshare types, networks) that extend the defaults or, with mode: replace, replace the defaults of each kind given;\nschema: GET /_sandbox/fixtures.schema.json")
	fs.StringVar(&cfg.state, "state", "", "keep the objects across restarts in `file`, loaded at start if it exists and\nwritten atomically after every change")
	fs.StringVar(&cfg.publicURL, "public-url", "", "base `URL` clients reach the sandbox at, written into -env-file instead of the\nlisten address (for a container: http://sandbox:8787)")
	fs.StringVar(&cfg.health, "healthcheck", "", "check the sandbox at `URL` (GET /_sandbox/health) and exit 0 if it serves,\n1 if not; for container health checks, where no curl exists")
	fs.StringVar(&cfg.manilaMaxVersion, "manila-max-version", "", "highest Manila `microversion` the server accepts (2.N, at most 2.99), which\nchooses the release: up to 2.30 Newton's rules with consistency groups (default 2.22),\nfrom 2.31 Ocata's and later with share groups; 2.99 with -manila-modern")
	fs.BoolVar(&cfg.manilaModern, "manila-modern", false, "emulate a Manila of Ocata or later: share groups, and no consistency-group routes\n(share groups replaced them in 2.31)")
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprint(out, `Usage: sandbox [flags]

Serves an offline emulator of the APIs used by terraform-provider-continuity
(NetApp Astra Control: /accounts/{account_id}/...; Huawei Cloud SDRS:
/v1/{project_id}/..., AK/SK-signed; OpenStack Keystone v3: /v3/... and
Manila v2: /v2/{project_id}/...) on one port, with
deterministic fixtures, GET /_sandbox/metrics for request counters, and
POST /_sandbox/tenants for an isolated tenant with credentials of its own.

Once it serves, it prints "continuity sandbox listening on <URL>" on stdout.
It stops on SIGINT or SIGTERM.

Example:
  go run ./cmd/sandbox -addr 127.0.0.1:0 -env-file sandbox.env &
  . ./sandbox.env   # ASTRA_*, HW_* (SDRS), OS_* (Manila), CONTINUITY_SANDBOX_* fixture IDs

Flags:
`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected arguments: %q", fs.Args())
	}
	if cfg.transition < 0 {
		return cfg, errors.New("-transition must not be negative")
	}
	if err := manila.CheckMaxVersion(cfg.manilaMaxVersion); err != nil {
		return cfg, fmt.Errorf("-manila-max-version: %w", err)
	}
	if cfg.publicURL != "" {
		if u, err := url.Parse(cfg.publicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return cfg, fmt.Errorf("-public-url %q: want a URL such as http://sandbox:8787", cfg.publicURL)
		}
	}
	if _, err := faults.Parse(cfg.faults); err != nil {
		return cfg, fmt.Errorf("-faults: %w", err)
	}
	return cfg, nil
}

// run serves until ctx ends and returns the exit code: 0 after a clean
// stop (or -h), 2 for a bad command line, 1 for any other failure.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "sandbox: %v\n", err)
		return 2
	}
	if cfg.health != "" {
		return healthcheck(ctx, cfg.health, stderr)
	}
	opts := sandbox.Options{Addr: cfg.addr, Transition: cfg.transition, Faults: cfg.faults, PublicURL: cfg.publicURL,
		FixturesFile: cfg.fixtures, StateFile: cfg.state,
		ManilaMaxVersion: cfg.manilaMaxVersion, ManilaModern: cfg.manilaModern}
	if cfg.logging {
		opts.Logger = log.New(stderr, "sandbox: ", log.LstdFlags|log.Lmicroseconds)
	}
	srv, err := sandbox.Start(opts)
	if err != nil {
		fmt.Fprintf(stderr, "sandbox: %v\n", err)
		return 1
	}
	if !srv.Loopback() {
		fmt.Fprintf(stderr, "sandbox: warning: listening on %s, which other hosts can reach; the sandbox's credentials are fixed and "+
			"published, so anyone who reaches it can use it (bind to 127.0.0.1 unless that is what you want)\n", srv.Addr())
	}
	code := 0
	if cfg.envFile != "" {
		if err := srv.WriteEnvFile(cfg.envFile); err != nil {
			fmt.Fprintf(stderr, "sandbox: -env-file: %v\n", err)
			code = 1
		}
	}
	if code == 0 {
		fmt.Fprintf(stdout, "continuity sandbox listening on %s\n", srv.ListenURL())
		<-ctx.Done()
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		fmt.Fprintf(stderr, "sandbox: shutdown: %v\n", err)
		return 1
	}
	return code
}

// healthcheck asks the sandbox at base whether it serves.
func healthcheck(ctx context.Context, base string, stderr io.Writer) int {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(base, "/")+sandbox.HealthPath, nil)
	if err != nil {
		fmt.Fprintf(stderr, "sandbox: -healthcheck: %v\n", err)
		return 2
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Fprintf(stderr, "sandbox: unhealthy: %v\n", err)
		return 1
	}
	_ = res.Body.Close()
	if res.StatusCode != http.StatusOK {
		fmt.Fprintf(stderr, "sandbox: unhealthy: HTTP %d\n", res.StatusCode)
		return 1
	}
	return 0
}
