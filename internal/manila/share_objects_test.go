package manila_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/manila"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// release is one Manila of the tests: its provider blocks (the user's
// and the admin's), its clients and its base URL.
type release struct {
	provider, adminProvider string
	user, admin             *manila.Client
	base                    string
}

// startRelease starts a sandbox with opts.
func startRelease(t *testing.T, opts sandbox.Options) release {
	t.Helper()
	acctest.PreCheckManila(t)
	env := acctest.StartSandbox(t, opts)
	s := acctest.ManilaSettingsFrom(env)
	a := s
	a.UserName, a.Password, a.ProjectName = env[acctest.EnvManilaAdminUsername], env[acctest.EnvManilaAdminPassword], env[acctest.EnvManilaAdminProjectName]
	return release{provider: acctest.ManilaProviderConfig(s), adminProvider: acctest.ManilaProviderConfig(a), user: acctest.NewManilaClient(t, s), admin: acctest.NewManilaClient(t, a), base: sandboxBase(env)}
}

// bothReleases are a Newton sandbox (2.22) and a modern one (2.99).
func bothReleases(t *testing.T) map[string]release {
	return map[string]release{
		"newton": startRelease(t, sandbox.Options{ManilaMaxVersion: "2.22"}),
		"modern": startRelease(t, sandbox.Options{ManilaModern: true}),
	}
}

// shareDestroyed checks with the admin client that no share object of
// the state survives.
func shareDestroyed(r release) resource.TestCheckFunc {
	return acctest.CheckDestroyed(map[string]acctest.Finder{
		shareType: acctest.Find(r.admin.GetShare), shareSnapType: acctest.Find(r.admin.GetShareSnapshot),
	})
}

// A share is replaced when its protocol changes; changes made behind
// Terraform's back show in the plan; a share deleted behind its back is
// created again.
func TestAccShare_replaceDriftDisappears(t *testing.T) {
	for name, r := range bothReleases(t) {
		t.Run(name, func(t *testing.T) {
			shareName := acctest.RandomName("tf-acc-share-drift")
			var id acctest.ID
			proto := func(p string) string {
				return r.provider + fmt.Sprintf(`
data "continuity_manila_share_type" "gold" {
  name = "gold"
}
resource "continuity_manila_share" "test" {
  name          = %q
  share_proto   = %q
  size          = 1
  share_type_id = data.continuity_manila_share_type.gold.id
  metadata      = { app = "db" }
}
`, shareName, p)
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             shareDestroyed(r),
				Steps: []resource.TestStep{
					{Config: proto("NFS"), Check: id.Capture(shareAddr)},
					{
						Config: proto("CIFS"),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(shareAddr, plancheck.ResourceActionDestroyBeforeCreate),
						}},
						ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("share_proto"), knownvalue.StringExact("CIFS"))},
						Check:             id.Capture(shareAddr),
					},
					{
						PreConfig: func() {
							ctx := context.Background()
							if _, err := r.user.UpdateShare(ctx, id.Value, strPtr("tampered"), nil, nil); err != nil {
								t.Fatal(err)
							}
							if err := r.user.SetShareMetadata(ctx, id.Value, map[string]string{"app": "web", "extra": "1"}); err != nil {
								t.Fatal(err)
							}
						},
						Config: proto("CIFS"),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(shareAddr, plancheck.ResourceActionUpdate),
							plancheck.ExpectKnownValue(shareAddr, tfjsonpath.New("name"), knownvalue.StringExact(shareName)),
						}},
						ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("metadata"),
							knownvalue.MapExact(map[string]knownvalue.Check{"app": knownvalue.StringExact("db")}))},
					},
					{
						PreConfig: func() {
							ctx := context.Background()
							s, err := r.user.GetShare(ctx, id.Value)
							if err != nil {
								t.Fatal(err)
							}
							if err := r.user.DeleteShare(ctx, s); err != nil {
								t.Fatal(err)
							}
							waitDeleted(t, id.Value, r.user.GetShare, shareStatus)
						},
						Config: proto("CIFS"),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(shareAddr, plancheck.ResourceActionCreate),
						}},
					},
				},
			})
		})
	}
}

func strPtr(s string) *string { return &s }

