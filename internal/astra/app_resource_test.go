package astra_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestAccApp_basic(t *testing.T) {
	acctest.PreCheckAstra(t)
	ns := acctest.RandomName("tf-acc-app")
	east := acctest.SandboxEnv(t, acctest.EnvAstraClusterEastID)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	selectors := func(name string) string {
		return fmt.Sprintf(`
resource "continuity_astra_app" "test" {
  name       = %q
  cluster_id = %q
  namespace_scoped_resources = [
    { namespace = %q, label_selectors = ["app=%s", "tier in (db, cache)"] },
  ]
  cluster_scoped_resources = [
    { group = "rbac.authorization.k8s.io", version = "v1", kind = "ClusterRole", label_selectors = ["app=%s"] },
  ]
}
`, name, east, ns, ns, ns)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDataProtectionDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: selectors(ns),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(appAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectKnownValue(appAddr, tfjsonpath.New("state"), knownvalue.StringExact("ready")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(appAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(appAddr, tfjsonpath.New("id"), uuidValue),
					statecheck.ExpectKnownValue(appAddr, tfjsonpath.New("name"), knownvalue.StringExact(ns)),
					statecheck.ExpectKnownValue(appAddr, tfjsonpath.New("state"), knownvalue.StringExact("ready")),
					statecheck.ExpectKnownValue(appAddr, tfjsonpath.New("namespaces"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(ns)})),
					statecheck.ExpectKnownValue(appAddr, tfjsonpath.New("namespace_scoped_resources").AtSliceIndex(0).AtMapKey("label_selectors"),
						knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue(appAddr, tfjsonpath.New("cluster_scoped_resources").AtSliceIndex(0).AtMapKey("kind"), knownvalue.StringExact("ClusterRole")),
					statecheck.ExpectKnownValue(appAddr, tfjsonpath.New("cluster_name"), knownvalue.StringExact("cluster-east")),
					statecheck.ExpectKnownValue(appAddr, tfjsonpath.New("cluster_type"), knownvalue.StringExact("kubernetes")),
					statecheck.ExpectKnownValue(appAddr, tfjsonpath.New("protection_state"), knownvalue.StringExact("none")),
					statecheck.ExpectKnownValue(appAddr, tfjsonpath.New("snapshot_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(appAddr, tfjsonpath.New("source_app_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(appAddr, tfjsonpath.New("in_place_restore"), knownvalue.Null()),
					statecheck.ExpectKnownValue(appAddr, tfjsonpath.New("created_at"), knownvalue.NotNull()),
				},
			},
			{ResourceName: appAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			{
				Config: selectors(ns + "-renamed"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(appAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(appAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(appAddr, tfjsonpath.New("name"), knownvalue.StringExact(ns+"-renamed")),
				},
			},
			{
				// Another definition is another app: unmanage, manage.
				Config: managedAppConfig(t, ns, ns),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(appAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(appAddr, tfjsonpath.New("namespace_scoped_resources").AtSliceIndex(0).AtMapKey("label_selectors"), knownvalue.Null()),
					statecheck.ExpectKnownValue(appAddr, tfjsonpath.New("cluster_scoped_resources"), knownvalue.Null()),
				},
			},
		},
	})
}

func TestAccApp_driftAndDisappears(t *testing.T) {
	acctest.PreCheckAstra(t)
	ns := acctest.RandomName("tf-acc-app-drift")
	client := acctest.AstraClient(t)
	var id acctest.ID
	config := managedAppConfig(t, ns, ns)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDataProtectionDestroyed(t),
		Steps: []resource.TestStep{
			{Config: config, Check: id.Capture(appAddr)},
			{
				PreConfig: func() {
					if err := client.RenameApp(context.Background(), id.Value, "renamed-outside"); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(appAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(appAddr, tfjsonpath.New("name"), knownvalue.StringExact(ns)),
				}},
			},
			{
				PreConfig: func() {
					ctx := context.Background()
					if err := client.UnmanageApp(ctx, id.Value); err != nil {
						t.Fatal(err)
					}
					waitAppGone(t, id.Value)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(appAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

// protectedAppConfig is a managed app "test" of its own namespace, a
// bucket, a snapshot "test" and a backup "test" of that snapshot.
func protectedAppConfig(t *testing.T, ns string, extra ...string) string {
	return bucketConfig(ns) + managedAppConfig(t, ns, ns, extra...) + `
resource "continuity_astra_snapshot" "test" {
  app_id = continuity_astra_app.test.id
  name   = "before-change"
}

resource "continuity_astra_backup" "test" {
  app_id      = continuity_astra_app.test.id
  name        = "before-change"
  bucket_id   = continuity_astra_bucket.test.id
  snapshot_id = continuity_astra_snapshot.test.id
}
`
}

func TestAccApp_restoreAndClone(t *testing.T) {
	acctest.PreCheckAstra(t)
	ns := acctest.RandomName("tf-acc-app-restore")
	east := acctest.SandboxEnv(t, acctest.EnvAstraClusterEastID)
	west := acctest.SandboxEnv(t, acctest.EnvAstraClusterWestID)
	copies := fmt.Sprintf(`
resource "continuity_astra_app" "drill" {
  name       = "%[1]s-drill"
  cluster_id = %[2]q
  backup_id  = continuity_astra_backup.test.id
  namespace_mapping     = [{ source = %[1]q, destination = "%[1]s-drill" }]
  storage_class_mapping = [{ source = "*", destination = "ontap-silver" }]
  restore_filter = {
    resource_selection_criteria = "exclude"
    resources                   = [{ kind = "Secret", names = ["tls"] }]
  }
}

resource "continuity_astra_app" "from_snapshot" {
  name              = "%[1]s-snap"
  cluster_id        = %[2]q
  snapshot_id       = continuity_astra_snapshot.test.id
  namespace_mapping = [{ source = %[1]q, destination = "%[1]s-snap" }]
}

resource "continuity_astra_app" "clone" {
  name              = "%[1]s-dr"
  cluster_id        = %[3]q
  source_app_id     = continuity_astra_app.test.id
  namespace_mapping = [{ source = %[1]q, destination = "%[1]s-dr" }]
}
`, ns, east, west)
	drill, clone := "continuity_astra_app.drill", "continuity_astra_app.clone"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDataProtectionDestroyed(t),
		Steps: []resource.TestStep{
			{
				Config: protectedAppConfig(t, ns) + copies,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(drill, tfjsonpath.New("state"), knownvalue.StringExact("ready")),
					statecheck.ExpectKnownValue(drill, tfjsonpath.New("namespaces"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(ns + "-drill")})),
					statecheck.ExpectKnownValue(drill, tfjsonpath.New("namespace_scoped_resources").AtSliceIndex(0).AtMapKey("namespace"), knownvalue.StringExact(ns+"-drill")),
					statecheck.CompareValuePairs(drill, tfjsonpath.New("source_app_id"), appAddr, tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(drill, tfjsonpath.New("source_cluster_id"), knownvalue.StringExact(east)),
					statecheck.ExpectKnownValue(drill, tfjsonpath.New("snapshot_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(clone, tfjsonpath.New("cluster_name"), knownvalue.StringExact("cluster-west")),
					statecheck.ExpectKnownValue(clone, tfjsonpath.New("namespaces"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(ns + "-dr")})),
					statecheck.ExpectKnownValue(clone, tfjsonpath.New("source_cluster_id"), knownvalue.StringExact(east)),
				},
			},
			// Imports of a restored app and a clone plan nothing.
			{ResourceName: drill, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			{ResourceName: clone, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			{
				Config:           protectedAppConfig(t, ns) + copies,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// A snapshot and a backup restored into new namespaces of the other
// cluster: astra.md §10.3 (c) restores "to a new app (namespace or
// cluster)" from either, and §10–§14 restrict neither to the source's
// cluster, so both go west (the recovery of a lost cluster).
func TestAccApp_restoreToOtherCluster(t *testing.T) {
	acctest.PreCheckAstra(t)
	ns := acctest.RandomName("tf-acc-app-west")
	east := acctest.SandboxEnv(t, acctest.EnvAstraClusterEastID)
	west := acctest.SandboxEnv(t, acctest.EnvAstraClusterWestID)
	client := acctest.AstraClient(t)
	copies := fmt.Sprintf(`
resource "continuity_astra_app" "west_snap" {
  name              = "%[1]s-snap"
  cluster_id        = %[2]q
  snapshot_id       = continuity_astra_snapshot.test.id
  namespace_mapping = [{ source = %[1]q, destination = "%[1]s-snap" }]
}

resource "continuity_astra_app" "west_backup" {
  name                  = "%[1]s-backup"
  cluster_id            = %[2]q
  backup_id             = continuity_astra_backup.test.id
  namespace_mapping     = [{ source = %[1]q, destination = "%[1]s-backup" }]
  storage_class_mapping = [{ source = "*", destination = "ontap-silver" }]
}
`, ns, west)
	restored := map[string]string{"continuity_astra_app.west_snap": ns + "-snap", "continuity_astra_app.west_backup": ns + "-backup"}
	var checks []statecheck.StateCheck
	for addr, dest := range restored {
		checks = append(checks,
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("state"), knownvalue.StringExact("ready")),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("cluster_id"), knownvalue.StringExact(west)),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("cluster_name"), knownvalue.StringExact("cluster-west")),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("namespaces"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(dest)})),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("namespace_scoped_resources").AtSliceIndex(0).AtMapKey("namespace"), knownvalue.StringExact(dest)),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("source_cluster_id"), knownvalue.StringExact(east)),
			statecheck.CompareValuePairs(addr, tfjsonpath.New("source_app_id"), appAddr, tfjsonpath.New("id"), compare.ValuesSame()),
		)
	}
	checks = append(checks,
		statecheck.CompareValuePairs("continuity_astra_app.west_snap", tfjsonpath.New("snapshot_id"), snapshotAddr, tfjsonpath.New("id"), compare.ValuesSame()),
		statecheck.CompareValuePairs("continuity_astra_app.west_backup", tfjsonpath.New("backup_id"), backupAddr, tfjsonpath.New("id"), compare.ValuesSame()),
	)
	// The sandbox's view: each app runs on the west cluster, in its new
	// namespace, ready.
	onWest := func(st *terraform.State) error {
		for addr, dest := range restored {
			a, err := client.GetApp(context.Background(), st.RootModule().Resources[addr].Primary.ID)
			if err != nil {
				return err
			}
			if a.ClusterID != west || a.ClusterName != "cluster-west" || a.State != "ready" || len(a.Namespaces) != 1 || a.Namespaces[0] != dest {
				return fmt.Errorf("%s in the sandbox: cluster %s (%s), state %s, namespaces %v; want ready in %s on cluster-west",
					addr, a.ClusterID, a.ClusterName, a.State, a.Namespaces, dest)
			}
		}
		return nil
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDataProtectionDestroyed(t),
		Steps: []resource.TestStep{
			{Config: protectedAppConfig(t, ns) + copies, ConfigStateChecks: checks, Check: onWest},
			{ResourceName: "continuity_astra_app.west_snap", ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			{
				Config:           protectedAppConfig(t, ns) + copies,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

func TestAccApp_inPlaceRestore(t *testing.T) {
	acctest.PreCheckAstra(t)
	ns := acctest.RandomName("tf-acc-app-ipr")
	s := startFaultySandbox(t, "")
	var app string
	restoring := func(trigger string) string {
		return fmt.Sprintf(`  in_place_restore = { backup_name = "before-change", trigger = %q }`, trigger)
	}
	hooks := `
resource "continuity_astra_hook_source" "restored" {
  name    = "` + ns + `-restored"
  content = "#!/bin/sh\necho restored\n"
}

resource "continuity_astra_execution_hook" "restored" {
  name           = "` + ns + `-post-restore"
  app_id         = continuity_astra_app.test.id
  hook_source_id = continuity_astra_hook_source.restored.id
  action         = "restore"
  stage          = "post"
}
`
	puts := func() int64 { return s.requests(t, "PUT /accounts/{account_id}/k8s/v2/apps/{app_id}") }
	var before int64
	cfg := func(extra ...string) string { return s.provider + protectedAppConfigFor(s, ns, extra...) + hooks }
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             s.holdsNone(t, "astra.snapshot", "astra.backup", "astra.bucket", "astra.cloud_credential"),
		Steps: []resource.TestStep{
			{Config: cfg(), Check: captureAttr(appAddr, "id", &app)},
			{
				// Restore from the backup: an update of the app, once.
				Config: cfg(restoring("1")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(appAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("continuity_astra_backup.test", plancheck.ResourceActionNoop),
					plancheck.ExpectKnownValue(appAddr, tfjsonpath.New("state"), knownvalue.StringExact("ready")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(appAddr, tfjsonpath.New("state"), knownvalue.StringExact("ready")),
					statecheck.ExpectKnownValue(appAddr, tfjsonpath.New("in_place_restore").AtMapKey("trigger"), knownvalue.StringExact("1")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(sameAttr(appAddr, "id", &app), func(*terraform.State) error {
					before = puts()
					// The app's post-restore hook ran once, in its container.
					if runs := hookRunsOf(t, s, app); runs["post-restore"] != 1 || runs["failed"] != 0 {
						return fmt.Errorf("hook runs %v, want one post-restore", runs)
					}
					return nil
				}),
			},
			{
				// The same configuration restores nothing again.
				Config:           cfg(restoring("1")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				// A new trigger restores again.
				Config: cfg(restoring("2")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(appAddr, plancheck.ResourceActionUpdate),
				}},
				Check: func(*terraform.State) error {
					if n := puts() - before; n != 1 {
						return fmt.Errorf("%d PUTs for the second restore, want 1", n)
					}
					if runs := hookRunsOf(t, s, app); runs["post-restore"] != 2 {
						return fmt.Errorf("hook runs %v, want two post-restore", runs)
					}
					before = puts()
					return nil
				},
			},
			{
				// Removing it restores nothing.
				Config: cfg(),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(appAddr, plancheck.ResourceActionUpdate),
				}},
				Check: func(*terraform.State) error {
					if n := puts() - before; n != 0 {
						return fmt.Errorf("%d PUTs after removing in_place_restore, want none", n)
					}
					return nil
				},
			},
		},
	})
}

// protectedAppConfigFor is protectedAppConfig against the sandbox s.
func protectedAppConfigFor(s faultySandbox, ns string, extra ...string) string {
	env := s.env
	return credentialConfig(ns, "s3cr3t", 1) + fmt.Sprintf(`
resource "continuity_astra_bucket" "test" {
  name          = %[1]q
  object_store  = "generic-s3"
  credential_id = continuity_astra_cloud_credential.test.id
  bucket_name   = %[1]q
  server_url    = "s3.example.com"
}

resource "continuity_astra_app" "test" {
  name       = %[1]q
  cluster_id = %[2]q
  namespace_scoped_resources = [{ namespace = %[1]q }]
%[3]s
}

resource "continuity_astra_snapshot" "test" {
  app_id = continuity_astra_app.test.id
  name   = "before-change"
}

resource "continuity_astra_backup" "test" {
  app_id      = continuity_astra_app.test.id
  name        = "before-change"
  bucket_id   = continuity_astra_bucket.test.id
  snapshot_id = continuity_astra_snapshot.test.id
}
`, ns, env[acctest.EnvAstraClusterEastID], joinLines(extra))
}

func TestAccApp_refusedAtPlan(t *testing.T) {
	acctest.PreCheckAstra(t)
	east := acctest.SandboxEnv(t, acctest.EnvAstraClusterEastID)
	wordpress := acctest.SandboxEnv(t, acctest.EnvAstraWordpressID)
	app := func(lines string) string {
		return fmt.Sprintf("resource \"continuity_astra_app\" \"test\" {\n  name = \"x\"\n  cluster_id = %q\n%s\n}\n", east, lines)
	}
	ns := `  namespace_scoped_resources = [{ namespace = "x" }]`
	const uuid = "6f519a48-3183-46cf-a32f-41815f813986"
	cases := map[string]struct{ config, want string }{
		"nothing to manage":   {app(""), words(`Nothing to manage`)},
		"two sources":         {app(fmt.Sprintf("  snapshot_id = %q\n  backup_id = %q", uuid, uuid)), words(`Several sources`)},
		"mapping on a manage": {app(ns + "\n  namespace_mapping = [{ source = \"x\", destination = \"y\" }]"), words(`Attribute of a restore or a clone`)},
		"filter on a clone": {app(fmt.Sprintf("  source_app_id = %q\n  restore_filter = { resource_selection_criteria = \"include\", resources = [{ kind = \"Secret\" }] }", wordpress)),
			words(`No filter on a live clone`)},
		"empty filter entry":        {app(fmt.Sprintf("  backup_id = %q\n  restore_filter = { resource_selection_criteria = \"include\", resources = [{}] }", uuid)), words(`Empty restore filter entry`)},
		"restore with definition":   {app(fmt.Sprintf("  backup_id = %q\n%s", uuid, ns)), words(`Definition of a restored app`)},
		"in-place restore on a new": {app(fmt.Sprintf("%s\n  in_place_restore = { backup_id = %q }", ns, uuid)), words(`Nothing to restore in place`)},
		"in-place restore of two":   {app(fmt.Sprintf("%s\n  in_place_restore = { backup_id = %q, snapshot_name = \"s\" }", ns, uuid)), words(`One source to restore from`, `(2 are set)`)},
		"in-place restore of none":  {app(fmt.Sprintf("%s\n  in_place_restore = { trigger = \"x\" }", ns)), words(`One source to restore from`)},
		"bad selector":              {app(`  namespace_scoped_resources = [{ namespace = "x", label_selectors = ["app in (a"] }]`), words(`Invalid label selector`)},
		"bad namespace":             {app(`  namespace_scoped_resources = [{ namespace = "Not_DNS" }]`), words(`must be a DNS-1123 label`)},
		"bad storage class source":  {app(fmt.Sprintf("  backup_id = %q\n  storage_class_mapping = [{ source = \"**\", destination = \"gold\" }]", uuid)), words(`must be "*" or a storage class name`)},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheckAstra(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: tc.config, PlanOnly: true, ExpectError: regexp.MustCompile(tc.want)}},
			})
		})
	}
}

// The in-place restores a plan cannot describe exactly are refused on an
// existing app, and change nothing.
func TestAccApp_inPlaceRestoreRefused(t *testing.T) {
	acctest.PreCheckAstra(t)
	ns := acctest.RandomName("tf-acc-app-ipr-refused")
	other := fmt.Sprintf(`
resource "continuity_astra_snapshot" "other" {
  app_id = %q
  name   = %q
}
`, acctest.SandboxEnv(t, acctest.EnvAstraPostgresID), ns)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDataProtectionDestroyed(t),
		Steps: []resource.TestStep{
			{Config: protectedAppConfig(t, ns) + other},
			{
				// From a snapshot made in the same apply: known only after it.
				Config: protectedAppConfig(t, ns, `  in_place_restore = { snapshot_id = continuity_astra_snapshot.later.id }`) + other + fmt.Sprintf(`
resource "continuity_astra_snapshot" "later" {
  app_id = %q
  name   = "%s-later"
}
`, acctest.SandboxEnv(t, acctest.EnvAstraPostgresID), ns),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(words(`In-place restore from a source known only after the apply`)),
			},
			{
				// Another app's snapshot.
				Config:      protectedAppConfig(t, ns, `  in_place_restore = { snapshot_id = continuity_astra_snapshot.other.id }`) + other,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(words(`Not a snapshot of this app`)),
			},
			{
				// A name no backup of the app has.
				Config:      protectedAppConfig(t, ns, `  in_place_restore = { backup_name = "no-such-backup" }`) + other,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(words(`Not a backup of this app`, `has the name "no-such-backup"`)),
			},
			{
				// With a replacement of the app.
				Config: bucketConfig(ns) + managedAppConfig(t, ns+"-new", ns+"-new", `  in_place_restore = { backup_name = "before-change" }`) + `
resource "continuity_astra_snapshot" "test" {
  app_id = continuity_astra_app.test.id
  name   = "before-change"
}

resource "continuity_astra_backup" "test" {
  app_id      = continuity_astra_app.test.id
  name        = "before-change"
  bucket_id   = continuity_astra_bucket.test.id
  snapshot_id = continuity_astra_snapshot.test.id
}
` + other,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(words(`In-place restore of an app being replaced`)),
			},
			{Config: protectedAppConfig(t, ns) + other, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}
