package astra_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/astra"
	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const mirrorAddr = "continuity_astra_app_mirror.test"

var uuidValue = knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`))

// mirrorConfig returns a continuity_astra_app_mirror "test" from source to
// cluster with extra attribute lines.
func mirrorConfig(source, cluster string, extra ...string) string {
	return fmt.Sprintf(`
resource "continuity_astra_app_mirror" "test" {
  source_app_id          = %q
  destination_cluster_id = %q
%s
}
`, source, cluster, strings.Join(extra, "\n"))
}

// testAccCheckAppMirrorDestroy checks that every relationship is gone.
func testAccCheckAppMirrorDestroy(t *testing.T) resource.TestCheckFunc {
	client := acctest.AstraClient(t)
	return acctest.CheckDestroyed(map[string]acctest.Finder{"continuity_astra_app_mirror": acctest.Find(client.GetAppMirror)})
}

// apiMirror is what checkMirrorAPI expects of the relationship.
type apiMirror struct {
	state    string
	reversed bool // the API's source and destination are the resource's, swapped
}

// checkMirrorAPI checks the relationship and its apps through the API:
// state, direction, and which app is a replica (replicationSourceAppID)
// of which.
func checkMirrorAPI(t *testing.T, want apiMirror) resource.TestCheckFunc {
	client := acctest.AstraClient(t)
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[mirrorAddr]
		if !ok {
			return fmt.Errorf("%s not in state", mirrorAddr)
		}
		ctx := context.Background()
		m, err := client.GetAppMirror(ctx, rs.Primary.ID)
		if err != nil {
			return err
		}
		src, dest := rs.Primary.Attributes["source_app_id"], rs.Primary.Attributes["destination_app_id"]
		if want.reversed {
			src, dest = dest, src
		}
		if m.State != want.state || m.SourceAppID != src || m.DestinationAppID != dest {
			return fmt.Errorf("API: state %s, %s → %s; want %s, %s → %s", m.State, m.SourceAppID, m.DestinationAppID, want.state, src, dest)
		}
		destApp, err := client.GetApp(ctx, dest)
		if err != nil {
			return err
		}
		srcApp, err := client.GetApp(ctx, src)
		if err != nil {
			return err
		}
		wantReplica := src
		if want.state == astra.MirrorFailedOver {
			wantReplica = "" // a failed-over destination runs on its own
		}
		if destApp.ReplicationSourceAppID != wantReplica || srcApp.ReplicationSourceAppID != "" {
			return fmt.Errorf("API: replicationSourceAppID of destination %s = %q (want %q), of source %s = %q (want none)",
				dest, destApp.ReplicationSourceAppID, wantReplica, src, srcApp.ReplicationSourceAppID)
		}
		return nil
	}
}

// stateIs checks the state attributes every step checks.
func stateIs(state, desired string, reversed bool) []statecheck.StateCheck {
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("state"), knownvalue.StringExact(state)),
		statecheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("state_desired"), knownvalue.StringExact(desired)),
		statecheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("reversed"), knownvalue.Bool(reversed)),
	}
}

func TestAccAppMirror_basic(t *testing.T) {
	acctest.PreCheckAstra(t)
	app := acctest.AstraApp(t, "tf-acc-mirror", acctest.EnvAstraClusterEastID)
	east := acctest.SandboxEnv(t, acctest.EnvAstraClusterEastID)
	west := acctest.SandboxEnv(t, acctest.EnvAstraClusterWestID)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	sameDest := statecheck.CompareValue(compare.ValuesSame())
	mapping := fmt.Sprintf(`
  namespace_mapping = [
    { cluster_id = %q, namespaces = [%q] },
    { cluster_id = %q, namespaces = ["%s-dr"] },
  ]
  storage_classes = [{ cluster_id = %q, storage_class_name = "ontap-silver" }]`, east, app.Name, west, app.Name, west)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckAppMirrorDestroy(t),
		Steps: []resource.TestStep{
			{
				Config: mirrorConfig(app.ID, west),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(mirrorAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("state"), knownvalue.StringExact("established")),
				}},
				ConfigStateChecks: append(stateIs("established", "established", false),
					sameID.AddStateValue(mirrorAddr, tfjsonpath.New("id")),
					sameDest.AddStateValue(mirrorAddr, tfjsonpath.New("destination_app_id")),
					statecheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("id"), uuidValue),
					statecheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("destination_app_id"), uuidValue),
					statecheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("source_cluster_id"), knownvalue.StringExact(east)),
					statecheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("destination_cluster_id"), knownvalue.StringExact(west)),
					statecheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("health_state"), knownvalue.StringExact("normal")),
					statecheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("transfer_state"), knownvalue.StringExact("idle")),
					statecheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("namespace_mapping"), knownvalue.Null()),
					statecheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("state_details").AtSliceIndex(0).AtMapKey("title"),
						knownvalue.StringExact("AppMirror relationship established")),
				),
				Check: checkMirrorAPI(t, apiMirror{state: "established"}),
			},
			{
				ResourceName:            mirrorAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				// The import ID may name the configured source app.
				ResourceName:            mirrorAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"timeouts"},
				ImportStateIdFunc: func(s *terraform.State) (string, error) {
					return s.RootModule().Resources[mirrorAddr].Primary.ID + "," + app.ID, nil
				},
			},
			{
				// Failover is an in-place update; the plan knows the end state.
				Config: mirrorConfig(app.ID, west, `  state_desired = "failedOver"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(mirrorAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("state"), knownvalue.StringExact("failedOver")),
					plancheck.ExpectUnknownValue(mirrorAddr, tfjsonpath.New("health_state")),
				}},
				ConfigStateChecks: append(stateIs("failedOver", "failedOver", false),
					sameID.AddStateValue(mirrorAddr, tfjsonpath.New("id")),
					sameDest.AddStateValue(mirrorAddr, tfjsonpath.New("destination_app_id")),
					statecheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("health_state"), knownvalue.StringExact("warning")),
				),
				Check: checkMirrorAPI(t, apiMirror{state: "failedOver"}),
			},
			{
				// The mappings are used at creation: changing them replaces
				// the relationship (destroyed first: an app is in one
				// relationship only).
				Config: mirrorConfig(app.ID, west, mapping),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(mirrorAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: append(stateIs("established", "established", false),
					statecheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("namespace_mapping").AtSliceIndex(1).AtMapKey("namespaces"),
						knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(app.Name + "-dr")})),
					statecheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("storage_classes").AtSliceIndex(0).AtMapKey("storage_class_name"),
						knownvalue.StringExact("ontap-silver")),
				),
				Check: resource.ComposeAggregateTestCheckFunc(
					checkMirrorAPI(t, apiMirror{state: "established"}),
					checkDestinationNamespaces(t, app.Name+"-dr"),
				),
			},
			{
				Config:            mirrorConfig(app.ID, west, mapping),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("reversed"), knownvalue.Bool(false))},
			},
		},
	})
}

