package astra_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// TestAccSnapshotsAndBackupsDataSources lists an app's snapshots and
// backups: every filter filters, the order is newest first unless asked
// otherwise, limit keeps the first, an empty result is an empty list.
func TestAccSnapshotsAndBackupsDataSources(t *testing.T) {
	acctest.PreCheckAstra(t)
	ns := acctest.RandomName("tf-acc-lists")
	objects := protectedAppConfig(t, ns) + `
resource "continuity_astra_snapshot" "second" {
  app_id     = continuity_astra_app.test.id
  name       = "second"
  depends_on = [continuity_astra_backup.test]
}

resource "continuity_astra_backup" "second" {
  app_id      = continuity_astra_app.test.id
  name        = "second"
  bucket_id   = continuity_astra_bucket.test.id
  snapshot_id = continuity_astra_snapshot.second.id
}
`
	lists := `
data "continuity_astra_snapshots" "all" {
  app_id     = continuity_astra_app.test.id
  depends_on = [continuity_astra_backup.second]
}

data "continuity_astra_snapshots" "by_name" {
  app_id     = continuity_astra_app.test.id
  name_regex = "^before-"
  order_by   = "name"
  depends_on = [continuity_astra_backup.second]
}

data "continuity_astra_snapshots" "oldest" {
  app_id     = continuity_astra_app.test.id
  order_by   = "created_at"
  limit      = 1
  depends_on = [continuity_astra_backup.second]
}

data "continuity_astra_snapshots" "none" {
  app_id     = continuity_astra_app.test.id
  state      = "failed"
  depends_on = [continuity_astra_backup.second]
}

data "continuity_astra_backups" "latest" {
  app_id     = continuity_astra_app.test.id
  state      = "completed"
  bucket_id  = continuity_astra_bucket.test.id
  depends_on = [continuity_astra_backup.second]
}

data "continuity_astra_backups" "other_bucket" {
  app_id     = continuity_astra_app.test.id
  bucket_id  = "6f519a48-3183-46cf-a32f-41815f813986"
  depends_on = [continuity_astra_backup.second]
}
`
	names := func(addr, list string, want ...string) statecheck.StateCheck {
		checks := make([]knownvalue.Check, len(want))
		for i, w := range want {
			checks[i] = knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact(w)})
		}
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New(list), knownvalue.ListExact(checks))
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDataProtectionDestroyed(t),
		Steps: []resource.TestStep{{
			Config: objects + lists,
			ConfigStateChecks: []statecheck.StateCheck{
				names("data.continuity_astra_snapshots.all", "snapshots", "second", "before-change"),
				names("data.continuity_astra_snapshots.by_name", "snapshots", "before-change"),
				names("data.continuity_astra_snapshots.oldest", "snapshots", "before-change"),
				names("data.continuity_astra_snapshots.none", "snapshots"),
				statecheck.ExpectKnownValue("data.continuity_astra_snapshots.none", tfjsonpath.New("ids"), knownvalue.ListSizeExact(0)),
				names("data.continuity_astra_backups.latest", "backups", "second", "before-change"),
				statecheck.CompareValuePairs("data.continuity_astra_backups.latest", tfjsonpath.New("ids").AtSliceIndex(0),
					"continuity_astra_backup.second", tfjsonpath.New("id"), compare.ValuesSame()),
				statecheck.ExpectKnownValue("data.continuity_astra_backups.latest", tfjsonpath.New("backups").AtSliceIndex(1), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"state": knownvalue.StringExact("completed"), "hook_state": knownvalue.StringExact("success"), "total_bytes": knownvalue.NotNull(),
					"completed_at": knownvalue.NotNull(), "state_unready": knownvalue.ListSizeExact(0), "age_seconds": acctest.RecentSeconds,
				})),
				statecheck.ExpectKnownValue("data.continuity_astra_snapshots.all", tfjsonpath.New("snapshots").AtSliceIndex(0).AtMapKey("age_seconds"), acctest.RecentSeconds),
				names("data.continuity_astra_backups.other_bucket", "backups"),
			},
		}},
	})
}

func TestAccSnapshotsDataSource_errors(t *testing.T) {
	acctest.PreCheckAstra(t)
	for name, tc := range map[string]struct{ config, want string }{
		"unknown app":   {`data "continuity_astra_snapshots" "x" { app_id = "6f519a48-3183-46cf-a32f-41815f813986" }`, words(`App not found`, `check app_id`)},
		"bad regex":     {`data "continuity_astra_backups" "x" {` + "\n  app_id = \"6f519a48-3183-46cf-a32f-41815f813986\"\n  name_regex = \"(\"\n}", words(`Invalid regular expression`)},
		"bad order":     {`data "continuity_astra_backups" "x" {` + "\n  app_id = \"6f519a48-3183-46cf-a32f-41815f813986\"\n  order_by = \"size\"\n}", words(`order_by value must be one of`)},
		"bad state":     {`data "continuity_astra_snapshots" "x" {` + "\n  app_id = \"6f519a48-3183-46cf-a32f-41815f813986\"\n  state = \"done\"\n}", words(`state value must be one of`)},
		"zero limit":    {`data "continuity_astra_snapshots" "x" {` + "\n  app_id = \"6f519a48-3183-46cf-a32f-41815f813986\"\n  limit = 0\n}", words(`limit value must be at least 1`)},
		"app not an id": {fmt.Sprintf(`data "continuity_astra_backups" "x" { app_id = %q }`, "payments"), words(`must be the ID of a managed app`)},
	} {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheckAstra(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: tc.config, ExpectError: regexp.MustCompile(tc.want)}},
			})
		})
	}
}
