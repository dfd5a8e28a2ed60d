package provider_test

import (
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// withSettings returns ProviderBlock with provider-level settings added.
func withSettings(env map[string]string, settings string) string {
	block := acctest.ProviderBlock(env)
	return regexp.MustCompile(`provider "continuity" \{`).ReplaceAllString(block, "provider \"continuity\" {\n"+settings)
}

// TestAccProviderRetrySettingsTakeEffect reads a hook source list from an
// API that fails every read: the retry block decides how many times the
// provider asks before it reports the failure.
func TestAccProviderRetrySettingsTakeEffect(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{Faults: "5xx=1,route=GET /accounts/"})
	base := env["ASTRA_ENDPOINT"]
	const lookup = `
data "continuity_astra_hook_sources" "all" {}
`
	reads := func() int64 {
		var n int64
		for route, st := range acctest.SandboxMetrics(t, base).Routes {
			if regexp.MustCompile(`^GET /accounts/.*/hookSources$`).MatchString(route) {
				n += st.Requests
			}
		}
		return n
	}
	var before int64
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig:   func() { before = reads() },
				Config:      withSettings(env, "retry {\n attempts = 2\n min_delay = \"10ms\"\n max_delay = \"20ms\"\n}\npoll_interval_max = \"1s\"\n") + lookup,
				ExpectError: regexp.MustCompile(`HTTP 5\d\d`),
			},
			{
				PreConfig: func() {
					if n := reads() - before; n != 3 {
						t.Errorf("attempts = 2: the API was asked %d times, want 3 (the first and two retries)", n)
					}
					before = reads()
				},
				Config:      withSettings(env, "retry {\n attempts = 0\n}\n") + lookup,
				ExpectError: regexp.MustCompile(`HTTP 5\d\d`),
			},
			{
				PreConfig: func() {
					if n := reads() - before; n != 1 {
						t.Errorf("attempts = 0: the API was asked %d times, want 1", n)
					}
				},
				Config: withSettings(env, "retry {\n attempts = 0\n}\n"),
				Check:  func(*terraform.State) error { return nil },
			},
		},
	})
}

func TestAccProviderSettingsRefusedAtPlan(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{})
	const use = `
resource "continuity_astra_hook_source" "x" {
  name    = "settings"
  content = "echo"
}
`
	for name, tc := range map[string]struct{ settings, want string }{
		"attempts 51":            {"retry {\n attempts = 51\n}\n", `Attribute retry.attempts value must be between 0 and 50`},
		"min_delay not duration": {"retry {\n min_delay = \"soon\"\n}\n", `retry.min_delay: "soon" is not a duration`},
		"min_delay 1ms":          {"retry {\n min_delay = \"1ms\"\n}\n", `retry.min_delay is 1ms; it must be at least 10ms`},
		"max below min":          {"retry {\n min_delay = \"2s\"\n max_delay = \"1s\"\n}\n", `retry.max_delay \(1s\) is shorter than retry.min_delay \(2s\)`},
		"poll 100ms":             {"poll_interval_max = \"100ms\"\n", `poll_interval_max is 100ms; it must be at least 200ms`},
	} {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: withSettings(env, tc.settings) + use, PlanOnly: true, ExpectError: regexp.MustCompile(tc.want),
				}},
			})
		})
	}
}
