package astra_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// soakFaults are the faults of the cross-backend soak
// (TestAccSoakUnderFaults): a fifth of the requests fail with a 5xx, a
// tenth are throttled, one in twenty loses its connection before the
// server acts and one in twenty after it acted.
const soakFaults = "5xx=0.2,429=0.1,reset=0.05,reset_after=0.05"

// soakTypes maps the Astra resource types of the soak to the sandbox's
// object kinds.
var soakTypes = map[string]string{
	"continuity_astra_hook_source":      "astra.hook_source",
	"continuity_astra_execution_hook":   "astra.execution_hook",
	"continuity_astra_app_schedule":     "astra.app_schedule",
	"continuity_astra_app_mirror":       "astra.app_mirror",
	"continuity_astra_cloud_credential": "astra.cloud_credential",
	"continuity_astra_bucket":           "astra.bucket",
	"continuity_astra_app":              "astra.app",
	"continuity_astra_snapshot":         "astra.snapshot",
	"continuity_astra_backup":           "astra.backup",
}

// TestAccAstraSoakUnderFaults applies every Astra resource that creates,
// 38 objects, against a sandbox that fails, throttles and drops a third of
// the requests: the apply succeeds, the second plan is empty, the sandbox
// holds exactly the objects in the state, and none after destroy.
func TestAccAstraSoakUnderFaults(t *testing.T) {
	acctest.PreCheckAstra(t)
	env := acctest.StartSandbox(t, sandbox.Options{Faults: soakFaults, Transition: 50 * time.Millisecond})
	s := faultySandbox{env: env, provider: acctest.ProviderBlock(env)}
	config := s.provider + fmt.Sprintf(`
resource "continuity_astra_hook_source" "soak" {
  count   = 16
  name    = "soak-hook-${count.index}"
  content = "#!/bin/sh\necho ${count.index}\n"
}

resource "continuity_astra_execution_hook" "soak" {
  count          = 4
  name           = "soak-exec-${count.index}"
  app_id         = %[1]q
  hook_source_id = continuity_astra_hook_source.soak[count.index].id
  action         = "snapshot"
  stage          = "pre"
}

resource "continuity_astra_app_schedule" "soak" {
  count              = 2
  app_id             = %[2]q
  name               = "soak-schedule-${count.index}"
  granularity        = "hourly"
  minute             = count.index * 10
  snapshot_retention = 2
  backup_retention   = 0
}

data "continuity_astra_managed_cluster" "west" {
  name = "cluster-west"
}

resource "continuity_astra_app_mirror" "soak" {
  count                  = 2
  source_app_id          = [%[1]q, %[2]q][count.index]
  destination_cluster_id = data.continuity_astra_managed_cluster.west.id
}

resource "continuity_astra_cloud_credential" "soak" {
  count                = 2
  name                 = "soak-credential-${count.index}"
  key_type             = "s3"
  key_store_wo         = { accessKey = "AKIASOAK", accessSecret = "soak-secret-${count.index}" }
  key_store_wo_version = 1
}

resource "continuity_astra_bucket" "soak" {
  count         = 2
  name          = "soak-bucket-${count.index}"
  object_store  = "generic-s3"
  credential_id = continuity_astra_cloud_credential.soak[count.index].id
  bucket_name   = "soak-bucket-${count.index}"
  server_url    = "s3.example.com"
}

data "continuity_astra_managed_cluster" "east" {
  name = "cluster-east"
}

resource "continuity_astra_app" "soak" {
  count      = 2
  name       = ["payments", "ledger"][count.index]
  cluster_id = data.continuity_astra_managed_cluster.east.id
  namespace_scoped_resources = [{ namespace = ["payments", "ledger"][count.index] }]
}

resource "continuity_astra_snapshot" "soak" {
  count  = 4
  app_id = continuity_astra_app.soak[count.index %% 2].id
  name   = "soak-snapshot-${count.index}"
}

resource "continuity_astra_backup" "soak" {
  count     = 4
  app_id    = continuity_astra_app.soak[count.index %% 2].id
  name      = "soak-backup-${count.index}"
  bucket_id = continuity_astra_bucket.soak[count.index %% 2].id
}
`, env[acctest.EnvAstraWordpressID], env[acctest.EnvAstraPostgresID])

	var checks []resource.TestCheckFunc
	var kinds []string
	for typeName, kind := range soakTypes {
		checks = append(checks, s.holdsExactly(t, typeName, kind))
		if kind != "astra.app" {
			// The destination apps of the relationships stay after them.
			kinds = append(kinds, kind)
		}
	}
	start := time.Now()
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             s.holdsNone(t, kinds...),
		Steps: []resource.TestStep{{
			Config: config,
			Check: resource.ComposeAggregateTestCheckFunc(append(checks, func(st *terraform.State) error {
				n := 0
				for _, rs := range st.RootModule().Resources {
					if _, ok := soakTypes[rs.Type]; ok {
						n++
					}
				}
				if n != 38 {
					return fmt.Errorf("the state holds %d objects, want 38", n)
				}
				return nil
			})...),
		}},
	})
	m := acctest.SandboxMetrics(t, env["ASTRA_ENDPOINT"])
	var requests int64
	for _, st := range m.Routes {
		requests += st.Requests
	}
	t.Logf("astra soak: 38 objects, %d requests, faults injected %v, %s", requests, m.Faults, time.Since(start).Round(time.Second))
	for _, kind := range []string{"5xx", "429", "reset", "reset_after"} {
		if m.Faults[kind] == 0 {
			t.Errorf("no %s fault was injected: the soak did not test it", kind)
		}
	}
}
