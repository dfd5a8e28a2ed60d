package manila_test

import (
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestAccShareNetworkDataSource_basic(t *testing.T) {
	acctest.PreCheckManila(t)
	const network = "data.continuity_manila_share_network.default"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
data "continuity_manila_share_network" "default" {
  name = "sn-default"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(network, tfjsonpath.New("id"), knownvalue.StringExact(acctest.SandboxEnv(t, acctest.EnvManilaShareNetworkID))),
				statecheck.ExpectKnownValue(network, tfjsonpath.New("cidr"), knownvalue.StringExact("10.0.0.0/24")),
				statecheck.ExpectKnownValue(network, tfjsonpath.New("ip_version"), knownvalue.Int64Exact(4)),
				statecheck.ExpectKnownValue(network, tfjsonpath.New("mtu"), knownvalue.Int64Exact(1450)),
				statecheck.ExpectKnownValue(network, tfjsonpath.New("project_id"), knownvalue.StringExact(acctest.SandboxEnv(t, acctest.EnvManilaProjectID))),
			},
		}},
	})
}

func TestAccShareNetworkDataSource_notFound(t *testing.T) {
	expectErrors(t, map[string]failing{
		"unknown name": {config: `data "continuity_manila_share_network" "x" {
  name = "sn-nowhere"
}`, want: `(?s)Share network not found.*named "sn-nowhere"`},
	})
}
