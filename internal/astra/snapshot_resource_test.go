package astra_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// snapshotConfig is a snapshot "test" named name of the app "test".
func snapshotConfig(name string) string {
	return fmt.Sprintf(`
resource "continuity_astra_snapshot" "test" {
  app_id = continuity_astra_app.test.id
  name   = %q
}
`, name)
}

func TestAccSnapshot_basic(t *testing.T) {
	acctest.PreCheckAstra(t)
	ns := acctest.RandomName("tf-acc-snap")
	app := managedAppConfig(t, ns, ns)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDataProtectionDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: app + snapshotConfig("before-upgrade"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(snapshotAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectKnownValue(snapshotAddr, tfjsonpath.New("state"), knownvalue.StringExact("completed")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(snapshotAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(snapshotAddr, tfjsonpath.New("id"), uuidValue),
					statecheck.CompareValuePairs(snapshotAddr, tfjsonpath.New("app_id"), appAddr, tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(snapshotAddr, tfjsonpath.New("name"), knownvalue.StringExact("before-upgrade")),
					statecheck.ExpectKnownValue(snapshotAddr, tfjsonpath.New("state"), knownvalue.StringExact("completed")),
					statecheck.ExpectKnownValue(snapshotAddr, tfjsonpath.New("state_unready"), knownvalue.ListSizeExact(0)),
					statecheck.ExpectKnownValue(snapshotAddr, tfjsonpath.New("hook_state"), knownvalue.StringExact("success")),
					statecheck.ExpectKnownValue(snapshotAddr, tfjsonpath.New("bucket_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(snapshotAddr, tfjsonpath.New("created_at"), knownvalue.NotNull()),
				},
			},
			{ResourceName: snapshotAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"},
				ImportStateIdFunc: appScopedImportID(snapshotAddr)},
			{
				// A snapshot cannot change: its name replaces it.
				Config: app + snapshotConfig("after-upgrade"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(snapshotAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(snapshotAddr, tfjsonpath.New("name"), knownvalue.StringExact("after-upgrade"))},
			},
		},
	})
}

func TestAccSnapshot_disappearsAndRefused(t *testing.T) {
	acctest.PreCheckAstra(t)
	ns := acctest.RandomName("tf-acc-snap-gone")
	client := acctest.AstraClient(t)
	config := managedAppConfig(t, ns, ns) + snapshotConfig("s1")
	var snap, app acctest.ID
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDataProtectionDestroyed(t),
		Steps: []resource.TestStep{
			{Config: config, Check: resource.ComposeTestCheckFunc(snap.Capture(snapshotAddr), app.Capture(appAddr))},
			{
				PreConfig: func() {
					if err := client.DeleteSnapshot(context.Background(), app.Value, snap.Value); err != nil {
						t.Fatal(err)
					}
					waitGone(t, "snapshot", func(ctx context.Context) error { _, err := client.GetSnapshot(ctx, app.Value, snap.Value); return err })
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(snapshotAddr, plancheck.ResourceActionCreate),
				}},
			},
			{
				// The sandbox's clusters keep snapshots on the cluster.
				Config: config + `
resource "continuity_astra_snapshot" "in_bucket" {
  app_id    = continuity_astra_app.test.id
  name      = "in-bucket"
  bucket_id = "6f519a48-3183-46cf-a32f-41815f813986"
}
`,
				ExpectError: regexp.MustCompile(words(`HTTP 400`, `problem 177`, `lacks the neptuneV1 capability`)),
			},
			{
				// A name the app's snapshots have.
				Config: config + `
resource "continuity_astra_snapshot" "twin" {
  app_id     = continuity_astra_app.test.id
  name       = "s1"
  depends_on = [continuity_astra_snapshot.test]
}
`,
				ExpectError: regexp.MustCompile(words(`HTTP 409`, `problem 176`, `terraform import continuity_astra_snapshot`)),
			},
			{Config: config},
		},
	})
}

func TestAccSnapshot_invalidRefusedAtPlan(t *testing.T) {
	acctest.PreCheckAstra(t)
	cases := map[string]struct{ config, want string }{
		"bad name":  {snapshotOf("6f519a48-3183-46cf-a32f-41815f813986", "Before_Upgrade"), words(`must be a DNS-1123 label`)},
		"bad app":   {snapshotOf("wordpress", "s"), words(`must be the ID of a managed app`)},
		"long name": {snapshotOf("6f519a48-3183-46cf-a32f-41815f813986", long64), words(`name string length must be between 1 and 63`)},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheckAstra(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: tc.config, PlanOnly: true, ExpectError: regexp.MustCompile(tc.want)}},
			})
		})
	}
}

// snapshotOf is a snapshot "x" of appID named name.
func snapshotOf(appID, name string) string {
	return fmt.Sprintf("resource \"continuity_astra_snapshot\" \"x\" {\n  app_id = %q\n  name   = %q\n}\n", appID, name)
}

const long64 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
