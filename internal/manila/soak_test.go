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
