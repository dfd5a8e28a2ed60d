package manila_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/manila"
	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// Types and addresses of the resources under test.
const (
	cgType       = "continuity_manila_consistency_group"
	snapType     = "continuity_manila_consistency_group_snapshot"
	cgAddr       = cgType + ".test"
	restoredAddr = cgType + ".restored"
	snapAddr     = snapType + ".test"
)

var (
	uuidRe      = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	createdAtRe = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$`)
)

// checkDestroyed checks with the admin client (which sees every project)
// that no consistency group or snapshot of the state survives.
func checkDestroyed(t *testing.T) resource.TestCheckFunc {
	client := acctest.ManilaAdminClient(t)
	return acctest.CheckDestroyed(map[string]acctest.Finder{
		cgType:   acctest.Find(client.GetConsistencyGroup),
		snapType: acctest.Find(client.GetCGSnapshot),
	})
}

// lookups are the data sources of the default share type and network.
const lookups = `
data "continuity_manila_share_type" "default" {
  name = "default"
}
data "continuity_manila_share_network" "default" {
  name = "sn-default"
}
`

// cgConfig is a group of the default share type, on the default network.
func cgConfig(name, description string) string {
	return lookups + fmt.Sprintf(`
resource "continuity_manila_consistency_group" "test" {
  name             = %q
  description      = %q
  share_types      = [data.continuity_manila_share_type.default.id]
  share_network_id = data.continuity_manila_share_network.default.id
}
`, name, description)
}

// goldCG is a group of the gold type, which needs no share network.
func goldCG(name string, forceDelete bool) string {
	return fmt.Sprintf(`
data "continuity_manila_share_type" "gold" {
  name = "gold"
}
resource "continuity_manila_consistency_group" "test" {
  name         = %q
  share_types  = [data.continuity_manila_share_type.gold.id]
  force_delete = %t
}
`, name, forceDelete)
}

// checkGroup checks, with client, the consistency group the API holds for
// the resource at addr.
func checkGroup(client *manila.Client, addr string, check func(*manila.ConsistencyGroup) error) resource.TestCheckFunc {
	var id acctest.ID
	return func(s *terraform.State) error {
		if err := id.Capture(addr)(s); err != nil {
			return err
		}
		cg, err := client.GetConsistencyGroup(context.Background(), id.Value)
		if err != nil {
			return err
		}
		return check(cg)
	}
}

// checkAPIName checks the name the API holds for the group at addr.
func checkAPIName(t *testing.T, addr, name string) resource.TestCheckFunc {
	return checkGroup(acctest.ManilaClient(t), addr, func(cg *manila.ConsistencyGroup) error {
		if cg.Name == nil || *cg.Name != name {
			return fmt.Errorf("API name = %v, want %q", cg.Name, name)
		}
		return nil
	})
}

// checkStatus checks the status the admin client reads for addr.
func checkStatus(t *testing.T, addr, want string) resource.TestCheckFunc {
	return checkGroup(acctest.ManilaAdminClient(t), addr, func(cg *manila.ConsistencyGroup) error {
		if cg.Status != want {
			return fmt.Errorf("status = %s, want %s", cg.Status, want)
		}
		return nil
	})
}

// waitDeleted waits, after a delete through the API, while the object is
// deleting and until get no longer finds it.
func waitDeleted[T any](t *testing.T, id string, get func(context.Context, string) (*T, error), status func(*T) string) {
	t.Helper()
	_, err := wait.Conf[*T]{
		Operation: id + " to disappear", Pending: []string{"deleting"}, NotFound: wait.NotFoundIsSuccess,
		Refresh: func(ctx context.Context) (*T, string, error) {
			v, err := get(ctx, id)
			if err != nil {
				return nil, "", err
			}
			return v, status(v), nil
		},
	}.Wait(context.Background())
	if err != nil {
		t.Fatal(err)
	}
}

// failing is a configuration that must fail with an error matching want,
// at plan time when planOnly is set.
type failing struct {
	config, want string
	planOnly     bool
}

// expectErrors runs each configuration in a parallel test of its own.
func expectErrors(t *testing.T, cases map[string]failing) {
	t.Helper()
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheckManila(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: tc.config, PlanOnly: tc.planOnly, ExpectError: regexp.MustCompile(tc.want)}},
			})
		})
	}
}
