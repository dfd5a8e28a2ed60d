package sdrs_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sdrs"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

// An apply interrupted (or timed out and untainted) while a group was
// being created leaves it in the state as "creating". The next plan is an
// in-place update, not a replacement, and its apply waits for the creation
// without creating again: one group.
func TestAccProtectionGroup_resumesCreationInPlace(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{})
	client := acctest.SDRSClientFor(t, env)
	name := randomName()
	config := ownGroupConfig(env, name, "", "")
	// The group is held in its creation by the sandbox until the plan of
	// step 2 has shown the update.
	setFaults(t, env, "stall=sdrs.protection_group.create")
	id, _ := acctest.SDRSCreateGroup(t, client, env, name)
	ownSandboxTest(t, env,
		resource.TestStep{
			Config:             config,
			ResourceName:       groupAddr,
			ImportState:        true,
			ImportStateId:      id,
			ImportStatePersist: true,
			ImportStateCheck:   importedCreating(id),
		},
		resource.TestStep{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionUpdate),
				plancheck.ExpectUnknownValue(groupAddr, tfjsonpath.New("status")),
				thenLiftFaults(t, env),
			}},
			ConfigStateChecks: append(stateIs("available", false, "source"),
				statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("id"), knownvalue.StringExact(id))),
			Check: resource.ComposeTestCheckFunc(
				checkSandboxHolds(t, env, map[string]int{"continuity_sdrs_protection_group": 1}),
				checkSent(t, env, routeCreateGroup, 1, nil), // only the first one
			),
		},
	)
}

// importedCreating checks that the imported object id is still creating (the
// states hold every resource of the state when the import is persisted).
func importedCreating(id string) resource.ImportStateCheckFunc {
	const status = "creating"
	return func(states []*terraform.InstanceState) error {
		for _, s := range states {
			if s.ID == id {
				if s.Attributes["status"] != status {
					return fmt.Errorf("imported %s in status %q, want %q", id, s.Attributes["status"], status)
				}
				return nil
			}
		}
		return fmt.Errorf("%s was not imported: %v", id, states)
	}
}

// The same for a replication pair: imported while "creating", the next
// apply is an update that waits for the creation; one pair.
func TestAccReplicationPair_resumesCreationInPlace(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{})
	client := acctest.SDRSClientFor(t, env)
	name := randomName()
	volume := sandboxVolume(env, 0)
	var group acctest.ID
	pairID := ""
	config := ownGroupConfig(env, name, "", pairBlock(name+"-pair", volume, ""))
	ownSandboxTest(t, env,
		resource.TestStep{Config: ownGroupConfig(env, name, "", ""), Check: group.Capture(groupAddr)},
		resource.TestStep{
			PreConfig: func() {
				setFaults(t, env, "stall=sdrs.replication_pair.create")
				jobID, err := client.CreatePair(context.Background(), model.CreateReplicationRequestParams{
					ServerGroupId: group.Value, VolumeId: volume, Name: name + "-pair"})
				if err != nil {
					t.Fatal(err)
				}
				j, err := client.GetJob(context.Background(), jobID)
				if err != nil || j.Entities == nil || j.Entities.ReplicationPairId == nil {
					t.Fatalf("job %s: %v %v", jobID, j, err)
				}
				pairID = *j.Entities.ReplicationPairId
			},
			Config:             config,
			ResourceName:       pairAddr,
			ImportState:        true,
			ImportStateIdFunc:  func(*terraform.State) (string, error) { return pairID, nil },
			ImportStatePersist: true,
			ImportStateCheck: func(states []*terraform.InstanceState) error {
				return importedCreating(pairID)(states)
			},
		},
		resource.TestStep{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(pairAddr, plancheck.ResourceActionUpdate),
				plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionNoop),
				plancheck.ExpectUnknownValue(pairAddr, tfjsonpath.New("target_volume_id")),
				thenLiftFaults(t, env),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(pairAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
				statecheck.ExpectKnownValue(pairAddr, tfjsonpath.New("target_volume_id"), knownvalue.StringRegexp(uuidPattern)),
			},
			Check: resource.ComposeTestCheckFunc(
				checkSandboxHolds(t, env, map[string]int{"continuity_sdrs_protection_group": 1, "continuity_sdrs_replication_pair": 1}),
				checkSent(t, env, routeCreatePair, 1, nil), // only the first one
			),
		},
	)
}

