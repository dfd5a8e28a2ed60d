package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
)

// importRow is one resource type for TestImportBlockGeneratesConfig: a
// configuration that creates one object of it (with any objects it needs),
// the address of that object, and how its import ID is made from the
// state's attributes.
type importRow struct {
	// setup creates the object at addr (env holds the sandbox's variables).
	setup func(env map[string]string) string
	addr  string
	// id returns the import ID from the object's attributes in the state;
	// nil means its "id".
	id func(attrs map[string]any) string
	// modern runs the row against a Manila of Ocata or later (share
	// groups) instead of the default Newton one.
	modern bool
}

// importRows lists every resource type. A new resource adds its row: an
// `import {}` block planned with -generate-config-out must give a
// configuration that validates and plans with no change.
var importRows = map[string]importRow{
	"continuity_astra_hook_source": {addr: "continuity_astra_hook_source.x", setup: func(map[string]string) string {
		return `
resource "continuity_astra_hook_source" "x" {
  name        = "e2e-import"
  description = "imported"
  content     = "#!/bin/sh\necho import\n"
}`
	}},
	"continuity_astra_execution_hook": {addr: "continuity_astra_execution_hook.x", setup: func(env map[string]string) string {
		return fmt.Sprintf(`
resource "continuity_astra_hook_source" "s" {
  name    = "e2e-import-hook-source"
  content = "#!/bin/sh\necho import\n"
}

resource "continuity_astra_execution_hook" "x" {
  name              = "e2e-import"
  app_id            = %q
  hook_source_id    = continuity_astra_hook_source.s.id
  action            = "snapshot"
  stage             = "pre"
  arguments         = ["pre"]
  matching_criteria = [{ type = "containerName", value = "^postgres$" }]
}`, env["CONTINUITY_SANDBOX_ASTRA_APP_POSTGRES_ID"])
	}},
	"continuity_astra_app_schedule": {addr: "continuity_astra_app_schedule.x",
		id: func(a map[string]any) string { return fmt.Sprintf("%s/%s", a["app_id"], a["id"]) },
		setup: func(env map[string]string) string {
			return fmt.Sprintf(`
resource "continuity_astra_app_schedule" "x" {
  app_id             = %q
  name               = "e2e-import"
  granularity        = "daily"
  hour               = 2
  minute             = 30
  snapshot_retention = 7
  backup_retention   = 7
}`, env["CONTINUITY_SANDBOX_ASTRA_APP_WORDPRESS_ID"])
		}},
	"continuity_astra_app_mirror": {addr: "continuity_astra_app_mirror.x",
		id: func(a map[string]any) string { return fmt.Sprintf("%s,%s", a["id"], a["source_app_id"]) },
		setup: func(env map[string]string) string {
			return fmt.Sprintf(`
resource "continuity_astra_app_mirror" "x" {
  source_app_id          = %q
  destination_cluster_id = %q
}`, env["CONTINUITY_SANDBOX_ASTRA_APP_WORDPRESS_ID"], env["CONTINUITY_SANDBOX_ASTRA_CLUSTER_WEST_ID"])
		}},
	"continuity_astra_cloud_credential": {addr: "continuity_astra_cloud_credential.x", setup: func(map[string]string) string {
		return e2eCredential
	}},
	"continuity_astra_bucket": {addr: "continuity_astra_bucket.x", setup: func(map[string]string) string {
		return e2eCredential + e2eBucket
	}},
	"continuity_astra_app": {addr: "continuity_astra_app.x", setup: func(env map[string]string) string {
		return fmt.Sprintf(`
resource "continuity_astra_app" "x" {
  name       = "e2e-import"
  cluster_id = %q
  namespace_scoped_resources = [{ namespace = "payments", label_selectors = ["app=payments"] }]
}`, env["CONTINUITY_SANDBOX_ASTRA_CLUSTER_EAST_ID"])
	}},
	"continuity_astra_snapshot": {addr: "continuity_astra_snapshot.x",
		id: func(a map[string]any) string { return fmt.Sprintf("%s/%s", a["app_id"], a["id"]) },
		setup: func(env map[string]string) string {
			return fmt.Sprintf(`
resource "continuity_astra_snapshot" "x" {
  app_id = %q
  name   = "e2e-import"
}`, env["CONTINUITY_SANDBOX_ASTRA_APP_WORDPRESS_ID"])
		}},
	"continuity_astra_backup": {addr: "continuity_astra_backup.x",
		id: func(a map[string]any) string { return fmt.Sprintf("%s/%s", a["app_id"], a["id"]) },
		setup: func(env map[string]string) string {
			return e2eCredential + e2eBucket + fmt.Sprintf(`
resource "continuity_astra_backup" "x" {
  app_id    = %q
  name      = "e2e-import"
  bucket_id = continuity_astra_bucket.x.id
}`, env["CONTINUITY_SANDBOX_ASTRA_APP_POSTGRES_ID"])
		}},
	"continuity_sdrs_protection_group": {addr: "continuity_sdrs_protection_group.x", setup: func(env map[string]string) string {
		return sdrsGroup(env)
	}},
	"continuity_sdrs_replication_pair": {addr: "continuity_sdrs_replication_pair.x", setup: func(env map[string]string) string {
		return sdrsGroup(env) + fmt.Sprintf(`
resource "continuity_sdrs_replication_pair" "x" {
  name      = "e2e_import"
  group_id  = continuity_sdrs_protection_group.x.id
  volume_id = %q
}`, strings.Split(env["CONTINUITY_SANDBOX_SDRS_VOLUME_IDS"], ",")[0])
	}},
	"continuity_sdrs_protected_instance": {addr: "continuity_sdrs_protected_instance.x", setup: func(env map[string]string) string {
		return sdrsGroup(env) + sdrsInstance(env, 0, fmt.Sprintf(`
  description          = "imported"
  delete_target_server = true
  nics                 = [{ subnet_id = %q, ip_address = "192.168.0.201" }]
  tags                 = { imported = "yes" }`, env["CONTINUITY_SANDBOX_SDRS_SUBNET_ID"]))
	}},
	"continuity_sdrs_replication_attachment": {addr: "continuity_sdrs_replication_attachment.x",
		setup: func(env map[string]string) string {
			return sdrsGroup(env) + sdrsInstance(env, 1, "  delete_target_server = true") + fmt.Sprintf(`
resource "continuity_sdrs_replication_pair" "a" {
  name      = "e2e_import_attached"
  group_id  = continuity_sdrs_protection_group.x.id
  volume_id = %q
}

resource "continuity_sdrs_replication_attachment" "x" {
  instance_id    = continuity_sdrs_protected_instance.x.id
  replication_id = continuity_sdrs_replication_pair.a.id
  device         = "/dev/vdc"
}`, strings.Split(env["CONTINUITY_SANDBOX_SDRS_VOLUME_IDS"], ",")[1])
		}},
	"continuity_sdrs_drill": {addr: "continuity_sdrs_drill.x", setup: func(env map[string]string) string {
		return sdrsGroup(env) + sdrsInstance(env, 2, "  delete_target_server = true") + fmt.Sprintf(`
resource "continuity_sdrs_drill" "x" {
  name         = "e2e_import"
  group_id     = continuity_sdrs_protection_group.x.id
  drill_vpc_id = %q
  depends_on   = [continuity_sdrs_protected_instance.x]
}`, env["CONTINUITY_SANDBOX_SDRS_DRILL_VPC_ID"])
	}},
	"continuity_manila_consistency_group": {addr: "continuity_manila_consistency_group.x", setup: func(env map[string]string) string {
		return manilaGroup(env)
	}},
	"continuity_manila_consistency_group_snapshot": {addr: "continuity_manila_consistency_group_snapshot.x", setup: func(env map[string]string) string {
		return manilaGroup(env) + `
resource "continuity_manila_consistency_group_snapshot" "x" {
  consistency_group_id = continuity_manila_consistency_group.x.id
  name                 = "e2e-import"
}`
	}},
	"continuity_manila_share": {addr: "continuity_manila_share.x", modern: true, setup: func(env map[string]string) string {
		return manilaShareGroup(env) + manilaShare(env, "x", `share_group_id = continuity_manila_share_group.x.id
  metadata       = { app = "e2e" }`)
	}},
	"continuity_manila_share_snapshot": {addr: "continuity_manila_share_snapshot.x", modern: true, setup: func(env map[string]string) string {
		return manilaShare(env, "s", "") + `
resource "continuity_manila_share_snapshot" "x" {
  share_id    = continuity_manila_share.s.id
  name        = "e2e-import"
  description = "imported"
}`
	}},
	"continuity_manila_share_group": {addr: "continuity_manila_share_group.x", modern: true, setup: manilaShareGroup},
	"continuity_manila_share_group_snapshot": {addr: "continuity_manila_share_group_snapshot.x", modern: true, setup: func(env map[string]string) string {
		return manilaShareGroup(env) + manilaShare(env, "s", `share_group_id = continuity_manila_share_group.x.id`) + `
resource "continuity_manila_share_group_snapshot" "x" {
  share_group_id = continuity_manila_share_group.x.id
  name           = "e2e-import"
  depends_on     = [continuity_manila_share.s]
}`
	}},
	"continuity_manila_share_replica": {addr: "continuity_manila_share_replica.x", modern: true, setup: func(env map[string]string) string {
		return fmt.Sprintf(`
resource "continuity_manila_share" "s" {
  share_proto   = "NFS"
  size          = 1
  share_type_id = %q
}
resource "continuity_manila_share_replica" "x" {
  share_id          = continuity_manila_share.s.id
  availability_zone = "nova-dr"
}`, env["CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_REPLICATED_ID"])
	}},
}

