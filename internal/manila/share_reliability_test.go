package manila_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/continuity-dr/terraform-provider-continuity/internal/manila"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// everyShareObject is a share group with a share in it, a snapshot of that
// share, a snapshot of the group, a group restored from it, a replicated
// share and a replica of it: every new resource that creates (7 objects
// in the state; the restored group's share and the replicated share's
// first replica come with them).
func everyShareObject(provider, name string) string {
	return provider + fmt.Sprintf(`
data "continuity_manila_share_type" "gold" {
  name = "gold"
}
data "continuity_manila_share_type" "replicated" {
  name = "replicated"
}
resource "continuity_manila_share_group" "test" {
  name        = %[1]q
  share_types = [data.continuity_manila_share_type.gold.id]
}
resource "continuity_manila_share" "test" {
  name           = "%[1]s-db"
  share_proto    = "NFS"
  size           = 1
  share_type_id  = data.continuity_manila_share_type.gold.id
  share_group_id = continuity_manila_share_group.test.id
}
resource "continuity_manila_share_snapshot" "test" {
  share_id = continuity_manila_share.test.id
  name     = "%[1]s-snap"
}
resource "continuity_manila_share_group_snapshot" "test" {
  share_group_id = continuity_manila_share_group.test.id
  name           = "%[1]s-group-snap"
  depends_on     = [continuity_manila_share.test]
}
resource "continuity_manila_share_group" "restored" {
  name                           = "%[1]s-restored"
  source_share_group_snapshot_id = continuity_manila_share_group_snapshot.test.id
}
resource "continuity_manila_share" "archive" {
  name          = "%[1]s-archive"
  share_proto   = "NFS"
  size          = 1
  share_type_id = data.continuity_manila_share_type.replicated.id
}
resource "continuity_manila_share_replica" "dr" {
  share_id          = continuity_manila_share.archive.id
  availability_zone = "nova-dr"
}
`, name)
}

// testShareAdoption applies everyShareObject under faults on a modern
// sandbox of its own, and checks that it holds exactly the state's objects.
func testShareAdoption(t *testing.T, faults string, check func(base string) resource.TestCheckFunc) {
	acctest.PreCheckManila(t)
	env := acctest.StartSandbox(t, sandbox.Options{ManilaModern: true})
	base := sandboxBase(env)
	provider := acctest.ManilaProviderConfig(acctest.ManilaSettingsFrom(env))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkNone(t, base, shareKinds),
		Steps: []resource.TestStep{{
			PreConfig: func() { setFaults(t, base, faults) },
			Config:    everyShareObject(provider, acctest.RandomName("tf-acc-adopt-share")),
			Check: resource.ComposeAggregateTestCheckFunc(
				checkHeld(t, base, shareKinds, 7),
				resource.TestCheckResourceAttr(replicaType+".dr", "replica_state", "in_sync"),
				resource.TestCheckResourceAttr(groupType+".restored", "status", "available"),
				check(base),
			),
		}},
	})
}

// Every creation's answer is lost (the server creates, then the connection
// is closed): each create looks its object up and adopts it.
func TestAccShareAdoption_everyAnswerLost(t *testing.T) {
	testShareAdoption(t, "reset_after=1,route=POST /v2/", func(base string) resource.TestCheckFunc {
		return checkFaults(t, base, "reset_after")
	})
}

// Creations answered with a 5xx before the server acted are sent again,
// and make one object each.
func TestAccShareAdoption_serverErrorsRepeatTheCreate(t *testing.T) {
	testShareAdoption(t, "5xx=0.5,seed=21,route=POST /v2/", func(base string) resource.TestCheckFunc {
		return checkFaults(t, base, "5xx")
	})
}

