package manila_test

import (
	"fmt"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
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
  active            = %t
}
%s
`, name, active, extra)
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