// checkDestinationNamespaces checks the namespaces of the destination app.
func checkDestinationNamespaces(t *testing.T, namespaces ...string) resource.TestCheckFunc {
	client := acctest.AstraClient(t)
	return func(s *terraform.State) error {
		a, err := client.GetApp(context.Background(), s.RootModule().Resources[mirrorAddr].Primary.Attributes["destination_app_id"])
		if err != nil {
			return err
		}
		if strings.Join(a.Namespaces, ",") != strings.Join(namespaces, ",") {
			return fmt.Errorf("destination app namespaces = %v, want %v", a.Namespaces, namespaces)
		}
		return nil
	}
}

// waitState waits, through the API, until the relationship is in state,
// or gone when state is "".
func waitState(t *testing.T, client *astra.Client, id, state string) {
	t.Helper()
	conf := wait.Conf[*astra.AppMirror]{
		Operation: "AppMirror " + id + " to be " + state,
		Pending:   []string{astra.MirrorEstablishing, astra.MirrorFailingOver, astra.MirrorDeleting},
		Target:    []string{state},
		Refresh: func(ctx context.Context) (*astra.AppMirror, string, error) {
			m, err := client.GetAppMirror(ctx, id)
			if err != nil {
				return nil, "", err
			}
			return m, m.State, nil
		},
	}
	if state == "" {
		conf.NotFound = wait.NotFoundIsSuccess
	}
	if _, err := conf.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestAccAppMirror_driftFailoverAndReverseOutsideTerraform(t *testing.T) {
	acctest.PreCheckAstra(t)
	app := acctest.AstraApp(t, "tf-acc-mirror-drift", acctest.EnvAstraClusterEastID)
	west := acctest.SandboxEnv(t, acctest.EnvAstraClusterWestID)
	client := acctest.AstraClient(t)
	var mirror acctest.ID
	config := mirrorConfig(app.ID, west)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckAppMirrorDestroy(t),
		Steps: []resource.TestStep{
			{Config: config, Check: mirror.Capture(mirrorAddr)},
			{
				// Someone fails over in the Astra UI: the plan resyncs.
				PreConfig: func() {
					if err := client.UpdateAppMirror(context.Background(), mirror.Value, astra.FailoverUpdate()); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(mirrorAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("state_desired"), knownvalue.StringExact("established")),
				}},
				ConfigStateChecks: stateIs("established", "established", false),
				Check:             checkMirrorAPI(t, apiMirror{state: "established"}),
			},
			{
				// Someone reverses the relationship: the plan reverses it back.
				PreConfig: func() {
					m, err := client.GetAppMirror(context.Background(), mirror.Value)
					if err != nil {
						t.Fatal(err)
					}
					if err := client.UpdateAppMirror(context.Background(), mirror.Value, astra.ReverseUpdate(m)); err != nil {
						t.Fatal(err)
					}
					waitState(t, client, mirror.Value, astra.MirrorEstablished)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(mirrorAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("reversed"), knownvalue.Bool(false)),
				}},
				ConfigStateChecks: stateIs("established", "established", false),
				Check:             checkMirrorAPI(t, apiMirror{state: "established"}),
			},
			{
				// A refresh alone shows the drift as a non-empty plan.
				PreConfig: func() {
					if err := client.UpdateAppMirror(context.Background(), mirror.Value, astra.FailoverUpdate()); err != nil {
						t.Fatal(err)
					}
					waitState(t, client, mirror.Value, astra.MirrorFailedOver)
				},
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(mirrorAddr, "state", "failedOver"),
					resource.TestCheckResourceAttr(mirrorAddr, "state_desired", "failedOver"),
				),
			},
			{Config: config, ConfigStateChecks: stateIs("established", "established", false)},
		},
	})
}

