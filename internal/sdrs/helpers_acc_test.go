package sdrs_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sdrs"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const (
	groupAddr = "continuity_sdrs_protection_group.test"
	pairAddr  = "continuity_sdrs_replication_pair.test"
)

// randomName returns a unique SDRS name ("tf_test_" and random letters, as
// the Huawei Cloud provider's tests name their groups).
func randomName() string { return "tf_test_" + acctest.RandomName("x")[2:] }

// groupConfig is the Huawei provider's base config, with our data source:
// the domain's two AZs, its ID and the fixture VPC; extra goes inside the
// group's block, after is appended.
func groupConfig(t *testing.T, name, extra, after string) string {
	t.Helper()
	acctest.PreCheckSDRS(t) // starts the sandbox, whose fixtures the config uses
	vpc := acctest.SandboxEnv(t, acctest.EnvSDRSVPCID)
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

// pairBlock is a replication pair of the test group on a fixture disk.
func pairBlock(name, volumeID, extra string) string {
	return fmt.Sprintf(`
resource "continuity_sdrs_replication_pair" "test" {
  name      = %q
  group_id  = continuity_sdrs_protection_group.test.id
  volume_id = %q
%s
}
`, name, volumeID, extra)
}

// checkDestroyed checks that no group or pair of the state remains.
func checkDestroyed(t *testing.T) resource.TestCheckFunc {
	client := acctest.SDRSClient(t)
	return func(s *terraform.State) error {
		ctx := context.Background()
		for _, rs := range s.RootModule().Resources {
			var err error
			switch rs.Type {
			case "continuity_sdrs_protection_group":
				_, err = client.GetGroup(ctx, rs.Primary.ID)
			case "continuity_sdrs_replication_pair":
				_, err = client.GetPair(ctx, rs.Primary.ID)
			default:
				continue
			}
			if err == nil {
				return fmt.Errorf("%s %s still exists", rs.Type, rs.Primary.ID)
			}
			if !apierr.IsNotFound(err) {
				return err
			}
		}
		return nil
	}
}

// idOf captures the ID of a resource from the state.
type idOf struct{ id string }

func (i *idOf) capture(addr string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		i.id = rs.Primary.ID
		return nil
	}
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

// waitJob waits for a job started behind Terraform's back.
func waitJob(t *testing.T, client *sdrs.Client, jobID string, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.WaitJob(context.Background(), jobID, "out-of-band operation", 0); err != nil {
		t.Fatal(err)
	}
}
