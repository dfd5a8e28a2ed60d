package provider_test

import (
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// A missing SDRS setting is an error only where an SDRS data source or
// resource is used, naming the setting and its variable.
func TestAccProvider_sdrsMissingSettingOnlyWhenUsed(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `
provider "continuity" {
  sdrs {
    access_key = ""
  }
}
resource "terraform_data" "x" {}
`,
			},
			{
				Config: `
provider "continuity" {
  sdrs {
    access_key = ""
  }
}
data "continuity_sdrs_domain" "x" {}
`,
				ExpectError: regexp.MustCompile(`(?s)Huawei Cloud SDRS backend not configured.*"access_key"\s+\(sdrs.access_key\s+or\s+the\s+HW_ACCESS_KEY`),
			},
			{
				Config: `
provider "continuity" {
  sdrs {
    endpoint = "http://127.0.0.1:1/sdrs"
  }
}
data "continuity_sdrs_domain" "x" {}
`,
				ExpectError: regexp.MustCompile(`(?s)must not have a\s+path`),
			},
		},
	})
}

// A wrong secret key reaches the user with the API gateway's code and what
// to check.
func TestAccProvider_sdrsWrongSecretKeyIsExplained(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "continuity" {
  sdrs {
    secret_key = "not-the-secret-key"
  }
}
data "continuity_sdrs_domain" "x" {}
`,
			ExpectError: regexp.MustCompile(`(?s)HTTP 401\s+\(APIGW.0301\).*verify\s+aksk\s+signature\s+fail.*HW_SECRET_KEY.*15\s+minutes`),
		}},
	})
}
