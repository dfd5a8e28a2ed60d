package sdrs_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sdrs"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// The steps of the Huawei Cloud provider's own acceptance test
// (TestAccProtectionGroup_basic): create with a description, rename in
// place, import and verify; plus what it does not check (plan actions, the
// computed attributes, the ID kept across the rename).
func TestAccProtectionGroup_basic(t *testing.T) {
	name := randomName()
	acctest.PreCheckSDRS(t)
	vpc := acctest.SandboxEnv(t, acctest.EnvSDRSVPCID)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	const domain = "data.continuity_sdrs_domain.test"

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: groupConfig(t, name, `  description = "test description"`, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: append(stateIs("available", false, "source"),
					sameID.AddStateValue(groupAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(uuidPattern)),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("description"), knownvalue.StringExact("test description")),
					statecheck.CompareValuePairs(groupAddr, tfjsonpath.New("source_availability_zone"), domain, tfjsonpath.New("local_availability_zone"), compare.ValuesSame()),
					statecheck.CompareValuePairs(groupAddr, tfjsonpath.New("target_availability_zone"), domain, tfjsonpath.New("remote_availability_zone"), compare.ValuesSame()),
					statecheck.CompareValuePairs(groupAddr, tfjsonpath.New("domain_id"), domain, tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.CompareValuePairs(groupAddr, tfjsonpath.New("domain_name"), domain, tfjsonpath.New("name"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("source_vpc_id"), knownvalue.StringExact(vpc)),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("target_vpc_id"), knownvalue.StringExact(vpc)),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("dr_type"), knownvalue.StringExact("migration")),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("server_type"), knownvalue.StringExact("ECS")),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("protection_type"), knownvalue.StringExact("replication-pair")),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("replication_num"), knownvalue.Int64Exact(0)),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("protected_instance_num"), knownvalue.Int64Exact(0)),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("disaster_recovery_drill_num"), knownvalue.Int64Exact(0)),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("created_at"), knownvalue.NotNull()),
					// SDRS reports null for a new group's protection fields.
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("protected_status"), knownvalue.Null()),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("replication_status"), knownvalue.Null()),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("health_status"), knownvalue.Null()),
				),
				Check: apiStatus(t, "available", "source"),
			},
			{
				Config: groupConfig(t, name+"_update", `  description = "test description"`, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(groupAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+"_update")),
				},
				Check: checkAPIGroup(t, groupAddr, func(g *sdrs.Group) error {
					if g.Name != name+"_update" {
						return fmt.Errorf("API name = %q", g.Name)
					}
					return nil
				}),
			},
			{
				ResourceName:      groupAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
}

// What the Huawei provider never tests: enable, planned failover and back,
// disable and enable again, import of a protected group (enabled and
// priority_station are read back), and destroy in dependency order with
// protection enabled (the pair first, then the group).
func TestAccProtectionGroup_protection(t *testing.T) {
	name := randomName()
	volume := acctest.SDRSVolumeID(t, 0)
	config := func(enabled, station string) string {
		extra := "  enabled = " + enabled
		if station != "" {
			extra += "\n  priority_station = \"" + station + "\""
		}
		return groupConfig(t, name, extra, pairBlock(name+"-pair", volume, ""))
	}
	update := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionUpdate),
		plancheck.ExpectResourceAction(pairAddr, plancheck.ResourceActionNoop),
	}}

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config:            config("false", ""),
				ConfigStateChecks: stateIs("available", false, "source"),
			},
			{
				Config:           config("true", ""),
				ConfigPlanChecks: update,
				ConfigStateChecks: append(stateIs("protected", true, "source"),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("protected_status"), knownvalue.StringExact("started")),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("replication_status"), knownvalue.StringExact("active")),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("health_status"), knownvalue.StringExact("normal")),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("replication_num"), knownvalue.Int64Exact(1)),
				),
				Check: apiStatus(t, "protected", "source"),
			},
			{
				// A planned failover to the DR site.
				Config:            config("true", "target"),
				ConfigPlanChecks:  update,
				ConfigStateChecks: stateIs("protected", true, "target"),
				Check:             apiStatus(t, "protected", "target"),
			},
			{
				// And back.
				Config:            config("true", "source"),
				ConfigPlanChecks:  update,
				ConfigStateChecks: stateIs("protected", true, "source"),
				Check:             apiStatus(t, "protected", "source"),
			},
			{
				Config:           config("false", "source"),
				ConfigPlanChecks: update,
				ConfigStateChecks: append(stateIs("available", false, "source"),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("protected_status"), knownvalue.StringExact("stopped")),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("replication_status"), knownvalue.StringExact("active-stopped")),
				),
				Check: apiStatus(t, "available", "source"),
			},
			{
				// A planned failover of an unprotected group: protection is
				// enabled for it and disabled again.
				Config:            config("false", "target"),
				ConfigPlanChecks:  update,
				ConfigStateChecks: stateIs("available", false, "target"),
				Check:             apiStatus(t, "available", "target"),
			},
			{
				Config:            config("true", "target"),
				ConfigStateChecks: stateIs("protected", true, "target"),
			},
			{
				ResourceName:      groupAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
}

