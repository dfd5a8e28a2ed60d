package manila_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/manila"
	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const (
	cgAddr       = "continuity_manila_consistency_group.test"
	restoredAddr = "continuity_manila_consistency_group.restored"
	snapAddr     = "continuity_manila_consistency_group_snapshot.test"
)

var (
	uuidRe      = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	createdAtRe = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$`)
)

// checkDestroyed checks with the admin client (which sees every project)
// that no consistency group or snapshot of the state survives.
func checkDestroyed(t *testing.T) resource.TestCheckFunc {
	client := acctest.ManilaAdminClient(t)
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			var err error
			switch rs.Type {
			case "continuity_manila_consistency_group":
				_, err = client.GetConsistencyGroup(context.Background(), rs.Primary.ID)
			case "continuity_manila_consistency_group_snapshot":
				_, err = client.GetCGSnapshot(context.Background(), rs.Primary.ID)
			default:
				continue
			}
			if err == nil {
				return fmt.Errorf("%s %s still exists", rs.Type, rs.Primary.ID)
			}
			if !apierr.IsNotFound(err) {
				return err
			}
		}
		return nil
	}
}

// lookups are the data sources of the default share type and network.
const lookups = `
data "continuity_manila_share_type" "default" {
  name = "default"
}
data "continuity_manila_share_network" "default" {
  name = "sn-default"
}
`

func cgConfig(name, description string) string {
	return lookups + fmt.Sprintf(`
resource "continuity_manila_consistency_group" "test" {
  name             = %q
  description      = %q
  share_types      = [data.continuity_manila_share_type.default.id]
  share_network_id = data.continuity_manila_share_network.default.id
}
`, name, description)
}

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

// checkAPIName checks the name the API holds for the group at addr.
func checkAPIName(t *testing.T, addr, name string) resource.TestCheckFunc {
	client := acctest.ManilaClient(t)
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		cg, err := client.GetConsistencyGroup(context.Background(), rs.Primary.ID)
		if err != nil {
			return err
		}
		if cg.Name == nil || *cg.Name != name {
			return fmt.Errorf("API name = %v, want %q", cg.Name, name)
		}
		return nil
	}
}

// idOf captures the ID of a resource from the state.
type idOf struct{ id string }

func (i *idOf) capture(addr string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		i.id = rs.Primary.ID
		return nil
	}
}

// waitGone waits until a consistency group no longer exists.
func waitGone(t *testing.T, client *manila.Client, id string) {
	t.Helper()
	_, err := wait.Conf[*manila.ConsistencyGroup]{
		Operation: "consistency group " + id + " to disappear",
		Pending:   []string{"deleting"},
		NotFound:  wait.NotFoundIsSuccess,
		Refresh: func(ctx context.Context) (*manila.ConsistencyGroup, string, error) {
			cg, err := client.GetConsistencyGroup(ctx, id)
			if err != nil {
				return nil, "", err
			}
			return cg, cg.Status, nil
		},
	}.Wait(context.Background())
	if err != nil {
		t.Fatal(err)
	}
}

func TestAccConsistencyGroup_drift(t *testing.T) {
	name := acctest.RandomName("tf-acc-cg-drift")
	var created idOf
	client := acctest.ManilaClient(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: cgConfig(name, "managed"), Check: created.capture(cgAddr)},
			{
				PreConfig: func() {
					// Someone renames the group with the manila CLI.
					tampered, description := "tampered", "changed by hand"
					if _, err := client.UpdateConsistencyGroup(context.Background(), created.id, manila.ConsistencyGroupUpdate{Name: &tampered, Description: &description}); err != nil {
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
	var cg, snap idOf
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
			{Config: config, Check: resource.ComposeTestCheckFunc(cg.capture(cgAddr), snap.capture(snapAddr))},
			{
				// Both are deleted behind Terraform's back: the snapshot, then the group.
				PreConfig: func() {
					ctx := context.Background()
					if err := client.DeleteCGSnapshot(ctx, snap.id); err != nil {
						t.Fatal(err)
					}
					_, err := wait.Conf[*manila.CGSnapshot]{
						Operation: "snapshot to disappear", Pending: []string{"deleting"}, NotFound: wait.NotFoundIsSuccess,
						Refresh: func(ctx context.Context) (*manila.CGSnapshot, string, error) {
							s, err := client.GetCGSnapshot(ctx, snap.id)
							if err != nil {
								return nil, "", err
							}
							return s, s.Status, nil
						},
					}.Wait(ctx)
					if err != nil {
						t.Fatal(err)
					}
					if err := client.DeleteConsistencyGroup(ctx, cg.id); err != nil {
						t.Fatal(err)
					}
					waitGone(t, client, cg.id)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(cgAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction(snapAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("id"), knownvalue.StringFunc(func(v string) error {
						if v == cg.id {
							return fmt.Errorf("id %s was not replaced", v)
						}
						return nil
					})),
				},
			},
		},
	})
}
