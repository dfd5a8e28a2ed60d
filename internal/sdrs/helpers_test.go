package sdrs_test

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sdrs"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
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
		"continuity_sdrs_protection_group":   acctest.Find(client.GetGroup),
		"continuity_sdrs_replication_pair":   acctest.Find(client.GetPair),
		"continuity_sdrs_protected_instance": acctest.Find(client.GetInstance),
		"continuity_sdrs_drill":              acctest.Find(client.GetDrill),
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

// setFaults replaces the faults of the sandbox of env.
func setFaults(t *testing.T, env map[string]string, spec string) {
	acctest.SetSDRSSandboxFaults(t, env, spec)
}

// thenLiftFaults is a plan check that clears the sandbox's faults between
// the plan and the apply (after the checks before it passed): a stall that
// held an object in its transitional status for the plan is lifted for
// the apply that resumes it.
func thenLiftFaults(t *testing.T, env map[string]string) plancheck.PlanCheck {
	return sideEffect(func() { setFaults(t, env, "") })
}

type sideEffect func()

func (f sideEffect) CheckPlan(context.Context, plancheck.CheckPlanRequest, *plancheck.CheckPlanResponse) {
	f()
}

// checkSandboxHolds checks that the sandbox whose variables env holds has,
// of the kinds of the resource types given (continuity_sdrs_* to
// sdrs.*), exactly the objects the state has: no duplicate made by a
// repeated create, no orphan left by a lost answer.
func checkSandboxHolds(t *testing.T, env map[string]string, want map[string]int) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		held := acctest.SandboxObjects(t, env["HW_SDRS_ENDPOINT"])
		for typeName, n := range want {
			var inState []string
			for _, rs := range s.RootModule().Resources {
				if rs.Type == typeName {
					inState = append(inState, rs.Primary.ID)
				}
			}
			var ids []string
			for _, o := range held[sandboxKind(typeName)] {
				ids = append(ids, o.ID)
			}
			slices.Sort(ids)
			slices.Sort(inState)
			if len(inState) != n || !slices.Equal(ids, inState) {
				return fmt.Errorf("%s: the sandbox holds %v, the state %v; want %d of each, the same", typeName, ids, inState, n)
			}
		}
		return nil
	}
}

// checkSandboxEmpty fails while the sandbox holds a protection group or a
// replication pair.
func checkSandboxEmpty(t *testing.T, env map[string]string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		held := acctest.SandboxObjects(t, env["HW_SDRS_ENDPOINT"])
		for _, typeName := range []string{"continuity_sdrs_protection_group", "continuity_sdrs_replication_pair",
			"continuity_sdrs_protected_instance", "continuity_sdrs_drill"} {
			if objs := held[sandboxKind(typeName)]; len(objs) > 0 {
				return fmt.Errorf("after destroy the sandbox still holds %d %s: %v", len(objs), sandboxKind(typeName), objs)
			}
		}
		return nil
	}
}

// sandboxKind is the sandbox's kind of the objects of a resource type.
func sandboxKind(typeName string) string {
	return "sdrs." + strings.TrimPrefix(typeName, "continuity_sdrs_")
}

// mutations returns the number of requests the sandbox of env served on
// route, such as "POST /v1/{project_id}/server-groups".
func mutations(t *testing.T, env map[string]string, route string) int64 {
	t.Helper()
	return acctest.SandboxMetrics(t, env["HW_SDRS_ENDPOINT"]).Routes[route].Requests
}

// Routes of the sandbox's metrics.
const (
	routeCreateGroup = "POST /v1/{project_id}/server-groups"
	routeGroupAction = "POST /v1/{project_id}/server-groups/{server_group_id}/action"
	routeDeleteGroup = "DELETE /v1/{project_id}/server-groups/{server_group_id}"
	routeCreatePair  = "POST /v1/{project_id}/replications"

	routeCreateInstance = "POST /v1/{project_id}/protected-instances"
	routeResize         = "POST /v1/{project_id}/protected-instances/{protected_instance_id}/resize"
	routeCreateDrill    = "POST /v1/{project_id}/disaster-recovery-drills"
	routeAttach         = "POST /v1/{project_id}/protected-instances/{protected_instance_id}/attachreplication"
	routeAddNIC         = "POST /v1/{project_id}/protected-instances/{protected_instance_id}/nic"
)

// sandboxVolume returns the i-th fixture disk of the sandbox of env.
func sandboxVolume(env map[string]string, i int) string {
	return strings.Split(env[acctest.EnvSDRSVolumeIDs], ",")[i]
}

// sandboxServer returns the i-th fixture server of the sandbox of env.
func sandboxServer(env map[string]string, i int) string {
	return strings.Split(env[acctest.EnvSDRSServerIDs], ",")[i]
}

// liftFaultsOnError is an ErrorCheck that clears the sandbox's faults when
// a step fails unexpectedly, so that the destroy after a failed test is
// not held by a stall.
func liftFaultsOnError(t *testing.T, env map[string]string) resource.ErrorCheckFunc {
	return func(err error) error {
		setFaults(t, env, "")
		return err
	}
}

// ownSandboxTest runs steps against the sandbox of env (from
// acctest.StartSandbox), which must hold no group and no pair at the end;
// a step that fails unexpectedly clears its faults first.
func ownSandboxTest(t *testing.T, env map[string]string, steps ...resource.TestStep) {
	t.Helper()
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckSDRS(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkSandboxEmpty(t, env),
		ErrorCheck:               liftFaultsOnError(t, env),
		Steps:                    steps,
	})
}

// checkSent checks that the sandbox of env served want requests on route
// so far, or since *since when since is given.
func checkSent(t *testing.T, env map[string]string, route string, want int64, since *int64) resource.TestCheckFunc {
	return func(*terraform.State) error {
		n := mutations(t, env, route)
		if since != nil {
			n -= *since
		}
		if n != want {
			return fmt.Errorf("%s: %d requests sent, want %d", route, n, want)
		}
		return nil
	}
}
