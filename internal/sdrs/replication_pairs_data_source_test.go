package sdrs_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// The replication pairs data source: group "test" with two pairs, group
// "other" with one. Every filter returns exactly the pairs it should (by
// group, by groups, by name, by status before and after protection is
// enabled on "test", by availability zone), a filter that matches nothing
// returns an empty list, and the three pairs span two pages (the tests'
// page size is two: sdrs_test.go).
func TestAccReplicationPairsDataSource(t *testing.T) {
	prefix := randomName()
	volumes := []string{acctest.SDRSVolumeID(t, 9), acctest.SDRSVolumeID(t, 10), acctest.SDRSVolumeID(t, 11)}
	config := func(enabled bool) string {
		vpc := acctest.SandboxEnv(t, acctest.EnvSDRSVPCID)
		// Before protection is enabled on "test", every pair is available;
		// after, the pairs of "test" are protected.
		protected := "length(data.continuity_sdrs_replication_pairs.protected.ids) == 0"
		available := "toset(data.continuity_sdrs_replication_pairs.available.ids) == toset(local.all[*].id)"
		if enabled {
			protected = "toset(data.continuity_sdrs_replication_pairs.protected.ids) == toset(continuity_sdrs_replication_pair.test[*].id)"
			available = "data.continuity_sdrs_replication_pairs.available.ids == tolist([continuity_sdrs_replication_pair.other.id])"
		}
		after := fmt.Sprintf(`
resource "continuity_sdrs_protection_group" "other" {
  name                     = "%[1]s-other"
  source_availability_zone = data.continuity_sdrs_domain.test.local_availability_zone
  target_availability_zone = data.continuity_sdrs_domain.test.remote_availability_zone
  domain_id                = data.continuity_sdrs_domain.test.id
  source_vpc_id            = %[2]q
}

locals {
  volumes = [%[3]s]
}

resource "continuity_sdrs_replication_pair" "test" {
  count     = 2
  name      = "%[1]s-test-${count.index}"
  group_id  = continuity_sdrs_protection_group.test.id
  volume_id = local.volumes[count.index]
}

resource "continuity_sdrs_replication_pair" "other" {
  name        = "%[1]s-other-0"
  group_id    = continuity_sdrs_protection_group.other.id
  volume_id   = local.volumes[2]
  description = "the other group's pair"
}

locals {
  all = [continuity_sdrs_replication_pair.test[0], continuity_sdrs_replication_pair.test[1], continuity_sdrs_replication_pair.other]
}

data "continuity_sdrs_replication_pairs" "by_group" {
  server_group_id = continuity_sdrs_protection_group.test.id
  depends_on      = [local.all]
}

data "continuity_sdrs_replication_pairs" "by_groups" {
  server_group_ids = [continuity_sdrs_protection_group.test.id, continuity_sdrs_protection_group.other.id]
  depends_on       = [local.all]
}

data "continuity_sdrs_replication_pairs" "by_name" {
  name       = %[1]q
  depends_on = [local.all]
}

data "continuity_sdrs_replication_pairs" "by_exact_name" {
  name       = "%[1]s-other-0"
  depends_on = [local.all]
}

data "continuity_sdrs_replication_pairs" "protected" {
  name       = %[1]q
  status     = "protected"
  depends_on = [local.all]
}

data "continuity_sdrs_replication_pairs" "available" {
  name       = %[1]q
  status     = "available"
  depends_on = [local.all]
}

data "continuity_sdrs_replication_pairs" "by_az" {
  name              = %[1]q
  availability_zone = data.continuity_sdrs_domain.test.local_availability_zone
  depends_on        = [local.all]
}

data "continuity_sdrs_replication_pairs" "other_az" {
  name              = %[1]q
  availability_zone = data.continuity_sdrs_domain.test.remote_availability_zone
  depends_on        = [local.all]
}

data "continuity_sdrs_replication_pairs" "abnormal" {
  name       = %[1]q
  query_type = "status_abnormal"
  depends_on = [local.all]
}

data "continuity_sdrs_replication_pairs" "no_such_name" {
  name       = "%[1]s-none"
  depends_on = [local.all]
}

data "continuity_sdrs_replication_pairs" "no_such_instance" {
  server_group_id       = continuity_sdrs_protection_group.test.id
  protected_instance_id = "8a7a6339-679b-452b-948c-144e0ef85d9e"
  depends_on            = [local.all]
}

output "by_group" {
  value = toset(data.continuity_sdrs_replication_pairs.by_group.ids) == toset(continuity_sdrs_replication_pair.test[*].id) && alltrue([
    for p in data.continuity_sdrs_replication_pairs.by_group.replication_pairs : p.server_group_id == continuity_sdrs_protection_group.test.id
  ])
}

output "by_groups" {
  value = toset(data.continuity_sdrs_replication_pairs.by_groups.ids) == toset(local.all[*].id)
}

output "by_name" {
  value = length(data.continuity_sdrs_replication_pairs.by_name.ids) == 3 && toset(data.continuity_sdrs_replication_pairs.by_name.ids) == toset(local.all[*].id)
}

output "by_exact_name" {
  value = data.continuity_sdrs_replication_pairs.by_exact_name.ids == tolist([continuity_sdrs_replication_pair.other.id])
}

output "protected" {
  value = %[4]s && alltrue([
    for p in data.continuity_sdrs_replication_pairs.protected.replication_pairs : p.status == "protected"
  ])
}

output "available" {
  value = %[5]s && alltrue([
    for p in data.continuity_sdrs_replication_pairs.available.replication_pairs : p.status == "available"
  ])
}

output "by_az" {
  value = toset(data.continuity_sdrs_replication_pairs.by_az.ids) == toset(local.all[*].id)
}
`, prefix, vpc, `"`+strings.Join(volumes, `", "`)+`"`, protected, available)
		return groupConfig(t, prefix+"-test", fmt.Sprintf("  enabled = %t", enabled), after)
	}

	const exact, byName = "data.continuity_sdrs_replication_pairs.by_exact_name", "data.continuity_sdrs_replication_pairs.by_name"
	const otherPair = "continuity_sdrs_replication_pair.other"
	first := tfjsonpath.New("replication_pairs").AtSliceIndex(0)
	var checks []statecheck.StateCheck
	for _, out := range []string{"by_group", "by_groups", "by_name", "by_exact_name", "protected", "available", "by_az"} {
		checks = append(checks, statecheck.ExpectKnownOutputValue(out, knownvalue.Bool(true)))
	}
	for _, empty := range []string{"other_az", "abnormal", "no_such_name", "no_such_instance"} {
		addr := "data.continuity_sdrs_replication_pairs." + empty
		checks = append(checks,
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("ids"), knownvalue.ListSizeExact(0)),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("replication_pairs"), knownvalue.ListSizeExact(0)))
	}
	// Every field of a pair, against the pair resource where it has it.
	for _, attr := range []string{"id", "name", "description", "status", "volume_id", "target_volume_id", "replication_model",
		"replication_status", "fault_level", "priority_station", "created_at"} {
		resourceAttr := attr
		checks = append(checks, statecheck.CompareValuePairs(exact, first.AtMapKey(attr), otherPair, tfjsonpath.New(resourceAttr), compare.ValuesSame()))
	}
	checks = append(checks,
		statecheck.CompareValuePairs(exact, first.AtMapKey("server_group_id"), otherPair, tfjsonpath.New("group_id"), compare.ValuesSame()),
		statecheck.ExpectKnownValue(exact, first.AtMapKey("volume_ids"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.StringExact(volumes[2]), knownvalue.StringRegexp(regexp.MustCompile(`.`)),
		})),
		statecheck.CompareValuePairs(exact, first.AtMapKey("volume_ids").AtSliceIndex(1), otherPair, tfjsonpath.New("target_volume_id"), compare.ValuesSame()),
		statecheck.ExpectKnownValue(exact, first.AtMapKey("description"), knownvalue.StringExact("the other group's pair")),
		statecheck.ExpectKnownValue(exact, first.AtMapKey("progress"), knownvalue.NotNull()),
		statecheck.ExpectKnownValue(exact, first.AtMapKey("failure_detail"), knownvalue.Null()),
		statecheck.ExpectKnownValue(exact, first.AtMapKey("updated_at"), knownvalue.NotNull()),
		statecheck.ExpectKnownValue(exact, first.AtMapKey("attachment"), knownvalue.ListSizeExact(0)),
		statecheck.ExpectKnownValue(exact, first.AtMapKey("record_metadata"), knownvalue.ObjectExact(map[string]knownvalue.Check{
			"multiattach": knownvalue.NotNull(), "bootable": knownvalue.NotNull(), "volume_size": knownvalue.NotNull(),
			"volume_type": knownvalue.StringRegexp(regexp.MustCompile(`.`)),
		})),
		statecheck.ExpectKnownValue(byName, tfjsonpath.New("replication_pairs"), knownvalue.ListSizeExact(3)),
	)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: config(false), ConfigStateChecks: checks},
			{Config: config(true), ConfigStateChecks: checks},
		},
	})
}

