package sdrs_test

import (
	"fmt"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sdrs"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// The steps of the Huawei Cloud provider's TestAccProtectedInstance_basic
// (a primary subnet and IP, both delete flags, a description and tags;
// rename and new tags; import), with what it does not check: every
// computed attribute, the DR server as ECS reports it, the pairs SDRS
// created for the server's disks, and an empty plan after import.
func TestAccProtectedInstance_basic(t *testing.T) {
	name := randomName()
	server := acctest.SDRSServerID(t, 0)
	subnet := acctest.SandboxEnv(t, acctest.EnvSDRSSubnetID)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	extra := func(tags string) string {
		return fmt.Sprintf(`  description          = "test description"
  primary_subnet_id    = %q
  primary_ip_address   = "192.168.0.115"
  delete_target_server = true
  delete_target_eip    = true
  tags                 = %s`, subnet, tags)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: instanceConfig(t, name, 0, "", extra(`{ foo = "bar", key = "value" }`), ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(uuidPattern)),
					statecheck.CompareValuePairs(instanceAddr, tfjsonpath.New("group_id"), groupAddr, tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("server_id"), knownvalue.StringExact(server)),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+"-pi")),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("description"), knownvalue.StringExact("test description")),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("priority_station"), knownvalue.StringExact("source")),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("target_server"), knownvalue.StringRegexp(uuidPattern)),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("server_status"), knownvalue.StringExact("ACTIVE")),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("target_server_status"), knownvalue.StringExact("SHUTOFF")),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("primary_subnet_id"), knownvalue.StringExact(subnet)),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("primary_ip_address"), knownvalue.StringExact("192.168.0.115")),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("server_flavor"), knownvalue.StringExact(acctest.SDRSFlavor(t, 0))),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("target_server_flavor"), knownvalue.StringExact(acctest.SDRSFlavor(t, 0))),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("nics"), knownvalue.ListExact([]knownvalue.Check{})),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("tags"), knownvalue.MapExact(map[string]knownvalue.Check{
						"foo": knownvalue.StringExact("bar"), "key": knownvalue.StringExact("value")})),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("attachments"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{"replication_id": knownvalue.StringRegexp(uuidPattern), "device": knownvalue.StringExact("/dev/vda")}),
						knownvalue.ObjectExact(map[string]knownvalue.Check{"replication_id": knownvalue.StringRegexp(uuidPattern), "device": knownvalue.StringExact("/dev/vdb")}),
					})),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("created_at"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("protected_instance_num"), knownvalue.Int64Exact(0)), // read before the instance
				},
				Check: checkAPIInstance(t, func(i *sdrs.Instance) error {
					if i.Status != "available" || i.SourceServer != server || len(i.Attachment) != 2 {
						return fmt.Errorf("API instance = %+v", i)
					}
					return nil
				}),
			},
			{
				Config: groupConfig(t, name, "", instanceBlock(name+"-pi_update", server, extra(`{ foo_update = "bar", key_update = "value" }`))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+"-pi_update")),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("tags"), knownvalue.MapExact(map[string]knownvalue.Check{
						"foo_update": knownvalue.StringExact("bar"), "key_update": knownvalue.StringExact("value")})),
				},
			},
			{
				ResourceName:            instanceAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"delete_target_server", "delete_target_eip"},
			},
		},
	})
}
