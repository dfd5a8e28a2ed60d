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
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestAccBackup_basic(t *testing.T) {
	acctest.PreCheckAstra(t)
	ns := acctest.RandomName("tf-acc-backup")
	sameID := statecheck.CompareValue(compare.ValuesSame())
	// A backup of its own snapshot, to the default bucket (the account's
	// first: this test's sandbox has no other), beside the one of the
	// configuration's snapshot and bucket.
	s := startFaultySandbox(t, "")
	own := `
resource "continuity_astra_backup" "own" {
  app_id     = continuity_astra_app.test.id
  name       = "nightly"
  depends_on = [continuity_astra_bucket.test]
}
`
	config := s.provider + protectedAppConfigFor(s, ns) + own
	ownAddr := "continuity_astra_backup.own"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             s.holdsNone(t, "astra.backup", "astra.snapshot", "astra.bucket", "astra.cloud_credential"),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(backupAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectKnownValue(backupAddr, tfjsonpath.New("state"), knownvalue.StringExact("completed")),
					plancheck.ExpectUnknownValue(ownAddr, tfjsonpath.New("bucket_id")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(backupAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(backupAddr, tfjsonpath.New("id"), uuidValue),
					statecheck.ExpectKnownValue(backupAddr, tfjsonpath.New("state"), knownvalue.StringExact("completed")),
					statecheck.ExpectKnownValue(backupAddr, tfjsonpath.New("hook_state"), knownvalue.StringExact("success")),
					statecheck.ExpectKnownValue(backupAddr, tfjsonpath.New("total_bytes"), knownvalue.Int64Func(func(v int64) error {
						if v <= 0 {
							return fmt.Errorf("total_bytes %d", v)
						}
						return nil
					})),
					statecheck.ExpectKnownValue(backupAddr, tfjsonpath.New("completed_at"), knownvalue.NotNull()),
					statecheck.CompareValuePairs(backupAddr, tfjsonpath.New("snapshot_id"), snapshotAddr, tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.CompareValuePairs(backupAddr, tfjsonpath.New("bucket_id"), bucketAddr, tfjsonpath.New("id"), compare.ValuesSame()),
					// The default bucket, and a snapshot of its own.
					statecheck.CompareValuePairs(ownAddr, tfjsonpath.New("bucket_id"), bucketAddr, tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(ownAddr, tfjsonpath.New("snapshot_id"), uuidValue),
					statecheck.CompareValuePairs(ownAddr, tfjsonpath.New("snapshot_id"), snapshotAddr, tfjsonpath.New("id"), compare.ValuesDiffer()),
				},
				Check: s.holdsExactly(t, "continuity_astra_backup", "astra.backup"),
			},
			{ResourceName: backupAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"},
				ImportStateIdFunc: appScopedImportID(backupAddr)},
			{ResourceName: ownAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"},
				ImportStateIdFunc: appScopedImportID(ownAddr)},
			{
				// A backup cannot change: its name replaces it.
				Config: s.provider + protectedAppConfigFor(s, ns) + `
resource "continuity_astra_backup" "own" {
  app_id     = continuity_astra_app.test.id
  name       = "weekly"
  depends_on = [continuity_astra_bucket.test]
}
`,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(ownAddr, plancheck.ResourceActionDestroyBeforeCreate),
					plancheck.ExpectResourceAction(backupAddr, plancheck.ResourceActionNoop),
				}},
			},
		},
	})
}

// Backups of one app planned together meet Astra Control's one snapshot
// at a time (problem 148): the provider waits for the way to be free, and
// every backup is taken.
func TestAccBackup_severalOfOneApp(t *testing.T) {
	acctest.PreCheckAstra(t)
	ns := acctest.RandomName("tf-acc-backups")
	s := startFaultySandbox(t, "")
	config := s.provider + protectedAppConfigFor(s, ns) + `
resource "continuity_astra_backup" "many" {
  count      = 3
  app_id     = continuity_astra_app.test.id
  name       = "copy-${count.index}"
  bucket_id  = continuity_astra_bucket.test.id
}

resource "continuity_astra_snapshot" "also" {
  app_id = continuity_astra_app.test.id
  name   = "also"
}
`
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             s.holdsNone(t, "astra.backup", "astra.snapshot"),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("continuity_astra_backup.many[0]", tfjsonpath.New("state"), knownvalue.StringExact("completed")),
				statecheck.ExpectKnownValue("continuity_astra_backup.many[1]", tfjsonpath.New("state"), knownvalue.StringExact("completed")),
				statecheck.ExpectKnownValue("continuity_astra_backup.many[2]", tfjsonpath.New("state"), knownvalue.StringExact("completed")),
				statecheck.ExpectKnownValue("continuity_astra_snapshot.also", tfjsonpath.New("state"), knownvalue.StringExact("completed")),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				s.holdsExactly(t, "continuity_astra_backup", "astra.backup"),
				s.holdsExactly(t, "continuity_astra_snapshot", "astra.snapshot"),
				func(*terraform.State) error {
					// Astra Control refused some, which waited: the test tested that.
					m := acctest.SandboxMetrics(t, s.env["ASTRA_ENDPOINT"])
					refused := m.Routes["POST /accounts/{account_id}/k8s/v1/apps/{app_id}/appBackups"].Status["409"] +
						m.Routes["POST /accounts/{account_id}/k8s/v1/apps/{app_id}/appSnaps"].Status["409"]
					if refused == 0 {
						return fmt.Errorf("no create was refused with 409: the creates did not meet")
					}
					return nil
				},
			),
		}},
	})
}

// A backup whose bucket is deleted outside Terraform is removed: the plan
// replaces it (after the bucket, planned again).
func TestAccBackup_bucketGoneAndDisappears(t *testing.T) {
	acctest.PreCheckAstra(t)
	ns := acctest.RandomName("tf-acc-backup-gone")
	client := acctest.AstraClient(t)
	config := protectedAppConfig(t, ns)
	var app, backup, bucket acctest.ID
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDataProtectionDestroyed(t),
		Steps: []resource.TestStep{
			{Config: config, Check: resource.ComposeTestCheckFunc(app.Capture(appAddr), backup.Capture(backupAddr), bucket.Capture(bucketAddr))},
			{
				PreConfig: func() {
					if err := client.DeleteBucket(context.Background(), bucket.Value); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(bucketAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction(backupAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: backup.Capture(backupAddr),
			},
			{
				PreConfig: func() {
					if err := client.DeleteBackup(context.Background(), app.Value, backup.Value); err != nil {
						t.Fatal(err)
					}
					waitGone(t, "backup", func(ctx context.Context) error { _, err := client.GetBackup(ctx, app.Value, backup.Value); return err })
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(backupAddr, plancheck.ResourceActionCreate),
				}},
			},
			{
				// The name of a backup the app has.
				Config: config + `
resource "continuity_astra_backup" "twin" {
  app_id     = continuity_astra_app.test.id
  name       = "before-change"
  depends_on = [continuity_astra_backup.test]
}
`,
				ExpectError: regexp.MustCompile(words(`HTTP 409`, `problem 143`, `terraform import continuity_astra_backup`)),
			},
			{Config: config},
		},
	})
}
