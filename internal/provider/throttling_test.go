package provider_test

import (
	"fmt"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// TestAccThrottlingIsHonoured applies 12 hook sources (10 at a time) against
// an API that throttles 30 % of the requests with Retry-After: every 429 is
// retried after the wait it asks for, and since one throttled answer holds
// every request to the host, the run needs fewer retries than requests.
func TestAccThrottlingIsHonoured(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{Faults: "429=0.3,seed=7,route=/hookSources"})
	base := env["ASTRA_ENDPOINT"]
	config := acctest.ProviderBlock(env) + `
resource "continuity_astra_hook_source" "throttled" {
  count   = 12
  name    = "throttled-${count.index}"
  content = "#!/bin/sh\necho ${count.index}\n"
}
`
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: config,
			Check: func(s *terraform.State) error {
				if n := len(s.RootModule().Resources); n != 12 {
					return fmt.Errorf("the state holds %d hook sources, want 12", n)
				}
				return nil
			},
		}},
	})
	m := acctest.SandboxMetrics(t, base)
	var requests, throttled int64
	for route, st := range m.Routes {
		if route == "unmatched" {
			continue
		}
		requests += st.Requests
		throttled += st.Status["429"]
	}
	t.Logf("%d requests, %d throttled (each retried once it was allowed)", requests, throttled)
	if throttled == 0 || m.Faults["429"] != throttled {
		t.Fatalf("429s answered %d, injected %d: the test did not throttle", throttled, m.Faults["429"])
	}
	if retries, served := throttled, requests-throttled; retries >= served {
		t.Errorf("%d retries for %d requests served: want fewer retries than requests", retries, served)
	}
}