// Protection stopped behind Terraform's back shows as a change of enabled
// and is restored; a failover behind its back (priority_station not set)
// shows as protection stopped, and applying re-protects the group at the
// site it failed over to; setting priority_station then fails back.
func TestAccProtectionGroup_driftOfProtection(t *testing.T) {
	name := randomName()
	volume := acctest.SDRSVolumeID(t, 1)
	client := acctest.SDRSClient(t)
	var group acctest.ID
	config := func(extra string) string {
		return groupConfig(t, name, extra, pairBlock(name+"-pair", volume, ""))
	}
	updateEnabled := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionUpdate),
		plancheck.ExpectKnownValue(groupAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
	}}

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: config(""), Check: group.Capture(groupAddr)},
			{Config: config("  enabled = true"), ConfigStateChecks: stateIs("protected", true, "source")},
			{
				PreConfig: func() {
					jobID, err := client.StopGroup(context.Background(), group.Value)
					waitJob(t, client, jobID, err)
				},
				Config:            config("  enabled = true"),
				ConfigPlanChecks:  updateEnabled,
				ConfigStateChecks: stateIs("protected", true, "source"),
				Check:             apiStatus(t, "protected", "source"),
			},
			{
				PreConfig: func() {
					jobID, err := client.FailoverGroup(context.Background(), group.Value)
					waitJob(t, client, jobID, err)
				},
				Config:            config("  enabled = true"),
				ConfigPlanChecks:  updateEnabled,
				ConfigStateChecks: stateIs("protected", true, "target"),
				Check:             apiStatus(t, "protected", "target"),
			},
			{
				Config:            config("  enabled = true\n  priority_station = \"source\""),
				ConfigStateChecks: stateIs("protected", true, "source"),
				Check:             apiStatus(t, "protected", "source"),
			},
			{
				// A failover behind Terraform's back with priority_station
				// set: one apply re-protects and fails back.
				PreConfig: func() {
					jobID, err := client.FailoverGroup(context.Background(), group.Value)
					waitJob(t, client, jobID, err)
				},
				Config: config("  enabled = true\n  priority_station = \"source\""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(groupAddr, tfjsonpath.New("priority_station"), knownvalue.StringExact("source")),
				}},
				ConfigStateChecks: stateIs("protected", true, "source"),
				Check:             apiStatus(t, "protected", "source"),
			},
		},
	})
}

// enabled = true on a group without replication pairs is explained, at plan
// time for a new group and before any API call for an existing one.
func TestAccProtectionGroup_enableWithoutPairs(t *testing.T) {
	name := randomName()
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config:      groupConfig(t, name, "  enabled = true", ""),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Protection cannot be enabled on a new protection group.*has replication\s+pairs.*enabled = false`),
			},
			{
				Config:      groupConfig(t, name, `  priority_station = "target"`, ""),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)A new protection group starts at the source site`),
			},
			{Config: groupConfig(t, name, "", "")},
			{
				Config:      groupConfig(t, name+"-renamed", "  enabled = true", ""),
				ExpectError: regexp.MustCompile(`(?s)Cannot enable protection of\s+continuity_sdrs_protection_group.*no replication pairs.*Nothing was\s+changed.*continuity_sdrs_replication_pair`),
			},
			{
				// Nothing changed: not even the name.
				Config:            groupConfig(t, name, "", ""),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: stateIs("available", false, "source"),
			},
			{
				Config:      groupConfig(t, name, `  priority_station = "target"`, ""),
				ExpectError: regexp.MustCompile(`(?s)Cannot perform a planned failover.*no replication\s+pairs`),
			},
		},
	})
}

