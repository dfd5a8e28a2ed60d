package acctest

import (
	"context"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sdrs"
	"github.com/continuity-dr/terraform-provider-continuity/internal/transport"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/config"
	ecsv2 "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/ecs/v2"
	ecsmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/ecs/v2/model"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sdrs/v1/model"
)

// Fixture variables of the SDRS tests: the sandbox exports them; against a
// real project, set them to a VPC and to disks of the domain's local AZ that
// the tests may replicate.
const (
	EnvSDRSVPCID     = "CONTINUITY_SANDBOX_SDRS_VPC_ID"
	EnvSDRSVolumeIDs = "CONTINUITY_SANDBOX_SDRS_VOLUME_IDS"
	// EnvSDRSServerIDs are ECS servers of the domain's local AZ, in the VPC,
	// each with disks of its own, that the tests may protect (one
	// protected instance per server at a time); EnvSDRSSubnetID is a
	// subnet of the VPC and EnvSDRSDrillVPCID a VPC for DR drills (a
	// subnet of the same CIDR); EnvSDRSSecurityGroupID a security group and
	// EnvSDRSFlavors ECS flavors of both AZs, the servers' first.
	EnvSDRSServerIDs       = "CONTINUITY_SANDBOX_SDRS_SERVER_IDS"
	EnvSDRSSubnetID        = "CONTINUITY_SANDBOX_SDRS_SUBNET_ID"
	EnvSDRSDrillVPCID      = "CONTINUITY_SANDBOX_SDRS_DRILL_VPC_ID"
	EnvSDRSSecurityGroupID = "CONTINUITY_SANDBOX_SDRS_SECURITY_GROUP_ID"
	EnvSDRSFlavors         = "CONTINUITY_SANDBOX_SDRS_FLAVORS"
)

// PreCheckSDRS is PreCheck for tests of the Huawei Cloud SDRS backend.
func PreCheckSDRS(t *testing.T) {
	t.Helper()
	PreCheck(t, "HW_PROJECT_ID", "HW_ACCESS_KEY", "HW_SECRET_KEY")
	if !UseSandbox() && os.Getenv("HW_REGION_NAME") == "" && os.Getenv("HW_SDRS_ENDPOINT") == "" {
		t.Skipf("%s=off and neither HW_REGION_NAME nor HW_SDRS_ENDPOINT is set", EnvSandbox)
	}
}

// SDRSClient returns an SDRS client configured from the environment, for
// tests that check or change objects behind Terraform's back.
func SDRSClient(t *testing.T) *sdrs.Client {
	t.Helper()
	PreCheckSDRS(t)
	return newSDRSClient(t, sdrs.SettingsFromEnv())
}

// SDRSClientFor returns an SDRS client of the sandbox whose variables env
// holds (from StartSandbox).
func SDRSClientFor(t *testing.T, env map[string]string) *sdrs.Client {
	t.Helper()
	return newSDRSClient(t, sdrs.Settings{Region: env["HW_REGION_NAME"], ProjectID: env["HW_PROJECT_ID"],
		AccessKey: env["HW_ACCESS_KEY"], SecretKey: env["HW_SECRET_KEY"], Endpoint: env["HW_SDRS_ENDPOINT"]})
}