// Shares, groups and replicas that Terraform takes over while their
// creation is under way (as after an interrupted apply) are resumed in
// place: the plan is an update that waits, and nothing is created again.
func TestAccShareResume_creationInPlace(t *testing.T) {
	acctest.PreCheckManila(t)
	env := acctest.StartSandbox(t, sandbox.Options{ManilaModern: true})
	base := sandboxBase(env)
	client := acctest.NewManilaClient(t, acctest.ManilaSettingsFrom(env))
	ctx := context.Background()
	gold := acctest.SandboxEnv(t, acctest.EnvManilaShareTypeGoldID)
	replicated := acctest.SandboxEnv(t, acctest.EnvManilaShareTypeReplicatedID)
	name := acctest.RandomName("tf-acc-resume-share")

	archive, err := client.CreateShare(ctx, manila.ShareCreate{Name: name + "-archive", ShareProto: "NFS", Size: 1, ShareTypeID: replicated})
	if err != nil {
		t.Fatal(err)
	}
	waitStatus(t, archive.ID, "available", client.GetShare, shareStatus)
	setFaults(t, base, "stall=manila.share.create,stall=manila.share_group.create,stall=manila.share_replica.create")
	group, err := client.CreateShareGroup(ctx, manila.ShareGroupCreate{Name: &name, ShareTypes: []string{gold}})
	if err != nil {
		t.Fatal(err)
	}
	share, err := client.CreateShare(ctx, manila.ShareCreate{Name: name, ShareProto: "NFS", Size: 1, ShareTypeID: gold})
	if err != nil {
		t.Fatal(err)
	}
	replica, err := client.CreateReplica(ctx, archive.ID, "nova-dr", "")
	if err != nil {
		t.Fatal(err)
	}
	config := acctest.ManilaProviderConfig(acctest.ManilaSettingsFrom(env)) + fmt.Sprintf(`
import {
  to = continuity_manila_share_group.test
  id = %[2]q
}
import {
  to = continuity_manila_share.test
  id = %[3]q
}
import {
  to = continuity_manila_share.archive
  id = %[6]q
}
import {
  to = continuity_manila_share_replica.dr
  id = %[4]q
}
resource "continuity_manila_share_group" "test" {
  name        = %[1]q
  share_types = [%[5]q]
}
resource "continuity_manila_share" "test" {
  name          = %[1]q
  share_proto   = "NFS"
  size          = 1
  share_type_id = %[5]q
}
resource "continuity_manila_share" "archive" {
  name          = "%[1]s-archive"
  share_proto   = "NFS"
  size          = 1
  share_type_id = %[7]q
}
resource "continuity_manila_share_replica" "dr" {
  share_id          = continuity_manila_share.archive.id
  availability_zone = "nova-dr"
}
`, name, group.ID, share.ID, replica.ID, gold, archive.ID, replicated)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkNone(t, base, shareKinds),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(groupType+".test", plancheck.ResourceActionUpdate),
				plancheck.ExpectResourceAction(shareType+".test", plancheck.ResourceActionUpdate),
				plancheck.ExpectResourceAction(replicaType+".dr", plancheck.ResourceActionUpdate),
				plancheck.ExpectUnknownValue(shareType+".test", tfjsonpath.New("status")),
				liftFaults{t: t, base: base},
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(groupType+".test", tfjsonpath.New("status"), knownvalue.StringExact("available")),
				statecheck.ExpectKnownValue(shareType+".test", tfjsonpath.New("status"), knownvalue.StringExact("available")),
				statecheck.ExpectKnownValue(replicaType+".dr", tfjsonpath.New("replica_state"), knownvalue.StringExact("in_sync")),
			},
			Check: resource.ComposeAggregateTestCheckFunc(checkHeld(t, base, shareKinds, 4), checkRequests(t, base, map[string]int64{
				"POST /v2/{project_id}/shares": 2, "POST /v2/{project_id}/share-groups": 1, "POST /v2/{project_id}/share-replicas": 1,
			})),
		}},
	})
}

func shareStatus(s *manila.Share) string { return s.Status }

// timeoutCase is one share object of TestAccShareObjects_timeoutsAndInterruptedDelete:
// its address, its operations' prefix in the sandbox's faults, its DELETE
// route, its configuration with timeouts (and its parent), and how many
// objects that configuration holds.
type timeoutCase struct {
	addr, op, deleteRoute string
	config                func(provider, name, timeouts string) string
	held                  int
}

