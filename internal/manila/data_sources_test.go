package manila_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestAccManilaDataSources(t *testing.T) {
	acctest.PreCheckManila(t)
	name := acctest.RandomName("tf-acc-cg-ds")
	config := cgConfig(name, "looked up") + fmt.Sprintf(`
data "continuity_manila_share_type" "gold" {
  name = "gold"
}
data "continuity_manila_consistency_group" "by_name" {
  name = continuity_manila_consistency_group.test.name
}
data "continuity_manila_consistency_group" "by_id" {
  id = continuity_manila_consistency_group.test.id
}
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
	byName := "data.continuity_manila_consistency_group.by_name"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.continuity_manila_share_type.default", tfjsonpath.New("id"), knownvalue.StringExact(acctest.SandboxEnv(t, acctest.EnvManilaShareTypeDefaultID))),
				statecheck.ExpectKnownValue("data.continuity_manila_share_type.default", tfjsonpath.New("driver_handles_share_servers"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue("data.continuity_manila_share_type.default", tfjsonpath.New("is_default"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue("data.continuity_manila_share_type.default", tfjsonpath.New("is_public"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue("data.continuity_manila_share_type.gold", tfjsonpath.New("id"), knownvalue.StringExact(acctest.SandboxEnv(t, acctest.EnvManilaShareTypeGoldID))),
				statecheck.ExpectKnownValue("data.continuity_manila_share_type.gold", tfjsonpath.New("driver_handles_share_servers"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue("data.continuity_manila_share_type.gold", tfjsonpath.New("is_default"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue("data.continuity_manila_share_type.gold", tfjsonpath.New("extra_specs"), knownvalue.MapPartial(map[string]knownvalue.Check{
					"driver_handles_share_servers": knownvalue.StringExact("False"),
				})),
				statecheck.ExpectKnownValue("data.continuity_manila_share_network.default", tfjsonpath.New("id"), knownvalue.StringExact(acctest.SandboxEnv(t, acctest.EnvManilaShareNetworkID))),
				statecheck.ExpectKnownValue("data.continuity_manila_share_network.default", tfjsonpath.New("cidr"), knownvalue.StringExact("10.0.0.0/24")),
				statecheck.ExpectKnownValue("data.continuity_manila_share_network.default", tfjsonpath.New("ip_version"), knownvalue.Int64Exact(4)),
				statecheck.ExpectKnownValue("data.continuity_manila_share_network.default", tfjsonpath.New("mtu"), knownvalue.Int64Exact(1450)),
				statecheck.ExpectKnownValue("data.continuity_manila_share_network.default", tfjsonpath.New("project_id"), knownvalue.StringExact(acctest.SandboxEnv(t, acctest.EnvManilaProjectID))),

				statecheck.CompareValuePairs(byName, tfjsonpath.New("id"), cgAddr, tfjsonpath.New("id"), compare.ValuesSame()),
				statecheck.CompareValuePairs("data.continuity_manila_consistency_group.by_id", tfjsonpath.New("name"), cgAddr, tfjsonpath.New("name"), compare.ValuesSame()),
				statecheck.ExpectKnownValue(byName, tfjsonpath.New("description"), knownvalue.StringExact("looked up")),
				statecheck.ExpectKnownValue(byName, tfjsonpath.New("status"), knownvalue.StringExact("available")),
				statecheck.ExpectKnownValue(byName, tfjsonpath.New("share_types"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(acctest.SandboxEnv(t, acctest.EnvManilaShareTypeDefaultID))})),
				statecheck.CompareValuePairs(byName, tfjsonpath.New("host"), cgAddr, tfjsonpath.New("host"), compare.ValuesSame()),

				statecheck.ExpectKnownValue("data.continuity_manila_consistency_groups.named", tfjsonpath.New("ids"), knownvalue.ListSizeExact(1)),
				statecheck.CompareValuePairs("data.continuity_manila_consistency_groups.named", tfjsonpath.New("consistency_groups").AtSliceIndex(0).AtMapKey("id"),
					cgAddr, tfjsonpath.New("id"), compare.ValuesSame()),
				statecheck.ExpectKnownValue("data.continuity_manila_consistency_groups.in_error", tfjsonpath.New("consistency_groups"), knownvalue.ListExact([]knownvalue.Check{})),
			},
		}},
	})
}

func TestAccManilaDataSources_notFound(t *testing.T) {
	cases := map[string]struct{ config, want string }{
		"share type": {`data "continuity_manila_share_type" "x" {
  name = "platinum"
}`, `(?s)Share type not found.*No share type visible to the project is named "platinum"; the project sees:\s+default,\s+gold`},
		"share network": {`data "continuity_manila_share_network" "x" {
  name = "sn-nowhere"
}`, `(?s)Share network not found.*named "sn-nowhere"`},
		"group by name": {`data "continuity_manila_consistency_group" "x" {
  name = "` + strings.Repeat("z", 20) + `"
}`, `(?s)Consistency group not found`},
		"group by id": {`data "continuity_manila_consistency_group" "x" {
  id = "6f519a48-3183-46cf-a32f-41815f813986"
}`, `(?s)HTTP\s+404\s+\(itemNotFound\):\s+Consistency\s+group\s+6f519a48-3183-46cf-a32f-41815f813986\s+not\s+found`},
		"both id and name": {`data "continuity_manila_consistency_group" "x" {
  id   = "6f519a48-3183-46cf-a32f-41815f813986"
  name = "x"
}`, `(?s)Invalid Attribute Combination`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheckManila(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: tc.config, ExpectError: regexp.MustCompile(tc.want)}},
			})
		})
	}
}

func TestAccConsistencyGroup_invalidInputRefusedAtPlan(t *testing.T) {
	const id = "6f519a48-3183-46cf-a32f-41815f813986"
	cases := map[string]struct{ body, want string }{
		"share type not a uuid": {`share_types = ["gold"]`, `(?s)Attribute share_types\[Value\("gold"\)\] must be a UUID`},
		"no share types":        {`share_types = []`, `(?s)Attribute share_types set must contain at least 1 elements`},
		"types and source":      {`share_types = ["` + id + `"]` + "\n source_cgsnapshot_id = \"" + id + `"`, `(?s)Invalid Attribute Combination.*share_types`},
		"network and source":    {`share_network_id = "` + id + `"` + "\n source_cgsnapshot_id = \"" + id + `"`, `(?s)Invalid Attribute Combination.*share_network_id`},
		"network not a uuid":    {`share_network_id = "sn-default"`, `(?s)Attribute share_network_id must be a UUID`},
		"empty name":            {`name = ""`, `(?s)Attribute name string length must be between 1 and 255`},
		"description too long":  {`description = "` + strings.Repeat("d", 256) + `"`, `(?s)Attribute description string length must be at most 255`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheckManila(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      "resource \"continuity_manila_consistency_group\" \"test\" {\n" + tc.body + "\n}\n",
					PlanOnly:    true,
					ExpectError: regexp.MustCompile(tc.want),
				}},
			})
		})
	}
	t.Run("snapshot of a group that is not a uuid", func(t *testing.T) {
		resource.ParallelTest(t, resource.TestCase{
			PreCheck:                 func() { acctest.PreCheckManila(t) },
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config:      "resource \"continuity_manila_consistency_group_snapshot\" \"test\" {\n consistency_group_id = \"cg1\"\n}\n",
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Attribute consistency_group_id must be a UUID`),
			}},
		})
	})
}

// An error of the API at creation is reported with Manila's own message.
func TestAccConsistencyGroup_apiRefusalIsExplained(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			// The default type handles share servers: it needs a share network.
			Config: lookups + `
resource "continuity_manila_consistency_group" "test" {
  share_types = [data.continuity_manila_share_type.default.id]
}
`,
			ExpectError: regexp.MustCompile(`(?s)Error creating continuity_manila_consistency_group.*HTTP\s+400\s+\(badRequest\):\s+Invalid\s+input\s+received:\s+When\s+using\s+a\s+share\s+type.*need\s+share_network_id`),
		}},
	})
}