// revert_to_snapshot_id reverts the share in place to its latest snapshot;
// an older one is refused at plan time with the latest one's ID, and a
// Newton server (2.22) refuses reverts with the version they need.
func TestAccShare_revertToSnapshot(t *testing.T) {
	r := startRelease(t, sandbox.Options{ManilaModern: true})
	gold := acctest.SandboxEnv(t, acctest.EnvManilaShareTypeGoldID)
	s, snaps := shareWithSnapshots(t, r, "tf-acc-revert", "older", "latest")
	config := func(size int, revert string) string {
		line := ""
		if revert != "" {
			line = fmt.Sprintf("revert_to_snapshot_id = %q", revert)
		}
		return r.provider + fmt.Sprintf(`
import {
  to = continuity_manila_share.test
  id = %[1]q
}
import {
  to = continuity_manila_share_snapshot.older
  id = %[2]q
}
import {
  to = continuity_manila_share_snapshot.latest
  id = %[3]q
}
resource "continuity_manila_share" "test" {
  name          = %[4]q
  share_proto   = "NFS"
  size          = %[5]d
  share_type_id = %[6]q
  %[7]s
}
resource "continuity_manila_share_snapshot" "older" {
  share_id = continuity_manila_share.test.id
  name     = "older"
}
resource "continuity_manila_share_snapshot" "latest" {
  share_id = continuity_manila_share.test.id
  name     = "latest"
}
`, s.ID, snaps[0], snaps[1], *s.Name, size, gold, line)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             shareDestroyed(r),
		Steps: []resource.TestStep{
			{Config: config(2, ""), ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("size"), knownvalue.Int64Exact(2)),
				statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("revert_to_snapshot_support"), knownvalue.Bool(true)),
			}},
			{Config: config(2, snaps[0]), PlanOnly: true,
				ExpectError: regexp.MustCompile(`(?s)Impossible revert.*latest\s+snapshot\s+of\s+the\s+share,\s+which\s+is\s+` + snaps[1])},
			{
				Config: config(1, snaps[1]),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(shareAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("size"), knownvalue.Int64Exact(1)),
					statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
					statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("revert_to_snapshot_id"), knownvalue.StringExact(snaps[1])),
				},
				Check: checkRequests(t, r.base, map[string]int64{"POST /v2/{project_id}/shares/{id}/action": 2}),
			},
			{Config: config(1, snaps[1]), PlanOnly: true},
		},
	})
}

// On Newton (2.22) a revert of an existing share is refused at plan time,
// with the version it needs, and nothing is sent.
func TestAccShare_revertRefusedOnNewton(t *testing.T) {
	r := startRelease(t, sandbox.Options{ManilaMaxVersion: "2.22"})
	gold := acctest.SandboxEnv(t, acctest.EnvManilaShareTypeGoldID)
	s, snaps := shareWithSnapshots(t, r, "tf-acc-revert-newton", "latest")
	config := func(revert string) string {
		return r.provider + imports(shareAddr, s.ID, shareSnapType+".latest", snaps[0]) + fmt.Sprintf(`
resource "continuity_manila_share" "test" {
  name          = %[1]q
  share_proto   = "NFS"
  size          = 1
  share_type_id = %[2]q
  %[3]s
}
resource "continuity_manila_share_snapshot" "latest" {
  share_id = continuity_manila_share.test.id
  name     = "latest"
}
`, *s.Name, gold, revert)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             shareDestroyed(r),
		Steps: []resource.TestStep{
			{Config: config(""), ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(shareAddr, tfjsonpath.New("revert_to_snapshot_support"), knownvalue.Bool(false)),
			}},
			{
				Config: config(fmt.Sprintf("revert_to_snapshot_id = %q", snaps[0])), PlanOnly: true,
				ExpectError: regexp.MustCompile(`(?s)Not supported by this Manila.*revert_to_snapshot_id.*Reverting\s+a\s+share\s+to\s+a\s+snapshot.*` +
					`need\s+microversion\s+2\.27\s+or\s+later,\s+and\s+this\s+Manila\s+server's\s+maximum\s+microversion\s+is\s+2\.22.*snapshot_id`),
			},
			{
				// Nothing was sent: the apply changes nothing, and no action was asked.
				Config: config(""),
				Check:  checkRequests(t, r.base, map[string]int64{"POST /v2/{project_id}/shares/{id}/action": 0}),
			},
			{Config: config(""), PlanOnly: true},
		},
	})
}

