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

func TestAccBucket_basic(t *testing.T) {
	name := acctest.RandomName("tf-acc-bucket")
	sameID := statecheck.CompareValue(compare.ValuesSame())
	second := fmt.Sprintf(`
resource "continuity_astra_cloud_credential" "second" {
  name                 = "%[1]s-2"
  key_type             = "s3"
  key_store_wo         = { accessKey = "AKIASECOND", accessSecret = "second" }
  key_store_wo_version = 1
}
`, name)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDataProtectionDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: bucketConfig(name),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(bucketAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectKnownValue(bucketAddr, tfjsonpath.New("state"), knownvalue.StringExact("available")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(bucketAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(bucketAddr, tfjsonpath.New("id"), uuidValue),
					statecheck.ExpectKnownValue(bucketAddr, tfjsonpath.New("name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(bucketAddr, tfjsonpath.New("object_store"), knownvalue.StringExact("generic-s3")),
					statecheck.ExpectKnownValue(bucketAddr, tfjsonpath.New("bucket_name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(bucketAddr, tfjsonpath.New("server_url"), knownvalue.StringExact("s3.example.com")),
					statecheck.ExpectKnownValue(bucketAddr, tfjsonpath.New("storage_account"), knownvalue.Null()),
					statecheck.ExpectKnownValue(bucketAddr, tfjsonpath.New("state"), knownvalue.StringExact("available")),
					statecheck.ExpectKnownValue(bucketAddr, tfjsonpath.New("state_details"), knownvalue.ListSizeExact(0)),
					statecheck.CompareValuePairs(bucketAddr, tfjsonpath.New("credential_id"), credentialAddr, tfjsonpath.New("id"), compare.ValuesSame()),
				},
			},
			{ResourceName: bucketAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			{
				// Rename, and rotate to another credential, in place.
				Config: credentialConfig(name, "s3cr3t-"+name, 1) + second + fmt.Sprintf(`
resource "continuity_astra_bucket" "test" {
  name          = "%[1]s-renamed"
  object_store  = "generic-s3"
  credential_id = continuity_astra_cloud_credential.second.id
  bucket_name   = %[1]q
  server_url    = "s3.example.com"
}
`, name),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(bucketAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(bucketAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(bucketAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+"-renamed")),
					statecheck.CompareValuePairs(bucketAddr, tfjsonpath.New("credential_id"), "continuity_astra_cloud_credential.second", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(bucketAddr, tfjsonpath.New("state"), knownvalue.StringExact("available")),
				},
			},
			{
				// The bucket's address replaces it.
				Config: bucketConfig(name + "-moved"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(bucketAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
			},
		},
	})
}

func TestAccBucket_driftCredentialGoneAndDisappears(t *testing.T) {
	name := acctest.RandomName("tf-acc-bucket-drift")
	client := acctest.AstraClient(t)
	var bucket, cred acctest.ID
	config := bucketConfig(name)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDataProtectionDestroyed(t),
		Steps: []resource.TestStep{
			{Config: config, Check: resource.ComposeTestCheckFunc(bucket.Capture(bucketAddr), cred.Capture(credentialAddr))},
			{
				// Renamed outside Terraform: the plan renames it back.
				PreConfig: func() {
					if err := client.UpdateBucket(context.Background(), bucket.Value, "renamed-outside", cred.Value); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(bucketAddr, plancheck.ResourceActionUpdate),
				}},
			},
			{
				// Its credential deleted outside Terraform: the bucket is
				// removed, the credential planned again, and the bucket
				// is available once it has it.
				PreConfig: func() {
					if err := client.DeleteCredential(context.Background(), cred.Value); err != nil {
						t.Fatal(err)
					}
				},
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check:              resource.TestCheckResourceAttr(bucketAddr, "state", "removed"),
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(credentialAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction(bucketAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(bucketAddr, tfjsonpath.New("state"), knownvalue.StringExact("available"))},
			},
			{
				PreConfig: func() {
					if err := client.DeleteBucket(context.Background(), bucket.Value); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(bucketAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

func TestAccBucket_refused(t *testing.T) {
	acctest.PreCheckAstra(t)
	name := acctest.RandomName("tf-acc-bucket-refused")
	bucket := func(lines string) string {
		return fmt.Sprintf("resource \"continuity_astra_bucket\" \"test\" {\n  name = %q\n  credential_id = %q\n  bucket_name = \"b\"\n%s\n}\n", name, "6f519a48-3183-46cf-a32f-41815f813986", lines)
	}
	cases := map[string]struct{ config, want string }{
		"s3 without server":     {bucket(`  object_store = "ontap-s3"`), `(?s)server_url is required for object_store "ontap-s3"`},
		"azure with server":     {bucket("  object_store = \"azure\"\n  storage_account = \"acct\"\n  server_url = \"x\""), `(?s)server_url does not apply to object_store "azure"`},
		"azure without account": {bucket(`  object_store = "azure"`), `(?s)storage_account is required`},
		"unknown store":         {bucket(`  object_store = "minio"`), `(?s)object_store value must be one of`},
		"credential not an id":  {fmt.Sprintf("resource \"continuity_astra_bucket\" \"test\" {\n name = %q\n object_store = \"gcp\"\n credential_id = \"cred\"\n bucket_name = \"b\"\n}", name), `(?s)credential_id.*must be the ID of a credential`},
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
	// A bucket a schedule takes backups to is not removed; the error says why.
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: bucketConfig(name) + scheduleWithBucket(t)},
			{
				// Replacing the bucket with the schedule still on it.
				Config:      bucketConfig(name+"-2") + scheduleWithBucket(t),
				ExpectError: regexp.MustCompile(words(`Error deleting continuity_astra_bucket`, `HTTP 403`, `does not remove a bucket in use`)),
			},
			{Config: bucketConfig(name + "-2")},
		},
	})
}

// scheduleWithBucket is a schedule of the sandbox's wordpress app that
// takes backups to continuity_astra_bucket.test, created before the bucket
// is replaced (so that it holds the old bucket when the old one goes).
func scheduleWithBucket(t *testing.T) string {
	return fmt.Sprintf(`
resource "continuity_astra_app_schedule" "nightly" {
  app_id             = %q
  name               = "nightly-to-bucket"
  granularity        = "daily"
  hour               = 1
  minute             = 0
  snapshot_retention = 1
  backup_retention   = 1
  bucket_id          = continuity_astra_bucket.test.id
  lifecycle {
    ignore_changes = [bucket_id]
  }
}
`, acctest.SandboxEnv(t, acctest.EnvAstraWordpressID))
}
