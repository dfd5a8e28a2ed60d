package manila_test

import (
	"fmt"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const (
	restoredShareAddr = shareType + ".restored"
	secondSnapAddr    = shareSnapType + ".second"
	restoredShareData = "data." + shareType + ".restored"
)

// fromSnapshotConfig is a share of the gold type with two snapshots (the
// first named snapName), a share of size 2 created from the
// snapshot from ("test" or "second"), and the share data source reading
// the restored share by its name.
func fromSnapshotConfig(provider, name, snapName, from string) string {
	return provider + fmt.Sprintf(`
data "continuity_manila_share_type" "gold" {
  name = "gold"
}
resource "continuity_manila_share" "test" {
  name          = %[1]q
  share_proto   = "NFS"
  size          = 1
  share_type_id = data.continuity_manila_share_type.gold.id
}
resource "continuity_manila_share_snapshot" "test" {
  share_id    = continuity_manila_share.test.id
  name        = %[2]q
  description = "before the upgrade"
}
resource "continuity_manila_share_snapshot" "second" {
  share_id   = continuity_manila_share.test.id
  name       = "%[1]s-second"
  depends_on = [continuity_manila_share_snapshot.test]
}
resource "continuity_manila_share" "restored" {
  name        = "%[1]s-restored"
  share_proto = "NFS"
  size        = 2
  snapshot_id = continuity_manila_share_snapshot.%[3]s.id
}
data "continuity_manila_share" "restored" {
  name = continuity_manila_share.restored.name
}
`, name, snapName, from)
}

// A share snapshot on Newton (2.22) and on a modern Manila: created,
// imported, renamed in place; a share created from it (snapshot_id) has
// the snapshot's share's type and network, the size asked for, and is
// replaced when snapshot_id names another snapshot; the share data source
// reads it.
func TestAccShareSnapshot_lifecycleAndShareFromSnapshot(t *testing.T) {
	for release, r := range bothReleases(t) {
		t.Run(release, func(t *testing.T) {
			name := acctest.RandomName("tf-acc-from-snap")
			sameSnap := statecheck.CompareValue(compare.ValuesSame())
			sameRestored := statecheck.CompareValue(compare.ValuesDiffer())
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             resource.ComposeTestCheckFunc(shareDestroyed(r), checkNone(t, r.base, shareKinds)),
				Steps: []resource.TestStep{
					{
						Config: fromSnapshotConfig(r.provider, name, name+"-snap", "test"),
						ConfigStateChecks: []statecheck.StateCheck{
							sameSnap.AddStateValue(shareSnapAddr, tfjsonpath.New("id")),
							sameRestored.AddStateValue(restoredShareAddr, tfjsonpath.New("id")),
							statecheck.ExpectKnownValue(shareSnapAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
							statecheck.ExpectKnownValue(shareSnapAddr, tfjsonpath.New("size"), knownvalue.Int64Exact(1)),
							statecheck.ExpectKnownValue(shareSnapAddr, tfjsonpath.New("share_size"), knownvalue.Int64Exact(1)),
							statecheck.ExpectKnownValue(shareSnapAddr, tfjsonpath.New("share_proto"), knownvalue.StringExact("NFS")),
							statecheck.ExpectKnownValue(shareSnapAddr, tfjsonpath.New("description"), knownvalue.StringExact("before the upgrade")),
							statecheck.ExpectKnownValue(shareSnapAddr, tfjsonpath.New("created_at"), knownvalue.StringRegexp(createdAtRe)),
							statecheck.CompareValuePairs(shareSnapAddr, tfjsonpath.New("share_id"), shareAddr, tfjsonpath.New("id"), compare.ValuesSame()),
							statecheck.ExpectKnownValue(restoredShareAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
							statecheck.ExpectKnownValue(restoredShareAddr, tfjsonpath.New("size"), knownvalue.Int64Exact(2)),
							statecheck.ExpectKnownValue(restoredShareAddr, tfjsonpath.New("share_proto"), knownvalue.StringExact("NFS")),
							statecheck.ExpectKnownValue(restoredShareAddr, tfjsonpath.New("share_type_name"), knownvalue.StringExact("gold")),
							statecheck.CompareValuePairs(restoredShareAddr, tfjsonpath.New("snapshot_id"), shareSnapAddr, tfjsonpath.New("id"), compare.ValuesSame()),
							statecheck.CompareValuePairs(restoredShareAddr, tfjsonpath.New("share_type_id"), shareAddr, tfjsonpath.New("share_type_id"), compare.ValuesSame()),
							statecheck.CompareValuePairs(restoredShareAddr, tfjsonpath.New("availability_zone"), shareAddr, tfjsonpath.New("availability_zone"), compare.ValuesSame()),
							statecheck.ExpectKnownValue(restoredShareAddr, tfjsonpath.New("export_locations"), knownvalue.ListSizeExact(1)),
							// The data source reads the restored share.
							statecheck.CompareValuePairs(restoredShareData, tfjsonpath.New("id"), restoredShareAddr, tfjsonpath.New("id"), compare.ValuesSame()),
							statecheck.CompareValuePairs(restoredShareData, tfjsonpath.New("snapshot_id"), shareSnapAddr, tfjsonpath.New("id"), compare.ValuesSame()),
							statecheck.ExpectKnownValue(restoredShareData, tfjsonpath.New("size"), knownvalue.Int64Exact(2)),
							statecheck.ExpectKnownValue(restoredShareData, tfjsonpath.New("share_proto"), knownvalue.StringExact("NFS")),
							statecheck.ExpectKnownValue(restoredShareData, tfjsonpath.New("status"), knownvalue.StringExact("available")),
							statecheck.ExpectKnownValue(restoredShareData, tfjsonpath.New("share_type_name"), knownvalue.StringExact("gold")),
							statecheck.ExpectKnownValue(restoredShareData, tfjsonpath.New("export_locations"), knownvalue.ListSizeExact(1)),
						},
					},
					{ResourceName: shareSnapAddr, ImportState: true, ImportStateVerify: true},
					{ResourceName: restoredShareAddr, ImportState: true, ImportStateVerify: true},
					{
						// Renamed in place.
						Config: fromSnapshotConfig(r.provider, name, name+"-renamed", "test"),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(shareSnapAddr, plancheck.ResourceActionUpdate),
							plancheck.ExpectResourceAction(restoredShareAddr, plancheck.ResourceActionNoop),
						}},
						ConfigStateChecks: []statecheck.StateCheck{
							sameSnap.AddStateValue(shareSnapAddr, tfjsonpath.New("id")),
							statecheck.ExpectKnownValue(shareSnapAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+"-renamed")),
						},
					},
					{
						// Another source snapshot replaces the share.
						Config: fromSnapshotConfig(r.provider, name, name+"-renamed", "second"),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(restoredShareAddr, plancheck.ResourceActionDestroyBeforeCreate),
						}},
						ConfigStateChecks: []statecheck.StateCheck{
							sameRestored.AddStateValue(restoredShareAddr, tfjsonpath.New("id")),
							statecheck.CompareValuePairs(restoredShareAddr, tfjsonpath.New("snapshot_id"), secondSnapAddr, tfjsonpath.New("id"), compare.ValuesSame()),
							statecheck.ExpectKnownValue(restoredShareAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
						},
					},
					{Config: fromSnapshotConfig(r.provider, name, name+"-renamed", "second"), PlanOnly: true},
				},
			})
		})
	}
}
