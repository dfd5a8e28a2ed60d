package manila_test

import (
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestAccShareTypeDataSource_basic(t *testing.T) {
	acctest.PreCheckManila(t)
	const defaultType, gold = "data.continuity_manila_share_type.default", "data.continuity_manila_share_type.gold"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
data "continuity_manila_share_type" "default" {
  name = "default"
}
data "continuity_manila_share_type" "gold" {
  name = "gold"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(defaultType, tfjsonpath.New("id"), knownvalue.StringExact(acctest.SandboxEnv(t, acctest.EnvManilaShareTypeDefaultID))),
				statecheck.ExpectKnownValue(defaultType, tfjsonpath.New("driver_handles_share_servers"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(defaultType, tfjsonpath.New("is_default"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(defaultType, tfjsonpath.New("is_public"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(gold, tfjsonpath.New("id"), knownvalue.StringExact(acctest.SandboxEnv(t, acctest.EnvManilaShareTypeGoldID))),
				statecheck.ExpectKnownValue(gold, tfjsonpath.New("driver_handles_share_servers"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(gold, tfjsonpath.New("is_default"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(gold, tfjsonpath.New("extra_specs"), knownvalue.MapPartial(map[string]knownvalue.Check{
					"driver_handles_share_servers": knownvalue.StringExact("False"),
				})),
			},
		}},
	})
}

func TestAccShareTypeDataSource_notFound(t *testing.T) {
	expectErrors(t, map[string]failing{
		"unknown name": {config: `data "continuity_manila_share_type" "x" {
  name = "platinum"
}`, want: `(?s)Share type not found.*No share type visible to the project is named "platinum"; the project sees:\s+default,\s+gold`},
	})
}
