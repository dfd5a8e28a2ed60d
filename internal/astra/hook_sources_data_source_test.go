package astra_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestAccHookSourcesDataSource_filter(t *testing.T) {
	name := acctest.RandomName("tf-acc-hooks-ds")
	const one, prefixed, preloaded, every = "data.continuity_astra_hook_sources.one", "data.continuity_astra_hook_sources.prefixed",
		"data.continuity_astra_hook_sources.preloaded", "data.continuity_astra_hook_sources.all"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckHookSourceDestroy(t),
		Steps: []resource.TestStep{{
			Config: twoHookSources(name) + fmt.Sprintf(`
data "continuity_astra_hook_sources" "one" {
  filter     = "name eq '${continuity_astra_hook_source.a.name}'"
}

# Both of this test's hook sources, and no other.
data "continuity_astra_hook_sources" "prefixed" {
  filter     = "name in '%[1]s',preloaded eq 'false'"
  depends_on = [continuity_astra_hook_source.a, continuity_astra_hook_source.b]
}

data "continuity_astra_hook_sources" "preloaded" {
  filter = "preloaded eq 'true'"
}

data "continuity_astra_hook_sources" "all" {
  depends_on = [continuity_astra_hook_source.a, continuity_astra_hook_source.b]
}
`, name),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(one, tfjsonpath.New("hook_sources"), knownvalue.ListSizeExact(1)),
				statecheck.CompareValuePairs(one, tfjsonpath.New("ids").AtSliceIndex(0), "continuity_astra_hook_source.a", tfjsonpath.New("id"), compare.ValuesSame()),
				statecheck.ExpectKnownValue(one, tfjsonpath.New("hook_sources").AtSliceIndex(0).AtMapKey("content"), knownvalue.StringExact("#!/bin/sh\necho a \"$@\"\n")),
				statecheck.ExpectKnownValue(prefixed, tfjsonpath.New("hook_sources"), knownvalue.ListSizeExact(2)),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				checkList(prefixed, "hook_sources", "name", func(v []string) error {
					v = slices.Sorted(slices.Values(v)) // created in parallel: either order
					if !slices.Equal(v, []string{name + "-a", name + "-b"}) {
						return fmt.Errorf("want exactly this test's two hook sources")
					}
					return nil
				}),
				checkList(preloaded, "hook_sources", "preloaded", all(1, func(v string) bool { return v == "true" })),
				checkList(preloaded, "hook_sources", "name", func(v []string) error {
					if slices.ContainsFunc(v, func(n string) bool { return strings.HasPrefix(n, name) }) {
						return fmt.Errorf("the preloaded filter kept a hook source of this test")
					}
					return nil
				}),
				checkList(every, "ids", "", func(v []string) error {
					if len(v) < 3 {
						return fmt.Errorf("want this test's two hook sources and the preloaded one at least")
					}
					return nil
				}),
			),
		}},
	})
}

func TestAccHookSourcesDataSource_errors(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      `data "continuity_astra_hook_sources" "x" { filter = "name == 'x'" }`,
			ExpectError: regexp.MustCompile(words(`Attribute filter must be one or more comma-separated conditions`)),
		}},
	})
}
