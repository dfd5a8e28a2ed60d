package sdrs_test

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

// A replication pair: created through its job, renamed in place, imported,
// delete_target_volume changed without an API call, replaced when its disk
// changes; destroyed before its group.
func TestAccReplicationPair_basic(t *testing.T) {
	name := randomName()
	volume, other := acctest.SDRSVolumeID(t, 4), acctest.SDRSVolumeID(t, 5)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	var first acctest.ID

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: groupConfig(t, name, "", pairBlock(name, volume, `  description = "pair description"`)),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(pairAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(pairAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(uuidPattern)),
					statecheck.CompareValuePairs(pairAddr, tfjsonpath.New("group_id"), groupAddr, tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(pairAddr, tfjsonpath.New("volume_id"), knownvalue.StringExact(volume)),
					statecheck.ExpectKnownValue(pairAddr, tfjsonpath.New("description"), knownvalue.StringExact("pair description")),
					statecheck.ExpectKnownValue(pairAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
					statecheck.ExpectKnownValue(pairAddr, tfjsonpath.New("target_volume_id"), knownvalue.StringRegexp(uuidPattern)),
					statecheck.ExpectKnownValue(pairAddr, tfjsonpath.New("replication_model"), knownvalue.StringExact("hypermetro")),
					statecheck.ExpectKnownValue(pairAddr, tfjsonpath.New("priority_station"), knownvalue.StringExact("source")),
					statecheck.ExpectKnownValue(pairAddr, tfjsonpath.New("delete_target_volume"), knownvalue.Bool(false)),
				},
				Check: first.Capture(pairAddr),
			},
			{
				Config: groupConfig(t, name, "", pairBlock(name+"-renamed", volume, `  description = "pair description"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(pairAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(pairAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(pairAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+"-renamed")),
				},
				Check: checkAPIPairName(t, name+"-renamed"),
			},
			{
				ResourceName:      pairAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				Config: groupConfig(t, name, "", pairBlock(name+"-renamed", volume, "  description = \"pair description\"\n  delete_target_volume = true")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(pairAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(pairAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(pairAddr, tfjsonpath.New("delete_target_volume"), knownvalue.Bool(true)),
				},
			},
			{
				Config: groupConfig(t, name, "", pairBlock(name+"-renamed", other, "  delete_target_volume = true")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(pairAddr, plancheck.ResourceActionDestroyBeforeCreate),
					plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(pairAddr, tfjsonpath.New("volume_id"), knownvalue.StringExact(other)),
				},
				Check: func(s *terraform.State) error {
					if s.RootModule().Resources[pairAddr].Primary.ID == first.Value {
						return fmt.Errorf("the pair was not replaced")
					}
					return nil
				},
			},
		},
	})
}

func checkAPIPairName(t *testing.T, want string) resource.TestCheckFunc {
	client := acctest.SDRSClient(t)
	return func(s *terraform.State) error {
		p, err := client.GetPair(context.Background(), s.RootModule().Resources[pairAddr].Primary.ID)
		if err != nil {
			return err
		}
		if p.Name != want {
			return fmt.Errorf("API name = %q, want %q", p.Name, want)
		}
		return nil
	}
}

// A pair deleted behind Terraform's back is planned for creation.
func TestAccReplicationPair_disappears(t *testing.T) {
	name := randomName()
	volume := acctest.SDRSVolumeID(t, 6)
	client := acctest.SDRSClient(t)
	var pair, group acctest.ID
	config := groupConfig(t, name, "", pairBlock(name, volume, ""))
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: config, Check: resource.ComposeTestCheckFunc(pair.Capture(pairAddr), group.Capture(groupAddr))},
			{
				PreConfig: func() {
					jobID, err := client.DeletePair(context.Background(), pair.Value, group.Value, true)
					waitJob(t, client, jobID, err)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(pairAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionNoop),
				}},
			},
		},
	})
}

// The API's refusals reach the user with their code and a hint: a disk
// already replicated by another pair.
func TestAccReplicationPair_diskInUse(t *testing.T) {
	name := randomName()
	volume := acctest.SDRSVolumeID(t, 7)
	second := fmt.Sprintf(`
resource "continuity_sdrs_replication_pair" "second" {
  name      = "second"
  group_id  = continuity_sdrs_protection_group.test.id
  volume_id = %q
  depends_on = [continuity_sdrs_replication_pair.test]
}
`, volume)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{{
			Config:      groupConfig(t, name, "", pairBlock(name, volume, "")+second),
			ExpectError: regexp.MustCompile(`(?s)Error creating continuity_sdrs_replication_pair.*HTTP 400\s+\(SDRS.1811\).*already\s+replicated`),
		}},
	})
}

// A failed creation job reports its code and reason.
func TestAccReplicationPair_failedCreateJob(t *testing.T) {
	if !acctest.UseSandbox() {
		t.Skip("a failed job is made on purpose by the sandbox only")
	}
	name := randomName()
	volume := acctest.SDRSVolumeID(t, 8)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{{
			Config:      groupConfig(t, name, "", pairBlock(name, volume, `  description = "SANDBOX_FAIL_CREATE"`)),
			ExpectError: regexp.MustCompile(`(?s)createReplicationPairNoCG.*error_code\s+"SDRS.1609"\s+and\s+fail_reason\s+"Replication\s+pair\s+creation\s+failure`),
		}},
	})
}

// A larger size expands both disks in place (the Huawei provider needs a
// one-shot huaweicloud_sdrs_resize_replication for it); a smaller one is
// refused at plan time; left out, size follows the disk.
func TestAccReplicationPair_expand(t *testing.T) {
	name := randomName()
	volume := acctest.SDRSVolumeID(t, 14) // 30 GB
	client := acctest.SDRSClient(t)
	var pair acctest.ID
	config := func(size string) string { return groupConfig(t, name, "", pairBlock(name, volume, size)) }
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config:            config(""),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(pairAddr, tfjsonpath.New("size"), knownvalue.Int64Exact(30))},
				Check:             pair.Capture(pairAddr),
			},
			{
				Config: config("  size = 50"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(pairAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(pairAddr, tfjsonpath.New("size"), knownvalue.Int64Exact(50)),
					statecheck.ExpectKnownValue(pairAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
				},
				Check: func(*terraform.State) error {
					p, err := client.GetPair(context.Background(), pair.Value)
					if err != nil || p.RecordMetadata.VolumeSize != 50 {
						return fmt.Errorf("API pair %+v, %v: want 50 GB", p, err)
					}
					return nil
				},
			},
			{
				Config:      config("  size = 40"),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Cannot shrink continuity_sdrs_replication_pair.*50 GB.*size = 40`),
			},
			{
				Config:           config(""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{ResourceName: pairAddr, ImportState: true, ImportStateVerify: true},
		},
	})
}