// The filters the API constrains are refused at plan time, naming the
// attribute.
func TestAccReplicationPairsDataSource_validation(t *testing.T) {
	tooMany := `"` + strings.TrimSuffix(strings.Repeat(`g", "`, 31), `", "`) + `"`
	for name, tc := range map[string]struct{ config, want string }{
		"query_type":       {`query_type = "stop_protected"`, `(?s)query_type.*status_abnormal.*general`},
		"too many groups":  {`server_group_ids = [` + tooMany + `]`, `(?s)server_group_ids.*at least 1\s+elements and at most\s+30`},
		"no groups":        {`server_group_ids = []`, `(?s)server_group_ids.*at least 1\s+elements and at most\s+30`},
		"group and groups": {`server_group_id = "g"` + "\n" + `server_group_ids = ["g"]`, `(?s)server_group_id.*server_group_ids`},
		"instance and instances": {`protected_instance_id = "i"` + "\n" + `protected_instance_ids = ["i"]`,
			`(?s)protected_instance_id.*protected_instance_ids`},
		"empty name": {`name = ""`, `(?s)name.*at least 1`},
	} {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheckSDRS(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      "data \"continuity_sdrs_replication_pairs\" \"x\" {\n" + tc.config + "\n}\n",
					PlanOnly:    true,
					ExpectError: regexp.MustCompile(tc.want),
				}},
			})
		})
	}
}
