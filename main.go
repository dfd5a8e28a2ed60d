// Command terraform-provider-continuity is the continuity Terraform provider.
package main

import (
	"context"
	"flag"
	"log"
	"os"

	"github.com/continuity-dr/terraform-provider-continuity/internal/profiling"
	"github.com/continuity-dr/terraform-provider-continuity/internal/provider"
	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
)

// version and commit are set at build time with -ldflags "-X main.version=... -X main.commit=...".
var (
	version = "dev"
	commit  = "none"
)

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()

	quietUnwatchedLogs(os.LookupEnv, os.Setenv)
	// CONTINUITY_POLL_SCHEDULE: make bench drives the same waits with the
	// peers' pollers.
	if err := wait.UseScheduleFromEnv(); err != nil {
		log.Fatal(err)
	}
	// CONTINUITY_PPROF_DIR and CONTINUITY_RUSAGE_FILE (package profiling)
	// measure the provider; without them this does nothing.
	stop := profiling.Start()
	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/continuity-dr/continuity",
		Debug:   debug,
	})
	stop()
	if err != nil {
		log.Fatalf("terraform-provider-continuity %s (%s): %s", version, commit, err)
	}
}

// logVariables are the variables with which a user asks Terraform for the
// plugin libraries' or the provider's logs.
var logVariables = []string{
	"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_PROVIDER_CONTINUITY", "TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK",
	"TF_ACC_LOG_PATH", "TF_LOG_PATH_MASK",
}

// quietUnwatchedLogs turns the plugin libraries' and the provider's logs
// off when nobody asked for them. terraform-plugin-log defaults every
// logger to TRACE and sends each line, formatted as JSON, to Terraform,
// which drops them all when TF_LOG is unset: a fifth of a plan's CPU went
// to lines nobody reads. With any log variable set, nothing changes.
func quietUnwatchedLogs(lookup func(string) (string, bool), set func(string, string) error) {
	for _, name := range logVariables {
		if v, ok := lookup(name); ok && v != "" {
			return
		}
	}
	for _, name := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER"} {
		_ = set(name, "off")
	}
}
