package sdrs_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// The posture attributes follow replication: a protected group, its
// instance and pair are healthy and the drill recent; after the pair's
// replication link is broken through the API they are not (pair "fault"
// with fault level 5, instance "fault", group health "abnormal"); after a
// repair they are healthy again.
func TestAccPostureDataSources(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{})
	prefix := randomName()
	server := strings.Split(env[acctest.EnvSDRSServerIDs], ",")[0]
	config := func(enabled bool, lists string) string {
		return ownGroupConfig(env, prefix, fmt.Sprintf("  enabled = %t", enabled), fmt.Sprintf(`
resource "continuity_sdrs_protected_instance" "test" {
  name                 = "%[1]s-web"
  group_id             = continuity_sdrs_protection_group.test.id
  server_id            = %[2]q
  delete_target_server = true
}
%[3]s`, prefix, server, lists))
	}
	lists := `
resource "continuity_sdrs_drill" "test" {
  name       = "posture"
  group_id   = continuity_sdrs_protection_group.test.id
  depends_on = [continuity_sdrs_protected_instance.test]
}

locals {
  made = [continuity_sdrs_protected_instance.test, continuity_sdrs_drill.test, continuity_sdrs_protection_group.test]
}

data "continuity_sdrs_protection_groups" "test" {
  name       = continuity_sdrs_protection_group.test.name
  depends_on = [local.made]
}

data "continuity_sdrs_replication_pairs" "test" {
  server_group_id = continuity_sdrs_protection_group.test.id
  depends_on      = [local.made]
}

data "continuity_sdrs_protected_instances" "test" {
  server_group_id = continuity_sdrs_protection_group.test.id
  depends_on      = [local.made]
}

data "continuity_sdrs_drills" "test" {
  server_group_id = continuity_sdrs_protection_group.test.id
  depends_on      = [local.made]
}
`
	const (
		groups    = "data.continuity_sdrs_protection_groups.test"
		pairs     = "data.continuity_sdrs_replication_pairs.test"
		instances = "data.continuity_sdrs_protected_instances.test"
		drills    = "data.continuity_sdrs_drills.test"
	)
	first := func(list string) tfjsonpath.Path { return tfjsonpath.New(list).AtSliceIndex(0) }
	healthy := func(want bool) []statecheck.StateCheck {
		return []statecheck.StateCheck{
			statecheck.ExpectKnownValue(groups, first("protection_groups").AtMapKey("healthy"), knownvalue.Bool(want)),
			statecheck.ExpectKnownValue(pairs, first("replication_pairs").AtMapKey("healthy"), knownvalue.Bool(want)),
			statecheck.ExpectKnownValue(instances, first("protected_instances").AtMapKey("healthy"), knownvalue.Bool(want)),
		}
	}
	var pairID string
	link := func(action string) func() {
		return func() {
			acctest.SandboxPost(t, env["HW_SDRS_ENDPOINT"], "/_sandbox/sdrs/replications/"+pairID+"/"+action)
		}
	}
	ownSandboxTest(t, env,
		resource.TestStep{Config: config(false, "")},
		resource.TestStep{
			Config: config(true, lists),
			Check: func(s *terraform.State) error {
				pairID = s.RootModule().Resources[pairs].Primary.Attributes["replication_pairs.0.id"]
				if pairID == "" {
					return fmt.Errorf("the group has no replication pair")
				}
				return nil
			},
			ConfigStateChecks: append(healthy(true),
				statecheck.ExpectKnownValue(drills, first("drills").AtMapKey("age_seconds"), acctest.RecentSeconds)),
		},
		resource.TestStep{
			PreConfig: link("break"),
			Config:    config(true, lists),
			ConfigStateChecks: append(healthy(false),
				statecheck.ExpectKnownValue(pairs, first("replication_pairs"), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"status": knownvalue.StringExact("fault"), "fault_level": knownvalue.StringExact("5"),
					"replication_status": knownvalue.StringExact("inactive"),
				})),
				statecheck.ExpectKnownValue(instances, first("protected_instances").AtMapKey("status"), knownvalue.StringExact("fault")),
				statecheck.ExpectKnownValue(groups, first("protection_groups").AtMapKey("health_status"), knownvalue.StringExact("abnormal")),
				statecheck.ExpectKnownValue(groups, first("protection_groups").AtMapKey("status"), knownvalue.StringExact("protected"))),
		},
		resource.TestStep{
			PreConfig:         link("repair"),
			Config:            config(true, lists),
			ConfigStateChecks: healthy(true),
		},
	)
}
