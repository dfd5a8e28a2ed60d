package astra_test

import (
	"path/filepath"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// A user's module sees the user's own estate: the sandbox started with
// examples/sandbox/fixtures.yaml serves the app billing on the cluster
// prod-paris, which the data source finds by name, and the namespace
// payroll, free to manage, which the resource manages.
func TestAccAppDataSource_userFixtures(t *testing.T) {
	acctest.PreCheckAstra(t)
	env := acctest.StartSandbox(t, sandbox.Options{FixturesFile: filepath.Join("..", "..", "examples", "sandbox", "fixtures.yaml")})
	cluster := env["CONTINUITY_SANDBOX_ASTRA_CLUSTER_PROD_PARIS_ID"]
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(env) + `
data "continuity_astra_app" "billing" {
  name = "billing"
}
resource "continuity_astra_app" "payroll" {
  name       = "payroll"
  cluster_id = data.continuity_astra_app.billing.cluster_id
  namespace_scoped_resources = [
    { namespace = "payroll" },
  ]
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.continuity_astra_app.billing", tfjsonpath.New("id"),
					knownvalue.StringExact(env["CONTINUITY_SANDBOX_ASTRA_APP_BILLING_ID"])),
				statecheck.ExpectKnownValue("data.continuity_astra_app.billing", tfjsonpath.New("cluster_id"), knownvalue.StringExact(cluster)),
				statecheck.ExpectKnownValue("data.continuity_astra_app.billing", tfjsonpath.New("cluster_name"), knownvalue.StringExact("prod-paris")),
				statecheck.ExpectKnownValue("data.continuity_astra_app.billing", tfjsonpath.New("namespaces"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("billing"), knownvalue.StringExact("billing-db")})),
				statecheck.ExpectKnownValue("continuity_astra_app.payroll", tfjsonpath.New("cluster_id"), knownvalue.StringExact(cluster)),
				statecheck.ExpectKnownValue("continuity_astra_app.payroll", tfjsonpath.New("state"), knownvalue.StringExact("ready")),
			},
		}},
	})
}