func newSDRSClient(t *testing.T, s sdrs.Settings) *sdrs.Client {
	t.Helper()
	hc, err := transport.New(transport.Options{SecretValues: []string{s.SecretKey}})
	if err != nil {
		t.Fatal(err)
	}
	c, err := sdrs.NewClient(s, hc.Transport, transport.UserAgent("acctest"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// SDRSVolumeID returns the i-th fixture disk. Tests that run in parallel
// use different indexes, since a disk serves one replication pair at a
// time; against a real project the test is skipped when there are not
// enough disks (against the sandbox it fails).
func SDRSVolumeID(t *testing.T, i int) string {
	t.Helper()
	PreCheckSDRS(t)
	ids := strings.Split(SandboxEnv(t, EnvSDRSVolumeIDs), ",")
	if i >= len(ids) {
		if UseSandbox() {
			t.Fatalf("the sandbox exports %d disks in %s; this test needs disk #%d", len(ids), EnvSDRSVolumeIDs, i+1)
		}
		t.Skipf("%s has %d disks; this test needs disk #%d", EnvSDRSVolumeIDs, len(ids), i+1)
	}
	return strings.TrimSpace(ids[i])
}

// SDRSServerID returns the i-th fixture server, as SDRSVolumeID does the
// disks: tests that run in parallel protect different servers.
func SDRSServerID(t *testing.T, i int) string {
	t.Helper()
	PreCheckSDRS(t)
	ids := strings.Split(SandboxEnv(t, EnvSDRSServerIDs), ",")
	if i >= len(ids) {
		if UseSandbox() {
			t.Fatalf("the sandbox exports %d servers in %s; this test needs server #%d", len(ids), EnvSDRSServerIDs, i+1)
		}
		t.Skipf("%s has %d servers; this test needs server #%d", EnvSDRSServerIDs, len(ids), i+1)
	}
	return strings.TrimSpace(ids[i])
}

// SDRSFlavor returns the i-th fixture flavor (0: the servers').
func SDRSFlavor(t *testing.T, i int) string {
	t.Helper()
	ids := strings.Split(SandboxEnv(t, EnvSDRSFlavors), ",")
	if i >= len(ids) {
		t.Fatalf("%s has %d flavors; this test needs flavor #%d", EnvSDRSFlavors, len(ids), i+1)
	}
	return strings.TrimSpace(ids[i])
}

// SDRSSetServers stops (start false) or starts ECS servers through ECS's
// batch actions, as an operator does before a planned failover, a resize
// or a re-protection (the official SDK's ECS client, on the credentials of
// the environment, or of env when given), and waits for them.
func SDRSSetServers(t testing.TB, env map[string]string, start bool, ids ...string) {
	t.Helper()
	s := sdrs.SettingsFromEnv()
	if env != nil {
		s = sdrs.Settings{Region: env["HW_REGION_NAME"], ProjectID: env["HW_PROJECT_ID"], AccessKey: env["HW_ACCESS_KEY"],
			SecretKey: env["HW_SECRET_KEY"], Endpoint: env["HW_SDRS_ENDPOINT"]}
	}
	endpoint, err := s.ECSEndpointURL()
	if err != nil {
		t.Fatal(err)
	}
	cred, err := basic.NewCredentialsBuilder().WithAk(s.AccessKey).WithSk(s.SecretKey).WithProjectId(s.ProjectID).SafeBuild()
	if err != nil {
		t.Fatal(err)
	}
	hc, err := ecsv2.EcsClientBuilder().WithEndpoints([]string{endpoint}).WithCredential(cred).
		WithHttpConfig(config.DefaultHttpConfig().WithUserAgent("continuity-acctest")).SafeBuild()
	if err != nil {
		t.Fatal(err)
	}
	ecs := ecsv2.NewEcsClient(hc)
	var servers []ecsmodel.ServerId
	for _, id := range ids {
		servers = append(servers, ecsmodel.ServerId{Id: id})
	}
	var jobID *string
	if start {
		resp, err := ecs.BatchStartServers(&ecsmodel.BatchStartServersRequest{Body: &ecsmodel.BatchStartServersRequestBody{
			OsStart: &ecsmodel.BatchStartServersOption{Servers: servers}}})
		if err != nil {
			t.Fatal(err)
		}
		jobID = resp.JobId
	} else {
		resp, err := ecs.BatchStopServers(&ecsmodel.BatchStopServersRequest{Body: &ecsmodel.BatchStopServersRequestBody{
			OsStop: &ecsmodel.BatchStopServersOption{Servers: servers}}})
		if err != nil {
			t.Fatal(err)
		}
		jobID = resp.JobId
	}
	for range 600 {
		j, err := ecs.ShowJob(&ecsmodel.ShowJobRequest{JobId: *jobID})
		if err != nil {
			t.Fatal(err)
		}
		switch j.Status.Value() {
		case "SUCCESS":
			return
		case "FAIL":
			t.Fatalf("ECS job %s failed: %v", *jobID, j)
		}
		time.Sleep(time.Second) // polling a real ECS job; the sandbox's end at once
	}
	t.Fatalf("ECS job %s did not end", *jobID)
}

// SetSDRSSandboxFaults replaces the faults of the sandbox whose variables
// env holds (POST /_sandbox/faults at its SDRS endpoint), so that a test
// can set up calmly and then hold or break an operation ("" clears them).
func SetSDRSSandboxFaults(t testing.TB, env map[string]string, spec string) {
	t.Helper()
	res, err := http.Post(env["HW_SDRS_ENDPOINT"]+"/_sandbox/faults", "text/plain", strings.NewReader(spec))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(res.Body)
		t.Fatalf("POST /_sandbox/faults %q: HTTP %d %s", spec, res.StatusCode, body)
	}
}

// SDRSCreateGroup creates a protection group named name through the API,
// behind Terraform's back, between the active-active domain's two zones
// and in the fixture VPC of env, and returns its ID and its creation job's
// without waiting for the job.
func SDRSCreateGroup(t testing.TB, client *sdrs.Client, env map[string]string, name string) (id, jobID string) {
	t.Helper()
	ctx := context.Background()
	domains, err := client.ListDomains(ctx)
	if err != nil || len(domains) == 0 || domains[0].LocalReplicationCluster == nil || domains[0].RemoteReplicationCluster == nil {
		t.Fatalf("domains: %v, %v", domains, err)
	}
	d := domains[0]
	jobID, err = client.CreateGroup(ctx, model.CreateProtectionGroupRequestParams{Name: name,
		SourceAvailabilityZone: d.LocalReplicationCluster.AvailabilityZone, TargetAvailabilityZone: d.RemoteReplicationCluster.AvailabilityZone,
		DomainId: d.Id, SourceVpcId: env[EnvSDRSVPCID]})
	if err != nil {
		t.Fatal(err)
	}
	j, err := client.GetJob(ctx, jobID)
	if err != nil || j.Entities == nil || j.Entities.ServerGroupId == nil {
		t.Fatalf("job %s: %v, %v", jobID, j, err)
	}
	return *j.Entities.ServerGroupId, jobID
}
