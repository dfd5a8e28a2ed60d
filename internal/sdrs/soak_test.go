package sdrs_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// soakFaults are the faults of the cross-backend soak
// (TestAccSoakUnderFaults): a fifth of the requests fail with a 5xx, a
// tenth are throttled, one in twenty loses its connection before the
// server acts and one in twenty after it acted.
const soakFaults = "5xx=0.2,429=0.1,reset=0.05,reset_after=0.05"

// soakConfig is groups protection groups with pairsPerGroup replication
// pairs each, protection enabled as given; with servers, each group also
// protects a server with a NIC, the first group's first pair is attached
// to its instance and the first group has a DR drill.
func soakConfig(env map[string]string, groups, pairsPerGroup int, enabled, servers bool) string {
	return soakGroups(env, groups, pairsPerGroup, enabled) + map[bool]string{true: soakServers(env, groups)}[servers]
}

// soakServers is the protected servers of soakConfig.
func soakServers(env map[string]string, groups int) string {
	return fmt.Sprintf(`
locals {
  servers = split(",", %q)
}

resource "continuity_sdrs_protected_instance" "soak" {
  count                = %d
  name                 = "soak-instance-${count.index}"
  group_id             = continuity_sdrs_protection_group.soak[count.index].id
  server_id            = local.servers[count.index]
  delete_target_server = true
  nics                 = [{ subnet_id = %q }]
  tags                 = { soak = "yes" }
}

resource "continuity_sdrs_replication_attachment" "soak" {
  instance_id    = continuity_sdrs_protected_instance.soak[0].id
  replication_id = continuity_sdrs_replication_pair.soak[0].id
  device         = "/dev/vdc"
}

resource "continuity_sdrs_drill" "soak" {
  name       = "soak-drill"
  group_id   = continuity_sdrs_protection_group.soak[0].id
  depends_on = [continuity_sdrs_protected_instance.soak]
}
`, env[acctest.EnvSDRSServerIDs], groups, env[acctest.EnvSDRSSubnetID])
}

func soakGroups(env map[string]string, groups, pairsPerGroup int, enabled bool) string {
	return acctest.ProviderBlock(env) + fmt.Sprintf(`
data "continuity_sdrs_domain" "soak" {}

locals {
  volumes = split(",", %q)
}

resource "continuity_sdrs_protection_group" "soak" {
  count                    = %d
  name                     = "soak-group-${count.index}"
  source_availability_zone = data.continuity_sdrs_domain.soak.local_availability_zone
  target_availability_zone = data.continuity_sdrs_domain.soak.remote_availability_zone
  domain_id                = data.continuity_sdrs_domain.soak.id
  source_vpc_id            = %q
  enabled                  = %t
}

resource "continuity_sdrs_replication_pair" "soak" {
  count     = %d
  name      = "soak-pair-${count.index}"
  group_id  = continuity_sdrs_protection_group.soak[floor(count.index / %d)].id
  volume_id = local.volumes[count.index]
}
`, env[acctest.EnvSDRSVolumeIDs], groups, env[acctest.EnvSDRSVPCID], enabled, groups*pairsPerGroup, pairsPerGroup)
}

// The SDRS part of the soak, under the same faults: groups with pairs are
// created, then protected (the start actions under faults too), then each
// protects a server (its DR site, a NIC, tags), a pair is attached and a
// drill made; each apply's second plan is empty (the framework checks it)
// and the sandbox then holds exactly the objects in the state; destroy
// leaves none.
func TestAccSoakSDRS(t *testing.T) {
	const groups, pairsPerGroup = 3, 2
	env := acctest.StartSandbox(t, sandbox.Options{Faults: soakFaults, Transition: 50 * time.Millisecond})
	holds := checkSandboxHolds(t, env, map[string]int{
		"continuity_sdrs_protection_group": groups, "continuity_sdrs_replication_pair": groups * pairsPerGroup})
	holdsAll := checkSandboxHolds(t, env, map[string]int{
		"continuity_sdrs_protection_group": groups, "continuity_sdrs_protected_instance": groups, "continuity_sdrs_drill": 1})
	start := time.Now()
	ownSandboxTest(t, env,
		resource.TestStep{Config: soakConfig(env, groups, pairsPerGroup, false, false), Check: holds},
		resource.TestStep{
			Config: soakConfig(env, groups, pairsPerGroup, true, false),
			Check: resource.ComposeTestCheckFunc(holds,
				resource.TestCheckResourceAttr("continuity_sdrs_protection_group.soak.0", "status", "protected"),
				resource.TestCheckResourceAttr("continuity_sdrs_protection_group.soak.2", "status", "protected")),
		},
		resource.TestStep{
			Config: soakConfig(env, groups, pairsPerGroup, true, true),
			Check: resource.ComposeTestCheckFunc(holdsAll,
				resource.TestCheckResourceAttr("continuity_sdrs_protected_instance.soak.0", "status", "protected"),
				resource.TestCheckResourceAttr("continuity_sdrs_protected_instance.soak.2", "nics.#", "1"),
				resource.TestCheckResourceAttr("continuity_sdrs_replication_attachment.soak", "status", "protected"),
				resource.TestCheckResourceAttr("continuity_sdrs_drill.soak", "drill_servers.#", "1")),
		},
	)
	m := acctest.SandboxMetrics(t, env["HW_SDRS_ENDPOINT"])
	var requests int64
	var routes []string
	for route, st := range m.Routes {
		requests += st.Requests
		if strings.HasPrefix(route, "POST") || strings.HasPrefix(route, "DELETE") {
			routes = append(routes, fmt.Sprintf("%s: %d", route, st.Requests))
		}
	}
	t.Logf("SDRS soak: %d objects, %d requests (%v), faults injected %v, %s", groups*(2+pairsPerGroup)+2, requests, routes, m.Faults,
		time.Since(start).Round(time.Second))
	for _, kind := range []string{"5xx", "429", "reset", "reset_after"} {
		if m.Faults[kind] == 0 {
			t.Errorf("no %s fault was injected: the soak did not test it", kind)
		}
	}
}
