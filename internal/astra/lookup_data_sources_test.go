package astra_test

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/astra"
	"github.com/hashicorp/terraform-plugin-testing/compare"
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

func TestAccAppDataSources(t *testing.T) {
	acctest.PreCheckAstra(t)
	east := acctest.SandboxEnv(t, acctest.EnvAstraClusterEastID)
	west := acctest.SandboxEnv(t, acctest.EnvAstraClusterWestID)
	wordpress := acctest.SandboxEnv(t, acctest.EnvAstraWordpressID)
	app := acctest.AstraApp(t, "tf-acc-app-ds", acctest.EnvAstraClusterWestID)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
data "continuity_astra_app" "by_id" {
  id = %[1]q
}
data "continuity_astra_app" "by_name" {
  name = "wordpress"
}
data "continuity_astra_app" "by_name_and_cluster" {
  name       = %[2]q
  cluster_id = %[3]q
}
data "continuity_astra_apps" "all" {}
data "continuity_astra_apps" "west" {
  cluster_id = %[3]q
}
data "continuity_astra_apps" "east_by_name" {
  cluster_name = "cluster-east"
}
data "continuity_astra_apps" "named" {
  name = %[2]q
}
data "continuity_astra_apps" "by_namespace" {
  namespace = "postgres"
}
data "continuity_astra_apps" "ready_named" {
  name  = %[2]q
  state = "ready"
}
data "continuity_astra_apps" "none" {
  name       = %[2]q
  cluster_id = %[4]q
}
`, wordpress, app.Name, west, east),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.continuity_astra_app.by_id", tfjsonpath.New("name"), knownvalue.StringExact("wordpress")),
				statecheck.ExpectKnownValue("data.continuity_astra_app.by_id", tfjsonpath.New("cluster_id"), knownvalue.StringExact(east)),
				statecheck.ExpectKnownValue("data.continuity_astra_app.by_id", tfjsonpath.New("cluster_name"), knownvalue.StringExact("cluster-east")),
				statecheck.ExpectKnownValue("data.continuity_astra_app.by_id", tfjsonpath.New("namespaces"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("wordpress")})),
				statecheck.ExpectKnownValue("data.continuity_astra_app.by_id", tfjsonpath.New("state"), knownvalue.StringExact("ready")),
				statecheck.ExpectKnownValue("data.continuity_astra_app.by_id", tfjsonpath.New("replication_source_app_id"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.continuity_astra_app.by_name", tfjsonpath.New("id"), knownvalue.StringExact(wordpress)),
				statecheck.ExpectKnownValue("data.continuity_astra_app.by_name_and_cluster", tfjsonpath.New("id"), knownvalue.StringExact(app.ID)),
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

func TestAccAppDataSource_errors(t *testing.T) {
	acctest.PreCheckAstra(t)
	east := acctest.SandboxEnv(t, acctest.EnvAstraClusterEastID)
	west := acctest.SandboxEnv(t, acctest.EnvAstraClusterWestID)
	// Three apps of one name: on east, on west, and on east with another
	// namespace (like a copy within one cluster).
	first := acctest.AstraApp(t, "tf-acc-app-twin", acctest.EnvAstraClusterEastID)
	client := acctest.AstraClient(t)
	var others []string
	for _, in := range []astra.AppInput{
		{Name: first.Name, ClusterID: west, Namespaces: []string{first.Name}},
		{Name: first.Name, ClusterID: east, Namespaces: []string{first.Name + "-copy"}},
	} {
		a, err := client.ManageApp(t.Context(), in)
		if err != nil {
			t.Fatal(err)
		}
		others = append(others, a.ID)
	}
	byName := func(extra string) string {
		return fmt.Sprintf("data \"continuity_astra_app\" \"x\" {\n  name = %q\n%s\n}\n", first.Name, extra)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      byName(""),
				ExpectError: regexp.MustCompile(`(?s)Several apps match.*3 managed apps are named.*Set\s+cluster_id\s+or\s+namespace`),
			},
			{
				Config:      byName(fmt.Sprintf("  cluster_id = %q", east)),
				ExpectError: regexp.MustCompile(`(?s)Several apps match.*2 managed apps are named`),
			},
			{
				Config:      `data "continuity_astra_app" "x" { name = "no-such-app-anywhere" }`,
				ExpectError: regexp.MustCompile(`No managed app named "no-such-app-anywhere"`),
			},
			{
				Config:      `data "continuity_astra_app" "x" { id = "00000000-0000-4000-8000-000000000000" }`,
				ExpectError: regexp.MustCompile(`(?s)HTTP 404.*problem 2`),
			},
			{
				Config:      fmt.Sprintf("data \"continuity_astra_app\" \"x\" {\n  id         = %q\n  cluster_id = %q\n}", first.ID, east),
				ExpectError: regexp.MustCompile(`(?s)Invalid Attribute Combination`),
			},
			// A valid configuration last: the harness destroys with it.
			{
				Config: byName(fmt.Sprintf("  cluster_id = %q\n  namespace  = %q", east, first.Name)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.continuity_astra_app.x", tfjsonpath.New("id"), knownvalue.StringExact(first.ID)),
					statecheck.ExpectKnownValue("data.continuity_astra_app.x", tfjsonpath.New("id"), knownvalue.StringFunc(func(v string) error {
						if slices.Contains(others, v) {
							return fmt.Errorf("found %s, an app of the same name elsewhere", v)
						}
						return nil
					})),
				},
			},
		},
	})
}

func TestAccManagedClusterAndStorageClassesDataSources(t *testing.T) {
	acctest.PreCheckAstra(t)
	west := acctest.SandboxEnv(t, acctest.EnvAstraClusterWestID)
	const byName, byID, classes = "data.continuity_astra_managed_cluster.by_name", "data.continuity_astra_managed_cluster.by_id", "data.continuity_astra_storage_classes.west"
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
data "continuity_astra_storage_classes" "west" {
  cluster_id = data.continuity_astra_managed_cluster.by_name.id
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
					statecheck.CompareValuePairs(byID, tfjsonpath.New("default_storage_class_id"), classes, tfjsonpath.New("storage_classes").AtSliceIndex(0).AtMapKey("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(classes, tfjsonpath.New("names"),
						knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("ontap-gold"), knownvalue.StringExact("ontap-silver")})),
					statecheck.ExpectKnownValue(classes, tfjsonpath.New("default_name"), knownvalue.StringExact("ontap-gold")),
					statecheck.ExpectKnownValue(classes, tfjsonpath.New("storage_classes").AtSliceIndex(0).AtMapKey("is_default"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(classes, tfjsonpath.New("storage_classes").AtSliceIndex(1).AtMapKey("is_default"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(classes, tfjsonpath.New("storage_classes").AtSliceIndex(1).AtMapKey("provisioner"), knownvalue.StringExact("csi.trident.netapp.io")),
				},
			},
			{
				Config:      `data "continuity_astra_managed_cluster" "x" { name = "cluster-north" }`,
				ExpectError: regexp.MustCompile(`No managed cluster named "cluster-north"`),
			},
			{
				Config:      `data "continuity_astra_storage_classes" "x" { cluster_id = "00000000-0000-4000-8000-000000000000" }`,
				ExpectError: regexp.MustCompile(`(?s)HTTP 404.*problem 2`),
			},
		},
	})
}

func TestAccAppMirrorDataSource(t *testing.T) {
	acctest.PreCheckAstra(t)
	app := acctest.AstraApp(t, "tf-acc-mirror-ds", acctest.EnvAstraClusterEastID)
	west := acctest.SandboxEnv(t, acctest.EnvAstraClusterWestID)
	const ds = "data.continuity_astra_app_mirror.test"
	config := func(reversed bool) string {
		return mirrorConfig(app.ID, west, fmt.Sprintf("  reversed = %t", reversed)) + `
data "continuity_astra_app_mirror" "test" {
  id         = continuity_astra_app_mirror.test.id
  depends_on = [continuity_astra_app_mirror.test]
}
`
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckAppMirrorDestroy(t),
		Steps: []resource.TestStep{
			{
				Config: config(false),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs(ds, tfjsonpath.New("source_app_id"), mirrorAddr, tfjsonpath.New("source_app_id"), compare.ValuesSame()),
					statecheck.CompareValuePairs(ds, tfjsonpath.New("destination_app_id"), mirrorAddr, tfjsonpath.New("destination_app_id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("state"), knownvalue.StringExact("established")),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("state_desired"), knownvalue.StringExact("established")),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("state_allowed"),
						knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("failedOver"), knownvalue.StringExact("deleted")})),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("health_state"), knownvalue.StringExact("normal")),
				},
			},
			{
				// Reversed: the data source shows the API's direction.
				Config: config(true),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs(ds, tfjsonpath.New("source_app_id"), mirrorAddr, tfjsonpath.New("destination_app_id"), compare.ValuesSame()),
					statecheck.CompareValuePairs(ds, tfjsonpath.New("destination_app_id"), mirrorAddr, tfjsonpath.New("source_app_id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("destination_cluster_id"), knownvalue.StringExact(acctest.SandboxEnv(t, acctest.EnvAstraClusterEastID))),
				},
			},
		},
	})
}
