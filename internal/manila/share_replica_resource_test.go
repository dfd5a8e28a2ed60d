package manila_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/manila"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const (
	replicaType = "continuity_manila_share_replica"
	replicaAddr = replicaType + ".dr"
	primaryAddr = replicaType + ".primary"
)

// replicaConfig is a share of the replicated type with a replica in the
// second zone, active or not, and extra.
func replicaConfig(provider, name string, active bool, extra string) string {
	return replicaWith(provider, name, fmt.Sprintf("active = %t", active)) + extra
}

// replicaWith is a share of the replicated type with a replica in the
// second zone, with attrs.
func replicaWith(provider, name, attrs string) string {
	return provider + fmt.Sprintf(`
data "continuity_manila_share_type" "replicated" {
  name = "replicated"
}
resource "continuity_manila_share" "archive" {
  name          = %q
  share_proto   = "NFS"
  size          = 1
  share_type_id = data.continuity_manila_share_type.replicated.id
}
resource "continuity_manila_share_replica" "dr" {
  share_id          = continuity_manila_share.archive.id
  availability_zone = "nova-dr"
  %s
}
`, name, attrs)
}

// primaryReplica imports the share's first replica, active.
const primaryReplica = `
import {
  to = continuity_manila_share_replica.primary
  id = continuity_manila_share.archive.primary_replica_id
}
resource "continuity_manila_share_replica" "primary" {
  share_id          = continuity_manila_share.archive.id
  availability_zone = "nova"
  active            = true
}
`

func TestAccShareReplica_failoverAndBack(t *testing.T) {
	for release, provider := range releases(t) {
		t.Run(release, func(t *testing.T) {
			name := acctest.RandomName("tf-acc-replica")
			same := statecheck.CompareValue(compare.ValuesSame())
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{
					{
						Config: replicaConfig(provider, name, false, ""),
						ConfigStateChecks: []statecheck.StateCheck{
							same.AddStateValue(replicaAddr, tfjsonpath.New("id")),
							statecheck.ExpectKnownValue(replicaAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
							statecheck.ExpectKnownValue(replicaAddr, tfjsonpath.New("replica_state"), knownvalue.StringExact("in_sync")),
							statecheck.ExpectKnownValue(replicaAddr, tfjsonpath.New("availability_zone"), knownvalue.StringExact("nova-dr")),
							statecheck.ExpectKnownValue(replicaAddr, tfjsonpath.New("active"), knownvalue.Bool(false)),
							statecheck.ExpectKnownValue(shareType+".archive", tfjsonpath.New("replication_type"), knownvalue.StringExact("dr")),
							statecheck.ExpectKnownValue(shareType+".archive", tfjsonpath.New("primary_replica_id"), knownvalue.StringRegexp(uuidRe)),
						},
					},
					{ResourceName: replicaAddr, ImportState: true, ImportStateVerify: true},
					{
						// Failover: the replica becomes the active one.
						Config: replicaConfig(provider, name, true, ""),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(replicaAddr, plancheck.ResourceActionUpdate),
						}},
						ConfigStateChecks: []statecheck.StateCheck{
							same.AddStateValue(replicaAddr, tfjsonpath.New("id")),
							statecheck.ExpectKnownValue(replicaAddr, tfjsonpath.New("replica_state"), knownvalue.StringExact("active")),
							statecheck.ExpectKnownValue(replicaAddr, tfjsonpath.New("active"), knownvalue.Bool(true)),
						},
					},
					{
						// Fail back: the share's first replica is imported and promoted.
						Config: replicaConfig(provider, name, false, primaryReplica),
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue(primaryAddr, tfjsonpath.New("replica_state"), knownvalue.StringExact("active")),
							statecheck.ExpectKnownValue(replicaAddr, tfjsonpath.New("active"), knownvalue.Bool(false)),
						},
					},
					{Config: replicaConfig(provider, name, false, primaryReplica), PlanOnly: true},
					{
						// The primary goes out of Terraform's hands before it is destroyed.
						Config: replicaConfig(provider, name, false, `
removed {
  from = continuity_manila_share_replica.primary
  lifecycle {
    destroy = false
  }
}`),
					},
				},
			})
		})
	}
}

// resyncConfig is replicaWith's share and replica, resynchronised when
// found out of sync or not.
func resyncConfig(provider, name string, resync bool) string {
	return replicaWith(provider, name, fmt.Sprintf("resync_when_out_of_sync = %t", resync))
}

