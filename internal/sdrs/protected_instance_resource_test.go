package sdrs_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sdrs"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
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
				Config: instanceConfig(t, name, 0, extra(`{ foo = "bar", key = "value" }`), ""),
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

// NICs, flavors and tags change in place, each through its SDRS job: a NIC
// is added, another deleted, the DR server resized; the production server
// is resized only once stopped (refused at plan time while it runs).
func TestAccProtectedInstance_update(t *testing.T) {
	name := randomName()
	server := acctest.SDRSServerID(t, 1)
	subnet := acctest.SandboxEnv(t, acctest.EnvSDRSSubnetID)
	sg := acctest.SandboxEnv(t, acctest.EnvSDRSSecurityGroupID)
	flavor, bigger, other := acctest.SDRSFlavor(t, 0), acctest.SDRSFlavor(t, 1), acctest.SDRSFlavor(t, 2)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	firstNIC := statecheck.CompareValue(compare.ValuesSame())
	config := func(lines string) string { return groupConfig(t, name, "", instanceBlock(name, server, lines)) }
	nic := func(ip string) string {
		return fmt.Sprintf(`{ subnet_id = %q, ip_address = %q, security_group_ids = [%q] }`, subnet, ip, sg)
	}
	update := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionUpdate)}}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: config(fmt.Sprintf("  target_server_flavor = %q\n  nics = [%s]\n  tags = { team = \"dr\" }", bigger, nic("192.168.0.151"))),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceAddr, tfjsonpath.New("id")),
					firstNIC.AddStateValue(instanceAddr, tfjsonpath.New("nics").AtSliceIndex(0).AtMapKey("id")),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("server_flavor"), knownvalue.StringExact(flavor)),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("target_server_flavor"), knownvalue.StringExact(bigger)),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("nics"), knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
						"subnet_id": knownvalue.StringExact(subnet), "ip_address": knownvalue.StringExact("192.168.0.151"),
						"security_group_ids": knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(sg)}),
						"id":                 knownvalue.StringRegexp(uuidPattern), "mac_address": knownvalue.StringRegexp(regexp.MustCompile(`^fa:16:3e:`)),
					})})),
				},
			},
			{
				// A second NIC with an assigned address and the default
				// security group; the DR server resized; a tag more.
				Config: config(fmt.Sprintf("  target_server_flavor = %q\n  nics = [%s, { subnet_id = %q }]\n  tags = { team = \"dr\", tier = \"web\" }",
					other, nic("192.168.0.151"), subnet)),
				ConfigPlanChecks: update,
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceAddr, tfjsonpath.New("id")),
					firstNIC.AddStateValue(instanceAddr, tfjsonpath.New("nics").AtSliceIndex(0).AtMapKey("id")),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("target_server_flavor"), knownvalue.StringExact(other)),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("nics").AtSliceIndex(1).AtMapKey("ip_address"), knownvalue.StringRegexp(regexp.MustCompile(`^192\.168\.0\.`))),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("nics").AtSliceIndex(1).AtMapKey("security_group_ids"), knownvalue.SetSizeExact(1)),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("tags"), knownvalue.MapSizeExact(2)),
				},
			},
			{
				// The production server runs: its resize is refused at plan time.
				Config:      config(fmt.Sprintf("  server_flavor = %q\n  target_server_flavor = %q", bigger, other)),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Cannot resize server.*ACTIVE.*server_flavor.*Stop it first`),
			},
			{
				// Stopped, it is resized; the first NIC is deleted, the other kept.
				PreConfig: func() { acctest.SDRSSetServers(t, nil, false, server) },
				Config:    config(fmt.Sprintf("  server_flavor = %q\n  target_server_flavor = %q\n  nics = [{ subnet_id = %q }]", bigger, other, subnet)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("server_flavor"), knownvalue.StringExact(bigger)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("server_flavor"), knownvalue.StringExact(bigger)),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("server_status"), knownvalue.StringExact("SHUTOFF")),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("nics"), knownvalue.ListSizeExact(1)),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("tags"), knownvalue.Null()),
				},
			},
			{
				ResourceName:      instanceAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				// Flavors and NICs left out follow the servers: no change.
				Config:           config(""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// Changing the server replaces the instance; so does the description.
func TestAccProtectedInstance_replace(t *testing.T) {
	name := randomName()
	first, second := acctest.SDRSServerID(t, 2), acctest.SDRSServerID(t, 3)
	var id acctest.ID
	replaced := func(s *terraform.State) error {
		if s.RootModule().Resources[instanceAddr].Primary.ID == id.Value {
			return fmt.Errorf("the instance was not replaced")
		}
		return nil
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: groupConfig(t, name, "", instanceBlock(name, first, "  delete_target_server = true")), Check: id.Capture(instanceAddr)},
			{
				Config: groupConfig(t, name, "", instanceBlock(name, second, "  delete_target_server = true")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionDestroyBeforeCreate),
					plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("server_id"), knownvalue.StringExact(second))},
				Check:             resource.ComposeTestCheckFunc(replaced, id.Capture(instanceAddr)),
			},
			{
				Config: groupConfig(t, name, "", instanceBlock(name, second, "  delete_target_server = true\n  description = \"new\"")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: replaced,
			},
		},
	})
}

// Changes made through the API show in plan and are undone: a rename, a
// tag, a NIC added and the DR server resized.
func TestAccProtectedInstance_drift(t *testing.T) {
	name := randomName()
	server := acctest.SDRSServerID(t, 4)
	subnet := acctest.SandboxEnv(t, acctest.EnvSDRSSubnetID)
	client := acctest.SDRSClient(t)
	var id acctest.ID
	config := groupConfig(t, name, "", instanceBlock(name, server, fmt.Sprintf("  nics = []\n  target_server_flavor = %q\n  tags = { a = \"1\" }",
		acctest.SDRSFlavor(t, 0))))
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: config, Check: id.Capture(instanceAddr)},
			{
				PreConfig: func() {
					ctx := context.Background()
					if err := client.RenameInstance(ctx, id.Value, "renamed-outside"); err != nil {
						t.Fatal(err)
					}
					if err := client.AddTags(ctx, id.Value, map[string]string{"a": "2", "b": "3"}); err != nil {
						t.Fatal(err)
					}
					jobID, err := client.AddNIC(ctx, id.Value, sdrs.NICSpec{SubnetID: subnet})
					waitJob(t, client, jobID, err)
					jobID, err = client.Resize(ctx, id.Value, "", acctest.SDRSFlavor(t, 1))
					waitJob(t, client, jobID, err)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("name"), knownvalue.StringExact(name)),
					plancheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("nics"), knownvalue.ListSizeExact(0)),
					plancheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("target_server_flavor"), knownvalue.StringExact(acctest.SDRSFlavor(t, 0))),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("nics"), knownvalue.ListSizeExact(0)),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("tags"), knownvalue.MapExact(map[string]knownvalue.Check{"a": knownvalue.StringExact("1")})),
					statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("target_server_flavor"), knownvalue.StringExact(acctest.SDRSFlavor(t, 0))),
				},
			},
		},
	})
}

// An instance deleted behind Terraform's back is planned for creation.
func TestAccProtectedInstance_disappears(t *testing.T) {
	name := randomName()
	client := acctest.SDRSClient(t)
	var id acctest.ID
	config := instanceConfig(t, name, 5, "  delete_target_server = true", "")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: config, Check: id.Capture(instanceAddr)},
			{
				PreConfig: func() {
					jobID, err := client.DeleteInstance(context.Background(), id.Value, true, false)
					waitJob(t, client, jobID, err)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionNoop),
				}},
			},
		},
	})
}

// A failed creation job reports its code and reason and leaves a tainted
// instance in status error, which the next apply replaces and destroy
// removes.
func TestAccProtectedInstance_failedCreateJob(t *testing.T) {
	if !acctest.UseSandbox() {
		t.Skip("a failed job is made on purpose by the sandbox only")
	}
	name := randomName()
	config := instanceConfig(t, name, 6, `  description = "SANDBOX_FAIL_CREATE"`, "")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: config,
				ExpectError: regexp.MustCompile(`(?s)Error creating continuity_sdrs_protected_instance.*createProtectedInstanceNoCG.*` +
					`error_code\s+"SDRS.1350"\s+and\s+fail_reason\s+"Failed\s+to\s+create\s+the\s+protected\s+instance`),
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ExpectError: regexp.MustCompile(`SDRS.1350`),
			},
		},
	})
}

