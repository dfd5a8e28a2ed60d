package sdrs_test

import (
	"fmt"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// The protection groups data source with each filter; every result matches
// its filter (the Huawei provider's is_*_filter_useful checks), and the
// first result has every attribute set.
func TestAccProtectionGroupsDataSource(t *testing.T) {
	prefix := randomName()
	vpc := ""
	config := func() string {
		acctest.PreCheckSDRS(t)
		vpc = acctest.SandboxEnv(t, acctest.EnvSDRSVPCID)
		return fmt.Sprintf(`
data "continuity_sdrs_domain" "test" {}

resource "continuity_sdrs_protection_group" "test" {
  count                    = 3
  name                     = "%[1]s-${count.index}"
  source_availability_zone = data.continuity_sdrs_domain.test.local_availability_zone
  target_availability_zone = data.continuity_sdrs_domain.test.remote_availability_zone
  domain_id                = data.continuity_sdrs_domain.test.id
  source_vpc_id            = %[2]q
}

data "continuity_sdrs_protection_groups" "by_name" {
  name       = %[1]q
  depends_on = [continuity_sdrs_protection_group.test]
}

data "continuity_sdrs_protection_groups" "by_status" {
  name       = %[1]q
  status     = "available"
  depends_on = [continuity_sdrs_protection_group.test]
}

data "continuity_sdrs_protection_groups" "by_az" {
  name              = %[1]q
  availability_zone = data.continuity_sdrs_domain.test.local_availability_zone
  depends_on        = [continuity_sdrs_protection_group.test]
}

data "continuity_sdrs_protection_groups" "other_az" {
  name              = %[1]q
  availability_zone = data.continuity_sdrs_domain.test.remote_availability_zone
  depends_on        = [continuity_sdrs_protection_group.test]
}

data "continuity_sdrs_protection_groups" "abnormal" {
  name       = %[1]q
  query_type = "status_abnormal"
  depends_on = [continuity_sdrs_protection_group.test]
}

output "name_filter_useful" {
  value = length(data.continuity_sdrs_protection_groups.by_name.protection_groups) == 3 && alltrue([
    for g in data.continuity_sdrs_protection_groups.by_name.protection_groups : strcontains(g.name, %[1]q)
  ])
}

output "status_filter_useful" {
  value = length(data.continuity_sdrs_protection_groups.by_status.ids) == 3 && alltrue([
    for g in data.continuity_sdrs_protection_groups.by_status.protection_groups : g.status == "available"
  ])
}

output "az_filter_useful" {
  value = length(data.continuity_sdrs_protection_groups.by_az.ids) == 3 && alltrue([
    for g in data.continuity_sdrs_protection_groups.by_az.protection_groups :
    g.source_availability_zone == data.continuity_sdrs_domain.test.local_availability_zone && g.priority_station == "source"
  ])
}

output "ids_match" {
  value = toset(data.continuity_sdrs_protection_groups.by_name.ids) == toset(continuity_sdrs_protection_group.test[*].id)
}
`, prefix, vpc)
	}
	const byName = "data.continuity_sdrs_protection_groups.by_name"
	first := tfjsonpath.New("protection_groups").AtSliceIndex(0)
	var checks []statecheck.StateCheck
	for _, out := range []string{"name_filter_useful", "status_filter_useful", "az_filter_useful", "ids_match"} {
		checks = append(checks, statecheck.ExpectKnownOutputValue(out, knownvalue.Bool(true)))
	}
	checks = append(checks,
		statecheck.ExpectKnownValue("data.continuity_sdrs_protection_groups.other_az", tfjsonpath.New("ids"), knownvalue.ListSizeExact(0)),
		statecheck.ExpectKnownValue("data.continuity_sdrs_protection_groups.abnormal", tfjsonpath.New("ids"), knownvalue.ListSizeExact(0)),
	)
	for _, attr := range []string{"created_at", "disaster_recovery_drill_num", "domain_id", "domain_name", "dr_type", "id", "name",
		"priority_station", "progress", "protected_instance_num", "protection_type", "replication_num", "server_type",
		"source_availability_zone", "source_vpc_id", "status", "target_availability_zone", "target_vpc_id", "updated_at", "enabled"} {
		checks = append(checks, statecheck.ExpectKnownValue(byName, first.AtMapKey(attr), knownvalue.NotNull()))
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{{
			Config:            config(),
			ConfigStateChecks: checks,
		}},
	})
}
