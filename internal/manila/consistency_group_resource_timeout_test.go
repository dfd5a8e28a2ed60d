package manila_test

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

// A configured create timeout bounds the wait, and the group created before
// it ran out stays in the state, tainted: the next apply replaces it instead
// of leaving an untracked group behind. The sandbox's steps take 3 s here,
// three times the 1 s timeout, so the wait times out whatever the load.
func TestAccConsistencyGroup_createTimeoutLeavesTaintedGroup(t *testing.T) {
	acctest.PreCheckManila(t)
	env := acctest.StartSandbox(t, sandbox.Options{Transition: 3 * time.Second})
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
		Steps: []resource.TestStep{
			{
				Config:      config(`timeouts = { create = "1s" }`),
				ExpectError: regexp.MustCompile(`(?s)timeout\s+while\s+waiting.*last\s+state\s+"creating"`),
			},
			{
				Config: config(""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("continuity_manila_consistency_group.test", plancheck.ResourceActionReplace),
				}},
			},
		},
	})
}
