package manila_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/manila"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func snapshotConfig(name, snapName, snapDescription string) string {
	return cgConfig(name, "renamed") + fmt.Sprintf(`
resource "continuity_manila_consistency_group_snapshot" "test" {
  consistency_group_id = continuity_manila_consistency_group.test.id
  name                 = %q
  description          = %q
}

resource "continuity_manila_consistency_group" "restored" {
  name                 = "%s-restored"
  source_cgsnapshot_id = continuity_manila_consistency_group_snapshot.test.id
}
`, snapName, snapDescription, name)
}

func TestAccConsistencyGroup_lifecycle(t *testing.T) {
	acctest.PreCheckManila(t)
	name := acctest.RandomName("tf-acc-cg")
	sameCG := statecheck.CompareValue(compare.ValuesSame())
	sameSnap := statecheck.CompareValue(compare.ValuesSame())
	defaultType := acctest.SandboxEnv(t, acctest.EnvManilaShareTypeDefaultID)
	network := acctest.SandboxEnv(t, acctest.EnvManilaShareNetworkID)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: cgConfig(name, "databases"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(cgAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameCG.AddStateValue(cgAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(uuidRe)),
					statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("description"), knownvalue.StringExact("databases")),
					statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
					statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("share_types"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(defaultType)})),
					statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("share_network_id"), knownvalue.StringExact(network)),
					statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("source_cgsnapshot_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("host"), knownvalue.StringRegexp(regexp.MustCompile(`^.+@.+#.+$`))),
					statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("project_id"), knownvalue.StringExact(acctest.SandboxEnv(t, acctest.EnvManilaProjectID))),
					statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("created_at"), knownvalue.StringRegexp(createdAtRe)),
					// Manila shows the share server to admins only.
					statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("share_server_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("force_delete"), knownvalue.Bool(false)),
				},
			},
			{
				ResourceName:      cgAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				Config: cgConfig(name+"-renamed", "renamed"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(cgAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameCG.AddStateValue(cgAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+"-renamed")),
					statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("description"), knownvalue.StringExact("renamed")),
				},
				Check: checkAPIName(t, cgAddr, name+"-renamed"),
			},
			{
				// Snapshot the group and restore the snapshot into a new group.
				Config: snapshotConfig(name+"-renamed", name+"-snap", "before the upgrade"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(cgAddr, plancheck.ResourceActionNoop),
					plancheck.ExpectResourceAction(snapAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction(restoredAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameSnap.AddStateValue(snapAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(snapAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
					statecheck.ExpectKnownValue(snapAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+"-snap")),
					statecheck.ExpectKnownValue(snapAddr, tfjsonpath.New("members"), knownvalue.ListExact([]knownvalue.Check{})),
					statecheck.ExpectKnownValue(snapAddr, tfjsonpath.New("created_at"), knownvalue.StringRegexp(createdAtRe)),
					statecheck.CompareValuePairs(snapAddr, tfjsonpath.New("consistency_group_id"), cgAddr, tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.CompareValuePairs(restoredAddr, tfjsonpath.New("source_cgsnapshot_id"), snapAddr, tfjsonpath.New("id"), compare.ValuesSame()),
					// The restored group inherits the types and the network.
					statecheck.ExpectKnownValue(restoredAddr, tfjsonpath.New("share_types"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(defaultType)})),
					statecheck.ExpectKnownValue(restoredAddr, tfjsonpath.New("share_network_id"), knownvalue.StringExact(network)),
					statecheck.CompareValuePairs(restoredAddr, tfjsonpath.New("host"), cgAddr, tfjsonpath.New("host"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(restoredAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
				},
			},
			{
				ResourceName:      snapAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				ResourceName:      restoredAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				// The snapshot is renamed in place.
				Config: snapshotConfig(name+"-renamed", name+"-snap-renamed", "kept"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(snapAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(restoredAddr, plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameSnap.AddStateValue(snapAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(snapAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+"-snap-renamed")),
					statecheck.ExpectKnownValue(snapAddr, tfjsonpath.New("description"), knownvalue.StringExact("kept")),
				},
			},
			{
				// No perpetual difference.
				Config:   snapshotConfig(name+"-renamed", name+"-snap-renamed", "kept"),
				PlanOnly: true,
			},
		},
	})
}

func TestAccConsistencyGroup_drift(t *testing.T) {
	name := acctest.RandomName("tf-acc-cg-drift")
	var created acctest.ID
	client := acctest.ManilaClient(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: cgConfig(name, "managed"), Check: created.Capture(cgAddr)},
			{
				PreConfig: func() {
					// Someone renames the group with the manila CLI.
					tampered, description := "tampered", "changed by hand"
					if _, err := client.UpdateConsistencyGroup(context.Background(), created.Value, manila.ConsistencyGroupUpdate{Name: &tampered, Description: &description}); err != nil {
						t.Fatal(err)
					}
				},
				Config: cgConfig(name, "managed"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(cgAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(cgAddr, tfjsonpath.New("name"), knownvalue.StringExact(name)),
				}},
				Check: checkAPIName(t, cgAddr, name),
			},
		},
	})
}

func TestAccConsistencyGroup_disappears(t *testing.T) {
	name := acctest.RandomName("tf-acc-cg-gone")
	var cg, snap acctest.ID
	client := acctest.ManilaClient(t)
	config := cgConfig(name, "") + `
resource "continuity_manila_consistency_group_snapshot" "test" {
  consistency_group_id = continuity_manila_consistency_group.test.id
}
`
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: config, Check: resource.ComposeTestCheckFunc(cg.Capture(cgAddr), snap.Capture(snapAddr))},
			{
				// Both are deleted behind Terraform's back: the snapshot, then the group.
				PreConfig: func() {
					ctx := context.Background()
					if err := client.DeleteCGSnapshot(ctx, snap.Value); err != nil {
						t.Fatal(err)
					}
					waitDeleted(t, snap.Value, client.GetCGSnapshot, snapshotStatus)
					if err := client.DeleteConsistencyGroup(ctx, cg.Value); err != nil {
						t.Fatal(err)
					}
					waitDeleted(t, cg.Value, client.GetConsistencyGroup, cgStatus)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(cgAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction(snapAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("id"), knownvalue.StringFunc(func(v string) error {
						if v == cg.Value {
							return fmt.Errorf("id %s was not replaced", v)
						}
						return nil
					})),
				},
			},
		},
	})
}

