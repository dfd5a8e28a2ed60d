package sdrs_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sdrs"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

const instanceAddr = "continuity_sdrs_protected_instance.test"

// instanceBlock is a protected instance of the test group on a server.
func instanceBlock(name, serverID, extra string) string {
	return fmt.Sprintf(`
resource "continuity_sdrs_protected_instance" "test" {
  name      = %q
  group_id  = continuity_sdrs_protection_group.test.id
  server_id = %q
%s
}
`, name, serverID, extra)
}

// instanceConfig is the test group with an instance on server i.
func instanceConfig(t *testing.T, name string, server int, extra, after string) string {
	t.Helper()
	return groupConfig(t, name, "", instanceBlock(name+"-pi", acctest.SDRSServerID(t, server), extra)+after)
}

// checkAPIInstance checks the instance as the API reports it.
func checkAPIInstance(t *testing.T, check func(i *sdrs.Instance) error) resource.TestCheckFunc {
	client := acctest.SDRSClient(t)
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[instanceAddr]
		if !ok {
			return fmt.Errorf("%s not in state", instanceAddr)
		}
		i, err := client.GetInstance(context.Background(), rs.Primary.ID)
		if err != nil {
			return err
		}
		return check(i)
	}
}
