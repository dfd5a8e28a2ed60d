package astra_test

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/astra"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const hookSourceAddr = "continuity_astra_hook_source.test"

// md5hex is the API's sourceMD5Checksum of s (MD5 is the API's choice).
func md5hex(s string) string {
	sum := md5.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}

func hookSourceConfig(name, description, content string) string {
	return fmt.Sprintf(`
resource "continuity_astra_hook_source" "test" {
  name        = %q
  description = %q
  content     = %q
}
`, name, description, content)
}

// testAccCheckHookSourceDestroy checks that every hook source is gone.
func testAccCheckHookSourceDestroy(t *testing.T) resource.TestCheckFunc {
	client := acctest.AstraClient(t)
	return acctest.CheckDestroyed(map[string]acctest.Finder{"continuity_astra_hook_source": acctest.Find(client.GetHookSource)})
}

func TestAccHookSource_basic(t *testing.T) {
	name := acctest.RandomName("tf-acc-hook")
	script1 := "#!/bin/sh\necho frozen\n"
	script2 := "#!/bin/sh\necho thawed\nexit 0\n"
	sameID := statecheck.CompareValue(compare.ValuesSame())

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckHookSourceDestroy(t),
		Steps: []resource.TestStep{
			{
				Config: hookSourceConfig(name, "freeze the database", script1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(hookSourceAddr, plancheck.ResourceActionCreate),
					// The base64 source and its checksum are known at plan time.
					plancheck.ExpectKnownValue(hookSourceAddr, tfjsonpath.New("source"), knownvalue.StringExact(acctest.Base64(script1))),
					plancheck.ExpectKnownValue(hookSourceAddr, tfjsonpath.New("source_md5"), knownvalue.StringExact(md5hex(acctest.Base64(script1)))),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(hookSourceAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(hookSourceAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f-]{36}$`))),
					statecheck.ExpectKnownValue(hookSourceAddr, tfjsonpath.New("name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(hookSourceAddr, tfjsonpath.New("content"), knownvalue.StringExact(script1)),
					statecheck.ExpectKnownValue(hookSourceAddr, tfjsonpath.New("source"), knownvalue.StringExact(acctest.Base64(script1))),
					statecheck.ExpectKnownValue(hookSourceAddr, tfjsonpath.New("source_md5"), knownvalue.StringExact(md5hex(acctest.Base64(script1)))),
					statecheck.ExpectKnownValue(hookSourceAddr, tfjsonpath.New("private"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(hookSourceAddr, tfjsonpath.New("preloaded"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(hookSourceAddr, tfjsonpath.New("created_at"), knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$`))),
				},
			},
			{
				ResourceName:      hookSourceAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				Config: hookSourceConfig(name+"-renamed", "thaw the database", script2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(hookSourceAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(hookSourceAddr, tfjsonpath.New("source_md5"), knownvalue.StringExact(md5hex(acctest.Base64(script2)))),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(hookSourceAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(hookSourceAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+"-renamed")),
					statecheck.ExpectKnownValue(hookSourceAddr, tfjsonpath.New("description"), knownvalue.StringExact("thaw the database")),
					statecheck.ExpectKnownValue(hookSourceAddr, tfjsonpath.New("content"), knownvalue.StringExact(script2)),
				},
				Check: checkAPIScript(t, hookSourceAddr, script2),
			},
			{
				// The same script given as base64 instead of text changes nothing.
				Config: fmt.Sprintf(`
resource "continuity_astra_hook_source" "test" {
  name        = %q
  description = "thaw the database"
  source      = base64encode(%q)
}
`, name+"-renamed", script2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// checkAPIScript checks the script the API holds for the resource at addr.
func checkAPIScript(t *testing.T, addr, script string) resource.TestCheckFunc {
	client := acctest.AstraClient(t)
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		h, err := client.GetHookSource(context.Background(), rs.Primary.ID)
		if err != nil {
			return err
		}
		if h.Source == nil || *h.Source != acctest.Base64(script) {
			return fmt.Errorf("API source = %v, want base64 of %q", h.Source, script)
		}
		if h.SourceMD5Checksum != md5hex(acctest.Base64(script)) {
			return fmt.Errorf("API sourceMD5Checksum = %s", h.SourceMD5Checksum)
		}
		return nil
	}
}

func TestAccHookSource_driftOfScript(t *testing.T) {
	name := acctest.RandomName("tf-acc-hook-drift")
	script := "#!/bin/sh\necho managed\n"
	var created acctest.ID
	client := acctest.AstraClient(t)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckHookSourceDestroy(t),
		Steps: []resource.TestStep{
			{
				Config: hookSourceConfig(name, "", script),
				Check:  created.Capture(hookSourceAddr),
			},
			{
				PreConfig: func() {
					// Someone edits the script in the Astra UI.
					err := client.UpdateHookSource(context.Background(), created.Value, astra.HookSourceInput{Name: name, Source: acctest.Base64("#!/bin/sh\necho tampered\n")})
					if err != nil {
						t.Fatal(err)
					}
				},
				Config: hookSourceConfig(name, "", script),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(hookSourceAddr, plancheck.ResourceActionUpdate),
				}},
				Check: checkAPIScript(t, hookSourceAddr, script),
			},
		},
	})
}