func TestAccAppMirror_disappears(t *testing.T) {
	acctest.PreCheckAstra(t)
	app := acctest.AstraApp(t, "tf-acc-mirror-gone", acctest.EnvAstraClusterEastID)
	west := acctest.SandboxEnv(t, acctest.EnvAstraClusterWestID)
	client := acctest.AstraClient(t)
	var mirror acctest.ID
	config := mirrorConfig(app.ID, west)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckAppMirrorDestroy(t),
		Steps: []resource.TestStep{
			{Config: config, Check: mirror.Capture(mirrorAddr)},
			{
				PreConfig: func() {
					if err := client.DeleteAppMirror(context.Background(), mirror.Value); err != nil {
						t.Fatal(err)
					}
					waitState(t, client, mirror.Value, "")
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(mirrorAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: append(stateIs("established", "established", false),
					statecheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("id"), knownvalue.StringFunc(func(v string) error {
						if v == mirror.Value {
							return fmt.Errorf("id %s was not replaced", v)
						}
						return nil
					}))),
				Check: checkMirrorAPI(t, apiMirror{state: "established"}),
			},
		},
	})
}

// TestAccAppMirror_runbook walks the disaster-recovery runbook with
// Terraform, checking the state and the API after each step: establish,
// fail over, resync, reverse, reverse back, destroy.
func TestAccAppMirror_runbook(t *testing.T) {
	acctest.PreCheckAstra(t)
	app := acctest.AstraApp(t, "tf-acc-runbook", acctest.EnvAstraClusterEastID)
	west := acctest.SandboxEnv(t, acctest.EnvAstraClusterWestID)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	sameDest := statecheck.CompareValue(compare.ValuesSame())
	step := func(desired string, reversed bool, action plancheck.ResourceActionType, api apiMirror) resource.TestStep {
		return resource.TestStep{
			Config: mirrorConfig(app.ID, west, fmt.Sprintf("  state_desired = %q\n  reversed      = %t", desired, reversed)),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(mirrorAddr, action),
				plancheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("state"), knownvalue.StringExact(desired)),
			}},
			ConfigStateChecks: append(stateIs(desired, desired, reversed),
				sameID.AddStateValue(mirrorAddr, tfjsonpath.New("id")),
				sameDest.AddStateValue(mirrorAddr, tfjsonpath.New("destination_app_id")),
				// The attributes keep their configured meaning.
				statecheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("source_app_id"), knownvalue.StringExact(app.ID)),
				statecheck.ExpectKnownValue(mirrorAddr, tfjsonpath.New("destination_cluster_id"), knownvalue.StringExact(west)),
			),
			Check: checkMirrorAPI(t, api),
		}
	}

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckAppMirrorDestroy(t),
		Steps: []resource.TestStep{
			// 1. Establish: wordpress-like app on east replicated to west.
			step("established", false, plancheck.ResourceActionCreate, apiMirror{state: "established"}),
			// 2. Disaster: fail over to the copy on west.
			step("failedOver", false, plancheck.ResourceActionUpdate, apiMirror{state: "failedOver"}),
			// 3. Resync: east is back; replicate east → west again (west's changes are discarded).
			step("established", false, plancheck.ResourceActionUpdate, apiMirror{state: "established"}),
			// 4. Reverse: west becomes the source, east the replica.
			step("established", true, plancheck.ResourceActionUpdate, apiMirror{state: "established", reversed: true}),
			// The reversed relationship imports as reversed, by its ID alone
			// (creation times tell the replicated app from its copy) ...
			{
				ResourceName:            mirrorAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			// ... or with the configured source app named.
			{
				ResourceName:            mirrorAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"timeouts"},
				ImportStateIdFunc: func(s *terraform.State) (string, error) {
					return s.RootModule().Resources[mirrorAddr].Primary.ID + "," + app.ID, nil
				},
			},
			// 5. Reverse back: east is the source again.
			step("established", false, plancheck.ResourceActionUpdate, apiMirror{state: "established"}),
			// 6. Destroy: CheckDestroy checks the relationship is gone.
		},
	})
}

