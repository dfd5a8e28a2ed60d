package manila_test

import (
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestAccConsistencyGroupDataSource_basic(t *testing.T) {
	acctest.PreCheckManila(t)
	const byName, byID = "data.continuity_manila_consistency_group.by_name", "data.continuity_manila_consistency_group.by_id"
	config := cgConfig(acctest.RandomName("tf-acc-cg-ds"), "looked up") + `
data "continuity_manila_consistency_group" "by_name" {
  name = continuity_manila_consistency_group.test.name
}
data "continuity_manila_consistency_group" "by_id" {
  id = continuity_manila_consistency_group.test.id
}
`
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.CompareValuePairs(byName, tfjsonpath.New("id"), cgAddr, tfjsonpath.New("id"), compare.ValuesSame()),
				statecheck.CompareValuePairs(byID, tfjsonpath.New("name"), cgAddr, tfjsonpath.New("name"), compare.ValuesSame()),
				statecheck.ExpectKnownValue(byName, tfjsonpath.New("description"), knownvalue.StringExact("looked up")),
				statecheck.ExpectKnownValue(byName, tfjsonpath.New("status"), knownvalue.StringExact("available")),
				statecheck.ExpectKnownValue(byName, tfjsonpath.New("share_types"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(acctest.SandboxEnv(t, acctest.EnvManilaShareTypeDefaultID))})),
				statecheck.CompareValuePairs(byName, tfjsonpath.New("host"), cgAddr, tfjsonpath.New("host"), compare.ValuesSame()),
			},
		}},
	})
}

func TestAccConsistencyGroupDataSource_notFound(t *testing.T) {
	expectErrors(t, map[string]failing{
		"group by name": {config: `data "continuity_manila_consistency_group" "x" {
  name = "` + strings.Repeat("z", 20) + `"
}`, want: `(?s)Consistency group not found`},
		"group by id": {config: `data "continuity_manila_consistency_group" "x" {
  id = "6f519a48-3183-46cf-a32f-41815f813986"
}`, want: `(?s)HTTP\s+404\s+\(itemNotFound\):\s+Consistency\s+group\s+6f519a48-3183-46cf-a32f-41815f813986\s+not\s+found`},
		"both id and name": {config: `data "continuity_manila_consistency_group" "x" {
  id   = "6f519a48-3183-46cf-a32f-41815f813986"
  name = "x"
}`, want: `(?s)Invalid Attribute Combination`},
	})
}
