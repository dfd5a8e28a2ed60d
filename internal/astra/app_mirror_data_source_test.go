package astra_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// rfc3339 matches a UTC time of RFC 3339, as the posture attributes give it.
var rfc3339 = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)

func TestAccAppMirrorDataSource(t *testing.T) {
	acctest.PreCheckAstra(t)
	app := acctest.AstraApp(t, "tf-acc-mirror-ds", acctest.EnvAstraClusterEastID)
	west := acctest.SandboxEnv(t, acctest.EnvAstraClusterWestID)
	const ds = "data.continuity_astra_app_mirror.test"
	config := func(reversed bool) string {
		return mirrorConfig(app.ID, west, fmt.Sprintf("  reversed = %t", reversed)) + `
data "continuity_astra_app_mirror" "test" {
  id         = continuity_astra_app_mirror.test.id
  depends_on = [continuity_astra_app_mirror.test]
}
`
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckAppMirrorDestroy(t),
		Steps: []resource.TestStep{
			{
				Config: config(false),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs(ds, tfjsonpath.New("source_app_id"), mirrorAddr, tfjsonpath.New("source_app_id"), compare.ValuesSame()),
					statecheck.CompareValuePairs(ds, tfjsonpath.New("destination_app_id"), mirrorAddr, tfjsonpath.New("destination_app_id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("state"), knownvalue.StringExact("established")),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("state_desired"), knownvalue.StringExact("established")),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("state_allowed"),
						knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("failedOver"), knownvalue.StringExact("deleted")})),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("health_state"), knownvalue.StringExact("normal")),
				},
			},
			{
				// Reversed: the data source shows the API's direction.
				Config: config(true),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs(ds, tfjsonpath.New("source_app_id"), mirrorAddr, tfjsonpath.New("destination_app_id"), compare.ValuesSame()),
					statecheck.CompareValuePairs(ds, tfjsonpath.New("destination_app_id"), mirrorAddr, tfjsonpath.New("source_app_id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("destination_cluster_id"), knownvalue.StringExact(acctest.SandboxEnv(t, acctest.EnvAstraClusterEastID))),
				},
			},
		},
	})
}

// The posture attributes follow replication: healthy with a recent
// transfer; after replication is broken through the API, unhealthy with
// the same last transfer; after a repair, healthy with a newer one.
func TestAccAppMirrorDataSource_posture(t *testing.T) {
	acctest.PreCheckAstra(t)
	app := acctest.AstraApp(t, "tf-acc-mirror-posture", acctest.EnvAstraClusterEastID)
	west := acctest.SandboxEnv(t, acctest.EnvAstraClusterWestID)
	endpoint := acctest.SandboxEnv(t, "ASTRA_ENDPOINT")
	const ds = "data.continuity_astra_app_mirror.test"
	config := mirrorConfig(app.ID, west) + `
data "continuity_astra_app_mirror" "test" {
  id         = continuity_astra_app_mirror.test.id
  depends_on = [continuity_astra_app_mirror.test]
}
`
	var mirror acctest.ID
	action := func(what string) func() {
		return func() { acctest.SandboxPost(t, endpoint, "/_sandbox/astra/appMirrors/"+mirror.Value+"/"+what) }
	}
	lastTransfer := statecheck.CompareValue(compare.ValuesSame())
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckAppMirrorDestroy(t),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  mirror.Capture(mirrorAddr),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("healthy"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("last_transfer_time"), knownvalue.StringRegexp(rfc3339)),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("lag_seconds"), acctest.RecentSeconds),
					lastTransfer.AddStateValue(ds, tfjsonpath.New("last_transfer_time")),
				},
			},
			{
				PreConfig: action("break"),
				Config:    config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("healthy"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("state"), knownvalue.StringExact("established")),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("health_state"), knownvalue.StringExact("critical")),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("transfer_state"), knownvalue.StringExact("transferring")),
					lastTransfer.AddStateValue(ds, tfjsonpath.New("last_transfer_time")),
				},
			},
			{
				PreConfig: action("repair"),
				Config:    config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("healthy"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("health_state"), knownvalue.StringExact("normal")),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("lag_seconds"), acctest.RecentSeconds),
				},
			},
		},
	})
}
