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

const attachmentAddr = "continuity_sdrs_replication_attachment.test"

func attachmentBlock(device string) string {
	return fmt.Sprintf(`
resource "continuity_sdrs_replication_attachment" "test" {
  instance_id    = continuity_sdrs_protected_instance.test.id
  replication_id = continuity_sdrs_replication_pair.test.id
  device         = %q
}
`, device)
}

// attachmentConfig is a group with an instance on server i, a pair on disk
// v, and the pair attached at device.
func attachmentConfig(t *testing.T, name string, server, volume int, device string) string {
	return instanceConfig(t, name, server, "  delete_target_server = true",
		pairBlock(name+"-pair", acctest.SDRSVolumeID(t, volume), "  delete_target_volume = true")+attachmentBlock(device))
}

// The steps of the Huawei provider's TestAccReplicationAttach_basic
// (attach at /dev/vdb-like device, check it, import), plus: a /dev/sd*
// device kept as configured although SDRS reports /dev/vd*, the instance's
// and the pair's view of the attachment, a device change that replaces
// it, and a refused device already in use.
func TestAccReplicationAttachment_basic(t *testing.T) {
	name := randomName()
	var first acctest.ID
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: attachmentConfig(t, name, 7, 12, "/dev/sdc"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(attachmentAddr, tfjsonpath.New("device"), knownvalue.StringExact("/dev/sdc")),
					statecheck.ExpectKnownValue(attachmentAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
					statecheck.ExpectKnownValue(attachmentAddr, tfjsonpath.New("instance_status"), knownvalue.StringExact("available")),
					statecheck.CompareValuePairs(attachmentAddr, tfjsonpath.New("instance_id"), instanceAddr, tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.CompareValuePairs(attachmentAddr, tfjsonpath.New("replication_id"), pairAddr, tfjsonpath.New("id"), compare.ValuesSame()),
				},
				Check: resource.ComposeTestCheckFunc(first.Capture(attachmentAddr), checkAttachmentID(), checkAttachedAt(t, "/dev/vdc")),
			},
			{
				// The instance, refreshed, lists the pair with its own.
				Config: attachmentConfig(t, name, 7, 12, "/dev/sdc"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("attachments"), knownvalue.ListSizeExact(3)),
				},
			},
			{
				ResourceName:            attachmentAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"device"}, // imported as SDRS names it: /dev/vdc
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					if len(states) != 1 || states[0].Attributes["device"] != "/dev/vdc" {
						return fmt.Errorf("imported %v", states)
					}
					return nil
				},
			},
			{
				Config: attachmentConfig(t, name, 7, 12, "/dev/vdd"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(attachmentAddr, plancheck.ResourceActionDestroyBeforeCreate),
					plancheck.ExpectResourceAction(pairAddr, plancheck.ResourceActionNoop),
				}},
				Check: checkAttachedAt(t, "/dev/vdd"),
			},
			{
				Config:      attachmentConfig(t, name, 7, 12, "/dev/vdb"),
				ExpectError: regexp.MustCompile(`(?s)SDRS.1603.*Another disk of the protected instance uses this device`),
			},
		},
	})
}

// checkAttachmentID checks the ID is <instance_id>/<replication_id>.
func checkAttachmentID() resource.TestCheckFunc {
	return func(s *terraform.State) error {
		a := s.RootModule().Resources[attachmentAddr].Primary
		if want := a.Attributes["instance_id"] + "/" + a.Attributes["replication_id"]; a.ID != want {
			return fmt.Errorf("id = %q, want %q", a.ID, want)
		}
		return nil
	}
}

// checkAttachedAt checks, through the API, that the pair is attached to
// the instance at device.
func checkAttachedAt(t *testing.T, device string) resource.TestCheckFunc {
	client := acctest.SDRSClient(t)
	return func(s *terraform.State) error {
		p, err := client.GetPair(context.Background(), s.RootModule().Resources[pairAddr].Primary.ID)
		if err != nil {
			return err
		}
		inst := s.RootModule().Resources[instanceAddr].Primary.ID
		if len(p.Attachment) != 1 || p.Attachment[0].ProtectedInstance != inst || p.Attachment[0].Device != device {
			return fmt.Errorf("the pair's attachment = %+v, want %s at %s", p.Attachment, inst, device)
		}
		return nil
	}
}

// An attachment detached behind Terraform's back is planned for creation.
func TestAccReplicationAttachment_disappears(t *testing.T) {
	name := randomName()
	client := acctest.SDRSClient(t)
	var inst, pair acctest.ID
	config := attachmentConfig(t, name, 8, 13, "/dev/vdc")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: config, Check: resource.ComposeTestCheckFunc(inst.Capture(instanceAddr), pair.Capture(pairAddr))},
			{
				PreConfig: func() {
					jobID, err := client.DetachPair(context.Background(), inst.Value, pair.Value)
					waitJob(t, client, jobID, err)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(attachmentAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionNoop),
				}},
			},
		},
	})
}

// A malformed import ID says what the ID is made of.
func TestAccReplicationAttachment_importID(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "continuity_sdrs_replication_attachment" "test" {
  instance_id    = "` + uuidA + `"
  replication_id = "` + uuidB + `"
  device         = "/dev/vdb"
}`,
			ResourceName:  attachmentAddr,
			ImportState:   true,
			ImportStateId: uuidA,
			ExpectError:   regexp.MustCompile(`(?s)not an ID of the form\s+<protected_instance_id>/<replication_id>`),
		}},
	})
}
