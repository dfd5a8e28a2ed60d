package sdrs_test

import (
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// The quotas: both resource types, with what the project uses.
func TestAccQuotasDataSource(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{})
	name := randomName()
	config := ownGroupConfig(env, name, "", pairBlock(name, sandboxVolume(env, 0), "")+`
data "continuity_sdrs_quotas" "test" {
  depends_on = [continuity_sdrs_replication_pair.test]
}
`)
	const quotas = "data.continuity_sdrs_quotas.test"
	ownSandboxTest(t, env, resource.TestStep{
		Config: config,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(quotas, tfjsonpath.New("resources"), knownvalue.ListSizeExact(2)),
			statecheck.ExpectKnownValue(quotas, tfjsonpath.New("protection_groups").AtMapKey("type"), knownvalue.StringExact("server_groups")),
			statecheck.ExpectKnownValue(quotas, tfjsonpath.New("protection_groups").AtMapKey("used"), knownvalue.Int64Exact(1)),
			statecheck.ExpectKnownValue(quotas, tfjsonpath.New("replication_pairs").AtMapKey("used"), knownvalue.Int64Exact(1)),
			statecheck.ExpectKnownValue(quotas, tfjsonpath.New("replication_pairs").AtMapKey("max"), knownvalue.Int64Exact(-1)),
			statecheck.ExpectKnownValue(quotas, tfjsonpath.New("replication_pairs").AtMapKey("available"), knownvalue.NotNull()),
		},
	})
}
