package sdrs_test

import "fmt"

const pairAddr = "continuity_sdrs_replication_pair.test"

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
