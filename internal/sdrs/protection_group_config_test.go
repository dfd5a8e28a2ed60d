package sdrs_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sdrs"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const groupAddr = "continuity_sdrs_protection_group.test"

// groupConfig is the Huawei provider's base config, with our data source:
// the domain's two AZs, its ID and the fixture VPC; extra goes inside the
// group's block, after is appended.
func groupConfig(t *testing.T, name, extra, after string) string {
	t.Helper()
	acctest.PreCheckSDRS(t) // starts the sandbox, whose fixtures the config uses
	return groupBlocks(acctest.SandboxEnv(t, acctest.EnvSDRSVPCID), name, extra, after)
}

// ownGroupConfig is groupConfig for a sandbox of the test's own, whose
// variables env holds (acctest.StartSandbox), with its provider block.
func ownGroupConfig(env map[string]string, name, extra, after string) string {
	return acctest.ProviderBlock(env) + groupBlocks(env[acctest.EnvSDRSVPCID], name, extra, after)
}

func groupBlocks(vpc, name, extra, after string) string {
	return fmt.Sprintf(`
data "continuity_sdrs_domain" "test" {}

resource "continuity_sdrs_protection_group" "test" {
  name                     = %q
  source_availability_zone = data.continuity_sdrs_domain.test.local_availability_zone
  target_availability_zone = data.continuity_sdrs_domain.test.remote_availability_zone
  domain_id                = data.continuity_sdrs_domain.test.id
  source_vpc_id            = %q
%s
}
%s`, name, vpc, extra, after)
}

// checkAPIGroup checks the group as the API reports it.
func checkAPIGroup(t *testing.T, addr string, check func(g *sdrs.Group) error) resource.TestCheckFunc {
	client := acctest.SDRSClient(t)
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		g, err := client.GetGroup(context.Background(), rs.Primary.ID)
		if err != nil {
			return err
		}
		return check(g)
	}
}

// apiStatus checks the API's status and production site of the group.
func apiStatus(t *testing.T, status, station string) resource.TestCheckFunc {
	return checkAPIGroup(t, groupAddr, func(g *sdrs.Group) error {
		if g.Status != status || g.PriorityStation != station {
			return fmt.Errorf("API: status %s at %s, want %s at %s", g.Status, g.PriorityStation, status, station)
		}
		return nil
	})
}

// stateIs checks the group's protection attributes in the state.
func stateIs(status string, enabled bool, station string) []statecheck.StateCheck {
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("status"), knownvalue.StringExact(status)),
		statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("enabled"), knownvalue.Bool(enabled)),
		statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("priority_station"), knownvalue.StringExact(station)),
	}
}
