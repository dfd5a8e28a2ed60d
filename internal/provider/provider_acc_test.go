package provider_test

import (
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// A backend's missing settings are an error only where its resources are
// used, and the error names the setting and its variable.
func TestAccProvider_missingSettingOnlyWhenUsed(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				// No Astra resource: an unusable astra block is no error.
				Config: `
provider "continuity" {
  astra {
    api_token = ""
  }
}
resource "terraform_data" "x" {}
`,
			},
			{
				Config: `
provider "continuity" {
  astra {
    api_token = ""
  }
}
resource "continuity_astra_hook_source" "x" {
  name    = "never-created"
  content = "echo\n"
}
`,
				ExpectError: regexp.MustCompile(`(?s)Astra Control backend not configured.*"api_token"\s+\(astra.api_token\s+or\s+the\s+ASTRA_API_TOKEN`),
			},
		},
	})
}

// A wrong token reaches the user with the API's problem and what to do.
func TestAccProvider_wrongTokenIsExplained(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "continuity" {
  astra {
    api_token = "not-the-token"
  }
}
data "continuity_astra_hook_source" "x" { name = "anything" }
`,
			ExpectError: regexp.MustCompile(`(?s)HTTP 401.*problem 4: Invalid\s+bearer\s+token.*ASTRA_API_TOKEN`),
		}},
	})
}