func TestAccConsistencyGroup_invalidInputRefusedAtPlan(t *testing.T) {
	const id = "6f519a48-3183-46cf-a32f-41815f813986"
	cases := map[string]struct{ body, want string }{
		"share type not a uuid": {`share_types = ["gold"]`, `(?s)Attribute share_types\[Value\("gold"\)\] must be a UUID`},
		"no share types":        {`share_types = []`, `(?s)Attribute share_types set must contain at least 1 elements`},
		"types and source":      {`share_types = ["` + id + `"]` + "\n source_cgsnapshot_id = \"" + id + `"`, `(?s)Invalid Attribute Combination.*share_types`},
		"network and source":    {`share_network_id = "` + id + `"` + "\n source_cgsnapshot_id = \"" + id + `"`, `(?s)Invalid Attribute Combination.*share_network_id`},
		"network not a uuid":    {`share_network_id = "sn-default"`, `(?s)Attribute share_network_id must be a UUID`},
		"empty name":            {`name = ""`, `(?s)Attribute name string length must be between 1 and 255`},
		"description too long":  {`description = "` + strings.Repeat("d", 256) + `"`, `(?s)Attribute description string length must be at most 255`},
	}
	configs := map[string]failing{}
	for name, tc := range cases {
		configs[name] = failing{config: "resource \"continuity_manila_consistency_group\" \"test\" {\n" + tc.body + "\n}\n", want: tc.want, planOnly: true}
	}
	expectErrors(t, configs)
}

// An error of the API at creation is reported with Manila's own message.
func TestAccConsistencyGroup_apiRefusalIsExplained(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			// The default type handles share servers: it needs a share network.
			Config: lookups + `
resource "continuity_manila_consistency_group" "test" {
  share_types = [data.continuity_manila_share_type.default.id]
}
`,
			ExpectError: regexp.MustCompile(`(?s)Error creating continuity_manila_consistency_group.*HTTP\s+400\s+\(badRequest\):\s+Invalid\s+input\s+received:\s+When\s+using\s+a\s+share\s+type.*need\s+share_network_id`),
		}},
	})
}

// Replacing a group of share types that handle share servers by one of
// types that handle none drops the share network the configuration no
// longer sets, instead of keeping the old group's (which Manila would
// refuse after the old group was destroyed).
func TestAccConsistencyGroup_replacedByOtherShareTypes(t *testing.T) {
	name := acctest.RandomName("tf-acc-cg-retype")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: cgConfig(name, "")},
			{
				Config: goldCG(name, false),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(cgAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("share_network_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
				},
			},
		},
	})
}
