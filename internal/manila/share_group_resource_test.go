package manila_test

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
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const (
	groupType        = "continuity_manila_share_group"
	groupSnapType    = "continuity_manila_share_group_snapshot"
	groupAddr        = groupType + ".test"
	restoredGroupAdr = groupType + ".restored"
	groupSnapAddr    = groupSnapType + ".test"
)

// modernProvider starts a modern sandbox (2.99) and returns its provider block.
func modernProvider(t *testing.T) string {
	t.Helper()
	acctest.PreCheckManila(t)
	return acctest.ManilaProviderConfig(acctest.ManilaSettingsFrom(acctest.StartSandbox(t, sandbox.Options{ManilaModern: true})))
}

// groupConfig is a group of the gold type with three shares in it, and
// extra (a snapshot, a restore).
func groupConfig(provider, name, description, extra string) string {
	return provider + fmt.Sprintf(`
data "continuity_manila_share_type" "gold" {
  name = "gold"
}
resource "continuity_manila_share_group" "test" {
  name        = %[1]q
  description = %[2]q
  share_types = [data.continuity_manila_share_type.gold.id]
}
resource "continuity_manila_share" "db" {
  count          = 3
  name           = "%[1]s-${["tables", "wal", "config"][count.index]}"
  share_proto    = "NFS"
  size           = 1
  share_type_id  = data.continuity_manila_share_type.gold.id
  share_group_id = continuity_manila_share_group.test.id
}
%[3]s
`, name, description, extra)
}

const groupSnapshotAndRestore = `
resource "continuity_manila_share_group_snapshot" "test" {
  share_group_id = continuity_manila_share_group.test.id
  name           = "nightly"
  depends_on     = [continuity_manila_share.db]
}
resource "continuity_manila_share_group" "restored" {
  name                           = "restored"
  source_share_group_snapshot_id = continuity_manila_share_group_snapshot.test.id
}
data "continuity_manila_shares" "restored" {
  share_group_id = continuity_manila_share_group.restored.id
}
`

func TestAccShareGroup_lifecycle(t *testing.T) {
	provider := modernProvider(t)
	name := acctest.RandomName("tf-acc-sg")
	same := statecheck.CompareValue(compare.ValuesSame())
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: groupConfig(provider, name, "db", ""),
				ConfigStateChecks: []statecheck.StateCheck{
					same.AddStateValue(groupAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("availability_zone"), knownvalue.StringExact("nova")),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("share_group_type_id"), knownvalue.StringRegexp(uuidRe)),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("consistent_snapshot_support"), knownvalue.StringExact("pool")),
					statecheck.CompareValuePairs(shareType+`.db[1]`, tfjsonpath.New("share_group_id"), groupAddr, tfjsonpath.New("id"), compare.ValuesSame()),
				},
			},
			{ResourceName: groupAddr, ImportState: true, ImportStateVerify: true},
			{
				Config: groupConfig(provider, name+"-renamed", "renamed", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					same.AddStateValue(groupAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+"-renamed")),
				},
			},
			{
				Config: groupConfig(provider, name+"-renamed", "renamed", groupSnapshotAndRestore),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(groupSnapAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
					statecheck.ExpectKnownValue(groupSnapAddr, tfjsonpath.New("members"), knownvalue.ListSizeExact(3)),
					statecheck.ExpectKnownValue(restoredGroupAdr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
					statecheck.CompareValuePairs(restoredGroupAdr, tfjsonpath.New("host"), groupAddr, tfjsonpath.New("host"), compare.ValuesSame()),
					statecheck.ExpectKnownValue("data.continuity_manila_shares.restored", tfjsonpath.New("shares"), knownvalue.ListSizeExact(3)),
					statecheck.ExpectKnownValue("data.continuity_manila_shares.restored", tfjsonpath.New("shares").AtSliceIndex(0).AtMapKey("export_locations").AtSliceIndex(0).AtMapKey("path"),
						knownvalue.StringRegexp(regexp.MustCompile(`:/shares/share-`))),
				},
			},
			{ResourceName: groupSnapAddr, ImportState: true, ImportStateVerify: true},
			{ResourceName: restoredGroupAdr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"force_delete"}},
			{Config: groupConfig(provider, name+"-renamed", "renamed", groupSnapshotAndRestore), PlanOnly: true},
		},
	})
}
