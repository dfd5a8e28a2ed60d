package manila_test

import (
	"context"
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
	"github.com/hashicorp/terraform-plugin-testing/terraform"
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

// networkShareConfig is a share of the default type (its
// driver_handles_share_servers is true) on the fixture share network
// sn-default, described by description.
func networkShareConfig(provider, name, description string) string {
	return provider + lookups + fmt.Sprintf(`
resource "continuity_manila_share" "test" {
  name             = %q
  description      = %q
  share_proto      = "NFS"
  size             = 1
  share_type_id    = data.continuity_manila_share_type.default.id
  share_network_id = data.continuity_manila_share_network.default.id
}
`, name, description)
}

// A share of a type that handles share servers, on a share network (the
// path of the point-in-time-restore guide), on Newton and on a modern
// Manila: its network and description are the API's, the description
// changes in place, and the same share without a network is refused by
// Manila with the provider's advice.
func TestAccShare_onShareNetwork(t *testing.T) {
	for release, r := range bothReleases(t) {
		t.Run(release, func(t *testing.T) {
			name := acctest.RandomName("tf-acc-share-net")
			same := statecheck.CompareValue(compare.ValuesSame())
			network := acctest.SandboxEnv(t, acctest.EnvManilaShareNetworkID)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             resource.ComposeTestCheckFunc(shareDestroyed(r), checkNone(t, r.base, shareKinds)),
				Steps: []resource.TestStep{
					{
						Config: networkShareConfig(r.provider, name, "PostgreSQL tables"),
						ConfigStateChecks: []statecheck.StateCheck{
							same.AddStateValue(shareAddr, tfjsonpath.New("id")),
							statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
							statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("share_network_id"), knownvalue.StringExact(network)),
							statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("share_type_name"), knownvalue.StringExact("default")),
							statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("description"), knownvalue.StringExact("PostgreSQL tables")),
							statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("export_locations"), knownvalue.ListSizeExact(1)),
						},
					},
					{ResourceName: shareAddr, ImportState: true, ImportStateVerify: true},
					{
						Config: networkShareConfig(r.provider, name, "PostgreSQL tables and indexes"),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(shareAddr, plancheck.ResourceActionUpdate),
						}},
						ConfigStateChecks: []statecheck.StateCheck{
							same.AddStateValue(shareAddr, tfjsonpath.New("id")),
							statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("description"), knownvalue.StringExact("PostgreSQL tables and indexes")),
						},
						Check: checkShareDescription(r, shareAddr, "PostgreSQL tables and indexes"),
					},
					{Config: networkShareConfig(r.provider, name, "PostgreSQL tables and indexes"), PlanOnly: true},
					{
						// Without a network, Manila refuses a share of the type.
						Config: networkShareConfig(r.provider, name, "PostgreSQL tables and indexes") + `
resource "continuity_manila_share" "bare" {
  share_proto   = "NFS"
  size          = 1
  share_type_id = data.continuity_manila_share_type.default.id
}
`,
						ExpectError: regexp.MustCompile(`(?s)HTTP 400.*Share\s+network\s+must\s+be\s+set\s+when\s+the\s+driver_handles_share_servers\s+is\s+true.*` +
							`need\s+share_network_id`),
					},
				},
			})
		})
	}
}

// checkShareDescription checks the description the API holds for the
// share at addr.
func checkShareDescription(r release, addr, want string) resource.TestCheckFunc {
	var id acctest.ID
	return func(s *terraform.State) error {
		if err := id.Capture(addr)(s); err != nil {
			return err
		}
		share, err := r.user.GetShare(context.Background(), id.Value)
		if err != nil {
			return err
		}
		if share.Description == nil || *share.Description != want {
			return fmt.Errorf("API description = %v, want %q", share.Description, want)
		}
		return nil
	}
}
