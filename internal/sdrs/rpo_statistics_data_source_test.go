package sdrs_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

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
