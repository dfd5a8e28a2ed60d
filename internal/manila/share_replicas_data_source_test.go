package manila_test

import (
	"context"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// The replicas of a share, with their posture: the active one and the
// secondary in sync are healthy; after the admin resets the secondary to
// out_of_sync through the API it is not; after the admin's resync it is
// again.
func TestAccShareReplicasDataSource(t *testing.T) {
	acctest.PreCheckManila(t)
	admin := acctest.ManilaAdminClient(t)
	name := acctest.RandomName("tf-acc-replicas")
	const ds = "data.continuity_manila_share_replicas.test"
	config := replicaConfig("", name, false, `
data "continuity_manila_share_replicas" "test" {
  share_id   = continuity_manila_share.archive.id
  depends_on = [continuity_manila_share_replica.dr]
}

locals {
  dr = one([for r in data.continuity_manila_share_replicas.test.replicas : r if r.id == continuity_manila_share_replica.dr.id])
}

output "dr_healthy" {
  value = local.dr.healthy
}
`)
	var replica acctest.ID
	secondary := func(state string, healthy bool) []statecheck.StateCheck {
		return []statecheck.StateCheck{
			statecheck.ExpectKnownValue(ds, tfjsonpath.New("replicas"), knownvalue.SetPartial([]knownvalue.Check{
				knownvalue.ObjectPartial(map[string]knownvalue.Check{"replica_state": knownvalue.StringExact("active"),
					"healthy": knownvalue.Bool(true), "status": knownvalue.StringExact("available")}),
			})),
			statecheck.ExpectKnownValue(ds, tfjsonpath.New("ids"), knownvalue.ListSizeExact(2)),
			statecheck.ExpectKnownOutputValue("dr_healthy", knownvalue.Bool(healthy)),
			statecheck.ExpectKnownValue(replicaAddr, tfjsonpath.New("replica_state"), knownvalue.StringExact(state)),
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  replica.Capture(replicaAddr),
				ConfigStateChecks: append(secondary("in_sync", true),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("replicas").AtSliceIndex(0).AtMapKey("age_seconds"), acctest.RecentSeconds)),
			},
			{
				PreConfig: func() {
					acctest.ManilaReplicaAction(t, admin, replica.Value, "out_of_sync", func(ctx context.Context) error {
						return admin.ResetReplicaState(ctx, replica.Value, "out_of_sync")
					})
				},
				Config:            config,
				ConfigStateChecks: secondary("out_of_sync", false),
			},
			{
				PreConfig: func() {
					acctest.ManilaReplicaAction(t, admin, replica.Value, "in_sync", func(ctx context.Context) error { return admin.ResyncReplica(ctx, replica.Value) })
				},
				Config:            config,
				ConfigStateChecks: secondary("in_sync", true),
			},
		},
	})
}