func manilaShareGroup(env map[string]string) string {
	return fmt.Sprintf(`
resource "continuity_manila_share_group" "x" {
  name        = "e2e-import"
  description = "imported"
  share_types = [%q]
}`, env["CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_GOLD_ID"])
}

func manilaShare(env map[string]string, name, extra string) string {
	return fmt.Sprintf(`
resource "continuity_manila_share" %q {
  name          = "e2e-import"
  share_proto   = "NFS"
  size          = 1
  share_type_id = %q
  %s
}`, name, env["CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_GOLD_ID"], extra)
}

func sdrsGroup(env map[string]string) string {
	return fmt.Sprintf(`
resource "continuity_sdrs_protection_group" "x" {
  name                     = "e2e_import"
  description              = "imported"
  source_availability_zone = "cn-north-4a"
  target_availability_zone = "cn-north-4b"
  domain_id                = %q
  source_vpc_id            = %q
}`, env["CONTINUITY_SANDBOX_SDRS_DOMAIN_ID"], env["CONTINUITY_SANDBOX_SDRS_VPC_ID"])
}

// sdrsInstance protects the i-th fixture server in the group of sdrsGroup.
func sdrsInstance(env map[string]string, i int, lines string) string {
	return fmt.Sprintf(`
resource "continuity_sdrs_protected_instance" "x" {
  name      = "e2e_import"
  group_id  = continuity_sdrs_protection_group.x.id
  server_id = %q
%s
}`, strings.Split(env["CONTINUITY_SANDBOX_SDRS_SERVER_IDS"], ",")[i], lines)
}

