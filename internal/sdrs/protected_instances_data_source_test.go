package sdrs_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// listsConfig is, in the sandbox of env, group "test" with three
// protected instances (web-0, web-1, db-2) and three drills (d-0, d-1,
// x-2), group "other" with one instance; then the data sources given.
func listsConfig(env map[string]string, prefix, dataSources string) string {
	servers := strings.Split(env[acctest.EnvSDRSServerIDs], ",")
	return ownGroupConfig(env, prefix, "", fmt.Sprintf(`
resource "continuity_sdrs_protection_group" "other" {
  name                     = "%[1]s-other"
  source_availability_zone = data.continuity_sdrs_domain.test.local_availability_zone
  target_availability_zone = data.continuity_sdrs_domain.test.remote_availability_zone
  domain_id                = data.continuity_sdrs_domain.test.id
  source_vpc_id            = %[2]q
}

locals {
  servers = [%[3]q, %[4]q, %[5]q]
  names   = ["web-0", "web-1", "db-2"]
}

resource "continuity_sdrs_protected_instance" "test" {
  count                = 3
  name                 = "%[1]s-${local.names[count.index]}"
  group_id             = continuity_sdrs_protection_group.test.id
  server_id            = local.servers[count.index]
  delete_target_server = true
  tags                 = { index = tostring(count.index) }
}

resource "continuity_sdrs_protected_instance" "other" {
  name                 = "%[1]s-other"
  group_id             = continuity_sdrs_protection_group.other.id
  server_id            = %[6]q
  delete_target_server = true
}

resource "continuity_sdrs_drill" "test" {
  count      = 3
  name       = "%[1]s-${count.index < 2 ? "d" : "x"}-${count.index}"
  group_id   = continuity_sdrs_protection_group.test.id
  depends_on = [continuity_sdrs_protected_instance.test]
}

locals {
  made = [continuity_sdrs_protected_instance.test, continuity_sdrs_protected_instance.other, continuity_sdrs_drill.test]
}
%[7]s`, prefix, env[acctest.EnvSDRSVPCID], servers[0], servers[1], servers[2], servers[3], dataSources))
}

// The protected instances data source: every filter returns exactly the
// instances it should, a filter that matches nothing an empty list, and
// three instances span two pages (the tests' page size is two).
func TestAccProtectedInstancesDataSource(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{})
	prefix := randomName()
	config := listsConfig(env, prefix, `
data "continuity_sdrs_protected_instances" "by_group" {
  server_group_id = continuity_sdrs_protection_group.test.id
  depends_on      = [local.made]
}

data "continuity_sdrs_protected_instances" "by_groups" {
  server_group_ids = [continuity_sdrs_protection_group.test.id, continuity_sdrs_protection_group.other.id]
  depends_on       = [local.made]
}

data "continuity_sdrs_protected_instances" "by_ids" {
  protected_instance_ids = [continuity_sdrs_protected_instance.test[2].id, continuity_sdrs_protected_instance.other.id]
  depends_on             = [local.made]
}

data "continuity_sdrs_protected_instances" "by_one_id" {
  protected_instance_ids = [continuity_sdrs_protected_instance.test[2].id]
  depends_on             = [local.made]
}

data "continuity_sdrs_protected_instances" "by_name" {
  name       = "-web-"
  depends_on = [local.made]
}

data "continuity_sdrs_protected_instances" "by_status" {
  server_group_id = continuity_sdrs_protection_group.test.id
  status          = "available"
  depends_on      = [local.made]
}

data "continuity_sdrs_protected_instances" "by_az" {
  availability_zone = data.continuity_sdrs_domain.test.local_availability_zone
  depends_on        = [local.made]
}

data "continuity_sdrs_protected_instances" "other_az" {
  availability_zone = data.continuity_sdrs_domain.test.remote_availability_zone
  depends_on        = [local.made]
}

data "continuity_sdrs_protected_instances" "abnormal" {
  query_type = "status_abnormal"
  depends_on = [local.made]
}

data "continuity_sdrs_protected_instances" "none" {
  name       = "no-such-instance"
  depends_on = [local.made]
}

output "by_group" {
  value = toset(data.continuity_sdrs_protected_instances.by_group.ids) == toset(continuity_sdrs_protected_instance.test[*].id)
}

output "by_groups" {
  value = length(data.continuity_sdrs_protected_instances.by_groups.ids) == 4
}

output "by_ids" {
  value = toset(data.continuity_sdrs_protected_instances.by_ids.ids) == toset([continuity_sdrs_protected_instance.test[2].id, continuity_sdrs_protected_instance.other.id])
}

output "by_name" {
  value = toset(data.continuity_sdrs_protected_instances.by_name.ids) == toset(slice(continuity_sdrs_protected_instance.test[*].id, 0, 2))
}

output "by_status" {
  value = length(data.continuity_sdrs_protected_instances.by_status.ids) == 3 && alltrue([
    for i in data.continuity_sdrs_protected_instances.by_status.protected_instances : i.status == "available"
  ])
}

output "by_az" {
  value = length(data.continuity_sdrs_protected_instances.by_az.ids) == 4
}
`)
	const byIDs = "data.continuity_sdrs_protected_instances.by_one_id"
	first := tfjsonpath.New("protected_instances").AtSliceIndex(0)
	var checks []statecheck.StateCheck
	for _, out := range []string{"by_group", "by_groups", "by_ids", "by_name", "by_status", "by_az"} {
		checks = append(checks, statecheck.ExpectKnownOutputValue(out, knownvalue.Bool(true)))
	}
	for _, empty := range []string{"other_az", "abnormal", "none"} {
		checks = append(checks, statecheck.ExpectKnownValue("data.continuity_sdrs_protected_instances."+empty, tfjsonpath.New("protected_instances"), knownvalue.ListSizeExact(0)))
	}
	instance := "continuity_sdrs_protected_instance.test[2]"
	for attr, resourceAttr := range map[string]string{"id": "id", "name": "name", "server_group_id": "group_id", "source_server": "server_id",
		"target_server": "target_server", "status": "status", "priority_station": "priority_station", "tags": "tags", "attachments": "attachments",
		"created_at": "created_at"} {
		checks = append(checks, statecheck.CompareValuePairs(byIDs, first.AtMapKey(attr), instance, tfjsonpath.New(resourceAttr), compare.ValuesSame()))
	}
	checks = append(checks,
		statecheck.ExpectKnownValue(byIDs, first.AtMapKey("system_frozen"), knownvalue.Bool(false)),
		statecheck.ExpectKnownValue(byIDs, first.AtMapKey("description"), knownvalue.Null()),
		statecheck.ExpectKnownValue("data.continuity_sdrs_protected_instances.by_group", tfjsonpath.New("protected_instances"), knownvalue.ListSizeExact(3)),
	)
	ownSandboxTest(t, env, resource.TestStep{Config: config, ConfigStateChecks: checks})
}

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

