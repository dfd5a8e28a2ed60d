package manila_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// writeCloudsYAML writes a clouds.yaml with the admin's credentials under
// the entry sandbox-admin and points OS_CLIENT_CONFIG_FILE at it. The
// variable is process-wide: callers are not parallel tests, so no parallel
// test runs while it is set (t.Setenv refuses parallel tests and restores
// the variable at the end).
func writeCloudsYAML(t *testing.T) {
	t.Helper()
	acctest.PreCheckManila(t)
	s := acctest.ManilaAdminSettings(t)
	path := filepath.Join(t.TempDir(), "clouds.yaml")
	content := fmt.Sprintf(`clouds:
  sandbox-admin:
    auth:
      auth_url: %s
      username: %s
      password: %s
      project_name: %s
      user_domain_name: %s
      project_domain_name: %s
    region_name: %s
    interface: public
    identity_api_version: 3
    allow_reauth: true
`, s.AuthURL, s.UserName, s.Password, s.ProjectName, s.UserDomainName, s.ProjectDomainName, s.Region)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("OS_CLIENT_CONFIG_FILE", path)
}

// The credentials come from the clouds.yaml entry named by cloud, not from
// the OS_* variables (which name the ordinary user): the group lands in
// the admin's project.
func TestAccManila_cloudsYAML(t *testing.T) {
	writeCloudsYAML(t)
	name := acctest.RandomName("tf-acc-cg-yaml")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{{
			Config: `
provider "continuity" {
  manila {
    cloud = "sandbox-admin"
  }
}
` + goldCG(name, false),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("project_id"), knownvalue.StringExact(acctest.SandboxEnv(t, acctest.EnvManilaAdminProjectID))),
				statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
			},
		}},
	})
}

// OS_CLOUD names the entry when the block does not.
func TestAccManila_osCloudVariable(t *testing.T) {
	writeCloudsYAML(t)
	t.Setenv("OS_CLOUD", "sandbox-admin")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{{
			Config: goldCG(acctest.RandomName("tf-acc-cg-oscloud"), false),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("project_id"), knownvalue.StringExact(acctest.SandboxEnv(t, acctest.EnvManilaAdminProjectID))),
			},
		}},
	})
}

// A missing clouds.yaml entry is reported with where it was looked for.
func TestAccManila_unknownCloud(t *testing.T) {
	writeCloudsYAML(t)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "continuity" {
  manila {
    cloud = "nowhere"
  }
}
data "continuity_manila_share_type" "x" {
  name = "gold"
}
`,
			ExpectError: regexp.MustCompile(`(?s)OpenStack Manila backend not configured.*entry\s+"nowhere"\s+of\s+clouds.yaml.*OS_CLIENT_CONFIG_FILE`),
		}},
	})
}

// An application credential authenticates on its own, even with a
// password in the environment.
func TestAccManila_applicationCredential(t *testing.T) {
	acctest.PreCheckManila(t)
	id := acctest.SandboxEnv(t, "CONTINUITY_SANDBOX_MANILA_APPLICATION_CREDENTIAL_ID")
	secret := acctest.SandboxEnv(t, "CONTINUITY_SANDBOX_MANILA_APPLICATION_CREDENTIAL_SECRET")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroyed(t),
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "continuity" {
  manila {
    application_credential_id     = %q
    application_credential_secret = %q
  }
}
`, id, secret) + goldCG(acctest.RandomName("tf-acc-cg-appcred"), false),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(cgAddr, tfjsonpath.New("project_id"), knownvalue.StringExact(acctest.SandboxEnv(t, acctest.EnvManilaProjectID))),
			},
		}},
	})
}

// A missing setting is an error only where a Manila resource is used, and
// it names the setting and its variable.
func TestAccManila_missingSettingOnlyWhenUsed(t *testing.T) {
	block := `
provider "continuity" {
  manila {
    auth_url = ""
  }
}
`
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: block + `resource "terraform_data" "x" {}`},
			{
				Config: block + `data "continuity_manila_share_type" "x" {
  name = "gold"
}`,
				ExpectError: regexp.MustCompile(`(?s)OpenStack Manila backend not configured.*"auth_url"\s+\(manila.auth_url\s+or\s+the\s+OS_AUTH_URL\s+environment\s+variable\)`),
			},
		},
	})
}