// A replica that goes out of sync (its state reset by an admin, as the
// share manager does when the back end falls behind) is resynchronised by
// the next apply with resync_when_out_of_sync, and left as it is without.
// Resync is admin-only: the provider runs with the admin's credentials.
func TestAccShareReplica_resyncWhenOutOfSync(t *testing.T) {
	for release, r := range bothReleases(t) {
		t.Run(release, func(t *testing.T) {
			name := acctest.RandomName("tf-acc-resync")
			var id acctest.ID
			outOfSync := func() {
				if err := r.admin.ResetReplicaState(context.Background(), id.Value, "out_of_sync"); err != nil {
					t.Fatal(err)
				}
			}
			const action = "POST /v2/{project_id}/share-replicas/{id}/action"
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             checkNone(t, r.base, shareKinds),
				Steps: []resource.TestStep{
					{
						Config: resyncConfig(r.adminProvider, name, true),
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue(replicaAddr, tfjsonpath.New("replica_state"), knownvalue.StringExact("in_sync")),
							statecheck.ExpectKnownValue(replicaAddr, tfjsonpath.New("resync_when_out_of_sync"), knownvalue.Bool(true)),
						},
						Check: id.Capture(replicaAddr),
					},
					{
						// Out of sync: the plan resyncs it in place.
						PreConfig: outOfSync,
						Config:    resyncConfig(r.adminProvider, name, true),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(replicaAddr, plancheck.ResourceActionUpdate),
							plancheck.ExpectUnknownValue(replicaAddr, tfjsonpath.New("replica_state")),
						}},
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue(replicaAddr, tfjsonpath.New("replica_state"), knownvalue.StringExact("in_sync")),
						},
						// The reset and one resync.
						Check: checkRequests(t, r.base, map[string]int64{action: 2}),
					},
					{Config: resyncConfig(r.adminProvider, name, true), PlanOnly: true},
					{
						// Without resync_when_out_of_sync, it stays out of sync.
						PreConfig: outOfSync,
						Config:    resyncConfig(r.adminProvider, name, false),
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue(replicaAddr, tfjsonpath.New("replica_state"), knownvalue.StringExact("out_of_sync")),
						},
						Check: checkRequests(t, r.base, map[string]int64{action: 3}),
					},
					{Config: resyncConfig(r.adminProvider, name, false), PlanOnly: true},
				},
			})
		})
	}
}

// A replica that Terraform holds active, demoted outside Terraform (the
// share's first replica promoted through the API), shows as drift: the
// next plan changes active from false back to true, and the apply
// promotes it again.
func TestAccShareReplica_promotedOutsideTerraform(t *testing.T) {
	for release, r := range bothReleases(t) {
		t.Run(release, func(t *testing.T) {
			name := acctest.RandomName("tf-acc-replica-drift")
			var primary string
			capturePrimary := func(s *terraform.State) error {
				rs, ok := s.RootModule().Resources[shareType+".archive"]
				if !ok {
					return fmt.Errorf("%s.archive is not in the state", shareType)
				}
				primary = rs.Primary.Attributes["primary_replica_id"]
				return nil
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             checkNone(t, r.base, shareKinds),
				Steps: []resource.TestStep{
					{
						Config: replicaConfig(r.provider, name, true, ""),
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue(replicaAddr, tfjsonpath.New("replica_state"), knownvalue.StringExact("active")),
						},
						Check: capturePrimary,
					},
					{
						// The first replica is promoted back behind Terraform's
						// back (an admin may promote it while it is out of sync).
						PreConfig: func() {
							if err := r.admin.PromoteReplica(context.Background(), primary); err != nil {
								t.Fatal(err)
							}
							waitFor(t, primary, "replication_change", "available", r.admin.GetReplica, func(x *manila.ShareReplica) string { return x.Status })
						},
						Config: replicaConfig(r.provider, name, true, ""),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(replicaAddr, plancheck.ResourceActionUpdate),
							expectChange{addr: replicaAddr, attr: "active", before: false, after: true},
						}},
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue(replicaAddr, tfjsonpath.New("replica_state"), knownvalue.StringExact("active")),
							statecheck.ExpectKnownValue(replicaAddr, tfjsonpath.New("active"), knownvalue.Bool(true)),
						},
					},
					{Config: replicaConfig(r.provider, name, true, ""), PlanOnly: true},
					// Fail back, so that the share can be destroyed.
					{Config: replicaConfig(r.provider, name, false, primaryReplica)},
					{Config: replicaConfig(r.provider, name, false, `
removed {
  from = continuity_manila_share_replica.primary
  lifecycle {
    destroy = false
  }
}`)},
				},
			})
		})
	}
}

// expectChange is a plan check that the resource at addr changes attr
// from before (its refreshed value) to after.
type expectChange struct {
	addr, attr    string
	before, after any
}

func (e expectChange) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != e.addr {
			continue
		}
		before, _ := rc.Change.Before.(map[string]any)
		after, _ := rc.Change.After.(map[string]any)
		if before[e.attr] != e.before || after[e.attr] != e.after {
			resp.Error = fmt.Errorf("%s.%s: planned %v -> %v, want %v -> %v", e.addr, e.attr, before[e.attr], after[e.attr], e.before, e.after)
		}
		return
	}
	resp.Error = fmt.Errorf("%s has no planned change", e.addr)
}
