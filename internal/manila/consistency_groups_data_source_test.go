package manila_test

import (
	"fmt"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// Each filter filters: by name the group is found, by name and status
// error it is not.
func TestAccConsistencyGroupsDataSource_filters(t *testing.T) {
	acctest.PreCheckManila(t)
	name := acctest.RandomName("tf-acc-cgs-ds")
	const named, inError = "data.continuity_manila_consistency_groups.named", "data.continuity_manila_consistency_groups.in_error"
	config := cgConfig(name, "listed") + fmt.Sprintf(`
data "continuity_manila_consistency_groups" "named" {
  name       = %q
  depends_on = [continuity_manila_consistency_group.test]
}
data "continuity_manila_consistency_groups" "in_error" {
  name       = %q
  status     = "error"
  depends_on = [continuity_manila_consistency_group.test]
}
`, name, name)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(named, tfjsonpath.New("ids"), knownvalue.ListSizeExact(1)),
				statecheck.CompareValuePairs(named, tfjsonpath.New("consistency_groups").AtSliceIndex(0).AtMapKey("id"),
					cgAddr, tfjsonpath.New("id"), compare.ValuesSame()),
				statecheck.ExpectKnownValue(inError, tfjsonpath.New("consistency_groups"), knownvalue.ListExact([]knownvalue.Check{})),
			},
		}},
	})
}
