package sdrs_test

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

const drillAddr = "continuity_sdrs_drill.test"

func drillBlock(name, vpc string) string {
	line := ""
	if vpc != "" {
		line = fmt.Sprintf("  drill_vpc_id = %q\n", vpc)
	}
	return fmt.Sprintf(`
resource "continuity_sdrs_drill" "test" {
  name     = %q
  group_id = continuity_sdrs_protection_group.test.id
%s  depends_on = [continuity_sdrs_protected_instance.test]
}
`, name, line)
}

// The steps of the Huawei provider's TestAccDrill_basic (a drill of a
// group with a protected instance, in a drill VPC; rename; import), with
// what it does not check: the drill server, made from the DR site, and
// its deletion with the drill; the drill VPC is the fixture's, which one
// drill at a time may use, so this is the one test that uses it.
func TestAccDrill_basic(t *testing.T) {
	name := randomName()
	acctest.PreCheckSDRS(t)
	vpc := acctest.SandboxEnv(t, acctest.EnvSDRSDrillVPCID)
	client := acctest.SDRSClient(t)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	var drillServer string
	config := func(drillName string) string {
		return instanceConfig(t, name, 9, "  delete_target_server = true", drillBlock(drillName, vpc))
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: resource.ComposeTestCheckFunc(checkDestroyed(t), func(*terraform.State) error {
			if _, err := client.GetServer(context.Background(), drillServer); err == nil {
				return fmt.Errorf("drill server %s still exists", drillServer)
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config: config(name + "-drill"),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(drillAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(drillAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(uuidPattern)),
					statecheck.ExpectKnownValue(drillAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+"-drill")),
					statecheck.ExpectKnownValue(drillAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
					statecheck.ExpectKnownValue(drillAddr, tfjsonpath.New("drill_vpc_id"), knownvalue.StringExact(vpc)),
					statecheck.CompareValuePairs(drillAddr, tfjsonpath.New("group_id"), groupAddr, tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.CompareValuePairs(drillAddr, tfjsonpath.New("drill_servers").AtSliceIndex(0).AtMapKey("protected_instance_id"),
						instanceAddr, tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(drillAddr, tfjsonpath.New("drill_servers"), knownvalue.ListSizeExact(1)),
					statecheck.ExpectKnownValue(drillAddr, tfjsonpath.New("created_at"), knownvalue.NotNull()),
				},
				Check: func(s *terraform.State) error {
					drillServer = s.RootModule().Resources[drillAddr].Primary.Attributes["drill_servers.0.drill_server_id"]
					srv, err := client.GetServer(context.Background(), drillServer)
					if err != nil || srv.Status != "ACTIVE" {
						return fmt.Errorf("drill server %s: %+v, %v", drillServer, srv, err)
					}
					return nil
				},
			},
			{
				Config: config(name + "-drill_update"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(drillAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(drillAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(drillAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+"-drill_update")),
				},
			},
			{ResourceName: drillAddr, ImportState: true, ImportStateVerify: true},
			{
				// The group, refreshed, counts the drill.
				Config:            config(name + "-drill_update"),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("disaster_recovery_drill_num"), knownvalue.Int64Exact(1))},
			},
		},
	})
}

// Without a drill VPC SDRS makes one; the group's own VPC is refused with
// the API's reason; a drill deleted behind Terraform's back is planned for
// creation; a new drill VPC replaces the drill.
func TestAccDrill_vpcs(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{})
	client := acctest.SDRSClientFor(t, env)
	name := randomName()
	server := sandboxServer(env, 0)
	config := func(vpc string) string {
		return ownGroupConfig(env, name, "", instanceBlock(name, server, "  delete_target_server = true")+drillBlock(name, vpc))
	}
	var drill acctest.ID
	ownSandboxTest(t, env,
		resource.TestStep{
			Config:      config(env[acctest.EnvSDRSVPCID]),
			ExpectError: regexp.MustCompile(`(?s)SDRS.1907.*must not be the protection group's VPC`),
		},
		resource.TestStep{
			Config: config(""),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(drillAddr, tfjsonpath.New("drill_vpc_id"), knownvalue.StringRegexp(uuidPattern)),
			},
			Check: drill.Capture(drillAddr),
		},
		resource.TestStep{
			PreConfig: func() {
				jobID, err := client.DeleteDrill(context.Background(), drill.Value)
				waitJob(t, client, jobID, err)
			},
			Config: config(""),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(drillAddr, plancheck.ResourceActionCreate),
			}},
		},
		resource.TestStep{
			Config: config(env[acctest.EnvSDRSDrillVPCID]),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(drillAddr, plancheck.ResourceActionDestroyBeforeCreate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(drillAddr, tfjsonpath.New("drill_vpc_id"), knownvalue.StringExact(env[acctest.EnvSDRSDrillVPCID])),
			},
		},
	)
}