// What SDRS refuses is refused at plan time, naming the attribute.
func TestAccProtectedInstance_validation(t *testing.T) {
	for _, tc := range []struct{ name, lines, want string }{
		{"ip without subnet", `  primary_ip_address = "192.168.0.9"`, `(?s)primary_ip_address.*primary_subnet_id`},
		{"not an IP", "  primary_subnet_id = \"" + uuidA + "\"\n  primary_ip_address = \"192.168.0\"", `(?s)primary_ip_address.*not an IPv4`},
		{"flavor", `  server_flavor = "large"`, `(?s)server_flavor.*not an ECS flavor`},
		{"tag key", `  tags = { "a/b" = "c" }`, `(?s)tags.*refuses`},
		{"tag value", `  tags = { a = "` + strings.Repeat("v", 44) + `" }`, `(?s)tags.*44 characters`},
		{"eip without server", `  delete_target_eip = true`, `(?s)delete_target_eip.*needs delete_target_server`},
		{"nic subnet", `  nics = [{ subnet_id = "subnet-1" }]`, `(?s)Invalid SDRS ID.*"subnet-1" is not an ID`},
		{"nic without subnet", `  nics = [{ ip_address = "192.168.0.9" }]`, `(?s)Missing subnet_id`},
		{"twelve nics", "  nics = [" + strings.TrimSuffix(strings.Repeat(`{ subnet_id = "`+uuidA+`" }, `, 12), ", ") + "]", `(?s)nics.*at most 11`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheckSDRS(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      groupConfig(t, "v", "", instanceBlock("v", uuidB, tc.lines)),
					PlanOnly:    true,
					ExpectError: regexp.MustCompile(tc.want),
				}},
			})
		})
	}
}

const (
	uuidA = "6f519a48-3183-46cf-a32f-41815f813986"
	uuidB = "0b2f7c43-9c1e-4f59-8a0c-3d8c8f6f3c2a"
)