// shareWithSnapshots creates, through the API, a share of the gold type
// named from prefix and a snapshot of it for each of names, in order, and
// waits until all are available; it returns the share and the snapshots'
// IDs.
func shareWithSnapshots(t *testing.T, r release, prefix string, names ...string) (*manila.Share, []string) {
	t.Helper()
	ctx := context.Background()
	gold := acctest.SandboxEnv(t, acctest.EnvManilaShareTypeGoldID)
	s, err := r.user.CreateShare(ctx, manila.ShareCreate{Name: acctest.RandomName(prefix), ShareProto: "NFS", Size: 1, ShareTypeID: gold})
	if err != nil {
		t.Fatal(err)
	}
	waitStatus(t, s.ID, "available", r.user.GetShare, shareStatus)
	var snaps []string
	for _, n := range names {
		snap, err := r.user.CreateShareSnapshot(ctx, s.ID, n, "")
		if err != nil {
			t.Fatal(err)
		}
		waitStatus(t, snap.ID, "available", r.user.GetShareSnapshot, func(x *manila.ShareSnapshot) string { return x.Status })
		snaps = append(snaps, snap.ID)
	}
	return s, snaps
}

// imports is an import block for each pair of address and ID in pairs.
func imports(pairs ...string) string {
	var b strings.Builder
	for i := 0; i+1 < len(pairs); i += 2 {
		fmt.Fprintf(&b, "import {\n  to = %s\n  id = %q\n}\n", pairs[i], pairs[i+1])
	}
	return b.String()
}

// What a server's microversions lack is refused at plan time, with the
// version it needs, before anything is created.
func TestAccManila_versionRefusals(t *testing.T) {
	newton := startRelease(t, sandbox.Options{ManilaMaxVersion: "2.22"}).provider
	modern := startRelease(t, sandbox.Options{ManilaModern: true}).provider
	mitaka := startRelease(t, sandbox.Options{ManilaMaxVersion: "2.10"}).provider
	const id = "6f519a48-3183-46cf-a32f-41815f813986"
	share := func(extra string) string {
		return `
resource "continuity_manila_share" "test" {
  share_proto = "NFS"
  size        = 1
  ` + extra + `
}`
	}
	expectErrors(t, map[string]failing{
		"share group on newton": {config: newton + `resource "continuity_manila_share_group" "test" {}`, planOnly: true,
			want: `(?s)Share\s+groups\s+need\s+microversion\s+2\.31\s+or\s+later,\s+and\s+this\s+Manila\s+server's\s+maximum\s+microversion\s+is\s+2\.22.*continuity_manila_consistency_group`},
		"group snapshot on newton": {config: newton + `resource "continuity_manila_share_group_snapshot" "test" {
  share_group_id = "` + id + `"
}`, planOnly: true, want: `(?s)Share\s+groups\s+need\s+microversion\s+2\.31`},
		"share in a share group on newton": {config: newton + share(`share_group_id = "`+id+`"`), planOnly: true,
			want: `(?s)share_group_id.*Share\s+groups\s+need\s+microversion\s+2\.31`},
		"share in a consistency group on a modern server": {config: modern + share(`consistency_group_id = "`+id+`"`), planOnly: true,
			want: `(?s)consistency_group_id.*Consistency\s+groups\s+need\s+a\s+microversion\s+from\s+2\.4\s+to\s+2\.30.*2\.99`},
		"consistency group snapshot on a modern server": {config: modern + `resource "continuity_manila_consistency_group_snapshot" "test" {
  consistency_group_id = "` + id + `"
}`, planOnly: true, want: `(?s)Consistency\s+groups\s+need\s+a\s+microversion\s+from\s+2\.4\s+to\s+2\.30`},
		"replica network on newton": {config: newton + `resource "continuity_manila_share_replica" "test" {
  share_id         = "` + id + `"
  share_network_id = "` + id + `"
}`, planOnly: true, want: `(?s)share_network_id.*microversion\s+2\.72\s+or\s+later`},
		"revert on newton": {config: newton + share(`revert_to_snapshot_id = "`+id+`"`), planOnly: true,
			want: `(?s)revert_to_snapshot_id.*Reverting\s+a\s+share\s+to\s+a\s+snapshot.*need\s+microversion\s+2\.27\s+or\s+later.*maximum\s+microversion\s+is\s+2\.22`},
		"replica below 2.11": {config: mitaka + `resource "continuity_manila_share_replica" "test" {
  share_id = "` + id + `"
}`, planOnly: true, want: `(?s)Share\s+replicas\s+need\s+microversion\s+2\.11\s+or\s+later,\s+and\s+this\s+Manila\s+server's\s+maximum\s+microversion\s+is\s+2\.10`},
		"revert on create": {config: modern + share(`revert_to_snapshot_id = "`+id+`"`), planOnly: true, want: `(?s)Nothing to revert`},
		"both groups": {config: modern + share(`share_group_id = "`+id+`"`+"\n"+`consistency_group_id = "`+id+`"`), planOnly: true,
			want: `(?s)Conflicting groups`},
	})
}

