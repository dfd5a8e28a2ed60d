package astra_test

import (
	"context"
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

const execHookAddr = "continuity_astra_execution_hook.test"

// Fixture app IDs of the sandbox (read after PreCheck started it).
func postgresApp(t *testing.T) string {
	acctest.PreCheckAstra(t)
	return acctest.SandboxEnv(t, "CONTINUITY_SANDBOX_ASTRA_APP_POSTGRES_ID")
}

func wordpressApp(t *testing.T) string {
	acctest.PreCheckAstra(t)
	return acctest.SandboxEnv(t, "CONTINUITY_SANDBOX_ASTRA_APP_WORDPRESS_ID")
}

// twoHookSources declares hook sources "a" and "b" named after prefix.
func twoHookSources(prefix string) string {
	return fmt.Sprintf(`
resource "continuity_astra_hook_source" "a" {
  name    = "%[1]s-a"
  content = "#!/bin/sh\necho a \"$@\"\n"
}
resource "continuity_astra_hook_source" "b" {
  name    = "%[1]s-b"
  content = "#!/bin/sh\necho b \"$@\"\n"
}
`, prefix)
}

// testAccCheckExecutionHookDestroy checks that every execution hook and
// hook source is gone.
func testAccCheckExecutionHookDestroy(t *testing.T) resource.TestCheckFunc {
	client := acctest.AstraClient(t)
	return acctest.CheckDestroyed(map[string]acctest.Finder{
		"continuity_astra_execution_hook": acctest.Find(client.GetExecutionHook),
		"continuity_astra_hook_source":    acctest.Find(client.GetHookSource),
	})
}

// checkAPIHook checks the execution hook at addr as the API holds it.
func checkAPIHook(t *testing.T, addr string, check func(h *astra.ExecutionHook) error) resource.TestCheckFunc {
	client := acctest.AstraClient(t)
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		h, err := client.GetExecutionHook(context.Background(), rs.Primary.ID)
		if err != nil {
			return err
		}
		return check(h)
	}
}