func TestAccHookSource_disappears(t *testing.T) {
	name := acctest.RandomName("tf-acc-hook-gone")
	var created acctest.ID
	client := acctest.AstraClient(t)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckHookSourceDestroy(t),
		Steps: []resource.TestStep{
			{
				Config: hookSourceConfig(name, "", "echo hi\n"),
				Check:  created.Capture(hookSourceAddr),
			},
			{
				PreConfig: func() {
					if err := client.DeleteHookSource(context.Background(), created.Value); err != nil {
						t.Fatal(err)
					}
				},
				Config: hookSourceConfig(name, "", "echo hi\n"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(hookSourceAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(hookSourceAddr, tfjsonpath.New("id"), knownvalue.StringFunc(func(v string) error {
						if v == created.Value {
							return fmt.Errorf("id %s was not replaced", v)
						}
						return nil
					})),
				},
			},
		},
	})
}

func TestAccHookSource_duplicateName(t *testing.T) {
	name := acctest.RandomName("tf-acc-hook-dup")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckHookSourceDestroy(t),
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(`
resource "continuity_astra_hook_source" "first" {
  name    = %[1]q
  content = "echo one\n"
}
resource "continuity_astra_hook_source" "second" {
  name       = %[1]q
  content    = "echo two\n"
  depends_on = [continuity_astra_hook_source.first]
}
`, name),
				ExpectError: regexp.MustCompile(`(?s)Error creating continuity_astra_hook_source.*HTTP 409.*problem 10.*names are unique`),
			},
		},
	})
}

func TestAccHookSource_invalidInputRefusedAtPlan(t *testing.T) {
	cases := map[string]struct {
		body string
		want string
	}{
		"empty name":           {`name = ""` + "\n content = \"echo\"", `(?s)Attribute name string length must be between 1 and 63`},
		"name too long":        {`name = "` + strings.Repeat("n", 64) + `"` + "\n content = \"echo\"", `(?s)Attribute name string length must be between 1 and 63`},
		"two scripts":          {`name = "x"` + "\n content = \"echo\"\n source = \"ZXhpdCAx\"", `(?s)source and content hold different scripts`},
		"no script":            {`name = "x"`, `(?s)Missing Attribute Configuration.*At least one of these attributes must be configured: \[source,content\]`},
		"invalid base64":       {`name = "x"` + "\n source = \"not base64!\"", `(?s)Invalid hook source script.*source: the value is not valid base64`},
		"carriage return":      {`name = "x"` + "\n content = \"echo a\\r\\necho b\"", `(?s)Invalid hook source script.*content: the script contains a carriage return on line 1`},
		"oversized script":     {`name = "x"` + "\n content = \"" + strings.Repeat("a", 98305) + `"`, `(?s)Invalid hook source script.*content: the script is 98305 bytes long`},
		"description too long": {`name = "x"` + "\n content = \"echo\"\n description = \"" + strings.Repeat("d", 512) + `"`, `(?s)Attribute description string length must be at most 511`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheckAstra(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      "resource \"continuity_astra_hook_source\" \"test\" {\n" + tc.body + "\n}\n",
					PlanOnly:    true,
					ExpectError: regexp.MustCompile(tc.want),
				}},
			})
		})
	}
}