// Enabling protection that passes its update timeout fails naming the
// timeout, the wait and the group's status ("starting"), and the state
// keeps that status. The next apply is an update that waits for the start
// under way and sends no second one.
func TestAccProtectionGroup_resumesTimedOutStart(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{})
	name := randomName()
	config := func(enabled string) string {
		return ownGroupConfig(env, name, "  enabled = "+enabled+"\n  timeouts = { update = \"2s\" }", pairBlock(name+"-pair", sandboxVolume(env, 1), ""))
	}
	var actions int64
	ownSandboxTest(t, env,
		resource.TestStep{Config: config("false")},
		resource.TestStep{
			PreConfig: func() { setFaults(t, env, "stall=sdrs.protection_group.start") },
			Config:    config("true"),
			ExpectError: regexp.MustCompile(`(?s)Timeout while updating continuity_sdrs_protection_group.*timeout while waiting for\s+enabling\s+protection.*` +
				`the\s+timeout\s+of\s+2s\s+passed.*status\s+is\s+now\s+"starting".*apply\s+again\s+to\s+resume`),
		},
		resource.TestStep{
			PreConfig: func() { actions = mutations(t, env, routeGroupAction) },
			Config:    config("true"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionUpdate),
				plancheck.ExpectUnknownValue(groupAddr, tfjsonpath.New("status")),
				thenLiftFaults(t, env),
			}},
			ConfigStateChecks: stateIs("protected", true, "source"),
			Check:             checkSent(t, env, routeGroupAction, 0, &actions), // none by the resumed apply
		},
	)
}

// A create that passes its timeout fails naming the timeout, the wait and
// the last state, and says how to keep the group (terraform untaint); the
// group is in the state, tainted. The next apply replaces it: one group.
func TestAccProtectionGroup_createTimeoutLeavesTaintedGroup(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{})
	name := randomName()
	ownSandboxTest(t, env,
		resource.TestStep{
			PreConfig: func() { setFaults(t, env, "stall=sdrs.protection_group.create") },
			Config:    ownGroupConfig(env, name, `  timeouts = { create = "1s" }`, ""),
			ExpectError: regexp.MustCompile(`(?s)Timeout while creating continuity_sdrs_protection_group.*timeout while waiting for\s+creating\s+protection\s+group.*` +
				`the\s+timeout\s+of\s+1s\s+passed.*last\s+state\s+"RUNNING".*status\s+is\s+now\s+"creating".*terraform\s+untaint`),
		},
		resource.TestStep{
			// The tainted group is in the state (with its ID), still creating.
			PreConfig: func() { setFaults(t, env, "") },
			Config:    ownGroupConfig(env, name, "", ""),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionDestroyBeforeCreate),
			}},
			Check: checkSandboxHolds(t, env, map[string]int{"continuity_sdrs_protection_group": 1}),
		},
	)
}

// A destroy interrupted (here: timed out) while the group was deleting
// leaves it in the state; the next destroy finds it deleting and only
// waits until it is gone: the deletion is sent once.
func TestAccProtectionGroup_resumesDeletion(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{})
	client := acctest.SDRSClientFor(t, env)
	name := randomName()
	config := ownGroupConfig(env, name, `  timeouts = { delete = "1s" }`, "")
	var group acctest.ID
	ownSandboxTest(t, env,
		resource.TestStep{Config: config, Check: group.Capture(groupAddr)},
		resource.TestStep{
			// The deletion is under way (sent behind Terraform's back, held
			// by the sandbox) when the destroy starts.
			PreConfig: func() {
				setFaults(t, env, "stall=sdrs.protection_group.delete")
				if _, err := client.DeleteGroup(context.Background(), group.Value); err != nil {
					t.Fatal(err)
				}
			},
			Config:      config,
			Destroy:     true,
			ExpectError: regexp.MustCompile(`(?s)Timeout while deleting continuity_sdrs_protection_group.*to be deleted.*timeouts.delete`),
		},
		resource.TestStep{
			Config:  config,
			Destroy: true,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionDestroy),
				thenLiftFaults(t, env),
			}},
			Check: checkSent(t, env, routeDeleteGroup, 1, nil), // only the first one
		},
	)
}

// An apply interrupted (or imported) while a protected instance was being
// created: the next plan is an in-place update that waits for the creation
// without creating again; one instance.
func TestAccProtectedInstance_resumesCreationInPlace(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{})
	client := acctest.SDRSClientFor(t, env)
	name := randomName()
	server := sandboxServer(env, 0)
	var group acctest.ID
	instanceID := ""
	config := ownGroupConfig(env, name, "", instanceBlock(name, server, ""))
	ownSandboxTest(t, env,
		resource.TestStep{Config: ownGroupConfig(env, name, "", ""), Check: group.Capture(groupAddr)},
		resource.TestStep{
			PreConfig: func() {
				setFaults(t, env, "stall=sdrs.protected_instance.create")
				jobID, err := client.CreateInstance(context.Background(), model.CreateProtectedInstanceRequestParams{
					ServerGroupId: group.Value, ServerId: server, Name: name})
				if err != nil {
					t.Fatal(err)
				}
				j, err := client.GetJob(context.Background(), jobID)
				if err != nil || j.Entities == nil || j.Entities.ProtectedInstanceId == nil {
					t.Fatalf("job %s: %v %v", jobID, j, err)
				}
				instanceID = *j.Entities.ProtectedInstanceId
			},
			Config:             config,
			ResourceName:       instanceAddr,
			ImportState:        true,
			ImportStateIdFunc:  func(*terraform.State) (string, error) { return instanceID, nil },
			ImportStatePersist: true,
			ImportStateCheck: func(states []*terraform.InstanceState) error {
				return importedCreating(instanceID)(states)
			},
		},
		resource.TestStep{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionUpdate),
				plancheck.ExpectUnknownValue(instanceAddr, tfjsonpath.New("status")),
				plancheck.ExpectUnknownValue(instanceAddr, tfjsonpath.New("target_server")),
				thenLiftFaults(t, env),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
				statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("target_server"), knownvalue.StringRegexp(uuidPattern)),
			},
			Check: resource.ComposeTestCheckFunc(
				checkSandboxHolds(t, env, map[string]int{"continuity_sdrs_protected_instance": 1}),
				checkSent(t, env, routeCreateInstance, 1, nil), // only the first one
			),
		},
	)
}

