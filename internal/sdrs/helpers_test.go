package sdrs_test

import (
	"context"
	"os"
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sdrs"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// TestMain lowers the page size of the provider's lists to two, so that
// the data sources' acceptance tests, which list a few objects, read
// several pages (and a page that ends exactly at the last object).
func TestMain(m *testing.M) {
	sdrs.SetListPageSize(2)
	os.Exit(m.Run())
}

var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// randomName returns a unique SDRS name ("tf_test_" and random letters, as
// the Huawei Cloud provider's tests name their groups).
func randomName() string { return "tf_test_" + acctest.RandomName("x")[2:] }

// checkDestroyed checks that no protection group or replication pair of
// the state remains.
func checkDestroyed(t *testing.T) resource.TestCheckFunc {
	client := acctest.SDRSClient(t)
	return acctest.CheckDestroyed(map[string]acctest.Finder{
		"continuity_sdrs_protection_group": acctest.Find(client.GetGroup),
		"continuity_sdrs_replication_pair": acctest.Find(client.GetPair),
	})
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
