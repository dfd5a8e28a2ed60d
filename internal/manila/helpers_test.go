package manila_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/manila"
	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
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
	waitFor(t, id, "deleting", "", get, status)
}

// waitStatus waits while the object is creating, until get shows it in
// status want.
func waitStatus[T any](t *testing.T, id, want string, get func(context.Context, string) (*T, error), status func(*T) string) {
	t.Helper()
	waitFor(t, id, "creating", want, get, status)
}

// waitFor waits while the object is pending, until it is in status target,
// or gone when target is empty.
func waitFor[T any](t *testing.T, id, pending, target string, get func(context.Context, string) (*T, error), status func(*T) string) {
	t.Helper()
	conf := wait.Conf[*T]{
		Operation: id + " to leave " + pending, Pending: []string{pending}, NotFound: wait.NotFoundIsSuccess,
		Refresh: func(ctx context.Context) (*T, string, error) {
			v, err := get(ctx, id)
			if err != nil {
				return nil, "", err
			}
			return v, status(v), nil
		},
	}
	if target != "" {
		conf.Target, conf.NotFound = []string{target}, wait.NotFoundFails
	}
	if _, err := conf.Wait(context.Background()); err != nil {
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

// Kinds of the groups and snapshots in the sandbox's inventory.
var sandboxKinds = map[string]string{cgType: "manila.consistency_group", snapType: "manila.consistency_group_snapshot"}

// sandboxBase is the base URL of a sandbox started by StartSandbox.
func sandboxBase(env map[string]string) string { return strings.TrimSuffix(env["OS_AUTH_URL"], "/v3") }

// setFaults replaces the faults of the sandbox at base; "" clears them.
func setFaults(t *testing.T, base, spec string) {
	t.Helper()
	res, err := http.Post(base+"/_sandbox/faults", "text/plain", strings.NewReader(spec))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if body, _ := io.ReadAll(res.Body); res.StatusCode != http.StatusOK {
		t.Fatalf("setting the faults %q: %d %s", spec, res.StatusCode, body)
	}
}

// liftFaults is a plan check that clears the sandbox's faults once the
// plan is made, before it is applied: a transition that a stall held while
// Terraform refreshed and planned then ends during the apply.
type liftFaults struct {
	t    *testing.T
	base string
}

func (l liftFaults) CheckPlan(context.Context, plancheck.CheckPlanRequest, *plancheck.CheckPlanResponse) {
	setFaults(l.t, l.base, "")
}

// Kinds of the share objects in the sandbox's inventory (a restored
// group's shares and a share's first replica are fixtures there: they come
// with their group or share).
var shareKinds = map[string]string{
	shareType: "manila.share", shareSnapType: "manila.share_snapshot", groupType: "manila.share_group",
	groupSnapType: "manila.share_group_snapshot", replicaType: "manila.share_replica",
}

// checkSandboxHolds checks that the sandbox holds exactly the groups and
// snapshots of the state, want of them in all: a duplicate made by a
// repeated creation, or an orphan left by a lost answer, is a difference.
func checkSandboxHolds(t *testing.T, base string, want int) resource.TestCheckFunc {
	return checkHeld(t, base, sandboxKinds, want)
}

// checkHeld checks that the sandbox holds exactly the objects of kinds in
// the state, want of them in all.
func checkHeld(t *testing.T, base string, kinds map[string]string, want int) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		inState := map[string][]string{}
		total := 0
		for _, rs := range s.RootModule().Resources {
			if kind, ok := kinds[rs.Type]; ok {
				inState[kind] = append(inState[kind], rs.Primary.ID)
				total++
			}
		}
		if total != want {
			return fmt.Errorf("the state holds %d objects, want %d", total, want)
		}
		held := acctest.SandboxObjects(t, base)
		for _, kind := range kinds {
			var ids []string
			for _, o := range held[kind] {
				ids = append(ids, o.ID)
			}
			slices.Sort(ids)
			if inState := slices.Sorted(slices.Values(inState[kind])); !slices.Equal(ids, inState) {
				return fmt.Errorf("%s: the sandbox holds %v, the state %v: duplicates or orphans", kind, ids, inState)
			}
		}
		return nil
	}
}

// checkSandboxEmpty fails while the sandbox holds any group or snapshot.
func checkSandboxEmpty(t *testing.T, base string) resource.TestCheckFunc {
	return checkNone(t, base, sandboxKinds)
}

// checkNone fails while the sandbox holds any object of kinds.
func checkNone(t *testing.T, base string, kinds map[string]string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		held := acctest.SandboxObjects(t, base)
		for _, kind := range kinds {
			if len(held[kind]) > 0 {
				return fmt.Errorf("the sandbox still holds %d %s: %v", len(held[kind]), kind, held[kind])
			}
		}
		return nil
	}
}

func cgStatus(cg *manila.ConsistencyGroup) string { return cg.Status }

func snapshotStatus(s *manila.CGSnapshot) string { return s.Status }