// TestAccAppMirror_failBack walks the other way home: fail over, then
// reverse from failedOver (keeping the data written on the failed-over
// app), then reverse back once it is established.
func TestAccAppMirror_failBack(t *testing.T) {
	acctest.PreCheckAstra(t)
	app := acctest.AstraApp(t, "tf-acc-failback", acctest.EnvAstraClusterEastID)
	west := acctest.SandboxEnv(t, acctest.EnvAstraClusterWestID)
	cfg := func(desired string, reversed bool) string {
		return mirrorConfig(app.ID, west, fmt.Sprintf("  state_desired = %q\n  reversed      = %t", desired, reversed))
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckAppMirrorDestroy(t),
		Steps: []resource.TestStep{
			{Config: cfg("established", false)},
			{Config: cfg("failedOver", false), Check: checkMirrorAPI(t, apiMirror{state: "failedOver"})},
			{
				Config:            cfg("established", true),
				ConfigStateChecks: stateIs("established", "established", true),
				Check:             checkMirrorAPI(t, apiMirror{state: "established", reversed: true}),
			},
			{
				// Fail over while reversed: back to the configured source app.
				Config:            cfg("failedOver", true),
				ConfigStateChecks: stateIs("failedOver", "failedOver", true),
				Check:             checkMirrorAPI(t, apiMirror{state: "failedOver", reversed: true}),
			},
			{
				Config:            cfg("established", false),
				ConfigStateChecks: stateIs("established", "established", false),
				Check:             checkMirrorAPI(t, apiMirror{state: "established"}),
			},
		},
	})
}

