package manila_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// guideFile reads one file of a guide's example, without its terraform
// and provider blocks: the test's provider is served in-process, and
// points at a sandbox of its own.
func guideFile(t *testing.T, dir, name string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "examples", "guides", dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return providerBlocks.ReplaceAllString(string(raw), "")
}

// providerBlocks are the terraform block with its required_providers, and
// the empty provider block, of an example.
var providerBlocks = regexp.MustCompile(`(?s)terraform \{\n  required_providers \{.*?\n\}\n|provider "continuity" \{\}`)

// The guide docs/guides/manila-disaster-recovery.md, as it is written: its
// configuration files applied step by step (group the database's shares
// and snapshot them, restore the snapshot into a new group, fail the WAL
// archive over to its replica in the DR zone, fail back), on a modern
// Manila with share groups and on a Newton one with consistency groups.
func TestAccGuide_manilaDisasterRecovery(t *testing.T) {
	for name, tc := range map[string]struct {
		dir, group, snapshot, restored string
		opts                           sandbox.Options
	}{
		"modern": {"manila-disaster-recovery", groupType + ".db", groupSnapType + ".nightly", groupType + ".db_restored",
			sandbox.Options{ManilaModern: true}},
		"newton": {"manila-disaster-recovery-newton", cgType + ".db", snapType + ".nightly", cgType + ".db_restored",
			sandbox.Options{ManilaMaxVersion: "2.22"}},
	} {
		t.Run(name, func(t *testing.T) {
			r := startRelease(t, tc.opts)
			main := r.provider + guideFile(t, tc.dir, "main.tf")
			restore := main + guideFile(t, tc.dir, "restore.tf")
			failback := restore + guideFile(t, tc.dir, "failback.tf")
			failover := func(v bool) config.Variables { return config.Variables{"failover": config.BoolVariable(v)} }
			dr, primary := replicaType+".wal_archive_dr", replicaType+".wal_archive_primary"
			kinds := map[string]string{cgType: "manila.consistency_group", snapType: "manila.consistency_group_snapshot"}
			for k, v := range shareKinds {
				kinds[k] = v
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             checkNone(t, r.base, kinds),
				Steps: []resource.TestStep{
					{
						Config: main, ConfigVariables: failover(false),
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue(tc.group, tfjsonpath.New("status"), knownvalue.StringExact("available")),
							statecheck.ExpectKnownValue(tc.snapshot, tfjsonpath.New("members"), knownvalue.ListSizeExact(3)),
							statecheck.ExpectKnownValue(dr, tfjsonpath.New("replica_state"), knownvalue.StringExact("in_sync")),
						},
					},
					{
						Config: restore, ConfigVariables: failover(false),
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue(tc.restored, tfjsonpath.New("status"), knownvalue.StringExact("available")),
							statecheck.ExpectKnownValue("data.continuity_manila_shares.db_restored", tfjsonpath.New("shares"), knownvalue.ListSizeExact(3)),
						},
					},
					{
						// Fail over.
						Config: restore, ConfigVariables: failover(true),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(dr, plancheck.ResourceActionUpdate),
						}},
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue(dr, tfjsonpath.New("replica_state"), knownvalue.StringExact("active")),
						},
					},
					{
						// Fail back.
						Config: failback, ConfigVariables: failover(false),
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue(primary, tfjsonpath.New("replica_state"), knownvalue.StringExact("active")),
							statecheck.ExpectKnownValue(primary, tfjsonpath.New("availability_zone"), knownvalue.StringExact("nova")),
							statecheck.ExpectKnownValue(dr, tfjsonpath.New("active"), knownvalue.Bool(false)),
						},
					},
					{Config: failback, ConfigVariables: failover(false), PlanOnly: true},
				},
			})
		})
	}
}

// The guide docs/guides/point-in-time-restore.md, as it is written: its
// configuration files applied in its order on a Newton Manila (group the
// database's shares on the share network, snapshot them at one point in
// time, restore the snapshot into a new group), and refused at plan time
// on a modern one, as the guide says.
func TestAccGuide_pointInTimeRestore(t *testing.T) {
	r := startRelease(t, sandbox.Options{ManilaMaxVersion: "2.22"})
	const dir = "point-in-time-restore"
	group := r.provider + guideFile(t, dir, "group.tf") + guideFile(t, dir, "shares.tf")
	snapshot := group + guideFile(t, dir, "snapshot.tf")
	restore := snapshot + guideFile(t, dir, "restore.tf") + guideFile(t, dir, "restored_shares.tf")
	network := acctest.SandboxEnv(t, acctest.EnvManilaShareNetworkID)
	kinds := map[string]string{cgType: "manila.consistency_group", snapType: "manila.consistency_group_snapshot", shareType: "manila.share"}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkNone(t, r.base, kinds),
		Steps: []resource.TestStep{
			{
				Config: group,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(cgType+".db", tfjsonpath.New("status"), knownvalue.StringExact("available")),
					statecheck.ExpectKnownValue(cgType+".db", tfjsonpath.New("share_network_id"), knownvalue.StringExact(network)),
					statecheck.ExpectKnownValue(shareType+".db[0]", tfjsonpath.New("size"), knownvalue.Int64Exact(100)),
					statecheck.ExpectKnownValue(shareType+".db[1]", tfjsonpath.New("share_network_id"), knownvalue.StringExact(network)),
					statecheck.CompareValuePairs(shareType+".db[2]", tfjsonpath.New("consistency_group_id"), cgType+".db", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownOutputValue("db_group_id", knownvalue.StringRegexp(uuidRe)),
				},
			},
			{
				Config: snapshot,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(snapType+".before_upgrade", tfjsonpath.New("status"), knownvalue.StringExact("available")),
					statecheck.ExpectKnownValue(snapType+".before_upgrade", tfjsonpath.New("members"), knownvalue.ListSizeExact(3)),
				},
			},
			{
				Config: restore,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(cgType+".db_restored", tfjsonpath.New("status"), knownvalue.StringExact("available")),
					statecheck.ExpectKnownValue(cgType+".db_restored", tfjsonpath.New("share_network_id"), knownvalue.StringExact(network)),
					statecheck.ExpectKnownValue("data.continuity_manila_shares.db_restored", tfjsonpath.New("shares"), knownvalue.ListSizeExact(3)),
					statecheck.ExpectKnownOutputValue("restored_exports", knownvalue.MapSizeExact(3)),
				},
			},
			{Config: restore, PlanOnly: true},
		},
	})
	modern := startRelease(t, sandbox.Options{ManilaModern: true})
	expectErrors(t, map[string]failing{
		"modern": {config: modern.provider + guideFile(t, dir, "group.tf"), planOnly: true,
			want: `(?s)Consistency\s+groups\s+need\s+a\s+microversion\s+from\s+2\.4\s+to\s+2\.30.*continuity_manila_share_group`},
	})
}
