package manila_test

import (
	"context"
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/manila"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// A group whose creation ends in error is tainted; with force_delete and
// admin credentials, destroying it removes it anyway.
func TestAccConsistencyGroup_forceDeleteStuckInError(t *testing.T) {
	acctest.PreCheckManila(t)
	admin := acctest.ManilaProviderConfig(acctest.ManilaAdminSettings(t))
	name := acctest.RandomName(acctest.ManilaFailurePrefix + "-force")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config:      admin + goldCG(name, true),
				ExpectError: regexp.MustCompile(`(?s)Error waiting for the creation of continuity_manila_consistency_group.*failed:\s+state\s+"error".*force_delete\s+=\s+true`),
			},
			{
				// The failed group is in the state, tainted (so a plan
				// replaces it), with its status.
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(cgAddr, "status", "error"),
					resource.TestCheckResourceAttr(cgAddr, "force_delete", "true"),
					resource.TestCheckResourceAttrSet(cgAddr, "host"),
					checkStatus(t, cgAddr, "error"),
				),
			},
		},
	})
}

// A normal delete of a group the share service cannot delete is explained;
// once the back end is fixed (here: the group renamed so that the sandbox
// lets it go), applying again deletes it.
func TestAccConsistencyGroup_deleteFailureIsExplained(t *testing.T) {
	acctest.PreCheckManila(t)
	adminSettings := acctest.ManilaAdminSettings(t)
	admin := acctest.ManilaProviderConfig(adminSettings)
	adminClient := acctest.ManilaAdminClient(t)
	name := acctest.RandomName(acctest.ManilaFailurePrefix + "-delete")
	var created acctest.ID
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config:      admin + goldCG(name, false),
				ExpectError: regexp.MustCompile(`failed:\s+state\s+"error"`),
			},
			{
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check:              created.Capture(cgAddr),
			},
			{
				Config:      admin,
				ExpectError: regexp.MustCompile(`(?s)Error waiting for the deletion of continuity_manila_consistency_group.*failed:\s+state\s+"error".*Set\s+force_delete\s+=\s+true`),
			},
			{
				PreConfig: func() {
					fixed := "fixed"
					if _, err := adminClient.UpdateConsistencyGroup(context.Background(), created.Value, manila.ConsistencyGroupUpdate{Name: &fixed}); err != nil {
						t.Fatal(err)
					}
				},
				Config: admin,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(cgAddr, plancheck.ResourceActionDestroy),
				}},
			},
		},
	})
}

// force_delete with the credentials of an ordinary user: Manila's policy
// refuses, and the error says why and what to do.
func TestAccConsistencyGroup_nonAdminForceDeleteRefused(t *testing.T) {
	name := acctest.RandomName("tf-acc-cg-force")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{
			{Config: goldCG(name, true)},
			{
				Config:  goldCG(name, true),
				Destroy: true,
				ExpectError: regexp.MustCompile(`(?s)Error deleting continuity_manila_consistency_group.*HTTP\s+403\s+\(forbidden\):\s+Access\s+was\s+denied\s+to\s+this\s+resource.*` +
					`reserves\s+to\s+admins.*Set\s+force_delete\s+=\s+false`),
			},
			{
				// Turning force_delete off changes nothing in Manila.
				Config: goldCG(name, false),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(cgAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("force_delete"), knownvalue.Bool(false)),
				},
			},
		},
	})
}
