package astra_test

import (
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestAccStorageClassesDataSource(t *testing.T) {
	acctest.PreCheckAstra(t)
	const cluster, classes = "data.continuity_astra_managed_cluster.west", "data.continuity_astra_storage_classes.west"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `
data "continuity_astra_managed_cluster" "west" {
  name = "cluster-west"
}
data "continuity_astra_storage_classes" "west" {
  cluster_id = data.continuity_astra_managed_cluster.west.id
}
`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs(cluster, tfjsonpath.New("default_storage_class_id"), classes, tfjsonpath.New("storage_classes").AtSliceIndex(0).AtMapKey("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(classes, tfjsonpath.New("names"),
						knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("ontap-gold"), knownvalue.StringExact("ontap-silver")})),
					statecheck.ExpectKnownValue(classes, tfjsonpath.New("default_name"), knownvalue.StringExact("ontap-gold")),
					statecheck.ExpectKnownValue(classes, tfjsonpath.New("storage_classes").AtSliceIndex(0).AtMapKey("is_default"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(classes, tfjsonpath.New("storage_classes").AtSliceIndex(1).AtMapKey("is_default"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(classes, tfjsonpath.New("storage_classes").AtSliceIndex(1).AtMapKey("provisioner"), knownvalue.StringExact("csi.trident.netapp.io")),
				},
			},
			{
				Config:      `data "continuity_astra_storage_classes" "x" { cluster_id = "00000000-0000-4000-8000-000000000000" }`,
				ExpectError: regexp.MustCompile(`(?s)HTTP 404.*problem 2`),
			},
		},
	})
}
