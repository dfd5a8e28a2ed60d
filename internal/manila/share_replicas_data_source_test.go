package manila_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/manila"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// recentSeconds checks an age of something this test made: at least 0,
// and less than an hour.
var recentSeconds = knownvalue.Int64Func(func(v int64) error {
	if v < 0 || v >= 3600 {
		return fmt.Errorf("%d seconds, want something made by this test", v)
	}
	return nil
})

// replicaAction runs an admin's action on a replica (reset_replica_state,
// resync) and waits until the API shows the replica_state it leads to.
func replicaAction(t *testing.T, admin *manila.Client, id, state string, action func(context.Context) error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := action(ctx); err != nil {
		t.Fatal(err)
	}
	for {
		r, err := admin.GetReplica(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if r.ReplicaState != nil && *r.ReplicaState == state {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("replica %s never became %s: %v", id, state, ctx.Err())
		case <-time.After(10 * time.Millisecond):
		}
	}
}

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
	var replicaID string
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
				Check: func(s *terraform.State) error {
					replicaID = s.RootModule().Resources[replicaAddr].Primary.ID
					return nil
				},
				ConfigStateChecks: append(secondary("in_sync", true),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("replicas").AtSliceIndex(0).AtMapKey("age_seconds"), recentSeconds)),
			},
			{
				PreConfig: func() {
					replicaAction(t, admin, replicaID, "out_of_sync", func(ctx context.Context) error {
						return admin.ResetReplicaState(ctx, replicaID, "out_of_sync")
					})
				},
				Config:            config,
				ConfigStateChecks: secondary("out_of_sync", false),
			},
			{
				PreConfig: func() {
					replicaAction(t, admin, replicaID, "in_sync", func(ctx context.Context) error { return admin.ResyncReplica(ctx, replicaID) })
				},
				Config:            config,
				ConfigStateChecks: secondary("in_sync", true),
			},
		},
	})
}
