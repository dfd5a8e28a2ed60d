package manila_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// A configured create timeout bounds the wait, and the group created before
// it ran out stays in the state, tainted: the error names the timeout, the
// wait and the last status, and says how to keep the group; the next apply
// replaces it instead of leaving an untracked group behind. The sandbox
// stalls the creation, so the wait times out whatever the load.
func TestAccConsistencyGroup_createTimeoutLeavesTaintedGroup(t *testing.T) {
	acctest.PreCheckManila(t)
	env := acctest.StartSandbox(t, sandbox.Options{})
	base := sandboxBase(env)
	provider := acctest.ManilaProviderConfig(acctest.ManilaSettingsFrom(env))
	name := acctest.RandomName("tf-acc-cg-timeout")
	config := func(timeouts string) string {
		return provider + fmt.Sprintf(`
data "continuity_manila_share_type" "gold" {
  name = "gold"
}
resource "continuity_manila_consistency_group" "test" {
  name        = %q
  share_types = [data.continuity_manila_share_type.gold.id]
  %s
}
`, name, timeouts)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkSandboxEmpty(t, base),
		Steps: []resource.TestStep{
			{
				PreConfig: func() { setFaults(t, base, "stall=manila.consistency_group.create") },
				Config:    config(`timeouts = { create = "1s" }`),
				ExpectError: regexp.MustCompile(`(?s)Timeout while waiting for the creation of continuity_manila_consistency_group.*` +
					`timeout\s+while\s+waiting\s+for\s+consistency\s+group\s+\S+\s+to\s+become\s+available\s+\(the\s+timeout\s+of\s+1s\s+passed\).*` +
					`last\s+state\s+"creating".*terraform\s+untaint.*replaces\s+it`),
			},
			{
				// Tainted, in the state with its status.
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(cgAddr, "status", "creating"),
					func(s *terraform.State) error {
						if !s.RootModule().Resources[cgAddr].Primary.Tainted {
							return fmt.Errorf("%s is not tainted", cgAddr)
						}
						return nil
					},
					checkSandboxHolds(t, base, 1),
				),
			},
			{
				PreConfig: func() { setFaults(t, base, "") },
				Config:    config(""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(cgAddr, plancheck.ResourceActionReplace),
				}},
				Check: checkSandboxHolds(t, base, 1),
			},
		},
	})
}