// Impossible objects of existing shares are refused at plan time: a
// snapshot of a share whose type cannot be snapshotted, a replica of a
// share whose type has no replication.
func TestAccShare_impossibleChildrenRefusedAtPlan(t *testing.T) {
	r := startRelease(t, sandbox.Options{ManilaModern: true})
	ctx := context.Background()
	bronze, err := r.user.CreateShare(ctx, manila.ShareCreate{ShareProto: "NFS", Size: 1, ShareTypeID: acctest.SandboxEnv(t, acctest.EnvManilaShareTypeBronzeID)})
	if err != nil {
		t.Fatal(err)
	}
	expectErrors(t, map[string]failing{
		"snapshot of a bronze share": {config: r.provider + `resource "continuity_manila_share_snapshot" "test" {
  share_id = "` + bronze.ID + `"
}`, planOnly: true, want: `(?s)Impossible share snapshot.*no\s+snapshot_support`},
		"replica of a bronze share": {config: r.provider + `resource "continuity_manila_share_replica" "test" {
  share_id = "` + bronze.ID + `"
}`, planOnly: true, want: `(?s)Impossible share replica.*no\s+replication_type`},
	})
}

// On Newton a share is created in a consistency group, snapshotted with
// it, and restored into a new group; the restored group's shares are
// deleted with it.
func TestAccShare_inAConsistencyGroup(t *testing.T) {
	r := startRelease(t, sandbox.Options{})
	config := r.provider + `
data "continuity_manila_share_type" "gold" {
  name = "gold"
}
resource "continuity_manila_consistency_group" "test" {
  name        = "cg-with-shares"
  share_types = [data.continuity_manila_share_type.gold.id]
}
resource "continuity_manila_share" "test" {
  count                = 2
  share_proto          = "NFS"
  size                 = 1
  share_type_id        = data.continuity_manila_share_type.gold.id
  consistency_group_id = continuity_manila_consistency_group.test.id
}
resource "continuity_manila_consistency_group_snapshot" "test" {
  consistency_group_id = continuity_manila_consistency_group.test.id
  depends_on           = [continuity_manila_share.test]
}
resource "continuity_manila_consistency_group" "restored" {
  source_cgsnapshot_id = continuity_manila_consistency_group_snapshot.test.id
}
data "continuity_manila_shares" "restored" {
  consistency_group_id = continuity_manila_consistency_group.restored.id
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkNone(t, r.base, map[string]string{shareType: "manila.share", cgType: "manila.consistency_group"}),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(snapAddr, tfjsonpath.New("members"), knownvalue.ListSizeExact(2)),
				statecheck.ExpectKnownValue("data.continuity_manila_shares.restored", tfjsonpath.New("shares"), knownvalue.ListSizeExact(2)),
				statecheck.ExpectKnownValue("data.continuity_manila_shares.restored",
					tfjsonpath.New("shares").AtSliceIndex(0).AtMapKey("source_cgsnapshot_member_id"), knownvalue.NotNull()),
			},
		}},
	})
}
