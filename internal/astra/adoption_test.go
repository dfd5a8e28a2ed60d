package astra_test

import (
	"fmt"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// adoptionCase is a resource whose create has no idempotency token: its
// config (the sandbox's fixtures given), its create's route and the kinds
// of object the config makes (the resource's first).
type adoptionCase struct {
	typeName string
	kinds    []string
	route    func(s faultySandbox) string
	config   func(env map[string]string) string
}

var adoptionCases = []adoptionCase{
	{
		typeName: "continuity_astra_hook_source",
		kinds:    []string{"astra.hook_source"},
		route:    func(s faultySandbox) string { return s.postRoute("core/v1/hookSources") },
		config: func(map[string]string) string {
			return `
resource "continuity_astra_hook_source" "test" {
  name    = "adopted"
  content = "#!/bin/sh\necho adopted\n"
}`
		},
	},
	{
		typeName: "continuity_astra_execution_hook",
		kinds:    []string{"astra.execution_hook", "astra.hook_source"},
		route:    func(s faultySandbox) string { return s.postRoute("core/v1/executionHooks") },
		config: func(env map[string]string) string {
			return fmt.Sprintf(`
resource "continuity_astra_hook_source" "hook" {
  name    = "adopted-hook-source"
  content = "#!/bin/sh\necho freeze\n"
}

resource "continuity_astra_execution_hook" "test" {
  name           = "adopted"
  app_id         = %q
  hook_source_id = continuity_astra_hook_source.hook.id
  action         = "snapshot"
  stage          = "pre"
}`, env[acctest.EnvAstraWordpressID])
		},
	},
	{
		typeName: "continuity_astra_app_schedule",
		kinds:    []string{"astra.app_schedule"},
		route: func(s faultySandbox) string {
			return s.postRoute("k8s/v1/apps/" + s.env[acctest.EnvAstraWordpressID] + "/schedules")
		},
		config: func(env map[string]string) string {
			return fmt.Sprintf(`
resource "continuity_astra_app_schedule" "test" {
  app_id             = %q
  name               = "adopted"
  granularity        = "hourly"
  minute             = 5
  snapshot_retention = 2
  backup_retention   = 0
}`, env[acctest.EnvAstraWordpressID])
		},
	},
	{
		typeName: "continuity_astra_cloud_credential",
		kinds:    []string{"astra.cloud_credential"},
		route:    func(s faultySandbox) string { return s.postRoute("core/v1/credentials") },
		config:   func(map[string]string) string { return credentialConfig("adopted", "s3cr3t", 1) },
	},
	{
		typeName: "continuity_astra_bucket",
		kinds:    []string{"astra.bucket", "astra.cloud_credential"},
		route:    func(s faultySandbox) string { return s.postRoute("topology/v1/buckets") },
		config:   func(map[string]string) string { return bucketConfig("adopted") },
	},
	{
		typeName: "continuity_astra_app",
		kinds:    []string{"astra.app"},
		route:    func(s faultySandbox) string { return s.postRoute("k8s/v2/apps") },
		config: func(env map[string]string) string {
			return fmt.Sprintf(`
resource "continuity_astra_app" "test" {
  name       = "adopted"
  cluster_id = %q
  namespace_scoped_resources = [{ namespace = "payments" }]
}`, env[acctest.EnvAstraClusterEastID])
		},
	},
	{
		typeName: "continuity_astra_snapshot",
		kinds:    []string{"astra.snapshot"},
		route: func(s faultySandbox) string {
			return s.postRoute("k8s/v1/apps/" + s.env[acctest.EnvAstraWordpressID] + "/appSnaps")
		},
		config: func(env map[string]string) string {
			return fmt.Sprintf(`
resource "continuity_astra_snapshot" "test" {
  app_id = %q
  name   = "adopted"
}`, env[acctest.EnvAstraWordpressID])
		},
	},
	{
		typeName: "continuity_astra_backup",
		kinds:    []string{"astra.backup", "astra.bucket", "astra.cloud_credential"},
		route: func(s faultySandbox) string {
			return s.postRoute("k8s/v1/apps/" + s.env[acctest.EnvAstraPostgresID] + "/appBackups")
		},
		config: func(env map[string]string) string {
			return bucketConfig("adopted") + fmt.Sprintf(`
resource "continuity_astra_backup" "test" {
  app_id    = %q
  name      = "adopted"
  bucket_id = continuity_astra_bucket.test.id
}`, env[acctest.EnvAstraPostgresID])
		},
	},
	{
		typeName: "continuity_astra_app_mirror",
		kinds:    []string{"astra.app_mirror"},
		route:    func(s faultySandbox) string { return s.postRoute("k8s/v1/appMirrors") },
		config: func(env map[string]string) string {
			return mirrorConfig(env[acctest.EnvAstraWordpressID], env[acctest.EnvAstraClusterWestID])
		},
	},
}

// adoptionFaults are the faults of each adoption test and the kind of
// fault that must have been injected: every create's answer lost after
// the server acted, or a 5xx before it acted on the first attempt (seed
// 285890 draws a 5xx for the first create of every route above, and none
// for the second: the draws depend on the request line, which names the
// sandbox's fixed account and apps).
var adoptionFaults = []struct {
	name, spec, kind string
}{
	{"answer lost", "reset_after=1", "reset_after"},
	{"5xx", "seed=285890,5xx=0.5", "5xx"},
}

// TestAccAdoption: a create whose answer is lost makes one object, adopted,
// not two; a create that failed before the server acted is sent again and
// makes one object too. The sandbox then holds exactly the object in the
// state, and none after destroy.
func TestAccAdoption(t *testing.T) {
	for _, tc := range adoptionCases {
		for _, f := range adoptionFaults {
			t.Run(tc.typeName+"/"+f.name, func(t *testing.T) {
				s := startFaultySandbox(t, "")
				resource.ParallelTest(t, resource.TestCase{
					PreCheck:                 func() { acctest.PreCheckAstra(t) },
					ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
					CheckDestroy:             s.holdsNone(t, tc.kinds...),
					Steps: []resource.TestStep{{
						PreConfig: func() { s.setFaults(t, f.spec+",route="+tc.route(s)) },
						Config:    s.provider + tc.config(s.env),
						Check: resource.ComposeAggregateTestCheckFunc(
							s.holdsExactly(t, tc.typeName, tc.kinds[0]),
							func(*terraform.State) error {
								if n := s.faults(t, f.kind); n == 0 {
									return fmt.Errorf("no %s fault was injected: the test tested nothing", f.kind)
								}
								return nil
							},
						),
					}},
				})
			})
		}
	}
}
