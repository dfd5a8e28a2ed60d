package provider_test

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// soakFaults are the faults of the soak: a fifth of the requests fail with
// a 5xx, a tenth are throttled, one in twenty loses its connection before
// the server acts and one in twenty after it acted.
const soakFaults = "5xx=0.2,429=0.1,reset=0.05,reset_after=0.05"

// soakKinds maps the soak's resource types to the sandbox's object kinds.
var soakKinds = map[string]string{
	"continuity_astra_hook_source":                 "astra.hook_source",
	"continuity_astra_app_mirror":                  "astra.app_mirror",
	"continuity_sdrs_protection_group":             "sdrs.protection_group",
	"continuity_sdrs_replication_pair":             "sdrs.replication_pair",
	"continuity_manila_consistency_group":          "manila.consistency_group",
	"continuity_manila_consistency_group_snapshot": "manila.consistency_group_snapshot",
}

// soakScale is the size of the soak: make test runs the small one (32
// objects); make soak sets CONTINUITY_SOAK_SCALE for a larger one.
type soakScale struct{ hookSources, groups, pairsPerGroup, consistencyGroups, mirrors int }

func (s soakScale) objects() int {
	return s.hookSources + s.groups*(1+s.pairsPerGroup) + 2*s.consistencyGroups + s.mirrors
}

func soakSize(t *testing.T) soakScale {
	small := soakScale{hookSources: 16, groups: 3, pairsPerGroup: 2, consistencyGroups: 3, mirrors: 1}
	v := os.Getenv("CONTINUITY_SOAK_SCALE")
	if v == "" {
		return small
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("CONTINUITY_SOAK_SCALE=%q: want a whole number of at least 1", v)
	}
	// The sandbox has 12 free disks and two apps that can be replicated.
	return soakScale{hookSources: 16 * n, groups: min(3*n, 6), pairsPerGroup: 2, consistencyGroups: 3 * n, mirrors: min(n, 2)}
}

func soakConfig(env map[string]string, s soakScale) string {
	var b strings.Builder
	b.WriteString(acctest.ProviderBlock(env))
	fmt.Fprintf(&b, `
resource "continuity_astra_hook_source" "soak" {
  count   = %d
  name    = "soak-hook-${count.index}"
  content = "#!/bin/sh\necho ${count.index}\n"
}

data "continuity_astra_managed_cluster" "west" {
  name = "cluster-west"
}

locals {
  replicated = slice([%q, %q], 0, %d)
  volumes    = split(",", %q)
}

resource "continuity_astra_app_mirror" "soak" {
  count                  = length(local.replicated)
  source_app_id          = local.replicated[count.index]
  destination_cluster_id = data.continuity_astra_managed_cluster.west.id
}

data "continuity_sdrs_domain" "soak" {}

resource "continuity_sdrs_protection_group" "soak" {
  count                    = %d
  name                     = "soak-group-${count.index}"
  source_availability_zone = data.continuity_sdrs_domain.soak.local_availability_zone
  target_availability_zone = data.continuity_sdrs_domain.soak.remote_availability_zone
  domain_id                = data.continuity_sdrs_domain.soak.id
  source_vpc_id            = %q
}

resource "continuity_sdrs_replication_pair" "soak" {
  count     = %d
  name      = "soak-pair-${count.index}"
  group_id  = continuity_sdrs_protection_group.soak[floor(count.index / %d)].id
  volume_id = local.volumes[count.index]
}

data "continuity_manila_share_type" "gold" {
  name = "gold"
}

resource "continuity_manila_consistency_group" "soak" {
  count       = %d
  name        = "soak-cg-${count.index}"
  share_types = [data.continuity_manila_share_type.gold.id]
}

resource "continuity_manila_consistency_group_snapshot" "soak" {
  count                = %d
  consistency_group_id = continuity_manila_consistency_group.soak[count.index].id
  name                 = "soak-snapshot-${count.index}"
}
`, s.hookSources, env["CONTINUITY_SANDBOX_ASTRA_APP_WORDPRESS_ID"], env["CONTINUITY_SANDBOX_ASTRA_APP_POSTGRES_ID"], s.mirrors,
		env["CONTINUITY_SANDBOX_SDRS_VOLUME_IDS"], s.groups, env["CONTINUITY_SANDBOX_SDRS_VPC_ID"], s.groups*s.pairsPerGroup, s.pairsPerGroup,
		s.consistencyGroups, s.consistencyGroups)
	return b.String()
}

// checkSandboxHoldsTheState compares, kind by kind, the objects the sandbox
// holds with those in the state: a duplicate made by a repeated create, or
// an orphan left by a lost answer, shows as a difference.
func checkSandboxHoldsTheState(t *testing.T, baseURL string, wantTotal int) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		inState := map[string][]string{}
		total := 0
		for _, rs := range s.RootModule().Resources {
			if kind, ok := soakKinds[rs.Type]; ok {
				inState[kind] = append(inState[kind], rs.Primary.ID)
				total++
			}
		}
		if total != wantTotal {
			return fmt.Errorf("the state holds %d objects, want %d", total, wantTotal)
		}
		held := acctest.SandboxObjects(t, baseURL)
		for _, kind := range soakKinds {
			var ids []string
			for _, o := range held[kind] {
				ids = append(ids, o.ID)
			}
			slices.Sort(ids)
			want := slices.Sorted(slices.Values(inState[kind]))
			if !slices.Equal(ids, want) {
				return fmt.Errorf("%s: the sandbox holds %d (%v), the state %d (%v): duplicates or orphans", kind, len(ids), ids, len(want), want)
			}
		}
		return nil
	}
}

// checkSandboxEmpty fails while the sandbox holds any object of the soak.
func checkSandboxEmpty(t *testing.T, baseURL string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		held := acctest.SandboxObjects(t, baseURL)
		for _, kind := range soakKinds {
			if len(held[kind]) > 0 {
				return fmt.Errorf("after destroy the sandbox still holds %d %s: %v", len(held[kind]), kind, held[kind])
			}
		}
		return nil
	}
}

// TestAccSoakUnderFaults applies at least 30 objects across the three
// backends against a sandbox that fails, throttles and drops a third of the
// requests, checks that a second plan is empty and that the sandbox holds
// exactly the objects in the state, then destroys them all.
func TestAccSoakUnderFaults(t *testing.T) {
	size := soakSize(t)
	if size.objects() < 30 {
		t.Fatalf("the soak has %d objects, want at least 30", size.objects())
	}
	env := acctest.StartSandbox(t, sandbox.Options{Faults: soakFaults, Transition: 50 * time.Millisecond})
	base := env["ASTRA_ENDPOINT"]
	start := time.Now()
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkSandboxEmpty(t, base),
		Steps: []resource.TestStep{{
			Config: soakConfig(env, size),
			Check:  checkSandboxHoldsTheState(t, base, size.objects()),
		}},
	})
	m := acctest.SandboxMetrics(t, base)
	var requests int64
	for _, st := range m.Routes {
		requests += st.Requests
	}
	t.Logf("soak: %d objects, %d requests, faults injected %v, %s", size.objects(), requests, m.Faults, time.Since(start).Round(time.Second))
	for _, kind := range []string{"5xx", "429", "reset", "reset_after"} {
		if m.Faults[kind] == 0 {
			t.Errorf("no %s fault was injected: the soak did not test it", kind)
		}
	}
}
