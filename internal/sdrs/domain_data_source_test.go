package sdrs_test

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

// The domain data source: the only domain, the same found by name, and a
// name that does not exist (the Huawei provider's "error_check").
func TestAccDomainDataSource(t *testing.T) {
	const only, byName = "data.continuity_sdrs_domain.only", "data.continuity_sdrs_domain.by_name"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `
data "continuity_sdrs_domain" "only" {}

data "continuity_sdrs_domain" "by_name" {
  name = data.continuity_sdrs_domain.only.name
}
`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(only, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`.`))),
					statecheck.ExpectKnownValue(only, tfjsonpath.New("name"), knownvalue.StringRegexp(regexp.MustCompile(`.`))),
					statecheck.ExpectKnownValue(only, tfjsonpath.New("description"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(only, tfjsonpath.New("local_availability_zone"), knownvalue.StringRegexp(regexp.MustCompile(`.`))),
					statecheck.ExpectKnownValue(only, tfjsonpath.New("remote_availability_zone"), knownvalue.StringRegexp(regexp.MustCompile(`.`))),
					statecheck.CompareValuePairs(only, tfjsonpath.New("local_availability_zone"), only, tfjsonpath.New("remote_availability_zone"), compare.ValuesDiffer()),
					statecheck.CompareValuePairs(only, tfjsonpath.New("id"), byName, tfjsonpath.New("id"), compare.ValuesSame()),
				},
			},
			{
				Config:      `data "continuity_sdrs_domain" "x" { name = "error_check" }`,
				ExpectError: regexp.MustCompile(`(?s)No such SDRS active-active domain.*no active-active domain named\s+"error_check".*Its\s+domains:\s+"`),
			},
		},
	})
}
