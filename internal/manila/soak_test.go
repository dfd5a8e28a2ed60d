package manila_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// soakFaults are the faults of the provider's soak: a fifth of the
// requests fail with a 5xx, a tenth are throttled, one in twenty loses its
// connection before the server acts and one in twenty after it acted.
const soakFaults = "5xx=0.2,429=0.1,reset=0.05,reset_after=0.05"

// The Manila part of the soak, on a sandbox of its own: groups, snapshots
// and restored groups applied under faults; the second plan is empty, the
// sandbox holds exactly the objects in the state (no duplicate made by a
// repeated creation, no orphan of a lost answer), and none after destroy.
func TestAccManilaSoakUnderFaults(t *testing.T) {
	acctest.PreCheckManila(t)
	const groups, restored = 4, 2
	env := acctest.StartSandbox(t, sandbox.Options{Faults: soakFaults, Transition: 50 * time.Millisecond})
	base := sandboxBase(env)
	config := acctest.ManilaProviderConfig(acctest.ManilaSettingsFrom(env)) + fmt.Sprintf(`
data "continuity_manila_share_type" "gold" {
  name = "gold"
}
resource "continuity_manila_consistency_group" "soak" {
  count       = %d
  name        = "soak-cg-${count.index}"
  share_types = [data.continuity_manila_share_type.gold.id]
}
resource "continuity_manila_consistency_group_snapshot" "soak" {
  count                = length(continuity_manila_consistency_group.soak)
  consistency_group_id = continuity_manila_consistency_group.soak[count.index].id
  name                 = "soak-snapshot-${count.index}"
}
resource "continuity_manila_consistency_group" "restored" {
  count                = %d
  name                 = "soak-restored-${count.index}"
  source_cgsnapshot_id = continuity_manila_consistency_group_snapshot.soak[count.index].id
}
`, groups, restored)
	start := time.Now()
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkSandboxEmpty(t, base),
		Steps: []resource.TestStep{{
			Config: config,
			Check:  checkSandboxHolds(t, base, 2*groups+restored),
		}},
	})
	m := acctest.SandboxMetrics(t, base)
	var requests int64
	for _, st := range m.Routes {
		requests += st.Requests
	}
	t.Logf("manila soak: %d objects, %d requests, faults injected %v, %s", 2*groups+restored, requests, m.Faults, time.Since(start).Round(time.Second))
	for _, kind := range []string{"5xx", "429", "reset", "reset_after"} {
		if m.Faults[kind] == 0 {
			t.Errorf("no %s fault was injected: the soak did not test it", kind)
		}
	}
}

// The soak of shares, share groups, their snapshots, restored groups and
// replicas, on a modern sandbox of its own under the same faults: the
// second plan is empty, the sandbox holds exactly the state's objects, and
// none after destroy.
func TestAccManilaShareSoakUnderFaults(t *testing.T) {
	acctest.PreCheckManila(t)
	const groups, restored, replicated = 2, 1, 2
	env := acctest.StartSandbox(t, sandbox.Options{ManilaModern: true, Faults: soakFaults, Transition: 50 * time.Millisecond})
	base := sandboxBase(env)
	config := acctest.ManilaProviderConfig(acctest.ManilaSettingsFrom(env)) + fmt.Sprintf(`
data "continuity_manila_share_type" "gold" {
  name = "gold"
}
data "continuity_manila_share_type" "replicated" {
  name = "replicated"
}
resource "continuity_manila_share_group" "soak" {
  count       = %[1]d
  name        = "soak-group-${count.index}"
  share_types = [data.continuity_manila_share_type.gold.id]
}
resource "continuity_manila_share" "soak" {
  count          = 2 * length(continuity_manila_share_group.soak)
  name           = "soak-share-${count.index}"
  share_proto    = "NFS"
  size           = 1 + count.index %% 2
  share_type_id  = data.continuity_manila_share_type.gold.id
  share_group_id = continuity_manila_share_group.soak[floor(count.index / 2)].id
}
resource "continuity_manila_share_snapshot" "soak" {
  count    = length(continuity_manila_share.soak)
  share_id = continuity_manila_share.soak[count.index].id
  name     = "soak-share-snapshot-${count.index}"
}
resource "continuity_manila_share_group_snapshot" "soak" {
  count          = length(continuity_manila_share_group.soak)
  share_group_id = continuity_manila_share_group.soak[count.index].id
  name           = "soak-group-snapshot-${count.index}"
  depends_on     = [continuity_manila_share.soak]
}
resource "continuity_manila_share_group" "restored" {
  count                          = %[2]d
  name                           = "soak-restored-${count.index}"
  source_share_group_snapshot_id = continuity_manila_share_group_snapshot.soak[count.index].id
}
resource "continuity_manila_share" "replicated" {
  count         = %[3]d
  name          = "soak-replicated-${count.index}"
  share_proto   = "NFS"
  size          = 1
  share_type_id = data.continuity_manila_share_type.replicated.id
}
resource "continuity_manila_share_replica" "soak" {
  count             = length(continuity_manila_share.replicated)
  share_id          = continuity_manila_share.replicated[count.index].id
  availability_zone = "nova-dr"
}
`, groups, restored, replicated)
	objects := groups + 2*groups + 2*groups + groups + restored + 2*replicated
	start := time.Now()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkNone(t, base, shareKinds),
		Steps: []resource.TestStep{{
			Config: config,
			Check:  checkHeld(t, base, shareKinds, objects),
		}},
	})
	m := acctest.SandboxMetrics(t, base)
	var requests int64
	for _, st := range m.Routes {
		requests += st.Requests
	}
	t.Logf("manila share soak: %d objects, %d requests, faults injected %v, %s", objects, requests, m.Faults, time.Since(start).Round(time.Second))
	for _, kind := range []string{"5xx", "429", "reset", "reset_after"} {
		if m.Faults[kind] == 0 {
			t.Errorf("no %s fault was injected: the soak did not test it", kind)
		}
	}
}
