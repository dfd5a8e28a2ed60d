package astra_test

import (
	"fmt"
	"regexp"
	"slices"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/astra"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestAccAppDataSource_lookups(t *testing.T) {
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
`, wordpress, app.Name, west),
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
			},
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