// A protected instance's creation that passes its timeout leaves it
// tainted, with the timeout named; the next apply replaces it: one
// instance. A resize that passes its update timeout is resumed in place.
func TestAccProtectedInstance_timeouts(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{})
	name := randomName()
	server := sandboxServer(env, 1)
	flavor := strings.Split(env[acctest.EnvSDRSFlavors], ",")[1]
	config := func(lines string) string {
		return ownGroupConfig(env, name, "", instanceBlock(name, server, lines+"\n  timeouts = { create = \"1s\", update = \"1s\" }"))
	}
	var resizes int64
	ownSandboxTest(t, env,
		resource.TestStep{
			PreConfig: func() { setFaults(t, env, "stall=sdrs.protected_instance.create") },
			Config:    config(""),
			ExpectError: regexp.MustCompile(`(?s)Timeout while creating continuity_sdrs_protected_instance.*creating\s+protected\s+instance.*` +
				`the\s+timeout\s+of\s+1s\s+passed.*status\s+is\s+now\s+"creating".*terraform\s+untaint`),
		},
		resource.TestStep{
			PreConfig: func() { setFaults(t, env, "") },
			Config:    config(""),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionDestroyBeforeCreate),
			}},
			Check: checkSandboxHolds(t, env, map[string]int{"continuity_sdrs_protected_instance": 1}),
		},
		resource.TestStep{
			PreConfig: func() { setFaults(t, env, "stall=sdrs.protected_instance.resize") },
			Config:    config(fmt.Sprintf("  target_server_flavor = %q", flavor)),
			ExpectError: regexp.MustCompile(`(?s)Timeout while updating continuity_sdrs_protected_instance.*resizing.*` +
				`status\s+is\s+now\s+"resizing"`),
		},
		resource.TestStep{
			PreConfig: func() { resizes = mutations(t, env, routeResize) },
			Config:    config(fmt.Sprintf("  target_server_flavor = %q", flavor)),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionUpdate),
				plancheck.ExpectUnknownValue(instanceAddr, tfjsonpath.New("status")),
				thenLiftFaults(t, env),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("target_server_flavor"), knownvalue.StringExact(flavor)),
				statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
			},
			Check: checkSent(t, env, routeResize, 0, &resizes), // none by the resumed apply
		},
	)
}

// A drill imported while it was being created is resumed in place.
func TestAccDrill_resumesCreationInPlace(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{})
	client := acctest.SDRSClientFor(t, env)
	name := randomName()
	var group acctest.ID
	drillID := ""
	config := ownGroupConfig(env, name, "", instanceBlock(name, sandboxServer(env, 2), "")+drillBlock(name, ""))
	ownSandboxTest(t, env,
		resource.TestStep{Config: ownGroupConfig(env, name, "", instanceBlock(name, sandboxServer(env, 2), "")), Check: group.Capture(groupAddr)},
		resource.TestStep{
			PreConfig: func() {
				setFaults(t, env, "stall=sdrs.drill.create")
				jobID, err := client.CreateDrill(context.Background(), model.CreateDisasterRecoveryDrillRequestParams{ServerGroupId: group.Value, Name: name})
				if err != nil {
					t.Fatal(err)
				}
				drills, _, err := client.AllDrills(context.Background(), sdrs.DrillFilter{GroupID: group.Value})
				if err != nil || len(drills) != 1 {
					t.Fatalf("drills after job %s: %v %v", jobID, drills, err)
				}
				drillID = drills[0].Id
			},
			Config:             config,
			ResourceName:       drillAddr,
			ImportState:        true,
			ImportStateIdFunc:  func(*terraform.State) (string, error) { return drillID, nil },
			ImportStatePersist: true,
			ImportStateCheck: func(states []*terraform.InstanceState) error {
				return importedCreating(drillID)(states)
			},
		},
		resource.TestStep{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(drillAddr, plancheck.ResourceActionUpdate),
				thenLiftFaults(t, env),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(drillAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
				statecheck.ExpectKnownValue(drillAddr, tfjsonpath.New("drill_servers"), knownvalue.ListSizeExact(1)),
			},
			Check: checkSent(t, env, routeCreateDrill, 1, nil),
		},
	)
}