func TestAccAppMirror_sameCluster(t *testing.T) {
	acctest.PreCheckAstra(t)
	app := acctest.AstraApp(t, "tf-acc-mirror-local", acctest.EnvAstraClusterEastID)
	east := acctest.SandboxEnv(t, acctest.EnvAstraClusterEastID)
	roles := func(reversed bool) string {
		return fmt.Sprintf(`
  reversed = %t
  namespace_mapping = [
    { cluster_id = %[2]q, namespaces = [%[3]q], role = "source" },
    { cluster_id = %[2]q, namespaces = ["%[3]s-copy"], role = "destination" },
  ]`, reversed, east, app.Name)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckAppMirrorDestroy(t),
		Steps: []resource.TestStep{
			{
				Config: mirrorConfig(app.ID, east, roles(false)),
				Check:  resource.ComposeAggregateTestCheckFunc(checkMirrorAPI(t, apiMirror{state: "established"}), checkDestinationNamespaces(t, app.Name+"-copy")),
			},
			{
				// Reversed, the API turns the roles around; the attribute
				// keeps the configured ones, so the plan is only the reverse.
				Config: mirrorConfig(app.ID, east, roles(true)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(mirrorAddr, plancheck.ResourceActionUpdate),
				}},
				Check: checkMirrorAPI(t, apiMirror{state: "established", reversed: true}),
			},
			{
				Config:           mirrorConfig(app.ID, east, roles(true)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

func TestAccAppMirror_refusedAtPlan(t *testing.T) {
	acctest.PreCheckAstra(t)
	wordpress := acctest.SandboxEnv(t, acctest.EnvAstraWordpressID)
	east := acctest.SandboxEnv(t, acctest.EnvAstraClusterEastID)
	west := acctest.SandboxEnv(t, acctest.EnvAstraClusterWestID)
	cases := map[string]struct {
		config string
		want   string
	}{
		"created failed over": {mirrorConfig(wordpress, west, `  state_desired = "failedOver"`), `(?s)A relationship cannot be created failed over`},
		"created reversed":    {mirrorConfig(wordpress, west, `  reversed = true`), `(?s)A relationship cannot be created reversed`},
		"unknown state":       {mirrorConfig(wordpress, west, `  state_desired = "deleted"`), `(?s)Attribute state_desired value must be one of`},
		"app not a UUID":      {mirrorConfig("wordpress", west), `(?s)source_app_id.*must be the ID of a managed app`},
		"bad namespace":       {mirrorConfig(wordpress, west, fmt.Sprintf(`  namespace_mapping = [{ cluster_id = %q, namespaces = ["Not_DNS"] }]`, west)), `(?s)must be a DNS-1123 label`},
		"three mappings": {mirrorConfig(wordpress, west, fmt.Sprintf(`  namespace_mapping = [{ cluster_id = %[1]q, namespaces = ["a"] }, { cluster_id = %[1]q, namespaces = ["b"] }, { cluster_id = %[1]q, namespaces = ["c"] }]`, west)),
			`(?s)namespace_mapping list must contain at least 1 elements and at most\s+2`},
		"same cluster without roles": {mirrorConfig(wordpress, east, fmt.Sprintf(`  namespace_mapping = [{ cluster_id = %[1]q, namespaces = ["wordpress"] }, { cluster_id = %[1]q, namespaces = ["wp-copy"] }]`, east)),
			`(?s)Roles required for a relationship within one cluster`},
		"unpaired namespaces": {mirrorConfig(wordpress, west, fmt.Sprintf(`  namespace_mapping = [{ cluster_id = %q, namespaces = ["wordpress"] }, { cluster_id = %q, namespaces = ["a", "b"] }]`, east, west)),
			`(?s)Namespace lists of different lengths.*list 1 and 2`},
		"bad role": {mirrorConfig(wordpress, west, fmt.Sprintf(`  storage_classes = [{ cluster_id = %q, storage_class_name = "ontap-gold", role = "primary" }]`, west)),
			`(?s)role value must be one of`},
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
}

func TestAccAppMirror_reverseAndFailoverTogetherRefused(t *testing.T) {
	acctest.PreCheckAstra(t)
	app := acctest.AstraApp(t, "tf-acc-mirror-2step", acctest.EnvAstraClusterEastID)
	west := acctest.SandboxEnv(t, acctest.EnvAstraClusterWestID)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckAppMirrorDestroy(t),
		Steps: []resource.TestStep{
			{Config: mirrorConfig(app.ID, west)},
			{
				Config:      mirrorConfig(app.ID, west, "  reversed = true\n  state_desired = \"failedOver\""),
				ExpectError: regexp.MustCompile(`(?s)Reverse and failover cannot be done in one step.*The relationship is established`),
			},
			// Nothing changed.
			{Config: mirrorConfig(app.ID, west), Check: checkMirrorAPI(t, apiMirror{state: "established"})},
		},
	})
}

func TestAccAppMirror_apiRefusals(t *testing.T) {
	acctest.PreCheckAstra(t)
	mysql := acctest.SandboxEnv(t, acctest.EnvAstraMySQLID)
	east := acctest.SandboxEnv(t, acctest.EnvAstraClusterEastID)
	west := acctest.SandboxEnv(t, acctest.EnvAstraClusterWestID)
	app := acctest.AstraApp(t, "tf-acc-mirror-twice", acctest.EnvAstraClusterEastID)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckAppMirrorDestroy(t),
		Steps: []resource.TestStep{
			{
				// The sandbox's mysql uses two storage classes: not eligible.
				Config:      mirrorConfig(mysql, east),
				ExpectError: regexp.MustCompile(`(?s)Error creating continuity_astra_app_mirror for source app.*HTTP 409.*problem 150.*single storage class`),
			},
			{
				Config: mirrorConfig(app.ID, west) + fmt.Sprintf(`
resource "continuity_astra_app_mirror" "again" {
  source_app_id          = %q
  destination_cluster_id = %q
  depends_on             = [continuity_astra_app_mirror.test]
}
`, app.ID, west),
				ExpectError: regexp.MustCompile(`(?s)HTTP 409.*problem 10.*terraform\s+import\s+continuity_astra_app_mirror`),
			},
			{
				Config: mirrorConfig(app.ID, west, fmt.Sprintf(`  storage_classes = [{ cluster_id = %q, storage_class_name = "ontap-bronze" }]`, west)),
				// Replacing the relationship created above fails on the
				// unknown storage class, which the API names.
				ExpectError: regexp.MustCompile(`(?s)HTTP 400.*problem 9.*storageClasses\[0\]`),
			},
		},
	})
}