func TestAccExecutionHook_basic(t *testing.T) {
	name := acctest.RandomName("tf-acc-exec")
	postgres, wordpress := postgresApp(t), wordpressApp(t)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	changedID := statecheck.CompareValue(compare.ValuesDiffer())

	step1 := twoHookSources(name) + fmt.Sprintf(`
resource "continuity_astra_execution_hook" "test" {
  name           = %q
  app_id         = %q
  hook_source_id = continuity_astra_hook_source.a.id
  action         = "snapshot"
  stage          = "pre"
  arguments      = ["freeze", "--timeout=30"]
  description    = "checkpoint postgres"

  matching_criteria = [
    { type = "containerImage", value = "(^|/)postgres:" },
    { type = "podLabel", value = "^role=primary$" },
  ]
}
`, name, postgres)
	// Everything in place: name, hook source, action and stage, arguments,
	// criteria, enabled, description.
	step2 := twoHookSources(name) + fmt.Sprintf(`
resource "continuity_astra_execution_hook" "test" {
  name           = "%s-renamed"
  app_id         = %q
  hook_source_id = continuity_astra_hook_source.b.id
  action         = "restore"
  stage          = "post"
  enabled        = false
}
`, name, postgres)
	step3 := strings.Replace(step2, postgres, wordpress, 1)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckExecutionHookDestroy(t),
		Steps: []resource.TestStep{
			{
				Config: step1,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(execHookAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(execHookAddr, tfjsonpath.New("id")),
					changedID.AddStateValue(execHookAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(execHookAddr, tfjsonpath.New("name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(execHookAddr, tfjsonpath.New("hook_type"), knownvalue.StringExact("custom")),
					statecheck.ExpectKnownValue(execHookAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(execHookAddr, tfjsonpath.New("arguments"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("freeze"), knownvalue.StringExact("--timeout=30"),
					})),
					statecheck.CompareValuePairs(execHookAddr, tfjsonpath.New("hook_source_id"), "continuity_astra_hook_source.a", tfjsonpath.New("id"), compare.ValuesSame()),
					// The API computes which containers the criteria select:
					// postgres-0's postgres container, not its metrics sidecar.
					statecheck.ExpectKnownValue(execHookAddr, tfjsonpath.New("matching_images"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("docker.io/library/postgres:16.2"),
					})),
					statecheck.ExpectKnownValue(execHookAddr, tfjsonpath.New("matching_containers").AtSliceIndex(0).AtMapKey("pod_labels").AtMapKey("role"),
						knownvalue.StringExact("primary")),
				},
				Check: checkAPIHook(t, execHookAddr, func(h *astra.ExecutionHook) error {
					if h.Action != "snapshot" || h.Stage != "pre" || len(h.MatchingCriteria) != 2 || h.Enabled != "true" || h.AppID != postgres {
						return fmt.Errorf("API hook = %+v", h)
					}
					return nil
				}),
			},
			{
				ResourceName:      execHookAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				Config: step2,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(execHookAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(execHookAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(execHookAddr, tfjsonpath.New("arguments"), knownvalue.ListSizeExact(0)),
					statecheck.ExpectKnownValue(execHookAddr, tfjsonpath.New("matching_criteria"), knownvalue.ListSizeExact(0)),
					statecheck.ExpectKnownValue(execHookAddr, tfjsonpath.New("matching_images"), knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue(execHookAddr, tfjsonpath.New("description"), knownvalue.StringExact("")),
				},
				Check: checkAPIHook(t, execHookAddr, func(h *astra.ExecutionHook) error {
					if h.Name != name+"-renamed" || h.Action != "restore" || h.Stage != "post" || h.Enabled != "false" ||
						len(h.Arguments) != 0 || len(h.MatchingCriteria) != 0 || h.Description == nil || *h.Description != "" {
						return fmt.Errorf("API hook after the update = %+v", h)
					}
					return nil
				}),
			},
			{
				// Another app: a new hook.
				Config: step3,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(execHookAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					changedID.AddStateValue(execHookAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(execHookAddr, tfjsonpath.New("app_id"), knownvalue.StringExact(wordpress)),
				},
			},
		},
	})
}

func TestAccExecutionHook_drift(t *testing.T) {
	name := acctest.RandomName("tf-acc-exec-drift")
	postgres := postgresApp(t)
	client := acctest.AstraClient(t)
	var created acctest.ID
	config := twoHookSources(name) + fmt.Sprintf(`
resource "continuity_astra_execution_hook" "test" {
  name           = %q
  app_id         = %q
  hook_source_id = continuity_astra_hook_source.a.id
  action         = "backup"
  stage          = "post"
  arguments      = ["thaw"]
}
`, name, postgres)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckExecutionHookDestroy(t),
		Steps: []resource.TestStep{
			{Config: config, Check: created.Capture(execHookAddr)},
			{
				// Someone disables the hook and changes its arguments in the UI.
				PreConfig: func() {
					h, err := client.GetExecutionHook(context.Background(), created.Value)
					if err != nil {
						t.Fatal(err)
					}
					err = client.UpdateExecutionHook(context.Background(), created.Value, astra.ExecutionHookInput{
						Name: h.Name, AppID: h.AppID, HookSourceID: h.HookSourceID, Action: h.Action, Stage: h.Stage,
						Arguments: []string{"tampered"}, Enabled: false,
					})
					if err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(execHookAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(execHookAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
				}},
				Check: checkAPIHook(t, execHookAddr, func(h *astra.ExecutionHook) error {
					if h.Enabled != "true" || len(h.Arguments) != 1 || h.Arguments[0] != "thaw" {
						return fmt.Errorf("drift not corrected: %+v", h)
					}
					return nil
				}),
			},
		},
	})
}

func TestAccExecutionHook_disappears(t *testing.T) {
	name := acctest.RandomName("tf-acc-exec-gone")
	postgres := postgresApp(t)
	client := acctest.AstraClient(t)
	var created acctest.ID
	config := twoHookSources(name) + fmt.Sprintf(`
resource "continuity_astra_execution_hook" "test" {
  name           = %q
  app_id         = %q
  hook_source_id = continuity_astra_hook_source.a.id
  action         = "snapshot"
  stage          = "post"
}
`, name, postgres)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckExecutionHookDestroy(t),
		Steps: []resource.TestStep{
			{Config: config, Check: created.Capture(execHookAddr)},
			{
				PreConfig: func() {
					if err := client.DeleteExecutionHook(context.Background(), created.Value); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(execHookAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(execHookAddr, tfjsonpath.New("id"), knownvalue.StringFunc(func(v string) error {
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

// TestAccExecutionHook_hookSourceOrder checks that Terraform's references
// order the API calls so that the API's 403 problem 72 never happens:
// moving a hook to another hook source and removing the old one in one
// apply, then destroying everything. Terraform deletes a resource removed
// from the configuration before it updates the resources that referred to
// it, unless that resource was applied with create_before_destroy, which
// is why the documentation recommends it on hook sources.
func TestAccExecutionHook_hookSourceOrder(t *testing.T) {
	name := acctest.RandomName("tf-acc-exec-order")
	postgres := postgresApp(t)
	hook := func(source string) string {
		return fmt.Sprintf(`
resource "continuity_astra_execution_hook" "test" {
  name           = %q
  app_id         = %q
  hook_source_id = continuity_astra_hook_source.%s.id
  action         = "snapshot"
  stage          = "pre"
}
`, name, postgres, source)
	}
	source := func(suffix string) string {
		return fmt.Sprintf(`
resource "continuity_astra_hook_source" %[2]q {
  name    = "%[1]s-%[2]s"
  content = "#!/bin/sh\necho %[2]s \"$@\"\n"

  lifecycle {
    create_before_destroy = true
  }
}
`, name, suffix)
	}

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckExecutionHookDestroy(t),
		Steps: []resource.TestStep{
			{Config: source("a") + source("b") + hook("a")},
			{
				Config: source("b") + hook("b"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(execHookAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("continuity_astra_hook_source.a", plancheck.ResourceActionDestroy),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs(execHookAddr, tfjsonpath.New("hook_source_id"), "continuity_astra_hook_source.b", tfjsonpath.New("id"), compare.ValuesSame()),
				},
			},
		},
	})
}

// TestAccExecutionHook_referencedHookSource shows the API's 403 problem 72
// when a hook source that an execution hook outside Terraform still runs
// is destroyed: the error names the hook and says what to do.
func TestAccExecutionHook_referencedHookSource(t *testing.T) {
	name := acctest.RandomName("tf-acc-exec-ref")
	postgres := postgresApp(t)
	client := acctest.AstraClient(t)
	var source acctest.ID
	var outside string
	config := fmt.Sprintf(`
resource "continuity_astra_hook_source" "a" {
  name    = %q
  content = "echo a\n"
}
`, name)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckExecutionHookDestroy(t),
		Steps: []resource.TestStep{
			{Config: config, Check: source.Capture("continuity_astra_hook_source.a")},
			{
				PreConfig: func() {
					h, err := client.CreateExecutionHook(context.Background(), astra.ExecutionHookInput{
						Name: name + "-outside", AppID: postgres, HookSourceID: source.Value, Action: "snapshot", Stage: "pre", Enabled: true,
					})
					if err != nil {
						t.Fatal(err)
					}
					outside = h.ID
				},
				Config: `# the hook source is removed from the configuration`,
				// Terraform wraps the diagnostic's lines: match words across them.
				ExpectError: regexp.MustCompile(words(`Error deleting continuity_astra_hook_source`, `HTTP 403 (problem 72: Hook source referenced by execution hook)`,
					`still run by 1 execution hook(s): "`+name+`-outside"`, `Delete those hooks or point them at another hook source first`, `create_before_destroy = true`)),
			},
			{
				PreConfig: func() {
					if err := client.DeleteExecutionHook(context.Background(), outside); err != nil {
						t.Fatal(err)
					}
				},
				Config: `# the hook source is removed from the configuration`,
			},
		},
	})
}

// words returns a pattern matching the phrases in order, each with any
// whitespace (line breaks included) between its words.
func words(phrases ...string) string {
	parts := make([]string, len(phrases))
	for i, p := range phrases {
		fields := strings.Fields(p)
		for j, f := range fields {
			fields[j] = regexp.QuoteMeta(f)
		}
		parts[i] = strings.Join(fields, `\s+`)
	}
	return `(?s)` + strings.Join(parts, `.*`)
}

func TestAccExecutionHook_invalidInputRefusedAtPlan(t *testing.T) {
	const app = `app_id = "6f9619ff-8b86-4d01-b42d-00cf4fc964ff"`
	const src = `hook_source_id = "6f9619ff-8b86-4d01-b42d-00cf4fc964fe"`
	base := func(extra string) string {
		return "name = \"x\"\n" + app + "\n" + src + "\n" + extra
	}
	many := func(n int, f func(i int) string) string {
		parts := make([]string, n)
		for i := range parts {
			parts[i] = f(i)
		}
		return strings.Join(parts, ", ")
	}
	cases := map[string]struct {
		body string
		want string
	}{
		"pre restore":          {base(`action = "restore"` + "\n" + `stage = "pre"`), `(?s)Invalid execution hook stage.*stage must be "post" when action is "restore"`},
		"pre failover":         {base(`action = "failover"` + "\n" + `stage = "pre"`), `(?s)stage must be "post" when action is "failover"`},
		"unknown action":       {base(`action = "clone"` + "\n" + `stage = "pre"`), `(?s)Attribute action value must be one of`},
		"unknown stage":        {base(`action = "backup"` + "\n" + `stage = "during"`), `(?s)Attribute stage value must be one of`},
		"17 arguments":         {base(`action = "backup"` + "\n" + `stage = "pre"` + "\narguments = [" + many(17, func(i int) string { return fmt.Sprintf("%q", fmt.Sprint(i)) }) + "]"), `(?s)Attribute arguments list must contain at most 16 elements`},
		"long argument":        {base(`action = "backup"` + "\n" + `stage = "pre"` + "\narguments = [\"" + strings.Repeat("a", 128) + "\"]"), `(?s)Attribute arguments\[0\] string length must be at most 127`},
		"duplicate arguments":  {base(`action = "backup"` + "\n" + `stage = "pre"` + "\narguments = [\"x\", \"x\"]"), `(?s)Duplicate List Value.*arguments = \["x", "x"\].*duplicate values of: "x"`},
		"11 criteria":          {base(`action = "backup"` + "\n" + `stage = "pre"` + "\nmatching_criteria = [" + many(11, func(i int) string { return fmt.Sprintf(`{type = "podName", value = "p%d"}`, i) }) + "]"), `(?s)Attribute matching_criteria list must contain at most 10 elements`},
		"invalid regex":        {base(`action = "backup"` + "\n" + `stage = "pre"` + "\nmatching_criteria = [{type = \"podName\", value = \"postgres(\"}]"), `(?s)Invalid regular expression.*matching_criteria\[0\].value must be a regular expression in RE2 syntax`},
		"lookahead is not RE2": {base(`action = "backup"` + "\n" + `stage = "pre"` + "\nmatching_criteria = [{type = \"podName\", value = \"^(?!mysql)\"}]"), words(`Invalid regular expression`, `matching_criteria[0].value`, `invalid or unsupported Perl syntax`, `no look-around`)},
		"unknown criterion":    {base(`action = "backup"` + "\n" + `stage = "pre"` + "\nmatching_criteria = [{type = \"image\", value = \"x\"}]"), `(?s)Attribute matching_criteria\[0\].type value must be one of`},
		"empty name":           {strings.Replace(base(`action = "backup"`+"\n"+`stage = "pre"`), `name = "x"`, `name = ""`, 1), `(?s)Attribute name string length must be between 1 and 63`},
		"long description":     {base(`action = "backup"` + "\n" + `stage = "pre"` + "\ndescription = \"" + strings.Repeat("d", 512) + "\""), `(?s)Attribute description string length must be at most 511`},
		"app id not an id":     {strings.Replace(base(`action = "backup"`+"\n"+`stage = "pre"`), app, `app_id = "postgres"`, 1), `(?s)Attribute app_id must be an Astra ID`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheckAstra(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      "resource \"continuity_astra_execution_hook\" \"test\" {\n" + tc.body + "\n}\n",
					PlanOnly:    true,
					ExpectError: regexp.MustCompile(tc.want),
				}},
			})
		})
	}
}
