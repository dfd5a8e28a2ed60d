package provider_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// astraBadChange is an existing object (made by the setup configurations,
// applied in turn) and changes of it that the API cannot make in one step,
// each refused at plan time naming attr; all are configurations against
// the sandbox whose variables env holds.
type astraBadChange struct {
	name    string
	setup   []func(env map[string]string) string
	changes func(env map[string]string) []badInput
}

// appMirror returns a continuity_astra_app_mirror of the sandbox's
// wordpress app to its west cluster with the given state_desired and
// reversed.
func appMirror(desired string, reversed bool) func(env map[string]string) string {
	return func(env map[string]string) string {
		return fmt.Sprintf(`
resource "continuity_astra_app_mirror" "test" {
  source_app_id          = %q
  destination_cluster_id = %q
  state_desired          = %q
  reversed               = %t
}
`, env[acctest.EnvAstraWordpressID], env[acctest.EnvAstraClusterWestID], desired, reversed)
	}
}

// protectedApp returns a managed app of the sandbox's payments namespace
// with a bucket and a backup named before-change, and extra attribute
// lines for the app (with ns its name and namespace).
func protectedApp(ns string, extra string) func(env map[string]string) string {
	return func(env map[string]string) string {
		return fmt.Sprintf(`
resource "continuity_astra_cloud_credential" "test" {
  name                 = "backups"
  key_type             = "s3"
  key_store_wo         = { accessKey = "AKIA", accessSecret = "secret" }
  key_store_wo_version = 1
}

resource "continuity_astra_bucket" "test" {
  name          = "backups"
  object_store  = "generic-s3"
  credential_id = continuity_astra_cloud_credential.test.id
  bucket_name   = "backups"
  server_url    = "s3.example.com"
}

resource "continuity_astra_app" "test" {
  name       = %[2]q
  cluster_id = %[1]q
  namespace_scoped_resources = [{ namespace = %[2]q }]
%[3]s
}

resource "continuity_astra_backup" "test" {
  app_id    = continuity_astra_app.test.id
  name      = "before-change"
  bucket_id = continuity_astra_bucket.test.id
}
`, env[acctest.EnvAstraClusterEastID], ns, extra)
	}
}

var astraBadChanges = []astraBadChange{
	{
		name:  "app with a backup",
		setup: []func(map[string]string) string{protectedApp("payments", "")},
		changes: func(env map[string]string) []badInput {
			return []badInput{
				{name: "in-place restore from a backup the app lacks", attr: "in_place_restore", want: `Not\s+a\s+backup\s+of\s+this\s+app`,
					config: protectedApp("payments", `  in_place_restore = { backup_name = "after-change" }`)(env)},
				{name: "in-place restore of an app being replaced", attr: "in_place_restore", want: `being\s+replaced`,
					config: protectedApp("ledger", `  in_place_restore = { backup_name = "before-change" }`)(env)},
			}
		},
	},
	{
		name:  "cloud credential",
		setup: []func(map[string]string) string{protectedApp("payments", "")},
		changes: func(env map[string]string) []badInput {
			return []badInput{{name: "rename without the key store", attr: "key_store_wo", want: `replaces\s+the\s+whole\s+credential`,
				config: strings.Replace(protectedApp("payments", "")(env), `  key_store_wo         = { accessKey = "AKIA", accessSecret = "secret" }
  key_store_wo_version = 1`, `  key_store_wo_version = 2`, 1)}}
		},
	},
	{
		name:  "app mirror established",
		setup: []func(map[string]string) string{appMirror("established", false)},
		changes: func(env map[string]string) []badInput {
			return []badInput{{name: "reverse and fail over in one step", attr: "reversed",
				want: `The\s+relationship\s+is\s+established`, config: appMirror("failedOver", true)(env)}}
		},
	},
	{
		name:  "app mirror failed over",
		setup: []func(map[string]string) string{appMirror("established", false), appMirror("failedOver", false)},
		changes: func(env map[string]string) []badInput {
			return []badInput{{name: "reverse while staying failed over", attr: "reversed",
				want: `The\s+relationship\s+is\s+failed\s+over`, config: appMirror("failedOver", true)(env)}}
		},
	},
}

// TestAccBadChange_astra: changes of existing Astra objects that the API
// cannot make in one step are refused at plan time, naming the attribute,
// and make no mutating call; the objects are as they were. (Changing an
// attribute that replaces the object is no refusal: it is a replacement.)
func TestAccBadChange_astra(t *testing.T) {
	for _, row := range astraBadChanges {
		t.Run(row.name, func(t *testing.T) {
			env := acctest.StartSandbox(t, sandbox.Options{})
			provider := acctest.ProviderBlock(env)
			guard := newMutationGuard(t, env)
			var steps []resource.TestStep
			for _, setup := range row.setup {
				steps = append(steps, resource.TestStep{Config: provider + setup(env), Check: guard.Record})
			}
			for _, change := range row.changes(env) {
				steps = append(steps, resource.TestStep{Config: provider + change.config, PlanOnly: true, ExpectError: namesAttribute(change)})
			}
			last := steps[len(row.setup)-1].Config
			steps = append(steps, resource.TestStep{Config: last, Check: guard.Unchanged})
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps:                    steps,
			})
		})
	}
}
