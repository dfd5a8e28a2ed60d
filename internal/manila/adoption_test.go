package manila_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/conv"
	"github.com/continuity-dr/terraform-provider-continuity/internal/manila"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// adoptionConfig is a group of the gold type, a snapshot of it, and a
// group restored from the snapshot: every resource that creates.
func adoptionConfig(provider, name string) string {
	return provider + fmt.Sprintf(`
data "continuity_manila_share_type" "gold" {
  name = "gold"
}
resource "continuity_manila_consistency_group" "test" {
  name        = %[1]q
  description = "adopted"
  share_types = [data.continuity_manila_share_type.gold.id]
}
resource "continuity_manila_consistency_group_snapshot" "test" {
  consistency_group_id = continuity_manila_consistency_group.test.id
  name                 = "%[1]s-snap"
}
resource "continuity_manila_consistency_group" "restored" {
  name                 = "%[1]s-restored"
  source_cgsnapshot_id = continuity_manila_consistency_group_snapshot.test.id
}
`, name)
}

// checkFaults checks that the sandbox injected at least one fault of kind,
// so that the test tested what it says.
func checkFaults(t *testing.T, base, kind string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := acctest.SandboxMetrics(t, base).Faults[kind]; n == 0 {
			return fmt.Errorf("no %s fault was injected", kind)
		}
		return nil
	}
}

// checkRequests checks how many requests the sandbox served on routes.
func checkRequests(t *testing.T, base string, want map[string]int64) resource.TestCheckFunc {
	return func(*terraform.State) error {
		m := acctest.SandboxMetrics(t, base)
		for route, n := range want {
			if got := m.Routes[route].Requests; got != n {
				return fmt.Errorf("%s: %d requests, want %d", route, got, n)
			}
		}
		return nil
	}
}

// testAdoption applies the group, snapshot and restored group of
// adoptionConfig under faults, on a sandbox of its own, and checks that it
// holds exactly one of each, then what check says.
func testAdoption(t *testing.T, faults string, check func(base string) resource.TestCheckFunc) {
	acctest.PreCheckManila(t)
	env := acctest.StartSandbox(t, sandbox.Options{})
	base := sandboxBase(env)
	provider := acctest.ManilaProviderConfig(acctest.ManilaSettingsFrom(env))
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckManila(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkSandboxEmpty(t, base),
		Steps: []resource.TestStep{{
			PreConfig: func() { setFaults(t, base, faults) },
			Config:    adoptionConfig(provider, acctest.RandomName("tf-acc-adopt")),
			Check: resource.ComposeAggregateTestCheckFunc(
				checkSandboxHolds(t, base, 3),
				resource.TestCheckResourceAttr(cgAddr, "status", "available"),
				resource.TestCheckResourceAttr(snapAddr, "status", "available"),
				resource.TestCheckResourceAttr(restoredAddr, "status", "available"),
				check(base),
			),
		}},
	})
}

// Every creation's answer is lost, every time (the server creates, then
// the connection is closed): each create looks the object up and adopts
// it, and the sandbox holds exactly one of each.
func TestAccAdoption_everyAnswerLost(t *testing.T) {
	testAdoption(t, "reset_after=1,route=POST /v2/", func(base string) resource.TestCheckFunc {
		return checkFaults(t, base, "reset_after")
	})
}

// Creations answered with a 5xx before the server acted: each create finds
// nothing to adopt and is sent again, and the sandbox holds one of each.
// With this seed the first creation of each kind is answered 500, and the
// others succeed.
func TestAccAdoption_serverErrorsRepeatTheCreate(t *testing.T) {
	testAdoption(t, "5xx=0.5,seed=21,route=POST /v2/", func(base string) resource.TestCheckFunc {
		return checkRequests(t, base, map[string]int64{"POST /v2/{project_id}/consistency-groups": 3, "POST /v2/{project_id}/cgsnapshots": 2})
	})
}

// The lookup after a lost answer matches only a group of that name and
// those attributes created since the first attempt, and refuses to choose
// between two: Manila's names are not unique.
func TestFindCreatedConsistencyGroup(t *testing.T) {
	acctest.PreCheckManila(t)
	user, _ := sandboxClients(t, sandbox.Options{})
	ctx := context.Background()
	gold := acctest.SandboxEnv(t, acctest.EnvManilaShareTypeGoldID)
	name := acctest.RandomName("find")
	in := manila.ConsistencyGroupCreate{Name: &name, ShareTypes: []string{gold}}
	before := time.Now().Add(-time.Minute)
	if _, found, err := user.FindCreatedConsistencyGroup(ctx, in, before); err != nil || found {
		t.Fatalf("before any creation: %v %v", found, err)
	}
	first, err := user.CreateConsistencyGroup(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	got, found, err := user.FindCreatedConsistencyGroup(ctx, in, before)
	if err != nil || !found || got.ID != first.ID {
		t.Fatalf("one match: %+v %v %v", got, found, err)
	}
	// Another description, or a creation before since, is not a match.
	other := in
	other.Description = conv.Ptr("other")
	if _, found, err := user.FindCreatedConsistencyGroup(ctx, other, before); err != nil || found {
		t.Fatalf("other description: %v %v", found, err)
	}
	if _, found, err := user.FindCreatedConsistencyGroup(ctx, in, time.Now().Add(time.Minute)); err != nil || found {
		t.Fatalf("created before since: %v %v", found, err)
	}
	second, err := user.CreateConsistencyGroup(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	_, found, err = user.FindCreatedConsistencyGroup(ctx, in, before)
	if found || err == nil || !strings.Contains(err.Error(), first.ID) || !strings.Contains(err.Error(), second.ID) ||
		!strings.Contains(err.Error(), "cannot tell") {
		t.Fatalf("two matches: %v %v", found, err)
	}
}

// The same for snapshots, which must also be of the same group.
func TestFindCreatedCGSnapshot(t *testing.T) {
	acctest.PreCheckManila(t)
	user, _ := sandboxClients(t, sandbox.Options{})
	ctx := context.Background()
	gold := acctest.SandboxEnv(t, acctest.EnvManilaShareTypeGoldID)
	var groups []string
	for range 2 {
		cg, err := user.CreateConsistencyGroup(ctx, manila.ConsistencyGroupCreate{ShareTypes: []string{gold}})
		if err != nil {
			t.Fatal(err)
		}
		waitStatus(t, cg.ID, "available", user.GetConsistencyGroup, cgStatus)
		groups = append(groups, cg.ID)
	}
	before := time.Now().Add(-time.Minute)
	in := manila.CGSnapshotCreate{ConsistencyGroupID: groups[0], Name: conv.Ptr("nightly")}
	s, err := user.CreateCGSnapshot(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if got, found, err := user.FindCreatedCGSnapshot(ctx, in, before); err != nil || !found || got.ID != s.ID {
		t.Fatalf("one match: %+v %v %v", got, found, err)
	}
	in.ConsistencyGroupID = groups[1]
	if _, found, err := user.FindCreatedCGSnapshot(ctx, in, before); err != nil || found {
		t.Fatalf("another group: %v %v", found, err)
	}
}
