package sdrs_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// failedOverIs checks the group's failover attributes in the state.
func failedOverIs(status string, failedOver bool, station string) []statecheck.StateCheck {
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("status"), knownvalue.StringExact(status)),
		statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("failed_over"), knownvalue.Bool(failedOver)),
		statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("priority_station"), knownvalue.StringExact(station)),
		statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
	}
}

// checkServerStatus checks a server's ECS status.
func checkServerStatus(t *testing.T, id, want string) resource.TestCheckFunc {
	client := acctest.SDRSClient(t)
	return func(*terraform.State) error {
		s, err := client.GetServer(context.Background(), id)
		if err != nil {
			return err
		}
		if s.Status != want {
			return fmt.Errorf("server %s is %s, want %s", id, s.Status, want)
		}
		return nil
	}
}

// The unplanned failover, which no peer offers: failed_over = true runs
// the DR site (the production server is forced off, priority_station
// becomes target); what SDRS refuses is refused at plan time; re-protection
// is its own change and needs the new DR site stopped; then a planned
// failover fails back. A failover outside Terraform shows as failed_over
// and is re-protected.
func TestAccProtectionGroup_unplannedFailover(t *testing.T) {
	name := randomName()
	server := acctest.SDRSServerID(t, 10)
	client := acctest.SDRSClient(t)
	var group acctest.ID
	config := func(groupLines string) string {
		return groupConfig(t, name, groupLines, instanceBlock(name, server, ""))
	}
	update := func(checks ...plancheck.PlanCheck) resource.ConfigPlanChecks {
		return resource.ConfigPlanChecks{PreApply: append([]plancheck.PlanCheck{plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionUpdate)}, checks...)}
	}
	refused := func(lines, want string) resource.TestStep {
		return resource.TestStep{Config: config(lines), PlanOnly: true, ExpectError: regexp.MustCompile(want)}
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: config(""), Check: group.Capture(groupAddr)},
			refused("  failed_over = true", `(?s)Cannot fail over continuity_sdrs_protection_group.*in status\s+available.*enabled = true`),
			{Config: config("  enabled = true"), ConfigStateChecks: stateIs("protected", true, "source")},
			refused("  enabled = true\n  failed_over = true\n  priority_station = \"source\"", `(?s)A failover moves production to the other site.*priority_station = "target"`),
			refused("  enabled = false\n  failed_over = true", `(?s)failed_over = true needs enabled = true`),
			{
				// Disaster: run from the DR site now.
				Config: config("  enabled = true\n  failed_over = true"),
				ConfigPlanChecks: update(
					plancheck.ExpectKnownValue(groupAddr, tfjsonpath.New("failed_over"), knownvalue.Bool(true)),
					plancheck.ExpectKnownValue(groupAddr, tfjsonpath.New("priority_station"), knownvalue.StringExact("target")),
					plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionNoop),
				),
				ConfigStateChecks: failedOverIs("failed-over", true, "target"),
				Check:             resource.ComposeTestCheckFunc(apiStatus(t, "failed-over", "target"), checkServerStatus(t, server, "SHUTOFF")),
			},
			{
				// The instance, refreshed, says so; the group imports failed over.
				Config: config("  enabled = true\n  failed_over = true"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("status"), knownvalue.StringExact("failed-over")),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("priority_station"), knownvalue.StringExact("target")),
				},
			},
			{ResourceName: groupAddr, ImportState: true, ImportStateVerify: true},
			refused("  enabled = true\n  failed_over = true\n  priority_station = \"source\"", `(?s)Cannot perform a planned failover of failed-over.*re-protect it first`),
			{
				// The old production server was started again: it would be
				// the DR site, and SDRS wants it stopped.
				PreConfig:   func() { acctest.SDRSSetServers(t, nil, true, server) },
				Config:      config("  enabled = true"),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Cannot re-protect continuity_sdrs_protection_group.*servers of its DR site run.*` + server),
			},
			{
				// Re-protect, a change of its own: production stays at the target site.
				PreConfig:         func() { acctest.SDRSSetServers(t, nil, false, server) },
				Config:            config("  enabled = true"),
				ConfigPlanChecks:  update(plancheck.ExpectKnownValue(groupAddr, tfjsonpath.New("failed_over"), knownvalue.Bool(false))),
				ConfigStateChecks: failedOverIs("protected", false, "target"),
				Check:             apiStatus(t, "protected", "target"),
			},
			{
				// Fail back: a planned failover (the DR server that ran
				// production is stopped).
				Config:            config("  enabled = true\n  priority_station = \"source\""),
				ConfigPlanChecks:  update(),
				ConfigStateChecks: failedOverIs("protected", false, "source"),
				Check:             apiStatus(t, "protected", "source"),
			},
			{
				// A failover outside Terraform shows as failed_over; applying
				// re-protects and fails back, as configured.
				PreConfig: func() {
					jobID, err := client.FailoverGroup(context.Background(), group.Value)
					waitJob(t, client, jobID, err)
				},
				Config: config("  enabled = true\n  priority_station = \"source\""),
				ConfigPlanChecks: update(
					plancheck.ExpectKnownValue(groupAddr, tfjsonpath.New("failed_over"), knownvalue.Bool(false)),
					plancheck.ExpectKnownValue(groupAddr, tfjsonpath.New("priority_station"), knownvalue.StringExact("source")),
				),
				ConfigStateChecks: failedOverIs("protected", false, "source"),
				Check:             apiStatus(t, "protected", "source"),
			},
		},
	})
}

// A planned failover while a production server runs is refused at plan
// time, naming the server; so is deleting the DR server of an instance
// whose group runs at its target site.
func TestAccProtectionGroup_plannedFailoverNeedsStoppedServers(t *testing.T) {
	name := randomName()
	server := acctest.SDRSServerID(t, 11)
	config := func(groupLines, instanceLines string) string {
		return groupConfig(t, name, groupLines, instanceBlock(name, server, instanceLines))
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: config("", "  delete_target_server = true")},
			{Config: config("  enabled = true", "  delete_target_server = true")},
			{
				Config:      config("  enabled = true\n  priority_station = \"target\"", "  delete_target_server = true"),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Cannot perform a planned failover.*production servers run.*` + server + `.*failed_over = true`),
			},
			{
				PreConfig:         func() { acctest.SDRSSetServers(t, nil, false, server) },
				Config:            config("  enabled = true\n  priority_station = \"target\"", "  delete_target_server = true"),
				ConfigStateChecks: stateIs("protected", true, "target"),
			},
			{
				// Destroying the instance would delete the server that runs
				// production now: refused when planned (the apply refreshes
				// the instance first), before any deletion is sent.
				Config:      groupConfig(t, name, "  enabled = true\n  priority_station = \"target\"", ""),
				ExpectError: regexp.MustCompile(`(?s)Cannot destroy continuity_sdrs_protected_instance.*delete_target_server.*SDRS.1330`),
			},
			{Config: config("  enabled = true\n  priority_station = \"target\"", "")},
		},
	})
}