var timeoutCases = map[string]timeoutCase{
	"share": {shareAddr, "manila.share", "DELETE /v2/{project_id}/shares/{id}",
		func(provider, name, timeouts string) string { return shareConfig(provider, name, 1, timeouts) }, 1},
	"share snapshot": {shareSnapAddr, "manila.share_snapshot", "DELETE /v2/{project_id}/snapshots/{id}",
		func(provider, name, timeouts string) string {
			return shareConfig(provider, name, 1, "") + fmt.Sprintf(`
resource "continuity_manila_share_snapshot" "test" {
  share_id = continuity_manila_share.test.id
  name     = %q
  %s
}
`, name, timeouts)
		}, 2},
	"share group": {groupAddr, "manila.share_group", "DELETE /v2/{project_id}/share-groups/{id}",
		func(provider, name, timeouts string) string {
			return provider + fmt.Sprintf(`
data "continuity_manila_share_type" "gold" {
  name = "gold"
}
resource "continuity_manila_share_group" "test" {
  name        = %q
  share_types = [data.continuity_manila_share_type.gold.id]
  %s
}
`, name, timeouts)
		}, 1},
	"share group snapshot": {groupSnapAddr, "manila.share_group_snapshot", "DELETE /v2/{project_id}/share-group-snapshots/{id}",
		func(provider, name, timeouts string) string {
			return provider + fmt.Sprintf(`
data "continuity_manila_share_type" "gold" {
  name = "gold"
}
resource "continuity_manila_share_group" "parent" {
  name        = %[1]q
  share_types = [data.continuity_manila_share_type.gold.id]
}
resource "continuity_manila_share_group_snapshot" "test" {
  share_group_id = continuity_manila_share_group.parent.id
  name           = %[1]q
  %[2]s
}
`, name, timeouts)
		}, 2},
	"share replica": {replicaAddr, "manila.share_replica", "DELETE /v2/{project_id}/share-replicas/{id}", replicaWith, 2},
}

// A share snapshot and a share group snapshot that Terraform takes over
// while their creation is under way are resumed in place: the plan is an
// update that waits, and neither is created again nor renamed.
func TestAccShareResume_snapshotsInPlace(t *testing.T) {
	acctest.PreCheckManila(t)
	env := acctest.StartSandbox(t, sandbox.Options{ManilaModern: true})
	base := sandboxBase(env)
	client := acctest.NewManilaClient(t, acctest.ManilaSettingsFrom(env))
	ctx := context.Background()
	gold := acctest.SandboxEnv(t, acctest.EnvManilaShareTypeGoldID)
	name := acctest.RandomName("tf-acc-resume-snap")

	group, err := client.CreateShareGroup(ctx, manila.ShareGroupCreate{Name: &name, ShareTypes: []string{gold}})
	if err != nil {
		t.Fatal(err)
	}
	waitStatus(t, group.ID, "available", client.GetShareGroup, func(g *manila.ShareGroup) string { return g.Status })
	share, err := client.CreateShare(ctx, manila.ShareCreate{Name: name, ShareProto: "NFS", Size: 1, ShareTypeID: gold})
	if err != nil {
		t.Fatal(err)
	}
	waitStatus(t, share.ID, "available", client.GetShare, shareStatus)
	setFaults(t, base, "stall=manila.share_snapshot.create,stall=manila.share_group_snapshot.create")
	snap, err := client.CreateShareSnapshot(ctx, share.ID, name+"-snap", "")
	if err != nil {
		t.Fatal(err)
	}
	groupSnap, err := client.CreateShareGroupSnapshot(ctx, manila.ShareGroupSnapshotCreate{ShareGroupID: group.ID, Name: conv.Ptr(name + "-group-snap")})
	if err != nil {
		t.Fatal(err)
	}
	config := acctest.ManilaProviderConfig(acctest.ManilaSettingsFrom(env)) +
		imports(groupAddr, group.ID, shareAddr, share.ID, shareSnapAddr, snap.ID, groupSnapAddr, groupSnap.ID) + fmt.Sprintf(`
resource "continuity_manila_share_group" "test" {
  name        = %[1]q
  share_types = [%[2]q]
}
resource "continuity_manila_share" "test" {
  name          = %[1]q
  share_proto   = "NFS"
  size          = 1
  share_type_id = %[2]q
}
resource "continuity_manila_share_snapshot" "test" {
  share_id = continuity_manila_share.test.id
  name     = "%[1]s-snap"
}
resource "continuity_manila_share_group_snapshot" "test" {
  share_group_id = continuity_manila_share_group.test.id
  name           = "%[1]s-group-snap"
}
`, name, gold)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkNone(t, base, shareKinds),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(shareSnapAddr, plancheck.ResourceActionUpdate),
				plancheck.ExpectResourceAction(groupSnapAddr, plancheck.ResourceActionUpdate),
				plancheck.ExpectUnknownValue(shareSnapAddr, tfjsonpath.New("status")),
				plancheck.ExpectUnknownValue(groupSnapAddr, tfjsonpath.New("status")),
				liftFaults{t: t, base: base},
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(shareSnapAddr, tfjsonpath.New("id"), knownvalue.StringExact(snap.ID)),
				statecheck.ExpectKnownValue(shareSnapAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
				statecheck.ExpectKnownValue(groupSnapAddr, tfjsonpath.New("id"), knownvalue.StringExact(groupSnap.ID)),
				statecheck.ExpectKnownValue(groupSnapAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
			},
			// The creations were awaited, not repeated nor renamed.
			Check: resource.ComposeAggregateTestCheckFunc(checkHeld(t, base, shareKinds, 4), checkRequests(t, base, map[string]int64{
				"POST /v2/{project_id}/snapshots": 1, "POST /v2/{project_id}/share-group-snapshots": 1,
				"PUT /v2/{project_id}/snapshots/{id}": 0, "PUT /v2/{project_id}/share-group-snapshots/{id}": 0,
			})),
		}},
	})
}

