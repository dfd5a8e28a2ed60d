// Command terraform-provider-continuity is the continuity Terraform provider.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/continuity-dr/terraform-provider-continuity/internal/provider"
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

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/continuity-dr/continuity",
		Debug:   debug,
	})
	if err != nil {
		log.Fatalf("terraform-provider-continuity %s (%s): %s", version, commit, err)
	}
}