// A job that fails (the sandbox fails a group's creation when its
// description asks it to) reaches the user with its error_code and
// fail_reason, and leaves a tainted resource that destroy removes.
func TestAccProtectionGroup_failedCreateJob(t *testing.T) {
	if !acctest.UseSandbox() {
		t.Skip("a failed job is made on purpose by the sandbox only")
	}
	name := randomName()
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: groupConfig(t, name, `  description = "SANDBOX_FAIL_CREATE"`, ""),
				ExpectError: regexp.MustCompile(`(?s)Error creating continuity_sdrs_protection_group.*createProtectionGroupNoCG.*FAIL.*` +
					`error_code\s+"SDRS.1014"\s+and\s+fail_reason\s+"Failed\s+to\s+create\s+the\s+protection\s+group`),
			},
			{
				// The failed group is tainted: the next apply replaces it.
				Config: groupConfig(t, name, `  description = "SANDBOX_FAIL_CREATE"`, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ExpectError: regexp.MustCompile(`SDRS.1014`),
			},
		},
	})
}

// A failed action job (enable) reports its code and leaves the group in its
// error status, from which protection can be enabled again.
func TestAccProtectionGroup_failedStartJob(t *testing.T) {
	if !acctest.UseSandbox() {
		t.Skip("a failed job is made on purpose by the sandbox only")
	}
	name := randomName()
	volume := acctest.SDRSVolumeID(t, 2)
	config := func(enabled string) string {
		return groupConfig(t, name, `  description = "SANDBOX_FAIL_START"`+"\n  enabled = "+enabled, pairBlock(name, volume, ""))
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: config("false")},
			{
				Config:      config("true"),
				ExpectError: regexp.MustCompile(`(?s)Error updating continuity_sdrs_protection_group.*enabling protection.*error_code\s+"SDRS.1027".*Failed\s+to\s+enable\s+protection`),
			},
			{
				// The state holds what the API says after the failure.
				Config:            config("false"),
				ConfigStateChecks: stateIs("error-starting", false, "source"),
				Check:             apiStatus(t, "error-starting", "source"),
			},
		},
	})
}

// Changing an attribute the API cannot change replaces the group.
func TestAccProtectionGroup_replace(t *testing.T) {
	name := randomName()
	var first acctest.ID
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: groupConfig(t, name, `  description = "one"`, ""), Check: first.Capture(groupAddr)},
			{
				Config: groupConfig(t, name, `  description = "two"`, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: func(s *terraform.State) error {
					if s.RootModule().Resources[groupAddr].Primary.ID == first.Value {
						return fmt.Errorf("the group was not replaced")
					}
					return nil
				},
			},
			{
				// Removing the description replaces it too; no diff after.
				Config: groupConfig(t, name, "", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("description"), knownvalue.Null())},
			},
		},
	})
}

// A group deleted behind Terraform's back is planned for creation.
func TestAccProtectionGroup_disappears(t *testing.T) {
	name := randomName()
	client := acctest.SDRSClient(t)
	var group acctest.ID
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: groupConfig(t, name, "", ""), Check: group.Capture(groupAddr)},
			{
				PreConfig: func() {
					jobID, err := client.DeleteGroup(context.Background(), group.Value)
					waitJob(t, client, jobID, err)
				},
				Config: groupConfig(t, name, "", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

// Invalid input is refused at plan time, naming the attribute, before any
// API call.
func TestAccProtectionGroup_validation(t *testing.T) {
	for _, tc := range []struct {
		name, extra string
		groupName   string
		want        string
	}{
		{name: "name too long", groupName: strings.Repeat("n", 65), want: `(?s)name.*65 bytes long`},
		{name: "name with a space", groupName: "a b", want: `(?s)name.*contains ' '`},
		{name: "Chinese name over 64 bytes", groupName: strings.Repeat("组", 22), want: `(?s)66 bytes long`},
		{name: "description with <", groupName: "ok", extra: `  description = "a<b"`, want: `(?s)description.*must not\s+contain < or >`},
		{name: "empty description", groupName: "ok", extra: `  description = ""`, want: `(?s)description.*must not be\s+empty`},
		{name: "dr_type", groupName: "ok", extra: `  dr_type = "replication"`, want: `(?s)dr_type.*migration`},
		{name: "priority_station", groupName: "ok", extra: `  priority_station = "dr"`, want: `(?s)priority_station.*source.*target`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheckSDRS(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: groupConfig(t, tc.groupName, tc.extra, ""), PlanOnly: true, ExpectError: regexp.MustCompile(tc.want),
				}},
			})
		})
	}
	t.Run("same availability zones", func(t *testing.T) {
		resource.ParallelTest(t, resource.TestCase{
			PreCheck:                 func() { acctest.PreCheckSDRS(t) },
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config: `
resource "continuity_sdrs_protection_group" "test" {
  name                     = "same"
  source_availability_zone = "cn-north-4a"
  target_availability_zone = "cn-north-4a"
  domain_id                = "d"
  source_vpc_id            = "v"
}
`,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Same availability zone for both sites.*target_availability_zone must differ`),
			}},
		})
	})
}