func manilaGroup(env map[string]string) string {
	return fmt.Sprintf(`
resource "continuity_manila_consistency_group" "x" {
  name        = "e2e-import"
  description = "imported"
  share_types = [%q]
}`, env["CONTINUITY_SANDBOX_MANILA_SHARE_TYPE_GOLD_ID"])
}

// e2eCredential and e2eBucket are a credential and a bucket of it for the
// rows that need them. The generated configuration of an imported
// credential has no key store (write-only: never imported), and plans no
// change.
const (
	e2eCredential = `
resource "continuity_astra_cloud_credential" "x" {
  name                 = "e2e-import"
  key_type             = "s3"
  key_store_wo         = { accessKey = "AKIAE2E", accessSecret = "e2e-secret" }
  key_store_wo_version = 1
}`
	e2eBucket = `
resource "continuity_astra_bucket" "x" {
  name          = "e2e-import"
  object_store  = "generic-s3"
  credential_id = continuity_astra_cloud_credential.x.id
  bucket_name   = "e2e-import"
  server_url    = "s3.example.com"
}`
)

// TestImportBlockGeneratesConfig imports every resource type the way
// Terraform users now do: an import {} block planned with
// -generate-config-out. The generated configuration must validate, and the
// plan must import the object with no change.
func TestImportBlockGeneratesConfig(t *testing.T) {
	h := Build(t)
	newton := acctest.StartSandbox(t, sandbox.Options{Transition: 50 * time.Millisecond})
	modern := acctest.StartSandbox(t, sandbox.Options{Transition: 50 * time.Millisecond, ManilaModern: true})
	for typ, row := range importRows {
		env := newton
		if row.modern {
			env = modern
		}
		provider := Required + acctest.ProviderBlock(env)
		t.Run(typ, func(t *testing.T) {
			setup := h.NewWorkdir(t, provider+row.setup(env), nil)
			setup.Init()
			setup.MustRun("apply", "-auto-approve", "-input=false")
			r := setup.Resources()[row.addr]
			if r == nil {
				t.Fatalf("%s not in the set-up's state", row.addr)
			}
			id, _ := r.AttributeValues["id"].(string)
			if row.id != nil {
				id = row.id(r.AttributeValues)
			}
			t.Cleanup(func() { setup.MustRun("destroy", "-auto-approve", "-input=false") })

			w := h.NewWorkdir(t, provider+fmt.Sprintf("\nimport {\n  to = %s\n  id = %q\n}\n", row.addr, id), nil)
			w.Init()
			if out, err := w.Run("plan", "-input=false", "-generate-config-out=generated.tf"); err != nil {
				t.Fatalf("plan -generate-config-out: %v\n%s", err, out)
			}
			generated, err := os.ReadFile(filepath.Join(w.Dir, "generated.tf"))
			if err != nil {
				t.Fatal(err)
			}
			if out, err := w.Run("validate"); err != nil {
				t.Fatalf("the generated configuration does not validate: %v\n%s\n%s", err, generated, out)
			}
			plan := w.Plan()
			c := plan[row.addr]
			if c == nil || !c.Change.Actions.NoOp() || c.Change.Importing == nil {
				t.Fatalf("plan of the generated configuration: %+v, want an import with no change\n%s", c, generated)
			}
			if others := changed(plan); len(others) > 0 {
				t.Fatalf("the plan changes %v\n%s", others, generated)
			}
		})
	}
}
