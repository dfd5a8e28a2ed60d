package sdrs_test

import (
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// The DR drills data source: by group (three drills: two pages), by name,
// status and drill VPC; an empty result.
func TestAccDrillsDataSource(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{})
	prefix := randomName()
	config := listsConfig(env, prefix, `
data "continuity_sdrs_drills" "by_group" {
  server_group_id = continuity_sdrs_protection_group.test.id
  depends_on      = [local.made]
}

data "continuity_sdrs_drills" "by_name" {
  name       = "-d-"
  depends_on = [local.made]
}

data "continuity_sdrs_drills" "by_status" {
  status     = "available"
  depends_on = [local.made]
}

data "continuity_sdrs_drills" "by_vpc" {
  drill_vpc_id = continuity_sdrs_drill.test[2].drill_vpc_id
  depends_on   = [local.made]
}

data "continuity_sdrs_drills" "of_other" {
  server_group_id = continuity_sdrs_protection_group.other.id
  depends_on      = [local.made]
}

output "by_group" {
  value = toset(data.continuity_sdrs_drills.by_group.ids) == toset(continuity_sdrs_drill.test[*].id)
}

output "by_name" {
  value = toset(data.continuity_sdrs_drills.by_name.ids) == toset(slice(continuity_sdrs_drill.test[*].id, 0, 2))
}

output "by_status" {
  value = length(data.continuity_sdrs_drills.by_status.ids) == 3
}

output "by_vpc" {
  value = data.continuity_sdrs_drills.by_vpc.ids == tolist([continuity_sdrs_drill.test[2].id])
}
`)
	const byVPC = "data.continuity_sdrs_drills.by_vpc"
	first := tfjsonpath.New("drills").AtSliceIndex(0)
	var checks []statecheck.StateCheck
	for _, out := range []string{"by_group", "by_name", "by_status", "by_vpc"} {
		checks = append(checks, statecheck.ExpectKnownOutputValue(out, knownvalue.Bool(true)))
	}
	for attr, resourceAttr := range map[string]string{"id": "id", "name": "name", "server_group_id": "group_id", "drill_vpc_id": "drill_vpc_id",
		"status": "status", "drill_servers": "drill_servers", "created_at": "created_at"} {
		checks = append(checks, statecheck.CompareValuePairs(byVPC, first.AtMapKey(attr), "continuity_sdrs_drill.test[2]", tfjsonpath.New(resourceAttr), compare.ValuesSame()))
	}
	checks = append(checks,
		statecheck.ExpectKnownValue(byVPC, first.AtMapKey("drill_servers"), knownvalue.ListSizeExact(3)),
		statecheck.ExpectKnownValue("data.continuity_sdrs_drills.of_other", tfjsonpath.New("drills"), knownvalue.ListSizeExact(0)),
	)
	ownSandboxTest(t, env, resource.TestStep{Config: config, ConfigStateChecks: checks})
}
