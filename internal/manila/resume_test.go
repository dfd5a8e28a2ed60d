package manila_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/continuity-dr/terraform-provider-continuity/internal/manila"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// A group and a snapshot that Terraform takes over while their creation
// is under way (as after an interrupted apply, or a timed-out one that was
// untainted: in the state, not tainted, status creating) are resumed in
// place: the plan is an update, which waits for the creations instead of
// replacing or repeating them. The stall holds both creations through the
// refresh and the plan; the plan check lifts it before the apply.
func TestAccResume_creationInPlace(t *testing.T) {
	acctest.PreCheckManila(t)
	env := acctest.StartSandbox(t, sandbox.Options{})
	base := sandboxBase(env)
	client := acctest.NewManilaClient(t, acctest.ManilaSettingsFrom(env))
	ctx := context.Background()
	gold := acctest.SandboxEnv(t, acctest.EnvManilaShareTypeGoldID)
	name := acctest.RandomName("tf-acc-resume")

	source, err := client.CreateConsistencyGroup(ctx, manila.ConsistencyGroupCreate{Name: conv.Ptr(name), ShareTypes: []string{gold}})
	if err != nil {
		t.Fatal(err)
	}
	waitStatus(t, source.ID, "available", client.GetConsistencyGroup, cgStatus)
	setFaults(t, base, "stall=manila.consistency_group.create,stall=manila.consistency_group_snapshot.create")
	snap, err := client.CreateCGSnapshot(ctx, manila.CGSnapshotCreate{ConsistencyGroupID: source.ID, Name: conv.Ptr(name + "-snap")})
	if err != nil {
		t.Fatal(err)
	}
	other, err := client.CreateConsistencyGroup(ctx, manila.ConsistencyGroupCreate{Name: conv.Ptr(name + "-other"), ShareTypes: []string{gold}})
	if err != nil {
		t.Fatal(err)
	}
	config := acctest.ManilaProviderConfig(acctest.ManilaSettingsFrom(env)) + fmt.Sprintf(`
import {
  to = continuity_manila_consistency_group.test
  id = %[2]q
}
import {
  to = continuity_manila_consistency_group_snapshot.test
  id = %[3]q
}
import {
  to = continuity_manila_consistency_group.other
  id = %[4]q
}
resource "continuity_manila_consistency_group" "test" {
  name        = %[1]q
  share_types = [%[5]q]
}
resource "continuity_manila_consistency_group_snapshot" "test" {
  consistency_group_id = continuity_manila_consistency_group.test.id
  name                 = "%[1]s-snap"
}
resource "continuity_manila_consistency_group" "other" {
  name        = "%[1]s-other"
  share_types = [%[5]q]
}
`, name, source.ID, snap.ID, other.ID, gold)
	const otherAddr = cgType + ".other"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkSandboxEmpty(t, base),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(cgAddr, plancheck.ResourceActionNoop),
				plancheck.ExpectResourceAction(snapAddr, plancheck.ResourceActionUpdate),
				plancheck.ExpectResourceAction(otherAddr, plancheck.ResourceActionUpdate),
				plancheck.ExpectUnknownValue(snapAddr, tfjsonpath.New("status")),
				plancheck.ExpectUnknownValue(otherAddr, tfjsonpath.New("host")),
				liftFaults{t: t, base: base},
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(snapAddr, tfjsonpath.New("id"), knownvalue.StringExact(snap.ID)),
				statecheck.ExpectKnownValue(snapAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
				statecheck.ExpectKnownValue(otherAddr, tfjsonpath.New("id"), knownvalue.StringExact(other.ID)),
				statecheck.ExpectKnownValue(otherAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
				statecheck.ExpectKnownValue(otherAddr, tfjsonpath.New("host"), knownvalue.NotNull()),
			},
			// The creations were awaited, not repeated nor renamed.
			Check: resource.ComposeAggregateTestCheckFunc(checkSandboxHolds(t, base, 3), checkRequests(t, base, map[string]int64{
				"POST /v2/{project_id}/consistency-groups": 2, "POST /v2/{project_id}/cgsnapshots": 1,
				"PUT /v2/{project_id}/consistency-groups/{id}": 0, "PUT /v2/{project_id}/cgsnapshots/{id}": 0,
			})),
		}},
	})
}

// A destroy that timed out while the group was deleting leaves it in the
// state; the next destroy finds it deleting and only waits for the end of
// the deletion: it sends no second DELETE, which Manila would refuse.
func TestAccResume_interruptedDelete(t *testing.T) {
	acctest.PreCheckManila(t)
	env := acctest.StartSandbox(t, sandbox.Options{})
	base := sandboxBase(env)
	provider := acctest.ManilaProviderConfig(acctest.ManilaSettingsFrom(env))
	config := provider + fmt.Sprintf(`
data "continuity_manila_share_type" "gold" {
  name = "gold"
}
resource "continuity_manila_consistency_group" "test" {
  name        = %q
  share_types = [data.continuity_manila_share_type.gold.id]
  timeouts    = { delete = "1s" }
}
resource "continuity_manila_consistency_group_snapshot" "test" {
  consistency_group_id = continuity_manila_consistency_group.test.id
  timeouts             = { delete = "1s" }
}
`, acctest.RandomName("tf-acc-resume-delete"))
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkSandboxEmpty(t, base),
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig: func() { setFaults(t, base, "stall=manila.consistency_group_snapshot.delete") },
				Config:    config,
				Destroy:   true,
				ExpectError: regexp.MustCompile(`(?s)Timeout while waiting for the deletion of continuity_manila_consistency_group_snapshot.*` +
					`the\s+timeout\s+of\s+1s\s+passed.*last\s+state\s+"deleting".*apply\s+again\s+to\s+resume`),
			},
			{
				// The refresh finds the snapshot still deleting. (No Check:
				// in a destroy step it would refresh once more after the
				// plan check lifted the stall.)
				Config:  config,
				Destroy: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(snapAddr, plancheck.ResourceActionDestroy),
					liftFaults{t: t, base: base},
				}},
			},
			{
				// Nothing is left, and the snapshot had one DELETE: the
				// second destroy only waited.
				Config: provider,
				Check: resource.ComposeAggregateTestCheckFunc(checkSandboxEmpty(t, base),
					checkRequests(t, base, map[string]int64{"DELETE /v2/{project_id}/cgsnapshots/{id}": 1})),
			},
		},
	})
}
