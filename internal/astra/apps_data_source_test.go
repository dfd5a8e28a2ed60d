package astra_test

import (
	"fmt"
	"slices"
	"strconv"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// listedApps returns the attribute of every element of apps in the data
// source at addr.
func listedApps(s *terraform.State, addr, attribute string) ([]string, error) {
	rs, ok := s.RootModule().Resources[addr]
	if !ok {
		return nil, fmt.Errorf("%s not in state", addr)
	}
	n, err := strconv.Atoi(rs.Primary.Attributes["apps.#"])
	if err != nil {
		return nil, fmt.Errorf("%s: apps.# = %q", addr, rs.Primary.Attributes["apps.#"])
	}
	out := make([]string, n)
	for i := range n {
		out[i] = rs.Primary.Attributes[fmt.Sprintf("apps.%d.%s", i, attribute)]
	}
	return out, nil
}

// checkApps checks that every app listed at addr has attribute == value
// (unless attribute is ""),
// that the list contains each of include and none of exclude (by name).
func checkApps(addr, attribute, value string, include, exclude []string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		values, err := listedApps(s, addr, attribute)
		if err != nil {
			return err
		}
		names, _ := listedApps(s, addr, "name")
		for i, v := range values {
			if attribute != "" && v != value {
				return fmt.Errorf("%s: app %s has %s %q; the filter wanted %q", addr, names[i], attribute, v, value)
			}
		}
		for _, n := range include {
			if !slices.Contains(names, n) {
				return fmt.Errorf("%s: %s missing from %v", addr, n, names)
			}
		}
		for _, n := range exclude {
			if slices.Contains(names, n) {
				return fmt.Errorf("%s: %s should have been filtered out of %v", addr, n, names)
			}
		}
		return nil
	}
}

func TestAccAppsDataSource_filters(t *testing.T) {
	acctest.PreCheckAstra(t)
	east := acctest.SandboxEnv(t, acctest.EnvAstraClusterEastID)
	west := acctest.SandboxEnv(t, acctest.EnvAstraClusterWestID)
	app := acctest.AstraApp(t, "tf-acc-apps-ds", acctest.EnvAstraClusterWestID)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
data "continuity_astra_apps" "all" {}
data "continuity_astra_apps" "west" {
  cluster_id = %[2]q
}
data "continuity_astra_apps" "east_by_name" {
  cluster_name = "cluster-east"
}
data "continuity_astra_apps" "named" {
  name = %[1]q
}
data "continuity_astra_apps" "by_namespace" {
  namespace = "postgres"
}
data "continuity_astra_apps" "ready_named" {
  name  = %[1]q
  state = "ready"
}
data "continuity_astra_apps" "none" {
  name       = %[1]q
  cluster_id = %[3]q
}
`, app.Name, west, east),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.continuity_astra_apps.named", tfjsonpath.New("ids"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(app.ID)})),
				statecheck.ExpectKnownValue("data.continuity_astra_apps.ready_named", tfjsonpath.New("ids"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(app.ID)})),
				statecheck.ExpectKnownValue("data.continuity_astra_apps.none", tfjsonpath.New("apps"), knownvalue.ListExact([]knownvalue.Check{})),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				checkApps("data.continuity_astra_apps.all", "", "", []string{"wordpress", "postgres", "mysql", app.Name}, nil),
				checkApps("data.continuity_astra_apps.west", "cluster_id", west, []string{"mysql", app.Name}, []string{"wordpress", "postgres"}),
				checkApps("data.continuity_astra_apps.east_by_name", "cluster_name", "cluster-east", []string{"wordpress", "postgres"}, []string{"mysql", app.Name}),
				checkApps("data.continuity_astra_apps.by_namespace", "namespaces.0", "postgres", []string{"postgres"}, []string{"wordpress", "mysql"}),
			),
		}},
	})
}
