// Package acctest is the acceptance-test harness: it starts the sandbox in
// the test process (unless CONTINUITY_SANDBOX=off), points the provider's
// environment variables at it, and provides the provider factories, config
// helpers and API clients the tests use to check results.
package acctest

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/provider"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/google/uuid"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// EnvSandbox turns the in-process sandbox off ("off") so that the tests run
// against the real endpoints configured in the environment.
const EnvSandbox = "CONTINUITY_SANDBOX"

// Transition is the duration of each asynchronous step in the test sandbox:
// short, but long enough that every waiter really waits.
const Transition = 150 * time.Millisecond

// ProtoV6ProviderFactories serves the provider in-process to Terraform.
var ProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"continuity": providerserver.NewProtocol6WithError(provider.New("test")()),
}

var (
	startOnce sync.Once
	server    *sandbox.Server
	errStart  error
)

// UseSandbox reports whether the tests run against the in-process sandbox.
func UseSandbox() bool { return !strings.EqualFold(os.Getenv(EnvSandbox), "off") }

// PreCheck starts the sandbox once per test binary and exports its
// variables, or, with CONTINUITY_SANDBOX=off, checks that the variables
// named are set for the real endpoint.
func PreCheck(t testing.TB, required ...string) {
	t.Helper()
	if !UseSandbox() {
		for _, name := range required {
			if os.Getenv(name) == "" {
				t.Skipf("%s=off and %s is not set: skipping the test against a real endpoint", EnvSandbox, name)
			}
		}
		return
	}
	startOnce.Do(func() {
		server, errStart = sandbox.Start(sandbox.Options{Addr: "127.0.0.1:0", Transition: Transition})
		if errStart != nil {
			return
		}
		for _, v := range server.Env() {
			// Process-wide on purpose: the sandbox outlives any one test.
			if err := os.Setenv(v.Name, v.Value); err != nil { //nolint:usetesting // See above.
				errStart = err
				return
			}
		}
	})
	if errStart != nil {
		t.Fatalf("starting the sandbox: %s", errStart)
	}
}

// PreCheckAstra is PreCheck for tests of the Astra Control backend.
func PreCheckAstra(t testing.TB) {
	t.Helper()
	PreCheck(t, "ASTRA_ENDPOINT", "ASTRA_ACCOUNT_ID", "ASTRA_API_TOKEN")
}

// RandomName returns a name unique to this run, with a readable prefix.
func RandomName(prefix string) string {
	return fmt.Sprintf("%s-%s", prefix, strings.ReplaceAll(uuid.NewString(), "-", "")[:10])
}

// SandboxEnv returns a sandbox variable such as a fixture ID. Against a
// real endpoint the test is skipped unless the variable is set there too;
// against the sandbox a missing variable fails the test, since a test that
// skipped would check nothing.
func SandboxEnv(t testing.TB, name string) string {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		if UseSandbox() {
			t.Fatalf("the sandbox does not export %s", name)
		}
		t.Skipf("%s=off and %s is not set", EnvSandbox, name)
	}
	return v
}

// StartSandbox starts another in-process sandbox with opts (for instance a
// Manila of another release) and stops it at the end of the test. It
// returns the sandbox's variables; the process environment is not changed.
func StartSandbox(t *testing.T, opts sandbox.Options) map[string]string {
	t.Helper()
	if !UseSandbox() {
		t.Skipf("%s=off: this test needs a sandbox", EnvSandbox)
	}
	if opts.Transition == 0 {
		opts.Transition = Transition
	}
	srv, err := sandbox.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			t.Errorf("stopping the sandbox: %v", err)
		}
	})
	env := map[string]string{}
	for _, v := range srv.Env() {
		env[v.Name] = v.Value
	}
	return env
}
