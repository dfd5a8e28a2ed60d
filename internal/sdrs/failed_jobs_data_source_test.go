package sdrs_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// The residue of failed jobs, which the Huawei provider clears with
// one-shot resources: the failed jobs data source lists the group's own
// failure (enabling protection) without filter and its pair's with
// server_group_id, every filter filtering; delete_failed_jobs = true
// (changed without an API call) makes destroying the group delete both.
func TestAccFailedJobsDataSourceAndDeleteFailedJobs(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{})
	name := randomName()
	failing := fmt.Sprintf(`
resource "continuity_sdrs_replication_pair" "failing" {
  name        = "%s-failing"
  group_id    = continuity_sdrs_protection_group.test.id
  volume_id   = %q
  description = "SANDBOX_FAIL_CREATE"
}
`, name, sandboxVolume(env, 1))
	lists := `
data "continuity_sdrs_failed_jobs" "group_level" {}

data "continuity_sdrs_failed_jobs" "of_group" {
  server_group_id = continuity_sdrs_protection_group.test.id
}

data "continuity_sdrs_failed_jobs" "pair_creations" {
  server_group_id = continuity_sdrs_protection_group.test.id
  resource_type   = "replications"
  failure_status  = "createFail"
  resource_name   = "-failing"
}

data "continuity_sdrs_failed_jobs" "none" {
  failure_status = "expandFail"
}
`
	config := func(lines, after string) string {
		return ownGroupConfig(env, name, lines, pairBlock(name, sandboxVolume(env, 0), "")+after)
	}
	const groupLevel, ofGroup = "data.continuity_sdrs_failed_jobs.group_level", "data.continuity_sdrs_failed_jobs.of_group"
	first := tfjsonpath.New("failed_jobs").AtSliceIndex(0)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		ErrorCheck:               liftFaultsOnError(t, env),
		CheckDestroy: func(*terraform.State) error {
			if held := acctest.SandboxObjects(t, env["HW_SDRS_ENDPOINT"]); len(held["sdrs.failed_job"]) > 0 || len(held["sdrs.protection_group"]) > 0 {
				return fmt.Errorf("after destroy the sandbox holds %v", held)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config:      config("", failing),
				ExpectError: regexp.MustCompile(`(?s)createReplicationPairNoCG.*SDRS.1609`),
			},
			{
				// The failed pair, tainted, goes; enabling protection fails.
				PreConfig:   func() { setFaults(t, env, "fail=sdrs.protection_group.start") },
				Config:      config("  enabled = true", ""),
				ExpectError: regexp.MustCompile(`(?s)startProtectionGroupNoCG.*SDRS.1027`),
			},
			{
				PreConfig: func() { setFaults(t, env, "") },
				Config:    config("", lists),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(groupLevel, tfjsonpath.New("failed_jobs"), knownvalue.ListSizeExact(1)),
					statecheck.ExpectKnownValue(groupLevel, first.AtMapKey("failure_status"), knownvalue.StringExact("startFail")),
					statecheck.ExpectKnownValue(groupLevel, first.AtMapKey("resource_type"), knownvalue.StringExact("server_groups")),
					statecheck.ExpectKnownValue(groupLevel, first.AtMapKey("job_status"), knownvalue.StringExact("FAIL")),
					statecheck.ExpectKnownValue(groupLevel, first.AtMapKey("error_code"), knownvalue.StringExact("SDRS.1027")),
					statecheck.ExpectKnownValue(groupLevel, first.AtMapKey("job_type"), knownvalue.StringExact("startProtectionGroupNoCG")),
					statecheck.CompareValuePairs(groupLevel, first.AtMapKey("resource_id"), groupAddr, tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(ofGroup, tfjsonpath.New("failed_jobs"), knownvalue.ListSizeExact(1)),
					statecheck.ExpectKnownValue(ofGroup, first.AtMapKey("resource_type"), knownvalue.StringExact("replications")),
					statecheck.ExpectKnownValue(ofGroup, first.AtMapKey("resource_name"), knownvalue.StringExact(name+"-failing")),
					statecheck.ExpectKnownValue(ofGroup, first.AtMapKey("fail_reason"), knownvalue.StringRegexp(regexp.MustCompile(`Replication pair creation failure`))),
					statecheck.ExpectKnownValue("data.continuity_sdrs_failed_jobs.pair_creations", tfjsonpath.New("ids"), knownvalue.ListSizeExact(1)),
					statecheck.ExpectKnownValue("data.continuity_sdrs_failed_jobs.none", tfjsonpath.New("failed_jobs"), knownvalue.ListSizeExact(0)),
				},
			},
			{
				Config: config("  delete_failed_jobs = true", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("delete_failed_jobs"), knownvalue.Bool(true)),
				},
			},
		},
	})
}

// A filter the API constrains is refused at plan time.
func TestAccFailedJobsDataSource_validation(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      `data "continuity_sdrs_failed_jobs" "bad" { failure_status = "nicFail" }`,
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)failure_status.*createFail`),
		}},
	})
}