// The RPO statistics: every record (more than a page), then one record
// found by its created_at as both bounds (what the Huawei provider's test
// does), and a refused time format.
func TestAccRPOStatisticsDataSource(t *testing.T) {
	const all, one = "data.continuity_sdrs_rpo_statistics.all", "data.continuity_sdrs_rpo_statistics.one"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `
data "continuity_sdrs_rpo_statistics" "all" {}

data "continuity_sdrs_rpo_statistics" "one" {
  start_time    = data.continuity_sdrs_rpo_statistics.all.rpo_statistics[1].created_at
  end_time      = data.continuity_sdrs_rpo_statistics.all.rpo_statistics[1].created_at
  resource_type = "replication"
}

output "latest_is_newest" {
  value = data.continuity_sdrs_rpo_statistics.all.latest.point_time == reverse(sort([for r in data.continuity_sdrs_rpo_statistics.all.rpo_statistics : r.point_time]))[0]
}
`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(all, tfjsonpath.New("rpo_statistics"), knownvalue.ListSizeExact(6)),
					statecheck.ExpectKnownValue(one, tfjsonpath.New("rpo_statistics"), knownvalue.ListSizeExact(1)),
					statecheck.CompareValuePairs(one, tfjsonpath.New("rpo_statistics").AtSliceIndex(0).AtMapKey("id"),
						all, tfjsonpath.New("rpo_statistics").AtSliceIndex(1).AtMapKey("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(one, tfjsonpath.New("rpo_statistics").AtSliceIndex(0).AtMapKey("point_time"),
						knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d$`))),
					statecheck.ExpectKnownValue(one, tfjsonpath.New("rpo_statistics").AtSliceIndex(0).AtMapKey("resource_type"), knownvalue.StringExact("replication")),
					statecheck.ExpectKnownOutputValue("latest_is_newest", knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(all, tfjsonpath.New("latest").AtMapKey("age_seconds"), knownvalue.Int64Func(func(v int64) error {
						if v < 0 || v > 3600 {
							return fmt.Errorf("age_seconds = %d: the sandbox's records are of the half hour before its start", v)
						}
						return nil
					})),
				},
			},
		},
	})
}

func TestAccRPOStatisticsDataSource_validation(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      `data "continuity_sdrs_rpo_statistics" "bad" { start_time = "2026-01-21T01:15:00Z" }`,
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Invalid SDRS time.*start_time.*yyyy-MM-dd\s+HH:mm:ss.SSS`),
		}},
	})
}
