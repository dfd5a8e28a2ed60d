package astra_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/astra"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestAccCloudCredential_basic(t *testing.T) {
	name := acctest.RandomName("tf-acc-cred")
	sameID := statecheck.CompareValue(compare.ValuesSame())
	labels := `  labels = { "astra.netapp.io/labels/read-only/credType" = "s3" }`
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDataProtectionDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: credentialConfig(name, "first", 1, labels),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(credentialAddr, plancheck.ResourceActionCreate),
					// Write-only: never in the plan.
					plancheck.ExpectKnownValue(credentialAddr, tfjsonpath.New("key_store_wo"), knownvalue.Null()),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(credentialAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(credentialAddr, tfjsonpath.New("id"), uuidValue),
					statecheck.ExpectKnownValue(credentialAddr, tfjsonpath.New("name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(credentialAddr, tfjsonpath.New("key_type"), knownvalue.StringExact("s3")),
					statecheck.ExpectKnownValue(credentialAddr, tfjsonpath.New("valid"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(credentialAddr, tfjsonpath.New("key_store_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(credentialAddr, tfjsonpath.New("key_store_wo_version"), knownvalue.Int64Exact(1)),
					statecheck.ExpectKnownValue(credentialAddr, tfjsonpath.New("labels"), knownvalue.MapExact(map[string]knownvalue.Check{
						"astra.netapp.io/labels/read-only/credType": knownvalue.StringExact("s3")})),
					statecheck.ExpectKnownValue(credentialAddr, tfjsonpath.New("created_at"), knownvalue.NotNull()),
				},
			},
			{
				// The key store is not imported (the API never returns it),
				// nor its version.
				ResourceName:            credentialAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"timeouts", "key_store_wo_version"},
			},
			{
				// A rename sends the key store again, in place.
				Config: credentialConfig(name+"-renamed", "first", 1, labels, "  valid = false"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(credentialAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(credentialAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(credentialAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+"-renamed")),
					statecheck.ExpectKnownValue(credentialAddr, tfjsonpath.New("valid"), knownvalue.Bool(false)),
				},
			},
			{
				// A new secret alone plans nothing: Terraform cannot see it ...
				Config:           credentialConfig(name+"-renamed", "rotated", 1, labels, "  valid = false"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				// ... its version sends it, in place.
				Config: credentialConfig(name+"-renamed", "rotated", 2, labels),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(credentialAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(credentialAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(credentialAddr, tfjsonpath.New("key_store_wo_version"), knownvalue.Int64Exact(2)),
				},
			},
			{
				// The key type replaces it.
				Config: fmt.Sprintf(`
resource "continuity_astra_cloud_credential" "test" {
  name                 = %q
  key_type             = "generic"
  key_store_wo         = { base64 = jsonencode({ type = "service_account" }) }
  key_store_wo_version = 1
}
`, name),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(credentialAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(credentialAddr, tfjsonpath.New("key_type"), knownvalue.StringExact("generic")),
				},
			},
		},
	})
}

func TestAccCloudCredential_driftAndDisappears(t *testing.T) {
	name := acctest.RandomName("tf-acc-cred-drift")
	client := acctest.AstraClient(t)
	var id acctest.ID
	config := credentialConfig(name, "secret", 1)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDataProtectionDestroyed(t),
		Steps: []resource.TestStep{
			{Config: config, Check: id.Capture(credentialAddr)},
			{
				// Renamed outside Terraform: the plan renames it back, sending the key store.
				PreConfig: func() {
					err := client.UpdateCredential(context.Background(), id.Value, astra.CredentialInput{Name: "renamed-outside", KeyType: "s3", Valid: true,
						KeyStore: map[string]string{"accessKey": acctest.Base64("a"), "accessSecret": acctest.Base64("b")}})
					if err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(credentialAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(credentialAddr, tfjsonpath.New("name"), knownvalue.StringExact(name)),
				}},
			},
			{
				PreConfig: func() {
					if err := client.DeleteCredential(context.Background(), id.Value); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(credentialAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

func TestAccCloudCredential_refusedAtPlan(t *testing.T) {
	acctest.PreCheckAstra(t)
	name := acctest.RandomName("tf-acc-cred-refused")
	withoutStore := fmt.Sprintf(`
resource "continuity_astra_cloud_credential" "test" {
  name     = %q
  key_type = "s3"
}
`, name)
	cases := map[string]struct{ config, want string }{
		"no key store":      {withoutStore, words(`Missing key store`, `key_store_wo is required to create`)},
		"s3 without secret": {fmt.Sprintf("resource \"continuity_astra_cloud_credential\" \"test\" {\n name = %q\n key_type = \"s3\"\n key_store_wo = { accessKey = \"a\" }\n}", name), `(?s)Incomplete S3 key store.*lacks accessSecret`},
		"unknown key type":  {fmt.Sprintf("resource \"continuity_astra_cloud_credential\" \"test\" {\n name = %q\n key_type = \"kubeconfig\"\n key_store_wo = { base64 = \"x\" }\n}", name), `(?s)key_type value must be one of`},
		"empty value":       {fmt.Sprintf("resource \"continuity_astra_cloud_credential\" \"test\" {\n name = %q\n key_type = \"generic\"\n key_store_wo = { base64 = \"\" }\n}", name), `(?s)key_store_wo`},
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
	// An update without the key store is refused: the PUT needs it.
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDataProtectionDestroyed(t),
		Steps: []resource.TestStep{
			{Config: credentialConfig(name, "secret", 1)},
			{
				Config:      fmt.Sprintf("resource \"continuity_astra_cloud_credential\" \"test\" {\n name = \"%s-2\"\n key_type = \"s3\"\n key_store_wo_version = 1\n}", name),
				ExpectError: regexp.MustCompile(words(`Missing key store`, `replaces the whole credential`)),
			},
			// Without a change, no key store is needed.
			{Config: fmt.Sprintf("resource \"continuity_astra_cloud_credential\" \"test\" {\n name = %q\n key_type = \"s3\"\n key_store_wo_version = 1\n}", name),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}
