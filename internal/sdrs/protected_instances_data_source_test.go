package sdrs_test

import (
	"fmt"
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
