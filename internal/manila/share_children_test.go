package manila_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/manila"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// childrenConfig is a group of groupType with a share, a snapshot of the
// share snapped (a or b), a snapshot of the group, and a replicated share
// with a replica.
func childrenConfig(provider, name, groupTypeName, snapped string) string {
	return provider + fmt.Sprintf(`
data "continuity_manila_share_type" "gold" {
  name = "gold"
}
data "continuity_manila_share_type" "replicated" {
  name = "replicated"
}
data "continuity_manila_share_group_type" "chosen" {
  name = %[2]q
}
resource "continuity_manila_share_group" "test" {
  name                = %[1]q
  share_types         = [data.continuity_manila_share_type.gold.id]
  share_group_type_id = data.continuity_manila_share_group_type.chosen.id
}
resource "continuity_manila_share" "a" {
  name           = "%[1]s-a"
  share_proto    = "NFS"
  size           = 1
  share_type_id  = data.continuity_manila_share_type.gold.id
  share_group_id = continuity_manila_share_group.test.id
}
resource "continuity_manila_share" "b" {
  name          = "%[1]s-b"
  share_proto   = "NFS"
  size          = 1
  share_type_id = data.continuity_manila_share_type.gold.id
}
resource "continuity_manila_share_snapshot" "test" {
  share_id = continuity_manila_share.%[3]s.id
  name     = "snap"
}
resource "continuity_manila_share_group_snapshot" "test" {
  share_group_id = continuity_manila_share_group.test.id
  name           = "group-snap"
  depends_on     = [continuity_manila_share.a]
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
`, name, groupTypeName, snapped)
}

// Share snapshots, share groups, group snapshots and replicas: replaced
// when what they were created with changes, their changes behind
// Terraform's back shown in the plan, and created again when deleted
// behind its back; nothing survives the destroy.
func TestAccShareChildren_replaceDriftDisappears(t *testing.T) {
	r := startRelease(t, sandbox.Options{ManilaModern: true})
	name := acctest.RandomName("tf-acc-children")
	var snap, group, groupSnap, replica acctest.ID
	capture := resource.ComposeTestCheckFunc(snap.Capture(shareSnapAddr), group.Capture(groupAddr), groupSnap.Capture(groupSnapAddr),
		replica.Capture(replicaAddr))
	ctx := context.Background()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: resource.ComposeTestCheckFunc(checkNone(t, r.base, shareKinds), acctest.CheckDestroyed(map[string]acctest.Finder{
			groupType: acctest.Find(r.admin.GetShareGroup), groupSnapType: acctest.Find(r.admin.GetShareGroupSnapshot),
			replicaType: acctest.Find(r.admin.GetReplica), shareSnapType: acctest.Find(r.admin.GetShareSnapshot),
		})),
		Steps: []resource.TestStep{
			{Config: childrenConfig(r.provider, name, "default", "a"), Check: capture},
			{ResourceName: shareSnapAddr, ImportState: true, ImportStateVerify: true},
			{ResourceName: replicaAddr, ImportState: true, ImportStateVerify: true},
			{
				// Renamed behind Terraform's back.
				PreConfig: func() {
					other := "tampered"
					if _, err := r.user.UpdateShareGroup(ctx, group.Value, manila.NameUpdate{Name: &other}); err != nil {
						t.Fatal(err)
					}
					if _, err := r.user.UpdateShareGroupSnapshot(ctx, groupSnap.Value, manila.NameUpdate{Name: &other}); err != nil {
						t.Fatal(err)
					}
					if _, err := r.user.UpdateShareSnapshot(ctx, snap.Value, &other, nil); err != nil {
						t.Fatal(err)
					}
				},
				Config: childrenConfig(r.provider, name, "default", "a"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(groupSnapAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(shareSnapAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(groupAddr, tfjsonpath.New("name"), knownvalue.StringExact(name)),
				}},
			},
			{
				// Deleted behind Terraform's back.
				PreConfig: func() {
					if err := r.user.DeleteShareSnapshot(ctx, snap.Value); err != nil {
						t.Fatal(err)
					}
					if err := r.user.DeleteShareGroupSnapshot(ctx, groupSnap.Value); err != nil {
						t.Fatal(err)
					}
					if err := r.user.DeleteReplica(ctx, replica.Value); err != nil {
						t.Fatal(err)
					}
					waitDeleted(t, snap.Value, r.user.GetShareSnapshot, func(s *manila.ShareSnapshot) string { return s.Status })
					waitDeleted(t, groupSnap.Value, r.user.GetShareGroupSnapshot, func(s *manila.ShareGroupSnapshot) string { return s.Status })
					waitDeleted(t, replica.Value, r.user.GetReplica, func(x *manila.ShareReplica) string { return x.Status })
				},
				Config: childrenConfig(r.provider, name, "default", "a"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(shareSnapAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction(groupSnapAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction(replicaAddr, plancheck.ResourceActionCreate),
				}},
			},
			{
				// Another share for the snapshot, another group type for
				// the group: both replaced (and the group's share and
				// snapshot with it).
				Config: childrenConfig(r.provider, name, "consistent", "b"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(shareSnapAddr, plancheck.ResourceActionDestroyBeforeCreate),
					plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionDestroyBeforeCreate),
					plancheck.ExpectResourceAction(shareType+".a", plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("consistent_snapshot_support"), knownvalue.StringExact("host")),
				},
			},
			{Config: childrenConfig(r.provider, name, "consistent", "b"), PlanOnly: true},
		},
	})
}
