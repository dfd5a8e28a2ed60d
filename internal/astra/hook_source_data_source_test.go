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

func TestAccHookSourceDataSource_byNameAndID(t *testing.T) {
	name := acctest.RandomName("tf-acc-hook-ds")
	script := "#!/bin/sh\necho looked up\n"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckHookSourceDestroy(t),
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
resource "continuity_astra_hook_source" "test" {
  name        = %[1]q
  description = "for lookup"
  content     = %[2]q
}
# A second hook source with a name that starts the same must not match.
resource "continuity_astra_hook_source" "other" {
  name    = "%[1]s-other"
  content = "echo other\n"
}
data "continuity_astra_hook_source" "by_name" {
  name       = continuity_astra_hook_source.test.name
  depends_on = [continuity_astra_hook_source.other]
}
data "continuity_astra_hook_source" "by_id" {
  id = continuity_astra_hook_source.test.id
}
`, name, script),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.CompareValuePairs("data.continuity_astra_hook_source.by_name", tfjsonpath.New("id"), hookSourceAddr, tfjsonpath.New("id"), compare.ValuesSame()),
				statecheck.CompareValuePairs("data.continuity_astra_hook_source.by_id", tfjsonpath.New("name"), hookSourceAddr, tfjsonpath.New("name"), compare.ValuesSame()),
				statecheck.ExpectKnownValue("data.continuity_astra_hook_source.by_name", tfjsonpath.New("content"), knownvalue.StringExact(script)),
				statecheck.ExpectKnownValue("data.continuity_astra_hook_source.by_name", tfjsonpath.New("description"), knownvalue.StringExact("for lookup")),
				statecheck.ExpectKnownValue("data.continuity_astra_hook_source.by_id", tfjsonpath.New("source_md5"), knownvalue.StringExact(md5hex(acctest.Base64(script)))),
				statecheck.ExpectKnownValue("data.continuity_astra_hook_source.by_id", tfjsonpath.New("preloaded"), knownvalue.Bool(false)),
			},
		}},
	})
}

func TestAccHookSourceDataSource_preloaded(t *testing.T) {
	acctest.PreCheckAstra(t)
	id := acctest.SandboxEnv(t, "CONTINUITY_SANDBOX_ASTRA_PRELOADED_HOOK_SOURCE_ID")
	const addr = "data.continuity_astra_hook_source.preloaded"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(`data "continuity_astra_hook_source" "preloaded" { id = %q }`, id),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("preloaded"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("private"), knownvalue.Bool(true)),
					// A private hook source's script is never returned.
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("content"), knownvalue.Null()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("source_md5"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f]{32}$`))),
				},
			},
			{
				// Lookup by the preloaded one's name finds the same object.
				Config: fmt.Sprintf(`
data "continuity_astra_hook_source" "preloaded" { id = %q }
data "continuity_astra_hook_source" "by_name" { name = data.continuity_astra_hook_source.preloaded.name }
`, id),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.continuity_astra_hook_source.by_name", tfjsonpath.New("id"), knownvalue.StringExact(id)),
				},
			},
		},
	})
}

func TestAccHookSourceDataSource_errors(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      `data "continuity_astra_hook_source" "x" { name = "no-such-hook-source-anywhere" }`,
				ExpectError: regexp.MustCompile(`No hook source named "no-such-hook-source-anywhere"`),
			},
			{
				Config:      `data "continuity_astra_hook_source" "x" { id = "00000000-0000-4000-8000-000000000000" }`,
				ExpectError: regexp.MustCompile(`(?s)HTTP 404.*problem 2`),
			},
			{
				Config:      `data "continuity_astra_hook_source" "x" {}`,
				ExpectError: regexp.MustCompile(`(?s)Missing Attribute Configuration.*Exactly one of these attributes must be configured: \[id,name\]`),
			},
		},
	})
}
