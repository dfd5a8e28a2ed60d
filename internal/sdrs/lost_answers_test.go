package sdrs_test

import (
	"cmp"
	"context"
	"fmt"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/adopt"
	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

// The Huawei SDK hands back a connection lost after the request was sent
// (the sandbox's reset_after: the server acted, the answer never came) as
// the connection's error, wrapped: adopt.Unsure recognises it, and a 5xx,
// as a create whose outcome is unknown. A refusal (HTTP 400) is sure.
func TestLostAnswersAreUnsure(t *testing.T) {
	for _, tc := range []struct {
		faults, name string
		unsure       bool
		made         int
	}{
		{"reset_after=1,route=POST /v1/", "reset-after", true, 1},
		{"reset=1,route=POST /v1/", "reset", true, 0},
		{"5xx=1,route=POST /v1/", "gateway", true, 0},
		{"", "not a valid name", false, 0},
	} {
		t.Run(cmp.Or(tc.faults, "refused"), func(t *testing.T) {
			env := acctest.StartSandbox(t, sandbox.Options{Faults: tc.faults})
			client := acctest.SDRSClientFor(t, env)
			domains, err := client.ListDomains(context.Background())
			if err != nil || len(domains) != 1 {
				t.Fatalf("domains: %v %v", domains, err)
			}
			_, err = client.CreateGroup(context.Background(), model.CreateProtectionGroupRequestParams{Name: tc.name,
				SourceAvailabilityZone: domains[0].LocalReplicationCluster.AvailabilityZone,
				TargetAvailabilityZone: domains[0].RemoteReplicationCluster.AvailabilityZone,
				DomainId:               domains[0].Id, SourceVpcId: env[acctest.EnvSDRSVPCID]})
			if err == nil || adopt.Unsure(err) != tc.unsure {
				t.Fatalf("err = %v (%T): adopt.Unsure = %v, want %v", err, err, adopt.Unsure(err), tc.unsure)
			}
			if n := len(acctest.SandboxObjects(t, env["HW_SDRS_ENDPOINT"])["sdrs.protection_group"]); n != tc.made {
				t.Errorf("the sandbox holds %d groups, want %d", n, tc.made)
			}
		})
	}
}

// pairConfig is a group and a pair on the first fixture disk of the
// sandbox of env.
func pairConfig(env map[string]string, name string) string {
	return ownGroupConfig(env, name, "", pairBlock(name+"-pair", sandboxVolume(env, 0), ""))
}

// Every create's answer is lost (the server creates, then the connection
// closes unanswered): the provider finds the group by its name, sites, VPC
// and creation time, and the pair by its disk in its group, and adopts
// them. The sandbox then holds exactly one of each.
func TestAccLostCreateAnswersAreAdopted(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{Faults: "reset_after=1,route=POST /v1/"})
	ownSandboxTest(t, env, resource.TestStep{
		Config:            pairConfig(env, randomName()),
		ConfigStateChecks: stateIs("available", false, "source"),
		Check: resource.ComposeTestCheckFunc(
			checkSandboxHolds(t, env, map[string]int{"continuity_sdrs_protection_group": 1, "continuity_sdrs_replication_pair": 1}),
			resource.TestCheckResourceAttr(pairAddr, "status", "available"),
			// One create of each was sent: adopted, not repeated.
			checkSent(t, env, routeCreateGroup, 1, nil),
			checkSent(t, env, routeCreatePair, 1, nil),
		),
	})
}

// Creates answered 5xx before the server acted are looked up (nothing was
// made) and sent again: one group and one pair. Seed 12 fails the group's
// first two creates and the pair's first one.
func TestAccCreatesAnswered5xxAreRepeated(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{Faults: "5xx=0.5,seed=12,route=POST /v1/"})
	ownSandboxTest(t, env, resource.TestStep{
		Config: pairConfig(env, randomName()),
		Check: resource.ComposeTestCheckFunc(
			checkSandboxHolds(t, env, map[string]int{"continuity_sdrs_protection_group": 1, "continuity_sdrs_replication_pair": 1}),
			checkSent(t, env, routeCreateGroup, 3, nil),
			checkSent(t, env, routeCreatePair, 2, nil),
		),
	})
}

// The same for the objects of protected servers: every POST's answer is
// lost (a protected instance's creation and its NIC's addition, a pair's
// attachment, a drill's creation): each is found and adopted, or seen to
// have taken effect, and sent once; the sandbox holds exactly one of each.
func TestAccLostAnswersOfProtectedServersAreAdopted(t *testing.T) {
	env := acctest.StartSandbox(t, sandbox.Options{Faults: "reset_after=1,route=POST /v1/"})
	name := randomName()
	config := ownGroupConfig(env, name, "", instanceBlock(name, sandboxServer(env, 0), fmt.Sprintf(
		"  nics = [{ subnet_id = %q }]\n  tags = { a = \"b\" }", env[acctest.EnvSDRSSubnetID]))+
		pairBlock(name+"-pair", sandboxVolume(env, 0), "")+attachmentBlock("/dev/vdc")+drillBlock(name, ""))
	ownSandboxTest(t, env, resource.TestStep{
		Config: config,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("nics"), knownvalue.ListSizeExact(1)),
			statecheck.ExpectKnownValue(instanceAddr, tfjsonpath.New("tags"), knownvalue.MapSizeExact(1)),
			statecheck.ExpectKnownValue(attachmentAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
			statecheck.ExpectKnownValue(drillAddr, tfjsonpath.New("status"), knownvalue.StringExact("available")),
		},
		Check: resource.ComposeTestCheckFunc(
			checkSandboxHolds(t, env, map[string]int{"continuity_sdrs_protection_group": 1, "continuity_sdrs_protected_instance": 1,
				"continuity_sdrs_drill": 1}),
			checkSent(t, env, routeCreateInstance, 1, nil),
			checkSent(t, env, routeAddNIC, 1, nil),
			checkSent(t, env, routeAttach, 1, nil),
			checkSent(t, env, routeCreateDrill, 1, nil),
		),
	})
}
