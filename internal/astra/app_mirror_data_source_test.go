package astra_test

import (
	"fmt"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

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
