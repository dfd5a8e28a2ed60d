package astra_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestAccManagedClusterDataSource(t *testing.T) {
	acctest.PreCheckAstra(t)
	west := acctest.SandboxEnv(t, acctest.EnvAstraClusterWestID)
	const byName, byID = "data.continuity_astra_managed_cluster.by_name", "data.continuity_astra_managed_cluster.by_id"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(`
data "continuity_astra_managed_cluster" "by_name" {
  name = "cluster-west"
}
data "continuity_astra_managed_cluster" "by_id" {
  id = %q
}
`, west),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(byName, tfjsonpath.New("id"), knownvalue.StringExact(west)),
					statecheck.CompareValuePairs(byID, tfjsonpath.New("name"), byName, tfjsonpath.New("name"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(byID, tfjsonpath.New("name"), knownvalue.StringExact("cluster-west")),
					statecheck.ExpectKnownValue(byID, tfjsonpath.New("managed_state"), knownvalue.StringExact("managed")),
					statecheck.ExpectKnownValue(byID, tfjsonpath.New("state"), knownvalue.StringExact("running")),
					statecheck.ExpectKnownValue(byID, tfjsonpath.New("cluster_type"), knownvalue.StringExact("kubernetes")),
					statecheck.ExpectKnownValue(byID, tfjsonpath.New("default_storage_class_name"), knownvalue.StringExact("ontap-gold")),
					statecheck.ExpectKnownValue(byID, tfjsonpath.New("in_use"), knownvalue.Bool(true)),
				},
			},
			{
				Config:      `data "continuity_astra_managed_cluster" "x" { name = "cluster-north" }`,
				ExpectError: regexp.MustCompile(`No managed cluster named "cluster-north"`),
			},
		},
	})
}
