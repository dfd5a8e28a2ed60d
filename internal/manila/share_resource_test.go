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
	shareType     = "continuity_manila_share"
	shareSnapType = "continuity_manila_share_snapshot"
	shareAddr     = shareType + ".test"
	shareSnapAddr = shareSnapType + ".test"
)

// releases are the two Manilas every share test runs against: Newton's
// default sandbox (2.22) and a modern one (2.99), in the same run.
func releases(t *testing.T) map[string]string {
	t.Helper()
	acctest.PreCheckManila(t)
	return map[string]string{
		"newton": acctest.ManilaProviderConfig(acctest.ManilaSettingsFrom(acctest.StartSandbox(t, sandbox.Options{ManilaMaxVersion: "2.22"}))),
		"modern": acctest.ManilaProviderConfig(acctest.ManilaSettingsFrom(acctest.StartSandbox(t, sandbox.Options{ManilaModern: true}))),
	}
}

func shareConfig(provider, name string, size int, extra string) string {
	return provider + fmt.Sprintf(`
data "continuity_manila_share_type" "gold" {
  name = "gold"
}
resource "continuity_manila_share" "test" {
  name          = %q
  share_proto   = "NFS"
  size          = %d
  share_type_id = data.continuity_manila_share_type.gold.id
%s
}
`, name, size, extra)
}

func TestAccShare_lifecycle(t *testing.T) {
	for release, provider := range releases(t) {
		t.Run(release, func(t *testing.T) {
			name := acctest.RandomName("tf-acc-share")
			same := statecheck.CompareValue(compare.ValuesSame())
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{
					{
						Config: shareConfig(provider, name, 1, `metadata = { app = "db" }`),
						ConfigStateChecks: []statecheck.StateCheck{
							same.AddStateValue(shareAddr, tfjsonpath.New("id")),
							statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
							statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("size"), knownvalue.Int64Exact(1)),
							statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("share_type_name"), knownvalue.StringExact("gold")),
							statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("availability_zone"), knownvalue.StringExact("nova")),
							statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("metadata"), knownvalue.MapExact(map[string]knownvalue.Check{"app": knownvalue.StringExact("db")})),
							statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("export_locations").AtSliceIndex(0).AtMapKey("path"),
								knownvalue.StringRegexp(regexp.MustCompile(`^10\.254\.0\.10:/shares/share-`))),
						},
					},
					{ResourceName: shareAddr, ImportState: true, ImportStateVerify: true},
					{
						Config: shareConfig(provider, name+"-renamed", 3, `metadata = { app = "db", tier = "1" }`),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(shareAddr, plancheck.ResourceActionUpdate),
						}},
						ConfigStateChecks: []statecheck.StateCheck{
							same.AddStateValue(shareAddr, tfjsonpath.New("id")),
							statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("size"), knownvalue.Int64Exact(3)),
							statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+"-renamed")),
						},
					},
					{
						Config: shareConfig(provider, name+"-renamed", 2, ``),
						ConfigStateChecks: []statecheck.StateCheck{
							same.AddStateValue(shareAddr, tfjsonpath.New("id")),
							statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("size"), knownvalue.Int64Exact(2)),
							statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("metadata"), knownvalue.Null()),
						},
					},
					{Config: shareConfig(provider, name+"-renamed", 2, ``), PlanOnly: true},
				},
			})
		})
	}
}