// For every share object (share, share snapshot, share group, group
// snapshot, replica): a create timeout bounds the wait, the object stays
// in the state, tainted, and the next apply replaces it; a destroy that
// timed out while it was deleting is resumed by the next one, which sends
// no second DELETE.
func TestAccShareObjects_timeoutsAndInterruptedDelete(t *testing.T) {
	acctest.PreCheckManila(t)
	for name, tc := range timeoutCases {
		t.Run(name, func(t *testing.T) {
			env := acctest.StartSandbox(t, sandbox.Options{ManilaModern: true})
			base := sandboxBase(env)
			provider := acctest.ManilaProviderConfig(acctest.ManilaSettingsFrom(env))
			objName := acctest.RandomName("tf-acc-timeout")
			typeName := strings.SplitN(tc.addr, ".", 2)[0]
			config := func(timeouts string) string { return tc.config(provider, objName, timeouts) }
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             checkNone(t, base, shareKinds),
				Steps: []resource.TestStep{
					{
						PreConfig: func() { setFaults(t, base, "stall="+tc.op+".create") },
						Config:    config(`timeouts = { create = "1s" }`),
						ExpectError: regexp.MustCompile(`(?s)Timeout while waiting for the .* of ` + typeName + `.*` +
							`the\s+timeout\s+of\s+1s\s+passed.*last\s+state\s+"creating".*terraform\s+untaint`),
					},
					{
						RefreshState:       true,
						ExpectNonEmptyPlan: true,
						Check: resource.ComposeAggregateTestCheckFunc(
							resource.TestCheckResourceAttr(tc.addr, "status", "creating"),
							func(s *terraform.State) error {
								if !s.RootModule().Resources[tc.addr].Primary.Tainted {
									return fmt.Errorf("%s is not tainted", tc.addr)
								}
								return nil
							},
						),
					},
					{
						PreConfig: func() { setFaults(t, base, "") },
						Config:    config(`timeouts = { delete = "1s" }`),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(tc.addr, plancheck.ResourceActionReplace),
						}},
						Check: checkHeld(t, base, shareKinds, tc.held),
					},
					{
						PreConfig: func() { setFaults(t, base, "stall="+tc.op+".delete") },
						Config:    config(`timeouts = { delete = "1s" }`),
						Destroy:   true,
						ExpectError: regexp.MustCompile(`(?s)Timeout while waiting for the deletion of ` + typeName + `.*` +
							`last\s+state\s+"deleting"`),
					},
					{
						Config:  config(`timeouts = { delete = "1s" }`),
						Destroy: true,
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(tc.addr, plancheck.ResourceActionDestroy),
							liftFaults{t: t, base: base},
						}},
					},
					{
						Config: provider,
						Check: resource.ComposeAggregateTestCheckFunc(checkNone(t, base, shareKinds),
							checkRequests(t, base, map[string]int64{tc.deleteRoute: 2})),
					},
				},
			})
		})
	}
}
